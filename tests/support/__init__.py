"""Helpers shared by tests: a local static HTTP server, a Debian-Chromium launcher."""
