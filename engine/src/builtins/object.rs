//! §20.1 Object Objects: the constructor's statics and `Object.prototype`'s
//! `hasOwnProperty` and `toString`.

use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::heap::{ObjKind, Prop};
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
        ObjectKeys | ObjectValues | ObjectEntries => {
            let o = arg(&args, 0);
            let keys = agent.own_keys(&o);
            let mut out = Vec::new();
            for k in keys {
                let v = match b {
                    ObjectKeys => Value::String(k),
                    ObjectValues => agent.get_v(&o, &k)?,
                    _ => {
                        let v = agent.get_v(&o, &k)?;
                        Value::Object(agent.alloc(ObjKind::Array(vec![Value::String(k), v].into())))
                    }
                };
                out.push(v);
            }
            Ok(Value::Object(agent.alloc(ObjKind::Array(out.into()))))
        }
        ObjectAssign => {
            let target = arg(&args, 0);
            for src in args.iter().skip(1) {
                for k in agent.own_keys(src) {
                    let v = agent.get_v(src, &k)?;
                    agent.set_v(&target, &k, v)?;
                }
            }
            Ok(target)
        }
        ToStringMethod => {
            if let Value::Object(id) = &this
                && matches!(agent.st.heap.get(*id).kind, ObjKind::Ordinary)
            {
                return Ok(Value::str("[object Object]"));
            }
            Ok(Value::String(agent.to_string(&this)?))
        }
        HasOwnProperty => {
            let k = agent.to_property_key(&arg(&args, 0))?;
            Ok(Value::Bool(agent.own_keys(&this).contains(&k)))
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// The own enumerable string keys of an object (arrays: the indices of their elements,
    /// not of holes, then properties).
    pub fn own_keys(&self, v: &Value) -> Vec<Arc<str>> {
        let Value::Object(id) = v else {
            return Vec::new();
        };
        let obj = self.st.heap.get(*id);
        let mut keys: Vec<Arc<str>> = match &obj.kind {
            ObjKind::Array(items) => items
                .iter()
                .map(|(i, _)| Arc::from(i.to_string()))
                .collect(),
            _ => Vec::new(),
        };
        keys.extend(
            obj.props
                .iter()
                .filter(|(_, p)| matches!(p, Prop::Data(_) | Prop::Accessor { .. }))
                .map(|(k, _)| k.clone()),
        );
        keys
    }
}
