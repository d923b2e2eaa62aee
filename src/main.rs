//! The `evloop` command.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::{Cli, Command};

/// The allocator: the checker's state-per-step exploration is allocation-heavy.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Run(args) => cli::run::main(args),
        Command::Check(args) => cli::check::main(args),
        Command::Explain(args) => cli::explain::main(args),
        Command::Explore(args) => cli::explore::main(args),
        Command::Vectors(args) => cli::vectors::main(args),
        Command::Conform(args) => cli::conform::main(args),
        Command::Fuzz(args) => cli::fuzz::main(args),
    };
    match r {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
