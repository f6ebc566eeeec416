"""graduated (marginal): each tier prices only the units inside it.

Tier i covers (previous up_to, up_to]; its flat fee is charged when any unit falls in it,
and the first tier's flat fee even at quantity 0 (as Stripe and Lago do).
49 seats on 1-10 $50 / 11-50 $40 / 51-200 $30 = 10 x $50 + 39 x $40 = $2,060.
"""

from ..locale import _
from .base import CUSTOM, Model, Rated, TierUse
from .tiers import lower_bound, tier_index, tiers_words


def rate(charge, quantity):
    tiers = charge.tiers
    reached = tier_index(tiers, quantity)
    if tiers[reached].custom:
        return CUSTOM
    uses, total = [], 0
    for index in range(reached + 1):
        tier = tiers[index]
        first = lower_bound(tiers, index)
        top = quantity if index == reached else tier.up_to
        inside = top - first
        amount = tier.unit * inside + tier.flat
        uses.append(TierUse(index, first, tier.up_to, inside, tier.unit, tier.flat, amount))
        total += amount
    prices = {use.unit for use in uses}
    unit_price = uses[0].unit if len(prices) == 1 else None
    return Rated(amount=total, unit_price=unit_price, tiers=tuple(uses))


def words(charge, currency, units, step):
    """"per seat, graduated: 1–10: $50 · 11–50: $40 · 51 and up: $30"."""
    return tiers_words(_("graduated"), charge, currency, units, step)


MODEL = Model(name="graduated", needs="tiers", rate=rate, all_units=False, words=words)
