"""Command line: `python -m builder check|build|site|schema`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import re
import sys
import time
from pathlib import Path

from builder.engines import EngineError, engine, guide_settings
from builder.pipeline import build, check, read_guide
from builder.problems import ContentError, DraftError
from builder.publish import PublishError, publish
from builder.stale import Stale

# Commands other than check/build/site import what only they need when they run: a rebuild after one edit
# should not pay for the exporters', the schema writer's or the synthetic generator's imports.
EXPORT_FORMATS = ("analysis", "anki", "anki-tsv", "json", "quizlet")

__all__ = ["main"]


class CommandError(Exception):
    """A command cannot run as asked; the message says what to do."""


ROOT = Path()  # paths stay relative, so messages read content/articles/x.yaml


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m builder", description="Build a study guide from content/.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder (default: content)")
    parser.add_argument(
        "--out",
        type=Path,
        help="generated Markdown folder (default: build/docs for content/, build/NAME/docs for another folder NAME)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="folder where builds keep what they learned, so a rebuild redoes only what changed "
        "(default: build/cache for content/, build/NAME/cache for another folder NAME)",
    )
    parser.add_argument("--no-cache", action="store_true", help="build everything from scratch, keeping no cache")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="write a skeleton guide that builds at once into a new folder")
    init.add_argument("folder", type=Path, help="the new content folder (it must not exist, or be empty)")
    commands.add_parser("check", help="validate the content and report every problem")
    commands.add_parser("build", help="validate, then write the generated Markdown")
    site = commands.add_parser("site", help="build, then publish the site (the engine's strict build)")
    site.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    site.add_argument("--site", type=Path, help="output folder (default: site for content/, site-NAME for NAME)")
    _engine_option(site)
    new = commands.add_parser("new", help="store a new article's text and write a draft summary of it")
    new.add_argument(
        "path",
        nargs="?",
        help="the article as a UTF-8 text file or a saved web page (.html), or - to read standard input",
    )
    new.add_argument("--id", help="article id (default: made from the title)")
    new.add_argument(
        "--refresh",
        metavar="ID",
        help="instead: bring the suggestions in the draft ID up to date with the current actors, topics and "
        "articles, keeping every line the editor wrote",
    )
    new.set_defaults(usage_error=new.error)
    export = commands.add_parser("export", help="export the question bank (Anki, Quizlet, JSON) or the analysis (JSON)")
    export.add_argument("format", choices=EXPORT_FORMATS, help="what to write")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: the format's usual name)")
    offline = commands.add_parser("offline", help="build the offline edition (opens from file://, search works)")
    offline.add_argument("--config", type=Path, default=ROOT / "mkdocs.offline.yml", help="MkDocs config")
    offline.add_argument("--site", type=Path, help="output folder (default: site-offline, or site-offline-NAME)")
    offline.add_argument(
        "--shim",
        type=Path,
        default=ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js",
        help="iframe-worker shim from the npm package (npm ci installs it)",
    )
    _engine_option(offline)
    serve = commands.add_parser("serve", help="live preview: mkdocs serve, rebuilding when content/ or theme/ change")
    serve.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    _engine_option(serve)
    schema = commands.add_parser("schema", help="write the JSON Schemas of the content files")
    schema.add_argument("--schema-dir", type=Path, default=ROOT / "builder" / "schema", help="where to write them")
    synth = commands.add_parser("synth", help="write a synthetic content folder of N articles (for benchmarks)")
    synth.add_argument("articles", type=_article_count, help="number of articles")
    synth.add_argument("folder", type=Path, help="folder to create (must be new or empty)")
    synth.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    return parser


def _engine_option(command: argparse.ArgumentParser) -> None:
    from builder.engines import ENGINES

    command.add_argument(
        "--engine",
        choices=ENGINES,
        default=os.environ.get("STORYGUIDE_ENGINE", "mkdocs"),
        help="site engine: mkdocs (MkDocs 1.6 + Material, the default) or zensical (pip install -e '.[zensical]'); "
        "default from $STORYGUIDE_ENGINE, else mkdocs",
    )


def _article_count(text: str) -> int:
    from builder.synth import article_count

    return article_count(text)


def say(message: str) -> None:
    print(f"builder: {message}", file=sys.stderr)


def guide_folders(content: Path) -> tuple[Path, Path, str]:
    """Where one guide's generated Markdown and cache go, and the suffix of its site folders: build/docs,
    build/cache and site/ for content/ (the shipped layout); build/NAME/docs, build/NAME/cache and site-NAME/ for
    any other content folder NAME, so that two guides in one checkout never overwrite each other."""
    if content.resolve() == (ROOT / "content").resolve():
        return ROOT / "build" / "docs", ROOT / "build" / "cache", ""
    name = content.resolve().name
    return ROOT / "build" / name / "docs", ROOT / "build" / name / "cache", f"-{name}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out, cache_folder, suffix = guide_folders(args.content)
    args.out = args.out or out
    args.cache = args.cache or cache_folder
    if args.command in ("site", "offline") and args.site is None:
        args.site = ROOT / f"{'site' if args.command == 'site' else 'site-offline'}{suffix}"
    cache = None if args.no_cache else args.cache
    started = time.perf_counter()
    try:
        if args.command == "synth":
            from builder.synth import synthesize, write_corpus

            write_corpus(synthesize(args.articles, args.seed), args.folder)
            say(f"wrote {args.articles} synthetic articles to {args.folder}")
            return 0
        if args.command == "init":
            from builder.init import init_guide

            written = init_guide(args.folder)
            say(f"wrote a skeleton guide to {args.folder} ({len(written)} files, one example of each kind)")
            say(f"next: make check-content GUIDE={args.folder}, then replace the examples with your story (README:")
            say("'Starting a new guide')")
            return 0
        if args.command == "schema":
            from builder.schema import write_schemas

            for path in write_schemas(args.schema_dir):
                say(f"wrote {path}")
            return 0
        if args.command == "serve":
            from builder.serve import Sources, serve

            sources = Sources(args.content, args.out, args.cache, (args.config.parent / "theme", args.config))
            return serve(args.config, args.dev_addr, args.engine, sources)
        if args.command == "new":
            return new_command(args)
        if args.command == "export":
            from builder.export import EXPORT_FORMATS as FILE_NAMES
            from builder.export import export_bank

            corpus = check(args.content)
            if args.format == "analysis":
                from builder.analyse import analyse
                from builder.export_analysis import export_analysis

                output = args.output or Path("analysis.json")
                output.write_bytes(export_analysis(corpus, analyse(corpus)))
            else:
                output = args.output or Path(FILE_NAMES[args.format])
                output.write_bytes(export_bank(args.format, corpus))
            say(f"wrote {output}")
            return 0
        if args.command == "check":
            corpus = check(args.content, cache)
            say(
                f"content is valid: {len(corpus.articles)} articles, {len(corpus.actors)} actors, "
                f"{len(corpus.topics)} topics, {len(corpus.events)} events"
            )
            return 0
        chosen = engine(args.engine) if args.command in ("site", "offline") else None  # before any writing
        stale: list[Stale] = []
        articles, report = build(args.content, args.out, cache, stale)
        say(
            f"{articles} articles -> {args.out}: {report.written} written, "
            f"{report.unchanged} unchanged, {report.removed} removed ({time.perf_counter() - started:.2f} s)"
        )
        _say_stale(stale)
        settings = guide_settings(read_guide(args.content), args.content, args.out) if chosen else None
        if args.command == "site":
            publish(args.config, args.site, with_engine=chosen, guide=settings)
            elapsed = time.perf_counter() - started
            say(f"site built with {args.engine} in {elapsed:.2f} s: open {args.site / 'index.html'}")
        if args.command == "offline":
            publish(args.config, args.site, {SHIM_PATH: _read_shim(args.shim)}, with_engine=chosen, guide=settings)
            say(f"offline edition built: open {args.site / 'index.html'} straight from the disk")
        return 0
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        say(f"{len(err.problems)} problem(s) in {args.content}; nothing was written")
        return 1
    except PublishError as err:
        print(err, file=sys.stderr)
        say(f"{args.engine} build failed; the previous site is untouched")
        return 1
    except EngineError as err:
        say(str(err))
        return 1
    except (FileExistsError, DraftError, CommandError) as err:
        say(str(err))
        return 1


def new_command(args: argparse.Namespace) -> int:
    """`new TEXT [--id ID]` drafts an article; `new --refresh ID` updates a draft's suggestions."""
    if args.path is None and args.refresh is None:
        args.usage_error("give the article's text (a file, or - for standard input), or --refresh ID")
    if args.path is not None and args.refresh is not None:
        args.usage_error("give either a text to draft or --refresh ID, not both")
    if args.refresh is not None and args.id is not None:
        args.usage_error("--refresh takes the article's id itself: use --refresh ID without --id")
    if args.refresh is not None:
        return refresh_article(args.refresh, args.content)
    return new_article(args.path, args.id, args.content)


def refresh_article(article_id: str, content: Path) -> int:
    """`new --refresh`: rewrite the draft's suggestions, check that the guide still validates, say what changed."""
    from builder.draft_refresh import refresh_draft

    done = refresh_draft(content, article_id)
    check(content)
    for line in done.report():
        say(line)
    return 0


def new_article(source: str, article_id: str | None, content: Path) -> int:
    """`new`: store the text (taken out of a saved web page if it is one), write the draft, check that it
    validates, and say what to do next."""
    from builder.draft import extract_page, is_web_page, plan_draft, read_text, write_draft
    from builder.model import SLUG
    from builder.paths import reserved_for

    shown_as = "standard input" if source == "-" else source
    data = sys.stdin.buffer.read() if source == "-" else _read_input(Path(source))
    if article_id is not None and not re.fullmatch(SLUG, article_id):
        raise DraftError(f"--id {article_id!r}: use lowercase letters and digits joined by hyphens")
    page = data if data.strip() and is_web_page(source, data) else None
    if page is not None:
        text, meta = extract_page(page, shown_as)
        data = text.encode("utf-8")
    else:
        text, meta = read_text(data, shown_as), None
    corpus = check(content)
    plan = plan_draft(text, corpus, article_id, meta)
    if (taken := reserved_for("article", plan.article_id)) is not None:
        how = "give another with --id" if article_id is not None else "give one with --id"
        raise DraftError(f"the id '{plan.article_id}' would make the page {taken}: {how}")
    if page is not None:
        plan = dataclasses.replace(plan, page_name=f"raw/{plan.article_id}.html")
    raw_path, draft_path = write_draft(plan, data, content, datetime.date.today(), page)
    for warning in plan.warnings:
        say(f"{raw_path}:{warning.line}:{warning.col}: warning: {warning.message}")
    check(content)
    kept = f" (the web page itself as {content / plan.page_name})" if plan.page_name else ""
    say(f"stored {raw_path}{kept} and wrote the draft {draft_path} (status: draft; it validates)")
    people = sum(c.person for c in plan.candidates)
    say(
        f"found {len(plan.mentions)} known actors, {len(plan.date_phrases)} date phrases, "
        f"{len(plan.stubs)} claim stubs, {len(plan.candidates)} unknown names ({people} people)"
        + (f", author {plan.author}" if plan.author else "")
    )
    site = "make site" if content.resolve() == (ROOT / "content").resolve() else f"make site GUIDE={content}"
    say(f"next: edit {draft_path} (every REVIEW line), run `{site}`, then set status: reviewed")
    return 0


SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"  # as named in mkdocs.offline.yml


def _say_stale(stale: list[Stale]) -> None:
    """The passages a new article may have made false, after a build: for the editor to read again."""
    if not stale:
        return
    say(f"may be stale: {len(stale)} hand-written passage(s) to read again now that the sources have changed")
    for passage in stale:
        print(f"  {passage}", file=sys.stderr)


def _read_shim(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise CommandError(f"{path} is missing: run `npm ci` first (make offline does it)") from err


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise DraftError(f"{path}: cannot read it: {err.strerror}") from err
