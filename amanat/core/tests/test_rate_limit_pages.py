"""Every public form's rate limit answers a 429 page in the visitor's language that says when
to try again, instead of Django's bare 403."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_observer_application_limit_answers_a_page_that_says_when(client, settings):
    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(10):
        client.post("/ru/observers/apply/", {}, HTTP_X_FORWARDED_FOR="198.51.100.3")
    refused = client.post("/ru/observers/apply/", {}, HTTP_X_FORWARDED_FOR="198.51.100.3")

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Попробуйте снова через" in refused.content.decode()
    # The next person behind the same proxy still can apply.
    other = client.post("/ru/observers/apply/", {}, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code != 429
