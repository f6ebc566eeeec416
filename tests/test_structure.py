"""The shape the code keeps (docs/architecture.md): wings that say what they are for, imports
that run one way, no circle of modules importing each other, the engine apart."""

import ast

import pytest

from tests.support.paths import ROOT

PACKAGES = ("calculator", "pricing_site")
WINGS = ("catalog", "pages", "build", "runtime", "experiments", "starter", "locales")


def modules():
    """``{dotted name: path}`` of every module of the project's packages."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name, path, known):
    """The project's modules ``name`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] \
                if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:   # a name from a module: the module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imports(name, path, modules()) for name, path in modules().items()}


def test_no_circle_of_modules_importing_each_other():
    """A circle makes every module in it depend on import order and on all the others."""
    done, path = set(), []

    def visit(name):
        if name in path:
            circle = path[path.index(name):] + [name]
            pytest.fail("modules import each other in a circle: " + " -> ".join(circle))
        if name in done:
            return
        path.append(name)
        for target in sorted(GRAPH[name]):
            if not GRAPH.get(target) or target.startswith(name + "."):
                continue   # a package's own __init__ re-exporting its modules is no circle
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(GRAPH):
        visit(name)


def test_the_engine_imports_nothing_of_the_site():
    for name, targets in GRAPH.items():
        if name.startswith("calculator"):
            assert not [t for t in targets if t.startswith("pricing_site")], name


@pytest.mark.parametrize("wing", WINGS)
def test_the_wings_import_only_downwards(wing):
    """cli -> build -> pages, runtime, experiments -> catalog -> calculator."""
    below = {"catalog": set(), "starter": set(), "locales": set(), "pages": {"catalog"},
             "runtime": {"build"}, "experiments": {"build", "catalog"},
             "build": {"catalog", "pages", "runtime", "experiments", "locales"}}[wing]
    for name, targets in GRAPH.items():
        if not name.startswith(f"pricing_site.{wing}"):
            continue
        others = {t.split(".")[1] for t in targets if t.startswith("pricing_site.")
                  and t.count(".") >= 1 and t.split(".")[1] in WINGS} - {wing}
        assert others <= below, f"{name} imports {others - below}"


def test_pricing_site_is_wings_and_a_few_modules_each_saying_what_it_is_for():
    top = sorted(p.name for p in (ROOT / "pricing_site").glob("*.py"))
    assert len(top) <= 4, top
    for wing in WINGS:
        doc = ast.get_docstring(ast.parse((ROOT / "pricing_site" / wing / "__init__.py")
                                          .read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"{wing}/__init__.py: one line on what it is for"

