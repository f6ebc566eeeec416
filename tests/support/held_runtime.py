"""The calculator's runtime held back, as a slow link holds it: its requests wait until the
test releases them (or the page closes), so a test can act while Python is still starting."""

RUNTIME = "**/assets/pyodide/**"


class HeldRuntime:
    """``HeldRuntime(page_or_context)``: the runtime's requests from now on wait; ``release()``
    answers them and every later one."""

    def __init__(self, target):
        self.held, self._released = [], False
        target.route(RUNTIME, self._route)

    def _route(self, route):
        if self._released:
            route.continue_()
        else:
            self.held.append(route)

    def requested(self, page, seconds=10):
        """True once the page asked for the runtime (the held routes fill while Playwright
        waits): it asks after the page settles, so an assertion made earlier could miss it."""
        for _ in range(seconds * 20):
            if self.held:
                return True
            page.wait_for_timeout(50)
        return False

    def release(self):
        self._released = True
        for route in self.held:
            route.continue_()
