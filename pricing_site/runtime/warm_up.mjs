// Build time, shared by precompile_stdlib.mjs and make_snapshot.mjs: Python source that defines
// warm_up(path), which does what the calculator's worker does once the engine is imported: load
// the catalog (catalog.json at `path`), a quote on the first plan that is not custom, and a short
// cost curve, so every module the engine imports lazily is imported too.
export const WARM_UP = `
import json
import calculator
import calculator.browser

def warm_up(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    catalog = calculator.load_catalog(data)
    plan = next((p["id"] for p in data.get("plans", []) if not p.get("custom")), None)
    calculator.browser.quote_json(catalog, json.dumps({"plan": plan}))
    for metric in list(data.get("metrics", {}))[:1]:
        calculator.browser.curve_json(catalog, json.dumps(
            {"request": {"plan": plan}, "metric": metric, "points": 5}))
`;
