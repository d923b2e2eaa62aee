//! What an explanation holds: the run, and a [`Snapshot`] of the machine at every step. All
//! of it is words and numbers (serde-serialisable), never a Rust `Debug` dump: the JSON is
//! what `evloop explain --json` prints and what the viewer (`assets/viewer.js`) draws.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One run of a program, step by step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    /// The program's file name, as the frontend was given it.
    pub file: String,
    /// The program's source text (the viewer highlights its lines).
    pub source: String,
    /// The host (`html`, `node`, `node-esm`, `deno`, `bun`).
    pub host: String,
    /// MODEL-7: `ideal` or `loaded`.
    pub timing: String,
    /// The choices the run took, as `evloop run --schedule replay:…` spells them.
    pub schedule: Vec<String>,
    /// The whole run's log; a snapshot shows its first [`Snapshot::log_len`] lines.
    pub log: Vec<String>,
    /// How the run ended: `completed`, `uncaught` or `diverged`.
    pub status: String,
    /// The reported errors (`Uncaught …`), in order.
    pub errors: Vec<String>,
    /// Why the run diverged, if it did.
    pub reason: Option<String>,
    /// The steps: the first is the machine before anything runs; then one per rule that
    /// fired.
    pub steps: Vec<Snapshot>,
    /// Set when the run had more steps than [`crate::MAX_STEPS`]: the step-through stops
    /// there (the outcome above is still the whole run's).
    pub truncated: Option<String>,
    /// The rules that fired and the rules of the queues shown, by ID, with where their text
    /// is in the spec book.
    pub rules: BTreeMap<String, RuleRef>,
}

/// Where a rule's text is in the spec book (`spec/`, built by mdBook).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRef {
    pub title: String,
    /// The book page, e.g. `html.html`.
    pub page: String,
    /// The heading's anchor on that page.
    pub anchor: String,
}

/// The machine after one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The step's number (0: before anything runs).
    pub index: usize,
    /// The host step whose macro-step this step belongs to (`None`: the start, running the
    /// script or building the page).
    pub choice: Option<ChoiceTaken>,
    /// The rule that fired (its ID, or `LOG` for a `console.log` line) with its trace text,
    /// as `evloop run --trace` prints it. `None` only for step 0, and for a choice whose
    /// macro-step fired no rule.
    pub rule: Option<Fired>,
    /// Where JavaScript was when the rule fired.
    pub position: Option<SourcePos>,
    /// The execution context stack when the rule fired, outermost first.
    pub stack: Vec<StackFrame>,
    /// The model clock (ms) after the step.
    pub clock: u64,
    /// How many lines of [`Explanation::log`] have been logged after the step.
    pub log_len: usize,
    /// How many of [`Explanation::errors`] have been reported after the step.
    pub errors_len: usize,
    /// Node hosts: where the libuv loop is (its phase, or where it waits).
    pub phase: Option<String>,
    /// The queues after the step, in the order the host serves them.
    pub queues: Vec<Queue>,
}

/// A host step, as a schedule spells it and in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceTaken {
    /// The choice's number in the schedule (from 1); `None`: a forced step (the host's only
    /// option, which schedules leave out).
    pub number: Option<usize>,
    /// `Choice`'s `Display`: `task:timer`, `clock:10`, `io:1`.
    pub step: String,
    /// What the choice means, e.g. "the event loop runs the next timer task".
    pub words: String,
}

/// A rule that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    /// The rule ID (`HTML-6`, `ES-9`, `NODE-3`), or `LOG`.
    pub rule: String,
    pub text: String,
}

/// A source position (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePos {
    pub line: u32,
    pub col: u32,
    /// `true`: JavaScript is running there; `false`: the stack is empty and this is the
    /// last place that ran.
    pub running: bool,
}

/// An execution context: the function it runs and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StackFrame {
    /// The function's name, `(anonymous)`, or `(top level)` for the script or main module.
    pub function: String,
    pub line: u32,
    pub col: u32,
}

/// A queue (or a list the host keeps, such as timers waiting or requests in flight).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// A stable key: `microtasks`, `next-ticks`, `task:timer`, `timers`, `immediates`, …
    pub key: String,
    /// Its name in words, e.g. "microtask queue".
    pub name: String,
    /// The rule that defines it.
    pub rule: String,
    /// Its entries, first served first, in words.
    pub items: Vec<String>,
}
