"""``_headers`` with the embed on: only the embed's folder may be framed, by the origins listed;
every page elsewhere says ``frame-ancestors 'none'``, read as a host reads the file."""

from pathlib import Path

from pricing_site.build.headers import CSP, NO_FRAMING, POLICY, headers_file, write_headers
from tests.support.http_server import read_headers_file, rule_matches

ORIGINS = ["https://www.example.com", "https://shop.example.com"]
PAGES = ["index.html", "404.html", "pricing/index.html", "legal/terms/index.html",
         "embed/calculator/index.html"]


def _site(tmp_path):
    for page in PAGES + ["assets/v/abc/js/x.js", "search/search_index.json"]:
        Path(tmp_path, page).parent.mkdir(parents=True, exist_ok=True)
        Path(tmp_path, page).write_text("x", encoding="utf-8")
    return tmp_path


def _policies(rules, path):
    """Every Content-Security-Policy a host sends for ``path`` (each one is enforced)."""
    return [value for pattern, headers in rules if rule_matches(pattern, path)
            for name, value in headers if name == "Content-Security-Policy"]


def test_without_the_embed_every_path_forbids_framing(tmp_path):
    (tmp_path / "_headers").write_text(headers_file(), encoding="utf-8")
    rules = read_headers_file(tmp_path / "_headers")
    assert _policies(rules, "/embed/calculator/") == [CSP]
    assert "frame-ancestors 'none'" in CSP


def test_with_the_embed_only_its_folder_may_be_framed_and_only_by_the_origins(tmp_path):
    site = _site(tmp_path)
    write_headers(site, ("embed/", ORIGINS))
    rules = read_headers_file(site / "_headers")
    assert _policies(rules, "/embed/calculator/") == \
        [POLICY, "frame-ancestors https://www.example.com https://shop.example.com"]
    for path in ("/", "/index.html", "/404.html", "/pricing/", "/pricing/index.html",
                 "/legal/terms/"):
        assert _policies(rules, path) == [POLICY, NO_FRAMING], path
    assert "frame-ancestors" not in POLICY

