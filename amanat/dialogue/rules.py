import rules

from amanat.accounts.predicates import is_admin, is_analyst, is_moderator

rules.add_perm("dialogue.moderate_statement", is_admin | is_moderator)
rules.add_perm("dialogue.export_votes", is_admin | is_analyst | is_moderator)
# Online events: staff open and change them; moderators mark the live questions.
rules.add_perm("dialogue.manage_event", is_admin | is_moderator | is_analyst)
rules.add_perm("dialogue.moderate_question", is_admin | is_moderator)
