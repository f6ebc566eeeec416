"""Seat kinds on the pricing page: the comparison table's words, the calculator form's labels."""

from calculator import load_catalog
from pricing_site.catalog import Content
from pricing_site.pages.calculator_form import calculator_form
from pricing_site.pages.comparison import comparison_table
from pricing_site.pages.price_words import kind_price, kinds_text


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
    assert kinds["guest"]["labels"] == [
        {"name": "Guests", "price": "5 free, then $5 each", "plans": "team"},
        {"name": "Light agents", "price": "$7.50 each", "plans": "business"}]
    assert kinds["viewer"]["labels"] == [{"name": "Viewers", "price": "free",
                                          "plans": "team business"}]
    assert kinds["admin"]["labels"] == [
        {"name": "Admins", "price": "", "plans": "team"},
        {"name": "Admins", "price": "2 free, then billed as seats", "plans": "business"}]


def _cards(catalog):
    return [{"id": p.id, "name": p.name, "popular": False, "price_from": "", "free": False}
            for p in catalog.plans]
