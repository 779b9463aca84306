import rules

from amanat.accounts.predicates import in_own_region, is_admin, is_coordinator

# Polling stations are public facts; changing them is for admins and the region's coordinators.
rules.add_perm("geography.view_pollingstation", rules.always_allow)
rules.add_perm("geography.change_pollingstation", is_admin | (is_coordinator & in_own_region))
rules.add_perm("geography.import_stations", is_admin)
