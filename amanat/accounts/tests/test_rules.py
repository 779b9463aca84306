"""The permission matrix: every role × action × scope, against one table of expectations."""

import pytest
from django.contrib.auth.models import AnonymousUser

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import PollingStationFactory
from amanat.incidents.models import Report
from amanat.legalhelp.models import Question
from amanat.observers.models import Application, SosAlert
from amanat.observers.tests.factories import ObserverFactory

R = Role
APPS_WITH_RULES = {
    "accounts", "geography", "elections", "audit", "observers", "incidents", "legalhelp",
    "results",
}  # fmt: skip
EVERY_ROLE = set(Role)
# action -> roles allowed, for the scopes: "own" region object, "other" region object, "none"
MATRIX = {
    "geography.view_pollingstation": {
        "own": EVERY_ROLE,
        "other": EVERY_ROLE,
        "anonymous": True,
    },
    "geography.change_pollingstation": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "geography.import_stations": {"none": {R.ADMIN}},
    "elections.view_election": {"none": EVERY_ROLE, "anonymous": True},
    "elections.manage_election": {"none": {R.ADMIN}},
    "accounts.view_personal_data": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "accounts.manage_roles": {"none": {R.ADMIN}},
    "accounts.issue_api_token": {"none": EVERY_ROLE},
    "audit.view_log": {"none": {R.ADMIN}},
    "observers.coordinate": {"none": {R.ADMIN, R.COORDINATOR}},
    "observers.review_application": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "observers.view_observer": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "observers.manage_deployment": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "observers.manage_accreditation": {"own": {R.ADMIN, R.COORDINATOR}, "other": {R.ADMIN}},
    "observers.view_coverage": {"none": {R.ADMIN, R.COORDINATOR, R.ANALYST}},
    "observers.check_in": {"none": {R.OBSERVER}},
    "observers.raise_sos": {"none": {R.OBSERVER}},
    "observers.handle_sos": {
        "own": {R.ADMIN, R.COORDINATOR, R.LAWYER},
        "other": {R.ADMIN},
    },
    "observers.broadcast": {"none": {R.ADMIN, R.COORDINATOR}},
    "observers.view_sos_alerts": {"none": {R.ADMIN, R.COORDINATOR, R.LAWYER}},
    "incidents.moderate": {
        "own": {R.ADMIN, R.MODERATOR, R.COORDINATOR},
        "other": {R.ADMIN, R.MODERATOR},
    },
    "incidents.reveal_identity": {"own": {R.ADMIN}, "other": {R.ADMIN}},
    "legalhelp.answer_question": {"own": {R.ADMIN, R.LAWYER}, "other": {R.ADMIN}},
    "legalhelp.view_queue": {"none": {R.ADMIN, R.LAWYER}},
    "results.view_reconciliation": {"none": {R.ADMIN, R.COORDINATOR, R.ANALYST}},
    "results.enter_protocol": {"none": {R.ADMIN, R.COORDINATOR, R.ANALYST}},
    "results.import_results": {"none": {R.ADMIN}},
    "results.analyse": {"none": {R.ADMIN, R.ANALYST, R.EXPERT, R.JOURNALIST}},
    "results.view_pvt": {"none": {R.ADMIN, R.ANALYST}},
    "results.manage_pvt": {"none": {R.ADMIN}},
}


def _cases():
    for action, scopes in MATRIX.items():
        for scope in ("own", "other", "none"):
            if scope not in scopes:
                continue
            for role in Role:
                yield pytest.param(
                    action, role, scope, role in scopes[scope], id=f"{action}-{role}-{scope}"
                )


@pytest.fixture
def scoped_objects(region, other_region, make_user):
    """For each scope, an object of the action's kind in the user's region or another one."""

    def build(action, scope):
        if scope == "none":
            return None
        target_region = region if scope == "own" else other_region
        if action.startswith("accounts."):
            return make_user(role=R.OBSERVER, regions=[target_region])
        if action == "observers.review_application":
            return Application(region=target_region)
        if action in ("observers.view_observer", "observers.manage_accreditation"):
            return ObserverFactory(region=target_region)
        if action == "observers.handle_sos":
            return SosAlert(region=target_region)
        if action.startswith("incidents."):
            return Report(region=target_region)
        if action.startswith("legalhelp."):
            return Question(region=target_region)
        return PollingStationFactory(district__region=target_region)

    return build


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "role", "scope", "allowed"), list(_cases()))
def test_matrix(action, role, scope, allowed, make_user, region, scoped_objects):
    user = make_user(role=role, regions=[region])
    obj = scoped_objects(action, scope)

    assert user.has_perm(action, obj) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(MATRIX))
def test_anonymous(action, region):
    obj = PollingStationFactory(district__region=region)
    expected = MATRIX[action].get("anonymous", False)
    assert AnonymousUser().has_perm(action, obj) is expected


@pytest.mark.django_db
def test_users_see_their_own_personal_data(make_user, region):
    observer = make_user(role=R.OBSERVER, regions=[region])
    assert observer.has_perm("accounts.view_personal_data", observer)
    assert not observer.has_perm("accounts.view_personal_data", make_user(regions=[region]))


@pytest.mark.django_db
def test_every_rule_in_the_code_is_in_the_matrix():
    import rules

    declared = {
        name for name in rules.permissions.permissions if name.split(".")[0] in APPS_WITH_RULES
    }
    assert declared == set(MATRIX)


@pytest.mark.django_db
def test_region_scope_of_each_kind_of_object(region, other_region, make_user):
    """A region, an object carrying region_id (a station's comes through its district), and a
    person (their regions): the predicates know each without importing geography."""
    from amanat.accounts.predicates import regions_of

    station = PollingStationFactory(district__region=region)
    person = make_user(role=R.OBSERVER, regions=[region, other_region])

    assert regions_of(region) == {region.pk}
    assert regions_of(station) == {region.pk}
    assert regions_of(Report(region=None)) == set()
    assert regions_of(person) == {region.pk, other_region.pk}
    assert regions_of(object()) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "own", "other"),
    [(R.COORDINATOR, True, False), (R.ADMIN, True, True), (R.OBSERVER, False, False)],
)
def test_a_region_itself_is_in_scope_of_its_coordinators(
    role, own, other, region, other_region, make_user
):
    user = make_user(role=role, regions=[region])

    assert user.has_perm("geography.change_pollingstation", region) is own
    assert user.has_perm("geography.change_pollingstation", other_region) is other
