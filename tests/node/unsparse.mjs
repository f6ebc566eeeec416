// The worker's sparse snapshot reader (site_src/assets/calculator/sparse.js) under Node, one case
// per line on stdin: {"chunks": [base64, ...]}, the file as it arrives, chunk by chunk.
// Answers a line each: {"memory": base64, "sizedAt": bytes in when the memory was sized} or
// {"error": message, "sizedAt": ...}.
import { createInterface } from "node:readline";
import { unsparse } from "../../site_src/assets/calculator/sparse.js";

for await (const line of createInterface({ input: process.stdin })) {
  const chunks = JSON.parse(line).chunks.map((c) => new Uint8Array(Buffer.from(c, "base64")));
  let arrived = 0, sizedAt = null;
  const body = new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (!chunk) return controller.close();
      arrived += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const memoryOf = (length) => {
    sizedAt = arrived;
    return new Uint8Array(length);
  };
  const answer = await unsparse(body, memoryOf).then(
    (memory) => ({ memory: Buffer.from(memory).toString("base64") }),
    (err) => ({ error: String(err?.message ?? err) }));
  process.stdout.write(JSON.stringify({ ...answer, sizedAt }) + "\n");
}
