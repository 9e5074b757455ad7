"""Read content files safely and turn every problem into a `ContentError` a trainer can act on.

YAML is parsed with PyYAML's safe loader, further restricted: no anchors or aliases (so no alias
bombs), no duplicate keys, no Python tags, and a size cap. Pydantic errors are mapped back to the
line of the file they come from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

MAX_FILE_BYTES = 512 * 1024
"""No content file comes near this; anything bigger is a mistake or an attack."""

Model = TypeVar("Model", bound=BaseModel)
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file."""

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        field = f" [{self.field}]" if self.field else ""
        return f"{where}{field}: {self.message}"


class ContentError(Exception):
    """A content file cannot be used; carries every problem found, each naming file and field."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def field_name(path: FieldPath) -> str:
    """('orders', 2, 'name') -> 'orders[2].name', the way a trainer reads a YAML path."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader without aliases or duplicate keys."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (*name) are not allowed in content files; "
                "write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                raise yaml.constructor.ConstructorError(
                    None, None, "keys must be plain words", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        """An impossible date (2026-02-30) stays text, so the model reports it with its field."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_StrictSafeLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                  _StrictSafeLoader.construct_yaml_timestamp)


def _line_index(node: yaml.Node, path: FieldPath = ()) -> dict[FieldPath, int]:
    """Map every field path in a YAML document to its 1-based line number."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            lines[child] = key_node.start_mark.line + 1
            for sub, line in _line_index(value_node, child).items():
                lines.setdefault(sub, line)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.update(_line_index(item, (*path, i)))
    return lines


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data and where each field stands in it."""

    path: Path
    data: Any
    lines: dict[FieldPath, int]

    def line_of(self, path: FieldPath) -> int | None:
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def display_name(path: Path) -> str:
    """A path as the trainer knows it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> Document:
    """Parse one YAML file, or raise ContentError naming the file and the line."""
    name = display_name(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(name, "", f"cannot be read: {exc.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError([Problem(name, "", f"is {len(raw):,} bytes; content files are "
                                    f"limited to {MAX_FILE_BYTES:,}")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(name, "", f"is not UTF-8 text (byte {exc.start})")]) from None
    try:
        loader = _StrictSafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = exc.problem or exc.context or "is not valid YAML"
        if "could not determine a constructor" in message:
            message = "uses a YAML tag (such as !!python/...) that content files may not use"
        raise ContentError([Problem(name, "", f"is not valid YAML: {message}", line)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, "", f"is not valid YAML: {exc}")]) from None
    except RecursionError:
        raise ContentError([Problem(name, "", "is nested too deeply")]) from None
    if node is None:
        raise ContentError([Problem(name, "", "is empty")])
    return Document(path, data, _line_index(node))


def validate_document(doc: Document, model: type[Model]) -> Model:
    """Validate parsed data against a model; errors name the file, the field and the line."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise ContentError(problems_from(exc, doc)) from None


def problems_from(exc: ValidationError, doc: Document, prefix: FieldPath = ()) -> list[Problem]:
    name = display_name(doc.path)
    problems = []
    for error in exc.errors(include_url=False):
        loc = (*prefix, *error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "is required but missing"
        elif error["type"] == "extra_forbidden":
            message = "is not a field this file may have (misspelt?)"
        elif error["type"] == "model_type" and not loc:
            message = "must be a set of named fields at the top level, not a list or a single value"
        else:
            message = plain_message(error, message)
        problems.append(Problem(name, field_name(loc), message, doc.line_of(loc)))
    return problems


_ID_PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def plain_message(error: Any, fallback: str) -> str:
    """Pydantic's wording is for developers; say what is wrong and what to write instead."""
    value = error.get("input")
    kind = error["type"]
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == _ID_PATTERN:
        bare = re.sub(r"\.(ipynb|ya?ml)$", "", str(value).strip().lower())  # a file name given
        suggestion = re.sub(r"[^a-z0-9_-]+", "_", bare).strip("_-")
        hint = f" — use '{suggestion}'" if suggestion else ""
        return (f"'{value}' is not a valid id: ids are lower-case letters, digits, _ or -{hint}")
    if kind.startswith(("date_", "datetime_")) and isinstance(value, str):
        return date_problem(value)
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        limit = next(iter(error.get("ctx", {}).values()), None)
        words = {"less_than_equal": "at most", "greater_than_equal": "at least",
                 "less_than": "less than", "greater_than": "more than"}[kind]
        return f"is {value}, but must be {words} {limit}"
    return fallback


def date_problem(text: str) -> str:
    """'2026-11-31' -> '31 November 2026 does not exist (November has 30 days)'."""
    match = _ISO_DATE.match(text.strip())
    if not match:
        return f"'{text}' is not a date: write it as YYYY-MM-DD, like 2026-11-23"
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"'{text}' has month {month}, which does not exist: write YYYY-MM-DD"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"{day} {_MONTHS[month - 1]} {year} does not exist ({_MONTHS[month - 1]} has "
                f"{days} days)")
    return f"'{text}' is not a date: write it as YYYY-MM-DD, like 2026-11-23"


def load(path: Path, model: type[Model]) -> Model:
    return validate_document(read_yaml(path), model)
