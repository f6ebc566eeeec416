"""How the site's Jinja templates are compiled: escaping on for ours, once per process.

MkDocs' Jinja environment does not escape; our own templates do (``autoescape_for``), so a
YAML field shows as text whatever it contains.

Compiled once: MkDocs makes a new Jinja environment for every build, so each build compiled
Material's ~75 templates again, a large share of a rebuild in ``pricing-site serve`` (and of
each variant built in the same process). ``COMPILED`` keeps their code in memory for the
process's life. Code is reused only for the same source (Jinja checks its checksum) compiled
under the same settings: the autoescape choice for that template and the environment's syntax
and extensions, which are what Jinja's compiler bakes into the code.
"""

import hashlib

from jinja2.bccache import Bucket, BytecodeCache

OWN_TEMPLATES = ("landing/", "pricing/", "partials/share", "partials/header-links",
                 "partials/footer-links", "partials/drawer-sign-in")
# main.html and every page template that extends it (Material's 404.html too): in a template
# that does not escape, main.html's "{{ super() }}" would print the inherited markup as text
OWN_PAGES = {"home.html", "pricing.html", "embed.html", "main.html", "404.html"}
HOST_PAGES = {"main.html", "404.html"}  # the host's in a guest's site (pricing_site.build.guest)


def autoescape_for(previous, host_main=False):
    """An ``Environment.autoescape`` callable: on for our templates, as before elsewhere.
    ``host_main``: main.html is the host's, which renders as it does without us."""
    pages = OWN_PAGES - HOST_PAGES if host_main else OWN_PAGES

    def decide(name):
        if name and (name in pages or name.startswith(OWN_TEMPLATES)):
            return True
        return previous(name) if callable(previous) else bool(previous)
    return decide


_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string",
           "variable_end_string", "comment_start_string", "comment_end_string",
           "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
           "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


class CompiledTemplates(BytecodeCache):
    """A Jinja bytecode cache in memory, keyed by template and compile settings."""

    def __init__(self):
        self._code = {}

    def get_bucket(self, environment, name, filename, source):
        escape = environment.autoescape
        settings = (escape(name) if callable(escape) else escape,
                    sorted(environment.extensions), environment.finalize is not None,
                    [getattr(environment, option) for option in _SYNTAX])
        key = hashlib.sha1(f"{self.get_cache_key(name, filename)}|{settings!r}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja if the checksum differs

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
