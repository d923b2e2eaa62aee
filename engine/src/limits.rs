//! The limits of a run (issue 18): how many IR instructions it may execute, how long it may
//! take by the wall clock, and how much memory the process may hold — for the whole run, not
//! per macro-step. A run that reaches one ends *incomplete*, naming the limit; it is not a
//! sign that the program does not terminate (that is MODEL-2's cycle, decided by the model).
//!
//! One [`Budget`] is shared by every agent of a run (and every state of an exploration, on
//! every exploring thread). An agent draws instructions from it in chunks of [`CHUNK`], and
//! each draw also reads the clock and, at most every [`MEMORY_EVERY`], the memory: so no
//! single transition can outlive the deadline by more than one chunk of instructions. The
//! memory limit is reached at 15/16 of `max_memory`, so that what is allocated between two
//! readings stays within it.
//! The engine measures no memory itself (it knows no operating system): the embedder passes
//! a probe that reports the bytes the process holds.

use std::fmt;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::time::Duration;

use web_time::Instant;

/// Instructions an agent draws from its budget at a time; the deadline and the memory are
/// checked at each draw (about every 4 ms at 17M instructions per second).
pub const CHUNK: u64 = 1 << 16;

/// The least time between two reads of the memory probe.
pub const MEMORY_EVERY: Duration = Duration::from_millis(10);

/// The default instruction limit of a run (`--max-steps`).
pub const DEFAULT_MAX_STEPS: u64 = 10_000_000_000;

/// The default wall-clock limit of a run (`--timeout`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Which limit a run reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LimitKind {
    /// `--max-steps`: the IR instructions executed.
    Steps,
    /// `--timeout`: the wall clock.
    Time,
    /// `--max-memory`: the memory the process holds.
    Memory,
}

impl LimitKind {
    /// The limit's name as status lines print it: `INCOMPLETE (memory)`.
    pub fn name(self) -> &'static str {
        match self {
            LimitKind::Steps => "steps",
            LimitKind::Time => "time",
            LimitKind::Memory => "memory",
        }
    }

    fn from_u8(n: u8) -> Option<LimitKind> {
        match n {
            1 => Some(LimitKind::Steps),
            2 => Some(LimitKind::Time),
            3 => Some(LimitKind::Memory),
            _ => None,
        }
    }

    fn to_u8(self) -> u8 {
        match self {
            LimitKind::Steps => 1,
            LimitKind::Time => 2,
            LimitKind::Memory => 3,
        }
    }
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The limits of a run. `None`: no limit of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// IR instructions the whole run may execute.
    pub max_steps: u64,
    /// Wall-clock time the whole run may take.
    pub timeout: Option<Duration>,
    /// Bytes the process may hold, as the memory probe measures them.
    pub max_memory: Option<u64>,
}

impl Default for Limits {
    /// 10¹⁰ instructions or 60 s, whichever first; memory unlimited unless the embedder
    /// measures it.
    fn default() -> Limits {
        Limits {
            max_steps: DEFAULT_MAX_STEPS,
            timeout: Some(DEFAULT_TIMEOUT),
            max_memory: None,
        }
    }
}

impl Limits {
    /// No limit but `max_steps` instructions (test262's per-test budget, small unit tests).
    pub fn steps(max_steps: u64) -> Limits {
        Limits {
            max_steps,
            timeout: None,
            max_memory: None,
        }
    }

    /// These limits with a memory limit of `bytes`.
    pub fn with_memory(self, bytes: u64) -> Limits {
        Limits {
            max_memory: Some(bytes),
            ..self
        }
    }

    /// The limit reached, in words: `the time limit (60 s) ran out`.
    pub fn describe(&self, kind: LimitKind) -> String {
        match kind {
            LimitKind::Steps => format!(
                "the step limit ({} instructions) was reached",
                self.max_steps
            ),
            LimitKind::Time => format!(
                "the time limit ({} s) ran out",
                self.timeout.unwrap_or_default().as_secs_f64()
            ),
            LimitKind::Memory => format!(
                "the memory limit ({} MiB) was reached",
                self.max_memory.unwrap_or_default() >> 20
            ),
        }
    }
}

/// Measures the memory the process holds, in bytes (`None`: unknown now).
pub type MemoryProbe = fn() -> Option<u64>;

/// What a run has spent of its [`Limits`], shared by every agent of the run.
#[derive(Debug)]
pub struct Budget {
    pub limits: Limits,
    start: Instant,
    deadline: Option<Instant>,
    probe: Option<MemoryProbe>,
    /// Instructions drawn so far (a draw not used is given back).
    spent: AtomicU64,
    /// The first limit reached (0: none yet); once set, every draw fails.
    hit: AtomicU8,
    /// When the memory was last read, in ns since `start`.
    memory_read_at: AtomicU64,
}

impl Budget {
    /// A budget of `limits`, starting now; `probe` measures the memory for `max_memory`.
    pub fn new(limits: Limits, probe: Option<MemoryProbe>) -> Budget {
        let start = Instant::now();
        Budget {
            limits,
            start,
            deadline: limits.timeout.map(|t| start + t),
            probe,
            spent: AtomicU64::new(0),
            hit: AtomicU8::new(0),
            memory_read_at: AtomicU64::new(0),
        }
    }

    /// No limits at all (a budget that never runs out, for tests of other things).
    pub fn unlimited() -> Budget {
        Budget::new(
            Limits {
                max_steps: u64::MAX,
                timeout: None,
                max_memory: None,
            },
            None,
        )
    }

    /// The limit reached, if one was.
    pub fn hit(&self) -> Option<LimitKind> {
        LimitKind::from_u8(self.hit.load(Ordering::Relaxed))
    }

    /// Records that `kind` was reached (the first limit reached is the one reported).
    pub fn set_hit(&self, kind: LimitKind) -> LimitKind {
        let _ = self
            .hit
            .compare_exchange(0, kind.to_u8(), Ordering::Relaxed, Ordering::Relaxed);
        self.hit().unwrap_or(kind)
    }

    /// Instructions executed so far.
    pub fn spent(&self) -> u64 {
        self.spent.load(Ordering::Relaxed)
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Checks the deadline and (at most every [`MEMORY_EVERY`]) the memory; a limit that
    /// is reached stays reached.
    pub fn check(&self) -> Result<(), LimitKind> {
        if let Some(kind) = self.hit() {
            return Err(kind);
        }
        let now = Instant::now();
        if self.deadline.is_some_and(|d| now >= d) {
            return Err(self.set_hit(LimitKind::Time));
        }
        if let (Some(max), Some(probe)) = (self.limits.max_memory, self.probe) {
            let at = now.duration_since(self.start).as_nanos() as u64;
            let last = self.memory_read_at.load(Ordering::Relaxed);
            let due = last == 0 || at.saturating_sub(last) >= MEMORY_EVERY.as_nanos() as u64;
            if due {
                self.memory_read_at.store(at.max(1), Ordering::Relaxed);
                // 15/16 of the limit: room for what is allocated until the next reading.
                if probe().is_some_and(|held| held >= max - max / 16) {
                    return Err(self.set_hit(LimitKind::Memory));
                }
            }
        }
        Ok(())
    }

    /// Whether `bytes` more can be held within the memory limit (the memory held read now,
    /// or taken as none without a probe); an allocation that would pass it reaches the limit
    /// before it is made.
    pub fn reserve(&self, bytes: u64) -> Result<(), LimitKind> {
        let held = || self.probe.and_then(|p| p()).unwrap_or(0);
        if let Some(max) = self.limits.max_memory
            && held().saturating_add(bytes) > max
        {
            return Err(self.set_hit(LimitKind::Memory));
        }
        Ok(())
    }

    /// Draws at least `need` and up to [`CHUNK`] instructions (never more than are left),
    /// after [`Budget::check`]; returns how many were granted.
    pub fn draw(&self, need: u64) -> Result<u64, LimitKind> {
        self.check()?;
        let want = need.max(CHUNK);
        let mut spent = self.spent.load(Ordering::Relaxed);
        loop {
            let left = self.limits.max_steps.saturating_sub(spent);
            if left < need.max(1) {
                return Err(self.set_hit(LimitKind::Steps));
            }
            let grant = want.min(left);
            match self.spent.compare_exchange_weak(
                spent,
                spent + grant,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(grant),
                Err(now) => spent = now,
            }
        }
    }

    /// Gives back `n` instructions drawn and not executed.
    pub fn refund(&self, n: u64) {
        self.spent.fetch_sub(n, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_never_pass_the_step_limit_and_refunds_return_what_was_unused() {
        let b = Budget::new(Limits::steps(CHUNK + 10), None);
        assert_eq!(b.draw(1), Ok(CHUNK));
        assert_eq!(b.draw(1), Ok(10));
        assert_eq!(b.draw(1), Err(LimitKind::Steps));
        assert_eq!(b.hit(), Some(LimitKind::Steps));
        let b = Budget::new(Limits::steps(100), None);
        assert_eq!(b.draw(1), Ok(100));
        b.refund(60);
        assert_eq!(b.spent(), 40);
        assert_eq!(b.draw(61), Err(LimitKind::Steps));
    }

    #[test]
    fn the_deadline_and_the_memory_probe_are_read_at_each_draw() {
        let b = Budget::new(
            Limits {
                max_steps: u64::MAX,
                timeout: Some(Duration::ZERO),
                max_memory: None,
            },
            None,
        );
        assert_eq!(b.draw(1), Err(LimitKind::Time));
        let b = Budget::new(
            Limits {
                max_steps: u64::MAX,
                timeout: None,
                max_memory: Some(1000),
            },
            Some(|| Some(950)),
        );
        assert_eq!(b.draw(1), Err(LimitKind::Memory));
        // The first limit reached is the one that stays.
        assert_eq!(b.set_hit(LimitKind::Time), LimitKind::Memory);
        let b = Budget::new(
            Limits {
                max_steps: u64::MAX,
                timeout: None,
                max_memory: Some(1000),
            },
            Some(|| Some(10)),
        );
        assert_eq!(b.reserve(500), Ok(()));
        assert_eq!(b.reserve(5000), Err(LimitKind::Memory));
        assert_eq!(
            Limits::default().describe(LimitKind::Time),
            "the time limit (60 s) ran out"
        );
    }
}
