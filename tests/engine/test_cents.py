"""Whole amounts without cents (``display: {cents: auto}``): "$150" where a bill has no cents
anywhere, "$150.00" beside "$12.50" where it has some, "$150.00" always by default."""

import pytest

from calculator import CatalogError, load_catalog, quote
from tests.catalogs import one_plan


def _catalog(seat_price, cents=None, **extra):
    data = one_plan(seats={"unit": seat_price}, flat=150, **extra)
    if cents is not None:
        data["display"] = {"cents": cents}
    return load_catalog(data)


def _shown(catalog, request):
    data = quote(catalog, {"plan": "p", **request}).to_dict()
    rows = [row["amount"] for row in data["display"]["rows"] if row["amount"]]
    return data["display"]["total"], rows


def test_auto_drops_the_cents_of_a_bill_that_has_none():
    assert _shown(_catalog(45, "auto"), {"seats": 2}) == ("$240", ["$150", "$90"])
    # what a year would save is no row of a month's bill: it keeps its cents, never rounded
    data = one_plan(seats={"unit": 45}, flat=150)
    data.update(display={"cents": "auto"}, annual_discount="0.17")
    monthly = quote(load_catalog(data), {"plan": "p", "seats": 2}).to_dict()["display"]
    assert (monthly["total"], monthly["annual_saving"]) == ("$240", "$489.60")


def test_one_amount_with_cents_keeps_them_on_every_line_of_the_bill():
    assert _shown(_catalog("12.5", "auto"), {"seats": 1}) == ("$162.50", ["$150.00", "$12.50"])
    # whole monthly prices, but a year at 17% off leaves cents: the whole bill keeps them
    data = one_plan(seats={"unit": 45}, flat=150)
    data.update(display={"cents": "auto"}, annual_discount="0.17")
    assert _shown(load_catalog(data), {"seats": 1, "billing": "annual"}) == (
        "$1,942.20", ["$1,800.00", "$540.00", "-$397.80"])


def test_cents_are_shown_always_by_default_and_the_amounts_stay_exact():
    for catalog in (_catalog(45), _catalog(45, "always")):
        assert _shown(catalog, {"seats": 2}) == ("$240.00", ["$150.00", "$90.00"])
    data = quote(_catalog(45, "auto"), {"plan": "p", "seats": 2}).to_dict()
    assert data["total"] == "240.00" and [line["amount"] for line in data["lines"]] == [
        "150.00", "90.00"]  # only the words change: the figures keep the minor unit


def test_a_price_book_follows_the_catalog_unless_it_says_otherwise():
    data = one_plan(seats={"unit": 45}, flat=150)
    data["display"] = {"cents": "auto"}
    data["price_books"] = {
        "EUR": {"plans": {"p": {"price": {"flat": 140, "seats": {"unit": 40}}}}},
        "GBP": {"plans": {"p": {"price": {"flat": 120, "seats": {"unit": 36}}}},
                "display": {"cents": "always"}}}
    catalog = load_catalog(data)
    assert _shown(catalog, {"seats": 1, "currency": "EUR"}) == ("€180", ["€140", "€40"])
    assert _shown(catalog, {"seats": 1, "currency": "GBP"}) == ("£156.00", ["£120.00", "£36.00"])
    # as the browser gets it (catalog.json): the same settings read back
    assert load_catalog(catalog.to_dict()) == catalog
    assert load_catalog(_catalog(45).to_dict()).cents == "always"


def test_a_currency_without_minor_units_reads_as_before():
    assert _shown(_catalog(1500, "auto", currency="JPY"), {"seats": 1}) == ("¥1,650",
                                                                            ["¥150", "¥1,500"])


@pytest.mark.parametrize("display, message", [
    ({"cents": "never"}, "display.cents: unknown cents 'never'"),
    ({"digits": 0}, "display.digits: unknown field 'digits'"),
    ("auto", "display: expected a display mapping"),
])
def test_a_wrong_display_is_a_located_error(display, message):
    data = one_plan(seats={"unit": 45})
    data["display"] = display
    with pytest.raises(CatalogError) as caught:
        load_catalog(data)
    assert message in str(caught.value)


def _nudge(data, request, kind):
    advice = quote(load_catalog(data), {"plan": "p", **request}).to_dict()["nudges"]
    return next(item["message"] for item in advice if item["kind"] == kind)


@pytest.mark.parametrize("cents, discount, said", [
    ("auto", "0.2", "Pay yearly and save $576 a year."),        # (150 + 2 x 45) x 12 x 20%
    ("auto", "0.17", "Pay yearly and save $489.60 a year."),    # cents: kept, never rounded
    ("always", "0.2", "Pay yearly and save $576.00 a year."),
])
def test_a_sentence_writes_its_whole_amount_as_the_catalog_says(cents, discount, said):
    """A nudge, an alert or a note writes each amount alone: under "auto", "$576" (whole) and
    "$489.60" (not) in the same catalog; "always", "$576.00"."""
    data = one_plan(seats={"unit": 45}, flat=150)
    data.update(display={"cents": cents}, annual_discount=discount)
    assert _nudge(data, {"seats": 2}, "annual") == said


def test_a_price_books_sentences_follow_the_book():
    data = one_plan(seats={"unit": 45}, flat=150)
    data.update(display={"cents": "auto"}, annual_discount="0.2", price_books={
        "GBP": {"plans": {"p": {"price": {"flat": 120, "seats": {"unit": 36}}}},
                "display": {"cents": "always"}}})
    assert _nudge(data, {"seats": 2}, "annual") == "Pay yearly and save $576 a year."
    assert _nudge(data, {"seats": 2, "currency": "GBP"}, "annual") == \
        "Pay yearly and save £460.80 a year."   # (120 + 72) x 12 x 20%
