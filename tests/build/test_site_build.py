"""Building from other catalogs: hostile text, the smallest catalog, a broken catalog.

Each builds into a temporary folder through ``build_site``, as ``pricing-site build`` does.
"""

import shutil

import pytest
import yaml

from pricing_site.build.site import build_site
from tests.site_support import DEMO, demo_site, parse, project_copy
from tests.support.paths import one_language

pytestmark = pytest.mark.e2e  # every test builds a site

ATTACK = "<script>alert(1)</script>"


def _write(path, data):
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _demo_data():
    return one_language(yaml.safe_load(DEMO.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The demo with a script tag in text fields, a markdown answer, a title and a plan name."""
    data = _demo_data()
    site = data["site"]
    site["hero"]["headline"] = f"Fast {ATTACK} inbox"
    site["pages"]["index"]["description"] = f'Say "hi" {ATTACK}'
    site["faq"]["items"][0]["answer"] = f"Raw {ATTACK} and [a link](pricing/)"  # javascript:
    # links stop the build (tests/test_url_rules.py); built anyway, none reaches a page
    # (tests/test_hostile_links.py)
    site["proof"]["testimonials"][0]["name"] = f"Eve {ATTACK}"
    data["plans"][1]["features"][0] = ATTACK
    base = tmp_path_factory.mktemp("hostile")
    out = base / "site"
    assert build_site(str(_write(base / "plans.yaml", data)), out=str(out)) == 0
    return out


def test_script_in_a_text_field_shows_as_text(hostile_site):
    html = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert ATTACK not in html
    doc = parse(hostile_site / "index.html")
    assert doc.find("h1").text == f"Fast {ATTACK} inbox"
    assert ATTACK in doc.find("section", id="proof").text
    scripts = [s for s in doc.find_all("script") if "alert" in s.text]
    assert scripts == []


def test_script_in_markdown_and_meta_is_escaped(hostile_site):
    doc = parse(hostile_site / "index.html")
    answer = doc.find("section", id="faq").by_class("rk-faq__answer")[0]
    assert ATTACK in answer.text
    assert [a.attrs["href"] for a in answer.find_all("a")] == ["pricing/"]
    descriptions = [m.attrs["content"] for m in doc.find_all("meta")
                    if m.attrs.get("name") == "description" or m.attrs.get("property") == "og:description"]
    assert descriptions and all(d == f'Say "hi" {ATTACK}' for d in descriptions)


def test_script_in_a_plan_feature_is_text_on_the_pricing_page(hostile_site):
    doc = parse(hostile_site / "pricing" / "index.html")
    card = doc.find("article", id="plan-team")
    assert ATTACK in card.text
    assert not [s for s in doc.find_all("script") if "alert" in s.text]


def test_one_plan_and_no_optional_sections_still_builds_a_sensible_site(tmp_path):
    catalog = {"currency": "EUR", "plans": [
        {"id": "solo", "name": "Solo", "price": {"flat": 9, "seats": {"unit": 4}}}]}
    out = tmp_path / "site"
    assert build_site(str(_write(tmp_path / "plans.yaml", catalog)), out=str(out)) == 0
    home = parse(out / "index.html")
    assert [s for s in home.find_all("section") if "data-section" in s.attrs] == []
    assert home.find("title").text  # the site name from mkdocs.yml
    assert [h.text for h in home.find_all("h1")] == [home.find("title").text.split(" - ")[-1]
                                                     .strip()]  # no hero: the page still has one
    pricing = parse(out / "pricing" / "index.html")
    assert [c.attrs["id"] for c in pricing.by_class("rk-card")] == ["plan-solo"]
    assert pricing.find(data_testid="price-solo-monthly").text == "€9.00 + €4/seat"
    assert pricing.find(data_testid="calculator-total").text
    assert pricing.find("section", id="compare").find("table")
    assert pricing.find("section", id="pricing-faq") is None
    assert (out / "about" / "index.html").exists()


def test_a_catalog_error_stops_the_build_with_a_located_message(tmp_path, capsys):
    out = tmp_path / "site"
    shutil.copytree(demo_site(), out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    data = _demo_data()
    data["plans"][1]["price"]["seats"]["tiers"][1]["unit"] = "forty"
    data["site"]["hero"]["colour"] = "red"
    bad = _write(tmp_path / "plans.yaml", data)
    assert build_site(str(bad), out=str(out)) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "plans[1] (team).price.seats.tiers[1].unit" in err
    assert "site.hero.colour" in err and "Traceback" not in err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_image_stops_the_build_naming_the_field(tmp_path, capsys):
    data = _demo_data()
    data["site"]["hero"]["image"]["src"] = "assets/images/nope.svg"
    out = tmp_path / "site"
    assert build_site(str(_write(tmp_path / "plans.yaml", data)), out=str(out)) == 1
    err = capsys.readouterr().err
    assert "site.hero.image.src" in err and "nope.svg" in err and ":1:1:" not in err
    assert not out.exists()


def test_an_unknown_variant_is_refused_with_the_known_ones(tmp_path, capsys):
    assert build_site(str(DEMO), out=str(tmp_path / "s"), variant="b") == 1
    assert "no variation 'b' (known: control, yearly-push, business-first)" in capsys.readouterr().err


@pytest.mark.parametrize("front, words", [
    ("title: About: us [", "about.md:2:"),
    ("- a list", "about.md:2:1: the front matter must be 'key: value' lines, got list"),
])
def test_a_page_whose_front_matter_is_broken_stops_the_build(tmp_path, capsys, front, words):
    """MkDocs shows front matter it cannot read as text on the page; the build stops instead."""
    page = project_copy(tmp_path) / "site_src" / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: About", front, 1),
                    encoding="utf-8")
    out = tmp_path / "site"
    assert build_site(str(tmp_path / "plans.yaml"), out=str(out),
                      config_file=tmp_path / "mkdocs.yml") == 1
    err = capsys.readouterr().err
    assert words in err and "the front matter" in err and "Traceback" not in err
    assert not out.exists()


def test_material_tooltips_are_refused_at_their_line_of_mkdocs_yml(tmp_path, capsys):
    """Material's tooltips parse a title as HTML: the site name in the header would run."""
    config = project_copy(tmp_path) / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("    - navigation.top\n",
                                                      "    - navigation.top\n    - content.tooltips\n", 1)
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    - content.tooltips") + 1
    out = tmp_path / "site"
    assert build_site(str(tmp_path / "plans.yaml"), out=str(out), config_file=config) == 1
    err = capsys.readouterr().err
    assert f"{config}:{line}:7: theme.features: 'content.tooltips' cannot be used" in err
    assert "as script" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("anchor, builds", [
    ("pricing-faq", True),       # written by the pricing template, not by pricing.md
    ("calculator-title", True),
    ("no-such-section", False),
])
def test_a_link_to_a_section_of_a_page_is_checked_against_what_the_page_shows(tmp_path, capsys,
                                                                            anchor, builds):
    """The site reports such a link (MkDocs' `anchors: info`: a section may go with the
    catalog or a variant); here it fails the strict build, to see which links pass."""
    config = project_copy(tmp_path) / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("links: {", "links: {anchors: warn, "),
                      encoding="utf-8")
    page = tmp_path / "site_src" / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n[Plans](pricing.md#{anchor})\n",
                    encoding="utf-8")
    status = build_site(str(tmp_path / "plans.yaml"), out=str(tmp_path / "site"),
                        config_file=tmp_path / "mkdocs.yml")
    err = capsys.readouterr().err
    assert (status == 0) == builds
    assert (f"'pricing.md#{anchor}'" in err and "about.md" in err) != builds

