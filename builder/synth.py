"""Synthetic content for benchmarks and scale tests: a valid content folder of N articles, the same for a seed.

`synthesize(n, seed)` is a pure function returning {path under the content folder: file text}; `write_corpus`
writes it into a new folder; `python -m builder.synth N OUT [--seed S]` (or `python -m builder synth N OUT`)
does both. The only randomness is `random.Random(seed)`, so a seed always gives byte-identical files.

The shape follows the real guide: a story (fictional here: talks between Aurelia and Borvania, mediated by
Calderon) told by many sources. About N/5 + 20 events are shared between articles, some dated differently by
different sources; about 20 topics in a few groups get answers from a small set each, so sources agree and
disagree; about 45 actors (people with aliases and affiliations, offices, states, groups) recur; every quote
occurs in the article's raw text, some with curly quote marks there and straight ones in the YAML.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from builder import dates

__all__ = ["article_count", "main", "synthesize", "write_corpus"]

START = datetime.date(2019, 1, 1)  # events fall in 2019-2024
YEARS_OF_EVENTS = 6
ADDED_FROM = datetime.date(2026, 1, 1)  # `added` dates spread over 2026
MONTHS = "January February March April May June July August September October November December".split()
SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}

SIDES = [
    ("aurelia", "Aurelia"),
    ("borvania", "Borvania"),
    ("calderon", "Calderon (the mediator)"),
    ("league", "The Coastal League and other international bodies"),
    ("observers", "Analysts, the press and unnamed sources"),
]
VENUES = ["Port Seren", "Lake Ardo", "Calder City", "Vessa", "the Isle of Marn"]
REGIONS = ["northern", "coastal", "river", "eastern", "mountain"]
OUTLETS = [
    "The Harbour Ledger",
    "Seren Daily",
    "Calder Times",
    "Borvan Herald",
    "Aurelian Courier",
    "Coastal Wire",
    "The Marn Observer",
    "League Monitor",
    "Vessa Evening Post",
    "The Ardo Review",
]
FIRST = "Mara Ion Lena Tomas Sera Dario Ilse Pavel Nadia Oren Vera Kasimir Alma Rurik Hedda Lio".split()
LAST = "Velt Dask Marrow Ostrin Kell Varga Lind Sorel Brask Tanev Holm Rusk Ferren Adler Cask Morrow".split()
FILLER_SUBJECTS = [
    "the fishing grounds",
    "the river crossings",
    "the border villages",
    "the grain corridor",
    "the coastal ports",
    "the prisoners held by both sides",
    "the ceasefire line",
    "the shipping lanes",
]
FILLER = [
    "Both capitals have traded accusations over {subject} for most of the past decade.",
    "Diplomats say progress on {subject} has always been slow and easily reversed.",
    "Residents near {subject} describe a tense calm that has lasted for months.",
    "Few details about {subject} have been made public by either government.",
    "Observers caution that any ceasefire would depend on confidence-building measures around {subject}.",
    "The dispute over {subject} has shaped domestic politics in both Aurelia and Borvania.",
    "A memorandum of understanding on {subject} was discussed but never signed.",
    "Humanitarian groups have asked for a humanitarian corridor through {subject}.",
    "Earlier rounds of shuttle diplomacy produced little on {subject}.",
    "Officials speaking on background said {subject} remained the hardest question.",
    "The Coastal League has offered to send a monitoring mission to {subject}.",
    "Trade in the region has suffered since the sanctions on {subject} took effect.",
]


@dataclass(frozen=True)
class _Topic:
    id: str
    label: str
    question: str
    exclusive: bool
    statement: str | None
    sentence: str  # how a source states its answer, with {value}
    values: tuple[str, ...]  # possible answers, most common first


@dataclass(frozen=True)
class _Actor:
    id: str
    name: str
    kind: str
    side: str | None
    aliases: tuple[str, ...]
    affiliation: str | None
    description: str


@dataclass(frozen=True)
class _Event:
    id: str
    title: str
    day: datetime.date
    actors: tuple[str, ...]
    done: str  # what its actors did, for a source's sentence
    due: str  # what they were due to do, for a source that reports it as planned


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


_TopicRow = tuple[str, str, str, bool, str | None, str, tuple[str, ...]]  # the fields of a _Topic, in order


def _lead_row(persons: Mapping[str, list[_Actor]], side: str, adjective: str) -> _TopicRow:
    """The topic "who led this side's delegation?", answered with one of the side's first three persons."""
    return (
        f"talks.{adjective.lower()}-lead",
        f"{adjective} lead",
        f"Who led the {adjective} side?",
        True,
        f"the {adjective} side was led by {{value}}",
        f"The {adjective} delegation was led by {{value}}.",
        tuple(p.name for p in persons[side][:3]),
    )


def _topics(persons: Mapping[str, list[_Actor]]) -> list[_Topic]:
    rows: list[_TopicRow] = [
        ("talks.venue", "Venue", "Where were the talks held?", True, "the talks were held in {value}",
         "The talks were held in {value}, according to people briefed on them.", tuple(VENUES[:4])),
        ("talks.format", "Format", "What kind of talks were they?", True, "the talks were {value}",
         "The meetings were described as {value}.",
         ("official talks", "Track 2 dialogue", "Track 1.5 dialogue", "proximity talks")),
        ("talks.outcome", "Outcome", "What did the talks produce?", True, "the talks ended with {value}",
         "The round ended with {value}.", ("a framework agreement", "no agreement", "a partial agreement")),
        ("talks.mood", "Mood", "How were the talks described?", False, None,
         "Participants called the atmosphere {value}.", ("constructive", "tense", "productive", "cordial")),
        ("talks.mediator", "Mediator", "Who mediated the talks?", True, "the talks were mediated by {value}",
         "The talks were mediated by {value}.", ("Calderon", "the Coastal League", "no one")),
        _lead_row(persons, "aurelia", "Aurelian"),
        _lead_row(persons, "borvania", "Borvanian"),
        ("talks.next-round", "Next round", "When is the next round due?", True, None,
         "Another round is expected {value}.", ("within weeks", "next spring", "after the elections")),
        ("ceasefire.scope", "Ceasefire scope", "Where does the ceasefire apply?", True,
         "the ceasefire covers {value}", "The ceasefire covers {value}.",
         ("the whole front", "the coast only", "the river crossings")),
        ("ceasefire.monitoring", "Ceasefire monitors", "Who monitors the ceasefire?", True,
         "the ceasefire is monitored by {value}", "Monitoring falls to {value}.",
         ("League observers", "joint patrols", "no one yet")),
        ("ceasefire.holding", "Ceasefire holding", "Is the ceasefire holding?", True, None,
         "By most accounts the ceasefire is {value}.", ("holding", "fragile", "collapsing")),
        ("trade.fishing-rights", "Fishing rights", "What was said about fishing rights?", True,
         "fishing rights are {value}", "Fishing rights are {value}.",
         ("to be shared", "left for later", "Borvanian only")),
        ("trade.sanctions", "Sanctions", "What happens to sanctions?", True, "sanctions will be {value}",
         "Sanctions will be {value}.", ("eased in stages", "kept in place", "lifted at once")),
        ("trade.tariffs", "Tariffs", "What was agreed on tariffs?", False, None,
         "On tariffs, the sides spoke of {value}.", ("a freeze", "a review", "new quotas")),
        ("security.guarantees", "Security guarantees", "Who would guarantee a settlement?", True,
         "a settlement would be guaranteed by {value}", "Any settlement would be guaranteed by {value}.",
         ("the Coastal League", "Calderon", "no outside power")),
        ("security.troops", "Troop pull-back", "Will troops pull back?", True, None,
         "On troops, the plan is {value}.", ("a 10 km pull-back", "a 30 km pull-back", "no pull-back")),
        ("humanitarian.corridors", "Corridors", "Were humanitarian corridors agreed?", True,
         "humanitarian corridors were {value}", "Humanitarian corridors were {value}.",
         ("agreed", "discussed only", "refused")),
        ("humanitarian.prisoners", "Prisoners", "What about prisoners?", True, "prisoners will be {value}",
         "Prisoners will be {value}.", ("exchanged all for all", "exchanged in part", "kept for now")),
        ("aurelia.stance", "Aurelia's stance", "What does Aurelia want?", True, None,
         "Aurelia's position is {value}.", ("a full withdrawal", "a phased deal", "talks without conditions")),
        ("borvania.stance", "Borvania's stance", "What does Borvania want?", True, None,
         "Borvania's position is {value}.", ("recognition of the coast", "a phased deal", "sanctions relief first")),
    ]  # fmt: skip
    return [_Topic(*row) for row in rows]


def _actors(rng: random.Random) -> tuple[list[_Actor], dict[str, list[_Actor]]]:
    actors = [
        _Actor("aurelia", "Aurelia", "state", "aurelia", ("the Aurelian government",), None,
               "A coastal republic, one of the two parties to the dispute."),
        _Actor("borvania", "Borvania", "state", "borvania", ("the Borvanian government",), None,
               "A river kingdom, the other party to the dispute."),
        _Actor("calderon", "Calderon", "state", "calderon", (), None, "A neighbouring state that mediates."),
        _Actor("coastal-league", "Coastal League", "organisation", "league", ("the League",), None,
               "A regional organisation of coastal states."),
        _Actor("aurelian-foreign-ministry", "Aurelian Foreign Ministry", "office", "aurelia", (), "aurelia",
               "Aurelia's ministry of foreign affairs."),
        _Actor("aurelian-parliament", "Aurelian Parliament", "office", "aurelia", (), "aurelia",
               "Aurelia's elected assembly."),
        _Actor("borvanian-foreign-office", "Borvanian Foreign Office", "office", "borvania", (), "borvania",
               "Borvania's foreign office."),
        _Actor("borvanian-defence-ministry", "Borvanian Defence Ministry", "office", "borvania", (), "borvania",
               "Borvania's ministry of defence."),
        _Actor("calderon-mediation-office", "Calderon Mediation Office", "office", "calderon", (), "calderon",
               "The office that runs Calderon's mediation."),
        _Actor("league-secretariat", "League Secretariat", "office", "league", (), "coastal-league",
               "The Coastal League's permanent staff."),
        _Actor("unnamed-officials", "Unnamed officials", "group", "observers", ("officials speaking on background",),
               None, "Officials quoted without their names."),
        _Actor("analysts", "Analysts", "group", "observers", ("observers",), None,
               "Analysts and researchers who comment on the talks."),
        _Actor("fishing-cooperatives", "Fishing cooperatives", "group", None, (), None,
               "Associations of fishers on both coasts."),
        _Actor("red-shore", "Red Shore", "organisation", "league", (), None, "A humanitarian aid organisation."),
    ]  # fmt: skip
    offices = {
        "aurelia": ["aurelian-foreign-ministry", "aurelian-parliament"],
        "borvania": ["borvanian-foreign-office", "borvanian-defence-ministry"],
        "calderon": ["calderon-mediation-office"],
        "league": ["league-secretariat"],
        "observers": [],
    }
    titles = ["Minister", "Envoy", "Deputy Minister", "Ambassador", "Senator", "Adviser"]
    names = rng.sample([f"{f} {last}" for f in FIRST for last in LAST], 32)
    persons: dict[str, list[_Actor]] = {side: [] for side, _ in SIDES}
    plan = ["aurelia"] * 9 + ["borvania"] * 9 + ["calderon"] * 5 + ["league"] * 4 + ["observers"] * 5
    for name, side in zip(names, plan, strict=True):
        title = rng.choice(titles)
        surname = name.split()[1]
        aliases = (f"{title} {surname}",) if rng.random() < 0.6 else ()
        affiliation = rng.choice(offices[side]) if offices[side] and rng.random() < 0.8 else None
        where = dict(SIDES)[side]
        person = _Actor(_slug(name), name, "person", side, aliases, affiliation,
                        f"{title} in {where}'s part of the story, as the sources present them.")  # fmt: skip
        persons[side].append(person)
        actors.append(person)
    return actors, persons


GLOSSARY = [
    ("ceasefire", "An agreement to stop fighting, for a time or for good; it does not settle the dispute."),
    ("armistice", "A formal agreement to end fighting, usually longer-lasting than a ceasefire."),
    ("Track 1.5", "Talks that bring officials and non-officials together."),
    ("Track 2", "Unofficial dialogue between people outside government."),
    ("shuttle diplomacy", "A mediator carrying messages between parties who do not meet."),
    ("proximity talks", "Talks where the parties sit in separate rooms and a mediator moves between them."),
    ("memorandum of understanding", "A written statement of shared intentions that is not a binding treaty."),
    ("confidence-building measures", "Small steps that reduce mistrust, such as hotlines or notified exercises."),
    ("humanitarian corridor", "An agreed route along which civilians can leave or aid can arrive."),
    ("demilitarised zone", "An area where the parties agree to keep no troops or weapons."),
    ("sanctions", "Penalties, usually economic, that states impose to change another state's behaviour."),
    ("tariff", "A tax on imported goods."),
    ("quota", "A limit on the amount of a good that may be imported or caught."),
    ("communique", "An official statement issued after a meeting."),
    ("envoy", "A person sent to represent a government."),
    ("plenipotentiary", "A diplomat given full power to negotiate and sign for a government."),
    ("mediator", "A third party who helps the sides of a dispute reach agreement."),
    ("good offices", "A third party's help in bringing disputing sides to talk."),
    ("ratification", "The formal approval of a treaty by a state, often by its parliament."),
    ("sovereignty", "A state's supreme authority over its territory."),
    ("territorial integrity", "The principle that a state's borders must not be changed by force."),
    (
        "exclusive economic zone",
        "The sea area, up to 200 nautical miles out, whose resources a coastal state controls.",
    ),
    ("monitoring mission", "A team sent to observe whether an agreement is kept."),
    ("prisoner exchange", "A swap of detained people between parties to a conflict."),
    ("de-escalation", "Steps that lower the intensity of a conflict."),
    ("status quo", "The existing state of affairs."),
    ("framework agreement", "An agreement on principles, leaving details to later talks."),
    ("back channel", "An unofficial line of communication between governments."),
    ("summit", "A meeting of heads of state or government."),
    ("veto", "The power to block a decision alone."),
]

ROLES = [
    "Lead negotiator",
    "Member of the delegation",
    "Mediator",
    "Host of the talks",
    "Spokesperson",
    "Critic of the talks",
    "Source of the account",
    "Observer",
    "Signatory",
    "Adviser to the delegation",
    "Supporter of a deal",
    "Sceptic of a quick deal",
]
KINDS = ["news", "news", "news", "analysis", "explainer", "exam-prep", "preview", "opinion"]
KIND_NOUNS = {"news": "news report", "exam-prep": "exam-prep article", "opinion": "opinion piece"}
EVENT_KINDS = [  # kind, title, what the actors did, what they were due to do
    ("round", "Round {k} of the Harbour talks in {place}", "met for round {k} of the Harbour talks in {place}",
     "meet for round {k} of the Harbour talks in {place}"),
    ("summit", "Leaders' summit in {place}", "attended a leaders' summit in {place}",
     "attend a leaders' summit in {place}"),
    ("ceasefire", "Ceasefire on the {region} front", "announced a ceasefire on the {region} front",
     "announce a ceasefire on the {region} front"),
    ("exchange", "Prisoner exchange at {place}", "oversaw a prisoner exchange at {place}",
     "oversee a prisoner exchange at {place}"),
    ("sanctions", "New sanctions after talks in {place}", "announced new sanctions after the talks in {place}",
     "announce new sanctions after the talks in {place}"),
    ("incident", "Naval incident near {place}", "reported a naval incident near {place}",
     "report on a naval incident near {place}"),
    ("visit", "Envoys visit {place}", "visited {place} to prepare the talks", "visit {place} to prepare the talks"),
    ("communique", "Joint communique from {place}", "issued a joint communique in {place}",
     "issue a joint communique in {place}"),
]  # fmt: skip


def _events(rng: random.Random, count: int, actors: Sequence[_Actor]) -> list[_Event]:
    events = []
    movers = [a.id for a in actors if a.kind in ("person", "state", "office")]
    for i in range(1, count + 1):
        kind, title, done, due = EVENT_KINDS[(i * 7 + rng.randrange(3)) % len(EVENT_KINDS)]
        where = {"k": i, "place": rng.choice(VENUES), "region": rng.choice(REGIONS)}
        day = START + datetime.timedelta(days=rng.randrange(365 * YEARS_OF_EVENTS))
        takers = tuple(rng.sample(movers, 2))
        events.append(
            _Event(f"{kind}-{i:04d}", title.format(**where), day, takers, done.format(**where), due.format(**where))
        )
    return events


def _human_day(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, min(day.day, 28))


def _dating(rng: random.Random, day: datetime.date) -> tuple[str | None, str, str]:
    """(EDTF date, the source's words, a phrase that opens the sentence) for one report of an event."""
    if rng.random() < 0.12:
        day = _shift_months(day, rng.choice([-5, -3, -2, 2, 3, 6]))  # this source disagrees on the date
    month = MONTHS[day.month - 1]
    roll = rng.random()
    if roll < 0.3:
        words = _human_day(day)
        return day.isoformat(), words, f"On {words}"
    if roll < 0.6:
        words = f"{month} {day.year}"
        return f"{day.year}-{day.month:02d}", words, f"In {words}"
    if roll < 0.7:
        words = f"around {month} {day.year}"
        return f"{day.year}-{day.month:02d}~", words, words[0].upper() + words[1:]
    if roll < 0.8:
        code = {12: "24", 1: "24", 2: "24", 3: "21", 4: "21", 5: "21", 6: "22", 7: "22", 8: "22"}.get(day.month, "23")
        year = day.year - 1 if day.month in (1, 2) else day.year
        words = f"the {SEASONS[code]} of {year}"
        return f"{year}-{code}", words, f"In {words}"
    if roll < 0.9:
        return str(day.year), str(day.year), f"In {day.year}"
    return None, "no date given", "At an unstated date"


def _yaml(value: object, indent: int = 0) -> list[str]:
    """Block YAML for mappings and lists of plain values; scalars as JSON strings (valid YAML)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _flat(item):
                lines.append(f"{pad}{key}: {_inline(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(_yaml(item, indent + 2))
    elif isinstance(value, list):
        for item in value:
            sub = [f"{pad}  {_inline(item)}"] if _flat(item) else _yaml(item, indent + 2)
            lines.append(f"{pad}- {sub[0][indent + 2 :]}")
            lines.extend(sub[1:])
    return lines


def _flat(value: object) -> bool:
    if isinstance(value, list):
        return not value or all(isinstance(v, str) and len(v) < 40 for v in value)
    return not isinstance(value, dict)


def _inline(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _file(schema: str, data: object, depth: int = 0) -> str:
    up = "../" * (depth + 1)
    return f"# yaml-language-server: $schema={up}builder/schema/{schema}.schema.json\n" + "\n".join(_yaml(data)) + "\n"


def _curly(sentence: str) -> str:
    """The sentence as an outlet prints it: curly quote marks (the YAML keeps straight ones)."""
    out, opening = [], True
    for char in sentence:
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append("\u2019" if char == "'" else char)
    return "".join(out)


def synthesize(n: int, seed: int = 0) -> dict[str, str]:
    """A valid content folder of `n` articles as {relative path: text}; the same `n` and `seed`, the same files."""
    if n < 1:
        raise ValueError("a guide needs at least one article")
    rng = random.Random(seed)
    actors, persons = _actors(rng)
    by_id = {a.id: a for a in actors}
    topics = _topics(persons)
    events = _events(rng, n // 5 + 20, actors)
    popularity = [1 / (1 + i / 8) for i in range(len(events))]  # a few events are reported by many sources
    files: dict[str, str] = {}
    articles = []
    for i in range(1, n + 1):
        article, raw = _article(rng, i, events, popularity, topics, actors, by_id)
        files[f"articles/{article['id']}.yaml"] = _file("article", article, depth=1)
        files[str(article["raw"])] = raw
        articles.append(article)
    files["guide.yaml"] = _file("guide", _guide(n))
    files["actors.yaml"] = _file("actors", [_actor_data(a) for a in actors])
    files["topics.yaml"] = _file("topics", [_topic_data(t) for t in topics])
    files["events.yaml"] = _file("events", [_event_data(e) for e in events])
    files["glossary.yaml"] = _file("glossary", [{"id": _slug(t), "term": t, "definition": d} for t, d in GLOSSARY])
    files["quiz.yaml"] = _file("quiz", _quiz(articles[0], topics))
    return dict(sorted(files.items()))


def _guide(n: int) -> dict[str, object]:
    return {
        "title": f"The Harbour talks: {n} sources compared (synthetic)",
        "subtitle": "A generated guide for benchmarks: the story and every source are invented",
        "summary": "Aurelia and Borvania have held talks, mediated by Calderon, about their disputed coast. "
        "Sources disagree on where and when the rounds took place, who led each side and what was agreed.",
        "audience": "Benchmarks and tests",
        "study_tips": ["Start with the discrepancy table.", "Check which source dates each event, and how."],
        "sides": [{"id": side, "label": label} for side, label in SIDES],
        "exam": "upsc",  # every quiz page, the written-answer one too, as the shipped guide has them
    }


def _actor_data(actor: _Actor) -> dict[str, object]:
    data: dict[str, object] = {"id": actor.id, "name": actor.name, "kind": actor.kind, "side": actor.side}
    if actor.aliases:
        data["aliases"] = list(actor.aliases)
    if actor.affiliation:
        data["affiliation"] = actor.affiliation
    data["description"] = actor.description
    return data


def _topic_data(topic: _Topic) -> dict[str, object]:
    data: dict[str, object] = {"id": topic.id, "label": topic.label, "question": topic.question}
    data["exclusive"] = topic.exclusive
    if topic.statement:
        data["statement"] = topic.statement
    if topic.exclusive:
        data["note"] = f"Sources give {len(topic.values)} different answers; they may describe different rounds."
    return data


def _event_data(event: _Event) -> dict[str, object]:
    return {"id": event.id, "title": event.title, "description": f"{event.title}, as several sources report it."}


def _article(
    rng: random.Random,
    i: int,
    events: Sequence[_Event],
    popularity: Sequence[float],
    topics: Sequence[_Topic],
    actors: Sequence[_Actor],
    by_id: Mapping[str, _Actor],
) -> tuple[dict[str, object], str]:
    """One article's YAML data and raw text. The parts are drawn in a fixed order from `rng`, so a seed always
    gives the same corpus; every sentence a quote takes is put in the raw text (`quoted`)."""
    article_id = f"synth-{i:04d}"
    outlet = rng.choice(OUTLETS) if rng.random() < 0.8 else None
    kind = rng.choice(KINDS)
    added = ADDED_FROM + datetime.timedelta(days=rng.randrange(365))
    quoted: list[str] = []  # sentences of the raw text that the YAML quotes
    chosen: list[_Event] = []
    wanted = rng.randint(3, 8)
    while len(chosen) < wanted:
        event = rng.choices(events, weights=popularity)[0]
        if event not in chosen:
            chosen.append(event)
    mentioned = rng.sample([a for a in actors if a.kind != "office"], rng.randint(3, 8))
    reports = _reports(rng, chosen, mentioned, by_id, quoted)
    claims = _claims(rng, topics, mentioned, quoted)
    mentions = _mentions(rng, mentioned, quoted)
    title = f"{rng.choice(['Envoys', 'Negotiators', 'Delegations'])} {rng.choice(['meet', 'talk', 'stall'])} " + (
        f"in {rng.choice(VENUES)} as {rng.choice(FILLER_SUBJECTS)} stay in dispute"
    )
    raw = _raw_text(rng, title, quoted)
    first, second = claims[0], claims[1]
    article: dict[str, object] = {
        "id": article_id,
        "title": title,
        "title_is_label": False,
        "short_title": f"{(outlet or 'Unattributed').removeprefix('The ')} report {i}",
        "outlet": outlet,
        "author": rng.choice(FIRST) + " " + rng.choice(LAST) if rng.random() < 0.6 else None,
        "url": f"https://example.org/{article_id}" if rng.random() < 0.5 else None,
        "published": (added - datetime.timedelta(days=rng.randrange(400))).isoformat() if rng.random() < 0.8 else None,
        "kind": kind,
        "raw": f"raw/{article_id}.txt",
        "status": "reviewed",
        "added": added.isoformat(),
        "summary": f"This {KIND_NOUNS.get(kind, kind)} describes {len(chosen)} events, the first of them "
        f"“{chosen[0].title}”. On “{_label(topics, first)}” it says “{first['value']}”, and on "
        f"“{_label(topics, second)}” “{second['value']}”. It names {len(mentioned)} actors.",
        "key_points": [f"{_label(topics, c)}: {c['value']}." for c in claims[:4]],
    }
    if rng.random() < 0.2:
        article["editor_note"] = "The text names no author and may describe an earlier round."
    article.update(events=reports, claims=claims, actors=mentions)
    published = article["published"]
    if isinstance(published, str) and any(  # a text reporting as planned an event dated before it: no known date
        r.get("planned") and r["date"] and dates.bounds(str(r["date"]))[1] < published for r in reports
    ):
        article["published"] = None
    return article, raw


def _reports(
    rng: random.Random,
    chosen: Sequence[_Event],
    mentioned: Sequence[_Actor],
    by_id: Mapping[str, _Actor],
    quoted: list[str],
) -> list[dict[str, object]]:
    """The article's events, in date order, each with the sentence that reports it (added to `quoted`)."""
    reports: list[dict[str, object]] = []
    for event in sorted(chosen, key=lambda e: e.day):
        date, words, opening = _dating(rng, event.day)
        planned = rng.random() < 0.1
        takers = list(dict.fromkeys([*event.actors, *(a.id for a in mentioned[:1])]))
        names = " and ".join(_named(by_id[a]) for a in takers[:2])
        sentence = f"{opening}, {names} {'were due to ' + event.due if planned else event.done}."
        quoted.append(sentence)
        reports.append(
            {
                "event": event.id,
                "date": date,
                "date_text": words,
                **({"planned": True} if planned else {}),
                "title": event.title if not planned else f"{event.title} (planned)",
                "actors": takers[:3],
                "quote": sentence,
            }
        )
    return reports


def _claims(
    rng: random.Random, topics: Sequence[_Topic], mentioned: Sequence[_Actor], quoted: list[str]
) -> list[dict[str, str]]:
    """Answers to 5 to 12 topics, some of them as a speaker's words in quote marks."""
    claims = []
    for topic in sorted(rng.sample(list(topics), rng.randint(5, 12)), key=lambda t: t.id):
        weights = [3.0, 1.5, 1.0, 0.6][: len(topic.values)]
        value = rng.choices(topic.values, weights=weights)[0]
        sentence = topic.sentence.format(value=value)
        if rng.random() < 0.3:
            sentence = f'"{sentence[:-1]}," {rng.choice(mentioned).name} said.'
        quoted.append(_curly(sentence))
        claims.append({"topic": topic.id, "value": value[0].upper() + value[1:], "quote": sentence})
    return claims


def _mentions(rng: random.Random, mentioned: Sequence[_Actor], quoted: list[str]) -> list[dict[str, object]]:
    """The actors named, each with a role and the words that name them (by a name or an alias)."""
    mentions: list[dict[str, object]] = []
    for actor, role in zip(mentioned, rng.sample(ROLES, len(mentioned)), strict=False):
        name = rng.choice([actor.name, *actor.aliases])
        name = name[0].upper() + name[1:]
        said = rng.choice(FILLER).format(subject=rng.choice(FILLER_SUBJECTS))
        sentence = f"{name}, described here as {role.lower()}, said that {said[0].lower()}{said[1:]}"
        quoted.append(sentence)
        quotes = [f"{name}, described here as {role.lower()}"]
        if actor.name != name:
            extra = f"{actor.name} declined to comment on {rng.choice(FILLER_SUBJECTS)}."
            quoted.append(extra)
            quotes.append(extra)
        mentions.append({"actor": actor.id, "role": role, "quotes": quotes})
    return mentions


def _raw_text(rng: random.Random, title: str, quoted: list[str]) -> str:
    """The title, then the quoted sentences shuffled among as many filler ones, in paragraphs of 3 to 6."""
    body = quoted + [rng.choice(FILLER).format(subject=rng.choice(FILLER_SUBJECTS)) for _ in range(len(quoted))]
    rng.shuffle(body)
    paragraphs, at = [], 0
    while at < len(body):
        size = rng.randint(3, 6)
        paragraphs.append(" ".join(body[at : at + size]))
        at += size
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _label(topics: Sequence[_Topic], claim: Mapping[str, object]) -> str:
    return next(t.label for t in topics if t.id == claim["topic"])


def _named(actor: _Actor) -> str:
    """The actor's name as it reads inside a sentence."""
    return f"the {actor.name}" if actor.kind in ("office", "organisation") else actor.name


def _quiz(article: Mapping[str, object], topics: Sequence[_Topic]) -> dict[str, object]:
    """Two authored questions on the first article's claims, and a written-answer prompt."""
    claims = article["claims"]
    assert isinstance(claims, list)
    questions = []
    for claim in claims[:2]:
        topic = next(t for t in topics if t.id == claim["topic"])
        options = [v[0].upper() + v[1:] for v in topic.values[:4]]
        questions.append(
            {
                "id": f"synth-{_slug(topic.id)}",
                "theme": "sources",
                "format": "mcq",
                "stem": f"According to the {article['short_title']}, {topic.question[0].lower()}{topic.question[1:]}",
                "options": options,
                "answer": "abcd"[options.index(claim["value"])],
                "explanation": f"The {article['short_title']} says: {claim['value']}.",
                "sources": [{"article": article["id"], "quote": claim["quote"]}],
                "topics": [topic.id],
            }
        )
    written = {
        "id": "synth-written",
        "directive": "Critically examine",
        "question": "Critically examine why sources disagree about the Harbour talks.",
        "marks": 15,
        "words": 250,
        "key_points": ["Dates differ between sources.", "Sources name different leads."],
        "outline": ["Introduction: the talks.", "Body: the disagreements.", "Conclusion: reading sources."],
        "sources": [article["id"]],
        "topics": [claims[0]["topic"]],
    }
    return {"questions": questions, "written": [written]}


def write_corpus(files: Mapping[str, str], out: Path) -> None:
    """Write `files` under `out`, which must be new or empty (a content folder is never overwritten)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not empty: choose a new folder")
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def article_count(text: str) -> int:
    """argparse type for N: a whole number of articles, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of articles (1 or more)")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.synth", description="Write a synthetic content folder.")
    parser.add_argument("articles", type=article_count, help="number of articles (1 or more)")
    parser.add_argument("out", type=Path, help="folder to create (must be new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        write_corpus(synthesize(args.articles, args.seed), args.out)
    except FileExistsError as err:
        print(f"synth: {err}", file=sys.stderr)
        return 1
    print(f"synth: wrote {args.articles} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
