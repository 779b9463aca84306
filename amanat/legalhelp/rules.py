import rules

from amanat.accounts.predicates import in_own_region, is_admin, is_lawyer

rules.add_perm("legalhelp.answer_question", is_admin | (is_lawyer & in_own_region))
rules.add_perm("legalhelp.view_queue", is_admin | is_lawyer)
