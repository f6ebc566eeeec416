"""Priced seat kinds, add-on quantities, credits and growing allowances in Pyodide: every quote
the same JSON as CPython's, key for key and string for string, errors included."""

import itertools
import json

import pytest

from calculator import load_catalog
from tests.support.calculator_page import cpython, settle, write_test_site
from tests.support.http_server import STRICT_CSP, StaticServer

pytestmark = pytest.mark.e2e

CATALOG = load_catalog({
    "currency": "USD", "annual_discount": "0.2",
    "metrics": {"storage": {"name": "Storage", "unit": "GB", "max": 10000, "step": "0.5"}},
    "plans": [
        {"id": "team", "name": "Team", "price": {"seats": {
            "pricing": "graduated", "minimum": 3,
            "tiers": [{"up_to": 10, "unit": 15}, {"unit": 12}],
            "kinds": {"guest": {"name": "Guests", "free_up_to": 2, "unit": 5, "limit": 50},
                      "viewer": {"name": "Viewers", "free": True},
                      "admin": {"name": "Admins"},
                      "light": {"name": "Light agents",
                                "unit": {"monthly": "6.5", "annual": "5.25"}}}},
            "usage": {"storage": {"unit": "0.25", "included": 10}}}},
    ],
    "price_books": {"JPY": {"plans": {"team": {"price": {
        "seats": {"pricing": "graduated",
                  "tiers": [{"up_to": 10, "unit": 2000}, {"unit": 1600}],
                  "kinds": {"guest": {"unit": "650.5"},
                            "light": {"unit": {"monthly": 900, "annual": 700}}}},
        "usage": {"storage": {"unit": 30}}}}}}},
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


def kind_requests():
    kinds = ({}, {"guest": 1}, {"guest": 2}, {"guest": 3}, {"guest": 12, "viewer": 40},
             {"admin": 2, "guest": 9}, {"light": 4}, {"light": 4, "guest": 50},
             {"guest": 51}, {"helper": 1})
    for seats, seat_kinds, billing, currency in itertools.product(
            (0, 1, 3, 10, 11), kinds, ("monthly", "annual"), (None, "JPY")):
        request = {"plan": "team", "seats": seats, "seat_kinds": seat_kinds, "billing": billing}
        if currency:
            request["currency"] = currency
        yield request


def test_priced_seat_kinds_quote_as_in_cpython(page):
    requests = list(kind_requests())
    got = settle(page, requests)
    assert sum("ok" in g for g in got) > 100 and sum("error" in g for g in got) >= 20
    for request, answer in zip(requests, got):
        assert json.dumps(answer) == json.dumps(cpython(CATALOG, request)), request
