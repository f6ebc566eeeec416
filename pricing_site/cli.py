"""``pricing-site``: validate the catalog, print a quote, build or serve the site.

Every failure a person can cause (a bad file, a bad number) ends in a message and a
non-zero exit status, never a traceback.
"""

import argparse
import json
import sys

from calculator import CatalogError, QuoteError, quote
from calculator.errors import shown

from pricing_site.build.termination import exit_cleanly_on_term
from pricing_site.catalog import load_catalog_file, read_catalog

from .quote_table import quote_table

DEFAULT_CATALOG = "plans.yaml"


def _validate(args):
    from pricing_site.build.site import content_roots

    read = read_catalog(args.path, roots=content_roots())
    catalog, errors, warnings = read.catalog, read.errors, read.warnings
    for problem in errors + warnings:
        print(problem)
    if errors:
        print(f"{args.path}: {len(errors)} error{'s' * (len(errors) != 1)}, "
              f"{len(warnings)} warning{'s' * (len(warnings) != 1)}", file=sys.stderr)
        return 1
    plans = ", ".join(p.id for p in catalog.plans)
    print(f"{args.path}: valid ({len(catalog.plans)} plan{'s' * (len(catalog.plans) != 1)}: {plans}; "
          f"{len(warnings)} warning{'s' * (len(warnings) != 1)})")
    return 0


def _pairs(pairs, option="usage", name="METRIC"):
    """``--usage METRIC=QUANTITY`` (or ``--kind KIND=COUNT``) options as a mapping; a key
    given twice is refused (which one was meant?)."""
    out = {}
    for pair in pairs or ():
        key, sep, quantity = (part.strip() for part in pair.partition("="))
        if not sep:
            raise QuoteError(f"--{option} takes {name}=QUANTITY, got '{pair}'.", option)
        if key in out:
            raise QuoteError(f"--{option} gives {key} twice ({out[key]} and {quantity}): give "
                             f"each {name.lower()} once.", option)
        out[key] = quantity
    return out


def _quote(args):
    catalog = load_catalog_file(args.catalog)
    request = {**_estimate(args), "billing": "annual" if args.annual else "monthly"}
    if args.commit:
        request["commitment"] = True
    result = quote(catalog, request)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:  # the catalog's names, control characters escaped
        print("\n".join(shown(line) for line in quote_table(result).split("\n")))
    return 0


def _forecast(args):
    from calculator import forecast

    from .forecast_table import forecast_table, write_forecast_csv

    catalog = load_catalog_file(args.catalog)
    request = _estimate(args)
    growth = _pairs(args.growth, "growth", "QUANTITY")
    for key, target in _pairs(args.target, "target", "QUANTITY").items():
        if key in growth:
            raise QuoteError(f"{key} has both --growth and --target: give one.", "growth")
        growth[key] = {"target": target}
    out = forecast(catalog, request, growth, args.months).to_dict()
    if args.csv:
        try:
            write_forecast_csv(out, args.csv)
        except OSError as exc:
            print(f"error: cannot write {args.csv}: {exc.strerror}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print("\n".join(shown(line) for line in forecast_table(out).split("\n")))
    return 0


def _build(args):
    from pricing_site.build.site import build_site

    return build_site(args.catalog, out=args.out, variant=args.variant,
                      all_variants=args.all_variants)


def _serve(args):
    from pricing_site.build.site import serve_site

    return serve_site(args.catalog, dev_addr=args.dev_addr)


def _sample_size(args):
    from pricing_site.experiments.stats import sample_size

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
    from pricing_site.experiments.stats import SRM_ALARM, srm

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
    from pricing_site.experiments.readout import ReadoutError, read_experiment
    from pricing_site.experiments.report import report
    from pricing_site.experiments.revenue import ConversionsError, price_conversions
    from pricing_site.experiments.spec import experiment_spec

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


def _estimate_options(command, when=""):
    """The options of an estimate, for ``quote`` and ``forecast``."""
    command.add_argument("--plan", required=True)
    command.add_argument("--seats", default=1, help=f"billable seats{when} (default 1)")
    command.add_argument("--usage", action="append", metavar="METRIC=QUANTITY",
                         help=f"monthly usage of a metric{when}; repeat for several")
    command.add_argument("--kind", action="append", metavar="KIND=COUNT",
                         help=f"seats of a kind such as viewer=20{when}; repeat for several")
    command.add_argument("--addon", action="append", metavar="ID",
                         help="an add-on; repeat for several")


def _estimate(args):
    """The request the estimate options give."""
    request = {"plan": args.plan, "seats": args.seats, "usage": _pairs(args.usage)}
    if args.kind:
        request["seat_kinds"] = _pairs(args.kind, "kind", "KIND")
    if args.addon:
        request["addons"] = args.addon
    return request


def parser():
    root = argparse.ArgumentParser(prog="pricing-site", description=__doc__.splitlines()[0])
    commands = root.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check plans.yaml: every error, then warnings")
    validate.add_argument("path", nargs="?", default=DEFAULT_CATALOG)
    validate.set_defaults(run=_validate)

    q = commands.add_parser("quote", help="price a request and print the bill")
    _estimate_options(q)
    q.add_argument("--commit", action="store_true", help="with the plan's committed-use option")
    q.add_argument("--annual", action="store_true", help="annual billing (default monthly)")
    q.add_argument("--json", action="store_true", help="print the JSON of to_dict()")
    q.add_argument("--catalog", default=DEFAULT_CATALOG)
    q.set_defaults(run=_quote)

    plan_ahead = commands.add_parser("forecast", help="price an estimate month by month as it grows")
    _estimate_options(plan_ahead, " (the first month's)")
    plan_ahead.add_argument("--growth", action="append", metavar="QUANTITY=RATE",
                            help="monthly growth of seats, a metric or a seat kind: seats=0.08 "
                                 "is 8%% a month")
    plan_ahead.add_argument("--target", action="append", metavar="QUANTITY=AMOUNT",
                            help="where a quantity will be in the last month: seats=40")
    plan_ahead.add_argument("--months", type=int, default=12, help="the horizon (default 12)")
    plan_ahead.add_argument("--json", action="store_true", help="print the forecast as JSON")
    plan_ahead.add_argument("--csv", metavar="FILE", help="also write the months as CSV")
    plan_ahead.add_argument("--catalog", default=DEFAULT_CATALOG)
    plan_ahead.set_defaults(run=_forecast)

    build = commands.add_parser("build", help="build the static site")
    build.add_argument("--out", default=None, help="output folder (default: site/ or dist/): a "
                       "new or empty one, or an earlier build's output (it is replaced whole)")
    which = build.add_mutually_exclusive_group()
    which.add_argument("--variant", default=None, help="build one A/B variant")
    which.add_argument("--all-variants", action="store_true", help="build every variant")
    build.add_argument("--catalog", default=DEFAULT_CATALOG)
    build.set_defaults(run=_build)

    ab = commands.add_parser("ab", help="A/B test maths: sample size, sample ratio mismatch, reading a result")
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
    result.add_argument("--catalog", default=DEFAULT_CATALOG)
    result.set_defaults(run=_result)

    serve = commands.add_parser("serve", help="serve the site with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--catalog", default=DEFAULT_CATALOG)
    serve.set_defaults(run=_serve)
    return root


def main(argv=None):
    args = parser().parse_args(argv)
    exit_cleanly_on_term()
    try:
        return args.run(args)
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except QuoteError as exc:
        print(shown(f"error: {exc}"), file=sys.stderr)
        return 2
    except MemoryError:   # the files are bounded (file_limits), the machine may be smaller
        print(f"error: {args.command} ran out of memory (this machine's, or a limit set on "
              f"this process); nothing was changed", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
