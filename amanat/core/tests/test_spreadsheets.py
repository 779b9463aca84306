"""Text in an export never becomes a spreadsheet formula; numbers stay numbers."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from amanat.core.spreadsheets import cell_safe, csv_writer, xlsx_text_only

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("text", [HOSTILE, "+7 701 000", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_that_a_spreadsheet_would_run_gets_a_quote(text):
    assert cell_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Вброс на участке.", "2026-12-05T10:00:00", "", "a=b", None])
def test_other_text_is_unchanged(value):
    assert cell_safe(value) == value


@pytest.mark.parametrize("number", [-3, -0.5, Decimal("-12.5"), 0, 42])
def test_numbers_written_as_numbers_are_unchanged(number):
    assert cell_safe(number) is number


def test_the_csv_writer_quotes_every_hostile_cell_of_every_row():
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(["summary", "delta"])
    writer.writerows([[HOSTILE, -30], ["@cmd", 5]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows == [["summary", "delta"], ["'" + HOSTILE, "-30"], ["'@cmd", "5"]]


def test_an_xlsx_cell_typed_as_a_formula_reads_back_as_the_same_text():
    book = Workbook()
    book.active.append(["label", HOSTILE, 3])
    assert book.active["B1"].data_type == "f"  # what openpyxl makes of it by itself
    xlsx_text_only(book)
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert (sheet["B1"].value, sheet["B1"].data_type) == (HOSTILE, "s")
    assert sheet["C1"].value == 3


def test_every_csv_written_for_a_download_goes_through_the_safe_writer():
    """A new export that calls csv.writer itself would let formulas through again."""
    package = Path(__file__).resolve().parents[2]
    # Not downloads: the demo's own station file (read back by the import) and the PVT
    # sample written by `amanat pvt sample` from the analyst's own file (read back by
    # `amanat pvt estimate`, which must find the stations' ids unchanged).
    allowed = {"core/spreadsheets.py", "demo/stations.py", "forensics/management/commands/pvt.py"}
    writers = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "tests" not in path.parts
        and any(call in path.read_text(encoding="utf-8")
                for call in ("csv.writer(", "csv.DictWriter("))
    }  # fmt: skip
    assert writers <= allowed, f"write CSV through amanat.core.spreadsheets: {writers - allowed}"
