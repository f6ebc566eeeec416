"""Reading the sparse snapshot layout (pricing_site/runtime/sparse_snapshot.py) back, for tests: the
worker's ``unsparse`` (assets/calculator/sparse.js) in Python."""

import struct

from pricing_site.runtime.sparse_snapshot import MAGIC


def decode(data):
    assert data[:8] == MAGIC
    length, count = struct.unpack_from("<II", data, 8)
    memory, at = bytearray(length), 16 + 8 * count
    for i in range(count):
        offset, size = struct.unpack_from("<II", data, 16 + 8 * i)
        memory[offset:offset + size] = data[at:at + size]
        at += size
    assert at == len(data)
    return bytes(memory)


def spans(data):
    """The (offset, length) table."""
    count = struct.unpack_from("<I", data, 12)[0]
    return [struct.unpack_from("<II", data, 16 + 8 * i) for i in range(count)]
