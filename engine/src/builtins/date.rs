//! §21.4 Date Objects over the host's clock (`HostHooks::host_current_time`).

use std::sync::Arc;

use super::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult};

/// The time value at which every run starts (MODEL-1): 2026-01-01T00:00:00.000Z. A run's
/// clock counts milliseconds from its start; `Date.now()` and `new Date()` are this epoch plus
/// the clock, so a date is a realistic positive time value (`+new Date() > 0`) and the same
/// in every run.
pub const EPOCH_MS: u64 = 1_767_225_600_000;

/// The current time value (§21.4.1.1): the model epoch plus the host's clock.
pub fn time_value<H: HostHooks>(agent: &mut Agent<'_, H>) -> u64 {
    EPOCH_MS + H::host_current_time(agent)
}

/// Calls one of this chapter's built-ins.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    let _ = (&this, &args);
    use Builtin::*;
    match b {
        DateCtor => {
            let t = time_value(agent);
            Ok(Value::String(Arc::from(
                crate::builtins::date::date_string(t),
            )))
        }
        DateNow => Ok(Value::num(time_value(agent) as f64)),
        DateGetTime => match this
            .as_object()
            .map(|id| agent.st.heap.get(id).kind.clone())
        {
            Some(ObjKind::Date(t)) => Ok(Value::num(t as f64)),
            _ => agent.throw(ErrorKind::TypeError, "this is not a Date object."),
        },
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

fn is_leap(year: u64) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The ISO 8601 string of the model clock time `t` ms after the epoch.
pub fn date_string(t: u64) -> String {
    let ms = t % 1000;
    let secs = t / 1000;
    let (h, m, s) = ((secs / 3600) % 24, (secs / 60) % 60, secs % 60);
    let mut days = secs / 86400;
    let mut year = 1970u64;
    loop {
        let leap = is_leap(year);
        let len = if leap { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = is_leap(year);
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 1;
    for len in months {
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    format!(
        "{year:04}-{month:02}-{:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z",
        days + 1
    )
}
