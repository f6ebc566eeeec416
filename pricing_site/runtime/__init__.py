"""The calculator's browser runtime: engine wheel, lean wasm, precompiled stdlib, snapshot."""
