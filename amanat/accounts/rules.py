import rules

from .predicates import in_own_region, is_admin, is_coordinator, is_self

# Names, phone numbers and e-mail addresses of people: themselves, admins, and coordinators of
# a region the person works in.
rules.add_perm("accounts.view_personal_data", is_self | is_admin | (is_coordinator & in_own_region))
rules.add_perm("accounts.manage_roles", is_admin)
rules.add_perm("accounts.issue_api_token", rules.is_authenticated)
