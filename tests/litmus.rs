//! Runs every litmus file in spec/litmus through the checker on each of its hosts: the set of
//! outcomes over every schedule must equal the set the frontmatter records (observed on real
//! runtimes), and every claim must have the verdict the frontmatter gives it on that host.

use std::collections::BTreeSet;
use std::path::Path;

use evloop_checker::{Claim, Exploration, Limits, Options, Verdict, explore};
use evloop_litmus::{ExpectedOutcome, Litmus};
use evloop_model::{Choice, Host};

/// The most states one (file, host) pair may take.
const MAX_STATES: usize = 200_000;

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

fn schedule(s: &[Choice]) -> String {
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

/// Checks the file's claims on one host; pushes a message for each claim that does not
/// parse, has no verdict for the host, or has another verdict than the file says.
fn check_claims(t: &Litmus, host_name: &str, x: &Exploration, failures: &mut Vec<String>) {
    let name = t.path.display();
    for c in &t.meta.claims {
        let claim = match Claim::parse(&c.claim)
            .and_then(|claim| claim.check_variables(&x.program).map(|()| claim))
        {
            Ok(claim) => claim,
            Err(e) => {
                failures.push(format!("{name}: claim {}", e.render(&c.claim)));
                continue;
            }
        };
        let Some(want) = c.holds.on(host_name) else {
            failures.push(format!(
                "{name} [{host_name}]: claim `{}` has no verdict for {host_name} (holds: {{{host_name}: true|false}})",
                c.claim
            ));
            continue;
        };
        let j = x.judge(&c.claim, &claim);
        let got = match j.verdict {
            Verdict::Holds => true,
            Verdict::Fails => false,
            Verdict::Unknown => {
                failures.push(format!(
                    "{name} [{host_name}]: claim `{}` is undecided (exploration incomplete)",
                    c.claim
                ));
                continue;
            }
        };
        if got != want {
            let detail = match &j.counterexample {
                Some(cx) => format!(
                    "\n  counterexample: {:?} {} ({})",
                    cx.outcome.log,
                    cx.outcome.status.name(),
                    schedule(&cx.witness)
                ),
                None => format!(
                    "\n  the model's outcomes:\n{}",
                    x.outcomes
                        .iter()
                        .map(|f| format!(
                            "    {:?} {} ({})",
                            f.outcome.log,
                            f.outcome.status.name(),
                            schedule(&f.witness)
                        ))
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
            };
            failures.push(format!(
                "{name} [{host_name}]: claim `{}` {} in the model, but the file says it {}{}{detail}",
                c.claim,
                if got { "holds" } else { "fails" },
                if want { "holds" } else { "fails" },
                if c.why.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", c.why)
                },
            ));
        }
    }
}

#[test]
fn every_litmus_file_matches_the_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/litmus");
    let tests = Litmus::load_dir(&dir).expect("litmus files parse");
    assert!(!tests.is_empty(), "no litmus files in {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut claims = 0;
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
        let timing = match t.meta.timing() {
            Ok(timing) => timing,
            Err(e) => {
                failures.push(format!("{}: {e}", t.path.display()));
                continue;
            }
        };
        for host_name in &t.meta.hosts {
            let Some(host) = Host::from_name(host_name) else {
                failures.push(format!("{}: unknown host {host_name}", t.path.display()));
                continue;
            };
            let name = t.path.display().to_string();
            let program = match t.program(host) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{name}: does not compile: {e}"));
                    continue;
                }
            };
            let expected: Vec<ExpectedOutcome> =
                t.meta.outcomes.get(host_name).cloned().unwrap_or_default();
            let mut options = Options {
                limits: Limits {
                    max_states: MAX_STATES,
                    ..Limits::default()
                },
                threads: 1,
                progress: None,
                setup: evloop_model::Setup {
                    timing,
                    profile: None,
                    page: match t.page(host) {
                        Ok(p) => p,
                        Err(e) => {
                            failures.push(e);
                            continue;
                        }
                    },
                    ..evloop_model::Setup::default()
                },
            };
            let exploration = match explore(program, host, &mut options) {
                Ok(x) => x,
                Err(e) => {
                    failures.push(format!("{name} [{host_name}]: {e}"));
                    continue;
                }
            };
            if !exploration.complete {
                failures.push(format!(
                    "{name} [{host_name}]: exploration incomplete after {} states ({})",
                    exploration.states,
                    exploration.limit.map(|l| l.to_string()).unwrap_or_default()
                ));
                continue;
            }
            let like = expected.first();
            let got: BTreeSet<ExpectedOutcome> = exploration
                .outcomes
                .iter()
                .map(|f| as_expected(&f.outcome, like))
                .collect();
            let want: BTreeSet<ExpectedOutcome> = expected.iter().cloned().collect();
            checked += 1;
            if got != want {
                let show = |s: &BTreeSet<ExpectedOutcome>| {
                    s.iter()
                        .map(|o| {
                            let witness = exploration
                                .outcomes
                                .iter()
                                .find(|f| as_expected(&f.outcome, like) == *o)
                                .map(|f| format!(" ({})", schedule(&f.witness)))
                                .unwrap_or_default();
                            format!("    {:?} {} {:?}{witness}", o.log, o.status, o.errors)
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let missing: BTreeSet<ExpectedOutcome> = want.difference(&got).cloned().collect();
                let extra: BTreeSet<ExpectedOutcome> = got.difference(&want).cloned().collect();
                failures.push(format!(
                    "{name} [{host_name}]:\n  model:\n{}\n  expected:\n{}\n  only in the model:\n{}\n  only expected:\n{}",
                    show(&got),
                    show(&want),
                    show(&extra),
                    show(&missing)
                ));
            }
            claims += t.meta.claims.len();
            check_claims(t, host_name, &exploration, &mut failures);
        }
    }
    println!(
        "litmus: {checked} (file, host) pairs checked, {claims} claim verdicts, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} litmus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
