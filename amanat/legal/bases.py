"""The legal basis a complaint cites, by what happened. Only provisions whose number and
subject were checked against published texts are cited. Constitutional Law "On Elections"
No. 2464 of 28 September 1995: art. 20 the commissions' work and appeals against their
actions; art. 20-1 observers of parties and NGOs (as the training course cites it); art. 50
liability for breaking the election law; art. 26 (item 4) every voter's right to check their
entry in the voter list and to challenge not being included, a wrong inclusion, an exclusion
or an inaccuracy in it. Criminal Code of 2014: art. 150 obstructing
electoral rights or the commissions' work. Code on Administrative Offences of 2014: art. 122
the conditions of campaigning. Where no specific offence article was verified (falsification,
ballot stuffing), the document cites the Constitutional Law's articles, not a guessed number."""

LAW = {
    "kk": "«Қазақстан Республикасындағы сайлау туралы» Конституциялық заң",
    "ru": "Конституционный закон «О выборах в Республике Казахстан»",
    "en": "Constitutional Law “On Elections in the Republic of Kazakhstan”",
}
CRIMINAL_CODE = {
    "kk": "Қазақстан Республикасының Қылмыстық кодексі",
    "ru": "Уголовный кодекс Республики Казахстан",
    "en": "Criminal Code of the Republic of Kazakhstan",
}
OFFENCES_CODE = {
    "kk": "Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының кодексі",
    "ru": "Кодекс Республики Казахстан об административных правонарушениях",
    "en": "Code of the Republic of Kazakhstan on Administrative Offences",
}
ARTICLE = {"kk": "{n}-бап", "ru": "ст. {n}", "en": "art. {n}"}

# (code, article, subject in each language)
PROVISIONS: dict[str, tuple[dict[str, str], str, dict[str, str]]] = {
    "appeal": (LAW, "20", {
        "kk": "сайлау комиссияларының шешімдері мен әрекеттеріне шағым жасау",
        "ru": "обжалование решений и действий избирательных комиссий",
        "en": "appeals against the decisions and actions of election commissions",
    }),
    "voter_list": (LAW, "26", {
        "kk": "сайлаушылар тізіміне енгізбеуге, дұрыс енгізбеуге, тізімнен шығаруға және "
        "тізімдегі қателерге шағым жасау құқығы",
        "ru": "право обжаловать невключение, неправильное включение, исключение из списка "
        "избирателей и неточности в нём",
        "en": "the right to challenge not being included in the voter list, a wrong "
        "inclusion, an exclusion or an inaccuracy in it",
    }),
    "observers": (LAW, "20-1", {
        "kk": "байқаушылардың құқықтары",
        "ru": "права наблюдателей",
        "en": "the rights of observers",
    }),
    "liability": (LAW, "50", {
        "kk": "сайлау туралы заңнаманы бұзғаны үшін жауаптылық",
        "ru": "ответственность за нарушение законодательства о выборах",
        "en": "liability for breaking the election law",
    }),
    "obstruction": (CRIMINAL_CODE, "150", {
        "kk": "сайлау құқығын жүзеге асыруға немесе сайлау комиссияларының жұмысына "
        "кедергі жасау",
        "ru": "воспрепятствование осуществлению избирательных прав или работе "
        "избирательных комиссий",
        "en": "obstructing electoral rights or the work of election commissions",
    }),
    "campaigning": (OFFENCES_CODE, "122", {
        "kk": "сайлауалды үгіт жүргізу шарттарын бұзу",
        "ru": "нарушение условий проведения предвыборной агитации",
        "en": "breaking the conditions of election campaigning",
    }),
}  # fmt: skip

# The incident taxonomy's categories (incidents/content/taxonomy.toml) → provisions.
BY_CATEGORY = {
    "admin_resource": ("campaigning", "liability"),
    "campaign": ("campaigning",),
    "campaign_station": ("campaigning",),
    "pressure": ("obstruction", "liability"),
    "control": ("obstruction", "liability"),
    "vote_buying": ("obstruction", "liability"),
    "obstruct_candidates": ("obstruction", "liability"),
    "observers_pre": ("observers", "appeal"),
    "observers_expelled": ("observers", "appeal"),
    "voter_lists": ("appeal",),
    "stuffing": ("liability", "appeal"),
    "carousel": ("liability", "appeal"),
    "mobile_box": ("liability", "appeal"),
    "count_procedure": ("appeal", "liability"),
    "protocol": ("observers", "appeal"),
    "higher_commissions": ("appeal", "liability"),
    "safety": ("obstruction", "liability"),
}
# A citizen's challenge to a precinct commission about the voter list.
VOTER_LIST = ("voter_list", "appeal")
# The complaint wizard's "what happened" → provisions.
BY_WHAT = {
    "vote_denied": ("appeal",),
    "commission": ("appeal",),
    "vote_buying": ("obstruction", "liability"),
    "pressure": ("obstruction", "liability"),
    "campaign": ("campaigning",),
    "fraud": ("liability", "appeal"),
    "violence": ("obstruction", "liability"),
}


def basis_text(keys: tuple[str, ...]) -> dict[str, str]:
    """The provisions in each language, the articles of one act after its name once, e.g.
    "Конституционный закон «…», ст. 50 (ответственность …), ст. 20 (обжалование …)"."""
    texts: dict[str, str] = {}
    for lang in ("kk", "ru", "en"):
        acts: dict[str, list[str]] = {}
        for key in keys:
            act, article, subject = PROVISIONS[key]
            cited = f"{ARTICLE[lang].format(n=article)} ({subject[lang]})"
            acts.setdefault(act[lang], []).append(cited)
        texts[lang] = "; ".join(", ".join([act, *articles]) for act, articles in acts.items())
    return texts


def basis_for_category(code: str) -> dict[str, str]:
    return basis_text(BY_CATEGORY.get(code, ("appeal",)))


def basis_for_what(what: str) -> dict[str, str]:
    return basis_text(BY_WHAT.get(what, ("appeal",)))
