"""Promotions: a share or an amount off the bill, for the first months or for good.

    promotions:
      launch:
        name: Launch offer
        discount: 0.5            # or amount_off: 20 (money off a month, in each price book)
        months: 3                # the first 3 months; left out: for good
        until: 2026-06-30        # the last day it is offered; left out: no end
        code: LAUNCH50           # typed by the visitor; left out: every visitor gets it
        plans: [team]            # left out: every priced plan

One promotion at most is on a bill: the one whose code the request types (``promotion``), when
it is for the plan, else the first automatic one (no ``code``) that is for the plan and on
offer. It takes its share (or its amount) off the bill as the committed-use and annual
discounts leave it, before a commitment's true-up, and never more than the bill: a promotion
never makes a bill negative, and one that would take nothing off is not on it.

The engine reads no clock. "Today" is the request's ``date`` (YYYY-MM-DD), else the catalog's
``date`` (a site build writes the build's day there, so the page and the visitor's browser
price alike); a promotion with ``until`` is on offer up to and including that day, and not at
all when there is no date to compare (a quote that cannot date an offer does not promise it).

A bill is for the subscription's first period, starting on that day: a monthly bill is the
first month's, so a promotion "for the first 3 months" is on it, and the quote also gives the
bill once the promotion has ended (``then``); a yearly bill holds twelve months, of which the
promotion discounts its first ``months`` (all twelve when it is for good or longer). A request
for a later period names the subscription's month it starts in (``month``; the budget
planner's months): a promotion is on it for the months of it that are among its first
``months``, and not at all past them.
"""

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from decimal import Decimal

from .billing import ByBilling, _side
from .errors import Problem, QuoteError
from .locale import N_, _, ngettext, plural_words
from .locale import long_date as written_date
from .money import ZERO, format_money, format_percent, format_price, plain, round_money
from .suggest import did_you_mean
from .values import describe

PROMOTION_KEYS = ("name", "discount", "amount_off", "months", "until", "code", "plans")
BOOK_PROMOTION_KEYS = ("amount_off",)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
TWELVE = 12


@dataclass(frozen=True)
class Promotion:
    id: str
    name: str
    discount: Decimal = ZERO  # the share off (a percent promotion)
    amount_off: object = None  # money off a month (an amount promotion); None for a share
    months: int | None = None  # the first N months of the subscription; None: for good
    until: str | None = None  # ISO date: the last day it is offered; None: no end
    code: str | None = None  # what the visitor types; None: automatic
    plans: tuple | None = None  # plan ids it is for; None: every priced plan
    annual: "Promotion | None" = None  # at its annual amount, when it writes one (billing.py)

    def for_plan(self, plan_id):
        return self.plans is None or plan_id in self.plans

    def on_offer(self, day):
        """Offered on ``day`` (ISO text, or None when the quote has no date)."""
        return self.until is None or (day is not None and day <= self.until)


# -- reading the catalog ------------------------------------------------------------------------
def iso_date(value):
    """``value`` as YYYY-MM-DD text when it is a real day (YAML may hand over a ``date``),
    else None."""
    if isinstance(value, Date):
        return value.isoformat()
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    try:
        Date.fromisoformat(value)
    except ValueError:
        return None
    return value


def read_date(reader, value, path):
    day = iso_date(value)
    if day is None:
        reader.fail(path, f"expected a day written YYYY-MM-DD (2026-06-30), got {describe(value)}")
    return day


def read_promotions(reader, raw, plan_ids):
    """``{id: Promotion}`` from the catalog's ``promotions``; problems go to ``reader`` (the
    parser's, so each is located like any other field)."""
    path = ("promotions",)
    if not isinstance(raw, dict):
        reader.fail(path, f"expected a mapping of promotion id to promotion, got {describe(raw)}")
        return {}
    promotions, codes = {}, {}
    ids = [i for i in plan_ids if isinstance(i, str)]
    for key, value in raw.items():
        where = path + (str(key),)
        promotion_id = reader.ident(key, where, "promotion")
        promotion = _promotion(reader, value, where, ids)
        if promotion is None or promotion_id is None:
            continue
        if promotion.code is not None:
            code = promotion.code.upper()
            if code in codes:
                reader.fail(where + ("code",), f"the code {promotion.code} is also the "
                                               f"{codes[code]} promotion's (codes are read "
                                               f"without regard to case)")
                continue
            codes[code] = promotion_id
        promotions[promotion_id] = views(replace(promotion, id=promotion_id))
    return promotions


def _promotion(reader, raw, path, plan_ids):
    raw = reader.mapping(raw, path, PROMOTION_KEYS, required=("name",), what="a promotion mapping")
    if raw is None:
        return None
    name = reader.text(raw["name"], path + ("name",)) if "name" in raw else None
    given = [key for key in ("discount", "amount_off") if key in raw]
    if len(given) != 1:
        reader.fail(path, "give either 'discount' (a share off: 0.5 is 50%) or 'amount_off' (an "
                          "amount off a month)" + (", not both" if given else ""))
        return None
    discount, amount_off = ZERO, None
    if "discount" in raw:
        discount = reader.rate(raw["discount"], path + ("discount",))
        if discount == ZERO:
            reader.fail(path + ("discount",), "a promotion takes something off: give a discount "
                                              "above 0")
            discount = None
    else:
        amount_off = reader.money(raw["amount_off"], path + ("amount_off",))
    months = None
    if "months" in raw:
        months = reader.whole(raw["months"], path + ("months",), what="number of months")
        if months == 0:
            reader.fail(path + ("months",), "a promotion lasts at least 1 month (leave 'months' "
                                            "out for one that lasts for good)")
            months = None
    until = read_date(reader, raw["until"], path + ("until",)) if "until" in raw else None
    code = None
    if "code" in raw:
        code = raw["code"]
        if not isinstance(code, str) or not _CODE.match(code):
            reader.fail(path + ("code",), f"a code is letters, digits, '-' or '_' (at most 40), "
                                          f"got {describe(code)}")
            code = None
    plans = None
    if "plans" in raw:
        plans = _plans(reader, raw["plans"], path + ("plans",), plan_ids)
    problems = (name is None or discount is None or (amount_off is None and "amount_off" in raw)
                or ("months" in raw and months is None) or ("until" in raw and until is None)
                or ("code" in raw and code is None) or ("plans" in raw and plans is None))
    if problems:
        return None
    return Promotion("", name, discount, amount_off, months, until, code, plans)


def _plans(reader, raw, path, plan_ids):
    if not isinstance(raw, list) or not raw:
        reader.fail(path, f"expected a list of plan ids, got {describe(raw)}")
        return None
    ok = True
    for i, plan_id in enumerate(raw):
        if plan_id not in plan_ids:
            hint = did_you_mean(plan_id, plan_ids) if isinstance(plan_id, str) else ""
            reader.fail(path + (i,), f"no plan has the id {describe(plan_id)}{hint}")
            ok = False
    return tuple(raw) if ok else None


def read_book_promotions(reader, raw, path, code, promotions):
    """A price book's ``promotions``: each amount promotion's ``amount_off`` in ``code`` (a share
    off needs no price); the promotions with this book's amounts, or None after a mistake."""
    ok = reader.known_ids(raw, path, promotions, "promotion", f"its {code} amount")
    if not isinstance(raw, dict):
        return None
    for key in raw:
        promotion = promotions.get(key)
        if promotion is not None and promotion.amount_off is None:
            reader.fail(path + (key,), f"the {promotion.name} promotion takes a share off "
                                       f"(discount), the same in every currency: it has no "
                                       f"{code} amount")
            ok = False
    priced = {}
    for promotion in promotions.values():
        if promotion.amount_off is None:
            priced[promotion.id] = promotion
            continue
        where = path + (promotion.id,)
        if promotion.id not in raw:
            reader.fail(path, f"no {code} amount for the {promotion.name} promotion "
                              f"('{promotion.id}'): an amount off needs its amount in each "
                              f"currency of the catalog (amounts are never converted)")
            ok = False
            continue
        given = reader.mapping(raw[promotion.id], where, BOOK_PROMOTION_KEYS,
                               required=BOOK_PROMOTION_KEYS)
        if given is None or "amount_off" not in given:
            ok = False
            continue
        amount = reader.money(given["amount_off"], where + ("amount_off",))
        if amount is None:
            ok = False
            continue
        priced[promotion.id] = views(replace(promotion, amount_off=amount, annual=None))
    return priced if ok else None


# -- billings (billing.py's views, for the one price a promotion may write) ------------------------
def views(promotion):
    """A promotion at its monthly amount, with ``annual`` its view at the annual amount when the
    amount is written ``{monthly, annual}``."""
    if not isinstance(promotion.amount_off, ByBilling):
        return promotion
    monthly = replace(promotion, amount_off=_side(promotion.amount_off, "monthly"), annual=None)
    return replace(monthly, annual=replace(monthly, amount_off=_side(promotion.amount_off,
                                                                       "annual")))


def to_dict(promotion):
    """A promotion as the catalog writes it (catalog.json)."""
    out = {"name": promotion.name}
    if promotion.amount_off is None:
        out["discount"] = plain(promotion.discount)
    else:
        out["amount_off"] = _written_amount(promotion)
    for key in ("months", "until", "code"):
        if getattr(promotion, key) is not None:
            out[key] = getattr(promotion, key)
    if promotion.plans is not None:
        out["plans"] = list(promotion.plans)
    return out


def book_dict(promotions):
    """A price book's amounts: each amount promotion's."""
    return {p.id: {"amount_off": _written_amount(p)} for p in promotions.values()
            if p.amount_off is not None}


def _written_amount(promotion):
    if promotion.annual is None:
        return plain(promotion.amount_off)
    return {"monthly": plain(promotion.amount_off), "annual": plain(promotion.annual.amount_off)}


def ended_promotions(catalog):
    """Warnings for promotions over by the catalog's day: no quote gets them any more."""
    day = catalog.date
    return [Problem(f"promotions.{p.id}.until", f"the {p.name} promotion ended on "
                                                f"{long_date(p.until)}: no quote gets it now "
                                                f"(remove it, or move its until)",
                    severity="warning")
            for p in catalog.promotions.values() if day is not None and not p.on_offer(day)]


# -- a request's promotion ---------------------------------------------------------------------------
def by_code(catalog, code):
    """The promotion whose code is ``code`` (read without regard to case), or None."""
    wanted = code.strip().upper()
    for promotion in catalog.promotions.values():
        if promotion.code is not None and promotion.code.upper() == wanted:
            return promotion
    return None


def check_code(catalog, code, day):
    """The code a request types, checked: it names a promotion that is on offer on ``day``;
    ``QuoteError`` on ``promotion`` otherwise. Returns the code as the catalog writes it."""
    promotion = by_code(catalog, code)
    if promotion is None:
        raise QuoteError(_("No promotion has the code {code}; check the spelling.").format(
            code=describe(code.strip())), "promotion")
    if not promotion.on_offer(day):
        if day is None:
            raise QuoteError(_("The code {code} is offered until {day}: give the quote's date "
                               "to use it.").format(code=promotion.code,
                                                    day=long_date(promotion.until)), "promotion")
        raise QuoteError(_("The code {code} ended on {day}.").format(
            code=promotion.code, day=long_date(promotion.until)), "promotion")
    return promotion.code


def check_code_for_plan(catalog, plan, code):
    """``QuoteError`` on ``promotion`` when the typed ``code`` is not for ``plan`` (the quote's
    own plan only: another plan compared with it is priced without the code)."""
    promotion = by_code(catalog, code)
    if promotion is not None and not promotion.for_plan(plan.id):
        names = ", ".join(p.name for p in catalog.plans if p.id in promotion.plans)
        raise QuoteError(_("The code {code} is not valid on the {plan} plan (it is for: "
                           "{plans}).").format(code=promotion.code, plan=plan.name, plans=names),
                         "promotion")


def promotion_for(catalog, plan, request):
    """The promotion on ``plan``'s bill for ``request``: the typed code's when it is for the
    plan, else the first automatic one for the plan that is on offer; None when there is none."""
    day = request.date or catalog.date
    if request.promotion:
        typed = by_code(catalog, request.promotion)
        if typed is not None and typed.for_plan(plan.id) and typed.on_offer(day):
            return typed
    for promotion in catalog.promotions.values():
        if promotion.code is None and promotion.for_plan(plan.id) and promotion.on_offer(day):
            return promotion
    return None


# -- on the bill ------------------------------------------------------------------------------------
def months_on_bill(promotion, bill_months, start=1):
    """How many of a bill's months the promotion discounts, for a bill of ``bill_months``
    months from the subscription's month ``start``: those among the promotion's first
    ``months`` (every one when it is for good)."""
    if promotion.months is None:
        return bill_months
    return max(0, min(promotion.months, start + bill_months - 1) - start + 1)


def amount_off(promotion, before, bill_months, currency, start=1):
    """What the promotion takes off a bill that comes to ``before`` (rounded, zero or more) for
    ``bill_months`` months from the subscription's month ``start``: a share of the months it
    covers, or its amount for each of them, rounded once, half-up, and never more than
    ``before``."""
    covered = months_on_bill(promotion, bill_months, start)
    if promotion.amount_off is None:
        off = round_money(before * promotion.discount * covered / bill_months, currency)
    else:
        off = round_money(promotion.amount_off * covered, currency)
    return min(off, before) if before > ZERO else ZERO


# An offer in words, a share off (True) or an amount off a month (False): for good, for the
# first or first N months of a yearly bill's 12, for the first month or months
_OFFERS = {
    True: (N_("{off} off for good"), N_("{off} off the first of these 12 months"),
           N_("{off} off the first {count} of these 12 months"),
           plural_words("{off} off the first month", "{off} off the first {count} months")),
    False: (N_("{off} off a month for good"),
            N_("{off} off a month for the first of these 12 months"),
            N_("{off} off a month for the first {count} of these 12 months"),
            plural_words("{off} off a month for the first month",
                         "{off} off a month for the first {count} months")),
}


def offer_words(promotion, currency, months=1):
    """The offer in words: "50% off the first 3 months", "$20 off a month for good"; on a yearly
    bill (``months`` 12), which of its months: "50% off the first 3 of these 12 months"."""
    share = promotion.amount_off is None
    if share:
        off = format_percent(promotion.discount)
    else:
        off = format_price(promotion.amount_off, currency)
    for_good, first_of_year, first_ones_of_year, first_months = _OFFERS[share]
    count = promotion.months
    if count is None:
        words = _(for_good)
    elif months == TWELVE and count < TWELVE:
        words = _(first_of_year if count == 1 else first_ones_of_year)
    else:
        words = ngettext(*first_months, count)
    return words.format(off=off, count=count)


def label(promotion, currency, months):
    """The promotion's discount row on the bill."""
    return _("{name}: {offer}").format(name=promotion.name,
                                       offer=offer_words(promotion, currency, months))


def summary(promotion, currency, then, billing):
    """The card's sentence: "50% off the first 3 months, then $120.00 a month", with the offer's
    last day when it has one."""
    text = offer_words(promotion, currency)
    if then is not None:
        text = _("{offer}, then {amount}").format(offer=text,
                                                  amount=_per_period(then, currency, billing))
    if promotion.until is not None:
        text = _("{offer} (offer ends {day})").format(offer=text, day=long_date(promotion.until))
    return text


def note(promotion, currency, then, billing):
    """The bill's note under its rows: what is billed once the promotion has ended and the
    offer's last day ("After the first 3 months: $120.00 a month."); None when neither."""
    parts = []
    if then is not None:
        parts.append(ngettext("After the first month: {amount}.",
                              "After the first {count} months: {amount}.", promotion.months)
                     .format(count=promotion.months,
                             amount=_per_period(then, currency, billing)))
    if promotion.until is not None:
        parts.append(_("The {name} ends {day}.").format(name=promotion.name,
                                                        day=long_date(promotion.until)))
    return " ".join(parts) or None


def _per_period(amount, currency, billing):
    money = format_money(amount, currency)
    if billing == "annual":
        return _("{amount} a year").format(amount=money)
    return _("{amount} a month").format(amount=money)


def long_date(day):
    """2026-06-30 -> "30 June 2026" (as the locale writes a date in full)."""
    return written_date(Date.fromisoformat(day))
