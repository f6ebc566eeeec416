"""The landing page's sections as plain dicts, in the classic order of a SaaS landing page.

First impression (hero), story, more reasons (features, integrations, security), social
proof, FAQ, closing call to action. A section missing from plans.yaml is simply absent
from the result, so its partial renders nothing. Markdown fields become safe ``Markup``;
every other field stays a plain string that the templates escape.
"""

from pricing_site.catalog.markup import render

from .words import _

ORDER = ("hero", "story", "features", "integrations", "security", "proof", "faq", "cta")
STORY_PARTS = ("problem", "cost", "solution")


def button(data, link):
    """A CTA as ``{"label", "url"}`` with a site-relative url made relative to the page."""
    return {"label": data["label"], "url": link(data["url"])} if data else None


def _titled(item, link):
    return {"icon": item.get("icon"), "title": item["title"], "text": render(item["text"], link)}


def _hero(data, link):
    out = dict(data)
    for key in ("primary_cta", "secondary_cta"):
        out[key] = button(data.get(key), link)
    return out


def _story(data, link):
    return {
        "title": data.get("title"),
        "parts": [dict(_titled(data[k], link), kind=k) for k in STORY_PARTS if k in data],
        "steps": [_titled(s, link) for s in data.get("steps", ())],
        "results": [{"value": str(r["value"]), "label": r["label"]} for r in data.get("results", ())],
    }


def _grid(data, link):
    return {"title": data.get("title"), "subtitle": data.get("subtitle"),
            "items": [_titled(i, link) for i in data["items"]]}


def _integrations(data, link):
    return {"title": data.get("title"), "subtitle": data.get("subtitle"),
            "items": [{"name": i["name"], "text": i.get("text", ""), "logo": i.get("logo"),
                       "initial": i["name"][:1].upper()} for i in data["items"]]}


def _initials(name):
    return "".join(part[0] for part in name.split()[:2]).upper()


def _proof(data, link):
    return {"title": data.get("title"), "logos": list(data.get("logos", ())),
            "stats": [{"value": str(s["value"]), "label": s["label"]} for s in data.get("stats", ())],
            "testimonials": [dict(t, initials=_initials(t["name"]))
                             for t in data.get("testimonials", ())]}


def pricing_proof(site, wanted):
    """The landing page's proof shown near the prices, as ``site.pricing.proof`` picks it
    (``wanted``): ``{"logos", "testimonial", "badges"}`` (the security items' icons and
    titles), or None when it picks nothing."""
    proof = _proof(site.get("proof") or {}, None)
    index = (wanted or {}).get("testimonial")
    picked = {
        "logos": proof["logos"] if (wanted or {}).get("logos") else [],
        "testimonial": proof["testimonials"][index - 1] if index else None,
        "badges": [{"icon": item.get("icon"), "title": item["title"]}
                   for item in (site.get("security") or {}).get("items", ())]
                  if (wanted or {}).get("badges") else [],
    }
    return picked if any(picked.values()) else None


def faq(data, link):
    """FAQ items with their answers rendered from Markdown (shared by both pages)."""
    if not data:
        return None
    return {"title": data["title"] if "title" in data else _("Frequently asked questions"),
            "items": [{"question": i["question"], "answer": render(i["answer"], link)}
                      for i in data["items"]]}


def _cta(data, link):
    return {"headline": data["headline"], "text": data.get("text"),
            "primary_cta": button(data.get("primary_cta"), link),
            "secondary_cta": button(data.get("secondary_cta"), link)}


BUILDERS = {"hero": _hero, "story": _story, "features": _grid, "integrations": _integrations,
            "security": _grid, "proof": _proof, "faq": faq, "cta": _cta}


def landing_sections(site, link):
    """``{section: data}`` for the sections present in ``site``, plus ``order``."""
    sections = {name: BUILDERS[name](site[name], link) for name in ORDER if site.get(name)}
    sections["order"] = [name for name in ORDER if name in sections]
    return sections


def landing_context(content, link):
    """The landing page's sections from the ``site:`` content."""
    return landing_sections(content.site, link)
