"""Quiz pages in a real browser (practice, mock exam, saved progress, review and retries, the marked answer, the
running score, reset, instant navigation, file://), plus checks on the built HTML (links in the raw-HTML
questions resolve, user text is escaped, answers stay out of search) and on the generated Markdown (practice
sets are paginated, the review page does not grow with the bank)."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from builder.analyse import analyse
from builder.questions import Question, build_bank, mock_test
from builder.render import actor_path, render_page, source_path
from builder.render_quiz import PAGE_SIZE, add_quiz_pages
from builder.validate import Corpus, load_corpus

from .conftest import GUIDE, ROOT, search_entries
from .test_browser import Watched, browser, server, watched

FIXTURES = (browser, server, watched)  # shared with test_browser: pytest finds fixtures by name in this module

KEY = "storyguide.quiz.v2"
OLD_KEY = "storyguide.quiz.v1"


def _accept_dialogs(page: Any, seen: list[str]) -> None:
    def accept(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)


def _questions(page: Any) -> Any:
    return page.locator("fieldset.quiz-q:visible")


def _answer(question: Any, choice: int) -> None:
    question.locator("ul.quiz-options label").nth(choice).click()


def _right(question: Any) -> int:
    return int(question.get_attribute("data-answer"))


def _wrong(question: Any) -> int:
    return 1 if _right(question) == 0 else 0


def _answer_and_check(question: Any, choice: int) -> None:
    _answer(question, choice)
    question.get_by_role("button", name="Check").click()


def _answer_wrong_and_check(page: Any, url: str, n: int = 0) -> Any:
    page.goto(url)
    question = _questions(page).nth(n)
    _answer_and_check(question, _wrong(question))
    return question


def _saved(page: Any) -> dict[str, Any]:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))


def _first_set(page: Any, server: str) -> str:
    page.goto(server + "/quiz/index.html")
    href = page.locator("article table a").first.get_attribute("href")
    return urljoin(server + "/quiz/index.html", href)


def _retry_href(page_url: str, dom: str) -> str:
    return f"{page_url}?retry={dom}#{dom}"


def _marks(question: Any) -> list[tuple[int, str]]:
    """The options marked with a sign after a result: (index, text of the mark)."""
    marks: list[tuple[int, str]] = question.locator("ul.quiz-options li").evaluate_all(
        "lis => lis.flatMap((li, i) => [...li.querySelectorAll('.quiz-mark')].map(m => [i, m.textContent]))"
    )
    return [(i, text) for i, text in marks]


def _assert_clean(question: Any) -> None:
    """No choice, no feedback, no marks, the answer closed: as if never answered."""
    assert question.locator("input:checked").count() == 0
    assert question.locator(".quiz-feedback").inner_text() == ""
    assert _marks(question) == []
    assert question.locator("details.quiz-answer").get_attribute("open") is None
    assert "quiz-q--wrong" not in (question.get_attribute("class") or "")


def _score(page: Any) -> str:
    return page.locator(".quiz-page-score").inner_text()


# --- practice mode, saved progress, review, reset -------------------------------------------------------


@pytest.mark.browser
def test_practice_gives_feedback_keeps_progress_reviews_mistakes_and_resets(server: str, watched: Watched) -> None:
    page = watched.page
    dialogs: list[str] = []
    _accept_dialogs(page, dialogs)
    practice_url = _first_set(page, server)
    page.goto(practice_url)
    right, wrong = _questions(page).nth(0), _questions(page).nth(1)
    right_id, wrong_id = right.get_attribute("data-qid"), wrong.get_attribute("data-qid")
    wrong_dom = wrong.get_attribute("id")
    stem = " ".join(wrong.locator("legend").inner_text().split()[2:])  # without "Question 2."

    _answer_and_check(right, _right(right))
    assert right.locator(".quiz-feedback").inner_text().startswith("✓ Correct")
    assert right.locator(".quiz-feedback").get_attribute("aria-live") == "polite"
    assert right.locator("details.quiz-answer").get_attribute("open") is not None

    key = "abcde"[_right(wrong)]
    _answer_and_check(wrong, _wrong(wrong))
    assert wrong.locator(".quiz-feedback").inner_text() == f"✗ Not correct: the answer is ({key})"
    assert wrong.locator("details.quiz-answer").get_attribute("open") is not None
    assert wrong.locator("details.quiz-answer .quiz-key-line").is_hidden()  # said once, not again in the explanation
    saved = _saved(page)
    assert saved["version"] == 2
    assert saved["answers"][right_id]["correct"] is True
    mistake = saved["answers"][wrong_id]
    assert mistake["correct"] is False
    assert (mistake["page"], mistake["dom"]) == ("quiz/sources.html", wrong_dom)
    saved_stem = mistake["stem"].rstrip("…")  # the question, then its statements if it has any, cut at 160
    assert (saved_stem.startswith(stem) or stem.startswith(saved_stem)) and len(mistake["stem"]) <= 160

    page.reload()
    right, wrong = page.locator(f"[data-qid='{right_id}']"), page.locator(f"[data-qid='{wrong_id}']")
    assert right.locator("input:checked").get_attribute("value") == right.get_attribute("data-answer")
    assert right.locator(".quiz-feedback").inner_text().startswith("✓ Correct")
    assert wrong.locator(".quiz-feedback").inner_text().startswith("✗ Not correct")

    page.goto(server + "/quiz/review.html")
    assert page.locator("fieldset.quiz-q").count() == 0  # the review page holds links, not questions
    links = page.locator(".quiz-review-list a")
    assert links.count() == 1
    assert links.first.inner_text() == mistake["stem"]
    assert links.first.get_attribute("href") == _retry_href("../quiz/sources.html", wrong_dom)
    assert page.locator(".quiz-review-count").inner_text() == "1 question to review, on 1 page."
    assert "1 mistake" in page.locator(".quiz-review-page h2").inner_text()
    assert page.locator(".quiz-empty").is_hidden()
    assert page.locator(".quiz-nojs").is_hidden()

    links.first.click()
    page.wait_for_url(f"**/quiz/sources.html#{wrong_dom}")  # the retry marker is read and taken out of the address
    target = page.locator(f"[id='{wrong_dom}']")
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }"
    )
    _assert_clean(target)  # a retry starts clean (tested at length below)
    _answer_and_check(target, _right(target))  # answered right: it leaves the review list
    page.goto(server + "/quiz/review.html")
    assert page.locator(".quiz-review-list a").count() == 0
    assert page.locator(".quiz-empty").is_visible()

    _answer_wrong_and_check(page, practice_url)
    page.goto(server + "/quiz/review.html")
    page.get_by_role("button", name="Reset my progress").click()
    assert dialogs and "Delete" in dialogs[-1]
    assert page.locator(".quiz-review-list a").count() == 0
    assert page.locator(".quiz-empty").is_visible()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.goto(practice_url)
    assert page.locator("fieldset.quiz-q input:checked").count() == 0
    watched.clean()


@pytest.mark.browser
def test_review_links_lead_to_later_pages_and_mock_mistakes_to_their_practice_page(
    server: str, watched: Watched
) -> None:
    page = watched.page
    dialogs: list[str] = []
    _accept_dialogs(page, dialogs)
    page.goto(_first_set(page, server))
    second = page.locator("nav.quiz-pages a[rel=next]").first
    if not second.count():
        pytest.skip(f"the first practice set has no more than {PAGE_SIZE} questions")
    second_url = urljoin(page.url, second.get_attribute("href"))
    question = _answer_wrong_and_check(page, second_url, 0)
    assert question.locator(".quiz-n").inner_text() == f"Question {PAGE_SIZE + 1}."
    assert page.locator("nav.quiz-pages [aria-current=page]").first.inner_text() == "2"
    dom = question.get_attribute("id")

    page.goto(server + "/quiz/mock.html")
    page.get_by_role("button", name=re.compile(r"^Start the test")).click()
    exam_q = page.locator(f"[id='{_questions(page).get_attribute('id')}']")
    _answer(exam_q, _wrong_shown(exam_q))  # the mock test shuffles options: by position as shown
    home, exam_dom = exam_q.get_attribute("data-home"), exam_q.get_attribute("id")
    page.get_by_role("button", name="Submit answers").click()

    page.goto(server + "/quiz/review.html")
    hrefs = [a.get_attribute("href") for a in page.locator(".quiz-review-list a").all()]
    assert hrefs[0] == _retry_href(f"../{home}", exam_dom)  # newest first; a mock mistake links to its practice page
    assert _retry_href(f"../{urlparse(second_url).path.lstrip('/')}", dom) in hrefs
    page.locator(".quiz-review-list a").nth(hrefs.index(_retry_href(f"../{home}", exam_dom))).click()
    page.wait_for_url(f"**/{home}#{exam_dom}")
    _assert_clean(page.locator(f"[id='{exam_dom}']"))
    page.reload()  # the marker was taken out of the address: a reload shows the saved answer again
    assert page.locator(f"[id='{exam_dom}'] .quiz-feedback").inner_text().startswith("✗ Not correct")
    watched.clean()


@pytest.mark.browser
def test_a_changed_question_ignores_its_old_saved_answer(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(_first_set(page, server))
    first = _questions(page).nth(0)
    qid, dom = first.get_attribute("data-qid"), first.get_attribute("id")
    old = {"choice": 0, "correct": False, "version": "old-version", "at": "2024-01-01T00:00:00Z"}
    old |= {"page": "quiz/sources.html", "dom": dom, "stem": "An old question"}
    page.evaluate(
        f"localStorage.setItem('{KEY}', JSON.stringify({{version: 2, answers: {{'{qid}': {json.dumps(old)}}}}}))"
    )
    page.reload()
    assert first.locator("input:checked").count() == 0
    assert first.locator(".quiz-feedback").inner_text() == ""
    page.goto(server + "/quiz/review.html")
    assert page.locator(".quiz-review-list a").count() == 0
    watched.clean()


@pytest.mark.browser
def test_the_review_page_dates_mistakes_the_same_in_every_locale(browser: Any, server: str) -> None:
    page = browser.new_page(locale="en-US")  # whose short dates read 12/6/2026
    page.goto(_first_set(page, server))
    first = _questions(page).nth(0)
    qid, version, dom = first.get_attribute("data-qid"), first.get_attribute("data-version"), first.get_attribute("id")
    saved = {"choice": _wrong(first), "correct": False, "version": version, "at": "2026-12-06T12:00:00Z"}
    saved |= {"page": "quiz/sources.html", "dom": dom, "stem": "A question"}
    page.evaluate(
        f"localStorage.setItem('{KEY}', JSON.stringify({{version: 2, answers: {{'{qid}': {json.dumps(saved)}}}}}))"
    )
    page.goto(server + "/quiz/review.html")
    meta = page.locator(".quiz-review-meta").first.inner_text()
    assert meta.endswith(", 6 Dec 2026)") and "12/6" not in meta, meta
    page.close()


@pytest.mark.browser
def test_version_1_progress_is_migrated(server: str, watched: Watched) -> None:
    page = watched.page
    practice_url = _first_set(page, server)
    page.goto(practice_url)
    first = _questions(page).nth(0)
    qid, version, choice = first.get_attribute("data-qid"), first.get_attribute("data-version"), _wrong(first)
    old = {"choice": choice, "correct": False, "version": version, "at": "2024-01-01T00:00:00Z"}
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    page.evaluate(
        f"localStorage.setItem('{OLD_KEY}', JSON.stringify({{version: 1, answers: {{'{qid}': {json.dumps(old)}}}}}))"
    )
    page.goto(server + "/quiz/review.html")  # kept, but without its page: counted, not linked
    assert page.locator(".quiz-review-list a").count() == 0
    assert "1 older mistake" in page.locator(".quiz-review-older").inner_text()
    assert page.evaluate(f"localStorage.getItem('{OLD_KEY}')") is None
    page.goto(practice_url)  # its page restores it and records where it is
    assert page.locator(f"[data-qid='{qid}'] .quiz-feedback").inner_text().startswith("✗ Not correct")
    page.goto(server + "/quiz/review.html")
    assert page.locator(".quiz-review-list a").count() == 1
    watched.clean()


@pytest.mark.browser
def test_a_mistake_saved_on_the_old_exam_formats_page_links_to_its_new_one(server: str, watched: Watched) -> None:
    """The exam-formats set was quiz/prelims.html before exam profiles named it; saved mistakes keep working."""
    page = watched.page
    page.goto(server + "/quiz/formats.html")
    first = _questions(page).nth(0)
    qid, dom = first.get_attribute("data-qid"), first.get_attribute("id")
    mistake = {"choice": _wrong(first), "correct": False, "version": first.get_attribute("data-version"),
               "at": "2026-01-01T00:00:00Z", "page": "quiz/prelims.html", "dom": dom, "stem": "Old page"}  # fmt: skip
    saved = {"version": 2, "answers": {qid: mistake}, "titles": {"quiz/prelims.html": "UPSC prelims formats"}}
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({json.dumps(saved)}))")
    page.goto(server + "/quiz/review.html")
    link = page.locator(".quiz-review-list a")
    assert link.count() == 1
    assert (link.get_attribute("href") or "").startswith("../quiz/formats.html?retry=")
    assert page.locator(".quiz-review-page h2").inner_text() == "UPSC prelims formats: 1 mistake"
    watched.clean()


# --- retries, the marked answer, the running score (issue 16) -------------------------------------------


@pytest.mark.browser
def test_a_retry_from_the_review_page_starts_clean_with_instant_navigation(
    server: str, watched: Watched, guide_site: Path
) -> None:
    page = watched.page
    _serve_sitemap(page, server, guide_site / "site")
    practice_url = _first_set(page, server)
    page.goto(practice_url)
    right, wrong = _questions(page).nth(0), _questions(page).nth(1)
    total = _questions(page).count()
    _answer_and_check(right, _right(right))
    choice = _wrong(wrong)
    _answer_and_check(wrong, choice)
    qid, dom = wrong.get_attribute("data-qid"), wrong.get_attribute("id")
    mistake = _saved(page)["answers"][qid]

    page.goto(server + "/quiz/review.html")
    page.wait_for_load_state("networkidle")  # the sitemap is in
    page.evaluate("window.__sameDocument = true")
    page.locator(".quiz-review-list a").first.click()
    page.wait_for_url(f"{practice_url}#{dom}")  # the marker is read, then taken out of the address
    target = page.locator(f"[id='{dom}']")
    target.locator(".quiz-actions").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the click was not instant navigation"
    _assert_clean(target)
    first = page.locator(f"[id='{right.get_attribute('id')}']")  # other questions show what is saved
    assert first.locator(".quiz-feedback").inner_text() == "✓ Correct"
    assert first.locator("input:checked").get_attribute("value") == first.get_attribute("data-answer")
    assert _saved(page)["answers"][qid] == mistake  # the mistake stays saved until a new answer is checked
    assert _score(page) == f"On this page: 2 of {total} answered, 1 correct"

    target.get_by_role("button", name="Check").click()  # nothing chosen: nothing replaced
    assert target.locator(".quiz-feedback").inner_text() == "Choose an option first."
    assert _saved(page)["answers"][qid] == mistake
    _answer_and_check(target, choice)  # wrong again: saved anew, as usual
    assert target.locator(".quiz-feedback").inner_text().startswith("✗ Not correct")
    again = _saved(page)["answers"][qid]
    assert (again["choice"], again["correct"]) == (choice, False) and again["at"] > mistake["at"]
    _answer_and_check(target, _right(target))
    assert _saved(page)["answers"][qid]["correct"] is True
    assert _score(page) == f"On this page: 2 of {total} answered, 2 correct"
    watched.clean()


@pytest.mark.browser
def test_a_retry_works_from_the_disk_and_plain_links_show_the_saved_answer(browser: object, guide_site: Path) -> None:
    site = guide_site / "site"
    practice, review = (site / "quiz" / "sources.html").as_uri(), (site / "quiz" / "review.html").as_uri()
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(practice)
        question = _questions(page).nth(0)
        dom = question.get_attribute("id")
        _answer_and_check(question, _wrong(question))

        page.goto(review)
        link = page.locator(".quiz-review-list a").first
        assert link.get_attribute("href") == _retry_href("../quiz/sources.html", dom)
        link.click()
        page.wait_for_url(f"{practice}#{dom}")
        _assert_clean(page.locator(f"[id='{dom}']"))

        page.goto(review)
        page.goto(f"{practice}#{dom}")  # an old-style link, without the marker: the question as saved
        target = page.locator(f"[id='{dom}']")
        assert target.locator(".quiz-feedback").inner_text().startswith("✗ Not correct")
        assert target.locator("input:checked").count() == 1
        assert errors == []
    finally:
        page.close()


@pytest.mark.browser
def test_the_answer_is_marked_among_the_options_and_said_once(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(_first_set(page, server))
    right, wrong, third = _questions(page).nth(0), _questions(page).nth(1), _questions(page).nth(2)
    third.locator("details.quiz-answer summary").click()  # peeking before answering: the answer line is there
    assert third.locator(".quiz-key-line").is_visible()
    assert _marks(right) == [] and _marks(wrong) == []

    right_key = _right(right)
    _answer_and_check(right, right_key)
    assert right.locator(".quiz-feedback").inner_text() == "✓ Correct"
    assert _marks(right) == [(right_key, "✓ Correct answer")]
    assert right.locator("li.quiz-option--key input").get_attribute("value") == str(right_key)

    key, choice = _right(wrong), _wrong(wrong)
    labels = wrong.locator("ul.quiz-options label").all_text_contents()
    _answer_and_check(wrong, choice)
    assert wrong.locator(".quiz-feedback").inner_text() == f"✗ Not correct: the answer is ({'abcde'[key]})"
    assert _marks(wrong) == sorted([(key, "✓ Correct answer"), (choice, "✗ Your answer")])
    assert wrong.locator("li.quiz-option--wrong input").get_attribute("value") == str(choice)
    assert wrong.locator(".quiz-key-line").is_hidden()  # the feedback and the marked option say it: not a third time
    mark = re.compile(r"✓ Correct answer$")  # the signs are words in the label: screen readers hear them
    assert wrong.get_by_role("radio", name=mark).get_attribute("value") == str(key)

    _answer_and_check(wrong, key)  # a new answer replaces the marks, leaving nothing behind
    assert _marks(wrong) == [(key, "✓ Correct answer")]
    assert wrong.locator("li.quiz-option--wrong").count() == 0
    assert wrong.locator("ul.quiz-options label").nth(choice).text_content() == labels[choice]
    page.reload()
    assert _marks(page.locator(f"[id='{wrong.get_attribute('id')}']")) == [(key, "✓ Correct answer")]
    watched.clean()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marks_and_feedback_are_legible_in_both_schemes(server: str, watched: Watched, scheme: str) -> None:
    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = watched.page
    page.emulate_media(color_scheme=scheme)
    page.goto(_first_set(page, server))
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    right, wrong = _questions(page).nth(0), _questions(page).nth(1)
    _answer_and_check(right, _right(right))
    _answer_and_check(wrong, _wrong(wrong))
    page.mouse.move(0, 0)  # no hover tint
    options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations", "passes"]}
    result = axe_sync.Axe().run(page, context=".quiz", options=options).response
    assert [n["html"] for v in result["violations"] for n in v["nodes"]] == []
    passed = " ".join(n["html"] for v in result["passes"] for n in v["nodes"])
    for cls in ("quiz-mark--key", "quiz-mark--wrong", "quiz-feedback", "quiz-page-score"):
        assert cls in passed, f"axe did not check .{cls}"
    watched.clean()


@pytest.mark.browser
def test_practice_pages_keep_a_running_score(server: str, watched: Watched) -> None:
    page = watched.page
    dialogs: list[str] = []
    _accept_dialogs(page, dialogs)
    practice_url = _first_set(page, server)
    page.goto(practice_url)
    total = _questions(page).count()
    score = page.locator(".quiz-page-score")
    assert score.get_attribute("role") == "status" and score.get_attribute("aria-live") == "polite"
    assert _score(page) == f"On this page: 0 of {total} answered, 0 correct"

    first, second, third = _questions(page).nth(0), _questions(page).nth(1), _questions(page).nth(2)
    _answer_and_check(first, _right(first))
    assert _score(page) == f"On this page: 1 of {total} answered, 1 correct"
    _answer_and_check(second, _wrong(second))
    assert _score(page) == f"On this page: 2 of {total} answered, 1 correct"
    _answer(third, 0)  # chosen but not checked: not answered yet
    assert _score(page) == f"On this page: 2 of {total} answered, 1 correct"
    _answer_and_check(second, _right(second))  # a new answer replaces the old one
    assert _score(page) == f"On this page: 2 of {total} answered, 2 correct"

    page.reload()
    assert _score(page) == f"On this page: 2 of {total} answered, 2 correct"
    page.goto(server + "/quiz/index.html")
    page.get_by_role("button", name="Reset my progress").click()
    assert dialogs and "Delete" in dialogs[-1]
    page.go_back()  # the page may come from the back/forward cache: it shows what is saved now
    assert _score(page) == f"On this page: 0 of {total} answered, 0 correct"
    page.goto(practice_url)
    assert _score(page) == f"On this page: 0 of {total} answered, 0 correct"
    watched.clean()


# --- the mock exam --------------------------------------------------------------------------------------


@pytest.mark.browser
def test_practice_works_from_the_keyboard(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(_first_set(page, server))
    question = _questions(page).nth(0)
    question.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # native radio group: arrows move the choice
    assert question.locator("input:checked").get_attribute("value") == "1"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert re.match("(✓ Correct|✗ Not correct)", question.locator(".quiz-feedback").inner_text())
    watched.clean()


@pytest.mark.browser
def test_mock_exam_marks_with_upsc_rules(server: str, watched: Watched) -> None:
    page = watched.page
    dialogs: list[str] = []
    _accept_dialogs(page, dialogs)
    page.goto(server + "/quiz/mock.html")
    assert _questions(page).count() == 0  # the questions wait for Start
    page.get_by_role("button", name=re.compile(r"^Start the test")).click()
    assert re.fullmatch(r"Time left: \d+:\d\d", page.locator("[role=timer]").inner_text())
    total = int(page.locator(".quiz[data-mode=exam]").get_attribute("data-size"))
    assert total >= 6

    right = wrong = 0
    ids = []
    for n in range(total):  # one question at a time, as on the exam platforms (tests/test_mock_browser.py)
        shown = _questions(page)
        assert shown.count() == 1
        ids.append(shown.get_attribute("id"))
        question = page.locator(f"[id='{ids[-1]}']")
        assert question.locator("details.quiz-answer").is_hidden()
        if n % 3 == 0:
            _answer(question, _right_shown(question))
            right += 1
        elif n % 3 == 1:
            _answer(question, _wrong_shown(question))
            wrong += 1
        if n < total - 1:
            page.get_by_role("button", name="Next →").click()
    assert page.get_by_role("button", name="Check").count() == 0  # no feedback before submitting
    page.get_by_role("button", name="Submit answers").click()
    blank = total - right - wrong
    assert dialogs == [f"{blank} of {total} questions are unanswered. Submit anyway?"]

    summary = page.locator(".quiz-summary")
    expected = f"{(200 * right - 66 * wrong) / 100:.2f}".replace("-", "\N{MINUS SIGN}")
    assert f"Net score: {expected} out of {2 * total}" in summary.inner_text()
    assert f"Correct: {right} " in summary.inner_text()
    assert f"Wrong: {wrong} " in summary.inner_text()
    assert f"Blank: {blank}" in summary.inner_text()
    assert f"Attempted: {right + wrong} of {total}" in summary.inner_text()
    assert f"Accuracy: {round(100 * right / (right + wrong))}% of attempted" in summary.inner_text()
    assert summary.evaluate("el => el === document.activeElement")
    questions = [page.locator(f"[id='{i}']") for i in ids]
    assert _questions(page).evaluate_all("fs => fs.map(f => f.id)") == ids  # all shown, in the test's order
    assert all(q.locator("details.quiz-answer").is_visible() for q in questions)
    assert questions[1].locator(".quiz-feedback").inner_text().startswith("✗ Not correct")
    assert questions[2].locator(".quiz-feedback").inner_text().startswith("\N{EN DASH} Not answered")
    keys = [_right_shown(q) for q in questions[:3]]  # options are shuffled: marks are by position as shown
    assert _marks(questions[0]) == [(keys[0], "✓ Correct answer")]
    wrong_mark = (_wrong_shown(questions[1]), "✗ Your answer")
    assert _marks(questions[1]) == sorted([(keys[1], "✓ Correct answer"), wrong_mark])
    assert _marks(questions[2]) == [(keys[2], "✓ Correct answer")]  # a blank: the answer is marked all the same
    letter = "abcde"[keys[1]]
    assert questions[1].locator(".quiz-feedback").inner_text() == f"✗ Not correct: the answer is ({letter})"
    assert questions[0].locator("input").first.is_disabled()
    saved = _saved(page)["answers"]
    assert len(saved) == right + wrong  # blanks are not saved as answers
    page.get_by_role("button", name="Take the test again").click()
    assert page.locator(".quiz .quiz-mark").count() == 0
    assert page.locator(".quiz .quiz-option--key").count() == 0
    watched.clean()


def _right_shown(question: Any) -> int:
    """The position, as shown, of the right option (the mock test shuffles options)."""
    values = question.locator("input[type=radio]").evaluate_all("rs => rs.map(r => +r.value)")
    return int(values.index(_right(question)))


def _wrong_shown(question: Any) -> int:
    return 1 if _right_shown(question) == 0 else 0


@pytest.mark.browser
def test_mock_exam_submits_itself_when_time_is_up(server: str, watched: Watched) -> None:
    page = watched.page
    page.clock.install()
    page.goto(server + "/quiz/mock.html")
    minutes = int(page.locator(".quiz[data-mode=exam]").get_attribute("data-minutes"))
    page.get_by_role("button", name=re.compile(r"^Start the test")).click()
    assert page.locator("[role=timer]").inner_text() == f"Time left: {minutes}:00"
    first = _questions(page).nth(0)
    _answer(first, _right_shown(first))
    page.clock.run_for(61_000)
    assert page.locator("[role=timer]").inner_text() == f"Time left: {minutes - 2}:59"
    size = page.locator(".quiz[data-mode=exam]").get_attribute("data-size")
    assert page.locator(".quiz-count").inner_text() == f"Answered: 1 of {size}"
    page.clock.run_for((minutes - 6) * 60_000)
    assert page.locator("[role=timer]").inner_text() == "Time left: 4:59"
    assert page.locator(".quiz-bar [aria-live=polite]").inner_text() == "5 minutes left"
    page.clock.run_for(5 * 60_000)
    summary = page.locator(".quiz-summary")
    assert "Time is up" in summary.inner_text()
    assert "Net score: 2.00 out of" in summary.inner_text()
    assert "Accuracy: 100% of attempted" in summary.inner_text()
    watched.clean()


# --- instant navigation, no JavaScript, print, mains ----------------------------------------------------


def _serve_sitemap(page: Any, server: str, site: Path) -> None:
    """Material's instant navigation only takes over links listed in sitemap.xml, which MkDocs leaves empty
    without `site_url`, and matches them without the port: list every page as a deployed site would."""
    urls = [f"{server}/{p.relative_to(site).as_posix()}" for p in site.rglob("*.html")]
    body = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=xml, content_type="application/xml"))


def _nav_link(page: Any, text: str) -> Any:
    """A visible link of the site's navigation: a tab (navigation.tabs on a wide window) or in the sidebar."""
    links = "a.md-tabs__link:visible, .md-sidebar--primary a.md-nav__link:visible"
    return page.locator(links, has_text=text).first


@pytest.mark.browser
def test_quiz_survives_instant_navigation(server: str, watched: Watched, guide_site: Path) -> None:
    page = watched.page
    _serve_sitemap(page, server, guide_site / "site")
    practice_url = _first_set(page, server)
    page.goto(practice_url)
    page.wait_for_load_state("networkidle")  # the sitemap is in
    page.evaluate("window.__sameDocument = true")
    _nav_link(page, "Timeline").click()
    page.wait_for_url("**/timeline.html")
    page.locator("article h1", has_text="Timeline").wait_for()
    _nav_link(page, "Quiz").click()
    page.wait_for_url("**/quiz/index.html")
    page.locator("article table a").first.click()
    page.wait_for_url(practice_url)
    question = _questions(page).nth(0)
    question.locator(".quiz-actions").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the clicks were not instant navigation"
    assert question.locator(".quiz-actions").count() == 1
    _answer_and_check(question, _wrong(question))
    assert question.locator(".quiz-feedback").inner_text().startswith("✗ Not correct")
    watched.clean()


@pytest.mark.browser
def test_without_javascript_every_answer_is_readable(browser: object, server: str) -> None:
    page = browser.new_page(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page.goto(server + "/quiz/mock.html")
        question = page.locator("fieldset.quiz-q").first
        assert question.is_visible()
        question.locator("details.quiz-answer summary").click()
        assert question.locator(".quiz-key-line").inner_text().startswith("Answer: (")
        assert page.locator(".quiz-nojs").is_visible()
        page.goto(server + "/quiz/review.html")
        assert page.locator(".quiz-nojs").is_visible()
        assert "needs JavaScript" in page.locator(".quiz-nojs").inner_text()
        assert page.locator(".quiz-nojs a").count() >= 1  # the practice sets
    finally:
        page.close()


@pytest.mark.browser
def test_print_view_hides_inputs_and_shows_the_answer_key(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(_first_set(page, server))
    assert page.locator(".quiz-key").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".quiz-key").is_visible()
    assert page.locator(".quiz-key li").first.is_visible()
    total = page.locator("fieldset.quiz-q").count()
    assert page.locator(".quiz-key li").count() == total
    assert page.locator("fieldset.quiz-q input").first.is_hidden()
    assert page.locator("fieldset.quiz-q button").first.is_hidden()
    assert page.locator("details.quiz-answer").first.is_hidden()
    watched.clean()


@pytest.mark.browser
def test_mains_checklist_ticks_are_saved(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/quiz/written.html")
    prompt = page.locator(".quiz-mains").first
    assert prompt.count(), "the fixture guide has written-answer prompts"
    boxes = prompt.locator("input[type=checkbox]")
    prompt.locator("textarea").fill(" ".join(["word"] * 30))  # the key points are shown once an answer is written
    prompt.get_by_role("button", name="Show the key points and model outline").click()
    prompt.locator(".quiz-checklist label").nth(1).click()
    assert prompt.locator(".quiz-tally").inner_text() == f"1 of {boxes.count()} key points covered"
    page.reload()
    assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked()
    assert prompt.locator("details.quiz-outline li").first.is_visible()  # revealed stays revealed
    watched.clean()


# --- the built HTML, without a browser ------------------------------------------------------------------


def _quiz_pages(site: Path) -> list[Path]:
    return sorted((site / "quiz").rglob("*.html"))


@pytest.mark.site
def test_quiz_pages_stay_out_of_the_search_index(guide_site: Path) -> None:
    corpus = load_corpus(guide_site / "content")
    bank = build_bank(corpus, analyse(corpus))
    index = search_entries(guide_site / "site")
    assert index, "the search index is empty"
    assert [d["location"] for d in index if d["location"].startswith("quiz")] == []
    text = " ".join(" ".join(BeautifulSoup(d["text"], "html.parser").get_text(" ").split()) for d in index)
    leaked = [q.id for q in bank if " ".join(q.explanation.split()) in text]
    assert leaked == []
    assert len(_quiz_pages(guide_site / "site")) >= 5


@pytest.mark.site
def test_links_in_quiz_pages_resolve(guide_site: Path) -> None:
    site = guide_site / "site"
    checked = 0
    for page in _quiz_pages(site):
        base = "http://site/" + page.relative_to(site).as_posix()
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article a[href]"):
            url = urlparse(urljoin(base, str(a["href"])))
            if url.netloc != "site":
                continue
            target = site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            assert target.is_file(), f"{page}: {a['href']} leads nowhere"
            if url.fragment and target.suffix == ".html":
                html = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert html.find(id=url.fragment), f"{page}: {a['href']} has no anchor {url.fragment}"
            checked += 1
    assert checked > 100


def _markdown_to_html(text: str) -> str:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    configs = {next(iter(e)): e[next(iter(e))] for e in config["markdown_extensions"] if isinstance(e, dict)}
    body = text.split("---\n", 2)[2]  # front matter off
    return markdown.markdown(body, extensions=names, extension_configs=configs)


def _render_quiz(corpus: Corpus, bank: tuple[Question, ...]) -> dict[str, str]:
    """The quiz pages' Markdown, rendered as plan_site renders them."""
    analysis = analyse(corpus)
    pages: dict[str, str] = {}

    def add(path: str, template: str, **context: Any) -> None:
        shared = {"corpus": corpus, "analysis": analysis, "source_path": source_path, "actor_path": actor_path}
        pages[path] = render_page(template, path, **shared, **context)

    add_quiz_pages(add, corpus, analysis, bank)
    return pages


def test_hostile_question_text_is_shown_literally() -> None:
    corpus = load_corpus(GUIDE)
    real = build_bank(corpus, analyse(corpus))[0]
    hostile = "<script>alert(1)</script> *x* [a](b) & `c` {: .x } <b>"
    question = Question(
        "hostile.q", "formats", "authored", hostile, (hostile, hostile), hostile, (hostile, "plain"), 1,
        f"{hostile}\n\n{hostile}", real.citations,
    )  # fmt: skip
    pages = _render_quiz(corpus, (question,))
    assert mock_test((question,), 25) == (question,)
    assert "<fieldset" not in pages["quiz/review.md"]
    for path in ("quiz/formats.md", "quiz/mock.md"):
        soup = BeautifulSoup(_markdown_to_html(pages[path]), "html.parser")
        assert not soup.find("script") and not soup.find("b") and not soup.find("em")
        fieldset = soup.select_one("fieldset.quiz-q")
        assert fieldset is not None
        legend = fieldset.legend.get_text() if fieldset.legend else ""
        assert legend.endswith(hostile), legend
        assert [li.get_text() for li in fieldset.select(".quiz-statements li")] == [hostile, hostile]
        assert fieldset.select_one(".quiz-ask").get_text() == hostile  # type: ignore[union-attr]
        assert fieldset.select("label")[0].get_text() == f"(a) {hostile}"
        assert [p.get_text() for p in fieldset.select("details > p")][1:3] == [hostile, hostile]
        assert "\\" not in fieldset.get_text()


def test_quiz_pages_render_with_no_questions() -> None:
    pages = _render_quiz(load_corpus(GUIDE), ())
    assert sorted(pages) == ["quiz/due.md", "quiz/index.md", "quiz/mock.md", "quiz/review.md", "quiz/written.md"]
    assert "No questions yet" in pages["quiz/mock.md"]
    assert all(page.startswith("---\nsearch:\n  exclude: true\n---\n") for page in pages.values())


def _fake_bank(real: Question, count: int) -> tuple[Question, ...]:
    def fake(n: int) -> Question:
        return Question(
            f"fake.{n}", "sources", "authored", f"Fake question {n}?", (), None, ("yes", "no"), n % 2, "Because.",
            real.citations,
        )  # fmt: skip

    return tuple(fake(n) for n in range(1, count + 1))


def test_practice_sets_are_paginated_and_review_does_not_grow() -> None:
    corpus = load_corpus(GUIDE)
    real = build_bank(corpus, analyse(corpus))[0]
    pages = _render_quiz(corpus, _fake_bank(real, 120))
    practice = sorted((p for p in pages if p.startswith("quiz/sources")), key=len)
    assert practice == ["quiz/sources.md", "quiz/sources-2.md", "quiz/sources-3.md"]
    numbers: list[int] = []
    for n, path in enumerate(practice, 1):
        text = pages[path]
        assert text.startswith("---\nsearch:\n  exclude: true\n---\n")
        soup = BeautifulSoup(_markdown_to_html(text), "html.parser")
        questions = soup.select("fieldset.quiz-q")
        assert 0 < len(questions) <= PAGE_SIZE
        shown = [int(q.select_one(".quiz-n").get_text().split()[1].rstrip(".")) for q in questions]  # type: ignore[union-attr]
        numbers += shown
        assert [q["data-qid"] for q in questions] == [f"fake.{i}" for i in shown]
        assert f"Page {n} of 3" in soup.select_one("nav.quiz-pages").get_text()  # type: ignore[union-attr]
        root = soup.select_one(".quiz[data-mode=practice]")
        assert root is not None and (root["data-page"], root["data-root"]) == (path[:-3] + ".html", "../")
        key = soup.select_one(".quiz-key ol")
        assert key is not None and int(str(key.get("start", "1"))) == shown[0]
        assert len(key.select("li")) == len(questions)
        links = {a.get_text(): a["href"] for a in soup.select("nav.quiz-pages a")}
        if n > 1:
            assert links["Previous page"] == posixpath.basename(practice[n - 2])[:-3] + ".html"
        if n < 3:
            assert links["Next page"] == posixpath.basename(practice[n])[:-3] + ".html"
    assert numbers == list(range(1, 121))  # numbering continues across pages
    index = pages["quiz/index.md"]
    assert "| [Who said what](sources.md) | 120 | 3 |" in index

    small = _render_quiz(corpus, _fake_bank(real, 10))
    assert "quiz/sources-2.md" not in small
    assert BeautifulSoup(_markdown_to_html(small["quiz/sources.md"]), "html.parser").select("nav") == []
    assert len(small["quiz/review.md"]) == len(pages["quiz/review.md"])


def test_long_sets_get_compact_page_navigation() -> None:
    corpus = load_corpus(GUIDE)
    real = build_bank(corpus, analyse(corpus))[0]
    pages = _render_quiz(corpus, _fake_bank(real, 20 * PAGE_SIZE))
    assert len([p for p in pages if p.startswith("quiz/sources")]) == 20
    soup = BeautifulSoup(_markdown_to_html(pages["quiz/sources-10.md"]), "html.parser")
    nav = soup.select_one("nav.quiz-pages")
    assert nav is not None and "Page 10 of 20" in nav.get_text()
    items = [li.get_text() for li in nav.select("li")]
    assert items == [
        "First page",
        "Previous page",
        "1",
        "…",
        "8",
        "9",
        "10",
        "11",
        "12",
        "…",
        "20",
        "Next page",
        "Last page",
    ]
    assert nav.select_one("[aria-current=page]").get_text() == "10"  # type: ignore[union-attr]
    mock = BeautifulSoup(_markdown_to_html(pages["quiz/mock.md"]), "html.parser")
    homes = {q["data-home"] for q in mock.select("fieldset.quiz-q")}
    assert homes and all(re.fullmatch(r"quiz/sources(-\d+)?\.html", str(h)) for h in homes)
