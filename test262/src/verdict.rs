//! Whether a run passes (INTERPRETING.md, "Test Results", `negative`, `async`).
//!
//! A run passes when it completes without an uncaught exception, except that a `negative`
//! test passes only when it fails in the stated phase with an error of the stated type, and
//! an `async` test passes only when it prints `Test262:AsyncTestComplete` (through `$DONE`)
//! before any `Test262:AsyncTestFailure:…`. A construct the frontend does not support is a
//! fail whatever the test expects: it is never taken for a parse-phase SyntaxError.

use crate::exec::Completion;
use crate::frontmatter::{Frontmatter, Phase};

pub const ASYNC_COMPLETE: &str = "Test262:AsyncTestComplete";
pub const ASYNC_FAILURE: &str = "Test262:AsyncTestFailure:";

/// `Ok` for a pass, else the reason for the fail (one line).
pub fn verdict(meta: &Frontmatter, completion: &Completion) -> Result<(), String> {
    match completion {
        Completion::Unsupported(m) => return Err(m.clone()),
        Completion::Timeout => return Err("timeout".into()),
        Completion::Panic(m) => return Err(format!("panic: {m}")),
        _ => {}
    }
    if let Some(neg) = &meta.negative {
        let got = match completion {
            Completion::SyntaxError(m) => Some((Phase::Parse, "SyntaxError", m.as_str())),
            Completion::Threw { name, message, .. } => {
                Some((Phase::Runtime, name.as_str(), message.as_str()))
            }
            _ => None,
        };
        return match got {
            Some((phase, name, _)) if phase == neg.phase && name == neg.kind => Ok(()),
            Some((phase, name, message)) => Err(format!(
                "expected {} {}, got {} {name}: {message}",
                neg.phase.name(),
                neg.kind,
                phase.name()
            )),
            None => Err(format!(
                "expected {} {}, but it completed normally",
                neg.phase.name(),
                neg.kind
            )),
        };
    }
    match completion {
        Completion::SyntaxError(m) => Err(format!("SyntaxError: {m}")),
        Completion::Threw { name, message, .. } => Err(format!("uncaught {name}: {message}")),
        Completion::Normal { printed } if meta.has_flag("async") => async_verdict(printed),
        _ => Ok(()),
    }
}

/// The first line `$DONE` printed decides an async test.
fn async_verdict(printed: &[String]) -> Result<(), String> {
    for line in printed {
        if line == ASYNC_COMPLETE {
            return Ok(());
        }
        if let Some(failure) = line.strip_prefix(ASYNC_FAILURE) {
            return Err(format!("async failure: {failure}"));
        }
    }
    Err("async test did not complete ($DONE was not called)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(yaml: &str) -> Frontmatter {
        Frontmatter::parse(&format!("/*---\n{yaml}\n---*/")).unwrap()
    }

    fn normal(lines: &[&str]) -> Completion {
        Completion::Normal {
            printed: lines.iter().map(ToString::to_string).collect(),
        }
    }

    fn threw(name: &str) -> Completion {
        Completion::Threw {
            name: name.into(),
            message: "m".into(),
            printed: Vec::new(),
        }
    }

    #[test]
    fn plain_tests_pass_when_nothing_escapes() {
        let m = meta("flags: []");
        assert_eq!(verdict(&m, &normal(&[])), Ok(()));
        assert_eq!(
            verdict(&m, &threw("Test262Error")),
            Err("uncaught Test262Error: m".into())
        );
        assert_eq!(verdict(&m, &Completion::Timeout), Err("timeout".into()));
        assert!(verdict(&m, &Completion::Panic("boom".into())).is_err());
        assert!(verdict(&m, &Completion::SyntaxError("x".into())).is_err());
    }

    #[test]
    fn negative_needs_the_phase_and_the_type() {
        let parse = meta("negative:\n  phase: parse\n  type: SyntaxError");
        assert_eq!(
            verdict(&parse, &Completion::SyntaxError("e".into())),
            Ok(())
        );
        assert!(
            verdict(&parse, &threw("SyntaxError")).is_err(),
            "a runtime SyntaxError is not a parse one"
        );
        assert!(verdict(&parse, &normal(&[])).is_err());
        let unsupported =
            Completion::Unsupported("unsupported construct `class declaration`".into());
        assert!(
            verdict(&parse, &unsupported).is_err(),
            "an unsupported construct never passes"
        );

        let runtime = meta("negative:\n  phase: runtime\n  type: ReferenceError");
        assert_eq!(verdict(&runtime, &threw("ReferenceError")), Ok(()));
        assert!(verdict(&runtime, &threw("TypeError")).is_err());
        assert!(verdict(&runtime, &Completion::SyntaxError("e".into())).is_err());
        assert!(verdict(&runtime, &normal(&[])).is_err());

        let resolution = meta("negative:\n  phase: resolution\n  type: SyntaxError");
        assert!(verdict(&resolution, &Completion::SyntaxError("e".into())).is_err());
    }

    #[test]
    fn async_needs_done() {
        let m = meta("flags: [async]");
        assert_eq!(verdict(&m, &normal(&["x", ASYNC_COMPLETE])), Ok(()));
        assert!(verdict(&m, &normal(&[])).is_err());
        let failed = normal(&["Test262:AsyncTestFailure:Test262Error: no", ASYNC_COMPLETE]);
        assert_eq!(
            verdict(&m, &failed),
            Err("async failure: Test262Error: no".into())
        );
        assert!(verdict(&m, &threw("TypeError")).is_err());
        // Printing the line is only meaningful for async tests.
        assert_eq!(
            verdict(&meta("flags: []"), &normal(&["Test262:AsyncTestFailure:x"])),
            Ok(())
        );
    }
}
