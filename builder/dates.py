"""EDTF dates for people: readable words, honest precision, and the bounds used to order events."""

from __future__ import annotations

import re
import time
from typing import Literal

from edtf import parse_edtf

__all__ = ["Precision", "bounds", "human", "is_approximate", "precision"]

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


def bounds(value: str) -> tuple[str, str]:
    """Earliest and latest day an EDTF date can mean, as ISO strings that sort correctly."""
    parsed = parse_edtf(value)
    return time.strftime("%Y-%m-%d", parsed.lower_strict()), time.strftime("%Y-%m-%d", parsed.upper_strict())
