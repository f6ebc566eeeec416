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


@pytest.mark.parametrize("feature", ["Unlimited notes: yes", "Storage: 10 GB", "Seats: 5"])
def test_a_text_with_a_colon_is_told_to_take_quotes(tmp_path, feature):
    """YAML reads "Unlimited notes: yes" as a key and its value, not as the text written."""
    said = messages(tmp_path, SEATS.replace("    name: Free\n",
                                            f"    name: Free\n    features:\n      - {feature}\n"))
    assert said == {"plans[0].features[0]": "expected a text, got a mapping (a ': ' in it made "
                                            "YAML read a key and its value: write the text in "
                                            "quotes)"}


@pytest.mark.parametrize("written, said", [("Yes", "got true (YAML read it as a yes or no"),
                                           ("off", "got false (YAML read it as a yes or no"),
                                           ("2024", "got 2024 (YAML read it as a number")])
def test_a_text_yaml_reads_as_something_else_is_told_to_take_quotes(tmp_path, written, said):
    text = SEATS.replace("    name: Free\n", f"    name: Free\n    badge: {written}\n")
    assert messages(tmp_path, text) == {
        "plans[0].badge": f"expected a text, {said}: write the text in quotes)"}


def test_the_engine_gives_the_same_hint_for_a_name(tmp_path):
    """A plan's name is the engine's to read ("expected a non-empty text"): the same words."""
    said = messages(tmp_path, SEATS.replace("    name: Free\n", "    name: No\n"))
    assert said == {"plans[0].name": "expected a non-empty text, got false (YAML read it as a "
                                     "yes or no: write the text in quotes)"}


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


@pytest.mark.parametrize("written, said", [
    ("5%", "expected a number, got '5%' (write 5% as 0.05)"),
    (5, None),                      # 500% a month: a rate, if a steep one
    (-1, "must be above -1, got -1"),   # -100%: nothing would be left
])
def test_the_planners_growth_is_a_monthly_rate(written, said):
    data = {"currency": "USD", "plans": [{"id": "a", "name": "A", "price": {"seats": {"unit": 5}}}],
            "site": {"pricing": {"planner": {"growth": {"seats": written}, "months": 61}}}}
    problems = {p.path: p.message for p in schema_problems(data, plans_schema())}
    assert "site.pricing.planner.months" in problems      # at most 60
    got = problems.get("site.pricing.planner.growth.seats")
    assert got == said


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


# -- every problem in one run ------------------------------------------------------------------
MISTAKES = """\
currency: USD
annual_discount: 16.67%
metrics:
  api_calls: {name: API calls, unit: calls, max: lots}
plans:
  - id: free
    name: Free
    taglin: For trying it out
    cta: {label: Start, url: signup/}
    price:
      seats:
        pricing: graduatd
        tiers:
          - {up_to: 10, unit: 5}
          - {up_to: 5, unit: 4}
          - {unit: 3}
      usage:
        api_calls:
          pricing: volume
          tiers:
            - up_to: 1,500
              unit: 0.01
            - {unit: -1}
  - id: team
    name: Team
    price: {flat: -5}
    commitment: {discount: 20}
  - id: business
    name: Business
    price:
      seats: {unit: 10}
      usage:
        api_cals: {unit: 1, included: -3}
site:
  footer: Prices in EUR.
  hero:
    headline: Hello
    image: {src: assets/images/nope.svg, alt: ""}
variants:
  experiment: test
  variations:
    - {key: control, name: Control, weight: 0.5}
    - {key: b, name: B, weight: 0.6, patch: {plans: [{id: team, name: Team, price: {flat: -7}}]}}
"""

EVERY_MISTAKE = {
    "annual_discount": "(write 16.67% as 0.1667)",
    "metrics.api_calls.max": "expected a number, got 'lots'",
    "plans[0].taglin": "did you mean 'tagline'",
    "plans[0].cta.url": "no page 'signup/'",
    "plans[0].price.seats.pricing": "unknown pricing 'graduatd'",
    "plans[0].price.seats.tiers[1].up_to": "tiers out of order or overlapping",
    "plans[0].price.usage.api_calls.tiers[0].up_to": "(write 1500, without separators)",
    "plans[0].price.usage.api_calls.tiers[1].unit": "zero or more, got -1",
    "plans[1].price.flat": "zero or more, got -5",
    "plans[1].commitment.annual_minimum": "is required",
    "plans[1].commitment.discount": "(write 20% as 0.2)",
    "plans[2].price.usage.api_cals": "undeclared metric 'api_cals'",
    "plans[2].price.usage.api_cals.included": "zero or more, got -3",
    "site.footer": "the footer names EUR, but the prices are in USD",
    "site.hero.image.src": "no file 'assets/images/nope.svg'",
    "variants.variations": "the weights add up to 1.1",
    "[variant b] plans[1].price.flat": "zero or more, got -7",
}


def test_every_mistake_of_a_readable_file_comes_in_one_run(tmp_path):
    """Before, each line below waited for the ones before it to be fixed: a misspelt pricing
    hid its tiers, a metric's mistake every charge of it, a price error the page content, the
    file's errors its variations."""
    errors = read(tmp_path, MISTAKES, lint=False, roots=ROOTS).errors
    said = {e.path: e.message for e in errors}
    assert set(said) == set(EVERY_MISTAKE), sorted(said)
    for path, words in EVERY_MISTAKE.items():
        assert words in said[path], (path, said[path])
    assert [e.line for e in errors] == sorted(e.line for e in errors)


def test_a_variation_repeats_no_mistake_of_the_file_it_patches(tmp_path):
    """Every variation is the file plus its patch: the file's own mistakes are told once."""
    text = MISTAKES.split("variants:")[0] + textwrap.dedent("""\
        variants:
          experiment: test
          variations:
            - {key: control, name: Control}
            - {key: b, name: B, patch: {site: {hero: {headline: Hi}}}}
        """)
    errors = read(tmp_path, text, lint=False, roots=ROOTS).errors
    assert not [e.path for e in errors if e.path.startswith("[variant")]


# -- a plan named by its id beside its index ---------------------------------------------------
def test_a_located_problem_names_its_plan(tmp_path):
    [error] = read(tmp_path, SEATS.replace("{unit: 40}", "{unit: -40}")).errors
    assert error.path == "plans[1].price.seats.tiers[1].unit"   # the field path, as before
    assert str(error).endswith(": plans[1] (team).price.seats.tiers[1].unit: expected a price "
                               "that is zero or more, got -40")
    assert error.to_dict()["plan"] == "team"


def test_a_warning_and_a_variation_name_their_plan_too(tmp_path):
    # volume tiers (a cliff), and a base fee that Free, at $0, always undercuts (an idle plan)
    cliff = SEATS.replace("pricing: graduated", "pricing: volume").replace(
        "    price:\n      seats:", "    price:\n      flat: 1\n      seats:")
    warnings = [str(w).split(": warning: ", 1)[1] for w in read(tmp_path, cliff).warnings]
    assert [w.split(": ", 1)[0] for w in warnings] == [
        "plans[1] (team)", "plans[1] (team).price.seats.tiers[1]"], warnings
    patched = SEATS + textwrap.dedent("""\
        variants:
          experiment: x
          variations:
            - {key: control, name: Control}
            - {key: b, name: B, patch: {plans: [{id: pro, name: Pro, price: {flat: -1}}]}}
        """)
    [error] = read(tmp_path, patched).errors
    assert ": [variant b] plans[2] (pro).price.flat: " in str(error)


def test_the_engine_alone_words_its_paths_as_before():
    """``load_catalog`` (the browser's catalog.json) has no file to name plans from."""
    assert not lint(load_catalog(one_plan(seats={"unit": 1})))
    with pytest.raises(CatalogError, match=r"plans\[0\]\.price\.flat: expected a price"):
        load_catalog(one_plan(flat=-1))
