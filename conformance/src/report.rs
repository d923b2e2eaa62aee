//! Verdicts per vector and runtime, and the report (Markdown matrix and JSON).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::runner::Observed;
use crate::runtime::Runtime;
use crate::vector::{AllowedOutcome, Vector};

/// The verdict on one vector and runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every observed outcome is one the runtime's host profile allows, and Node's profile
    /// allows it too.
    Pass,
    /// Every observed outcome is allowed by the runtime's profile, and at least one only
    /// because of a documented deviation of that profile from Node's (RT-1..RT-3).
    Deviation,
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
            Verdict::Deviation => "deviation",
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
    /// Otherwise, the index of the outcome allowed only under load (MODEL-7) it is, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub under_load: Option<usize>,
    /// The documented deviations that make it allowed (Deno, Bun).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<crate::vector::DeviationRef>,
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
    /// Runs whose outcome the model allows only when time passes while JavaScript runs
    /// (MODEL-7).
    pub runs_under_load: u32,
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
                    runs_under_load: 0,
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
            let mut runs_under_load = 0;
            for o in &runs {
                let allowed = h.outcomes.iter().position(|a| matches(o, a));
                let under_load = allowed
                    .is_none()
                    .then(|| h.under_load.iter().position(|a| matches(o, a)))
                    .flatten();
                let deviations = match (allowed, under_load) {
                    (Some(i), _) => h.outcomes[i].deviations.clone(),
                    (None, Some(i)) => h.under_load[i].deviations.clone(),
                    (None, None) => Vec::new(),
                };
                runs_under_load += u32::from(under_load.is_some());
                if o.status == "error" {
                    verdict = verdict.max(Verdict::Error);
                } else if allowed.is_none() && under_load.is_none() {
                    verdict = verdict.max(Verdict::ModelMiss);
                } else if !deviations.is_empty() {
                    verdict = verdict.max(Verdict::Deviation);
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
                        under_load,
                        deviations,
                        detail: if allowed.is_none() && under_load.is_none() {
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
                runs_under_load,
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
            "| runtime | version | pass | deviation | model-miss | error | not-applicable | allowed outcomes seen | runs needing MODEL-7 |"
        );
        let _ = writeln!(s, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for r in &rts {
            let cs: Vec<&Cell> = self.cells.iter().filter(|c| c.runtime == *r).collect();
            let n = |v: Verdict| cs.iter().filter(|c| c.verdict == v).count();
            let allowed: usize = cs.iter().map(|c| c.allowed).sum();
            let covered: usize = cs.iter().map(|c| c.covered).sum();
            let loaded: u32 = cs.iter().map(|c| c.runs_under_load).sum();
            let runs: u32 = cs.iter().map(|c| c.runs).sum();
            let _ = writeln!(
                s,
                "| {r} | {} | {} | {} | {} | {} | {} | {covered}/{allowed} | {loaded}/{runs} |",
                self.runtimes.get(*r).map_or("", String::as_str),
                n(Verdict::Pass),
                n(Verdict::Deviation),
                n(Verdict::ModelMiss),
                n(Verdict::Error),
                n(Verdict::NotApplicable),
            );
        }
        let _ = writeln!(
            s,
            "\n## Matrix\n\n`pass k/n`: k of the n allowed outcomes were seen; `+L`: runs whose outcome needs time to pass while JavaScript runs (MODEL-7); `dev`: a documented deviation (below); `MISS`: model-miss; `n/a`: not applicable.\n"
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
                        Verdict::Pass | Verdict::Deviation => {
                            let mut t = if c.verdict == Verdict::Pass {
                                "pass".to_string()
                            } else {
                                "dev".to_string()
                            };
                            if c.allowed > 1 {
                                let _ = write!(t, " {}/{}", c.covered, c.allowed);
                            }
                            if c.runs_under_load > 0 {
                                let _ = write!(t, " +L{}", c.runs_under_load);
                            }
                            t
                        }
                        Verdict::ModelMiss => "**MISS**".into(),
                        Verdict::Error => "**error**".into(),
                        Verdict::NotApplicable => "n/a".into(),
                    },
                };
                let _ = write!(row, " {text} |");
            }
            let _ = writeln!(s, "{row}");
        }
        self.deviations_markdown(&mut s);
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
                        match (o.allowed, o.under_load) {
                            (Some(i), _) => format!(" (allowed #{})", i + 1),
                            (None, Some(i)) => format!(" (allowed under load #{})", i + 1),
                            (None, None) => " (NOT allowed)".into(),
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

    /// The documented deviations seen: per runtime, each profile flag with its rule, what it
    /// does, and the vectors where a run showed it.
    fn deviations_markdown(&self, s: &mut String) {
        let mut by: BTreeMap<(&str, &crate::vector::DeviationRef), Vec<&str>> = BTreeMap::new();
        for c in &self.cells {
            for seen in &c.seen {
                for d in &seen.deviations {
                    let v = by.entry((c.runtime.as_str(), d)).or_default();
                    if !v.contains(&c.vector.as_str()) {
                        v.push(&c.vector);
                    }
                }
            }
        }
        if by.is_empty() {
            return;
        }
        let _ = writeln!(
            s,
            "\n## Deviations\n\nOutcomes the runtime's profile allows and Node's does not, each \
             attributed to the documented profile flag without which the model would not allow \
             it (spec/runtimes.md).\n"
        );
        let _ = writeln!(
            s,
            "| runtime | rule | flag | what the runtime does | vectors |"
        );
        let _ = writeln!(s, "| --- | --- | --- | --- | --- |");
        for ((rt, d), vs) in by {
            let _ = writeln!(
                s,
                "| {rt} | {} | `{}` | {} | {} |",
                d.rule,
                d.flag,
                d.summary,
                vs.join(", ")
            );
        }
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
            deviations: Vec::new(),
        }
    }

    fn vector(outcomes: Vec<AllowedOutcome>, under_load: Vec<AllowedOutcome>) -> Vector {
        let host = crate::vector::HostOutcomes {
            complete: true,
            states: 1,
            outcomes,
            under_load,
            under_load_complete: true,
        };
        Vector {
            format: crate::vector::FORMAT,
            id: "v".into(),
            description: String::new(),
            source: String::new(),
            module: crate::vector::ModuleKind::Script,
            markup: None,
            events: Vec::new(),
            rules: Vec::new(),
            hosts: [
                ("node".to_string(), host.clone()),
                ("bun".to_string(), host),
            ]
            .into(),
            provenance: crate::vector::Provenance {
                file: "v.js".into(),
                source: String::new(),
                observed: Vec::new(),
            },
        }
    }

    fn verdict(v: &Vector, rt: Runtime, runs: &[&[&str]]) -> Cell {
        let observed: Vec<Observed> = runs
            .iter()
            .map(|l| Observed {
                runtime: rt.name().into(),
                ..obs(l, "completed", &[], true)
            })
            .collect();
        judge(std::slice::from_ref(v), &[rt], &observed).remove(0)
    }

    #[test]
    fn verdicts_pass_deviation_under_load_and_model_miss() {
        let dev = crate::vector::DeviationRef {
            rule: "RT-2".into(),
            flag: "finally_without_wrapper".into(),
            summary: "s".into(),
        };
        let v = vector(
            vec![allowed(&["a", "b"], "completed", &[]), {
                let mut o = allowed(&["b", "a"], "completed", &[]);
                o.deviations = vec![dev.clone()];
                o
            }],
            vec![allowed(&["b"], "completed", &[])],
        );
        let c = verdict(&v, Runtime::Node, &[&["a", "b"], &["a", "b"]]);
        assert_eq!(
            (c.verdict, c.covered, c.runs_under_load),
            (Verdict::Pass, 1, 0)
        );
        // An outcome allowed only under load (MODEL-7) passes, and is counted.
        let c = verdict(&v, Runtime::Node, &[&["a", "b"], &["b"]]);
        assert_eq!((c.verdict, c.runs_under_load), (Verdict::Pass, 1));
        assert_eq!(c.seen[1].under_load, Some(0));
        // An outcome allowed only by a documented deviation.
        let c = verdict(&v, Runtime::Bun, &[&["b", "a"], &["a", "b"]]);
        assert_eq!(c.verdict, Verdict::Deviation);
        assert_eq!(c.seen[0].deviations, vec![dev]);
        // Anything else is a model-miss, whatever else was seen.
        let c = verdict(&v, Runtime::Bun, &[&["b", "a"], &["c"]]);
        assert_eq!(c.verdict, Verdict::ModelMiss);
        let report = Report {
            runtimes: [("bun".to_string(), "1".to_string())].into(),
            runs: 2,
            elapsed_s: 0.0,
            cells: vec![verdict(&v, Runtime::Bun, &[&["b", "a"]])],
        };
        let md = report.markdown(std::slice::from_ref(&v));
        assert!(
            md.contains("| bun | RT-2 | `finally_without_wrapper` | s | v |"),
            "{md}"
        );
        assert_eq!(report.exit_code(), 0);
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
