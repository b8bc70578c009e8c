//! Work spread over the machine's cores: the build's independent steps (each segment's
//! analysis, each claim's best matches, each chunk of sentences the encoder reads, each claim's
//! items) are mapped in parallel where there are threads, and in order on one thread where
//! there are none (the browser engine, wasm32), through the same calls.
//!
//! Results come back in input order whatever the threads did, and every step reads only what
//! was computed before it, so a build writes the same bytes on one core or many.
//!
//! The engine keeps a pool of its own, made on first use, rather than rayon's global one: a
//! program that embeds the engine keeps its global pool as it set it up, and `--jobs 1` (or a
//! machine that cannot start threads) runs every step in order on the calling thread, with no
//! pool at all. Nothing here can panic for want of threads.

#[cfg(not(target_arch = "wasm32"))]
mod threads {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;

    /// The threads asked for by `set_threads` (0: one per core).
    static ASKED: AtomicUsize = AtomicUsize::new(0);

    /// The engine's pool, made on first use; `None` for one thread, or when no thread could be
    /// started.
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();

    pub fn set(n: usize) -> Result<(), String> {
        if POOL.get().is_some() {
            return Err("the threads are already started: set them before the first build".into());
        }
        ASKED.store(n, Ordering::Relaxed);
        Ok(())
    }

    pub fn pool() -> Option<&'static rayon::ThreadPool> {
        POOL.get_or_init(|| {
            let n = match ASKED.load(Ordering::Relaxed) {
                0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                n => n,
            };
            if n <= 1 {
                return None;
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("crosscheck-{i}"))
                .build()
                .ok()
        })
        .as_ref()
    }
}

/// Caps the threads builds spread over at `n` (the CLI's `--jobs`; 1 runs every step on the
/// calling thread). Call it before the first build: it fails once the threads are started.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_threads(n: usize) -> Result<(), String> {
    threads::set(n)
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
    match threads::pool() {
        Some(pool) => pool.install(|| items.par_iter().map(f).collect()),
        None => items.iter().map(f).collect(),
    }
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
    match threads::pool() {
        Some(pool) => pool.install(|| items.par_iter().map_init(init, f).collect()),
        None => in_order_with(items, init, f),
    }
}

/// `f` of every item with a scratch value made by `init`, in order.
#[cfg(target_arch = "wasm32")]
pub(crate) fn map_with<T, S, R>(
    items: &[T],
    init: impl Fn() -> S,
    f: impl Fn(&mut S, &T) -> R,
) -> Vec<R> {
    in_order_with(items, init, f)
}

/// `map_with` on the calling thread: one scratch value for every item.
fn in_order_with<T, S, R>(
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
    threads::pool().map_or(1, rayon::ThreadPool::current_num_threads)
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
