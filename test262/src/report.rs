//! The per-folder table and the totals. A test counts as passed when every run the flags ask
//! for (strict, non-strict or both) passes (SCOPE.md: "over both strict and non-strict runs
//! where the flags ask for both").

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::runner::{Outcome, RunResult};
use crate::scope::OutOfScope;

/// The folders the issues' acceptance names, each a row with the folders it sums.
pub const GROUPS: &[(&str, &[&str])] = &[
    (
        "language/expressions/await",
        &["language/expressions/await/"],
    ),
    (
        "language/statements/async-function",
        &["language/statements/async-function/"],
    ),
    (
        "language/expressions/async-function",
        &["language/expressions/async-function/"],
    ),
    (
        "language/statements/async-generator",
        &["language/statements/async-generator/"],
    ),
    (
        "language/expressions/async-generator",
        &["language/expressions/async-generator/"],
    ),
    (
        "language/statements/for-await-of",
        &["language/statements/for-await-of/"],
    ),
    (
        "built-ins/AsyncGeneratorPrototype",
        &["built-ins/AsyncGeneratorPrototype/"],
    ),
    (
        "built-ins/AsyncFromSyncIteratorPrototype",
        &["built-ins/AsyncFromSyncIteratorPrototype/"],
    ),
    (
        "the async folders (the 8 above)",
        &[
            "language/expressions/await/",
            "language/statements/async-function/",
            "language/expressions/async-function/",
            "language/statements/async-generator/",
            "language/expressions/async-generator/",
            "language/statements/for-await-of/",
            "built-ins/AsyncGeneratorPrototype/",
            "built-ins/AsyncFromSyncIteratorPrototype/",
        ],
    ),
    ("built-ins/Promise", &["built-ins/Promise/"]),
    ("language/", &["language/"]),
    ("built-ins/", &["built-ins/"]),
    ("all in scope", &[""]),
];

/// One row: in-scope tests, passed, failed, and the tests out of scope there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Row {
    pub folder: String,
    pub tests: usize,
    pub passed: usize,
    pub failed: usize,
    pub out_of_scope: usize,
}

/// Whether each test passed (all its runs), by path.
pub fn per_test(results: &[RunResult]) -> BTreeMap<&str, bool> {
    let mut tests: BTreeMap<&str, bool> = BTreeMap::new();
    for r in results {
        *tests.entry(r.path.as_str()).or_insert(true) &= r.pass;
    }
    tests
}

fn row(folder: &str, prefixes: &[&str], tests: &BTreeMap<&str, bool>, outcome: &Outcome) -> Row {
    let matches = |p: &str| prefixes.iter().any(|f| p.starts_with(f));
    let mut row = Row {
        folder: folder.to_string(),
        ..Row::default()
    };
    for (_, pass) in tests.iter().filter(|(p, _)| matches(p)) {
        row.tests += 1;
        if *pass {
            row.passed += 1;
        } else {
            row.failed += 1;
        }
    }
    row.out_of_scope = outcome
        .out_of_scope
        .iter()
        .filter(|(p, _)| matches(p))
        .count();
    row
}

/// The acceptance groups' rows.
pub fn group_rows(outcome: &Outcome) -> Vec<Row> {
    let tests = per_test(&outcome.results);
    GROUPS
        .iter()
        .map(|(name, prefixes)| row(name, prefixes, &tests, outcome))
        .collect()
}

/// One row per folder two levels down (`built-ins/Array`, `language/expressions`, …).
pub fn folder_rows(outcome: &Outcome) -> Vec<Row> {
    let tests = per_test(&outcome.results);
    let folder = |p: &str| -> String {
        let mut parts = p.splitn(3, '/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), Some(_)) => format!("{a}/{b}/"),
            (Some(a), _, _) => format!("{a}/"),
            _ => String::new(),
        }
    };
    let mut folders: Vec<String> = tests
        .keys()
        .map(|p| folder(p))
        .chain(outcome.out_of_scope.iter().map(|(p, _)| folder(p)))
        .collect();
    folders.sort();
    folders.dedup();
    folders
        .iter()
        .map(|f| row(f.trim_end_matches('/'), &[f.as_str()], &tests, outcome))
        .collect()
}

/// A Markdown table of `rows`.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| folder | in scope | passed | failed | pass % | out of scope |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let pct = if r.tests == 0 {
            "–".to_string()
        } else {
            format!("{:.1}", 100.0 * r.passed as f64 / r.tests as f64)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {pct} | {} |",
            r.folder, r.tests, r.passed, r.failed, r.out_of_scope
        );
    }
    out
}

/// The counts of out-of-scope tests by SCOPE.md clause.
pub fn out_of_scope_counts(outcome: &Outcome) -> Vec<(OutOfScope, usize)> {
    OutOfScope::ALL
        .iter()
        .map(|c| {
            (
                *c,
                outcome.out_of_scope.iter().filter(|(_, w)| w == c).count(),
            )
        })
        .collect()
}

/// The closing line: `test262: N passed, M failed` over the in-scope tests.
pub fn closing_line(outcome: &Outcome) -> String {
    let tests = per_test(&outcome.results);
    let passed = tests.values().filter(|p| **p).count();
    format!("test262: {passed} passed, {} failed", tests.len() - passed)
}

/// The whole report as text: the acceptance groups, every folder, the out-of-scope counts,
/// the runs and the time (the closing line is printed by the caller, last).
pub fn text(outcome: &Outcome) -> String {
    let mut out = String::new();
    out.push_str("## test262: the acceptance groups\n\n");
    out.push_str(&table(&group_rows(outcome)));
    out.push_str("\n## test262: every folder\n\n");
    out.push_str(&table(&folder_rows(outcome)));
    out.push_str("\nOut of scope (SCOPE.md):");
    for (clause, n) in out_of_scope_counts(outcome) {
        let _ = write!(out, " {n} {};", clause.describe());
    }
    let runs = outcome.results.len();
    let runs_passed = outcome.results.iter().filter(|r| r.pass).count();
    let _ = writeln!(
        out,
        " {} in all.\nRuns (strict and non-strict): {runs_passed} of {runs} passed, in {:.1} s on {} threads.",
        outcome.out_of_scope.len(),
        outcome.elapsed.as_secs_f64(),
        outcome.threads
    );
    out
}

/// The report as JSON: the rows, the out-of-scope counts and the totals.
pub fn json(outcome: &Outcome) -> serde_json::Value {
    let tests = per_test(&outcome.results);
    let passed = tests.values().filter(|p| **p).count();
    serde_json::json!({
        "groups": group_rows(outcome),
        "folders": folder_rows(outcome),
        "out_of_scope": out_of_scope_counts(outcome)
            .into_iter()
            .map(|(c, n)| (format!("{c:?}"), n))
            .collect::<BTreeMap<_, _>>(),
        "tests": tests.len(),
        "passed": passed,
        "failed": tests.len() - passed,
        "runs": outcome.results.len(),
        "runs_passed": outcome.results.iter().filter(|r| r.pass).count(),
        "seconds": outcome.elapsed.as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Mode;
    use std::time::Duration;

    fn result(path: &str, mode: Mode, pass: bool) -> RunResult {
        RunResult {
            path: path.into(),
            mode,
            pass,
            reason: None,
        }
    }

    #[test]
    fn a_test_passes_only_when_all_its_runs_pass() {
        let outcome = Outcome {
            results: vec![
                result("built-ins/Promise/a.js", Mode::NonStrict, true),
                result("built-ins/Promise/a.js", Mode::Strict, false),
                result("built-ins/Promise/b.js", Mode::Strict, true),
                result(
                    "language/statements/for-await-of/c.js",
                    Mode::NonStrict,
                    true,
                ),
            ],
            out_of_scope: vec![("built-ins/Promise/d.js".into(), OutOfScope::Feature)],
            elapsed: Duration::ZERO,
            threads: 1,
        };
        assert_eq!(closing_line(&outcome), "test262: 2 passed, 1 failed");
        let groups = group_rows(&outcome);
        let promise = groups
            .iter()
            .find(|r| r.folder == "built-ins/Promise")
            .unwrap();
        assert_eq!(
            (
                promise.tests,
                promise.passed,
                promise.failed,
                promise.out_of_scope
            ),
            (2, 1, 1, 1)
        );
        let asyncs = groups
            .iter()
            .find(|r| r.folder.starts_with("the async"))
            .unwrap();
        assert_eq!((asyncs.tests, asyncs.passed), (1, 1));
        let folders: Vec<String> = folder_rows(&outcome)
            .into_iter()
            .map(|r| r.folder)
            .collect();
        assert_eq!(folders, ["built-ins/Promise", "language/statements"]);
        assert!(table(&groups).contains("| built-ins/Promise | 2 | 1 | 1 | 50.0 | 1 |"));
    }
}
