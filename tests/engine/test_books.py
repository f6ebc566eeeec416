"""Price books: one catalog, a price in each currency, each rated in its own minor unit."""

from decimal import Decimal

import pytest

from calculator import CatalogError, QuoteError, cost_curve, lint, load_catalog, quote

D = Decimal


def books():
    """Team in dollars, with its prices in euros, yen and dinars beside them."""
    return {
        "currency": "USD", "annual_discount": "0.2",
        "metrics": {"calls": {"name": "API calls", "unit": "calls", "max": 1_000_000}},
        "addons": {"sso": {"name": "SSO", "flat": 100}, "badge": {"name": "Badge"}},
        "plans": [
            {"id": "team", "name": "Team",
             "price": {"flat": 10,
                       "seats": {"unit": {"monthly": "8.75", "annual": "7.25"}, "minimum": 3,
                                 "kinds": {"viewer": {"name": "Viewers", "free": True}}},
                       "usage": {"calls": {"unit": "0.001", "included": 1000}}},
             "commitment": {"annual_minimum": 1200, "discount": "0.1"}},
            {"id": "ent", "name": "Enterprise", "custom": True},
        ],
        "price_books": {
            "EUR": {"plans": {"team": {
                        "price": {"flat": 9, "seats": {"unit": {"monthly": 8, "annual": "6.5"}},
                                  "usage": {"calls": {"unit": "0.0009"}}},
                        "commitment": {"annual_minimum": 1100}}},
                    "addons": {"sso": {"flat": 90}}},
            "JPY": {"plans": {"team": {
                        "price": {"flat": 980, "seats": {"unit": "1234.5"},
                                  "usage": {"calls": {"unit": "0.15"}}},
                        "commitment": {"annual_minimum": 180000}}},
                    "addons": {"sso": {"flat": 15000}}},
            "KWD": {"plans": {"team": {
                        "price": {"flat": "3.25", "seats": {"unit": "1.2345"},
                                  "usage": {"calls": {"unit": "0.0003"}}},
                        "commitment": {"annual_minimum": 370}}},
                    "addons": {"sso": {"flat": 30}}},
        },
    }


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(books())


REQUEST = {"plan": "team", "seats": 5, "usage": {"calls": 3000}, "addons": ["sso"]}


def test_the_catalog_lists_its_currencies_its_own_first(catalog):
    assert catalog.currencies == ("USD", "EUR", "JPY", "KWD")
    assert catalog.book(None) is catalog.book("USD") is catalog
    assert catalog.book("EUR").currency == "EUR" and catalog.book("GBP") is None


def test_a_request_in_euros_is_priced_from_the_euro_book(catalog):
    monthly = quote(catalog, {**REQUEST, "currency": "EUR"})
    # flat €9; seats 5 x €8 = €40; calls beyond the 1,000 included (the plan's allowance in
    # every currency): 2,000 x €0.0009 = €1.80; SSO €90
    assert [line.amount for line in monthly.lines] == [D("9.00"), D("40.00"), D("1.80"),
                                                        D("90.00")]
    assert (monthly.currency, monthly.total) == ("EUR", D("140.80"))
    assert monthly.to_dict()["display"]["total"] == "€140.80"
    assert monthly.to_dict()["request"]["currency"] == "EUR"
    annual = quote(catalog, {**REQUEST, "currency": "EUR", "billing": "annual"})
    # yearly: flat 12 x €9 = €108; seats 12 x 5 x €6.50 = €390 (its annual price: no
    # discount); calls 12 x €1.80 = €21.60 (usage: no discount); SSO 12 x €90 = €1,080;
    # 20% off the flat fee and SSO, (108 + 1,080) x 0.2 = €237.60
    assert [line.amount for line in annual.lines] == [D("108.00"), D("390.00"), D("21.60"),
                                                       D("1080.00")]
    assert [d.amount for d in annual.discounts] == [D("-237.60")]
    assert annual.total == D("1362.00")
    # a year at monthly prices, 12 x €140.80 = €1,689.60, less €1,362.00: the discount's
    # €237.60 and the seats' 12 x 5 x €1.50 = €90.00
    assert monthly.annual_saving == annual.annual_saving == D("327.60")
    assert "Pay yearly and save €327.60 a year." in [n.message for n in monthly.nudges]


def test_each_book_rounds_to_its_own_minor_unit(catalog):
    request = {"plan": "team", "seats": 3, "usage": {"calls": 3000}}
    yen = quote(catalog, {**request, "currency": "JPY"})
    # flat ¥980; seats 3 x ¥1,234.5 = ¥3,703.5, half-up to ¥3,704; calls 2,000 x ¥0.15 = ¥300
    assert [line.amount for line in yen.lines] == [D(980), D(3704), D(300)]
    assert yen.to_dict()["total"] == "4984" and yen.to_dict()["display"]["total"] == "¥4,984"
    yearly = quote(catalog, {**request, "currency": "JPY", "billing": "annual"})
    # 12 x ¥980 = ¥11,760; 12 x ¥3,703.5 = ¥44,442; 12 x ¥300 = ¥3,600; 20% of the flat fee
    # and seats, (11,760 + 44,442) x 0.2 = ¥11,240.4, rounded to ¥11,240
    assert [d.amount for d in yearly.discounts] == [D(-11240)]
    assert yearly.total == D(48562)  # 11,760 + 44,442 + 3,600 - 11,240
    assert yearly.monthly_equivalent == D(4047)  # 48,562 / 12 = 4,046.83...
    assert yearly.to_dict()["annual_saving"] == "11240"
    dinars = quote(catalog, {**request, "currency": "KWD"})
    # flat KWD 3.250; seats 3 x 1.2345 = 3.7035, half-up to 3.704; calls 2,000 x 0.0003 = 0.600
    assert [line.amount for line in dinars.lines] == [D("3.250"), D("3.704"), D("0.600")]
    assert dinars.to_dict()["display"]["total"] == "KWD 7.554"


def test_a_commitment_is_trued_up_to_its_minimum_in_the_books_currency(catalog):
    result = quote(catalog, {"plan": "team", "seats": 3, "commitment": True, "currency": "EUR"})
    # the minimum is €1,100 a year: €91.67 a month (1,100 / 12 = 91.666...); the bill, flat €9
    # + 3 x €8 = €33 less 10% of the seats (€2.40) = €30.60, is trued up by €61.07
    assert result.lines[-1].kind == "true_up" and result.lines[-1].amount == D("61.07")
    assert result.total == D("91.67")


@pytest.mark.parametrize("currency, field, message", [
    ("GBP", "currency", "Unknown currency 'GBP' (prices are in: USD, EUR, JPY, KWD)."),
    ("eur", "currency", "Unknown currency 'eur' — did you mean 'EUR'? (prices are in: USD, EUR, "
                        "JPY, KWD)."),
    (49, "currency", "Unknown currency 49 (prices are in: USD, EUR, JPY, KWD)."),
])
def test_a_currency_without_prices_is_a_clear_error(catalog, currency, field, message):
    with pytest.raises(QuoteError) as err:
        quote(catalog, {"plan": "team", "currency": currency})
    assert (err.value.field, str(err.value)) == (field, message)


def test_curves_and_cheaper_plans_stay_in_the_requests_currency():
    data = books()
    data["plans"].append({"id": "flat", "name": "Flat", "price": {"flat": 50}})
    data["price_books"]["EUR"]["plans"]["flat"] = {"price": {"flat": 20}}
    for code in ("JPY", "KWD"):
        data["price_books"][code]["plans"]["flat"] = {"price": {"flat": 99_000}}
    catalog = load_catalog(data)
    # euros at 3 and 6 seats: Team €9 + 3 x €8 = €33 and €9 + 6 x €8 = €57; Flat €20
    assert cost_curve(catalog, {"plan": "team", "currency": "EUR"}, "seats", [3, 6]) == {
        "team": ["33.00", "57.00"], "flat": ["20.00", "20.00"]}
    cheaper = quote(catalog, {"plan": "team", "seats": 3, "currency": "EUR"}).cheaper_plan
    assert (cheaper.plan, cheaper.saving) == ("flat", D("13.00"))
    # in dollars Team is $10 + 3 x $8.75 = $36.25, less than the $50 of Flat
    assert quote(catalog, {"plan": "team", "seats": 3}).cheaper_plan is None


def test_a_catalog_with_books_reads_back_from_its_json(catalog):
    data = catalog.to_dict()
    assert list(data["price_books"]) == ["EUR", "JPY", "KWD"]
    assert data["price_books"]["EUR"]["addons"] == {"sso": {"flat": "90", "per_seat": "0"},
                                                    "badge": {"flat": "0", "per_seat": "0"}}
    assert load_catalog(data) == catalog


def test_the_lint_reads_every_book():
    data = books()
    data["price_books"]["EUR"]["plans"]["team"]["price"]["seats"] = {
        "pricing": "volume", "tiers": [{"up_to": 10, "unit": 8}, {"unit": 6}]}
    data["price_books"]["EUR"]["plans"]["team"]["price"]["flat"] = {"monthly": 9, "annual": 10}
    warnings = {w.path: w.message for w in lint(load_catalog(data))}
    # 10 seats cost 10 x €8 = €80 but 11 cost 11 x €6 = €66
    assert warnings["price_books.EUR.plans.team.price.seats.tiers[1]"].startswith(
        "Team (EUR prices): volume tiers make more seats cost less: 10 seats cost €80.00 but 11 "
        "cost €66.00")
    assert warnings["price_books.EUR.plans.team.price.flat.annual"] == (
        "Team: the annual price €10 is above the monthly €9, so billed yearly it costs more "
        "(fine if meant)")


def _broken(change):
    data = books()
    change(data["price_books"], data)
    with pytest.raises(CatalogError) as err:
        load_catalog(data)
    return str(err.value)


@pytest.mark.parametrize("change, problem", [
    (lambda b, d: b.update(eur=b.pop("EUR")),
     "price_books.eur: unknown currency 'eur' — did you mean 'EUR'?"),
    (lambda b, d: b.update(USD=b["EUR"]),
     "price_books.USD: the catalog's own prices are in USD (currency: USD); a price book is for "
     "another currency"),
    (lambda b, d: b["EUR"]["plans"].pop("team"),
     "price_books.EUR.plans: no EUR price for the Team plan ('team'): every priced plan needs its "
     "price in each currency of the catalog (prices are never converted)"),
    (lambda b, d: b["EUR"]["plans"].update(teem=b["EUR"]["plans"].pop("team")),
     "price_books.EUR.plans.teem: no plan has the id 'teem' — did you mean 'team'?"),
    (lambda b, d: b["EUR"]["plans"].update(ent={"price": {"flat": 1}}),
     "price_books.EUR.plans.ent: the Enterprise plan is custom (custom: true): it has no list "
     "price in any currency"),
    (lambda b, d: b["KWD"]["addons"].clear(),
     "price_books.KWD.addons: no KWD price for the add-on SSO ('sso'): every priced add-on needs "
     "its price in each currency of the catalog (prices are never converted)"),
    (lambda b, d: b["JPY"]["plans"]["team"].pop("commitment"),
     "price_books.JPY.plans.team.commitment: is required: the Team plan's commitment needs its "
     "minimum in JPY"),
    (lambda b, d: b["EUR"]["plans"]["team"]["price"].pop("flat"),
     "price_books.EUR.plans.team.price: the Team plan charges a flat fee in its default price; "
     "its EUR price must charge the same (prices are never taken from another currency)"),
    (lambda b, d: b["EUR"]["plans"]["team"]["price"].pop("seats"),
     "price_books.EUR.plans.team.price: the Team plan charges seats in its default price"),
    (lambda b, d: b["EUR"]["plans"]["team"]["price"]["usage"]["calls"].update(included=500),
     "price_books.EUR.plans.team.price.usage.calls.included: differs from the plan's default "
     "price: a price book changes prices, not what a plan sells; leave it out (it is the default "
     "price's) or write the same"),
    (lambda b, d: b["EUR"]["plans"]["team"]["price"]["seats"].update(
        kinds={"viewer": {"free": False}}),
     "price_books.EUR.plans.team.price.seats.kinds: differs from the plan's default price"),
    (lambda b, d: b["EUR"]["plans"]["team"]["price"]["seats"]["unit"].update(annual=-1),
     "price_books.EUR.plans.team.price.seats.unit.annual: expected a price that is zero or more"),
])
def test_a_book_missing_or_changing_a_price_is_a_located_error(change, problem):
    assert problem in _broken(change)


def test_a_book_may_write_what_the_plan_sells_when_it_is_the_same():
    data = books()
    eur = data["price_books"]["EUR"]["plans"]["team"]["price"]
    eur["seats"].update(minimum=3, kinds={"viewer": {"name": "Viewers", "free": True}})
    eur["usage"]["calls"]["included"] = "1000.0"
    assert load_catalog(data).book("EUR") == load_catalog(books()).book("EUR")
