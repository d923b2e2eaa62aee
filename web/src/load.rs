//! A program as the playground hands it over: source text, a host name and options, compiled
//! the way `evloop run FILE` compiles a file (`src/cli/mod.rs`, `load_program`): a litmus
//! file's frontmatter gives the page (`dom:`, `events:`) on the html host and its `timing:`.

use std::path::Path;
use std::sync::Arc;

use evloop_litmus::Litmus;
use evloop_model::{Host, Program, Setup, Timing};
use serde::{Deserialize, Serialize};

/// The options of a run or a check, as JSON from the page: every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The file name (decides script or module where the host looks at the extension, as
    /// for a file: `.mjs` is a module); default `playground.js`.
    pub name: Option<String>,
    /// `ideal` or `loaded` (MODEL-7); default: the litmus frontmatter's `timing:`, else ideal.
    pub timing: Option<String>,
    /// Check only: the most distinct states to visit (default 200 000 in the page).
    pub max_states: Option<usize>,
    /// Check only: the most choices in one schedule.
    pub max_depth: Option<usize>,
    /// Check only: the time limit in milliseconds.
    pub timeout_ms: Option<u64>,
}

/// A user-input error, with the position it is at (1-based; 0 when it has none).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub message: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// The error as the CLI prints it (with the source snippet).
    pub rendered: String,
}

impl Problem {
    /// An error that is not at a place in the source (a bad host name, a bad schedule).
    pub fn general(message: impl Into<String>) -> Problem {
        let message = message.into();
        Problem {
            line: 0,
            col: 0,
            end_line: 0,
            end_col: 0,
            rendered: format!("error: {message}"),
            message,
            help: String::new(),
        }
    }
}

/// A compiled program with its host and set-up.
pub struct Loaded {
    pub name: String,
    pub host: Host,
    pub program: Arc<Program>,
    pub setup: Setup,
}

/// The host named `name` (`html`, `node`, `node-esm`, `deno`, `bun`).
pub fn host(name: &str) -> Result<Host, Problem> {
    Host::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Host::ALL.iter().map(|h| h.name()).collect();
        Problem::general(format!(
            "unknown host `{name}`; supported: {}",
            names.join(", ")
        ))
    })
}

/// Compiles `source` for the host named `host_name` with `options`, as `evloop run` loads a
/// file: diagnostics with line and column for unsupported or malformed input, a malformed
/// litmus frontmatter with its line and column.
pub fn load(source: &str, host_name: &str, options: &Options) -> Result<Loaded, Vec<Problem>> {
    let host = host(host_name).map_err(|p| vec![p])?;
    let name = options
        .name
        .clone()
        .unwrap_or_else(|| "playground.js".to_string());
    let program = match evloop_js::compile_for_host(source, &name, host) {
        Ok(p) => Arc::new(p),
        Err(evloop_js::LoadError::Diagnostics {
            diagnostics,
            rendered,
        }) => {
            return Err(diagnostics
                .0
                .iter()
                .map(|d| Problem {
                    line: d.line,
                    col: d.col,
                    end_line: d.end_line,
                    end_col: d.end_col,
                    message: d.message.clone(),
                    help: d.help.clone(),
                    rendered: rendered.clone(),
                })
                .collect());
        }
        Err(e) => return Err(vec![Problem::general(e.to_string())]),
    };
    // A litmus frontmatter gives the page and the timing; a malformed one is an error here
    // (the CLI runs such a file as a plain program, the playground says what is wrong).
    let litmus = if evloop_litmus::frontmatter(source).is_some() {
        match Litmus::parse(Path::new(&name), source.to_string()) {
            Ok(t) => Some(t),
            Err(evloop_litmus::LitmusError::Yaml {
                line, col, message, ..
            }) => {
                let line = u32::try_from(line).unwrap_or(u32::MAX);
                let col = u32::try_from(col).unwrap_or(u32::MAX);
                return Err(vec![Problem {
                    line,
                    col,
                    end_line: line,
                    end_col: col,
                    rendered: format!("{name}:{line}:{col}: invalid frontmatter: {message}"),
                    message: format!("invalid frontmatter: {message}"),
                    help: String::new(),
                }]);
            }
            Err(_) => None,
        }
    } else {
        None
    };
    let page = match &litmus {
        Some(t) => t.page(host).map_err(|e| vec![Problem::general(e)])?,
        None => None,
    };
    let timing = match (&options.timing, &litmus) {
        (Some(t), _) => Timing::from_name(t).ok_or_else(|| {
            vec![Problem::general(format!(
                "unknown timing `{t}`; supported: ideal, loaded"
            ))]
        })?,
        (None, Some(t)) => t.meta.timing().map_err(|e| vec![Problem::general(e)])?,
        (None, None) => Timing::Ideal,
    };
    Ok(Loaded {
        name,
        host,
        program,
        setup: Setup {
            timing,
            profile: None,
            page,
            ..evloop_model::Setup::default()
        },
    })
}
