# ruff: noqa: E501 - the pledge is prose, one sentence a line
"""The observers' code of conduct and non-partisan pledge, after the GNDEM Declaration of Global
Principles for Non-Partisan Election Observation and its code of conduct. The version is
recorded with every acceptance; a changed text gets a new version."""

from django.utils.translation import get_language

PLEDGE_VERSION = "2026-11"

PLEDGE = {
    "en": [
        "I will be impartial: I support no candidate or party and will not campaign while observing.",
        "I will not obstruct the election: I will not interfere with the commission, voters or the count.",
        "I will be accurate: I report only what I saw, with time and place, and correct my mistakes.",
        "I will keep findings confidential until the network publishes them.",
        "I will accept no gifts, money or favours from candidates, parties or officials.",
        "My personal safety comes first: I leave a dangerous situation and raise an SOS.",
    ],
    "ru": [
        "Я буду беспристрастен: не поддерживаю ни одного кандидата или партию и не веду агитацию во время наблюдения.",
        "Я не буду препятствовать выборам: не вмешиваюсь в работу комиссии, голосование и подсчёт.",
        "Я буду точен: сообщаю только увиденное, с временем и местом, и исправляю свои ошибки.",
        "Я сохраняю конфиденциальность выводов, пока сеть их не опубликует.",
        "Я не принимаю подарков, денег и услуг от кандидатов, партий и должностных лиц.",
        "Моя безопасность прежде всего: я покидаю опасную ситуацию и подаю сигнал SOS.",
    ],
    "kk": [
        "Мен бейтарап боламын: ешбір кандидатты немесе партияны қолдамаймын және бақылау кезінде үгіт жүргізбеймін.",
        "Мен сайлауға кедергі келтірмеймін: комиссияның жұмысына, дауыс беруге және санауға араласпаймын.",
        "Мен дәл боламын: тек көргенімді уақыты мен орнымен хабарлаймын және қателерімді түзетемін.",
        "Желі жарияламайынша, қорытындыларды құпия сақтаймын.",
        "Кандидаттардан, партиялардан және лауазымды тұлғалардан сыйлық, ақша немесе қызмет қабылдамаймын.",
        "Менің қауіпсіздігім бірінші орында: қауіпті жағдайдан кетіп, SOS белгісін беремін.",
    ],
}


def pledge_text(language: str | None = None) -> list[str]:
    return PLEDGE.get((language or get_language() or "ru")[:2], PLEDGE["ru"])
