"""Keys: digests of a build's inputs. Whatever a later build may reuse (a parsed article, a rendered page) is kept
under the digest of exactly the inputs it was made from, never under file times (a `git checkout` changes times,
not content); `code_version` covers the builder itself."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

__all__ = ["LIBRARIES", "code_version", "digest", "library_versions"]

LIBRARIES = ("pydantic", "pydantic-core", "jinja2", "markupsafe", "pyyaml", "genanki")


def digest(*parts: bytes | str) -> str:
    """A short, stable digest of `parts` (separated, so ('ab', 'c') and ('a', 'bc') differ)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def code_version() -> str:
    """Digest of the builder's code, templates and exam presets, the Python version and the libraries' versions."""
    package = Path(__file__).parent
    parts: list[bytes | str] = [sys.version]
    for path in sorted([*package.glob("*.py"), *package.glob("templates/*.j2"), *package.glob("exams/*.yaml")]):
        parts += [path.name, path.read_bytes()]
    versions = library_versions(LIBRARIES)
    parts += [f"{name}={versions[name] or 'none'}" for name in LIBRARIES]
    return digest(*parts)


def library_versions(names: Sequence[str]) -> dict[str, str | None]:
    """The installed version of each distribution in `names` (None if it is not installed), as importers find
    them: the first `{name}-{version}.dist-info` folder on sys.path. importlib.metadata answers for any that is
    installed otherwise (an .egg-info, a zip); it is thorough, but takes longer to import (some 25 ms) than a
    small rebuild takes to run."""
    wanted = {_normal(name): name for name in names}
    found: dict[str, str | None] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, version = item[: -len(".dist-info")].partition("-")
                key = wanted.get(_normal(name))
                if key is not None and key not in found and version:
                    found[key] = version
    missing = [name for name in names if name not in found]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = None
    return found


def _normal(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503), '-' for '_' and '.', in lower case."""
    return re.sub(r"[-_.]+", "-", name).lower()
