"""What each conversion is worth, priced by the catalog its visitor saw.

A conversions file has one row per conversion, as exported from the site's analytics events
(``cta_click`` / a sign-up carrying the estimate), with these columns (docs/variants.md):

    variation,plan,billing,seats,commitment,addons,usage.api_calls,kind.viewer
    yearly-push,team,annual,12,,sso,,3

``variation`` and ``plan`` are required; ``billing`` (monthly | annual), ``currency`` (a price
book of the catalog; every priced row in one currency, as money of two is not added), ``seats``,
``commitment`` (yes | no), ``addons`` (ids separated by spaces or ``;``), ``usage.<metric>`` and
``kind.<seat kind>`` are optional, an empty cell meaning "not given", exactly as a calculator
request. Each row becomes a request and is priced with ``quote()`` under its own variation's
catalog (a variation that changes prices earns its own prices), so a bad row fails as the
calculator would, located by file, line and column.

What a conversion is worth, two ways (``VALUES``): ``monthly``, the bill per month (an annual
bill's monthly equivalent, as the page shows it), or ``first-year``, what the first year brings
(twelve monthly bills, or the yearly bill). A conversion to a contact-sales plan has no price:
it is counted as a conversion and listed as unpriced, never guessed.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal

from calculator import QuoteError, quote

from .lift import Sample

VALUES = ("monthly", "first-year")
FIXED_COLUMNS = ("variation", "plan", "billing", "currency", "seats", "commitment", "addons")
PREFIXES = {"usage.": "usage", "kind.": "seat_kinds"}
MAX_ROWS = 1_000_000
_YES, _NO = ("yes", "true", "1"), ("no", "false", "0", "")


class ConversionsError(ValueError):
    """A located problem in the conversions file: ``file:line: column: message``."""


@dataclass
class Revenue:
    """One variation's priced conversions."""

    conversions: int = 0
    unpriced: int = 0                   # conversions to a contact-sales plan
    total: Decimal = Decimal(0)         # exact, in the catalog's currency
    squares: Decimal = Decimal(0)
    currency: str = ""
    plans: dict = field(default_factory=dict)  # plan id -> conversions

    def add(self, value, plan):
        self.conversions += 1
        self.plans[plan] = self.plans.get(plan, 0) + 1
        if value is None:
            self.unpriced += 1
        else:
            self.total += value
            self.squares += value * value

    def per_visitor(self, visitors):
        """A ``Sample`` over every visitor: non-buyers count as zero."""
        return Sample(visitors, float(self.total), float(self.squares))


def conversion_value(result, value):
    """What one priced quote is worth as ``value`` (see ``VALUES``); None for contact sales."""
    if result.status != "priced":
        return None
    if value == "monthly":
        return result.monthly_equivalent
    return result.bill.total * (12 // result.bill.months)


def _request(row, line, path):
    request, usage, kinds = {}, {}, {}
    for column, cell in row.items():
        cell = (cell or "").strip()
        if column in ("variation",) or not cell:
            continue
        if column == "commitment":
            if cell.lower() not in _YES + _NO:
                raise ConversionsError(f"{path}:{line}: commitment: write yes or no, not '{cell}'")
            request["commitment"] = cell.lower() in _YES
        elif column == "addons":
            request["addons"] = [a for a in cell.replace(";", " ").split() if a]
        elif column.startswith("usage."):
            usage[column.removeprefix("usage.")] = cell
        elif column.startswith("kind."):
            kinds[column.removeprefix("kind.")] = cell
        else:
            request[column] = cell
    if usage:
        request["usage"] = usage
    if kinds:
        request["seat_kinds"] = kinds
    return request


def _check_columns(columns, path):
    if not columns:
        raise ConversionsError(f"{path}:1: the file is empty: its first line names the columns "
                               f"({', '.join(FIXED_COLUMNS)}, usage.<metric>, kind.<seat kind>)")
    for required in ("variation", "plan"):
        if required not in columns:
            raise ConversionsError(f"{path}:1: no '{required}' column (columns: "
                                   f"{', '.join(columns)})")
    for column in columns:
        if column not in FIXED_COLUMNS and not column.startswith(tuple(PREFIXES)):
            raise ConversionsError(
                f"{path}:1: unknown column '{column}': the columns are "
                f"{', '.join(FIXED_COLUMNS)}, usage.<metric> and kind.<seat kind>")


def priced_conversions(path, catalogs):
    """``(line, variation, quote)`` for each row of the conversions file at ``path``, priced
    with ``catalogs[variation]`` (an engine ``Catalog``); raises ``ConversionsError`` at the
    first bad row, naming it."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle, strict=True)
        try:
            _check_columns(reader.fieldnames, path)
            for row in reader:
                line = reader.line_num
                if line > MAX_ROWS + 1:
                    raise ConversionsError(f"{path}:{line}: more than {MAX_ROWS:,} conversions")
                if None in row:
                    raise ConversionsError(f"{path}:{line}: more cells than columns")
                variation = (row["variation"] or "").strip()
                if variation not in catalogs:
                    raise ConversionsError(
                        f"{path}:{line}: variation: '{variation}' is not one of the experiment's "
                        f"variations ({', '.join(catalogs)})")
                try:
                    result = quote(catalogs[variation], _request(row, line, path),
                                   alternatives=False)
                except QuoteError as exc:
                    raise ConversionsError(f"{path}:{line}: {_column_of(exc.field)}: {exc}") from None
                yield line, variation, result
        except csv.Error as exc:
            raise ConversionsError(f"{path}:{reader.line_num}: not a CSV file ({exc})") from None
        except UnicodeDecodeError:
            raise ConversionsError(f"{path}: not UTF-8 text") from None


def price_conversions(path, catalogs, value="monthly"):
    """``{variation: Revenue}``: every conversion in the file at ``path`` priced (see
    ``priced_conversions``) and worth ``value`` (see ``VALUES``)."""
    if value not in VALUES:
        raise ValueError(f"value must be one of {', '.join(VALUES)}")
    revenue = {key: Revenue(currency=catalog.currency) for key, catalog in catalogs.items()}
    currency = None
    for line, variation, result in priced_conversions(path, catalogs):
        worth = conversion_value(result, value)
        if worth is not None:
            currency = currency or result.currency
            if result.currency != currency:
                raise ConversionsError(
                    f"{path}:{line}: currency: {result.currency}, where the rows before are in "
                    f"{currency}: revenue adds money of one currency, so read each currency's "
                    "conversions apart (one file each)")
        revenue[variation].add(worth, result.plan)
    for key in revenue:
        revenue[key].currency = currency or revenue[key].currency
    return revenue


def _column_of(field_path):
    """The CSV column a request field came from: ``seat_kinds.viewer`` is ``kind.viewer``,
    ``usage.api_calls`` is itself."""
    if not field_path:
        return "row"
    head, _, rest = str(field_path).partition(".")
    if head == "seat_kinds":
        return f"kind.{rest}" if rest else "kind"
    return str(field_path)
