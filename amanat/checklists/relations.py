"""Control relations between a form's numeric answers, such as the arithmetic of a results
protocol: "ballots received = issued + cancelled + lost". A version keeps its relations frozen
with its questions, and every channel is checked by the same rule through the ingestion service.

A relation is stored as {"code": "R1", "left": ["B"], "op": "=", "right": ["C", "D", "E"],
"name": {"kk": …, "ru": …, "en": …}}; `op` is "=" or "<=" (left at most right)."""

from django.utils import translation
from django.utils.translation import gettext as _

from .answers import AnswerError

OPERATORS = {"=": lambda left, right: left == right, "<=": lambda left, right: left <= right}
BROKEN_SIGN = {"=": "≠", "<=": ">"}


def relation_name(relation: dict) -> str:
    names = relation.get("name") or {}
    language = (translation.get_language() or "ru")[:2]
    formula = f"{' + '.join(relation['left'])} {relation['op']} {' + '.join(relation['right'])}"
    return names.get(language) or names.get("ru") or formula


def relation_definition_check(relation: dict, codes: set[str]) -> None:
    """For loaders: refuse a relation that names an unknown question or operator."""
    if relation.get("op") not in OPERATORS:
        raise ValueError(f"relation {relation.get('code')}: operator must be = or <=")
    unknown = set(relation["left"]) | set(relation["right"])
    unknown -= codes
    if unknown or not relation["left"] or not relation["right"]:
        raise ValueError(f"relation {relation.get('code')}: unknown terms {sorted(unknown)}")


def relations_check(relations: list[dict], clean: dict, given: dict) -> list[AnswerError]:
    """Every broken relation, named with both sides' figures. A relation whose terms were not
    answered at all is reported as incomplete; one whose terms already failed their own check is
    left to that error, so nobody is told twice about one typo."""
    errors = []
    for relation in relations:
        terms = relation["left"] + relation["right"]
        missing = [code for code in terms if code not in given or given[code] is None]
        if missing:
            errors.append(
                AnswerError(
                    relation["code"],
                    "relation_incomplete",
                    _("Give %(codes)s: needed to check “%(relation)s”.")
                    % {
                        "codes": ", ".join(dict.fromkeys(missing)),
                        "relation": relation_name(relation),
                    },
                )  # fmt: skip
            )
            continue
        if any(code not in clean for code in terms):
            continue
        left = sum(clean[code] for code in relation["left"])
        right = sum(clean[code] for code in relation["right"])
        if not OPERATORS[relation["op"]](left, right):
            errors.append(
                AnswerError(
                    relation["code"],
                    "relation_broken",
                    _("Control relation “%(relation)s” does not hold: %(left)s %(sign)s %(right)s.")
                    % {
                        "relation": relation_name(relation),
                        "left": left,
                        "sign": BROKEN_SIGN[relation["op"]],
                        "right": right,
                    },
                )  # fmt: skip
            )
    return errors
