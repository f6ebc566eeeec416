"""Priced seat kinds, add-on quantities, credits and growing allowances in Pyodide: every quote
the same JSON as CPython's, key for key and string for string, errors included."""

import itertools
import json

import pytest

from calculator import load_catalog
from calculator.browser import curve_json
from tests.support.calculator_page import cpython, settle, write_test_site
from tests.support.http_server import STRICT_CSP, StaticServer

pytestmark = pytest.mark.e2e

CATALOG = load_catalog({
    "currency": "USD", "annual_discount": "0.2",
    "metrics": {"storage": {"name": "Storage", "unit": "GB", "max": 10000, "step": "0.5"}},
    "addons": {
        "phone": {"name": "Phone numbers", "flat": {"monthly": 5, "annual": 4}, "max": 10},
        "pack": {"name": "Storage packs", "flat": 10, "quantity": True,
                 "includes": {"storage": "100.5"}},
        "audit": {"name": "Audit log", "per_seat": "2.5", "per_seat_for": ["seats", "guest"],
                  "includes": {"storage": 2}},
        "sso": {"name": "SSO", "flat": 100}},
    "plans": [
        {"id": "team", "name": "Team", "price": {"seats": {
            "pricing": "graduated", "minimum": 3,
            "tiers": [{"up_to": 10, "unit": 15}, {"unit": 12}],
            "kinds": {"guest": {"name": "Guests", "free_up_to": 2, "unit": 5, "limit": 50},
                      "viewer": {"name": "Viewers", "free": True},
                      "admin": {"name": "Admins"},
                      "light": {"name": "Light agents",
                                "unit": {"monthly": "6.5", "annual": "5.25"}}}},
            "usage": {"storage": {"unit": "0.25", "included": 10, "included_per_seat": "1.5"}},
            "credit": {"amount": "2.5"}},
         "commitment": {"annual_minimum": 1200, "discount": "0.15"}},
    ],
    "price_books": {"JPY": {"plans": {"team": {"price": {
        "seats": {"pricing": "graduated",
                  "tiers": [{"up_to": 10, "unit": 2000}, {"unit": 1600}],
                  "kinds": {"guest": {"unit": "650.5"},
                            "light": {"unit": {"monthly": 900, "annual": 700}}}},
        "usage": {"storage": {"unit": 30}}, "credit": {"amount": 333}},
        "commitment": {"annual_minimum": 150000}}},
        "addons": {"phone": {"flat": {"monthly": 600, "annual": 480}}, "pack": {"flat": 1200},
                   "audit": {"per_seat": "300.5"}, "sso": {"flat": 12000}}}},
})


@pytest.fixture(scope="module")
def page(tmp_path_factory, browser):
    site = tmp_path_factory.mktemp("extras-site")
    write_test_site(site, CATALOG)
    with StaticServer(site, headers={"Content-Security-Policy": STRICT_CSP}) as server:
        page = browser.new_page()
        page.goto(server.url + "pricing/")
        page.evaluate("window.pricingCalculator.ready")
        yield page
        page.close()


def requests_over(**choices):
    """A request to Team for each combination of ``choices`` ({field: values}), in both
    billings and both currencies (the default, and yen: rounded to whole yen)."""
    names = list(choices)
    for values in itertools.product(*choices.values(), ("monthly", "annual"), (None, "JPY")):
        *fields, billing, currency = values
        request = {"plan": "team", "seats": 4, **dict(zip(names, fields)), "billing": billing}
        if currency:
            request["currency"] = currency
        yield request


def assert_as_in_cpython(page, requests, priced, refused):
    """Each request's answer in Pyodide is CPython's, byte for byte (with at least ``priced``
    quotes and ``refused`` errors among them)."""
    got = settle(page, requests)
    assert sum("ok" in g for g in got) >= priced and sum("error" in g for g in got) >= refused
    for request, answer in zip(requests, got):
        assert json.dumps(answer) == json.dumps(cpython(CATALOG, request)), request


def test_priced_seat_kinds_quote_as_in_cpython(page):
    kinds = ({}, {"guest": 1}, {"guest": 2}, {"guest": 3}, {"guest": 12, "viewer": 40},
             {"admin": 2, "guest": 9}, {"light": 4}, {"light": 4, "guest": 50},
             {"guest": 51}, {"helper": 1})
    requests = list(requests_over(seats=(0, 1, 3, 10, 11), seat_kinds=kinds))
    assert_as_in_cpython(page, requests, priced=100, refused=20)


def test_addons_bought_by_the_unit_and_raising_allowances_quote_as_in_cpython(page):
    addons = ([], ["sso", "phone"], {"phone": 3}, {"phone": "10", "sso": True}, {"phone": 11},
              {"sso": 2}, {"pack": 2, "audit": 1}, {"pack": "1"}, {"audit": True},
              {"phones": 1}, {"phone": -1}, {"phone": "2.5"}, "sso")
    requests = list(requests_over(addons=addons, seat_kinds=({"guest": 3},),
                                  usage=[{"storage": q} for q in (0, 60, "250.5", 400)]))
    assert_as_in_cpython(page, requests, priced=100, refused=50)


def test_credits_quote_as_in_cpython(page):
    storage = [{"storage": q} for q in (0, 10, 11, "15.5", 20, 21, 30, 400)]
    requests = list(requests_over(usage=storage, commitment=(False, True),
                                  seats=(0, 4, 30)))
    assert_as_in_cpython(page, requests, priced=150, refused=0)


def test_allowances_growing_per_seat_quote_and_curve_as_in_cpython(page):
    storage = [{"storage": q} for q in (0, 14, "14.5", 25, 100)]
    requests = list(requests_over(usage=storage, seats=(0, 1, 3, 10, 11),
                                  seat_kinds=({}, {"admin": 2, "guest": 4})))
    assert_as_in_cpython(page, requests, priced=150, refused=0)
    asks = [({"plan": "team", "seats": 4, "usage": {"storage": 40}, "addons": ["audit"]},
             "seats", 30),
            ({"plan": "team", "seats": 4, "usage": {"storage": 40}, "currency": "JPY"},
             "storage", 30)]
    got = page.evaluate("""(asks) => Promise.all(asks.map(([r, m, n]) =>
      window.pricingCalculator.curve(r, m, n)))""", asks)
    for (request, metric, points), answer in zip(asks, got):
        expected = json.loads(curve_json(CATALOG, json.dumps(
            {"request": request, "metric": metric, "points": points})))
        assert json.dumps({"ok": answer}) == json.dumps(expected), (request, metric)
