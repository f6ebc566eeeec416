"""What the JSON Schema cannot check about the site's content, each problem naming its field.

A valid catalog can still build a wrong site: an image or icon that does not exist, a link
to a page that does not exist (it ships as a 404), a comparison cell keyed by a misspelt plan
(that plan's cell silently reads "Not included"), page texts for a page that does not exist
(never used), two "most popular" plans, a calculator request the plan cannot price, a footer
that names another currency than the prices', a tax line for a currency without prices, a markdown page MkDocs would wait on for ever
(a FIFO) or read whole however large (``file_limits``), the estimate's call to action and the
proof near the prices (``cta_checks``). ``validate`` and the build run the
same checks (``content_problems``), on control and on every variation.
"""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
from mkdocs.utils import is_markdown_file

from calculator import QuoteError, quote
from calculator.errors import Problem
from calculator.money import CURRENCIES
from calculator.suggest import did_you_mean

from .content import default_request
from .cta_checks import pricing_cta_problems, pricing_proof_problems
from .embed import embed_problems
from .files import PAGE_LIMIT, FileRefused, check_status, link_out
from .markup import render
from .planner import planner_problems
from .schema import plans_schema
from .url_rules import image_path_problem, link_problem

ICONS = Path(material.__file__).parent / "templates" / ".icons"
LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
GENERATED = {"sitemap.xml", "robots.txt", "404.html"}  # written by the build, not in the sources
# The fields written in Markdown (docs/site-content.md): their links are checked too.
MARKDOWN = re.compile(r"\.(story\.(problem|cost|solution)|story\.steps\[\d+\]"
                      r"|(features|security)\.items\[\d+\])\.text$|\.faq\.items\[\d+\]\.answer$")


def content_problems(catalog, content, roots):
    """Every problem of ``content`` (the pages' texts beside ``catalog``'s prices). ``roots``
    are the folders the site publishes: the docs folder (its markdown files are the site's
    pages, its other files published where they are) and the assets folder (published under
    ``assets/``). The texts are checked whatever the prices' mistakes: ``catalog`` is None
    while they have one, and only the calculator's request, which is priced, waits for it."""
    site = content.site
    pages = _page_paths(Path(roots[0]))
    schema = plans_schema()
    fields = [*_fields(site, schema["properties"]["site"], "site"),
              *(field for index, (_, texts) in enumerate(content.in_order)
                for field in _fields(texts, schema["$defs"]["plan"], f"plans[{index}]"))]
    problems = planner_problems(catalog, content)  # like the request's, once the prices have none
    for path, value, kind in fields:
        if kind == "local_path":
            problems += _image_problems(path, value, roots)
        elif kind == "icon" and not (ICONS / f"{value}.svg").is_file():
            problems.append(Problem(path, f"no icon '{value}' in Material for MkDocs "
                                          "(write it like material/inbox)"))
        elif kind == "link":
            problems += _link_problems(path, value, pages, roots)
        elif MARKDOWN.search(path) and isinstance(value, str):
            problems += _markdown_link_problems(path, value, pages, roots)
    return problems + _page_file_problems(Path(roots[0])) + _page_key_problems(site, pages) + \
        _plan_key_problems(content) + _popular_problems(content) + \
        _request_problems(catalog, content) + _footer_problems(content) + \
        _tax_problems(content) + _language_problems(site) + embed_problems(site) + \
        pricing_cta_problems(catalog, content) + pricing_proof_problems(content)


def _published(path, roots):
    """The source file the site publishes at ``path`` (from the site root), or None: a file of
    the docs folder, or of the assets folder for a path under ``assets/`` (a file elsewhere in
    the sources, ``overrides/x.png`` say, is never published). A site with no assets folder
    of ours (a site of its own, a guest) has the docs folder alone in ``roots``."""
    docs, *assets = (Path(root) for root in roots)
    candidates = [docs / path]
    if path.startswith("assets/"):
        candidates += [folder / path.removeprefix("assets/") for folder in assets]
    return next((file for file in candidates if file.is_file()), None)


def _where(roots):
    docs, *assets = roots
    return f"{docs} or {assets[0]} (for a path under assets/)" if assets else str(docs)


def _fields(value, schema, path):
    """``(path, value, kind)`` for every field in ``value``, ``kind`` the schema's definition
    it is (``link``, ``local_path``, ``icon``) or None: fields are checked for what the schema
    says they are, so a link or image field added to it is checked too."""
    kind = None
    while "$ref" in schema:
        kind = schema["$ref"].rsplit("/", 1)[-1]
        schema = plans_schema()["$defs"][kind]
    if isinstance(value, dict):
        extra = schema.get("additionalProperties")
        for key, child in value.items():
            child_schema = schema.get("properties", {}).get(key, extra)
            yield from _fields(child, child_schema if isinstance(child_schema, dict) else {},
                               f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _fields(child, schema.get("items") or {}, f"{path}[{index}]")
    else:
        yield path, value, kind


def _image_problems(path, image, roots):
    """An image field must name an image file under ``roots``, and not through a symbolic link
    that leads out of them (the site would publish whatever it points at)."""
    if not isinstance(image, str):
        return []
    refused = image_path_problem(image)
    if refused:
        return [Problem(path, refused)]
    file = _published(image, roots)
    if file is None:
        return [Problem(path, f"no file '{image}' in {_where(roots)}")]
    refused = link_out(file, roots)
    return [Problem(path, f"'{image}' {refused}")] if refused else []


def _page_paths(docs):
    """``{markdown file without .md: its URL from the site root}``: index -> "", docs -> docs/,
    legal/index -> legal/ (as MkDocs names pages)."""
    pages = {}
    for file in sorted(docs.rglob("*.md")):
        key = file.relative_to(docs).with_suffix("").as_posix()
        folder, _, name = key.rpartition("/")
        url = f"{folder}/" if name in ("index", "README") and folder else \
            "" if name in ("index", "README") else f"{key}/"
        pages[key] = url
    return pages


def _page_file_problems(docs):
    """Each markdown page under ``docs`` that is no regular file or above PAGE_LIMIT, at its
    first line."""
    problems = []
    for file in sorted(docs.rglob("*")):
        if not is_markdown_file(file.name) or file.is_dir():
            continue
        try:
            check_status(file.stat(), PAGE_LIMIT, "a page")
        except FileRefused as exc:
            problems.append(Problem("", str(exc), str(file), 1, 1))
        except OSError as exc:   # a link to nothing
            problems.append(Problem("", f"cannot read the file: {exc.strerror}", str(file), 1, 1))
    return problems


def _link_problems(path, url, pages, roots, label=""):
    """A link ``url_rules`` allows; a site-relative one (no scheme, not "#..." or "/...") must
    lead to a page (written as its address: ``pricing/``, not ``pricing.md``, which the site
    does not have) or a file. ``label`` starts the message of a refused link."""
    if not isinstance(url, str):
        return []
    refused = link_problem(url)
    if refused:
        return [Problem(path, f"{label}{refused}")]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not parts.path:
        return []
    target = posixpath.normpath(unquote(parts.path))  # ./docs/ -> docs, ./ -> .
    target = "" if target == "." else target
    if target in GENERATED or any(target in (u, u.rstrip("/")) for u in pages.values()):
        return []
    if not target.endswith(".md") and _published(target, roots):
        return []
    page = pages.get(target.removesuffix(".md").removesuffix(".html"))
    hint = f" — write it '{page or './'}'" if page is not None else \
        did_you_mean(target, [u for u in pages.values() if u])
    return [Problem(path, f"no page '{parts.path}' on this site (links to its pages are written "
                          f"as their address from the site root, like pricing/ or "
                          f"legal/terms/){hint}")]


def _markdown_link_problems(path, text, pages, roots):
    found = []
    render(text, found=found)
    return [problem for url in found
            for problem in _link_problems(path, url, pages, roots, "the link ")]


def _page_key_problems(site, pages):
    return [Problem(f"site.pages.{key}", f"no page '{key}' (keys are markdown files without .md: "
                                         f"{', '.join(pages)}){did_you_mean(key, pages)}")
            for key in (site.get("pages") or {}) if key not in pages]


def _plan_key_problems(content):
    """Comparison rows keyed by plan ids: a misspelt id would leave its plan "Not included"."""
    ids = [plan_id for plan_id, _ in content.in_order if plan_id is not None]
    comparison = (content.site.get("pricing") or {}).get("comparison") or {}
    problems = []
    for row, feature in enumerate(comparison.get("features") or ()):
        for key in (feature.get("plans") or {}):
            if key not in ids:
                problems.append(Problem(f"site.pricing.comparison.features[{row}].plans.{key}",
                                        f"no plan '{key}' ({', '.join(ids)}){did_you_mean(key, ids)}"))
    return problems


def _popular_problems(content):
    popular = [i for i, (_, texts) in enumerate(content.in_order) if texts.get("popular") is True]
    return [Problem(f"plans[{i}].popular", f"only one plan can be the most popular; "
                                           f"'{content.in_order[popular[0]][0]}' already is")
            for i in popular[1:]]


def _language_problems(site):
    """A language Material has no interface words for (its build would stop on a missing
    template)."""
    language = site.get("language")
    if language is None or (LANGUAGES / f"{language}.html").is_file():
        return []
    known = sorted(p.stem for p in LANGUAGES.glob("*.html"))
    hint = did_you_mean(language, known) or did_you_mean(language.split("-")[0], known)
    return [Problem("site.language", f"Material for MkDocs has no language '{language}'"
                    f"{hint or ''} (it has {', '.join(known)})")]


def _footer_problems(content):
    """A footer that names another currency than the prices' ("Prices in USD" over euros)."""
    if content.currency is None:
        return []   # the currency's own mistake is told
    footer = content.site.get("footer")
    named = set(re.findall(r"\b[A-Z]{3}\b", footer if isinstance(footer, str) else "")) & set(CURRENCIES)
    return [Problem("site.footer", f"the footer names {code}, but the prices are in "
                                   f"{_prices_in(content)}")
            for code in sorted(named - set(content.currencies))]


def _tax_problems(content):
    """A tax line for a currency the catalog has no prices in would never show (a typo, or a
    price book removed)."""
    pricing = content.pricing
    taxes = pricing.get("tax") if isinstance(pricing, dict) else None
    if content.currency is None or not isinstance(taxes, dict):
        return []   # the currency's own mistake, or the schema's, is told
    return [Problem(f"site.pricing.tax.{code}", f"the prices are in {_prices_in(content)}, not "
                                                f"{code}{did_you_mean(code, content.currencies)}")
            for code in taxes if code not in content.currencies]


def _prices_in(content):
    return " and ".join(content.currencies)


def _request_problems(catalog, content):
    """The calculator's built-in request must be one the engine prices (once the prices
    have no mistake)."""
    if catalog is None:
        return []
    request = default_request(catalog, content)
    if request is None:
        return []
    try:
        quote(catalog, request)
    except QuoteError as exc:
        path = "site.pricing.calculator.request"
        return [Problem(f"{path}.{exc.field}" if exc.field else path, str(exc))]
    return []
