//! Conformance vectors: a program, and per host the outcomes the model allows (computed by the
//! checker over every schedule — never copied from a litmus frontmatter).

use evloop_model::host::web::WebConfig;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use evloop_checker::{CheckError, Limits, Options, explore};
use evloop_model::host::Profile;
use evloop_model::{Host, Program, Setup, Timing};
use serde::{Deserialize, Serialize};

/// The version of the vector format (`format` in each vector).
pub const FORMAT: u32 = 1;

/// How the program is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleKind {
    /// A classic script (browsers) or a CommonJS main (Node.js, Bun; Deno runs every `.js`
    /// main as an ES module).
    Script,
    /// An ES module main (`.mjs`; `<script type="module">` in browsers).
    Module,
}

impl ModuleKind {
    /// The file extension the program is written with (`js` or `mjs`).
    pub fn extension(self) -> &'static str {
        match self {
            ModuleKind::Script => "js",
            ModuleKind::Module => "mjs",
        }
    }
}

/// One outcome the model allows on a host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedOutcome {
    /// The `console.log` lines, formatted by FORMAT-1.
    pub log: Vec<String>,
    /// `completed`, `uncaught` or `diverged`.
    pub status: String,
    /// Reported uncaught exceptions and unhandled rejections, in order.
    pub errors: Vec<String>,
    /// A shortest schedule producing it (replay steps, `evloop run --schedule replay:…`;
    /// for an outcome `under_load`, with `--timing loaded`).
    pub witness: Vec<String>,
    /// Deno and Bun: the documented deviations of the runtime's profile (RT-1..RT-3) without
    /// which the model would not allow this outcome; empty when Node's profile allows it too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<DeviationRef>,
}

impl AllowedOutcome {
    /// Whether `other` is the same observable outcome (final variables aside).
    pub fn same(&self, other: &AllowedOutcome) -> bool {
        self.log == other.log && self.status == other.status && self.errors == other.errors
    }
}

/// A documented deviation of a runtime profile from Node's (a flag of
/// `evloop_model::host::Profile`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DeviationRef {
    /// The rule that documents it (RT-1 Bun's loop, RT-2 JSC's promises, RT-3 Deno's loop).
    pub rule: String,
    /// The profile flag.
    pub flag: String,
    /// What the runtime does instead.
    pub summary: String,
}

/// The outcomes the model allows on one host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOutcomes {
    /// Whether every schedule was explored (if not, the set may be missing outcomes).
    pub complete: bool,
    /// Distinct model states explored.
    pub states: usize,
    pub outcomes: Vec<AllowedOutcome>,
    /// The further outcomes the model allows when time passes while JavaScript runs (MODEL-7,
    /// `--timing loaded`): a loaded machine, a slow first write, a timer's extra wait.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub under_load: Vec<AllowedOutcome>,
    /// Whether the loaded-timing exploration was complete (true when there is none).
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub under_load_complete: bool,
}

fn yes() -> bool {
    true
}

/// Where a vector came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The litmus file, relative to the repository root.
    pub file: String,
    /// What the litmus file says about its source (spec section, document).
    #[serde(default)]
    pub source: String,
    /// The real runtimes its frontmatter says were observed.
    #[serde(default)]
    pub observed: Vec<String>,
}

/// A conformance vector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vector {
    /// The vector format version ([`FORMAT`]).
    pub format: u32,
    pub id: String,
    #[serde(default)]
    pub description: String,
    /// The JavaScript program (the litmus file without its frontmatter).
    pub source: String,
    pub module: ModuleKind,
    /// Browsers: the initial content of `<body>`, before the program's script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup: Option<String>,
    /// Browsers: user events, in order (`click:SELECTOR`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// The rules (spec/) the program exercises.
    pub rules: Vec<String>,
    /// Per host name (`html`, `node`, `node-esm`, `deno`, `bun`): the allowed outcomes.
    pub hosts: BTreeMap<String, HostOutcomes>,
    pub provenance: Provenance,
}

impl Vector {
    /// Whether some host allows more than one outcome (such vectors run `--runs` times).
    pub fn nondeterministic(&self) -> bool {
        self.hosts.values().any(|h| h.outcomes.len() > 1)
    }

    /// The file name the program runs as (`ID.js` or `ID.mjs`).
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.id, self.module.extension())
    }
}

/// What a vector is generated from (a litmus file's parts).
#[derive(Clone, Debug, Default)]
pub struct LitmusInput {
    /// The file, relative to the repository root (`spec/litmus/x.js`).
    pub file: String,
    pub id: String,
    pub description: String,
    /// The whole file, frontmatter included.
    pub text: String,
    pub rules: Vec<String>,
    pub hosts: Vec<String>,
    pub observed: Vec<String>,
    pub source: String,
    /// Browsers: the page's initial `<body>` (the frontmatter's `dom:`; else a `// dom:` line).
    pub markup: Option<String>,
    /// Browsers: user events in order (the frontmatter's `events:`, `click:SELECTOR`).
    pub events: Vec<String>,
}

/// Why a vector cannot be generated.
#[derive(Debug, thiserror::Error)]
pub enum VectorError {
    #[error("{file}: unknown host `{host}`")]
    UnknownHost { file: String, host: String },
    #[error("{file}: does not compile for {host}: {message}")]
    Compile {
        file: String,
        host: String,
        message: String,
    },
    #[error("{file} [{host}]: {message}")]
    Check {
        file: String,
        host: String,
        message: String,
    },
}

/// The program text without its `/*--- … ---*/` frontmatter (and the blank line after it).
pub fn strip_frontmatter(text: &str) -> String {
    let Some(start) = text.find("/*---") else {
        return text.to_string();
    };
    let Some(end) = text[start..].find("---*/").map(|e| start + e + 5) else {
        return text.to_string();
    };
    let rest = text[end..].strip_prefix('\n').unwrap_or(&text[end..]);
    format!("{}{}", &text[..start], rest)
}

/// The page markup of a browser program: a `// dom: MARKUP` comment line.
pub fn markup_of(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix("// dom:"))
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
}

/// Generates the vector of a litmus file: for each host it names, every outcome over every
/// schedule (CHECK-1), exploring at most `max_states` states per host. A file for the html
/// host is also judged on Chromium's profile (`chromium`, RT-5), which Chromium runs are
/// compared with, whether or not the file names it.
pub fn generate(input: &LitmusInput, max_states: usize) -> Result<Vector, VectorError> {
    generate_with(input, max_states, &|host| {
        evloop_js::compile_for_host(&input.text, &input.file, host)
            .map(|p| (Arc::new(p), None))
            .map_err(|e| e.rendered())
    })
}

/// The program compiled for a host, with the page it runs in (html host: the markup and the
/// user events of a litmus file).
pub type Compiled = (Arc<Program>, Option<Arc<WebConfig>>);

/// [`generate`] with the program for each host compiled by `program` (e.g. with the page's
/// markup and user events for the html host).
pub fn generate_with(
    input: &LitmusInput,
    max_states: usize,
    program: &dyn Fn(Host) -> Result<Compiled, String>,
) -> Result<Vector, VectorError> {
    let module = if input.file.ends_with(".mjs") {
        ModuleKind::Module
    } else {
        ModuleKind::Script
    };
    let mut hosts = BTreeMap::new();
    let mut names = input.hosts.clone();
    if names.iter().any(|h| h == Host::Html.name()) && !names.iter().any(|h| h == "chromium") {
        names.push(Host::Chromium.name().to_string());
    }
    for name in &names {
        let host = Host::from_name(name).ok_or_else(|| VectorError::UnknownHost {
            file: input.file.clone(),
            host: name.clone(),
        })?;
        let (program, page) = program(host).map_err(|message| VectorError::Compile {
            file: input.file.clone(),
            host: name.clone(),
            message,
        })?;
        let limits = Limits {
            max_states,
            ..Limits::default()
        };
        let outcomes =
            host_outcomes(program, host, page, harness_profile(host), &limits).map_err(|e| {
                VectorError::Check {
                    file: input.file.clone(),
                    host: name.clone(),
                    message: e.to_string(),
                }
            })?;
        hosts.insert(name.clone(), outcomes);
    }
    Ok(Vector {
        format: FORMAT,
        id: input.id.clone(),
        description: input.description.clone(),
        source: strip_frontmatter(&input.text),
        module,
        markup: input.markup.clone().or_else(|| markup_of(&input.text)),
        events: input.events.clone(),
        rules: input.rules.clone(),
        hosts,
        provenance: Provenance {
            file: input.file.clone(),
            source: input.source.clone(),
            observed: input.observed.clone(),
        },
    })
}

/// Every outcome the checker finds for `program` on `host` with `setup`: whether the
/// exploration was complete, the states, and the distinct observable outcomes.
pub fn explore_outcomes(
    program: Arc<Program>,
    host: Host,
    setup: &Setup,
    limits: &Limits,
) -> Result<(bool, usize, Vec<AllowedOutcome>), CheckError> {
    let mut options = Options {
        limits: limits.clone(),
        threads: 1,
        progress: None,
        setup: setup.clone(),
    };
    let x = explore(program, host, &mut options)?;
    let mut outcomes: Vec<AllowedOutcome> = Vec::new();
    for f in &x.outcomes {
        let o = AllowedOutcome {
            log: f.outcome.log.clone(),
            status: f.outcome.status.name().to_string(),
            errors: f.outcome.errors.clone(),
            witness: f.witness.iter().map(ToString::to_string).collect(),
            deviations: Vec::new(),
        };
        // Outcomes differing only in final variables are one observable outcome.
        if !outcomes.iter().any(|p| p.same(&o)) {
            outcomes.push(o);
        }
    }
    Ok((x.complete, x.states, outcomes))
}

/// The profile of `host` under the conformance harness: its prelude (`harness/node-prelude.js`,
/// preloaded before the main module, a CommonJS file) reads `process` and loads `fs`, which
/// loads Deno's Node layer — `process` and the timer globals — before the main module, so no
/// first read of them in a callback runs a microtask checkpoint (RT-3, `lazy_process_global`,
/// `lazy_timer_globals`; measured: `deno-timer-globals-first-read-runs-microtasks` gives
/// Node's order under the prelude, 3/3).
pub fn harness_profile(host: Host) -> Profile {
    Profile::of(host)
        .without("lazy_process_global")
        .without("lazy_timer_globals")
}

/// A run's set-up for `host_outcomes`: `limits`' run limits (`Limits::run`) hold inside
/// every step of the exploration, so no single step outlives its time limit.
fn run_setup(
    timing: Timing,
    profile: Profile,
    page: Option<Arc<WebConfig>>,
    limits: &Limits,
) -> Setup {
    Setup {
        timing,
        profile: Some(profile),
        page,
        limits: limits.run_limits(),
    }
}

/// The outcomes the model allows for `program` on `host` (CHECK-1): with ideal timing, and
/// those that need time to pass while JavaScript runs (MODEL-7: a loaded machine; in
/// browsers HTML-10 step 4.3's extra wait); and for Deno and Bun, each outcome's documented deviations from Node's profile
/// (an outcome Node's profile does not allow is attributed to every flag of the runtime's
/// profile without which it is no longer allowed; to all of them when no single one is).
///
/// `profile` is the runtime's profile as it is launched: `Profile::of(host)` for a bare run,
/// [`harness_profile`] under the conformance harness.
pub fn host_outcomes(
    program: Arc<Program>,
    host: Host,
    page: Option<Arc<WebConfig>>,
    profile: Profile,
    limits: &Limits,
) -> Result<HostOutcomes, CheckError> {
    let ideal = run_setup(Timing::Ideal, profile, page.clone(), limits);
    let (complete, states, mut outcomes) = explore_outcomes(program.clone(), host, &ideal, limits)?;
    let loaded = run_setup(Timing::Loaded, profile, page.clone(), limits);
    let (under_load_complete, _, all) = explore_outcomes(program.clone(), host, &loaded, limits)?;
    let mut under_load: Vec<AllowedOutcome> = all
        .into_iter()
        .filter(|o| !outcomes.iter().any(|p| p.same(o)))
        .collect();
    if matches!(host, Host::Deno | Host::Bun | Host::Chromium) {
        let mut sets: BTreeMap<(Timing, Option<&str>), Vec<AllowedOutcome>> = BTreeMap::new();
        let mut allows = |timing: Timing, without: Option<&'static str>, o: &AllowedOutcome| {
            let key = (timing, without);
            if let std::collections::btree_map::Entry::Vacant(e) = sets.entry(key) {
                let profile = match without {
                    None => Profile::of(host.base()),
                    Some(flag) => profile.without(flag),
                };
                let setup = run_setup(timing, profile, page.clone(), limits);
                let (_, _, set) = explore_outcomes(program.clone(), host, &setup, limits)?;
                e.insert(set);
            }
            Ok::<bool, CheckError>(sets[&key].iter().any(|p| p.same(o)))
        };
        for (timing, list) in [
            (Timing::Ideal, &mut outcomes),
            (Timing::Loaded, &mut under_load),
        ] {
            for o in list.iter_mut() {
                if allows(timing, None, o)? {
                    continue;
                }
                let flags = profile.differences();
                let mut blamed = Vec::new();
                for f in &flags {
                    if !allows(timing, Some(f.name), o)? {
                        blamed.push(*f);
                    }
                }
                if blamed.is_empty() {
                    blamed = flags;
                }
                o.deviations = blamed
                    .iter()
                    .map(|f| DeviationRef {
                        rule: f.rule(host).into(),
                        flag: f.name.into(),
                        summary: f.summary.into(),
                    })
                    .collect();
            }
        }
    }
    Ok(HostOutcomes {
        complete,
        states,
        outcomes,
        under_load,
        under_load_complete,
    })
}

/// Writes each vector as `DIR/ID.json` and `DIR/ID.yaml`.
pub fn write_all(dir: &Path, vectors: &[Vector]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for v in vectors {
        let json = serde_json::to_string_pretty(v).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(format!("{}.json", v.id)), json + "\n")?;
        let yaml = serde_saphyr::to_string(v).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(format!("{}.yaml", v.id)), yaml)?;
    }
    Ok(())
}

/// Reads every `*.json` vector in `dir`, sorted by id.
pub fn read_dir(dir: &Path) -> Result<Vec<Vector>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let v: Vector =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            out.push(v);
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
