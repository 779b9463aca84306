import rules

from amanat.accounts.predicates import is_admin

rules.add_perm("elections.view_election", rules.always_allow)
rules.add_perm("elections.manage_election", is_admin)
