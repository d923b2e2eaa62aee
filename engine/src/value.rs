//! ECMAScript language values (ECMA-262 §6.1) as the model stores them.

use std::sync::Arc;

use crate::builtins::Builtin;

/// A reference to a heap cell (object, environment, suspended frame or internal record).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// An IEEE-754 double with bitwise identity, so that values can be hashed. All NaNs are
/// stored as one canonical NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Num(u64);

impl Num {
    pub fn new(x: f64) -> Num {
        if x.is_nan() {
            Num(f64::NAN.to_bits())
        } else {
            Num(x.to_bits())
        }
    }
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

/// A language value. `Builtin` is a built-in function that carries no data (it needs no heap
/// cell); `Hole` marks a binding in its temporal dead zone and is never visible to programs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    Undefined,
    Null,
    Bool(bool),
    Number(Num),
    String(Arc<str>),
    Object(ObjId),
    Builtin(Builtin),
    Hole,
}

impl Value {
    pub fn num(x: f64) -> Value {
        Value::Number(Num::new(x))
    }
    pub fn str(s: &str) -> Value {
        Value::String(Arc::from(s))
    }
    pub fn as_object(&self) -> Option<ObjId> {
        match self {
            Value::Object(id) => Some(*id),
            _ => None,
        }
    }
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }
    /// ECMA-262 ToBoolean (§7.1.2).
    pub fn to_boolean(&self) -> bool {
        match self {
            Value::Undefined | Value::Null | Value::Hole => false,
            Value::Bool(b) => *b,
            Value::Number(n) => {
                let x = n.get();
                !(x == 0.0 || x.is_nan())
            }
            Value::String(s) => !s.is_empty(),
            Value::Object(_) | Value::Builtin(_) => true,
        }
    }
}
