"""Pyodide's wasm without the dynamic-linking work this site never needs: a faster start.

Pyodide's main module is built to link packages' shared libraries at run time, and every start
pays for that in Emscripten's JavaScript, although this site never loads a package:

- it exports ~7,400 functions (the whole C API); each is merged into the import table, wrapped,
  and given a GOT entry and a function table slot (``updateGOT`` -> ``addFunction``);
- it takes the address of 274 WebGL functions (``GOT.func`` imports ``emscripten_gl*``), each
  a JavaScript function that ``reportUndefinedSymbols`` wraps in a one-function WebAssembly
  module of its own, compiled and instantiated on the spot.

Together a large share of a warm start in Chromium (measured in bench/HISTORY.md). ``lean_wasm`` keeps
every function export the runtime's own JavaScript names (``pyodide.asm.mjs``, ``pyodide.mjs``)
and every other export (memory, table, globals, tags), and points the WebGL addresses at one
exported function that traps (there is no WebGL canvas in a worker; Python never calls them).
No code of Pyodide's changes and no function moves, so Python runs as before; ``lean_js`` then
drops from ``pyodide.asm.mjs`` the lines binding the dropped exports to variables (each bound
``undefined``: a third of the file's bytes, which a first visit downloads). What is lost is
what a package would need: a compiled extension (``.so``) cannot link against the dropped C API
(a fatal error at its first call) and ``ctypes`` cannot find it: serve the npm wasm before
loading either (checked in Node and Chromium against stock: exceptions, recursion, stack and
memory exhaustion, proxies, every stdlib module, 5,000 random quotes and curves). The table slots
differ from stock Pyodide's, so a memory snapshot must be made on the lean module
(pyodide.py serves the two together, under a folder named by their bytes).
"""

import re

FUNCTION, GLOBAL = 0, 3  # import and export kinds
TYPE, IMPORT, FUNCTIONS, EXPORT, CODE = 1, 2, 3, 7, 10  # section ids
WEBGL_PREFIX = "emscripten_gl"
TRAP = "lean_wasm_unavailable"  # the function the WebGL addresses point at
TRAP_BODY = bytes([3, 0, 0x00, 0x0B])  # 3 bytes: no locals, `unreachable`, `end`
VOID_TYPE = bytes([0x60, 0, 0])  # () -> ()
# assignWasmExports(): `_name=Module["_name"]=wasmExports["name"]` for every export, and the
# `var _a,_b,...;` declaring them: these name every export, so they prove no use of one.
_ASSIGNMENT = re.compile(r'([\w$]+)=Module\["\1"\]=(?:[\w$]+=)?wasmExports\["[^"]+"\](?:\.value>>>0)?')
_DECLARATIONS = re.compile(r"var (?:[\w$]+,){100,}[\w$]+;")
# one binding with its variable and the export's name, and the semicolon after it (the last one
# in assignWasmExports has a closing brace instead)
_BINDING = re.compile(r'([\w$]+)=Module\["\1"\]=(?:[\w$]+=)?wasmExports\["([^"]+)"\](?:\.value>>>0)?;?')
_NAMES = re.compile(r"[A-Za-z_$][\w$]*")


class LayoutError(ValueError):
    """The runtime is not laid out as this module expects (another Pyodide or Emscripten)."""


def lean_wasm(wasm, js_texts):
    """``wasm`` (bytes) with only the function exports that ``js_texts`` name, and its WebGL
    function addresses pointed at one trapping function."""
    used = names_used(js_texts)
    sections = _sections(wasm)
    if EXPORT not in sections:
        raise LayoutError("the module has no export section")
    exports = [raw for name, kind, raw in _exports(sections[EXPORT])
               if kind != FUNCTION or name in used or "_" + name in used]
    imports, webgl, imported_functions = _imports(sections.get(IMPORT, _vector([])))
    if webgl:
        types = _vector_items(sections[TYPE], _type_entry)
        void = next((i for i, t in enumerate(types) if t == VOID_TYPE), None)
        if void is None:
            void = len(types)
            sections[TYPE] = _vector(types + [VOID_TYPE])
        functions = _vector_items(sections[FUNCTIONS], _index_entry)
        trap_index = imported_functions + len(functions)
        sections[IMPORT] = _vector(imports)
        sections[FUNCTIONS] = _vector(functions + [_uleb(void)])
        sections[CODE] = _vector(_vector_items(sections[CODE], _code_entry) + [TRAP_BODY])
        exports.append(_name(TRAP) + bytes([FUNCTION]) + _uleb(trap_index))
    sections[EXPORT] = _vector(exports)
    return _assemble(wasm, sections)


def lean_js(js, wasm):
    """``pyodide.asm.mjs``'s text ``js`` without the bindings (and their variables' declarations)
    of the exports that the lean module ``wasm`` no longer has."""
    kept = {name for name, _, _ in _exports(_sections(wasm)[EXPORT])}
    dropped = set()

    def binding(match):
        if match[2] in kept:
            return match[0]
        dropped.add(match[1])
        return ""

    text = _BINDING.sub(binding, js)
    declared = _DECLARATIONS.search(text)
    if declared is None:
        raise LayoutError("the runtime's export bindings are not where expected")
    names = [name for name in declared[0][4:-1].split(",") if name not in dropped]
    return f"{text[:declared.start()]}var {','.join(names)};{text[declared.end():]}"


def function_exports(wasm):
    """The names of the functions ``wasm`` exports."""
    return {name for name, kind, _ in _exports(_sections(wasm)[EXPORT]) if kind == FUNCTION}


def function_addresses(wasm):
    """The names of the ``GOT.func`` imports: functions whose table address the module takes."""
    entries = _vector_items(_sections(wasm).get(IMPORT, _vector([])), _import_entry)
    return [name for module, name, _, _ in entries if module == "GOT.func"]


def names_used(js_texts):
    """Every identifier (in code or in a string) in the JavaScript, but for the generated
    lines that merely bind each export to a variable."""
    used = set()
    for text in js_texts:
        text, bindings = _ASSIGNMENT.subn("", text)
        if bindings:
            declared = _DECLARATIONS.search(text)
            if bindings < 100 or declared is None:
                raise LayoutError("the runtime's export bindings are not where expected")
            text = text[:declared.start()] + text[declared.end():]
        used.update(_NAMES.findall(text))
    return used


def _imports(body):
    """``(entries, webgl, function imports)``: the import entries with the WebGL function
    addresses renamed to ``TRAP``, how many were, and how many functions are imported."""
    entries, webgl, functions = [], 0, 0
    for module, name, kind, raw in _vector_items(body, _import_entry):
        functions += kind == FUNCTION
        if module == "GOT.func" and name.startswith(WEBGL_PREFIX):
            raw = _name(module) + _name(TRAP) + raw[len(_name(module) + _name(name)):]
            webgl += 1
        entries.append(raw)
    return entries, webgl, functions


def _import_entry(data, at):
    start = at
    module, at = _read_name(data, at)
    name, at = _read_name(data, at)
    kind = data[at]
    if kind == FUNCTION:
        _, at = _read_uleb(data, at + 1)
    elif kind == GLOBAL:
        at += 3  # value type, mutability
    else:  # a main module imports functions and globals only; tables, memories, tags: not here
        raise LayoutError(f"unexpected import kind {kind} for {module}.{name}")
    return (module, name, kind, data[start:at]), at


def _exports(body):
    def entry(data, at):
        start = at
        name, at = _read_name(data, at)
        kind = data[at]
        _, at = _read_uleb(data, at + 1)
        return (name, kind, data[start:at]), at
    return _vector_items(body, entry)


def _vector_items(body, read):
    """The items of a vector section body; ``read(data, at) -> (item, next)``."""
    count, at = _read_uleb(body, 0)
    items = []
    for _ in range(count):
        item, at = read(body, at)
        items.append(item)
    if at != len(body):
        raise LayoutError("a section does not add up")
    return items


def _type_entry(data, at):
    """A function type's bytes: 0x60, parameter types, result types (one byte each)."""
    start = at
    if data[at] != 0x60:
        raise LayoutError("a type that is not a function type")
    params, at = _read_uleb(data, at + 1)
    results, at = _read_uleb(data, at + params)
    return data[start:at + results], at + results


def _index_entry(data, at):
    start = at
    _, at = _read_uleb(data, at)
    return data[start:at], at


def _code_entry(data, at):
    start = at
    size, at = _read_uleb(data, at)
    return data[start:at + size], at + size


def _sections(wasm):
    """``{id: body}`` of the module's sections, custom ones excepted (kept where they are)."""
    if wasm[:8] != b"\0asm\1\0\0\0":
        raise LayoutError("not a WebAssembly module (version 1)")
    sections, at = {}, 8
    while at < len(wasm):
        size, body = _read_uleb(wasm, at + 1)
        if wasm[at]:
            sections[wasm[at]] = wasm[body:body + size]
        at = body + size
    return sections


def _assemble(wasm, sections):
    """``wasm`` with each of its sections replaced by ``sections[id]``, custom ones untouched."""
    out, at = bytearray(wasm[:8]), 8
    while at < len(wasm):
        size, body = _read_uleb(wasm, at + 1)
        section = wasm[at]
        content = sections[section] if section else wasm[body:body + size]
        out += bytes([section]) + _uleb(len(content)) + content
        at = body + size
    return bytes(out)


def _vector(items):
    return _uleb(len(items)) + b"".join(items)


def _name(text):
    data = text.encode("utf-8")
    return _uleb(len(data)) + data


def _read_name(data, at):
    length, at = _read_uleb(data, at)
    return data[at:at + length].decode("utf-8"), at + length


def _uleb(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _read_uleb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at
