"""Trigram similarity with Kazakh and Russian word endings."""

from amanat.mandates.similarity import Candidate, best_matches, dice, normalise, score, trigrams


def test_normalise_lowers_folds_yo_and_drops_punctuation():
    assert normalise("  Жолдарды ЖӨНДЕУ!!! Ёлка—ель ") == "жолдарды жөндеу елка ель"


def test_a_word_is_padded_so_its_start_counts():
    assert trigrams("жол") == frozenset({"  ж", " жо", "жол", "ол "})


def test_kazakh_endings_still_match():
    # жол / жолдар / жолдарды: the plural and the accusative keep the stem's trigrams.
    assert score("жолдарды жөндеу", "Жолдарды жөндеу керек") > 0.6
    assert score("жолды жөндеу", "Жолдарды жөндеу керек") > score("жолды жөндеу", "Мектеп салу")
    assert score("мектептер салу", "Мектеп салу керек") > 0.5


def test_russian_endings_still_match():
    assert score("ремонт дороги", "Отремонтировать дорогу на Абая") > 0.3
    assert score("ремонт дорог", "Ремонт дороги") > 0.7
    assert score("ремонт дорог", "Ремонт дороги в микрорайоне") > 0.5
    assert score("ремонт дорог", "Новая школа в микрорайоне") < 0.3


def test_unrelated_texts_score_low_and_empty_is_zero():
    assert score("водопровод", "Детский сад") < 0.2
    assert dice(frozenset(), trigrams("жол")) == 0.0
    assert best_matches("!!!", [Candidate(1, "Жол", "")]) == []


def test_best_matches_are_ordered_best_first_and_cut():
    candidates = [
        Candidate(1, "Мектеп салу", ""),
        Candidate(2, "Жолдарды жөндеу", "Ауылдағы жолдар"),
        Candidate(3, "Жолды жөндеу керек", ""),
        Candidate(4, "Су құбыры", ""),
    ]
    found = best_matches("жолдарды жөндеу", candidates, limit=2)
    assert [m.id for m in found] == [2, 3]
    assert found[0].score == 1.0
    assert found[0].score >= found[1].score >= 0.3
