"""The price catalog: plain dict in, validated immutable ``Catalog`` out.

``parse_catalog`` checks every field (type, range, unknown names with a did-you-mean hint)
and the rules between fields (tiers in order, plan ids unique, usage of declared metrics
only), collects *all* problems with their field paths, and raises one ``CatalogError``.
It runs in CPython and in Pyodide alike, so it uses the standard library only; the YAML
loader beside the package adds file, line and column to each path.
"""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from .billing import (BILLINGS, ByBilling, addon_views, annual_view, charged, plan_views,
                      written)
from .books import read_price_books
from .errors import CatalogError, Problem
from .locale import Locale
from .models import DEFAULT, MODELS, model_of
from .money import CENTS, CURRENCIES, ZERO, plain
from .promotions import book_dict as promotions_book_dict
from .promotions import read_date, read_promotions
from .promotions import to_dict as promotion_dict
from . import sales
from .suggest import did_you_mean, one_of
from .values import NotANumber, describe, text_hint, to_decimal, written_hint

MAX_PRICE = Decimal(10) ** 9
MAX_QUANTITY = Decimal(10) ** 12
ROUNDINGS = ("up", "down")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_ONLY = {"monthly": "monthly only", "annual": "yearly only"}
_ONE_PRICE = {"monthly": "a month", "annual": "per month billed yearly"}

# The keys the engine reads; any other is an unknown field (a site reading plans.yaml hands
# over only these: its page content is its own).
TOP_KEYS = ("currency", "annual_discount", "metrics", "plans", "addons", "price_books",
            "promotions", "date", "sales_threshold", "display", "locale")
DISPLAY_KEYS = ("cents",)
PLAN_KEYS = ("id", "name", "custom", "billing", "price", "commitment", "addons",
             "sales_threshold")
PRICE_KEYS = ("flat", "annual_discount", "seats", "usage", "credit")
CHARGE_KEYS = ("pricing", "unit", "tiers", "package", "included", "included_per_seat", "minimum",
               "limit", "discountable", "kinds")
# The charge keys a model reads its price from: each model reads exactly one (its ``needs``),
# and a charge gives that one and none of the others.
MODEL_KEYS = ("unit", "tiers", "package")
TIER_KEYS = ("up_to", "unit", "flat", "custom")
PACKAGE_KEYS = ("size", "price", "round")
METRIC_KEYS = ("name", "unit", "max", "step", "default")
UNIT_FORMS = ("one", "other")  # CLDR's plural categories for English, as i18n libraries name them
UNIT_FORM_GUESSES = {"singular": "one", "plural": "other", "many": "other"}
KIND_KEYS = ("name", "unit", "free", "free_up_to", "limit")
FULL_SEATS = "seats"  # the plan's own (full) seats, where a list names seats and seat kinds
ADDON_KEYS = ("name", "flat", "per_seat", "plans", "description", "quantity", "max", "includes",
              "per_seat_for")
COMMITMENT_KEYS = ("annual_minimum", "discount", "true_up", "overage")
TRUE_UPS = ("monthly", "yearly")  # each bill raised to its share of the minimum, or the year's end
OVERAGES = ("discounted", "list")  # usage beyond what the commitment covers: discounted or not
MAX_LEVELS = 10
CREDIT_KEYS = ("amount", "applies_to")


@dataclass(frozen=True)
class Tier:
    up_to: Decimal | None  # inclusive upper bound; None = unbounded (the last tier)
    unit: Decimal = ZERO
    flat: Decimal = ZERO
    custom: bool = False


@dataclass(frozen=True)
class Package:
    size: Decimal
    price: Decimal
    round: str = "up"


@dataclass(frozen=True)
class SeatKind:
    id: str
    name: str
    free: bool = False  # never billed
    free_up_to: int | None = None  # the first N are free, the rest billed (as seats, or at unit)
    limit: int | None = None
    unit: Decimal | None = None  # its own price per seat a month; None: billed as a full seat

    @property
    def priced(self):
        """Billed on its own line at its own price, apart from the plan's seats."""
        return self.unit is not None


@dataclass(frozen=True)
class Charge:
    """How one quantity (seats or a usage metric) is priced."""

    pricing: str
    unit: Decimal = ZERO
    tiers: tuple = ()
    package: Package | None = None
    included: Decimal = ZERO  # free allowance; the model prices the excess only
    minimum: Decimal = ZERO  # billed quantity is at least this
    limit: Decimal | None = None  # the plan allows no more than this
    discountable: bool = False  # does the annual discount apply?
    kinds: tuple = ()  # seat kinds (seats only)
    included_per_seat: Decimal = ZERO  # usage only: allowance added per billed full seat


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    unit: str  # the plural ("messages"), or the one word a plain unit gives for both
    max: Decimal
    step: Decimal = Decimal(1)
    default: Decimal = ZERO
    unit_one: str | None = None  # the singular ("message"), when it differs from ``unit``

    @property
    def units(self):
        """``(singular, plural)``, as ``calculator.units.counted`` takes them."""
        return (self.unit_one or self.unit, self.unit)


@dataclass(frozen=True)
class Addon:
    id: str
    name: str
    flat: Decimal = ZERO
    per_seat: Decimal = ZERO
    plans: tuple | None = None  # plan ids where it can be bought; None = every priced plan
    description: str = ""
    annual: "Addon | None" = None  # at its annual prices, when it writes any (billing.py)
    discountable: bool = True  # False at annual prices written as such: no discount on top
    quantity: bool = False  # bought by the unit (3 phone numbers), each at ``flat``
    max: int | None = None  # at most this many units (a quantity add-on)
    includes: dict = field(default_factory=dict)  # metric id -> allowance added per unit bought
    per_seat_for: tuple = (FULL_SEATS,)  # the seats a per_seat fee counts (full seats, kinds)


@dataclass(frozen=True)
class Credit:
    """Money a plan gives each month toward the usage it names (Supabase's $10 compute credit),
    drawn down by those usage lines, never beyond what they cost."""

    amount: Decimal  # a month
    applies_to: tuple  # metric ids


@dataclass(frozen=True)
class Commitment:
    """One commitment level: a yearly minimum spend for a discount off seats and usage."""

    annual_minimum: Decimal
    discount: Decimal
    true_up: str = "monthly"  # "yearly": monthly bills are not raised; the year's end settles
    overage: str = "discounted"  # "list": seats and usage beyond what it covers at list price


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    custom: bool = False
    flat: Decimal = ZERO
    annual_discount: Decimal = ZERO
    seats: Charge | None = None
    usage: dict = field(default_factory=dict)
    commitments: tuple = ()  # the commitment levels offered (Commitment), cheapest first
    billing: tuple = BILLINGS  # the billings it is offered on
    annual: "Plan | None" = None  # the plan at its annual prices, when it writes any (billing.py)
    flat_discountable: bool = True  # False at an annual flat fee written as such
    credit: Credit | None = None  # a monthly credit toward some of its usage
    sales_threshold: object = None  # its own (sales.Threshold), replacing the catalog's; None: the catalog's

    @property
    def commitment(self):
        """The first (or only) commitment level; None when the plan offers none."""
        return self.commitments[0] if self.commitments else None


@dataclass(frozen=True)
class Catalog:
    currency: str
    annual_discount: Decimal
    metrics: dict
    plans: tuple
    addons: dict
    price_books: dict = field(default_factory=dict)  # currency -> Catalog at its prices (books.py)
    promotions: dict = field(default_factory=dict)  # id -> Promotion (promotions.py)
    date: str | None = None  # the day quotes are priced on when a request names none (ISO)
    sales_threshold: object = None  # sales.Threshold: above it, an estimate turns to sales
    cents: str = "always"  # whole amounts on a bill: "$150.00" always, or "$150" (auto; money.py)
    locale: object = None  # the locale.Locale its quotes speak; None: English
    # parts of cost-curve points, rated once per catalog (rating.curve_totals); not catalog data
    curve_parts: dict = field(init=False, default_factory=dict, compare=False, repr=False)

    @cached_property
    def _plans_by_id(self):
        return {plan.id: plan for plan in reversed(self.plans)}   # the first of an id wins

    def plan(self, plan_id):
        """The plan of ``plan_id``, or None. Looked up by id, not by a scan: every quote looks
        up its plan, and a page quotes each plan (a scan made that N² comparisons)."""
        try:
            return self._plans_by_id.get(plan_id)
        except TypeError:   # a list or a mapping where an id goes (a visitor's request)
            return None

    @property
    def currencies(self):
        """The currencies it has prices in, its own (the default) first."""
        return (self.currency, *self.price_books)

    def book(self, currency):
        """The catalog at ``currency``'s prices (itself for None or its own currency); None for
        a currency it has no prices in."""
        if currency is None or currency == self.currency:
            return self
        return self.price_books.get(currency) if isinstance(currency, str) else None

    def sales_threshold_of(self, plan):
        """The threshold above which ``plan``'s estimates turn to sales: its own, else this
        book's; None when neither writes one."""
        return self.sales_threshold if plan.sales_threshold is None else plan.sales_threshold

    def on(self, day):
        """This catalog, every price book too, priced on ``day`` (ISO text) when a request
        names no date."""
        books = {code: replace(book, date=day) for code, book in self.price_books.items()}
        return replace(self, date=day, price_books=books)

    def at(self, billing):
        """This book with its plans and add-ons at ``billing``'s prices."""
        return self._annual if billing == "annual" else self

    @cached_property
    def _annual(self):
        return annual_view(self)

    def with_locale(self, block):
        """This catalog, every price book too, speaking the locale of ``block`` (``Locale``'s
        JSON-able shape, as the build makes it; None: English) in every quote."""
        locale = None if block is None else Locale.from_dict(block)
        books = {code: replace(book, locale=locale) for code, book in self.price_books.items()}
        return replace(self, locale=locale, price_books=books)

    def to_dict(self):
        """The pricing part as JSON-ready data that ``parse_catalog`` reads back unchanged."""
        out = {
            "currency": self.currency,
            "annual_discount": plain(self.annual_discount),
            "metrics": {m.id: _metric_dict(m) for m in self.metrics.values()},
            "plans": [_plan_dict(p) for p in self.plans],
            "addons": {a.id: _addon_dict(a) for a in self.addons.values()},
        }
        if self.price_books:
            out["price_books"] = {code: _book_dict(book, self.cents)
                                  for code, book in self.price_books.items()}
        if self.promotions:
            out["promotions"] = {p.id: promotion_dict(p) for p in self.promotions.values()}
        if self.date is not None:
            out["date"] = self.date
        if self.sales_threshold is not None:
            out["sales_threshold"] = sales.to_dict(self.sales_threshold)
        if self.cents != "always":
            out["display"] = {"cents": self.cents}
        if self.locale is not None:
            out["locale"] = self.locale.to_dict()
        return out


def parse_catalog(data):
    """Validate ``data`` (a dict, as from YAML or JSON) into a ``Catalog``; raise ``CatalogError``."""
    reader = _Reader()
    catalog = reader.catalog(data)
    if reader.problems:
        raise CatalogError(reader.problems)
    return catalog


def _fmt(path):
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Reader:
    """Walks the raw dict, building dataclasses and collecting located problems."""

    def __init__(self):
        self.problems = []
        self.broken_metrics = set()  # declared with a mistake already reported
        self.both_ways = []  # paths of prices written {monthly, annual}

    def fail(self, path, message):
        self.problems.append(Problem(_fmt(path), message))

    # -- shapes -------------------------------------------------------------------------
    def mapping(self, value, path, allowed, required=(), what="a mapping"):
        if not isinstance(value, dict):
            self.fail(path, f"expected {what}, got {describe(value)}")
            return None
        for key in value:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.fail(path + (str(key),), f"unknown field '{key}'{hint} ({one_of(allowed)})")
        for key in required:
            if key not in value:
                self.fail(path + (key,), "is required")
        return value

    def known_ids(self, raw, path, known, what, holds):
        """A mapping keyed by the ids of ``known`` (a price book's add-ons, its promotions):
        False, after saying so, when ``raw`` is no mapping or names an id ``known`` lacks
        (``what``: "add-on"; ``holds``: what each id maps to, for the message)."""
        if not isinstance(raw, dict):
            self.fail(path, f"expected a mapping of {what} id to {holds}, got {describe(raw)}")
            return False
        ok = True
        for key in raw:
            if key not in known:
                self.fail(path + (str(key),), f"no {what} has the id {describe(key)}"
                                              f"{did_you_mean(key, known)}")
                ok = False
        return ok

    def number(self, value, path, *, maximum=MAX_QUANTITY, what="number", positive=False):
        try:
            number = to_decimal(value)
        except NotANumber as exc:
            self.fail(path, f"{exc}{written_hint(value)}")
            return None
        if number < 0 or (positive and number == 0):
            sign = "positive" if positive else "zero or more"
            self.fail(path, f"expected a {what} that is {sign}, got {plain(number)}")
            return None
        if number > maximum:
            self.fail(path, f"{plain(number)} is above the largest allowed {what} ({plain(maximum)})")
            return None
        return number

    def price(self, value, path):
        return self.number(value, path, maximum=MAX_PRICE, what="price")

    def money(self, value, path):
        """A price as a catalog writes it: a number (both billings) or ``{monthly, annual}``,
        ``annual`` being the price per month billed yearly (a ``ByBilling``). Every priced
        field reads through here."""
        if not isinstance(value, dict):
            return self.price(value, path)
        if "yearly" in value:  # the word pages use; the catalog's is the request's
            self.fail(path + ("yearly",), "write the price billed yearly under 'annual' (the "
                                          "price per month when billed yearly)")
            value = {key: v for key, v in value.items() if key != "yearly"}
            self.mapping(value, path, BILLINGS)
            return None
        value = self.mapping(value, path, BILLINGS, required=BILLINGS)
        if any(key not in value for key in BILLINGS):
            return None
        monthly = self.price(value["monthly"], path + ("monthly",))
        annual = self.price(value["annual"], path + ("annual",))
        if None in (monthly, annual):
            return None
        self.both_ways.append(path)
        return ByBilling(monthly, annual)

    def billings(self, value, path):
        """A plan's ``billing``: the billings it is offered on, in their usual order."""
        if not isinstance(value, list) or not value:
            got = "an empty list" if value == [] else describe(value)
            self.fail(path, f"expected a list of billings ([monthly, annual], [monthly] or "
                            f"[annual]), got {got}")
            return None
        ok = True
        for i, billing in enumerate(value):
            if not isinstance(billing, str) or billing not in BILLINGS:
                self.fail(path + (i,), f"unknown billing {describe(billing)}"
                                       f"{did_you_mean(billing, BILLINGS)} ({one_of(BILLINGS)})")
                ok = False
            elif value.index(billing) != i:
                self.fail(path + (i,), f"'{billing}' is listed twice")
                ok = False
        return tuple(b for b in BILLINGS if b in value) if ok else None

    def whole(self, value, path, what="count"):
        number = self.number(value, path, what=what)
        if number is not None and number != number.to_integral_value():
            self.fail(path, f"expected a whole number, got {plain(number)}")
            return None
        return None if number is None else int(number)

    def rate(self, value, path):
        try:
            number = to_decimal(value)
        except NotANumber as exc:
            self.fail(path, f"{exc}{written_hint(value, rate=True)}")
            return None
        if not ZERO <= number <= 1:
            hint = " (write 20% as 0.2)" if 1 < number <= 100 else ""
            self.fail(path, f"a discount must be between 0 and 1, got {plain(number)}{hint}")
            return None
        return number

    def text(self, value, path):
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"expected a non-empty text, got {describe(value)}{text_hint(value)}")
            return None
        return value

    def flag(self, value, path):
        if not isinstance(value, bool):
            self.fail(path, f"expected true or false, got {describe(value)}")
            return False
        return value

    def ident(self, value, path, what):
        if not isinstance(value, str) or not _ID.match(value):
            self.fail(path, f"a {what} id must be lowercase letters, digits, '-' or '_' "
                            f"(at most 64), got {describe(value)}")
            return None
        return value

    # -- catalog --------------------------------------------------------------------------
    def catalog(self, data):
        data = self.mapping(data, (), TOP_KEYS, required=("currency", "plans"),
                            what="a catalog mapping")
        if data is None:
            return None
        currency = data.get("currency")
        if currency is not None and (not isinstance(currency, str) or currency not in CURRENCIES):
            hint = did_you_mean(str(currency).upper(), CURRENCIES) if isinstance(currency, str) else ""
            self.fail(("currency",), f"unknown currency {describe(currency)}{hint} "
                                     f"(supported: {', '.join(sorted(CURRENCIES))})")
        default_discount = ZERO
        if "annual_discount" in data:
            default_discount = self.rate(data["annual_discount"], ("annual_discount",)) or ZERO
        metrics = self.metrics(data.get("metrics", {}))
        addons = self.addons(data.get("addons", {}), metrics)
        plans = self.plans(data.get("plans"), metrics, default_discount)
        raw_plans = data.get("plans") if isinstance(data.get("plans"), list) else []
        ids = [p.get("id") for p in raw_plans if isinstance(p, dict)]
        self.addon_plans(addons, ids)
        self.addons_fit(addons, plans)
        promotions = {}
        if "promotions" in data:
            promotions = read_promotions(self, data["promotions"], ids)
        day = read_date(self, data["date"], ("date",)) if "date" in data else None
        threshold = None
        if "sales_threshold" in data:
            threshold = sales.read(self, data["sales_threshold"], ("sales_threshold",), metrics)
        cents = self.cents(data.get("display", {}), ("display",), "always")
        catalog = Catalog(currency, default_discount, metrics, plans, addons,
                          promotions=promotions, date=day, sales_threshold=threshold, cents=cents)
        if "price_books" in data:
            raw_addons = data.get("addons") if isinstance(data.get("addons"), dict) else {}
            books = read_price_books(self, data["price_books"], catalog, ids, list(raw_addons))
            catalog = replace(catalog, price_books=books)
        if "locale" in data:
            catalog = self.locale(data["locale"], catalog)
        return catalog

    def locale(self, block, catalog):
        """``catalog`` speaking the locale of ``block`` (``Catalog.to_dict``'s ``locale``)."""
        try:
            return catalog.with_locale(block)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self.fail(("locale",), f"expected a locale block (Locale.to_dict's shape), got "
                                   f"{describe(block)}: {exc!r}")
            return catalog

    def cents(self, raw, path, default):
        """``display.cents`` of ``raw`` (a catalog's or a price book's ``display``), or
        ``default`` where it names none or is wrong (after saying so)."""
        raw = self.mapping(raw, path, DISPLAY_KEYS, what="a display mapping")
        if raw is None or "cents" not in raw:
            return default
        return self.choice(raw["cents"], path + ("cents",), CENTS, "cents") or default

    def metrics(self, raw):
        metrics = {}
        if not isinstance(raw, dict):
            self.fail(("metrics",), f"expected a mapping of metric id to metric, got {describe(raw)}")
            return metrics
        for key, value in raw.items():
            path = ("metrics", str(key))
            metric_id = self.ident(key, path, "metric")
            value = self.mapping(value, path, METRIC_KEYS, required=("name", "unit", "max"))
            if value is None:
                self.broken_metrics.add(str(key))
                continue
            name = self.text(value.get("name"), path + ("name",)) if "name" in value else None
            units = self.units(value["unit"], path + ("unit",)) if "unit" in value else None
            maximum = self.number(value["max"], path + ("max",), positive=True) if "max" in value else None
            step = self.number(value.get("step", 1), path + ("step",), positive=True)
            default = self.number(value.get("default", 0), path + ("default",))
            if None not in (metric_id, name, units, maximum, step, default):
                one, other = units
                metrics[metric_id] = Metric(metric_id, name, other, maximum, step, default,
                                            None if one == other else one)
            else:
                self.broken_metrics.add(str(key))
        return metrics

    def units(self, value, path):
        """A metric's ``unit``: one word for any quantity (``GB``), or its singular and plural
        (``{one: message, other: messages}``); ``(one, other)``, or None after a problem."""
        if isinstance(value, dict):
            value = self.mapping(self.unit_forms(value, path), path, UNIT_FORMS,
                                 required=UNIT_FORMS)
            forms = [self.text(value[form], path + (form,)) for form in UNIT_FORMS if form in value]
            return tuple(forms) if len(forms) == 2 and None not in forms else None
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"expected a unit ('GB'), or its singular and plural ({{one: message, "
                            f"other: messages}}), got {describe(value)}")
            return None
        return value, value

    def unit_forms(self, value, path):
        """``value`` with a form named as people guess it (``plural:``, ``many:``) told and
        read under its name (``other:``), so the one mistake gets one message."""
        forms = {}
        for key, word in value.items():
            name = UNIT_FORM_GUESSES.get(key) if isinstance(key, str) else None
            if name is not None and name not in value:
                form = "singular" if name == "one" else "plural"
                self.fail(path + (key,), f"write '{name}:' for the {form} (the forms are named "
                                         f"as CLDR names them: {{one: message, other: messages}})")
                key = name
            forms[key] = word
        return forms

    def addons(self, raw, metrics):
        addons = {}
        if not isinstance(raw, dict):
            self.fail(("addons",), f"expected a mapping of add-on id to add-on, got {describe(raw)}")
            return addons
        for key, value in raw.items():
            path = ("addons", str(key))
            addon_id = self.ident(key, path, "add-on")
            value = self.mapping(value, path, ADDON_KEYS, required=("name",))
            if value is None:
                continue
            name = self.text(value.get("name"), path + ("name",)) if "name" in value else None
            flat = self.money(value.get("flat", 0), path + ("flat",))
            per_seat = self.money(value.get("per_seat", 0), path + ("per_seat",))
            plans = value.get("plans")
            if plans is not None:
                if not isinstance(plans, list) or not all(isinstance(p, str) for p in plans):
                    self.fail(path + ("plans",), f"expected a list of plan ids, got {describe(plans)}")
                    plans = None
                else:
                    plans = tuple(plans)
            description = value.get("description", "")
            if not isinstance(description, str):
                self.fail(path + ("description",), f"expected a text, got {describe(description)}")
                description = ""
            bought = self.addon_units(value, path, per_seat)
            includes = self.includes(value["includes"], path + ("includes",), metrics) \
                if "includes" in value else {}
            if None not in (addon_id, name, flat, per_seat, bought, includes):
                quantity, maximum, per_seat_for = bought
                addons[addon_id] = addon_views(Addon(
                    addon_id, name, flat, per_seat, plans, description, quantity=quantity,
                    max=maximum, includes=includes, per_seat_for=per_seat_for))
        return addons

    def addon_units(self, value, path, per_seat):
        """``(quantity, max, per_seat_for)`` of an add-on: what one of it is. A quantity add-on
        is bought by the unit at its ``flat`` price; a per-seat one counts the seats
        ``per_seat_for`` names (the plan's full seats unless it says otherwise)."""
        maximum = None
        if "max" in value:
            maximum = self.whole(value["max"], path + ("max",), what="number of units")
            if maximum == 0:
                self.fail(path + ("max",), "an add-on bought at most 0 times cannot be bought; "
                                           "remove it, or give a max of 1 or more")
        quantity = self.flag(value.get("quantity", "max" in value), path + ("quantity",))
        if "max" in value and not quantity:
            self.fail(path + ("max",), "a max is for an add-on bought by the unit (quantity: "
                                       "true)")
        per_seat = per_seat is not None and charged(per_seat)
        if quantity and per_seat:
            self.fail(path + ("quantity",), "an add-on bought by the unit is priced per unit "
                                            "(flat); one priced per_seat comes with every seat "
                                            "it counts: keep one of the two")
        per_seat_for = (FULL_SEATS,)
        if "per_seat_for" in value:
            per_seat_for = self.seat_list(value["per_seat_for"], path + ("per_seat_for",))
            if not per_seat:
                self.fail(path + ("per_seat_for",), "says which seats a per_seat price counts; "
                                                    "the add-on has no per_seat price")
        if None in (maximum if "max" in value else 0, per_seat_for):
            return None
        return quantity, maximum, per_seat_for

    def seat_list(self, value, path):
        """A list of seats: ``seats`` (the plan's full seats) and seat kind ids."""
        if not isinstance(value, list) or not value:
            self.fail(path, f"expected a list of 'seats' (the plan's full seats) and seat kind "
                            f"ids, got {describe(value)}")
            return None
        ids = [self.ident(item, path + (i,), "seat kind") for i, item in enumerate(value)]
        for i, item in enumerate(ids):
            if item is not None and ids.index(item) != i:
                self.fail(path + (i,), f"'{item}' is listed twice")
                return None
        return None if None in ids else tuple(ids)

    def includes(self, raw, path, metrics):
        """An add-on's ``includes``: ``{metric id: allowance added per unit bought}``."""
        return self.per_metric(raw, path, metrics, "the allowance it adds", "allowance",
                               positive=True, empty=False)

    def per_metric(self, raw, path, metrics, holds, what, positive=False, empty=True):
        """``{metric id: quantity}`` over declared metrics (an add-on's ``includes``, a sales
        threshold's ``usage``); None after a mistake. ``holds``: what each id maps to, in words;
        ``what``: one quantity's name."""
        if not isinstance(raw, dict) or (not raw and not empty):
            self.fail(path, f"expected a mapping of metric id to {holds}, got {describe(raw)}")
            return None
        out = {}
        for metric_id, amount in raw.items():
            where = path + (str(metric_id),)
            if metric_id not in metrics:
                if metric_id not in self.broken_metrics:
                    declared = ", ".join(metrics) or "none"
                    self.fail(where, f"undeclared metric '{metric_id}'"
                                     f"{did_you_mean(metric_id, metrics)} (declared under "
                                     f"'metrics:': {declared})")
                return None
            out[metric_id] = self.number(amount, where, positive=positive, what=what)
        return None if None in out.values() else out

    def addon_plans(self, addons, ids):
        """Add-ons name plans that exist (even plans with errors of their own: one mistake,
        one message)."""
        ids = [i for i in ids if isinstance(i, str)]
        for addon in addons.values():
            for i, plan_id in enumerate(addon.plans or ()):
                if plan_id not in ids:
                    self.fail(("addons", addon.id, "plans", i),
                              f"no plan has the id '{plan_id}'{did_you_mean(plan_id, ids)}")

    def addons_fit(self, addons, plans):
        """What an add-on counts or raises exists on the plans it is sold on: a seat kind it
        counts on one of them at least, a metric it raises on each (an allowance a plan does
        not have cannot grow)."""
        for addon in addons.values():
            sold = [p for p in plans
                    if not p.custom and (addon.plans is None or p.id in addon.plans)]
            kinds = {kind.id for plan in sold if plan.seats for kind in plan.seats.kinds}
            for i, kind_id in enumerate(addon.per_seat_for):
                if kind_id != FULL_SEATS and kind_id not in kinds:
                    self.fail(("addons", addon.id, "per_seat_for", i),
                              f"no plan the add-on is sold on has the seat kind '{kind_id}'"
                              f"{did_you_mean(kind_id, kinds)} (kinds: "
                              f"{', '.join(sorted(kinds)) or 'none'}; 'seats' counts the full "
                              f"seats)")
            for metric_id in addon.includes:
                lacking = [p.name for p in sold if metric_id not in p.usage]
                if lacking:
                    self.fail(("addons", addon.id, "includes", metric_id),
                              f"the {' and '.join(lacking)} plan{'s' * (len(lacking) > 1)} "
                              f"{'do' if len(lacking) > 1 else 'does'} not charge for "
                              f"'{metric_id}', so the add-on has no allowance to raise there; "
                              f"name the plans it is sold on (plans: [...])")

    def plans(self, raw, metrics, default_discount):
        if not isinstance(raw, list) or not raw:
            self.fail(("plans",), f"expected a non-empty list of plans, got {describe(raw)}")
            return ()
        plans, seen = [], {}
        for i, value in enumerate(raw):
            plan = self.plan(value, ("plans", i), metrics, default_discount)
            if plan is None:
                continue
            if plan.id in seen:
                self.fail(("plans", i, "id"), f"duplicate plan id '{plan.id}' "
                                              f"(also used by plans[{seen[plan.id]}])")
                continue
            seen[plan.id] = i
            plans.append(plan)
        return tuple(plans)

    def plan(self, value, path, metrics, default_discount):
        value = self.mapping(value, path, PLAN_KEYS, required=("id", "name"),
                             what="a plan mapping")
        if value is None:
            return None
        plan_id = self.ident(value["id"], path + ("id",), "plan") if "id" in value else None
        name = self.text(value["name"], path + ("name",)) if "name" in value else None
        custom = self.flag(value.get("custom", False), path + ("custom",))
        billing = BILLINGS
        if "billing" in value:
            billing = self.billings(value["billing"], path + ("billing",))
        if "addons" in value:
            self.fail(path + ("addons",), "add-ons are declared at the top level, under 'addons:', "
                                         "with 'plans: [...]' naming where they can be bought")
        threshold = None
        if custom and "sales_threshold" in value:
            self.fail(path + ("sales_threshold",), "a custom plan (custom: true) is sold by "
                                                   "sales already; remove it")
        elif "sales_threshold" in value:
            threshold = sales.read(self, value["sales_threshold"], path + ("sales_threshold",),
                                   metrics)
        if custom:
            if "price" in value or "commitment" in value:
                self.fail(path + ("price",) if "price" in value else path + ("commitment",),
                          "a custom plan (custom: true) has no list price; remove it, or set custom: false")
            if None in (plan_id, name, billing):
                return None
            return Plan(plan_id, name, custom=True, billing=billing)
        commitments = ()
        if "commitment" in value:
            commitments = self.commitments(value["commitment"], path + ("commitment",))
        if "price" not in value:
            self.fail(path + ("price",), "is required (or mark the plan custom: true for 'contact sales')")
            return None
        price = self.price_block(value["price"], path + ("price",), metrics, default_discount,
                                 billing or BILLINGS)
        if price is None or None in (plan_id, name, billing, commitments) or (
                "sales_threshold" in value and threshold is None):
            return None
        flat, discount, seats, usage, credit = price
        return plan_views(Plan(plan_id, name, False, flat, discount, seats, usage, commitments,
                               billing, credit=credit, sales_threshold=threshold))

    def price_block(self, raw, path, metrics, default_discount, billing, sold=None):
        """``(flat, annual discount, seats, usage, credit)`` of a plan's ``price`` (or of its
        price in a price book, ``sold`` being the plan as its default price sells it), each
        price as written (``money``); None after a mistake. A plan billed one way only has one
        price for each thing, and no annual discount: billed yearly only, its prices are its
        yearly ones (nothing to discount them from)."""
        price = self.mapping(raw, path, PRICE_KEYS)
        if price is None:
            return None
        written_before = len(self.both_ways)
        flat = self.money(price.get("flat", 0), path + ("flat",))
        discount = default_discount if billing == BILLINGS else ZERO
        only = "" if billing == BILLINGS else _ONLY[billing[0]]
        if "annual_discount" in price:
            if only:
                self.fail(path + ("annual_discount",), f"the plan is billed {only} (its billing), "
                                                       f"so no bill of it is discounted for "
                                                       f"yearly billing; remove it")
            else:
                discount = self.rate(price["annual_discount"], path + ("annual_discount",))
        seats = None
        if "seats" in price:
            kinds = sold.seats.kinds if sold is not None and sold.seats is not None else ()
            seats = self.charge(price["seats"], path + ("seats",), seats=True, sold_kinds=kinds)
        usage = {}
        raw_usage = price.get("usage", {})
        if not isinstance(raw_usage, dict):
            self.fail(path + ("usage",), f"expected a mapping of metric id to charge, "
                                         f"got {describe(raw_usage)}")
            raw_usage = {}
        for metric_id, raw_charge in raw_usage.items():
            charge_path = path + ("usage", str(metric_id))
            # a metric with a mistake of its own is not named again here (one mistake, one
            # message), but its charge's own mistakes are
            if metric_id not in metrics and metric_id not in self.broken_metrics:
                declared = ", ".join(metrics) or "none"
                self.fail(charge_path, f"usage of undeclared metric '{metric_id}'"
                                       f"{did_you_mean(metric_id, metrics)} (declared under "
                                       f"'metrics:': {declared})")
            charge = self.charge(raw_charge, charge_path, seats=False)
            if charge is not None and metric_id in metrics:
                usage[metric_id] = charge
        if "seats" not in price:
            for metric_id, charge in usage.items():
                if charge.included_per_seat:
                    self.fail(path + ("usage", metric_id, "included_per_seat"),
                              "the plan does not charge per seat (no price.seats), so no "
                              "allowance can grow with its seats")
        credit = None
        if "credit" in price:
            credit = self.credit(price["credit"], path + ("credit",), metrics, usage,
                                 sold.credit if sold is not None else None)
        for where in self.both_ways[written_before:] if only else ():
            self.fail(where, f"the plan is billed {only} (its billing): write this price as "
                             f"one number, its price {_ONE_PRICE[billing[0]]}")
        if None in (flat, discount) or ("seats" in price and seats is None):
            return None
        if "credit" in price and credit is None:
            return None
        return flat, discount, seats, usage, credit

    def credit(self, raw, path, metrics, usage, sold=None):
        """A plan's monthly ``credit``: ``{amount, applies_to}``; the metrics it applies to
        default to every one the plan charges for. ``sold``: the default price's credit, when
        this is a price book's (``applies_to`` is then the default's)."""
        raw = self.mapping(raw, path, CREDIT_KEYS, required=("amount",),
                           what="a credit mapping ({amount, applies_to})")
        if raw is None or "amount" not in raw:
            return None
        amount = self.money(raw["amount"], path + ("amount",))
        applies_to = sold.applies_to if sold else tuple(usage)
        if "applies_to" in raw:
            applies_to = self.applied_to(raw["applies_to"], path + ("applies_to",), metrics, usage)
        elif not applies_to:
            self.fail(path, "the plan charges for no usage, so a credit has nothing to pay for")
            return None
        if None in (amount, applies_to):
            return None
        return Credit(amount, applies_to)

    def applied_to(self, raw, path, metrics, usage):
        """The metric ids a credit pays for: each one the plan charges for."""
        if not isinstance(raw, list) or not raw:
            self.fail(path, f"expected a list of the metric ids the credit pays for, got "
                            f"{describe(raw)}")
            return None
        charged_for = f"(it charges for: {', '.join(usage) or 'nothing'})"
        ok = True
        for i, metric_id in enumerate(raw):
            if not isinstance(metric_id, str):
                self.fail(path + (i,), f"expected a metric id, got {describe(metric_id)}")
            elif raw.index(metric_id) != i:
                self.fail(path + (i,), f"'{metric_id}' is listed twice")
            elif metric_id in metrics and metric_id not in usage:
                self.fail(path + (i,), f"the plan does not charge for '{metric_id}' {charged_for}")
            elif metric_id not in metrics and metric_id not in self.broken_metrics:
                self.fail(path + (i,), f"undeclared metric '{metric_id}'"
                                       f"{did_you_mean(metric_id, usage)} {charged_for}")
            else:
                continue
            ok = False
        return tuple(raw) if ok and not any(m in self.broken_metrics for m in raw) else None

    def commitments(self, raw, path):
        """A plan's ``commitment``: one level (a mapping) or several (a list of them, their
        minimums rising); a tuple of ``Commitment``, or None after a mistake."""
        if not isinstance(raw, list):
            level = self.commitment(raw, path)
            return None if level is None else (level,)
        if not raw or len(raw) > MAX_LEVELS:
            self.fail(path, f"expected a list of 1 to {MAX_LEVELS} commitment levels, got "
                            f"{describe(raw) if not raw else f'{len(raw)} levels'}")
            return None
        levels = [self.commitment(value, path + (i,)) for i, value in enumerate(raw)]
        if None in levels:
            return None
        for i in range(1, len(levels)):
            if levels[i].annual_minimum <= levels[i - 1].annual_minimum:
                self.fail(path + (i, "annual_minimum"),
                          f"commitment levels go from the smallest minimum up: "
                          f"{plain(levels[i].annual_minimum)} must be above the level before's "
                          f"{plain(levels[i - 1].annual_minimum)}")
                return None
        return tuple(levels)

    def commitment(self, raw, path):
        required = ("annual_minimum", "discount")
        raw = self.mapping(raw, path, COMMITMENT_KEYS, required=required,
                           what="a commitment mapping")
        if raw is None:
            return None
        minimum = self.price(raw["annual_minimum"], path + ("annual_minimum",)) \
            if "annual_minimum" in raw else None
        discount = self.rate(raw["discount"], path + ("discount",)) if "discount" in raw else None
        true_up = self.choice(raw.get("true_up", TRUE_UPS[0]), path + ("true_up",), TRUE_UPS,
                              "true-up")
        overage = self.choice(raw.get("overage", OVERAGES[0]), path + ("overage",), OVERAGES,
                              "overage")
        if None in (minimum, discount, true_up, overage):
            return None
        return Commitment(minimum, discount, true_up, overage)

    def choice(self, value, path, allowed, what):
        if not isinstance(value, str) or value not in allowed:
            self.fail(path, f"unknown {what} {describe(value)}{did_you_mean(value, allowed)} "
                            f"({one_of(allowed)})")
            return None
        return value

    # -- charges --------------------------------------------------------------------------
    def charge(self, raw, path, seats, sold_kinds=()):
        raw = self.mapping(raw, path, CHARGE_KEYS, what="a charge mapping")
        if raw is None:
            return None
        pricing = raw.get("pricing", DEFAULT if "unit" in raw else None)
        model = MODELS.get(pricing) if isinstance(pricing, str) else None
        if pricing is None:
            self.fail(path + ("pricing",), f"is required ({one_of(MODELS)})")
        elif model is None:
            self.fail(path + ("pricing",), f"unknown pricing {describe(pricing)}"
                                           f"{did_you_mean(pricing, MODELS)} ({one_of(MODELS)})")
        # without a model, each price key given is still read, for its own mistakes
        needs = model.needs if model else None
        for key in MODEL_KEYS if model else ():
            if key == needs and key not in raw:
                self.fail(path + (key,), f"is required for pricing: {pricing}")
            elif key != needs and key in raw:
                self.fail(path + (key,), f"does not apply to pricing: {pricing} (it uses '{needs}')")
        unit = self.money(raw.get("unit", 0), path + ("unit",))
        tiers = self.tiers(raw["tiers"], path + ("tiers",)) \
            if needs in ("tiers", None) and "tiers" in raw else ()
        package = self.package(raw["package"], path + ("package",)) \
            if needs in ("package", None) and "package" in raw else None
        included = self.number(raw.get("included", 0), path + ("included",))
        per_seat = self.number(raw.get("included_per_seat", 0), path + ("included_per_seat",))
        if seats and "included_per_seat" in raw:
            self.fail(path + ("included_per_seat",), "an allowance that grows with the seats "
                                                     "belongs to a usage charge (storage per "
                                                     "seat); seats include seats with 'included'")
        minimum = self.number(raw.get("minimum", 0), path + ("minimum",))
        limit = self.number(raw["limit"], path + ("limit",)) if "limit" in raw else None
        discountable = self.flag(raw.get("discountable", seats), path + ("discountable",))
        kinds = ()
        if "kinds" in raw:
            if seats:
                kinds = self.kinds(raw["kinds"], path + ("kinds",), sold_kinds)
            else:
                self.fail(path + ("kinds",), "seat kinds belong under price.seats, not under usage")
        if limit is not None and minimum is not None and limit < minimum:
            self.fail(path + ("limit",), f"the limit {plain(limit)} is below the minimum {plain(minimum)}")
        if seats:
            for key, number in (("minimum", minimum), ("limit", limit), ("included", included)):
                if number is not None and number != number.to_integral_value():
                    self.fail(path + (key,), f"seats are whole; expected a whole number, got {plain(number)}")
        if model is None or None in (unit, included, minimum, per_seat) or (
                "limit" in raw and limit is None):
            return None
        if (needs == "tiers" and not tiers) or (needs == "package" and package is None):
            return None  # the model's price is missing or has a mistake, reported above
        return Charge(pricing, unit, tiers, package, included, minimum, limit, discountable, kinds,
                      ZERO if seats else per_seat)

    def tiers(self, raw, path):
        if not isinstance(raw, list) or not raw:
            self.fail(path, f"expected a non-empty list of tiers, got {describe(raw)}")
            return ()
        tiers, previous, ok = [], None, True
        last = len(raw) - 1
        for i, value in enumerate(raw):
            tier_path = path + (i,)
            value = self.mapping(value, tier_path, TIER_KEYS, what="a tier mapping")
            if value is None:
                ok = False
                continue
            custom = self.flag(value.get("custom", False), tier_path + ("custom",))
            up_to = None
            if value.get("up_to") is not None:
                up_to = self.number(value["up_to"], tier_path + ("up_to",))
                if up_to is None:
                    ok = False
            elif i != last:
                self.fail(tier_path + ("up_to",), "is required on every tier but the last "
                                                  "(the last tier covers everything above)")
                ok = False
            if i == last and value.get("up_to") is not None:
                self.fail(tier_path + ("up_to",), "the last tier must have no up_to: it covers "
                                                  "every quantity above the tier before it")
                ok = False
            if custom:
                for key in ("unit", "flat"):
                    if key in value:
                        self.fail(tier_path + (key,), "a custom tier (custom: true) has no price")
                        ok = False
                unit, flat = ZERO, ZERO
            else:
                if "unit" not in value and "flat" not in value:  # a flat fee alone is a price
                    self.fail(tier_path, "a tier needs a price: unit (per unit), flat (a fee for "
                                         "the tier) or both; or custom: true for 'contact sales'")
                    ok = False
                unit = self.money(value.get("unit", 0), tier_path + ("unit",))
                flat = self.money(value.get("flat", 0), tier_path + ("flat",))
                if unit is None or flat is None:
                    ok = False
            if up_to is not None and previous is not None and up_to <= previous:
                self.fail(tier_path + ("up_to",), f"tiers out of order or overlapping: up_to "
                                                  f"{plain(up_to)} must be above the previous tier's "
                                                  f"up_to {plain(previous)}")
                ok = False
            if up_to is not None:
                previous = up_to
            if ok:
                tiers.append(Tier(up_to, unit, flat, custom))
        return tuple(tiers) if ok else ()

    def package(self, raw, path):
        raw = self.mapping(raw, path, PACKAGE_KEYS, required=("size", "price"))
        if raw is None:
            return None
        size = self.number(raw["size"], path + ("size",), positive=True, what="package size") \
            if "size" in raw else None
        price = self.money(raw["price"], path + ("price",)) if "price" in raw else None
        rounding = raw.get("round", "up")
        if not isinstance(rounding, str) or rounding not in ROUNDINGS:
            self.fail(path + ("round",), f"unknown rounding {describe(rounding)}"
                                         f"{did_you_mean(rounding, ROUNDINGS)} ({one_of(ROUNDINGS)})")
            return None
        return None if None in (size, price) else Package(size, price, rounding)

    def kinds(self, raw, path, sold=()):
        """A seat charge's kinds. ``sold``: the kinds of the plan's default price, when this is
        its price in a price book: a kind or a field left out is the default's, but for the
        price (``books.py`` asks each priced kind for its price in the book)."""
        if not isinstance(raw, dict):
            self.fail(path, f"expected a mapping of seat kind id to kind, got {describe(raw)}")
            return ()
        defaults = {kind.id: kind for kind in sold}
        kinds = []
        for key, value in raw.items():
            kind_path = path + (str(key),)
            kind_id = self.ident(key, kind_path, "seat kind")
            if kind_id == FULL_SEATS:
                self.fail(kind_path, "'seats' names the plan's own seats; give the kind another id")
                continue
            default = defaults.get(kind_id)
            value = self.mapping(value, kind_path, KIND_KEYS,
                                 required=() if default else ("name",))
            if value is None:
                continue
            name = (self.text(value["name"], kind_path + ("name",)) if "name" in value
                    else default.name if default else None)
            free = self.flag(value.get("free", default.free if default else False),
                             kind_path + ("free",))
            free_up_to = default.free_up_to if default else None
            limit = default.limit if default else None
            if "free_up_to" in value:
                free_up_to = self.whole(value["free_up_to"], kind_path + ("free_up_to",))
            if "limit" in value:
                limit = self.whole(value["limit"], kind_path + ("limit",))
            unit = self.money(value["unit"], kind_path + ("unit",)) if "unit" in value else None
            if free and free_up_to is not None:
                self.fail(kind_path + ("free_up_to",), "a kind that is free (free: true) has no "
                                                       "free_up_to; keep one of the two")
            if free and unit is not None:
                self.fail(kind_path + ("unit",), "a kind that is free (free: true) has no price; "
                                                 "keep one of the two (free_up_to: N with a unit "
                                                 "makes the first N free)")
            if None not in (name, kind_id) and ("unit" not in value or unit is not None):
                kinds.append(SeatKind(kind_id, name, free, free_up_to, limit, unit))
        if defaults:  # the kinds a book leaves out are the default's, but for their prices
            given = {kind.id: kind for kind in kinds}
            kinds = [given.get(k.id, replace(k, unit=None)) for k in sold] + [
                kind for kind in kinds if kind.id not in defaults]
        return tuple(kinds)


# -- back to plain data (catalog.json for the browser) ---------------------------------------
def _charge_dict(charge, annual=None):
    """A charge; ``annual``: the same charge at the plan's annual prices, written beside each
    monthly price when they differ (a charge writes its prices both ways or none)."""
    both = annual is not None and annual != charge
    annual = annual if both else charge
    out = {"pricing": charge.pricing}
    if model_of(charge).needs == "unit":
        out["unit"] = written(charge.unit, annual.unit, both)
    if charge.tiers:
        out["tiers"] = [_tier_dict(t, a, both) for t, a in zip(charge.tiers, annual.tiers)]
    if charge.package:
        p = charge.package
        out["package"] = {"size": plain(p.size),
                          "price": written(p.price, annual.package.price, both), "round": p.round}
    out["included"] = plain(charge.included)
    if charge.included_per_seat:
        out["included_per_seat"] = plain(charge.included_per_seat)
    out["minimum"] = plain(charge.minimum)
    if charge.limit is not None:
        out["limit"] = plain(charge.limit)
    out["discountable"] = charge.discountable
    if charge.kinds:
        out["kinds"] = {k.id: _kind_dict(k, a, both) for k, a in zip(charge.kinds, annual.kinds)}
    return out


def _tier_dict(tier, annual, both):
    out = {} if tier.up_to is None else {"up_to": plain(tier.up_to)}
    if tier.custom:
        out["custom"] = True
    else:
        out["unit"] = written(tier.unit, annual.unit, both)
        out["flat"] = written(tier.flat, annual.flat, both)
    return out


def _kind_dict(kind, annual, both):
    out = {"name": kind.name, "free": kind.free}
    if kind.free_up_to is not None:
        out["free_up_to"] = kind.free_up_to
    if kind.limit is not None:
        out["limit"] = kind.limit
    if kind.priced:
        out["unit"] = written(kind.unit, annual.unit, both)
    return out


def _metric_dict(metric):
    unit = metric.unit if metric.unit_one is None else dict(zip(UNIT_FORMS, metric.units))
    return {"name": metric.name, "unit": unit, "max": plain(metric.max),
            "step": plain(metric.step), "default": plain(metric.default)}


def _addon_prices(addon):
    annual = addon.annual or addon
    both = addon.annual is not None
    return {"flat": written(addon.flat, annual.flat, both),
            "per_seat": written(addon.per_seat, annual.per_seat, both)}


def _addon_dict(addon):
    out = {"name": addon.name, **_addon_prices(addon)}
    if addon.plans is not None:
        out["plans"] = list(addon.plans)
    if addon.description:
        out["description"] = addon.description
    if addon.quantity:
        out["quantity"] = True
    if addon.max is not None:
        out["max"] = addon.max
    if addon.includes:
        out["includes"] = {m: plain(amount) for m, amount in addon.includes.items()}
    if addon.per_seat_for != (FULL_SEATS,):
        out["per_seat_for"] = list(addon.per_seat_for)
    return out


def _price_dict(plan):
    annual = plan.annual or plan
    both_flat = annual.flat != plan.flat or not annual.flat_discountable
    price = {"flat": written(plan.flat, annual.flat, both_flat)}
    if plan.billing == BILLINGS:  # a plan billed one way has no annual discount to write
        price["annual_discount"] = plain(plan.annual_discount)
    if plan.seats is not None:
        price["seats"] = _charge_dict(plan.seats, annual.seats)
    if plan.usage:
        price["usage"] = {m: _charge_dict(c, annual.usage[m]) for m, c in plan.usage.items()}
    if plan.credit is not None:
        monthly, yearly = plan.credit.amount, annual.credit.amount
        price["credit"] = {"amount": written(monthly, yearly, monthly != yearly),
                           "applies_to": list(plan.credit.applies_to)}
    return price


def _plan_dict(plan):
    out = {"id": plan.id, "name": plan.name}
    if plan.billing != BILLINGS:
        out["billing"] = list(plan.billing)
    if plan.custom:
        out["custom"] = True
        return out
    out["price"] = _price_dict(plan)
    if plan.commitments:
        out["commitment"] = _levels(plan, _commitment_dict)
    if plan.sales_threshold is not None:
        out["sales_threshold"] = sales.to_dict(plan.sales_threshold)
    return out


def _levels(plan, write):
    """A plan's commitment as the catalog writes it: one mapping, or a list of its levels."""
    levels = [write(level) for level in plan.commitments]
    return levels[0] if len(levels) == 1 else levels


def _commitment_dict(level):
    out = {"annual_minimum": plain(level.annual_minimum), "discount": plain(level.discount)}
    if level.true_up != TRUE_UPS[0]:
        out["true_up"] = level.true_up
    if level.overage != OVERAGES[0]:
        out["overage"] = level.overage
    return out


def _book_dict(book, cents):
    """A price book: each priced plan's price (and its commitment's minimum), each add-on's,
    and its ``display`` where it writes amounts otherwise than the catalog (``cents``)."""
    plans = {}
    for plan in book.plans:
        if plan.custom:
            continue
        plans[plan.id] = {"price": _price_dict(plan)}
        if plan.commitments:
            plans[plan.id]["commitment"] = _levels(
                plan, lambda level: {"annual_minimum": plain(level.annual_minimum)})
        if sales.book_dict(plan.sales_threshold):
            plans[plan.id]["sales_threshold"] = sales.book_dict(plan.sales_threshold)
    out = {"plans": plans, "addons": {a.id: _addon_prices(a) for a in book.addons.values()}}
    if sales.book_dict(book.sales_threshold):
        out["sales_threshold"] = sales.book_dict(book.sales_threshold)
    if any(p.amount_off is not None for p in book.promotions.values()):
        out["promotions"] = promotions_book_dict(book.promotions)
    if book.cents != cents:
        out["display"] = {"cents": book.cents}
    return out
