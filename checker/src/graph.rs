//! The explored state graph, shared by both explorers (stateright's on native targets,
//! [`crate::bfs`] everywhere): states numbered in the order they are first met and
//! identified by fingerprint, the transitions taken, and the terminal states' outcomes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use evloop_model::{Choice, Outcome, State};

/// A state's 64-bit fingerprint (states are compared by fingerprint, as stateright does),
/// with fixed keys so that it is the same in every run.
pub(crate) fn fingerprint(st: &State) -> u64 {
    ahash::RandomState::with_seeds(0x6576, 0x6c6f, 0x6f70, 0x2121).hash_one(st)
}

/// Hashes a fingerprint by itself (it is already a hash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FingerprintHasher(u64);

impl Hasher for FingerprintHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Maps and sets keyed by fingerprints.
pub(crate) type FpMap<V> = HashMap<u64, V, BuildHasherDefault<FingerprintHasher>>;

/// The explored state graph. States are numbered densely in the order they are first met
/// (the initial state is 0) and identified by fingerprint.
#[derive(Default)]
pub(crate) struct Graph {
    ids: FpMap<u32>,
    /// Every transition taken: (from, choice, to).
    pub edges: Vec<(u32, Choice, u32)>,
    /// Per state: the index of its outcome if it is terminal, else [`NOT_TERMINAL`].
    pub terminal: Vec<u32>,
    pub outcomes: Vec<Outcome>,
    index: HashMap<Outcome, u32>,
}

/// Marks a state that is not (known to be) terminal.
pub(crate) const NOT_TERMINAL: u32 = u32::MAX;

impl Graph {
    /// The number of states met.
    pub fn len(&self) -> usize {
        self.terminal.len()
    }

    pub(crate) fn contains(&self, fp: u64) -> bool {
        self.ids.contains_key(&fp)
    }

    /// The state's id (a new one if the state is new).
    pub(crate) fn intern(&mut self, fp: u64) -> u32 {
        let next = self.terminal.len() as u32;
        let id = *self.ids.entry(fp).or_insert(next);
        if id == next {
            self.terminal.push(NOT_TERMINAL);
        }
        id
    }

    pub(crate) fn add_terminal(&mut self, id: u32, o: Outcome) {
        let i = match self.index.get(&o) {
            Some(i) => *i,
            None => {
                let i = self.outcomes.len() as u32;
                self.index.insert(o.clone(), i);
                self.outcomes.push(o);
                i
            }
        };
        self.terminal[id as usize] = i;
    }
}
