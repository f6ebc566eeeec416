"""Promotions: a share or an amount off, for the first months or for good, automatic or typed
as a code, on offer up to a day; golden bills with their arithmetic, and the properties."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import CatalogError, QuoteError, load_catalog, quote

D = Decimal


def catalog(**extra):
    """Team: $20 a month + $10 a seat; Solo: $9 a month. 20% off yearly. The Launch offer is
    automatic on Team (50% off the first 3 months); SPRING is a code, $15 off a month for good,
    offered until 30 June 2026; TEAM10 a code for Team alone. Quotes are priced on 1 May 2026
    unless the request names its day."""
    data = {
        "currency": "USD", "annual_discount": "0.2",
        "plans": [{"id": "team", "name": "Team", "price": {"flat": 20, "seats": {"unit": 10}}},
                  {"id": "solo", "name": "Solo", "price": {"flat": 9}}],
        "promotions": {
            "launch": {"name": "Launch offer", "discount": "0.5", "months": 3, "plans": ["team"]},
            "spring": {"name": "Spring sale", "amount_off": 15, "code": "SPRING",
                       "until": "2026-06-30"},
            "team10": {"name": "Team ten", "discount": "0.1", "code": "TEAM10",
                       "plans": ["team"]},
        },
        "date": "2026-05-01",
    }
    data.update(extra)
    return load_catalog({key: value for key, value in data.items() if value is not None})


CATALOG = catalog()


def bill(request, on=CATALOG):
    return quote(on, request).to_dict()


def test_an_automatic_promotion_for_the_first_months_on_a_monthly_bill():
    # $20 + 5 x $10 = $70; the Launch offer takes 50% of it: -$35.00; the bill is $35.00, and
    # $70.00 a month once the first 3 months are over
    got = bill({"plan": "team", "seats": 5})
    assert got["total"] == "35.00"
    assert [(d["kind"], d["label"], d["rate"], d["amount"]) for d in got["discounts"]] == [
        ("promotion", "Launch offer: 50% off the first 3 months", "0.5", "-35.00")]
    promotion = got["promotion"]
    assert (promotion["id"], promotion["code"], promotion["months"], promotion["months_on_bill"],
            promotion["then"]) == ("launch", None, 3, 1, "70.00")
    assert promotion["display"]["summary"] == "50% off the first 3 months, then $70.00 a month"
    assert got["display"]["rows"][-1] == {"kind": "note", "label":
                                          "After the first 3 months: $70.00 a month.",
                                          "detail": "", "amount": ""}
    assert got["date"] == "2026-05-01"


def test_a_yearly_bill_discounts_the_promotions_months_of_its_twelve():
    # a year: 12 x $20 + 12 x 5 x $10 = $840; 20% off yearly: -$168.00, leaving $672.00; the
    # Launch offer takes 50% off 3 of those 12 months: $672 x 0.5 x 3/12 = $84.00; the year is
    # $588.00, and $672.00 once the offer is over
    got = bill({"plan": "team", "seats": 5, "billing": "annual"})
    assert [(d["label"], d["amount"]) for d in got["discounts"]] == [
        ("Annual billing (20% off recurring fees)", "-168.00"),
        ("Launch offer: 50% off the first 3 of these 12 months", "-84.00")]
    assert (got["total"], got["promotion"]["months_on_bill"], got["promotion"]["then"]) == (
        "588.00", 3, "672.00")
    assert got["promotion"]["display"]["summary"] == (
        "50% off the first 3 months, then $672.00 a year")


def test_a_code_replaces_the_automatic_offer_and_an_amount_off_lasts_for_good():
    # $70 - $15 = $55.00 each month (SPRING, not the Launch offer: one promotion a bill); for
    # good, so nothing follows it; typed in any case, it is the catalog's code
    got = bill({"plan": "team", "seats": 5, "promotion": " spring "})
    assert got["total"] == "55.00"
    assert [(d["label"], d["rate"], d["amount"]) for d in got["discounts"]] == [
        ("Spring sale: $15 off a month for good", None, "-15.00")]
    assert (got["promotion"]["code"], got["promotion"]["then"], got["request"]["promotion"]) == (
        "SPRING", None, "SPRING")
    assert got["promotion"]["display"]["summary"] == (
        "$15 off a month for good (offer ends 30 June 2026)")
    # yearly: $672.00 after the annual discount, less 12 x $15 = $180.00: $492.00
    assert bill({"plan": "team", "seats": 5, "promotion": "SPRING",
                 "billing": "annual"})["total"] == "492.00"


def test_a_promotion_never_takes_more_than_the_bill():
    # Solo is $9 a month; $15 off takes the $9 and no more: $0.00, not -$6.00
    got = bill({"plan": "solo", "promotion": "SPRING"})
    assert (got["total"], got["discounts"][0]["amount"]) == ("0.00", "-9.00")


def test_one_that_takes_nothing_off_is_not_on_the_bill():
    free = catalog(plans=[{"id": "team", "name": "Team", "price": {"flat": 0}}])
    got = bill({"plan": "team"}, free)
    assert (got["total"], got["discounts"], got["promotion"]) == ("0.00", [], None)


def test_until_is_the_last_day_the_promotion_is_offered():
    assert bill({"plan": "team", "seats": 5, "promotion": "SPRING",
                 "date": "2026-06-30"})["total"] == "55.00"
    with pytest.raises(QuoteError) as late:
        quote(CATALOG, {"plan": "team", "promotion": "SPRING", "date": "2026-07-01"})
    assert (str(late.value), late.value.field) == ("The code SPRING ended on 30 June 2026.",
                                                   "promotion")


def test_without_a_date_an_offer_with_an_end_is_not_promised():
    undated = catalog(date=None, promotions={
        "summer": {"name": "Summer", "discount": "0.5", "until": "2026-08-31"},
        "spring": {"name": "Spring sale", "amount_off": 15, "code": "SPRING",
                   "until": "2026-06-30"}})
    assert bill({"plan": "team", "seats": 5}, undated)["total"] == "70.00"
    assert bill({"plan": "team", "seats": 5, "date": "2026-08-31"}, undated)["total"] == "35.00"
    with pytest.raises(QuoteError, match="offered until 30 June 2026: give the quote's date"):
        quote(undated, {"plan": "team", "promotion": "SPRING"})


def test_a_code_for_other_plans_is_refused_on_the_quote_but_not_on_the_plans_compared():
    with pytest.raises(QuoteError) as wrong:
        quote(CATALOG, {"plan": "solo", "promotion": "team10"})
    assert (str(wrong.value), wrong.value.field) == (
        "The code TEAM10 is not valid on the Solo plan (it is for: Team).", "promotion")
    # Team with TEAM10 at 1 seat: $30 - 10% = $27.00; Solo, compared, is priced without the
    # code ($9.00) and suggested
    got = bill({"plan": "team", "seats": 1, "promotion": "TEAM10"})
    assert (got["total"], got["cheaper_plan"]["plan"], got["cheaper_plan"]["total"]) == (
        "27.00", "solo", "9.00")


@pytest.mark.parametrize("code, words", [
    ("NOPE", "No promotion has the code 'NOPE'"),
    (7, "A promotion code is a text"),
])
def test_an_unknown_code_is_a_quote_error_on_the_field(code, words):
    with pytest.raises(QuoteError) as info:
        quote(CATALOG, {"plan": "team", "promotion": code})
    assert words in str(info.value) and info.value.field == "promotion"


@pytest.mark.parametrize("day", ["2026-02-30", "1 May 2026", "20260501", 20260501])
def test_a_request_date_is_a_real_day_written_iso(day):
    with pytest.raises(QuoteError) as info:
        quote(CATALOG, {"plan": "team", "date": day})
    assert info.value.field == "date" and "YYYY-MM-DD" in str(info.value)


def test_an_empty_code_box_asks_for_nothing():
    assert bill({"plan": "team", "seats": 5, "promotion": "  "})["promotion"]["id"] == "launch"


def test_an_amount_off_has_its_amount_in_each_price_book_and_for_each_billing():
    # EUR: Team is €18 + €9 a seat; SPRING is €14 off, or €12 a month billed yearly
    books = catalog(
        promotions={"spring": {"name": "Spring sale", "code": "SPRING", "until": "2026-06-30",
                               "amount_off": {"monthly": 15, "annual": 12}}},
        price_books={"EUR": {"plans": {"team": {"price": {"flat": 18, "seats": {"unit": 9}}},
                                       "solo": {"price": {"flat": 8}}},
                             "promotions": {"spring": {"amount_off": {"monthly": 14,
                                                                      "annual": 12}}}}})
    # monthly in euros: €18 + 5 x €9 = €63, less €14: €49.00
    assert bill({"plan": "team", "seats": 5, "promotion": "SPRING", "currency": "EUR"},
                books)["total"] == "49.00"
    # yearly in dollars: $672.00 after the annual discount, less 12 x $12 = $144: $528.00
    assert bill({"plan": "team", "seats": 5, "promotion": "SPRING", "billing": "annual"},
                books)["total"] == "528.00"
    assert books.to_dict()["price_books"]["EUR"]["promotions"] == {
        "spring": {"amount_off": {"monthly": "14", "annual": "12"}}}
    assert load_catalog(books.to_dict()) == books


def test_a_promotion_comes_after_the_commitment_discount_and_before_its_true_up():
    committed = catalog(plans=[{"id": "team", "name": "Team",
                                "price": {"flat": 20, "seats": {"unit": 10}},
                                "commitment": {"annual_minimum": 600, "discount": "0.2"}}])
    # 5 seats: $20 + $50 = $70; committed use 20% of the seats' $50: -$10.00, $60.00; the Launch
    # offer 50%: -$30.00, $30.00; the commitment bills at least $600 / 12 = $50.00: a true-up
    # of $20.00. Once the offer ends, the $60.00 is above the minimum: then $60.00
    got = bill({"plan": "team", "seats": 5, "commitment": True}, committed)
    assert [(d["kind"], d["amount"]) for d in got["discounts"]] == [
        ("commitment", "-10.00"), ("promotion", "-30.00")]
    assert [(line["kind"], line["amount"]) for line in got["lines"]][-1] == ("true_up", "20.00")
    assert (got["total"], got["promotion"]["then"]) == ("50.00", "60.00")


@pytest.mark.parametrize("promotions, path, words", [
    ({"x": {"name": "X"}}, "promotions.x", "either 'discount'"),
    ({"x": {"name": "X", "discount": "0.5", "amount_off": 5}}, "promotions.x", "not both"),
    ({"x": {"name": "X", "discount": 50}}, "promotions.x.discount", "write 20% as 0.2"),
    ({"x": {"name": "X", "discount": 0}}, "promotions.x.discount", "above 0"),
    ({"x": {"name": "X", "discount": "0.5", "months": 0}}, "promotions.x.months", "at least 1"),
    ({"x": {"name": "X", "discount": "0.5", "months": 1.5}}, "promotions.x.months", "whole"),
    ({"x": {"name": "X", "discount": "0.5", "until": "June"}}, "promotions.x.until",
     "YYYY-MM-DD"),
    ({"x": {"name": "X", "discount": "0.5", "code": "two words"}}, "promotions.x.code",
     "letters, digits"),
    ({"x": {"name": "X", "discount": "0.5", "plans": ["tema"]}}, "promotions.x.plans[0]",
     "did you mean 'team'"),
    ({"x": {"name": "X", "discount": "0.5", "code": "A"},
      "y": {"name": "Y", "discount": "0.5", "code": "a"}}, "promotions.y.code", "also the x"),
    ({"x": {"name": "X", "amount_off": -1}}, "promotions.x.amount_off", "zero or more"),
    ({"x": {"name": "X", "discount": "0.5", "month": 3}}, "promotions.x.month",
     "did you mean 'months'"),
])
def test_a_promotions_mistakes_are_located(promotions, path, words):
    with pytest.raises(CatalogError) as info:
        catalog(promotions=promotions)
    found = [(p.path, p.message) for p in info.value.problems]
    assert any(p == path and words in m for p, m in found), found


def test_an_amount_off_missing_from_a_price_book_is_located():
    with pytest.raises(CatalogError) as info:
        catalog(price_books={"EUR": {"plans": {"team": {"price": {"flat": 18,
                                                                   "seats": {"unit": 9}}},
                                               "solo": {"price": {"flat": 8}}}}})
    assert [(p.path, p.message.split(":")[0]) for p in info.value.problems] == [
        ("price_books.EUR.promotions", "no EUR amount for the Spring sale promotion ('spring')")]


def test_the_lint_warns_of_a_promotion_over_by_the_catalogs_day():
    from calculator import lint

    assert [p.path for p in lint(CATALOG) if p.path.startswith("promotions")] == []
    over = catalog(date="2026-07-01")
    assert [(p.path, p.message) for p in lint(over) if p.path.startswith("promotions")] == [
        ("promotions.spring.until", "the Spring sale promotion ended on 30 June 2026: no quote "
                                    "gets it now (remove it, or move its until)")]


def test_the_catalog_reads_back_what_it_writes():
    assert load_catalog(CATALOG.to_dict()) == CATALOG
    assert CATALOG.to_dict()["promotions"]["spring"] == {
        "name": "Spring sale", "amount_off": "15", "until": "2026-06-30", "code": "SPRING"}


# -- properties ----------------------------------------------------------------------------------
money = st.integers(0, 50_000).map(lambda c: D(c) / 100)
shares = st.integers(1, 100).map(lambda p: D(p) / 100)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def promoted(draw):
    """A catalog with one automatic promotion of any kind, and a request on it."""
    off = draw(st.one_of(st.builds(lambda r: {"discount": str(r)}, shares),
                         st.builds(lambda a: {"amount_off": str(a)}, money)))
    months = draw(st.none() | st.integers(1, 30))
    promotion = {"name": "Offer", **off, **({} if months is None else {"months": months})}
    price = {"flat": str(draw(money)), "seats": {"unit": str(draw(money))}}
    plan = {"id": "p", "name": "P", "price": price}
    if draw(st.booleans()):
        plan["commitment"] = {"annual_minimum": str(draw(money) * 10),
                              "discount": str(draw(shares)),
                              "overage": draw(st.sampled_from(["list", "discounted"]))}
    data = {"currency": draw(st.sampled_from(["USD", "JPY", "KWD"])),
            "annual_discount": str(draw(shares) / 2), "plans": [plan]}
    request = {"plan": "p", "seats": draw(st.integers(0, 300)),
               "billing": draw(st.sampled_from(["monthly", "annual"])),
               "commitment": "commitment" in plan and draw(st.booleans())}
    return data, {"offer": promotion}, request


@PROPERTY
@given(promoted())
def test_a_promotion_never_makes_a_bill_negative_nor_raises_it(case):
    data, promotions, request = case
    without = quote(load_catalog(data), request)
    with_it = quote(load_catalog({**data, "promotions": promotions}), request)
    assert with_it.total >= 0
    assert with_it.total <= without.total
    off = [d.amount for d in with_it.discounts if d.kind == "promotion"]
    assert len(off) <= 1 and all(amount < 0 for amount in off)
    # the bill is its own sum, and a promotion takes off no more than the bill before it
    lines = sum(line.amount for line in with_it.lines)
    assert lines + sum(d.amount for d in with_it.discounts) == with_it.total
    before = lines + sum(d.amount for d in with_it.discounts if d.kind != "promotion") - sum(
        line.amount for line in with_it.lines if line.kind == "true_up")
    assert -sum(off) <= before


@PROPERTY
@given(promoted(), st.dates().map(lambda d: d.isoformat()), st.dates().map(lambda d: d.isoformat()))
def test_an_offer_is_on_the_bill_exactly_up_to_its_last_day(case, until, day):
    data, promotions, request = case
    promotions["offer"]["until"] = until
    got = quote(load_catalog({**data, "promotions": promotions}), {**request, "date": day})
    plain = quote(load_catalog(data), request)
    if day > until:
        assert got.total == plain.total and got.bill.promotion is None


# -- a bill for a later month of the subscription (``month``: the budget planner's months) --------
@pytest.mark.parametrize("month, billing, off, total", [
    # Team, 2 seats: $40 a month; $384 a year (20% off). Launch: 50% off the first 3 months.
    (1, "monthly", "-20.00", "20.00"),
    (3, "monthly", "-20.00", "20.00"),
    (4, "monthly", None, "40.00"),          # past the offer: the full price, no promotion row
    (2, "annual", "-32.00", "352.00"),      # months 2-13: months 2 and 3 of the 3 (384 x 0.5 x 2/12)
    (4, "annual", None, "384.00"),
])
def test_a_later_month_gets_the_promotion_for_its_months_only(month, billing, off, total):
    result = quote(CATALOG, {"plan": "team", "seats": 2, "billing": billing, "month": month})
    rows = {d.kind: d.amount for d in result.bill.discounts}
    assert rows.get("promotion") == (None if off is None else D(off))
    assert result.total == D(total)
    assert result.to_dict()["request"].get("month", 1) == month


@pytest.mark.parametrize("month", [0, -1, "2", 1.5, True, 1201])
def test_a_month_that_is_no_subscription_month_is_a_located_error(month):
    with pytest.raises(QuoteError) as caught:
        quote(CATALOG, {"plan": "team", "month": month})
    assert caught.value.field == "month"
