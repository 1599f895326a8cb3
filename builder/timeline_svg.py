"""The timeline as a picture: an inline SVG, drawn at build time, that shows how precisely each source dates each event.

One lane per source; each account (one source's report of one event) is a bar spanning every day its date can mean,
so a day is a thin mark, a month a short bar and a year a long one. Bars of one event share a colour and a number,
and a dotted line joins them; a planned account has a dashed outline. Accounts without a date sit in an "undated"
strip at the end of their lane, in the source's own words. Empty stretches of years are cut out of the axis.

Candidate meetings: `timeline_svg` takes two optional mappings keyed by account (`AccountKey`), for a later stage
that decides which accounts of one event may be the same meeting:
  - `groups`: account -> the number of its candidate meeting (1, 2, ...). Accounts of one event in different
    meetings are no longer joined; each gets its meeting's letter after the event's number (meeting 1 "3a",
    meeting 2 "3b"). Accounts left out stay in their event's plain group.
  - `implied`: account -> (earliest, latest) ISO days, a window implied for an undated account (by the terms of
    the officials it names, say: "not after January 2025"); drawn as a hatched bar labelled "implied" on the axis
    (the account stays in the undated strip too, as the source gave no date). "0000-01-01" or "9999-12-31" mark an
    open end: the bar runs to the edge of the axis, which only the known ends widen. Windows of dated accounts
    are ignored.
Nothing here reads files; the output depends only on the arguments, so rebuilds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from builder import dates
from builder.analyse import TimelineEntry
from builder.model import Article, EventReport

__all__ = ["MIN_BAR", "PAD", "AccountKey", "timeline_svg"]

AccountKey = tuple[str, str]  # (event id, article id): one source's report of one event

FONT = 13  # px, every text in the picture (the guide's floor is 12 px)
CHAR = 7.6  # px, a generous average width of a character at FONT, to size boxes around text
PAD = 10
AXIS_H = 48  # year labels, month labels, then the axis line
ROW = 24  # one row of bars in a lane
BAR_H = 14
LABEL_H = 22  # the source's name above its lane
MIN_BAR = 4  # px: a single day stays visible
BREAK = 30  # px: an empty stretch of years cut out of the axis
LAPTOP_W = 900  # px: what the content column of a 1280 px window shows without scrolling (about 930 with Material)
MAX_LANES = 12  # sources drawn; the list below the picture names every source
MAX_TEXT = 40  # characters of a label or a source's words before an ellipsis
COLOURS = 6  # event colours, cycled (sg-tl-c0 ... in guide.css); numbers tell events apart without colour
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Account:
    """One source's report of one event, as the picture shows it."""

    key: AccountKey
    lane: int
    number: str  # the event's number, with the group's letter when groups split the event ("3b")
    colour: int
    link: str  # accounts with the same link are joined by a line
    span: tuple[dt.date, dt.date] | None  # first and last day its date can mean; None: undated
    implied: tuple[dt.date | None, dt.date | None] | None  # a window implied for an undated account; None: open end
    planned: bool
    said_when: str
    quoted: bool  # said_when is the source's own words (date_text), not read from its date


@dataclass(frozen=True)
class Axis:
    """Runs of consecutive years that hold something, each (first year, last year, x of 1 January of the first)."""

    runs: tuple[tuple[int, int, float], ...]
    px_day: float

    def x(self, day: dt.date) -> float:
        """The x of the start of `day`; a day outside every run goes to the nearest edge."""
        for first, last, left in self.runs:
            if day.year <= last:
                offset = max(0, (day - dt.date(first, 1, 1)).days)
                return left + offset * self.px_day
        first, last, left = self.runs[-1]
        return left + (dt.date(last + 1, 1, 1) - dt.date(first, 1, 1)).days * self.px_day

    @property
    def right(self) -> float:
        return self.x(dt.date(self.runs[-1][1] + 1, 1, 1))


@dataclass(frozen=True)
class Bar:
    account: Account
    x0: float
    x1: float
    row: int
    implied: bool


def timeline_svg(
    entries: Sequence[TimelineEntry],
    *,
    title: str = "Timeline",
    groups: Mapping[AccountKey, int] | None = None,
    implied: Mapping[AccountKey, tuple[str, str]] | None = None,
) -> str:
    """The picture of `entries` as SVG text (one line per element, no blank line: it sits in a Markdown page)."""
    lanes = _lanes(entries)
    accounts = _accounts(entries, lanes, groups or {}, implied or {})
    spans = [a.span for a in accounts if a.span] + [(d, d) for a in accounts if a.implied for d in a.implied if d]
    undated = [a for a in accounts if a.span is None]
    strip_w = max((_text_w(a.number) + 14 + _text_w(_strip_words(a)) for a in undated), default=0)
    if undated:
        strip_w = max(strip_w, *(_text_w(_short(a.label)) for a in lanes))
    # the axis gets what a laptop's column leaves after the undated strip and the widest label past a bar's end
    label_w = max((_text_w(f"{a.number} implied") + 4 for a in accounts if a.implied), default=0)
    label_w = max(label_w, *(_text_w(a.number) + 4 for a in accounts if a.span), 0)
    axis = _axis(spans, PAD, LAPTOP_W - PAD * 2 - (strip_w + PAD * 3 if undated else 0) - label_w)
    bars = _pack([_bar(a, axis) for a in accounts if a.span or a.implied])
    labels_end = max([axis.right] + [bar.x1 + 4 + _text_w(_bar_label(bar)) for bar in bars])
    strip_x = labels_end + PAD * 3 if spans else PAD
    tops, height = _lane_tops(lanes, bars, undated)
    key_lines = _key(entries, accounts)
    width = max(strip_x + strip_w + PAD, max((_text_w(t) for _, t in key_lines), default=0) + PAD * 2 + 30)
    width = max(width, max((_text_w(_short(a.label)) for a in lanes), default=0) + PAD * 2)
    total_h = height + len(key_lines) * ROW + (ROW * 2 if key_lines else 0) + PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sg-tl-svg" role="img" width="{_n(width)}" '
        f'height="{_n(total_h)}" viewBox="0 0 {_n(width)} {_n(total_h)}" aria-labelledby="sg-tl-title sg-tl-desc" '
        f'font-size="{FONT}">',
        f'<title id="sg-tl-title">{_x(title)}</title>',
        f'<desc id="sg-tl-desc">{_x(_description(entries, accounts, lanes, spans))}</desc>',
        _defs(),
        *(_axis_marks(axis, height) if spans else []),
        *_lane_marks(lanes, tops, width, strip_x),
        *_connectors(bars, tops),
        *(_bar_marks(bar, tops) for bar in bars),
        *_strip(undated, tops, strip_x),
        *_legend(height + ROW, key_lines, bool(implied), any(a.planned for a in accounts)),
        "</svg>",
    ]
    return "\n".join(p for p in parts if p)


# --- What is drawn ------------------------------------------------------------------------------------------


def _lanes(entries: Sequence[TimelineEntry]) -> list[Article]:
    """The sources, in order of their first account; at most MAX_LANES, those with the most accounts."""
    counts: dict[str, int] = {}
    found: dict[str, Article] = {}
    for entry in entries:
        for article, _ in entry.reports:
            found.setdefault(article.id, article)
            counts[article.id] = counts.get(article.id, 0) + 1
    order = list(found)
    kept = set(sorted(order, key=lambda i: (-counts[i], order.index(i)))[:MAX_LANES])
    return [found[i] for i in order if i in kept]


def _accounts(
    entries: Sequence[TimelineEntry],
    lanes: list[Article],
    groups: Mapping[AccountKey, int],
    implied: Mapping[AccountKey, tuple[str, str]],
) -> list[Account]:
    lane_of = {article.id: n for n, article in enumerate(lanes)}
    accounts = []
    for number, entry in enumerate(entries, 1):
        event = entry.event.id
        for article, report in entry.reports:
            if article.id not in lane_of:
                continue
            key = (event, article.id)
            group = groups.get(key)
            suffix = "abcdefghijklmnopqrstuvwxyz"[(group - 1) % 26] if group else ""
            span = _span(report)
            window = implied.get(key) if span is None else None
            accounts.append(
                Account(
                    key=key,
                    lane=lane_of[article.id],
                    number=f"{number}{suffix}",
                    colour=(number - 1) % COLOURS,
                    link=f"{event}\n{group or ''}",
                    span=span,
                    implied=_window(*window) if window else None,
                    planned=report.planned,
                    said_when=report.said_when,
                    quoted=report.date_text is not None,
                )
            )
    return accounts


def _span(report: EventReport) -> tuple[dt.date, dt.date] | None:
    if report.date is None:
        return None
    try:
        return _days(*dates.bounds(report.date))
    except Exception:  # an open interval the edtf library cannot bound: shown as undated, in the source's words
        return None


def _window(first: str, last: str) -> tuple[dt.date | None, dt.date | None] | None:
    """An implied window's days, None for an open end ("0000-01-01", "9999-12-31"); None when both are open."""
    start = None if first <= "0001-01-01" else dt.date.fromisoformat(first)
    end = None if last >= "9999-12-31" else dt.date.fromisoformat(last)
    return None if start is None and end is None else (start, end)


def _days(first: str, last: str) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def _axis(spans: list[tuple[dt.date, dt.date]], left: float, room: float = 640.0) -> Axis:
    """Whole years from the first to the last day drawn, leaving out stretches of two or more empty years. The
    years share at most 640 px, less when `room` (px) is smaller, but each gets at least 96 px (a phone scrolls)."""
    years = sorted({y for first, last in spans for y in range(first.year, last.year + 1)}) or [2000]
    runs: list[list[int]] = []
    for year in years:
        if runs and year - runs[-1][1] <= 2:  # one empty year is kept: a cut would save little room
            runs[-1][1] = year
        else:
            runs.append([year, year])
    count = sum(last - first + 1 for first, last in runs)
    px_year = min(720.0, max(96.0, min(640.0, room - BREAK * (len(runs) - 1)) / count))
    placed, x = [], left
    for first, last in runs:
        placed.append((first, last, x))
        x += (last - first + 1) * px_year + BREAK
    return Axis(tuple(placed), px_year / 365.25)


def _bar(account: Account, axis: Axis) -> Bar:
    first, last = account.span or account.implied or (None, None)
    x0 = axis.x(first) if first else axis.runs[0][2]
    x1 = axis.x(last) + axis.px_day if last else axis.right  # to the end of the last day, in its own run
    if x1 - x0 < MIN_BAR:
        middle = (x0 + x1) / 2
        x0, x1 = middle - MIN_BAR / 2, middle + MIN_BAR / 2
    return Bar(account, x0, x1, 0, account.span is None)


def _pack(bars: list[Bar]) -> list[Bar]:
    """Each bar in the first row of its lane where it and its label overlap nothing."""
    ends: dict[tuple[int, int], float] = {}  # (lane, row) -> right end of what is drawn there
    packed = []
    for bar in sorted(bars, key=lambda b: (b.account.lane, b.x0, b.x1, b.account.number)):
        row = 0
        while ends.get((bar.account.lane, row), -1.0) > bar.x0 - 2:
            row += 1
        ends[(bar.account.lane, row)] = bar.x1 + _text_w(_bar_label(bar)) + 8
        packed.append(Bar(bar.account, bar.x0, bar.x1, row, bar.implied))
    return packed


def _lane_tops(lanes: list[Article], bars: list[Bar], undated: list[Account]) -> tuple[list[float], float]:
    """The y of the top of each lane's first row, and the y below the last lane."""
    rows = [1] * len(lanes)
    for bar in bars:
        rows[bar.account.lane] = max(rows[bar.account.lane], bar.row + 1)
    for lane in range(len(lanes)):
        rows[lane] = max(rows[lane], sum(1 for a in undated if a.lane == lane))
    tops, y = [], float(AXIS_H + PAD)
    for count in rows:
        tops.append(y + LABEL_H)
        y += LABEL_H + count * ROW + PAD
    return tops, y


def _key(entries: Sequence[TimelineEntry], accounts: list[Account]) -> list[tuple[str, str]]:
    """(number, title) of each event drawn."""
    shown = {a.key[0] for a in accounts}
    return [(str(n), _short(e.event.title, 70)) for n, e in enumerate(entries, 1) if e.event.id in shown]


def _description(
    entries: Sequence[TimelineEntry],
    accounts: list[Account],
    lanes: list[Article],
    spans: list[tuple[dt.date, dt.date]],
) -> str:
    sources = len({a.id for e in entries for a, _ in e.reports})
    dated = sum(1 for a in accounts if a.span)
    text = (
        f"{_count(len(entries), 'event')} as {_count(len(accounts), 'account')} from "
        f"{_count(len(lanes), 'source')}, one row each"
    )
    if sources > len(lanes):
        text += f" (the {len(lanes)} with the most accounts, of {sources})"
    if spans:
        first, last = min(s[0] for s in spans), max(s[1] for s in spans)
        years = f"in {first.year}" if first.year == last.year else f"from {first.year} to {last.year}"
        text += f"; {dated} dated, drawn {years} as bars as wide as the dates are vague"
    undated = len(accounts) - dated
    if undated:
        text += f"; {undated} without a date, listed at the end of their source's row with its words for when"
    return text + ". The list after the chart gives every event in words."


# --- SVG text -----------------------------------------------------------------------------------------------


def _defs() -> str:
    return (
        '<defs><pattern id="sg-tl-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="sg-tl-hatch-line" '
        'stroke="currentColor" stroke-width="2"/></pattern></defs>'
    )


def _axis_marks(axis: Axis, bottom: float) -> list[str]:
    px_month = axis.px_day * 30.4
    step = 1 if px_month >= 40 else 3 if px_month >= 10 else 0
    marks = ['<g class="sg-tl-axis" fill="currentColor" stroke="currentColor">']
    for number, (first, last, _) in enumerate(axis.runs):
        x0, x1 = axis.x(dt.date(first, 1, 1)), axis.x(dt.date(last, 12, 31)) + axis.px_day
        marks.append(_line(x0, AXIS_H, x1, AXIS_H, "sg-tl-base"))
        if number:
            gap = x0 - BREAK / 2
            marks.append(_line(gap - 5, AXIS_H + 6, gap - 1, AXIS_H - 6, "sg-tl-base"))
            marks.append(_line(gap + 1, AXIS_H + 6, gap + 5, AXIS_H - 6, "sg-tl-base"))
        for year in range(first, last + 1):
            x = axis.x(dt.date(year, 1, 1))
            marks.append(_line(x, AXIS_H - 30, x, bottom, "sg-tl-grid"))
            marks.append(f'<text x="{_n(x + 3)}" y="{AXIS_H - 20}" class="sg-tl-year">{year}</text>')
            for month in range(step + 1, 13, step) if step else ():
                xm = axis.x(dt.date(year, month, 1))
                marks.append(_line(xm, AXIS_H - 6, xm, AXIS_H, "sg-tl-tick"))
                marks.append(f'<text x="{_n(xm + 2)}" y="{AXIS_H - 6}">{MONTHS[month - 1]}</text>')
    marks.append("</g>")
    return marks


def _lane_marks(lanes: list[Article], tops: list[float], width: float, strip_x: float) -> list[str]:
    """A rule above each lane and the source's name, again above the undated strip when the axis is long (a phone
    scrolled to the end of the chart still sees whose row it is)."""
    marks = []
    for article, top in zip(lanes, tops, strict=True):
        marks.append(_line(PAD, top - LABEL_H - PAD / 2, width - PAD, top - LABEL_H - PAD / 2, "sg-tl-lane"))
        for x in (PAD, strip_x) if strip_x > 360 else (PAD,):
            marks.append(f'<text x="{_n(x)}" y="{_n(top - 7)}" class="sg-tl-source">{_x(_short(article.label))}</text>')
    return marks


def _connectors(bars: list[Bar], tops: list[float]) -> list[str]:
    """A dotted line through the middles of the bars of one event (or candidate meeting), in lane order."""
    joined: dict[str, list[Bar]] = {}
    for bar in bars:
        joined.setdefault(bar.account.link, []).append(bar)
    lines = []
    for members in joined.values():
        if len({bar.account.lane for bar in members}) < 2:
            continue
        ordered = sorted(members, key=lambda b: (b.account.lane, b.row))
        points = " ".join(f"{_n((b.x0 + b.x1) / 2)},{_n(_bar_y(b, tops) + BAR_H / 2)}" for b in ordered)
        colour = ordered[0].account.colour
        lines.append(f'<polyline points="{points}" class="sg-tl-join sg-tl-c{colour}" fill="none"/>')
    return lines


def _bar_marks(bar: Bar, tops: list[float]) -> str:
    account, y = bar.account, _bar_y(bar, tops)
    kind = " sg-tl-implied" if bar.implied else " sg-tl-planned" if account.planned else ""
    fill = ' fill="url(#sg-tl-hatch)"' if bar.implied else ""
    rect = (
        f'<rect x="{_n(bar.x0)}" y="{_n(y)}" width="{_n(bar.x1 - bar.x0)}" height="{BAR_H}" rx="2" '
        f'class="sg-tl-bar sg-tl-c{account.colour}{kind}"{fill}/>'
    )
    label = f'<text x="{_n(bar.x1 + 4)}" y="{_n(y + BAR_H - 2)}" class="sg-tl-num">{_x(_bar_label(bar))}</text>'
    return f'<g data-account="{_x(account.key[0])} {_x(account.key[1])}">{rect}{label}</g>'


def _strip(undated: list[Account], tops: list[float], x: float) -> list[str]:
    """Each undated account in its lane's strip: the event's number in a box (dashed if planned), then the words."""
    if not undated:
        return []
    marks = [f'<text x="{_n(x)}" y="{AXIS_H - 6}" class="sg-tl-year">Undated</text>']
    row: dict[int, int] = {}
    for account in undated:
        n = row[account.lane] = row.get(account.lane, -1) + 1
        y = tops[account.lane] + n * ROW
        box = _text_w(account.number) + 8
        kind = " sg-tl-planned" if account.planned else ""
        marks.append(
            f'<g data-account="{_x(account.key[0])} {_x(account.key[1])}">'
            f'<rect x="{_n(x)}" y="{_n(y - 2)}" width="{_n(box)}" height="{BAR_H + 4}" rx="3" '
            f'class="sg-tl-undated sg-tl-c{account.colour}{kind}"/>'
            f'<text x="{_n(x + 4)}" y="{_n(y + BAR_H - 2)}" class="sg-tl-num">{_x(account.number)}</text>'
            f'<text x="{_n(x + box + 6)}" y="{_n(y + BAR_H - 2)}">{_x(_strip_words(account))}</text></g>'
        )
    return marks


def _legend(y: float, key_lines: list[tuple[str, str]], implied: bool, planned: bool) -> list[str]:
    """What the marks mean, then the events' numbers."""
    marks = [
        f'<rect x="{PAD}" y="{_n(y - BAR_H + 2)}" width="24" height="{BAR_H}" rx="2" class="sg-tl-bar sg-tl-key"/>',
        f'<text x="{PAD + 30}" y="{_n(y)}">every day a source\'s date can mean</text>',
    ]
    x = PAD + 30 + _text_w("every day a source's date can mean") + 16
    if planned:
        marks.append(
            f'<rect x="{_n(x)}" y="{_n(y - BAR_H + 2)}" width="24" height="{BAR_H}" rx="2" '
            'class="sg-tl-bar sg-tl-key sg-tl-planned"/>'
        )
        marks.append(f'<text x="{_n(x + 30)}" y="{_n(y)}">planned</text>')
        x += 30 + _text_w("planned") + 16
    if implied:
        marks.append(
            f'<rect x="{_n(x)}" y="{_n(y - BAR_H + 2)}" width="24" height="{BAR_H}" rx="2" '
            'class="sg-tl-bar sg-tl-key sg-tl-implied" fill="url(#sg-tl-hatch)"/>'
        )
        marks.append(f'<text x="{_n(x + 30)}" y="{_n(y)}">window implied for an undated account</text>')
    for n, (number, title) in enumerate(key_lines, 1):
        line_y = _n(y + ROW * (n + 0.5))
        marks.append(f'<text x="{PAD}" y="{line_y}" class="sg-tl-num">{number}</text>')
        marks.append(f'<text x="{PAD + 30}" y="{line_y}">{_x(title)}</text>')
    return marks


def _bar_y(bar: Bar, tops: list[float]) -> float:
    return tops[bar.account.lane] + bar.row * ROW


def _bar_label(bar: Bar) -> str:
    return f"{bar.account.number} implied" if bar.implied else bar.account.number


def _strip_words(account: Account) -> str:
    """The source's words for when, in quotes; "no date given" when it has none."""
    return f"“{_short(account.said_when)}”" if account.quoted else "no date given"


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" class="{cls}"/>'


def _short(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text_w(text: str) -> float:
    return len(text) * CHAR


def _count(number: int, noun: str) -> str:
    return f"{number} {noun if number == 1 else noun + 's'}"


def _n(value: float) -> str:
    """A coordinate, rounded to a tenth of a pixel, the same on every run."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _x(text: str) -> str:
    """User text escaped for XML (and HTML): it stays text, whatever it holds."""
    return escape(text, quote=True)
