//! The specification in `spec/` as data, for the cross-check test (`tests/spec_crosscheck.rs`)
//! and for the generated parts of the book.
//!
//! - A rule is a Markdown heading `### ID Title` (ID first: `ES-6`, `HTML-7`, `NODE-3`,
//!   `UV-1`, `RT-2`, `MODEL-4`, `FORMAT-1`) in a chapter, followed by its statement and the
//!   bullet fields `Source:`, `Choice:`, `Executed by:`, `Litmus:` and `Status:`.
//! - The model names the rules it executes in doc comments (`///`, `//!`) and in the rule it
//!   reports to the tracer (`trace("ID", …)`).
//! - Litmus tests name the rules they exercise in their frontmatter's `rules:`.
//!
//! The generated parts are each rule's `Litmus:` line and `spec/claims.md`; the cross-check
//! fails when they are stale and rewrites them under `EVLOOP_BLESS=1`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::Litmus;

/// The specification's version (semantic; bumped as `spec/CHANGELOG.md` says).
pub const SPEC_VERSION: &str = "0.6.0";

/// The chapters that hold rules, in reading order.
pub const CHAPTERS: &[&str] = &[
    "ecmascript.md",
    "html.md",
    "node.md",
    "runtimes.md",
    "model.md",
];

/// The rule ID prefixes.
pub const PREFIXES: &[&str] = &["ES", "HTML", "NODE", "UV", "RT", "MODEL", "FORMAT"];

/// What a `Litmus:` line says when no litmus test lists the rule.
pub const NO_LITMUS: &str = "none yet";

/// One rule of the specification.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    pub title: String,
    /// The chapter's file name and the heading's line (from 1).
    pub file: String,
    pub line: usize,
    /// The paragraphs between the heading and the fields.
    pub statement: String,
    pub source: Option<String>,
    pub choice: Option<String>,
    /// The backticked model paths (`a::b::f`) of the `Executed by:` field.
    pub executed_by: Vec<String>,
    /// The litmus ids of the `Litmus:` field (`None` without the field; empty for
    /// "none yet").
    pub litmus: Option<Vec<String>>,
    /// `Status: not modelled (reason)`: the rule is stated but the model does not execute it.
    pub status: Option<String>,
}

impl Rule {
    /// Whether the rule is marked `Status: not modelled (…)`, which exempts it from needing
    /// code and litmus tests.
    pub fn not_modelled(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| s.starts_with("not modelled"))
    }
}

/// Every rule ID in `text`, in order, with its byte offset. An ID is a prefix from
/// [`PREFIXES`], `-` and digits, not part of a longer word.
pub fn rule_ids(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let mut i = 0;
    while i < b.len() {
        if i > 0 && word(b[i - 1]) {
            i += 1;
            continue;
        }
        let mut matched = None;
        for p in PREFIXES {
            let p = p.as_bytes();
            if b[i..].starts_with(p) && b.get(i + p.len()) == Some(&b'-') {
                let start = i + p.len() + 1;
                let mut end = start;
                while end < b.len() && b[end].is_ascii_digit() {
                    end += 1;
                }
                let boundary =
                    end == b.len() || !(b[end].is_ascii_alphanumeric() || b[end] == b'_');
                if end > start && boundary {
                    matched = Some(end);
                }
                break;
            }
        }
        match matched {
            Some(end) => {
                out.push((i, text[i..end].to_string()));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The rest of a rule heading: `### ID Title`, or `## ID Title` (a second-level heading that
/// starts with a rule ID is a rule too).
fn rule_heading(line: &str) -> Option<&str> {
    if let Some(h) = line.strip_prefix("### ") {
        return Some(h);
    }
    let h = line.strip_prefix("## ")?;
    let first = h.split(' ').next().unwrap_or("");
    (rule_ids(first).first().map(|x| x.1.as_str()) == Some(first)).then_some(h)
}

/// The text in backticks in `s`.
fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, p)| p.trim().to_string())
        .collect()
}

/// Parses one chapter. Headings inside fenced code blocks are not rules.
pub fn parse_chapter(file: &str, text: &str) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    let mut fenced = false;
    // The field being read (key, text) — continuation lines are indented.
    let mut field: Option<(String, String)> = None;
    fn finish(rule: &mut Rule, field: Option<(String, String)>, file: &str) -> Result<(), String> {
        let Some((key, value)) = field else {
            return Ok(());
        };
        let value = value.trim().to_string();
        match key.as_str() {
            "Source" => rule.source = Some(value),
            "Choice" => rule.choice = Some(value),
            "Executed by" => {
                rule.executed_by = backticked(&value)
                    .into_iter()
                    .filter(|p| p.contains("::"))
                    .collect()
            }
            "Litmus" => {
                rule.litmus = Some(if value == NO_LITMUS {
                    Vec::new()
                } else {
                    let ids = backticked(&value);
                    if ids.is_empty() {
                        return Err(format!(
                            "{file}: {}: `Litmus:` must list `ids` or say `{NO_LITMUS}`",
                            rule.id
                        ));
                    }
                    ids
                })
            }
            "Status" => rule.status = Some(value),
            _ => {}
        }
        Ok(())
    }
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if let Some(h) = rule_heading(line) {
            if let Some(r) = rules.last_mut() {
                finish(r, field.take(), file)?;
            }
            let (id, title) = h.split_once(' ').unwrap_or((h, ""));
            let ids = rule_ids(id);
            if ids.len() != 1 || ids[0].1 != id {
                return Err(format!(
                    "{file}:{}: a rule heading must start with its ID (`### ES-6 Title`): {line}",
                    n + 1
                ));
            }
            rules.push(Rule {
                id: id.to_string(),
                title: title.trim().to_string(),
                file: file.to_string(),
                line: n + 1,
                ..Rule::default()
            });
            continue;
        }
        let Some(rule) = rules.last_mut() else {
            continue;
        };
        if line.starts_with("## ") || line.starts_with("# ") {
            finish(rule, field.take(), file)?;
            // A higher heading ends the rule: what follows belongs to no rule.
            rules.push(Rule {
                id: String::new(),
                ..Rule::default()
            });
            continue;
        }
        if let Some(item) = line.strip_prefix("- ") {
            let key = item
                .split_once(':')
                .map(|(k, _)| k)
                .filter(|k| ["Source", "Choice", "Executed by", "Litmus", "Status"].contains(k));
            if let Some(k) = key {
                finish(rule, field.take(), file)?;
                let value = item[k.len() + 1..].to_string();
                field = Some((k.to_string(), value));
                continue;
            }
        }
        if let Some((_, value)) = field.as_mut() {
            if line.starts_with("  ") && !line.trim().is_empty() {
                value.push(' ');
                value.push_str(line.trim());
                continue;
            }
            finish(rule, field.take(), file)?;
        }
        if !rule.id.is_empty() && !line.trim().is_empty() {
            if !rule.statement.is_empty() {
                rule.statement.push('\n');
            }
            rule.statement.push_str(line);
        }
    }
    if let Some(r) = rules.last_mut() {
        finish(r, field.take(), file)?;
    }
    Ok(rules.into_iter().filter(|r| !r.id.is_empty()).collect())
}

/// The rules of every chapter in `spec_dir`.
pub fn load_rules(spec_dir: &Path) -> Result<Vec<Rule>, String> {
    let mut out = Vec::new();
    for c in CHAPTERS {
        let path = spec_dir.join(c);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.extend(parse_chapter(c, &text)?);
    }
    Ok(out)
}

/// Where the model names rules: for each rule ID, the places (`path:line`) that say they
/// execute it (doc comments and tracer calls), and every place that mentions it at all.
#[derive(Clone, Debug, Default)]
pub struct CodeIndex {
    pub executed: BTreeMap<String, Vec<String>>,
    pub mentioned: BTreeMap<String, Vec<String>>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            rust_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    Ok(())
}

/// Scans the Rust sources under `src_dir` (the model crate's `src/`).
pub fn index_code(root: &Path) -> std::io::Result<CodeIndex> {
    let mut files = Vec::new();
    for dir in RULE_CRATES {
        rust_files(&root.join(dir), &mut files)?;
    }
    files.sort();
    let mut ix = CodeIndex::default();
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let rel = f.strip_prefix(root).unwrap_or(&f).display().to_string();
        for (n, line) in text.lines().enumerate() {
            let at = format!("{rel}:{}", n + 1);
            let t = line.trim_start();
            let doc = t.starts_with("///") || t.starts_with("//!");
            for (off, id) in rule_ids(line) {
                ix.mentioned.entry(id.clone()).or_default().push(at.clone());
                let traced = line[..off].trim_end().ends_with("trace(\"")
                    || line[..off].ends_with("trace(\"");
                if doc || traced {
                    ix.executed.entry(id).or_default().push(at.clone());
                }
            }
        }
    }
    Ok(ix)
}

/// The source folders whose code executes rules: the engine (ECMAScript) and the model (the
/// hosts).
pub const RULE_CRATES: [&str; 2] = ["engine/src", "model/src"];

/// Whether a path from an `Executed by:` field names an item that exists: `engine::…` under
/// `engine/src` (`engine::es::promise::Agent::run_job`), any other under `model/src`
/// (`host::web::events::Cx::invoke_listeners`). The modules resolve to files, and the item
/// after them is declared in the last file (`fn`, a field, a type, a constant).
pub fn resolve_model_path(root: &Path, path: &str) -> Result<(), String> {
    let (src_dir, path) = match path.strip_prefix("engine::") {
        Some(rest) => (root.join("engine/src"), rest),
        None => (root.join("model/src"), path),
    };
    let segs: Vec<&str> = path.split("::").collect();
    let mut dir = src_dir.clone();
    let mut file = src_dir.join("lib.rs");
    let mut i = 0;
    while i < segs.len() {
        let as_file = dir.join(format!("{}.rs", segs[i]));
        let as_dir = dir.join(segs[i]).join("mod.rs");
        if as_file.is_file() {
            file = as_file;
            dir = dir.join(segs[i]);
        } else if as_dir.is_file() {
            file = as_dir;
            dir = dir.join(segs[i]);
        } else {
            break;
        }
        i += 1;
    }
    let rest = &segs[i..];
    if rest.is_empty() {
        return Ok(());
    }
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let declares = |name: &str| {
        text.lines().any(|l| {
            let t = l.trim_start();
            let t = t
                .strip_prefix("pub(crate) ")
                .or_else(|| t.strip_prefix("pub(super) "))
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            [
                "fn ", "struct ", "enum ", "const ", "static ", "type ", "trait ",
            ]
            .iter()
            .any(|k| {
                t.strip_prefix(k).is_some_and(|r| {
                    r.starts_with(name)
                        && !r[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            }) || t.starts_with(&format!("{name}:"))
                || t.starts_with(&format!("{name}("))
                || t.starts_with(&format!("{name} {{"))
                || t.starts_with(&format!("{name},"))
                || t.starts_with(&format!("impl {name} "))
                || t.starts_with(&format!("impl<'_> {name}"))
        })
    };
    for name in rest {
        // `Agent` is the engine's agent (`impl<H: HostHooks> Agent<'_, H>` blocks), `Cx` the
        // hosts' view of it (`impl Cx<'_, '_>` blocks in every host module).
        if *name == "Agent" {
            if !text.contains("impl<H: HostHooks> Agent<'_, H>")
                && !text.contains("impl<'a, H: HostHooks> Agent<'a, H>")
            {
                return Err(format!("{path}: no `impl Agent` in {}", file.display()));
            }
            continue;
        }
        if *name == "Cx" {
            if !text.contains("impl Cx<'_, '_>") {
                return Err(format!("{path}: no `impl Cx` in {}", file.display()));
            }
            continue;
        }
        if !declares(name) {
            return Err(format!(
                "{path}: `{name}` is not declared in {}",
                file.display()
            ));
        }
    }
    Ok(())
}

/// For each rule ID, the litmus ids that list it, sorted.
pub fn litmus_by_rule(tests: &[Litmus]) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in tests {
        for r in &t.meta.rules {
            m.entry(r.clone()).or_default().insert(t.meta.id.clone());
        }
    }
    m.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}

/// The `Litmus:` field's text for a list of ids.
pub fn litmus_field(ids: &[String]) -> String {
    if ids.is_empty() {
        NO_LITMUS.to_string()
    } else {
        ids.iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Rewrites every rule's `- Litmus:` line in a chapter to the ids in `by_rule`.
pub fn bless_litmus_lines(text: &str, by_rule: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut current: Option<String> = None;
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if body.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if !fenced {
            if let Some(h) = rule_heading(body) {
                current = rule_ids(h.split(' ').next().unwrap_or(""))
                    .first()
                    .map(|x| x.1.clone());
            } else if body.starts_with("## ") || body.starts_with("# ") {
                current = None;
            } else if let (Some(id), true) = (&current, body.starts_with("- Litmus:")) {
                let ids = by_rule.get(id).cloned().unwrap_or_default();
                out.push_str(&format!("- Litmus: {}", litmus_field(&ids)));
                if line.ends_with('\n') {
                    out.push('\n');
                }
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// The markers around a generated section of a page.
pub fn generated_markers(name: &str) -> (String, String) {
    (
        format!(
            "<!-- BEGIN GENERATED {name}: EVLOOP_BLESS=1 cargo test --test spec_crosscheck -->"
        ),
        format!("<!-- END GENERATED {name} -->"),
    )
}

/// `text` with the generated section `name` replaced by `content`; `None` without the markers.
pub fn replace_generated(text: &str, name: &str, content: &str) -> Option<String> {
    let (begin, end) = generated_markers(name);
    let b = text.find(&begin)? + begin.len();
    let e = b + text[b..].find(&end)?;
    Some(format!("{}\n{}{}", &text[..b], content, &text[e..]))
}

/// The generated part of runtimes.md: every litmus test that names an `RT-n` rule, with its
/// description and, per host, the outcomes observed on the real runtime.
pub fn render_runtime_litmus(tests: &[Litmus]) -> String {
    let mut s = String::new();
    for t in tests {
        if !t.meta.rules.iter().any(|r| r.starts_with("RT-")) {
            continue;
        }
        let _ = write!(
            s,
            "#### {}\n\nRules: {}. Observed on: {}. Hosts checked against the model: {}.\n\n",
            t.meta.id,
            t.meta.rules.join(", "),
            t.meta.observed.join(", "),
            t.meta.hosts.join(", ")
        );
        if !t.meta.description.trim().is_empty() {
            let _ = write!(s, "{}\n\n", t.meta.description.trim());
        }
        for host in &t.meta.hosts {
            for o in t.meta.outcomes.get(host).into_iter().flatten() {
                let status = if o.status == "completed" {
                    String::new()
                } else {
                    format!(" ({})", o.status)
                };
                let _ = writeln!(s, "- {host}: {}{status}", log_text(&o.log));
            }
        }
        s.push('\n');
    }
    s
}

/// A claim's verdict on one host, as rendered in claims.md.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostVerdict {
    pub host: String,
    /// `Some(true)`: holds; `Some(false)`: refuted; `None`: undecided.
    pub holds: Option<bool>,
    /// For a refuted claim: the counterexample's log, status and replayable schedule.
    pub counterexample: Option<(Vec<String>, String, String)>,
    /// Every outcome's log on this host (shown when there is no single counterexample).
    pub outcomes: Vec<Vec<String>>,
}

/// One claim of one litmus file, judged on each of its hosts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedClaim {
    pub litmus: String,
    pub source: String,
    pub claim: String,
    pub why: String,
    pub verdicts: Vec<HostVerdict>,
}

fn schedule_text(s: &[evloop_model::Choice]) -> String {
    if s.is_empty() {
        "no choices".into()
    } else {
        format!(
            "replay:{}",
            s.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        )
    }
}

/// Judges every claim of every litmus file with the checker, on each host the file names.
pub fn judge_claims(tests: &[Litmus], max_states: usize) -> Result<Vec<JudgedClaim>, String> {
    use evloop_checker::{Claim, Limits, Options, Verdict, explore};
    let mut out = Vec::new();
    for t in tests.iter().filter(|t| !t.meta.claims.is_empty()) {
        let name = t.path.display().to_string();
        let mut per_host = Vec::new();
        for host_name in &t.meta.hosts {
            let host = evloop_model::Host::from_name(host_name)
                .ok_or_else(|| format!("{name}: unknown host {host_name}"))?;
            let program = t
                .program(host)
                .map_err(|e| format!("{name}: does not compile: {e}"))?;
            let mut options = Options {
                limits: Limits {
                    max_states,
                    ..Limits::default()
                },
                threads: 1,
                progress: None,
                setup: evloop_model::Setup {
                    timing: t.meta.timing()?,
                    profile: None,
                    page: t.page(host)?,
                    ..evloop_model::Setup::default()
                },
            };
            let x = explore(program, host, &mut options)
                .map_err(|e| format!("{name} [{host_name}]: {e}"))?;
            per_host.push((host_name.clone(), x));
        }
        for c in &t.meta.claims {
            let claim = Claim::parse(&c.claim)
                .map_err(|e| format!("{name}: claim {}", e.render(&c.claim)))?;
            let mut verdicts = Vec::new();
            for (host_name, x) in &per_host {
                let j = x.judge(&c.claim, &claim);
                verdicts.push(HostVerdict {
                    host: host_name.clone(),
                    holds: match j.verdict {
                        Verdict::Holds => Some(true),
                        Verdict::Fails => Some(false),
                        Verdict::Unknown => None,
                    },
                    counterexample: j.counterexample.map(|f| {
                        (
                            f.outcome.log.clone(),
                            f.outcome.status.name().to_string(),
                            schedule_text(&f.witness),
                        )
                    }),
                    outcomes: x.outcomes.iter().map(|f| f.outcome.log.clone()).collect(),
                });
            }
            out.push(JudgedClaim {
                litmus: t.meta.id.clone(),
                source: t.meta.source.clone(),
                claim: c.claim.clone(),
                why: c.why.clone(),
                verdicts,
            });
        }
    }
    Ok(out)
}

fn log_text(log: &[String]) -> String {
    if log.is_empty() {
        "(nothing logged)".into()
    } else {
        log.join(" · ")
    }
}

/// The overall verdict of a judged claim: `holds`, `refuted`, `host-dependent` or
/// `undecided`.
pub fn overall(c: &JudgedClaim) -> &'static str {
    let v: BTreeSet<Option<bool>> = c.verdicts.iter().map(|v| v.holds).collect();
    if v.contains(&None) {
        "undecided"
    } else if v.len() > 1 {
        "host-dependent"
    } else if v.contains(&Some(true)) {
        "holds"
    } else {
        "refuted"
    }
}

/// Renders spec/claims.md.
pub fn render_claims(claims: &[JudgedClaim]) -> String {
    let mut s = String::new();
    s.push_str("# The seed documents' claims\n\n");
    s.push_str(
        "<!-- Generated from the `claims:` of spec/litmus/*.js by \
         `EVLOOP_BLESS=1 cargo test --test spec_crosscheck`. Do not edit: \
         tests/spec_crosscheck.rs fails when this file is stale. -->\n\n",
    );
    s.push_str(
        "The documents evloop started from (`../shared/seeds/`) make claims about the order in \
         which code logs. Each claim is a litmus test's `claims:` entry, written in the claim \
         language of the [introduction](introduction.md#claims), and judged here by the \
         checker over every schedule of the model on each host the test names: **holds** (on \
         every host), **refuted** (on every host, with the shortest counterexample), or \
         **host-dependent**. The litmus test's recorded outcomes come from real runtimes, and \
         `cargo test --test litmus` checks that the model produces exactly those.\n\n",
    );
    let _ = writeln!(
        s,
        "{} claims in {} litmus tests: {} hold, {} refuted, {} host-dependent.\n",
        claims.len(),
        claims
            .iter()
            .map(|c| &c.litmus)
            .collect::<BTreeSet<_>>()
            .len(),
        claims.iter().filter(|c| overall(c) == "holds").count(),
        claims.iter().filter(|c| overall(c) == "refuted").count(),
        claims
            .iter()
            .filter(|c| overall(c) == "host-dependent")
            .count(),
    );
    s.push_str("| claim | litmus | verdict |\n|---|---|---|\n");
    for c in claims {
        let per_host = c
            .verdicts
            .iter()
            .map(|v| {
                format!(
                    "{}: {}",
                    v.host,
                    match v.holds {
                        Some(true) => "holds",
                        Some(false) => "refuted",
                        None => "undecided",
                    }
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "| `{}` | [`{}`](litmus/{}.js) | **{}** ({per_host}) |",
            c.claim.replace('|', "\\|"),
            c.litmus,
            c.litmus,
            overall(c)
        );
    }
    let mut last = "";
    for c in claims {
        if c.litmus != last {
            let _ = write!(s, "\n## {}\n\n", c.litmus);
            if !c.source.is_empty() {
                let _ = writeln!(s, "Source: {}\n", c.source);
            }
            last = &c.litmus;
        }
        let _ = writeln!(s, "- `{}` — **{}**", c.claim, overall(c));
        if !c.why.is_empty() {
            let _ = writeln!(s, "  - why: {}", c.why);
        }
        for v in &c.verdicts {
            match (v.holds, &v.counterexample) {
                (Some(true), _) => {
                    let _ = writeln!(s, "  - {}: holds (every schedule explored)", v.host);
                }
                (Some(false), Some((log, status, sched))) => {
                    let _ = writeln!(
                        s,
                        "  - {}: refuted; counterexample: {} ({status}; `{sched}`)",
                        v.host,
                        log_text(log)
                    );
                }
                (Some(false), None) => {
                    let _ = writeln!(
                        s,
                        "  - {}: refuted; no schedule shows it. Every outcome: {}",
                        v.host,
                        v.outcomes
                            .iter()
                            .map(|l| format!("[{}]", log_text(l)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                (None, _) => {
                    let _ = writeln!(s, "  - {}: undecided (exploration incomplete)", v.host);
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_whole_words() {
        let ids: Vec<String> = rule_ids("ES-6, (HTML-7) NODE-13: UV-1x SORT-1 CHECK-2 RT-2.")
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(ids, ["ES-6", "HTML-7", "NODE-13", "RT-2"]);
    }

    #[test]
    fn a_rule_has_its_fields() {
        let text = "# Ch\n\n### ES-6 Thenable job\n\nWhat it does.\n\n- Source: ECMA-262\n  §27.2.2.2.\n- Executed by: `es::promise::Agent::run_job`,\n  `es::promise::Agent::promise_finally`.\n- Litmus: `a`, `b`\n\n```text\n### HTML-1 not a rule\n```\n### ES-14 Gen\n\n- Status: not modelled (no generators)\n- Litmus: none yet\n";
        let rules = parse_chapter("x.md", text).unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].id, "ES-6");
        assert_eq!(rules[0].source.as_deref(), Some("ECMA-262 §27.2.2.2."));
        assert_eq!(rules[0].executed_by.len(), 2);
        assert_eq!(
            rules[0].litmus,
            Some(vec!["a".to_string(), "b".to_string()])
        );
        assert_eq!(rules[0].statement, "What it does.");
        assert!(rules[1].not_modelled());
        assert_eq!(rules[1].litmus, Some(vec![]));
    }

    #[test]
    fn blessing_rewrites_only_litmus_lines() {
        let text = "### ES-1 A\n\n- Litmus: none yet\n\n### ES-2 B\n\n- Litmus: `old`\n";
        let mut m = BTreeMap::new();
        m.insert("ES-1".to_string(), vec!["x".to_string(), "y".to_string()]);
        let out = bless_litmus_lines(text, &m);
        assert_eq!(
            out,
            "### ES-1 A\n\n- Litmus: `x`, `y`\n\n### ES-2 B\n\n- Litmus: none yet\n"
        );
    }
}
