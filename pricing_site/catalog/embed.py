"""``site.embed``: the calculator another site may show in an iframe (docs/embed.md).

Only the origins listed may frame the embed page (its Content-Security-Policy's
``frame-ancestors``); every other page stays unframeable. An origin is a scheme, a host and
perhaps a port, nothing else: a path or a wildcard would either be ignored by browsers or let
any site frame the calculator and trick its visitors into clicks. ``http://`` is refused
except on the loopback host, which browsers treat as secure and tests serve from.
"""

import re

from calculator.errors import Problem

EMBED_PATH = "embed/calculator/"  # where the embed page is served, from the site root
LOADER_PATH = "embed/embed.js"     # the host page's script, at a URL that never changes

_ORIGIN = re.compile(r"https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
                     r"(:[0-9]{1,5})?")
_LOOPBACK = re.compile(r"http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?")


def embed_settings(site):
    """``{"enabled": bool, "origins": [...]}`` from the ``site:`` section (valid or not)."""
    embed = site.get("embed") if isinstance(site, dict) else None
    embed = embed if isinstance(embed, dict) else {}
    origins = embed.get("allowed_origins")
    return {"enabled": embed.get("enabled") is True,
            "origins": [o for o in origins if isinstance(o, str)]
            if isinstance(origins, list) else []}


def origin_problem(origin):
    """Why ``origin`` may not frame the embed, saying what may; None when it may."""
    if origin == "*" or "*" in origin:
        return (f"'{origin}' would let any site frame the calculator (a wildcard is refused); "
                "list each site's origin, like https://www.example.com")
    if _ORIGIN.fullmatch(origin) or _LOOPBACK.fullmatch(origin):
        return None
    if origin.startswith("http://"):
        fault = "http:// is refused (write https://; only localhost may be http://)"
    elif origin.rstrip("/") != origin or "/" in origin.partition("://")[2]:
        fault = "an origin has no path, not even a final '/'"
    elif origin.lower() != origin:
        fault = "write it in lower case, as browsers send it"
    else:
        fault = "it is not an https:// origin of a host and perhaps a port"
    return f"'{origin}' is not an origin: {fault}; like https://www.example.com"


def embed_problems(site):
    """Every problem of ``site.embed`` the schema does not see, each naming its field."""
    embed = site.get("embed") if isinstance(site, dict) else None
    if not isinstance(embed, dict):
        return []
    origins = embed.get("allowed_origins")
    origins = origins if isinstance(origins, list) else []
    problems = [Problem(f"site.embed.allowed_origins[{index}]", fault)
                for index, origin in enumerate(origins)
                if isinstance(origin, str) and (fault := origin_problem(origin))]
    if embed.get("enabled") is True and not origins:
        problems.append(Problem("site.embed.allowed_origins",
                                "an enabled embed needs the origins of the sites that may "
                                "frame it (like https://www.example.com)"))
    return problems
