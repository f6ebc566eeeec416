"""A quote request, checked against the catalog before anything is rated.

Anything a visitor can type reaches this module first (through the browser's JSON or the
command line), so every field is checked for type, sign, whole-ness and size, and every
failure is a ``QuoteError`` naming the field and what to type instead.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .billing import BILLINGS, offered
from .errors import QuoteError
from .locale import _, speaking
from .money import format_quantity, plain, plain_number
from .promotions import check_code, iso_date
from .suggest import did_you_mean
from .values import NotANumber, OtherDigits, TooLarge, TooPrecise, describe, to_decimal
from .written import NotAGrouping, read_written

MAX_SEATS = 1_000_000
MAX_USAGE = Decimal(10) ** 12
REQUEST_KEYS = ("plan", "seats", "usage", "billing", "seat_kinds", "addons", "commitment",
                "currency", "promotion", "date", "month")
MAX_MONTH = 1200  # a hundred years into a subscription: past that, a typo


@dataclass(slots=True)
class Request:
    plan: str
    seats: int = 1
    usage: dict = field(default_factory=dict)  # metric id -> Decimal, per month
    billing: str = "monthly"
    seat_kinds: dict = field(default_factory=dict)  # kind id -> int
    addons: tuple = ()
    commitment: int = 0  # the commitment level chosen (1 = the first); 0: none
    currency: str | None = None  # a price book's currency; None: the catalog's own
    addon_quantities: dict = field(default_factory=dict)  # quantity add-on id -> units bought
    promotion: str | None = None  # a promotion's code, as the catalog writes it
    date: str | None = None  # the day it is priced on (ISO); None: the catalog's date
    # the subscription's month the bill starts in (1: its first): a promotion for the first
    # months is on the bills of those months only (the budget planner's later months)
    month: int = 1

    @property
    def months(self):
        return 12 if self.billing == "annual" else 1

    def with_seats(self, seats):
        """The same request for ``seats`` seats: a cost curve makes one per point, and
        ``dataclasses.replace`` takes five times as long (a test keeps the fields listed here
        in step with the class)."""
        return Request(self.plan, seats, self.usage, self.billing, self.seat_kinds, self.addons,
                       self.commitment, self.currency, self.addon_quantities, self.promotion,
                       self.date, self.month)

    def with_usage(self, metric, quantity):
        """The same request with ``quantity`` of ``metric`` a month (a usage curve's points)."""
        return Request(self.plan, self.seats, {**self.usage, metric: quantity}, self.billing,
                       self.seat_kinds, self.addons, self.commitment, self.currency,
                       self.addon_quantities, self.promotion, self.date, self.month)

    def to_dict(self, billing=None):
        out = {"plan": self.plan, "seats": self.seats,
               "usage": {k: plain(v) for k, v in self.usage.items()},
               "billing": billing or self.billing}
        if self.seat_kinds:
            out["seat_kinds"] = dict(self.seat_kinds)
        if self.addons:
            out["addons"] = list(self.addons)
        if self.addon_quantities:
            out["addon_quantities"] = dict(self.addon_quantities)
        if self.commitment:
            out["commitment"] = True if self.commitment == 1 else self.commitment
        if self.currency is not None:
            out["currency"] = self.currency
        if self.promotion is not None:
            out["promotion"] = self.promotion
        if self.date is not None:
            out["date"] = self.date
        if self.month != 1:
            out["month"] = self.month
        return out


def _seat_count(value, name, field_name):
    if type(value) is int and 0 <= value <= MAX_SEATS:  # the common case, kept fast
        return value
    if value is None or value == "":
        raise QuoteError(_("Enter the number of {name}.").format(name=name), field_name)
    too_many = _("{count} {name} is more than this calculator handles ({most}); contact sales "
                 "for a quote.")
    try:
        number = read_written(value)
    except TooLarge as exc:
        if not exc.negative:
            raise QuoteError(too_many.format(count=describe(value), name=name,
                                             most=format_quantity(Decimal(MAX_SEATS))), field_name) from None
        number = Decimal(-1)  # told as negative below
    except OtherDigits:
        raise QuoteError(_("The number of {name} must be written with the digits 0-9, got "
                           "{value}.").format(name=name, value=describe(value)),
                         field_name) from None
    except NotAGrouping as exc:
        raise QuoteError(_("The number of {name}: {problem}.").format(name=name, problem=exc),
                         field_name) from None
    except NotANumber:
        raise QuoteError(_("The number of {name} must be a whole number, got {value}.").format(
            name=name, value=describe(value)), field_name) from None
    if number < 0:
        raise QuoteError(_("The number of {name} cannot be negative.").format(name=name),
                         field_name)
    if number != number.to_integral_value():
        read = _("{value}, which is {number}").format(
            value=describe(value), number=plain_number(number)) if isinstance(value, str) and \
            value.strip() != plain(number) else plain_number(number)
        raise QuoteError(_("The number of {name} must be a whole number, got {value}.").format(
            name=name, value=read), field_name)
    if number > MAX_SEATS:
        raise QuoteError(too_many.format(count=plain_number(number), name=name,
                                         most=format_quantity(Decimal(MAX_SEATS))), field_name)
    return int(number)


def _usage_amount(value, metric, field_name):
    if type(value) is int and 0 <= value <= MAX_USAGE:  # the common case, kept fast
        return Decimal(value)
    label = metric.name
    if value is None or value == "":
        raise QuoteError(_("Enter the monthly {label}.").format(label=label), field_name)
    too_much = _("{label}: {value} is more than this calculator handles ({most} a month); "
                 "contact sales for a quote.")
    try:
        number = read_written(value)
    except TooLarge as exc:
        if not exc.negative:
            raise QuoteError(too_much.format(label=label, value=describe(value),
                                             most=format_quantity(MAX_USAGE)),
                             field_name) from None
        number = Decimal(-1)  # told as negative below
    except (TooPrecise, NotAGrouping) as exc:
        raise QuoteError(_("{label}: {problem}.").format(label=label, problem=exc),
                         field_name) from None
    except OtherDigits:
        raise QuoteError(_("{label} must be written with the digits 0-9, got {value}.").format(
            label=label, value=describe(value)), field_name) from None
    except NotANumber:
        raise QuoteError(_("{label} must be a number, got {value}.").format(
            label=label, value=describe(value)), field_name) from None
    if number < 0:
        raise QuoteError(_("{label} cannot be negative.").format(label=label), field_name)
    if number > MAX_USAGE:
        raise QuoteError(too_much.format(label=label, value=plain_number(number),
                                         most=format_quantity(MAX_USAGE)), field_name)
    return number


def _mapping(value, field_name):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise QuoteError(_("'{field}' must be a mapping, got {value}.").format(
            field=field_name, value=describe(value)), field_name)
    return value


@speaking
def parse_request(catalog, raw):
    """Check ``raw`` (a dict) against ``catalog`` and return a ``Request``; raise ``QuoteError``."""
    if isinstance(raw, Request):
        return raw
    if not isinstance(raw, dict):
        raise QuoteError(_("A quote request must be a mapping, got {value}.").format(
            value=describe(raw)))
    for key in raw:
        if key not in REQUEST_KEYS:
            raise QuoteError(_("Unknown request field {field}{hint} (fields: {fields}).").format(
                field=describe(key), hint=did_you_mean(key, REQUEST_KEYS),
                fields=", ".join(REQUEST_KEYS)), str(key))
    currency = raw.get("currency")
    if currency is not None:
        book = catalog.book(currency)
        if book is None:
            hint = did_you_mean(currency.upper(), catalog.currencies) if isinstance(
                currency, str) else ""
            raise QuoteError(_("Unknown currency {currency}{hint} (prices are in: "
                               "{currencies}).").format(currency=describe(currency), hint=hint,
                                                        currencies=", ".join(catalog.currencies)),
                             "currency")
        catalog = book
    plan_id = raw.get("plan")
    plan = catalog.plan(plan_id) if isinstance(plan_id, str) else None
    if plan is None:
        ids = [p.id for p in catalog.plans]
        raise QuoteError(_("Unknown plan {plan}{hint} (plans: {plans}).").format(
            plan=describe(plan_id), hint=did_you_mean(plan_id, ids), plans=", ".join(ids)),
            "plan")
    billing = raw.get("billing", plan.billing[0])  # monthly, unless the plan is billed yearly only
    if not isinstance(billing, str) or billing not in BILLINGS:
        raise QuoteError(_("Unknown billing {value}{hint} (billings: {billings}).").format(
            value=describe(billing), hint=did_you_mean(billing, BILLINGS),
            billings=", ".join(BILLINGS)), "billing")
    offered(plan, billing)
    seats = _seat_count(raw.get("seats", 1), _("seats"), "seats")
    usage = {}
    for metric_id, value in _mapping(raw.get("usage"), "usage").items():
        metric = catalog.metrics.get(metric_id) if isinstance(metric_id, str) else None
        if metric is None:
            raise QuoteError(_("Unknown usage metric {metric}{hint} (metrics: {metrics}).").format(
                metric=describe(metric_id), hint=did_you_mean(metric_id, catalog.metrics),
                metrics=", ".join(catalog.metrics) or _("none")), "usage")
        usage[metric_id] = _usage_amount(value, metric, f"usage.{metric_id}")
    seat_kinds = {}
    kinds = {k.id: k.name.lower() for k in plan.seats.kinds} if plan.seats else {}
    for kind_id, value in _mapping(raw.get("seat_kinds"), "seat_kinds").items():
        if not isinstance(kind_id, str):
            raise QuoteError(_("Seat kinds are named by id, got {value}.").format(
                value=describe(kind_id)), "seat_kinds")
        seat_kinds[kind_id] = _seat_count(value, kinds.get(kind_id, kind_id), f"seat_kinds.{kind_id}")
    addons, quantities = _addons(catalog, raw.get("addons", ()))
    commitment = _commitment_level(raw.get("commitment", False))
    day = raw.get("date")
    if day is not None:
        if iso_date(day) is None:
            raise QuoteError(_("The date must be a day written YYYY-MM-DD (2026-06-30), got "
                               "{value}.").format(value=describe(day)), "date")
        day = iso_date(day)
    promotion = raw.get("promotion")
    if promotion is not None and not isinstance(promotion, str):
        raise QuoteError(_("A promotion code is a text, got {value}.").format(
            value=describe(promotion)), "promotion")
    if promotion is not None and promotion.strip():
        promotion = check_code(catalog, promotion, day or catalog.date)
    else:
        promotion = None  # an empty code box asks for nothing
    return Request(plan.id, seats, usage, billing, seat_kinds, addons, commitment, currency,
                   quantities, promotion, day, _month(raw.get("month", 1)))


def _month(value):
    """The subscription's month a bill starts in: 1 (the first) or later."""
    if type(value) is int and 1 <= value <= MAX_MONTH:
        return value
    raise QuoteError(_("The month is the subscription's month the bill starts in, a whole number "
                       "from 1 (its first) to {most}, got {value}.").format(
        most=MAX_MONTH, value=describe(value)), "month")


def _addons(catalog, raw):
    """``(ids, quantities)`` of the add-ons bought: a list of ids (one of each), or a mapping of
    id to the number bought (``{"phone_numbers": 3, "sso": 1}``; 0 buys none, and an add-on
    without a quantity is bought once or not). ``quantities`` holds each quantity add-on's."""
    if raw is None:
        return (), {}
    if isinstance(raw, dict):
        counts = {}
        for addon_id, value in raw.items():
            addon = _known_addon(catalog, addon_id, f"addons.{addon_id}")
            counts[addon_id] = _addon_count(addon, value)
    elif isinstance(raw, (list, tuple)) and all(isinstance(a, str) for a in raw):
        counts = {_known_addon(catalog, a, "addons").id: 1 for a in raw}
    else:
        raise QuoteError(_("'addons' must be a list of add-on ids or a mapping of add-on id to "
                           "the number bought, got {value}.").format(value=describe(raw)),
                         "addons")
    bought = {addon_id: count for addon_id, count in counts.items() if count}
    return tuple(bought), {a: n for a, n in bought.items() if catalog.addons[a].quantity}


def _known_addon(catalog, addon_id, field_name):
    addon = catalog.addons.get(addon_id) if isinstance(addon_id, str) else None
    if addon is None:
        raise QuoteError(_("Unknown add-on {addon}{hint} (add-ons: {addons}).").format(
            addon=describe(addon_id), hint=did_you_mean(addon_id, catalog.addons),
            addons=", ".join(catalog.addons) or _("none")), field_name)
    return addon


def _addon_count(addon, value):
    """How many of ``addon`` a request buys: a whole number (true and false are 1 and 0)."""
    field_name = f"addons.{addon.id}"
    count = int(value) if isinstance(value, bool) else _seat_count(value, addon.name, field_name)
    if not addon.quantity and count > 1:
        raise QuoteError(_("{addon} is bought once or not at all (1 or 0), got {count}.").format(
            addon=addon.name, count=count), field_name)
    if addon.max is not None and count > addon.max:
        raise QuoteError(_("{addon}: at most {most} can be bought, got {count}.").format(
            addon=addon.name, most=addon.max, count=count), field_name)
    return count


def _commitment_level(value):
    """The commitment level a request asks for: ``true`` the first (or only) one, a number
    the level of that number (1 is the first), ``false`` or 0 none."""
    if isinstance(value, bool):
        return int(value)
    try:
        number = to_decimal(value) if value is not None else None
    except (NotANumber, TooLarge):
        number = None
    if number is None or number < 0 or number != number.to_integral_value() or number > 100:
        raise QuoteError(_("'commitment' must be true, false or a commitment level (1, 2, ...), "
                           "got {value}.").format(value=describe(value)), "commitment")
    return int(number)
