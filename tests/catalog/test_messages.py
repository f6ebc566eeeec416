"""The validator's messages for the mistakes made while writing real price books: each says
what to write instead, every problem comes in one run, and a plan is named by its id."""

import textwrap

import pytest

from calculator import CatalogError, lint, load_catalog, quote
from pricing_site.build.site import content_roots
from pricing_site.catalog import read_catalog
from pricing_site.catalog.schema import plans_schema, schema_problems

from tests.catalogs import one_plan

ROOTS = content_roots()

SEATS = """\
currency: USD
plans:
  - id: free
    name: Free
    price: {flat: 0}
  - id: team
    name: Team
    price:
      seats:
        pricing: graduated
        tiers:
          - up_to: 10
            unit: 50
          - {unit: 40}
"""


def read(tmp_path, text, **options):
    path = tmp_path / "plans.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return read_catalog(path, **options)


def messages(tmp_path, text, **options):
    """``{path: message}`` of every error of ``text``."""
    return {e.path: e.message for e in read(tmp_path, text, **options).errors}


# -- what to write instead ------------------------------------------------------------------
@pytest.mark.parametrize("written, hint", [
    ("1,500", "(write 1500, without separators)"),
    ("1 500", "(write 1500, without separators)"),
    ("1,500.25", "(write 1500.25, without separators)"),
    ("$40", "(write 40, without the currency sign)"),
])
def test_a_number_written_for_people_is_told_how_to_write_it(tmp_path, written, hint):
    said = messages(tmp_path, SEATS.replace("up_to: 10", f"up_to: {written}"))
    assert said == {"plans[1].price.seats.tiers[0].up_to":
                    f"expected a number, got '{written}' {hint}"}


def test_the_schema_says_the_same_where_the_engine_does_not_look():
    """A pricing the engine does not know leaves the tiers to the schema, which said
    "'1,500' is not valid under any of the given schemas"; a variation's coverage and weights
    are rates only the schema reads."""
    data = {"currency": "USD", "plans": [{"id": "a", "name": "A", "price": {"seats": {
        "pricing": "graduatd", "tiers": [{"up_to": "1,500", "unit": 5}, {"unit": 3}]}}}],
        "variants": {"experiment": "x", "coverage": "50%", "variations": [
            {"key": "control", "name": "C"}, {"key": "b", "name": "B"}]}}
    said = {p.path: p.message for p in schema_problems(data, plans_schema())}
    assert said["plans[0].price.seats.tiers[0].up_to"] == (
        "expected a number, got '1,500' (write 1500, without separators)")
    assert said["variants.coverage"] == "expected a number, got '50%' (write 50% as 0.5)"


@pytest.mark.parametrize("written, hint", [
    ("16.67%", "expected a number, got '16.67%' (write 16.67% as 0.1667)"),
    ("20 %", "expected a number, got '20 %' (write 20% as 0.2)"),
    ("20", "a discount must be between 0 and 1, got 20 (write 20% as 0.2)"),
])
def test_a_discount_written_as_a_percentage_gets_its_fraction(tmp_path, written, hint):
    said = messages(tmp_path, SEATS.replace("currency: USD", f"currency: USD\nannual_discount: {written}"))
    assert said == {"annual_discount": hint}


# -- a tier priced by its flat fee alone --------------------------------------------------------
def test_a_tier_with_a_flat_fee_alone_needs_no_unit_price():
    """As Stripe takes a tier with flat_amount and no unit_amount, and Lago a flat_amount
    beside a per_unit_amount of 0: the unit price is 0."""
    catalog = load_catalog(one_plan(seats={"pricing": "graduated", "tiers": [
        {"up_to": 10, "flat": 100}, {"unit": 5}]}))
    assert catalog.plan("p").seats.tiers[0].unit == 0
    # 12 seats: the first tier's $100 fee covers seats 1-10, then 2 x $5
    assert quote(catalog, {"plan": "p", "seats": 12}).total == 110
    assert load_catalog(catalog.to_dict()) == catalog


def test_a_tier_without_any_price_says_what_it_can_have():
    with pytest.raises(CatalogError) as info:
        load_catalog(one_plan(seats={"pricing": "graduated", "tiers": [{"up_to": 10}, {"unit": 5}]}))
    [problem] = info.value.problems
    assert (problem.path, problem.message) == (
        "plans[0].price.seats.tiers[0]", "a tier needs a price: unit (per unit), flat (a fee "
        "for the tier) or both; or custom: true for 'contact sales'")


# -- the schema takes what the engine takes --------------------------------------------------
def _agreement(unit, tier):
    """``(engine's problems, schema's problems)`` of a catalog with metric ``unit`` and a seat
    ``tier`` first, as ``(path, message)`` pairs."""
    data = one_plan(seats={"pricing": "graduated", "tiers": [tier, {"unit": 5}]})
    data["metrics"]["m"]["unit"] = unit
    try:
        load_catalog(data)
        engine = []
    except CatalogError as exc:
        engine = [(p.path, p.message) for p in exc.problems]
    return engine, [(p.path, p.message) for p in schema_problems(data, plans_schema())]


@pytest.mark.parametrize("unit, tier", [
    ("GB", {"up_to": 10, "flat": 100}),
    ({"one": "message", "other": "messages"}, {"up_to": 10, "unit": 1}),
    ({"one": "message", "other": "messages"}, {"up_to": 10, "unit": 1, "flat": 2}),
    ("GB", {"up_to": 10, "custom": True}),
])
def test_the_schema_takes_what_the_engine_takes(unit, tier):
    """Editors check plans.yaml against the schema as it is: a unit in two forms and a tier
    priced by its flat fee alone are valid there too."""
    assert _agreement(unit, tier) == ([], [])


@pytest.mark.parametrize("unit, tier, said", [
    ("GB", {"up_to": 10}, ("plans[0].price.seats.tiers[0]", "a tier needs a price")),
    ({"one": "message"}, {"up_to": 10, "unit": 1}, ("metrics.m.unit.other", "is required")),
    (7, {"up_to": 10, "unit": 1}, ("metrics.m.unit", "expected a unit ('GB'), or its singular "
                                                     "and plural ({one: message, other: messages}), got 7")),
    ({"one": "message", "many": "messages"}, {"up_to": 10, "unit": 1},
     ("metrics.m.unit.many", "write 'other:' for the plural (the forms are named as CLDR names "
                             "them: {one: message, other: messages})")),
])
def test_the_schema_refuses_what_the_engine_refuses(unit, tier, said):
    engine, schema = _agreement(unit, tier)
    [(path, message)] = engine
    assert path == said[0] and message.startswith(said[1])
    assert schema, "the schema lets an editor accept it"
