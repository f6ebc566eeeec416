"""Links and image paths: one rule in the JSON Schema and in Python, as a browser reads a URL.

Every link field and every image field is found in the schema, so a new one is tested too;
each refuses every bypass form with a message naming file, line, column and field.
"""

import re
from types import SimpleNamespace

import ada_url
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pricing_site.build import assets as site_assets
from pricing_site.build.site import build_site, content_roots
from pricing_site.catalog import read_catalog
from pricing_site.catalog.schema import plans_schema
from pricing_site.catalog.content_checks import content_problems
from pricing_site.catalog.markup import render
from pricing_site.pages.links import page_linker
from pricing_site.catalog.url_rules import (address_problem, image_path_problem, is_safe_link,
                                    link_problem)
from tests.catalogs import with_content
from tests.site_support import project_copy
from tests.support.links import BYPASSES, GOOD_LINKS, catalog_with, schema_fields

ROOTS = content_roots()
LINK = plans_schema()["$defs"]["link"]["pattern"]
IMAGE = plans_schema()["$defs"]["local_path"]["pattern"]
ADDRESS = plans_schema()["$defs"]["address"]["pattern"]
IMAGES_REFUSED = ["hooks/catalog.py", "plans.yaml", "docs/index.md", "assets/js/experiment.js",
                  "assets/images/logo.svg.html", "assets/images/logo.SVG", "assets/images/logo",
                  "/assets/images/logo.svg", "https://cdn.example/a.png", "//cdn.example/a.png",
                  "assets/../plans.png", "assets/images/my logo.png", "assets/images/a.svg\n",
                  "data:image/svg+xml,<svg/>", ""]
IMAGES = ["assets/images/logo.svg", "assets/images/social-card.png", "a.jpg", "x/y.jpeg",
          "b.gif", "c.webp", "d.avif", "favicon.ico", "assets/images/.png"]
# Characters that make links interesting to a URL parser, and beginnings that steer it.
URL_CHARACTERS = st.sampled_from(list("jJaAvVsShHtTpPmMlLiIoOeE:/\\?#@.+-%&;0 \t\n\r\x00\x01\x1f"
                                      "\x7f\u00a0\u2028é\u017f\u212a"))  # ſ and K fold to s, k
URL_STARTS = st.sampled_from(["", "https:", "https://", "HTTPS://", "mailto:", "tel:", "//", "/",
                              "javascript:", "#", "?", "./", "http://", " ", "\t"])


def _schema_allows(pattern, value):
    return re.search(pattern, value) is not None


@pytest.mark.parametrize("url", BYPASSES + GOOD_LINKS)
def test_the_schema_and_python_agree_on_a_link(url):
    assert _schema_allows(LINK, url) == is_safe_link(url) == (url in GOOD_LINKS)


@settings(max_examples=600, deadline=None)
@given(st.tuples(URL_STARTS, st.text(URL_CHARACTERS, max_size=12)).map("".join))
def test_the_schema_and_python_agree_on_any_link(url):
    assert _schema_allows(LINK, url) == is_safe_link(url)
    assert _schema_allows(ADDRESS, url) == (address_problem(url) is None)


@settings(max_examples=600, deadline=None)
@given(st.tuples(URL_STARTS, st.text(URL_CHARACTERS, max_size=12)).map("".join),
       st.sampled_from(["https://site.example/docs/page/", "http://127.0.0.1:8000/pricing/"]))
def test_a_link_allowed_is_one_a_browser_follows_to_this_site_or_over_https(url, page):
    """Checked with Ada, a WHATWG URL parser (the one Node uses): what passes is, to a browser,
    https, mailto or tel when it names a scheme, else a page of the same site."""
    if not is_safe_link(url):
        return
    try:
        target = ada_url.URL(url, page)
    except ValueError:
        return  # no URL at all: a browser follows nowhere
    base = ada_url.URL(page)
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
        assert target.protocol in ("https:", "mailto:", "tel:"), (url, target.href)
    else:
        assert (target.protocol, target.host) == (base.protocol, base.host), (url, target.href)


@pytest.mark.parametrize("path", IMAGES_REFUSED + IMAGES)
def test_the_schema_and_python_agree_on_an_image_path(path):
    assert _schema_allows(IMAGE, path) == (image_path_problem(path) is None) == (path in IMAGES)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aZ09_./-:\\ \n\x00é") + [
    ".svg", ".png", ".jpg", ".ico", ".PNG", ".py", ".."]), max_size=8).map("".join))
def test_the_schema_and_python_agree_on_any_image_path(path):
    assert _schema_allows(IMAGE, path) == (image_path_problem(path) is None)


def test_a_refused_link_says_why_and_what_is_allowed():
    assert link_problem("java\tscript:alert(1)") == (
        "'java\\tscript:alert(1)' is not allowed: it holds a control character, tab or newline, "
        "which a browser drops (java\\tscript: is javascript:); a link is a page of this site "
        "from the site root (pricing/, docs/#setup, /pricing/, #plans, pricing/?period=annual), "
        "an https:// address, mailto: or tel:")
    assert "the scheme 'JavaScript:' is not allowed" in link_problem("JavaScript:alert(1)")
    assert "(write https://)" in link_problem("http://example.com/")
    assert "another site" in link_problem("//evil.example/")
    assert "backslash" in link_problem("/\\evil.example/")
    assert "needs '//' and a host" in link_problem("https:evil.example")
    assert "starts or ends with a space" in link_problem("pricing/ ")
    assert link_problem("https://example.com/") is None


def _written(tmp_path, data):
    path = tmp_path / "plans.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _refused_at(path, field, errors):
    """The one error, on ``field``, located on the line of the field's own key."""
    assert [e.path for e in errors] == [field], errors
    [error] = errors
    key = field.rsplit(".", 1)[-1]
    assert f"{key}:" in path.read_text(encoding="utf-8").splitlines()[error.line - 1]
    named = field.replace("plans[0].", "plans[0] (p).")   # a plan is named by its id too
    assert str(error).startswith(f"{path}:{error.line}:{error.column}: {named}: ")
    return error.message


def test_the_link_fields_are_found_in_the_schema():
    assert {"plans[0].cta.url", "site.hero.primary_cta.url", "site.cta.secondary_cta.url"} <= \
        set(schema_fields("link"))


def test_every_url_like_field_of_the_schema_is_a_link():
    """A url-looking field with its own rule would escape the link rule (site.url is the site's
    own address: canonical links and the sitemap, never an href the catalog chooses; a list of
    buttons, site.footer_links, is links by its items)."""
    def walk(node, path):
        for key, child in node.get("properties", {}).items():
            yield f"{path}.{key}".lstrip("."), key, child
            yield from walk(child, f"{path}.{key}")
        for name, child in node.get("$defs", {}).items():
            yield from walk(child, f"$defs.{name}")
    urlish = [(path, child) for path, key, child in walk(plans_schema(), "")
              if re.search(r"url|href|link|website|homepage", key, re.I)]
    assert urlish
    for path, child in urlish:
        buttons = child.get("items", {}).get("$ref") == "#/$defs/button"  # each url a link
        assert child.get("$ref") == "#/$defs/link" or buttons or path == "site.url", path


@pytest.mark.parametrize("field", schema_fields("link"))
@pytest.mark.parametrize("url", BYPASSES, ids=repr)
def test_every_link_field_refuses_every_bypass_with_a_located_message(tmp_path, field, url):
    path = _written(tmp_path, catalog_with(field, url))
    read = read_catalog(path, lint=False, roots=ROOTS)
    catalog, errors = read.catalog, read.errors
    message = _refused_at(path, field, errors)
    assert catalog is None and "is not allowed" in message
    assert "an https:// address, mailto: or tel:" in message


def test_the_site_address_refuses_every_bypass_but_plain_http(tmp_path):
    """The site's own address may be http:// (a preview host); nothing else gets through."""
    for url in BYPASSES:
        path = _written(tmp_path, catalog_with("site.url", url))
        read = read_catalog(path, lint=False)
        errors = read.errors
        if url == "http://example.com/":
            assert errors == []
        else:
            assert "the site's address is like https://example.com/" in \
                _refused_at(path, "site.url", errors)


@pytest.mark.parametrize("field", schema_fields("local_path"))
@pytest.mark.parametrize("image", ["hooks/catalog.py", "docs/index.md", "assets/css/site.css"])
def test_every_image_field_refuses_a_file_that_is_not_an_image(tmp_path, field, image):
    """Each is a file under site_src/: once a valid social_image."""
    assert (ROOTS[0].parent / image).is_file()
    path = _written(tmp_path, catalog_with(field, image))
    read = read_catalog(path, lint=False, roots=ROOTS)
    errors = read.errors
    message = _refused_at(path, field, errors)
    assert "it is not an image" in message and ".svg, .png, .jpg" in message


@pytest.mark.parametrize("source, href", [
    ("[a](javascript&#58;alert(1))", "#"), ("[a](&#106;avascript:alert(1))", "#"),
    ("[a](java&#x09;script:alert(1))", "#"), ("[a](java&#x0A;script:alert(1))", "#"),
    ("[a](&#x01;javascript:alert(1))", "#"), ("[a](JaVaScRiPt:alert(1))", "#"),
    ("[a](//evil.example/)", "#"), ("[a](/\\evil.example/)", "#"), ("[a](http://x.example/)", "#"),
    ("[a](https&#58;//x.example/?a=1&b=2)", "https://x.example/?a=1&amp;b=2"),
    ("[a](javascript&amp;#58;alert(1))", "javascript&amp;#58;alert(1)"),  # text, not a scheme
    ("<a@b.c>", "mailto:a@b.c"),
])
def test_a_markdown_link_is_judged_as_the_browser_will_read_it(source, href):
    """Markdown keeps character references in an href, which the browser then decodes."""
    assert re.search(r'href="([^"]*)"', str(render(source))).group(1) == href


def test_a_refused_markdown_link_is_a_located_error(tmp_path):
    data = catalog_with("site.faq.items[0].answer", "Read [this](javascript&#58;alert(1)).")
    data["site"]["faq"]["items"][0]["question"] = "Why?"
    path = _written(tmp_path, data)
    read = read_catalog(path, lint=False, roots=ROOTS)
    errors = read.errors
    message = _refused_at(path, "site.faq.items[0].answer", errors)
    assert message.startswith("the link 'javascript:alert(1)' is not allowed: the scheme")


def test_content_checks_judge_links_even_where_the_schema_is_not_asked():
    data = catalog_with("plans[0].cta.url", "java\tscript:alert(1)")
    [problem] = content_problems(*with_content(data), ROOTS)
    assert problem.path == "plans[0].cta.url" and "control character" in problem.message


def _sources(tmp_path):
    """The content roots (site_src/docs, site_src/assets) with a page and an image, and a folder
    outside them holding secret.svg."""
    docs, images = tmp_path / "site_src" / "docs", tmp_path / "site_src" / "assets" / "images"
    docs.mkdir(parents=True)
    images.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (images / "logo.svg").write_text("<svg/>", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text("SECRET", encoding="utf-8")
    return (docs, docs.parent / "assets"), images, outside


@pytest.mark.parametrize("field", schema_fields("local_path"))
def test_an_image_through_a_symbolic_link_out_of_the_sources_is_refused(tmp_path, field):
    roots, images, outside = _sources(tmp_path)
    (images / "leak.svg").symlink_to(outside / "secret.svg")
    (images / "kit").symlink_to(outside, target_is_directory=True)
    (images / "alias.svg").symlink_to(images / "logo.svg")  # inside: fine
    for image in ("assets/images/leak.svg", "assets/images/kit/secret.svg"):
        path = _written(tmp_path, catalog_with(field, image))
        read = read_catalog(path, lint=False, roots=roots)
        errors = read.errors
        message = _refused_at(path, field, errors)
        assert message.startswith(f"'{image}' leads to {outside / 'secret.svg'} through a "
                                  "symbolic link, outside ")
    path = _written(tmp_path, catalog_with(field, "assets/images/alias.svg"))
    assert read_catalog(path, lint=False, roots=roots).errors == []


@pytest.mark.e2e
@pytest.mark.parametrize("link, refused", [("assets/images/leak.svg", True),
                                           ("docs/shared", True),
                                           ("assets/images/kit", False)])  # assets: not walked
def test_a_build_publishes_nothing_through_a_symbolic_link_out_of_the_sources(
        tmp_path, monkeypatch, capsys, link, refused):
    """Named in plans.yaml or not, a file or folder that leads out is never published: the
    build stops, naming it, or (a folder of assets, which the build does not walk) skips it."""
    project = project_copy(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text("SECRET", encoding="utf-8")
    (project / "site_src" / link).symlink_to(outside / "secret.svg" if link.endswith(".svg")
                                             else outside)
    monkeypatch.setattr(site_assets, "ASSETS", project / "site_src" / "assets")
    out = tmp_path / "site"
    status = build_site(str(project / "plans.yaml"), out=str(out),
                        config_file=project / "mkdocs.yml")
    err = capsys.readouterr().err
    if refused:
        assert status == 1 and not out.exists() and "Traceback" not in err
        assert f"{project / 'site_src' / link}" in err
        assert f"leads to {outside / 'secret.svg'} through a symbolic link" in err
    else:
        assert status == 0
        assert not [f for f in out.rglob("*") if f.is_file() and b"SECRET" in f.read_bytes()]


@pytest.mark.parametrize("url", BYPASSES + GOOD_LINKS, ids=repr)
def test_the_pages_write_no_refused_link_even_unvalidated(url):
    """Every link a page writes from plans.yaml goes through ``page_linker``."""
    link = page_linker(SimpleNamespace(url="pricing/"))
    assert (link(url) == "#") == (url in BYPASSES)
    assert link("docs/") == "../docs/"
