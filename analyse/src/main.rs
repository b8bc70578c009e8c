//! Trunk builds rust assets from a binary; this one only exists so the worker module is built
//! and bound with the library's exports (`analyse`, `engineVersion`), which
//! www/analyse-worker.js calls. Nothing runs at start.

// Naming the library links it, and with it its `#[wasm_bindgen]` exports.
use crosscheck_analyse as _;

fn main() {}
