"""Promotions and commitment levels as plans.yaml writes them: the schema editors complete them
with, located mistakes, and the day a site is priced on."""

import textwrap

import pytest
from jsonschema import Draft202012Validator

from calculator.catalog import COMMITMENT_KEYS, OVERAGES, TRUE_UPS
from calculator.promotions import PROMOTION_KEYS
from pricing_site.catalog import read_catalog
from pricing_site.catalog.build_day import build_day
from pricing_site.catalog.schema import plans_schema
from pricing_site.catalog.yaml_reader import read_yaml

PLANS = """\
currency: USD
promotions:
  launch:
    name: Launch offer
    discount: 0.5
    months: 3
    until: 2026-06-30
    plans: [team]
  friends:
    name: Friends
    amount_off: 10
    code: FRIENDS
plans:
  - id: team
    name: Team
    price:
      seats: {unit: 10}
    commitment:
      - {annual_minimum: 12000, discount: 0.2}
      - {annual_minimum: 24000, discount: 0.25, true_up: yearly, overage: list}
"""


def read(tmp_path, text):
    path = tmp_path / "plans.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return read_catalog(path)


def test_the_schema_accepts_what_the_engine_reads(tmp_path):
    got = read(tmp_path, PLANS)
    assert got.errors == []
    data, _, _ = read_yaml(tmp_path / "plans.yaml")
    assert list(Draft202012Validator(plans_schema()).iter_errors(data)) == []
    assert got.catalog.promotions["launch"].until == "2026-06-30"  # a day stays its text
    assert [level.overage for level in got.catalog.plan("team").commitments] == [
        "discounted", "list"]


def test_the_schema_spells_out_the_engines_keys_and_choices():
    """Editors complete from plans.schema.json as it is: a key or a choice added to the engine
    only fails here."""
    defs = plans_schema()["$defs"]
    assert set(defs["promotion"]["properties"]) == set(PROMOTION_KEYS)
    level = defs["commitment_level"]["properties"]
    assert set(level) == set(COMMITMENT_KEYS)
    assert (level["true_up"]["enum"], level["overage"]["enum"]) == (list(TRUE_UPS),
                                                                    list(OVERAGES))


@pytest.mark.parametrize("old, new, line, field, words", [
    ("    months: 3", "    months: three", 6, "promotions.launch.months", "got 'three'"),
    ("    until: 2026-06-30", "    until: 30 June", 7, "promotions.launch.until", "YYYY-MM-DD"),
    ("    plans: [team]", "    plans: [teams]", 8, "promotions.launch.plans[0]",
     "did you mean 'team'"),
    ("    code: FRIENDS", "    code: FRIENDS 10", 12, "promotions.friends.code", "letters"),
    ("true_up: yearly", "true_up: yearl", 20, "plans[0].commitment[1].true_up",
     "did you mean 'yearly'"),
])
def test_a_mistake_is_located_at_its_line(tmp_path, old, new, line, field, words):
    errors = read(tmp_path, PLANS.replace(old, new)).errors
    found = [e for e in errors if e.path == field]
    assert found and found[0].line == line and words in found[0].message, [str(e) for e in errors]


def test_a_build_prices_on_its_day_when_a_promotion_ends(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782777600")  # 2026-06-30 00:00 UTC
    assert build_day() == "2026-06-30"
    catalog = read(tmp_path, PLANS).catalog
    assert catalog.date == "2026-06-30" and catalog.to_dict()["date"] == "2026-06-30"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782864000")  # the day after: the offer is over
    assert read(tmp_path, PLANS).catalog.date == "2026-07-01"


def test_a_catalog_that_writes_its_day_or_needs_none_keeps_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782777600")
    assert read(tmp_path, PLANS + "date: 2026-01-15\n").catalog.date == "2026-01-15"
    undated = PLANS.replace("    until: 2026-06-30\n", "")
    assert read(tmp_path, undated).catalog.date is None
