"""`python -m builder new`: store a new article's raw text and draft its YAML summary from it.

The draft validates as it is (status: draft), so the site builds at once; everything the builder could only
guess is marked for review, and claim stubs stay commented out until the author fills them in. The reading is
done by helpers: boilerplate (the page around the article), draft_names, draft_dates, draft_claims; the file is
written by draft_render.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from builder.boilerplate import Page, read_page_text, sentences
from builder.draft_claims import claim_stubs
from builder.draft_dates import DATE_PHRASES, DatePhrase, date_phrases, edtf
from builder.draft_names import Candidate, Mention, find_names
from builder.draft_render import DraftPlan, KnownEvent, PageMeta, Warning_, render_draft
from builder.model import Article, Event
from builder.problems import DraftError
from builder.validate import Corpus

__all__ = [
    "DraftError",
    "DraftPlan",
    "PageMeta",
    "Warning_",
    "extract_page",
    "is_web_page",
    "plan_draft",
    "read_text",
    "write_draft",
]

QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,300})[\"”]")
MOJIBAKE = re.compile(r"[\u0370-\u03ff]+|Ã.|â€.?|Â(?=\s|\W)|\ufffd")
HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", re.IGNORECASE | re.DOTALL)


def read_text(data: bytes, shown_as: str) -> str:
    """Decode input as UTF-8 text, refusing empty, binary and non-UTF-8 input with a clear message."""
    if b"\x00" in data[:8192]:
        raise DraftError(f"{shown_as}: looks like a binary file (it contains NUL bytes): give a plain-text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DraftError(
            f"{shown_as}:{line}: byte 0x{data[err.start]:02x} is not UTF-8: convert the file to UTF-8 "
            "(for example `iconv -f WINDOWS-1252 -t UTF-8`)"
        ) from None
    if not text.strip():
        raise DraftError(f"{shown_as}: the text is empty: give the article's text")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if controls > len(text) / 100:
        raise DraftError(f"{shown_as}: {controls} control characters: this looks binary, not an article's text")
    return text


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result or "article"


def plan_draft(text: str, corpus: Corpus, article_id: str | None, meta: PageMeta | None = None) -> DraftPlan:
    """Read the text and decide the draft: a pure function, so it is easy to test. `meta` is what a saved web
    page said about itself, if the text came from one."""
    meta = meta or PageMeta()
    page = read_page_text(text)
    body = list(page.body())
    title, title_note = _title(page, meta)
    chosen_id = article_id or slug(title)
    published, published_note = _published(text, meta)
    mentions, candidates = find_names(body, corpus.actors)
    others = [a for a in corpus.articles if a.id != chosen_id]
    author, author_note = _author(page, meta)
    labels = {" ".join(a.label.casefold().split()) for a in others}
    found_dates = date_phrases(body, published)
    return DraftPlan(
        article_id=chosen_id,
        raw_name=f"raw/{chosen_id}.txt",
        text=text,
        title=title,
        title_note=title_note,
        short_title=f"Draft {chosen_id}"[:40] if " ".join(title.casefold().split()) in labels else None,
        published=published,
        published_note=published_note,
        author=author,
        author_note=author_note,
        outlet=meta.sitename,
        url=meta.url if meta.url and re.fullmatch(r"https?://\S+", meta.url) else None,
        date_phrases=found_dates,
        known_events=_known_events(found_dates, corpus.events, others),
        mentions=mentions,
        candidates=candidates,
        quotes=list(dict.fromkeys(m.group(1).strip() for line in body for m in QUOTED.finditer(line.text))),
        stubs=claim_stubs(body, corpus.topics, others, _names_for_topics(mentions, candidates)),
        warnings=[*_damage(text), *_furniture(page)],
    )


def _known_events(phrases: list[DatePhrase], events: tuple[Event, ...], others: list[Article]) -> list[KnownEvent]:
    """The events other sources date as this text does: the same EDTF value, or the same words."""
    titles = {e.id: e.title for e in events}
    found = []
    for phrase in phrases:
        sources: dict[str, list[str]] = {}
        for article in others:
            for told in article.events:
                same_words = (told.date_text or "").casefold() == phrase.phrase.casefold()
                if same_words or (phrase.value is not None and told.date == phrase.value):
                    sources.setdefault(told.event, []).append(article.id)
        for event, ids in sources.items():
            found.append(
                KnownEvent(phrase.phrase, phrase.value, event, titles.get(event, event), tuple(dict.fromkeys(ids)))
            )
    return found


def _title(page: Page, meta: PageMeta) -> tuple[str, str]:
    if meta.title:
        return meta.title[:150], "from the page's metadata"
    for line in list(page.body())[:5]:
        cleaned = MOJIBAKE.sub("", line.text).strip(" -:|")
        if 10 <= len(cleaned) <= 150 and not cleaned.lower().startswith(("published", "posted", "updated")):
            return cleaned, f"guessed from line {line.number}"
    tail = page.breadcrumb_tail()
    if tail:
        return tail[:150], "guessed from the end of the breadcrumb"
    first = next(iter(page.body()), None)
    found = sentences(first.text) if first else []
    return (found[0] if found else "Untitled article")[:150], "guessed from the first lines"


def _author(page: Page, meta: PageMeta) -> tuple[str | None, str]:
    if page.byline:
        job = f' (the job title "{page.byline.job}" is left out)' if page.byline.job else ""
        return page.byline.author, f"from the byline on line {page.byline.line}{job}"
    if meta.author:
        return meta.author[:200], "from the page's metadata"
    return None, ""


def _published(text: str, meta: PageMeta) -> tuple[str | None, str]:
    if meta.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.date):
        return meta.date, "from the page's metadata"
    match = re.search(r"(?:Published|Posted|Updated)(?: on)?:?\s*([^|\n]{6,40})", text, re.IGNORECASE)
    phrase = DATE_PHRASES.search(match.group(1)) if match else None
    value = edtf(phrase.group(0)) if phrase else None
    return (value, "guessed from the text") if value else (None, "no publication date found")


def _names_for_topics(mentions: list[Mention], candidates: list[Candidate]) -> dict[str, list[str]]:
    """The people (and offices, groups) this text names, with the spellings to look for in other sources."""
    names = {m.actor.name: [m.actor.name, *m.actor.aliases] for m in mentions if m.actor.kind != "state"}
    for person in (c for c in candidates if c.person):
        names[person.name] = [person.name, person.name.split(" ")[-1]]
    return names


def _furniture(page: Page) -> Iterator[Warning_]:
    for block in page.furniture():
        where = f"line {block.first}" if block.first == block.last else f"lines {block.first}-{block.last}"
        what = ", ".join(block.what)
        message = f"{where}: {what}: web page furniture, not the article (left out of the title, names and suggestions)"
        yield Warning_(block.first, 1, message, "furniture")


def _damage(text: str) -> Iterator[Warning_]:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")
    if not letters or latin / len(letters) < 0.9:
        return  # a text mostly in another script: Greek letters there are not damage
    for number, line in enumerate(text.splitlines(), 1):
        for match in MOJIBAKE.finditer(line):
            found = match.group(0)
            yield Warning_(
                number,
                match.start() + 1,
                f"'{found}' looks like damaged text (mojibake: emoji or accented letters decoded with the wrong "
                "encoding); quote around it and mention it in editor_note",
            )


def write_draft(
    plan: DraftPlan, data: bytes, content: Path, today: datetime.date, page: bytes | None = None
) -> tuple[Path, Path]:
    """Store `data` (the text exactly as received, or as taken from the saved web page `page`, which is kept beside
    it) and the draft; refuse to overwrite anything, and leave nothing behind if a write fails."""
    raw_path = content / plan.raw_name
    draft_path = content / "articles" / f"{plan.article_id}.yaml"
    files = [(raw_path, data), *([(content / plan.page_name, page)] if plan.page_name and page is not None else [])]
    for path in (*(path for path, _ in files), draft_path):
        if path.exists():
            raise DraftError(f"{path} already exists: choose another id with --id (nothing was written)")
    files.append((draft_path, render_draft(plan, today).encode("utf-8")))
    written: list[Path] = []
    try:
        for path, payload in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as out:
                written.append(path)
                out.write(payload)
    except OSError:
        for path in written:
            path.unlink()
        raise
    return raw_path, draft_path


def is_web_page(name: str, data: bytes) -> bool:
    """A saved web page: named .html/.htm, or starting like one."""
    return name.lower().endswith((".html", ".htm")) or bool(HTML_START.match(data[:4096]))


def extract_page(data: bytes, shown_as: str) -> tuple[str, PageMeta]:
    """The article's text in a saved web page, taken out with trafilatura, and what the page says about itself."""
    import trafilatura  # imported here: only a web page needs it, and it takes a while to load

    document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, favor_precision=True)
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise DraftError(f"{shown_as}: no article text found in this web page: save the article's text instead")
    text = text.strip() + "\n"

    def field_(name: str) -> str | None:
        value = getattr(document, name, None)
        return value.strip() or None if isinstance(value, str) else None

    meta = PageMeta(field_("title"), field_("author"), field_("date"), field_("sitename"), field_("url"))
    return text, meta
