"""The API under schemathesis (issue 16, guards): every operation of /api/v1/openapi.json,
with generated requests, without a token and with the tokens of several roles. No answer
may be a 5xx, every answer must match its schema, and the schema must list every status the
API answers. Bounded (MAX_EXAMPLES per operation) to stay within a minute or two."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from amanat.accounts.roles import Role
from amanat.accounts.services import api_token_issue
from amanat.accounts.tests.factories import UserFactory
from amanat.geography.tests.factories import PollingStationFactory
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory

MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def _connection_kept():
    """As Django's test client does: the WSGI handler must not close the connection after
    a request (on PostgreSQL that would end the test's transaction)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def tokens(db, _connection_kept):
    """None (no token), a wrong token, and a token for each kind of caller."""
    ElectionFactory()
    PollingStationFactory.create_batch(2)
    observer = ObserverFactory()
    users = [observer.user] + [
        UserFactory(role=role) for role in (Role.COORDINATOR, Role.ADMIN, Role.CITIZEN)
    ]
    return [None, "not-a-token"] + [api_token_issue(request=None, user=u)[1] for u in users]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_every_operation_answers_within_its_schema(case, tokens):
    for token in tokens:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if not token:
            case.headers = {k: v for k, v in (case.headers or {}).items()
                            if k.lower() != "authorization"}  # fmt: skip
        # A WSGI server gives the client's address; werkzeug's test client does not.
        response = case.call(headers=headers, environ_base={"REMOTE_ADDR": "203.0.113.7"})
        case.validate_response(response, checks=CHECKS, headers=headers)
