"""Reading an experiment: per variation its visitors, conversions and rate, each against control,
the sample-ratio check against the planned weights, and a verdict that waits for the planned
sample (looking at a running test and stopping when it first looks significant finds
"winners" that are noise).

The plan comes from plans.yaml (``variants.sample_size``: visitors per variation, or the
baseline rate and the smallest lift worth detecting, turned into visitors by ``sample_size``).
With conversions priced (``revenue.py``), revenue per visitor is read beside the rate: a
variation that changes prices can win on conversions and lose on money.
"""

from dataclasses import dataclass

from .lift import conversion_lift, mean_lift
from .stats import SRM_ALARM, sample_size, srm


class ReadoutError(ValueError):
    """Counts that cannot be read (a variation missing or unknown, no visitors, more
    conversions than visitors)."""


def planned_visitors(plan):
    """Visitors per variation the experiment planned (``variants.sample_size``), or None."""
    if plan is None:
        return None
    if isinstance(plan, int):
        return plan
    if "visitors" in plan:
        return int(plan["visitors"])
    return sample_size(plan["baseline"], plan["mde"], relative=plan.get("relative", True))


@dataclass(frozen=True)
class Arm:
    key: str
    name: str
    visitors: int
    conversions: int
    revenue: object = None      # revenue.Revenue when conversions were priced

    @property
    def rate(self):
        return self.conversions / self.visitors

    def per_visitor(self):
        return None if self.revenue is None else self.revenue.per_visitor(self.visitors)


def check_counts(spec, counts):
    """``counts``: ``{key: (visitors, conversions)}``, one for every variation of ``spec`` (the
    experiment as ``experiment_spec`` gives it)."""
    keys = [v["key"] for v in spec["variations"]]
    unknown = [k for k in counts if k not in keys]
    if unknown:
        raise ReadoutError(f"'{unknown[0]}' is not a variation of {spec['key']} "
                           f"(variations: {', '.join(keys)})")
    missing = [k for k in keys if k not in counts]
    if missing:
        raise ReadoutError(f"no counts for {', '.join(missing)}: give every variation "
                           f"({', '.join(keys)}), as KEY=VISITORS:CONVERSIONS")
    for key, (visitors, conversions) in counts.items():
        if visitors <= 0:
            raise ReadoutError(f"{key} has no visitors: a rate needs visitors (is the "
                               "variation deployed, and its key spelled as in plans.yaml?)")
        if not 0 <= conversions <= visitors:
            raise ReadoutError(f"{key}: {conversions:,} conversions from {visitors:,} visitors: "
                               "conversions count visitors who converted, at most one each")


def read_experiment(spec, counts, plan=None, revenue=None):
    """The read-out as a dict (what ``--json`` prints; ``report.py`` words it)."""
    check_counts(spec, counts)
    names = {v["key"]: v["name"] for v in spec["variations"]}
    arms = [Arm(key, names[key], *counts[key], (revenue or {}).get(key))
            for key in (v["key"] for v in spec["variations"])]
    control = arms[0]
    statistic, p_srm, alarm = srm([a.visitors for a in arms], spec["weights"])
    planned = planned_visitors(plan)
    reached = planned is not None and all(a.visitors >= planned for a in arms)
    out = {
        "experiment": spec["key"],
        "planned_visitors": planned,
        "progress": None if planned is None else min(a.visitors for a in arms) / planned,
        "srm": {"chi_square": statistic, "p_value": p_srm, "mismatch": alarm,
                "weights": spec["weights"]},
        "variations": [],
    }
    for arm in arms:
        entry = {"key": arm.key, "name": arm.name, "visitors": arm.visitors,
                 "conversions": arm.conversions, "rate": arm.rate}
        if arm.revenue is not None:
            sample = arm.per_visitor()
            entry["revenue"] = {"currency": arm.revenue.currency, "total": str(arm.revenue.total),
                                "unpriced_conversions": arm.revenue.unpriced,
                                "per_visitor": sample.mean,
                                "per_visitor_interval": list(sample.interval())}
        if arm is not control:
            rate = conversion_lift(control.visitors, control.conversions,
                                   arm.visitors, arm.conversions)
            entry["conversion_lift"] = rate.to_dict()
            money = (mean_lift(control.per_visitor(), arm.per_visitor())
                     if arm.revenue is not None else None)
            if money is not None:
                entry["revenue_lift"] = money.to_dict()
            entry["verdict"] = _verdict(arm, rate, money, reached, alarm, planned)
        out["variations"].append(entry)
    out["verdict"] = _summary(out, reached, alarm, planned)
    return out


def _verdict(arm, rate, money, reached, alarm, planned):
    """One variation's word: "wins", "loses", "no difference", or why there is none yet."""
    if alarm:
        return "no verdict: sample ratio mismatch"
    if planned is None:
        return "no verdict: no planned sample size"
    if not reached:
        return "no verdict yet: planned sample not reached"
    words = [_word(rate, "conversions")]
    if money is not None:
        words.append(_word(money, "revenue per visitor"))
    return "; ".join(words)


def _word(lift, measure):
    if not lift.significant:
        return f"no significant difference in {measure}"
    return f"{'wins' if lift.absolute > 0 else 'loses'} on {measure}"


def _summary(out, reached, alarm, planned):
    if alarm:
        return (f"Sample ratio mismatch (p = {out['srm']['p_value']:.2g} < {SRM_ALARM}): the "
                "traffic did not split as planned, so the variations' visitors are not alike. "
                "Find the cause (redirects, bots, a broken assignment) before reading any result.")
    if planned is None:
        return ("No verdict: plans.yaml plans no sample size (variants.sample_size), so there "
                "is no point at which the figures may be read as a result.")
    if not reached:
        least = min(v["visitors"] for v in out["variations"])
        return (f"Keep running: {least:,} of {planned:,} visitors per variation "
                f"({out['progress']:.0%} of the planned sample). No verdict before the "
                "planned sample is reached, whatever the p-values say now.")
    return "Planned sample reached: " + "; ".join(
        f"{v['name']} {v['verdict']}" for v in out["variations"][1:]) + "."
