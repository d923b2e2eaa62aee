//! Litmus tests: JavaScript files with test262-style YAML frontmatter (`/*--- … ---*/`)
//! naming their hosts, rules and the outcomes observed on real runtimes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One expected outcome, as written in the frontmatter.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct ExpectedOutcome {
    pub log: Vec<String>,
    pub status: String,
    /// Reported errors, when the status is `uncaught`.
    #[serde(default)]
    pub errors: Option<Vec<String>>,
    /// Final values of top-level variables that the test pins down.
    #[serde(default)]
    pub vars: Option<BTreeMap<String, String>>,
}

/// A claim about the program (the language of `evloop check --claim`) with its verdict on
/// each host, checked over every schedule by the litmus runner.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExpectedClaim {
    pub claim: String,
    /// `true`/`false` for every host, or per host: `{html: true, node: false}`.
    pub holds: ExpectedVerdict,
    /// Why the claim has this verdict (the rule that decides it).
    #[serde(default)]
    pub why: String,
}

/// The expected verdict of a claim.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum ExpectedVerdict {
    /// The same on every host the file names.
    All(bool),
    /// Per host name.
    PerHost(BTreeMap<String, bool>),
}

impl ExpectedVerdict {
    /// The verdict expected on `host`, if the file states one.
    pub fn on(&self, host: &str) -> Option<bool> {
        match self {
            ExpectedVerdict::All(b) => Some(*b),
            ExpectedVerdict::PerHost(m) => m.get(host).copied(),
        }
    }
}

/// The frontmatter of a litmus file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frontmatter {
    pub id: String,
    #[serde(default)]
    pub description: String,
    pub rules: Vec<String>,
    #[serde(default)]
    pub source: String,
    pub hosts: Vec<String>,
    /// The real runtimes (with versions) that printed the outcomes.
    pub observed: Vec<String>,
    /// Per host, every outcome the program can have.
    pub outcomes: BTreeMap<String, Vec<ExpectedOutcome>>,
    /// Claims with their verdicts per host.
    #[serde(default)]
    pub claims: Vec<ExpectedClaim>,
    /// html host: the initial content of `<body>` (like `evloop run --dom`).
    #[serde(default)]
    pub dom: Option<String>,
    /// html host: user actions in order (like `evloop run --event`), e.g. `click:#btn`.
    #[serde(default)]
    pub events: Vec<String>,
    /// The model timing the outcomes are checked with: `ideal` (the default) or `loaded`
    /// (MODEL-7: the program's observed orders need time to pass while JavaScript runs).
    #[serde(default)]
    pub timing: Option<String>,
}

impl Frontmatter {
    /// The model timing of `timing:` (unknown names are an error naming the choices).
    pub fn timing(&self) -> Result<evloop_model::Timing, String> {
        match self.timing.as_deref() {
            None => Ok(evloop_model::Timing::Ideal),
            Some(t) => evloop_model::Timing::from_name(t)
                .ok_or_else(|| format!("unknown timing `{t}`; supported: ideal, loaded")),
        }
    }
}

/// A parsed litmus file.
#[derive(Clone, Debug)]
pub struct Litmus {
    pub path: PathBuf,
    pub source: String,
    pub meta: Frontmatter,
}

/// Why a litmus file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum LitmusError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:1:1: a litmus file must start with a `/*---` … `---*/` YAML frontmatter block")]
    NoFrontmatter { path: String },
    #[error("{path}:{line}:{col}: invalid frontmatter: {message}")]
    Yaml {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
}

/// Splits the frontmatter off a litmus source: (YAML text, line where it starts).
pub fn frontmatter(source: &str) -> Option<(&str, usize)> {
    let start = source.find("/*---")?;
    let body_start = start + 5;
    let end = source[body_start..].find("---*/")? + body_start;
    let line = source[..body_start].lines().count().max(1);
    Some((&source[body_start..end], line))
}

impl Litmus {
    /// The litmus program compiled for `host`.
    pub fn program(
        &self,
        host: evloop_model::Host,
    ) -> Result<std::sync::Arc<evloop_model::Program>, String> {
        let name = self.path.display().to_string();
        evloop_js::compile_for_host(&self.source, &name, host)
            .map(std::sync::Arc::new)
            .map_err(|e| e.to_string())
    }

    /// The page the litmus file describes (`dom:`, `events:`) on the html host.
    pub fn page(
        &self,
        host: evloop_model::Host,
    ) -> Result<Option<std::sync::Arc<evloop_model::host::web::WebConfig>>, String> {
        if !host.is_html() || (self.meta.dom.is_none() && self.meta.events.is_empty()) {
            return Ok(None);
        }
        let name = self.path.display().to_string();
        evloop_model::host::web::WebConfig::parse(self.meta.dom.as_deref(), &self.meta.events)
            .map(|p| Some(std::sync::Arc::new(p)))
            .map_err(|e| format!("{name}: dom/events: {e}"))
    }

    /// Reads and parses a litmus file.
    pub fn load(path: &Path) -> Result<Litmus, LitmusError> {
        let p = path.display().to_string();
        let source = std::fs::read_to_string(path).map_err(|source| LitmusError::Io {
            path: p.clone(),
            source,
        })?;
        Litmus::parse(path, source)
    }

    /// Parses litmus source text.
    pub fn parse(path: &Path, source: String) -> Result<Litmus, LitmusError> {
        let p = path.display().to_string();
        let (yaml, line0) =
            frontmatter(&source).ok_or_else(|| LitmusError::NoFrontmatter { path: p.clone() })?;
        let meta: Frontmatter = serde_saphyr::from_str(yaml).map_err(|e| {
            let (line, col) = e
                .location()
                .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
            LitmusError::Yaml {
                path: p.clone(),
                line: line0 + line.saturating_sub(1),
                col,
                message: e.to_string(),
            }
        })?;
        Ok(Litmus {
            path: path.to_path_buf(),
            source,
            meta,
        })
    }

    /// Every `*.js` litmus file under `dir`, sorted by path.
    pub fn load_dir(dir: &Path) -> Result<Vec<Litmus>, LitmusError> {
        let p = dir.display().to_string();
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| LitmusError::Io { path: p, source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "js" || x == "mjs"))
            .collect();
        paths.sort();
        paths.iter().map(|p| Litmus::load(p)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_take_a_verdict_for_all_hosts_or_per_host() {
        let src = r#"/*---
id: x
rules: [HTML-10]
hosts: [html, node]
observed: [node v20]
outcomes:
  html:
    - log: ["t1", "t2"]
      status: completed
claims:
  - claim: 'always "t1" before "t2"'
    holds: true
    why: HTML-10 step 4.2
  - claim: 'sometimes "t2" before "t1"'
    holds: {html: false, node: false}
---*/
"#;
        let t = Litmus::parse(Path::new("x.js"), src.to_string()).expect("parses");
        assert_eq!(t.meta.claims.len(), 2);
        assert_eq!(t.meta.claims[0].holds, ExpectedVerdict::All(true));
        assert_eq!(t.meta.claims[0].holds.on("node"), Some(true));
        assert_eq!(t.meta.claims[1].holds.on("html"), Some(false));
        assert_eq!(t.meta.claims[1].holds.on("deno"), None);
        assert_eq!(t.meta.claims[0].why, "HTML-10 step 4.2");
    }

    #[test]
    fn a_claim_without_a_verdict_is_an_error() {
        let src = "/*---\nid: x\nrules: []\nhosts: [html]\nobserved: [n]\noutcomes: {}\nclaims:\n  - claim: 'always logs \"a\"'\n---*/\n";
        assert!(Litmus::parse(Path::new("x.js"), src.to_string()).is_err());
    }
}
