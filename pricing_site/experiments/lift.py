"""How a variation differs from control: conversion rates and revenue per visitor.

The frequentist read-out most experiment tools give (GrowthBook's frequentist engine, Optimizely's
fixed-horizon reports), with the normal approximation throughout, as the sample sizes a pricing
page needs make it exact enough:

- conversions: the two-proportion z-test, its standard error pooled under the null hypothesis;
  the interval of the absolute difference with the unpooled standard error;
- revenue per visitor (every visitor counted, non-buyers at zero): Welch's z-test, unpooled;
- the relative lift ``(b - a) / a`` and its interval by the delta method:
  ``var = var_b / a**2 + b**2 * var_a / a**4``, where ``var_x`` is the variance of the mean.

Standard library only (``statistics.NormalDist``); floats, as statistics are estimates: money
stays exact in ``revenue.py`` and becomes a float only here.
"""

import math
from dataclasses import dataclass
from statistics import NormalDist

CONFIDENCE = 0.95
_NORMAL = NormalDist()


def z_critical(confidence=CONFIDENCE):
    """1.959963... for 95%: the half-width of a two-sided interval in standard errors."""
    return _NORMAL.inv_cdf(0.5 + confidence / 2)


def two_sided_p(z):
    """P(|Z| >= |z|) for a standard normal Z."""
    return 2 * _NORMAL.cdf(-abs(z))


@dataclass(frozen=True)
class Lift:
    """Variation against control on one measure (a rate, or revenue per visitor)."""

    control: float
    variation: float
    absolute: float
    absolute_interval: tuple
    relative: float | None          # None when control's value is zero
    relative_interval: tuple | None
    z: float | None                 # None when there is no spread at all (nothing to test)
    p_value: float

    @property
    def significant(self):
        return self.p_value < 1 - CONFIDENCE

    def to_dict(self):
        return {"control": self.control, "variation": self.variation,
                "absolute": self.absolute, "absolute_interval": list(self.absolute_interval),
                "relative": self.relative,
                "relative_interval": (None if self.relative_interval is None
                                      else list(self.relative_interval)),
                "z": self.z, "p_value": self.p_value, "significant": self.significant}


def _lift(mean_a, var_a, mean_b, var_b, test_se):
    """``var_a``/``var_b``: the variances of the two means; ``test_se``: the standard error the
    test divides by (pooled for proportions, unpooled for revenue)."""
    z_crit = z_critical()
    difference = mean_b - mean_a
    half = z_crit * math.sqrt(var_a + var_b)
    if test_se > 0:
        z = difference / test_se
        p_value = two_sided_p(z)
    else:  # both groups constant: equal values are no evidence, unequal ones cannot happen
        z, p_value = None, 1.0
    relative = relative_interval = None
    if mean_a > 0:
        relative = difference / mean_a
        rel_var = var_b / mean_a ** 2 + mean_b ** 2 * var_a / mean_a ** 4
        rel_half = z_crit * math.sqrt(rel_var)
        relative_interval = (relative - rel_half, relative + rel_half)
    return Lift(mean_a, mean_b, difference, (difference - half, difference + half),
                relative, relative_interval, z, p_value)


def conversion_lift(visitors_a, conversions_a, visitors_b, conversions_b):
    """Control ``a`` against variation ``b``; counts checked by the caller (visitors > 0,
    0 <= conversions <= visitors)."""
    p_a, p_b = conversions_a / visitors_a, conversions_b / visitors_b
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    pooled_se = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    return _lift(p_a, p_a * (1 - p_a) / visitors_a, p_b, p_b * (1 - p_b) / visitors_b, pooled_se)


@dataclass(frozen=True)
class Sample:
    """A measure over every visitor of a variation: its count, sum and sum of squares (what a
    mean and its variance need; revenue per visitor counts non-buyers at zero)."""

    n: int
    total: float
    squares: float

    @property
    def mean(self):
        return self.total / self.n

    @property
    def variance_of_mean(self):
        """The sample variance (n - 1) over n; zero for a single visitor."""
        if self.n < 2:
            return 0.0
        spread = max(0.0, self.squares - self.total ** 2 / self.n) / (self.n - 1)
        return spread / self.n

    def interval(self):
        half = z_critical() * math.sqrt(self.variance_of_mean)
        return (self.mean - half, self.mean + half)


def mean_lift(a, b):
    """Revenue per visitor of variation ``b`` against control ``a`` (``Sample``s)."""
    var_a, var_b = a.variance_of_mean, b.variance_of_mean
    return _lift(a.mean, var_a, b.mean, var_b, math.sqrt(var_a + var_b))
