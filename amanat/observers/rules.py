import rules

from amanat.accounts.predicates import (
    in_own_region,
    is_admin,
    is_analyst,
    is_coordinator,
    is_lawyer,
    is_observer,
)


@rules.predicate
def is_own_observer_record(user, observer) -> bool:
    from .models import Observer

    return user.is_authenticated and isinstance(observer, Observer) and observer.user_id == user.pk


rules.add_perm("observers.review_application", is_admin | (is_coordinator & in_own_region))
rules.add_perm(
    "observers.view_observer", is_admin | (is_coordinator & in_own_region) | is_own_observer_record
)
rules.add_perm("observers.manage_deployment", is_admin | (is_coordinator & in_own_region))
# Accreditations are recorded by the network, never by the observer on their own record.
rules.add_perm("observers.manage_accreditation", is_admin | (is_coordinator & in_own_region))
rules.add_perm("observers.view_coverage", is_admin | is_coordinator | is_analyst)
rules.add_perm("observers.check_in", is_observer)
rules.add_perm("observers.raise_sos", is_observer)
rules.add_perm("observers.handle_sos", is_admin | ((is_coordinator | is_lawyer) & in_own_region))
rules.add_perm("observers.coordinate", is_admin | is_coordinator)
rules.add_perm("observers.broadcast", is_admin | is_coordinator)
# Who may open the list of SOS alerts (each alert then asks handle_sos for its region).
rules.add_perm("observers.view_sos_alerts", is_admin | is_coordinator | is_lawyer)
