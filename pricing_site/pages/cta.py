"""From an estimate to a sign-up: the chosen plan's call to action carrying the estimate.

``site.pricing.cta_params`` names, for each part of an estimate the marketer wants carried,
the query parameter the sign-up form reads (``{plan: plan, seats: seats, usage: "usage_{id}"}``;
``{id}`` is a metric's, seat kind's or add-on's id). The values are the quote's request, as
the engine read it, so the form gets what the bill priced. A ``mailto:`` link (contact sales)
gets the same as readable lines of its body instead.

The page prerenders the default estimate's links with this module; for every later quote
``site_src/assets/calculator/cta.js`` does the same steps on the same quote dict, and
``tests/site/test_estimate_cta.py`` holds the two to the same bytes.
"""

from urllib.parse import quote as _encode
from urllib.parse import unquote, unquote_plus

# What an estimate can carry, in the order a URL lists it: a part and where its value is.
SCALARS = ("plan", "seats", "billing", "currency", "commitment", "promotion")
PER_ID = ("usage", "seat_kinds", "addons")
FIELDS = SCALARS + PER_ID
ID_HOLE = "{id}"


def encode(text):
    """``text`` as JavaScript's encodeURIComponent writes it (the browser side must match)."""
    return _encode(text, safe="-_.!~*'()")


def estimate_params(quote, params):
    """``[(name, value)]``: what ``quote`` (a ``to_dict()``) carries under the parameter names
    ``params`` gives, in FIELDS' order, each part's ids in the request's order."""
    request = quote["request"]
    values = {"plan": quote["plan"], "seats": request.get("seats"), "billing": quote["billing"],
              "currency": quote["currency"], "promotion": request.get("promotion"),
              "commitment": {True: 1}.get(request.get("commitment"), request.get("commitment"))}
    addons = {addon_id: 1 for addon_id in request.get("addons") or ()}
    addons.update(request.get("addon_quantities") or {})
    per_id = {"usage": request.get("usage") or {}, "seat_kinds": request.get("seat_kinds") or {},
              "addons": addons}
    carried = []
    for part in FIELDS:
        name = params.get(part)
        if not name:
            continue
        if part in per_id:
            carried += [(name.replace(ID_HOLE, key), str(value))
                        for key, value in per_id[part].items()]
        elif values[part] not in (None, False, ""):
            carried.append((name, str(values[part])))
    return carried


def with_estimate(url, quote, params):
    """``url`` carrying ``quote``'s estimate: its query parameters of the same names replaced
    (a form link), or lines added to its body (a ``mailto:``)."""
    carried = estimate_params(quote, params)
    if not carried:
        return url
    url, hash_mark, fragment = url.partition("#")
    base, _, query = url.partition("?")
    pieces = [piece for piece in query.split("&") if piece]
    if base[:7].lower() == "mailto:":
        body = [unquote(p.partition("=")[2]) for p in pieces if _key(p) == "body"]  # "+" is "+" here
        lines = "\r\n".join(f"{name}: {value}" for name, value in carried)
        text = f"{body[0]}\r\n\r\n{lines}" if body else lines
        pieces = [p for p in pieces if _key(p) != "body"] + [f"body={encode(text)}"]
    else:
        names = {name for name, _ in carried}
        pieces = [p for p in pieces if _key(p) not in names]
        pieces += [f"{encode(name)}={encode(value)}" for name, value in carried]
    return f"{base}?{'&'.join(pieces)}{hash_mark}{fragment}"


def _key(piece):
    return unquote_plus(piece.partition("=")[0])


def cta_config(catalog, content, link):
    """What cta.js needs: the parameter names, each plan's call to action (its label and the
    URL as the page links it) and where contact sales goes."""
    plans = {}
    for plan in catalog.plans:
        cta = content.plan(plan.id).get("cta")
        if cta:
            plans[plan.id] = {"label": cta["label"], "url": link(cta["url"])}
    return {"params": dict(content.pricing.get("cta_params") or {}), "plans": plans,
            "contact": contact_url(catalog, content, link)}


def contact_url(catalog, content, link):
    """Where a contact-sales result points: the first custom plan's call to action."""
    for plan in catalog.plans:
        if plan.custom and "cta" in content.plan(plan.id):
            return link(content.plan(plan.id)["cta"]["url"])
    return "#plans"


def estimate_ctas(config, quote):
    """The estimate's two links, prerendered: ``{"plan": {"label", "url"} or None,
    "contact": url}`` (the page shows the plan's for a priced bill, contact sales otherwise)."""
    cta = config["plans"].get(quote["plan"])
    return {"plan": cta and {"label": cta["label"],
                             "url": with_estimate(cta["url"], quote, config["params"])},
            "contact": with_estimate(config["contact"], quote, config["params"])}
