"""The experiment as the edge routers read it (``variants.json``): GrowthBook's shape."""

DEFAULT_COOKIE = "rk_visitor"


def experiment_spec(data, path_of=lambda key: f"/{key}/"):
    """The experiment in GrowthBook's shape (``variants.json``), read by the edge routers."""
    section = data["variants"]
    variations = section["variations"]
    weights = [v.get("weight") for v in variations]
    if any(w is None for w in weights):
        weights = [1 / len(variations)] * len(variations)
    return {
        "key": section["experiment"],
        "seed": section.get("seed") or section["experiment"],
        "hashVersion": 2,
        "hashAttribute": section.get("hash_attribute") or "id",
        "coverage": float(section.get("coverage", 1)),
        "weights": [float(w) for w in weights],
        "variations": [{"key": v["key"], "name": v["name"], "path": path_of(v["key"])}
                       for v in variations],
        "cookie": section.get("cookie") or DEFAULT_COOKIE,
    }
