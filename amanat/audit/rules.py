import rules

from amanat.accounts.predicates import is_admin

rules.add_perm("audit.view_log", is_admin)
