"""What the schema cannot check about the site's content, as ``validate`` and the build see it:
each mistake is an error naming its field and line, in control and inside a variation's patch.
"""

import os
import subprocess
import sys

import pytest
import yaml

from pricing_site.build.site import build_site, content_roots
from pricing_site.catalog import read_catalog
from pricing_site.catalog.content_checks import _page_paths, content_problems
from pricing_site.catalog.files import PAGE_LIMIT
from tests.catalogs import with_content
from tests.site_support import DEMO, ROOT, project_copy

ROOTS = content_roots()


def _demo():
    return yaml.safe_load(DEMO.read_text(encoding="utf-8"))


def _rename_key(mapping, old, new):
    mapping[new] = mapping.pop(old)


# (what is changed in the demo, the field named, words of the message)
CASES = [
    (lambda d: d["site"]["hero"]["image"].update(src="assets/images/nope.svg"),
     "site.hero.image.src", "no file 'assets/images/nope.svg'"),
    (lambda d: d["site"]["features"]["items"][0].update(icon="material/apii"),
     "site.features.items[0].icon", "no icon 'material/apii'"),
    (lambda d: d["site"]["hero"]["secondary_cta"].update(url="pricng/"),
     "site.hero.secondary_cta.url", "no page 'pricng/' on this site"),
    (lambda d: d["site"]["faq"]["items"][0].update(answer="See [the docs](dcos/#setup)."),
     "site.faq.items[0].answer", "no page 'dcos/' on this site (links to its pages are written "
                                 "as their address from the site root, like pricing/ or "
                                 "legal/terms/) — did you mean 'docs/'?"),
    (lambda d: d["plans"][0]["cta"].update(url="signup/"),
     "plans[0].cta.url", "no page 'signup/'"),
    (lambda d: _rename_key(d["site"]["pages"], "pricing", "pricng"),
     "site.pages.pricng", "no page 'pricng' (keys are markdown files without .md:"),
    (lambda d: _rename_key(d["site"]["pricing"]["comparison"]["features"][0]["plans"], "free", "fre"),
     "site.pricing.comparison.features[0].plans.fre",
     "no plan 'fre' (free, team, business, enterprise) — did you mean 'free'?"),
    (lambda d: d["plans"][2].update(popular=True),
     "plans[2].popular", "only one plan can be the most popular; 'team' already is"),
    (lambda d: d["site"]["pricing"]["calculator"].update(request={"plan": "teams", "seats": 10}),
     "site.pricing.calculator.request.plan", "Unknown plan 'teams'"),
    (lambda d: d["site"]["pricing"]["calculator"].update(request={"plan": "free", "seats": 10}),
     "site.pricing.calculator.request.seats", "Free"),
    (lambda d: _rename_key(d["site"]["pricing"]["planner"]["growth"], "seats", "sheets"),
     "site.pricing.planner.growth.sheets",
     "not a quantity the planner grows — did you mean 'seats'? (it grows seats, api_calls, "
     "storage_gb)"),
    # the demo in euros alone (its yearly-push variation prices a euro book: gone too)
    (lambda d: (d.pop("price_books"), d["site"]["pricing"].pop("tax"), d.pop("variants"),
                d.update(currency="EUR")),
     "site.footer", "the footer names USD, but the prices are in EUR"),
    (lambda d: d["site"]["pricing"]["tax"].update(GBP="Prices exclude VAT."),
     "site.pricing.tax.GBP", "the prices are in USD and EUR, not GBP"),
    (lambda d: d["site"].update(language="pt-br"),
     "site.language", "Material for MkDocs has no language 'pt-br' — did you mean 'pt-BR'?"),
    (lambda d: d["site"].update(language="xx"),
     "site.language", "no language 'xx' (it has af, ar, "),
    # the estimate's call to action: two parts under one name, ids expanded
    (lambda d: d["site"]["pricing"]["cta_params"].update(plan="viewer", seat_kinds="{id}"),
     "site.pricing.cta_params.seat_kinds",
     "'{id}' gives the parameter 'viewer' for the seat kind 'viewer', which 'plan' already gives"),
    (lambda d: d["site"]["pricing"]["cta_params"].update(seats="seat count"),
     "site.pricing.cta_params.seats", "'seat count' is not a parameter name"),
    (lambda d: d["site"]["pricing"]["cta_params"].update(usage="usage"),
     "site.pricing.cta_params.usage", "'usage' needs {id} once"),
    (lambda d: d["site"]["header"]["cta"].update(url="javascript:alert(1)"),
     "site.header.cta.url", "javascript"),
    (lambda d: d["site"]["footer_links"][0].update(url="legal/term/"),
     "site.footer_links[0].url", "no page 'legal/term/'"),
    # proof near the prices is the landing page's
    (lambda d: d["site"]["pricing"]["proof"].update(testimonial=9),
     "site.pricing.proof.testimonial", "there is no testimonial 9: site.proof.testimonials has 3"),
    (lambda d: d["site"]["proof"].pop("logos"),
     "site.pricing.proof.logos", "there are no logos to show"),
]


@pytest.mark.parametrize("change, field, words", CASES, ids=[c[1] for c in CASES])
def test_a_content_mistake_is_a_located_error(tmp_path, change, field, words):
    data = _demo()
    change(data)
    path = tmp_path / "plans.yaml"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path, lint=False, roots=ROOTS)
    catalog, errors = read.catalog, read.errors
    assert catalog is None
    assert [e.path for e in errors] == [field]
    assert words in errors[0].message
    key = field.rsplit(".", 1)[-1].split("[")[0]
    assert key in text.splitlines()[errors[0].line - 1], "located on the field's own line"


@pytest.mark.parametrize("url, hint", [
    ("pricing.md", "write it 'pricing/'"), ("legal/terms.md", "write it 'legal/terms/'"),
    ("index", "write it './'"), ("index.md", "write it './'"), ("../pricing/", "'pricing/'"),
])
def test_a_link_by_file_name_is_refused_with_its_address(url, hint):
    """The site has no .md files: such a link would ship as a 404."""
    data = _demo()
    data["site"]["hero"]["secondary_cta"]["url"] = url
    [problem] = content_problems(*with_content(data), ROOTS)
    assert problem.path == "site.hero.secondary_cta.url" and hint in problem.message


def test_an_image_must_be_a_file_the_site_publishes(tmp_path):
    """An image under site_src/ but outside docs/ and assets/ is never published: the page
    would show a broken image (it passed validation before, as the roots were docs/ and all
    of site_src/)."""
    assert ROOTS == (ROOT / "site_src" / "docs", ROOT / "site_src" / "assets")
    docs, assets = tmp_path / "docs", tmp_path / "assets"
    (docs / "img").mkdir(parents=True)
    (assets / "images").mkdir(parents=True)
    (tmp_path / "overrides").mkdir()
    for file in (docs / "img" / "a.png", assets / "images" / "b.png", tmp_path / "overrides" / "c.png"):
        file.write_bytes(b"\x89PNG")
    data = _demo()
    found = {}
    for image in ("img/a.png", "assets/images/b.png", "overrides/c.png", "assets/../overrides/c.png"):
        data["site"]["hero"]["image"]["src"] = image
        found[image] = [p.message for p in content_problems(*with_content(data), (docs, assets))
                        if p.path == "site.hero.image.src"]
    assert found["img/a.png"] == [] and found["assets/images/b.png"] == []
    assert found["overrides/c.png"] == [f"no file 'overrides/c.png' in {docs} or {assets} "
                                        "(for a path under assets/)"]
    assert "it holds '..'" in found["assets/../overrides/c.png"][0]


def test_links_to_pages_files_and_other_sites_pass():
    data = _demo()
    links = ["pricing/", "pricing/#faq", "legal/terms/", "docs/", "about/?from=home", "#plans",
             "/pricing/", "https://example.com/x/", "mailto:a@b.c", "assets/images/logo.svg",
             "./", "./docs/", "docs", "assets/images/logos/north%77ind.svg", "sitemap.xml"]
    data["site"]["faq"]["items"][0]["answer"] = " ".join(f"[{i}]({u})" for i, u in enumerate(links))
    data["site"]["hero"]["secondary_cta"]["url"] = "legal/privacy/"
    assert content_problems(*with_content(data), ROOTS) == []


def test_a_mistake_in_a_variation_points_at_its_patch_line(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace(
        "            headline: Pay yearly, save 25% on every seat\n",
        "            headline: Pay yearly, save 25% on every seat\n"
        "            comparison: {features: [{label: Inboxes, plans: {tem: Unlimited}}]}\n")
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path, lint=False, roots=ROOTS)
    errors = read.errors
    assert [e.path for e in errors] == [
        "[variant yearly-push] site.pricing.comparison.features[0].plans.tem"]
    assert "{tem: Unlimited}" in text.splitlines()[errors[0].line - 1]


def test_the_build_stops_on_a_request_the_plan_cannot_price(tmp_path, capsys):
    data = _demo()
    data["site"]["pricing"]["calculator"]["request"] = {"plan": "teams", "seats": 10}
    path = tmp_path / "plans.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert build_site(str(path), out=str(tmp_path / "site")) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "site.pricing.calculator.request.plan: Unknown plan 'teams'" in err
    assert "Traceback" not in err and err.count("Unknown plan 'teams'") == 1


def test_validate_reports_what_the_build_would_refuse(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace("icon: material/inbox-multiple",
                                                    "icon: material/apii", 1)
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pricing_site.cli", "validate", str(path)],
                          capture_output=True, text=True, timeout=120)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "material/apii" in row)
    assert done.returncode == 1
    assert f"{path}:{line}:" in done.stdout and "no icon 'material/apii'" in done.stdout


def test_pages_are_named_as_mkdocs_names_them(tmp_path):
    for name in ("index.md", "api-index.md", "legal/index.md", "legal/terms.md", "guide/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n")
    assert _page_paths(tmp_path) == {"index": "", "api-index": "api-index/", "legal/index": "legal/",
                                     "legal/terms": "legal/terms/", "guide/README": "guide/"}


# (how the page is made, the message): MkDocs reads every markdown page whole, and waited for
# ever on a FIFO or read /dev/zero until the memory ran out
PAGE_FILES = [
    (lambda page: page.write_bytes(b"") or os.truncate(page, PAGE_LIMIT + 1),
     "the file is 1.1 MB, larger than the 1 MB a page may be"),
    (os.mkfifo, "this is a named pipe (FIFO), not a file: a page is read from a regular file"),
    (lambda page: page.symlink_to("/dev/zero"),
     "this is a device (like /dev/zero), not a file: a page is read from a regular file"),
    (lambda page: page.symlink_to(page.with_name("gone.md")),
     "cannot read the file: No such file or directory"),
]


@pytest.mark.parametrize("make, words", PAGE_FILES,
                         ids=["too large", "FIFO", "/dev/zero", "a link to nothing"])
def test_a_page_that_is_no_file_or_too_large_is_a_located_error(tmp_path, make, words):
    docs = project_copy(tmp_path) / "site_src" / "docs"
    page = docs / "legal" / "huge.md"
    make(page)
    read = read_catalog(tmp_path / "plans.yaml", lint=False, roots=(docs, docs.parent / "assets"))
    errors = read.errors
    assert [str(e) for e in errors] == [f"{page}:1:1: (top level): {words}"]


def test_the_build_stops_on_a_page_too_large(tmp_path, capsys):
    page = project_copy(tmp_path) / "site_src" / "docs" / "about.md"
    with page.open("a", encoding="utf-8") as text:
        text.write("Lorem ipsum dolor sit amet.\n" * (PAGE_LIMIT // 28 + 1))
    out = tmp_path / "site"
    assert build_site(str(tmp_path / "plans.yaml"), out=str(out),
                      config_file=tmp_path / "mkdocs.yml") == 1
    err = capsys.readouterr().err
    assert f"{page}:1:1: (top level): the file is 1.1 MB, larger than the 1 MB a page may be" in err
    assert "Traceback" not in err and not out.exists()
