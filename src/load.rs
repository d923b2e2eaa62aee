//! Loading a JavaScript file into a model program.

use std::path::Path;
use std::sync::Arc;

use evloop_js::{CompileOptions, Diagnostics};
use evloop_model::{Host, Program};

/// Why a program could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
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

/// Compiles `source` (named `name`) for `host`.
pub fn compile(source: &str, name: &str, host: Host) -> Result<Arc<Program>, LoadError> {
    let options = CompileOptions::for_host(host, name);
    evloop_js::compile(source, name, &options)
        .map(Arc::new)
        .map_err(|diagnostics| {
            let rendered = diagnostics.render(source);
            LoadError::Diagnostics {
                diagnostics,
                rendered,
            }
        })
}

/// Reads and compiles a file.
pub fn load_file(path: &Path, host: Host) -> Result<Arc<Program>, LoadError> {
    let p = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: p.clone(),
        source,
    })?;
    compile(&source, &p, host)
}
