//! evloop-test262: the test262 runner of issues 16 (language) and 17 (standard library).
//!
//! The subset of tc39/test262 in `../shared/test262` (its SCOPE.md says which tests count)
//! runs in-process and in parallel: each test, with the harness files INTERPRETING.md asks
//! for, is compiled by the frontend (`evloop-js`) and run by the engine (`evloop-engine`) on
//! a host of this crate's own ([`host::TestHost`]: a realm, a job queue and `print`). The
//! harness runs as JavaScript, unchanged.
//!
//! One module per concept: [`frontmatter`] (the metadata), [`scope`] (SCOPE.md's rule),
//! [`host`] (the host hooks), [`exec`] (one run), [`verdict`] (pass or fail), [`runner`]
//! (discovery and the thread pool), [`report`] (the tables), [`expectations`] (the committed
//! list of today's failures).
#![forbid(unsafe_code)]

pub mod exec;
pub mod expectations;
pub mod frontmatter;
pub mod host;
pub mod report;
pub mod runner;
pub mod scope;
pub mod verdict;
