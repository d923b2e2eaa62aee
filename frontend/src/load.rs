//! The one way `evloop` and its tools turn JavaScript into a model program: a source or a file
//! compiled for a host with that host's options ([`CompileOptions::for_host`]), and on failure
//! the diagnostics together with their rendered source snippet (what a user is shown).

use std::path::Path;

use evloop_model::{Host, Program};

use crate::{CompileOptions, Diagnostics};

/// Why a program could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Unsupported or malformed input; `rendered` shows the source snippet.
    #[error("{diagnostics}")]
    Diagnostics {
        diagnostics: Diagnostics,
        rendered: String,
    },
}

impl LoadError {
    /// The error as a user is shown it: the diagnostics with their source snippets (see
    /// [`Diagnostics::render`]), or the one-line form of an I/O error.
    pub fn rendered(&self) -> String {
        match self {
            LoadError::Diagnostics { rendered, .. } => rendered.clone(),
            e @ LoadError::Io { .. } => e.to_string(),
        }
    }
}

/// Compiles `source` (named `name`, which decides module or script on hosts that look at the
/// extension) for `host`, as `evloop run` does.
///
/// # Errors
/// Syntax errors and unsupported constructs, as [`LoadError::Diagnostics`].
pub fn compile_for_host(source: &str, name: &str, host: Host) -> Result<Program, LoadError> {
    let options = CompileOptions::for_host(host, name);
    crate::compile(source, name, &options).map_err(|diagnostics| {
        let rendered = diagnostics.render(source);
        LoadError::Diagnostics {
            diagnostics,
            rendered,
        }
    })
}

/// Reads `path` and compiles it for `host` ([`compile_for_host`], named by its path).
///
/// # Errors
/// [`LoadError::Io`] when the file cannot be read, else as [`compile_for_host`].
pub fn load_file(path: &Path, host: Host) -> Result<Program, LoadError> {
    let p = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: p.clone(),
        source,
    })?;
    compile_for_host(&source, &p, host)
}
