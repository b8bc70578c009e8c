//! One sort for the whole widget. Each sort of another element type, or by another key,
//! compiles a whole sort of its own into the wasm every reader downloads (2 to 3 KB each, a
//! stable one more): the widget had six. Here every order is a list of [`Key`]s sorted by the
//! one `sort_unstable` of `Key`. Where elements could tie on what orders them, the key's last
//! field is the element's position, so keys never tie and the unstable sort gives exactly what
//! a stable sort would.

/// Three fields compared in turn (see the module's doc).
pub type Key = (usize, usize, usize);

/// Sorts `keys` in place: the widget's only sort.
pub fn sort(keys: &mut [Key]) {
    keys.sort_unstable();
}

/// `items` in the order of `key`, ties in their order in `items`, as `sort_by_key` would
/// leave them.
pub fn by_key<T>(items: Vec<T>, key: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    let mut keys: Vec<Key> = items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (a, b) = key(t);
            (a, b, i)
        })
        .collect();
    sort(&mut keys);
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.into_iter()
        .filter_map(|(_, _, i)| items[i].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_is_a_stable_sort() {
        let items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')];
        let mut want = items.clone();
        want.sort_by_key(|&(k, _)| k);
        assert_eq!(by_key(items, |&(k, _)| (k, 0)), want);
    }

    #[test]
    fn by_key_compares_the_second_field_after_the_first() {
        let items = vec![(1, 9), (0, 5), (1, 2), (0, 5), (0, 1)];
        let mut want = items.clone();
        want.sort_by_key(|&p| p);
        assert_eq!(by_key(items, |&p| p), want);
    }
}
