"""The pricing models, one module each, chosen from one explicit table.

The table's keys are also the list of valid ``pricing:`` names the catalog validator uses.
"""

from . import graduated, package, per_unit, volume

MODELS = {
    "per_unit": per_unit.rate,
    "graduated": graduated.rate,
    "volume": volume.rate,
    "package": package.rate,
}


def rate_charge(charge, quantity):
    """Rate ``quantity`` billable units of ``charge`` with its model; raises on an unknown model."""
    return MODELS[charge.pricing](charge, quantity)
