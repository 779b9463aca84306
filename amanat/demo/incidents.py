"""Incidents reported today: most checked and published (two with a photo, whose public copy
has no metadata), some still with the moderators, one sensitive one waiting for a second
approval, one rejected."""

import io
from datetime import timedelta

from django.db import transaction
from PIL import Image, ImageDraw

from amanat.accounts.models import User
from amanat.geography.models import PollingStation
from amanat.incidents.models import PublicationApproval, Report, TimelineEvent
from amanat.incidents.moderation import report_approve_publication, report_triage
from amanat.incidents.services import ReportInput, report_submit

from .story import at, capped, demo_id

PUBLISHED, SENSITIVE = "published", "sensitive"
# key: (region, category, source, (hour, minute), what the reporter wrote, where it stands,
#       credibility, public text, photo)
INCIDENTS = {
    "stuffing-almaty": ("KZ-75", "stuffing", "citizen", (9, 40),
        "В 09:30 мужчина в синей куртке опустил в урну пачку бюллетеней, член комиссии это видел "
        "и промолчал. Есть фото.", PUBLISHED, "documented",
        "Наблюдатели и избиратель сообщили о вбросе пачки бюллетеней около 09:30; фото "
        "приложено, жалоба направлена в участковую комиссию.", True),
    "campaign-station-1": ("KZ-71", "campaign_station", "observer", (9, 5),
        "К 09:00 у входа на участок 1 повесили плакаты кандидата, комиссия не убирает.",
        PUBLISHED, "observer",
        "У входа на участок 1 в Астане с 09:00 висели агитационные плакаты; после обращения "
        "наблюдателя их сняли в 09:40.", True),
    "carousel-almaty-region": ("KZ-19", "carousel", "hotline", (10, 20),
        "Автобус привёз около 30 человек, они голосовали по спискам, потом уехали на другой "
        "участок.", PUBLISHED, "corroborated",
        "Два независимых сообщения о подвозе группы избирателей на автобусе между участками.",
        False),
    "voter-lists-karaganda": ("KZ-35", "voter_lists", "citizen", (8, 15),
        "Мені тізімнен таппады, бірақ мен осы мекенжайда 10 жыл тұрамын.", PUBLISHED,
        "corroborated",
        "Бірнеше сайлаушы тізімнен табылмады; комиссия қосымша тізімге енгізді.", False),
    "observer-kept-away-pavlodar": ("KZ-55", "observers_expelled", "observer", (7, 20),
        "Наблюдателя посадили в 15 метрах от урн, подсчёт выданных бюллетеней не видно.",
        PUBLISHED, "observer",
        "Наблюдателю не давали видеть выдачу бюллетеней; после звонка юриста место изменили.",
        False),
    "control-turkistan": ("KZ-61", "control", "citizen", (11, 0),
        "Работникам бюджетной организации велели сфотографировать заполненный бюллетень и "
        "отправить начальнику.", PUBLISHED, "corroborated",
        "Работникам одной организации велели прислать фото заполненного бюллетеня.", False),
    "mobile-box-east": ("KZ-63", "mobile_box", "observer", (10, 50),
        "Переносную урну унесли без наблюдателей, в реестре 40 заявок, вернули 55 бюллетеней.",
        PUBLISHED, "observer",
        "С переносной урной вернулось больше бюллетеней, чем было заявок в реестре.", False),
    "threats-astana": ("KZ-71", "safety", "observer", (11, 45),
        "Мне угрожают люди у входа, называют мою фамилию и место работы.", SENSITIVE,
        "observer", "Наблюдателю на участке в Астане угрожали у входа.", False),
    "vote-buying-shymkent": ("KZ-79", "vote_buying", "citizen", (12, 10),
        "У подъезда раздают продуктовые наборы и говорят, за кого голосовать.", "new", "", "",
        False),
    "stuffing-hotline-abai": ("KZ-10", "stuffing", "hotline", (12, 30),
        "Звонивший видел, как в урну бросили несколько бюллетеней сразу.", "new", "", "", False),
    "voter-lists-kostanay": ("KZ-39", "voter_lists", "citizen", (9, 55),
        "В списке оказались два умерших соседа, против их фамилий стоят подписи.", "triage", "",
        "", False),
    "unfounded-mangystau": ("KZ-47", "campaign_station", "citizen", (8, 40),
        "На участке играет музыка, это агитация.", "rejected", "", "", False),
    "unconfirmed-atyrau": ("KZ-23", "carousel", "citizen", (10, 5),
        "Говорят, что в соседнем селе голосуют по чужим паспортам.", "unconfirmed", "", "",
        False),
}  # fmt: skip


def demo_photo(label: str) -> bytes:
    """A drawn "photo" of a ballot box with a camera's EXIF (maker, GPS) as phones write it:
    the platform keeps this original private and shows a copy without it."""
    image = Image.new("RGB", (640, 480), (196, 208, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 180, 440, 430), fill=(244, 244, 240), outline=(30, 30, 30), width=6)
    draw.rectangle((270, 170, 370, 186), fill=(30, 30, 30))
    draw.text((24, 24), label, fill=(20, 20, 20))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "DemoPhone", "Demo 1"  # make, model
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 10.0, 0.0), 3: "E", 4: (71.0, 25.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, exif=exif)
    return buffer.getvalue()


def _station_number(region: str, key: str) -> str:
    if key == "campaign-station-1":
        return "1"  # the `observer` login's station
    station = PollingStation.objects.filter(district__region__code=region, is_abroad=False)
    return station.order_by("pk").values_list("number", flat=True)[3]


def incidents_load() -> int:
    """Returns the reports created by this load (0 the second time)."""
    moderator = User.objects.get(username="moderator")
    observer = User.objects.get(username="observer")
    created = 0
    for key, item in INCIDENTS.items():
        if Report.objects.filter(client_id=demo_id("incident", key)).exists():
            continue
        _incident_load(key, item, moderator, observer)
        created += 1
    return created


@transaction.atomic
def _incident_load(key, item, moderator, observer) -> None:
    region, category, source, (hour, minute), text, state, credibility, summary, photo = item
    files = [(f"{key}.jpg", demo_photo(key))] if photo else []
    reporter = observer if key == "campaign-station-1" else None
    report, _code = report_submit(
        data=ReportInput(
            client_id=demo_id("incident", key), source=source, description=text,
            occurred_at=at(hour, minute), station_number=_station_number(region, key),
            category_code=category, files=files,
        ),
        reporter=reporter,
    )  # fmt: skip
    if state != "new":
        _moderate(report, state, credibility, summary, moderator)
    _backdate(report)


def _moderate(report, state, credibility, summary, moderator) -> None:
    status = "verified" if state in (PUBLISHED, SENSITIVE) else state
    report_triage(
        report=report, actor=moderator, status=status, credibility=credibility or "single"
    )
    if state in (PUBLISHED, SENSITIVE):
        report.is_sensitive = state == SENSITIVE
        report.save(update_fields=["is_sensitive"])
        report_approve_publication(report=report, actor=moderator, public_summary=summary)


def _backdate(report: Report) -> None:
    """Received a few minutes after it happened, checked and published within the hour."""
    received = capped(report.occurred_at + timedelta(minutes=4))
    checked = capped(report.occurred_at + timedelta(minutes=35))
    Report.objects.filter(pk=report.pk).update(received_at=received)
    Report.objects.filter(pk=report.pk, is_published=True).update(published_at=checked)
    events = TimelineEvent.objects.filter(report=report)
    events.filter(kind="received").update(at=received)
    events.exclude(kind="received").update(at=checked)
    PublicationApproval.objects.filter(report=report).update(at=checked)
