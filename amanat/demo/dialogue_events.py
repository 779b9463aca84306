"""Online events of the demo, on the election day: the election-night briefing is on now
(registrations, one person waiting, questions in Kazakh and Russian with likes, one live, one
answered, one anonymous), and last week's briefing for observers has its recording and summary."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from amanat.accounts.models import User
from amanat.dialogue.models import AgendaItem, Event, LiveQuestion, QuestionLike, Registration
from amanat.elections.models import Election
from amanat.geography.models import Region

NIGHT = {
    "kk": "Сайлау күні: дауыс санауды қалай бақылаймыз — онлайн брифинг",
    "ru": "День выборов: как мы наблюдаем за подсчётом — онлайн-брифинг",
    "en": "Election day: how we watch the count — online briefing",
}
NIGHT_TEXT = {
    "kk": "Координаторлар мен заңгерлер бақылаушылардың алғашқы есептері туралы айтып, "
    "сұрақтарға тікелей жауап береді. (Демо: бейнетрансляция жоқ, сілтеме ұйымның шартты "
    "сайтына апарады.)",
    "ru": "Координаторы и юристы рассказывают о первых отчётах наблюдателей и отвечают на "
    "вопросы в прямом эфире. (Демо: видеотрансляции нет, ссылка ведёт на условный сайт "
    "организации.)",
    "en": "Coordinators and lawyers talk about the observers' first reports and answer "
    "questions live. (Demo: there is no video stream; the link leads to the organisation's "
    "placeholder site.)",
}
NIGHT_AGENDA = [
    (0, {"kk": "Ашылу және күн тәртібі", "ru": "Открытие и повестка", "en": "Opening"}),
    (15, {"kk": "Бақылаушылардың алғашқы есептері", "ru": "Первые отчёты наблюдателей",
          "en": "The observers' first reports"}),
    (45, {"kk": "Заңгерлер: шағымдар мен жауаптар", "ru": "Юристы: жалобы и ответы",
          "en": "Lawyers: complaints and answers"}),
    (75, {"kk": "Тікелей сұрақтар", "ru": "Вопросы в прямом эфире", "en": "Live questions"}),
]  # fmt: skip
PAST = {
    "kk": "Сайлау алдында: бақылаушыларды даярлау",
    "ru": "Перед выборами: как готовят наблюдателей",
    "en": "Before the vote: how observers are trained",
}
PAST_SUMMARY = {
    "kk": "140 қатысушы. Бақылаушының міндеттері, хаттаманың көшірмесі және SOS батырмасы "
    "талқыланды. Ең көп сұрақ: учаскеде суретке түсіруге бола ма.",
    "ru": "140 участников. Обсудили обязанности наблюдателя, копию протокола и кнопку SOS. "
    "Больше всего вопросов: можно ли фотографировать на участке.",
    "en": "140 participants. Covered the observer's duties, the protocol copy and the SOS "
    "button. Most asked: may one take photos at the station.",
}
# (login, language, text, anonymous, state, likes)
QUESTIONS = [
    ("citizen", "ru", "Когда будут опубликованы предварительные итоги по участкам?", False,
     "answered", 9),
    ("expert", "kk", "Бақылаушылар хаттаманың көшірмесін қалай алады?", False, "live", 12),
    ("journalist", "ru", "Можно ли журналистам снимать подсчёт голосов на видео?", False,
     "shortlisted", 8),
    ("demo-voice-001", "ru", "Что делать, если на работе требуют сфотографировать бюллетень?",
     True, "shortlisted", 11),
    ("candidate_team", "kk", "Кандидат өкілдері учаскеге қай уақытта келе алады?", False,
     "new", 3),
    ("observer", "ru", "Как сообщить о нарушении, если на участке нет мобильной связи?", False,
     "new", 5),
    ("demo-voice-002", "kk", "Сайлау комиссиясының шешіміне қалай шағымдануға болады?", False,
     "new", 4),
    ("demo-voice-003", "ru", "Будет ли запись этого брифинга?", False, "new", 1),
]  # fmt: skip
REGISTERED = ["citizen", "expert", "journalist", "candidate_team", "observer", "demo-voice-001"]
WAITING = ["demo-voice-002"]
LIKERS = [f"demo-voice-{i:03d}" for i in range(10, 30)]


def _users(names: list[str]) -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(username__in=names)}


def events_load(election: Election | None) -> list[Event]:
    """Idempotent: both events are built anew on every load."""
    Event.objects.filter(title_en__in=[NIGHT["en"], PAST["en"]]).delete()
    now = timezone.localtime()
    starts = now.replace(minute=0 if now.minute < 30 else 30, second=0, microsecond=0)
    night = Event.objects.create(
        election=election, starts_at=starts - timedelta(minutes=30),
        ends_at=starts + timedelta(minutes=90), capacity=len(REGISTERED),
        online_url="https://meet.amanat-observers.kz/election-day",
        **{f"title_{c}": t for c, t in NIGHT.items()},
        **{f"description_{c}": t for c, t in NIGHT_TEXT.items()},
    )  # fmt: skip
    for minutes, titles in NIGHT_AGENDA:
        at = (night.starts_at + timedelta(minutes=minutes)).astimezone(now.tzinfo).time()
        AgendaItem.objects.create(
            event=night, time=at, **{f"title_{c}": t for c, t in titles.items()}
        )
    _registrations_load(night)
    _questions_load(night)
    week_ago = datetime.combine(now.date() - timedelta(days=7), time(11), tzinfo=now.tzinfo)
    past = Event.objects.create(
        election=election, region=Region.objects.filter(code="KZ-75").first(),
        starts_at=week_ago, ends_at=week_ago + timedelta(hours=1, minutes=30), capacity=200,
        recording_url="https://video.amanat-observers.kz/briefings/observer-training",
        **{f"title_{c}": t for c, t in PAST.items()},
        **{f"summary_{c}": t for c, t in PAST_SUMMARY.items()},
    )  # fmt: skip
    return [night, past]


def _registrations_load(event: Event) -> None:
    people = _users(REGISTERED + WAITING)
    minute = timedelta(minutes=1)
    for index, name in enumerate(REGISTERED + WAITING):
        if name in people:
            status = Registration.Status.WAITING if name in WAITING else "registered"
            Registration.objects.create(
                event=event, user=people[name], status=status,
                queued_at=event.starts_at - timedelta(days=1) + index * minute,
            )  # fmt: skip


def _questions_load(event: Event) -> None:
    people = _users([q[0] for q in QUESTIONS] + LIKERS)
    likers = [people[name] for name in LIKERS if name in people]
    for index, (name, language, text, anonymous, state, likes) in enumerate(QUESTIONS):
        author = people.get(name)
        question = LiveQuestion.objects.create(
            event=event, author=author, language=language, text=text, anonymous=anonymous,
            audience=author.role if author else "citizen", state=state,
            likes=min(likes, len(likers)),
        )  # fmt: skip
        # Asked in the order listed, a few minutes apart.
        asked = event.starts_at + timedelta(minutes=3 * index)
        LiveQuestion.objects.filter(pk=question.pk).update(created_at=asked)
        QuestionLike.objects.bulk_create(
            QuestionLike(question=question, user=user, audience=user.role)
            for user in likers[:likes]
        )
