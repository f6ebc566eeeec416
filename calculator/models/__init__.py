"""The pricing models, one module each, chosen from one explicit table.

A model module declares what it is (``base.Model``: its name, the charge key it reads, how it
rates, the questions the rest of the engine asks it) and ``MODELS`` lists it. The table's keys
are the valid ``pricing:`` names for the catalog parser, in the order its messages list them;
plans.schema.json repeats them for editors (a test ties the two). Adding a model is a module
here and a line in the table.
"""

from . import graduated, package, per_unit, volume

MODELS = {model.name: model for model in (
    per_unit.MODEL,
    graduated.MODEL,
    volume.MODEL,
    package.MODEL,
)}

# A charge written with ``unit:`` and no ``pricing:`` ("seats: {unit: 45}") is per_unit.
DEFAULT = "per_unit"


def model_of(charge):
    """The model that prices ``charge``; ``KeyError`` for a name not in ``MODELS`` (the parser
    lets none through)."""
    return MODELS[charge.pricing]


def rate_charge(charge, quantity):
    """Rate ``quantity`` billable units of ``charge`` with its model."""
    return model_of(charge).rate(charge, quantity)
