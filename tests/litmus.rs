//! Runs every litmus file in spec/litmus through the model on each of its hosts and compares
//! the set of outcomes the model allows with the set the frontmatter records (observed on
//! real runtimes).

use std::collections::BTreeSet;
use std::path::Path;

use evloop::litmus::{ExpectedOutcome, Litmus};
use evloop_model::Host;
use evloop_model::explore::explore;

/// The model's outcomes in the frontmatter's terms (only the fields the test pins down).
fn as_expected(o: &evloop_model::Outcome, like: Option<&ExpectedOutcome>) -> ExpectedOutcome {
    ExpectedOutcome {
        log: o.log.clone(),
        status: o.status.name().to_string(),
        errors: like
            .and_then(|l| l.errors.as_ref())
            .map(|_| o.errors.clone()),
        vars: like.and_then(|l| l.vars.as_ref()).map(|want| {
            want.keys()
                .map(|k| {
                    (
                        k.clone(),
                        o.vars.get(k).cloned().unwrap_or_else(|| "<missing>".into()),
                    )
                })
                .collect()
        }),
    }
}

#[test]
fn every_litmus_file_matches_the_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/litmus");
    let tests = Litmus::load_dir(&dir).expect("litmus files parse");
    assert!(!tests.is_empty(), "no litmus files in {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in &tests {
        let stem = t
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert_eq!(
            t.meta.id,
            stem,
            "{}: id must equal the file name",
            t.path.display()
        );
        assert!(
            !t.meta.observed.is_empty(),
            "{}: say which real runtime printed the outcomes",
            t.path.display()
        );
        for host_name in &t.meta.hosts {
            let Some(host) = Host::from_name(host_name) else {
                failures.push(format!("{}: unknown host {host_name}", t.path.display()));
                continue;
            };
            let name = t.path.display().to_string();
            let program = match evloop::load::compile(&t.source, &name, host) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{name}: does not compile: {e}"));
                    continue;
                }
            };
            let expected: Vec<ExpectedOutcome> =
                t.meta.outcomes.get(host_name).cloned().unwrap_or_default();
            let exploration = explore(program, host, 200_000);
            if !exploration.complete {
                failures.push(format!(
                    "{name} [{host_name}]: exploration incomplete after {} states",
                    exploration.states
                ));
                continue;
            }
            let like = expected.first();
            let got: BTreeSet<ExpectedOutcome> = exploration
                .outcomes
                .keys()
                .map(|o| as_expected(o, like))
                .collect();
            let want: BTreeSet<ExpectedOutcome> = expected.into_iter().collect();
            checked += 1;
            if got != want {
                let show = |s: &BTreeSet<ExpectedOutcome>| {
                    s.iter()
                        .map(|o| format!("    {:?} {} {:?}", o.log, o.status, o.errors))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                failures.push(format!(
                    "{name} [{host_name}]:\n  model:\n{}\n  expected:\n{}",
                    show(&got),
                    show(&want)
                ));
            }
        }
    }
    println!(
        "litmus: {checked} (file, host) pairs checked, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} litmus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
