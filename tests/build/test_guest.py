"""The plugin as a guest in someone else's Material site (``mode: guest``, docs/plugin.md): what
it adds and what it leaves the host's, step by step, without a build (tests/build/
test_guest_site.py builds the example and opens its pricing page)."""

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from pricing_site.build.guest import (OWN_FOLDERS, PAGE_TEMPLATES, GuestTemplates, add_templates,
                                      guest_css, host_outputs, pricing_page)
from pricing_site.build.headers import write_guest_headers
from pricing_site.build.plugin import _hook
from pricing_site.build.precompress import precompress_site
from pricing_site.build.site import build_site
from pricing_site.build.site_catalog import ENV_VAR
from pricing_site.build.sources import ASSETS, OVERRIDES
from pricing_site.build.templates import autoescape_for
from tests.support.http_server import read_headers_file, rule_matches
from tests.support.paths import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "material-site"


@pytest.fixture
def host(tmp_path, monkeypatch):
    """``host(mode="guest", features=())``: the example site copied, with the plugin's mode and
    Material features given; its loaded config."""
    monkeypatch.delenv(ENV_VAR, raising=False)

    def load(mode="guest", features=()):
        folder = tmp_path / mode
        if not folder.exists():
            shutil.copytree(EXAMPLE, folder)
        text = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
        text = text.replace("mode: guest", f"mode: {mode}")
        text = text.replace("    - navigation.tabs\n", "".join(f"    - {f}\n" for f in
                                                             ("navigation.tabs", *features)))
        assert all(f"- {f}" in text for f in features)
        (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
        return load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site"))

    return load


def test_the_mode_is_site_unless_mkdocs_yml_says_guest(host, tmp_path):
    assert load_config(str(ROOT / "mkdocs.yml")).plugins["pricing"].config.mode == "site"
    assert host().plugins["pricing"].config.mode == "guest"
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ntheme: {name: material}\n"
                                         "plugins: [{pricing: {mode: visitor}}]\n")
    with pytest.raises(MkDocsException):
        load_config(str(tmp_path / "mkdocs.yml"))


def test_a_guest_adds_no_template_folder_and_no_site_wide_stylesheet(host):
    config = host()
    dirs = list(config.theme.dirs)
    config.plugins["pricing"].on_config.methods[0](config)
    assert config.theme.dirs == dirs and str(OVERRIDES) not in dirs
    assert config.extra_css == []
    site = host("site")
    site.plugins["pricing"].on_config.methods[0](site)
    assert str(OVERRIDES) in site.theme.dirs and site.extra_css == ["assets/css/site.css"]


def test_a_guest_site_keeps_its_name_description_copyright_and_language(host):
    config = _hook("catalog").on_config(host())
    assert (config.site_name, config.site_description, config.copyright,
            config.theme["language"]) == ("Northwind Docs", "How to set up and run Northwind.",
                                           None, "en")
    assert config.extra["catalog_data"].plans  # the catalog is loaded all the same
    site = _hook("catalog").on_config(host("site"))
    assert site.site_name == "Northwind" and site.copyright == "© Northwind"


def test_a_guest_may_keep_materials_tooltips_which_the_demo_refuses(host):
    _hook("catalog").on_config(host(features=["content.tooltips"]))
    with pytest.raises(PluginError, match="content.tooltips"):
        _hook("catalog").on_config(host("site", features=["content.tooltips"]))


def test_the_guest_loader_serves_the_page_templates_and_their_sections_only():
    env = Environment(loader=GuestTemplates())
    for name in ("pricing.html", "home.html", "embed.html", "pricing/cards.html",
                 "landing/hero.html"):
        assert env.loader.get_source(env, name)[0]
    for name in ("main.html", "partials/logo.html", "partials/copyright.html",
                 "partials/javascripts/base.html"):
        assert (OVERRIDES / name).is_file()
        with pytest.raises(TemplateNotFound):
            env.loader.get_source(env, name)
    assert "main.html" not in env.loader.list_templates()


def test_the_hosts_own_templates_come_first(tmp_path):
    (tmp_path / "home.html").write_text("the host's home")
    env = Environment(loader=FileSystemLoader(str(tmp_path)))
    add_templates(env)
    assert env.get_template("home.html").render() == "the host's home"
    assert env.get_template("pricing/faq.html").filename.startswith(str(OVERRIDES))


def test_main_html_stays_unescaped_when_it_is_the_hosts():
    ours, hosts = autoescape_for(False), autoescape_for(False, host_main=True)
    assert ours("main.html") and ours("pricing.html")
    assert not hosts("main.html") and not hosts("404.html") and hosts("pricing.html")


@pytest.mark.parametrize("template", PAGE_TEMPLATES)
def test_each_of_our_page_templates_escapes_in_a_site_of_ours_or_a_hosts(template):
    assert autoescape_for(False)(template) and autoescape_for(False, host_main=True)(template)


def test_the_guest_stylesheet_is_the_components_without_the_site_wide_look():
    site_css = (ASSETS / "css" / "site.css").read_text(encoding="utf-8")
    css = guest_css(site_css)
    assert site_css.count("/* [site-wide]") == site_css.count("/* [/site-wide] */") >= 3
    assert "--md-primary-fg-color:" in site_css and ".md-header" in site_css
    assert not re.search(r"--md-[\w-]+\s*:", css)  # Material's palette stays the host's
    for selector in (".md-header", ".md-typeset .md-button {", ".md-content .md-typeset h1"):
        assert selector not in css
    components = [line for line in site_css.splitlines() if line.startswith((".rk-pricing",
                                                                            ".rk-card"))]
    assert components and all(line in css for line in components)


def test_a_guest_gets_a_pricing_page_out_of_the_nav_unless_it_has_its_own(host):
    config = host()
    config.plugins._current_plugin = "pricing"  # as MkDocs sets it while the plugin's event runs
    files = pricing_page(Files([]), config)
    page = files.get_file_from_path("pricing.md")
    assert page.inclusion == InclusionLevel.NOT_IN_NAV
    assert "template: pricing.html" in page.content_string
    own = File("pricing.md", config.docs_dir, config.site_dir, True)
    assert pricing_page(Files([own]), config).get_file_from_path("pricing.md") is own


def test_the_hosts_root_files_are_the_hosts(host, tmp_path):
    config = host()
    docs = tmp_path / "docs"
    docs.mkdir()
    files = Files([File(name, str(docs), config.site_dir, True)
                   for name in ("llms.txt", "_headers", "index.md", "robots.txt")])
    assert host_outputs(files) == {"llms.txt", "_headers", "robots.txt"}


def test_a_guests_outputs_leave_the_hosts_files_and_write_no_robots_txt(host):
    config = _hook("catalog").on_config(host())
    site_dir = Path(config.site_dir)
    site_dir.mkdir()
    (site_dir / "llms.txt").write_text("the host's llms.txt\n")
    (site_dir / "_headers").write_text("/*\n  X-Frame-Options: DENY\n")
    config.extra["host_outputs"] = frozenset({"llms.txt", "_headers"})
    _hook("outputs").on_post_build(config)
    assert (site_dir / "llms.txt").read_text() == "the host's llms.txt\n"
    assert not (site_dir / "robots.txt").exists()
    assert "Northwind" in (site_dir / "pricing.md").read_text()
    assert (site_dir / "pricing.json").is_file() and (site_dir / "pricing.schema.json").is_file()
    headers = (site_dir / "_headers").read_text()
    assert headers.startswith("/*\n  X-Frame-Options: DENY\n\n/assets/")
    assert "/llms.txt" not in headers and "/pricing.md" in headers


def test_guest_headers_name_its_own_paths_only_and_no_policy(tmp_path):
    (tmp_path / "_headers").write_text("an earlier build's\n")
    write_guest_headers(tmp_path, ["llms.txt"], ("embed/", ["https://www.example.com"]))
    text = (tmp_path / "_headers").read_text()
    assert not text.startswith("an earlier")  # only the host's own is kept
    rules = read_headers_file(tmp_path / "_headers")

    def headers_for(path):
        return [h for pattern, headers in rules if rule_matches(pattern, path) for h in headers]

    for path in ("/", "/index.html", "/guide/", "/404.html", "/pricing/",
                 "/assets/javascripts/bundle.1234.min.js", "/assets/images/logo.png"):
        assert headers_for(path) == [], path
    assert ("Content-Type", "application/wasm") in headers_for(
        "/assets/pyodide/314.0.7-abc/pyodide.asm.wasm")
    assert headers_for("/llms.txt") == [("Content-Type", "text/plain; charset=utf-8")]
    assert headers_for("/pricing.md") == []  # the host's own, not typed by us
    assert headers_for("/embed/calculator/") == [
        ("Content-Security-Policy", "frame-ancestors https://www.example.com")]
    assert "default-src" not in text


def test_precompression_of_a_guest_covers_its_own_folders_only(tmp_path):
    text = "<p>the same words again</p>\n" * 200
    for path in ("index.html", "guide/index.html", "assets/v/abc/js/ui.js",
                 "assets/calculator/catalog/abc/catalog.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    done = precompress_site(tmp_path, OWN_FOLDERS)
    assert sorted(done) == ["assets/calculator/catalog/abc/catalog.json", "assets/v/abc/js/ui.js"]
    assert not (tmp_path / "index.html.gz").exists()


def test_the_per_page_steps_pass_a_hosts_page_through(host):
    config = _hook("catalog").on_config(host())
    output = "<html>\n    <body>\n        <p>the host's page</p>\n    </body>\n</html>\n"
    hosts = SimpleNamespace(meta={}, present_anchor_ids=None)
    ours = SimpleNamespace(meta={"template": "pricing.html"}, present_anchor_ids=None)
    assert _hook("pages").on_post_page(output, hosts, config) == output
    assert _hook("pages").on_post_page(output, ours, config) != output  # ours compacted
    context = {"page": hosts}
    assert _hook("pages").on_page_context(context, hosts, config, None) == {"page": hosts}
    config.extra["experiment"] = {"experiment": "e", "variant": "control"}
    assert _hook("experiment").on_post_page(output, hosts, config) == output


def test_a_guest_has_no_all_variants_build(host, capsys):
    config = host()
    folder = Path(config.config_file_path).parent
    status = build_site(folder / "plans.yaml", out=folder / "dist", all_variants=True,
                        config_file=config.config_file_path)
    assert status == 2 and "mode: guest" in capsys.readouterr().err
    assert not (folder / "dist").exists()
