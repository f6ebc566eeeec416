"""The calculator's browser runtime: engine wheel, lean wasm, precompiled stdlib, snapshot."""

from .bundle import Bundle, emit_bundle, prepare_bundle
from .cache import BundleError

__all__ = ["Bundle", "BundleError", "emit_bundle", "prepare_bundle"]
