"""Station-level result tables read from CSV, plain or inside .zip/.gz, into numpy columns."""

import csv
import gzip
import io
import zipfile
from pathlib import Path

import numpy as np


class TableError(ValueError):
    """Why a table cannot be used, for a person: `reason` is "missing" (the `columns` named are
    not in the header) or "unreadable" (not UTF-8 text, not a zip or gzip archive, not CSV)."""

    def __init__(self, message: str, *, reason: str = "", columns: list[str] | None = None):
        super().__init__(message)
        self.reason, self.columns = reason, columns or []


def _text(path: Path) -> io.TextIOBase:
    if path.suffix == ".zip":
        archive = zipfile.ZipFile(path)
        names = [n for n in archive.namelist() if n.lower().endswith(".csv")] or archive.namelist()
        if not names:
            raise zipfile.BadZipFile("the archive is empty")
        return io.TextIOWrapper(archive.open(names[0]), encoding="utf-8-sig", newline="")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_columns(
    path: str | Path, names: list[str], text: tuple[str, ...] = ()
) -> dict[str, np.ndarray]:
    """The named columns as float arrays; an empty or non-numeric cell becomes NaN.

    Columns named in `text` (a region, a prefecture) are kept as strings.

    Column names in official files contain commas, so they are matched whole, never split.
    """
    path = Path(path)
    if not path.exists():
        raise TableError(f"{path}: no such file")
    try:
        cells = _cells(path, names)
    except (UnicodeDecodeError, zipfile.BadZipFile, OSError, csv.Error) as error:
        # A spreadsheet saved in Windows-1251, or an archive that is not one.
        raise TableError(f"{path}: cannot be read ({error})", reason="unreadable") from error
    return {
        name: np.array(values, dtype=object) if name in text else _numbers(values)
        for name, values in cells.items()
    }


def _cells(path: Path, names: list[str]) -> dict[str, list[str]]:
    with _text(path) as handle:
        reader = csv.reader(handle)
        header = next(reader, None) or []
        missing = [name for name in dict.fromkeys(names) if name not in header]
        if missing:
            quoted = ", ".join(repr(m) for m in missing)
            raise TableError(f"{path}: no column {quoted}", reason="missing", columns=missing)
        wanted = {name: header.index(name) for name in dict.fromkeys(names)}
        cells: dict[str, list[str]] = {name: [] for name in wanted}
        for row in reader:
            for name, index in wanted.items():
                cells[name].append(row[index] if index < len(row) else "")
    return cells


def _numbers(values: list[str]) -> np.ndarray:
    out = np.full(len(values), np.nan)
    for i, value in enumerate(values):
        try:
            out[i] = float(value)
        except ValueError:
            continue
    return out


def summed(columns: dict[str, np.ndarray], names: list[str]) -> np.ndarray:
    """Repeated column options are added up (for example the three kinds of issued ballots)."""
    return np.sum([columns[name] for name in names], axis=0)
