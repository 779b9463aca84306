import rules

from amanat.accounts.predicates import is_admin, is_analyst, is_moderator

rules.add_perm("dialogue.moderate_statement", is_admin | is_moderator)
rules.add_perm("dialogue.export_votes", is_admin | is_analyst | is_moderator)
# Online events: staff open and change them; moderators mark the live questions.
rules.add_perm("dialogue.manage_event", is_admin | is_moderator | is_analyst)
rules.add_perm("dialogue.moderate_question", is_admin | is_moderator)


# Debates: anyone signed in opens one and takes part; staff may mark theirs official; staff
# or the opener close it with a conclusion; moderators see posts hidden by moderation.
@rules.predicate
def is_debate_opener(user, debate) -> bool:
    return debate is not None and user.is_authenticated and debate.author_id == user.pk


is_debate_staff = is_admin | is_moderator | is_analyst
rules.add_perm("dialogue.open_debate", rules.is_authenticated)
rules.add_perm("dialogue.open_official_debate", is_debate_staff)
rules.add_perm("dialogue.take_part_in_debate", rules.is_authenticated)
rules.add_perm("dialogue.close_debate", is_debate_staff | is_debate_opener)
rules.add_perm("dialogue.see_hidden_debate_posts", is_admin | is_moderator)
rules.add_perm("dialogue.moderate_posts", is_admin | is_moderator)
rules.add_perm("dialogue.review_voices", is_admin | is_moderator)
