//! `evloop explore FILE`: stateright's Explorer, to walk the state graph step by step.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use evloop_model::Host;

use super::exit;
use super::run::parse_host;

#[derive(Debug, Args)]
pub struct ExploreArgs {
    #[command(flatten)]
    pub page: super::PageArgs,
    /// The JavaScript file.
    pub file: PathBuf,
    /// The host to model.
    #[arg(long, default_value = "html", value_parser = parse_host)]
    pub host: Host,
    /// The port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
}

/// Runs the subcommand: serves until the process is stopped.
pub fn main(args: ExploreArgs) -> Result<u8> {
    let loaded = match super::load_program(&args.file, args.host, &args.page) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let setup = loaded.setup(
        evloop_model::Timing::Ideal,
        evloop_model::limits::default_limits(),
    );
    let program = loaded.program;
    let port = if args.port == 0 {
        // Find a free port, then hand it to the server.
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
            .local_addr()?
            .port()
    } else {
        args.port
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    outln!(
        "Explorer for {} on {}: http://{addr}/ (Ctrl-C to stop)",
        args.file.display(),
        args.host.name()
    );
    std::io::stdout().flush()?;
    if let Err(e) = evloop_checker::serve(program, args.host, &setup, addr) {
        eprintln!("error: cannot serve on {addr}: {e}");
        return Ok(exit::BAD_INPUT);
    }
    Ok(exit::OK)
}
