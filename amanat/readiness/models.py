"""Readiness of the pre-election stage: voter-list audits and citizens' self-checks,
pre-election monitoring of commissions, and the register of candidates' refusals."""

from .models_audit import (  # noqa: F401 - the app's models, one module per area
    AuditProject,
    AuditStation,
    ExtractEntry,
    ListOutcome,
    NameOutcome,
    PeopleCheck,
    PersonOutcome,
    SampledName,
)
from .models_conditions import MonitoringVisit, Refusal, SelfCheck  # noqa: F401
