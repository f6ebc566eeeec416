"""What the JSON Schema cannot check about the pricing page's calls to action and its proof:
two parts of an estimate carried under one query parameter (the form would read one of them as
the other), and proof near the prices that names landing-page proof the file does not have."""

import re

from calculator.errors import Problem

PART_IDS = {"usage": "metric", "seat_kinds": "seat kind", "addons": "add-on"}


_NAME = re.compile(r"[A-Za-z0-9_.\[\]-]+")


def param_problem(name):
    """Why ``name`` may not be a query parameter's name (the schema's ``param``)."""
    return f"'{name}' is not a parameter name: write letters, digits, _ . - [ ] only " \
           "(a form reads other characters differently)"


def param_per_id_problem(name):
    """Why ``name`` may not name a parameter per id (the schema's ``param_per_id``)."""
    if name.count("{id}") != 1:
        return f"'{name}' needs {{id}} once, where each id goes (usage_{{id}})"
    return param_problem(name.replace("{id}", "", 1)) if not \
        _NAME.fullmatch(name.replace("{id}", "x", 1)) else None


def pricing_cta_problems(catalog, content):
    """Each ``site.pricing.cta_params`` name that another part already gives, ids expanded
    (``usage: "{id}"`` gives ``seats`` for a metric with that id)."""
    params = content.pricing.get("cta_params")
    if not isinstance(params, dict):
        return []
    taken, problems = {}, []
    for part, name in params.items():
        if not isinstance(name, str):
            continue  # the schema's to tell
        for given, said in _names(catalog, part, name):
            if given in taken:
                problems.append(Problem(
                    f"site.pricing.cta_params.{part}",
                    f"'{name}' gives the parameter '{given}'{said}, which {taken[given]} already "
                    f"gives: the sign-up form could not tell them apart (name them apart)"))
                break
            taken[given] = f"'{part}'"
    return problems


def _names(catalog, part, name):
    """``(parameter name, what it is for)`` of one part: a per-id part once per id the catalog
    has (none while the prices have a mistake: nothing to expand)."""
    if part not in PART_IDS:
        return [(name, "")]
    if "{id}" not in name or catalog is None:
        return []
    return [(name.replace("{id}", key), f" for the {PART_IDS[part]} '{key}'")
            for key in _ids(catalog, part)]


def _ids(catalog, part):
    if part == "usage":
        return list(catalog.metrics)
    if part == "addons":
        return list(catalog.addons)
    kinds = [kind.id for plan in catalog.plans if plan.seats for kind in plan.seats.kinds]
    return list(dict.fromkeys(kinds))


def pricing_proof_problems(content):
    """Proof near the prices is the landing page's: what it names must be there."""
    proof = content.pricing.get("proof")
    if not isinstance(proof, dict):
        return []
    site, problems, path = content.site, [], "site.pricing.proof"
    landing = site.get("proof") if isinstance(site.get("proof"), dict) else {}
    if proof.get("logos") is True and not landing.get("logos"):
        problems.append(Problem(f"{path}.logos", "there are no logos to show: write them in "
                                                 "site.proof.logos"))
    index = proof.get("testimonial")
    quotes = landing.get("testimonials") or []
    if type(index) is int and index > len(quotes):
        problems.append(Problem(f"{path}.testimonial",
                                f"there is no testimonial {index}: site.proof.testimonials has "
                                f"{len(quotes)}"))
    security = site.get("security") if isinstance(site.get("security"), dict) else {}
    if proof.get("badges") is True and not security.get("items"):
        problems.append(Problem(f"{path}.badges", "there are no badges to show: write them in "
                                                  "site.security.items"))
    return problems
