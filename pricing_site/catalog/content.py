"""plans.yaml's two parts: the prices the engine reads, and the page content written beside them.

The file keeps a plan's texts (tagline, features, call to action...) next to its prices, and
the page's sections under ``site:``, because that is how marketing reads and edits it. The
engine is strict about its own keys and knows nothing of pages, so ``split`` hands it the
price part alone; what the pages say is ``Content``. A key that is neither (a misspelt one) goes
to neither: the JSON Schema names it, with the closest known key.
"""

import re
from dataclasses import dataclass, field

from calculator.catalog import PLAN_KEYS, TOP_KEYS
from calculator.money import CURRENCIES, plain

SITE_KEYS = ("site", "variants", "locales")
PLAN_CONTENT_KEYS = ("tagline", "description", "features", "cta", "popular", "badge")
_PLAN_PATH = re.compile(r"plans\[(\d+)\]")


@dataclass(frozen=True)
class Content:
    """What the pages say, beside the prices: the ``site:`` section, each plan's texts by plan
    id, and the ``variants:`` section (None without one)."""

    site: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    variants: dict | None = None
    # ``(id, texts)`` of each plan in the file's order (id None where it is no text): the
    # checks name a plan's fields by its index, whether its prices have a mistake or not
    in_order: tuple = ()
    # the currency the file names, when the engine knows it: the footer must name no other,
    # which is checked even while a price has a mistake
    currency: str | None = None
    # that currency, then each of its price books' that the engine knows (the tax lines' keys)
    currencies: tuple = ()

    def plan(self, plan_id):
        """The texts of a plan: ``{"tagline", "features", "cta", ...}``, any of them missing."""
        return self.plans.get(plan_id) or {}

    @property
    def pricing(self):
        """The pricing page's settings (``site.pricing``)."""
        return self.site.get("pricing") or {}


def split(data):
    """``(prices, content)`` of a parsed plans.yaml; a document that is no mapping goes to the
    engine as it is (its message says what a catalog is)."""
    if not isinstance(data, dict):
        return data, Content()
    prices = {key: value for key, value in data.items() if key in TOP_KEYS}
    plans, in_order = {}, ()
    if isinstance(data.get("plans"), list):
        prices["plans"] = [_plan_prices(plan) for plan in data["plans"]]
        in_order = tuple((plan_id(plan), _plan_texts(plan)) for plan in data["plans"])
        plans = {key: texts for key, texts in in_order if key is not None}
    site = data.get("site")
    variants = data.get("variants")
    currency = data.get("currency")
    currency = currency if isinstance(currency, str) and currency in CURRENCIES else None
    books = data.get("price_books") if isinstance(data.get("price_books"), dict) else {}
    currencies = (currency, *(code for code in books if isinstance(code, str)
                              and code in CURRENCIES and code != currency)) if currency else ()
    return prices, Content(site if isinstance(site, dict) else {}, plans,
                           variants if isinstance(variants, dict) else None, in_order, currency,
                           currencies)


def plan_id(plan):
    """A plan's id as written, or None where the plan or its id is no text."""
    return plan.get("id") if isinstance(plan, dict) and isinstance(plan.get("id"), str) else None


def plan_at(document, path):
    """The id of the plan a field path of ``document`` lies in (``plans[2].price`` -> "team"),
    or None: a message names the plan beside its index."""
    index = _PLAN_PATH.match(path or "")
    plans = document.get("plans") if isinstance(document, dict) else None
    if index is None or not isinstance(plans, list) or int(index.group(1)) >= len(plans):
        return None
    return plan_id(plans[int(index.group(1))])


def _plan_texts(plan):
    return {k: v for k, v in plan.items() if k in PLAN_CONTENT_KEYS} if isinstance(plan, dict) else {}


def _plan_prices(plan):
    return {k: v for k, v in plan.items() if k in PLAN_KEYS} if isinstance(plan, dict) else plan


def default_request(catalog, content):
    """The calculator's starting request: ``site.pricing.calculator.request``, or the most
    popular priced plan at 10 seats (fewer when it allows fewer); each metric the plan prices
    at its catalog default, as the form starts out. None without a priced plan."""
    request = _chosen_request(catalog, content)
    if request is not None:
        plan = catalog.plan(request.get("plan"))
        usage = dict(request.get("usage") or {})
        for metric_id in (plan.usage if plan is not None else {}):
            usage.setdefault(metric_id, plain(catalog.metrics[metric_id].default))
        request["usage"] = usage
    return request


def _chosen_request(catalog, content):
    settings = content.pricing.get("calculator") or {}
    if settings.get("request"):
        return dict(settings["request"])
    priced = [p for p in catalog.plans if not p.custom]
    if not priced:
        return None
    plan = next((p for p in priced if content.plan(p.id).get("popular")),
                priced[-1] if len(priced) < 3 else priced[1])
    seats = 10
    if plan.seats and plan.seats.limit is not None:
        seats = int(min(plan.seats.limit, seats)) or 1
    return {"plan": plan.id, "seats": seats, "billing": plan.billing[0]}
