"""What a link or an image path in plans.yaml may be: one judge for validation and the pages.

A browser reads an href loosely (the WHATWG URL standard): it strips leading and trailing
control characters and spaces, drops every tab and newline, reads the scheme in any case up to
the first ":", and a "\\" as "/". So ``" JavaScript:x"``, ``"java\\tscript:x"`` and
``"\\x01javascript:x"`` are javascript: links, and ``"/\\evil.example"`` is another site.
Rather than clean a link as a browser would, a link it would clean is refused; the rest is read
as written, scheme case-folded, and only https:// addresses, mailto:, tel: and paths of this
site pass (not ``//host``: another site, by whatever scheme the page has). The JSON Schema's
``link``, ``address`` (site.url) and ``local_path`` patterns say the same (tests run both over
the same tables); the pages write "#" for a refused link, should one get past validation.
"""

import re

from calculator.errors import shown

LINKS = ("a page of this site from the site root (pricing/, docs/#setup, /pricing/, #plans, "
         "pricing/?period=annual), an https:// address, mailto: or tel:")
LINK_SCHEMES = {"https", "mailto", "tel"}
# What an <img>, an og:image and a host's Content-Type by extension all agree is an image.
IMAGE_TYPES = ("svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")  # as a browser reads one: up to the first ":"
_CLEANED = re.compile(r"[\x00-\x1f\x7f\\]")          # what a browser drops or rereads
_NOT_IN_PATH = re.compile(r"[^A-Za-z0-9_./-]")
_ADDRESS = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?")


def quoted(text):
    """``text`` quoted, control characters written as escapes (a tab as \\t) so a message
    shows what is there."""
    return f"'{shown(text)}'"


def is_safe_link(url):
    """True when ``url`` may be written into an href."""
    return _link_fault(url) is None


def link_problem(url):
    """Why ``url`` may not be a link, saying what may be; None when it may."""
    fault = _link_fault(url)
    return None if fault is None else f"{quoted(url)} is not allowed: {fault}; a link is {LINKS}"


def _link_fault(url):
    fault = _cleaning_fault(url)
    if fault:
        return fault
    scheme = _SCHEME.match(url)
    if scheme is None:
        return "'//' starts another site's address (write https://)" if url.startswith("//") \
            else None
    name, rest = scheme.group(1).lower(), url[scheme.end():]
    if name not in LINK_SCHEMES:
        return f"the scheme '{scheme.group(1)}:' is not allowed" + \
            (" (write https://)" if name == "http" else "")
    if name == "https" and not re.match(r"//[^/?# ]", rest):
        return "an https: address needs '//' and a host (https://example.com/)"
    return None if rest else f"'{scheme.group()}' needs an address after it"


def address_problem(url):
    """Why ``url`` may not be the site's own public address; None when it may."""
    fault = _cleaning_fault(url)
    if not fault and not _ADDRESS.fullmatch(url):
        fault = ("it is not an http:// or https:// address of a host, port and path alone "
                 "(Material prints it unescaped in every page's canonical link)")
    return None if fault is None else \
        f"{quoted(url)} is not allowed: {fault}; the site's address is like https://example.com/"


def _cleaning_fault(url):
    """What a browser would strip, drop or read otherwise in ``url``, if anything."""
    if not isinstance(url, str) or not url:
        return "it is empty"
    cleaned = _CLEANED.search(url)
    if cleaned and cleaned.group() == "\\":
        return "a browser reads a backslash as '/' (write '/')"
    if cleaned:
        return "it holds a control character, tab or newline, which a browser drops " \
               "(java\\tscript: is javascript:)"
    if url != url.strip(" "):
        return "it starts or ends with a space, which a browser strips"
    return None


def image_path_problem(path):
    """Why ``path`` may not name an image of this site, saying what may; None when it may."""
    fault = _image_fault(path)
    types = ", ".join(f".{kind}" for kind in IMAGE_TYPES)
    return None if fault is None else \
        f"{quoted(path)} is not allowed: {fault}; an image is a file of this site named from " \
        f"the site root, like assets/images/hero.svg, of type {types}"


def _image_fault(path):
    if not isinstance(path, str) or not path:
        return "it is empty"
    if _SCHEME.match(path) or path.startswith("//"):
        return "it is an address (the site loads nothing from another origin)"
    if path.startswith("/"):
        return "it starts with '/'"
    if ".." in path:
        return "it holds '..'"
    other = _NOT_IN_PATH.search(path)
    if other:
        return f"it holds {quoted(other.group())} (letters, digits, _ . / - only)"
    if not path.endswith(tuple(f".{kind}" for kind in IMAGE_TYPES)):
        return "it is not an image (the type is its lowercase extension)"
    return None
