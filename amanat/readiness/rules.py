"""Who does what in a voter-list audit. Extracts are personal data: only the audit team of
the station's region sees or uploads them (its coordinators, and admins)."""

import rules

from amanat.accounts.predicates import in_own_region, is_admin, is_analyst, is_coordinator

audit_team = is_admin | (is_coordinator & in_own_region)

rules.add_perm("readiness.view_audits", is_admin | is_coordinator | is_analyst)
rules.add_perm("readiness.add_auditproject", is_admin | is_coordinator)
# On a project: drawing its stations (a nationwide project is the admins' to draw).
rules.add_perm("readiness.change_auditproject", audit_team)
# On an audit station: its extract, the names drawn from it and the computer tests' findings.
rules.add_perm("readiness.view_extract", audit_team)
rules.add_perm("readiness.upload_extract", audit_team)
