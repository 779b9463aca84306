"""Who schedules and reads monitoring visits, and who keeps the refusals register."""

import rules

from amanat.accounts.predicates import (
    in_own_region,
    is_admin,
    is_analyst,
    is_coordinator,
    is_lawyer,
)

# Visits: coordinators in their regions; analysts and admins read all.
rules.add_perm("readiness.view_visits", is_admin | is_analyst | is_coordinator)
# Without a region: whether the scheduling form is offered at all.
rules.add_perm("readiness.add_visit", is_admin | is_coordinator)
rules.add_perm("readiness.schedule_visit", is_admin | (is_coordinator & in_own_region))
# The refusals register: lawyers keep it in their regions; analysts and admins read it.
rules.add_perm("readiness.view_refusals", is_admin | is_analyst | is_lawyer)
# Without a region: whether entries may be added at all.
rules.add_perm("readiness.add_refusal", is_admin | is_lawyer)
rules.add_perm("readiness.change_refusal", is_admin | (is_lawyer & in_own_region))
