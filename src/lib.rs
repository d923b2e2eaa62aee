//! The `evloop` command-line program's library: loading programs and litmus files, and the
//! subcommands.
#![forbid(unsafe_code)]

pub mod cli;
pub mod fuzz;
pub mod litmus;
pub mod load;
pub mod spec;
