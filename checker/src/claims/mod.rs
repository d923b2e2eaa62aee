//! The claims language: statements about the set of outcomes of a program, checked over every
//! schedule (rule CHECK-2 in the README's "Claims" section).
//!
//! `syntax` is the language (its grammar, the parser and the claim tree), `semantics` what a
//! claim means: its [`Verdict`] over the outcomes an exploration found, and the outcomes that
//! show it.

mod semantics;
mod syntax;

pub use semantics::Verdict;
pub use syntax::{Claim, ClaimError, Literal, Pred, Quantifier};

#[cfg(test)]
mod tests;
