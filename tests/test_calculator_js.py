"""The calculator's pure JavaScript helpers, run under Node: the sliders (slider.js: every
position gives a number a person could have typed, a whole number of the metric's steps) and
the chart's axis labels (chart.js: five distinct, true labels however small the amounts)."""

import json
import shutil
import subprocess
from decimal import Decimal

import pytest

from pricing_site.browser_bundle import JS_DIR

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
const [kind, max, arg] = JSON.parse(process.argv[2]);
console.log(JSON.stringify(kind === "money" ? moneyTicks(max, arg) : quantityTicks(max, arg)));
"""


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("kind, max_, arg, labels", [
    ("money", 1, "USD", ["$0.00", "$0.25", "$0.50", "$0.75", "$1.00"]),
    ("money", 5, "USD", ["$0.00", "$1.25", "$2.50", "$3.75", "$5.00"]),
    ("money", 50, "EUR", ["€0.00", "€12.50", "€25.00", "€37.50", "€50.00"]),
    ("money", 2500, "USD", ["$0", "$625", "$1,250", "$1,875", "$2,500"]),
    ("money", 250000, "USD", ["$0", "$62.5K", "$125K", "$187.5K", "$250K"]),
    ("money", 5000000, "USD", ["$0", "$1.25M", "$2.5M", "$3.75M", "$5M"]),
    ("quantity", 251, True, ["0", "63", "126", "188", "251"]),  # seats are whole
    ("quantity", 2, False, ["0", "0.5", "1", "1.5", "2"]),  # 0.5 GB is not "1"
    ("quantity", 5_000_000, False, ["0", "1.25M", "2.5M", "3.75M", "5M"]),
])
def test_chart_axis_labels_say_the_value_at_their_tick(tmp_path, kind, max_, arg, labels):
    runner = tmp_path / "ticks.mjs"
    runner.write_text(TICKS % json.dumps((JS_DIR / "chart.js").as_uri()))
    done = subprocess.run([NODE, str(runner), json.dumps([kind, max_, arg])],
                          capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stdout) == labels
