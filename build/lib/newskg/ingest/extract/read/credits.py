"""Credits around a wire story: who reported it and which agency it came from.

    "(Reporting by Jane Doe and John Roe; Editing by Ann Poe)"   authors Jane Doe, John Roe (editors are not authors)
    "(With inputs from AGENCY)", "Source: AGENCY", "OUTLET: AGENCY"  the agency (and the outlet)
    "... said on Tuesday. —AGENCY"                                  a post's closing sign-off: the agency

A credit is not the article's text: sign_off says where a paragraph's sign-off starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newskg.ingest.extract.read.byline import Byline, read_names
from newskg.ingest.extract.read.conventions import conventions

MAX_SIGN_OFF_CHARS = 60
MAX_CREDIT_WORDS = 40


@dataclass(frozen=True)
class _Patterns:
    roles: re.Pattern[str]  # a credit line of roles, in brackets
    role_split: re.Pattern[str]  # each role and the names after it
    author_role: re.Pattern[str]  # a role whose people are authors
    sign_off: re.Pattern[str]  # an agency closing a paragraph after its last sentence


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    rules = conventions()
    return _Patterns(
        roles=re.compile(rf"^\(\s*(?:{rules.credit_roles})\s.*\)\.?$", re.IGNORECASE),
        role_split=re.compile(rf"(?:^|[;,(]\s*)(?P<role>{rules.credit_roles})\s+", re.IGNORECASE),
        author_role=re.compile(rf"^(?:{rules.author_roles})$", re.IGNORECASE),
        sign_off=re.compile(rf"(?<=[.!?\"'”’])\s*[—–-]{{1,2}}\s*(?P<agency>{rules.words.agency_pattern})\s*$"),
    )


def _role_credit(text: str) -> Byline | None:
    patterns = _patterns()
    if not patterns.roles.match(text):
        return None
    found = Byline()
    pieces = patterns.role_split.split(text.strip().strip("().").strip())
    for role, names in zip(pieces[1::2], pieces[2::2]):
        names = names.strip(" ;,")
        agency = conventions().words.agency(names)
        if agency:
            found = found.joined(Byline(agency=agency))
        elif patterns.author_role.match(role.strip()):
            found = found.joined(Byline(authors=read_names(names).authors))
    return found


def credit_line(text: str) -> Byline | None:
    """What a line of credits says, or None when the line is no credit."""
    line = text.strip()
    if len(line.split()) > MAX_CREDIT_WORDS:
        return None
    found = _role_credit(line)
    if found is not None:
        return found
    words = conventions().words
    for pattern in conventions().agency_lines:
        match = pattern.fullmatch(line)
        if match and words.agency(match["agency"]):
            outlet = match.groupdict().get("outlet")
            return Byline(agency=words.agency(match["agency"]), outlet=outlet.strip() if outlet else None)
    match = _patterns().sign_off.search("." + line)  # a sign-off alone on its line
    if match and match.start() == 1:
        return Byline(agency=match["agency"])
    return None


def sign_off(paragraph: str) -> tuple[str | None, int]:
    """The agency a paragraph's closing sign-off names, and where the sign-off starts (the paragraph's length when
    there is none)."""
    start = max(len(paragraph) - MAX_SIGN_OFF_CHARS, 0)  # a sign-off is short: only the paragraph's end is read
    match = _patterns().sign_off.search(paragraph, start)
    return (match["agency"], match.start()) if match else (None, len(paragraph))
