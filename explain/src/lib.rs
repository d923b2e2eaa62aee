//! evloop-explain: an exact step-through of one run of the event loop.
//!
//! [`explain`] runs a program as `evloop run` does and records a [`Snapshot`] before anything
//! runs and after every rule that fires: where the source is running, the call stack, the
//! microtask queue, Node's nextTick queue, the HTML task queues by source or Node's timers,
//! thread-pool requests and immediates, rendering and animation frame callbacks, the clock,
//! the log so far, the host choice being taken and the rule with its trace text. Everything
//! is in words and serde-serialisable ([`Explanation`] is what `evloop explain --json`
//! prints).
//!
//! - [`render_html`]: one self-contained page (no network: CSS, JS and the JSON inline) that
//!   steps through the run; its viewer (`assets/viewer.js`, `assets/viewer.css`) exposes
//!   `EvloopViewer.mount(element, explanation, {bookBase})`, which the playground mounts on
//!   the JSON it gets from WebAssembly.
//! - [`render_svg`]: one picture per step, for slides and papers.
//! - [`rule_link`]: the URL of a rule's text in the spec book.
//! - [`describe_state`]: a state between two choices in words (stateright's Explorer shows
//!   it in place of a `Debug` dump), and [`render_state_svg`] draws it.
//!
//! No threads, no file system, no process: the crate builds for `wasm32-unknown-unknown`.
#![forbid(unsafe_code)]

mod html;
mod observe;
mod queues;
mod rules;
mod snapshot;
mod state_words;
mod svg;
mod words;

pub use html::{HtmlOptions, VIEWER_CSS, VIEWER_JS, render_html};
pub use observe::{MAX_STEPS, explain};
pub use rules::{rule_link, rule_ref};
pub use snapshot::{
    ChoiceTaken, Explanation, Fired, Queue, RuleRef, Snapshot, SourcePos, StackFrame,
};
pub use state_words::{StateWords, describe_state};
pub use svg::{render_state_svg, render_svg};
