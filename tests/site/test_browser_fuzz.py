"""Fuzzing the browser worker with Hypothesis, on a fixed budget: any JSON request gives, in
Chromium's Pyodide, exactly what CPython gives (the quote, or the same QuoteError)."""

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.site.test_browser_calculator import cpython, page, settle  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e

numbers = (st.integers(-10**6, 10**13) | st.floats(allow_nan=False, allow_infinity=False)
           | st.sampled_from(["49", "", " 7 ", "1e30", "-0", "2.5", "ten", "1_000", "0x10"]))
json_values = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children,
                                                                      max_size=3),
    max_leaves=8)
requests = st.fixed_dictionaries(
    {"plan": st.sampled_from(["free", "team", "business", "enterprise", "teem"]) | json_values},
    optional={"seats": numbers | json_values,
              "usage": st.dictionaries(st.sampled_from(["api_calls", "storage_gb", "x"]),
                                       numbers | json_values, max_size=2) | json_values,
              "billing": st.sampled_from(["monthly", "annual", "yearly"]) | json_values,
              "seat_kinds": st.dictionaries(st.sampled_from(["viewer", "guest", "admin"]),
                                            numbers, max_size=2),
              "addons": st.lists(st.sampled_from(["sso", "audit_log", "x"]), max_size=2) | json_values,
              "commitment": st.booleans() | json_values})


def as_javascript_sends_it(value):
    """The value as JSON.stringify in the page sends it: a whole float is an integer there
    (0.0 -> 0, 5.282490216888651e16 -> 52824902168886510; from 1e21 up JS writes exponents),
    and an object's integer-like keys come first."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(Decimal(repr(value)))  # JS writes the shortest digits, then zeros
    if isinstance(value, list):
        return [as_javascript_sends_it(item) for item in value]
    if isinstance(value, dict):  # JS objects list integer-like keys first, in numeric order
        index = [k for k in value if k.isascii() and k.isdigit() and (k == "0" or not k.startswith("0"))
                 and int(k) < 2**32 - 1]
        order = sorted(index, key=int) + [k for k in value if k not in index]
        return {key: as_javascript_sends_it(value[key]) for key in order}
    return value


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(requests | json_values, min_size=1, max_size=10))
def test_any_request_gets_cpythons_answer_in_the_browser(page, batch):  # noqa: F811
    batch = json.loads(json.dumps(batch))  # what crosses to the page: plain JSON values
    sent = as_javascript_sends_it(batch)
    assert settle(page, batch) == [cpython(request) for request in sent]
