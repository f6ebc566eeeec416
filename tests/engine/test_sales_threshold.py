"""Above the catalog's sales threshold (money a month, seats or a metric's quantity) a priced
estimate says why to talk to sales; at it or under it, it does not. A plan's own threshold
replaces the catalog's; each price book writes the money in its own currency."""

import copy

import pytest

from calculator import CatalogError, load_catalog, quote

# Scale: $100 a month + $10 a seat + $0.01 a call; in EUR €90 + €9 a seat + €0.009 a call
BASE = {
    "currency": "USD",
    "sales_threshold": {"monthly": 1000, "seats": 200, "usage": {"calls": 50000}},
    "metrics": {"calls": {"name": "API calls", "unit": "calls", "max": 10 ** 12}},
    "plans": [
        {"id": "scale", "name": "Scale",
         "price": {"flat": 100, "seats": {"unit": 10},
                   "usage": {"calls": {"pricing": "per_unit", "unit": "0.01"}}}},
        {"id": "big", "name": "Big", "sales_threshold": {"seats": 500},
         "price": {"flat": 100, "seats": {"unit": 10}}},
    ],
    "price_books": {"EUR": {
        "sales_threshold": {"monthly": 900},
        "plans": {"scale": {"price": {"flat": 90, "seats": {"unit": 9},
                                      "usage": {"calls": {"pricing": "per_unit",
                                                          "unit": "0.009"}}}},
                  "big": {"price": {"flat": 90, "seats": {"unit": 9}}}}}},
}


def sales_of(request, data=BASE):
    return quote(load_catalog(data), request).to_dict()["sales"]


@pytest.mark.parametrize("request_, reason, message", [
    # $100 + 90 × $10 = $1,000: at the threshold, self-serve
    ({"plan": "scale", "seats": 90, "usage": {"calls": 0}}, None, None),
    # 91 seats: $1,010 a month
    ({"plan": "scale", "seats": 91}, "monthly", "Over $1,000 a month: talk to us for volume pricing."),
    # 201 seats are above the seats too: the money is told first
    ({"plan": "scale", "seats": 201}, "monthly", "Over $1,000 a month: talk to us for volume pricing."),
    # 50,000 calls ($500) and 10 seats: $700, at the calls' threshold
    ({"plan": "scale", "seats": 10, "usage": {"calls": 50000}}, None, None),
    ({"plan": "scale", "seats": 10, "usage": {"calls": 50001}}, "usage",
     "Over 50,000 calls a month: talk to us for volume pricing."),
    # yearly (no annual discount here): $12,120 a year is $1,010 a month, above
    ({"plan": "scale", "seats": 91, "billing": "annual"}, "monthly",
     "Over $1,000 a month: talk to us for volume pricing."),
    # 1 trillion calls: the bill is still priced, and told to talk to sales
    ({"plan": "scale", "seats": 1, "usage": {"calls": 10 ** 12}}, "monthly",
     "Over $1,000 a month: talk to us for volume pricing."),
])
def test_under_at_and_over_the_catalogs_threshold(request_, reason, message):
    got = quote(load_catalog(BASE), request_).to_dict()
    assert got["status"] == "priced" and got["total"] is not None
    assert got["shows"]["sales"] is (reason is not None)
    if reason is None:
        assert got["sales"] is None
    else:
        assert (got["sales"]["reason"], got["sales"]["display"]["message"]) == (reason, message)


def test_quantities_are_told_when_the_money_is_under():
    data = copy.deepcopy(BASE)
    data["sales_threshold"]["monthly"] = 10 ** 6
    data["price_books"]["EUR"]["sales_threshold"]["monthly"] = 10 ** 6
    assert sales_of({"plan": "scale", "seats": 200}, data) is None
    assert sales_of({"plan": "scale", "seats": 201}, data) == {
        "reason": "seats", "metric": None, "threshold": "200",
        "display": {"threshold": "200 seats",
                    "message": "Over 200 seats: talk to us for volume pricing."}}
    assert sales_of({"plan": "scale", "seats": 1, "usage": {"calls": 60000}}, data)["metric"] == "calls"


def test_a_plans_own_threshold_replaces_the_catalogs():
    # Big writes only seats: 200 seats ($2,100 a month) are above the catalog's money and seats,
    # not above Big's 500 seats
    assert sales_of({"plan": "scale", "seats": 200})["reason"] == "monthly"
    assert sales_of({"plan": "big", "seats": 200}) is None
    assert sales_of({"plan": "big", "seats": 501})["display"]["message"] == (
        "Over 500 seats: talk to us for volume pricing.")


def test_an_empty_threshold_turns_a_plan_self_serve():
    data = copy.deepcopy(BASE)
    data["plans"][0]["sales_threshold"] = {}
    assert sales_of({"plan": "scale", "seats": 999}, data) is None


@pytest.mark.parametrize("seats, over", [(90, False), (91, True)])
def test_each_price_book_has_its_own_money(seats, over):
    # €90 + €9 a seat: 90 seats = €900 (at €900), 91 seats = €909 (over); both are under
    # $1,000 in figures, so the book's own threshold is what tells
    got = sales_of({"plan": "scale", "seats": seats, "currency": "EUR"})
    assert (got is not None) is over
    if over:
        assert got["display"]["message"] == "Over €900 a month: talk to us for volume pricing."


def test_a_book_without_a_money_threshold_keeps_the_quantities():
    data = copy.deepcopy(BASE)
    del data["sales_threshold"]["monthly"], data["price_books"]["EUR"]["sales_threshold"]
    assert sales_of({"plan": "scale", "seats": 201, "currency": "EUR"}, data)["reason"] == "seats"
    assert sales_of({"plan": "scale", "seats": 150, "currency": "EUR"}, data) is None


def test_a_quote_at_contact_sales_has_no_threshold_flag():
    data = copy.deepcopy(BASE)
    data["plans"].append({"id": "ent", "name": "Enterprise", "custom": True})
    got = quote(load_catalog(data), {"plan": "ent"}).to_dict()
    assert got["sales"] is None and got["shows"]["sales"] is False


def test_the_threshold_crosses_to_the_browser_and_back():
    catalog = load_catalog(BASE)
    again = load_catalog(catalog.to_dict())
    assert again == catalog
    assert again.to_dict()["sales_threshold"] == {"monthly": "1000", "seats": "200",
                                                  "usage": {"calls": "50000"}}
    assert again.to_dict()["price_books"]["EUR"]["sales_threshold"] == {"monthly": "900"}


@pytest.mark.parametrize("edit, where, words", [
    (lambda d: d["sales_threshold"].update(monthly=-1), "sales_threshold.monthly", "zero or more"),
    (lambda d: d["sales_threshold"].update(usage={"call": 5}), "sales_threshold.usage.call",
     "did you mean 'calls'"),
    (lambda d: d["sales_threshold"].update(seats=2.5), "sales_threshold.seats", "whole number"),
    (lambda d: d["sales_threshold"].update(montly=5), "sales_threshold.montly", "did you mean 'monthly'"),
    (lambda d: d["price_books"]["EUR"].pop("sales_threshold"), "price_books.EUR.sales_threshold",
     "write it in EUR too"),
    (lambda d: d["price_books"]["EUR"]["sales_threshold"].update(seats=3),
     "price_books.EUR.sales_threshold.seats", "unknown field"),
    (lambda d: d["price_books"]["EUR"]["plans"]["big"].update(sales_threshold={"monthly": 5}),
     "price_books.EUR.plans.big.sales_threshold", "no money part"),
    (lambda d: d["plans"].append({"id": "ent", "name": "E", "custom": True,
                                  "sales_threshold": {"seats": 5}}),
     "plans[2].sales_threshold", "sold by sales already"),
])
def test_mistakes_are_located(edit, where, words):
    data = copy.deepcopy(BASE)
    edit(data)
    with pytest.raises(CatalogError) as caught:
        load_catalog(data)
    assert any(p.path == where and words in p.message for p in caught.value.problems), \
        caught.value.problems
