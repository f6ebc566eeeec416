"""The budget planner in the built demo pricing page, read with an HTML parser: what it shows
before any script runs is the engine's forecast of the calculator's request."""

import json

import pytest

from calculator import forecast
from tests.site_support import demo_site, parse

pytestmark = pytest.mark.e2e  # reads the built demo site

BUILT = {"plan": "team", "seats": 10, "billing": "monthly", "usage": {"storage_gb": "20"}}


@pytest.fixture(scope="module")
def planner():
    page = parse(demo_site() / "pricing" / "index.html")
    return page.find("details", **{"data-testid": "planner"})


@pytest.fixture(scope="module")
def expected(demo):
    return forecast(demo, BUILT, {"seats": "0.05", "storage_gb": "0.08"}, 12).to_dict()


def test_the_prerendered_planner_shows_the_engines_forecast(planner, expected):
    assert planner.find(**{"data-testid": "planner-summary"}).text == "Plan ahead: your bill as you grow"
    assert planner.find(**{"data-testid": "planner-total"}).text == expected["display"]["total"]
    advice = planner.find(**{"data-testid": "planner-advice"}).find_all("li")
    assert [li.text for li in advice] == [a["text"] for a in expected["advice"]] != []
    crossings = planner.find(**{"data-testid": "planner-crossings"}).find_all("li")
    assert [[span.text for span in li.find_all("span")] for li in crossings] == [
        [str(c["month"]), c["text"]] for c in expected["crossings"]] != []
    # the chart's data block is the same forecast (planner-chart.js draws it before Python)
    block = planner.find("script", id="planner-forecast")
    assert json.loads(block.text) == expected


def test_the_month_table_has_the_chosen_plans_columns_and_every_month(planner, expected):
    table = planner.find("table", **{"data-testid": "planner-table"})
    heads = [th.text for th in table.find("thead").find_all("th") if "hidden" not in th.attrs]
    assert heads == ["Month", "Seats", "Storage (GB)", "Total"]     # Team prices no API calls
    rows = [[cell.text for cell in row.children if "hidden" not in cell.attrs]
            for row in table.find("tbody").find_all("tr")]
    assert rows == [[str(m["month"]), m["display"]["seats"], m["display"]["usage"]["storage_gb"],
                     m["display"]["total"]] for m in expected["months"]]


def test_the_german_page_prices_the_months_the_english_one_does(planner):
    """The demo's storage grows by halves of a GB: the German page's months were "not
    available" where the engine read its own "21.5" as German text."""
    german = parse(demo_site() / "de" / "pricing" / "index.html").find("script", id="planner-forecast")
    english = planner.find("script", id="planner-forecast")
    months = [json.loads(block.text)["months"] for block in (english, german)]
    assert [[m["status"] for m in each] for each in months] == [["priced"] * 12] * 2
    assert [m["usage"] for m in months[1]] == [m["usage"] for m in months[0]]


def test_the_fields_open_on_the_yamls_growth_in_percent(planner):
    form = planner.find("form", **{"data-testid": "planner-form"})
    values = {i.attrs["name"]: i.attrs.get("value") for i in form.find_all("input")
              if i.attrs.get("type") == "text"}
    assert values == {"g.seats": "5", "t.seats": "", "g.api_calls": "10", "t.api_calls": "",
                      "g.storage_gb": "8", "t.storage_gb": "", "h": "12"}
    api_calls = form.find("input", name="g.api_calls").parent
    assert "hidden" in api_calls.attrs and api_calls.attrs["data-plans"] == "free business"
