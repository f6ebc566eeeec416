"""The calculator's pure JavaScript helpers, run under Node: the sliders (slider.js: every
position gives a number a person could have typed, a whole number of the metric's steps, and a
log slider's a round one) and the chart's axis ticks (chart.js: round steps, distinct labels,
each the value at its tick, however small or large the amounts and whatever the currency)."""

import json
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from pricing_site.runtime.bundle import JS_DIR

NODE = shutil.which("node")

SCRIPT = """
import { sliderToValue, valueToSlider } from %s;
const [max, step, scale] = JSON.parse(process.argv[2]);
const slider = { max: "1000", value: "0", dataset: { max, ...(step ? { step } : {}), ...(scale ? { scale } : {}) } };
const rows = [];
for (let position = 0; position <= 1000; position++) {
  slider.value = String(position);
  const text = sliderToValue(slider);
  valueToSlider(slider, text);
  rows.push([position, text, Number(slider.value)]);
}
console.log(JSON.stringify(rows));
"""


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("max_, step, scale", [
    ("2000", "0.5", "log"), ("100", "0.1", "log"), ("50", "0.25", "log"),
    ("5000000", None, "log"), ("250", None, None), ("7.5", "0.1", None),
])
def test_every_position_is_a_whole_number_of_steps_as_typed(tmp_path, max_, step, scale):
    runner = tmp_path / "run.mjs"
    runner.write_text(SCRIPT % json.dumps((JS_DIR / "slider.js").as_uri()))
    done = subprocess.run([NODE, str(runner), json.dumps([max_, step, scale])],
                          capture_output=True, text=True, timeout=60, check=True)
    rows = json.loads(done.stdout)
    unit, top = Decimal(step or "1"), Decimal(max_)
    values = [Decimal(text) for _, text, _ in rows]
    for (position, text, back), value in zip(rows, values, strict=True):
        assert text == format(value.normalize(), "f"), text  # no 0.30000000000000004, no "20.0"
        assert value % unit == 0 and 0 <= value <= top, text
        # the field's value puts the slider back where it was (or where that value lies)
        assert rows[back][1] == text, (position, text, back)
    assert values == sorted(values) and values[0] == 0 and values[-1] == top
    if scale == "log":  # between its ends, a round value: 10,000 calls, not 11,121
        assert {_mantissa(v) for v in values[1:-1]} <= {Decimal(m) for m in ("1", "2", "2.5", "5")}


def _mantissa(value):
    """12,500 -> 1.25; 0.5 -> 5."""
    return value.scaleb(-value.adjusted()).normalize()


TICKS = """
import { moneyTicks, quantityTicks } from %s;
const cases = JSON.parse(process.argv[2]);
console.log(JSON.stringify(cases.map(([kind, top, arg]) =>
  kind === "money" ? moneyTicks(top, arg) : quantityTicks(top, arg))));
"""


def axes(tmp_path, cases):
    """The ticks ({value, label}) chart.js gives each (kind, top, currency or seats) case."""
    runner = tmp_path / "ticks.mjs"
    runner.write_text(TICKS % json.dumps((JS_DIR / "chart.js").as_uri()))
    done = subprocess.run([NODE, str(runner), json.dumps(cases)],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("kind, max_, arg, labels", [
    ("money", 1, "USD", ["$0.00", "$0.20", "$0.40", "$0.60", "$0.80", "$1.00"]),
    ("money", 5, "USD", ["$0", "$1", "$2", "$3", "$4", "$5"]),
    ("money", 50, "EUR", ["€0", "€10", "€20", "€30", "€40", "€50"]),
    ("money", 1199, "USD", ["$0", "$250", "$500", "$750", "$1,000", "$1,250"]),  # not to $2,000
    ("money", 250000, "USD", ["$0", "$50K", "$100K", "$150K", "$200K", "$250K"]),
    ("money", 5000000, "USD", ["$0", "$1M", "$2M", "$3M", "$4M", "$5M"]),
    # no yen has sen: the steps are whole yen
    ("money", 1, "JPY", ["¥0", "¥1"]),  # not ¥0, ¥0, ¥1, ¥1, ¥1
    ("money", 10, "JPY", ["¥0", "¥2", "¥4", "¥6", "¥8", "¥10"]),  # not "¥3" for 2.5
    ("money", 2.5, "USD", ["$0.00", "$0.50", "$1.00", "$1.50", "$2.00", "$2.50"]),
    ("money", 0.1, "USD", ["$0.00", "$0.02", "$0.04", "$0.06", "$0.08", "$0.10"]),  # not $0.025
    ("quantity", 20, True, ["0", "5", "10", "15", "20"]),
    ("quantity", 100, True, ["0", "20", "40", "60", "80", "100"]),  # not 0/25/50/75/100... or 63
    ("quantity", 251, True, ["0", "100", "200"]),  # an end that is not round: the round ticks
    ("quantity", 2, False, ["0", "0.5", "1", "1.5", "2"]),  # 0.5 GB is not "1"
    ("quantity", 5_000_000, False, ["0", "1M", "2M", "3M", "4M", "5M"]),
    ("quantity", 2_000_000, True, ["0", "500K", "1M", "1.5M", "2M"]),  # not "2M" for 1.5M
    ("quantity", 2, True, ["0", "1", "2"]),  # whole seats: no 0.5 seat
])
def test_chart_axis_labels_say_the_value_at_their_tick(tmp_path, kind, max_, arg, labels):
    [axis] = axes(tmp_path, [[kind, max_, arg]])
    assert [tick["label"] for tick in axis] == labels
    assert [_number(tick["label"]) for tick in axis] == exactly([tick["value"] for tick in axis])


def _number(label):
    """The value a label states: "$62.5K" 62500, "KWD 0.250" 0.25, "1.13M" 1130000."""
    digits, suffix = re.search(r"([\d,]*\.?\d+)([KMBT]?)$", label).groups()
    return float(Decimal(digits.replace(",", "")).scaleb(3 * " KMBT".index(suffix or " ")))


def exactly(values):
    """Equal but for the float error of the tick's arithmetic (0.15000000000000002)."""
    return pytest.approx(values, rel=1e-9, abs=1e-12)


@pytest.mark.skipif(NODE is None, reason="node not installed")
def test_every_axis_label_states_its_ticks_value(tmp_path):
    money = [["money", top, currency] for currency in ("USD", "EUR", "JPY", "KWD")
             for top in (1, 1.5, 2.5, 3, 7, 10, 13, 40, 99, 250, 1234, 99999, 123456, 2.5e6, 7e8)]
    tops = [1, 2, 20, 63, 251, 1251, 99999, 123457, 1.5e6, 2e6, 1234567]  # seat axes end whole
    quantity = [["quantity", top, True] for top in tops] + \
        [["quantity", top, False] for top in tops + [0.3, 7.5, 10.25, 1e12]]
    for (kind, top, arg), axis in zip(money + quantity, axes(tmp_path, money + quantity)):
        values, labels = [t["value"] for t in axis], [t["label"] for t in axis]
        assert values[0] == 0 and values == sorted(set(values)), (top, arg, labels)
        assert len(set(labels)) == len(labels), (top, arg, labels)
        assert [_number(label) for label in labels] == exactly(values), (top, arg, labels)
        assert 2 <= len(values) <= 6 and {_mantissa(Decimal(repr(v))) for v in values[1:2]} <= \
            {Decimal(m) for m in ("1", "2", "2.5", "5")}, (top, arg, labels)  # a round step
        if kind == "money":
            assert values[-1] >= top and values[-2] < top
        else:
            assert values[-1] <= top < values[-1] + values[1]  # the last round tick on the axis
            assert not arg or all(float(v).is_integer() for v in values)  # whole seats
