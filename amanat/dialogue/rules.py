import rules

from amanat.accounts.predicates import is_admin, is_analyst, is_moderator

rules.add_perm("dialogue.moderate_statement", is_admin | is_moderator)
rules.add_perm("dialogue.export_votes", is_admin | is_analyst | is_moderator)
rules.add_perm("dialogue.moderate_posts", is_admin | is_moderator)
rules.add_perm("dialogue.review_voices", is_admin | is_moderator)
