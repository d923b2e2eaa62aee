//! MODEL-2: divergence is a cycle. A loop of the host's algorithm — the microtask
//! checkpoint, the nextTick queue, the drain of both, the forced steps of a run — that comes
//! back to its head in the same canonical state as before, with only the log grown, will go
//! round the same way forever: the state decides everything that follows, and the log is
//! only written. The run is then `diverged`. Anything else that never ends (a counter that
//! grows, a clock that advances) is not a cycle; it runs until one of the run's limits
//! (`incomplete`).
//!
//! A watch belongs to one invocation of one loop, observed at its head, so that the rest of
//! what comes next (the loop's caller) is the same at every observation. It samples the
//! state from the [`WARMUP`]-th turn on, at intervals growing by an eighth (a sample costs a
//! copy of the state, garbage included, so the samples of a loop of n turns cost about nine
//! copies of its last state) and compares each
//! sample with a saved one, replaced at the 1st, 2nd, 4th, 8th … sample (Brent's cycle
//! detection): a cycle of any period is found after a number of steps proportional to where
//! it starts and its period, at a cost of a few canonical copies of the state. Samples are
//! compared whole (not by hash), so a reported cycle is a real one.

use crate::state::State;

/// Loop turns before the first sample: a loop that ends sooner costs nothing to watch.
pub const WARMUP: u64 = 64;

/// A loop's cycle watch (MODEL-2).
#[derive(Debug)]
pub struct CycleWatch {
    /// Loop heads observed.
    observed: u64,
    /// The observation at which the next sample is taken.
    next_sample: u64,
    /// Samples taken.
    samples: u64,
    /// The saved sample: the canonical state with the log left out, and what the running
    /// step records beside the state (the host's per-step counters).
    saved: Option<(State, [u64; 4])>,
}

impl Default for CycleWatch {
    fn default() -> CycleWatch {
        CycleWatch {
            observed: 0,
            next_sample: WARMUP,
            samples: 0,
            saved: None,
        }
    }
}

impl CycleWatch {
    /// MODEL-2: observes the loop at its head in `st`, with `extra` the running step's own
    /// records (zero between steps); `true` when this is a state seen before (the loop is a
    /// cycle).
    pub fn observe(&mut self, st: &State, extra: [u64; 4]) -> bool {
        // 1. Count the loop head; take a sample only at the chosen observations.
        self.observed += 1;
        if self.observed < self.next_sample {
            return false;
        }
        self.next_sample = self.observed + (self.observed / 8).max(1);
        // 2. The sample: a canonical copy of the state, its log left out.
        let mut sample = st.clone();
        sample.log.clear();
        sample.canonicalize();
        // 3. The same as the saved sample: a cycle.
        if self
            .saved
            .as_ref()
            .is_some_and(|(s, e)| *e == extra && *s == sample)
        {
            return true;
        }
        // 4. Brent: the saved sample moves forward at every power of two.
        self.samples += 1;
        if self.samples.is_power_of_two() {
            self.saved = Some((sample, extra));
        }
        false
    }
}

/// The reason a cycle gives for a diverged run.
pub fn reason(what: &str) -> String {
    format!("MODEL-2: {what} came back to the same state with only the log grown: it never ends")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(src: &str) -> State {
        let program = evloop_js::compile(src, "t.js", &evloop_js::CompileOptions::default())
            .expect("compiles");
        State::new(
            std::sync::Arc::new(program),
            crate::Host::Node,
            &crate::Setup::default(),
        )
    }

    #[test]
    fn the_same_state_with_only_the_log_grown_is_a_cycle_and_a_counter_is_not() {
        let mut st = state("var x = 1;");
        let mut watch = CycleWatch::default();
        for _ in 1..=WARMUP {
            assert!(!watch.observe(&st, [0; 4]));
        }
        st.log.push("tick".into());
        // Found at the next sample, an eighth of the turns later.
        let found = (0..WARMUP).position(|_| watch.observe(&st, [0; 4]));
        assert_eq!(found, Some(WARMUP as usize / 8 - 1));
        // The step's own records are part of what is compared.
        let mut watch = CycleWatch::default();
        for i in 0..4 * WARMUP {
            assert!(!watch.observe(&st, [i, 0, 0, 0]));
        }
        // A clock that advances never repeats.
        let mut watch = CycleWatch::default();
        for t in 0..1000 {
            st.clock = t;
            assert!(!watch.observe(&st, [0; 4]));
        }
    }
}
