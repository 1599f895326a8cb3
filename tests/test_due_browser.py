"""The "Due today" page (spaced review with FSRS) and moving progress between devices, in a real Chromium against
the frozen guide built with `python -m builder site`. Time is controlled with Playwright's `page.clock`
(installed before the first navigation; the context's time zone is UTC, so "today" is the same on any machine)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from builder.validate import load_corpus

from .conftest import GUIDE
from .test_browser import browser, server

FIXTURES = (browser, server)  # pytest finds fixtures by name in this module

pytestmark = pytest.mark.browser

KEY = "storyguide.quiz.v2"
DAY0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


class Due:
    """A page in its own UTC context with a controlled clock, which records errors and leaves no request out."""

    def __init__(self, browser: Any, server: str, **options: Any) -> None:
        self.context = browser.new_context(timezone_id="UTC", accept_downloads=True, **options)
        self.page = self.context.new_page()
        self.server = server
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", self._accept)
        self.page.clock.install(time=DAY0)

    def _accept(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.accept()

    def open(self, when: datetime | None = None, path: str = "/quiz/due.html") -> None:
        """Open `path` at the time `when` (day 0 when not given)."""
        self.page.clock.set_fixed_time(when or DAY0)  # Date.now() stands still: saved dates are exact
        self.page.goto(self.server + path)

    def saved(self) -> dict[str, Any]:
        return json.loads(self.page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))

    def cards(self) -> dict[str, Any]:
        return self.saved().get("schedule", {}).get("cards", {})

    def count(self) -> str:
        return self.page.locator(".quiz-due-count").inner_text()

    def set_limit(self, n: int) -> None:
        field = self.page.get_by_label("New cards a day")
        field.fill(str(n))
        field.dispatch_event("change")

    def current(self) -> str:
        """The key of the card shown ("q:<id>" or "g:<term id>"); '' when none is shown."""
        shown = self.page.locator(".quiz-due-cards > :visible")
        if shown.count() == 0:
            return ""
        assert shown.count() == 1, "one card at a time"
        card = shown.first
        qid = card.get_attribute("data-qid")
        return f"q:{qid}" if qid else f"g:{card.get_attribute('data-term')}"

    def rating(self, name: str) -> Any:
        return self.page.locator(".quiz-due-rate button", has_text=name)

    def answer(self, right: bool = True) -> None:
        """Answer the card shown: a question checked with its right (or a wrong) option, a term's answer shown."""
        card = self.page.locator(".quiz-due-cards > :visible").first
        if card.get_attribute("data-qid"):
            key = int(card.get_attribute("data-answer") or 0)
            choice = key if right else (1 if key == 0 else 0)
            card.locator("ul.quiz-options label").nth(choice).click()
            self.page.get_by_role("button", name="Check").click()
        else:
            self.page.get_by_role("button", name="Show answer").click()

    def review(self, name: str, right: bool = True) -> str:
        key = self.current()
        self.answer(right)
        self.rating(name).click()
        return key

    def close(self) -> None:
        assert self.errors == [], f"errors: {self.errors}"
        self.context.close()


@pytest.fixture
def due(browser: Any, server: str) -> Iterator[Due]:
    d = Due(browser, server)
    yield d
    d.close()


def _when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def test_new_cards_are_due_and_good_schedules_days_ahead(due: Due) -> None:
    due.open()
    assert due.count() == "Due today: 20 new cards."
    due.set_limit(1)
    assert due.count() == "Due today: 1 new card."
    first = due.current()
    due.answer()
    assert due.rating("Good").inner_text() == "Good · 2 days"
    assert due.rating("Again").inner_text() == "Again · 10 min"
    due.rating("Good").click()
    card = due.cards()[first]
    assert _when(card["due"]) == DAY0 + timedelta(days=2)  # read back from storage, as an ISO string
    assert _when(card["last_review"]) == DAY0 and card["first"] == "2026-12-06T09:00:00.000Z"
    assert due.current() == ""
    assert due.count() == "Nothing is due now."
    done = due.page.locator(".quiz-due-done").inner_text()
    assert "The next card is due on 8 Dec 2026 (in 2 days)." in done
    due.set_limit(0)  # no new cards from now on: only the reviewed card can come back

    due.open(DAY0 + timedelta(days=1, hours=12))
    assert due.current() == "" and due.count() == "Nothing is due now."
    due.open(DAY0 + timedelta(days=2, minutes=1))
    assert due.current() == first
    assert due.count() == "Due today: 1 card to review."
    due.answer()
    good = due.rating("Good").inner_text()
    assert good.startswith("Good · ") and good.endswith(" days") and int(good.split()[2]) > 2, good
    due.rating("Good").click()
    assert _when(due.cards()[first]["due"]) > DAY0 + timedelta(days=4)
    assert due.cards()[first]["reps"] == 2


def test_again_brings_a_card_back_the_same_day(due: Due) -> None:
    due.open()
    due.set_limit(40)
    # Rate cards Good until a question comes, then answer it wrongly: Again is suggested.
    while not due.current().startswith("q:"):
        due.review("Good")
    missed = due.current()
    due.answer(right=False)
    assert "md-button--primary" in (due.rating("Again").get_attribute("class") or "")
    assert "md-button--primary" not in (due.rating("Good").get_attribute("class") or "")
    assert "Again is suggested" in due.page.locator(".quiz-due-rate").inner_text()
    due.rating("Again").click()
    back = _when(due.cards()[missed]["due"])
    assert back.date() == DAY0.date() and back - DAY0 == timedelta(minutes=10)
    due.set_limit(len(due.cards()) + 2)  # two more new cards today
    others = [due.review("Good"), due.review("Good")]
    assert missed not in others  # the other cards due today come first ...
    assert due.current() == missed  # ... then it comes back the same day, even before its 10 minutes are up
    due.open(DAY0 + timedelta(minutes=11))
    assert due.current() == missed and due.count() == "Due today: 1 card to review."
    assert due.page.locator(".quiz-due-cards > :visible input:checked").count() == 0  # shown afresh


def test_a_glossary_card_shows_its_definition_after_show_answer(due: Due) -> None:
    definitions = {term.id: str(term.definition) for term in load_corpus(GUIDE).glossary}
    due.open()
    due.set_limit(60)
    while not due.current().startswith("g:"):
        due.review("Good")
    term = due.current()[2:]
    card = due.page.locator(f"#due-{term}")
    assert card.locator(".quiz-due-ask").inner_text().startswith("What does ")
    assert card.locator(".quiz-due-ask").inner_text().endswith(" mean?")
    assert not card.locator(".quiz-due-definition").is_visible()
    assert card.locator("abbr").count() == 0  # no glossary tooltip gives the answer away
    assert due.page.locator(".quiz-due-rate button:visible").count() == 0
    due.page.get_by_role("button", name="Show answer").click()
    assert card.locator(".quiz-due-definition").is_visible()
    assert " ".join(definitions[term].split()) in card.locator(".quiz-due-definition").inner_text()
    assert [b.split(" · ")[0] for b in due.page.locator(".quiz-due-rate button").all_inner_texts()] == [
        "Again",
        "Hard",
        "Good",
        "Easy",
    ]
    due.rating("Easy").click()
    assert _when(due.cards()[f"g:{term}"]["due"]) == DAY0 + timedelta(days=8)


def test_export_clear_and_import_restore_the_same_progress(due: Due, tmp_path: Path) -> None:
    due.open()
    due.set_limit(40)
    while not due.current().startswith("q:"):
        due.review("Good")
    due.review("Again", right=False)
    due.set_limit(len(due.cards()))
    before = due.saved()
    cards = len(before["schedule"]["cards"])
    assert len(before["answers"]) == 1 and before["schedule"]["newPerDay"] == cards
    with due.page.expect_download() as got:
        due.page.get_by_role("button", name="Download my progress").click()
    assert got.value.suggested_filename == "quiz-progress-2026-12-06.json"
    file = tmp_path / got.value.suggested_filename
    got.value.save_as(file)
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["format"] == "storyguide-quiz-progress" and exported["progress"] == before

    due.page.evaluate("localStorage.clear()")
    due.open(path="/quiz/index.html")  # import on the quiz overview, which has the same box
    assert "No answers saved" in due.page.locator(".quiz-progress").inner_text()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "storyguide-quiz-progress", "version": 1, "progress": {"version": 2, "answers": []}}')
    with due.page.expect_file_chooser() as chooser:
        due.page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(bad)
    note = due.page.locator(".quiz-progress-file-note")
    assert note.inner_text() == "Not imported: its section answers is damaged. Your saved progress is unchanged."
    assert due.saved() == {}
    with due.page.expect_file_chooser() as chooser:
        due.page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(file)
    due.page.wait_for_function(f"localStorage.getItem('{KEY}') !== null")
    assert due.saved() == before
    assert due.dialogs and due.dialogs[-1].startswith("Replace all progress saved in this browser")
    assert ": 1 answer, " in note.inner_text() and f"{cards} review cards" in note.inner_text()
    assert "replaced the progress saved in this browser" in note.inner_text()
    assert "answered" in due.page.locator(".quiz-progress").inner_text()  # the overview shows it at once
    due.open()
    assert due.count() == "Due today: 1 card to review."  # the question rated Again, in 10 minutes


def test_a_question_whose_version_changed_starts_a_new_card(due: Due) -> None:
    due.open()
    due.set_limit(40)
    while not due.current().startswith("q:"):
        due.review("Good")
    changed = due.current()
    due.review("Good")
    due.set_limit(0)
    due.open()
    assert due.current() != changed  # reviewed today: not due again
    qid = changed[2:]

    def new_version(route: Any) -> None:
        html = route.fetch().text()
        old = f'data-qid="{qid}" data-version="'
        assert old in html
        start = html.index(old) + len(old)
        route.fulfill(body=html[:start] + "changed-" + html[start:], content_type="text/html")

    due.page.route("**/quiz/due.html", new_version)
    due.set_limit(len(due.cards()))  # room for one new card today
    due.open()
    assert due.current() == changed  # new again, although it was reviewed today
    note = due.page.locator(".quiz-due-changed")
    assert note.is_visible() and "changed since you last reviewed it" in note.inner_text()
    due.review("Good")
    assert due.cards()[changed]["version"].startswith("changed-")
    due.page.unroute("**/quiz/due.html")


def test_without_javascript_the_page_says_so_and_links_to_the_practice_sets(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/quiz/due.html")
    nojs = page.locator(".quiz-due .quiz-nojs")
    assert "Spaced review needs JavaScript" in nojs.inner_text()
    assert page.get_by_text("Downloading and importing your progress needs JavaScript.").is_visible()
    links = nojs.locator("a")
    assert links.count() >= 1
    page.goto(server + "/quiz/" + (links.first.get_attribute("href") or ""))
    assert page.locator("fieldset.quiz-q").count() > 0
    page.goto(server + "/quiz/due.html")
    assert page.locator("fieldset.quiz-q:visible").count() == 0
    context.close()


def test_the_quiz_overview_links_to_due_today(due: Due) -> None:
    due.open(path="/quiz/index.html")
    due.page.locator("article a", has_text="Due today").first.click()
    due.page.wait_for_url("**/quiz/due.html")
    assert due.page.locator("h1").inner_text().startswith("Due today")
    assert due.current() != ""


def test_due_today_and_the_download_work_from_the_disk(browser: Any, guide_site: Path, tmp_path: Path) -> None:
    context = browser.new_context(timezone_id="UTC", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((guide_site / "site" / "quiz" / "due.html").as_uri())
    assert page.locator(".quiz-due-count").inner_text().startswith("Due today: ")
    assert page.locator(".quiz-due-cards > :visible").count() == 1
    with page.expect_download() as got:
        page.get_by_role("button", name="Download my progress").click()
    got.value.save_as(tmp_path / "progress.json")
    assert json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["format"] == "storyguide-quiz-progress"
    assert errors == []
    context.close()
