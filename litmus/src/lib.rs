//! evloop-litmus: the litmus test format and the specification as data.
//!
//! - [`Litmus`]: a litmus file — JavaScript with a test262-style YAML frontmatter naming its
//!   hosts, rules, the outcomes observed on real runtimes and claims with their verdicts —
//!   parsed, and compiled for a host with its page. The test suite, `evloop vectors`,
//!   `evloop conform` and `evloop run`/`check` on a litmus file all read litmus files here.
//! - [`spec`]: the rules of `spec/*.md`, the model's citations of them and the litmus tests
//!   that exercise them, for the cross-check test (`tests/spec_crosscheck.rs`) and the
//!   generated parts of the book.
#![forbid(unsafe_code)]

mod format;
pub mod spec;

pub use format::{
    ExpectedClaim, ExpectedOutcome, ExpectedVerdict, Frontmatter, Litmus, LitmusError, frontmatter,
};
