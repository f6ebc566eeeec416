"""Reading an experiment: the statistics against formulas written out here and published worked
examples, the verdict's rules, and the command line."""

import json
import math

import pytest

from pricing_site.cli import main
from pricing_site.experiments.lift import Sample, conversion_lift, mean_lift, two_sided_p
from pricing_site.experiments.readout import ReadoutError, planned_visitors, read_experiment

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal


def phi(x):
    """The standard normal CDF through math.erf: independent of statistics.NormalDist."""
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def spec(weights=(0.5, 0.5), keys=("control", "b")):
    return {"key": "exp", "weights": list(weights),
            "variations": [{"key": k, "name": k.title()} for k in keys]}


def test_two_proportion_z_test_written_out():
    # control 250/5000 = 5.0%, variation 290/5000 = 5.8%
    lift = conversion_lift(5000, 250, 5000, 290)
    pooled = 540 / 10000                                   # 0.054
    se_pooled = math.sqrt(pooled * (1 - pooled) * (2 / 5000))
    z = 0.008 / se_pooled                                  # 1.7698...
    assert lift.z == pytest.approx(z, rel=1e-12)
    assert lift.p_value == pytest.approx(2 * (1 - phi(z)), rel=1e-9)
    assert lift.p_value == pytest.approx(0.0768, abs=5e-5)
    # the interval uses the unpooled standard error
    se = math.sqrt(0.05 * 0.95 / 5000 + 0.058 * 0.942 / 5000)
    assert lift.absolute_interval == pytest.approx((0.008 - Z95 * se, 0.008 + Z95 * se))
    # the relative lift by the delta method: var_b / a^2 + b^2 var_a / a^4
    var_a, var_b = 0.05 * 0.95 / 5000, 0.058 * 0.942 / 5000
    half = Z95 * math.sqrt(var_b / 0.05 ** 2 + 0.058 ** 2 * var_a / 0.05 ** 4)
    assert lift.relative == pytest.approx(0.16)
    assert lift.relative_interval == pytest.approx((0.16 - half, 0.16 + half))
    assert not lift.significant


def test_published_example_statsmodels_proportions_ztest():
    # statsmodels' documentation: count [5, 12] of nobs [83, 99] gives p 0.159 (z -1.408)
    lift = conversion_lift(83, 5, 99, 12)
    assert lift.z == pytest.approx(1.4078, abs=1e-4)        # b - a here, a - b there
    assert round(lift.p_value, 3) == 0.159


def test_a_clear_win_is_significant():
    lift = conversion_lift(9000, 450, 9000, 540)             # 5% -> 6%
    assert lift.significant and lift.absolute > 0
    assert lift.p_value == pytest.approx(2 * (1 - phi(lift.z)), rel=1e-9)


@pytest.mark.parametrize("a, b, z, p", [
    ((1000, 0), (1000, 0), None, 1.0),      # nobody converted: nothing to test
    ((1000, 50), (1000, 50), 0.0, 1.0),     # equal rates
    ((10, 10), (10, 10), None, 1.0),        # everybody converted
])
def test_no_difference_means_p_one(a, b, z, p):
    lift = conversion_lift(*a, *b)
    assert lift.z == z and lift.p_value == p and lift.absolute == 0


def test_control_at_zero_has_no_relative_lift():
    lift = conversion_lift(1000, 0, 1000, 7)
    assert lift.relative is None and lift.relative_interval is None
    assert lift.absolute == pytest.approx(0.007)


def test_revenue_per_visitor_written_out():
    # 4 visitors: two paid 10 and 30, two paid nothing; mean 10, sample variance
    # ((10-10)^2 + (30-10)^2 + 2 * (0-10)^2) / 3 = 600 / 3 = 200; variance of the mean 200 / 4
    a = Sample(4, 40.0, 10.0 ** 2 + 30.0 ** 2)
    assert a.mean == 10 and a.variance_of_mean == pytest.approx(50)
    assert a.interval() == pytest.approx((10 - Z95 * math.sqrt(50), 10 + Z95 * math.sqrt(50)))
    b = Sample(5, 100.0, 3 * 20.0 ** 2 + 40.0 ** 2)          # 20, 20, 20, 40, 0: mean 20
    var_b = (3 * 0 + 20 ** 2 + 20 ** 2) / 4 / 5               # deviations 0, 0, 0, 20, -20
    lift = mean_lift(a, b)
    assert lift.absolute == 10
    assert lift.z == pytest.approx(10 / math.sqrt(50 + var_b))
    assert lift.p_value == pytest.approx(two_sided_p(10 / math.sqrt(50 + var_b)))
    half = Z95 * math.sqrt(var_b / 10 ** 2 + 20 ** 2 * 50 / 10 ** 4)
    assert lift.relative == 1 and lift.relative_interval == pytest.approx((1 - half, 1 + half))


@pytest.mark.parametrize("counts, message", [
    ({"control": (1000, 10)}, "no counts for b"),
    ({"control": (1000, 10), "b": (1000, 10), "c": (5, 1)}, "'c' is not a variation"),
    ({"control": (1000, 10), "b": (0, 0)}, "b has no visitors"),
    ({"control": (1000, 10), "b": (100, 101)}, "101 conversions from 100 visitors"),
    ({"control": (1000, -1), "b": (100, 1)}, "-1 conversions"),
])
def test_counts_that_cannot_be_read(counts, message):
    with pytest.raises(ReadoutError, match=message):
        read_experiment(spec(), counts)


def test_no_verdict_before_the_planned_sample():
    out = read_experiment(spec(), {"control": (3000, 150), "b": (3100, 240)}, plan=8000)
    assert out["variations"][1]["conversion_lift"]["significant"]      # it looks like a win...
    assert out["variations"][1]["verdict"] == "no verdict yet: planned sample not reached"
    assert out["progress"] == 3000 / 8000
    assert out["verdict"].startswith("Keep running: 3,000 of 8,000 visitors per variation (38%")


def test_verdict_once_the_planned_sample_is_reached():
    out = read_experiment(spec(), {"control": (9000, 450), "b": (9000, 540)},
                          plan={"baseline": 0.05, "mde": 0.2})
    assert out["planned_visitors"] == 8158
    assert out["variations"][1]["verdict"] == "wins on conversions"
    assert out["verdict"] == "Planned sample reached: B wins on conversions."


def test_a_mismatched_split_withholds_every_verdict():
    # the plan says 50/50; 9,000 against 8,400 is chi-square 20.7, p 5e-6
    out = read_experiment(spec(), {"control": (9000, 450), "b": (8400, 540)}, plan=8000)
    assert out["srm"]["mismatch"] and out["srm"]["p_value"] < 0.001
    assert out["variations"][1]["verdict"] == "no verdict: sample ratio mismatch"
    assert out["verdict"].startswith("Sample ratio mismatch")
    # the same counts against a 52/48 plan are as planned
    fits = read_experiment(spec((0.52, 0.48)), {"control": (9000, 450), "b": (8400, 540)}, plan=8000)
    assert not fits["srm"]["mismatch"]


def test_without_a_plan_there_is_no_verdict():
    out = read_experiment(spec(), {"control": (9000, 450), "b": (9000, 540)})
    assert out["verdict"].startswith("No verdict: plans.yaml plans no sample size")


@pytest.mark.parametrize("plan, visitors", [
    (None, None), (5000, 5000), ({"visitors": 1200}, 1200),
    ({"baseline": 0.05, "mde": 0.01, "relative": False}, 8158),
])
def test_planned_visitors(plan, visitors):
    assert planned_visitors(plan) == visitors


def test_cli_reads_the_demo_experiment(capsys):
    code = main(["ab", "result", "control=9000:450", "yearly-push=9000:540",
                 "business-first=9000:470"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Save 25% yearly (yearly-push): 540 of 9,000 visitors converted, 6.00%" in out
    assert "+1.00 percentage points" in out
    assert "Planned: 8,158 visitors per variation; 110% reached" in out
    assert out.rstrip().endswith("Planned sample reached: Save 25% yearly wins on conversions; "
                                 "Business highlighted no significant difference in conversions.")


def test_cli_json_gives_the_same_figures(capsys):
    assert main(["ab", "result", "control=9000:450", "yearly-push=9000:540",
                 "business-first=9000:470", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    push = out["variations"][1]
    assert push["conversion_lift"] == json.loads(json.dumps(conversion_lift(9000, 450, 9000, 540).to_dict()))
    assert out["srm"]["weights"] == [0.34, 0.33, 0.33]


@pytest.mark.parametrize("args, message", [
    (["control=9000:450", "yearly-push=9000:540"], "no counts for business-first"),
    (["control=9000", "yearly-push=9000:540", "business-first=1:1"], "give KEY=VISITORS:CONVERSIONS"),
    (["control=9k:450", "yearly-push=9000:540", "business-first=1:1"], "whole numbers"),
    (["control=9000:450", "control=9000:450"], "control is given twice"),
])
def test_cli_refuses_unreadable_counts(capsys, args, message):
    assert main(["ab", "result", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_variation_can_win_on_conversions_and_lose_on_revenue():
    from decimal import Decimal

    from pricing_site.experiments.revenue import Revenue

    def revenue(count, each):
        r = Revenue(currency="USD")
        for _ in range(count):
            r.add(Decimal(each), "team")
        return r

    # 5% of 20,000 at $250 against 6% at $150: $12.50 against $9.00 per visitor
    out = read_experiment(spec(), {"control": (20000, 1000), "b": (20000, 1200)}, plan=8000,
                          revenue={"control": revenue(1000, 250), "b": revenue(1200, 150)})
    b = out["variations"][1]
    assert b["revenue"]["per_visitor"] == 9.0 and out["variations"][0]["revenue"]["per_visitor"] == 12.5
    assert b["verdict"] == "wins on conversions; loses on revenue per visitor"
