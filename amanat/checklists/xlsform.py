"""XLSForm in and out (the format ODK, Kobo and Ona share), and XForms built from it by pyxform.

Yes/no questions travel as a choice list `yes_no` with 1 = yes and 2 = no, as in SMS."""

import io
import re

from openpyxl import Workbook, load_workbook
from pyxform.xls2xform import convert

from amanat.core.spreadsheets import xlsx_text_only

from .models import FormVersion, Question

LANGS = {"kk": "Kazakh (kk)", "ru": "Russian (ru)", "en": "English (en)"}
TYPES: dict[str, str] = {  # by Question.Kind (a str)
    Question.Kind.YES_NO: "select_one yes_no",
    Question.Kind.INTEGER: "integer",
    Question.Kind.TEXT: "text",
    Question.Kind.TIME: "time",
    Question.Kind.PHOTO: "image",
}
STATION_LABEL = {"kk": "Учаске нөмірі", "ru": "Номер участка", "en": "Polling station number"}
YES_NO = [
    ("1", {"kk": "Иә", "ru": "Да", "en": "Yes"}),
    ("2", {"kk": "Жоқ", "ru": "Нет", "en": "No"}),
]


def _type(question: Question) -> str:
    if question.kind == Question.Kind.SINGLE:
        return f"select_one list_{question.code}"
    if question.kind == Question.Kind.MULTIPLE:
        return f"select_multiple list_{question.code}"
    return TYPES[question.kind]


def _constraint(question: Question) -> str:
    parts = []
    if question.minimum is not None:
        parts.append(f". >= {question.minimum}")
    if question.maximum is not None:
        parts.append(f". <= {question.maximum}")
    return " and ".join(parts)


def _relation_constraints(version: FormVersion, order: dict[str, int]) -> dict[str, list[dict]]:
    """Each control relation rides on the question answered last among its terms, so that ODK
    Collect stops the observer on the device, as the server would."""
    carried: dict[str, list[dict]] = {}
    for relation in version.relations:
        terms = relation["left"] + relation["right"]
        carried.setdefault(max(terms, key=order.__getitem__), []).append(relation)
    return carried


def _relation_xpath(relation: dict, own_code: str) -> str:
    def side(codes):
        return " + ".join("." if code == own_code else f"${{{code}}}" for code in codes)

    return f"{side(relation['left'])} {relation['op']} {side(relation['right'])}"


def _relevant(question: Question) -> str:
    condition = question.relevant_if
    if not condition:
        return ""
    value = condition["equals"]
    value = {True: "1", False: "2"}.get(value, value) if isinstance(value, bool) else value
    return f"${{{condition['question']}}} = '{value}'"


def xlsform_build(version: FormVersion) -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    label_columns = [f"label::{name}" for name in LANGS.values()]
    message_columns = [f"constraint_message::{name}" for name in LANGS.values()]
    survey.append(["type", "name", *label_columns, "required", "constraint", "relevant",
                   *message_columns])  # fmt: skip
    survey.append(["text", "station", *STATION_LABEL.values(), "yes", "", "", "", "", ""])
    questions = list(version.questions.order_by("position"))
    carried = _relation_constraints(version, {q.code: q.position for q in questions})
    for question in questions:
        labels = [getattr(question, f"text_{lang}") or question.text for lang in LANGS]
        relations = carried.get(question.code, [])
        constraint = " and ".join(
            filter(None, [_constraint(question)]
                   + [f"({_relation_xpath(r, question.code)})" for r in relations])
        )  # fmt: skip
        messages = ["; ".join(r["name"].get(lang, "") for r in relations) for lang in LANGS]
        survey.append([_type(question), question.code, *labels, "", constraint,
                       _relevant(question), *messages])  # fmt: skip
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", *label_columns])
    for value, names in YES_NO:
        choices.append(["yes_no", value, *names.values()])
    for question in version.questions.filter(kind__in=["single", "multiple"]):
        for choice in question.choices:
            choices.append([f"list_{question.code}", str(choice["value"]),
                            *[choice["label"][lang] for lang in LANGS]])  # fmt: skip
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([version.form.name_ru or version.form.name, version.form.code,
                     str(version.number), LANGS["ru"]])  # fmt: skip
    xlsx_text_only(book)  # a label typed as "=..." stays text, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xform_build(version: FormVersion) -> str:
    return convert(
        xlsform=io.BytesIO(xlsform_build(version)), file_type=".xlsx", form_name=version.form.code
    ).xform


def xlsform_read(content: bytes, *, phase: str) -> dict:
    """An uploaded XLSForm as the definition form_load takes (our question kinds only)."""
    book = load_workbook(io.BytesIO(content), read_only=True)
    survey = _records(book["survey"])
    choices = _records(book["choices"])
    settings = _records(book["settings"])[0]
    lang_of = {name: lang for lang, name in LANGS.items()}
    questions = []
    for row in survey:
        kind_text, name = str(row.get("type") or ""), str(row.get("name") or "")
        if not name or name == "station":
            continue
        labels = {lang_of[c.split("::", 1)[1]]: row[c] for c in row if c.startswith("label::")
                  and c.split("::", 1)[1] in lang_of}  # fmt: skip
        item: dict[str, object] = {
            "code": name,
            "text": {lang: labels.get(lang) or "" for lang in LANGS},
        }
        if kind_text == "select_one yes_no":
            item["kind"] = "yes_no"
        elif kind_text.startswith(("select_one ", "select_multiple ")):
            item["kind"] = "single" if kind_text.startswith("select_one") else "multiple"
            list_name = kind_text.split()[1]
            item["choices"] = [
                {"value": int(c["name"]), **{lang: c.get(f"label::{LANGS[lang]}") or ""
                                             for lang in LANGS}}
                for c in choices if c.get("list_name") == list_name
            ]  # fmt: skip
        else:
            item["kind"] = {v: k for k, v in TYPES.items()}.get(kind_text, "text")
        constraint = str(row.get("constraint") or "")
        for key, pattern in (("min", r"\.\s*>=\s*(-?\d+)"), ("max", r"\.\s*<=\s*(-?\d+)")):
            found = re.search(pattern, constraint)
            if found:
                item[key] = int(found.group(1))
        questions.append(item)
    name = settings.get("form_title") or settings["form_id"]
    return {"code": settings["form_id"], "phase": phase,
            "name": {lang: name for lang in LANGS}, "questions": questions}  # fmt: skip


def _records(sheet) -> list[dict]:
    header = _header(sheet)
    return [dict(zip(header, row, strict=False)) for row in _rows(sheet)]


def _header(sheet) -> list[str]:
    return [str(cell.value) for cell in next(sheet.iter_rows(max_row=1))]


def _rows(sheet):
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if any(value is not None for value in row):
            yield row
