"""Article metadata read from text: a date line, an ISO timestamp, the headline, and a safe article id."""
from __future__ import annotations

import re
from datetime import datetime

__all__ = ["clean_id", "header", "iso_date", "parse_date"]


_DATE_FORMATS = ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%A %B %d %Y", "%B %Y")


_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def parse_date(line: str) -> str:
    """Return ``line`` as an ISO date if the whole line is a date, else "".

    >>> parse_date("February, 23, 2024"), parse_date("2020-01-05"), parse_date("Iran strikes")
    ('2024-02-23', '2020-01-05', '')
    """
    cleaned = re.sub(r"[,.]", " ", line).split()
    if not cleaned or len(cleaned) > 5:
        return ""
    text = " ".join(cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def iso_date(value: str) -> str:
    """An ISO date from a timestamp or date string ("2024-03-14T10:00Z" -> "2024-03-14"), else "".

    >>> iso_date("2024-03-14T10:00:00+01:00"), iso_date("March 14, 2024"), iso_date("soon")
    ('2024-03-14', '2024-03-14', '')
    """
    value = value.strip()
    if m := _ISO_DATE.match(value):
        try:
            return datetime.strptime(m.group(1), "%Y-%m-%d").date().isoformat()
        except ValueError:
            return ""
    return parse_date(value)


def clean_id(text: str) -> str:
    """``text`` as an article id: letters, digits, "_", "." and "-" only."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "article"


def header(text: str) -> tuple[str, str]:
    """Title and date from the first non-empty lines (headline and, often, a date line)."""
    title = date = ""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:3]:
        if not date and (d := parse_date(line)):
            date = d
        elif not title:
            title = line[:300]
    return title, date
