from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from amanat.api import api
from amanat.channels import openrosa
from amanat.channels import views as channel_views
from amanat.checklists import views as checklist_views
from amanat.core import views as core_views
from amanat.elections import views as election_views
from amanat.incidents import views as incident_views
from amanat.training import views as training_views

admin.site.site_header = _("Amanat administration")
admin.site.site_title = _("Amanat administration")
admin.site.index_title = _("Data and people")

handler500 = "amanat.core.unavailable.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("api/v1/", api.urls),
    path("sw.js", checklist_views.service_worker, name="service_worker"),
    path("evidence/<uuid:public_id>.jpg", incident_views.evidence_copy, name="evidence_copy"),
    path("sms/smssync/", channel_views.smssync, name="sms_smssync"),
    path("openrosa/formList", openrosa.form_list, name="openrosa_form_list"),
    path("openrosa/forms/<str:code>.xml", openrosa.form_download, name="openrosa_form"),
    path("openrosa/submission", openrosa.submission, name="openrosa_submission"),
    path("sms/twilio/", channel_views.twilio, name="sms_twilio"),
    path("telegram/webhook/", channel_views.telegram_webhook, name="telegram_webhook"),
    # Printed on certificates, so without a language prefix; the page follows the browser.
    path(
        "certificates/<str:code>",
        training_views.certificate_verify,
        name="certificate_verify",
    ),
]
urlpatterns += i18n_patterns(
    # The front page shows elections, so elections serve it; its name stays core:home, which
    # every page links and LOGIN_REDIRECT_URL names.
    path("", include(([path("", election_views.home, name="home")], "core"))),
    path("accounts/", include("amanat.accounts.urls")),
    path("", include("amanat.geography.urls")),
    path("training/", include("amanat.training.urls")),
    path("observers/", include("amanat.observers.urls")),
    path("", include("amanat.voterinfo.urls")),
    path("legal-help/", include("amanat.legalhelp.urls")),
    path("checklists/", include("amanat.checklists.urls")),
    path("incidents/", include("amanat.incidents.urls")),
    path("mandates/", include("amanat.mandates.urls")),
    path("readiness/", include("amanat.readiness.urls")),
    path("media/", include("amanat.media.urls")),
    path("dialogue/", include("amanat.dialogue.urls")),
    path("results/", include("amanat.results.urls")),
    path("forensics/", include("amanat.forensics.urls")),
    path("exports/", include("amanat.evidence.urls")),
    # The admin signs in through our login, which asks for the second factor.
    path("admin/login/", core_views.admin_login_redirect),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
