"""The site looks like a marketing site's, not a documentation site's: the closing section meets
the footer, About, Docs and Legal read as pages of their own (no documentation sidebar, table of
contents or previous/next links, a reading column), in dark mode a slider's track is dark too,
the calculator's fields are labelled alike and a testimonial is quoted in its page's language.
Screenshots of the prose pages are kept."""

import base64

import pytest

from tests.site_support import demo_site
from tests.support.http_server import StaticServer
from tests.support.screenshots import keep_screenshot

PROSE = ["about/", "docs/", "legal/privacy/", "legal/terms/"]


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site()) as running:
        yield running


@pytest.mark.parametrize("path, last", [("", "#cta"), ("pricing/", ".rk-pricing > :last-child")])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_last_section_meets_the_footer(open_on, server, path, last, device):
    page = open_on(device, server.url + path)
    gap = page.evaluate("""(last) => document.querySelector('.md-footer').getBoundingClientRect().top -
                                     document.querySelector(last).getBoundingClientRect().bottom""", last)
    assert abs(gap) < 1, f"{gap:.0f} px between the last section and the footer"


@pytest.mark.parametrize("path", PROSE)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_prose_page_is_a_page_of_its_own_not_documentation(open_on, server, path, device):
    page = open_on(device, server.url + path)
    shown = page.evaluate("""() => [...document.querySelectorAll(
        '.md-sidebar--secondary, .md-footer__inner .md-footer__link, .md-content table')]
        .filter((el) => el.getClientRects().length).map((el) => el.className || el.tagName)""")
    assert shown == []  # no table of contents, previous/next links or table
    column = page.locator(".md-content").bounding_box()
    width = page.viewport_size["width"]
    assert column["width"] <= 42 * 20 + 1 and abs(column["x"] * 2 + column["width"] - width) <= 2
    if device == "desktop":  # the documentation sidebar (a phone's menu drawer stays)
        assert not page.locator(".md-sidebar--primary").is_visible()
    keep_screenshot(page, f"prose-{path.strip('/').replace('/', '-')}-{device}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_sliders_track_follows_the_colour_scheme(open_on, server, scheme):
    """A dark accent colour made the browser draw the track of a slider white in dark mode."""
    page = open_on("phone", server.url + "pricing/", scheme)
    slider = page.get_by_test_id("calc-seats-slider")  # near its start: the rest is track
    slider.scroll_into_view_if_needed()
    shot = base64.b64encode(slider.screenshot()).decode()
    brightness = page.evaluate("""async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const [r, g, b] = context.getImageData(Math.round(image.width * .8), Math.round(image.height / 2), 1, 1).data;
        return (r + g + b) / 3;
    }""", shot)
    assert (brightness < 128) == (scheme == "dark"), brightness


@pytest.mark.parametrize("path", ["pricing/", "de/pricing/"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_calculator_field_is_labelled_alike(open_on, server, path, device):
    """An add-on sold by the unit (phone numbers) is a field inside the add-ons' checkboxes: its
    label was laid out as theirs, its name and its price side by side in two columns."""
    page = open_on(device, server.url + path)
    looks = page.evaluate("""() => [...document.querySelectorAll('[data-calculator] .rk-field > label[for]')]
        .filter((label) => label.offsetParent !== null)
        .map((label) => { const style = getComputedStyle(label);
                          return [label.htmlFor, style.display, style.fontWeight, style.fontSize]; })""")
    assert "calc-addon-phone_numbers" in [look[0] for look in looks], looks
    assert len({tuple(look[1:]) for look in looks}) == 1, looks


@pytest.mark.parametrize("path, lang", [("", "en"), ("de/", "de")])
def test_a_testimonial_is_quoted_as_its_pages_language_quotes(open_on, server, path, lang):
    """The marks come from the page's language (the browser's quotes for its lang: „…“ in
    German), not from one language's characters in the stylesheet."""
    page = open_on("desktop", server.url + path)
    marks = page.evaluate("""() => [...document.querySelectorAll('.rk-quote blockquote p')]
        .map((p) => [p.closest('[lang]').lang, getComputedStyle(p, '::before').content,
                     getComputedStyle(p, '::after').content])""")
    assert marks and set(map(tuple, marks)) == {(lang, "open-quote", "close-quote")}, marks
