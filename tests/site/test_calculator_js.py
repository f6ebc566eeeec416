"""The calculator's pure JavaScript helpers, run under Node: the sliders (slider.js: every
position gives a number a person could have typed, a whole number of the metric's steps) and
the chart's axis ticks (chart.js: distinct labels, each the value at its tick, however small or
large the amounts and whatever the currency)."""

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
    ("money", 1, "USD", ["$0.00", "$0.25", "$0.50", "$0.75", "$1.00"]),
    ("money", 5, "USD", ["$0.00", "$1.25", "$2.50", "$3.75", "$5.00"]),
    ("money", 50, "EUR", ["€0.00", "€12.50", "€25.00", "€37.50", "€50.00"]),
    ("money", 2500, "USD", ["$0", "$625", "$1,250", "$1,875", "$2,500"]),
    ("money", 250000, "USD", ["$0", "$62.5K", "$125K", "$187.5K", "$250K"]),
    ("money", 5000000, "USD", ["$0", "$1.25M", "$2.5M", "$3.75M", "$5M"]),
    # no yen has sen: the axis reaches the first top whose quarters are whole yen
    ("money", 1, "JPY", ["¥0", "¥5", "¥10", "¥15", "¥20"]),  # not ¥0, ¥0, ¥1, ¥1, ¥1
    ("money", 10, "JPY", ["¥0", "¥5", "¥10", "¥15", "¥20"]),  # not "¥3" for 2.5
    ("money", 2.5, "USD", ["$0.00", "$1.25", "$2.50", "$3.75", "$5.00"]),  # not "$0.63"
    ("quantity", 251, True, ["0", "63", "126", "188", "251"]),  # seats are whole
    ("quantity", 2, False, ["0", "0.5", "1", "1.5", "2"]),  # 0.5 GB is not "1"
    ("quantity", 5_000_000, False, ["0", "1.25M", "2.5M", "3.75M", "5M"]),
    ("quantity", 2_000_000, True, ["0", "500K", "1M", "1.5M", "2M"]),  # not "2M" for 1.5M
    ("quantity", 7.5, False, ["0", "1.88", "3.75", "5.63", "7.5"]),
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
        if kind == "money":
            assert len(values) == 5 and values[-1] >= top
        else:
            assert values[-1] == pytest.approx(top, rel=0.005)  # the axis's end, to 3 digits
            assert not arg or all(float(v).is_integer() for v in values)  # whole seats
