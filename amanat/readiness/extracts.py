"""Reading a station's list extract (CSV: name, birth date, address) into clean rows, with
every problem named by its line in the uploader's language."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
COLUMNS = {
    "name": ("name", "full_name", "фио", "аты-жөні"),
    "birth_date": ("birth_date", "дата рождения", "туған күні"),
    "address": ("address", "адрес", "мекенжай"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class ExtractError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Row:
    full_name: str
    birth_date: date | None
    address: str


def _clean(value: str | None, limit: int) -> str:
    return " ".join((value or "").replace("\x00", "").split())[:limit]


def _date(value: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    return None


def extract_rows(data: bytes) -> list[Row]:
    if len(data) > MAX_BYTES:
        raise ExtractError(_("The file is larger than 5 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExtractError(_("Save the file as CSV in UTF-8.")) from None
    reader = csv.reader(io.StringIO(text.replace("\x00", "")))
    try:
        header = [_clean(cell, 50).lower() for cell in next(reader, [])]
        where = {}
        for key, names in COLUMNS.items():
            found = [i for i, cell in enumerate(header) if cell in names]
            if not found:
                message = _("The file needs the columns name, birth_date and address.")
                raise ExtractError(f"{message} ({key})")
            where[key] = found[0]
        rows: list[Row] = []
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise ExtractError(_("An extract has at most 20000 names."))
            cells = cells + [""] * (len(header) - len(cells))
            name = _clean(cells[where["name"]], 200)
            born_text = _clean(cells[where["birth_date"]], 20)
            born = _date(born_text) if born_text else None
            if not name:
                raise ExtractError(_("Line %(line)s: the name is empty.") % {"line": line})
            if born_text and born is None:
                raise ExtractError(
                    _("Line %(line)s: write the birth date as YYYY-MM-DD or DD.MM.YYYY.")
                    % {"line": line}
                )
            rows.append(Row(name, born, _clean(cells[where["address"]], 300)))
    except csv.Error:
        raise ExtractError(_("This is not a readable CSV file.")) from None
    if not rows:
        raise ExtractError(_("The file has no names."))
    return rows
