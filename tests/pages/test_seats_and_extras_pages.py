"""Priced seat kinds and add-ons (by the unit, raising allowances, for some seats) on the
pricing page: the comparison table's words, the calculator form, the JSON-LD offers."""

import json

from calculator import load_catalog
from pricing_site.catalog import Content
from pricing_site.pages.calculator_form import calculator_form
from pricing_site.pages.cards import plan_cards
from pricing_site.pages.comparison import comparison_table
from pricing_site.pages.price_words import addon_text, kind_price, kinds_text
from pricing_site.pages.pricing import pricing_context
from tests.catalogs import with_content

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js", "worker": "w.js"}


def two_plans():
    """Team and Business share the kind ids, and name and price them each their own way."""
    return load_catalog({"currency": "USD", "plans": [
        {"id": "team", "name": "Team", "price": {"seats": {"unit": 15, "kinds": {
            "guest": {"name": "Guests", "free_up_to": 5, "unit": 5},
            "viewer": {"name": "Viewers", "free": True},
            "admin": {"name": "Admins"}}}}},
        {"id": "business", "name": "Business", "price": {"seats": {"unit": 45, "kinds": {
            "guest": {"name": "Light agents", "unit": "7.5"},
            "viewer": {"name": "Viewers", "free": True},
            "admin": {"name": "Admins", "free_up_to": 2}}}}},
        {"id": "solo", "name": "Solo", "price": {"flat": 9}}]})


def test_each_kind_reads_as_what_it_costs():
    team, business = (two_plans().plan(p).seats for p in ("team", "business"))
    assert [kind_price(k, "USD") for k in team.kinds] == ["5 free, then $5 each", "free", ""]
    assert [kind_price(k, "USD") for k in business.kinds] == [
        "$7.50 each", "free", "2 free, then billed as seats"]
    # a kind billed as full seats throughout (Team's admins) is just seats: not listed
    assert kinds_text(team, "USD") == "Guests: 5 free, then $5 each · Viewers free"
    assert kinds_text(business, "EUR") == (
        "Light agents: €7.50 each · Viewers free · Admins: 2 free, then billed as seats")


def test_the_comparison_names_the_row_seat_types_once_a_kind_has_a_price():
    catalog = two_plans()
    table = comparison_table(catalog, Content(), _cards(catalog), {})
    rows = {row["label"]: [c["text"] for c in row["cells"]] for row in table["groups"][0]["rows"]}
    assert rows["Seat types"] == ["Guests: 5 free, then $5 each · Viewers free",
                                  "Light agents: $7.50 each · Viewers free · Admins: 2 free, "
                                  "then billed as seats", "—"]
    assert "Free seats" not in rows


def test_a_kind_input_is_labelled_as_each_plan_names_and_prices_it():
    """One input serves the kind on every plan that has it (the request names the kind by id);
    its label reads as the chosen plan names it, not as the first plan does."""
    form = calculator_form(two_plans(), {"plan": "business", "seats": 3,
                                         "seat_kinds": {"guest": 4}})
    kinds = {kind["id"]: kind for kind in form["kinds"]}
    assert kinds["guest"]["plans"] == "team business" and kinds["guest"]["value"] == "4"
    def usd(text):
        return [{"currency": "USD", "text": text}]

    assert kinds["guest"]["labels"] == [
        {"name": "Guests", "prices": usd("5 free, then $5 each"), "plans": "team"},
        {"name": "Light agents", "prices": usd("$7.50 each"), "plans": "business"}]
    assert kinds["viewer"]["labels"] == [{"name": "Viewers", "prices": usd("free"),
                                          "plans": "team business"}]
    assert kinds["admin"]["labels"] == [
        {"name": "Admins", "prices": [], "plans": "team"},
        {"name": "Admins", "prices": usd("2 free, then billed as seats"), "plans": "business"}]


def test_a_kinds_and_a_quantity_addons_price_words_are_in_each_currency():
    data = {"currency": "USD",
            "addons": {"phone": {"name": "Phone numbers", "flat": 4, "quantity": True}},
            "plans": [{"id": "team", "name": "Team", "price": {"seats": {"unit": 15, "kinds": {
                "guest": {"name": "Guests", "unit": 5},
                "viewer": {"name": "Viewers", "free": True}}}}}],
            "price_books": {"EUR": {"plans": {"team": {"price": {"seats": {
                "unit": 14, "kinds": {"guest": {"unit": "4.5"}}}}}},
                "addons": {"phone": {"flat": "3.75"}}}}}
    form = calculator_form(load_catalog(data), {"plan": "team", "seats": 3})
    assert [k["labels"][0]["prices"] for k in form["kinds"]] == [
        [{"currency": "USD", "text": "$5 each"}, {"currency": "EUR", "text": "€4.50 each"}],
        [{"currency": "USD", "text": "free"}]]  # the same in both: said once
    assert form["addons"][0]["prices"] == [{"currency": "USD", "text": "$4 a month each"},
                                           {"currency": "EUR", "text": "€3.75 a month each"}]


def _cards(catalog):
    return plan_cards(catalog, Content(), lambda url: url, "Custom pricing")


def with_addons():
    data = {"currency": "USD",
            "metrics": {"storage": {"name": "Storage", "unit": "GB", "max": 1000}},
            "addons": {
                "phone": {"name": "Phone numbers", "flat": 4, "max": 20, "plans": ["team"]},
                "pack": {"name": "Storage pack", "flat": 10, "quantity": True,
                         "includes": {"storage": 100}, "plans": ["team"]},
                "audit": {"name": "Audit log", "per_seat": 3, "per_seat_for": ["seats", "guest"]},
                "links": {"name": "Guest links", "per_seat": 1, "per_seat_for": ["guest"],
                          "plans": ["team"]}},
            "plans": [{"id": "team", "name": "Team", "price": {
                "seats": {"unit": 15, "kinds": {"guest": {"name": "Guests", "unit": 5}}},
                "usage": {"storage": {"unit": "0.25", "included": 50}}}},
                {"id": "solo", "name": "Solo", "price": {"flat": 9}}]}
    return load_catalog(data)


def test_each_addon_reads_as_what_it_costs_on_each_plan():
    catalog = with_addons()
    team, solo = catalog.plan("team"), catalog.plan("solo")
    words = {a.id: addon_text(a, team, catalog) for a in catalog.addons.values()}
    assert words == {"phone": "$4 a month each, up to 20",
                     "pack": "$10 a month each; each adds 100 GB of Storage",
                     "audit": "$3 per seat a month, guests included",
                     "links": "$1 a month each for guests"}
    # on a plan without guests, the audit log counts its seats alone
    assert addon_text(catalog.addons["audit"], solo, catalog) == "$3 per seat a month"


def test_a_quantity_addon_is_an_input_and_the_others_are_boxes():
    form = calculator_form(with_addons(), {"plan": "team", "seats": 3,
                                           "addons": {"phone": "3", "audit": True}})
    addons = {a["id"]: a for a in form["addons"]}
    assert {k: addons["phone"][k] for k in ("quantity", "prices", "max", "value", "checked")} == {
        "quantity": True, "prices": [{"currency": "USD", "text": "$4 a month each"}],
        "max": "20", "value": "3", "checked": True}
    assert {k: addons["audit"][k] for k in ("quantity", "value", "checked")} == {
        "quantity": False, "value": "", "checked": True}
    assert addons["pack"]["value"] == "" and not addons["pack"]["checked"]


def test_the_offers_name_what_is_bought_with_each_plan():
    catalog = with_addons()
    data = pricing_context(catalog, Content(), lambda url: url, BUNDLE_URLS)
    offers = {o["name"]: o.get("addOn", []) for o in json.loads(data["json_ld"])["offers"]}
    assert [(o["name"], o["price"], o["description"]) for o in offers["Team plan"]] == [
        ("Guests", "5", "$5 each"), ("Phone numbers", "4", "$4 a month each, up to 20"),
        ("Storage pack", "10", "$10 a month each; each adds 100 GB of Storage"),
        ("Audit log", "3", "$3 per seat a month, guests included"),
        ("Guest links", "1", "$1 a month each for guests")]
    assert [o["name"] for o in offers["Solo plan"]] == ["Audit log"]
    assert all(o["priceCurrency"] == "USD" for o in offers["Team plan"])


def with_credit():
    return with_content({"currency": "USD", "metrics": {
        "compute": {"name": "Compute hours", "unit": "hours", "max": 10000}},
        "plans": [{"id": "free", "name": "Free", "price": {
                       "usage": {"compute": {"unit": 0, "limit": 500}}}},
                  {"id": "pro", "name": "Pro", "price": {
                      "flat": 25, "usage": {"compute": {"unit": "0.01344"}},
                      "credit": {"amount": 10}}}]})


def test_a_credit_is_a_comparison_row_and_said_on_its_card():
    catalog, content = with_credit()
    data = pricing_context(catalog, content, lambda url: url, BUNDLE_URLS)
    rows = {row["label"]: [c["text"] for c in row["cells"]]
            for row in data["comparison"]["groups"][0]["rows"]}
    assert rows["Usage credit"] == ["—", "$10 a month toward Compute hours"]
    pro = data["cards"][1]
    assert [p["note"] for p in pro["prices"]] == [
        "Billed monthly, for base fee, with $10 a month toward Compute hours",
        "$300.00 billed yearly, for base fee, with $10 a month toward Compute hours"]
    assert pro["prices"][0]["amount"] == "$25.00"  # no usage on a card: nothing drawn


def test_an_allowance_growing_per_seat_reads_as_such_in_the_comparison():
    catalog = load_catalog({"currency": "USD", "metrics": {
        "storage": {"name": "Storage", "unit": "GB", "max": 1000}}, "plans": [
        {"id": "flat", "name": "Flat", "price": {"seats": {"unit": 10}, "usage": {
            "storage": {"unit": "0.25", "included_per_seat": 8}}}},
        {"id": "tiered", "name": "Tiered", "price": {"seats": {"unit": 10}, "usage": {
            "storage": {"pricing": "graduated", "included": 20, "included_per_seat": 8,
                        "tiers": [{"up_to": 1000, "unit": "0.2"}, {"unit": "0.1"}]}}}}]})
    rows = {row["label"]: [c["text"] for c in row["cells"]]
            for row in comparison_table(catalog, Content(), _cards(catalog), {})["groups"][1][
                "rows"]}
    # a tier's range cannot count totals when the allowance depends on the seats: it counts
    # what lies beyond it
    assert rows["Storage"] == [
        "8 GB per seat included, then $0.25 per GB",
        "20 GB + 8 GB per seat included, then beyond it per GB, graduated: 1–1,000: $0.20 · "
        "1,001 and up: $0.10"]
