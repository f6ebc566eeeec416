// The memory snapshot as the site serves it: sparse, without its long zero runs
// (pricing_site/runtime/sparse_snapshot.py: b"PYSPARSE", u32 memory length, u32 span count,
// (u32 offset, u32 length) per span, in increasing order, then the spans' bytes). The worker
// (snapshot.js) rebuilds the memory byte for byte as the bytes arrive: each chunk is copied into
// place, into `memoryOf(length)`, as soon as the header is in, so the memory's size is known
// long before its last byte. Anything that does not add up is a damaged file.
import { joined } from "./gunzip.js";

const damaged = () => new Error("the snapshot file is damaged");
export async function unsparse(body, memoryOf) {
  if (!body) throw damaged();
  const reader = body.getReader();
  let head = new Uint8Array(0), memory = null, spans = null, span = 0, written = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      let bytes = chunk.value;
      if (!memory) {
        head = joined(head, bytes);
        const header = sparseHeader(head);
        if (!header) continue;
        [memory, spans, bytes] = [memoryOf(header.length), header.spans, head.subarray(header.size)];
      }
      while (bytes.length) {
        if (span === spans.length) throw damaged(); // bytes after the last span
        const [offset, size] = spans[span];
        const n = Math.min(size - written, bytes.length);
        memory.set(bytes.subarray(0, n), offset + written);
        [bytes, written] = [bytes.subarray(n), written + n];
        if (written === size) [span, written] = [span + 1, 0];
      }
    }
  } catch (err) {
    reader.cancel().catch(() => {});
    throw err;
  }
  if (!memory || span !== spans.length) throw damaged();
  return memory;
}

// {length, spans, size} once `head` holds the whole header, else null
function sparseHeader(head) {
  if (head.length < 16) return null;
  if (String.fromCharCode(...head.subarray(0, 8)) !== "PYSPARSE") throw damaged();
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const [length, count] = [view.getUint32(8, true), view.getUint32(12, true)];
  const size = 16 + 8 * count;
  if (head.length < size) return null;
  const spans = [];
  for (let i = 0, end = 0; i < count; i++) {
    const offset = view.getUint32(16 + 8 * i, true), bytes = view.getUint32(20 + 8 * i, true);
    if (offset < end || bytes === 0 || offset + bytes > length) throw damaged();
    spans.push([offset, bytes]);
    end = offset + bytes;
  }
  return { length, spans, size };
}
