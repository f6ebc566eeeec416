// Build time: a Pyodide memory snapshot the calculator's worker restores instead of booting Python.
//   node pricing_site/runtime/make_snapshot.mjs <precompiled python_stdlib.zip> <catalog.json> <out.bin>
//        [<runtime folder/>]
// Boots the npm-pinned Pyodide (node_modules/pyodide), on the runtime files the site serves when
// their folder is given (its lean pyodide.asm.wasm: pyodide.py's served_runtime; a snapshot
// only restores onto the very module it was made on), with `_makeSnapshot` and, as stdLibURL,
// the very zip the site serves (precompile_stdlib.mjs's output: a snapshot only restores onto the
// same Pyodide build and the same stdlib zip byte for byte). Then does what the worker
// (boot.js) does once Python is up, minus what a snapshot cannot hold: imports json and calculator (from that zip,
// where the engine is precompiled: file-system changes such as an unpacked wheel are not
// captured, the zip is mounted again at restore), loads the catalog, makes a warm-up quote and a
// cost curve (so the modules imported lazily are in memory too), drops the catalog (the worker
// loads the page's catalog.json itself) and writes `pyodide.makeMemorySnapshot()`.
// It reports which files of the zip the modules in memory came from ("in_memory"): the build
// serves the zip without them beside the snapshot, as the zip the worker mounts at restore
// (startup.py; what Python may still import lazily). zipimport's cached directory of the
// full zip is cleared last, so the first import after a restore reads the lean zip's own.
// Hash randomisation is off (PYTHONHASHSEED=0), no packages are loaded, no JS object is kept.
// Prints {"python": "3.14.x", "engine": calculator.__file__, "in_memory": [...], "bytes": n}.
import { readFileSync, writeFileSync } from "node:fs";
import { WARM_UP } from "./warm_up.mjs";
// the npm package the build uses (a checkout's node_modules or the cache): startup.py says
const { loadPyodide } = await import(process.env.PRICING_SITE_PYODIDE ?? "pyodide");

const [stdlibPath, catalogPath, outPath, indexURL] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node make_snapshot.mjs <python_stdlib.zip> <catalog.json> <out.bin> [<runtime/>]");
  process.exit(2);
}
const pyodide = await loadPyodide({
  indexURL, stdLibURL: stdlibPath, _makeSnapshot: true,
  env: { HOME: "/home/pyodide", PYTHONHASHSEED: "0" },
});
pyodide.FS.writeFile("/tmp/catalog.json", readFileSync(catalogPath, "utf8"));
const report = JSON.parse(pyodide.runPython(`
${WARM_UP}
import sys
warm_up("/tmp/catalog.json")
del warm_up  # the catalog and its helpers stay out of the snapshot
ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/"
if not calculator.__file__.startswith(ZIP) or sys.flags.hash_randomization:
    raise SystemExit(f"not snapshotting: engine {calculator.__file__}, "
                     f"hash randomisation {sys.flags.hash_randomization}")
json.dumps({"python": sys.version.split()[0], "engine": calculator.__file__,
            "in_memory": sorted({m.__file__[len(ZIP):] for m in list(sys.modules.values())
                                 if (getattr(m, "__file__", None) or "").startswith(ZIP)})})
`));
// the last Python to run: zipimport forgets the directory of this zip, and reads the one of
// the zip mounted at restore (the lean one) on the first import after it
pyodide.runPython("import zipimport; zipimport._zip_directory_cache.clear()");
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outPath, snapshot);
process.stdout.write(JSON.stringify({ ...report, bytes: snapshot.length }));
