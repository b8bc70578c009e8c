//! Entry point: mounts a widget into every `[data-crosscheck]` element of the page and
//! annotates every `[data-crosscheck-annotate]` article.

fn main() {
    crosscheck_widget::mount_all();
    crosscheck_widget::annotate::annotate_all();
}

/// Talc instead of Rust's default wasm allocator (dlmalloc): a few KiB less for every reader to
/// download, and faster at the many small allocations of decoding a database.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: nothing else in the module grows the wasm memory; talc is its only allocator.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
