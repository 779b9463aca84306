"""Readiness of the pre-election stage: voter-list audits and citizens' self-checks,
pre-election monitoring of commissions, and the register of candidates' refusals."""

from .models_conditions import MonitoringVisit, Refusal, SelfCheck

__all__ = ["MonitoringVisit", "Refusal", "SelfCheck"]
