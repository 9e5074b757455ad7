"""Text types that content files may use.

Content is written by trainers and shown to people in a browser, a slide deck and a client report,
so every string is checked here once: no control or bidirectional-override characters (which can
make text read differently from what it says), no HTML tags, and a sane length.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

_TAG = re.compile(r"<[A-Za-z/!?]")
_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
         "\u200e", "\u200f", "\u061c"}


_EMOJI_SEQUENCE = re.compile(
    "\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"  # a subdivision flag: black flag, tags, cancel tag
    "|(?<=[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F])\u200D(?=[\U0001F000-\U0001FAFF\u2600-\u27BF])"
)
"""Format characters that belong to emoji: the tag sequence of the Welsh, Scottish and English flags
(U+1F3F4 then tag letters, ending U+E007F) and a zero-width joiner between two emoji."""


def _check_text(value: str) -> str:
    allowed = {i for m in _EMOJI_SEQUENCE.finditer(value) for i in range(m.start(), m.end())}
    for index, char in enumerate(value):
        if char in "\n\t" or index in allowed:
            continue
        if char in _BIDI:
            raise ValueError(
                f"contains a bidirectional control character (U+{ord(char):04X}); remove it"
            )
        if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} and char != "\u00ad":
            raise ValueError(f"contains an invisible control character (U+{ord(char):04X}); remove it")
    if _TAG.search(value):
        raise ValueError("contains an HTML tag; write plain text (a '<' must be followed by a space)")
    return value


def _check_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be a single line")
    return _check_text(value)


Line = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_check_line),
]
"""A short single-line label: a name, a title, a citation."""

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    AfterValidator(_check_text),
]
"""A paragraph of plain text."""

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
]
"""A stable id: lower-case letters, digits, '-' and '_' (never a path separator)."""
