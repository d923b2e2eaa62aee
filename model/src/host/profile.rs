//! Runtime profiles: what Deno and Bun do differently from Node (RT-1..RT-3) over the one
//! Node loop, and what Chromium does differently from the HTML specification (RT-5) over the
//! one HTML loop, as data read by the shared loops. Each flag is backed by a litmus test that
//! shows the difference on the real runtime.

use crate::host::Host;

/// The differences between runtimes that share a loop. A flag's base value is Node's (for
/// the Node-compatible hosts) or the HTML specification's (for the browser hosts: every
/// Node flag is unread there, and every HTML flag is off for Node).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Profile {
    /// An ES-module main's promise jobs run before its nextTicks (NODE-4). Bun runs the ticks
    /// first even for ESM (RT-1).
    pub esm_promises_before_ticks: bool,
    /// An ES-module main may be evaluated from inside the loop, so that the check phase runs
    /// before the first timers phase (Node 20, NODE-4; Node 22 evaluates it before the loop).
    pub esm_evaluated_in_loop: bool,
    /// After an ES-module main, the nextTick queue waits for the first timers phase (Deno, RT-3:
    /// `promise > queueMicrotask > timeout > nextTick > immediate`).
    pub esm_ticks_after_first_timers: bool,
    /// libuv's pre-loop timer pass (UV-1 step 2). Bun's loop has none (RT-1).
    pub pre_loop_timers: bool,

    /// Each turn starts with the immediates queued before it, then poll, then timers (Bun's
    /// `autoTick`, RT-1).
    pub immediates_first: bool,
    /// Completed thread-pool requests run at the start of each turn, before the immediates
    /// queued before it (Bun: `vm.tick()` drains the concurrent task queue before each
    /// `autoTick`, RT-1), and may complete while the main module runs. Signals come through
    /// the same queue (Bun's signal handler posts the emission as a concurrent task), so a
    /// pending signal is emitted there too, before the immediates (NODE-13 on Bun). Observed:
    /// `spec/litmus/node-crypto-pbkdf2-vs-immediate.js`,
    /// `spec/litmus/node-chunking-setimmediate-stat.js`,
    /// `spec/litmus/signal-from-main-delivered-in-first-poll.js`.
    pub completions_before_immediates: bool,
    /// A timers pass may run Node's timer again when the loop time it updated makes it due
    /// (libuv before 1.48, Node 20; UV-5). Deno and Bun run no such second pass.
    pub timers_rerun_when_due: bool,
    /// I/O callbacks are dispatched from a promise resolution, so their promise jobs run before
    /// their nextTicks (Deno, RT-3).
    pub io_callbacks_in_promise_job: bool,
    /// `Promise.prototype.finally` resolves the derived promise without a promise wrapper
    /// (JSC, RT-2): `p.finally(f).then(cb)` runs cb at t2.
    pub finally_without_wrapper: bool,
    /// An uncaught exception does not end the process at once: everything already runnable
    /// still runs, and the process exits with code 1 when it would have to wait (Bun 1.4.5,
    /// observed: `spec/litmus/node-uncaught-exception-exit-code.js`).
    pub uncaught_exits_when_idle: bool,
    /// After a timer throws (and `uncaughtException` handled it), ticks and microtasks drain
    /// before the next timer (Bun, Deno). Node re-enters `processTimers` without draining.
    /// Observed: `spec/litmus/node-uncaught-exception-listener.js`.
    pub drain_after_throwing_timer: bool,
    /// The same after a throwing immediate (Deno; Bun behaves like Node here). Observed:
    /// `spec/litmus/node-immediate-throws-tick-order.js`.
    pub drain_after_throwing_immediate: bool,
    /// A throw in a CommonJS main module is reported as a rejection ("Uncaught (in promise)"):
    /// Bun evaluates the main module inside a promise (observed by the conformance harness
    /// on `spec/litmus/node-uncaught-sync-throw.js`).
    pub main_throw_is_rejection: bool,
    /// The process's first `process.nextTick`, when a microtask queues it, runs right after
    /// that microtask instead of after the whole microtask queue (Bun 1.4.5; observed:
    /// `spec/litmus/rt1-bun-first-tick-after-its-microtask.js`). Later ticks behave as Node's.
    pub first_tick_after_its_microtask: bool,
    /// A rejected ES-module evaluation (a throw in the main module) is an ordinary unhandled
    /// rejection, reported at the first rejection check (after the first timers phase and the
    /// nextTick drain, RT-3: "module progress … then a nextTick/macrotask drain, then
    /// rejections" in `poll_event_loop_inner`), not by the loader at once. Observed:
    /// `spec/litmus/node-esm-throw-sync.mjs`, `spec/litmus/node-uncaught-sync-throw.js`.
    pub esm_evaluation_error_is_unhandled_rejection: bool,
    /// An uncaught exception (or unhandled rejection) ends the process without the `exit`
    /// event (Deno, RT-3). Observed: `spec/litmus/node-uncaught-exception-exit-code.js`.
    pub no_exit_event_after_uncaught: bool,
    /// Unhandled rejections are checked once per loop turn, at its end (after the turn's
    /// immediates, poll and due timers: `handleRejectedPromises` at the end of `autoTick` in
    /// oven-sh/bun `src/bun.js/event_loop.zig`, RT-1) and once after the main module, not
    /// after every tick drain. One with no listener ends the process with status 1 (the 'exit'
    /// listener gets code 0) at the end of the turn; found after the main module, at once
    /// unless immediates are pending, in which case the first turn (immediates, a poll that
    /// may wait for the next timer, due timers) runs first (measured). Observed:
    /// `spec/litmus/node-unhandled-rejection-in-timer.js`,
    /// `spec/litmus/bun-unhandled-rejection-after-immediates.js`.
    pub rejections_checked_per_turn: bool,
    /// Promise jobs queued by an 'exit' listener never run: no microtask checkpoint follows
    /// the 'exit' event (Deno, RT-3; Bun, RT-1). Node emits it through a callback scope whose
    /// close runs one. Observed: `spec/litmus/node-exit-event.js`.
    pub no_microtasks_after_exit_event: bool,
    /// An unhandled rejection with no 'unhandledRejection' listener is reported as uncaught
    /// even when an 'uncaughtException' listener exists: Bun does not deliver it there (RT-1,
    /// measured). Observed: `spec/litmus/node-unhandled-rejection-to-uncaught-exception.js`.
    pub rejection_bypasses_uncaught_exception: bool,
    /// Deno loads its Node layer lazily: the first read of the `process` global, when it
    /// happens in a timer or immediate callback (not while the main module is evaluated, not
    /// in a promise job), performs a microtask checkpoint before the read returns, so the
    /// promise jobs queued before it (and the jobs they queue) run first (RT-3; measured on
    /// Deno 2.9.6: `setTimeout(() => { Promise.resolve().then(A); process; log(B) })` prints
    /// A, B; Node prints B, A). A preload that reads `process` (the conformance harness's)
    /// loads the layer before the main module. Observed:
    /// `spec/litmus/deno-process-first-read-runs-microtasks.js`,
    /// `spec/litmus/deno-first-nexttick-in-callback.js`.
    pub lazy_process_global: bool,
    /// The same for the timer globals, loaded together: the first read of any of
    /// `setTimeout`, `setInterval`, `setImmediate` and their `clear` functions, outside the
    /// main module's evaluation and promise jobs (in practice: in a nextTick callback, when
    /// the main module read none of them), runs a microtask checkpoint (Deno 2.9.6, RT-3;
    /// measured: reading `setInterval` without calling it is enough). Observed:
    /// `spec/litmus/deno-timer-globals-first-read-runs-microtasks.js`.
    pub lazy_timer_globals: bool,
    /// An ES-module main that imports `fs` or `crypto` runs its promise jobs before its
    /// nextTicks, as Node's, although Bun otherwise runs an ES-module main's ticks first
    /// (`esm_promises_before_ticks = false`): measured on Bun 1.4.5, `import "fs";
    /// process.nextTick(T); Promise.resolve().then(P)` prints P, T, with `events`,
    /// `process`, `timers`, `dns` or `fs/promises` T, P (RT-1). Observed:
    /// `spec/litmus/node-esm-import-fs-readfile.mjs`,
    /// `spec/litmus/bun-esm-import-fs-promise-order.mjs`.
    pub esm_fs_import_restores_promise_order: bool,
    /// The loop time is not whole milliseconds: Deno runs Node's timer lists against a
    /// sub-millisecond clock (RT-3), so under the loaded timing (MODEL-7) a timers pass at
    /// `T` ms may come before the deadline of a timer due at `T` ms, and stop there
    /// (`cut:T@N`). Measured on Deno 2.9.6: `setTimeout(A, 1); setTimeout(B, 1);
    /// setImmediate(() => { log(I1); setImmediate(I2) })` printed `I1, A, I2, B` 4/60. Bun
    /// stamps each timer with the exact time of the call (RT-1, `ms_boundary_in_step`): the
    /// same split, 26/30 with a 0.5 ms busy-wait between the two calls. Observed:
    /// `spec/litmus/deno-sub-ms-loop-time-splits-a-list.js`.
    pub sub_ms_loop_time: bool,
    /// A millisecond boundary passing inside a step is seen by the timers the step starts
    /// (MODEL-4: Node stamps each timer with the whole-millisecond loop time, NODE-7, so two
    /// calls may straddle a boundary). Bun stamps a timer with the exact monotonic time of the
    /// call (a `timespec`, RT-1: `TimerObjectInternals.reschedule` takes `timespec.msFromNow`
    /// in oven-sh/bun `src/bun.js/api/Timer.zig`), so timers started microseconds apart keep
    /// their deadlines' order and come due in the same turn: `setTimeout(A, 2);
    /// setTimeout(B, 1)` printed B first 40/40 on Bun 1.4.5 (Node 20: A first 5/20); time that
    /// really passes (a busy-wait, MODEL-1; loaded timing, MODEL-7) still counts. For the same
    /// reason a timer started since the loop's previous clock read is never found due at the
    /// next one by MODEL-3's 1 ms step (`timers::next_settled_expiry`): an immediate that
    /// queues an immediate and a `setTimeout(0)` printed `immediate 1, immediate 2, timeout`
    /// 20/20 on Bun. Observed: `spec/litmus/bun-nested-immediate-before-timeout.js`,
    /// `spec/litmus/node-unhandled-rejection-in-timer.js`,
    /// `spec/litmus/node-timers-2ms-then-1ms.js`, `spec/litmus/node-timers-two-zero-straddle.js`.
    pub ms_boundary_in_step: bool,
    /// After an ES-module main that left no nextTick queued, a rejection still unhandled is
    /// reported by deno_core's own rejection check, outside the Node layer's
    /// `processTicksAndRejections` (RT-3: `eventLoopTick` in deno_core's `01_core.js` runs the
    /// nextTick callbacks only when a tick is scheduled, else a microtask checkpoint): the
    /// 'unhandledRejection' listener's promise jobs run after it, its nextTicks only after
    /// the turn's immediates (Deno 2.9.6: `unhandledRejection x, promise from listener,
    /// immediate, tick from listener` 30/30; with a nextTick queued by the main module, or
    /// the rejection made in a timer, Node's order 5/5 each). Observed:
    /// `spec/litmus/node-unhandled-rejection-listener-queues-tick.js`.
    pub rejection_listener_outside_tick_loop: bool,
    /// A signal the process sends itself is not emitted in the next poll phase (NODE-13):
    /// Deno's `process.on(signal)` awaits an async op (`op_signal_poll` in ext/node and
    /// ext/signals) that the signal completes only once the loop has let tokio's signal driver
    /// run, so the signal is emitted in the poll phase of a later turn, like a completed
    /// request (the `io:N` choice; RT-3, measured on Deno 2.9.6: sent by the main module,
    /// after the first immediate 17/18 and after the second 1/18, never before the first).
    /// Observed: `spec/litmus/signal-from-main-delivered-in-first-poll.js`.
    pub signals_delivered_by_an_op: bool,
    /// A successful `crypto.scrypt` calls back with `undefined` as its error, not `null`
    /// (Bun 1.4.5, RT-1, measured: `scrypt undefined 16` 10/10; its `pbkdf2` and
    /// `randomBytes` pass `null` as Node does). Observed:
    /// `spec/litmus/bun-scrypt-error-undefined.js`.
    pub scrypt_error_undefined: bool,
    /// `crypto.randomBytes(size, callback)` makes the bytes at once and queues the callback
    /// with `process.nextTick` at the call, instead of a thread-pool request delivered in a
    /// poll phase (Deno 2.9.6, RT-3, measured: in a timer callback `tick before, randomBytes,
    /// tick after, promise` 6/6, in an ES-module main between the ticks queued before and
    /// after the call 8/8). Observed: `spec/litmus/deno-randombytes-callback-is-a-tick.mjs`.
    pub random_bytes_callback_as_tick: bool,
    /// `fs.readFile` and `fs.writeFile` are one thread-pool task each, not Node's chain of
    /// requests (open, fstat, read, close; UV-6): Bun runs them as one async task
    /// (`JSC.Node.Async.readFile` / `writeFile` in the `Task` union of oven-sh/bun
    /// `src/bun.js/event_loop.zig`, RT-1), so the callback can come in the first turn.
    /// Measured on Bun 1.4.5: the seed's setImmediate chunking printed the readFile callback
    /// before the first chunk 18/20. Observed:
    /// `spec/litmus/node-seed-003-chunking-setimmediate.js`.
    pub fs_calls_one_request: bool,
    /// An interval is re-inserted with the timers pass's `now` as its start, not the loop
    /// time read when it fires (NODE-8: Node's `listOnTimeout` takes `start =
    /// getLibuvNow()`, which updates the loop time, before the callback). Deno's port reads a
    /// loop time the pass does not update (RT-3, measured on Deno 2.9.6: a 10 ms timer that
    /// busy-waits 30 ms and then sets a 1 ms timer B, followed in the same pass by a 10 ms
    /// interval: `A, I:1, I:2, B` 8/8; Node and Bun `A, I:1, B, I:2` 8/8). Observed:
    /// `spec/litmus/deno-interval-rearmed-from-pass-start.js`.
    pub interval_rearm_from_pass_now: bool,
    /// A file-system or crypto op (`fs.readFile`/`writeFile`/`stat`, `crypto.pbkdf2`/`scrypt`,
    /// `randomFill`) may complete when deno_core first polls it, at the call (an eager op):
    /// its callback is then a promise job queued at the call; otherwise it completes in a
    /// later turn (`eager:K`, RT-3). Measured on Deno 2.9.6: `pbkdf2` called back between a
    /// promise job queued before the call and one queued after 6/10, after the immediate
    /// 4/10; an ES-module main's `readFile` callback before its nextTick 6/20. Observed:
    /// `spec/litmus/deno-eager-op-pbkdf2.mjs`, `spec/litmus/node-esm-import-fs-readfile.mjs`.
    pub eager_ops: bool,

    /// HTML: a repeating timer is re-armed on its original schedule — due at the first
    /// instant `deadline + k·timeout` after the task started, not `timeout` after the
    /// callback — and timers are due in deadline order (Blink's `TimerBase::RunInternal`,
    /// "drift free", and the sequence manager's delayed-task queue ordered by run time;
    /// Chromium, RT-5). An interval whose run was late therefore comes due again sooner than
    /// a timeout started before its re-arm. HTML-9 re-runs the timer initialization steps
    /// after the callback (Firefox too). Observed:
    /// `spec/litmus/rt5-chromium-interval-rearmed-on-schedule.js`.
    pub interval_rearm_on_schedule: bool,
    /// A timers pass runs the due timers in the order of their due instants (start +
    /// duration, then creation), whatever their durations: Bun keeps one heap of timers by
    /// their exact deadline (RT-1), where Node keeps a list per duration and runs each due
    /// list whole (NODE-7), so a 1 ms timer started late runs before an older 5 ms one that
    /// was due earlier. Observed: `spec/litmus/rt1-bun-timers-in-due-order.js`.
    pub timers_in_due_order: bool,
}

impl Profile {
    /// The profile of a host: Node's, Deno's, Bun's, the HTML specification's (Firefox's) or
    /// Chromium's. Everything not listed here is shared by the three Node-compatible runtimes (RT-4: promise tick counts except RT-2, the nextTick/microtask drain,
    /// unhandled-rejection timing, draining between timer callbacks, no 4 ms clamp).
    pub fn of(host: Host) -> Profile {
        let node = Profile {
            esm_promises_before_ticks: true,
            esm_evaluated_in_loop: true,
            esm_ticks_after_first_timers: false,
            pre_loop_timers: true,

            immediates_first: false,
            completions_before_immediates: false,
            timers_rerun_when_due: true,
            io_callbacks_in_promise_job: false,
            finally_without_wrapper: false,
            uncaught_exits_when_idle: false,
            drain_after_throwing_timer: false,
            drain_after_throwing_immediate: false,
            main_throw_is_rejection: false,
            first_tick_after_its_microtask: false,
            esm_evaluation_error_is_unhandled_rejection: false,
            no_exit_event_after_uncaught: false,
            rejections_checked_per_turn: false,
            no_microtasks_after_exit_event: false,
            rejection_bypasses_uncaught_exception: false,
            lazy_process_global: false,
            lazy_timer_globals: false,
            esm_fs_import_restores_promise_order: false,
            sub_ms_loop_time: false,
            ms_boundary_in_step: true,
            rejection_listener_outside_tick_loop: false,
            signals_delivered_by_an_op: false,
            scrypt_error_undefined: false,
            random_bytes_callback_as_tick: false,
            fs_calls_one_request: false,
            interval_rearm_from_pass_now: false,
            eager_ops: false,
            interval_rearm_on_schedule: false,
            timers_in_due_order: false,
        };
        match host {
            Host::Deno => Profile {
                timers_rerun_when_due: false,
                esm_evaluated_in_loop: false,
                esm_ticks_after_first_timers: true,

                io_callbacks_in_promise_job: true,
                drain_after_throwing_timer: true,
                drain_after_throwing_immediate: true,
                esm_evaluation_error_is_unhandled_rejection: true,
                no_exit_event_after_uncaught: true,
                no_microtasks_after_exit_event: true,
                lazy_process_global: true,
                lazy_timer_globals: true,
                sub_ms_loop_time: true,
                rejection_listener_outside_tick_loop: true,
                signals_delivered_by_an_op: true,
                random_bytes_callback_as_tick: true,
                interval_rearm_from_pass_now: true,
                eager_ops: true,
                ..node
            },
            Host::Bun => Profile {
                timers_rerun_when_due: false,
                esm_promises_before_ticks: false,
                esm_evaluated_in_loop: false,
                pre_loop_timers: false,
                immediates_first: true,
                completions_before_immediates: true,
                finally_without_wrapper: true,
                uncaught_exits_when_idle: true,
                main_throw_is_rejection: true,
                first_tick_after_its_microtask: true,
                drain_after_throwing_timer: true,
                rejections_checked_per_turn: true,
                no_microtasks_after_exit_event: true,
                rejection_bypasses_uncaught_exception: true,
                esm_fs_import_restores_promise_order: true,
                ms_boundary_in_step: false,
                scrypt_error_undefined: true,
                fs_calls_one_request: true,
                sub_ms_loop_time: true,
                timers_in_due_order: true,
                ..node
            },
            Host::Chromium => Profile {
                interval_rearm_on_schedule: true,
                ..node
            },
            _ => node,
        }
    }
}

/// One of a profile's documented differences from its base (Node's, or the HTML
/// specification's): the flag, and what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileFlag {
    /// The field of [`Profile`].
    pub name: &'static str,
    /// What the runtime does instead of what Node (or the HTML specification) does.
    pub summary: &'static str,
}

impl ProfileFlag {
    /// The rule that documents this difference on `host`: RT-2 for JSC's `finally`, else the
    /// runtime's loop (RT-1 Bun, RT-3 Deno, RT-5 Chromium).
    pub fn rule(&self, host: Host) -> &'static str {
        match (self.name, host) {
            ("finally_without_wrapper", _) => "RT-2",
            (_, Host::Bun) => "RT-1",
            (_, Host::Deno) => "RT-3",
            (_, Host::Chromium) => "RT-5",
            _ => "NODE-4",
        }
    }
}

impl Profile {
    /// Every flag, with a summary of the behaviour it turns on.
    pub const FLAGS: [ProfileFlag; 33] = [
        ProfileFlag {
            name: "esm_promises_before_ticks",
            summary: "an ES-module main's promise jobs run before its nextTicks",
        },
        ProfileFlag {
            name: "esm_evaluated_in_loop",
            summary: "an ES-module main may be evaluated from inside the loop",
        },
        ProfileFlag {
            name: "esm_ticks_after_first_timers",
            summary: "after an ES-module main, the nextTick queue waits for the first timers phase",
        },
        ProfileFlag {
            name: "pre_loop_timers",
            summary: "libuv's pre-loop timer pass",
        },
        ProfileFlag {
            name: "immediates_first",
            summary: "each loop turn starts with the immediates queued before it",
        },
        ProfileFlag {
            name: "completions_before_immediates",
            summary: "completed thread-pool work and signals run before the turn's immediates",
        },
        ProfileFlag {
            name: "timers_rerun_when_due",
            summary: "a timers pass runs again when the loop time it updated makes a timer due",
        },
        ProfileFlag {
            name: "io_callbacks_in_promise_job",
            summary: "I/O callbacks run from a promise job: their promise jobs run before their nextTicks",
        },
        ProfileFlag {
            name: "finally_without_wrapper",
            summary: "Promise.prototype.finally takes 2 ticks instead of 4",
        },
        ProfileFlag {
            name: "uncaught_exits_when_idle",
            summary: "an uncaught exception ends the process only when the loop would wait",
        },
        ProfileFlag {
            name: "drain_after_throwing_timer",
            summary: "ticks and microtasks drain after a throwing timer, before the next timer",
        },
        ProfileFlag {
            name: "drain_after_throwing_immediate",
            summary: "ticks and microtasks drain after a throwing immediate, before the next one",
        },
        ProfileFlag {
            name: "main_throw_is_rejection",
            summary: "a throw in a CommonJS main module is reported as an unhandled rejection",
        },
        ProfileFlag {
            name: "first_tick_after_its_microtask",
            summary: "the process's first nextTick, queued by a microtask, runs right after it",
        },
        ProfileFlag {
            name: "esm_evaluation_error_is_unhandled_rejection",
            summary: "a throw in an ES-module main is an unhandled rejection, reported after the first timers phase's tick drain",
        },
        ProfileFlag {
            name: "no_exit_event_after_uncaught",
            summary: "an uncaught exception ends the process without the 'exit' event",
        },
        ProfileFlag {
            name: "rejections_checked_per_turn",
            summary: "unhandled rejections are checked at the end of each loop turn, not after every tick drain",
        },
        ProfileFlag {
            name: "no_microtasks_after_exit_event",
            summary: "promise jobs queued by an 'exit' listener never run",
        },
        ProfileFlag {
            name: "rejection_bypasses_uncaught_exception",
            summary: "an unhandled rejection is not delivered to 'uncaughtException' listeners",
        },
        ProfileFlag {
            name: "lazy_process_global",
            summary: "the first read of `process` in a timer or immediate callback runs the microtasks queued before it",
        },
        ProfileFlag {
            name: "lazy_timer_globals",
            summary: "the first read of a timer global (`setTimeout` …) in a nextTick callback runs the microtasks queued before it",
        },
        ProfileFlag {
            name: "esm_fs_import_restores_promise_order",
            summary: "an ES-module main that imports `fs` or `crypto` runs its promise jobs before its nextTicks",
        },
        ProfileFlag {
            name: "sub_ms_loop_time",
            summary: "the loop time is not whole milliseconds: a timers pass may stop before a timer due in the same millisecond",
        },
        ProfileFlag {
            name: "ms_boundary_in_step",
            summary: "a millisecond boundary inside a step is seen by the timers it starts",
        },
        ProfileFlag {
            name: "rejection_listener_outside_tick_loop",
            summary: "after an ES-module main with no nextTick queued, 'unhandledRejection' listeners run outside the tick loop: their ticks wait for the turn's immediates",
        },
        ProfileFlag {
            name: "signals_delivered_by_an_op",
            summary: "a signal the process sends itself is emitted in a later turn's poll phase",
        },
        ProfileFlag {
            name: "scrypt_error_undefined",
            summary: "a successful crypto.scrypt calls back with undefined as its error",
        },
        ProfileFlag {
            name: "random_bytes_callback_as_tick",
            summary: "crypto.randomBytes makes the bytes at once and queues its callback with process.nextTick",
        },
        ProfileFlag {
            name: "fs_calls_one_request",
            summary: "fs.readFile and fs.writeFile are one thread-pool task each, not open/fstat/read/close",
        },
        ProfileFlag {
            name: "interval_rearm_from_pass_now",
            summary: "an interval is re-armed from the timers pass's start time, not the time it fires",
        },
        ProfileFlag {
            name: "eager_ops",
            summary: "a file-system or crypto op may complete at the call: its callback is a promise job queued there",
        },
        ProfileFlag {
            name: "interval_rearm_on_schedule",
            summary: "an interval is re-armed on its original schedule (the first deadline + k·timeout after its task started), and timers are due in deadline order",
        },
        ProfileFlag {
            name: "timers_in_due_order",
            summary: "a timers pass runs the due timers in the order of their due instants, not a list per duration",
        },
    ];

    fn flag_mut(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "esm_promises_before_ticks" => &mut self.esm_promises_before_ticks,
            "esm_evaluated_in_loop" => &mut self.esm_evaluated_in_loop,
            "esm_ticks_after_first_timers" => &mut self.esm_ticks_after_first_timers,
            "pre_loop_timers" => &mut self.pre_loop_timers,
            "immediates_first" => &mut self.immediates_first,
            "completions_before_immediates" => &mut self.completions_before_immediates,
            "timers_rerun_when_due" => &mut self.timers_rerun_when_due,
            "io_callbacks_in_promise_job" => &mut self.io_callbacks_in_promise_job,
            "finally_without_wrapper" => &mut self.finally_without_wrapper,
            "uncaught_exits_when_idle" => &mut self.uncaught_exits_when_idle,
            "drain_after_throwing_timer" => &mut self.drain_after_throwing_timer,
            "drain_after_throwing_immediate" => &mut self.drain_after_throwing_immediate,
            "main_throw_is_rejection" => &mut self.main_throw_is_rejection,
            "first_tick_after_its_microtask" => &mut self.first_tick_after_its_microtask,
            "esm_evaluation_error_is_unhandled_rejection" => {
                &mut self.esm_evaluation_error_is_unhandled_rejection
            }
            "no_exit_event_after_uncaught" => &mut self.no_exit_event_after_uncaught,
            "rejections_checked_per_turn" => &mut self.rejections_checked_per_turn,
            "no_microtasks_after_exit_event" => &mut self.no_microtasks_after_exit_event,
            "rejection_bypasses_uncaught_exception" => {
                &mut self.rejection_bypasses_uncaught_exception
            }
            "lazy_process_global" => &mut self.lazy_process_global,
            "lazy_timer_globals" => &mut self.lazy_timer_globals,
            "esm_fs_import_restores_promise_order" => {
                &mut self.esm_fs_import_restores_promise_order
            }
            "sub_ms_loop_time" => &mut self.sub_ms_loop_time,
            "ms_boundary_in_step" => &mut self.ms_boundary_in_step,
            "rejection_listener_outside_tick_loop" => {
                &mut self.rejection_listener_outside_tick_loop
            }
            "signals_delivered_by_an_op" => &mut self.signals_delivered_by_an_op,
            "scrypt_error_undefined" => &mut self.scrypt_error_undefined,
            "random_bytes_callback_as_tick" => &mut self.random_bytes_callback_as_tick,
            "fs_calls_one_request" => &mut self.fs_calls_one_request,
            "interval_rearm_from_pass_now" => &mut self.interval_rearm_from_pass_now,
            "eager_ops" => &mut self.eager_ops,
            "interval_rearm_on_schedule" => &mut self.interval_rearm_on_schedule,
            "timers_in_due_order" => &mut self.timers_in_due_order,
            _ => return None,
        })
    }

    /// The flag's value.
    pub fn flag(mut self, name: &str) -> Option<bool> {
        self.flag_mut(name).map(|f| *f)
    }

    /// The flags on which `host`'s profile differs from its base (Node's for the
    /// Node-compatible hosts, the HTML specification's for Chromium): its documented
    /// deviations.
    pub fn deviations(host: Host) -> Vec<ProfileFlag> {
        Profile::of(host).differences()
    }

    /// The flags on which this profile differs from the base's (the flags' base values are
    /// Node's profile's: every HTML flag is off there).
    pub fn differences(self) -> Vec<ProfileFlag> {
        let node = Profile::of(Host::Node);
        Profile::FLAGS
            .into_iter()
            .filter(|f| self.flag(f.name) != node.flag(f.name))
            .collect()
    }

    /// This profile with `flag` set to its base value (Node's profile's).
    pub fn without(mut self, flag: &str) -> Profile {
        let node = Profile::of(Host::Node).flag(flag);
        if let (Some(f), Some(v)) = (self.flag_mut(flag), node) {
            *f = v;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_is_listed_and_settable() {
        for f in Profile::FLAGS {
            assert!(Profile::of(Host::Node).flag(f.name).is_some(), "{}", f.name);
        }
        // A profile without every one of its deviations is Node's.
        for host in [Host::Deno, Host::Bun, Host::Chromium] {
            let devs = Profile::deviations(host);
            assert!(!devs.is_empty());
            let p = devs
                .iter()
                .fold(Profile::of(host), |p, f| p.without(f.name));
            assert_eq!(p, Profile::of(Host::Node), "{host:?}");
        }
        assert!(Profile::deviations(Host::Node).is_empty());
    }
}
