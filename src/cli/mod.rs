//! The subcommands.

pub mod run;

use clap::{Parser, Subcommand};

/// evloop: an executable specification of the JavaScript event loop.
#[derive(Debug, Parser)]
#[command(name = "evloop", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a program through the model and print its log.
    Run(run::RunArgs),
}

/// Exit codes shared by the subcommands.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Unsupported or malformed input.
    pub const BAD_INPUT: u8 = 2;
}
