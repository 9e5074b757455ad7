"""One vocabulary for ids: find by id, refuse repeats, and an unknown id as its own error."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workshop_kit.core.content import countries, timescales
from workshop_kit.core.ids import UnknownId, find_by_id, repeated, require_unique
from workshop_kit.core.timescales import TimescaleTable


def test_an_unknown_id_names_its_kind_the_id_and_the_known_ids():
    with pytest.raises(UnknownId) as caught:
        countries().country("atlantis")
    error = caught.value
    assert (error.kind, error.id) == ("country", "atlantis")
    assert "spain" in error.known
    assert str(error).startswith("no country 'atlantis' (known: ")
    assert isinstance(error, LookupError) and not isinstance(error, KeyError)


def test_find_by_id_returns_the_item_with_that_id():
    plan = timescales()
    assert find_by_id(plan.timescales, "first_review", "timescale").id == "first_review"


def test_repeated_ids_are_listed_once_each_in_order():
    assert repeated(["b", "a", "b", "c", "a", "b"]) == ["a", "b"]
    assert repeated(["a", "b"]) == []
    with pytest.raises(ValueError, match=r"section ids must be unique; repeated: \['x'\]"):
        require_unique("section", ["x", "y", "x"])


def test_a_timescale_naming_an_unknown_route_says_which_and_lists_the_routes():
    data = timescales().model_dump(mode="json")
    data["timescales"][0]["routes"] = ["sgo_abroad", "kafala"]
    with pytest.raises(ValidationError) as caught:
        TimescaleTable.model_validate(data)
    message = str(caught.value)
    first = data["timescales"][0]["id"]
    assert f"timescale '{first}' names unknown route(s) ['kafala']" in message
    assert "known routes are ['sgo_abroad', 'convention_adoption'" in message
