//! The committed expectations: one line per in-scope run that fails today,
//! `PATH [MODE] REASON`, as engine262 and Boa track test262. A failing run that is not listed
//! is a regression (the run exits non-zero); a listed run that passes now is reported so the
//! file can be brought up to date with `--update-expectations`.

use std::collections::{BTreeMap, BTreeSet};

use crate::exec::Mode;
use crate::runner::RunResult;

/// A run: the test's path and its mode.
pub type Key = (String, Mode);

/// The expected failures, with their recorded reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations(pub BTreeMap<Key, String>);

/// How a run compares with the expectations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Failing runs not listed, with their reasons.
    pub regressions: Vec<(Key, String)>,
    /// Listed runs that pass now.
    pub fixed: Vec<Key>,
    /// Listed runs of tests this run did not find (deleted, or now out of scope).
    pub stale: Vec<Key>,
}

const HEADER: &str = "\
# test262 expectations: every in-scope run that fails today, `PATH [MODE] REASON`.
# CI fails when a run that is not listed here fails (a regression). Regenerate with
#   cargo run -p evloop-test262 --release -- --update-expectations
# and review the diff: lines only go away as the engine and the frontend grow.
";

impl Expectations {
    /// Parses the file's text; `#` lines and blank lines are comments.
    ///
    /// # Errors
    /// A line that is not `PATH [MODE] REASON`, with its line number.
    pub fn parse(text: &str) -> Result<Expectations, String> {
        let mut map = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                format!(
                    "expectations line {}: expected `PATH [MODE] REASON`: {line}",
                    i + 1
                )
            };
            let (path, rest) = line.split_once(' ').ok_or_else(bad)?;
            let rest = rest.trim_start().strip_prefix('[').ok_or_else(bad)?;
            let (mode, reason) = rest.split_once(']').ok_or_else(bad)?;
            let mode = Mode::from_name(mode).ok_or_else(bad)?;
            map.insert((path.to_string(), mode), reason.trim().to_string());
        }
        Ok(Expectations(map))
    }

    /// The failing runs of `results`.
    pub fn from_results(results: &[RunResult]) -> Expectations {
        Expectations(
            results
                .iter()
                .filter(|r| !r.pass)
                .map(|r| {
                    let reason = r.reason.clone().unwrap_or_default();
                    ((r.path.clone(), r.mode), reason)
                })
                .collect(),
        )
    }

    /// Compares `results` with the expectations. Only the tests under `filters` (all if
    /// empty) are judged: a filtered run leaves the rest alone. A listed run under the
    /// filters that was not made is stale (its test is gone, out of scope, or no longer run
    /// in that mode).
    pub fn compare(&self, results: &[RunResult], filters: &[String]) -> Comparison {
        let mut c = Comparison::default();
        for r in results {
            let key = (r.path.clone(), r.mode);
            match (r.pass, self.0.contains_key(&key)) {
                (false, false) => c
                    .regressions
                    .push((key, r.reason.clone().unwrap_or_default())),
                (true, true) => c.fixed.push(key),
                _ => {}
            }
        }
        let ran: BTreeSet<(&str, Mode)> =
            results.iter().map(|r| (r.path.as_str(), r.mode)).collect();
        for key in self.0.keys() {
            let judged =
                filters.is_empty() || filters.iter().any(|f| key.0.starts_with(f.as_str()));
            if judged && !ran.contains(&(key.0.as_str(), key.1)) {
                c.stale.push(key.clone());
            }
        }
        c
    }

    /// The expectations after `results`: the failures of the runs made, and the entries of
    /// the tests not run (outside a filter) kept as they were, unless `stale`.
    pub fn updated(&self, results: &[RunResult], stale: &[Key]) -> Expectations {
        let ran: BTreeSet<&str> = results.iter().map(|r| r.path.as_str()).collect();
        let mut next = Expectations::from_results(results);
        for (key, reason) in &self.0 {
            if !ran.contains(key.0.as_str()) && !stale.contains(key) {
                next.0.insert(key.clone(), reason.clone());
            }
        }
        next
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for ((path, mode), reason) in &self.0 {
            out.push_str(&format!("{path} [{}] {reason}\n", mode.name()));
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
        let e = Expectations::parse("# c\n\na.js [strict] unsupported construct `switch statement`\nb.js [non-strict] timeout\n").unwrap();
        assert_eq!(e.0.len(), 2);
        assert_eq!(
            e.0[&("a.js".into(), Mode::Strict)],
            "unsupported construct `switch statement`"
        );
        assert_eq!(Expectations::parse(&e.render()).unwrap(), e);
        assert!(Expectations::parse("a.js strict x").is_err());
        assert!(Expectations::parse("a.js [sloppy] x").is_err());
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
        let c = e.compare(&results, &["a".into(), "b".into(), "g".into()]);
        assert_eq!(
            c.regressions,
            [(("a.js".into(), Mode::NonStrict), "new".into())]
        );
        assert_eq!(c.fixed, [("b.js".into(), Mode::Strict)]);
        assert_eq!(c.stale, [("gone.js".into(), Mode::Strict)]);
        let next = e.updated(&results, &c.stale);
        let keys: Vec<&Key> = next.0.keys().collect();
        assert_eq!(
            keys,
            [
                &("a.js".into(), Mode::NonStrict),
                &("a.js".into(), Mode::Strict),
                &("other.js".into(), Mode::Strict)
            ]
        );
    }
}
