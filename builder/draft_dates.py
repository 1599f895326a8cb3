"""Date phrases in a new article for `new`: dates as written ("8 May 2024") and relative ones ("Day 2",
"on Thursday", "two weeks earlier"), each with a suggested EDTF date.

A relative phrase gets a date only when something fixes it (the publication date, or a full date earlier in the
text); that date is always a suggestion for the editor to check, never a fact.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from builder.boilerplate import Line

__all__ = ["DATE_PHRASES", "DatePhrase", "date_phrases", "edtf"]

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_PHRASES = re.compile(
    rf"\b(?:(?:early|mid|late|end of|beginning of)[ -])?(?:"
    rf"{MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}}|{MONTH},? \d{{4}}|"
    rf"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter) \d{{4}}|"
    rf"(?:in the |this |next |last )(?:spring|summer|autumn|fall|winter)|"
    rf"(?:in (?:the )?(?:coming|past|recent) (?:days|weeks|months))|"
    rf"(?:in |since |by )?(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
NUMBERS.update(a=1, an=1)
ORDINALS = {w: n for n, w in enumerate("first second third fourth fifth sixth seventh".split(), 1)}
COUNT = r"(?:a|an|\d{1,2}|" + "|".join(w for w in NUMBERS if len(w) > 2) + ")"
RELATIVE = re.compile(
    rf"\b(?:(?P<dayn>[Dd]ay (?:\d{{1,2}}|{'|'.join(w for w in NUMBERS if len(w) > 2)}))"
    rf"|the (?P<dayord>{'|'.join(ORDINALS)}) day\b"
    rf"|(?:(?P<wprefix>on|last|next|this|since|until|by) )?(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"|(?P<count>{COUNT}) (?P<unit>day|week|month|year)s? (?P<direction>ago|earlier|later|before|after|from now)"
    rf"|(?P<span>(?:earlier |later )?(?:this|last|next) (?:week|weekend|month|year)|today|tonight|yesterday|tomorrow"
    rf"|this (?:morning|afternoon|evening)))\b",
    re.IGNORECASE,
)
FUTURE = re.compile(r"\b(?:will|to be held|set to|scheduled|expected|planned|due to|plans? to|is to|are to)\b")


@dataclass(frozen=True)
class DatePhrase:
    phrase: str
    line: int
    value: str | None  # suggested EDTF date
    note: str = ""  # how a relative phrase was (or could not be) resolved
    relative: bool = False


def edtf(phrase: str) -> str | None:
    from edtf import text_to_edtf  # imported here: it loads dateutil's parser, which only `new` needs

    try:
        value = text_to_edtf(phrase)
    except Exception:  # edtf's parser raises many kinds of error on odd phrases
        return None
    return value if value and "X" not in value else None


def date_phrases(body: list[Line], published: str | None) -> list[DatePhrase]:
    """Every date phrase of the article's lines, once each (case ignored), in order of appearance."""
    found: dict[str, DatePhrase] = {}
    anchor: tuple[datetime.date, str] | None = None  # the last full date written out, for "two weeks earlier"
    start = _day(published)
    for line in body:
        for match in sorted(
            [*DATE_PHRASES.finditer(line.text), *RELATIVE.finditer(line.text)], key=lambda m: m.start()
        ):
            phrase = match.group(0).strip()
            if match.re is DATE_PHRASES:
                value = edtf(phrase)
                if value and (day := _day(value)):
                    anchor = (day, phrase)
                found.setdefault(phrase.lower(), DatePhrase(phrase, line.number, value))
            else:
                future = bool(FUTURE.search(_sentence_around(line.text, match.start())))
                value, note = _resolve(match, start, anchor, future)
                found.setdefault(phrase.lower(), DatePhrase(phrase, line.number, value, note, relative=True))
    return list(found.values())


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at)) + 1
    end = min((i for i in (text.find(". ", at), text.find("? ", at), text.find("! ", at)) if i >= 0), default=len(text))
    return text[start:end]


def _day(value: str | None) -> datetime.date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return datetime.date.fromisoformat(value)
    return None


def _resolve(
    match: re.Match[str], published: datetime.date | None, anchor: tuple[datetime.date, str] | None, future: bool
) -> tuple[str | None, str]:
    """A suggested EDTF date for a relative phrase, and how it was reached (or what is missing)."""
    if match["dayn"] or match["dayord"]:
        return _day_number(match, published)
    if match["count"]:
        return _counted(match, published, anchor)
    if published is None:
        return None, "the publication date would fix it, and none was found"
    pub = f"counted from the publication date ({published.isoformat()})"
    if match["weekday"]:
        return _weekday(match["weekday"].capitalize(), (match["wprefix"] or "").lower(), published, future), pub
    return _span(match["span"].lower(), published), pub


def _day_number(match: re.Match[str], published: datetime.date | None) -> tuple[str | None, str]:
    word = (match["dayn"] or "").split(" ")[-1].lower()
    number = ORDINALS[match["dayord"].lower()] if match["dayord"] else NUMBERS.get(word) or int(word)
    what = f"day {number} counts from the first day of the talks"
    if published is None:
        return None, f"{what}; no publication date was found to place it"
    return f"{published.isoformat()}~", f"{what}; taken as the day it was published ({published.isoformat()})"


def _counted(
    match: re.Match[str], published: datetime.date | None, anchor: tuple[datetime.date, str] | None
) -> tuple[str | None, str]:
    count = NUMBERS.get(match["count"].lower()) or int(match["count"])
    direction = match["direction"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("ago", "from now"):
        base, said = published, "the publication date"
    else:
        base, said = (anchor[0], f'"{anchor[1]}"') if anchor else (published, "the publication date")
    if base is None:
        return None, "it counts from another date, and no date was found to count from"
    unit = match["unit"].lower()
    day = _shift(base, unit, sign * count)
    exact = unit == "day"
    return f"{day.isoformat()}{'' if exact else '~'}", f"counted from {said} ({base.isoformat()})"


def _shift(day: datetime.date, unit: str, amount: int) -> datetime.date:
    if unit in ("day", "week"):
        return day + datetime.timedelta(days=amount * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + amount * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def _weekday(name: str, prefix: str, published: datetime.date, future: bool) -> str:
    """Last or next Thursday: the Thursday of the week before or after the publication date's week; a plain
    "Thursday": the nearest one before the publication date, or after it when the sentence looks ahead."""
    target = WEEKDAYS.index(name)
    monday = published - datetime.timedelta(days=published.weekday())
    if prefix in ("last", "next"):
        return (monday + datetime.timedelta(days=target + (7 if prefix == "next" else -7))).isoformat()
    if prefix == "until" or future:
        return (published + datetime.timedelta(days=(target - published.weekday()) % 7)).isoformat()
    return (published - datetime.timedelta(days=(published.weekday() - target) % 7)).isoformat()


def _span(span: str, published: datetime.date) -> str:
    words = span.split(" ")
    shift = {"last": -1, "next": 1}.get(words[-2], 0) if len(words) > 1 else 0
    unit = words[-1]
    if unit in ("week", "weekend"):
        monday = published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=shift)
        first = monday + datetime.timedelta(days=5 if unit == "weekend" else 0)
        return f"{first.isoformat()}/{(monday + datetime.timedelta(days=6)).isoformat()}"
    if unit == "month":
        return _shift(published, "month", shift).isoformat()[:7]
    if unit == "year":
        return str(published.year + shift)
    offset = {"yesterday": -1, "tomorrow": 1}.get(unit, 0)
    return (published + datetime.timedelta(days=offset)).isoformat()
