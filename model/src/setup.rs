//! How a run is set up beyond its program and host: how much time running JavaScript takes
//! (MODEL-7), for the Node-compatible hosts the runtime profile (RT-1..RT-3) when it is not
//! the host's own (the conformance judge asks what Node's profile would allow of a Deno
//! program, or Deno's profile without one of its documented deviations), and for the HTML
//! host the page the program runs in (its document and the user's actions).

use std::sync::Arc;

use crate::host::Profile;
use crate::host::web::WebConfig;

/// MODEL-7: the model's assumption about the time JavaScript takes to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Timing {
    /// MODEL-1, MODEL-3, MODEL-4: running JavaScript takes (almost) no time. The clock moves
    /// when the loop waits, by at most 1 ms between two reads of a loop that did not wait,
    /// and at most one millisecond boundary passes inside a step. This is the machine the
    /// litmus expectations describe: an unloaded runtime running short callbacks.
    #[default]
    Ideal,
    /// MODEL-7: any amount of time may pass while JavaScript runs (a loaded machine, a slow
    /// first `console.log`, a long callback): at a read of the loop time the clock may have
    /// reached any instant that changes what the read decides, and the loop may find any
    /// pending timer expiry already passed.
    Loaded,
}

impl Timing {
    pub const ALL: [Timing; 2] = [Timing::Ideal, Timing::Loaded];

    /// The timing named `name` (`ideal`, `loaded`).
    pub fn from_name(name: &str) -> Option<Timing> {
        Timing::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Timing::Ideal => "ideal",
            Timing::Loaded => "loaded",
        }
    }
}

/// The set-up of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    /// The run's limits (steps, time, memory), for the whole run or exploration.
    pub limits: crate::limits::Limits,
    pub timing: Timing,
    /// The Node-compatible host's profile, if not the host's own (`Profile::of`).
    pub profile: Option<Profile>,
    /// The page the program runs in (html host): the initial document and the user's
    /// actions (`--dom`, `--event`, or a litmus file's `dom:`/`events:`).
    pub page: Option<Arc<WebConfig>>,
}

impl Default for Setup {
    /// Ideal timing, the host's own profile, an empty page, and the default limits
    /// ([`crate::limits::default_limits`]).
    fn default() -> Setup {
        Setup {
            limits: crate::limits::default_limits(),
            timing: Timing::default(),
            profile: None,
            page: None,
        }
    }
}
