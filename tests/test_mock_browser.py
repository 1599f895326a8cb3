"""The mock test as on the exam platforms, in a real browser (Chromium, the frozen guide built with the real
builder): the question palette, Mark for review and Clear response, an attempt saved after every action and
resumed on reload with the timer right, a fresh balanced set each attempt (the seeded draw of js/quiz/exam_draw.js
run in the page), the history of attempts and the analysis after submitting. Time is Playwright's `page.clock`:
it moves only when a test says so."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .test_browser import Watched, browser, server, watched
from .test_every_page import MIN_FONT_PX, PROBE_JS, SCHEMES, VIEWPORTS, axe_problems, axe_sync, layout_problems
from .test_quiz_browser import _nav_link, _serve_sitemap

FIXTURES = (browser, server, watched)
KEY = "storyguide.quiz.v2"
MINUS = "\N{MINUS SIGN}"  # as the page writes a negative score
START = "2026-12-06T09:00:00Z"
PAUSED = "2026-12-06T09:00:10Z"


def _open(page: Any, server: str) -> Any:
    page.clock.install(time=START)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(server + "/quiz/mock.html")
    page.clock.pause_at(PAUSED)  # from here time moves only with run_for
    return page.locator(".quiz[data-mode=exam]")


def _start(page: Any) -> None:
    page.get_by_role("button", name=re.compile(r"^Start the test")).click()


def _shown(page: Any) -> Any:
    shown = page.locator("fieldset.quiz-q:visible")
    assert shown.count() == 1  # one question at a time
    return page.locator(f"[id='{shown.get_attribute('id')}']")  # this question, wherever it goes next


def _states(page: Any) -> list[str]:
    return [str(s) for s in page.locator(".quiz-pal-grid button").evaluate_all("bs => bs.map(b => b.dataset.state)")]


def _attempt(page: Any) -> dict[str, Any]:
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))
    return saved.get("exam", {}).get("attempt") or {}


def _history(page: Any) -> list[dict[str, Any]]:
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))
    return list(saved.get("exam", {}).get("history", []))


def _choose(question: Any, right: bool) -> None:
    """Click the right option (or a wrong one), found by its value (the option's index as built)."""
    key = int(question.get_attribute("data-answer"))
    value = key if right else (1 if key == 0 else 0)
    question.locator(f"label[for='{question.get_attribute('id')}-{'abcde'[value]}']").click()


def _summary(page: Any) -> str:
    return str(page.locator(".quiz-summary").inner_text())


@pytest.mark.browser
def test_palette_shows_each_question_state_and_clear_response_leaves_it_blank(server: str, watched: Watched) -> None:
    page = watched.page
    root = _open(page, server)
    size = int(root.get_attribute("data-size"))
    _start(page)
    assert _states(page) == ["not-answered"] + ["not-visited"] * (size - 1)  # the first is on show
    assert page.locator(".quiz-pal-grid button").first.get_attribute("aria-current") == "step"
    first = _shown(page)
    _choose(first, right=True)
    assert _states(page)[0] == "answered"
    page.get_by_role("button", name="Next →").click()
    second = _shown(page)
    assert second.get_attribute("id") != first.get_attribute("id")
    assert _states(page)[:3] == ["answered", "not-answered", "not-visited"]
    page.get_by_role("button", name="Mark for review").click()
    assert _states(page)[1] == "marked"
    _choose(second, right=False)
    assert _states(page)[1] == "answered-marked"
    page.locator(".quiz-pal-grid button").nth(4).click()  # straight to question 5
    assert _shown(page).locator(".quiz-n").inner_text() == "Question 5."
    assert _states(page)[2:5] == ["not-visited", "not-visited", "not-answered"]
    labels = page.locator(".quiz-pal-grid button").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert labels[:5] == [
        "Question 1: Answered",
        "Question 2: Answered and marked for review",
        "Question 3: Not visited",
        "Question 4: Not visited",
        "Question 5: Not answered",
    ]
    legend = page.locator(".quiz-pal-legend li").all_inner_texts()
    assert [t.split(":")[1].strip() for t in legend] == ["1", "1", "0", "1", str(size - 3)]
    assert page.locator(".quiz-pal-sign").first.inner_text() == "✓"  # a sign as well as a colour

    page.locator(".quiz-pal-grid button").first.click()
    assert _shown(page).get_attribute("id") == first.get_attribute("id")
    assert first.locator("input:checked").count() == 1
    page.get_by_role("button", name="Clear response").click()
    assert first.locator("input:checked").count() == 0
    assert _states(page)[0] == "not-answered"
    assert first.get_attribute("data-qid") not in _attempt(page)["choice"]
    page.get_by_role("button", name="Submit answers").click()
    assert f"Blank: {size - 1} (0)" in _summary(page)  # the cleared question counts as blank
    assert f"Wrong: 1 ({MINUS}0.66)" in _summary(page)
    assert f"Net score: {MINUS}0.66 out of" in _summary(page)
    watched.clean()


@pytest.mark.browser
def test_reload_resumes_the_attempt_with_the_timer_still_right(server: str, watched: Watched) -> None:
    page = watched.page
    root = _open(page, server)
    minutes = int(root.get_attribute("data-minutes"))
    _start(page)
    first = _shown(page)
    _choose(first, right=True)
    chosen = first.locator("input:checked").get_attribute("value")
    page.get_by_role("button", name="Next →").click()
    page.get_by_role("button", name="Mark for review").click()
    shown_letters = _shown(page).locator(".quiz-letter").all_inner_texts()
    shown_options = _shown(page).locator("ul.quiz-options label").all_inner_texts()
    before = _attempt(page)
    states = _states(page)
    page.clock.run_for(5 * 60_000)
    assert page.locator("[role=timer]").inner_text() == f"Time left: {minutes - 5}:00"

    page.reload()
    assert page.locator("[role=timer]").inner_text() == f"Time left: {minutes - 5}:00"  # not restarted
    assert _states(page) == states
    after = _attempt(page)
    assert (after["ids"], after["order"], after["seed"], after["deadline"]) == (
        before["ids"],
        before["order"],
        before["seed"],
        before["deadline"],
    )
    assert _shown(page).get_attribute("data-qid") == before["ids"][1]  # where it was left
    assert _shown(page).locator("ul.quiz-options label").all_inner_texts() == shown_options  # same option order
    assert _shown(page).locator(".quiz-letter").all_inner_texts() == shown_letters
    assert page.locator("button[aria-pressed=true]", has_text="Unmark review").count() == 1
    resumed_first = page.locator(f"[data-qid='{before['ids'][0]}']")
    assert resumed_first.locator("input:checked").get_attribute("value") == chosen
    assert "resumed" in page.locator(".quiz-bar [aria-live=polite]").inner_text()

    page.clock.run_for((minutes - 5) * 60_000)
    assert "Time is up" in _summary(page)
    assert "Net score: 2.00 out of" in _summary(page)
    assert _attempt(page) == {}  # the attempt is over
    page.reload()
    assert page.get_by_role("button", name=re.compile(r"^Start the test")).is_visible()
    watched.clean()


DRAW_CAPPED = """async ([source, pool]) => {
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const { draw } = await import(url);
  return [1, 2, 3, 4, 5].map((seed) => draw(pool, 10, seed, 1));
}"""
DRAW = """async ([source, pool, size]) => {
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const { draw } = await import(url);
  return [draw(pool, size, 7), draw(pool, size, 7), draw(pool, size, 8)];
}"""


@pytest.mark.browser
def test_the_draw_is_seeded_balanced_and_keeps_fixed_options(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    source = (ROOT / "js" / "quiz" / "exam_draw.js").read_text(encoding="utf-8")
    pool = [{"id": f"{theme}.{n}", "theme": theme, "options": 4, "fixed": n == 0, "capped": theme == "d" and n < 8}
            for theme, many in (("a", 10), ("b", 10), ("c", 2), ("d", 10)) for n in range(many)]  # fmt: skip
    same, again, other = page.evaluate(DRAW, [source, pool, 10])
    capped = page.evaluate(DRAW_CAPPED, [source, pool])
    for drawn in capped:  # at most one of d.0 ... d.7, so d gives d.8 and d.9 and the rest come from a, b, c
        assert len(drawn["ids"]) == 10 and sum(i in {f"d.{n}" for n in range(8)} for i in drawn["ids"]) == 1
    assert same == again  # the same seed gives the same test
    assert same["ids"] != other["ids"]
    assert len(set(same["ids"])) == 10
    themes = Counter(i.split(".")[0] for i in same["ids"])
    assert themes["c"] == 2 and sorted(themes.values()) == [2, 2, 3, 3]  # in turn: as even as the pool allows
    assert same["ids"] != sorted(same["ids"], key=lambda i: (i.split(".")[0], int(i.split(".")[1])))
    for qid, order in same["order"].items():
        assert sorted(order) == [0, 1, 2, 3]
        if qid.endswith(".0"):
            assert order == [0, 1, 2, 3]  # data-fixed-order: never shuffled
    assert any(order != [0, 1, 2, 3] for order in same["order"].values())
    watched.clean()


@pytest.mark.browser
def test_each_attempt_draws_a_fresh_set_and_the_history_lists_them(server: str, watched: Watched) -> None:
    page = watched.page
    root = _open(page, server)
    size = int(root.get_attribute("data-size"))
    assert (
        page.locator(".quiz-history").inner_text().endswith("No finished attempt yet: your scores will be listed here.")
    )
    pool = page.locator("fieldset.quiz-q").count()
    assert pool > size  # the page carries more than one test's worth
    _start(page)
    first = _attempt(page)
    fixed = {q: bool(v) for q, v in page.locator("fieldset.quiz-q").evaluate_all(
        "fs => fs.map(f => [f.dataset.qid, f.hasAttribute('data-fixed-order')])"
    )}  # fmt: skip
    assert len(first["ids"]) == size
    capped = set(json.loads(root.get_attribute("data-capped")))
    assert sum(i in capped for i in first["ids"]) <= int(root.get_attribute("data-cap"))  # as mock_test allows
    theme_of = dict(page.locator("fieldset.quiz-q").evaluate_all("fs => fs.map(f => [f.dataset.qid, f.dataset.theme])"))
    themes = Counter(theme_of[i] for i in first["ids"])
    cap_reached = sum(i in capped for i in first["ids"]) == int(root.get_attribute("data-cap"))
    takeable = Counter(t for i, t in theme_of.items() if not (cap_reached and i in capped and i not in first["ids"]))
    assert set(themes) == set(theme_of.values())
    for many in themes.values():  # in turn: a theme has more only when another has run out (of questions it may give)
        assert all(many <= themes[other] + 1 or themes[other] == takeable[other] for other in themes), themes
    for qid, order in first["order"].items():
        if fixed[qid]:
            assert order == sorted(order)
    shown = _shown(page)
    values = shown.locator("input[type=radio]").evaluate_all("rs => rs.map(r => +r.value)")
    assert values == first["order"][first["ids"][0]]  # the options as drawn, lettered (a), (b)... as shown
    assert shown.locator(".quiz-letter").all_inner_texts() == ["(a)", "(b)", "(c)", "(d)"][: len(values)]
    _choose(shown, right=True)
    page.clock.run_for(90_000)
    page.get_by_role("button", name="Submit answers").click()
    assert "Net score: 2.00 out of" in _summary(page)

    page.get_by_role("button", name="Take the test again").click()
    _start(page)
    second = _attempt(page)
    assert second["seed"] != first["seed"]
    assert second["ids"] != first["ids"]  # a new draw: another set, or the same in another order
    _choose(_shown(page), right=False)
    page.get_by_role("button", name="Submit answers").click()
    assert f"Net score: {MINUS}0.66 out of" in _summary(page)

    history = _history(page)
    assert [(h["score"], h["right"], h["wrong"], h["blank"]) for h in history] == [
        (2, 1, 0, size - 1),
        (-0.66, 0, 1, size - 1),
    ]
    assert history[0]["used"] == 90
    rows = page.locator(".quiz-history-table tbody tr")
    assert rows.count() == 2
    newest, oldest = rows.nth(0).locator("th, td").all_inner_texts(), rows.nth(1).locator("th, td").all_inner_texts()
    assert newest[0] == "2" and newest[1] == f"{MINUS}0.66 of {2 * size} ▼ {MINUS}2.66"
    assert oldest[0] == "1" and oldest[1] == f"2.00 of {2 * size}" and oldest[5] == "1 min 30 s"
    assert newest[6] == oldest[6] == "6 Dec 2026"
    assert page.locator("svg.quiz-trend circle").count() == 2
    assert page.locator("svg.quiz-trend").get_attribute("aria-label") == f"Score trend: 2.00, {MINUS}0.66"
    page.reload()
    assert page.locator(".quiz-history-table tbody tr").count() == 2  # kept
    watched.clean()


@pytest.mark.browser
def test_analysis_by_theme_adds_up_and_lists_the_slowest_questions(server: str, watched: Watched) -> None:
    page = watched.page
    root = _open(page, server)
    size = int(root.get_attribute("data-size"))
    _start(page)
    _choose(_shown(page), right=True)
    page.clock.run_for(40_000)
    page.get_by_role("button", name="Next →").click()
    _choose(_shown(page), right=False)
    page.clock.run_for(70_000)
    page.get_by_role("button", name="Next →").click()
    _choose(_shown(page), right=True)
    page.clock.run_for(10_000)
    page.get_by_role("button", name="Submit answers").click()

    rows = [r.locator("th, td").all_inner_texts() for r in page.locator(".quiz-themes tbody tr").all()]
    *themes, total = rows
    assert total[0] == "All themes"
    assert [int(total[i]) for i in (2, 3, 4, 5)] == [2, 1, size - 3, size]  # correct, wrong, blank, questions
    for column in (2, 3, 4, 5):
        assert sum(int(r[column]) for r in themes) == int(total[column])
    scores = [float(r[1].replace("\N{MINUS SIGN}", "-")) for r in themes]
    assert round(sum(scores), 2) == float(total[1]) == 3.34
    assert "Net score: 3.34 out of" in _summary(page)
    assert len({r[0] for r in themes}) == len(themes) and all(not r[0].islower() for r in themes)  # titles

    slow = page.locator(".quiz-slowest li").all_inner_texts()
    assert slow[0].startswith("Question 2 (1 min 10 s, wrong): ")
    assert slow[1].startswith("Question 1 (40 s, correct): ")
    assert slow[2].startswith("Question 3 (10 s, correct): ")
    questions = page.locator("fieldset.quiz-q:visible")
    assert questions.count() == size  # every question of the attempt, with its answer and explanation
    assert questions.nth(1).locator(".quiz-spent").inner_text() == "Time on this question: 1 min 10 s"
    assert questions.nth(1).locator(".quiz-feedback").inner_text().startswith("✗ Not correct")
    assert questions.nth(4).locator(".quiz-feedback").inner_text().startswith("\N{EN DASH} Not answered")
    assert all(q.locator("details.quiz-answer").is_visible() for q in questions.all()[:5])
    href = page.locator(".quiz-slowest a").first.get_attribute("href")
    assert href == "#" + questions.nth(1).get_attribute("id")
    watched.clean()


@pytest.mark.browser
def test_without_javascript_the_fixed_set_shows_and_the_pool_does_not(browser: object, server: str) -> None:
    page = browser.new_page(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page.goto(server + "/quiz/mock.html")
        size = int(page.locator(".quiz[data-mode=exam]").get_attribute("data-size"))
        assert page.locator("fieldset.quiz-q:visible").count() == size
        assert page.locator("fieldset.quiz-q").count() > size
        numbers = page.locator("fieldset.quiz-q:visible .quiz-n").all_inner_texts()
        assert numbers == [f"Question {n}." for n in range(1, size + 1)]
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_running_and_finished_test_fit_read_and_pass_axe(browser: Any, server: str, viewport: str, scheme: str) -> None:
    """What every-page checks see only in the waiting state: the palette, the controls, the analysis and the
    history fit the window, have no text under 12 px and no serious axe violation, at both widths and schemes."""
    page = browser.new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    axe = axe_sync.Axe()
    try:
        _open(page, server)
        _start(page)
        _choose(_shown(page), right=True)
        page.get_by_role("button", name="Next →").click()
        page.get_by_role("button", name="Mark for review").click()
        palette = page.locator("details.quiz-palette")
        assert (palette.get_attribute("open") is None) == (viewport == "phone")  # a toggle on a phone
        if viewport == "phone":
            palette.locator("summary").click()
        assert page.locator(".quiz-pal-grid button").first.is_visible()
        page.clock.resume()  # axe waits on timers: let time flow
        page.mouse.move(0, 0)
        page.wait_for_timeout(400)  # Material's buttons fade to their colours (125 ms): axe measures the end
        running = layout_problems(page.evaluate(PROBE_JS, MIN_FONT_PX), scheme) + axe_problems(axe, page)
        assert running == [], running
        page.get_by_role("button", name="Submit answers").click()
        page.mouse.move(0, 0)
        page.wait_for_timeout(400)
        finished = layout_problems(page.evaluate(PROBE_JS, MIN_FONT_PX), scheme) + axe_problems(axe, page)
        assert finished == [], finished
    finally:
        page.close()


@pytest.mark.browser
def test_the_palette_and_the_controls_work_from_the_keyboard(server: str, watched: Watched) -> None:
    page = watched.page
    _open(page, server)
    _start(page)
    assert page.evaluate("document.activeElement.type") == "radio"  # the first option of question 1
    page.keyboard.press("ArrowDown")  # a native radio group: arrows choose
    assert _states(page)[0] == "answered"
    page.locator(".quiz-pal-grid button").nth(2).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Question 4: Not visited"
    page.keyboard.press("Enter")
    assert _shown(page).locator(".quiz-n").inner_text() == "Question 4."
    assert page.evaluate("document.activeElement.tagName") == "LEGEND"  # the question, read from its start
    page.keyboard.press("Tab")  # on to its options, then the controls
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("Space")
    assert _states(page)[3] == "answered"
    for _ in range(2):  # Previous, then Mark for review
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Mark for review"
    page.keyboard.press("Enter")
    assert _states(page)[3] == "answered-marked"
    watched.clean()


@pytest.mark.browser
def test_an_attempt_survives_instant_navigation(server: str, watched: Watched, guide_site: Path) -> None:
    page = watched.page
    _serve_sitemap(page, server, guide_site / "site")
    root = _open(page, server)
    minutes = int(root.get_attribute("data-minutes"))
    page.clock.resume()  # the sitemap is fetched on timers
    page.wait_for_load_state("networkidle")
    page.clock.pause_at("2026-12-06T09:00:20Z")
    _start(page)
    first = _shown(page)
    _choose(first, right=True)
    page.evaluate("window.__sameDocument = true")
    _nav_link(page, "Timeline").click()
    page.wait_for_url("**/timeline.html")
    page.clock.run_for(60_000)
    page.go_back()
    page.wait_for_url("**/quiz/mock.html")
    page.locator(".quiz-pal-grid button").first.wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the clicks were not instant navigation"
    assert page.locator("[role=timer]").inner_text() == f"Time left: {minutes - 1}:00"  # the clock kept running
    assert _states(page)[0] == "answered"
    assert page.locator(f"[id='{first.get_attribute('id')}'] input:checked").count() == 1
    assert page.locator(".quiz-pal-grid").count() == 1  # set up once
    watched.clean()
