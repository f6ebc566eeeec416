"""A German catalog: its quotes speak German in German formats, the locale survives
catalog.json (to_dict, load_catalog), and every door of the engine speaks it, the browser's
included. CPython == Pyodide is tests/runtime/test_node_golden.py's "german" catalog."""

import json

import pytest

from calculator import CatalogError, QuoteError, forecast, load_catalog, quote
from calculator.browser import curve_json, forecast_json, quote_json
from calculator.locale import ENGLISH, current
from pricing_site.locales import locale_block

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def german(demo):
    return demo.with_locale(locale_block("de", demo.currencies))


# The demo's EUR Business plan, 12 seats, 250,000 API calls and 300 GB a month, by hand:
#   base fee                                       279,00 €
#   12 seats × 40 €                                480,00 €
#   250,000 calls - 100,000 included = 150 blocks of 1,000 × 4,60 €   690,00 €
#   300 GB - 200 included = 100 GB in the first tier × 0,18 €          18,00 €
#   total 279 + 480 + 690 + 18 =                 1.467,00 €
#   yearly: 279 × 12 less 20% = 2.678,40 €, seats at the yearly 32 € = 4.608,00 €, usage
#   708 × 12 = 8.496,00 €: 15.782,40 €, against 1.467 × 12 = 17.604,00 €: 1.821,60 € saved
BILL = [  # (kind, label, detail, amount)
    ("line", "Tarif Business", f"279{NBSP}€ im Monat", f"279,00{NBSP}€"),
    ("line", "Nutzer", f"12 Nutzer × 40{NBSP}€", f"480,00{NBSP}€"),
    ("line", "API calls", f"150 Blöcke zu 1.000 calls × 4,60{NBSP}€ (150.000 über die 100.000 "
                          f"inklusive hinaus)", f"690,00{NBSP}€"),
    ("line", "Storage", "100 GB über die 200 inklusive hinaus", f"18,00{NBSP}€"),
    ("tier", f"über 200 bis 1.200: 100 × 0,18{NBSP}€", "", f"18,00{NBSP}€"),
]
ADVICE = [
    ("alert", f"Sie überschreiten das Kontingent für API calls (100.000 calls) um 150.000 calls: "
              f"Mehrnutzung 690,00{NBSP}€ im Monat."),
    ("alert", f"Sie überschreiten das Kontingent für Storage (200 GB) um 100 GB: Mehrnutzung "
              f"18,00{NBSP}€ im Monat."),
    ("nudge", f"Zahlen Sie jährlich und sparen Sie 1.821,60{NBSP}€ im Jahr."),
]
REQUEST = {"plan": "business", "seats": 12, "currency": "EUR",
           "usage": {"api_calls": "250.000", "storage_gb": 300}}


def test_the_german_bill_of_the_business_plan_in_euros(german):
    priced = quote(german, REQUEST).to_dict()
    assert priced["total"] == "1467.00" and priced["annual_saving"] == "1821.60"
    shown = priced["display"]
    assert shown["total"] == f"1.467,00{NBSP}€"
    assert [(r["kind"], r["label"], r["detail"], r["amount"]) for r in shown["rows"]] == BILL
    assert [(a["kind"], a["message"]) for a in shown["advice"]] == ADVICE


def test_the_same_quote_in_english_is_unchanged(demo, german):
    """The locale changes words and formats, never a price ("250.000" is German for 250,000:
    English gets the number)."""
    request = {**REQUEST, "usage": {"api_calls": 250000, "storage_gb": 300}}
    english, in_german = quote(demo, request).to_dict(), quote(german, REQUEST).to_dict()
    assert english["display"]["total"] == "€1,467.00"
    for key in ("total", "subtotal", "annual_saving", "monthly_equivalent", "status"):
        assert english[key] == in_german[key]
    assert [line["amount"] for line in english["lines"]] == [
        line["amount"] for line in in_german["lines"]]


def test_the_locale_round_trips_through_catalog_json(german):
    data = json.loads(json.dumps(german.to_dict()))
    assert data["locale"]["code"] == "de"
    again = load_catalog(data)
    assert again.locale == german.locale and again.to_dict() == german.to_dict()
    assert again.book("EUR").locale == german.locale  # a price book speaks it too
    assert quote(again, REQUEST).to_dict() == quote(german, REQUEST).to_dict()
    assert "locale" not in german.with_locale(None).to_dict()


def test_a_broken_locale_block_is_a_catalog_error(demo):
    with pytest.raises(CatalogError, match="locale"):
        load_catalog({**demo.to_dict(), "locale": {"number": {}}})


def test_every_door_speaks_the_catalogs_locale(german):
    answer = json.loads(quote_json(german, json.dumps(REQUEST)))["ok"]
    assert answer == json.loads(json.dumps(quote(german, REQUEST).to_dict()))
    refused = json.loads(quote_json(german, json.dumps({"plan": "team", "seats": "-1"})))
    assert refused == {"error": "Die Anzahl der Nutzer kann nicht negativ sein.",
                       "field": "seats"}
    curve = json.loads(curve_json(german, json.dumps({"request": {"plan": "team"},
                                                      "metric": "nope"})))
    assert curve["error"] == "Unbekannte Messgröße 'nope'."
    planned = json.loads(forecast_json(german, json.dumps({
        "request": {"plan": "team", "seats": 8, "currency": "EUR"},
        "growth": {"seats": "0.3"}, "months": 12})))["ok"]
    assert planned == json.loads(json.dumps(forecast(german, {
        "plan": "team", "seats": 8, "currency": "EUR"}, {"seats": "0.3"}, 12).to_dict()))
    assert any("Nutzer" in c["text"] for c in planned["crossings"]), planned["crossings"]
    assert current() is ENGLISH  # nothing leaks out of a door


def test_a_german_forecast_prices_the_months_an_english_one_does(demo, german):
    """The planner's months grow storage by halves of a GB (21.5 GB): each month is priced in
    German as in English, the same totals; the German estimate's own text reads German."""
    growth = {"seats": {"percent": "5"}, "storage_gb": {"percent": "8"}}
    english = forecast(demo, {"plan": "team", "seats": 10, "currency": "EUR",
                              "usage": {"storage_gb": "20.5"}}, growth, 12).to_dict()
    planned = forecast(german, {"plan": "team", "seats": 10, "currency": "EUR",
                                "usage": {"storage_gb": "20,5"}}, growth, 12).to_dict()
    storage = [m["usage"]["storage_gb"] for m in planned["months"]]
    assert any("." in quantity for quantity in storage), storage   # halves grown, as JSON
    assert [m["status"] for m in planned["months"]] == ["priced"] * 12, \
        [m["reason"] for m in planned["months"]]
    assert [(m["usage"], m["total"]) for m in planned["months"]] == \
        [(m["usage"], m["total"]) for m in english["months"]]
    assert planned["total"] == english["total"]
    assert planned["months"][1]["display"]["usage"]["storage_gb"] == "22"
    assert "," in planned["months"][0]["display"]["usage"]["storage_gb"]   # 20,5


def test_the_planners_typed_growth_reads_as_german_writes_numbers(german):
    """A percent or a target is typed in the planner's fields: "8,5" is 8.5% in German, "1.500"
    is 1,500, and "8.5" is no German number (the calculator's fields refuse it alike)."""
    start = {"plan": "team", "seats": 10, "currency": "EUR", "usage": {"storage_gb": 20}}
    as_rate = forecast(german, start, {"seats": "0.085"}, 12).to_dict()
    assert forecast(german, start, {"seats": {"percent": "8,5"}}, "12").to_dict() == as_rate
    assert forecast(german, start, {"seats": {"percent": " 8,5 % "}}, 12).to_dict() == as_rate
    target = forecast(german, start, {"storage_gb": {"target": "1.500"}}, 12).to_dict()
    assert target["months"][-1]["usage"]["storage_gb"] == "1500"
    with pytest.raises(QuoteError) as caught:
        forecast(german, start, {"seats": {"percent": "8.5"}}, 12)
    assert caught.value.field == "growth.seats"
    assert str(caught.value).startswith("Wachstum (Nutzer): '8.5' ist keine Zahl"), str(caught.value)


def test_no_german_leaks_into_english_after_a_german_quote(demo, german):
    quote(german, REQUEST)
    assert quote(demo, {"plan": "team", "seats": 3}).to_dict()["lines"][0]["label"] == "Seats"
    assert current() is ENGLISH


@pytest.mark.parametrize("broken", [{"currency": ["", " ¤"]}, {"months": ["Januar"]},
                                    {"forms": ["one"]}, {"number": {"grouping": [0, 3]}}])
def test_a_block_of_the_wrong_shape_is_refused_when_read(demo, broken):
    block = {**locale_block("de", demo.currencies), **broken}
    with pytest.raises(CatalogError, match="locale"):
        load_catalog({**demo.to_dict(), "locale": block})
