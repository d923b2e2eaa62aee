//! The semantics of claims: CHECK-2's three-valued verdict of a claim over the outcomes an
//! exploration found, CHECK-3's evidence for it, and a predicate's truth on one outcome.

use std::collections::BTreeSet;
use std::fmt;

use evloop_model::Outcome;

use super::{Claim, Pred, Quantifier};

/// Three-valued truth: over an incomplete exploration some claims cannot be decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Holds,
    Fails,
    /// The exploration was incomplete and the outcomes found so far do not decide the claim.
    Unknown,
}

impl Verdict {
    fn from_bool(b: bool) -> Verdict {
        if b { Verdict::Holds } else { Verdict::Fails }
    }
    fn not(self) -> Verdict {
        match self {
            Verdict::Holds => Verdict::Fails,
            Verdict::Fails => Verdict::Holds,
            Verdict::Unknown => Verdict::Unknown,
        }
    }
    fn and(self, o: Verdict) -> Verdict {
        match (self, o) {
            (Verdict::Fails, _) | (_, Verdict::Fails) => Verdict::Fails,
            (Verdict::Holds, Verdict::Holds) => Verdict::Holds,
            _ => Verdict::Unknown,
        }
    }
    fn or(self, o: Verdict) -> Verdict {
        self.not().and(o.not()).not()
    }
    /// `Some(true)` / `Some(false)` / `None` (JSON's `true` / `false` / `null`).
    pub fn as_option(self) -> Option<bool> {
        match self {
            Verdict::Holds => Some(true),
            Verdict::Fails => Some(false),
            Verdict::Unknown => None,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Holds => "holds",
            Verdict::Fails => "fails",
            Verdict::Unknown => "unknown (exploration incomplete)",
        })
    }
}

impl Claim {
    /// CHECK-2: the claim's verdict over `outcomes`, the outcomes found by an exploration that
    /// was `complete` or not. `always P` holds iff P holds on every outcome, `sometimes P` iff
    /// on some, `never P` iff on none. Over an incomplete exploration only a verdict that more
    /// outcomes cannot change is given (an `always` refuted, a `sometimes` shown); the rest is
    /// `Unknown`, combined with Kleene's three-valued `and`/`or`/`not`.
    pub fn verdict(&self, outcomes: &[Outcome], complete: bool) -> Verdict {
        match self {
            Claim::Quantified(q, p) => {
                let some_true = outcomes.iter().any(|o| p.eval(o));
                let some_false = outcomes.iter().any(|o| !p.eval(o));
                let sometimes = if some_true {
                    Verdict::Holds
                } else if complete {
                    Verdict::Fails
                } else {
                    Verdict::Unknown
                };
                match q {
                    Quantifier::Always => {
                        if some_false {
                            Verdict::Fails
                        } else if complete {
                            Verdict::Holds
                        } else {
                            Verdict::Unknown
                        }
                    }
                    Quantifier::Sometimes => sometimes,
                    Quantifier::Never => sometimes.not(),
                }
            }
            Claim::Not(a) => a.verdict(outcomes, complete).not(),
            Claim::And(a, b) => a
                .verdict(outcomes, complete)
                .and(b.verdict(outcomes, complete)),
            Claim::Or(a, b) => a
                .verdict(outcomes, complete)
                .or(b.verdict(outcomes, complete)),
        }
    }

    /// CHECK-3: the outcomes (indices into `outcomes`) any one of which shows the claim has the
    /// verdict `want` (which it must have). A refuted `always P` is shown by an outcome where P
    /// fails; a refuted `sometimes P` (or a holding `always P`) by any outcome; a holding
    /// `sometimes P` by an outcome where P holds. A failing `and` is shown by what shows any
    /// failing conjunct; a failing `or` by an outcome that shows every disjunct failing if there
    /// is one, else by one that shows any of them (and dually for holding claims). The
    /// counterexample is the shortest schedule to one of these outcomes.
    pub fn evidence(&self, outcomes: &[Outcome], complete: bool, want: bool) -> BTreeSet<usize> {
        let all = || (0..outcomes.len()).collect::<BTreeSet<usize>>();
        let matching = |p: &Pred, b: bool| {
            (0..outcomes.len())
                .filter(|&i| p.eval(&outcomes[i]) == b)
                .collect::<BTreeSet<usize>>()
        };
        let wanted = Verdict::from_bool(want);
        match self {
            Claim::Quantified(q, p) => match (q, want) {
                (Quantifier::Always, false) => matching(p, false),
                (Quantifier::Always, true) => all(),
                (Quantifier::Sometimes, true) | (Quantifier::Never, false) => matching(p, true),
                (Quantifier::Sometimes, false) | (Quantifier::Never, true) => all(),
            },
            Claim::Not(a) => a.evidence(outcomes, complete, !want),
            Claim::And(a, b) | Claim::Or(a, b) => {
                // `all_needed`: every side must show the verdict (a failing `and` needs one).
                let all_needed = matches!(self, Claim::And(..)) == want;
                let sides: Vec<BTreeSet<usize>> = [a, b]
                    .into_iter()
                    .filter(|c| c.verdict(outcomes, complete) == wanted)
                    .map(|c| c.evidence(outcomes, complete, want))
                    .collect();
                let union: BTreeSet<usize> = sides.iter().flatten().copied().collect();
                if all_needed && sides.len() == 2 {
                    let both: BTreeSet<usize> = sides[0].intersection(&sides[1]).copied().collect();
                    if both.is_empty() { union } else { both }
                } else {
                    union
                }
            }
        }
    }
}

impl Pred {
    /// CHECK-2: whether the predicate holds on one outcome.
    pub fn eval(&self, o: &Outcome) -> bool {
        let first = |x: &str| o.log.iter().position(|l| l == x);
        match self {
            Pred::Before(a, b) => match (first(a), first(b)) {
                (Some(i), Some(j)) => i < j,
                (Some(_), None) => true,
                (None, _) => false,
            },
            Pred::Logs(x) => first(x).is_some(),
            Pred::LogEq { lines, eq } => (&o.log == lines) == *eq,
            Pred::Status { status, eq } => (o.status == *status) == *eq,
            Pred::Var {
                name, value, eq, ..
            } => (o.vars.get(name) == Some(&value.formatted())) == *eq,
            Pred::Not(a) => !a.eval(o),
            Pred::And(a, b) => a.eval(o) && b.eval(o),
            Pred::Or(a, b) => a.eval(o) || b.eval(o),
        }
    }
}
