//! Standard output for the subcommands: [`outln!`] and [`out!`] in place of `println!` and
//! `print!`, which panic when stdout is a pipe whose reader has gone (`evloop check FILE |
//! head`). Here a closed stdout ends the program quietly, as a program killed by `SIGPIPE`
//! ends: no message, and the status a shell reports for that, 128 + 13.

use std::io::{ErrorKind, Write};

/// The exit status of a program that stopped because its reader closed stdout: the shell's
/// status for a process killed by `SIGPIPE` (signal 13).
pub const BROKEN_PIPE: i32 = 128 + 13;

/// Writes `args` to stdout through its lock. A closed pipe exits quietly with
/// [`BROKEN_PIPE`]; any other write error is reported on stderr and exits with status 2,
/// as `main` reports errors.
pub fn write_stdout(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(BROKEN_PIPE);
        }
        eprintln!("error: writing to stdout: {e}");
        std::process::exit(i32::from(super::exit::BAD_INPUT));
    }
}

/// `println!` to stdout, stopping quietly when stdout is closed.
macro_rules! outln {
    () => {
        $crate::cli::out::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to stdout, stopping quietly when stdout is closed.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::write_stdout(format_args!($($arg)*))
    };
}
