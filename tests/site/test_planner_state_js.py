"""The planner's link (planner-state.js), run under Node: its keys replace the planner's own
and keep every other (the calculator's, the cards' ?period=), and a link gives back the fields
as typed, in the way of growing it names."""

import json
import shutil
import subprocess

import pytest

from pricing_site.runtime.bundle import JS_DIR

NODE = shutil.which("node")

SCRIPT = """
import { plannerFromQuery, queryWithPlanner } from %s;
const [search, planner, links] = JSON.parse(process.argv[2]);
const written = queryWithPlanner(search, planner);
console.log(JSON.stringify({ written, back: plannerFromQuery(new URLSearchParams(written)),
  read: links.map((link) => plannerFromQuery(new URLSearchParams(link))) }));
"""


def run(tmp_path, search, planner, links=()):
    runner = tmp_path / "run.mjs"
    runner.write_text(SCRIPT % json.dumps((JS_DIR / "planner-state.js").as_uri()))
    done = subprocess.run([NODE, str(runner), json.dumps([search, planner, list(links)])],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="node not installed")
def test_the_link_holds_the_fields_as_typed_beside_every_other_key(tmp_path):
    out = run(tmp_path, "?plan=team&seats=10&t.seats=40&h=12&period=annual&usage.storage_gb=20",
              {"typed": {"g.seats": "12.5", "g.storage_gb": ""}, "months": "24"})
    assert out["written"] == ("plan=team&seats=10&period=annual&usage.storage_gb=20"
                              "&g.seats=12.5&g.storage_gb=&h=24")   # the old target is gone
    assert out["back"] == {"mode": "rate", "values": {"g.seats": "12.5", "g.storage_gb": "",
                                                      "h": "24"}}


@pytest.mark.skipif(NODE is None, reason="node not installed")
def test_a_link_names_its_way_of_growing(tmp_path):
    out = run(tmp_path, "", {"typed": {"t.seats": "40"}, "months": "6"},
              ["plan=team&seats=4", "h=24", "t.api_calls=9e5&g.seats=3", "g.seats=a&g.seats=b"])
    assert out["written"] == "t.seats=40&h=6"
    assert out["back"] == {"mode": "target", "values": {"t.seats": "40", "h": "6"}}
    assert out["read"] == [
        None,                                            # the calculator's keys only
        {"mode": "rate", "values": {"h": "24"}},
        {"mode": "target", "values": {"t.api_calls": "9e5", "g.seats": "3"}},
        {"mode": "rate", "values": {"g.seats": "a"}},    # a key twice: the first, as state.js reads
    ]
