"""What the page asks the calculator's worker, in order: for tests of which op goes first,
and of what was asked.

    page.evaluate(RECORD_OPS)   # from now on window.__sent lists each message's op, and
                                # window.__payloads[op] each payload sent with that op
"""

RECORD_OPS = """() => {
  const worker = window.pricingCalculator.worker, post = worker.postMessage.bind(worker);
  window.__sent = [];
  window.__payloads = {};
  worker.postMessage = (message) => {
    window.__sent.push(message.op);
    (window.__payloads[message.op] ??= []).push(message.payload);
    return post(message);
  };
}"""
