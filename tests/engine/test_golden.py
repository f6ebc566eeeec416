"""Golden vectors: the seed documents' figures and public billing docs' worked examples.

Each vector is named by its source. DOMAIN.md's 51-seat graduated figure is the corrected
one (the seed says $2,140; 10 x 50 + 40 x 40 + 1 x 30 is $2,130).
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from calculator import load_catalog, quote

from tests.catalogs import one_plan

SEED_TIERS = [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40},
              {"up_to": 200, "unit": 30}, {"custom": True}]

# (name, seats charge, seats, expected total or "contact_sales")
SEED_VECTORS = [
    ("seed002_per_seat_12_people_at_25", {"unit": 25}, 12, "300.00"),
    ("seed002_volume_49_seats", {"pricing": "volume", "tiers": SEED_TIERS}, 49, "1960.00"),
    ("seed002_volume_51_seats_cliff", {"pricing": "volume", "tiers": SEED_TIERS}, 51, "1530.00"),
    ("seed002_graduated_49_seats", {"pricing": "graduated", "tiers": SEED_TIERS}, 49, "2060.00"),
    ("seed002_graduated_51_seats_corrected", {"pricing": "graduated", "tiers": SEED_TIERS}, 51,
     "2130.00"),
    ("seed002_graduated_201_seats_custom", {"pricing": "graduated", "tiers": SEED_TIERS}, 201,
     "contact_sales"),
    ("seed002_volume_201_seats_custom", {"pricing": "volume", "tiers": SEED_TIERS}, 201,
     "contact_sales"),
    ("seed002_graduated_200_seats_last_list_price", {"pricing": "graduated", "tiers": SEED_TIERS},
     200, "6600.00"),
    ("seed002_minimum_3_seats_bills_3", {"unit": 25, "minimum": 3}, 1, "75.00"),
    ("seed002_enterprise_minimum_100_with_80_active", {"unit": 25, "minimum": 100}, 80, "2500.00"),
]


@pytest.mark.parametrize("name, charge, seats, expected", SEED_VECTORS, ids=[v[0] for v in SEED_VECTORS])
def test_seed_vector(name, charge, seats, expected):
    catalog = load_catalog(one_plan(seats=charge))
    result = quote(catalog, {"plan": "p", "seats": seats})
    if expected == "contact_sales":
        assert result.status == "contact_sales"
        assert result.total is None and result.to_dict()["total"] is None
    else:
        assert result.status == "priced"
        assert result.total == Decimal(expected)


def test_seed001_hybrid_overage_10000_contacts_then_12000():
    """001: "$49/month includes 10,000 contacts; at 12,000 contacts pay overage or move up"."""
    catalog = load_catalog({
        "currency": "USD",
        "metrics": {"contacts": {"name": "Contacts", "unit": "contacts", "max": 100000}},
        "plans": [
            {"id": "starter", "name": "Starter", "price": {"flat": 49, "usage": {"contacts": {
                "unit": "0.01", "included": 10000}}}},
            {"id": "growth", "name": "Growth", "price": {"flat": 59, "usage": {"contacts": {
                "unit": "0.01", "included": 15000}}}},
        ],
    })
    at_allowance = quote(catalog, {"plan": "starter", "usage": {"contacts": 10000}})
    assert at_allowance.total == Decimal("49.00")
    over = quote(catalog, {"plan": "starter", "usage": {"contacts": 12000}})
    assert over.total == Decimal("69.00")  # 49 + 2,000 x $0.01
    assert over.cheaper_plan.plan == "growth" and over.cheaper_plan.saving == Decimal("10.00")
    assert [a.kind for a in over.alerts] == ["overage"]


def test_seed001_committed_use_50000_for_20_percent():
    """001: commit $50,000/year for 20% lower unit prices; the bill never falls below it."""
    catalog = load_catalog(one_plan(usage={"unit": "0.01"},
                                    commitment={"annual_minimum": 50000, "discount": "0.2"}))
    small = quote(catalog, {"plan": "p", "usage": {"m": 100000}, "billing": "annual",
                            "commitment": True})
    # 12 x 100,000 x $0.01 = 12,000, less 20% = 9,600, trued up to the 50,000 commitment
    assert small.total == Decimal("50000.00")
    assert [line.kind for line in small.lines][-1] == "true_up"
    big = quote(catalog, {"plan": "p", "usage": {"m": 600000}, "billing": "annual",
                          "commitment": True})
    assert big.total == Decimal("57600.00")  # 72,000 less 20%


def test_seed002_annual_prepay_20_percent():
    catalog = load_catalog(_annual(one_plan(seats={"unit": 25})))
    result = quote(catalog, {"plan": "p", "seats": 12, "billing": "annual"})
    assert result.total == Decimal("2880.00")  # 12 x $25 x 12 months x 0.8
    assert result.monthly_equivalent == Decimal("240.00")
    assert result.annual_saving == Decimal("720.00")


def _annual(data):
    data["annual_discount"] = "0.2"
    return data


PUBLIC = json.loads((Path(__file__).parent / "golden" / "public_docs.json").read_text("utf-8"))


@pytest.mark.parametrize("vector", PUBLIC, ids=[v["name"] for v in PUBLIC])
def test_public_docs_vector(vector):
    """Stripe, Lago and Kill Bill documentation examples, rated as a usage charge."""
    catalog = load_catalog(one_plan(usage=vector["charge"], currency=vector["currency"]))
    result = quote(catalog, {"plan": "p", "usage": {"m": vector["quantity"]}})
    assert result.total == Decimal(vector["expected"]), vector["quote"]


def test_public_vectors_cover_every_source_and_model():
    sources = {v["name"].split("_")[0] for v in PUBLIC}
    models = {v["charge"]["pricing"] for v in PUBLIC}
    assert sources == {"stripe", "lago", "killbill"}
    assert models == {"graduated", "volume", "package"}
    assert any(t.get("flat", "0") != "0" for v in PUBLIC for t in v["charge"].get("tiers", []))
