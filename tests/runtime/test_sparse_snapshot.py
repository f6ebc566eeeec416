"""The sparse snapshot layout: the exact memory comes back, and the zero runs are left out;
the worker's reader gets the same memory from the bytes as they arrive."""

import base64
import json
import shutil
import struct
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pricing_site.runtime.sparse_snapshot import MAGIC, MIN_GAP, encode
from tests.support.sparse_snapshot import decode, spans
from tests.support.paths import ROOT

NODE = shutil.which("node")

# memories built from chunks: runs of zeros (short and long) and runs of other bytes
chunk = st.one_of(st.integers(0, 3 * MIN_GAP).map(bytes),
                  st.binary(min_size=1, max_size=300))


@given(st.lists(chunk, max_size=12).map(b"".join))
def test_decoding_gives_back_the_exact_memory(memory):
    assert decode(encode(memory)) == memory


@given(st.lists(chunk, max_size=12).map(b"".join))
def test_spans_are_ordered_and_no_long_zero_run_is_kept(memory):
    data = encode(memory)
    found = spans(data)
    assert all(a + n <= b for (a, n), (b, _) in zip(found, found[1:]))
    for offset, size in found:
        assert bytes(MIN_GAP) not in memory[offset:offset + size]
        assert memory[offset] != 0 or offset == 0  # a span starts after a run or at 0


def test_a_mostly_zero_memory_shrinks_to_its_data():
    memory = bytes(1 << 20) + b"python" + bytes(1 << 20) + b"heap" * 100
    data = encode(memory)
    assert decode(data) == memory
    assert spans(data) == [(1 << 20, 6), ((2 << 20) + 6, 400)]
    assert len(data) == 16 + 2 * 8 + 406


def test_edge_cases():
    assert decode(encode(b"")) == b"" and spans(encode(b"")) == []
    assert spans(encode(bytes(MIN_GAP))) == []                     # all zeros: no span
    assert spans(encode(bytes(MIN_GAP - 1))) == [(0, MIN_GAP - 1)]  # too short a run to drop


# The worker's reader (site_src/assets/calculator/sparse.js), under Node: it unpacks the file
# chunk by chunk as it arrives, so that the memory's size is known from the header on.
@pytest.fixture(scope="module")
def unsparse():
    if NODE is None:
        pytest.skip("node not installed")
    node = subprocess.Popen([NODE, str(ROOT / "tests/node/unsparse.mjs")], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(data, cuts):
        """What sparse.js makes of ``data`` arriving in pieces cut at ``cuts``."""
        bounds = [0, *sorted(set(cuts)), len(data)]
        chunks = [data[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        node.stdin.write(json.dumps({"chunks": [base64.b64encode(c).decode() for c in chunks]})
                         + "\n")
        node.stdin.flush()
        answer = json.loads(node.stdout.readline())
        if "memory" in answer:
            answer["memory"] = base64.b64decode(answer["memory"])
        return answer

    yield read
    node.stdin.close()
    node.wait(timeout=10)


def cut_points(data):
    return st.lists(st.integers(1, max(1, len(data) - 1)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(chunk, max_size=12).map(b"".join), st.data())
def test_the_browser_reader_gives_back_the_exact_memory_however_the_bytes_arrive(unsparse, memory,
                                                                                  data):
    encoded = encode(memory)
    cuts = data.draw(cut_points(encoded))
    got = unsparse(encoded, cuts)
    assert got.get("memory") == memory, got.get("error")
    header = 16 + 8 * len(spans(encoded))  # sized as soon as the piece ending the header is in
    assert got["sizedAt"] == min(b for b in [*cuts, len(encoded)] if b >= header)


@settings(max_examples=100, deadline=None)
@given(st.lists(chunk, min_size=1, max_size=12).map(b"".join), st.data())
def test_the_browser_reader_refuses_a_cut_or_padded_file(unsparse, memory, data):
    encoded = encode(memory)
    damaged = data.draw(st.one_of(
        st.integers(0, len(encoded) - 1).map(lambda n: encoded[:n]),   # cut short
        st.binary(min_size=1, max_size=40).map(lambda tail: encoded + tail),  # bytes after it
    ))
    got = unsparse(damaged, data.draw(cut_points(damaged)))
    assert got.get("error") == "the snapshot file is damaged"


@pytest.mark.parametrize("name, damaged", [
    ("not a snapshot", bytes(range(256)) * 4),
    ("empty", b""),
    ("span past the memory's end", MAGIC + struct.pack("<IIII", 8, 1, 4, 8) + bytes(8)),
    ("spans out of order", MAGIC + struct.pack("<II", 64, 2) + struct.pack("<IIII", 32, 4, 0, 4)
     + bytes(8)),
    ("an empty span", MAGIC + struct.pack("<IIII", 64, 1, 0, 0)),
])
def test_the_browser_reader_refuses_a_file_that_does_not_add_up(unsparse, name, damaged):
    assert unsparse(damaged, [])["error"] == "the snapshot file is damaged"
