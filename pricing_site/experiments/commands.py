"""``pricing-site ab``: the A/B commands (sample size, sample-ratio check, reading a result)."""

import json
import sys

from calculator import CatalogError
from calculator.errors import shown

from pricing_site.catalog import read_catalog

from .readout import ReadoutError, read_experiment
from .report import report
from .revenue import ConversionsError, price_conversions
from .spec import experiment_spec
from .stats import SRM_ALARM, sample_size, srm


def _sample_size(args):
    try:
        n = sample_size(args.baseline, args.mde, relative=args.relative)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    effect = f"{args.mde:.2%} relative" if args.relative else f"{args.mde:.2%} points"
    print(f"{n:,} visitors per variation ({n * args.variations:,} in all) to detect {effect} "
          f"on a {args.baseline:.2%} baseline (two-sided, alpha 0.05, power 0.8)")
    return 0


def _srm(args):
    try:
        statistic, p_value, alarm = srm(args.counts, args.weights)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    verdict = (f"SAMPLE RATIO MISMATCH (p < {SRM_ALARM}): the split is broken; do not trust "
               "this test's results" if alarm else "no sample ratio mismatch")
    print(f"chi-square {statistic:.4f}, p = {p_value:.6g}: {verdict}")
    return 1 if alarm else 0


def _counts(pairs, with_conversions):
    """``KEY=VISITORS:CONVERSIONS`` (or ``KEY=VISITORS`` when a conversions file counts them)."""
    counts = {}
    for pair in pairs:
        key, _, figures = pair.partition("=")
        visitors, colon, conversions = figures.partition(":")
        if with_conversions and colon:
            raise ValueError(f"'{pair}': with --conversions the file counts the conversions; "
                             "give KEY=VISITORS")
        if not with_conversions and not colon:
            raise ValueError(f"'{pair}': give KEY=VISITORS:CONVERSIONS (or --conversions FILE)")
        try:
            figures = (int(visitors.replace(",", "").replace("_", "")),
                       int(conversions.replace(",", "").replace("_", "")) if colon else 0)
        except ValueError:
            raise ValueError(f"'{pair}': visitors and conversions are whole numbers, as in "
                             "control=5000:250") from None
        if key in counts:
            raise ValueError(f"{key} is given twice")
        counts[key] = figures
    return counts


def _result(args):
    read = read_catalog(args.catalog, lint=False)
    if read.errors:
        raise CatalogError(read.errors)
    if read.content.variants is None:
        print(f"error: {args.catalog} has no variants: section (docs/variants.md)", file=sys.stderr)
        return 2
    spec = experiment_spec(read.data)
    try:
        counts = _counts(args.counts, args.conversions is not None)
        revenue = None
        if args.conversions is not None:
            catalogs = {v["key"]: read.variant(v["key"])[0] for v in spec["variations"]}
            revenue = price_conversions(args.conversions, catalogs, args.value)
            counts = {k: (visitors, revenue[k].conversions if k in revenue else 0)
                      for k, (visitors, _) in counts.items()}
        out = read_experiment(spec, counts, read.content.variants.get("sample_size"), revenue)
    except (ValueError, ReadoutError, ConversionsError, OSError) as exc:
        print(shown(f"error: {exc}"), file=sys.stderr)
        return 2
    if args.json:
        if revenue is not None:
            out["value"] = args.value
        print(json.dumps(out, indent=2))
    else:
        print("\n".join(shown(line) for line in report(out, args.value)))
    return 0


def add_ab_commands(commands, default_catalog):
    """The ``ab`` command and its subcommands, under the CLI's ``commands``."""
    ab = commands.add_parser("ab", help="A/B test maths: sample size, sample ratio mismatch, "
                                        "reading a result")
    ab_commands = ab.add_subparsers(dest="ab_command", required=True)
    size = ab_commands.add_parser("sample-size", help="visitors needed per variation")
    size.add_argument("--baseline", type=float, required=True, help="conversion rate now (0.05)")
    size.add_argument("--mde", type=float, required=True,
                      help="minimum detectable effect: 0.01 = one point, or 10%% with --relative")
    size.add_argument("--relative", action="store_true", help="--mde is relative to the baseline")
    size.add_argument("--variations", type=int, default=2, help="for the total (default 2)")
    size.set_defaults(run=_sample_size)
    ratio = ab_commands.add_parser("srm", help="chi-square check of the traffic split")
    ratio.add_argument("counts", type=int, nargs="+", help="visitors per variation")
    ratio.add_argument("--weights", type=float, nargs="+", help="planned split (default equal)")
    ratio.set_defaults(run=_srm)
    result = ab_commands.add_parser(
        "result", help="read the experiment: rates, lifts, p-values, revenue per visitor")
    result.add_argument("counts", nargs="+", metavar="KEY=VISITORS[:CONVERSIONS]",
                        help="every variation's visitors and conversions, as control=5000:250")
    result.add_argument("--conversions", metavar="FILE.csv",
                        help="one row per conversion, priced by its variation's catalog "
                             "(docs/variants.md); the file counts the conversions")
    result.add_argument("--value", choices=("monthly", "first-year"), default="monthly",
                        help="what a priced conversion is worth (default: its monthly bill)")
    result.add_argument("--json", action="store_true", help="print the figures as JSON")
    result.add_argument("--catalog", default=default_catalog)
    result.set_defaults(run=_result)
