"""The budget planner's page data: the forecast the page opens on is ``calculator.forecast`` of
the calculator's request and the YAML's growth, and its fields are the quantities plans grow."""

import pytest

from calculator import forecast
from pricing_site.catalog import Content
from pricing_site.catalog.content import default_request
from pricing_site.pages.planner import planner_context
from pricing_site.pages.pricing import estimate

BUILT = {"plan": "team", "seats": 10, "billing": "monthly", "usage": {"storage_gb": "20"}}


def planner_content(demo_content, **changes):
    """The demo's page content with ``site.pricing.planner`` changed (None: left out)."""
    pricing = dict(demo_content.pricing)
    settings = {**pricing.get("planner", {}), **changes}
    pricing["planner"] = settings
    return Content(site={**demo_content.site, "pricing": pricing})


def test_the_planner_opens_on_the_engines_forecast_of_the_built_request(demo, demo_content):
    data = planner_context(demo, demo_content, estimate(demo, demo_content))
    assert default_request(demo, demo_content) == BUILT
    # the demo grows seats 5% and storage 8% a month (API calls 10%, which Team does not
    # price): the same rates written as fractions give the same forecast
    expected = forecast(demo, BUILT, {"seats": "0.05", "storage_gb": "0.08"}, 12).to_dict()
    assert data["forecast"] == expected
    assert data["forecast"]["display"]["total"] == "$7,600.00"
    assert [m["seats"] for m in data["forecast"]["months"]][:4] == [10, 11, 11, 12]
    assert data["months"] == 12 and data["title"] == "Plan ahead: your bill as you grow"


def test_a_field_for_every_quantity_a_plan_grows_with_its_opening_percent(demo, demo_content):
    data = planner_context(demo, demo_content, estimate(demo, demo_content))
    assert [(f["key"], f["heading"], f["plans"], f["percent"]) for f in data["fields"]] == [
        ("seats", "Seats", "free team business", "5"),
        ("api_calls", "API calls", "free business", "10"),
        ("storage_gb", "Storage (GB)", "free team business", "8")]
    assert data["shown"] == ["seats", "storage_gb"]
    assert data["plans"]["enterprise"] == [] and data["plans"]["business"] == [
        "seats", "api_calls", "storage_gb"]


def test_a_quantity_without_growth_is_an_empty_field_and_does_not_grow(demo, demo_content):
    content = planner_content(demo_content, growth={"storage_gb": "0.5"}, months=3)
    data = planner_context(demo, content, estimate(demo, content))
    assert [f["percent"] for f in data["fields"]] == ["", "", "50"]
    assert [m["seats"] for m in data["forecast"]["months"]] == [10, 10, 10]
    assert [m["usage"]["storage_gb"] for m in data["forecast"]["months"]] == ["20", "30", "45"]
    assert data["title"] == "Plan ahead: your bill as you grow"   # the demo's own title


@pytest.mark.parametrize("changes", [{"enabled": False}, None])
def test_the_planner_is_off_when_disabled_or_absent(demo, demo_content, changes):
    if changes is None:
        pricing = {k: v for k, v in demo_content.pricing.items() if k != "planner"}
        content = Content(site={**demo_content.site, "pricing": pricing})
    else:
        content = planner_content(demo_content, **changes)
    assert planner_context(demo, content, estimate(demo, content)) is None


def test_the_default_title_names_the_horizon(demo, demo_content):
    pricing = {**demo_content.pricing, "planner": {"months": 24}}
    content = Content(site={**demo_content.site, "pricing": pricing})
    data = planner_context(demo, content, estimate(demo, content))
    assert data["title"] == "Plan ahead: your bill as you grow"
    assert len(data["forecast"]["months"]) == 24 and data["forecast"]["crossings"] == []


def test_an_estimate_at_zero_opens_on_a_forecast_that_keeps_it_at_zero(demo, demo_content):
    """Business at 0 API calls, with the demo's 10% a month for API calls: the calls stay at 0
    (the build used to stop here: the growth is written for every plan)."""
    pricing = {**demo_content.pricing, "calculator": {"request": {
        "plan": "business", "seats": 5, "usage": {"api_calls": "0", "storage_gb": "20"}}}}
    content = Content(site={**demo_content.site, "pricing": pricing})
    data = planner_context(demo, content, estimate(demo, content))
    assert {m["usage"]["api_calls"] for m in data["forecast"]["months"]} == {"0"}
    assert data["forecast"]["months"][-1]["seats"] == 9     # 5 x 1.05^11 = 8.55
