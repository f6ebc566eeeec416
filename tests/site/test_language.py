"""site.language: the pages say their language (<html lang>), Material's own words and search
follow it, and a right-to-left language mirrors the layout, the bill included."""

import json
import re

import pytest

from tests.site_support import build_data, demo_data
from tests.support.http_server import StaticServer

pytestmark = pytest.mark.e2e  # builds the site in another language


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The demo in German and in Arabic (its words stay English: only the setting changes)."""
    sites = {}
    for language in ("de", "ar"):
        data = demo_data()
        data["site"]["language"] = language
        sites[language] = build_data(data, tmp_path_factory.mktemp(language))
    return sites


def test_the_pages_material_and_search_speak_the_language(built):
    for page in ("index.html", "pricing/index.html"):
        html = (built["de"] / page).read_text(encoding="utf-8")
        assert re.search(r'<html lang="de"', html) and '<body dir="ltr"' in html
        assert 'placeholder="Suche"' in html  # Material's search box, in German
    index = json.loads((built["de"] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]  # the search index stems German words


@pytest.mark.parametrize("width", [1280, 390])
def test_right_to_left_mirrors_the_bill_without_overflow(browser, built, width):
    assert '<body dir="rtl"' in (built["ar"] / "pricing/index.html").read_text(encoding="utf-8")
    with StaticServer(built["ar"], host_rules=True) as server:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server.url + "pricing/")
        # each cell's text against its own box: the label at the start (right), the amount
        # at the end (left), as the cells are; not "$500.00Seats" in the middle
        gaps = page.evaluate("""() => [...document.querySelectorAll('.rk-bill__line')][0]
          .querySelectorAll('th, td').values().map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell.firstElementChild ?? cell);
            const text = range.getBoundingClientRect(), box = cell.getBoundingClientRect();
            return {left: text.left - box.left, right: box.right - text.right,
                    center: box.left + box.width / 2};
          }).toArray()""")
        label, amount = gaps
        assert label["center"] > amount["center"]  # the label's cell on the right
        assert label["right"] < 2 and amount["left"] < 2, gaps
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
