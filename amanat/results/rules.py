import rules

from amanat.accounts.predicates import is_admin, is_analyst, is_coordinator
from amanat.accounts.roles import Role


@rules.predicate
def is_researcher(user) -> bool:
    return user.is_authenticated and user.role in (Role.EXPERT, Role.JOURNALIST)


# Reconciliation shows figures per station, not people; coordinators see their regions only
# (the views scope the rows), headquarters and analysts see the country.
rules.add_perm("results.view_reconciliation", is_admin | is_coordinator | is_analyst)
rules.add_perm("results.enter_protocol", is_admin | is_coordinator | is_analyst)
rules.add_perm("results.import_results", is_admin)
# Forensics runs on published results or a file the analyst brings: no personal data.
rules.add_perm("results.analyse", is_admin | is_analyst | is_researcher)
# Which stations are in the PVT sample stays with headquarters and analysts.
rules.add_perm("results.view_pvt", is_admin | is_analyst)
rules.add_perm("results.manage_pvt", is_admin)
