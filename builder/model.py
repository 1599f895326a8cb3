"""The content model: what an author writes in `content/`, as frozen pydantic models.

Every model rejects unknown keys and documents each field, so `python -m builder schema` can give editors a
JSON Schema that completes and checks the YAML as it is typed.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from builder import dates

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "Citation",
    "Claim",
    "EdtfDate",
    "Event",
    "EventReport",
    "ExamProfile",
    "ExamSettings",
    "GlossaryTerm",
    "Guide",
    "Quiz",
    "QuizQuestion",
    "Side",
    "Topic",
    "WrittenPractice",
    "WrittenPrompt",
]

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TOPIC_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$"
EDTF_HELP = (
    "an EDTF date in quotes, such as '2024-04-20' (day), '2024-04' (month), '2024-04~' (approximate), "
    "'2023-22' (summer 2023), '2024-12-18/2024-12-19' (interval)"
)


def _check_edtf(value: str) -> str:
    if not dates.is_valid(value):
        raise ValueError(f"'{value}' is not {EDTF_HELP}")
    if "/" in value:  # an interval: its end may not come before its start
        first, last = value.split("/", 1)
        if first not in ("", "..") and last not in ("", "..") and dates.bounds(last)[1] < dates.bounds(first)[0]:
            raise ValueError(f"'{value}' ends before it starts: write an interval as start/end, earliest first")
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
TopicId = Annotated[str, StringConstraints(pattern=TOPIC_SLUG, max_length=120)]
Term = Annotated[str, StringConstraints(pattern=r"^[^\[\]\\\n]+$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# Text the theme writes into the page head and header without escaping it (site name, description): plain text only.
HeadText = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r'^[^<>"&]+$')]


def _head_text(text: str) -> str:
    """`text` without <, >, " and & (which the theme would write into the page unescaped), spaces collapsed."""
    return " ".join(re.sub(r'[<>"&]', " ", text).split()) or "Story guide"


EdtfDate = Annotated[
    str,
    AfterValidator(_check_edtf),
    Field(description=f"A date as {EDTF_HELP}.", examples=["2024-12-20", "2024-04~", "2023-22"]),
]


class Content(BaseModel):
    """Base of every content model: immutable, strict about keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True)


class Side(Content):
    """A side in the story (a party to the conflict or an onlooker), used to group actors."""

    id: Slug = Field(description="Short id used by actors' `side`, for example `russia`.")
    label: Line = Field(description="Name shown to readers, for example 'Russia'.")


THEMES = ("sources", "timeline", "actors", "terms", "formats")
Theme = Literal["sources", "timeline", "actors", "terms", "formats"]
QuestionFormat = Literal["mcq", "statements", "how-many", "pairs", "assertion-reason"]
# What an exam profile may offer: the authored formats, and "order" (a sequence of numbered events, generated).
OfferedFormat = Literal["mcq", "statements", "how-many", "pairs", "assertion-reason", "order"]
PRESETS = ("upsc", "plain")  # exam profiles shipped in builder/exams/<name>.yaml
Preset = Literal["upsc", "plain"]
Marks = Annotated[float, Field(ge=-100, le=100)]


def _with_mcq(formats: list[str]) -> list[str]:
    if "mcq" not in formats:
        raise ValueError("must include mcq: most generated questions are single-answer questions")
    return formats


Formats = Annotated[list[OfferedFormat], Field(min_length=1), AfterValidator(_with_mcq)]


class Marking(Content):
    """How a mock test is marked."""

    right: Annotated[float, Field(gt=0, le=100)] = Field(description="Marks for a right answer, such as 2.")
    wrong: Annotated[float, Field(ge=-100, le=0)] = Field(
        description="Marks for a wrong answer: 0, or a negative number for a penalty, such as -0.25."
    )
    blank: Marks = Field(default=0, description="Marks for a question left blank (default 0).")
    name: Line | None = Field(
        default=None, description="The exam or paper whose marking this is, as in 'marked as in NAME' (none: 'marked')."
    )

    @model_validator(mode="after")
    def _blank_between(self) -> Marking:
        if not self.wrong <= self.blank < self.right:
            raise ValueError(
                f"a blank ({self.blank}) must score less than a right answer ({self.right}) and no less than a wrong "
                f"one ({self.wrong})"
            )
        return self


class MockSettings(Content):
    """The mock test: how long it is and how much time it gives."""

    questions: Annotated[int, Field(ge=5, le=200)] = Field(
        description="Questions in one attempt (fewer when the bank is smaller)."
    )
    minutes_per_question: Annotated[float, Field(gt=0, le=10)] = Field(
        description="Time allowed per question, in minutes: the test's duration is this times its length."
    )


class SetNames(Content):
    """The titles of the practice sets."""

    sources: Line = Field(description="Questions on what a named source says, where sources differ.")
    timeline: Line = Field(description="Questions on the order and dates of events.")
    actors: Line = Field(description="Questions on the actors and their roles.")
    terms: Line = Field(description="Questions on the glossary's terms.")
    formats: Line = Field(description="Questions in the exam's own formats (statements, pairs, how many...).")


class WrittenPractice(Content):
    """Written-answer practice: prompts with a word limit, a timer, key points and a model outline."""

    title: Line = Field(description="Title of the page and its link, for example 'Written answers'.")
    intro: Text = Field(description="The page's first sentence, for example 'Questions in the style of ...'.")
    papers: list[Line] = Field(
        default_factory=list, description="Papers a prompt may name (`paper:` in quiz.yaml); empty: none."
    )
    marks: list[Annotated[int, Field(ge=1, le=1000)]] = Field(
        min_length=1, description="Marks a prompt may carry (`marks:` in quiz.yaml)."
    )
    max_words: Annotated[int, Field(ge=50, le=5000)] = Field(description="The longest word limit a prompt may set.")
    words_per_minute: Annotated[float, Field(gt=0, le=100)] = Field(
        description="The exam's writing pace: a prompt's time is its word limit divided by this."
    )
    directives: dict[Line, Line] = Field(
        min_length=1,
        description="The directive words a prompt may open with, each with what it asks the answer to do.",
    )


class ExamProfile(Content):
    """How a guide's quiz is run: a preset (builder/exams/<name>.yaml), with the guide's own settings on top."""

    name: Line = Field(description="The exam or the kind of quiz, as the quiz pages name it.")
    practise_for: Line | None = Field(
        default=None,
        description="What the quiz prepares for, as in 'Practise for WHAT with questions on the story' (none: "
        "'Practise with questions ...').",
    )
    marking: Marking = Field(description="How the mock test is marked.")
    mock: MockSettings = Field(description="The mock test's length and time.")
    formats: Formats = Field(
        description="Question formats offered: mcq always, and any of statements, how-many, pairs, "
        "assertion-reason, order. Generated questions of other formats are left out; authored ones are refused.",
    )
    sets: SetNames = Field(description="The titles of the practice sets.")
    written: WrittenPractice | None = Field(
        default=None, description="Written-answer practice, or null for none (then quiz.yaml has no `written`)."
    )


class ExamSettings(Content):
    """`exam:` in guide.yaml: a preset, and any of its parts replaced (each part as a whole)."""

    preset: Preset = Field(
        default="plain",
        description="The profile to start from: one of the presets in builder/exams/ ('upsc' or 'plain'; the README "
        "lists what each sets).",
    )
    name: Line | None = Field(default=None, description="Replaces the preset's name.")
    practise_for: Line | None = Field(default=None, description="Replaces what the quiz prepares for.")
    marking: Marking | None = Field(default=None, description="Replaces the preset's marking.")
    mock: MockSettings | None = Field(default=None, description="Replaces the mock test's length and time.")
    formats: Formats | None = Field(default=None, description="Replaces the formats offered.")
    sets: SetNames | None = Field(default=None, description="Replaces the practice sets' titles.")
    written: WrittenPractice | None = Field(
        default=None, description="Replaces written-answer practice; null switches it off."
    )

    @property
    def profile(self) -> ExamProfile:
        """The preset with the parts this setting gives laid over it, checked as a whole."""
        from builder.exams import preset

        base = preset(self.preset).model_dump()
        base.update(self.model_dump(include=self.model_fields_set - {"preset"}))
        return ExamProfile.model_validate(base)


def _preset_name(value: object) -> object:
    """`exam: upsc` is short for `exam: {preset: upsc}`."""
    return {"preset": value} if isinstance(value, str) else value


class Guide(Content):
    """`content/guide.yaml`: the guide as a whole."""

    title: Line = Field(description="Title of the guide, shown on the home page and in the browser tab.")
    subtitle: Line | None = Field(default=None, description="One line under the title.")
    summary: Text = Field(description="What happened, in a short paragraph, told neutrally.")
    audience: Line | None = Field(
        default=None, description="Who the guide is for, for example 'Students of international relations'."
    )
    study_tips: list[Line] = Field(default_factory=list, description="How to study with this guide, one tip each.")
    sides: list[Side] = Field(min_length=1, description="The sides actors can belong to.")
    site_name: HeadText | None = Field(
        default=None,
        description="The published site's name, in the header and the browser tab (default: the title), as plain "
        'text without <, >, " or & (the theme writes it into the page as it is).',
    )
    description: HeadText | None = Field(
        default=None,
        description="One sentence on the guide for search engines and link previews (default: the subtitle), as "
        'plain text without <, >, " or &.',
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = Field(
        default="en", description="Language of the guide's text, as a code such as 'en' or 'hi' (default: en)."
    )
    site_url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Address the site will be published at, if known (for the sitemap)."
    )
    exam: Annotated[ExamSettings, BeforeValidator(_preset_name, json_schema_input_type=Preset | ExamSettings)] = Field(
        default_factory=ExamSettings,
        description="How the quiz is run: a preset name ('upsc' or 'plain'), or `preset:` with any of its parts "
        "replaced (marking, mock, formats, sets, written, name, practise_for). Default: plain.",
    )

    @property
    def exam_profile(self) -> ExamProfile:
        return self.exam.profile

    @property
    def published_name(self) -> str:
        """The site's name: `site_name`, or the title without the characters the theme would not escape."""
        return self.site_name or _head_text(self.title)

    @property
    def published_description(self) -> str:
        return self.description or _head_text(self.subtitle or self.title)


class OfficeTerm(Content):
    """A term of office, entered as background with a reference (not a source's words)."""

    office: Line = Field(description="The office as the sources name it, for example 'US Secretary of State'.")
    start: EdtfDate | None = Field(description="First day in office (EDTF), or null if unknown.")
    end: EdtfDate | None = Field(default=None, description="Last day in office (EDTF), or null if still in office.")
    reference: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] = Field(
        description="Where the term can be checked, an address starting with https://."
    )

    @model_validator(mode="after")
    def _end_not_before_start(self) -> OfficeTerm:
        if self.start and self.end and dates.bounds(self.end)[1] < dates.bounds(self.start)[0]:
            raise ValueError(f"the term ends ({self.end}) before it starts ({self.start}): check the two dates")
        return self


class Actor(Content):
    """A person, organisation, state, office or group that appears in the story."""

    id: Slug = Field(description="Stable id, for example `leonid-slutsky`.")
    name: Line = Field(description="Name as readers know it.")
    kind: Literal["person", "organisation", "state", "office", "group"] = Field(description="What sort of actor.")
    side: Slug | None = Field(default=None, description="Id of a side in guide.yaml, or null if none applies.")
    aliases: list[Line] = Field(default_factory=list, description="Other names and titles sources use.")
    affiliation: Slug | None = Field(default=None, description="Id of the actor this one belongs to, if any.")
    description: Text = Field(description="Who this is, in one or two neutral sentences.")
    terms: list[OfficeTerm] = Field(
        default_factory=list,
        description="Offices this person held, as background (no source's words): an undated account naming them "
        "in that office is dated by the term. Enter only offices the sources name them in, with a reference.",
    )
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[0-9]+$")] | None = Field(
        default=None, description="Wikidata item id such as Q123, if known."
    )


class Topic(Content):
    """A question on which sources can agree or disagree."""

    id: TopicId = Field(description="Stable id, dotted by group, for example `talks.russian-lead`.")
    label: Line = Field(description="Short label for tables, for example 'Russian lead'.")
    question: Line = Field(description="The question as a reader would ask it.")
    exclusive: bool = Field(
        default=True,
        description="True when different answers contradict each other; false when they can all be true.",
    )
    note: Text | None = Field(default=None, description="Editor's reading of the sources' answers.")
    statement: Annotated[str, StringConstraints(pattern=r"\{value\}", max_length=300)] | None = Field(
        default=None,
        description="A clause stating an answer, with {value} where the answer goes, for quiz statements; "
        "for example 'the Russian side was led by {value}'.",
    )
    describes: Slug | None = Field(
        default=None,
        description="Id of the event whose accounts this topic's answers describe (for example `miami-talks` for the "
        "format of the talks): two accounts of that event with different answers to an exclusive topic cannot be "
        "the same meeting, unless `compatible` lists the two answers together.",
    )
    compatible: list[list[Line]] = Field(
        default_factory=list,
        description="Groups of different answers that can still describe the same meeting, for example "
        "['High-level official talks', 'Official talks with unconventional negotiators'].",
    )
    reflects: Literal["time-of-writing", "date"] | None = Field(
        default=None,
        description="'time-of-writing' for a topic whose answers say whether the event had happened when the source "
        "was written ('Held', 'Planned'): a planned account and a held one then differ only in when they were "
        "written, which is not a contradiction. 'date' for a topic whose answers give the date of the event it "
        "`describes`: accounts are told apart by the EDTF dates of their reports, not by the answers' wording, "
        "and different dates within one candidate meeting (whose dates overlap) can all be true.",
    )


class MeetingCall(Content):
    """The editor's judgement on whether two sources' accounts of an event describe the same meeting."""

    articles: Annotated[list[Slug], Field(min_length=2, max_length=2)] = Field(
        description="The ids of the two articles whose accounts are judged."
    )
    same: bool = Field(description="True: the same meeting; false: different meetings.")
    reason: Text = Field(description="Why, in a sentence a reader can check against the sources.")

    @model_validator(mode="after")
    def _two_articles(self) -> MeetingCall:
        if self.articles[0] == self.articles[1]:
            raise ValueError(
                f"the call names '{self.articles[0]}' twice: name the two articles whose accounts it judges"
            )
        return self


class Event(Content):
    """An event in the story; sources report it (with their own dates) in their `events`."""

    id: Slug = Field(description="Stable id shared by every source that reports this event.")
    title: Line = Field(description="Neutral name of the event.")
    description: Text | None = Field(default=None, description="What the event was, neutrally.")
    meetings: list[MeetingCall] = Field(
        default_factory=list,
        description="The editor's calls on which accounts describe the same meeting; they override the builder's.",
    )


class GlossaryTerm(Content):
    """A term explained in the glossary and shown as a tooltip wherever it appears."""

    id: Slug = Field(description="Stable id, for example `track-2`.")
    term: Term = Field(description="The term exactly as it appears in text, for example 'Track 2'.")
    definition: Text = Field(description="Plain-language definition, one or two sentences.")
    aliases: list[Term] = Field(default_factory=list, description="Other spellings that get the same tooltip.")
    category: Line | None = Field(
        default=None,
        description="What kind of term it is, for example 'diplomacy format' or 'humanitarian measure': a quiz "
        "question on a term takes its wrong options from other terms of the same category only, so that they are "
        "of the same kind as the right one.",
    )

    @property
    def other_spellings(self) -> list[str]:
        """The aliases a reader would see as different words: not those that differ from the term only in case."""
        seen = {self.term.casefold()}
        spellings = []
        for alias in self.aliases:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                spellings.append(alias)
        return spellings


class EventReport(Content):
    """An event as one source tells it."""

    event: Slug = Field(description="Id of the event in content/events.yaml.")
    date: EdtfDate | None = Field(description="The source's date as EDTF, or null when the source gives none.")
    date_text: Line | None = Field(
        default=None,
        description="The source's own words for the date (for example 'late April 2024', 'on Thursday'), shown to "
        "readers; leave it out when the source says nothing about when.",
    )
    planned: bool = Field(default=False, description="True when the source reports it as planned, not done.")
    title: Line = Field(description="What the source says happened, in a few words.")
    actors: list[Slug] = Field(default_factory=list, description="Ids of actors taking part, per this source.")
    quote: Text = Field(description="Verbatim passage from the raw text that reports the event.")

    @property
    def said_when(self) -> str:
        """When it happened, in the source's words, or as read from its date if it has none ("date not given")."""
        return self.date_text or dates.human(self.date)


class Claim(Content):
    """This source's answer to one topic."""

    topic: TopicId = Field(description="Id of the topic in content/topics.yaml.")
    value: Line = Field(description="The answer, normalised so that equal answers compare equal.")
    quote: Text = Field(description="Verbatim passage from the raw text that gives the answer.")
    note: Text | None = Field(default=None, description="Editor's note on how the value was read.")


class ActorMention(Content):
    """An actor as one source presents them."""

    actor: Slug = Field(description="Id of the actor in content/actors.yaml.")
    role: Line = Field(description="The role this source gives the actor.")
    quotes: list[Text] = Field(min_length=1, description="Verbatim passages naming the actor.")


class Article(Content):
    """`content/articles/<id>.yaml`: a structured summary of one source article."""

    id: Slug = Field(description="Stable id; must equal the file name without .yaml.")
    title: Line = Field(description="Headline as published (or the editor's label if there is none).")
    title_is_label: bool = Field(default=False, description="True when the article had no headline of its own.")
    short_title: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        default=None, description="A few words naming the source in badges and tables; defaults to the title."
    )
    outlet: Line | None = Field(description="Publication name, or null when unknown.")
    author: Line | None = Field(default=None, description="Author, or null when unknown.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Address of the original, or null when unknown."
    )
    published: EdtfDate | None = Field(description="Publication date as EDTF, or null when unknown.")
    kind: Literal["news", "analysis", "explainer", "exam-prep", "preview", "opinion"] = Field(
        description="What sort of article it is."
    )
    raw: Annotated[str, StringConstraints(pattern=r"^raw/[A-Za-z0-9_.-]+\.txt$")] = Field(
        description="Path of the raw text under content/, for example raw/000_503c62f5e3fb641b.txt."
    )
    status: Literal["draft", "reviewed"] = Field(description="Drafts are built with a banner and kept out of quizzes.")
    added: EdtfDate = Field(description="Day the article entered the guide, for example '2026-11-21'.")
    summary: Text = Field(description="Two to four sentences on what this source says.")
    key_points: list[Line] = Field(min_length=1, description="The source's main points, one line each.")
    editor_note: Text | None = Field(default=None, description="Anything a reader should know about this text.")
    events: list[EventReport] = Field(default_factory=list, description="Events this source reports.")
    claims: list[Claim] = Field(default_factory=list, description="This source's answers to topics.")
    actors: list[ActorMention] = Field(default_factory=list, description="Actors this source names.")

    @property
    def label(self) -> str:
        """Short name for badges and table columns."""
        return self.short_title or self.title


LETTERS = "abcde"


class Citation(Content):
    """A source passage that supports a quiz answer."""

    article: Slug = Field(description="Id of the article quoted.")
    quote: Text = Field(description="Verbatim passage from that article's raw text.")


class BackgroundFact(Content):
    """A fact that no source states, entered by the editor with a reference, and shown as background."""

    text: Text = Field(description="The fact, in one or two plain sentences.")
    reference: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] = Field(
        description="Where a reader can check it (an http or https address)."
    )


class QuizQuestion(Content):
    """A question written by the author, in one of the formats its exam profile offers."""

    id: Slug = Field(description="Stable id; saved progress is keyed by it, so never reuse one.")
    theme: Theme = Field(description="Practice set the question belongs to.")
    format: QuestionFormat = Field(
        description="mcq; statements ('which is/are correct?'); how-many ('how many of the above?'); "
        "pairs ('how many pairs are correctly matched?'); assertion-reason (Statement-I / Statement-II)."
    )
    stem: Text = Field(description="The question, for example 'Consider the following statements:'.")
    statements: list[Text] = Field(
        default_factory=list, description="Numbered statements or pairs; for assertion-reason exactly two."
    )
    ask: Line | None = Field(default=None, description="The line after the statements, e.g. 'Which is correct?'")
    options: list[Line] = Field(min_length=2, max_length=5, description="Answer options, shown as (a), (b), ...")
    answer: Literal["a", "b", "c", "d", "e"] = Field(description="Letter of the one correct option.")
    explanation: Text = Field(description="Why the answer is right, in plain words.")
    sources: list[Citation] = Field(min_length=1, description="Passages that support the answer.")
    topics: list[TopicId] = Field(default_factory=list, description="Topics whose discrepancy rows it relates to.")
    background: list[BackgroundFact] = Field(
        default_factory=list,
        description="Facts the question or its explanation relies on that no source states (a treaty's year, "
        "who signed it), each with a reference; shown as background, never as a source's words.",
    )


class WrittenPrompt(Content):
    """A written-answer practice question with a checklist and a model outline (see the exam profile's `written`)."""

    id: Slug = Field(description="Stable id.")
    paper: Line | None = Field(
        default=None, description="The paper it belongs to, one of the exam profile's `written.papers` (if any)."
    )
    directive: Line = Field(
        description="The directive word, which decides what the answer must do: one of the exam profile's "
        "`written.directives`, for example 'Analyse'."
    )
    question: Text = Field(description="The question as it would appear in the paper.")
    marks: Annotated[int, Field(ge=1, le=1000)] = Field(description="Marks: one of the exam profile's `written.marks`.")
    words: Annotated[int, Field(ge=50, le=5000)] = Field(
        description="Word limit, at most the exam profile's `written.max_words`."
    )
    key_points: list[Line] = Field(min_length=2, description="What a good answer covers, as a checklist.")
    outline: list[Line] = Field(min_length=2, description="A model outline: introduction, body points, conclusion.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of the articles to read for it.")
    topics: list[TopicId] = Field(default_factory=list, description="Topics it draws on.")


class Quiz(Content):
    """`content/quiz.yaml`: authored questions and written-answer prompts (generated questions come on top)."""

    questions: list[QuizQuestion] = Field(default_factory=list, description="Authored questions.")
    written: list[WrittenPrompt] = Field(
        default_factory=list, description="Written-answer prompts (when the exam profile has written practice)."
    )
