"""What a pricing model is, and the shape every one returns, so rating, display, advice and
lint never name a model: they ask it."""

from dataclasses import dataclass

from ..money import ZERO


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """One pricing model, as its module declares it and ``MODELS`` lists it.

    Every field is required, so a model module that leaves a question unanswered fails on
    import rather than on the first catalog that uses it."""

    name: str  # the catalog's ``pricing:`` value
    needs: str  # the one charge key that holds its price: "unit", "tiers" or "package"
    rate: object  # (charge, quantity) -> Rated, unrounded
    # The tier that holds the total prices every unit (unit x quantity + its flat): reaching a
    # cheaper tier lowers the price of every unit, so more units can cost less (the lint's
    # cliffs) and a next-tier nudge says "every seat costs", not "every seat beyond 50".
    all_units: bool
    # (charge, currency, (one, many), step) -> how units beyond any allowance are priced, in
    # the price list's words ("$5 per 1,000 calls"), or "" when they cost nothing.
    words: object

    @property
    def tiered(self):
        """Whether its price is a list of tiers: a nudge can point to the next tier."""
        return self.needs == "tiers"


@dataclass(slots=True)
class TierUse:
    """The part of a quantity one tier priced: units ``first``..``last`` at ``unit`` (+ ``flat``)."""

    index: int
    first: object  # Decimal: first unit of the tier (lower bound, exclusive of the previous up_to)
    last: object  # Decimal or None (unbounded)
    quantity: object
    unit: object
    flat: object
    amount: object


@dataclass(slots=True)
class Rated:
    """A model's answer for one quantity: an unrounded amount, or ``custom`` (contact sales)."""

    amount: object = ZERO  # Decimal, unrounded
    unit_price: object = None  # Decimal when one price applies to every unit, else None
    tiers: tuple = ()
    custom: bool = False
    packages: object = None  # number of packages billed (package pricing)


CUSTOM = Rated(custom=True)
