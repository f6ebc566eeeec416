"""Everything the templates receive, built from the Catalog by Python (unit-testable).

``landing_context`` and ``pricing_context`` return plain dicts for one page; ``page_meta``
gives a page's title and description from ``site.pages``.
"""

import json

import yaml

from pricing_site.runtime.bundle import bundle_urls
from .calculator_chart import chart_data
from .calculator_form import calculator_form, plan_starts
from .comparison import comparison_table
from .landing import faq, landing_sections
from .pricing import billing_labels, estimate, offers_json_ld, plan_cards

def site_settings(catalog):
    """The ``site:`` section (an empty dict when the catalog has none)."""
    return catalog.content.get("site") or {}


def landing_context(catalog, link):
    return landing_sections(site_settings(catalog), link)


def pricing_context(catalog, link, page_url=None):
    """Cards, comparison, the default estimate, FAQ and the JSON-LD for the pricing page."""
    site = site_settings(catalog)
    settings = site.get("pricing") or {}
    contact = settings.get("contact_label", "Custom pricing")
    cards = plan_cards(catalog, link, contact)
    calculator = settings.get("calculator") or {}
    default = estimate(catalog, calculator)
    return {
        "headline": settings.get("headline", "Pricing"),
        "subhead": settings.get("subhead"),
        "labels": billing_labels(catalog, settings),
        "period": settings.get("period", "monthly"),  # the cards' toggle opens on it
        "has_prices": any(not c["custom"] for c in cards),
        "cards": cards,
        "comparison": comparison_table(catalog, cards, settings.get("comparison") or {}),
        "calculator": _calculator(catalog, calculator, default, link),
        "faq": faq(settings.get("faq"), link),
        "json_ld": data_json(offers_json_ld(catalog, site, cards, page_url)),
    }


def _contact_url(catalog, link):
    """Where a contact-sales result points: the first custom plan's call to action."""
    for plan in catalog.plans:
        if plan.custom and "cta" in plan.content:
            return link(plan.content["cta"]["url"])
    return "#plans"


def _calculator(catalog, settings, default, link):
    """The calculator region: the prerendered estimate, the form, and the data blocks the
    page scripts read (the bundle's URLs, the catalog the worker's engine loads, where each
    plan's link starts, the chart's data with the estimate's curves)."""
    region = {"title": settings.get("title", "Estimate your bill"), "text": settings.get("text"),
              "estimate": default, "form": None}
    if default is None:
        return region
    urls = bundle_urls(catalog)
    region.update({
        "request_json": data_json(default["request"]),
        "form": calculator_form(catalog, default["request"]),
        "starts_json": data_json(plan_starts(catalog, default["request"])),
        "client": urls.pop("client"),
        "config_json": data_json(urls),
        "catalog_json": data_json(catalog.to_dict()),
        "chart": (chart := chart_data(catalog, default)),
        "chart_json": data_json(chart),
        "contact_url": _contact_url(catalog, link),
    })
    return region


def data_json(value):
    """JSON safe inside a <script type="application/json"> data block: no "</script>"."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_meta(catalog, src_uri):
    """``{"title", "description", "image"}`` (any may be missing) for a markdown file."""
    key = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    pages = site_settings(catalog).get("pages") or {}
    return dict(pages.get(key) or pages.get(key.removesuffix("/index")) or {})


def front_matter_problem(src_path, text):
    """Where and why a markdown page's front matter (between its --- lines) is not a mapping."""
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{src_path}:{mark.line + 2}:{mark.column + 1}" if mark else src_path
        return f"{where}: the front matter is not valid YAML: {exc.problem or exc.context}"
    except yaml.YAMLError as exc:
        return f"{src_path}: the front matter is not valid YAML: {exc}"
    if data is None:
        return f"{src_path}:1:1: the front matter is empty: remove its --- lines"
    return (f"{src_path}:2:1: the front matter must be 'key: value' lines, "
            f"got {type(data).__name__}")
