"""The two screens the pricing page is judged on: a phone held by a prospect (390x844, touch,
device scale 2) and a laptop (1440x900), as Playwright browser-context options."""

# The calculator's status line once Python answers (calculator-result.html, ui.js).
LIVE = "() => document.querySelector('[data-testid=calculator-status]').dataset.state === 'live'"

DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
              "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1440, "height": 900}},
}


def new_context(browser, device, scheme="light"):
    """A browser context for ``device`` ("phone" or "desktop") in the light or dark scheme."""
    return browser.new_context(**DEVICES[device], color_scheme=scheme)


def settle(page):
    """Two frames drawn (or half a second, in a page that draws none): what the last change
    laid out is on the screen."""
    page.evaluate("""() => new Promise((done) => {
        requestAnimationFrame(() => requestAnimationFrame(done));
        setTimeout(done, 500);
    })""")
