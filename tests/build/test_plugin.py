"""The ``pricing`` MkDocs plugin: the package's templates and hooks in any site's mkdocs.yml."""

from mkdocs.config import load_config

from pricing_site.build.sources import OVERRIDES
from tests.support.paths import ROOT

SITE = """\
site_name: Elsewhere
theme: {{name: material{custom}}}
plugins:
  - pricing: {{catalog: prices.yaml}}
  - search
"""


def config_of(tmp_path, custom=""):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(SITE.format(custom=custom))
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_the_templates_come_after_the_sites_own_and_before_materials(tmp_path):
    (tmp_path / "mine").mkdir()
    config = config_of(tmp_path, ", custom_dir: mine")
    config.plugins["pricing"].on_config.methods[0](config)  # its own step, before the hooks'
    assert config.theme.dirs[:2] == [str(tmp_path / "mine"), str(OVERRIDES)]
    assert config.theme.dirs[2].endswith("material/templates")
    assert config.extra_css == ["assets/css/site.css"]  # the templates' styles


def test_the_hooks_run_at_their_own_priorities_whichever_plugin_is_listed_first(tmp_path):
    config = config_of(tmp_path)
    owners = {event: [config.plugins._event_origins.get(m) for m in methods]
              for event, methods in config.plugins.events.items()}
    # the catalog names the site (and its language) before search reads the theme's language
    assert owners["config"][:2] == ["pricing", "pricing"] and "material/search" in owners["config"]
    # precompression is the last step, after the search index is written
    assert owners["post_build"][-1] == "pricing" and "material/search" in owners["post_build"]
    last = config.plugins.events["post_build"][-1]
    assert last.__module__ == "pricing_site_hooks.precompress"


def test_the_catalog_is_the_one_mkdocs_yml_names(tmp_path):
    from pricing_site.build.site_catalog import catalog_path

    assert catalog_path(config_of(tmp_path)) == tmp_path / "prices.yaml"
    assert catalog_path(load_config(str(ROOT / "mkdocs.yml"))) == ROOT / "plans.yaml"
