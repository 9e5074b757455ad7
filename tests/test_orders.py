"""The orders chart: what the shipped content says, how the model refuses bad files, and
how orders are compared side by side."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from workshop_kit.core.content import CONTENT_DIR
from workshop_kit.core.facts import Confidence
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.loading import ContentError, load
from workshop_kit.core.orders import OrdersChart, compare

ORDER_IDS = ["adoption", "convention_adoption", "s84_order", "sgo", "cao", "care_order"]


@pytest.fixture(scope="module")
def chart() -> OrdersChart:
    return load(CONTENT_DIR / "orders.yaml", OrdersChart)


def cell(chart: OrdersChart, order_id: str, feature_id: str):
    return chart.order(order_id).features[feature_id]


# --- what the shipped chart says --------------------------------------------------------------

def test_chart_has_all_six_orders_adoption_first_care_order_last(chart):
    assert [o.id for o in chart.orders] == ORDER_IDS


def test_every_order_answers_every_feature(chart):
    feature_ids = [f.id for f in chart.features]
    for order in chart.orders:
        assert list(order.features) == feature_ids, order.id


def test_every_order_has_advantages_and_disadvantages_as_a_permanence_plan(chart):
    for order in chart.orders:
        assert len(order.advantages) >= 2, order.id
        assert len(order.disadvantages) >= 2, order.id


def test_every_to_be_confirmed_fact_says_what_is_to_be_confirmed(chart):
    for location, fact in chart.all_facts():
        if fact.to_be_confirmed:
            assert fact.caveat, location


def test_cell_texts_are_short_enough_for_a_table(chart):
    for location, fact in chart.all_facts():
        assert len(fact.text) <= 260, location
        assert fact.text.count(". ") <= 1, f"{location}: keep it to one or two sentences"


def test_sgo_holder_may_remove_for_less_than_three_months(chart):
    fact = cell(chart, "sgo", "removal_from_uk")
    assert "less than 3 months" in fact.text
    assert "s14C" in fact.source


def test_cao_holder_may_remove_for_less_than_one_month_not_28_days(chart):
    fact = cell(chart, "cao", "removal_from_uk")
    assert "less than one month" in fact.text
    assert "s13(1)(b)" in fact.source
    assert fact.confidence is Confidence.VERIFIED


def test_care_order_child_may_live_abroad_only_with_court_approval(chart):
    fact = cell(chart, "care_order", "removal_from_uk")
    assert "Schedule 2 paragraph 19" in fact.text
    assert "s33(7)" in fact.source


def test_parent_needs_leave_and_a_significant_change_to_end_an_sgo(chart):
    fact = cell(chart, "sgo", "ending")
    assert "leave" in fact.text and "significant change" in fact.text
    assert "Re M [2021] EWCA Civ 442" in fact.source


def test_adoption_ends_the_birth_parents_parental_responsibility(chart):
    assert "birth parents' PR ends" in cell(chart, "adoption", "parental_responsibility").text


def test_s84_order_is_what_makes_removal_for_adoption_abroad_lawful(chart):
    fact = cell(chart, "s84_order", "removal_from_uk")
    assert "offence" in fact.text
    assert "s85" in fact.source
    assert fact.confidence is Confidence.VERIFIED


def test_s84_needs_the_child_at_home_with_the_applicants_for_ten_weeks(chart):
    texts = [(f.text, f.source) for f in chart.order("s84_order").disadvantages]
    assert any("10 weeks" in text and "s84(4)" in source for text, source in texts)


def test_convention_adoption_abroad_makes_child_british_only_if_adopters_live_in_uk(chart):
    """BNA 1981 s1(5A): joint adopters must both be habitually resident in the UK (or a designated
    territory)."""
    fact = cell(chart, "convention_adoption", "nationality")
    assert "habitually resident in the UK" in fact.text and "both joint adopters" in fact.text
    assert "s1(5A)" in fact.source


@pytest.mark.parametrize(("order_id", "feature_id"), [
    ("s84_order", "duration"),  # no checked rule
    ("sgo", "support"),  # which authority supports carers abroad after 3 years ⚠
    ("convention_adoption", "parental_responsibility"),  # depends on the receiving country
])
def test_unsettled_points_are_shown_as_to_be_confirmed(chart, order_id, feature_id):
    fact = cell(chart, order_id, feature_id)
    assert fact.to_be_confirmed
    assert fact.caveat


@pytest.mark.parametrize(("order_id", "feature_id"), [
    ("adoption", "ending"),  # Re X and Y [2025] EWCA Civ 2; [2026] UKSC 13
    ("s84_order", "parental_responsibility"),  # ACA s84(5) applies s46(2)-(4)
    ("s84_order", "looked_after"),  # s84(5), s46(2)(b): the care order ends
    ("care_order", "removal_from_uk"),  # CA s33(8) is statute
    ("cao", "ending"),  # CA s10(4) is statute
    ("adoption", "looked_after"), ("sgo", "looked_after"),  # s46(2)(b); s91(5A)
    ("cao", "looked_after"), ("care_order", "looked_after"),  # s91(1); s33(1), s22(1)
])
def test_settled_law_is_not_badged_to_be_confirmed(chart, order_id, feature_id):
    """FACTS §0 (legal review 2026-11-23): a badge on settled law teaches doubt where there is none."""
    assert not cell(chart, order_id, feature_id).to_be_confirmed


def test_adoption_order_cannot_be_revoked_at_first_instance(chart):
    """Re X and Y (Children: Adoption Order: Setting Aside) [2025] EWCA Civ 2; [2026] UKSC 13."""
    fact = cell(chart, "adoption", "ending")
    assert "cannot be revoked" in fact.text and "appealed" in fact.text
    assert "[2025] EWCA Civ 2" in fact.source


def test_no_fact_teaches_revocation_in_highly_exceptional_cases(chart):
    for location, fact in chart.all_facts():
        said = f"{fact.text} {fact.caveat or ''}".lower()
        assert "highly exceptional" not in said and "inherent jurisdiction" not in said, location


def test_leave_to_oppose_adoption_only_after_placement(chart):
    """ACA s47(3), (5): leave is needed only after placement with consent or a placement order."""
    fact = cell(chart, "adoption", "ending")
    assert "placed with consent or under a placement order" in fact.text
    assert "s47(3)" in fact.source and "s52" in fact.source


def test_s84_order_extinguishes_other_parental_responsibility(chart):
    """ACA s84(5) applies s46(2)-(4)."""
    fact = cell(chart, "s84_order", "parental_responsibility")
    assert "extinguishes" in fact.text and "s84(1), (5)" in fact.source


def test_discharging_an_sgo_needs_more_than_a_change_in_circumstances(chart):
    """Re M [2021] EWCA Civ 442: a change in circumstances is necessary but not sufficient."""
    assert "needed but not enough" in cell(chart, "sgo", "ending").text


@pytest.mark.parametrize("order_id", ["sgo", "cao"])
def test_removal_under_sgo_or_cao_needs_every_pr_holders_consent_or_leave(chart, order_id):
    """CA s13(1)(b), s14C(3)(b); the short absences need neither."""
    assert "written consent of every person with PR or the court's leave" in \
        cell(chart, order_id, "removal_from_uk").text


def test_designated_teacher_and_virtual_school_head_never_weigh_for_a_move_abroad(chart):
    """CA s23ZZA: English duties. The balance sheet carries every advantage of an order as a point
    for the route, so no advantage may offer them."""
    for order in chart.orders:
        for fact in order.advantages:
            said = fact.text.lower()
            assert "designated teacher" not in said and "virtual school" not in said, order.id


def test_seed_advantages_are_credited_to_the_council_guidance(chart):
    sources = [f.source for o in chart.orders for f in (*o.advantages, *o.disadvantages)]
    assert sum("Permanence Planning Guidance" in s for s in sources) >= 20


def test_summary_counts_orders_and_features(chart):
    assert chart.summary() == {"orders": 6, "features": 7}


def test_asking_for_an_unknown_order_lists_the_known_ones(chart):
    with pytest.raises(UnknownId, match="known: adoption, convention_adoption"):
        chart.order("residence_order")


# --- bad files --------------------------------------------------------------------------------

GOOD = """\
features:
  - id: duration
    label: How long it lasts
    question: When does the order end?
  - id: nationality
    label: Effect on nationality
    question: Does the order change the child's nationality?
orders:
  - id: sgo
    name: Special Guardianship Order
    short_name: SGO
    legislation: Children Act 1989 s14A
    summary: A named carer becomes the child's special guardian.
    features:
      duration: {text: Until 18., source: CA 1989 s91, confidence: secondary, last_reviewed: 2026-11-01}
      nationality: {text: No effect., source: BNA 1981, confidence: unverified,
                    caveat: To be confirmed., last_reviewed: 2026-11-01}
  - id: cao
    name: Child Arrangements Order
    short_name: CAO
    legislation: Children Act 1989 s8
    summary: The court settles with whom the child lives.
    features:
      duration: {text: To 18; contact to 16., source: CA 1989 s91(10), confidence: secondary,
                 last_reviewed: 2026-11-01}
      nationality: {text: "No   effect.", source: BNA 1981, confidence: unverified,
                    caveat: To be confirmed., last_reviewed: 2026-11-01}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orders.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(ContentError) as exc:
        load(path, OrdersChart)
    return [(p.field, p.message) for p in exc.value.problems]


def test_a_minimal_good_file_loads(tmp_path):
    chart = load(write(tmp_path, GOOD), OrdersChart)
    assert [o.short_name for o in chart.orders] == ["SGO", "CAO"]


def test_duplicate_order_ids_are_refused_at_the_orders_field(tmp_path):
    found = problems(write(tmp_path, GOOD.replace("id: cao", "id: sgo")))
    assert found == [("orders", "orders ids must be unique; repeated: ['sgo']")]


def test_duplicate_feature_ids_are_refused(tmp_path):
    found = problems(write(tmp_path, GOOD.replace("id: nationality", "id: duration")))
    assert ("features", "features ids must be unique; repeated: ['duration']") in found


def test_an_order_missing_a_feature_is_refused_naming_the_order(tmp_path):
    text = GOOD.replace("      nationality: {text: \"No   effect.\"", "      xx: {text: \"x\"")
    field, message = problems(write(tmp_path, text))[0]
    assert field == "orders"
    assert "order 'cao' has no entry for feature(s) ['nationality']" in message


def test_an_order_with_an_unknown_feature_is_refused_naming_the_known_ones(tmp_path):
    text = GOOD.replace("      duration: {text: To 18;",
                        "      ending: {text: Yes., source: CA s10, confidence: secondary, "
                        "last_reviewed: 2026-11-01}\n      duration: {text: To 18;")
    [(field, message)] = problems(write(tmp_path, text))
    assert field == "orders" and "unknown feature(s) ['ending']" in message
    assert "known features are ['duration', 'nationality']" in message


def test_a_fact_without_a_source_is_refused_naming_the_field(tmp_path):
    text = GOOD.replace("{text: Until 18., source: CA 1989 s91, ", "{text: Until 18., ")
    assert problems(write(tmp_path, text)) == [
        ("orders[0].features.duration.source", "is required but missing")]


def test_an_impossible_date_is_reported_against_last_reviewed(tmp_path):
    text = GOOD.replace("last_reviewed: 2026-11-01}", "last_reviewed: 2026-02-30}", 1)
    [(field, _)] = problems(write(tmp_path, text))
    assert field == "orders[0].features.duration.last_reviewed"


def test_a_chart_needs_at_least_two_orders(tmp_path):
    text = GOOD.split("  - id: cao")[0]
    assert problems(write(tmp_path, text))[0][0] == "orders"


def test_html_in_an_order_name_is_refused(tmp_path):
    text = GOOD.replace("name: Special Guardianship Order", "name: \"<b>SGO</b>\"")
    assert problems(write(tmp_path, text))[0][0] == "orders[0].name"


# --- comparing --------------------------------------------------------------------------------

def test_compare_lays_chosen_orders_side_by_side_in_the_order_chosen(chart):
    comparison = compare(chart, ["cao", "adoption", "s84_order"])
    assert [o.id for o in comparison.orders] == ["cao", "adoption", "s84_order"]
    assert [r.feature.id for r in comparison.rows] == [f.id for f in chart.features]
    row = comparison.rows[0]
    assert row.cells == tuple(chart.order(i).features[row.feature.id]
                              for i in ("cao", "adoption", "s84_order"))


@pytest.mark.parametrize("ids", [["sgo"], ORDER_IDS[:5], []])
def test_compare_needs_two_to_four_orders(chart, ids):
    with pytest.raises(ValueError, match="between 2 and 4"):
        compare(chart, ids)


def test_an_order_cannot_be_compared_with_itself(chart):
    with pytest.raises(ValueError, match="only once"):
        compare(chart, ["sgo", "sgo"])


def test_comparing_an_unknown_order_is_a_key_error(chart):
    with pytest.raises(UnknownId, match="no order 'kafala'"):
        compare(chart, ["sgo", "kafala"])


def test_only_differences_hides_nationality_for_sgo_and_cao(chart):
    full = compare(chart, ["sgo", "cao"])
    short = compare(chart, ["sgo", "cao"], only_differences=True)
    hidden = {r.feature.id for r in full.rows} - {r.feature.id for r in short.rows}
    assert hidden == {"nationality"}
    assert all(r.differs for r in short.rows)


def test_only_differences_ignores_case_and_spacing(tmp_path):
    chart = load(write(tmp_path, GOOD), OrdersChart)
    rows = compare(chart, ["sgo", "cao"], only_differences=True).rows
    assert [r.feature.id for r in rows] == ["duration"]
