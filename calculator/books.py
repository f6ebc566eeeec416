"""Price books: a catalog's prices in other currencies, each book a whole catalog of its own.

    price_books:
      EUR:
        plans:
          team: {price: {...}, commitment: {annual_minimum: 46000}}
        addons:
          sso: {flat: 95}
        promotions:
          welcome: {amount_off: 9}

The catalog's own prices are its default book (its ``currency``). Every other book gives each
priced plan its ``price`` (read as a plan's price is, so its pricing model, tiers and annual
prices may differ from currency to currency), its commitment's minimum (each level's), each
priced add-on its prices, and each promotion that takes an amount off its amount. Nothing falls back to another book and nothing is converted: a price converted at
run time is a price nobody wrote, so a priced plan or add-on missing from a book is an error
naming both, and so is a flat fee the default price charges and the book leaves out.

A plan sells the same things in every currency: the ids and names, the billings offered, the
commitment's discount, and in each charge what the buyer gets (``included``,
``included_per_seat``, ``minimum``, ``limit``, ``discountable``, the seat ``kinds``) are the
default price's. A book leaves those
out (they are taken from the default price) or writes the same; a different one is an error.
A seat kind with a price of its own is the exception that proves it: the book gives its price
(``kinds: {guest: {unit: 4}}``), and only that.
The annual discount is the plan's unless the book's price gives its own.
A sales threshold's money (``sales_threshold: {monthly}``, the catalog's and a plan's) is
written in each book too (``sales.read_book``); its quantities are the default's.

The parser's reader (``catalog._Reader``) is handed in, so a book's prices are read, checked
and located by the very code that reads a plan's.
"""

from dataclasses import replace

from .billing import addon_views, plan_views
from .money import CURRENCIES, ZERO
from .promotions import read_book_promotions
from .sales import read_book as read_book_threshold
from .suggest import did_you_mean
from .values import describe

BOOK_KEYS = ("plans", "addons", "promotions", "sales_threshold", "display")
BOOK_PLAN_KEYS = ("price", "commitment", "sales_threshold")
BOOK_COMMITMENT_KEYS = ("annual_minimum",)
BOOK_ADDON_KEYS = ("flat", "per_seat")
# what a charge sells rather than what it costs: a book takes these from the default price
SOLD_KEYS = ("included", "included_per_seat", "minimum", "limit", "discountable", "kinds")


def read_price_books(reader, raw, catalog, plan_ids, addon_ids):
    """``{currency: Catalog}`` from ``price_books`` (``raw``), ``catalog`` being the default
    book as read and ``plan_ids`` and ``addon_ids`` every plan and add-on id the file writes
    (one with a mistake of its own is left out of ``catalog``, and out of these messages: its
    own mistake is the one to fix); problems go to ``reader``."""
    path = ("price_books",)
    if not isinstance(raw, dict):
        reader.fail(path, f"expected a mapping of currency code to price book, got {describe(raw)}")
        return {}
    books = {}
    for code, book in raw.items():
        where = path + (str(code),)
        if not isinstance(code, str) or code not in CURRENCIES:
            hint = did_you_mean(str(code).upper(), CURRENCIES)
            reader.fail(where, f"unknown currency {describe(code)}{hint} "
                               f"(supported: {', '.join(sorted(CURRENCIES))})")
            continue
        if code == catalog.currency:
            reader.fail(where, f"the catalog's own prices are in {code} (currency: {code}); a "
                               f"price book is for another currency")
            continue
        read = _book(reader, book, where, code, catalog, plan_ids, addon_ids)
        if read is not None:
            books[code] = read
    return books


def _book(reader, raw, path, code, catalog, plan_ids, addon_ids):
    raw = reader.mapping(raw, path, BOOK_KEYS, what="a price book mapping")
    if raw is None:
        return None
    plans = _plans(reader, raw.get("plans", {}), path + ("plans",), code, catalog, plan_ids)
    addons = _addons(reader, raw.get("addons", {}), path + ("addons",), code, catalog, addon_ids)
    promotions = read_book_promotions(reader, raw.get("promotions", {}), path + ("promotions",),
                                      code, catalog.promotions)
    threshold = read_book_threshold(reader, raw.get("sales_threshold"), path + ("sales_threshold",),
                                    code, catalog.sales_threshold, "the catalog's")
    cents = reader.cents(raw.get("display", {}), path + ("display",), catalog.cents)
    if plans is None or addons is None or promotions is None or (
            catalog.sales_threshold is not None and threshold is None):
        return None
    return replace(catalog, currency=code, plans=plans, addons=addons, promotions=promotions,
                   price_books={}, sales_threshold=threshold, cents=cents)


def _plans(reader, raw, path, code, catalog, plan_ids):
    if not isinstance(raw, dict):
        reader.fail(path, f"expected a mapping of plan id to its {code} price, got {describe(raw)}")
        return None
    known = {plan.id: plan for plan in catalog.plans}
    ok = True
    for plan_id in raw:
        plan = known.get(plan_id)
        if plan is None and plan_id not in plan_ids:
            ids = [i for i in plan_ids if isinstance(i, str)]
            reader.fail(path + (str(plan_id),), f"no plan has the id {describe(plan_id)}"
                                                f"{did_you_mean(plan_id, ids)}")
            ok = False
        elif plan is not None and plan.custom:
            reader.fail(path + (plan_id,), f"the {plan.name} plan is custom (custom: true): it "
                                           f"has no list price in any currency")
            ok = False
    plans = []
    for plan in catalog.plans:
        if plan.custom:
            plans.append(plan)
            continue
        if plan.id not in raw:
            reader.fail(path, f"no {code} price for the {plan.name} plan ('{plan.id}'): every "
                              f"priced plan needs its price in each currency of the catalog "
                              f"(prices are never converted)")
            ok = False
            continue
        priced = _plan(reader, raw[plan.id], path + (plan.id,), code, plan, catalog.metrics)
        ok = ok and priced is not None
        plans.append(priced)
    return tuple(plans) if ok else None


def _plan(reader, raw, path, code, plan, metrics):
    """``plan`` at this book's prices; None after a mistake."""
    raw = reader.mapping(raw, path, BOOK_PLAN_KEYS, required=("price",),
                         what=f"a mapping of the plan's {code} price")
    if raw is None or "price" not in raw:
        return None
    price = reader.price_block(raw["price"], path + ("price",), metrics, plan.annual_discount,
                               plan.billing, sold=plan)
    commitments = _commitments(reader, raw, path, code, plan)
    threshold = read_book_threshold(reader, raw.get("sales_threshold"), path + ("sales_threshold",),
                                    code, plan.sales_threshold, f"the {plan.name} plan's")
    if price is None or commitments is None or (
            plan.sales_threshold is not None and threshold is None):
        return None
    flat, discount, seats, usage, credit = price
    where = path + ("price",)
    if not _sells_the_same(reader, where, code, plan, raw["price"], seats, usage, credit):
        return None
    if seats is not None:
        seats = _as_sold(reader, where + ("seats",), raw["price"]["seats"], seats, plan.seats)
        seats = seats and _kinds_priced(reader, where + ("seats", "kinds"), code,
                                        raw["price"]["seats"], seats, plan)
    usage = {m: _as_sold(reader, where + ("usage", m), raw["price"]["usage"][m], charge,
                         plan.usage[m]) for m, charge in usage.items()}
    if (plan.seats is not None and seats is None) or None in usage.values():
        return None
    return plan_views(replace(plan, flat=flat, annual_discount=discount, seats=seats, usage=usage,
                              commitments=commitments, annual=None, flat_discountable=True,
                              credit=credit, sales_threshold=threshold))


def _commitments(reader, raw, path, code, plan):
    """The plan's commitment levels with this book's minimums (a mapping for a plan with one
    level, a list of as many for one with several); None after a mistake."""
    where = path + ("commitment",)
    if not plan.commitments:
        if "commitment" in raw:
            reader.fail(where, f"the {plan.name} plan has no commitment to price; give it one "
                               f"under plans: first")
            return None
        return ()
    if "commitment" not in raw:
        reader.fail(where, f"is required: the {plan.name} plan's commitment needs its minimum "
                           f"in {code}")
        return None
    given = raw["commitment"]
    count = len(plan.commitments)
    if count == 1:
        given, paths = [given], [where]
    elif not isinstance(given, list) or len(given) != count:
        reader.fail(where, f"expected a list of {count} levels, one {code} minimum for each of "
                           f"the plan's commitment levels, got {describe(given)}")
        return None
    else:
        paths = [where + (i,) for i in range(count)]
    levels = []
    for level, value, at in zip(plan.commitments, given, paths):
        value = reader.mapping(value, at, BOOK_COMMITMENT_KEYS, required=BOOK_COMMITMENT_KEYS)
        if value is None or "annual_minimum" not in value:
            return None
        minimum = reader.price(value["annual_minimum"], at + ("annual_minimum",))
        if minimum is None:
            return None
        levels.append(replace(level, annual_minimum=minimum))
    return tuple(levels)


def _sells_the_same(reader, path, code, plan, raw_price, seats, usage, credit):
    """A plan's price in a book charges what its default price charges: a flat fee, seats and
    the same metrics, or not, and gives the same credit (its amount in the book's currency);
    a buyer switching currency keeps the same plan."""
    said = []
    if (credit is None) != (plan.credit is None):
        said.append(f"{'a' if plan.credit else 'no'} monthly credit")
    elif credit is not None and credit.applies_to != plan.credit.applies_to:
        reader.fail(path + ("credit", "applies_to"), "differs from the plan's default price: a "
                                                     "price book gives the credit's amount; what "
                                                     "it pays for is the default price's (leave "
                                                     "it out)")
        return False
    if "flat" not in raw_price and (plan.flat or (plan.annual or plan).flat):
        said.append("a flat fee")
    if (seats is None) != (plan.seats is None):
        said.append("seats" if plan.seats is not None else "no seats")
    if set(usage) != set(plan.usage):
        said.append(f"the metrics {', '.join(plan.usage) or 'none'}")
    if said:
        reader.fail(path, f"the {plan.name} plan charges {' and '.join(said)} in its default "
                          f"price; its {code} price must charge the same (prices are never "
                          f"taken from another currency)")
    return not said


def _as_sold(reader, path, raw, charge, default):
    """``charge`` (read from a book) with what its ``default`` charge sells: a key of
    ``SOLD_KEYS`` left out is the default's, one written must be the same; None if not."""
    same = True
    for key in SOLD_KEYS:
        theirs = getattr(default, key)
        if key not in raw:
            charge = replace(charge, **{key: theirs})
        elif _sold(getattr(charge, key)) != _sold(theirs):
            reader.fail(path + (key,), "differs from the plan's default price: a price book "
                                       "changes prices, not what a plan sells; leave it out "
                                       "(it is the default price's) or write the same")
            same = False
    return charge if same else None


def _sold(value):
    """A sold field made comparable: seat kinds by id, in any order, without their prices."""
    if isinstance(value, tuple):
        return {kind.id: replace(kind, unit=None) for kind in value}
    return value


def _kinds_priced(reader, path, code, raw, seats, plan):
    """``seats`` (a book's seat charge, ``raw`` as written) when each seat kind the plan prices
    has its price in this book, and no other kind has one (a kind free or billed as a full seat
    stays so); else None."""
    written = raw.get("kinds") if isinstance(raw.get("kinds"), dict) else {}
    given = {kind.id: kind for kind in seats.kinds} if "kinds" in raw else {}
    ok = True
    for default in plan.seats.kinds:
        kind = given.get(default.id)
        if default.priced and (kind is None or not kind.priced):
            reader.fail(path + ((default.id,) if default.id in written else ()),
                        f"no {code} price (unit) for the {default.name} seat kind "
                        f"('{default.id}'): a priced seat kind needs its price in each currency "
                        f"of the catalog (prices are never converted)")
            ok = False
        elif kind is not None and kind.priced and not default.priced:
            reader.fail(path + (default.id, "unit"), f"the {default.name} seat kind has no price "
                                                     f"of its own in the plan's default price; a "
                                                     f"price book changes prices, not what a "
                                                     f"plan sells")
            ok = False
    return seats if ok else None


def _addons(reader, raw, path, code, catalog, addon_ids):
    # an add-on with a mistake of its own is still named here (its own mistake is told)
    known = [*catalog.addons, *(i for i in addon_ids if isinstance(i, str))]
    ok = reader.known_ids(raw, path, list(dict.fromkeys(known)), "add-on", f"its {code} prices")
    if not isinstance(raw, dict):
        return None
    addons = {}
    for addon in catalog.addons.values():
        priced = [key for key in BOOK_ADDON_KEYS
                  if getattr(addon, key) or getattr(addon.annual or addon, key)]
        if addon.id not in raw:
            if priced:
                reader.fail(path, f"no {code} price for the add-on {addon.name} ('{addon.id}'): "
                                  f"every priced add-on needs its price in each currency of the "
                                  f"catalog (prices are never converted)")
                ok = False
            else:
                addons[addon.id] = addon  # free in every currency
            continue
        where = path + (addon.id,)
        given = reader.mapping(raw[addon.id], where, BOOK_ADDON_KEYS,
                               required=priced, what=f"a mapping of the add-on's {code} prices")
        if given is None or any(key not in given for key in priced):
            ok = False
            continue
        flat = reader.money(given.get("flat", ZERO), where + ("flat",))
        per_seat = reader.money(given.get("per_seat", ZERO), where + ("per_seat",))
        if None in (flat, per_seat):
            ok = False
            continue
        addons[addon.id] = addon_views(replace(addon, flat=flat, per_seat=per_seat, annual=None,
                                               discountable=True))
    return addons if ok else None

