//! §21.1 Number Objects and §20.3 Boolean Objects: the constructors called as functions
//! (ToNumber, ToBoolean) and `Number.prototype.toFixed`.

use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult};

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
        NumberCtor => Ok(Value::num(if args.is_empty() {
            0.0
        } else {
            agent.to_number(&arg(&args, 0))?
        })),
        BooleanCtor => Ok(Value::Bool(arg(&args, 0).to_boolean())),
        NumToFixed => {
            let n = agent.to_number(&this)?;
            let d = agent.to_number(&arg(&args, 0))?;
            let d = if d.is_nan() {
                0
            } else {
                d.clamp(0.0, 100.0) as usize
            };
            Ok(Value::String(Arc::from(to_fixed(n, d))))
        }
        // §21.1.3.7 Number.prototype.valueOf(): thisNumberValue(this value) (§21.1.3.7.1; the
        // engine has no Number wrapper objects, so only a Number is one).
        NumValueOf => match this {
            Value::Number(_) => Ok(this),
            _ => agent.throw(
                crate::heap::ErrorKind::TypeError,
                "Number.prototype.valueOf requires that 'this' be a Number",
            ),
        },
        // §20.3.3.3 Boolean.prototype.valueOf(): thisBooleanValue(this value) (§20.3.3.3.1).
        BoolValueOf => match this {
            Value::Bool(_) => Ok(this),
            _ => agent.throw(
                crate::heap::ErrorKind::TypeError,
                "Boolean.prototype.valueOf requires that 'this' be a Boolean",
            ),
        },
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

/// Number.prototype.toFixed(fractionDigits) (§21.1.3.3) steps 6–12 for x and f = `digits`
/// (0..=100): n is the integer for which n / 10^f − x is as close to zero as possible, the
/// larger n on a tie. Rust's exact formatting rounds a tie to even, so a tie is found in the
/// exact decimal expansion of x (a double has at most 1074 fractional digits) and rounded up.
pub fn to_fixed(x: f64, digits: usize) -> String {
    // Step 6: if x is not finite, return Number::toString(x).
    // Step 10: if x ≥ 10^21, let m be ToString(x).
    if !x.is_finite() || x.abs() >= 1e21 {
        return crate::number::number_to_string(x);
    }
    // Step 9: if x < 0, let s be "-" and x be −x (−0 is not < 0).
    let sign = if x < 0.0 { "-" } else { "" };
    let x = x.abs();
    let exact = format!("{x:.1074}");
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let rest = &frac[digits.min(frac.len())..];
    let tie = rest.starts_with('5') && rest[1..].bytes().all(|b| b == b'0');
    if !tie {
        return format!("{sign}{x:.digits$}");
    }
    // The larger n: the digits kept, plus one in the last place.
    let mut kept: Vec<u8> = int.bytes().chain(frac[..digits].bytes()).collect();
    let mut i = kept.len();
    loop {
        if i == 0 {
            kept.insert(0, b'1');
            break;
        }
        i -= 1;
        if kept[i] == b'9' {
            kept[i] = b'0';
        } else {
            kept[i] += 1;
            break;
        }
    }
    let split = kept.len() - digits;
    let (whole, part) = kept.split_at(split);
    let whole = String::from_utf8_lossy(whole);
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{}", String::from_utf8_lossy(part))
    }
}

#[cfg(test)]
mod tests {
    use super::to_fixed;

    #[test]
    fn to_fixed_rounds_ties_up_and_everything_else_exactly() {
        // V8's answers.
        let cases: [(f64, usize, &str); 12] = [
            (0.5, 0, "1"),
            (2.5, 0, "3"),
            (-1.5, 0, "-2"),
            (9.5, 0, "10"),
            (0.125, 2, "0.13"),
            (1.005, 2, "1.00"),
            (1.45, 1, "1.4"),
            (0.0, 2, "0.00"),
            (-0.0001, 2, "-0.00"),
            (123.456, 10, "123.4560000000"),
            (1e21, 2, "1e+21"),
            (f64::NAN, 2, "NaN"),
        ];
        for (x, f, want) in cases {
            assert_eq!(to_fixed(x, f), want, "({x}).toFixed({f})");
        }
    }
}
