"""Search of guides with word forms: the same results on SQLite (FTS5) and PostgreSQL (run
with DATABASE_URL set to check the second)."""

import pytest

from amanat.core.textsearch import stem
from amanat.voterinfo.models import Guide
from amanat.voterinfo.selectors import guides_search
from amanat.voterinfo.services import guide_save, guides_load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("наблюдатель", "наблюдател"),  # Russian: one ending
        ("кандидата", "кандидат"),  # not cut by Kazakh "-та"
        ("байқаушылар", "байқауш"),  # Kazakh: plural, then a vowel
        ("сайлаушыларға", "сайлаушы"),  # Kazakh: case, then plural
        ("урна", "урна"),  # a stem keeps four letters
        ("observers", "observer"),
        ("101", "101"),
        ("к-сі", "к-сі"),
    ],
)
def test_stem_drops_endings(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("наблюдатель", ["become-an-observer", "voting-outside-the-station"]),
        ("наблюдателей", ["become-an-observer", "voting-outside-the-station"]),
        ("байқаушылар", ["become-an-observer", "voting-outside-the-station"]),
        ("байқаушы болу", ["become-an-observer"]),
        ("жалоба", ["how-to-complain"]),
        ("переносную урну", ["voting-outside-the-station"]),
        ("волонтерство", ["support-a-candidate"]),  # "ё" typed as "е"
        ("observers", ["become-an-observer", "voting-outside-the-station"]),
        ('"* OR NEAR(', []),  # search syntax is only words
    ],
)
def test_search_finds_word_forms(query, slugs):
    guides_load()
    assert [guide.slug for guide in guides_search(query)] == slugs


def test_search_page_finds_the_guide_by_another_form(client):
    guides_load()
    ru = client.get("/ru/search/", {"q": "наблюдатель"}).content.decode()
    kk = client.get("/kk/search/", {"q": "байқаушылар"}).content.decode()
    assert '<a href="/ru/guides/become-an-observer/">Как стать наблюдателем</a>' in ru
    assert '<a href="/kk/guides/become-an-observer/">Байқаушы болу</a>' in kk


def test_an_edited_guide_is_found_by_its_new_text_only():
    guide = guide_save(guide=Guide(slug="g", category="voting", title_ru="Бюллетень", body_ru="."))
    guide.title_ru = "Протокол"
    guide_save(guide=guide)
    assert guides_search("бюллетени") == []
    assert guides_search("протоколы") == [guide]


def test_search_page_lists_the_lawyers_answers_beside_the_guides(client):
    """The answers come from legal help's template tag: the page shows each found one, and
    labels an answer written in another language with its language."""
    from amanat.core.textsearch import fold
    from amanat.legalhelp.models import FaqEntry

    question, answer = "Можно ли фотографировать протокол?", "Да, наблюдатель вправе снять копию."
    FaqEntry.objects.create(question=question, answer=answer, topic="observers", language="ru",
                            search_text=fold(f"{question} {answer}"))  # fmt: skip
    ru = client.get("/ru/search/", {"q": "протокол"}).content.decode()
    assert f"<li><strong>{question}</strong><br>{answer}</li>" in ru
    kk = client.get("/kk/search/", {"q": "протокол"}).content.decode()
    assert f'<li lang="ru"><strong>{question}</strong>' in kk
    nothing = client.get("/ru/search/", {"q": "бюллетень"}).content.decode()
    assert nothing.count("<li>Ничего не найдено.</li>") == 2
