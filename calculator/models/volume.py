"""volume (all-units): the tier that contains the total prices every unit, plus its flat fee.

49 seats on 1-10 $50 / 11-50 $40 / 51-200 $30 = 49 x $40 = $1,960; 51 seats = $1,530.
"""

from ..locale import _
from .base import CUSTOM, Model, Rated, TierUse
from .tiers import lower_bound, tier_index, tiers_words


def rate(charge, quantity):
    tiers = charge.tiers
    index = tier_index(tiers, quantity)
    tier = tiers[index]
    if tier.custom:
        return CUSTOM
    amount = tier.unit * quantity + tier.flat
    use = TierUse(index, lower_bound(tiers, index), tier.up_to, quantity, tier.unit, tier.flat, amount)
    return Rated(amount=amount, unit_price=tier.unit, tiers=(use,))


def words(charge, currency, units, step):
    """"per seat, all-units volume: 1–10: $50 · 11–50: $40 · 51 and up: $30"."""
    return tiers_words(_("all-units volume"), charge, currency, units, step)


MODEL = Model(name="volume", needs="tiers", rate=rate, all_units=True, words=words)
