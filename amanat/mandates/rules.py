import rules

from amanat.accounts.predicates import is_admin, is_moderator

rules.add_perm("mandates.merge_mandate", is_admin | is_moderator)


@rules.predicate
def is_appeal_author(user, appeal) -> bool:
    """An appeal's personal data (name, contact, text) is its author's alone."""
    return appeal is not None and user.is_authenticated and appeal.author_id == user.pk


rules.add_perm("mandates.view_appeal", is_appeal_author)
