"""Ids: how every content item is found by its id, how ids are kept unique, and the error an
unknown id raises.

Content links by id everywhere (a plan names its quiz, a case names its country, a notebook names
its sections), so finding by id and refusing repeats is written once, here. An unknown id is its
own exception, `UnknownId`, so the command line can tell "you named something that does not
exist" (a message, exit 1) from a bug in the code (the 'unexpected' branch).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=HasId)


class UnknownId(LookupError):
    """An id that names nothing: carries the kind of thing, the id given and the ids known."""

    def __init__(self, kind: str, given: str, known: Iterable[str], where: str = ""):
        self.kind, self.id, self.known, self.where = kind, given, tuple(known), where
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" {self.where}" if self.where else ""
        known = ", ".join(self.known) or "none"
        return f"no {self.kind} '{self.id}'{where} (known: {known})"


def find_by_id(items: Iterable[Item], item_id: str, kind: str, where: str = "") -> Item:
    """The item whose `id` is `item_id`, or `UnknownId` listing the ids there are."""
    items = tuple(items)
    for item in items:
        if item.id == item_id:
            return item
    raise UnknownId(kind, item_id, (i.id for i in items), where)


def repeated(ids: Iterable[str]) -> list[str]:
    """The ids that appear more than once, sorted."""
    seen: set[str] = set()
    twice: set[str] = set()
    for i in ids:
        (twice if i in seen else seen).add(i)
    return sorted(twice)


def require_unique(kind: str, ids: Iterable[str]) -> None:
    """Raise ValueError (which pydantic reports against the field) if any id repeats."""
    if dupes := repeated(ids):
        raise ValueError(f"{kind} ids must be unique; repeated: {dupes}")
