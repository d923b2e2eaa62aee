//! Binding patterns (ECMA-262 §8.6.2 BindingInitialization, §8.6.3
//! IteratorBindingInitialization, §14.3.3 destructuring binding patterns): `const {a, b: [c]
//! = d, ...r} = v` in declarations, parameters, `catch` and `for…of` heads.
//!
//! A pattern is compiled to consume the value on top of the stack. Object patterns read
//! properties with GetV after RequireObjectCoercible; array patterns step the engine's
//! iteration (`IterInit`, `IterStep`, `IterRest`). Each identifier is bound with
//! [`Compiler::initialize`] (InitializeReferencedBinding, or PutValue for `var`).

use std::sync::Arc;

use evloop_model::ir::{BinOp, Instr};
use oxc_ast::ast;
use oxc_span::GetSpan;

use super::{Compiler, R, emit::UNPATCHED};

impl Compiler<'_> {
    /// BindingInitialization(pattern, value) (§8.6.2) of the value on top of the stack,
    /// which it consumes; `kind` says how the names are bound.
    pub(super) fn bind_pattern(
        &mut self,
        p: &ast::BindingPattern<'_>,
        kind: ast::VariableDeclarationKind,
    ) -> R {
        match p {
            ast::BindingPattern::BindingIdentifier(id) => {
                self.initialize(id.name.as_str(), id.span, kind)
            }
            ast::BindingPattern::AssignmentPattern(a) => {
                self.at(a.span, |c| {
                    let hint = match &a.left {
                        ast::BindingPattern::BindingIdentifier(id) => Some(id.name.as_str().into()),
                        _ => None,
                    };
                    c.default_value(&a.right, hint)
                })?;
                self.bind_pattern(&a.left, kind)
            }
            ast::BindingPattern::ObjectPattern(o) => self.at(o.span, |c| c.object_pattern(o, kind)),
            ast::BindingPattern::ArrayPattern(a) => self.at(a.span, |c| c.array_pattern(a, kind)),
        }
    }

    /// An Initializer of a pattern element (§8.6.3 SingleNameBinding steps 4–5): when the
    /// value on top of the stack is `undefined`, it is replaced by the initializer's value
    /// (an anonymous function named after the binding, NamedEvaluation).
    pub(super) fn default_value(
        &mut self,
        init: &ast::Expression<'_>,
        hint: Option<Arc<str>>,
    ) -> R {
        self.emit(Instr::Dup);
        self.undefined();
        self.emit(Instr::Binary(BinOp::StrictEq));
        let skip = self.emit(Instr::JumpIfFalse(UNPATCHED));
        self.emit(Instr::Pop);
        self.expr_named(init, hint)?;
        self.patch_here(skip);
        Ok(())
    }

    /// ObjectBindingPattern (§14.3.3.1 PropertyBindingInitialization, §14.3.3.2
    /// RestBindingInitialization): with a rest element, the keys read so far are collected
    /// in an array under the value, for CopyDataProperties' excluded list.
    fn object_pattern(
        &mut self,
        o: &ast::ObjectPattern<'_>,
        kind: ast::VariableDeclarationKind,
    ) -> R {
        // §8.6.2 step 1 (ObjectBindingPattern): RequireObjectCoercible(value).
        self.emit(Instr::RequireObjectCoercible);
        let rest = o.rest.is_some();
        if rest {
            // [src] -> [keys, src]
            self.emit(Instr::NewArray { len: 0 });
            self.emit(Instr::Swap);
        }
        for prop in &o.properties {
            self.at(prop.span, |c| {
                if let ast::PropertyKey::PrivateIdentifier(id) = &prop.key {
                    return Err(c.unsupported(id.span, "private field"));
                }
                match Self::pattern_key(&prop.key, prop.computed) {
                    Some(name) => {
                        if rest {
                            c.emit(Instr::Pick(1));
                            c.constant(evloop_model::ir::Constant::String(name.clone()));
                            c.emit(Instr::ArrayPush);
                            c.emit(Instr::Pop);
                        }
                        c.emit(Instr::Dup);
                        c.emit(Instr::GetProp(name));
                    }
                    None => {
                        // [src] -> [src, src, key]: the key's ToPropertyKey before GetV;
                        // with a rest element, [keys, src, src, k] pushes k to keys.
                        c.emit(Instr::Dup);
                        c.computed_pattern_key(&prop.key, rest.then_some(3))?;
                        c.emit(Instr::GetIndex);
                    }
                }
                c.bind_pattern(&prop.value, kind)
            })?;
        }
        match &o.rest {
            Some(r) => {
                self.at(r.span, |c| {
                    c.emit(Instr::ObjectRest);
                    Ok(())
                })?;
                self.bind_pattern(&r.argument, kind)
            }
            None => {
                self.emit(Instr::Pop);
                Ok(())
            }
        }
    }

    /// ArrayBindingPattern (§8.6.3 IteratorBindingInitialization) over GetIterator(value).
    fn array_pattern(
        &mut self,
        a: &ast::ArrayPattern<'_>,
        kind: ast::VariableDeclarationKind,
    ) -> R {
        self.emit(Instr::IterInit);
        for el in &a.elements {
            self.emit(Instr::IterStep { depth: 0 });
            match el {
                // Elision: IteratorStep, the value dropped.
                None => {
                    self.emit(Instr::Pop);
                }
                Some(p) => self.bind_pattern(p, kind)?,
            }
        }
        if let Some(r) = &a.rest {
            self.at(r.span, |c| {
                c.emit(Instr::IterRest { depth: 0 });
                Ok(())
            })?;
            self.bind_pattern(&r.argument, kind)?;
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        Ok(())
    }

    /// A computed property name of a pattern (§13.15.5.3 / §14.3.3.1: the name's
    /// evaluation and ToPropertyKey) pushed on the stack; with a rest element, also pushed
    /// to the array of names found `names_at` values below the new top.
    pub(super) fn computed_pattern_key(
        &mut self,
        key: &ast::PropertyKey<'_>,
        names_at: Option<u32>,
    ) -> R {
        let k = key
            .as_expression()
            .ok_or_else(|| self.unsupported(key.span(), "property key"))?;
        self.expr(k)?;
        self.emit(Instr::ToStr);
        if let Some(at) = names_at {
            self.emit(Instr::Pick(at));
            self.emit(Instr::Pick(1));
            self.emit(Instr::ArrayPush);
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    /// The property name of a non-computed key (`a`, `"a"`, `1`).
    fn pattern_key(key: &ast::PropertyKey<'_>, computed: bool) -> Option<Arc<str>> {
        Self::static_key(key, computed)
    }
}

#[cfg(test)]
mod tests {
    //! Destructuring binding patterns end to end; expected outputs are Node's.

    use super::super::run_tests::log;

    #[test]
    fn object_and_array_patterns_with_defaults_and_rest() {
        let src = "const { a, b: [c, , d = 4] = [], ...rest } = { a: 1, b: [2, 3], x: 5, y: 6 };
let [p, [q], ...r] = 'hi!';
const key = 'k'; const { [key]: got, ...others } = { k: 'K', o: 1 };
console.log(a, c, d, JSON.stringify(rest), p, q, r.join('|'), got, JSON.stringify(others))";
        assert_eq!(log(src), [r#"1 2 4 {"x":5,"y":6} h i ! K {"o":1}"#]);
    }

    #[test]
    fn parameters_catch_and_for_of_heads() {
        let src = "function f({ x, y = 2 }, [z] = [9], ...[w]) { return [x, y, z, w].join(); }
try { throw { code: 42 }; } catch ({ code }) { console.log(code); }
for (const [k, v] of [['a', 1], ['b', 2]]) console.log(k + v);
for (var { n } of [{ n: 7 }]);
const named = ({ cb = () => 1 }) => cb.name;
function ar() { const [x, y] = arguments; return x + y; }
console.log(f({ x: 1 }), f({ x: 1, y: 3 }, [4], 5), n, named({}), ar(3, 4))";
        assert_eq!(log(src), ["42", "a1", "b2", "1,2,9, 1,3,4,5 7 cb 7"]);
    }

    #[test]
    fn an_exhausted_iterator_is_not_read_again() {
        let src = "const arr = []; const [a = arr.push(1), b] = arr; console.log(a, b, arr.length)";
        assert_eq!(log(src), ["1 undefined 1"]);
    }

    #[test]
    fn null_and_non_iterables_throw_type_errors() {
        let src = "try { const { z } = null; } catch (e) { console.log(e instanceof TypeError); }
try { const [z] = {}; } catch (e) { console.log(e instanceof TypeError); }
try { const {} = undefined; } catch (e) { console.log(e instanceof TypeError); }";
        assert_eq!(log(src), ["true", "true", "true"]);
    }

    #[test]
    fn object_spread_and_spread_in_new() {
        let src = "const o = { ...{ a: 1, b: 2 }, c: 3, ...null, ...undefined, a: 0 };
function C(a, b) { this.s = a + b; }
console.log(JSON.stringify(o), JSON.stringify({ ...'xy' }), new C(...[1, 2]).s)";
        assert_eq!(log(src), [r#"{"a":0,"b":2,"c":3} {"0":"x","1":"y"} 3"#]);
    }
}
