//! The instructions of destructuring and spread (ECMA-262 §8.6.2 BindingInitialization,
//! §8.6.3 IteratorBindingInitialization, §13.15.5 DestructuringAssignmentEvaluation,
//! §7.3.25 CopyDataProperties).
//!
//! An array pattern iterates with the engine's array iteration: `IterInit` accepts what the
//! subset can iterate (arrays, strings, arguments objects, whose @@iterator is the built-in
//! one) and throws the TypeError of GetIterator for anything else. Their iterators have no
//! `return` method, so IteratorClose (§7.4.11) after a pattern that stops early does nothing
//! observable and is not emitted.

use std::sync::Arc;

use crate::heap::{ErrorKind, ObjKind, Prop};
use crate::host::HostHooks;
use crate::ir::Instr;
use crate::value::{ObjId, Value};

use super::frame::Frame;
use super::{Agent, JsResult};

/// The iteration index that marks an iterator as done ([[Done]] true).
const DONE: f64 = -1.0;

impl<H: HostHooks> Agent<'_, H> {
    /// Executes one destructuring or spread instruction.
    pub(super) fn step_destructure(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        match instr {
            Instr::IterStep { depth } => {
                let v = self
                    .iter_step_value(frame, *depth)?
                    .unwrap_or(Value::Undefined);
                frame.stack.push(v);
            }
            Instr::IterRest { depth } => {
                let mut rest = Vec::new();
                while let Some(v) = self.iter_step_value(frame, *depth)? {
                    self.spend_fuel(1)?;
                    rest.push(v);
                }
                let arr = self.alloc(ObjKind::Array(rest.into()));
                frame.stack.push(Value::Object(arr));
            }
            Instr::RequireObjectCoercible => {
                if let Some(v) = frame.stack.last()
                    && v.is_nullish()
                {
                    let d = self.describe(v);
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("Cannot destructure '{d}' as it is {d}."),
                    );
                }
            }
            Instr::Pick(n) => {
                let at = frame.stack.len().checked_sub(*n as usize + 1);
                let v = at
                    .and_then(|i| frame.stack.get(i))
                    .cloned()
                    .unwrap_or(Value::Undefined);
                frame.stack.push(v);
            }
            Instr::ObjectRest => {
                let source = frame.stack.pop().unwrap_or(Value::Undefined);
                let excluded = frame.stack.pop().unwrap_or(Value::Undefined);
                let excluded: Vec<Arc<str>> = self
                    .array_elements(&excluded)?
                    .iter()
                    .filter_map(|k| match k {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                let target = self.alloc(ObjKind::Ordinary);
                self.copy_data_properties(target, &source, &excluded)?;
                frame.stack.push(Value::Object(target));
            }
            Instr::ObjectSpread => {
                let source = frame.stack.pop().unwrap_or(Value::Undefined);
                if let Some(Value::Object(target)) = frame.stack.last().cloned() {
                    self.copy_data_properties(target, &source, &[])?;
                }
            }
            Instr::NewSpread => {
                let arr = frame.stack.pop().unwrap_or(Value::Undefined);
                let ctor = frame.stack.pop().unwrap_or(Value::Undefined);
                let args = self.array_elements(&arr)?;
                let r = self.construct(&ctor, args)?;
                frame.stack.push(r);
            }
            _ => {}
        }
        Ok(())
    }

    /// IteratorStepValue (§7.4.10) on the iteration state `[iter, i]` found `depth` values
    /// below the top: `None` when done (and from then on).
    fn iter_step_value(&mut self, frame: &mut Frame, depth: u32) -> JsResult<Option<Value>> {
        let Some(i_at) = frame.stack.len().checked_sub(depth as usize + 1) else {
            return Ok(None);
        };
        let i = match frame.stack.get(i_at) {
            Some(Value::Number(n)) if n.get() >= 0.0 => n.get() as u32,
            _ => return Ok(None),
        };
        let iter = i_at
            .checked_sub(1)
            .and_then(|k| frame.stack.get(k))
            .cloned()
            .unwrap_or(Value::Undefined);
        let next = match &iter {
            Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Arguments(_)) => {
                self.array_like_iterator_next(&iter, i)?
            }
            v => self.array_element(v, i),
        };
        let new_i = if next.is_some() {
            Value::num(f64::from(i) + 1.0)
        } else {
            Value::num(DONE)
        };
        if let Some(slot) = frame.stack.get_mut(i_at) {
            *slot = new_i;
        }
        Ok(next)
    }

    /// CopyDataProperties(target, source, excludedItems) (§7.3.25): nothing for `undefined`
    /// and `null` (step 1); otherwise each own enumerable property of ToObject(source)
    /// (a string's indices) not excluded, read with Get, defined on `target`.
    pub fn copy_data_properties(
        &mut self,
        target: ObjId,
        source: &Value,
        excluded: &[Arc<str>],
    ) -> JsResult<()> {
        let keys: Vec<Arc<str>> = match source {
            Value::Undefined | Value::Null | Value::Hole => return Ok(()),
            Value::String(s) => (0..s.chars().count())
                .map(|i| Arc::from(i.to_string()))
                .collect(),
            v => self.own_keys(v),
        };
        for k in keys {
            if excluded.contains(&k) {
                continue;
            }
            self.spend_fuel(1)?;
            let v = self.get_v(source, &k)?;
            self.st.heap.get_mut(target).set_own(&k, Prop::Data(v));
        }
        Ok(())
    }
}
