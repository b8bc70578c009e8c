//! The union-find `learn` ties names with, once for spelling variants of name words and once
//! for the entity groups over name signatures.
//!
//! Why separate: a plain data structure with its own invariant (the root is the smallest
//! member), independent of what is being grouped.

use std::collections::HashMap;

/// A small union-find over strings whose root is always the smallest member, so the key of a
/// group does not depend on the order names were met.
#[derive(Default)]
pub(super) struct Groups {
    id: HashMap<String, usize>,
    names: Vec<String>,
    parent: Vec<usize>,
}

impl Groups {
    pub(super) fn add(&mut self, s: &str) -> usize {
        if let Some(&i) = self.id.get(s) {
            return i;
        }
        let i = self.names.len();
        self.id.insert(s.to_string(), i);
        self.names.push(s.to_string());
        self.parent.push(i);
        i
    }

    pub(super) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(super) fn union(&mut self, a: &str, b: &str) {
        if a.is_empty() || b.is_empty() {
            return;
        }
        let (x, y) = (self.add(a), self.add(b));
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return;
        }
        if self.names[rx] <= self.names[ry] {
            self.parent[ry] = rx;
        } else {
            self.parent[rx] = ry;
        }
    }

    pub(super) fn root_of(&mut self, s: &str) -> Option<String> {
        let i = *self.id.get(s)?;
        let r = self.find(i);
        Some(self.names[r].clone())
    }

    pub(super) fn into_map(mut self) -> HashMap<String, String> {
        let mut m = HashMap::new();
        for i in 0..self.names.len() {
            let r = self.find(i);
            if r != i {
                m.insert(self.names[i].clone(), self.names[r].clone());
            }
        }
        m
    }
}
