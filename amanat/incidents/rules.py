import rules

from amanat.accounts.predicates import in_own_region, is_admin, is_coordinator, is_moderator

# Checking and publishing reports: moderators and admins everywhere, coordinators in their
# regions. Seeing who reported is a separate permission, and every use of it is audit-logged.
rules.add_perm("incidents.moderate", is_admin | is_moderator | (is_coordinator & in_own_region))
rules.add_perm("incidents.reveal_identity", is_admin)
