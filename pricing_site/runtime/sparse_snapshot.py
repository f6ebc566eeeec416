"""The Pyodide memory snapshot as the site serves it: without its long runs of zero bytes.

A snapshot is the whole WebAssembly memory, most of it zero bytes in long runs. Served as it
is, every warm start reads all of it back from the browser's HTTP cache, and a host that does
not compress ``application/octet-stream`` sends all of it; without the runs it is a fraction of
that (and compresses as well as before; bench/RESULTS.md has the sizes). The worker (assets/calculator/sparse.js,
``unsparse``) rebuilds the exact bytes as they arrive, before Pyodide sees them, and treats
any mismatch as a damaged snapshot (it then boots Python the slower way).

Layout, little-endian::

    b"PYSPARSE" | u32 memory length | u32 span count | count x (u32 offset, u32 length)
    | the spans' bytes, in order

A span is a stretch of the memory between zero runs of at least ``MIN_GAP`` bytes; spans are
in increasing order and do not overlap.
"""

import re
import struct

MAGIC = b"PYSPARSE"
MIN_GAP = 256  # shorter zero runs cost more in the table (8 bytes) than they save
_ZERO_RUN = re.compile(rb"\0{%d,}" % MIN_GAP)


def encode(memory):
    """``memory`` (bytes) in the sparse layout above."""
    if len(memory) >= 2**32:
        raise ValueError(f"a {len(memory)}-byte memory does not fit the sparse layout's u32 sizes")
    spans, start = [], 0
    for run in _ZERO_RUN.finditer(memory):
        if run.start() > start:
            spans.append((start, run.start()))
        start = run.end()
    if start < len(memory):
        spans.append((start, len(memory)))
    header = MAGIC + struct.pack("<II", len(memory), len(spans))
    table = b"".join(struct.pack("<II", begin, end - begin) for begin, end in spans)
    return header + table + b"".join(memory[begin:end] for begin, end in spans)
