//! MODEL-7 for a runtime whose loop time is not whole milliseconds (Deno, RT-3: Node's timer
//! lists, ported to JavaScript, read a sub-millisecond clock). Under the loaded timing the
//! starts of two timers in the same millisecond of the model's clock may lie on either side of
//! the real time at which a timers pass looks, so a pass at `T` ms may stop before a timer
//! that is due at exactly `T` ms (and before the rest of its list, started after it).

use crate::setup::Timing;
use crate::state::{Choice, State};

use super::timers;

/// MODEL-7 + RT-3 (`sub_ms_loop_time`): for each clock instant `t` the loop may read now, the
/// passes that stop before one of the timers due at exactly `t` (`cut:T@N`): one choice per
/// such timer, in the order the pass would reach them, at the clock points a timers pass
/// follows. The cut just taken is not offered again (the next pass at the same instant runs
/// that timer or stops before a later one), so every run makes progress.
pub fn cut_choices(st: &State, clocks: &[u64]) -> Vec<Choice> {
    if st.timing != Timing::Loaded || !st.profile().sub_ms_loop_time {
        return Vec::new();
    }
    let mut lists: Vec<&timers::TimerList> = st.node.lists.iter().collect();
    lists.sort_by_key(|l| (l.expiry, l.id));
    let mut out = Vec::new();
    for &t in clocks {
        for l in &lists {
            for id in &l.timers {
                let due_now = st
                    .node
                    .timers
                    .iter()
                    .any(|x| x.id == *id && x.start + l.ms == t);
                if due_now && st.node.last_cut != Some((t, *id)) {
                    out.push(Choice::SubMsCut(t, *id));
                }
            }
        }
    }
    out
}
