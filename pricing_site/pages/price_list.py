"""Pricing for machines: ``/pricing.md``, ``/pricing.json`` and ``/llms.txt``.

Buyers more and more meet a price through an assistant or a procurement tool that reads the
site for them. These files say what the pricing page says, by construction: the markdown is
made of the page's own plan cards (each price a ``quote()``) and comparison table, and the JSON
carries the engine's catalog (what the browser's calculator loads) beside the cards' prices.
``/llms.txt`` follows the llms.txt convention (llmstxt.org): a title, a one-line summary, and
sections of links, here to the price list first.

Every text from plans.yaml is escaped for the markdown it lands in (a plan name holding ``|`` or
``]`` must not break the table or a link), and links come only from fields the catalog's URL
rules already allow.
"""

import hashlib
import json
import re
from pathlib import Path

from calculator import sales

from .cards import plan_cards
from .comparison import comparison_table

FORMAT = 1  # pricing.json's shape; raised when a key changes meaning or goes away
SCHEMA_PATH = Path(__file__).with_name("pricing.schema.json")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")   # what can make markup anywhere in a line
_LEADING = re.compile(r"^(\d*)([#+=.)-])")       # what makes a heading or a list at its start


def _text(value):
    """Marketer text as one line of markdown showing that text: a plan name cannot start a
    heading, open a link or end a table cell (and plain words stay plain for a reader)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(str(value or "").split()))
    return _LEADING.sub(r"\1\\\2", text)


def _link(url):
    """A URL as a markdown autolink target: the few characters that would end it, escaped."""
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def _url(base, path):
    return (base or "/").rstrip("/") + "/" + path.lstrip("/")


def _cards(catalog, content):
    return plan_cards(catalog, content, lambda url: url, content.pricing.get("contact_label",
                                                                            "Custom pricing"))


def catalog_version(catalog):
    """A version that changes exactly when a price, limit or name in the catalog does (not with
    the day a build prices on: a promotion's terms, its last day included, are in it)."""
    data = {key: value for key, value in catalog.to_dict().items() if key != "date"}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def pricing_markdown(catalog, content, site_url=None):
    """Every plan, its prices per billing period, then the comparison (tiers, allowances,
    add-ons, limits, what is contact sales), as markdown."""
    site = content.site
    name = _text(site.get("name") or "Pricing")
    cards = _cards(catalog, content)
    lines = [f"# {name} pricing", ""]
    lines += [f"Prices in {' and '.join(catalog.currencies)}, as on the pricing page "
              f"({_url(site_url, 'pricing/')}); machine-readable: {_url(site_url, 'pricing.json')}. "
              f"Catalog version {catalog_version(catalog)}.", ""]
    taxes = _taxes(catalog, content)
    if taxes:
        lines += [f"- {code}: {_text(tax)}" for code, tax in taxes.items()] + [""]
    for card in cards:
        lines += [f"## {_text(card['name'])}", ""]
        if card["tagline"]:
            lines += [_text(card["tagline"]), ""]
        if card["custom"]:
            lines.append(f"- Price: {_text(card['message'] or card['price_from'])}")
        for book in card["books"]:
            # the catalog's own currency as the page opens on it; each other one named
            currency = "" if book["currency"] == catalog.currency else f" ({book['currency']})"
            for price in _offered(card, book):
                period = "Billed monthly" if price["billing"] == "monthly" else "Billed yearly"
                lines.append(f"- {period}{currency}: {_text(price['amount'])}"
                             f"{_text(price['period'])} ({_text(price['note'])})")
                if price.get("promotion"):
                    lines.append(f"  - {_text(price['promotion'])}")
            if book["saving"]:
                lines.append(f"- {_text(book['saving'])}")
            above = _sales_words(catalog, card, book["currency"])
            if above:
                lines.append(f"- Contact sales above{currency}: "
                             f"{_text('; '.join(above))}")
        if card["cta"]:
            lines.append(f"- {_text(card['cta']['label'])}: {_link(card['cta']['url'])}")
        lines += [f"- {_text(feature)}" for feature in card["features"]]
        lines.append("")
    table = comparison_table(catalog, content, cards, content.pricing.get("comparison") or {})
    lines += [f"## {_text(table['title'])}", ""]
    heads = [_text(p["name"]) for p in table["plans"]]
    for group in table["groups"]:
        lines += [f"### {_text(group['title'])}", "", "| | " + " | ".join(heads) + " |",
                  "|---" * (len(heads) + 1) + "|"]
        for row in group["rows"]:
            cells = [_cell(c) for c in row["cells"]]
            lines.append(f"| {_text(row['label'])} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _cell(cell):
    if cell["check"] is True:
        return "Yes"
    if cell["check"] is False:
        return "No"
    if cell.get("texts"):  # worded otherwise in another currency: each, named
        return " / ".join(f"{_text(t['text'])} ({t['currency']})" for t in cell["texts"])
    return _text(cell["text"])


def _offered(card, book):
    """The card's prices for the billings the plan is sold on (a plan sold yearly only shows
    its yearly price under both positions of the page's toggle: listed once here)."""
    return [price for price in book["prices"] if price["billing"] in card["billing"]]


def _taxes(catalog, content):
    """``{currency: tax line}`` of the page (``site.pricing.tax``), in the catalog's order."""
    taxes = content.pricing.get("tax") or {}
    return {code: taxes[code] for code in catalog.currencies if taxes.get(code)}


def _threshold(catalog, card, currency):
    """The sales threshold of ``card``'s plan in ``currency`` (its own, else the catalog's);
    None for a plan sold by sales already or a catalog without one."""
    if card["custom"]:
        return None
    book = catalog.book(currency)
    return book.sales_threshold_of(book.plan(card["id"]))


def _sales_words(catalog, card, currency):
    """The threshold's limits in words, as the engine says them on a bill above them."""
    book = catalog.book(currency)
    return sales.limits_in_words(book, _threshold(catalog, card, currency))


def _prices(card, book):
    return [{"billing": p["billing"], "total": p["total"],
             "monthly_equivalent": p["monthly_equivalent"],
             "months": 12 if p["billing"] == "annual" else 1,
             "display": p["amount"] + p["period"], "note": p["note"],
             "promotion": p.get("promotion")}
            for p in _offered(card, book)]


def pricing_json(catalog, content, site_url=None):
    """The public catalog for procurement tools: the engine's catalog (the calculator's own),
    its version, and each plan's listed prices as the cards show them."""
    cards = _cards(catalog, content)
    return {
        "format": FORMAT,
        "$schema": _url(site_url, "pricing.schema.json"),
        "version": catalog_version(catalog),
        "name": content.site.get("name"),
        "page": _url(site_url, "pricing/"),
        "currency": catalog.currency,
        "currencies": list(catalog.currencies),
        "tax": _taxes(catalog, content),
        "plans": [{
            "id": card["id"], "name": card["name"], "custom": card["custom"],
            "cta": card["cta"],
            "prices": _prices(card, card["books"][0]),
            "prices_by_currency": {book["currency"]: _prices(card, book)
                                   for book in card["books"]},
            "sales_threshold": {book["currency"]: sales.to_dict(threshold)
                                for book in card["books"]
                                if (threshold := _threshold(catalog, card, book["currency"]))},
        } for card in cards],
        "catalog": catalog.to_dict(),
    }


def llms_txt(catalog, content, site_url=None, pages=()):
    """``/llms.txt``: what the product is and where its prices are. ``pages``: ``(title, url)``
    of the site's other pages, listed under "Optional"."""
    site = content.site
    name = _text(site.get("name") or "Pricing")
    summary = _text(site.get("description") or "")
    plans = ", ".join(_text(p.name) for p in catalog.plans)
    lines = [f"# {name}", ""]
    if summary:
        lines += [f"> {summary}", ""]
    lines += [f"{name} sells {len(catalog.plans)} plans ({plans}), priced in "
              f"{' and '.join(catalog.currencies)}. "
              "The price list below is generated from the same catalog as the pricing page and "
              "its calculator, so its figures are the page's.", "",
              "## Pricing", "",
              f"- [Price list]({_url(site_url, 'pricing.md')}): every plan, its prices per "
              "billing period, tiers, allowances, add-ons, limits, and what is contact sales",
              f"- [Price list as JSON]({_url(site_url, 'pricing.json')}): the catalog with a "
              f"version, for procurement tools (schema: {_url(site_url, 'pricing.schema.json')})",
              f"- [Pricing page]({_url(site_url, 'pricing/')}): with a calculator for seats and "
              "usage", ""]
    if pages:
        lines += ["## Optional", ""]
        lines += [f"- [{_text(title)}]({_link(url)})" for title, url in pages]
        lines.append("")
    return "\n".join(lines)
