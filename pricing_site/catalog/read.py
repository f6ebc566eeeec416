"""Reading plans.yaml: one pass from the file to the engine's catalog, the page content and
every problem, located.

Build-time only (PyYAML, jsonschema), so it lives outside the ``calculator`` package that the
browser runs. ``yaml_reader`` reads the file (exact numbers, field positions); ``content``
splits it into the prices the engine reads and the texts the pages show; the engine, the JSON
Schema, ``content_checks`` and, for a file with variants, each variation (``variants``) give
their verdicts, and every problem gets the file, line and column of the field it names.
``read_catalog`` never raises for bad input; ``load_catalog_file`` raises ``CatalogError``.
"""

from dataclasses import dataclass, field

from calculator.catalog import Catalog
from calculator.errors import CatalogError, Problem
from calculator.lint import lint as lint_catalog

from .comparison_checks import comparison_gaps
from .content import Content
from .document import check_document
from .locales import default_language, in_currency, localized_document, read_locales
from .variants import CONTROL, variant_documents, variant_problems
from .yaml_reader import locate, read_yaml


@dataclass
class CatalogFile:
    """A plans.yaml as read: the document and where each field starts, and, when it has no
    error, the engine's ``catalog`` and the pages' ``content``; ``errors`` and ``warnings``
    are located problems."""

    path: str
    data: object = None
    marks: dict = field(default_factory=dict)
    catalog: Catalog | None = None
    content: Content | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # the site's other languages (``locales.Locale``), each with its texts as read
    locales: tuple = ()

    @property
    def language(self):
        """The language of the file itself, the site's default (built at its root)."""
        return default_language(self.data)

    def localized(self, code, variant=None):
        """``(catalog, content)`` of locale ``code`` (the file's own language: ``variant``'s)
        and A/B ``variant``: its texts over the file, its currency first; raises
        ``CatalogError`` naming what is wrong."""
        if code in (None, self.language):
            return self.variant(variant)
        self.variant(variant)   # the variation exists
        locale = next((locale for locale in self.locales if locale.code == code), None)
        if locale is None:
            raise CatalogError([Problem("locales", f"no locale '{code}' (known: "
                                        f"{', '.join(l.code for l in self.locales) or 'none'})",
                                        self.path, *self.marks.get("locales", (1, 1)))])
        catalog, content, _ = check_document(localized_document(self.data, locale, variant))
        return in_currency(catalog, locale.currency), content

    def variant(self, key):
        """``(catalog, content)`` of A/B variation ``key`` (control: the file's own), from the
        document already read; raises ``CatalogError`` naming what is wrong."""
        if self.errors:
            raise CatalogError(self.errors)
        if key in (None, CONTROL):
            return self.catalog, self.content
        if self.content.variants is None:
            raise CatalogError([Problem("variants", f"--variant {key}: the file has no "
                                                    "variants: section", self.path, 1, 1)])
        documents = variant_documents(self.data)
        if key not in documents:
            raise CatalogError([Problem("variants.variations", f"no variation '{key}' (known: "
                                        f"{', '.join(documents)})", self.path,
                                        *self.marks["variants"])])
        catalog, content, _ = check_document(documents[key])
        return catalog, content


def read_catalog(path, *, roots=None, lint=True):
    """The ``CatalogFile`` of ``path``, with every problem a readable file has, in one pass:
    prices, schema, site content and variations alike. ``lint=False`` skips the lint (it rates
    hundreds of sample requests): for builds; the lint runs on a file without errors. With
    ``roots`` (the docs folder, then the assets folder), the site's content is checked too
    (``content_checks``), in control and in every variation."""
    file = str(path)
    data, marks, problems = read_yaml(path)
    read = CatalogFile(file, data, marks)
    if data is None and not problems:
        problems = [Problem("", "the file is empty; expected a catalog with currency and plans",
                            file)]
    if problems:
        read.errors = locate(problems, marks, file)
        return read
    catalog, content, problems = check_document(data, roots)
    errors = locate(problems, marks, file, data)
    warnings = []
    if content.variants is not None:
        variant_errors, warnings = variant_problems(data, marks, file, roots, lint and not errors)
        errors = sorted(errors + variant_errors, key=lambda p: (p.line or 0, p.column or 0))
    locales, locale_errors, locale_warnings = read_locales(data, marks, file, roots,
                                                           texts=not errors)
    errors += locale_errors
    if errors:
        read.errors = errors
        return read
    read.locales = locales
    warnings += locale_warnings
    if lint:
        warnings = locate(lint_catalog(catalog) + comparison_gaps(content), marks, file,
                          data) + warnings
    read.catalog, read.content, read.warnings = catalog, content, warnings
    return read


def load_catalog_file(path):
    """The engine's ``Catalog`` in the plans.yaml at ``path``; raises ``CatalogError`` listing
    every located problem (the page content is not checked: see ``read_catalog``)."""
    read = read_catalog(path, lint=False)
    if read.errors:
        raise CatalogError(read.errors)
    return read.catalog
