"""What every page's header and footer link to, from ``site.header`` and ``site.footer_links``:
the main call to action and sign-in in the header, terms, privacy, security, status in the
footer. Material draws the header and footer; site_src/overrides adds these to them."""

from .landing import button


def page_links(content, link):
    """``{"cta", "sign_in", "footer"}`` for one page (``link`` makes its URLs the page's):
    each a ``{label, url}`` or None, ``footer`` a list."""
    header = content.site.get("header") or {}
    return {"cta": button(header.get("cta"), link), "sign_in": button(header.get("sign_in"), link),
            "footer": [button(item, link) for item in content.site.get("footer_links") or ()]}
