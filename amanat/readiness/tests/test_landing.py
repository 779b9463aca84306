import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "title"), [("kk", "Сайлау алдындағы кезеңнің дайындығы"),
                                             ("ru", "Готовность предвыборного этапа")])  # fmt: skip
def test_the_readiness_page_lists_its_parts(client, lang, title):
    html = client.get(f"/{lang}/readiness/").content.decode()
    assert title in html
    assert html.count('class="card"') == 5
    for path in ("self-check/", "monitoring/", "refusals/public/"):
        assert f'href="/{lang}/readiness/{path}"' in html


def test_the_home_page_first_card_links_to_readiness(client):
    html = client.get("/ru/").content.decode()
    first_card = html.split('class="card"')[1].split("</li>")[0]
    assert 'href="/ru/readiness/"' in first_card
