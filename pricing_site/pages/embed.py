"""The embed page's data (docs/embed.md): the pricing page's calculator region alone (its bill
holds the chosen plan's call to action, carrying the estimate), for a site of another origin to
show in an iframe.

The region is the pricing page's own (``pricing_context``), so the embed prerenders the same
estimate, loads the same runtime and reads the same share-link query.
"""

from .pricing import data_json, pricing_context


def embed_context(catalog, content, link, bundle_urls, origins):
    """What site_src/overrides/embed.html reads: the calculator region under the names the
    pricing page's templates use, and ``origins``, the sites the
    frame may talk to (``site.embed.allowed_origins``)."""
    page = pricing_context(catalog, content, link, bundle_urls)
    return {
        "calculator": page["calculator"],
        "currencies": page["currencies"],
        "period": page["period"],
        "planner": None,  # the budget planner stays on the pricing page: the embed is the bill
        "origins_json": data_json(list(origins)),
    }
