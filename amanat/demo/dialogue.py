"""An opinion map with a story: 300 synthetic participants (demo-voice-NNN, no usable
password) in three camps vote on how the count should be watched. Everyone wants to find
their station easily and nobody wants fewer observers; the camps split on the rest. The
candidate's team (demo login candidate_team) votes too and shows on the map."""

from datetime import timedelta

import numpy as np
from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.dialogue.analysis import analysis_compute
from amanat.dialogue.models import Conversation, Statement, Vote
from amanat.dialogue.models_moderation import ModerationAction, PostTranslation, Report
from amanat.dialogue.models_moderation import Warning as ModerationWarning
from amanat.dialogue.models_voices import VoiceApplication
from amanat.elections.models import Election

from .debates import debates_load
from .dialogue_events import events_load

TITLE = {
    "kk": "Санақты қалай бақылау керек?",
    "ru": "Как следить за подсчётом голосов?",
    "en": "How should the count be watched?",
}
DESCRIPTION = {
    "kk": "Пікірлермен келісіңіз немесе келіспеңіз: карта пікір топтарын және көпшілік "
    "келісетін нәрсені көрсетеді. (Демо: қатысушылар ойдан шығарылған.)",
    "ru": "Согласитесь или нет с утверждениями: карта покажет группы мнений и то, в чём "
    "согласно большинство. (Демо: участники вымышлены.)",
    "en": "Agree or disagree with the statements: the map shows the groups of opinion and "
    "what most agree on. (Demo: the participants are fictional.)",
}
# (language, text, stance of camps A, B, C: 1 agree, -1 disagree, 0 mixed)
STATEMENTS = [
    ("ru", "Каждый избиратель должен легко находить свой участок.", (1, 1, 1)),
    ("kk", "Хаттаманың көшірмесі учаскеде бірден ілінуі керек.", (1, 1, 1)),
    ("ru", "Наблюдателей на участках должно быть меньше.", (-1, -1, -1)),
    ("ru", "Видеокамеры должны снимать подсчёт на каждом участке.", (1, -1, 1)),
    ("ru", "Комиссиям можно доверять без независимых наблюдателей.", (-1, 1, -1)),
    ("kk", "Бақылаушылар санақты толық суретке түсіруі керек.", (1, -1, 0)),
    ("ru", "Результаты по участкам должны публиковаться в машиночитаемом виде.", (1, 0, 1)),
    ("ru", "Досрочное голосование следует отменить.", (1, -1, -1)),
    ("ru", "Голосование на дому нужно расширить для пожилых.", (-1, 1, 1)),
    ("kk", "Электрондық дауыс беру қағаз бюллетеньнен сенімдірек.", (-1, 1, -1)),
    ("ru", "Жалобы наблюдателей должны рассматриваться в течение суток.", (1, 0, 1)),
    ("ru", "Кандидаты должны сами назначать членов комиссий.", (-1, 1, 0)),
    ("ru", "Списки избирателей нужно открыть для проверки гражданами.", (1, -1, 1)),
    ("kk", "Санақ кезінде журналистер учаскеде болуы тиіс.", (1, -1, 1)),
    ("ru", "Голосование по почте подходит для Казахстана.", (0, -1, 1)),
]
PENDING = "Учаскелік комиссия мүшелерінің тізімі алдын ала жариялануы керек."
PARTICIPANTS = 300
VOICE_PREFIX = "demo-voice-"
# Bylines show a first name and a last-name initial, as people sign in public here. The
# synthetic participants get plausible ones, the same on every load (the index picks them).
FIRST_NAMES = [
    "Айгерим", "Нурлан", "Ольга", "Ерлан", "Динара", "Сергей", "Асель", "Бауыржан", "Татьяна",
    "Даурен", "Гульнара", "Алексей", "Мадина", "Арман", "Елена", "Жанар", "Тимур", "Сауле",
    "Дмитрий", "Айжан", "Канат", "Наталья", "Алия", "Марат", "Ирина", "Ержан", "Камила",
    "Руслан", "Жулдыз", "Виктор", "Гаухар", "Самат", "Светлана", "Дана", "Азамат",
]  # fmt: skip
INITIALS = "АБВГДЕЖЗИКЛМНОПРСТУХШЫЭЮЯӘҚҒҰ"


def participant_name(index: int) -> tuple[str, str]:
    """(first name, last-name initial) of synthetic participant number `index`."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    return first, INITIALS[(index * 7 + index // len(FIRST_NAMES)) % len(INITIALS)] + "."


def _participants() -> list[User]:
    names = [f"{VOICE_PREFIX}{i:03d}" for i in range(1, PARTICIPANTS + 1)]
    existing = {u.username: u for u in User.objects.filter(username__in=names)}
    new, renamed = [], []
    for index, name in enumerate(names, start=1):
        first, last = participant_name(index)
        user = existing.get(name)
        if user is None:
            user = User(username=name, role=Role.CITIZEN, first_name=first, last_name=last)
            user.set_unusable_password()
            new.append(user)
        elif (user.first_name, user.last_name) != (first, last):  # loaded before names
            user.first_name, user.last_name = first, last
            renamed.append(user)
    User.objects.bulk_create(new, batch_size=500)
    User.objects.bulk_update(renamed, ["first_name", "last_name"], batch_size=500)
    return list(User.objects.filter(username__in=names).order_by("username"))


@transaction.atomic
def dialogue_load() -> Conversation:
    """Idempotent: the conversation is built anew on every load, with the same votes."""
    Conversation.objects.filter(title_en=TITLE["en"]).delete()
    conversation = Conversation.objects.create(
        election=Election.objects.filter(slug="demo-presidential-2027").first(),
        **{f"title_{code}": text for code, text in TITLE.items()},
        **{f"description_{code}": text for code, text in DESCRIPTION.items()},
    )
    statements = [
        Statement.objects.create(
            conversation=conversation,
            text=text,
            language=language,
            origin=Statement.Origin.SEED,
            status=Statement.Status.ACCEPTED,
        )
        for language, text, _ in STATEMENTS
    ]
    Statement.objects.create(
        conversation=conversation, text=PENDING, language="kk", origin=Statement.Origin.PARTICIPANT
    )
    people = _participants()
    candidate = User.objects.filter(username="candidate_team").first()
    rng = np.random.default_rng(2027)
    camps = rng.choice(3, len(people), p=[0.45, 0.35, 0.2])
    now = timezone.now()
    votes = []
    for index, user in enumerate([*people, *([candidate] if candidate else [])]):
        camp = camps[index] if index < len(people) else 1
        for statement, (_, _, stances) in zip(statements, STATEMENTS, strict=True):
            if rng.random() > 0.8:
                continue  # not every statement is seen by everyone
            stance = stances[camp] or rng.choice([-1, 1])
            value = stance if rng.random() < 0.85 else int(rng.choice([-1, 0, 1]))
            minutes = int(rng.integers(5, 600))
            votes.append(
                Vote(
                    conversation=conversation,
                    statement=statement,
                    participant=user,
                    value=int(value),
                    voted_at=now - timedelta(minutes=minutes),
                )
            )
    Vote.objects.bulk_create(votes, batch_size=1000)
    voices_load(conversation, statements)
    analysis_compute(conversation)
    events_load(conversation.election)
    debates_load(voices=people[:30])
    return conversation


# Verified voices and moderation in the same story: the demo expert and journalist are
# verified and wrote two of the statements; the candidate's team waits for review; a
# participant was warned and their insulting statement removed; two readers reported another.
VOICES = {
    "expert": ("expert", "Институт электоральных исследований (демо)",
               "Изучаю избирательное законодательство Казахстана 12 лет."),
    "journalist": ("journalist", "Демо-редакция «Сайлау күнделігі»",
                   "Освещаю выборы как корреспондент с 2019 года."),
}  # fmt: skip
AUTHORED = {6: "expert", 13: "journalist"}  # statement index → demo login
TRANSLATIONS = {
    0: {"kk": "Әр сайлаушы өз учаскесін оңай табуы керек.",
        "en": "Every voter should find their polling station easily."},
    2: {"kk": "Учаскелердегі бақылаушылар азырақ болуы керек.",
        "en": "There should be fewer observers at polling stations."},
}  # fmt: skip
REMOVED = "Все наблюдатели — продажные бездельники, их надо гнать с участков."
REPORTED = "Подсчёт голосов надо показывать по телевизору в прямом эфире."


def voices_load(conversation: Conversation, statements: list[Statement]) -> None:
    """Idempotent: the rows of the demo logins are replaced on every load."""
    users = {u.username: u for u in User.objects.filter(username__in=[
        "expert", "journalist", "candidate_team", "moderator", "citizen", "observer",
    ])}  # fmt: skip
    moderator = users.get("moderator")
    now = timezone.now()
    VoiceApplication.objects.filter(user__in=users.values()).delete()
    for login, (capacity, organisation, statement) in VOICES.items():
        if login in users:
            VoiceApplication.objects.create(
                user=users[login], capacity=capacity, organisation=organisation,
                statement=statement, status=VoiceApplication.Status.APPROVED,
                decided_by=moderator, decided_at=now,
            )  # fmt: skip
    if "candidate_team" in users:
        VoiceApplication.objects.create(
            user=users["candidate_team"], capacity="candidate_team",
            organisation="Штаб кандидата (демо)",
            statement="Отвечаю за связь штаба с избирателями и наблюдателями.",
            links="https://example.org/demo-campaign",
        )  # fmt: skip
    for index, login in AUTHORED.items():
        if login in users:
            Statement.objects.filter(pk=statements[index].pk).update(
                author=users[login], origin=Statement.Origin.PARTICIPANT
            )
    volunteer = users.get("citizen")
    # Translations and reports point at statements by id (no cascade): the old ones go first.
    PostTranslation.objects.filter(author=volunteer).delete()
    Report.objects.filter(reporter__in=users.values()).delete()
    for index, texts in TRANSLATIONS.items():
        for language, text in texts.items():
            PostTranslation.objects.create(
                post=statements[index], language=language, text=text, author=volunteer
            )
    _moderation_load(conversation, moderator, users, now)


def _moderation_load(conversation, moderator, users, now) -> None:
    offender = User.objects.filter(username=f"{VOICE_PREFIX}007").first()
    if offender is None or moderator is None:
        return
    Statement.objects.create(
        conversation=conversation, text=REMOVED, language="ru", author=offender,
        origin=Statement.Origin.PARTICIPANT, status=Statement.Status.REJECTED,
        visibility="removed", moderated_by=moderator, moderated_at=now,
    )  # fmt: skip
    ModerationWarning.objects.filter(user=offender).delete()
    ModerationWarning.objects.create(
        user=offender, reason="abuse", created_by=moderator,
        text="Критикуйте работу наблюдателей, но без оскорблений: см. правила модерации.",
    )  # fmt: skip
    ModerationAction.objects.filter(moderator=moderator).delete()
    ModerationAction.objects.create(kind="removed", reason="abuse", moderator=moderator)
    ModerationAction.objects.create(kind="warned", reason="abuse", moderator=moderator)
    reported = Statement.objects.create(
        conversation=conversation, text=REPORTED, language="ru",
        author=User.objects.filter(username=f"{VOICE_PREFIX}042").first(),
        origin=Statement.Origin.PARTICIPANT, status=Statement.Status.ACCEPTED,
    )  # fmt: skip
    for login in ("citizen", "observer"):
        if login in users:
            Report.objects.create(post=reported, reporter=users[login], reason="off_topic")
