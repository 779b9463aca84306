"""The pages: list, detail with support, write form with suggestions, moderator merge."""

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Mandate, Support

from .factories import ConfirmedFactory, MandateFactory, SupportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """reverse() gives the English pages, whose words the tests read."""
    with translation.override("en"):
        yield


def test_the_list_pages_searches_and_explains_when_empty(client):
    response = client.get(reverse("mandates:list"))
    assert "No mandates yet" in response.content.decode()
    for n in range(25):
        MandateFactory(title=f"Су құбыры {n}")
    MandateFactory(title="Мектеп")
    page = client.get(reverse("mandates:list"), {"q": "құбыр"}).content.decode()
    assert page.count("Су құбыры") == 20
    assert "Мектеп" not in page
    second = client.get(reverse("mandates:list"), {"q": "құбыр", "page": 2}).content.decode()
    assert second.count("Су құбыры") == 5


def test_a_confirmed_person_writes_and_is_sent_to_the_mandate(client):
    person = ConfirmedFactory()
    client.force_login(person)
    from amanat.geography.models import Region

    region = Region.objects.get(code="KZ-71")
    response = client.post(reverse("mandates:write"), {
        "title": "Аялдама салу", "text": "Аялдама жоқ, балалар жаңбырда тұрады, салу керек.",
        "topic": "roads", "region": region.pk,
    })  # fmt: skip
    mandate = Mandate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mandates:detail", kwargs={"pk": mandate.pk})
    assert list(mandate.authors.all()) == [person]


def test_bad_input_answers_400_and_stores_nothing(client):
    client.force_login(ConfirmedFactory())
    response = client.post(reverse("mandates:write"), {"title": "x", "topic": "nope"})
    assert response.status_code == 400
    assert Mandate.objects.count() == 0


def test_an_unconfirmed_person_is_told_why_they_cannot_write(client):
    client.force_login(UserFactory())
    response = client.get(reverse("mandates:write"))
    assert response.status_code == 403
    assert "confirmed" in response.content.decode()


def test_similar_fragment_suggests_while_typing(client):
    mandate = MandateFactory(title="Жолдарды жөндеу", text="")
    response = client.get(reverse("mandates:similar"), {"title": "жолды жөндеу", "text": ""})
    assert reverse("mandates:detail", kwargs={"pk": mandate.pk}) in response.content.decode()
    assert client.get(reverse("mandates:similar"), {"title": "мектеп"}).content.strip() == b""


def test_support_button_counts_once(client):
    mandate = MandateFactory()
    person = ConfirmedFactory()
    client.force_login(person)
    page = client.get(reverse("mandates:detail", kwargs={"pk": mandate.pk})).content.decode()
    assert 'name="confirm"' in page
    url = reverse("mandates:support", kwargs={"pk": mandate.pk})
    client.post(url, {"confirm": "on"})
    client.post(url, {"confirm": "on"})
    assert Support.objects.filter(mandate=mandate, user=person).count() == 1
    page = client.get(reverse("mandates:detail", kwargs={"pk": mandate.pk})).content.decode()
    assert "You support this mandate." in page


def test_only_moderators_merge(client):
    keeper, duplicate = MandateFactory(), MandateFactory()
    SupportFactory(mandate=duplicate)
    url = reverse("mandates:merge", kwargs={"pk": duplicate.pk})
    client.force_login(ConfirmedFactory())
    assert client.post(url, {"keeper": keeper.pk, "confirm": "on"}).status_code == 403
    client.force_login(UserFactory(role="moderator"))
    page = client.get(reverse("mandates:detail", kwargs={"pk": duplicate.pk})).content.decode()
    assert f"№ {keeper.pk} ·" in page  # the same words: offered as the one to merge into
    response = client.post(url, {"keeper": keeper.pk, "confirm": "on"})
    assert response["Location"] == reverse("mandates:detail", kwargs={"pk": keeper.pk})
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == keeper.pk
    assert keeper.supports.count() == 1
    # the duplicate's page leads to the one it was merged into
    old = client.get(reverse("mandates:detail", kwargs={"pk": duplicate.pk}))
    assert old["Location"] == reverse("mandates:detail", kwargs={"pk": keeper.pk})


def test_pressing_page_ranks_and_explains_when_empty(client):
    response = client.get(reverse("mandates:pressing"), {"region": "KZ-71"})
    assert "No supported mandates in this region yet." in response.content.decode()
    SupportFactory(mandate=MandateFactory(title="Бірінші"))
    page = client.get(reverse("mandates:pressing"), {"region": "KZ-71"}).content.decode()
    assert "Бірінші" in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", ["Наказы избирателей", "2 сторонника"]),
        ("kk", ["Сайлаушылар аманаттары", "2 қолдаушы"]),
    ],
)  # fmt: skip
def test_the_list_speaks_kazakh_and_russian(client, language, words):
    mandate = MandateFactory()
    SupportFactory(mandate=mandate)
    SupportFactory(mandate=mandate)
    page = client.get(f"/{language}/mandates/").content.decode()
    for word in words:
        assert word in page


def test_the_pressing_page_explains_itself_in_kazakh(client):
    page = client.get("/kk/mandates/pressing/", {"region": "KZ-71"}).content.decode()
    assert "95% аралықтың төменгі шегі" in page
