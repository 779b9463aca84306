import rules

from amanat.accounts.predicates import is_admin, is_moderator

rules.add_perm("mandates.merge_mandate", is_admin | is_moderator)

from amanat.accounts.predicates import is_analyst  # noqa: E402 - appended with the promises

# Promises are rated on evidence by staff only: never by a candidate's team or a citizen.
rules.add_perm("mandates.rate_promise", is_admin | is_moderator | is_analyst)
