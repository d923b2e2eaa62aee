//! The thread-pool-to-loop handoff, after libuv's (UV-6, `src/threadpool.c` and
//! `src/unix/async.c`).
//!
//! - **Work queue** (loop → pool): a FIFO under a mutex with a condition variable; `N` worker
//!   threads pop requests and run the work function (`uv__queue_work` / `worker`).
//! - **Completion queue** (pool → loop): a FIFO under a mutex; a finished worker appends its
//!   result and then calls [`AsyncWake::send`] (`uv_async_send(&loop->wq_async)`).
//! - **Async wake-up** ([`AsyncWake`]): an atomic `pending` flag that coalesces sends (only the
//!   send that flips it 0 → 1 writes the "eventfd"), and the eventfd itself, a signalled flag
//!   under a mutex with a condition variable that the loop sleeps on, with a timeout for the
//!   next timer (`uv__io_poll`).
//! - **The loop** ([`Pool::poll`]): after waking it clears `pending` *before* it drains
//!   (`uv__async_io`: `cmpxchg(&h->pending, 1, 0)`, then `uv__work_done`), and drains the
//!   whole completion queue at once, in completion order. Clearing after the drain loses
//!   wake-ups: a worker that appends between the drain and the clear sees `pending` still set,
//!   coalesces its send, and the loop sleeps with a completion queued (the loom test
//!   `loom_tests::swapped_clear_and_drain_loses_a_wakeup` finds that schedule).
//! - **Liveness and shutdown** (UV-7): the loop counts requests submitted and not yet
//!   delivered ([`Pool::outstanding`]); the event loop stays alive while it is non-zero.
//!   [`Pool::shutdown`] closes the work queue (requests not yet started are cancelled, like
//!   `uv_cancel`), lets the workers finish what they run — they may still be appending and
//!   sending while the loop closes, which is safe because they share the queues through an
//!   `Arc`, libuv's use-after-free on close cannot happen — joins them, and hands back every
//!   request that was not delivered, so nothing is lost or delivered twice.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::sync::{Arc, AtomicBool, Condvar, Mutex, Ordering, lock, thread};

/// The async handle: a coalescing `pending` flag and the blocking primitive the loop sleeps on
/// (libuv's `uv_async_t` plus the loop's eventfd).
pub struct AsyncWake {
    /// `uv_async_t::pending`: a send is outstanding that the loop has not yet observed.
    pending: AtomicBool,
    /// The eventfd: set by a send that flipped `pending`, consumed by the loop's wait.
    signalled: Mutex<bool>,
    cv: Condvar,
}

impl Default for AsyncWake {
    fn default() -> Self {
        Self::new()
    }
}

impl AsyncWake {
    pub fn new() -> AsyncWake {
        AsyncWake {
            pending: AtomicBool::new(false),
            signalled: Mutex::new(false),
            cv: Condvar::new(),
        }
    }

    /// `uv_async_send`: wakes the loop unless a send is already pending (coalescing).
    /// Returns whether this send woke the loop.
    pub fn send(&self) -> bool {
        // libuv: a plain load first (the fast path), then the compare-and-swap.
        if self.pending.load(Ordering::Acquire) {
            return false;
        }
        if self
            .pending
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return false;
        }
        // `uv__async_send`: write the eventfd.
        let mut s = lock(&self.signalled);
        *s = true;
        self.cv.notify_one();
        true
    }

    /// The loop's side of `uv__io_poll` on the eventfd: sleeps until a send writes it or
    /// `timeout` passes (`None`: no timer, sleep until woken). Consumes the signal; returns
    /// whether there was one.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|d| Instant::now() + d);
        let mut s = lock(&self.signalled);
        while !*s {
            match deadline {
                None => s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner()),
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        break;
                    }
                    s = self
                        .cv
                        .wait_timeout(s, deadline - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
        std::mem::replace(&mut *s, false)
    }

    /// `uv__async_io`'s `cmpxchg(&h->pending, 1, 0)`: whether a send was pending.
    pub fn clear(&self) -> bool {
        self.pending.swap(false, Ordering::AcqRel)
    }

    /// Whether a send is pending.
    pub fn is_pending(&self) -> bool {
        self.pending.load(Ordering::Acquire)
    }
}

/// The loop's handling of a wake-up. Only [`WakeOrder::ClearThenDrain`] is correct; the other
/// exists so the checkers can show they catch the bug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WakeOrder {
    /// libuv: clear the pending flag, then drain the completion queue.
    ClearThenDrain,
    /// The bug: drain, then clear (a send in between is lost).
    #[cfg(all(test, any(loom, shuttle)))]
    DrainThenClear,
}

struct WorkQueue<J> {
    jobs: VecDeque<J>,
    closed: bool,
}

struct Completions<R> {
    items: VecDeque<(u64, R)>,
    /// The sequence number the next completion gets (completion order).
    next_seq: u64,
}

type WorkFn<J, R> = dyn Fn(J) -> R + Send + Sync;

struct Shared<J, R> {
    work: Mutex<WorkQueue<J>>,
    work_cv: Condvar,
    done: Mutex<Completions<R>>,
    wake: AsyncWake,
    f: Box<WorkFn<J, R>>,
}

/// What [`Pool::shutdown`] hands back: every request that was not delivered by
/// [`Pool::poll`], each exactly once.
#[derive(Debug, PartialEq, Eq)]
pub struct Shutdown<J, R> {
    /// Requests still queued when the pool closed: never started (cancelled).
    pub cancelled: Vec<J>,
    /// Requests that completed but were not delivered (in completion order).
    pub undelivered: Vec<R>,
}

/// A pool of worker threads and the loop's end of the handoff. The loop owns the `Pool`;
/// workers hold only the shared queues.
pub struct Pool<J, R> {
    shared: Arc<Shared<J, R>>,
    workers: Vec<thread::JoinHandle<()>>,
    outstanding: usize,
    delivered_seq: u64,
    order: WakeOrder,
}

impl<J: Send + 'static, R: Send + 'static> Pool<J, R> {
    /// A pool of `threads` workers (at least one) running `f` on each request.
    pub fn new(threads: usize, f: impl Fn(J) -> R + Send + Sync + 'static) -> Pool<J, R> {
        Pool::with_order(threads, f, WakeOrder::ClearThenDrain)
    }

    /// The buggy loop that drains before it clears the pending flag (for the checkers).
    #[cfg(all(test, any(loom, shuttle)))]
    pub(crate) fn new_drain_then_clear(
        threads: usize,
        f: impl Fn(J) -> R + Send + Sync + 'static,
    ) -> Pool<J, R> {
        Pool::with_order(threads, f, WakeOrder::DrainThenClear)
    }

    fn with_order(
        threads: usize,
        f: impl Fn(J) -> R + Send + Sync + 'static,
        order: WakeOrder,
    ) -> Pool<J, R> {
        let shared = Arc::new(Shared {
            work: Mutex::new(WorkQueue {
                jobs: VecDeque::new(),
                closed: false,
            }),
            work_cv: Condvar::new(),
            done: Mutex::new(Completions {
                items: VecDeque::new(),
                next_seq: 0,
            }),
            wake: AsyncWake::new(),
            f: Box::new(f),
        });
        let workers = (0..threads.max(1))
            .map(|_| {
                let shared = shared.clone();
                thread::spawn(move || worker(&shared))
            })
            .collect();
        Pool {
            shared,
            workers,
            outstanding: 0,
            delivered_seq: 0,
            order,
        }
    }

    /// `uv_queue_work`: queues a request for the workers.
    pub fn submit(&mut self, job: J) {
        let mut q = lock(&self.shared.work);
        q.jobs.push_back(job);
        self.outstanding += 1;
        self.shared.work_cv.notify_one();
    }

    /// Requests submitted and not yet delivered (UV-7: they keep the loop alive).
    pub fn outstanding(&self) -> usize {
        self.outstanding
    }

    /// The poll phase's wait on the async handle: sleeps until a worker's send wakes the loop
    /// or `timeout` passes (`None`: no timer), then delivers the whole completion queue in
    /// completion order (possibly nothing: a timeout, or a wake-up whose completions an
    /// earlier drain already took). With nothing outstanding and no timeout it returns at
    /// once instead of sleeping forever.
    pub fn poll(&mut self, timeout: Option<Duration>) -> Vec<R> {
        if self.outstanding == 0 && timeout.is_none() {
            return Vec::new();
        }
        if !self.shared.wake.wait(timeout) {
            return Vec::new();
        }
        self.on_wake()
    }

    /// Delivers what is already queued without sleeping (a poll with a zero timeout that
    /// finds the eventfd written).
    pub fn try_poll(&mut self) -> Vec<R> {
        if !self.shared.wake.wait(Some(Duration::ZERO)) {
            return Vec::new();
        }
        self.on_wake()
    }

    /// `uv__async_io`: for the pending handle, clear its flag and run its callback
    /// (`uv__work_done`: take the whole queue under the lock, deliver in order).
    fn on_wake(&mut self) -> Vec<R> {
        let batch = match self.order {
            WakeOrder::ClearThenDrain => {
                if !self.shared.wake.clear() {
                    return Vec::new();
                }
                self.drain()
            }
            #[cfg(all(test, any(loom, shuttle)))]
            WakeOrder::DrainThenClear => {
                if !self.shared.wake.is_pending() {
                    return Vec::new();
                }
                let batch = self.drain();
                self.shared.wake.clear();
                batch
            }
        };
        self.outstanding -= batch.len();
        batch
    }

    fn drain(&mut self) -> Vec<R> {
        let items = std::mem::take(&mut lock(&self.shared.done).items);
        items
            .into_iter()
            .map(|(seq, r)| {
                assert_eq!(seq, self.delivered_seq, "completions out of order");
                self.delivered_seq += 1;
                r
            })
            .collect()
    }

    /// Closes the pool: cancels the requests no worker has started, lets the running ones
    /// finish (their sends may race with the close: harmless), joins the workers, and returns
    /// everything not delivered.
    pub fn shutdown(mut self) -> Shutdown<J, R> {
        let cancelled = self.close();
        let undelivered = std::mem::take(&mut lock(&self.shared.done).items)
            .into_iter()
            .map(|(_, r)| r)
            .collect::<Vec<_>>();
        self.outstanding -= cancelled.len() + undelivered.len();
        debug_assert_eq!(self.outstanding, 0);
        Shutdown {
            cancelled,
            undelivered,
        }
    }

    /// Closes the work queue and joins the workers; returns the cancelled requests.
    fn close(&mut self) -> Vec<J> {
        let cancelled = {
            let mut q = lock(&self.shared.work);
            q.closed = true;
            self.shared.work_cv.notify_all();
            std::mem::take(&mut q.jobs).into_iter().collect()
        };
        for w in self.workers.drain(..) {
            // A worker whose work function panicked: its request stays outstanding.
            let _ = w.join();
        }
        cancelled
    }
}

impl<J, R> Drop for Pool<J, R> {
    fn drop(&mut self) {
        if self.workers.is_empty() {
            return;
        }
        {
            let mut q = lock(&self.shared.work);
            q.closed = true;
            q.jobs.clear();
            self.shared.work_cv.notify_all();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

/// A worker thread (`worker` in `threadpool.c`): pop a request, run it, append the result
/// to the completion queue, `uv_async_send`.
fn worker<J, R>(shared: &Shared<J, R>) {
    loop {
        let job = {
            let mut q = lock(&shared.work);
            loop {
                if let Some(j) = q.jobs.pop_front() {
                    break j;
                }
                if q.closed {
                    return;
                }
                q = shared.work_cv.wait(q).unwrap_or_else(|e| e.into_inner());
            }
        };
        let r = (shared.f)(job);
        {
            let mut done = lock(&shared.done);
            let seq = done.next_seq;
            done.next_seq += 1;
            done.items.push_back((seq, r));
        }
        shared.wake.send();
    }
}

#[cfg(all(test, not(any(loom, shuttle))))]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn delivers_every_completion_once_in_completion_order() {
        // Request i sleeps (8 - i) ms: later requests tend to complete first.
        let mut pool = Pool::new(4, |i: u64| {
            std::thread::sleep(Duration::from_millis(8 - i));
            i
        });
        for i in 0..8 {
            pool.submit(i);
        }
        let mut got = Vec::new();
        while pool.outstanding() > 0 {
            got.extend(pool.poll(None));
        }
        let mut sorted = got.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..8).collect::<Vec<_>>());
        let s = pool.shutdown();
        assert!(s.cancelled.is_empty() && s.undelivered.is_empty());
    }

    #[test]
    fn poll_times_out_for_a_timer() {
        let mut pool: Pool<u32, u32> = Pool::new(1, |i| i);
        let t = Instant::now();
        assert!(pool.poll(Some(Duration::from_millis(20))).is_empty());
        assert!(t.elapsed() >= Duration::from_millis(20));
        // Nothing outstanding and no timer: returns at once.
        assert!(pool.poll(None).is_empty());
    }

    #[test]
    fn shutdown_with_work_in_flight_accounts_for_everything() {
        let mut pool = Pool::new(2, |i: u32| {
            std::thread::sleep(Duration::from_millis(5));
            i
        });
        for i in 0..10 {
            pool.submit(i);
        }
        let delivered = pool.poll(None);
        let s = pool.shutdown();
        let mut all: Vec<u32> = delivered;
        all.extend(s.cancelled);
        all.extend(s.undelivered);
        all.sort_unstable();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn sends_coalesce() {
        let w = AsyncWake::new();
        assert!(w.send());
        assert!(!w.send());
        assert!(w.wait(None));
        assert!(w.clear());
        assert!(!w.clear());
        assert!(!w.wait(Some(Duration::ZERO)));
        assert!(w.send());
    }
}
