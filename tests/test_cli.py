"""The ``pricing-site`` command as a person runs it: exit codes, messages, no tracebacks."""

import json
import os
import resource
import subprocess
import sys

import pytest
import yaml

from calculator import quote
from calculator.errors import shown
from pricing_site.catalog import load_catalog_file
from pricing_site.build.output import MARKER
from pricing_site.catalog.files import MB
from tests.support.paths import ROOT, with_demo_texts
from tests.support.tier import require_e2e

pytestmark = pytest.mark.e2e  # runs the pricing-site command in a process of its own


def run(*args, cwd=ROOT, **options):
    """``pricing-site ARGS`` in a process of its own, as a person runs it."""
    require_e2e("the pricing-site command")
    return subprocess.run([sys.executable, "-m", "pricing_site.cli", *args], cwd=cwd,
                          capture_output=True, text=True, **{"timeout": 120, **options})


def test_validate_demo_catalog():
    result = run("validate", "plans.yaml")
    assert result.returncode == 0, result.stderr
    assert "plans.yaml: valid (4 plans" in result.stdout


def test_validate_warns_of_a_locales_nav_title_the_sites_nav_has_not(tmp_path):
    """Run in the site's folder, validate reads its mkdocs.yml's nav too, as the build does."""
    with_demo_texts(tmp_path)
    (tmp_path / "plans.yaml").write_text((ROOT / "plans.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    texts = tmp_path / "locales" / "de.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace(
        "  Legal: Rechtliches\n", "  Legal: Rechtliches\n  Legl: Recht\n"), encoding="utf-8")
    result = run("validate", str(tmp_path / "plans.yaml"))
    assert result.returncode == 0, result.stderr
    assert ("warning: [locale de] nav.Legl: mkdocs.yml's nav has no section or link titled "
            "'Legl': this title is not used") in result.stdout
    assert "Legal'" not in result.stdout   # the title it has is used


def test_validate_prints_every_error_and_exits_non_zero(tmp_path):
    bad = with_demo_texts(tmp_path, pages=False) / "plans.yaml"
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
    # the third replace also turns a variation's 0.25 into 205: told in the same run
    assert any("[variant yearly-push] annual_discount: a discount must be between 0 and 1, "
               "got 205" in line for line in lines)
    assert "4 errors" in result.stderr


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
        "Annual billing (20% off the base fee)") > labels.index("Seats")


def test_quote_with_a_promotion_code_a_commitment_level_and_a_day(tmp_path):
    data = yaml.safe_load((ROOT / "plans.yaml").read_text(encoding="utf-8"))
    del data["variants"]
    business = next(plan for plan in data["plans"] if plan["id"] == "business")
    business["commitment"] = [{"annual_minimum": 20000, "discount": 0.1, "true_up": "yearly"},
                              business["commitment"]]
    data["price_books"]["EUR"]["plans"]["business"]["commitment"] = [
        {"annual_minimum": 18000}, {"annual_minimum": 46000}]
    (with_demo_texts(tmp_path, pages=False) / "plans.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    args = ("quote", "--plan", "business", "--seats", "10", "--promotion", "welcome20",
            "--commit", "1", "--date", "2026-05-01", "--catalog", str(tmp_path / "plans.yaml"))
    result = run(*args)
    assert result.returncode == 0, result.stderr
    catalog = load_catalog_file(tmp_path / "plans.yaml")
    expected = quote(catalog, {"plan": "business", "seats": 10, "promotion": "WELCOME20",
                               "commitment": 1, "date": "2026-05-01"}).to_dict()
    assert expected["display"]["total"] in result.stdout
    assert "Welcome offer: 20% off the first 3 months" in result.stdout
    assert expected["promotion"]["display"]["note"] in result.stdout
    assert expected["commitment"]["display"]["note"] in result.stdout
    assert json.loads(run(*args, "--json").stdout) == json.loads(json.dumps(expected))
    wrong = run("quote", "--plan", "business", "--promotion", "NOPE")
    assert wrong.returncode != 0 and "No promotion has the code 'NOPE'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_quote_in_another_currency():
    result = run("quote", "--plan", "business", "--seats", "5", "--annual", "--currency", "EUR")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Business plan · annual billing · EUR" in out
    # the base fee, 12 x €279 = €3,348.00, less 20% (€669.60); 5 seats at their written yearly
    # price, 12 x 5 x €32 = €1,920.00: €4,598.40
    assert "5 seats × €32 × 12 months" in out and "-€669.60" in out and "€4,598.40" in out
    # a year at monthly prices, €3,348.00 + 12 x 5 x €40 = €5,748.00, less €4,598.40
    assert "Saving against monthly billing                  €1,149.60/year" in out


def test_quote_json_is_to_dict():
    result = run("quote", "--plan", "business", "--seats", "12", "--usage", "api_calls=250000",
                 "--usage", "storage_gb=10.5", "--annual", "--json", "--kind", "guest=12",
                 "--addon", "audit_log")
    assert result.returncode == 0, result.stderr
    expected = quote(load_catalog_file(ROOT / "plans.yaml"), {
        "plan": "business", "seats": 12, "usage": {"api_calls": "250000", "storage_gb": "10.5"},
        "billing": "annual", "seat_kinds": {"guest": "12"}, "addons": ["audit_log"]}).to_dict()
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize("args, words", [
    (["--plan", "teem"], "did you mean 'team'"),
    (["--plan", "team", "--currency", "GBP"], "Unknown currency 'GBP' (prices are in: USD, EUR)"),
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


def _one_gigabyte():
    """At most 1 GB of memory, as in a container with a limit (a file read until the memory
    ran out ended in a MemoryError traceback; without a limit it took 24 GB)."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _fifo(folder):
    os.mkfifo(folder / "fifo.yaml")
    return folder / "fifo.yaml"


def _twenty_mb(folder):
    """A file of 20 MB that takes no room on disk (it is never read)."""
    with (folder / "big.yaml").open("wb") as file:
        file.truncate(20 * MB)
    return folder / "big.yaml"


# (the catalog, made in a folder, and the message at its 1:1)
NO_CATALOG_FILES = [
    (lambda folder: "/dev/zero", "this is a device (like /dev/zero), not a file: a catalog is "
                                 "read from a regular file"),
    (_fifo, "this is a named pipe (FIFO), not a file: a catalog is read from a regular file"),
    (lambda folder: folder, "this is a folder, not a file: a catalog is read from a regular file"),
    (_twenty_mb, "the file is 20.0 MB, larger than the 16 MB a catalog may be"),
]


@pytest.mark.parametrize("make, words", NO_CATALOG_FILES, ids=["/dev/zero", "FIFO", "folder", "20 MB"])
def test_validate_refuses_a_catalog_without_end_or_too_large_unread(tmp_path, make, words):
    catalog = make(tmp_path)
    result = run("validate", str(catalog), timeout=60,   # a FIFO waited for ever
                 preexec_fn=_one_gigabyte)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout == f"{catalog}:1:1: (top level): {words}\n"


@pytest.mark.parametrize("make, words", NO_CATALOG_FILES, ids=["/dev/zero", "FIFO", "folder", "20 MB"])
def test_build_refuses_a_catalog_without_end_or_too_large_and_keeps_the_output(tmp_path, make,
                                                                                words):
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("an earlier build", encoding="utf-8")
    source = tmp_path / "in"
    source.mkdir()
    catalog = make(source)
    result = run("build", "--catalog", str(catalog), "--out", str(out), timeout=60,
                 preexec_fn=_one_gigabyte)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{catalog}:1:1: (top level): {words}\n" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "site"]   # no staging left
    assert [p.name for p in out.iterdir()] == [MARKER]


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
    catalog = with_demo_texts(tmp_path, pages=False) / "plans.yaml"
    catalog.write_text((ROOT / "plans.yaml").read_text(encoding="utf-8").replace(
        "\n    name: Team\n", '\n    name: "Te\\e]0;owned\\aam\\u202e"\n', 1), encoding="utf-8")
    table = run("quote", "--catalog", str(catalog), "--plan", "team", "--seats", "3")
    error = run("quote", "--catalog", str(catalog), "--plan", "team", "--usage", "api_calls=5")
    assert table.returncode == 0 and error.returncode == 2
    shown = table.stdout + error.stderr
    assert [c for c in shown if not (c.isprintable() or c == "\n")] == []
    assert table.stdout.startswith("Te\\x1b]0;owned\\x07am\\u202e plan · monthly billing")
    assert "error: The Te\\x1b]0;owned\\x07am\\u202e plan does not include API calls" in error.stderr


def test_quote_json_escapes_what_a_terminal_acts_on_and_reads_back_the_same(tmp_path):
    """JSON escapes only C0 controls; a C1 control (CSI, U+009B) or U+202E in a plan name would
    reach the terminal raw. They come as \\u escapes, and the JSON still reads as the name."""
    name = "Te\x1b]0;owned\x07am\u202e\x9b2J"
    catalog = with_demo_texts(tmp_path, pages=False) / "plans.yaml"
    catalog.write_text((ROOT / "plans.yaml").read_text(encoding="utf-8").replace(
        "\n    name: Team\n", '\n    name: "Te\\e]0;owned\\aam\\u202e\\x9b2J"\n', 1),
        encoding="utf-8")
    result = run("quote", "--catalog", str(catalog), "--plan", "team", "--seats", "3", "--json")
    assert result.returncode == 0, result.stderr
    assert [c for c in result.stdout if not (c.isprintable() or c == "\n")] == []
    assert "Te\\u001b]0;owned\\u0007am\\u202e\\u009b2J" in result.stdout
    assert json.loads(result.stdout)["plan_name"] == name


@pytest.mark.parametrize("text, expected", [
    ("1.234,50\u00a0€", "1.234,50\u00a0€"),       # German money: its no-break space stays
    ("1\u202f234,50\u00a0€", "1\u202f234,50\u00a0€"),  # French grouping too
    ("a\u2028b", "a\\u2028b"),                  # a line separator would break the line
    ("x\u200fy", "x\\u200fy"),                  # a bidi mark is invisible: shown escaped
])
def test_spaces_a_locale_writes_are_printed_as_they_are(text, expected):
    assert shown(text) == expected


# validate once to load everything it needs, then again under a memory limit a little above
# what the process holds: too little for a 15 MB catalog (its bytes, then its text)
LOW_MEMORY = """
import resource, sys
from pricing_site.cli import main

main(["validate", "plans.yaml"])
held = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status")
            if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (held + 20 * 2**20,) * 2)
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", ["validate", "build"])
def test_running_out_of_memory_is_a_message_not_a_traceback(tmp_path, command):
    catalog = tmp_path / "plans.yaml"
    catalog.write_text("big:\n" + ("- " + "x" * 150 + "\n") * 99_000, encoding="utf-8")
    args = [str(catalog)] if command == "validate" else ["--catalog", str(catalog), "--out",
                                                         str(tmp_path / "site")]
    result = subprocess.run([sys.executable, "-c", LOW_MEMORY, command, *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.endswith(f"error: {command} ran out of memory (this machine's, or a "
                                  f"limit set on this process); nothing was changed\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.yaml"]


@pytest.mark.parametrize("make, words", NO_CATALOG_FILES[1::2], ids=["FIFO", "20 MB"])
def test_mkdocs_with_the_sites_hooks_refuses_them_too(tmp_path, make, words):
    catalog = make(tmp_path)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml",
                             "-d", str(tmp_path / "site")], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "PRICING_SITE_CATALOG":
                                                        str(catalog)})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{catalog}:1:1: (top level): {words}\n" in result.stderr
