"""Questions to the volunteer lawyers: the common ones asked in each of the three languages,
answered and published to the FAQ in that language, and a few still in the lawyer's queue."""

from django.db import transaction

from amanat.accounts.models import User
from amanat.geography.models import Region
from amanat.legalhelp.models import Question
from amanat.legalhelp.services import faq_publish, question_answer, question_ask

from .story import at, demo_id

# key: (topic, {language: (question, answer)})
ANSWERED = {
    "photo": ("observers", {
        "kk": ("Байқаушы учаскеде суретке түсіре ала ма? Төраға түсіруге тыйым салса не істеу "
               "керек?",
               "Иә. Байқаушы дауыс беру мен санаудың барысын дауыс берудің құпиялығын бұзбай "
               "суретке және бейнеге түсіруге құқылы (кабинадағы толтырылған бюллетеньді "
               "түсірмеңіз). Төраға тыйым салса, бас тартуды журналға жазуды сұраңыз және "
               "Amanat-қа хабарлаңыз."),
        "ru": ("Может ли наблюдатель фотографировать на участке, и что делать, если председатель "
               "запрещает съёмку?",
               "Да. Наблюдатель вправе фотографировать и снимать на видео ход голосования и "
               "подсчёта, не нарушая тайну голосования (не снимайте заполненный бюллетень в "
               "кабине). Если председатель запрещает, попросите записать отказ в журнал и "
               "сообщите в Amanat."),
        "en": ("May an observer take photos at the station, and what if the chair forbids it?",
               "Yes. Observers may photograph and film the voting and the count as long as the "
               "secrecy of the vote is kept (never film a marked ballot in the booth). If the "
               "chair forbids it, ask for the refusal to be written in the log and tell Amanat."),
    }),
    "not-on-list": ("voter_lists", {
        "kk": ("Мен өз учаскемдегі сайлаушылар тізімінде жоқпын. Бүгін дауыс бере аламын ба?",
               "Иә. Жеке куәлігіңізбен учаскелік комиссия төрағасына барыңыз: учаске аумағында "
               "тұрсаңыз, сізді дауыс беру күні қосымша тізімге енгізеді. Бас тартса, жазбаша "
               "бас тартуды талап етіп, оған жоғары тұрған комиссияға шағым беріңіз."),
        "ru": ("Меня нет в списке избирателей на моём участке. Могу ли я проголосовать сегодня?",
               "Да. Обратитесь к председателю участковой комиссии с удостоверением личности: "
               "если вы живёте на территории участка, вас включат в дополнительный список в "
               "день голосования. Если откажут, требуйте письменный отказ и обжалуйте его в "
               "вышестоящей комиссии."),
        "en": ("I am not on the voter list at my station. Can I still vote today?",
               "Yes. Go to the chair of the precinct commission with your ID card: if you live "
               "in the station's area, you are added to the supplementary list on election "
               "day. If they refuse, ask for the refusal in writing and appeal it to the higher "
               "commission."),
    }),
    "observer-removed": ("observers", {
        "kk": ("Байқаушыны учаскеден шығаруға бола ма? Бізді ешқандай себепсіз шығарып жіберді.",
               "Байқаушыны тек заң бұзған жағдайда және комиссияның жазбаша шешімімен ғана "
               "шығаруға болады. Шешімнің көшірмесін талап етіңіз, уақытын жазып алыңыз және "
               "жоғары тұрған комиссияға шағым беріңіз. Amanat заңгерлері шағым жазуға "
               "көмектеседі."),
        "ru": ("Можно ли удалить наблюдателя с участка? Нас удалили без всякой причины.",
               "Удалить наблюдателя можно только за нарушение закона и только письменным "
               "решением комиссии. Требуйте копию решения, запишите время и обжалуйте его в "
               "вышестоящей комиссии. Юристы Amanat помогут составить жалобу."),
        "en": ("Can an observer be removed from the station? We were sent out for no reason.",
               "An observer may be removed only for breaking the law and only by a written "
               "decision of the commission. Ask for a copy of the decision, note the time and "
               "appeal to the higher commission. Amanat's lawyers will help you write the "
               "complaint."),
    }),
    "work-pressure": ("pressure", {
        "kk": ("Жұмыс берушім бюллетеннің суретін жіберуді талап етеді. Бұл заңды ма?",
               "Жоқ. Дауыс беру жасырын: ешкім сізден бюллетеннің суретін талап ете алмайды. "
               "Мұндай талапты сайлаушының еркіне қысым деп хабарлауға болады, хабарламаны "
               "Amanat арқылы жасырын жіберіңіз."),
        "ru": ("Работодатель требует прислать фото бюллетеня. Это законно?",
               "Нет. Голосование тайное: никто не вправе требовать от вас фото бюллетеня. О "
               "таком требовании можно сообщить как о давлении на волю избирателя, анонимно, "
               "через Amanat."),
        "en": ("My employer demands a photo of my ballot. Is that legal?",
               "No. The vote is secret: nobody may demand a photo of your ballot. You can "
               "report such a demand as pressure on voters, anonymously, through Amanat."),
    }),
}  # fmt: skip

# key: (language, topic, question)
WAITING = {
    "transport-voters": ("ru", "pressure",
        "Сосед предлагает подвезти на участок и говорит, за кого голосовать. Это нарушение?"),
    "campaign-today": ("kk", "campaign",
        "Бүгін учаскеге кіреберісте кандидаттың плакаттары ілулі тұр. Бұл рұқсат па?"),
    "id-lost": ("en", "voter_lists",
        "I lost my ID card last week. Which documents can I vote with today?"),
}  # fmt: skip


def legal_load() -> int:
    """Returns the questions created by this load (0 the second time)."""
    lawyer = User.objects.get(username="lawyer")
    astana = Region.objects.get(code="KZ-71")
    asked = [
        (f"{key}:{lang}", lang, topic, question, answer)
        for key, (topic, texts) in ANSWERED.items()
        for lang, (question, answer) in texts.items()
    ]
    asked += [(key, lang, topic, question, "") for key, (lang, topic, question) in WAITING.items()]
    created = 0
    for index, (key, lang, topic, question, answer) in enumerate(asked):
        if Question.objects.filter(client_id=demo_id("question", key)).exists():
            continue
        _question_load(key, (lang, topic, question, answer), index, lawyer, astana)
        created += 1
    return created


@transaction.atomic
def _question_load(key, item, index, lawyer, region) -> None:
    language, topic, text, answer = item
    question, _code = question_ask(
        client_id=demo_id("question", key), region=region, topic=topic, text=text,
        is_public=True, language=language,
    )  # fmt: skip
    Question.objects.filter(pk=question.pk).update(asked_at=at(7, 3 * index))
    if not answer:
        return
    question_answer(question=question, lawyer=lawyer, text=answer)
    Question.objects.filter(pk=question.pk).update(answered_at=at(8, 3 * index))
    faq_publish(question=question, lawyer=lawyer, question_text=text, answer_text=answer)
