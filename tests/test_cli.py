"""The ``pricing-site`` command as a person runs it: exit codes, messages, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import load_catalog, quote

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pricing_site.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_validate_demo_catalog():
    result = run("validate", "plans.yaml")
    assert result.returncode == 0, result.stderr
    assert "plans.yaml: valid (4 plans" in result.stdout


def test_validate_prints_every_error_and_exits_non_zero(tmp_path):
    bad = tmp_path / "plans.yaml"
    bad.write_text((ROOT / "plans.yaml").read_text()
                   .replace("pricing: graduated", "pricing: graduatd", 1)
                   .replace("currency: USD", "currency: usd")
                   .replace("annual_discount: 0.2", "annual_discount: 20"), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "plans.yaml:" in line]
    assert len(lines) >= 3
    assert any("did you mean 'graduated'" in line for line in lines)
    assert any("unknown currency 'usd' — did you mean 'USD'" in line for line in lines)
    assert "3 errors" in result.stderr


@pytest.mark.parametrize("text", ["plans: [", "- just a list", "currency: USD\nplans: 5\n",
                                  "currency: USD\nannual_discount: .nan\nplans: 5\n",
                                  "currency: USD\nplans: [{id: a, name: A, price: {flat: .nan}}]\n"])
def test_validate_never_tracebacks(tmp_path, text):
    bad = tmp_path / "plans.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert str(bad) in result.stdout


def test_quote_table():
    result = run("quote", "--plan", "team", "--seats", "49")
    assert result.returncode == 0, result.stderr
    assert "Team plan · monthly billing · USD" in result.stdout
    assert "11–50: 39 × $40" in result.stdout
    assert "Total per month" in result.stdout and "$2,060.00" in result.stdout


def test_quote_table_groups_tier_quantities():
    result = run("quote", "--plan", "business", "--seats", "3", "--usage", "storage_gb=5000")
    # 0.5 GB is in it too: not "1–1,000"; beyond the 200 GB included: counted as totals
    assert "over 200 up to 1,200: 1,000 × $0.20" in result.stdout
    assert "over 1,200: 3,800 × $0.10" in result.stdout


def test_a_true_up_comes_after_the_discounts_it_tops_up():
    result = run("quote", "--plan", "business", "--seats", "3", "--commit", "--annual")
    labels = [line.strip().split("  ")[0] for line in result.stdout.splitlines()
              if line.startswith("  ") and not line.startswith("      ")]
    assert labels.index("Commitment minimum (true-up)") > labels.index(
        "Annual billing (20% off recurring fees)") > labels.index("Seats")


def test_quote_json_is_to_dict():
    result = run("quote", "--plan", "business", "--seats", "12", "--usage", "api_calls=250000",
                 "--usage", "storage_gb=10.5", "--annual", "--json", "--kind", "guest=12",
                 "--addon", "audit_log")
    assert result.returncode == 0, result.stderr
    expected = quote(load_catalog(ROOT / "plans.yaml"), {
        "plan": "business", "seats": 12, "usage": {"api_calls": "250000", "storage_gb": "10.5"},
        "billing": "annual", "seat_kinds": {"guest": "12"}, "addons": ["audit_log"]}).to_dict()
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize("args, words", [
    (["--plan", "teem"], "did you mean 'team'"),
    (["--plan", "team", "--seats", "-3"], "cannot be negative"),
    (["--plan", "team", "--seats", "abc"], "whole number, got 'abc'"),
    (["--plan", "team", "--usage", "storage_gb"], "--usage takes METRIC=QUANTITY"),
    (["--plan", "business", "--kind", "guest"], "--kind takes KIND=QUANTITY, got 'guest'"),
    # a repeat took the last value silently
    (["--plan", "business", "--usage", "api_calls=5", "--usage", "api_calls=7"],
     "--usage gives api_calls twice (5 and 7): give each metric once"),
    (["--plan", "business", "--kind", "guest=2", "--usage", "api_calls=5", "--kind", " guest =3"],
     "--kind gives guest twice (2 and 3): give each kind once"),
])
def test_quote_errors_are_messages(args, words):
    result = run("quote", *args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_quote_contact_sales():
    result = run("quote", "--plan", "team", "--seats", "250")
    assert result.returncode == 0 and "contact sales" in result.stdout


def test_validate_shows_the_files_control_characters_escaped(tmp_path):
    """ESC starts a terminal's escape sequences (colours, the window title), BEL rings, CR
    writes over the line, U+202E shows the text after it reversed: in a message they are
    shown escaped, in a value, in a key and in a did-you-mean."""
    bad = tmp_path / "plans.yaml"
    bad.write_text('currency: "\\e[2J\\a\\rUSD\\u202e"\nplans: []\n"plans\\e]0;owned\\a": 1\n'
                   'pla\u202ens: 2\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    shown = result.stdout + result.stderr
    assert [c for c in shown if not (c.isprintable() or c == "\n")] == []
    assert "currency: unknown currency '\\x1b[2J\\x07\\rUSD\\u202e'" in shown
    assert "plans\\x1b]0;owned\\x07: unknown field 'plans\\x1b]0;owned\\x07'" in shown
    assert "pla\\u202ens: unknown field 'pla\\u202ens' — did you mean 'plans'?" in shown


def test_quote_shows_the_catalogs_control_characters_escaped(tmp_path):
    catalog = tmp_path / "plans.yaml"
    catalog.write_text((ROOT / "plans.yaml").read_text(encoding="utf-8").replace(
        "\n    name: Team\n", '\n    name: "Te\\e]0;owned\\aam\\u202e"\n', 1), encoding="utf-8")
    table = run("quote", "--catalog", str(catalog), "--plan", "team", "--seats", "3")
    error = run("quote", "--catalog", str(catalog), "--plan", "team", "--usage", "api_calls=5")
    assert table.returncode == 0 and error.returncode == 2
    shown = table.stdout + error.stderr
    assert [c for c in shown if not (c.isprintable() or c == "\n")] == []
    assert table.stdout.startswith("Te\\x1b]0;owned\\x07am\\u202e plan · monthly billing")
    assert "error: The Te\\x1b]0;owned\\x07am\\u202e plan does not include API calls" in error.stderr
