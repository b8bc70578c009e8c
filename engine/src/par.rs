//! Work spread over the machine's cores: the build's independent steps (each segment's
//! analysis, each claim's best matches, each chunk of sentences the encoder reads, each claim's
//! items) are mapped in parallel where there are threads, and in order on one thread where
//! there are none (the browser engine, wasm32), through the same calls.
//!
//! Results come back in input order whatever the threads did, and every step reads only what
//! was computed before it, so a build writes the same bytes on one core or many.

/// Caps the threads builds spread over at `n` (the CLI's `--jobs`). Call it once, before the
/// first build; it fails if the threads were already set up.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_threads(n: usize) -> Result<(), String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global()
        .map_err(|e| format!("--jobs: {e}"))
}

/// Without threads there is nothing to cap: every build runs on one.
#[cfg(target_arch = "wasm32")]
pub fn set_threads(_n: usize) -> Result<(), String> {
    Ok(())
}

/// `f` of every item, in order.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// `f` of every item, in order.
#[cfg(target_arch = "wasm32")]
pub(crate) fn map<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

/// `f` of every item with a scratch value made by `init`, one per thread at a time and reused
/// across the items it runs (a search's buffers), in order.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map_with<T: Sync, S, R: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, &T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map_init(init, f).collect()
}

/// `f` of every item with a scratch value made by `init`, in order.
#[cfg(target_arch = "wasm32")]
pub(crate) fn map_with<T, S, R>(
    items: &[T],
    init: impl Fn() -> S,
    f: impl Fn(&mut S, &T) -> R,
) -> Vec<R> {
    let mut scratch = init();
    items.iter().map(|t| f(&mut scratch, t)).collect()
}

/// How many items to hand out before reporting progress or passing results on: enough per
/// thread that a slow item does not leave the others idle, few enough that a report comes
/// every few hundred milliseconds and that a block's results stay small.
pub(crate) fn block(per_thread: usize) -> usize {
    per_thread * threads()
}

/// The threads `map` spreads over (1 without threads).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn threads() -> usize {
    rayon::current_num_threads()
}

/// The threads `map` spreads over (1 without threads).
#[cfg(target_arch = "wasm32")]
pub(crate) fn threads() -> usize {
    1
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order() {
        let xs: Vec<u64> = (0..10_000).collect();
        let squares = super::map(&xs, |x| x * x);
        assert!(squares.iter().zip(&xs).all(|(s, x)| *s == x * x));
        let sums = super::map_with(&xs, Vec::new, |seen: &mut Vec<u64>, x| {
            seen.push(*x);
            x + 1
        });
        assert!(sums.iter().zip(&xs).all(|(s, x)| *s == x + 1));
    }
}
