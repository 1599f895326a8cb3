"""EDTF dates for people: readable words, honest precision, and the bounds used to order events."""

from __future__ import annotations

import calendar
import functools
import re
import time
from typing import Literal

__all__ = ["Precision", "bounds", "human", "is_approximate", "is_valid", "precision"]

Precision = Literal["day", "month", "season", "part of year", "year", "interval", "unknown"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
# EDTF level-2 sub-year groupings, by code: quarters, quadrimesters and semesters (halves).
GROUPS = {
    **{str(25 + i): f"{s} (northern hemisphere)" for i, s in enumerate(["spring", "summer", "autumn", "winter"])},
    **{str(29 + i): f"{s} (southern hemisphere)" for i, s in enumerate(["spring", "summer", "autumn", "winter"])},
    **{str(33 + i): f"quarter {i + 1} of" for i in range(4)},
    **{str(37 + i): f"quadrimester {i + 1} of" for i in range(3)},
    "40": "first half of",
    "41": "second half of",
    **SEASONS,
}
_PARTS = re.compile(r"^(?P<year>-?\d{4})(?:-(?P<mid>\d{2}))?(?:-(?P<day>\d{2}))?(?P<flag>[~?%]?)$")


def precision(value: str | None) -> Precision:
    """How precise an EDTF date is, as readers should be told."""
    if value is None:
        return "unknown"
    if "/" in value:
        return "interval"
    match = _PARTS.match(value)
    if not match:
        return "unknown"
    if match["day"]:
        return "day"
    if match["mid"]:
        if match["mid"] in GROUPS:
            return "season" if int(match["mid"]) <= 32 else "part of year"
        return "month"
    return "year"


def is_approximate(value: str | None) -> bool:
    """True for dates marked approximate (~), uncertain (?) or both (%)."""
    return value is not None and any(flag in value for flag in "~?%")


@functools.lru_cache(maxsize=4096)  # pages print the same dates again and again
def human(value: str | None) -> str:
    """'2024-12-20' -> '20 December 2024'; '2024-04~' -> 'about April 2024'; None -> 'date not given'."""
    if value is None:
        return "date not given"
    if "/" in value:
        start, _, end = value.partition("/")
        return f"{human(start) if start else 'open'} to {human(end) if end else 'open'}"
    match = _PARTS.match(value)
    if not match:
        return value
    text = match["year"]
    if match["mid"] and match["mid"] not in GROUPS and not 1 <= int(match["mid"]) <= 12:
        return value
    if match["mid"] in GROUPS:
        text = f"{GROUPS[match['mid']]} {text}"
    elif match["mid"] and 1 <= int(match["mid"]) <= 12:
        text = f"{MONTHS[int(match['mid']) - 1]} {text}"
    if match["day"]:
        text = f"{int(match['day'])} {text}"
    flag = match["flag"]
    return {"~": f"about {text}", "?": f"{text} (uncertain)", "%": f"about {text} (uncertain)"}.get(flag, text)


@functools.lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[str, str]:
    """Earliest and latest day an EDTF date can mean, as ISO strings that sort correctly.
    Common forms are worked out directly; anything else goes to the edtf library (whose parser is slow)."""
    fast = _simple_bounds(value)
    if fast is not None:
        return fast
    from edtf import parse_edtf  # loaded on first need: its grammar takes a tenth of a second to build

    parsed = parse_edtf(value)
    return time.strftime("%Y-%m-%d", parsed.lower_strict()), time.strftime("%Y-%m-%d", parsed.upper_strict())


@functools.lru_cache(maxsize=4096)
def is_valid(value: str) -> bool:
    """True for a valid EDTF date (the common forms are checked directly, the rest by the edtf library)."""
    if _simple_bounds(value) is not None:
        return True
    match = _PARTS.match(value)
    if match and not match["year"].startswith("-") and (match["mid"] is None or int(match["mid"]) <= 12):
        return False  # a plain year, month or day that does not exist, such as 2023-02-29 (edtf accepts it)
    from edtf import parse_edtf

    try:
        parse_edtf(value)
    except Exception:  # edtf raises several exception types for bad input
        return False
    return True


_SEASON_MONTHS = {"21": (3, 5), "22": (6, 8), "23": (9, 11), "24": (12, 14)}  # winter runs into next year


def _simple_bounds(value: str) -> tuple[str, str] | None:
    """Bounds of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' and seasons 21-24, each optionally ~ ? or %; else None.
    None also for anything invalid, so that the edtf library gives the final answer."""
    match = _PARTS.match(value)
    if not match or match["year"].startswith("-"):
        return None
    year, mid, day = int(match["year"]), match["mid"], match["day"]
    if mid is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if mid in _SEASON_MONTHS and day is None and not match["flag"]:
        first, last = _SEASON_MONTHS[mid]
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        end_day = calendar.monthrange(end_year, end_month)[1]
        return f"{year:04d}-{first:02d}-01", f"{end_year:04d}-{end_month:02d}-{end_day:02d}"
    month = int(mid)
    if not 1 <= month <= 12:
        return None  # other sub-year groupings (EDTF level 2) are left to the edtf library
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last_day:02d}"
    if not 1 <= int(day) <= last_day:
        return None
    return f"{year:04d}-{month:02d}-{day}", f"{year:04d}-{month:02d}-{day}"
