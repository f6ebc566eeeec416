"""``pricing-site``: make a site, validate its catalog, print a quote, build or serve it.

Every failure a person can cause (a bad file, a bad number) ends in a message and a
non-zero exit status, never a traceback.
"""

import argparse
import json
import sys

from calculator import CatalogError, QuoteError, quote
from calculator.errors import printable, shown

from pricing_site.build.config_file import NoConfig
from pricing_site.build.termination import exit_cleanly_on_term
from pricing_site.catalog import load_catalog_file, read_catalog
from pricing_site.experiments.commands import add_ab_commands

from .quote_table import quote_table
from . import __version__

DEFAULT_CATALOG = "plans.yaml"


def _validate(args):
    from pricing_site.build.locales import engine_warnings, nav_warnings
    from pricing_site.build.site import configured_catalog_path, content_roots, site_nav

    try:  # the site's pages and images (and its nav's titles) are checked too in its folder
        roots, site_catalog, navs = content_roots(), configured_catalog_path(), [site_nav()]
    except NoConfig:
        roots, site_catalog, navs = None, DEFAULT_CATALOG, []
    args.path = args.path or site_catalog
    read = read_catalog(args.path, roots=roots)
    catalog, errors, warnings = read.catalog, read.errors, read.warnings
    if not errors:
        warnings = warnings + engine_warnings(read) + [
            problem for nav in navs for problem in nav_warnings(read, nav)]
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


def terminal_json(data):
    """``data`` as JSON for a terminal: every text as written (accents, "€"), but the characters
    a terminal would act on (ESC, C1 controls such as CSI, U+202E) as ``\\u`` escapes, which
    JSON reads back as the same text."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if text.isprintable():
        return text
    return "".join(c if c == "\n" or printable(c) else json.dumps(c)[1:-1] for c in text)


def _quote(args):
    catalog = load_catalog_file(args.catalog)
    request = _estimate(args)
    if args.annual:  # else monthly, or yearly for a plan sold yearly only
        request["billing"] = "annual"
    if args.commit:
        request["commitment"] = args.commit  # True: the first level; or the level's number
    if args.promotion is not None:
        request["promotion"] = args.promotion
    if args.date is not None:
        request["date"] = args.date
    result = quote(catalog, request)
    if args.json:
        print(terminal_json(result.to_dict()))
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
        print(terminal_json(out))
    else:
        print("\n".join(shown(line) for line in forecast_table(out).split("\n")))
    return 0


def _build(args):
    from pricing_site.build.site import build_site, configured_catalog_path

    return build_site(args.catalog or configured_catalog_path(), out=args.out,
                      variant=args.variant, all_variants=args.all_variants)


def _serve(args):
    from pricing_site.build.site import configured_catalog_path, serve_site

    return serve_site(args.catalog or configured_catalog_path(), dev_addr=args.dev_addr)


def _new(args):
    from .starter import StarterError, new_site

    try:
        folder = new_site(args.folder)
    except StarterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Made a new site in {folder}. Next:\n  cd {args.folder}\n  pricing-site serve"
          f"      # preview at http://127.0.0.1:8000, rebuilt as you edit plans.yaml\n"
          f"  pricing-site build      # the static site in site/")
    return 0


def _estimate_options(command, when=""):
    """The options of an estimate, for ``quote`` and ``forecast``."""
    command.add_argument("--plan", required=True)
    command.add_argument("--seats", default=1, help=f"billable seats{when} (default 1)")
    command.add_argument("--usage", action="append", metavar="METRIC=QUANTITY",
                         help=f"monthly usage of a metric{when}; repeat for several")
    command.add_argument("--kind", action="append", metavar="KIND=COUNT",
                         help=f"seats of a kind such as viewer=20{when}; repeat for several")
    command.add_argument("--addon", action="append", metavar="ID[=COUNT]",
                         help="an add-on (with the number bought, for one sold by the unit); "
                              "repeat for several")
    command.add_argument("--currency", metavar="CODE",
                         help="price in this currency's price book (default: the catalog's own)")


def _estimate(args):
    """The request the estimate options give."""
    request = {"plan": args.plan, "seats": args.seats, "usage": _pairs(args.usage)}
    if args.kind:
        request["seat_kinds"] = _pairs(args.kind, "kind", "KIND")
    if args.addon:  # ids, or a mapping once one gives a count (--addon phone_numbers=3)
        request["addons"] = args.addon if not any("=" in a for a in args.addon) else _pairs(
            [a if "=" in a else f"{a}=1" for a in args.addon], "addon", "ADDON")
    if args.currency is not None:
        request["currency"] = args.currency
    return request


def parser():
    root = argparse.ArgumentParser(prog="pricing-site", description=__doc__.splitlines()[0])
    root.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = root.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="make a new site folder that builds at once")
    new.add_argument("folder", metavar="DIR", help="a new or empty folder")
    new.set_defaults(run=_new)

    validate = commands.add_parser("validate", help="check plans.yaml: every error, then warnings")
    validate.add_argument("path", nargs="?", default=None,
                          help="default: the catalog mkdocs.yml names, else plans.yaml")
    validate.set_defaults(run=_validate)

    q = commands.add_parser("quote", help="price a request and print the bill")
    _estimate_options(q)
    q.add_argument("--commit", nargs="?", const=True, default=False, metavar="LEVEL",
                   help="with the plan's committed-use option (its first level, or level LEVEL: "
                        "1, 2, ...)")
    q.add_argument("--promotion", metavar="CODE", help="a promotion code the buyer types")
    q.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the day to price on (default: the catalog's date, which a promotion "
                        "that ends sets to today)")
    q.add_argument("--annual", action="store_true",
                   help="annual billing (default monthly, unless the plan is sold yearly only)")
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
    build.add_argument("--catalog", default=None, help="default: the one mkdocs.yml names")
    build.set_defaults(run=_build)

    add_ab_commands(commands, DEFAULT_CATALOG)

    serve = commands.add_parser("serve", help="serve the site with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--catalog", default=None, help="default: the one mkdocs.yml names")
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
    except NoConfig as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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
