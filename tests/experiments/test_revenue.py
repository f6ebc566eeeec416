"""Each conversion priced by the catalog its visitor saw: every row equals ``quote()`` under its
variation's catalog, revenue per visitor by hand, and bad rows located."""

import csv
import json
import re
from decimal import Decimal

import pytest

from calculator import quote
from pricing_site.catalog import read_catalog
from pricing_site.cli import main
from pricing_site.experiments.revenue import (ConversionsError, price_conversions,
                                              priced_conversions)
from tests.support.paths import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "conversions.csv"
VARIANTS_DOC = ROOT / "docs" / "variants.md"


@pytest.fixture(scope="module")
def catalogs():
    read = read_catalog(ROOT / "plans.yaml", lint=False)
    return {key: read.variant(key)[0] for key in ("control", "yearly-push", "business-first")}


def _request(row):
    """The request a row stands for, built here apart from the module's own reading."""
    request = {"plan": row["plan"], "billing": row["billing"], "seats": int(row["seats"])}
    if row["usage.api_calls"]:
        request["usage"] = {"api_calls": int(row["usage.api_calls"])}
    return request


def test_every_row_of_the_example_is_priced_as_quote_prices_it(catalogs):
    rows = list(csv.DictReader(EXAMPLE.open()))
    priced = list(priced_conversions(EXAMPLE, catalogs))
    assert len(priced) == len(rows) == 158
    for row, (line, variation, result) in zip(rows, priced):
        assert variation == row["variation"]
        expected = quote(catalogs[variation], _request(row), alternatives=False)
        assert result.to_dict() == expected.to_dict(), line


def test_the_price_change_wins_on_conversions_and_loses_on_revenue(catalogs):
    # control: 40 Team monthly at 5 seats x $50 = $250, 10 Team yearly at $250 less 20% = $200
    # a month: $12,000 a month from 1,000 visitors, $12.00 per visitor.
    # yearly-push (25% off yearly): 10 x $250 + 50 x $187.50 = $11,875: $11.875 per visitor,
    # from 60 conversions (6%) against control's 50 (5%).
    revenue = price_conversions(EXAMPLE, catalogs)
    assert revenue["control"].total == Decimal("12000.00")
    assert revenue["yearly-push"].total == Decimal("11875.00")
    assert (revenue["control"].conversions, revenue["yearly-push"].conversions) == (50, 60)
    # first-year value: 40 x $3,000 + 10 x $2,400 = $144,000; 10 x $3,000 + 50 x $2,250
    first_year = price_conversions(EXAMPLE, catalogs, "first-year")
    assert first_year["control"].total == Decimal("144000.00")
    assert first_year["yearly-push"].total == Decimal("142500.00")
    # business-first: 36 x $250 + 9 x $200 + 2 Business (20 seats, 50,000 calls) at $1,199,
    # and one Enterprise conversion: contact sales, counted, not priced
    assert revenue["business-first"].total == Decimal("13198.00")
    assert (revenue["business-first"].conversions, revenue["business-first"].unpriced) == (48, 1)


def test_revenue_per_visitor_counts_every_visitor(catalogs):
    revenue = price_conversions(EXAMPLE, catalogs)["control"]
    sample = revenue.per_visitor(1000)
    assert sample.mean == 12.0
    # 40 x 250^2 + 10 x 200^2 = 2,900,000; variance (2,900,000 - 12,000^2 / 1000) / 999
    assert sample.variance_of_mean == pytest.approx((2_900_000 - 144_000) / 999 / 1000)


def test_the_worked_example_in_the_docs_is_what_the_command_prints(capsys):
    """docs/variants.md shows the command and its output: both are run here."""
    text = VARIANTS_DOC.read_text()
    blocks = re.findall(r"```console\n\$ (pricing-site ab result [^\n]+)\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    for command, printed in blocks:
        assert main(command.split()[1:]) == 0
        assert capsys.readouterr().out == printed


def _write(tmp_path, text):
    path = tmp_path / "conversions.csv"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, message", [
    ("variation,plan,seats\ncontrol,team,5\ncontrol,team,lots\n",
     r"conversions.csv:3: seats: The number of seats must be"),
    ("variation,plan\ncontrol,team\nnew-page,team\n",
     r"conversions.csv:3: variation: 'new-page' is not one of the experiment's variations"),
    ("variation,plan,kind.viewer\ncontrol,team,-2\n", r"conversions.csv:2: kind.viewer: "),
    ("variation,plan,usage.api_calls\ncontrol,business,1e400\n", r"conversions.csv:2: usage.api_calls: "),
    ("variation,plan,billing\ncontrol,team,weekly\n",
     r"conversions.csv:2: billing: Unknown billing .weekly."),
    ("variation,plan,commitment\ncontrol,business,maybe\n", r"conversions.csv:2: commitment: write yes or no"),
    ("variation,plan,addons\ncontrol,business,sso nope\n", r"conversions.csv:2: addons: Unknown add-on 'nope'"),
    ("variation,plan,price\ncontrol,team,5\n", r"conversions.csv:1: unknown column 'price'"),
    ("plan,seats\nteam,5\n", r"conversions.csv:1: no 'variation' column"),
    ("", r"conversions.csv:1: the file is empty"),
    ("variation,plan,currency\ncontrol,team,USD\ncontrol,team,EUR\n",
     r"conversions.csv:3: currency: EUR, where the rows before are in USD"),
    ("variation,plan,currency\ncontrol,team,GBP\n", r"conversions.csv:2: currency: "),
    ("variation,plan\ncontrol,team,extra\n", r"conversions.csv:2: more cells than columns"),
])
def test_bad_rows_are_located(tmp_path, catalogs, text, message):
    with pytest.raises(ConversionsError, match=message):
        price_conversions(_write(tmp_path, text), catalogs)


def test_a_price_book_prices_its_rows(tmp_path, catalogs):
    path = _write(tmp_path, "variation,plan,currency,seats\ncontrol,team,EUR,5\n")
    revenue = price_conversions(path, catalogs)
    expected = quote(catalogs["control"], {"plan": "team", "currency": "EUR", "seats": 5})
    assert revenue["control"].total == expected.monthly_equivalent
    assert revenue["control"].currency == revenue["yearly-push"].currency == "EUR"


def test_cli_counts_conversions_from_the_file(tmp_path, capsys):
    path = _write(tmp_path, "variation,plan,seats\ncontrol,team,5\nyearly-push,team,5\n"
                            "yearly-push,team,5\n")
    code = main(["ab", "result", "--conversions", str(path), "control=100", "yearly-push=100",
                 "business-first=100", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [v["conversions"] for v in out["variations"]] == [1, 2, 0]
    assert out["variations"][1]["revenue"]["total"] == "500.00"
    assert out["value"] == "monthly"


@pytest.mark.parametrize("args, message", [
    (["control=100:5", "yearly-push=100", "business-first=100"], "the file counts the conversions"),
    (["control=100", "yearly-push=100", "business-first=0"], "business-first has no visitors"),
])
def test_cli_refuses(tmp_path, capsys, args, message):
    path = _write(tmp_path, "variation,plan\ncontrol,team\n")
    assert main(["ab", "result", "--conversions", str(path), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_file_is_an_error_not_a_traceback(capsys, tmp_path):
    assert main(["ab", "result", "--conversions", str(tmp_path / "none.csv"), "control=1",
                 "yearly-push=1", "business-first=1"]) == 2
    assert "none.csv" in capsys.readouterr().err

