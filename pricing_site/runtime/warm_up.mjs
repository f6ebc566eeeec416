// Build time, shared by precompile_stdlib.mjs and make_snapshot.mjs: Python source that defines
// warm_up(path), which does what the calculator's worker can ask of the engine once it is
// imported: load the catalog (catalog.json at `path`), quote every plan that is not custom, chart
// each over seats and every metric, and send the requests the engine refuses (not JSON, an
// unknown plan, a bad quantity, an unknown metric), so that every module the engine or its
// errors import is imported too: precompile_stdlib.mjs serves those modules and no others.
export const WARM_UP = `
import json
import calculator
import calculator.browser

def warm_up(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    catalog = calculator.load_catalog(data)
    door = calculator.browser
    plans = [p["id"] for p in data.get("plans", []) if not p.get("custom")]
    for plan in plans:
        door.quote_json(catalog, json.dumps({"plan": plan, "seats": 3, "billing": "annual"}))
        for metric in ["seats", *data.get("metrics", {})]:
            door.curve_json(catalog, json.dumps(
                {"request": {"plan": plan}, "metric": metric, "points": 5}))
    plan = plans[0] if plans else None
    for request in ("{", json.dumps({"plan": "no such plan"}), json.dumps({"plan": plan, "seats": -1}),
                    json.dumps({"plan": plan, "usage": {"no_such_metric": 1}}), "[" * 100 + "]" * 100):
        door.quote_json(catalog, request)
    for payload in ("{", json.dumps({"request": {"plan": plan}, "metric": "no such metric"}),
                    json.dumps({"request": {"plan": plan}})):
        door.curve_json(catalog, payload)
`;
