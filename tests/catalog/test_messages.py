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
    ({"one": "message", "other": "messages"}, {"up_to": 10, "unit": 1}),
])
def test_the_schema_takes_what_the_engine_takes(unit, tier):
    """Editors check plans.yaml against the schema as it is: a unit in two forms is valid
    there too."""
    assert _agreement(unit, tier) == ([], [])


@pytest.mark.parametrize("unit, tier, said", [
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
