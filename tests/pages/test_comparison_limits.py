"""The comparison's seat limit says what the engine does: the plan's limit, or the last seat
its tiers price with the seats a quote sends to sales, or no limit."""

import pytest

from calculator import MAX_SEATS, QuoteError, quote
from pricing_site.pages.comparison import seat_limit

DEMO_LIMITS = {"free": "3", "team": "200; 201 and up: contact sales", "business": "No limit"}


def status(demo, plan, seats):
    try:
        return quote(demo, {"plan": plan, "seats": seats}).status
    except QuoteError:
        return "refused"


@pytest.mark.parametrize("plan", DEMO_LIMITS)
def test_the_seat_limit_row_agrees_with_the_quote(demo, plan):
    words = seat_limit(demo.plan(plan).seats)
    assert words == DEMO_LIMITS[plan]
    if words == "No limit":
        assert status(demo, plan, MAX_SEATS) == "priced"
        return
    last = int(words.split(";")[0])
    beyond = "contact_sales" if "contact sales" in words else "refused"
    assert (status(demo, plan, last), status(demo, plan, last + 1)) == ("priced", beyond)
