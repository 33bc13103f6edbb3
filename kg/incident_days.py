"""When a report happened: the time expressions of its sentence ("on March 4", "late 2030", "yesterday")
as ranges of days, against its article's date; the word lists and patterns are in ``kg/data/incidents.json``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["day", "when", "time_expressions", "calendar_times", "shift"]


def day(text: str) -> date | None:
    """The date of an ISO day string, or None ("" or not a day)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def when(sentence: str, trigger: str, edge_day: date | None, published: date | None) -> tuple[date | None, date | None, str]:
    """The days a report can refer to: a day it states (the expression nearest its trigger), a span, or its
    article's date and up to ``undated_days`` before."""
    from .incidents import rules

    # the relation reader dated weekdays and "yesterday" in the parse, clause by clause: only calendar dates here
    found = time_expressions(sentence, published) if edge_day is None else calendar_times(sentence, published)
    if found:
        at = sentence.find(trigger) if trigger else -1
        at = at if at >= 0 else 0
        _, lo, hi, dated = min(found, key=lambda f: (abs(f[0] - at), f[0]))
        return lo, hi, dated
    if edge_day is not None and edge_day != published:  # the extractor resolved a day this reading missed
        return edge_day, edge_day, "stated"
    if published is not None:
        return shift(published, -rules()["undated_days"]), published, "published"
    return None, None, ""


def calendar_times(sentence: str, published: date | None) -> tuple[tuple[int, date, date, str], ...]:
    """The time expressions of the sentence but its weekdays and "yesterday": those the relation reader dates in
    the parse (``kg.relations.facts.stated_day``), where a clause tells whose day it is."""
    from .incidents import rules

    r = rules()
    parsed = tuple(w.lower() for w in r["weekdays"] + r["yesterday"])
    return tuple(f for f in time_expressions(sentence, published) if not sentence[f[0]:].lower().startswith(parsed))


@lru_cache(maxsize=4096)
def time_expressions(sentence: str, published: date | None) -> tuple[tuple[int, date, date, str], ...]:
    """(position, first day, last day, "stated" | "span") for each time expression of the sentence."""
    from .incidents import rules

    r = rules()
    out: list[tuple[int, date, date, str]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, lo: date | None, hi: date | None, dated: str) -> None:
        if lo is None or hi is None or any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append(m.span())
        out.append((m.start(), lo, hi, dated))

    def month_no(word: str) -> int:
        word = word.lower().rstrip(".")
        return r["months"].index(word) + 1 if word in r["months"] else r["month_abbreviations"].get(word, 0)

    for rx, (mi, di) in ((r["month_day_re"], (1, 2)), (r["day_month_re"], (2, 1))):
        for m in rx.finditer(sentence):
            month, day = month_no(m.group(mi)), int(m.group(di))
            year = int(m.group(3)) if m.group(3) else (published.year if published else 0)
            d = _safe_date(year, month, day)
            if d and published and not m.group(3) and d > shift(published, 1):
                d = _safe_date(year - 1, month, day)  # "on December 30" in a January article
            add(m, d, d, "stated")
    for m in r["month_year_re"].finditer(sentence):
        part = (m.group(1) or "").lower()
        month, year = month_no(m.group(2) or m.group(5) or ""), int(m.group(3) or m.group(6))
        if month:
            lo = _safe_date(year, month, 1)
            hi = _safe_date(year + month // 12, month % 12 + 1, 1)
            add(m, lo, shift(hi, -1) if hi else None, "span")
        else:
            first, last = {"early": (1, 4), "mid": (4, 9), "late": (9, 12)}.get(part, (1, 12))
            end = _safe_date(year + last // 12, last % 12 + 1, 1)
            add(m, _safe_date(year, first, 1), shift(end, -1) if end else None, "span")
    if published is None:
        return tuple(out)
    for m in r["weekday_re"].finditer(sentence):
        back = (published.weekday() - r["weekdays"].index(m.group(1).lower())) % 7
        d = shift(published, -back)
        add(m, d, d, "stated")
    for m in r["relative_re"].finditer(sentence):
        phrase = m.group(1).lower()
        if phrase in r["today"]:
            add(m, published, published, "stated")
        elif phrase in r["yesterday"]:
            add(m, shift(published, -1), shift(published, -1), "stated")
        else:
            a, b = r["spans"][phrase]
            add(m, shift(published, a), shift(published, b), "stated" if a == b else "span")
    return tuple(out)


def shift(d: date, days: int) -> date:
    """``d`` moved by ``days``, kept within the calendar (an article dated 0001-01-01 must not crash).

    >>> shift(date.min, -1), shift(date(2031, 3, 1), -1)
    (datetime.date(1, 1, 1), datetime.date(2031, 2, 28))
    """
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
