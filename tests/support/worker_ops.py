"""What the page asks the calculator's worker, in order: for tests of which op goes first.

    page.evaluate(RECORD_OPS)   # from now on window.__sent lists each message's op
"""

RECORD_OPS = """() => {
  const worker = window.pricingCalculator.worker, post = worker.postMessage.bind(worker);
  window.__sent = [];
  worker.postMessage = (message) => {
    window.__sent.push(message.op);
    return post(message);
  };
}"""
