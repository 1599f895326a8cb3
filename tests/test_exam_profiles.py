"""Exam profiles (builder/exams.py): the shipped presets, a guide's own parts laid over them, and the quiz pages and
mock test that follow them. The browser tests build the council fixture guide (tests/fixtures/council, another
story, no exam named) with each preset and with its own marking, through the CLI and the real engine, and take a
mock test in Chromium: one right answer, one wrong, the rest blank."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from builder.exams import PRESET_DIR, fraction_text, preset
from builder.model import PRESETS, ExamSettings, Guide
from builder.render_quiz import signed, written_minutes

from .conftest import ENGINE, GUIDE, ROOT, make_project, run_builder
from .test_browser import Watched, browser, serving, watched

FIXTURES = (browser, watched)
COUNCIL = ROOT / "tests" / "fixtures" / "council"
MINUS = "\N{MINUS SIGN}"


def _guide(**exam: Any) -> Guide:
    return Guide(title="T", summary="S", sides=[{"id": "a", "label": "A"}], **exam)


def test_every_shipped_preset_is_a_complete_profile() -> None:
    assert sorted(p.stem for p in PRESET_DIR.glob("*.yaml")) == sorted(PRESETS)
    upsc, plain = preset("upsc"), preset("plain")
    assert (upsc.marking.right, upsc.marking.wrong, upsc.marking.blank) == (2, -0.66, 0)
    assert (plain.marking.right, plain.marking.wrong, plain.marking.blank) == (1, 0, 0)
    assert upsc.written is not None and plain.written is None
    assert "mcq" in upsc.formats and "mcq" in plain.formats


def test_a_guide_without_exam_gets_the_plain_preset_and_a_name_is_short_for_it() -> None:
    assert _guide().exam_profile == preset("plain")
    assert _guide(exam="upsc").exam_profile == preset("upsc")


def test_a_guide_replaces_whole_parts_of_its_preset_and_keeps_the_rest() -> None:
    profile = _guide(exam={"preset": "upsc", "marking": {"right": 4, "wrong": -1}, "written": None}).exam_profile
    assert (profile.marking.right, profile.marking.wrong, profile.marking.blank) == (4, -1, 0)
    assert profile.marking.name is None  # the part is replaced as a whole: UPSC's name does not stay
    assert profile.written is None  # null switches written answers off
    assert profile.mock == preset("upsc").mock and profile.sets == preset("upsc").sets


@pytest.mark.parametrize(
    ("exam", "error"),
    [
        ({"preset": "upsk"}, "'upsc' or 'plain'"),
        ({"formats": ["statements"]}, "must include mcq"),
        ({"marking": {"right": 1, "wrong": 0.5}}, "less than or equal to 0"),
        ({"marking": {"right": 1, "wrong": -1, "blank": 1}}, "must score less than a right answer"),
        ({"mock": {"questions": 2, "minutes_per_question": 1}}, "greater than or equal to 5"),
    ],
)
def test_a_profile_that_cannot_work_is_refused(exam: dict[str, Any], error: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(error)):
        ExamSettings.model_validate(exam)


def test_marks_and_fractions_are_written_as_a_paper_prints_them() -> None:
    assert [signed(x) for x in (2, 0.5, 0, -0.66, -1)] == ["+2", "+0.5", "0", f"{MINUS}0.66", f"{MINUS}1"]
    assert [fraction_text(w, r) for w, r in ((0.66, 2), (1, 4), (1, 2), (0.3, 1))] == [
        "a third",
        "a quarter",
        "half",
        "30%",
    ]
    assert written_minutes(150, 22) == 7 and written_minutes(250, 22) == 11 and written_minutes(10, 22) == 1


# --- the council guide built with each profile ---------------------------------------------------------------

PROFILES = {  # id -> (exam: in guide.yaml, marks for right / wrong / blank as the page prints them)
    "plain": ("plain", ("+1", "0", "0")),
    "upsc": ("upsc", ("+2", f"{MINUS}0.66", "0")),
    "own": ("{preset: plain, marking: {right: 4, wrong: -1}, mock: {questions: 5, minutes_per_question: 2}}", None),
}


@pytest.fixture(scope="module", params=sorted(PROFILES))
def profile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The council guide with `exam:` set to a profile, built through the CLI with the real engine and served."""
    name = str(request.param)
    project = make_project(tmp_path_factory.mktemp(f"exam-{name}"), GUIDE)
    shutil.copytree(COUNCIL, project / "council")
    with (project / "council" / "guide.yaml").open("a", encoding="utf-8") as guide:
        guide.write(f"exam: {PROFILES[name][0]}\n")
    site = project / "council-site"
    result = run_builder(project, "--content", "council", "site", "--site", str(site), "--engine", ENGINE)
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(site) as url:
        yield name, site, url


@pytest.mark.site
def test_the_quiz_pages_follow_the_profile(profile_site: Any) -> None:
    name, site, _ = profile_site
    overview = (site / "quiz" / "index.html").read_text(encoding="utf-8")
    mock = (site / "quiz" / "mock.html").read_text(encoding="utf-8")
    written = site / "quiz" / "written.html"
    if name == "upsc":
        assert "Practise for the UPSC prelims and mains" in overview and "UPSC prelims formats" in overview
        assert "marked as in the UPSC prelims" in mock and "a guess costs a third of a question" in mock
        assert written.is_file() and "Mains practice" in overview
    else:
        assert "UPSC" not in overview + mock and "Mains" not in overview and not written.exists()
        assert "written.html" not in overview
    if name == "plain":
        assert "so a guess costs nothing when it is wrong" in mock
    if name == "own":
        assert 'data-mark-right="4.0" data-mark-wrong="-1.0" data-mark-blank="0.0"' in mock
        assert "a guess costs a quarter of a question" in mock
        assert re.search(r"5 questions in 10 minutes", mock)


@pytest.mark.browser
def test_the_mock_test_is_marked_by_the_profile(profile_site: Any, watched: Watched) -> None:
    name, _, url = profile_site
    page = watched.page
    page.on("dialog", lambda dialog: dialog.accept())  # "N questions are unanswered. Submit anyway?"
    page.goto(url + "/quiz/mock.html")
    root = page.locator(".quiz[data-mode=exam]")
    size = int(root.get_attribute("data-size"))  # the fixed set's length: every attempt draws as many
    right, wrong, blank = (float(root.get_attribute(f"data-mark-{k}")) for k in ("right", "wrong", "blank"))
    page.get_by_role("button", name=re.compile(r"^Start the test")).click()
    for answer_right in (True, False):
        shown = page.locator("fieldset.quiz-q:visible")
        key = int(shown.get_attribute("data-answer"))
        value = key if answer_right else (1 if key == 0 else 0)
        shown.locator(f"label[for='{shown.get_attribute('id')}-{'abcde'[value]}']").click()
        page.get_by_role("button", name="Next →").click()
    page.get_by_role("button", name="Submit answers").click()
    summary = page.locator(".quiz-summary").inner_text()
    assert f"Attempted: 2 of {size}" in summary
    net = right + wrong + (size - 2) * blank
    shown_net = f"{abs(net):.2f}"
    assert f"Net score: {MINUS if net < 0 else ''}{shown_net} out of {right * size:g}" in summary, summary
    printed = PROFILES[name][1] or ("+4", f"{MINUS}1", "0")
    assert f"Correct: 1 ({printed[0]})" in summary and f"Wrong: 1 ({printed[1]})" in summary
    assert f"Blank: {size - 2} ({printed[2]})" in summary
    watched.clean()


def test_the_readmes_example_profile_is_valid() -> None:
    found = re.search(r"```yaml\n(exam:.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert found, "README: the example of an exam profile with its parts replaced"
    profile = _guide(**yaml.safe_load(found.group(1))).exam_profile
    assert (profile.marking.right, profile.marking.wrong, profile.written) == (4, -1, None)
