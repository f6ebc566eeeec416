"""The estimate's call to action carries the estimate: the chosen plan's cta URL with the
quote's request under the names site.pricing.cta_params gives, or a mailto: body saying the
same (pricing_site/pages/cta.py; its twin in the browser is held to it in
tests/site/test_estimate_cta.py)."""

from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from calculator import quote
from pricing_site.pages.cta import cta_config, estimate_ctas, estimate_params, with_estimate
from pricing_site.pages.pricing import pricing_context
from tests.catalogs import with_content
from tests.support.paths import DEMO

PARAMS = {"plan": "plan", "seats": "seats", "billing": "billing", "currency": "currency",
          "usage": "usage_{id}", "seat_kinds": "seats_{id}", "addons": "addon_{id}",
          "commitment": "commit", "promotion": "coupon"}


def _demo():
    return with_content(yaml.safe_load(DEMO.read_text(encoding="utf-8")))


def _quote(request):
    catalog, _ = _demo()
    return quote(catalog, request).to_dict()


def test_every_part_of_the_estimate_travels_as_the_engine_read_it():
    q = _quote({"plan": "business", "seats": " 12 ", "billing": "annual", "currency": "EUR",
                "usage": {"api_calls": "1e5"}, "seat_kinds": {"guest": 3},
                "addons": {"audit_log": 1, "phone_numbers": 2}, "commitment": True})
    assert estimate_params(q, PARAMS) == [
        ("plan", "business"), ("seats", "12"), ("billing", "annual"), ("currency", "EUR"),
        ("commit", "1"), ("usage_api_calls", "100000"),
        ("seats_guest", "3"), ("addon_audit_log", "1"), ("addon_phone_numbers", "2")]


def test_only_the_parts_named_travel():
    q = _quote({"plan": "team", "seats": 12})
    assert estimate_params(q, {"seats": "n"}) == [("n", "12")]
    url = "https://app.example/signup?plan=team"
    assert with_estimate(url, q, {}) == url


def test_a_form_link_keeps_its_own_parameters_and_gets_the_estimate_s_in_place_of_its_own():
    q = _quote({"plan": "team", "seats": 12})
    url = with_estimate("https://app.example/signup?plan=free&ref=pricing#form", q,
                        {"plan": "plan", "seats": "seats"})
    assert url == "https://app.example/signup?ref=pricing&plan=team&seats=12#form"


def test_hostile_ids_and_codes_are_encoded_not_read_as_url_syntax():
    hostile = 'a&b=c#d?e<f>"g h+i/é'
    q = {"plan": hostile, "billing": "monthly", "currency": "USD",
         "request": {"seats": 2, "usage": {hostile: "5"}, "promotion": hostile}}
    url = with_estimate("https://app.example/signup", q,
                        {"plan": "plan", "usage": "u[{id}]", "promotion": "code"})
    split = urlsplit(url)
    assert split.fragment == "" and split.path == "/signup"
    assert not set('<>" #') & set(url), url
    assert parse_qs(split.query) == {"plan": [hostile], f"u[{hostile}]": ["5"], "code": [hostile]}


def test_contact_sales_by_mail_carries_the_estimate_as_readable_lines_of_its_body():
    q = _quote({"plan": "team", "seats": 250})
    assert q["status"] == "contact_sales"
    url = with_estimate("mailto:sales@example.com?subject=Quote%20please&body=Hello+there", q,
                        {"plan": "plan", "seats": "seats", "billing": "billing"})
    address, _, query = url.partition("?")
    assert address == "mailto:sales@example.com"
    subject, body = query.split("&")
    assert subject == "subject=Quote%20please"
    assert unquote(body.removeprefix("body=")) == \
        "Hello+there\r\n\r\nplan: team\r\nseats: 250\r\nbilling: monthly"


def test_the_page_prerenders_the_default_estimate_s_links():
    catalog, content = _demo()
    page = pricing_context(catalog, content, lambda url: url, {"client": "c.js"})
    ctas = page["calculator"]["ctas"]
    assert ctas["plan"]["label"] == "Start a 14-day trial"
    assert parse_qs(urlsplit(ctas["plan"]["url"]).query) == {
        "plan": ["team"], "seats": ["10"], "billing": ["monthly"], "currency": ["USD"],
        "usage_storage_gb": ["20"]}
    assert ctas["contact"].startswith("mailto:sales@relaykit.example?body=plan%3A%20team%0D%0A")


def test_a_plan_without_a_call_to_action_has_no_estimate_button():
    catalog, content = _demo()
    config = cta_config(catalog, content, lambda url: url)
    del config["plans"]["team"]
    assert estimate_ctas(config, _quote({"plan": "team"}))["plan"] is None
