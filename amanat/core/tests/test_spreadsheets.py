"""Text in an export never becomes a spreadsheet formula; numbers stay numbers."""

import csv
import io
from decimal import Decimal

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
