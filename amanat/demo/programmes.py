"""What the fictional demo candidates promise, topic by topic, for the comparison page."""

from django.utils import translation

from amanat.elections.models import BallotOption, Candidate, Contest
from amanat.voterinfo.models import ProgrammePosition, Topic

LANGS = ("kk", "ru", "en")
BIOGRAPHY = {
    "kk": "Ойдан шығарылған демо-кандидат: өмірбаяны мен бағдарламасы платформаны көрсету үшін "
    "жазылған.",
    "ru": "Вымышленный демо-кандидат: биография и программа написаны, чтобы показать платформу.",
    "en": "A fictional demo candidate: the biography and programme are written to show the "
    "platform.",
}

# Candidate position on the ballot → topic → (kk, ru, en)
POSITIONS = {
    1: {
        "economy": ("Шағын бизнеске салықты азайту.", "Снизить налоги для малого бизнеса.",
                    "Lower taxes for small businesses."),
        "education": ("Әр ауылда мектепке дейінгі балабақша.", "Детский сад в каждом селе.",
                      "A kindergarten in every village."),
        "corruption": ("Мемлекеттік сатып алудың бәрін ашық жариялау.",
                       "Публиковать все государственные закупки.",
                       "Publish every public procurement contract."),
    },
    2: {
        "social": ("Зейнетақыны инфляциядан жоғары индекстеу.",
                   "Индексировать пенсии выше инфляции.",
                   "Index pensions above inflation."),
        "health": ("Аудандық ауруханаларға жаңа жабдық.", "Новое оборудование районным больницам.",
                   "New equipment for district hospitals."),
        "governance": ("Аудан әкімдерін тікелей сайлау.", "Прямые выборы акимов районов.",
                       "Direct elections of district akims."),
    },
    3: {
        "environment": ("Арал мен Балқашты сақтау бағдарламасы.",
                        "Программа спасения Арала и Балхаша.",
                        "A programme to save the Aral Sea and Lake Balkhash."),
        "economy": ("Өңірлерде жұмыс орнын ашатындарға грант.",
                    "Гранты тем, кто создаёт рабочие места в регионах.",
                    "Grants for those who create jobs in the regions."),
    },
}  # fmt: skip


def positions_load(contest: Contest) -> None:
    for position, topics in POSITIONS.items():
        option = BallotOption.objects.filter(contest=contest, position=position).first()
        if option is None:
            continue
        for topic, (kk, ru, en) in topics.items():
            ProgrammePosition.objects.update_or_create(
                option=option,
                topic=topic,
                defaults={"text_kk": kk, "text_ru": ru, "text_en": en},
            )
        if option.candidate_id is not None:
            _programme_publish(option.candidate_id, topics)


def _programme_publish(candidate_id: int, topics: dict[str, tuple[str, str, str]]) -> None:
    """The candidate's page shows the same programme the comparison quotes, topic by topic."""
    fields = {}
    for index, lang in enumerate(LANGS):
        with translation.override(lang):
            sections = [
                f"### {Topic(topic).label}\n\n{texts[index]}" for topic, texts in topics.items()
            ]
        fields[f"programme_{lang}"] = "\n\n".join(sections)
        fields[f"biography_{lang}"] = BIOGRAPHY[lang]
    Candidate.objects.filter(pk=candidate_id).update(**fields)
