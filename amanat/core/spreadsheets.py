"""Exports that people open in a spreadsheet: text never becomes a formula.

A cell of text that starts with = + - @ (or a tab or carriage return) is run as a formula by
Excel and LibreOffice when the file is opened: `=HYPERLINK("http://x","y")` in a citizen's
report would become a live link, and worse (OWASP "CSV injection"). Every CSV export writes
through `csv_writer`, which puts a single quote before such text, as OWASP advises. Numbers
our code writes as numbers (an int, a float, a Decimal such as a difference of -3) are left
as they are: only text can carry a formula someone typed.

In an XLSX file openpyxl itself turns text that starts with "=" into a formula;
`xlsx_text_only` makes such cells plain text again, so the text reads back unchanged."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value):
    """The value as a spreadsheet may show it: text that a spreadsheet would run as a formula
    gets a leading single quote; numbers, None and other text are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """csv.writer's writerow and writerows, with every cell made safe by cell_safe."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([cell_safe(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options) -> SafeCsvWriter:
    return SafeCsvWriter(stream, **options)


def xlsx_text_only(book) -> None:
    """Cells of an openpyxl workbook that openpyxl took for formulas become text again: we
    never write a formula, so any "=" at the start came from text someone typed."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
