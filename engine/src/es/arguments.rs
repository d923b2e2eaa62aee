//! §10.4.4 Arguments Exotic Objects: the `arguments` object a non-arrow function binds
//! (FunctionDeclarationInstantiation, §10.2.11 steps 15–22).
//!
//! A strict function, or one whose parameter list is not simple (defaults, rest, patterns),
//! gets an *unmapped* arguments object (§10.4.4.6): an ordinary object holding a copy of
//! the arguments. A sloppy function with simple parameters gets a *mapped* one (§10.4.4.7):
//! its index `i` (for `i` below both the argument count and the parameter count, the last
//! parameter of each name) aliases parameter `i`'s binding. The spec's [[ParameterMap]] holds
//! a getter and a setter closure over the environment per index (MakeArgGetter /
//! MakeArgSetter); here the object and the environment write through to each other instead
//! — a write to the index also writes the binding ([`Agent::arguments_set`], §10.4.4.5
//! [[Set]] step 3), a write to the binding also writes the index ([`Agent::set_binding`],
//! MakeArgSetter seen from the other side) — so the ordinary own property always holds what
//! [[Get]] (§10.4.4.3) and [[GetOwnProperty]] (§10.4.4.1) would read through the map, and
//! every reader of own properties (formatting, `Object.keys`, JSON) sees the live value.
//! Nothing in the subset removes a mapping (no `delete`, no `Object.defineProperty`).
//!
//! The arguments object's @@iterator (%Array.prototype.values%, step 7 / step 18) is its
//! array-like iteration in [`Agent::array_like_iterator_next`], used by spread, `for…of`
//! and `apply`.

use crate::builtins::Builtin;
use crate::heap::{Obj, ObjKind, ParameterMap, Prop};
use crate::host::HostHooks;
use crate::ir::ArgumentsBinding;
use crate::value::{ObjId, Value};
use crate::vm::ops::to_length;
use crate::vm::props::array_index;
use crate::vm::{Agent, JsResult};

impl<H: HostHooks> Agent<'_, H> {
    /// FunctionDeclarationInstantiation(func, argumentsList) (§10.2.11) steps 18–22: the
    /// arguments object, mapped when the function is sloppy with simple parameters (step 19),
    /// bound in the function environment `env` (step 22.f).
    pub(crate) fn instantiate_arguments(
        &mut self,
        binding: &ArgumentsBinding,
        func: ObjId,
        env: ObjId,
        args: &[Value],
    ) {
        // Steps 19–21.
        let ao = match &binding.mapped {
            None => self.create_unmapped_arguments_object(args),
            Some(params) => self.create_mapped_arguments_object(func, params, args, env),
        };
        // Step 22.f: perform ! env.InitializeBinding("arguments", ao).
        if let ObjKind::Env { slots, .. } = &mut self.st.heap.get_mut(env).kind
            && let Some(s) = slots.get_mut(binding.slot as usize)
        {
            *s = Value::Object(ao);
        }
    }

    /// CreateUnmappedArgumentsObject(argumentsList) (§10.4.4.6).
    pub fn create_unmapped_arguments_object(&mut self, args: &[Value]) -> ObjId {
        // Steps 1–3: len, and an ordinary object whose [[ParameterMap]] is undefined.
        let mut obj = Obj::new(ObjKind::Arguments(None));
        // Step 4: "length" { [[Value]]: len, [[Writable]]: true, [[Enumerable]]: false }.
        obj.set_own("length", Prop::Hidden(Value::num(args.len() as f64)));
        // Steps 5–6: CreateDataPropertyOrThrow(obj, ! ToString(𝔽(index)), val).
        for (i, v) in args.iter().enumerate() {
            obj.set_own(&i.to_string(), Prop::Data(v.clone()));
        }
        // Step 8: "callee" { [[Get]]: %ThrowTypeError%, [[Set]]: %ThrowTypeError%,
        // [[Enumerable]]: false, [[Configurable]]: false }.
        let thrower = Value::Builtin(Builtin::ThrowTypeError);
        obj.set_own(
            "callee",
            Prop::accessor(Some(thrower.clone()), Some(thrower), false, false),
        );
        self.st.heap.alloc(obj)
    }

    /// CreateMappedArgumentsObject(func, formals, argumentsList, env) (§10.4.4.7).
    /// `params[i]` says whether formal parameter `i` is the last of its name (step 17.b:
    /// only that one is mapped).
    pub fn create_mapped_arguments_object(
        &mut self,
        func: ObjId,
        params: &[bool],
        args: &[Value],
        env: ObjId,
    ) -> ObjId {
        // Steps 1–11: an object with a [[ParameterMap]], whose [[Prototype]] is
        // %Object.prototype%.
        let len = args.len();
        let mut obj = Obj::new(ObjKind::Arguments(None));
        // Steps 14–15: CreateDataPropertyOrThrow(obj, ! ToString(𝔽(index)), val).
        for (i, v) in args.iter().enumerate() {
            obj.set_own(&i.to_string(), Prop::Data(v.clone()));
        }
        // Step 16: "length" { [[Value]]: len, [[Writable]]: true, [[Enumerable]]: false }.
        obj.set_own("length", Prop::Hidden(Value::num(len as f64)));
        // Step 17: index from numberOfParameters − 1 down to 0; a name not yet mapped and
        // an index below len is mapped (17.b.ii).
        let mapped: Vec<bool> = params
            .iter()
            .enumerate()
            .map(|(i, &last_of_name)| last_of_name && i < len)
            .collect();
        // Step 19: "callee" { [[Value]]: func, [[Writable]]: true, [[Enumerable]]: false }.
        obj.set_own("callee", Prop::Hidden(Value::Object(func)));
        let any_mapped = mapped.iter().any(|&m| m);
        obj.kind = ObjKind::Arguments(any_mapped.then_some(ParameterMap { env, mapped }));
        let ao = self.st.heap.alloc(obj);
        if any_mapped && let ObjKind::Env { arguments, .. } = &mut self.st.heap.get_mut(env).kind {
            *arguments = Some(ao);
        }
        ao
    }

    /// The index of `key` that `id`'s [[ParameterMap]] maps, with the environment.
    fn mapped_index(&self, id: ObjId, key: &str) -> Option<(ObjId, usize)> {
        let ObjKind::Arguments(Some(map)) = &self.st.heap.get(id).kind else {
            return None;
        };
        let i = array_index(key)? as usize;
        map.mapped
            .get(i)
            .copied()
            .unwrap_or(false)
            .then_some((map.env, i))
    }

    /// The value of the parameter binding a mapped index `key` aliases (the map's
    /// MakeArgGetter, §10.4.4.7.1), if `key` is mapped.
    pub(crate) fn mapped_binding(&self, id: ObjId, key: &str) -> Option<Value> {
        let (env, i) = self.mapped_index(id, key)?;
        match &self.st.heap.get(env).kind {
            ObjKind::Env { slots, .. } => slots.get(i).cloned(),
            _ => None,
        }
    }

    /// [[Delete]](P) of an arguments exotic object (§10.4.4.5) steps 2 and 4, after
    /// OrdinaryDelete (step 3) returned true: if `P` is mapped (isMapped,
    /// HasOwnProperty(map, P)), `map.[[Delete]](P)` — the index no longer aliases its
    /// parameter.
    pub(crate) fn arguments_delete_mapping(&mut self, id: ObjId, key: &str) {
        if let Some((_, i)) = self.mapped_index(id, key)
            && let ObjKind::Arguments(Some(map)) = &mut self.st.heap.get_mut(id).kind
            && let Some(m) = map.mapped.get_mut(i)
        {
            *m = false;
        }
    }

    /// [[Set]](P, V, Receiver) of an arguments exotic object (§10.4.4.5) steps 1–3, after
    /// OrdinarySet (step 4) has written the own property: when the receiver is the object
    /// itself and `P` is mapped, `map.[[Set]](P, V)` — MakeArgSetter's
    /// `env.SetMutableBinding(name, V)` (§10.4.4.7.2).
    pub(crate) fn arguments_set(&mut self, id: ObjId, receiver: &Value, key: &str, v: &Value) {
        // Steps 1–2: isMapped only when SameValue(args, Receiver).
        if *receiver != Value::Object(id) {
            return;
        }
        // Step 3.
        if let Some((env, i)) = self.mapped_index(id, key)
            && let ObjKind::Env { slots, .. } = &mut self.st.heap.get_mut(env).kind
            && let Some(s) = slots.get_mut(i)
        {
            *s = v.clone();
        }
    }

    /// SetMutableBinding / InitializeBinding of slot `slot` of environment `env`; when a
    /// mapped arguments object aliases the binding, its index reads the new value too (the
    /// map's MakeArgGetter, §10.4.4.7.1, reads the binding).
    pub(crate) fn set_binding(&mut self, env: ObjId, slot: u32, v: Value) {
        let aliased = match &mut self.st.heap.get_mut(env).kind {
            ObjKind::Env {
                slots, arguments, ..
            } => {
                if let Some(s) = slots.get_mut(slot as usize) {
                    *s = v.clone();
                }
                *arguments
            }
            _ => None,
        };
        if let Some(ao) = aliased {
            let key = slot.to_string();
            if self.mapped_index(ao, &key).is_some() {
                let obj = self.st.heap.get_mut(ao);
                let attrs = obj
                    .get_own(&key)
                    .map_or(crate::heap::Attrs::ALL, Prop::attrs);
                obj.set_own(&key, Prop::data(v, attrs));
            }
        }
    }

    /// Whether `v` is an arguments object (its @@iterator is %Array.prototype.values%).
    pub fn is_arguments_object(&self, v: &Value) -> bool {
        matches!(v, Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Arguments(_)))
    }

    /// %ArrayIteratorPrototype%.next (§23.1.5.1) over an array-like `a` (kind `values`), at
    /// `index`: step 2.b.iii–v, `None` once `index` ≥ LengthOfArrayLike(a) (read again at
    /// every step), else Get(a, ! ToString(index)).
    #[inline(never)]
    pub fn array_like_iterator_next(&mut self, a: &Value, index: u32) -> JsResult<Option<Value>> {
        let len = self.get_v(a, "length")?;
        let len = to_length(self.to_number(&len)?);
        if f64::from(index) >= len {
            return Ok(None);
        }
        self.get_v(a, &index.to_string()).map(Some)
    }

    /// IteratorToList(GetIterator(a)) for an array-like whose @@iterator is
    /// %Array.prototype.values% (an arguments object).
    pub fn array_like_to_list(&mut self, a: &Value) -> JsResult<Vec<Value>> {
        let mut out = Vec::new();
        let mut i = 0u32;
        while let Some(v) = self.array_like_iterator_next(a, i)? {
            self.spend_fuel(1)?;
            out.push(v);
            i = i.saturating_add(1);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::heap::Prop;
    use crate::value::Value;

    #[test]
    fn parameter_map_is_part_of_the_heap_references() {
        use crate::refs::HeapRefs;
        let map = Some(crate::heap::ParameterMap {
            env: crate::value::ObjId(7),
            mapped: vec![true],
        });
        let mut seen = Vec::new();
        map.refs(&mut |id| seen.push(id));
        assert_eq!(seen, vec![crate::value::ObjId(7)]);
        let callee = Prop::Accessor {
            get: Some(Value::Undefined),
            set: None,
            enumerable: false,
        };
        assert!(!callee.is_enumerable());
    }
}
