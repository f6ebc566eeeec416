"""Warnings about the comparison table's feature rows: a plan a row gives no value.

A row that names some plans and not another shows that plan "Not included", which may
contradict its card (a plan added to ``plans`` and not to each row, say). It may be meant, so it
is a warning, located at the row and naming the plan; write ``false`` to say "Not included".
"""

from calculator.errors import Problem


def comparison_gaps(content):
    """One warning for each plan that a comparison feature row leaves out."""
    ids = [plan_id for plan_id, _ in content.in_order if plan_id is not None]
    comparison = (content.site.get("pricing") or {}).get("comparison") or {}
    warnings = []
    for row, feature in enumerate(comparison.get("features") or ()):
        given = feature.get("plans") if isinstance(feature, dict) else None
        if not isinstance(given, dict):
            continue
        for plan_id in ids:
            if plan_id not in given:
                warnings.append(Problem(
                    f"site.pricing.comparison.features[{row}].plans",
                    f"the row '{feature.get('label')}' gives plan '{plan_id}' no value, so the "
                    f"table shows it \"Not included\" (write {plan_id}: false if that is meant)",
                    severity="warning"))
    return warnings
