//! The real runtimes evloop runs programs on: which binary, how to invoke it, and which model
//! host profile judges it. `evloop conform` and `evloop fuzz` both name runtimes with this type.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use evloop_model::Host;

use crate::vector::{ModuleKind, Vector};

/// A real runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Runtime {
    /// The machine's `node` (or `$EVLOOP_NODE`).
    Node,
    Node22,
    Node24,
    Deno,
    Bun,
    Chromium,
    Firefox,
}

impl Runtime {
    pub const ALL: [Runtime; 7] = [
        Runtime::Node,
        Runtime::Node22,
        Runtime::Node24,
        Runtime::Deno,
        Runtime::Bun,
        Runtime::Chromium,
        Runtime::Firefox,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Runtime::Node => "node",
            Runtime::Node22 => "node22",
            Runtime::Node24 => "node24",
            Runtime::Deno => "deno",
            Runtime::Bun => "bun",
            Runtime::Chromium => "chromium",
            Runtime::Firefox => "firefox",
        }
    }

    pub fn from_name(s: &str) -> Option<Runtime> {
        Runtime::ALL.into_iter().find(|r| r.name() == s)
    }

    /// The family of a Node-compatible binary, read from its file name (`deno…`, `bun…`, else
    /// Node.js): how `evloop fuzz --runtime PATH` runs a binary it is given by path.
    pub fn of_binary(path: &Path) -> Runtime {
        let f = path
            .file_name()
            .map(|f| f.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if f.starts_with("deno") {
            Runtime::Deno
        } else if f.starts_with("bun") {
            Runtime::Bun
        } else {
            Runtime::Node
        }
    }

    /// The family: every Node.js version is [`Runtime::Node`].
    pub fn family(self) -> Runtime {
        match self {
            Runtime::Node22 | Runtime::Node24 => Runtime::Node,
            r => r,
        }
    }

    pub fn is_browser(self) -> bool {
        matches!(self, Runtime::Chromium | Runtime::Firefox)
    }

    /// The model host profile a script (not a module) on this runtime is judged against.
    pub fn host(self) -> Host {
        match self {
            Runtime::Node | Runtime::Node22 | Runtime::Node24 => Host::Node,
            Runtime::Deno => Host::Deno,
            Runtime::Bun => Host::Bun,
            Runtime::Chromium => Host::Chromium,
            Runtime::Firefox => Host::Html,
        }
    }

    /// The model host profile this runtime is judged against for `v` (Node.js runs a module
    /// main on `node-esm`).
    pub fn host_for(self, v: &Vector) -> &'static str {
        match (self.host(), v.module) {
            (Host::Node, ModuleKind::Module) => Host::NodeEsm.name(),
            (h, _) => h.name(),
        }
    }

    /// The executable: `$EVLOOP_NODE`/`node`, the npm packages under `$EVLOOP_RUNTIMES`
    /// (default ~/.cache/evloop-runtimes, see install-runtimes.sh), `$EVLOOP_CHROMIUM`/`chromium`,
    /// `$EVLOOP_FIREFOX`/`firefox-esr`.
    pub fn binary(self) -> PathBuf {
        let env = |k: &str, d: &str| std::env::var_os(k).map_or_else(|| d.into(), PathBuf::from);
        let dir = std::env::var_os("EVLOOP_RUNTIMES").map_or_else(
            || {
                let home = std::env::var_os("HOME").unwrap_or_else(|| "/root".into());
                PathBuf::from(home).join(".cache/evloop-runtimes")
            },
            PathBuf::from,
        );
        let nm = dir.join("node_modules");
        match self {
            Runtime::Node => env("EVLOOP_NODE", "node"),
            Runtime::Node22 => nm.join("node22/bin/node"),
            Runtime::Node24 => nm.join("node24/bin/node"),
            Runtime::Deno => nm.join(".bin/deno"),
            Runtime::Bun => nm.join(".bin/bun"),
            Runtime::Chromium => env("EVLOOP_CHROMIUM", "chromium"),
            Runtime::Firefox => env("EVLOOP_FIREFOX", "firefox-esr"),
        }
    }

    /// The first line of `BINARY --version`, or why it does not run.
    pub fn version(self) -> Result<String, String> {
        version_line(&self.binary()).map(|(line, _)| line)
    }

    /// The command that runs `file` with `binary` (this runtime's, or one of its family given
    /// by path) in the file's directory, quietly (no colours, warnings or update checks), after
    /// `prelude` (the harness's capture) if one is given. Node-compatible runtimes only.
    pub fn command(self, binary: &Path, prelude: Option<&Path>, file: &Path) -> Command {
        let mut cmd = Command::new(binary);
        match self.family() {
            Runtime::Deno => {
                cmd.args(["run", "-A", "--quiet", "--no-lock"]);
                if let Some(p) = prelude {
                    cmd.arg("--preload").arg(p);
                }
            }
            Runtime::Bun => {
                if let Some(p) = prelude {
                    cmd.arg("--preload").arg(p);
                }
            }
            _ => {
                // No warnings: Node prints them with console.error.
                cmd.arg("--no-warnings");
                if let Some(p) = prelude {
                    cmd.arg("--require").arg(p);
                }
            }
        }
        cmd.arg(file)
            .current_dir(file.parent().unwrap_or(Path::new(".")))
            .env("NO_COLOR", "1")
            .env("DENO_NO_UPDATE_CHECK", "1")
            .env("BUN_RUNTIME_TRANSPILER_CACHE_PATH", "0");
        cmd
    }
}

/// The first line `BINARY --version` prints (trimmed) and whether it exited successfully, or
/// why it does not start.
pub fn version_line(binary: &Path) -> Result<(String, bool), String> {
    let out = Command::new(binary)
        .arg("--version")
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().next().unwrap_or("").trim().to_string();
    Ok((line, out.status.success()))
}
