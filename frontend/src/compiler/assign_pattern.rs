//! Destructuring assignment (ECMA-262 §13.15.5 DestructuringAssignmentEvaluation): `[a, o.x]
//! = v`, `({ a, b: [c] = d, ...r } = v)`, and the same patterns in `for (… of …)` heads.
//!
//! A pattern consumes the value on top of the stack. Unlike a binding pattern, each element
//! is a reference evaluated *before* its value is read (§13.15.5.5 step 1, §13.15.5.6 step
//! 1): the target's base (and key) are pushed first, the value is read from the source below
//! them with `Pick`, then PutValue stores it and drops the reference.

use std::sync::Arc;

use evloop_model::ir::{Constant, Instr};
use oxc_ast::ast;
use oxc_span::GetSpan;

use super::{Compiler, R, scope::VarRef};

/// The reference a DestructuringAssignmentTarget evaluates to, on the stack above the
/// source.
enum TargetRef<'b, 'a> {
    /// A binding (nothing on the stack).
    Var(VarRef),
    /// `base.name` (the base on the stack).
    Static(Arc<str>),
    /// `base[key]` (base and key on the stack).
    Computed,
    /// A nested pattern: not a reference, assigned from the value (§13.15.5.5 step 4).
    Pattern(&'b ast::AssignmentTargetPattern<'a>),
}

impl TargetRef<'_, '_> {
    /// How many values the reference keeps on the stack.
    fn depth(&self) -> u32 {
        match self {
            TargetRef::Var(_) | TargetRef::Pattern(_) => 0,
            TargetRef::Static(_) => 1,
            TargetRef::Computed => 2,
        }
    }
}

/// An element's target and its Initializer.
fn split<'b, 'a>(
    el: &'b ast::AssignmentTargetMaybeDefault<'a>,
) -> Option<(
    &'b ast::AssignmentTarget<'a>,
    Option<&'b ast::Expression<'a>>,
)> {
    match el {
        ast::AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => {
            Some((&d.binding, Some(&d.init)))
        }
        other => other.as_assignment_target().map(|t| (t, None)),
    }
}

/// The name an anonymous function in the Initializer takes (§13.15.5.5 step 3.a: only when
/// the target is an identifier).
fn hint(t: &ast::AssignmentTarget<'_>) -> Option<Arc<str>> {
    match t {
        ast::AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.as_str().into()),
        _ => None,
    }
}

impl Compiler<'_> {
    /// DestructuringAssignmentEvaluation(pattern, value) (§13.15.5.2) of the value on top of
    /// the stack, which it consumes.
    pub(super) fn assign_pattern(&mut self, p: &ast::AssignmentTargetPattern<'_>) -> R {
        match p {
            ast::AssignmentTargetPattern::ObjectAssignmentTarget(o) => {
                self.at(o.span, |c| c.object_assignment_pattern(o))
            }
            ast::AssignmentTargetPattern::ArrayAssignmentTarget(a) => {
                self.at(a.span, |c| c.array_assignment_pattern(a))
            }
        }
    }

    /// Evaluation of a DestructuringAssignmentTarget that is not a pattern (the lref of
    /// §13.15.5.5 step 1.a): pushes the reference's base and key.
    fn target_ref<'b, 'a>(&mut self, t: &'b ast::AssignmentTarget<'a>) -> R<TargetRef<'b, 'a>> {
        if let Some(p) = t.as_assignment_target_pattern() {
            return Ok(TargetRef::Pattern(p));
        }
        match t {
            ast::AssignmentTarget::AssignmentTargetIdentifier(id) => {
                Ok(TargetRef::Var(self.write_ref(id.name.as_str(), id.span)?))
            }
            ast::AssignmentTarget::StaticMemberExpression(m) if !m.optional => {
                self.expr(&m.object)?;
                Ok(TargetRef::Static(m.property.name.as_str().into()))
            }
            ast::AssignmentTarget::ComputedMemberExpression(m) if !m.optional => {
                self.expr(&m.object)?;
                self.expr(&m.expression)?;
                Ok(TargetRef::Computed)
            }
            ast::AssignmentTarget::PrivateFieldExpression(p) => {
                Err(self.unsupported(p.span, "private field as a destructuring target"))
            }
            other => Err(self.unsupported(other.span(), "assignment target")),
        }
    }

    /// PutValue(lref, v) (§6.2.5.6) of `[reference…, v]`, leaving neither; a nested pattern
    /// is assigned from `v` instead.
    fn put_target(&mut self, r: TargetRef<'_, '_>) -> R {
        match r {
            TargetRef::Var(v) => self.store_var(v),
            TargetRef::Static(name) => {
                self.emit(Instr::SetProp(name));
                self.emit(Instr::Pop);
            }
            TargetRef::Computed => {
                self.emit(Instr::SetIndex);
                self.emit(Instr::Pop);
            }
            TargetRef::Pattern(p) => self.assign_pattern(p)?,
        }
        Ok(())
    }

    /// The value of an element once read (on top of the stack): its Initializer when it is
    /// `undefined` (§13.15.5.5 step 3), then PutValue or the nested pattern (steps 4–5).
    fn finish_element(
        &mut self,
        r: TargetRef<'_, '_>,
        init: Option<&ast::Expression<'_>>,
        name: Option<Arc<str>>,
    ) -> R {
        if let Some(init) = init {
            self.default_value(init, name)?;
        }
        self.put_target(r)
    }

    /// ObjectAssignmentPattern (§13.15.5.2 steps 1–2 and §13.15.5.3
    /// PropertyDestructuringAssignmentEvaluation, §13.15.5.4
    /// RestDestructuringAssignmentEvaluation). With a rest element the names read so far are
    /// collected in an array under the source, for CopyDataProperties' excluded list.
    fn object_assignment_pattern(&mut self, o: &ast::ObjectAssignmentTarget<'_>) -> R {
        // §13.15.5.2 ObjectAssignmentPattern step 1: RequireObjectCoercible(value).
        self.emit(Instr::RequireObjectCoercible);
        let rest = o.rest.is_some();
        if rest {
            // [src] -> [names, src]
            self.emit(Instr::NewArray { len: 0 });
            self.emit(Instr::Swap);
        }
        for prop in &o.properties {
            self.at(prop.span(), |c| c.assignment_property(prop, rest))?;
        }
        match &o.rest {
            Some(r) => self.at(r.span, |c| {
                // §13.15.5.4 step 1: lref first; steps 2–3: the rest object; step 4: PutValue.
                let t = c.target_ref(&r.target)?;
                let n = t.depth();
                c.emit(Instr::Pick(n + 1));
                c.emit(Instr::Pick(n + 1));
                c.emit(Instr::ObjectRest);
                c.put_target(t)?;
                c.emit(Instr::Pop);
                c.emit(Instr::Pop);
                Ok(())
            }),
            None => {
                self.emit(Instr::Pop);
                Ok(())
            }
        }
    }

    /// One AssignmentProperty (§13.15.5.3) of the source on top of the stack (`[names, src]`
    /// with a rest element), which it leaves in place.
    fn assignment_property(&mut self, prop: &ast::AssignmentTargetProperty<'_>, rest: bool) -> R {
        match prop {
            // AssignmentProperty : IdentifierReference Initializer? — steps 1–6: lref =
            // ResolveBinding(P) (no code), v = GetV(value, P), the Initializer, PutValue.
            ast::AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => {
                let name: Arc<str> = p.binding.name.as_str().into();
                if rest {
                    self.collect_name(Constant::String(name.clone()));
                }
                let r = self.write_ref(&name, p.binding.span)?;
                self.emit(Instr::Dup);
                self.emit(Instr::GetProp(name.clone()));
                self.finish_element(TargetRef::Var(r), p.init.as_ref(), Some(name))
            }
            // AssignmentProperty : PropertyName : AssignmentElement — the name first, then
            // KeyedDestructuringAssignmentEvaluation (§13.15.5.6).
            ast::AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                let Some((target, init)) = split(&p.binding) else {
                    return Err(self.unsupported(p.binding.span(), "assignment target"));
                };
                let name = hint(target);
                match Self::static_key(&p.name, p.computed) {
                    Some(key) => {
                        if rest {
                            self.collect_name(Constant::String(key.clone()));
                        }
                        let t = self.target_ref(target)?;
                        self.emit(Instr::Pick(t.depth()));
                        self.emit(Instr::GetProp(key));
                        self.finish_element(t, init, name)
                    }
                    None => {
                        // [src] -> [src, k]: ToPropertyKey of the computed name; with a
                        // rest element, [names, src, k] pushes k to names.
                        self.computed_pattern_key(&p.name, rest.then_some(2))?;
                        let t = self.target_ref(target)?;
                        let n = t.depth();
                        // [src, k, ref…] -> [src, k, ref…, src[k]]
                        self.emit(Instr::Pick(n + 1));
                        self.emit(Instr::Pick(n + 1));
                        self.emit(Instr::GetIndex);
                        self.finish_element(t, init, name)?;
                        self.emit(Instr::Pop);
                        Ok(())
                    }
                }
            }
        }
    }

    /// `[names, src] -> [names, src]` with the constant name pushed to `names`.
    fn collect_name(&mut self, name: Constant) {
        self.emit(Instr::Pick(1));
        self.constant(name);
        self.emit(Instr::ArrayPush);
        self.emit(Instr::Pop);
    }

    /// ArrayAssignmentPattern (§13.15.5.2 steps 1–5, §13.15.5.5
    /// IteratorDestructuringAssignmentEvaluation) over GetIterator(value). The engine's
    /// iterators have no `return` method, so IteratorClose (step 4) does nothing observable.
    fn array_assignment_pattern(&mut self, a: &ast::ArrayAssignmentTarget<'_>) -> R {
        self.emit(Instr::IterInit);
        for el in &a.elements {
            match el {
                // AssignmentElisionElement: IteratorStep, the value dropped.
                None => {
                    self.emit(Instr::IterStep { depth: 0 });
                    self.emit(Instr::Pop);
                }
                Some(el) => self.at(el.span(), |c| {
                    let Some((target, init)) = split(el) else {
                        return Err(c.unsupported(el.span(), "assignment target"));
                    };
                    // Step 1: lref before the value; step 2: IteratorStepValue.
                    let t = c.target_ref(target)?;
                    c.emit(Instr::IterStep { depth: t.depth() });
                    c.finish_element(t, init, hint(target))
                })?,
            }
        }
        if let Some(r) = &a.rest {
            // AssignmentRestElement (§13.15.5.5): lref, then the remaining values in an array.
            self.at(r.span, |c| {
                let t = c.target_ref(&r.target)?;
                c.emit(Instr::IterRest { depth: t.depth() });
                c.put_target(t)
            })?;
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Destructuring assignment end to end; expected outputs are Node's.

    use super::super::run_tests::log;

    #[test]
    fn array_and_object_patterns_assign_bindings_and_properties() {
        let src = "let a, b, c, rest; const o = {}; const arr = [];
[a, b] = [1, 2]; [a, b] = [b, a];
const r = ({ x: o.x, y: arr[0] = 'd', z: [c, ...rest] } = { x: 5, z: 'xyz' });
console.log(a, b, o.x, arr[0], c, rest.join(''), r.x);
let s, t, u; ({ s, t = 7, ...u } = { s: 1, v: 2, w: 3 });
console.log(s, t, JSON.stringify(u));
let k = 'kk', m; ({ [k]: m } = { kk: 'K' }); [, , m = m + '!'] = [1];
console.log(m);";
        assert_eq!(log(src), ["2 1 5 d x yz 5", r#"1 7 {"v":2,"w":3}"#, "K!"]);
    }

    #[test]
    fn the_reference_is_evaluated_before_the_value_is_read() {
        let src = "const order = [];
const src = { get a() { order.push('get a'); return 1; } };
const tgt = () => { order.push('target'); return {}; };
({ a: tgt().p } = src);
const it = [10];
[tgt()[(order.push('key'), 'q')]] = it;
console.log(order.join(', '));";
        assert_eq!(log(src), ["target, get a, target, key"]);
    }

    #[test]
    fn for_of_heads_defaults_named_and_errors() {
        let src = "let a, b, f;
for ([a, b = 2] of [[1], [3, 4]]) console.log(a + b);
for ({ a } of [{ a: 'x' }]) console.log(a);
[f = function () {}] = []; console.log(f.name);
try { ({ a } = null); } catch (e) { console.log(e instanceof TypeError); }
try { [a] = {}; } catch (e) { console.log(e instanceof TypeError); }
(function () { 'use strict'; try { [undeclaredName] = [1]; } catch (e) { console.log(e.name); } })();";
        assert_eq!(
            log(src),
            ["3", "7", "x", "f", "true", "true", "ReferenceError"]
        );
    }

    #[test]
    fn writing_an_immutable_binding_is_a_type_error_when_evaluated() {
        let src = "const c = 1;
try { [c] = [2]; } catch (e) { console.log(e.name, c); }
try { ({ c } = {}); } catch (e) { console.log(e.name); }
try { c += 1; } catch (e) { console.log(e.name); }
const f = function g() { g = 1; return typeof g; };
const h = function g() { 'use strict'; try { g = 1; } catch (e) { return e.name; } };
if (false) { c = 3; }
console.log(f(), h());";
        assert_eq!(
            log(src),
            [
                "TypeError 1",
                "TypeError",
                "TypeError",
                "function TypeError"
            ]
        );
    }
}
