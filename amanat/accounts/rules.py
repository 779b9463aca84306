"""The permissions that rest on accounts' predicates alone. Those of audit and geography are
registered here too: both lie below or beside accounts and may not import its predicates."""

import rules

from .predicates import in_own_region, is_admin, is_coordinator, is_self

# Names, phone numbers and e-mail addresses of people: themselves, admins, and coordinators of
# a region the person works in.
rules.add_perm("accounts.view_personal_data", is_self | is_admin | (is_coordinator & in_own_region))
rules.add_perm("accounts.manage_roles", is_admin)
rules.add_perm("accounts.issue_api_token", rules.is_authenticated)

rules.add_perm("audit.view_log", is_admin)

# Polling stations are public facts; changing them is for admins and the region's coordinators.
rules.add_perm("geography.view_pollingstation", rules.always_allow)
rules.add_perm("geography.change_pollingstation", is_admin | (is_coordinator & in_own_region))
rules.add_perm("geography.import_stations", is_admin)
