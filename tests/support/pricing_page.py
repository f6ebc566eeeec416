"""Waiting on the built pricing page's calculator, as the browser tests do: its script has
taken the form, Python has answered, the total reads what CPython's quote says."""

from calculator import quote

TOTAL = "[data-testid=calculator-total]"
STATUS = "[data-testid=calculator-status]"


def interactive(page):
    """The form's script has taken it (it comes after the first frame: js/after-paint.js)."""
    page.wait_for_selector("[data-calculator][data-interactive]", state="attached", timeout=10000)


def live(page):
    """Python has answered: the calculator's status says "live"."""
    page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'live'",
                           timeout=60000)


def wait_total(page, text):
    """The calculator's total reads ``text``."""
    page.wait_for_function(f"t => document.querySelector('{TOTAL}').textContent === t",
                           arg=text, timeout=10000)


def shown(catalog, request):
    """The total CPython's quote shows for ``request``."""
    return quote(catalog, request).to_dict()["display"]["total"]
