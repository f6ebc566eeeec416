"""The built demo site, read with a real HTML parser: sections, prices, table, SEO, origins.

Every price on the pricing page must be the string ``calculator.quote`` gives for the same
plan and billing period; the comparison table must say what the catalog says.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

import material as mkdocs_material
import pytest

from calculator import load_catalog, quote
from pricing_site.pages.price_words import seats_text, usage_text
from pricing_site.pages.cards import entry_request
from pricing_site.build.assets import ASSETS, asset_url, image_url
from tests.catalogs import FLAT_FEE_TIERS, STORAGE_TIERS, ZERO_FEE_TIERS, card_price, one_plan
from tests.site_support import demo_site, parse
from tests.support.worker_modules import imports, worker_modules
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e  # every test reads the built demo site

SECTIONS = ("hero", "story", "features", "integrations", "security", "proof", "faq", "cta")


@pytest.fixture(scope="module")
def site():
    return demo_site()


@pytest.fixture(scope="module")
def home(site):
    return parse(site / "index.html")


@pytest.fixture(scope="module")
def pricing(site):
    return parse(site / "pricing" / "index.html")


@pytest.fixture(scope="module")
def content(demo_content):
    return demo_content.site


def test_every_landing_section_is_there_in_the_classic_order(home):
    found = [s.attrs["data-section"] for s in home.find_all("section") if "data-section" in s.attrs]
    assert found == list(SECTIONS)


def test_hero_shows_its_content(site, home, content):
    hero = home.find("section", id="hero")
    assert hero.find("h1").text == content["hero"]["headline"]
    assert content["hero"]["proof"] in hero.text
    links = {a.text: a.attrs["href"] for a in hero.find_all("a")}
    assert links[content["hero"]["primary_cta"]["label"]] == content["hero"]["primary_cta"]["url"]
    assert links["See pricing"] == "pricing/"
    image = hero.find("img")
    # the named file, served under the hash of its bytes (cached for good); also at its name
    named = content["hero"]["image"]["src"]
    assert image.attrs["src"] == image_url(named.removeprefix("assets/"), ASSETS / "images")
    assert (site / image.attrs["src"]).read_bytes() == (ASSETS.parent / named).read_bytes()
    assert (site / named).read_bytes() == (ASSETS.parent / named).read_bytes()
    assert image.attrs["alt"] == content["hero"]["image"]["alt"]


def test_story_features_integrations_security_show_every_item(home, content):
    story = home.find("section", id="story")
    for part in ("problem", "cost", "solution"):
        assert content["story"][part]["title"] in story.text
    assert [li.find("h3").text for li in story.find("ol").find_all("li")] == \
        [s["title"] for s in content["story"]["steps"]]
    for name in ("features", "security"):
        titles = [h.text for h in home.find("section", id=name).find_all("h3")]
        assert titles == [i["title"] for i in content[name]["items"]]
    names = [n.text for n in home.find("section", id="integrations").by_class("rk-integration__name")]
    assert names == [i["name"] for i in content["integrations"]["items"]]


def test_social_proof_has_logos_stats_and_attributed_testimonials(home, content):
    proof = home.find("section", id="proof")
    assert [img.attrs["alt"] for img in proof.find("ul").find_all("img")] == \
        [logo["name"] for logo in content["proof"]["logos"]]
    assert [dd.text for dd in proof.find("dl").find_all("dd")] == \
        [s["value"] for s in content["proof"]["stats"]]
    figures = proof.find_all("figure")
    assert len(figures) == len(content["proof"]["testimonials"])
    for figure, given in zip(figures, content["proof"]["testimonials"]):
        caption = figure.find("figcaption").text
        assert given["name"] in caption and given["role"] in caption and given["company"] in caption


def test_images_below_the_first_screen_load_lazily_the_heros_at_once(home, pricing):
    # the hero's image may be the largest paint; every other request made before that paint
    # is on its path in a page-speed audit (bench/RESULTS.md)
    assert "loading" not in home.find("section", id="hero").find("img").attrs
    proofs = [home.find("section", id="proof"), home.find("section", id="integrations"),
              *pricing.by_class("rk-pricing-proof")]
    images = [[img.attrs.get("loading") for img in section.find_all("img")] for section in proofs]
    assert images[0] and images[-1] and all(set(each) <= {"lazy"} for each in images)


def test_faq_answers_are_markdown_with_page_relative_links(home, pricing):
    answers = home.find("section", id="faq").by_class("rk-faq__answer")
    assert any(a.find("strong") for a in answers)
    hrefs = [a.attrs["href"] for answer in answers for a in answer.find_all("a")]
    assert "docs/" in hrefs and "pricing/" in hrefs
    assert pricing.find("section", id="pricing-faq").find_all("details")


def test_each_card_price_is_the_quote_for_that_plan_and_billing(pricing, demo):
    checked = 0
    for plan in demo.plans:
        for billing in ("monthly", "annual"):
            shown = pricing.find(data_testid=f"price-{plan.id}-{billing}")
            assert shown is not None, f"no price element for {plan.id}/{billing}"
            data = quote(demo, entry_request(plan, billing)).to_dict()
            if data["status"] == "priced":
                assert shown.text == card_price(demo, plan, billing)
                card = pricing.find("article", id=f"plan-{plan.id}")
                if billing == "annual" and data["total"] != "0.00":
                    assert f"{data['display']['total']} billed yearly" in card.text
                checked += 1
            else:
                assert shown.text == "Custom pricing"
    assert checked == 6


def test_annual_saving_popular_plan_and_enterprise_cta(pricing, demo):
    team_annual = quote(demo, {"plan": "team", "seats": 1, "billing": "annual"}).to_dict()
    saving = pricing.find(data_testid="saving-team-annual")
    assert saving.text == f"Save {team_annual['display']['annual_saving']} a year"
    popular = pricing.by_class("rk-card--popular")
    assert [card.attrs["id"] for card in popular] == ["plan-team"]
    assert popular[0].by_class("rk-card__badge")[0].text == "Most popular"
    enterprise = pricing.find("article", id="plan-enterprise")
    button = enterprise.by_class("md-button")[0]
    assert (button.text, button.attrs["href"]) == ("Talk to sales", "mailto:sales@relaykit.example")


def test_both_billing_periods_are_in_the_html_and_the_toggle_needs_no_inline_script(pricing):
    assert pricing.find("input", id="billing-monthly").attrs.get("checked") is not None
    assert pricing.find("input", id="billing-annual") is not None
    for script in pricing.find_all("script"):
        kind = script.attrs.get("type", "")
        if script.attrs.get("src") is None and script.text and "billing" in script.text:
            assert kind in ("application/json", "application/ld+json")


def test_the_pages_own_scripts_come_after_the_first_paint_every_one_asked_for(pricing, site):
    # a page-speed audit puts every request done before the largest paint on its path (those of
    # high priority on its shortest path too), and module scripts hold DOMContentLoaded: but for
    # client.js (the page's scripts' API) the page names them to js/after-paint.js, which runs
    # them in order and fetches the rest at once
    modules = [script for script in pricing.find_all("script", type="module")]
    assert [script.attrs["src"].rsplit("/", 1)[1] for script in modules] == \
        ["client.js", "material-late.js", "after-paint.js"]
    assert all(script.attrs["fetchpriority"] == "low" for script in modules)
    preloaded = [link for link in pricing.find_all("link") if link.attrs.get("rel") == "modulepreload"]
    # client.js's own import, else fetched at high priority once client.js is in
    assert [(link.attrs["href"], link.attrs["fetchpriority"]) for link in preloaded] == \
        [(f"../{asset_url('calculator/start-when.js')}", "low")] and imports("client.js") == {"start-when.js"}
    assert not [link for link in parse(site / "index.html").find_all("link")
                if link.attrs.get("rel") == "modulepreload"]
    assert not [script for script in pricing.find_all("script", src=True)
                if "toggle" in script.attrs["src"] or "compare-plans" in script.attrs["src"]]
    loader, = [script for script in pricing.find_all("script") if "data-run" in script.attrs]
    run, preload = (loader.attrs[name].split() for name in ("data-run", "data-preload"))
    assert [src.rsplit("/", 1)[1] for src in run] == \
        ["billing-toggle.js", "currency-toggle.js", "compare-plans.js", "ui.js", "planner.js",
         "faq-target.js"]
    # every module the page's scripts import, the worker's own and client.js's aside (those
    # come with client.js's tag)
    left = worker_modules() | imports("client.js") | {"client.js"}
    assert {f"../{asset_url('calculator/' + path.name)}"
            for path in (ASSETS / "calculator").glob("*.js") if path.name not in left} \
        == {src for src in [*run, *preload] if "/calculator/" in src}
    sources = [script.attrs["src"] for script in modules]
    assert all((site / src.removeprefix("../")).is_file() for src in [*sources, *run, *preload])


def test_calculator_region_shows_the_default_estimate(pricing, demo, content):
    region = pricing.find("section", id="calculator")
    assert region.attrs["data-testid"] == "calculator"
    data_block = pricing.find("script", id="calculator-default")
    assert data_block.attrs["type"] == "application/json"
    request = json.loads(data_block.text)
    given = content["pricing"]["calculator"]["request"]
    assert request == {**given, "usage": {"storage_gb": "20"}}  # the plan's metric at its default
    expected = quote(demo, request).to_dict()
    assert region.find(data_testid="calculator-total").text == expected["display"]["total"]
    lines = region.by_class("rk-bill__line")
    assert [line.find("td").text for line in lines] == [l["display"]["amount"] for l in expected["lines"]]
    tiers = region.by_class("rk-bill__tier")
    assert [t.find("td").text for t in tiers] == \
        [t["display"]["amount"] + "/mo" for l in expected["lines"] for t in l["tiers"]]


def _table(pricing, currency="USD"):
    """The comparison table's plan ids and its rows' cells, as shown in ``currency``."""
    table = pricing.find("section", id="compare").find("table")
    plans = [th.attrs["data-plan"] for th in table.find("thead").find_all("th")]
    rows = {}
    for body in table.find_all("tbody"):
        for tr in body.find_all("tr"):
            th, cells = tr.find("th"), tr.find_all("td")
            if cells:
                rows[th.text] = dict(zip(plans, (_in(c, currency) for c in cells)))
    return plans, rows


def _in(cell, currency):
    """A cell's words in ``currency``: its own, or those of its span for that currency (the
    catalog's own shown, the others hidden)."""
    spans = {s.attrs["data-book"]: s for s in cell.find_all("span") if "data-book" in s.attrs}
    if not spans:
        return cell.text
    assert [code for code, s in spans.items() if "hidden" not in s.attrs] == ["USD"]
    return spans[currency].text


def test_comparison_table_matches_the_catalog(pricing, demo):
    plans, rows = _table(pricing)
    assert plans == [p.id for p in demo.plans]
    team = demo.plan("team")
    assert rows["Minimum seats"]["team"] == str(team.seats.minimum)
    assert "1–10: $50" in rows["Seats"]["team"] and "201 and up: contact sales" in rows["Seats"]["team"]
    assert rows["Seats"]["business"] == "$45 per seat; billed yearly: $36 per seat"
    assert rows["Yearly billing discount"]["business"] == "Annual prices, 20% off the rest"
    assert rows["Base fee"]["business"] == "$299 a month"
    assert rows["Seat limit"]["free"] == "3"
    assert rows["API calls"]["business"] == "100,000 calls included, then $5 per 1,000 calls"
    assert rows["Storage"]["team"] == "50 GB included, then $0.25 per GB"
    assert rows["API calls"]["team"] == "Not included"
    assert rows["SAML single sign-on"] == {"free": "Not available", "team": "$100 a month",
                                           "business": "Not available", "enterprise": "Ask sales"}
    assert rows["Audit log retention"]["business"] == "$3 per seat a month"
    for plan in demo.plans:
        monthly = quote(demo, entry_request(plan, "monthly")).to_dict()
        if monthly["status"] == "priced":
            assert rows["Starts at"][plan.id] == f"{monthly['display']['monthly_equivalent']} a month"
    assert rows["Messaging API and webhooks"]["business"] == "Included"
    assert rows["Support"]["enterprise"] == "Named CSM"
    _, euros = _table(pricing, "EUR")
    assert euros["Seats"]["business"] == "€40 per seat; billed yearly: €32 per seat"
    assert euros["Base fee"]["business"] == "€279 a month"
    assert euros["SAML single sign-on"]["team"] == "€95 a month"
    assert euros["Committed use"]["business"] == "20% off seats and usage for €46,000 a year"
    assert euros["Support"] == rows["Support"]  # features are the same in every currency


def test_a_narrow_comparison_opens_on_its_pair_as_built(pricing):
    """Every cell of the plans outside the first pair is marked by the build, and only those:
    a phone that scripts shows two plans from the first paint, no script restyling the table."""
    section = pricing.find("section", id="compare")
    picker = section.by_class("rk-compare__picker")[0]
    pressed = [b.attrs["data-plan"] for b in picker.find_all("button", aria_pressed="true")]
    popular = section.by_class("rk-compare__popular")[0].attrs["data-plan"]
    assert len(pressed) == 2 and popular in pressed
    assert "data-picking" in section.attrs and "hidden" in picker.attrs
    cells = [c for c in section.find("table").find_all() if "data-plan" in c.attrs]
    assert len(cells) > 40
    for cell in cells:
        assert cell.has_class("rk-compare__off") == (cell.attrs["data-plan"] not in pressed)


SEED_TIERS = [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40}, {"unit": 30}]

# (where the charge is, metric step, charge, currency, the comparison table's cell)
PRICE_LISTS = [
    # a metric sold in half GB: "1–1,000" would leave out 0.5 GB; the tiers price what lies
    # beyond the 200 included, so they read as totals (not "up to 1,000", read as a total)
    ("usage", "0.5", {"pricing": "graduated", "included": 200, "tiers": STORAGE_TIERS}, "USD",
     "200 things included, then per things, graduated: over 200 up to 1,200: $0.20 · "
     "over 1,200 up to 5,200: $0.10 · over 5,200: $0.05"),
    ("seats", None, {"pricing": "graduated", "included": 3, "tiers": SEED_TIERS}, "USD",
     "3 seats included, then per seat, graduated: 4–13: $50 · 14–53: $40 · 54 and up: $30"),
    # whole units (seats, a metric in steps of 1) count from 1, as before
    ("seats", None, {"pricing": "graduated", "tiers": SEED_TIERS}, "USD",
     "Per seat, graduated: 1–10: $50 · 11–50: $40 · 51 and up: $30"),
    ("usage", None, {"pricing": "volume", "tiers": STORAGE_TIERS}, "USD",
     "Per things, all-units volume: 1–1,000: $0.20 · 1,001–5,000: $0.10 · 5,001 and up: $0.05"),
    # fractional bounds: the middle tier says where it starts, as the bill does
    ("usage", None, {"pricing": "graduated", "tiers": [
        {"up_to": "0.5", "unit": 0}, {"up_to": "10.5", "unit": 1}, {"unit": "0.5"}]}, "USD",
     "Per things, graduated: up to 0.5: $0 · over 0.5 up to 10.5: $1 · over 10.5: $0.50"),
    # a tier {up_to: 0} holds 0 alone, never "1–0"
    ("seats", None, {"pricing": "graduated", "tiers": ZERO_FEE_TIERS}, "USD",
     "Per seat, graduated: 0: $0 + $10 flat · 1–10: $5 · 11 and up: $4"),
    ("usage", "0.5", {"pricing": "volume", "tiers": ZERO_FEE_TIERS}, "USD",
     "Per things, all-units volume: 0: $0 + $10 flat · over 0 up to 10: $5 · over 10: $4"),
    # flat fees are prices: as listed, like unit prices, in any currency
    ("seats", None, {"pricing": "graduated", "tiers": FLAT_FEE_TIERS}, "KWD",
     "Per seat, graduated: 1–10: KWD 0.1234 + KWD 1.2345 flat · 11 and up: KWD 0.500 + KWD 99.500 flat"),
    ("seats", None, {"pricing": "graduated", "tiers": FLAT_FEE_TIERS}, "JPY",
     "Per seat, graduated: 1–10: ¥0.1234 + ¥1.2345 flat · 11 and up: ¥0.5 + ¥99.5 flat"),
]


@pytest.mark.parametrize("where, step, charge, currency, cell", PRICE_LISTS, ids=[
    "half-gb", "seats-included", "seats", "whole-metric", "fractional-bounds", "zero-fee-seats", "zero-fee-half-gb",
    "kwd-flat", "jpy-flat"])
def test_comparison_table_words_tiers_as_the_bill_does(where, step, charge, currency, cell):
    """The cell, then the bill's tier rows in it: a graduated bill reaching the last tier shows
    every tier ("range: unit price + flat"), a volume bill the tier it is in."""
    catalog = load_catalog(one_plan(**{where: charge}, currency=currency, step=step))
    plan = catalog.plan("p")
    shown = (seats_text(plan.seats, currency) if where == "seats"
             else usage_text(plan.usage["m"], catalog.metrics["m"], currency))
    assert shown == cell
    quantity = 6000 if charge["tiers"] is STORAGE_TIERS else 60
    request = {"plan": "p", "seats": quantity} if where == "seats" else {
        "plan": "p", "usage": {"m": quantity}}
    [line] = quote(catalog, request).to_dict()["lines"]
    listed = cell.split(": ", 1)[1].split(" · ")
    billed = [f"{t['range']}: {t['display']['unit_price']}"
              + (f" + {t['display']['flat']} flat" if t["flat"] != "0" else "")
              for t in line["tiers"]]
    assert billed == (listed if charge["pricing"] == "graduated" else [listed[-1]])


def _meta(doc, key, value):
    for meta in doc.find_all("meta"):
        if meta.attrs.get(key) == value:
            return meta.attrs.get("content")
    return None


def test_titles_descriptions_and_share_tags_come_from_the_yaml(home, pricing, content):
    for doc, key in ((home, "index"), (pricing, "pricing")):
        page = content["pages"][key]
        assert doc.find("title").text == page["title"]
        assert _meta(doc, "name", "description") == " ".join(page["description"].split())
        assert _meta(doc, "property", "og:title") == page["title"]
        assert _meta(doc, "property", "og:description") == " ".join(page["description"].split())
        assert _meta(doc, "name", "twitter:card") == "summary_large_image"
        assert _meta(doc, "property", "og:image") == content["url"] + content["social_image"]
    assert _meta(pricing, "property", "og:url") == content["url"] + "pricing/"


def test_pricing_json_ld_offers_come_from_quote(pricing, demo):
    blocks = [s for s in pricing.find_all("script") if s.attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    product = json.loads(blocks[0].text)
    assert product["@type"] == "Product" and product["name"] == "Relaykit"
    # one offer per plan and currency, each its entry bill's total in that currency
    offers = [(p, code) for p in demo.plans if not p.custom for code in ("USD", "EUR")]
    assert [(o["name"], o["priceCurrency"]) for o in product["offers"]] == [
        (f"{p.name} plan", code) for p, code in offers]
    for offer, (plan, code) in zip(product["offers"], offers):
        assert offer["price"] == quote(demo, entry_request(plan, "monthly", code)).to_dict()["total"]


def test_the_cards_are_prerendered_in_every_currency_the_catalogs_own_shown(pricing, demo):
    for plan in [p for p in demo.plans if not p.custom]:
        card = pricing.find("article", id=f"plan-{plan.id}")
        books = [div for div in card.find_all("div") if "data-book" in div.attrs]
        assert [(b.attrs["data-book"], "hidden" in b.attrs) for b in books] == [
            ("USD", False), ("EUR", True)]
        for billing in ("monthly", "annual"):
            shown = pricing.find(data_testid=f"price-{plan.id}-{billing}-eur")
            assert shown.text == card_price(demo, plan, billing, "EUR")
    # Business leads with its seat price for each billing ($45 a month, $36 billed yearly),
    # said once: no second line of it under the lead
    assert pricing.find(data_testid="price-business-annual").text == "$239.20 + $36/seat"
    assert pricing.find(data_testid="price-business-annual-eur").text == "€223.20 + €32/seat"
    assert [pricing.find(data_testid=f"seat-price-business-{b}") for b in ("monthly", "annual")] == [None, None]
    taxes = {p.attrs["data-testid"]: ("hidden" in p.attrs, p.text)
             for p in pricing.by_class("rk-plans__tax")}
    assert taxes == {"tax-usd": (False, "Prices in US dollars, plus applicable sales tax."),
                     "tax-eur": (True, "Prices in euros, excluding VAT.")}


def test_sitemap_and_robots(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("", "pricing/", "about/", "docs/", "legal/privacy/", "legal/terms/"):
        assert f"<loc>https://relaykit.example/{path}</loc>" in sitemap
    assert "Sitemap: https://relaykit.example/sitemap.xml" in (site / "robots.txt").read_text()


def test_the_price_list_for_machines_is_built(site):
    from pricing_site.catalog import read_catalog
    from pricing_site.pages.price_list import llms_txt, pricing_json, pricing_markdown
    from tests.support.http_server import read_headers_file

    read = read_catalog(ROOT / "plans.yaml", lint=False)
    url = "https://relaykit.example/"
    assert (site / "pricing.md").read_text() == pricing_markdown(read.catalog, read.content, url)
    assert json.loads((site / "pricing.json").read_text()) == json.loads(
        json.dumps(pricing_json(read.catalog, read.content, url)))
    llms = (site / "llms.txt").read_text()
    assert llms.startswith(llms_txt(read.catalog, read.content, url).split("## Optional")[0])
    for page in ("about/", "docs/", "legal/privacy/", "legal/terms/"):   # the site's other pages
        assert f"(<{url}{page}>)" in llms
    assert "(<https://relaykit.example/pricing/>)" not in llms        # listed once, under Pricing
    rules = {path: dict(headers) for path, headers in read_headers_file(site / "_headers")}
    assert rules["/*.md"]["Content-Type"].startswith("text/markdown")
    assert rules["/llms.txt"]["Content-Type"].startswith("text/plain")


def _foreign_resources(doc):
    """src/href of things a browser would load (script, img, stylesheet/icon/preload, font)."""
    found = []
    for node in doc.find_all():
        if node.tag in ("script", "img", "source", "iframe", "audio", "video", "embed"):
            url = node.attrs.get("src") or node.attrs.get("srcset")
        elif node.tag == "link" and node.attrs.get("rel") not in ("canonical", "alternate", "prev", "next"):
            url = node.attrs.get("href")
        else:
            continue
        if url and (urlsplit(url).scheme in ("http", "https") or url.startswith("//")):
            found.append(url)
    return found


def test_no_page_loads_anything_from_another_origin(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        assert _foreign_resources(parse(page)) == [], page
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_every_image_a_page_writes_has_its_size(site):
    """Width and height on every <img>: the browser keeps the image's place before it loads
    (no layout shift); the logo's are its file's own (Material's partial writes none)."""
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        for image in parse(page).find_all("img"):
            assert image.attrs.get("width") and image.attrs.get("height"), (page, image.attrs)
    logo = parse(site / "index.html").find("img", alt="logo")
    svg = parse((ASSETS / "images/logo.svg").read_text(encoding="utf-8")).find("svg")
    assert (logo.attrs["width"], logo.attrs["height"]) == (svg.attrs["width"], svg.attrs["height"])


def test_every_page_has_its_title_and_material_scripts_as_markup(site):
    """Each page, 404 included, carries a real <title> and Material's bundle, not their text;
    the bundle by the loader that brings it after the largest paint (js/material-late.js),
    naming the file Material's base.html names, which the site holds."""
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages
    material = (Path(mkdocs_material.__file__).parent / "templates/base.html").read_text()
    for page in pages:
        doc = parse(page)
        assert doc.find("title").text.strip(), page
        loaders = [s for s in doc.find_all("script") if "data-material-bundle" in s.attrs]
        assert len(loaders) == 1 and loaders[0].attrs["type"] == "module", page
        bundle = loaders[0].attrs["data-material-bundle"]
        assert bundle.endswith(".min.js") and bundle.rsplit("/", 1)[1] in material, page
        served = site / bundle.lstrip("/") if bundle.startswith("/") else page.parent / bundle
        assert served.resolve().is_file(), page  # 404.html links from the site's root
        assert not any("assets/javascripts/bundle." in (s.attrs.get("src") or "")
                       for s in doc.find_all("script")), page  # not also fetched with the page
        text = page.read_text(encoding="utf-8")
        assert "&lt;script" not in text and "&lt;title" not in text, page


def test_the_footer_line_is_the_yamls(site, content):
    for name in ("index.html", "pricing/index.html", "legal/terms/index.html", "404.html"):
        [line] = parse(site / name).by_class("md-copyright__highlight")
        assert line.text.strip() == content["footer"], name


def test_markdown_pages_are_in_the_nav(home):
    tabs = [a.text for a in home.by_class("md-tabs__link")]
    assert tabs[:4] == ["Home", "Pricing", "Docs", "About"]


@pytest.mark.parametrize("charge, cell", [
    ({"unit": 12, "included": 5}, "5 seats included, then $12 per seat"),
    ({"unit": 0, "included": 1}, "1 seat included"),
    ({"unit": 0}, "Free"),
])
def test_a_seat_allowance_is_said_before_the_seat_price(charge, cell):
    """As a metric's cell says its allowance first: tier ranges count on from it."""
    catalog = load_catalog(one_plan(seats=charge))
    assert seats_text(catalog.plan("p").seats, "USD") == cell
