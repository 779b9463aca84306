import rules

from amanat.accounts.predicates import is_admin, is_moderator

rules.add_perm("mandates.merge_mandate", is_admin | is_moderator)

from amanat.accounts.predicates import is_analyst  # noqa: E402 - appended with the promises

# Promises are rated on evidence by staff only: never by a candidate's team or a citizen.
rules.add_perm("mandates.rate_promise", is_admin | is_moderator | is_analyst)


@rules.predicate
def is_appeal_author(user, appeal) -> bool:
    """An appeal's personal data (name, contact, text) is its author's alone."""
    return appeal is not None and user.is_authenticated and appeal.author_id == user.pk


rules.add_perm("mandates.view_appeal", is_appeal_author)
