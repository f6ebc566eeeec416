"""`pricing-site ab`: sample size for two proportions and the sample-ratio-mismatch check."""

import math

import pytest

from pricing_site.experiments.stats import chi2_sf, sample_size, srm
from pricing_site.cli import main


@pytest.mark.parametrize("baseline, mde, relative, expected", [
    (0.05, 0.01, False, 8158),      # pooled-variance formula, z 1.95996 and 0.84162
    (0.05, 0.2, True, 8158),        # 20% relative of 5% is the same one point
    (0.10, 0.02, False, 3841),
])
def test_sample_size(baseline, mde, relative, expected):
    assert sample_size(baseline, mde, relative) == expected


@pytest.mark.parametrize("x, df, expected", [
    (3.841458820694124, 1, 0.05), (5.991464547107979, 2, 0.05), (0.5, 3, 0.918891411654676),
    (100, 10, math.exp(-50) * sum(50 ** k / math.factorial(k) for k in range(5))),  # closed form
    (0, 4, 1.0),
])
def test_chi_square_survival(x, df, expected):
    assert chi2_sf(x, df) == pytest.approx(expected, rel=1e-9)


def test_srm_alarm_at_p_below_one_in_a_thousand():
    assert srm([5012, 4890, 5101])[2] is False
    statistic, p_value, alarm = srm([5000, 5400])
    assert statistic == pytest.approx(15.384615, rel=1e-6) and p_value < 0.001 and alarm
    assert srm([3400, 3300, 3300], [0.34, 0.33, 0.33])[0] == pytest.approx(0)


def test_cli(capsys):
    assert main(["ab", "sample-size", "--baseline", "0.05", "--mde", "0.01"]) == 0
    assert capsys.readouterr().out.startswith("8,158 visitors per variation")
    assert main(["ab", "srm", "5000", "5400"]) == 1
    assert "SAMPLE RATIO MISMATCH" in capsys.readouterr().out
    assert main(["ab", "sample-size", "--baseline", "0.99", "--mde", "0.02"]) == 2
