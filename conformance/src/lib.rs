//! evloop-conformance: conformance vectors (programs with, per host, the outcomes the model
//! allows) and runners that execute them on real runtimes — Node.js, Deno, Bun, Chromium and
//! Firefox — and judge every observed outcome against the runtime's own host profile.
//! The vector format and the harness protocol are documented in conformance/README.md.
#![forbid(unsafe_code)]

pub mod browser;
pub mod input;
pub mod report;
pub mod runner;
pub mod vector;

pub use report::{Cell, Report, Verdict, judge};
pub use runner::{Config, Job, Observed, Runtime, plan, run_all};
pub use vector::{AllowedOutcome, HostOutcomes, LitmusInput, ModuleKind, Provenance, Vector};
