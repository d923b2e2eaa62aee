//! Verdicts per vector and runtime, and the report (Markdown matrix and JSON).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::runner::{Observed, Runtime};
use crate::vector::{AllowedOutcome, Vector};

/// The verdict on one vector and runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every observed outcome is one the runtime's host profile allows.
    Pass,
    /// An observed outcome the model does not allow: a model bug to investigate.
    ModelMiss,
    /// The harness failed (the runtime did not start, a browser never reported).
    Error,
    /// The vector has no outcome set for the runtime's host.
    NotApplicable,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::ModelMiss => "model-miss",
            Verdict::Error => "error",
            Verdict::NotApplicable => "not-applicable",
        }
    }
}

/// Whether an observed run is the allowed outcome `o`. A hang (`timeout`) matches a diverged
/// outcome; errors are compared only when the adapter could capture them.
pub fn matches(obs: &Observed, o: &AllowedOutcome) -> bool {
    if obs.status == "timeout" {
        return o.status == "diverged";
    }
    obs.status == o.status && obs.log == o.log && (!obs.errors_known || obs.errors == o.errors)
}

/// A distinct observed outcome with how many runs showed it.
#[derive(Clone, Debug, Serialize)]
pub struct Seen {
    pub log: Vec<String>,
    pub status: String,
    pub errors: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub errors_unknown: bool,
    pub count: u32,
    /// The index of the allowed outcome it is, if any.
    pub allowed: Option<usize>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// The verdict on one vector and runtime with what was seen.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub vector: String,
    pub runtime: String,
    pub host: String,
    pub verdict: Verdict,
    pub runs: u32,
    /// Allowed outcomes on the host.
    pub allowed: usize,
    /// Allowed outcomes seen at least once.
    pub covered: usize,
    pub seen: Vec<Seen>,
}

/// Judges every (vector, runtime) pair from the observed runs.
pub fn judge(vectors: &[Vector], runtimes: &[Runtime], observed: &[Observed]) -> Vec<Cell> {
    let mut by: BTreeMap<(&str, &str), Vec<&Observed>> = BTreeMap::new();
    for o in observed {
        by.entry((o.vector.as_str(), o.runtime.as_str()))
            .or_default()
            .push(o);
    }
    let mut cells = Vec::new();
    for v in vectors {
        for &rt in runtimes {
            let host = rt.host_for(v);
            let Some(h) = v.hosts.get(host) else {
                cells.push(Cell {
                    vector: v.id.clone(),
                    runtime: rt.name().into(),
                    host: host.into(),
                    verdict: Verdict::NotApplicable,
                    runs: 0,
                    allowed: 0,
                    covered: 0,
                    seen: Vec::new(),
                });
                continue;
            };
            let runs = by
                .get(&(v.id.as_str(), rt.name()))
                .cloned()
                .unwrap_or_default();
            let mut seen: Vec<Seen> = Vec::new();
            let mut verdict = Verdict::Pass;
            for o in &runs {
                let allowed = h.outcomes.iter().position(|a| matches(o, a));
                if o.status == "error" {
                    verdict = verdict.max(Verdict::Error);
                } else if allowed.is_none() && verdict != Verdict::Error {
                    verdict = Verdict::ModelMiss;
                }
                if let Some(s) = seen.iter_mut().find(|s| {
                    s.log == o.log
                        && s.status == o.status
                        && s.errors == o.errors
                        && s.errors_unknown != o.errors_known
                }) {
                    s.count += 1;
                } else {
                    seen.push(Seen {
                        log: o.log.clone(),
                        status: o.status.clone(),
                        errors: o.errors.clone(),
                        errors_unknown: !o.errors_known,
                        count: 1,
                        allowed,
                        detail: if allowed.is_none() {
                            o.detail.clone()
                        } else {
                            String::new()
                        },
                    });
                }
            }
            if runs.is_empty() {
                verdict = Verdict::Error;
            }
            let mut covered: Vec<usize> = seen.iter().filter_map(|s| s.allowed).collect();
            covered.sort_unstable();
            covered.dedup();
            cells.push(Cell {
                vector: v.id.clone(),
                runtime: rt.name().into(),
                host: host.into(),
                verdict,
                runs: runs.len() as u32,
                allowed: h.outcomes.len(),
                covered: covered.len(),
                seen,
            });
        }
    }
    cells
}

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Runtime name → version (or why it does not run).
    pub runtimes: BTreeMap<String, String>,
    pub runs: u32,
    pub elapsed_s: f64,
    pub cells: Vec<Cell>,
}

impl Report {
    pub fn count(&self, v: Verdict) -> usize {
        self.cells.iter().filter(|c| c.verdict == v).count()
    }

    /// 0 when nothing is a model-miss or an error, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        u8::from(self.count(Verdict::ModelMiss) + self.count(Verdict::Error) > 0)
    }

    /// The summary (runtime × verdict counts, coverage), the matrix and the findings.
    pub fn markdown(&self, vectors: &[Vector]) -> String {
        let order: Vec<&String> = self.runtimes.keys().collect();
        let mut rts: Vec<&str> = Vec::new();
        for r in Runtime::ALL {
            if order.iter().any(|o| o.as_str() == r.name()) {
                rts.push(r.name());
            }
        }
        let mut s = String::new();
        let _ = writeln!(s, "# Conformance report\n");
        let _ = writeln!(
            s,
            "{} vectors, runs per nondeterministic vector: {}, {:.0} s.\n",
            vectors.len(),
            self.runs,
            self.elapsed_s
        );
        let _ = writeln!(
            s,
            "| runtime | version | pass | model-miss | error | not-applicable | allowed outcomes seen |"
        );
        let _ = writeln!(s, "| --- | --- | --- | --- | --- | --- | --- |");
        for r in &rts {
            let cs: Vec<&Cell> = self.cells.iter().filter(|c| c.runtime == *r).collect();
            let n = |v: Verdict| cs.iter().filter(|c| c.verdict == v).count();
            let allowed: usize = cs.iter().map(|c| c.allowed).sum();
            let covered: usize = cs.iter().map(|c| c.covered).sum();
            let _ = writeln!(
                s,
                "| {r} | {} | {} | {} | {} | {} | {covered}/{allowed} |",
                self.runtimes.get(*r).map_or("", String::as_str),
                n(Verdict::Pass),
                n(Verdict::ModelMiss),
                n(Verdict::Error),
                n(Verdict::NotApplicable),
            );
        }
        let _ = writeln!(
            s,
            "\n## Matrix\n\n`pass k/n`: k of the n allowed outcomes were seen; `MISS`: model-miss; `n/a`: not applicable.\n"
        );
        let _ = writeln!(s, "| vector | {} |", rts.join(" | "));
        let _ = writeln!(s, "| --- |{}", " --- |".repeat(rts.len()));
        for v in vectors {
            let mut row = format!("| {} |", v.id);
            for r in &rts {
                let cell = self
                    .cells
                    .iter()
                    .find(|c| c.vector == v.id && c.runtime == *r);
                let text = match cell {
                    None => String::new(),
                    Some(c) => match c.verdict {
                        Verdict::Pass if c.allowed > 1 => {
                            format!("pass {}/{}", c.covered, c.allowed)
                        }
                        Verdict::Pass => "pass".into(),
                        Verdict::ModelMiss => "**MISS**".into(),
                        Verdict::Error => "**error**".into(),
                        Verdict::NotApplicable => "n/a".into(),
                    },
                };
                let _ = write!(row, " {text} |");
            }
            let _ = writeln!(s, "{row}");
        }
        let bad: Vec<&Cell> = self
            .cells
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::ModelMiss | Verdict::Error))
            .collect();
        if !bad.is_empty() {
            let _ = writeln!(s, "\n## Findings\n");
            for c in bad {
                let v = vectors.iter().find(|v| v.id == c.vector);
                let _ = writeln!(
                    s,
                    "### {} on {} ({}; host {})\n",
                    c.vector,
                    c.runtime,
                    c.verdict.name(),
                    c.host
                );
                if let Some(v) = v {
                    let _ = writeln!(
                        s,
                        "Program ({}):\n\n```js\n{}\n```\n",
                        v.provenance.file,
                        v.source.trim_end()
                    );
                    let _ = writeln!(s, "Allowed by the model:\n");
                    if let Some(h) = v.hosts.get(&c.host) {
                        for (i, o) in h.outcomes.iter().enumerate() {
                            let _ = writeln!(
                                s,
                                "{}. {} {:?}{}",
                                i + 1,
                                o.status,
                                o.log,
                                if o.errors.is_empty() {
                                    String::new()
                                } else {
                                    format!(" errors {:?}", o.errors)
                                }
                            );
                        }
                    }
                }
                let _ = writeln!(s, "\nObserved ({} runs):\n", c.runs);
                for o in &c.seen {
                    let _ = writeln!(
                        s,
                        "- {}× {} {:?}{}{}",
                        o.count,
                        o.status,
                        o.log,
                        if o.errors_unknown {
                            " errors not captured".to_string()
                        } else if o.errors.is_empty() {
                            String::new()
                        } else {
                            format!(" errors {:?}", o.errors)
                        },
                        match o.allowed {
                            Some(i) => format!(" (allowed #{})", i + 1),
                            None => " (NOT allowed)".into(),
                        }
                    );
                    if !o.detail.is_empty() {
                        let _ = writeln!(s, "\n  ```\n  {}\n  ```", o.detail.replace('\n', "\n  "));
                    }
                }
                let _ = writeln!(s);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(log: &[&str], status: &str, errors: &[&str], known: bool) -> Observed {
        Observed {
            vector: "v".into(),
            runtime: "node".into(),
            log: log.iter().map(|s| s.to_string()).collect(),
            status: status.into(),
            errors: errors.iter().map(|s| s.to_string()).collect(),
            errors_known: known,
            exit_code: None,
            detail: String::new(),
            elapsed_ms: 0,
        }
    }

    fn allowed(log: &[&str], status: &str, errors: &[&str]) -> AllowedOutcome {
        AllowedOutcome {
            log: log.iter().map(|s| s.to_string()).collect(),
            status: status.into(),
            errors: errors.iter().map(|s| s.to_string()).collect(),
            witness: Vec::new(),
        }
    }

    #[test]
    fn an_outcome_matches_on_log_status_and_known_errors() {
        let a = allowed(&["x"], "uncaught", &["Uncaught Error: e"]);
        assert!(matches(
            &obs(&["x"], "uncaught", &["Uncaught Error: e"], true),
            &a
        ));
        assert!(!matches(
            &obs(&["x"], "uncaught", &["Uncaught 1"], true),
            &a
        ));
        assert!(matches(&obs(&["x"], "uncaught", &[], false), &a));
        assert!(!matches(&obs(&["y"], "uncaught", &[], false), &a));
        assert!(!matches(&obs(&["x"], "completed", &[], true), &a));
        assert!(!matches(&obs(&["x"], "timeout", &[], true), &a));
        assert!(matches(
            &obs(&["x"], "timeout", &[], true),
            &allowed(&["x", "x"], "diverged", &[])
        ));
    }
}
