"""Mains practice in a real browser: the answer box and its word count, the timer (on Playwright's controlled
clock, `page.clock`: it fakes Date.now and setInterval), the key points kept back until the student has written
something, the self-check, answers saved per prompt version, and the page without JavaScript."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .test_browser import Watched, browser, server, watched

FIXTURES = (browser, server, watched)  # shared with test_browser: pytest finds fixtures by name in this module
pytestmark = pytest.mark.browser

KEY = "storyguide.quiz.v2"
REVEAL = "Show the key points and model outline"


def _words(n: int) -> str:
    return " ".join(f"point{i}" for i in range(n))


def _prompt(page: Any, words: int) -> Any:
    """The first prompt with this word limit (the frozen guide has 150- and 250-word prompts)."""
    return page.locator(f".quiz-mains[data-words='{words}']").first


def _saved(page: Any) -> dict[str, Any]:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))


def _store(page: Any, progress: dict[str, Any]) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [KEY, progress])


def _open(page: Any, server: str) -> None:
    page.goto(server + "/quiz/written.html")
    page.locator(".quiz-mains-text").first.wait_for()


def _accept_dialogs(page: Any) -> list[str]:
    seen: list[str] = []

    def accept(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    return seen


def test_key_points_stay_hidden_until_the_student_has_written(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 150)
    reveal = prompt.get_by_role("button", name=REVEAL)
    assert prompt.get_by_label("Your answer to question").is_visible()
    assert prompt.locator(".quiz-mains-points").is_hidden()
    assert prompt.locator(".quiz-outline").is_hidden()
    assert reveal.is_hidden()
    assert "Write at least 30 words" in prompt.locator(".quiz-mains-hint").inner_text()
    prompt.locator("textarea").fill(_words(29))
    assert reveal.is_hidden() and prompt.locator(".quiz-mains-points").is_hidden()
    prompt.locator("textarea").fill(_words(30))
    reveal.click()
    assert prompt.locator(".quiz-checklist li").first.is_visible()
    assert prompt.locator(".quiz-outline li").first.is_visible()
    assert reveal.is_hidden()
    other = page.locator(".quiz-mains").nth(1 if prompt.get_attribute("data-number") == "1" else 0)
    assert other.locator(".quiz-mains-points").is_hidden(), "revealing one prompt revealed another"
    watched.clean()


def test_i_have_finished_offers_the_key_points_for_a_short_answer(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 250)
    prompt.locator("textarea").fill(_words(5))
    assert prompt.get_by_role("button", name=REVEAL).is_hidden()
    prompt.get_by_role("button", name="I have finished").click()
    assert prompt.get_by_role("button", name="I have finished").is_hidden()
    prompt.get_by_role("button", name=REVEAL).click()
    assert prompt.locator(".quiz-checklist li").first.is_visible()
    watched.clean()


def test_word_count_follows_the_answer_and_flags_going_over(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 150)
    count = prompt.locator(".quiz-mains-count")
    assert count.inner_text() == "0 / 150 words"
    spaced = "  India's  position:\n\nstrategic   autonomy (2024\u201325) "  # an en dash joins a word
    prompt.locator("textarea").fill(spaced)
    assert count.inner_text() == "5 / 150 words"
    prompt.locator("textarea").fill(_words(150))
    assert count.inner_text() == "150 / 150 words"
    assert "quiz-mains-over" not in (count.get_attribute("class") or "")
    prompt.locator("textarea").press("End")
    prompt.locator("textarea").press_sequentially(" one more")
    assert count.inner_text() == "152 / 150 words: 2 over the limit"
    assert "quiz-mains-over" in (count.get_attribute("class") or "")
    assert _prompt(page, 250).locator(".quiz-mains-count").inner_text() == "0 / 250 words"
    assert prompt.locator("textarea").get_attribute("aria-describedby") == count.get_attribute("id")
    watched.clean()


def test_timer_runs_at_the_exams_pace_pauses_resets_and_never_stops_the_writing(server: str, watched: Watched) -> None:
    page = watched.page
    page.clock.install()
    _open(page, server)
    assert "about 11 minutes" in _prompt(page, 250).inner_text()
    assert _prompt(page, 250).locator(".quiz-mains-clock").inner_text() == "11:00 left of 11 minutes"
    prompt = _prompt(page, 150)
    clock = prompt.locator(".quiz-mains-clock")
    assert "about 7 minutes" in prompt.locator(".quiz-meta").inner_text()
    assert clock.inner_text() == "7:00 left of 7 minutes"
    page.clock.fast_forward("02:00")
    assert clock.inner_text() == "7:00 left of 7 minutes", "the timer ran before it was started"
    prompt.get_by_role("button", name="Start the timer").click()
    page.clock.fast_forward("01:00")
    assert clock.inner_text() == "6:00 left of 7 minutes"
    prompt.get_by_role("button", name="Pause").click()
    page.clock.fast_forward("03:00")
    assert clock.inner_text() == "6:00 left of 7 minutes"
    prompt.get_by_role("button", name="Resume the timer").click()
    page.clock.fast_forward("06:30")
    assert clock.inner_text() == "Time is up: 0:30 over 7 minutes"
    assert "You can keep writing" in prompt.locator(".quiz-mains-timeup").inner_text()
    prompt.locator("textarea").fill(_words(12))  # still editable after the time
    assert prompt.locator(".quiz-mains-count").inner_text() == "12 / 150 words"
    prompt.get_by_role("button", name="Pause").click()
    mid = prompt.get_attribute("data-mid")
    assert _saved(page)["mains"][mid]["seconds"] == 450
    page.reload()
    assert clock.inner_text() == "Time is up: 0:30 over 7 minutes"  # the time used is saved, the timer paused
    page.clock.fast_forward("01:00")
    assert clock.inner_text() == "Time is up: 0:30 over 7 minutes"
    prompt.get_by_role("button", name="Reset the timer").click()
    assert clock.inner_text() == "7:00 left of 7 minutes"
    assert prompt.get_by_role("button", name="Start the timer").is_visible()
    watched.clean()


def test_answer_and_self_check_survive_a_reload_until_cleared(server: str, watched: Watched) -> None:
    page = watched.page
    dialogs = _accept_dialogs(page)
    _open(page, server)
    prompt = _prompt(page, 250)
    mid = prompt.get_attribute("data-mid")
    answer = "Constructive ambiguity lets each side read the text its own way.\n\n" + _words(40)
    prompt.locator("textarea").fill(answer)
    prompt.get_by_role("button", name=REVEAL).click()
    labels = prompt.locator(".quiz-checklist label")
    total = labels.count()
    labels.nth(0).click()
    labels.nth(2).click()
    tally = prompt.locator(".quiz-tally")
    assert tally.inner_text() == f"2 of {total} key points covered"
    labels.nth(0).click()
    assert tally.inner_text() == f"1 of {total} key points covered"
    page.reload()
    assert prompt.locator("textarea").input_value() == answer
    assert prompt.locator(".quiz-checklist li").first.is_visible()  # revealed stays revealed
    boxes = prompt.locator(".quiz-checklist input")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [False, False, True]
    assert tally.inner_text() == f"1 of {total} key points covered"
    record = _saved(page)["mains"][mid]
    assert record["text"] == answer and record["revealed"] is True and record["ticked"] == [2]
    assert record["version"] == prompt.get_attribute("data-answer-version")
    prompt.get_by_role("button", name="Clear my answer").click()
    assert dialogs and "Delete your answer" in dialogs[0]
    assert prompt.locator("textarea").input_value() == ""
    assert prompt.locator(".quiz-mains-points").is_hidden()
    page.reload()
    assert prompt.locator("textarea").input_value() == ""
    assert mid not in _saved(page).get("mains", {})
    assert prompt.locator(".quiz-mains-points").is_hidden()
    watched.clean()


def test_an_answer_to_an_earlier_wording_is_not_shown_as_current(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 150)
    mid, keys = prompt.get_attribute("data-mid"), prompt.get_attribute("data-version")
    old = {"version": "0ldw0rd1ng", "text": "My answer to the old question.", "seconds": 300, "finished": True,
           "revealed": True, "keys": keys, "ticked": [0], "at": 1}  # fmt: skip
    _store(page, {"version": 2, "mains": {mid: old}})
    page.reload()
    assert prompt.locator("textarea").input_value() == ""
    assert prompt.locator(".quiz-mains-points").is_hidden()
    assert prompt.locator(".quiz-mains-clock").inner_text() == "7:00 left of 7 minutes"
    earlier = prompt.locator(".quiz-mains-earlier")
    assert "earlier wording" in earlier.inner_text()
    earlier.get_by_role("button", name="Put it in the box").click()
    assert prompt.locator("textarea").input_value() == "My answer to the old question."
    assert earlier.is_hidden()
    page.reload()
    assert prompt.locator("textarea").input_value() == "My answer to the old question."
    assert _saved(page)["mains"][mid]["version"] == prompt.get_attribute("data-answer-version")
    watched.clean()


def test_ticks_saved_by_the_old_checklist_move_into_the_mains_section(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 250)
    mid, keys = prompt.get_attribute("data-mid"), prompt.get_attribute("data-version")
    other = page.locator(".quiz-mains").last.get_attribute("data-mid")
    old = {mid: {"version": keys, "ticked": [1]}, other: {"version": "0ldp01nts0", "ticked": [0]}}
    _store(page, {"version": 2, "checklist": old})
    page.reload()
    boxes = prompt.locator(".quiz-checklist input")
    assert boxes.nth(1).is_visible() and boxes.nth(1).is_checked() and not boxes.nth(0).is_checked()
    assert prompt.locator(".quiz-tally").inner_text() == f"1 of {boxes.count()} key points covered"
    saved = _saved(page)
    assert saved["checklist"] == {}
    assert saved["mains"][mid]["ticked"] == [1] and saved["mains"][mid]["revealed"] is True
    assert page.locator(f".quiz-mains[data-mid='{other}'] .quiz-mains-points").is_hidden()  # stale ticks dropped
    watched.clean()


def test_print_keeps_the_key_points_back_and_leaves_out_the_controls(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    prompt = _prompt(page, 150)
    page.emulate_media(media="print")
    assert prompt.locator("textarea").is_visible()
    assert prompt.locator(".quiz-mains-timer").is_hidden()
    assert prompt.locator(".quiz-mains-actions").is_hidden()
    assert prompt.locator(".quiz-mains-points").is_hidden()
    watched.clean()


def test_without_javascript_the_key_points_and_outline_can_be_opened(browser: object, server: str) -> None:
    page = browser.new_page(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page.goto(server + "/quiz/written.html")
        prompt = page.locator(".quiz-mains").first
        assert prompt.locator("textarea").count() == 0
        assert prompt.locator(".quiz-checklist li").first.is_hidden()  # closed, not spoiled at a glance
        prompt.locator("details.quiz-mains-points summary").click()
        assert prompt.locator(".quiz-checklist li").first.is_visible()
        prompt.locator("details.quiz-outline summary").click()
        assert prompt.locator(".quiz-outline li").first.is_visible()
        assert "about 11 minutes" in prompt.locator(".quiz-meta").inner_text() or "about 7 minutes" in (
            prompt.locator(".quiz-meta").inner_text()
        )
    finally:
        page.close()
