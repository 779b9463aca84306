import rules

from amanat.accounts.predicates import is_admin, is_moderator

rules.add_perm("mandates.merge_mandate", is_admin | is_moderator)
