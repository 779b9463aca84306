"""Writing, supporting once, merging without inflating supports, confirmation."""

import pytest

from amanat.accounts.tests.factories import UserFactory
from amanat.audit.models import AuditEntry
from amanat.audit.services import audit_record
from amanat.geography.models import Region
from amanat.mandates import selectors, services
from amanat.mandates.models import Mandate, Sighting, Support, Topic

from .factories import ConfirmedFactory, MandateFactory, SupportFactory

pytestmark = pytest.mark.django_db


def write(author, **overrides):
    values = {
        "title": "Су құбырын тарту", "text": "Ауылға таза су керек, құбыр жоқ.",
        "topic": Topic.WATER, "region": Region.objects.get(code="KZ-71"),
    }  # fmt: skip
    values.update(overrides)
    return services.mandate_write(author=author, data=services.MandateInput(**values))


def test_an_unconfirmed_person_writes_nothing():
    with pytest.raises(services.NotConfirmed):
        write(UserFactory())
    assert Mandate.objects.count() == 0


def test_a_signup_account_is_confirmed_by_its_audit_row():
    user = UserFactory()
    assert not selectors.person_confirmed(user)
    audit_record(action="accounts.account_created", actor=user, obj=user,
                 data={"role": "citizen", "confirmed": "email"})  # fmt: skip
    assert selectors.person_confirmed(user)


def test_writing_makes_the_author_its_first_supporter_and_is_audited():
    author = ConfirmedFactory()
    mandate, created = write(author)
    assert created
    assert list(mandate.authors.all()) == [author]
    assert selectors.mandate_supporters(mandate) == 1
    written = AuditEntry.objects.filter(action="mandates.written", object_id=str(mandate.pk))
    assert written.count() == 1


def test_the_same_client_id_gives_the_same_mandate():
    author = ConfirmedFactory()
    first, _ = write(author)
    again, created = write(author, client_id=first.client_id, title="Другое")
    assert (again.pk, created) == (first.pk, False)
    assert Mandate.objects.count() == 1


def test_a_second_support_by_the_same_person_changes_nothing():
    mandate = MandateFactory()
    person = ConfirmedFactory()
    assert services.mandate_support(mandate=mandate, user=person) == 1
    assert services.mandate_support(mandate=mandate, user=person) == 1
    assert Support.objects.filter(mandate=mandate).count() == 1


def test_an_unconfirmed_person_cannot_support():
    mandate = MandateFactory()
    with pytest.raises(services.NotConfirmed):
        services.mandate_support(mandate=mandate, user=UserFactory())
    assert mandate.supports.count() == 0


def test_merging_keeps_every_author_and_counts_distinct_supporters_not_the_sum():
    a1, a2 = ConfirmedFactory(), ConfirmedFactory()
    keeper, duplicate = MandateFactory(authors=[a1]), MandateFactory(authors=[a2])
    both = [ConfirmedFactory() for _ in range(2)]
    for person in [a1, *both, ConfirmedFactory()]:  # 4 on the keeper
        SupportFactory(mandate=keeper, user=person)
    for person in [a2, *both]:  # 3 on the duplicate, 2 of them also on the keeper
        SupportFactory(mandate=duplicate, user=person)
    moderator = UserFactory(role="moderator")
    services.mandate_merge(duplicate=duplicate, keeper=keeper, moderator=moderator)
    assert set(keeper.authors.all()) == {a1, a2}
    assert selectors.mandate_supporters(keeper) == 5  # 4 + 3 − 2 people on both; the sum is 7
    assert Support.objects.filter(mandate=duplicate).count() == 0
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keeper
    assert [m.pk for m in selectors.mandates_listed()] == [keeper.pk]
    assert selectors.mandates_listed().get().supporters == 5


def test_supporting_a_merged_mandate_supports_the_keeper_once():
    keeper, duplicate = MandateFactory(), MandateFactory()
    person = ConfirmedFactory()
    SupportFactory(mandate=keeper, user=person)
    services.mandate_merge(duplicate=duplicate, keeper=keeper, moderator=UserFactory())
    duplicate.refresh_from_db()
    assert services.mandate_support(mandate=duplicate, user=person) == 1


def test_a_mandate_is_not_merged_into_itself_or_into_a_merged_one():
    keeper, duplicate, third = MandateFactory(), MandateFactory(), MandateFactory()
    with pytest.raises(services.MergeRefused):
        services.mandate_merge(duplicate=keeper, keeper=keeper, moderator=UserFactory())
    services.mandate_merge(duplicate=duplicate, keeper=keeper, moderator=UserFactory())
    with pytest.raises(services.MergeRefused):
        services.mandate_merge(duplicate=third, keeper=duplicate, moderator=UserFactory())
    assert Mandate.objects.filter(merged_into__isnull=False).count() == 1


def test_opening_a_mandate_is_a_sighting_once_per_confirmed_person():
    mandate = MandateFactory()
    person = ConfirmedFactory()
    services.mandate_seen(mandate=mandate, user=person)
    services.mandate_seen(mandate=mandate, user=person)
    services.mandate_seen(mandate=mandate, user=UserFactory())  # not confirmed: not counted
    assert Sighting.objects.filter(mandate=mandate).count() == 1
