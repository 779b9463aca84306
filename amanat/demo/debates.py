"""Debates of the demo, on the election held today: an official debate on publishing photos of
every station's protocol (arguments by the expert, the journalist, the citizen, the candidate's
team and the observer; stance comments with replies; endorsements by the synthetic voices of
the opinion map), a participant's debate on live streams from the stations, and a closed
debate on opening hours in Astana with its conclusion. Posts in Russian and Kazakh."""

from datetime import timedelta

from django.utils import timezone

from amanat.accounts.models import User
from amanat.dialogue.models_debates import Argument, Comment, Debate, Endorsement
from amanat.dialogue.services_debates import debate_close
from amanat.elections.models import Election
from amanat.geography.models import Region

PHOTOS = (
    "Нужно ли публиковать фото протоколов всех участков в день выборов?",
    "Фотокопия итогового протокола каждого участка могла бы появляться на сайте в течение часа "
    "после подсчёта. Вопрос в том, кто её публикует и как защитить подписи членов комиссии. "
    "(Демо: участники вымышлены.)",
)
PHOTOS_FOR = [
    ("expert", "ru", "Это самая быстрая проверка итогов",
     "Сравнить фото протокола с данными на сайте ЦИК может любой. Расхождение видно за минуты, "
     "а не через неделю после жалобы."),
    ("journalist", "kk", "Жариялылық сенімді арттырады",
     "Сайлаушылар өз учаскесінің хаттамасын көре алса, нәтижеге сенім артады. Редакциялар "
     "бұл суреттерді тексеру үшін пайдалана алады."),
    ("citizen", "ru", "Я хочу видеть итог своего участка",
     "Я голосовал на участке № 12 и хочу сам убедиться, что мой голос учтён, не дожидаясь "
     "сводной таблицы."),
]  # fmt: skip
PHOTOS_AGAINST = [
    ("candidate_team", "ru", "Плохое фото породит ложные обвинения",
     "Размытый снимок или фото черновика разойдётся по сетям быстрее, чем комиссия успеет "
     "объяснить ошибку. Нужна проверка до публикации."),
    ("observer", "kk", "Комиссия мүшелерінің қолтаңбасын қорғау керек",
     "Хаттамада комиссия мүшелерінің аты-жөні мен қолтаңбасы бар. Оларды жарияламас бұрын "
     "жасыру керек, әйтпесе адамдарға қысым жасалуы мүмкін."),
]  # fmt: skip
STREAMS = (
    "Должны ли наблюдатели вести прямые трансляции с участков?",
    "Закон разрешает наблюдателям фото- и видеосъёмку. Стоит ли транслировать подсчёт в "
    "прямом эфире, и что делать с тайной голосования? (Демо.)",
)
HOURS = (
    "Астанадағы учаскелер сағат 20:00-ден кейін де ашық болуы керек пе?",
    "Кешкі уақытта жұмыстан кейін келетін сайлаушылар кезекте тұрады. Учаскелердің жұмыс "
    "уақытын ұзарту керек пе? (Демо: қатысушылар ойдан шығарылған.)",
)
HOURS_CONCLUSION = (
    "Пікірталас көрсеткендей, кезек учаскелердің аз бөлігінде ғана болады. Жұмыс уақытын "
    "ұзартудың орнына кезек көп учаскелерге қосымша кабиналар қою ұсынылады. Бақылаушылар "
    "бұл учаскелерді келесі сайлауда ерекше қадағалайды."
)


def _at(post, minutes_ago: int) -> None:
    """Date a demo post back: the list ranks by activity, the threads read in order."""
    when = timezone.now() - timedelta(minutes=minutes_ago)
    type(post).objects.filter(pk=post.pk).update(created_at=when)
    post.created_at = when


def _debate(author: User, title_text: tuple[str, str], language: str, minutes: int, **kw):
    debate = Debate.objects.create(
        author=author,
        language=language,
        title=title_text[0],
        text=title_text[1],
        last_activity_at=timezone.now() - timedelta(minutes=minutes),
        **kw,
    )
    _at(debate, minutes)
    return debate


def _arguments(debate: Debate, side: str, rows, users, minutes: int) -> list[Argument]:
    made = []
    for author, language, title, text in rows:
        argument = Argument.objects.create(
            debate=debate, side=side, author=users[author], language=language, title=title,
            text=text,
        )  # fmt: skip
        minutes -= 7
        _at(argument, minutes)
        made.append(argument)
    return made


def _comment(debate, user, language, text, minutes, stance="", parent=None) -> Comment:
    comment = Comment.objects.create(
        debate=debate, author=user, language=language, text=text, stance=stance, parent=parent,
        depth=parent.depth + 1 if parent else 0,
    )  # fmt: skip
    _at(comment, minutes)
    Debate.objects.filter(pk=debate.pk, last_activity_at__lt=comment.created_at).update(
        last_activity_at=comment.created_at
    )
    return comment


def _endorse(debate: Debate, voices: list[User], argument: Argument | None = None) -> None:
    Endorsement.objects.bulk_create(
        Endorsement(debate=debate, argument=argument, user=user) for user in voices
    )


def _photos_debate(users: dict[str, User], election, voices: list[User]) -> Debate:
    debate = _debate(
        users["moderator"], PHOTOS, "ru", 300, topic="counting", election=election,
        is_official=True,
    )  # fmt: skip
    pros = _arguments(debate, "for", PHOTOS_FOR, users, 280)
    cons = _arguments(debate, "against", PHOTOS_AGAINST, users, 250)
    first = _comment(
        debate, users["citizen"], "kk",
        "Мен жариялауды қолдаймын: өз учаскемнің нәтижесін көргім келеді.", 200, stance="for",
    )  # fmt: skip
    reply = _comment(
        debate, users["expert"], "ru",
        "Согласна. Подписи можно закрывать автоматически: это решённая задача.", 150,
        parent=first,
    )  # fmt: skip
    _comment(
        debate, users["candidate_team"], "ru",
        "Кто будет отвечать, если автоматика не закроет подпись?", 120, parent=reply,
    )  # fmt: skip
    _comment(
        debate, users["candidate_team"], "ru",
        "Мы за открытость, но только после проверки фото комиссией.", 100, stance="against",
    )  # fmt: skip
    _comment(
        debate, users["journalist"], "ru",
        "Интересно, как это устроено в других странах региона. Готов собрать примеры.", 40,
        stance="neutral",
    )  # fmt: skip
    _endorse(debate, voices[:24])
    for argument, count in zip([*pros, *cons], [18, 9, 6, 11, 4], strict=True):
        _endorse(debate, voices[:count], argument)
    return debate


def _streams_debate(users: dict[str, User], voices: list[User]) -> Debate:
    debate = _debate(users["journalist"], STREAMS, "ru", 500, topic="observation")
    _arguments(debate, "for", [
        ("observer", "ru", "Трансляция защищает наблюдателя",
         "Когда подсчёт видят тысячи людей, на наблюдателя труднее давить."),
    ], users, 480)  # fmt: skip
    _arguments(debate, "against", [
        ("lawyer", "kk", "Дауыс беру құпиясы бұзылуы мүмкін",
         "Камера кабинаға немесе бюллетеньге бағытталса, дауыс беру құпиясы бұзылады."),
    ], users, 470)  # fmt: skip
    _comment(
        debate, users["citizen"], "kk", "Тек санақты көрсету керек, дауыс беруді емес.", 60,
        stance="neutral",
    )  # fmt: skip
    _endorse(debate, voices[:9])
    return debate


def _hours_debate(users: dict[str, User], voices: list[User]) -> Debate:
    debate = _debate(
        users["citizen"], HOURS, "kk", 2000, topic="voting",
        region=Region.objects.filter(code="KZ-71").first(),
    )  # fmt: skip
    _arguments(debate, "for", [
        ("citizen", "kk", "Жұмыстан кейін үлгеру қиын",
         "Көп адам кешкі 19:00-де ғана жұмыстан шығады, ал учаскеде кезек тұр."),
    ], users, 1900)  # fmt: skip
    _arguments(debate, "against", [
        ("expert", "ru", "Дольше день — больше усталости комиссии",
         "Подсчёт начнётся позже, и ошибок от усталости станет больше."),
    ], users, 1850)  # fmt: skip
    _comment(
        debate, users["observer"], "kk", "Кезек тек үш учаскеде болды.", 1500, stance="against"
    )
    _endorse(debate, voices[:5])
    return debate_close(debate=debate, user=users["moderator"], conclusion=HOURS_CONCLUSION)


def debates_load(voices: list[User]) -> list[Debate]:
    """Idempotent: the demo debates are built anew on every load. `voices`: the opinion map's
    synthetic participants, who endorse."""
    Debate.objects.filter(title__in=[PHOTOS[0], STREAMS[0], HOURS[0]]).delete()
    names = ["moderator", "expert", "journalist", "citizen", "candidate_team", "observer", "lawyer"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return []  # the demo users are loaded first (demo_users_load)
    election = Election.objects.filter(slug="demo-presidential-2027").first()
    return [
        _photos_debate(users, election, voices),
        _streams_debate(users, voices),
        _hours_debate(users, voices),
    ]
