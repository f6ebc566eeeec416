"""``site.embed``: which sites may frame the calculator, checked before anything is built."""

import pytest
import yaml

from pricing_site.build.site import content_roots
from pricing_site.catalog import read_catalog
from pricing_site.catalog.embed import embed_settings, origin_problem
from tests.support.paths import DEMO


@pytest.mark.parametrize("origin", ["https://www.example.com", "https://shop.example.co.uk:8443",
                                    "http://localhost:8000", "http://127.0.0.1:5173"])
def test_an_origin_of_a_scheme_host_and_port_may_frame(origin):
    assert origin_problem(origin) is None


@pytest.mark.parametrize("origin, words", [
    ("*", "wildcard"), ("https://*.example.com", "wildcard"),
    ("http://www.example.com", "http:// is refused"),
    ("https://www.example.com/", "no path"), ("https://www.example.com/pricing", "no path"),
    ("https://WWW.example.com", "lower case"), ("www.example.com", "not an https:// origin"),
    ("javascript:alert(1)", "not an https:// origin"),
])
def test_other_origins_are_refused_saying_why(origin, words):
    assert words in origin_problem(origin)


def _read(tmp_path, embed):
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    data["site"]["embed"] = embed
    path = tmp_path / "plans.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return read_catalog(path, lint=False, roots=content_roots())


def test_a_refused_origin_is_a_located_error(tmp_path):
    read = _read(tmp_path, {"enabled": True, "allowed_origins": ["https://ok.example", "*"]})
    assert [e.path for e in read.errors] == ["site.embed.allowed_origins[1]"]
    assert read.errors[0].line is not None


def test_an_enabled_embed_names_its_hosts(tmp_path):
    read = _read(tmp_path, {"enabled": True})
    assert [e.path for e in read.errors] == ["site.embed.allowed_origins"]


def test_an_unknown_embed_key_is_refused_by_the_schema(tmp_path):
    read = _read(tmp_path, {"enabled": True, "allowed_origins": ["https://a.example"],
                            "origins": ["https://b.example"]})
    assert read.errors and "origins" in read.errors[0].message


def test_the_embed_is_off_unless_enabled():
    assert embed_settings({}) == {"enabled": False, "origins": []}
    assert embed_settings({"embed": {"enabled": True, "allowed_origins": ["https://a.example"]}}) \
        == {"enabled": True, "origins": ["https://a.example"]}
