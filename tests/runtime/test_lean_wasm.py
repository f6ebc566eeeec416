"""lean_wasm: the function exports nothing calls are dropped, everything else is kept as it was."""

import base64
import json
import subprocess

import pytest

from pricing_site.runtime import pyodide
from pricing_site.runtime.lean_wasm import (TRAP, LayoutError, _name, _uleb, function_addresses,
                                    function_exports, lean_js, lean_wasm, names_used)
from tests.support.paths import ROOT

NPM = ROOT / "node_modules" / "pyodide"


def _section(number, *entries):
    body = _uleb(len(entries)) + b"".join(entries)
    return bytes([number]) + _uleb(len(body)) + body


def tiny_module(functions, imports=()):
    """A module whose exported functions ``name() -> i32`` return 1, 2, ... in order, plus an
    exported global ``answer`` (42) and a custom section after the exports. ``imports`` are
    (module, name, kind) with kind 0 (a function () -> i32) or 3 (a mutable i32 global)."""
    imported = [_name(m) + _name(n) + (bytes([0, 0]) if kind == 0 else bytes([3, 0x7F, 1]))
                for m, n, kind in imports]
    first = sum(kind == 0 for _, _, kind in imports)  # defined functions (and globals) come
    # after the imported ones
    code = [bytes([4, 0, 0x41, n + 1, 0x0B]) for n in range(len(functions))]
    return (b"\0asm\1\0\0\0"
            + _section(1, bytes([0x60, 0, 1, 0x7F]))
            + (_section(2, *imported) if imports else b"")
            + _section(3, *[b"\0"] * len(functions))
            + _section(6, bytes([0x7F, 0, 0x41, 42, 0x0B]))
            + _section(7, *[_name(n) + bytes([0, first + i]) for i, n in enumerate(functions)],
                       _name("answer") + bytes([3, sum(kind == 3 for _, _, kind in imports)]))
            + _section(10, *code)
            + bytes([0]) + _uleb(len(_name("note") + b"kept")) + _name("note") + b"kept")


def instantiate(wasm):
    """What Node's WebAssembly makes of ``wasm`` (imports: functions returning 0, globals 0):
    {export: its value, a function's result, or "trap" when calling it traps}."""
    script = """
const module = new WebAssembly.Module(Buffer.from(process.argv[1], "base64"));
const imports = {};
for (const { module: m, name, kind } of WebAssembly.Module.imports(module))
  (imports[m] ??= {})[name] = kind === "function" ? () => 0
    : new WebAssembly.Global({ value: "i32", mutable: true }, 0);
const { exports } = new WebAssembly.Instance(module, imports);
const out = {};
for (const [name, value] of Object.entries(exports)) {
  try { out[name] = typeof value === "function" ? value() ?? null : value.value; }
  catch (err) { out[name] = err instanceof WebAssembly.RuntimeError ? "trap" : String(err); }
}
process.stdout.write(JSON.stringify(out));
"""
    run = subprocess.run(["node", "-e", script, base64.b64encode(wasm).decode()],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def bindings(names):
    """The generated JS that binds every export (Emscripten's assignWasmExports and its vars)."""
    return ("var " + ",".join("_" + n for n in names) + ";function assignWasmExports(wasmExports){"
            + ";".join(f'_{n}=Module["_{n}"]=wasmExports["{n}"]' for n in names) + "}")


@pytest.mark.parametrize("js, kept", [
    ("", {"answer"}),                                              # globals stay
    ("Module._alpha(1)", {"alpha", "answer"}),                     # as Emscripten names it
    ("const f = wasmExports['gamma'];", {"gamma", "answer"}),      # by its own name, in a string
    ("_alpha(); beta()", {"alpha", "beta", "answer"}),
    ("_alphabet(); alpha_()", {"answer"}),                         # whole names only
])
def test_only_the_functions_the_js_names_stay(js, kept):
    wasm = tiny_module(["alpha", "beta", "gamma"])
    lean = lean_wasm(wasm, [js])
    assert function_exports(lean) | {"answer"} == kept
    values = instantiate(lean)  # a valid module, and each kept export is still itself
    assert values == {name: {"alpha": 1, "beta": 2, "gamma": 3, "answer": 42}[name]
                      for name in kept}
    assert lean.endswith(_name("note") + b"kept")  # the sections after the exports as they were


def test_webgl_addresses_point_at_one_function_that_traps():
    wasm = tiny_module(["alpha", "beta"], imports=[
        ("env", "now", 0), ("GOT.func", "emscripten_glClear", 3),
        ("GOT.func", "emscripten_out", 3), ("GOT.func", "emscripten_glFlush", 3)])
    assert function_addresses(wasm) == ["emscripten_glClear", "emscripten_out", "emscripten_glFlush"]
    lean = lean_wasm(wasm, ["_beta()"])
    # the addresses Emscripten would have wrapped one by one: now one function of the module
    assert function_addresses(lean) == [TRAP, "emscripten_out", TRAP]
    assert function_exports(lean) == {"beta", TRAP}
    assert instantiate(lean) == {"beta": 2, "answer": 42, TRAP: "trap"}  # indices still right


def test_a_module_without_webgl_addresses_gets_no_trap_function():
    wasm = tiny_module(["alpha"], imports=[("env", "now", 0), ("GOT.func", "emscripten_out", 3)])
    lean = lean_wasm(wasm, ["_alpha"])
    assert function_exports(lean) == {"alpha"} and instantiate(lean) == {"alpha": 1, "answer": 42}


def test_the_generated_bindings_are_no_use_of_an_export():
    names = [f"f{i}" for i in range(120)]
    used = names_used([bindings(names) + ";_f7(); Module._f9"])
    assert {"_f7", "_f9"} <= used
    assert not {f"_f{i}" for i in range(120)} - {"_f7", "_f9"} & used


def test_the_js_binds_only_the_exports_the_lean_module_kept():
    names = [f"f{i}" for i in range(120)]
    js = bindings(names) + ";function use() { return _f7(); }"
    lean = lean_wasm(tiny_module(names), [js])
    out = lean_js(js, lean)
    assert out.startswith("var _f7;function assignWasmExports(wasmExports){")
    assert 'wasmExports["f7"]' in out and 'wasmExports["f8"]' not in out
    script = out + """
const Module = {};
assignWasmExports({ f7: () => 7 });
process.stdout.write(JSON.stringify(Object.keys(Module)) + use());"""
    run = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert run.stdout == '["_f7"]7'  # valid JavaScript, binding what there is


@pytest.mark.parametrize("js", [
    "".join(f'_f{i}=Module["_f{i}"]=wasmExports["f{i}"];' for i in range(120)),  # no var list
    'var _a,_b;_a=Module["_a"]=wasmExports["a"]',                                  # too few
])
def test_an_unexpected_runtime_layout_is_an_error_not_a_guess(js):
    with pytest.raises(LayoutError):
        names_used([js])


def test_not_a_module_is_an_error():
    with pytest.raises(LayoutError, match="not a WebAssembly module"):
        lean_wasm(b"<html>", [""])


def test_the_served_runtime_keeps_what_pyodide_calls_and_drops_the_rest(tmp_path):
    folder, name = pyodide.served_runtime(runtime_cache_dir=tmp_path)
    stock_wasm, lean_module = (NPM / "pyodide.asm.wasm").read_bytes(), (folder / "pyodide.asm.wasm").read_bytes()
    stock, lean = function_exports(stock_wasm), function_exports(lean_module)
    assert lean - {TRAP} < stock and len(lean) < len(stock) / 10
    assert {"PyList_New", "PyErr_Occurred", "malloc", "free"} <= lean  # the JS calls these
    assert "PyList_Append" in stock - lean
    webgl = [n for n in function_addresses(stock_wasm) if n.startswith("emscripten_gl")]
    assert len(webgl) > 200
    assert function_addresses(lean_module) == [TRAP if n in webgl else n
                                               for n in function_addresses(stock_wasm)]
    for file in pyodide.RUNTIME_FILES:  # the other files as npm ships them
        if file not in ("pyodide.asm.wasm", "pyodide.asm.mjs"):
            assert (folder / file).read_bytes() == (NPM / file).read_bytes(), file
    module_js = (folder / "pyodide.asm.mjs").read_text(encoding="utf-8")
    assert module_js == lean_js((NPM / "pyodide.asm.mjs").read_text(encoding="utf-8"), lean_module)
    assert 'wasmExports["PyList_New"]' in module_js and 'wasmExports["PyList_Append"]' not in module_js
    assert len(module_js) < (NPM / "pyodide.asm.mjs").stat().st_size * 0.75
    assert name.startswith("314.0.7-") and folder == tmp_path / name


def test_the_runtime_folder_name_follows_the_lean_script(tmp_path, monkeypatch):
    _, name = pyodide.served_runtime(runtime_cache_dir=tmp_path)
    script = tmp_path / "lean_wasm.py"
    script.write_bytes(pyodide.LEAN_SCRIPT.read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(pyodide, "LEAN_SCRIPT", script)
    assert pyodide.served_runtime(runtime_cache_dir=tmp_path)[1] != name


def test_a_runtime_it_cannot_read_is_served_as_npm_ships_it(tmp_path, monkeypatch, capsys):
    def unreadable(wasm, js):
        raise LayoutError("the runtime's export bindings are not where expected")
    monkeypatch.setattr(pyodide, "lean_wasm", unreadable)
    monkeypatch.setattr(pyodide, "_warned", set())
    assert pyodide.served_runtime(runtime_cache_dir=tmp_path) == (NPM, "314.0.7")
    assert "served as npm ships it" in capsys.readouterr().err
