"""Sections with few items: story cards, steps, figures, tiles, integrations, logos, testimonials
and plan cards lie in balanced rows, each row centred (one or two items sit in the middle, not
at the left of an empty three-column grid; five plans wrap 3 + 2, six 3 + 3), and a hero
without an image centres its text, on a desktop and on a phone. Each catalog is built once."""

import copy

import pytest

from tests.catalogs import books_follow_plans
from tests.site_support import build_data, demo_data, demo_site
from tests.support.http_server import StaticServer

WIDTHS = (1280, 390)
TOLERANCE = 3  # px between the gaps left and right of a row

# Every row of items, with the gaps it leaves to the left and right of its container's content
# box.
ROWS = """(selector) => {
    const box = document.querySelector(selector);
    if (!box) return null;
    const outer = box.getBoundingClientRect(), style = getComputedStyle(box);
    const left = outer.left + parseFloat(style.paddingLeft);
    const right = outer.right - parseFloat(style.paddingRight);
    const rows = [];
    for (const item of box.children) {
        const r = item.getBoundingClientRect();
        const row = rows.find((row) => Math.abs(row.top - r.top) < 2);
        if (row) { row.left = Math.min(row.left, r.left); row.right = Math.max(row.right, r.right);
                   row.widths.push(r.width); }
        else rows.push({top: r.top, left: r.left, right: r.right, widths: [r.width]});
    }
    return {width: right - left, rows: rows.map((row) => ({
        count: row.widths.length, widths: row.widths,
        before: row.left - left, after: right - row.right}))};
}"""

# The hero: the gaps each line of its texts (with their icons and buttons) leaves to the left and
# right of the grid's content box, how wide the copy and the grid are, and where the image is.
HERO_TEXTS = [".rk-hero__title", ".rk-hero__lead", ".rk-hero .rk-actions", ".rk-hero__proof"]
HERO = """(texts) => {
    const grid = document.querySelector('.rk-hero__grid'), style = getComputedStyle(grid);
    const outer = grid.getBoundingClientRect();
    const left = outer.left + parseFloat(style.paddingLeft);
    const right = outer.right - parseFloat(style.paddingRight);
    const lines = {};
    for (const selector of texts) {
        const el = document.querySelector(selector), range = document.createRange();
        range.selectNodeContents(el);
        const found = [];  // the boxes of its text, icons and buttons, joined line by line
        for (const r of [...range.getClientRects()].filter((r) => r.width > 0)) {
            const middle = (r.top + r.bottom) / 2;
            const line = found.find((line) => line.top <= middle && middle <= line.bottom);
            if (!line) found.push({top: r.top, bottom: r.bottom, left: r.left, right: r.right});
            else {
                line.left = Math.min(line.left, r.left);
                line.right = Math.max(line.right, r.right);
            }
        }
        lines[selector] = found.map((r) => ({before: r.left - left, after: right - r.right}));
    }
    const box = (selector) => { const el = document.querySelector(selector);
                                return el && el.getBoundingClientRect().toJSON(); };
    return {lines, width: right - left, copy: box('.rk-hero__copy'), art: box('.rk-hero__art')};
}"""

# What sticks out of a plan card (a price and its period in a narrow card).
SPILLS = """() => [...document.querySelectorAll('.rk-card')].flatMap((card) => {
    const box = card.getBoundingClientRect();
    return [...card.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width && (r.left < box.left - 1 || r.right > box.right + 1);
    }).map((el) => `${card.dataset.plan}: ${el.className}`);
})"""

GRIDS = {  # the grids of the landing page, each with one item per entry of the catalog's list
    "story cards": "#story .rk-story__parts",
    "steps": "#story .rk-steps",
    "results": "#story .rk-stats",
    "features": "#features .rk-grid",
    "integrations": "#integrations .rk-integrations__list",
    "security": "#security .rk-grid",
    "logos": "#proof .rk-logos",
    "stats": "#proof .rk-stats",
    "testimonials": "#proof .rk-quotes",
}


def _few(data, n):
    """The demo's landing page with ``n`` items in every grid, and a hero without an image."""
    site = data["site"]
    del site["hero"]["image"]
    story = site["story"]
    for part in ("problem", "cost", "solution")[n:]:
        del story[part]
    story["steps"], story["results"] = story["steps"][:n], story["results"][:n]
    for name in ("features", "integrations", "security"):
        site[name]["items"] = site[name]["items"][:n]
    for name in ("logos", "stats", "testimonials"):
        site["proof"][name] = site["proof"][name][:n]
    del site["pricing"]["proof"]  # it names a testimonial the cut may have removed


def _plans(data, n):
    """The demo's plans cut down to ``n`` (Team first), or grown to it with copies of Business."""
    plans = data["plans"]
    for extra in range(n - len(plans)):
        scale = copy.deepcopy(plans[2])
        scale.update(id=f"scale{extra}", name=f"Scale {extra}", popular=False)
        scale["price"]["flat"] = 300 + 100 * extra
        plans.insert(3 + extra, scale)
    if n < len(plans):
        data["plans"] = plans = plans[1:1 + n]
        ids = {plan["id"] for plan in plans}
        for addon in data["addons"].values():
            addon["plans"] = [p for p in addon["plans"] if p in ids]
        for row in data["site"]["pricing"]["comparison"]["features"]:
            row["plans"] = {p: v for p, v in row["plans"].items() if p in ids}
    books_follow_plans(data, {plan["id"]: "business" for plan in data["plans"]
                              if plan["id"].startswith("scale")})


CATALOGS = {"one": (1, 1), "two": (2, 2), "five": (None, 5), "six": (None, 6)}


def _build(name, folder):
    """The catalog ``name`` of CATALOGS (items per grid, plans) built into ``folder``/site."""
    items, plans = CATALOGS[name]
    data = demo_data()
    if items:
        _few(data, items)
    _plans(data, plans)
    return build_data(data, folder)


@pytest.fixture(scope="module")
def layout(browser, tmp_path_factory):
    """``layout(catalog, path, width)``: ``{selector: ROWS of it}`` on that page of the catalog
    (a name of CATALOGS, or "demo") at that width, measured once; each catalog is built once."""
    servers, measured = {}, {}

    def measure(catalog, path, width):
        if catalog not in servers:
            site = (demo_site() if catalog == "demo"
                    else _build(catalog, tmp_path_factory.mktemp(catalog)))
            servers[catalog] = StaticServer(site, host_rules=True).__enter__()
        key = (catalog, path, width)
        if key not in measured:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(servers[catalog].url + path)
            selectors = [".rk-cards"] if path else list(GRIDS.values())
            measured[key] = {selector: page.evaluate(ROWS, selector) for selector in selectors}
            if path:
                measured[key]["spills"] = page.evaluate(SPILLS)
            if not path:
                measured[key]["hero"] = page.evaluate(HERO, HERO_TEXTS)
            page.close()
        return measured[key]

    yield measure
    for server in servers.values():
        server.__exit__(None, None, None)


def _rows(layout, catalog, selector, width, path=""):
    found = layout(catalog, path, width)[selector]
    assert found is not None, f"no {selector}"
    return found


def _assert_centred(found, what):
    for row in found["rows"]:
        assert abs(row["before"] - row["after"]) <= TOLERANCE, (what, found)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("grid", sorted(GRIDS))
def test_one_item_is_a_centred_card_of_reading_width(layout, grid, width):
    found = _rows(layout, "one", GRIDS[grid], width)
    assert [row["count"] for row in found["rows"]] == [1]
    _assert_centred(found, grid)
    if width == 1280:  # neither a third of the grid at its left nor a band across the page
        assert found["rows"][0]["widths"][0] <= 0.65 * found["width"], found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("grid", sorted(GRIDS))
def test_two_items_share_a_centred_row(layout, grid, width):
    """Side by side on a desktop, one under the other on a phone (figures, logos: side by side)."""
    found = _rows(layout, "two", GRIDS[grid], width)
    _assert_centred(found, grid)
    counts = [row["count"] for row in found["rows"]]
    if width == 1280 or grid in ("logos", "stats", "results"):
        assert counts == [2], (grid, found)
    else:
        assert counts == [1, 1], (grid, found)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_hero_without_an_image_centres_its_text(layout, width):
    hero = layout("one", "", width)["hero"]
    assert hero["art"] is None
    for selector, lines in hero["lines"].items():
        assert lines, selector
        for line in lines:
            assert abs(line["before"] - line["after"]) <= TOLERANCE, (selector, lines)
    if width == 1280:  # the copy has the room of the whole grid, not of its left column
        assert hero["copy"]["width"] > 0.55 * hero["width"], hero


def test_a_hero_with_an_image_keeps_its_copy_beside_it(layout):
    hero = layout("demo", "", 1280)["hero"]
    assert hero["copy"]["right"] <= hero["art"]["left"]
    assert all(line["before"] < 1 for line in hero["lines"][".rk-hero__title"])  # left-aligned


@pytest.mark.parametrize("catalog,desktop", [("one", [1]), ("two", [2]), ("five", [5]),
                                             ("six", [3, 3])])
@pytest.mark.parametrize("width", WIDTHS)
def test_plan_cards_wrap_in_balanced_centred_rows(layout, catalog, desktop, width):
    found = _rows(layout, catalog, ".rk-cards", width, "pricing/")
    counts = [row["count"] for row in found["rows"]]
    assert counts == (desktop if width == 1280 else [1] * sum(desktop)), found
    _assert_centred(found, "plan cards")
    widths = [w for row in found["rows"] for w in row["widths"]]
    assert max(widths) - min(widths) <= 1, found  # a short row's cards are as wide as a full one's
    assert layout(catalog, "pricing/", width)["spills"] == []  # nothing sticks out of a card


@pytest.mark.parametrize("selector,desktop,phone", [
    ("#story .rk-story__parts", [3], [1, 1, 1]),
    ("#story .rk-steps", [3], [1, 1, 1]),
    ("#story .rk-stats", [3], [2, 1]),
    ("#features .rk-grid", [3, 3], [1] * 6),
    ("#integrations .rk-integrations__list", [3, 3], [1] * 6),
    ("#security .rk-grid", [4], [1] * 4),
    ("#proof .rk-stats", [4], [2, 2]),
    ("#proof .rk-logos", [6], [3, 3]),  # not 5 + 1
    ("#proof .rk-quotes", [3], [1, 1, 1]),
    (".rk-cards", [4], [1] * 4),
])
def test_the_demos_full_grids_keep_their_columns(layout, selector, desktop, phone):
    for width, expected in ((1280, desktop), (390, phone)):
        path = "pricing/" if "cards" in selector else ""
        found = _rows(layout, "demo", selector, width, path)
        assert [row["count"] for row in found["rows"]] == expected, (width, found)
        _assert_centred(found, selector)


@pytest.mark.parametrize("width", [1280, 900, 390])
def test_an_integration_card_beside_a_taller_one_keeps_its_name_and_text_together(browser, width):
    with StaticServer(demo_site(), host_rules=True) as server:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server.url)
        gaps = page.evaluate("""() => {
            const list = document.querySelector('.rk-integrations__list');
            list.querySelector('.rk-integration__text').textContent += ' and more'.repeat(30);
            list.scrollIntoView({block: 'center'});  // its neighbours stretch to its height
            return [...document.querySelectorAll('.rk-integration')].map((card) => {
                const name = card.querySelector('.rk-integration__name');
                const text = card.querySelector('.rk-integration__text');
                return text ? text.getBoundingClientRect().top - name.getBoundingClientRect().bottom : 0;
            });
        }""")
        page.close()
    assert gaps and max(gaps) < 6, gaps  # not pushed apart to the card's top and bottom


# The top of each card's part, per part, from left to right.
CARD_PARTS = """() => Object.fromEntries(["name", "price", "cta", "features"].map((part) => [part,
    [...document.querySelectorAll('.rk-card')].map((card) =>
        Math.round(card.querySelector('.rk-card__' + part).getBoundingClientRect().top))]))"""


@pytest.mark.parametrize("width", [1280, 1600])
def test_a_row_of_plan_cards_lines_up_their_prices_buttons_and_features(browser, width):
    """Whatever each card's length (Business leads with "$299.00 + $45/seat", two lines at
    these widths), its price, call to action and features start where its neighbours' do."""
    with StaticServer(demo_site(), host_rules=True) as server:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server.url + "pricing/")
        tops = page.evaluate(CARD_PARTS)
        page.close()
    for part, row in tops.items():
        assert len(row) == 4 and max(row) - min(row) <= 1, (part, tops)
