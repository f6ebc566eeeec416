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
    request = {"plan": args.plan, "seats": args.seats, "usage": _pairs(args.usage),
               "billing": "annual" if args.annual else "monthly"}
    if args.kind:
        request["seat_kinds"] = _pairs(args.kind, "kind", "KIND")
    if args.addon:  # ids, or a mapping once one gives a count (--addon phone_numbers=3)
        request["addons"] = args.addon if not any("=" in a for a in args.addon) else _pairs(
            [a if "=" in a else f"{a}=1" for a in args.addon], "addon", "ADDON")
    if args.commit:
        request["commitment"] = True
    result = quote(catalog, request)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:  # the catalog's names, control characters escaped
        print("\n".join(shown(line) for line in quote_table(result).split("\n")))
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


def parser():
    root = argparse.ArgumentParser(prog="pricing-site", description=__doc__.splitlines()[0])
    commands = root.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check plans.yaml: every error, then warnings")
    validate.add_argument("path", nargs="?", default=DEFAULT_CATALOG)
    validate.set_defaults(run=_validate)

    q = commands.add_parser("quote", help="price a request and print the bill")
    q.add_argument("--plan", required=True)
    q.add_argument("--seats", default=1, help="billable seats (default 1)")
    q.add_argument("--usage", action="append", metavar="METRIC=QUANTITY",
                   help="monthly usage of a metric; repeat for several")
    q.add_argument("--kind", action="append", metavar="KIND=COUNT",
                   help="seats of a kind such as viewer=20; repeat for several")
    q.add_argument("--addon", action="append", metavar="ID[=COUNT]",
                   help="an add-on (with the number bought, for one sold by the unit); repeat "
                        "for several")
    q.add_argument("--commit", action="store_true", help="with the plan's committed-use option")
    q.add_argument("--annual", action="store_true", help="annual billing (default monthly)")
    q.add_argument("--json", action="store_true", help="print the JSON of to_dict()")
    q.add_argument("--catalog", default=DEFAULT_CATALOG)
    q.set_defaults(run=_quote)

    build = commands.add_parser("build", help="build the static site")
    build.add_argument("--out", default=None, help="output folder (default: site/ or dist/): a "
                       "new or empty one, or an earlier build's output (it is replaced whole)")
    which = build.add_mutually_exclusive_group()
    which.add_argument("--variant", default=None, help="build one A/B variant")
    which.add_argument("--all-variants", action="store_true", help="build every variant")
    build.add_argument("--catalog", default=DEFAULT_CATALOG)
    build.set_defaults(run=_build)

    ab = commands.add_parser("ab", help="A/B test maths: sample size, sample ratio mismatch")
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
