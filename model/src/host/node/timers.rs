//! Node timers (`lib/internal/timers.js`): NODE-6 delay coercion, NODE-7 one list per
//! duration in a priority queue by expiry, NODE-8 `setInterval` re-insertion, and the timers
//! phase (`processTimers` / `listOnTimeout`) with ticks and microtasks drained between
//! callbacks (NODE-2).

use crate::heap::ObjKind;
use crate::host::object::HostObj;
use crate::state::State;
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// A `Timeout` object's state.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NodeTimer {
    pub id: u32,
    pub callback: Value,
    pub args: Vec<Value>,
    /// `_idleTimeout` (ms, after coercion).
    pub ms: u64,
    /// `_idleStart`: the loop time when it was inserted.
    pub start: u64,
    /// `_repeat` for intervals.
    pub repeat: bool,
    pub refed: bool,
    /// The Timeout object returned to the program.
    pub object: crate::value::ObjId,
}

/// A `TimerList`: the timers of one duration, in insertion order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimerList {
    pub ms: u64,
    pub expiry: u64,
    /// `timerListId`: breaks ties between equal expiries (older list first).
    pub id: u32,
    pub timers: Vec<u32>,
}

/// NODE-6: `after *= 1; if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;` then MathTrunc.
pub fn coerce_delay(after: f64) -> u64 {
    const TIMEOUT_MAX: f64 = 2_147_483_647.0;
    if (1.0..=TIMEOUT_MAX).contains(&after) {
        after.trunc() as u64
    } else {
        1
    }
}

/// The earliest list expiry: when Node's libuv timer is due (UV-5).
pub fn next_expiry(st: &State) -> Option<u64> {
    st.node.lists.iter().map(|l| l.expiry).min()
}

/// MODEL-3: the next expiry the clock may reach at a loop clock read that did not block. On
/// Node any list's (its start is the whole-millisecond cached loop time, NODE-7). On Bun
/// (`ms_boundary_in_step` off, RT-1) a timer starts at the exact time of the call, so one
/// started since the previous loop clock read is not due within the same short stretch: only
/// lists holding an older timer count.
pub fn next_settled_expiry(st: &State) -> Option<u64> {
    if st.profile().ms_boundary_in_step {
        return next_expiry(st);
    }
    let fresh = &st.node.fresh_timers;
    st.node
        .lists
        .iter()
        .filter(|l| l.timers.iter().any(|t| !fresh.contains(t)))
        .map(|l| l.expiry)
        .min()
}

/// MODEL-7 item 1: the total durations of the timers (or chains of timers) a callback of this
/// run can start, after NODE-6's coercion. A superset is safe: any instant is a real loop time
/// on a loaded machine; the set only bounds which instants the model tries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimerDurations {
    /// Every numeric literal the program passes as the last of two or more call arguments
    /// (`setTimeout(f, 5)`, `setInterval(f, 0)`), and the duration of every pending timer (a
    /// computed delay).
    pub single: Vec<u64>,
    /// The sums of two up to `MAX_CHAIN` of them, up to the longest: a chain of timers, each
    /// started by the callback of the one before, or an interval's first repetitions.
    pub chained: Vec<u64>,
    /// Deno (`interval_rearm_from_pass_now`, RT-3): the durations of the pending intervals,
    /// which a timers pass re-arms from its own start time, however late a callback before
    /// them in the pass has run.
    pub rearmed: Vec<u64>,
}

/// MODEL-7 item 1: the longest chain of timers whose total duration the model tries (three
/// covers every chain the seed-42 fuzz run needed: an interval's third repetition).
pub const MAX_CHAIN: usize = 3;

/// MODEL-7 item 1: the `TimerDurations` of the program in `st`.
pub fn program_timer_durations(st: &State) -> TimerDurations {
    use crate::ir::{Constant, Instr};
    let mut single: Vec<u64> = st
        .program
        .0
        .functions
        .iter()
        .flat_map(|f| f.code.windows(2))
        .filter_map(|w| match w {
            [
                Instr::Const(Constant::Number(n)),
                Instr::Call { argc } | Instr::CallMethod { argc },
            ] if *argc >= 2 => Some(coerce_delay(*n)),
            _ => None,
        })
        .chain(st.node.timers.iter().map(|t| t.ms))
        .collect();
    single.sort_unstable();
    single.dedup();
    let longest = single.last().copied().unwrap_or(0);
    let mut chained = Vec::new();
    let mut chains = single.clone();
    for _ in 1..MAX_CHAIN {
        chains = chains
            .iter()
            .flat_map(|c| single.iter().map(move |d| c + d))
            .filter(|s| *s <= longest)
            .collect();
        chains.sort_unstable();
        chains.dedup();
        chained.extend(&chains);
    }
    chained.sort_unstable();
    chained.dedup();
    let mut rearmed: Vec<u64> = if st.profile().interval_rearm_from_pass_now {
        st.node
            .timers
            .iter()
            .filter(|t| t.repeat)
            .map(|t| t.ms)
            .collect()
    } else {
        Vec::new()
    };
    rearmed.sort_unstable();
    rearmed.dedup();
    TimerDurations {
        single,
        chained,
        rearmed,
    }
}

impl Cx<'_, '_> {
    /// `setTimeout`/`setInterval` in Node: a Timeout object inserted with `_idleStart` =
    /// `getLibuvNow()` (NODE-7).
    pub fn node_set_timer(
        &mut self,
        callback: Value,
        after: Value,
        args: Vec<Value>,
        repeat: bool,
    ) -> JsResult<Value> {
        let after = match after {
            Value::Undefined => f64::NAN,
            v => self.to_number(&v)?,
        };
        let ms = coerce_delay(after);
        let id = self.st.node.next_timer_id + 1;
        self.st.node.next_timer_id = id;
        let object = self.alloc(ObjKind::Host(HostObj::Timeout(id)));
        let start = self.loop_now(ms);
        // The rule fires, then the timer joins its list (a trace announces the step).
        self.trace("NODE-7", || {
            format!("timer {id}: {ms} ms list, due at {} ms", start + ms)
        });
        self.st.node.timers.push(NodeTimer {
            id,
            callback,
            args,
            ms,
            start,
            repeat,
            refed: true,
            object,
        });
        self.insert_timer(id, ms, start);
        Ok(Value::Object(object))
    }

    /// `insert(item, msecs, start)`: append to the list of this duration, creating it (with a
    /// new id and expiry start + msecs) if there is none.
    fn insert_timer(&mut self, id: u32, ms: u64, start: u64) {
        if !self.st.profile().ms_boundary_in_step {
            // RT-1 (Bun): started at the exact time of the call (`next_settled_expiry`).
            self.st.node.fresh_timers.push(id);
        }
        if let Some(list) = self.st.node.lists.iter_mut().find(|l| l.ms == ms) {
            list.timers.push(id);
            return;
        }
        self.st.node.next_list_id += 1;
        let list_id = self.st.node.next_list_id;
        self.st.node.lists.push(TimerList {
            ms,
            expiry: start + ms,
            id: list_id,
            timers: vec![id],
        });
    }

    /// `clearTimeout`/`clearInterval` (interchangeable): unenroll the timer.
    pub fn node_clear_timer(&mut self, v: &Value) {
        let id = match v {
            Value::Object(o) => match self.st.realm.heap.get(*o).kind {
                ObjKind::Host(HostObj::Timeout(id)) => id,
                _ => return,
            },
            Value::Number(n) => n.get() as u32,
            _ => return,
        };
        self.unenroll(id);
    }

    fn unenroll(&mut self, id: u32) {
        self.st.node.timers.retain(|t| t.id != id);
        for l in &mut self.st.node.lists {
            l.timers.retain(|t| *t != id);
        }
        self.st.node.lists.retain(|l| !l.timers.is_empty());
    }

    /// `timeout.refresh()`: re-insert with a fresh `_idleStart`.
    pub fn refresh_timer(&mut self, id: u32) {
        let Some(t) = self.st.node.timers.iter().find(|t| t.id == id).cloned() else {
            return;
        };
        for l in &mut self.st.node.lists {
            l.timers.retain(|x| *x != id);
        }
        self.st.node.lists.retain(|l| !l.timers.is_empty());
        let start = self.loop_now(t.ms);
        if let Some(t) = self.st.node.timers.iter_mut().find(|t| t.id == id) {
            t.start = start;
        }
        self.insert_timer(id, t.ms, start);
    }

    /// UV-5 + `processTimers(now)`: while the list with the smallest (expiry, id) has expired,
    /// run it (`listOnTimeout`); ticks and microtasks drain between lists and between timers,
    /// and after the last one.
    pub fn run_timers_phase(&mut self) -> JsResult<()> {
        let now = self.st.clock;
        if self.st.node.cut.is_none() {
            // A pass without a cut runs every timer due now, the one last cut included.
            self.st.node.last_cut = None;
        }
        let mut ran_any = false;
        // MODEL-7 + RT-3: lists whose next timer's sub-millisecond deadline the pass's real
        // time has not reached (a `cut`): their real expiry is later than `now`.
        let mut not_yet: Vec<u64> = Vec::new();
        loop {
            let Some(list) = self
                .st
                .node
                .lists
                .iter()
                .filter(|l| l.expiry <= now && !not_yet.contains(&l.ms))
                .min_by_key(|l| (l.expiry, l.id))
                .map(|l| l.ms)
            else {
                if !ran_any && self.st.profile().rejection_listener_outside_tick_loop {
                    // RT-3 (Deno): no timer callback ran, so no Node-layer drain either; the
                    // drain after an ES-module main is `drain_after_esm_main`.
                    return Ok(());
                }
                // The C++ caller's InternalCallbackScope closes: the drain after the last
                // timer (NODE-2).
                return self.process_ticks_and_rejections();
            };
            if self.list_on_timeout(list, now, &mut ran_any)? {
                // MODEL-7 + RT-3: the pass's real time is before this list's next timer's
                // sub-millisecond deadline; lists due in the same millisecond whose real
                // expiry is earlier still run (their order among equal whole-millisecond
                // expiries is not known).
                not_yet.push(list);
            }
        }
    }

    /// `listOnTimeout(list, now)`: runs the list's timers in order while `now - _idleStart >=
    /// msecs`; the first that is not due gives the list a new expiry (and a new id). Returns
    /// whether the pass ends here: a `cut:T@N` (MODEL-7, RT-3 `sub_ms_loop_time`) makes timer
    /// N not due yet although `now - _idleStart == msecs` (its real deadline is later in the
    /// millisecond); its list is left as it is, and the pass goes on with the other lists.
    fn list_on_timeout(&mut self, ms: u64, now: u64, ran_any: &mut bool) -> JsResult<bool> {
        loop {
            let Some(list) = self.st.node.lists.iter().find(|l| l.ms == ms) else {
                return Ok(false);
            };
            let Some(&id) = list.timers.first() else {
                self.st.node.lists.retain(|l| l.ms != ms);
                return Ok(false);
            };
            let Some(timer) = self.st.node.timers.iter().find(|t| t.id == id).cloned() else {
                self.unenroll(id);
                continue;
            };
            if self.st.node.cut == Some(id) {
                // The list stays as it is (expiry this millisecond, same place among equal
                // expiries), so the next pass at this instant reaches it first again.
                return Ok(true);
            }
            if now < timer.start + ms {
                self.st.node.next_list_id += 1;
                let new_id = self.st.node.next_list_id;
                if let Some(l) = self.st.node.lists.iter_mut().find(|l| l.ms == ms) {
                    l.expiry = (timer.start + ms).max(now + 1);
                    l.id = new_id;
                }
                return Ok(false);
            }
            if *ran_any {
                // NODE-2: runNextTicks() between timers.
                self.process_ticks_and_rejections()?;
            }
            *ran_any = true;
            // L.remove(timer)
            if let Some(l) = self.st.node.lists.iter_mut().find(|l| l.ms == ms) {
                l.timers.retain(|x| *x != id);
            }
            let still_active = self.st.node.timers.iter().any(|t| t.id == id);
            if !still_active {
                continue;
            }
            if !timer.repeat {
                self.st.node.timers.retain(|t| t.id != id);
            }
            self.trace("NODE-7", || format!("timer {id} fires"));
            // NODE-8: `start = getLibuvNow()` before the callback (the real time); Deno's port
            // re-arms from the pass's `now` (RT-3, `interval_rearm_from_pass_now`).
            let start = if timer.repeat && !self.st.profile().interval_rearm_from_pass_now {
                self.loop_now(ms)
            } else if timer.repeat {
                now
            } else {
                self.st.clock
            };
            let r = self
                .call(
                    &timer.callback,
                    Value::Object(timer.object),
                    timer.args.clone(),
                )
                .map(|_| ());
            if let Err(crate::vm::Unwind::Throw(e)) = r {
                // The exception leaves processTimers; C++ (`RunTimers`) reports it and calls
                // processTimers again with its flags reset: no drain before the next timer.
                self.node_uncaught_exception(e, false)?;
                if self.st.profile().drain_after_throwing_timer {
                    self.process_ticks_and_rejections()?;
                }
                *ran_any = false;
            } else {
                r?;
            }
            // NODE-8: an interval is re-inserted after its callback unless it was cleared.
            if timer.repeat && self.st.node.timers.iter().any(|t| t.id == id) {
                if let Some(t) = self.st.node.timers.iter_mut().find(|t| t.id == id) {
                    t.start = start;
                }
                self.insert_timer(id, ms, start);
            }
            self.st.node.lists.retain(|l| !l.timers.is_empty());
        }
    }
}

evloop_engine::heap_refs!(struct [] NodeTimer { callback, args, object });
