"""Questions to the volunteer lawyers: answered ones published to the FAQ in each of the three
languages (as askers wrote them), and a few still waiting in the lawyer's queue."""

from django.db import transaction

from amanat.accounts.models import User
from amanat.geography.models import Region
from amanat.legalhelp.models import Question
from amanat.legalhelp.services import faq_publish, question_answer, question_ask

from .story import at, demo_id

# key: (language, topic, question, answer or "" while it waits)
QUESTIONS = {
    "photo-ballot": ("ru", "observers",
        "Может ли наблюдатель фотографировать на участке, и что делать, если председатель "
        "запрещает съёмку?",
        "Да. Наблюдатель вправе фотографировать и снимать на видео ход голосования и подсчёта, "
        "не нарушая тайну голосования (не снимайте заполненный бюллетень в кабине). Если "
        "председатель запрещает, попросите записать отказ в журнал и сообщите в Amanat."),
    "not-on-list": ("ru", "voter_lists",
        "Меня нет в списке избирателей на моём участке. Могу ли я проголосовать сегодня?",
        "Да. Обратитесь к председателю участковой комиссии с удостоверением личности: если вы "
        "живёте на территории участка, вас включат в дополнительный список в день голосования. "
        "Если откажут, требуйте письменный отказ и обжалуйте его в вышестоящей комиссии."),
    "observer-removed": ("kk", "observers",
        "Байқаушыны учаскеден шығаруға бола ма? Бізді ешқандай себепсіз шығарып жіберді.",
        "Байқаушыны тек заң бұзған жағдайда және комиссияның жазбаша шешімімен ғана шығаруға "
        "болады. Шешімнің көшірмесін талап етіңіз, уақытын жазып алыңыз және жоғары тұрған "
        "комиссияға шағым беріңіз. Amanat заңгерлері шағым жазуға көмектеседі."),
    "work-pressure": ("kk", "pressure",
        "Жұмыс берушім бюллетеннің суретін жіберуді талап етеді. Бұл заңды ма?",
        "Жоқ. Дауыс беру жасырын: ешкім сізден бюллетеннің суретін талап ете алмайды. Мұндай "
        "талапты сайлаушының еркіне қысым деп хабарлауға болады, хабарламаны Amanat арқылы "
        "жасырын жіберіңіз."),
    "mobile-box": ("en", "complaints",
        "Who may ask to vote at home with the mobile ballot box, and until when?",
        "Voters who cannot come to the station for health or other valid reasons may ask the "
        "precinct commission in writing or by phone, at the latest by 14:00 on election day. "
        "Observers may go with the mobile box; ask to see the register of requests."),
    "copy-of-protocol": ("en", "observers",
        "Am I entitled to a certified copy of the results protocol after the count?",
        "Yes. Observers are entitled to a copy of the protocol certified by the commission's "
        "chair and secretary as soon as the count ends. Check that its figures match the "
        "protocol displayed at the station and send a photo through Amanat."),
    "transport-voters": ("ru", "pressure",
        "Сосед предлагает подвезти на участок и говорит, за кого голосовать. Это нарушение?",
        ""),
    "campaign-today": ("kk", "campaign",
        "Бүгін учаскеге кіреберісте кандидаттың плакаттары ілулі тұр. Бұл рұқсат па?", ""),
    "certificate-lost": ("en", "voter_lists",
        "I lost my ID card last week. Which documents can I vote with today?", ""),
}  # fmt: skip


def legal_load() -> int:
    """Returns the questions created by this load (0 the second time)."""
    lawyer = User.objects.get(username="lawyer")
    astana = Region.objects.get(code="KZ-71")
    created = 0
    for index, (key, item) in enumerate(QUESTIONS.items()):
        if Question.objects.filter(client_id=demo_id("question", key)).exists():
            continue
        _question_load(key, item, index, lawyer, astana)
        created += 1
    return created


@transaction.atomic
def _question_load(key, item, index, lawyer, region) -> None:
    language, topic, text, answer = item
    question, _code = question_ask(
        client_id=demo_id("question", key), region=region, topic=topic, text=text,
        is_public=True, language=language,
    )  # fmt: skip
    asked = at(7, 5 * index)
    Question.objects.filter(pk=question.pk).update(asked_at=asked)
    if not answer:
        return
    question_answer(question=question, lawyer=lawyer, text=answer)
    Question.objects.filter(pk=question.pk).update(answered_at=at(8, 5 + 5 * index))
    faq_publish(question=question, lawyer=lawyer, question_text=text, answer_text=answer)
