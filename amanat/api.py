"""/api/v1: one NinjaAPI, routers from each app, one error envelope, token authentication."""

from ninja import NinjaAPI

from amanat.accounts.api import router as accounts_router
from amanat.accounts.api_auth import TokenAuth
from amanat.checklists.api import router as checklists_router
from amanat.core.api_errors import install_error_handlers
from amanat.core.api_parser import NulRefusingParser
from amanat.geography.api import router as geography_router
from amanat.incidents.api import router as incidents_router
from amanat.mandates.api import router as mandates_router
from amanat.observers.api import router as observers_router

api = NinjaAPI(
    title="Amanat API",
    version="1",
    description="Independent election monitoring. Errors: {detail, code, errors}.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url="/docs",
    parser=NulRefusingParser(),
)
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", geography_router)
api.add_router("/", observers_router)
api.add_router("/", checklists_router)
api.add_router("/", incidents_router)
api.add_router("/", mandates_router)
