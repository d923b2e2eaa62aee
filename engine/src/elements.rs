//! The elements of an Array exotic object (ECMA-262 §10.4.2), stored so that a far index or a
//! huge `length` costs nothing.
//!
//! An array index is an integer below 2^32 − 1 (§6.1.7) and `length` is at most 2^32 − 1
//! (§10.4.2.4 ArraySetLength); an index at or past `length` makes `length` index + 1
//! (§10.4.2.1 [[DefineOwnProperty]] step 2.h–j). An index below `length` with no element is a
//! *hole*: reading it gives `undefined` (the [[Get]] of an absent property), but
//! `HasProperty` is false, so the `Array.prototype` methods that test it skip it.
//!
//! [`Elements`] keeps a dense prefix (a `Vec`, holes in it stored as [`Value::Hole`]) and the
//! elements past it that are far from it in an ordered map, with `length` explicit:
//! `a[4e9] = 1` stores one element, `new Array(4e9)` and `a.length = 4e9` none. Two arrays
//! with the same `length` and the same elements at the same indices are equal and hash alike
//! however their elements are split between the two parts, and the heap references are
//! visited in index order, so canonical states do not depend on the split.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::refs::HeapRefs;
use crate::value::{ObjId, Value};

/// The largest `length` (§10.4.2.4 step 5: ToUint32 of a valid length): 2^32 − 1. Indices are
/// below it.
pub const MAX_ARRAY_LENGTH: u32 = u32::MAX;

/// The message V8 gives with the `RangeError` for a length that is not a valid array length.
pub const INVALID_ARRAY_LENGTH: &str = "Invalid array length";

/// How far past the dense prefix an element may be stored and still extend it (with holes in
/// between) rather than go to the sparse part.
const DENSE_GAP: usize = 1024;

/// The elements and `length` of an array.
#[derive(Clone, Debug, Default)]
pub struct Elements {
    /// Indices `0..dense.len()`; a hole is [`Value::Hole`].
    dense: Vec<Value>,
    /// Elements at indices from `dense.len()` on, in index order.
    sparse: BTreeMap<u32, Value>,
    /// `length`: more than every index stored, at least `dense.len()`.
    len: u32,
}

impl Elements {
    pub fn new() -> Elements {
        Elements::default()
    }

    /// `length` holes and no element (ArrayCreate(length), §10.4.2.2).
    pub fn with_len(len: u32) -> Elements {
        Elements {
            len,
            ..Elements::default()
        }
    }

    /// `length`.
    pub fn len(&self) -> u32 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The element at index `i`; `None` for a hole or an index at or past `length`.
    pub fn get(&self, i: u32) -> Option<&Value> {
        match self.dense.get(i as usize) {
            Some(Value::Hole) => None,
            Some(v) => Some(v),
            None => self.sparse.get(&i),
        }
    }

    /// [[Get]] of index `i`: the element, or `undefined` for a hole or past `length`.
    pub fn read(&self, i: u32) -> Value {
        self.get(i).cloned().unwrap_or(Value::Undefined)
    }

    /// HasProperty of index `i` (§7.3.12 for an array's own element).
    pub fn has(&self, i: u32) -> bool {
        self.get(i).is_some()
    }

    /// Stores `v` at index `i` (below [`MAX_ARRAY_LENGTH`]), growing `length` to `i + 1` if it
    /// is not past it already (§10.4.2.1 step 2).
    pub fn set(&mut self, i: u32, v: Value) {
        debug_assert!(i < MAX_ARRAY_LENGTH, "{i} is not an array index");
        let at = i as usize;
        if at < self.dense.len() {
            self.dense[at] = v;
        } else if at <= self.dense.len() + DENSE_GAP {
            self.sparse.remove(&i);
            self.dense.resize(at, Value::Hole);
            self.dense.push(v);
            // The sparse elements the dense prefix now covers move into it.
            let rest = self.sparse.split_off(&(self.dense.len() as u32));
            for (k, x) in std::mem::replace(&mut self.sparse, rest) {
                self.dense[k as usize] = x;
            }
        } else {
            self.sparse.insert(i, v);
        }
        self.len = self.len.max(i + 1);
    }

    /// Appends `v` at index `length` (as `push` and array literals do); false, changing
    /// nothing, if `length` is already [`MAX_ARRAY_LENGTH`].
    pub fn push(&mut self, v: Value) -> bool {
        if self.len == MAX_ARRAY_LENGTH {
            return false;
        }
        self.set(self.len, v);
        true
    }

    /// Removes the element at index `i`, leaving a hole (`delete a[i]`, and the moves of
    /// `shift`/`reverse` from a hole).
    pub fn remove(&mut self, i: u32) {
        match self.dense.get_mut(i as usize) {
            Some(slot) => *slot = Value::Hole,
            None => {
                self.sparse.remove(&i);
            }
        }
    }

    /// Sets `length` (ArraySetLength's effect, §10.4.2.4 steps 15–19): shortening deletes the
    /// elements at and past the new length; lengthening adds holes.
    pub fn set_len(&mut self, len: u32) {
        if len < self.len {
            self.dense.truncate(len as usize);
            self.sparse.split_off(&len);
        }
        self.len = len;
    }

    /// The elements present, in index order, with their indices.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &Value)> {
        let dense = self
            .dense
            .iter()
            .enumerate()
            .filter(|(_, v)| !matches!(v, Value::Hole))
            .map(|(i, v)| (i as u32, v));
        dense.chain(self.sparse.iter().map(|(i, v)| (*i, v)))
    }

    /// The elements present, in index order, to rewrite them.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        let dense = self.dense.iter_mut().filter(|v| !matches!(v, Value::Hole));
        dense.chain(self.sparse.values_mut())
    }

    /// The smallest index at or after `from` that has an element (the next `k` for which a
    /// method's `HasProperty(O, Pk)` is true).
    pub fn next_index(&self, from: u32) -> Option<u32> {
        let dense = self
            .dense
            .get(from as usize..)
            .and_then(|rest| rest.iter().position(|v| !matches!(v, Value::Hole)))
            .map(|p| from + p as u32);
        dense.or_else(|| self.sparse.range(from..).next().map(|(i, _)| *i))
    }

    /// How many elements are present (not holes).
    pub fn count(&self) -> usize {
        self.dense
            .iter()
            .filter(|v| !matches!(v, Value::Hole))
            .count()
            + self.sparse.len()
    }

    /// Every index below `length` read in order, holes as `undefined` (CreateListFromArrayLike,
    /// and iterating an array). The caller bounds `length` first.
    pub fn to_list(&self) -> Vec<Value> {
        (0..self.len).map(|i| self.read(i)).collect()
    }

    /// An array of `len` with these elements (indices below `len`).
    pub fn from_entries(len: u32, entries: impl IntoIterator<Item = (u32, Value)>) -> Elements {
        let mut e = Elements::new();
        for (i, v) in entries {
            e.set(i, v);
        }
        e.set_len(len);
        e
    }
}

impl From<Vec<Value>> for Elements {
    /// A dense array of these values (CreateArrayFromList, §7.3.18).
    fn from(dense: Vec<Value>) -> Elements {
        let len = u32::try_from(dense.len()).unwrap_or(MAX_ARRAY_LENGTH);
        Elements {
            dense,
            sparse: BTreeMap::new(),
            len,
        }
    }
}

impl FromIterator<Value> for Elements {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Elements {
        Elements::from(iter.into_iter().collect::<Vec<Value>>())
    }
}

impl PartialEq for Elements {
    fn eq(&self, other: &Elements) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Elements {}

impl Hash for Elements {
    fn hash<S: Hasher>(&self, state: &mut S) {
        self.len.hash(state);
        for (i, v) in self.iter() {
            i.hash(state);
            v.hash(state);
        }
    }
}

impl HeapRefs for Elements {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        for v in self.values_mut() {
            v.refs_mut(f);
        }
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        for (_, v) in self.iter() {
            v.refs(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(x: f64) -> Value {
        Value::num(x)
    }

    #[test]
    fn a_far_index_is_stored_alone_and_sets_length() {
        let mut a = Elements::new();
        a.set(4_000_000_000, n(1.0));
        assert_eq!(a.len(), 4_000_000_001);
        assert_eq!(a.count(), 1);
        assert_eq!(a.read(4_000_000_000), n(1.0));
        assert_eq!(a.read(7), Value::Undefined);
        assert!(!a.has(7));
        assert_eq!(a.next_index(0), Some(4_000_000_000));
        assert_eq!(a.next_index(4_000_000_001), None);
    }

    #[test]
    fn near_indices_extend_the_dense_part_and_absorb_sparse_ones() {
        let mut a = Elements::new();
        a.set(5000, n(2.0));
        a.set(3, n(1.0));
        assert_eq!(a.dense.len(), 4);
        for i in 4..=5000 {
            a.set(i, n(0.0));
        }
        assert!(a.sparse.is_empty());
        assert_eq!(a.read(5000), n(0.0));
        assert_eq!(a.count(), 4998);
        assert_eq!(a.next_index(0), Some(3));
    }

    #[test]
    fn equality_and_references_do_not_depend_on_the_split() {
        // Index 1500 is far from an empty array but near one of length 601.
        let mut a = Elements::new();
        a.set(1500, Value::Object(ObjId(2)));
        a.set(600, Value::Object(ObjId(1)));
        let mut b = Elements::new();
        b.set(600, Value::Object(ObjId(1)));
        b.set(1500, Value::Object(ObjId(2)));
        assert_ne!(a.sparse.len(), b.sparse.len());
        assert_eq!(a, b);
        let hash = |e: &Elements| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            e.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&a), hash(&b));
        let mut seen = Vec::new();
        a.refs(&mut |id| seen.push(id));
        assert_eq!(seen, vec![ObjId(1), ObjId(2)]);
        b.set_len(1501);
        assert_eq!(a, b);
        b.set_len(4_000_000_000);
        assert_ne!(a, b);
    }

    #[test]
    fn shortening_deletes_and_lengthening_adds_holes() {
        let mut a = Elements::from(vec![n(0.0), n(1.0), n(2.0)]);
        a.set(10_000, n(3.0));
        a.set_len(2);
        assert_eq!(a.to_list(), vec![n(0.0), n(1.0)]);
        a.set_len(4);
        assert_eq!(
            a.to_list(),
            vec![n(0.0), n(1.0), Value::Undefined, Value::Undefined]
        );
        assert_eq!(a.count(), 2);
    }
}
