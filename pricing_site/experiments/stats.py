"""Can the traffic support a test? Sample size for two proportions, and the sample-ratio-
mismatch check. Standard library only (``statistics.NormalDist``, ``math.lgamma``)."""

import math
from statistics import NormalDist

SRM_ALARM = 0.001


def sample_size(baseline, mde, relative=False, alpha=0.05, power=0.8):
    """Visitors needed in EACH group to detect ``baseline`` -> ``baseline + mde`` (or
    ``baseline * (1 + mde)`` when ``relative``), two-sided, pooled variance under H0."""
    p1 = float(baseline)
    p2 = p1 * (1 + float(mde)) if relative else p1 + float(mde)
    if not (0 < p1 < 1 and 0 < p2 < 1 and p1 != p2):
        raise ValueError("baseline and baseline + effect must both lie strictly between 0 and 1")
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    z_power = NormalDist().inv_cdf(power)
    pooled = (p1 + p2) / 2
    root = z_alpha * math.sqrt(2 * pooled * (1 - pooled)) + \
        z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(root ** 2 / (p2 - p1) ** 2)


def _upper_gamma_q(a, x):
    """Regularized upper incomplete gamma Q(a, x): series below a + 1, else continued fraction."""
    if x <= 0:
        return 1.0
    log_front = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        n = a
        for _ in range(10000):
            n += 1
            term *= x / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_front))
    tiny = 1e-300
    b = x + 1 - a
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 10000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        step = d * c
        h *= step
        if abs(step - 1) < 1e-15:
            break
    return math.exp(log_front) * h


def chi2_sf(statistic, df):
    """P(X >= statistic) for a chi-square distribution with ``df`` degrees of freedom."""
    return _upper_gamma_q(df / 2, statistic / 2)


def srm(counts, weights=None):
    """``(chi_square, p_value, alarm)`` for observed ``counts`` against ``weights``
    (default equal); alarm when p < 0.001."""
    if len(counts) < 2 or any(c < 0 for c in counts) or sum(counts) == 0:
        raise ValueError("give two or more visitor counts, not all zero")
    weights = [float(w) for w in weights] if weights else [1.0] * len(counts)
    if len(weights) != len(counts) or any(w <= 0 for w in weights):
        raise ValueError("give one positive weight per count")
    total, share = sum(counts), sum(weights)
    expected = [total * w / share for w in weights]
    statistic = sum((o - e) ** 2 / e for o, e in zip(counts, expected))
    p_value = chi2_sf(statistic, len(counts) - 1)
    return statistic, p_value, p_value < SRM_ALARM
