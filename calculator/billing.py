"""Which price applies on a bill: prices written for each billing, and plans seen at each one.

A price in the catalog is one number (the same for both billings, and the plan's annual
discount applies on yearly bills) or ``{monthly, annual}``, where ``annual`` is the price per
month when billed yearly, as pricing pages write it ("$7.25 per seat/month billed yearly, $8.75
billed monthly"). The pricing models read one number, so the parser reads a plan once and
sees it twice: at its monthly prices and at its annual prices (``Plan.annual``). A line priced
from a written annual price takes no annual discount on top: a charge (the flat fee, the seats,
one metric, one add-on) that writes any of its prices both ways is billed yearly at its annual
prices, a plain number in it standing for both billings.

A plan may also be offered on one billing only (``billing: [annual]``); a request for another
is refused here, naming the field.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from .errors import QuoteError
from .locale import _
from .money import plain

BILLINGS = ("monthly", "annual")


@dataclass(frozen=True)
class ByBilling:
    """A price written for each billing; only the parser holds one (the models never see it)."""

    monthly: Decimal
    annual: Decimal


def _side(value, billing):
    return getattr(value, billing) if isinstance(value, ByBilling) else value


def charged(price):
    """Whether a price as the parser read it (a number or a ``ByBilling``) is above zero at
    either billing."""
    return any(_side(price, billing) for billing in BILLINGS)


def _written_both(*values):
    return any(isinstance(value, ByBilling) for value in values)


def _money_of(charge):
    """Every price a charge writes: its unit, each tier's unit and flat fee, its package's price,
    its seat kinds' prices."""
    values = [charge.unit, *[kind.unit for kind in charge.kinds if kind.priced]]
    for tier in charge.tiers:
        values += [tier.unit, tier.flat]
    if charge.package is not None:
        values.append(charge.package.price)
    return values


def _charge_at(charge, billing):
    """``charge`` with every price at ``billing``'s; billed yearly from written annual prices,
    it takes no annual discount."""
    if charge is None:
        return None
    fixed = billing == "annual" and _written_both(*_money_of(charge))
    return replace(
        charge, unit=_side(charge.unit, billing),
        tiers=tuple(replace(t, unit=_side(t.unit, billing), flat=_side(t.flat, billing))
                    for t in charge.tiers),
        package=None if charge.package is None else replace(
            charge.package, price=_side(charge.package.price, billing)),
        kinds=tuple(replace(k, unit=_side(k.unit, billing)) if k.priced else k
                    for k in charge.kinds),
        discountable=charge.discountable and not fixed)


def written_both_ways(plan):
    """Whether a plan as the parser read it writes any price ``{monthly, annual}``."""
    charges = [plan.seats, *plan.usage.values()]
    credit = [plan.credit.amount] if plan.credit else []
    return _written_both(plan.flat, *credit, *[v for c in charges if c for v in _money_of(c)])


def plan_views(plan):
    """A parsed plan at its monthly prices, with ``annual`` the plan at its annual prices when
    it writes any (else None: one set of prices for both billings)."""
    both = written_both_ways(plan)

    def at(billing):
        return replace(plan, flat=_side(plan.flat, billing), seats=_charge_at(plan.seats, billing),
                       usage={m: _charge_at(c, billing) for m, c in plan.usage.items()},
                       credit=plan.credit and replace(plan.credit,
                                                      amount=_side(plan.credit.amount, billing)),
                       flat_discountable=not (billing == "annual" and _written_both(plan.flat)),
                       annual=None)
    monthly = at("monthly")
    return replace(monthly, annual=at("annual")) if both else monthly


def addon_views(addon):
    """An add-on at its monthly prices, with ``annual`` its annual view when it writes one."""
    both = _written_both(addon.flat, addon.per_seat)

    def at(billing):
        return replace(addon, flat=_side(addon.flat, billing),
                       per_seat=_side(addon.per_seat, billing),
                       discountable=not (billing == "annual" and both), annual=None)
    monthly = at("monthly")
    return replace(monthly, annual=at("annual")) if both else monthly


def annual_view(catalog):
    """``catalog`` with its plans, add-ons and promotions at their annual prices (itself when it
    writes none). A view holds no price books: it is one book, at one billing."""
    if not any(p.annual for p in catalog.plans) and not any(
            a.annual for a in (*catalog.addons.values(), *catalog.promotions.values())):
        return catalog
    return replace(catalog, plans=tuple(p.annual or p for p in catalog.plans),
                   addons={i: a.annual or a for i, a in catalog.addons.items()},
                   promotions={i: p.annual or p for i, p in catalog.promotions.items()},
                   price_books={})


def offered(plan, billing):
    """Raise ``QuoteError`` naming ``billing`` when ``plan`` is not billed that way."""
    if billing not in plan.billing:
        message = (_("The {plan} plan is billed yearly only; choose yearly billing.")
                   if plan.billing[0] == "annual" else
                   _("The {plan} plan is billed monthly only; choose monthly billing."))
        raise QuoteError(message.format(plan=plan.name), "billing")


# -- back to plain data (catalog.json) --------------------------------------------------------
def written(monthly, annual, both):
    """A price as the catalog writes it: ``{monthly, annual}`` when ``both``, else a number."""
    if both:
        return {"monthly": plain(monthly), "annual": plain(annual)}
    return plain(monthly)
