"""The sparse snapshot layout: the exact memory comes back, and the zero runs are left out."""

from hypothesis import given
from hypothesis import strategies as st

from pricing_site.sparse_snapshot import MIN_GAP, encode
from tests.support.sparse_snapshot import decode, spans

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
