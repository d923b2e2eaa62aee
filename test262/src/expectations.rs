//! The committed expectations: one line per in-scope test that fails today,
//! `PATH [MODES] REASON` (MODES: `strict`, `non-strict` or `both`), as engine262 and Boa track
//! test262. A failing run that is not listed is a regression (the run exits non-zero); a
//! listed run that passes now is reported so the file can be brought up to date with
//! `--update-expectations`.

use std::collections::{BTreeMap, BTreeSet};

use crate::exec::Mode;
use crate::runner::RunResult;

/// A run: the test's path and its mode.
pub type Key = (String, Mode);

/// The failing runs of one test and the reason recorded for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub modes: BTreeSet<Mode>,
    pub reason: String,
}

/// The expected failures by test path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations(pub BTreeMap<String, Entry>);

/// How a run compares with the expectations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Failing runs not listed, with their reasons.
    pub regressions: Vec<(Key, String)>,
    /// Listed runs that pass now.
    pub fixed: Vec<Key>,
    /// Listed runs under the filters that were not made (the test is gone, out of scope, or
    /// no longer run in that mode).
    pub stale: Vec<Key>,
}

/// The longest reason the file keeps (the results file has the full one).
const REASON_CHARS: usize = 100;

const HEADER: &str = "\
# test262 expectations: every in-scope test that fails today, `PATH [MODES] REASON`
# (MODES: strict, non-strict or both). CI fails when a run that is not listed here fails
# (a regression). Regenerate with
#   cargo run -p evloop-test262 --release -- --update-expectations
# and review the diff: lines only go away as the engine and the frontend grow.
";

fn modes_name(modes: &BTreeSet<Mode>) -> &'static str {
    match (
        modes.contains(&Mode::NonStrict),
        modes.contains(&Mode::Strict),
    ) {
        (true, true) => "both",
        (false, true) => "strict",
        _ => "non-strict",
    }
}

fn parse_modes(s: &str) -> Option<BTreeSet<Mode>> {
    match s {
        "both" => Some([Mode::NonStrict, Mode::Strict].into()),
        _ => Mode::from_name(s).map(|m| [m].into()),
    }
}

fn short(reason: &str) -> String {
    match reason.char_indices().nth(REASON_CHARS) {
        Some((i, _)) => format!("{}…", &reason[..i]),
        None => reason.to_string(),
    }
}

impl Expectations {
    /// Parses the file's text; `#` lines and blank lines are comments.
    ///
    /// # Errors
    /// A line that is not `PATH [MODES] REASON`, with its line number.
    pub fn parse(text: &str) -> Result<Expectations, String> {
        let mut map = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                format!(
                    "expectations line {}: expected `PATH [MODES] REASON`: {line}",
                    i + 1
                )
            };
            let (path, rest) = line.split_once(' ').ok_or_else(bad)?;
            let rest = rest.trim_start().strip_prefix('[').ok_or_else(bad)?;
            let (modes, reason) = rest.split_once(']').ok_or_else(bad)?;
            let modes = parse_modes(modes).ok_or_else(bad)?;
            let reason = reason.trim().to_string();
            map.insert(path.to_string(), Entry { modes, reason });
        }
        Ok(Expectations(map))
    }

    /// The failing runs of `results`, one entry per test with the first failing run's
    /// reason.
    pub fn from_results(results: &[RunResult]) -> Expectations {
        let mut map: BTreeMap<String, Entry> = BTreeMap::new();
        for r in results.iter().filter(|r| !r.pass) {
            map.entry(r.path.clone())
                .or_insert_with(|| Entry {
                    modes: BTreeSet::new(),
                    reason: short(r.reason.as_deref().unwrap_or_default()),
                })
                .modes
                .insert(r.mode);
        }
        Expectations(map)
    }

    /// Whether the run of `path` in `mode` is expected to fail.
    pub fn expects(&self, path: &str, mode: Mode) -> bool {
        self.0.get(path).is_some_and(|e| e.modes.contains(&mode))
    }

    /// Compares `results` with the expectations. Only the tests under `filters` (all if
    /// empty) are judged: a filtered run leaves the rest alone.
    pub fn compare(&self, results: &[RunResult], filters: &[String]) -> Comparison {
        let mut c = Comparison::default();
        for r in results {
            match (r.pass, self.expects(&r.path, r.mode)) {
                (false, false) => c.regressions.push((
                    (r.path.clone(), r.mode),
                    r.reason.clone().unwrap_or_default(),
                )),
                (true, true) => c.fixed.push((r.path.clone(), r.mode)),
                _ => {}
            }
        }
        let ran: BTreeSet<(&str, Mode)> =
            results.iter().map(|r| (r.path.as_str(), r.mode)).collect();
        for (path, entry) in &self.0 {
            let judged = filters.is_empty() || filters.iter().any(|f| path.starts_with(f.as_str()));
            for mode in &entry.modes {
                if judged && !ran.contains(&(path.as_str(), *mode)) {
                    c.stale.push((path.clone(), *mode));
                }
            }
        }
        c
    }

    /// The expectations after `results`: the failures of the tests run, and the entries of
    /// the tests not run (outside a filter) kept as they were, unless stale.
    pub fn updated(&self, results: &[RunResult], filters: &[String]) -> Expectations {
        let ran: BTreeSet<&str> = results.iter().map(|r| r.path.as_str()).collect();
        let mut next = Expectations::from_results(results);
        for (path, entry) in &self.0 {
            let judged = filters.is_empty() || filters.iter().any(|f| path.starts_with(f.as_str()));
            if !judged && !ran.contains(path.as_str()) {
                next.0.insert(path.clone(), entry.clone());
            }
        }
        next
    }

    /// The number of expected failing runs.
    pub fn runs(&self) -> usize {
        self.0.values().map(|e| e.modes.len()).sum()
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for (path, e) in &self.0 {
            out.push_str(&format!("{path} [{}] {}\n", modes_name(&e.modes), e.reason));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(path: &str, mode: Mode, reason: Option<&str>) -> RunResult {
        RunResult {
            path: path.into(),
            mode,
            pass: reason.is_none(),
            reason: reason.map(Into::into),
        }
    }

    #[test]
    fn round_trips() {
        let e = Expectations::parse(
            "# c\n\na.js [strict] unsupported construct `class declaration`\nb.js [both] timeout\nc.js [non-strict] x\n",
        )
        .unwrap();
        assert_eq!(e.0.len(), 3);
        assert_eq!(e.runs(), 4);
        assert!(e.expects("a.js", Mode::Strict) && !e.expects("a.js", Mode::NonStrict));
        assert!(e.expects("b.js", Mode::Strict) && e.expects("b.js", Mode::NonStrict));
        assert_eq!(
            e.0["a.js"].reason,
            "unsupported construct `class declaration`"
        );
        assert_eq!(Expectations::parse(&e.render()).unwrap(), e);
        assert!(Expectations::parse("a.js strict x").is_err());
        assert!(Expectations::parse("a.js [sloppy] x").is_err());
    }

    #[test]
    fn one_line_per_test_with_a_short_reason() {
        let long = "r".repeat(300);
        let e = Expectations::from_results(&[
            result("a.js", Mode::NonStrict, Some(&long)),
            result("a.js", Mode::Strict, Some("other")),
            result("b.js", Mode::NonStrict, None),
        ]);
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0["a.js"].modes.len(), 2);
        assert_eq!(e.0["a.js"].reason.chars().count(), REASON_CHARS + 1);
    }

    #[test]
    fn regressions_fixed_and_stale() {
        let e = Expectations::parse(
            "a.js [strict] x\nb.js [strict] y\ngone.js [strict] z\nother.js [strict] w\n",
        )
        .unwrap();
        let results = vec![
            result("a.js", Mode::Strict, Some("x")),
            result("a.js", Mode::NonStrict, Some("new")),
            result("b.js", Mode::Strict, None),
        ];
        let filters = ["a".to_string(), "b".into(), "g".into()];
        let c = e.compare(&results, &filters);
        assert_eq!(
            c.regressions,
            [(("a.js".into(), Mode::NonStrict), "new".into())]
        );
        assert_eq!(c.fixed, [("b.js".into(), Mode::Strict)]);
        assert_eq!(c.stale, [("gone.js".into(), Mode::Strict)]);
        let next = e.updated(&results, &filters);
        let paths: Vec<&String> = next.0.keys().collect();
        assert_eq!(paths, ["a.js", "other.js"]);
        assert_eq!(next.0["a.js"].modes.len(), 2);
    }
}
