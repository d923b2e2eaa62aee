//! The synchronisation primitives of the handoff, swappable for a model checker (the pattern of
//! tokio's `src/loom`): `loom`'s under `cfg(loom)`, `shuttle`'s under `cfg(shuttle)`, and
//! `std`'s otherwise. Every lock, condition variable, atomic and thread of [`crate::pool`]
//! comes from here, so the checkers explore the same code that runs for real.

#[cfg(loom)]
pub use loom::sync::atomic::{AtomicBool, Ordering};
#[cfg(loom)]
pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(loom)]
pub use loom::thread;

#[cfg(all(shuttle, not(loom)))]
pub use shuttle::sync::atomic::{AtomicBool, Ordering};
#[cfg(all(shuttle, not(loom)))]
pub use shuttle::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(all(shuttle, not(loom)))]
pub use shuttle::thread;

#[cfg(not(any(loom, shuttle)))]
pub use std::sync::atomic::{AtomicBool, Ordering};
#[cfg(not(any(loom, shuttle)))]
pub use std::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(not(any(loom, shuttle)))]
pub use std::thread;

/// Locks `m`, ignoring poisoning (a worker that panicked in the work function has already
/// been reported by its join; the queues it guards stay consistent because every critical
/// section only pushes or pops whole items).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
