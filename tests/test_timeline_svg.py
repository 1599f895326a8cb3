"""The timeline chart (builder/timeline_svg.py): bars as wide as the dates are vague, undated accounts in a strip in
the source's words, planned accounts dashed, user text escaped, the same bytes on every run."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from builder.analyse import TimelineEntry, timeline
from builder.model import Article, Event, EventReport
from builder.timeline_svg import MIN_BAR, PAD, timeline_svg
from builder.validate import Corpus, load_corpus

from .conftest import GUIDE, MINI

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def mini() -> Corpus:
    return load_corpus(MINI)


def source(mini: Corpus, article_id: str, label: str | None = None) -> Article:
    base = mini.articles[0]
    return base.model_copy(update={"id": article_id, "short_title": label or article_id, "title": label or article_id})


def entry(
    event_id: str, *reports: tuple[Article, str | None], planned: bool = False, words: str | None = None
) -> TimelineEntry:
    event = Event(id=event_id, title=f"Event {event_id}")
    found = tuple(
        (article, EventReport(event=event_id, date=date, date_text=words, planned=planned, title="t", quote="q"))
        for article, date in reports
    )
    return TimelineEntry(event, found, None, None, False)


def bars(svg: str) -> dict[str, list[ET.Element]]:
    """The bars (rect.sg-tl-bar) of each account, by the account's data attribute."""
    found: dict[str, list[ET.Element]] = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        for rect in group.iter(f"{SVG}rect"):
            if "data-account" in group.attrib:
                found.setdefault(group.attrib["data-account"], []).append(rect)
    return found


def width(rect: ET.Element) -> float:
    return float(rect.attrib["width"])


def test_bar_widths_follow_the_precision_of_dates(mini: Corpus) -> None:
    a = source(mini, "a")
    dates = {"day": "2024-04-10", "week": "2024-04-10/2024-04-16", "month": "2024-04", "year": "2024"}
    drawn = bars(timeline_svg([entry(name, (a, date)) for name, date in dates.items()]))
    day, week, month, year = (width(drawn[f"{name} a"][0]) for name in dates)
    one_day = year / 366  # 2024 is a leap year
    assert month == pytest.approx(one_day * 30, abs=0.2)
    assert week == pytest.approx(one_day * 7, abs=0.2)
    assert day == pytest.approx(max(MIN_BAR, one_day), abs=0.1)  # a day is a thin bar, never thinner than MIN_BAR
    assert day < week < month < year


def test_a_single_day_stays_visible_on_a_long_axis(mini: Corpus) -> None:
    a = source(mini, "a")
    drawn = bars(timeline_svg([entry("old", (a, "2000")), entry("day", (a, "2024-04-10"))]))
    assert width(drawn["day a"][0]) == MIN_BAR


def test_bars_of_one_event_share_a_colour_and_are_joined(mini: Corpus) -> None:
    a, b = source(mini, "a", "Alpha report"), source(mini, "b", "Beta report")
    svg = timeline_svg([entry("talks", (a, "2024-04"), (b, "2024-12-20"))])
    drawn = bars(svg)
    classes = {drawn[k][0].attrib["class"] for k in ("talks a", "talks b")}
    assert len(classes) == 1 and "sg-tl-c0" in classes.pop()
    assert svg.count("<polyline") == 1
    assert ">Alpha report</text>" in svg and ">Beta report</text>" in svg  # a lane per source, named by its label


def test_undated_accounts_sit_in_the_strip_in_the_source_words(mini: Corpus) -> None:
    a = source(mini, "a")
    svg = timeline_svg([entry("dated", (a, "2024-04")), entry("later", (a, None), words="in the coming weeks")])
    strip = bars(svg)["later a"][0]
    assert "sg-tl-undated" in strip.attrib["class"] and "sg-tl-bar" not in strip.attrib["class"]
    assert ">2</text>" in svg and ">“in the coming weeks”</text>" in svg
    axis_end = max(float(r.attrib["x"]) + width(r) for r in bars(svg)["dated a"])
    assert float(strip.attrib["x"]) > axis_end  # after the axis, not on it
    assert "Undated</text>" in svg
    no_words = timeline_svg([entry("x", (a, None))])
    assert ">no date given</text>" in no_words and "“" not in no_words


def test_planned_accounts_are_dashed(mini: Corpus) -> None:
    a = source(mini, "a")
    svg = timeline_svg([entry("held", (a, "2024-03")), entry("plan", (a, "2024-06"), planned=True)])
    drawn = bars(svg)
    assert "sg-tl-planned" in drawn["plan a"][0].attrib["class"]
    assert "sg-tl-planned" not in drawn["held a"][0].attrib["class"]
    assert ">planned</text>" in svg  # and the legend says what the dashes mean


def test_user_text_stays_text(mini: Corpus) -> None:
    hostile = '<script>alert("x")</script> & <b>'
    a = source(mini, "a", hostile)
    event = Event(id="e", title=hostile)
    report = EventReport(event="e", date=None, date_text=hostile, title="t", quote="q")
    svg = timeline_svg([TimelineEntry(event, ((a, report),), None, None, False)], title=hostile)
    root = ET.fromstring(svg)  # still well-formed XML
    assert "<script" not in svg and "<b>" not in svg
    texts = [t.text or "" for t in root.iter(f"{SVG}text")] + [root.find(f"{SVG}title").text or ""]  # type: ignore[union-attr]
    assert any(hostile[:30] in t for t in texts)


def test_the_picture_is_accessible(mini: Corpus) -> None:
    root = ET.fromstring(timeline_svg(timeline(mini), title="Timeline chart"))
    assert root.attrib["role"] == "img"
    ids = root.attrib["aria-labelledby"].split()
    assert [root.find(f".//*[@id='{i}']") is not None for i in ids] == [True, True]
    sizes = {int(root.attrib["font-size"])} | {int(t.attrib.get("font-size", 13)) for t in root.iter(f"{SVG}text")}
    assert min(sizes) >= 12


def test_the_same_bytes_on_every_run() -> None:
    entries = timeline(load_corpus(GUIDE))
    first = timeline_svg(entries)
    assert first == timeline_svg(timeline(load_corpus(GUIDE)))
    assert not re.search(r"\d\.\d{2,}", first)  # coordinates rounded, so float noise cannot leak in


def test_candidate_meetings_and_implied_windows(mini: Corpus) -> None:
    a, b, c = source(mini, "a"), source(mini, "b"), source(mini, "c")
    talks = entry("talks", (a, "2024-04"), (b, "2024-12"), (c, None))
    plain = timeline_svg([talks])
    assert plain.count("<polyline") == 1 and "implied" not in plain  # no hook given: one event, one group
    split = timeline_svg([talks], groups={("talks", "a"): 1, ("talks", "b"): 2})
    assert "<polyline" not in split and ">1a</text>" in split and ">1b</text>" in split
    hinted = timeline_svg([talks], implied={("talks", "c"): ("2024-01-01", "2025-01-31")})
    window = bars(hinted)["talks c"]
    assert any("sg-tl-implied" in r.attrib["class"] for r in window)  # a hatched bar on the axis
    assert any("sg-tl-undated" in r.attrib["class"] for r in window)  # and still in the undated strip
    assert ">1 implied</text>" in hinted and "url(#sg-tl-hatch)" in hinted
    open_ended = timeline_svg([talks], implied={("talks", "c"): ("0000-01-01", "2025-01-20")})  # "not after"
    assert "2025</text>" in open_ended and "2023</text>" not in open_ended  # the open end does not widen the axis
    start = min(float(r.attrib["x"]) for r in bars(open_ended)["talks c"] if "sg-tl-implied" in r.attrib["class"])
    assert start == PAD  # it runs to the start of the axis (1 January 2024)


def test_labels_at_the_end_of_the_axis_stay_clear_of_the_undated_strip(mini: Corpus) -> None:
    a, b = source(mini, "a"), source(mini, "b")
    talks = entry("talks", (a, "2024-12-31"), (b, None))
    svg = timeline_svg([talks], groups={("talks", "a"): 1}, implied={("talks", "b"): ("2024-06-01", "9999-12-31")})
    root = ET.fromstring(svg)
    strip = min(float(r.attrib["x"]) for r in root.iter(f"{SVG}rect") if "sg-tl-undated" in r.attrib["class"])
    labels = [t for t in root.iter(f"{SVG}text") if t.text in ("1a", "1 implied")]
    assert len(labels) == 2
    assert all(float(t.attrib["x"]) + len(t.text or "") * 8 < strip for t in labels)
