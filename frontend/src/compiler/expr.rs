//! Expressions: literals, templates, calls, objects, operators and assignments.

use std::sync::Arc;

use evloop_model::ir::{BinOp, Constant, FunctionKind, Instr, UnOp};
use oxc_ast::ast;
use oxc_span::GetSpan;
use oxc_syntax::operator::{
    AssignmentOperator, BinaryOperator, LogicalOperator, UnaryOperator, UpdateOperator,
};

use super::class_refs::SuperKey;
use super::{Compiler, R, emit::UNPATCHED, len_u32, scope::VarRef};

/// An assignment target.
enum Place<'b, 'a> {
    Var(VarRef),
    Static(&'b ast::Expression<'a>, Arc<str>),
    Computed(&'b ast::Expression<'a>, &'b ast::Expression<'a>),
    /// `o.#x` (§13.3.2: MakePrivateReference).
    Private(&'b ast::Expression<'a>, &'b ast::PrivateIdentifier<'a>),
}

fn binop(op: BinaryOperator) -> BinOp {
    match op {
        BinaryOperator::Equality => BinOp::LooseEq,
        BinaryOperator::Inequality => BinOp::LooseNe,
        BinaryOperator::StrictEquality => BinOp::StrictEq,
        BinaryOperator::StrictInequality => BinOp::StrictNe,
        BinaryOperator::LessThan => BinOp::Lt,
        BinaryOperator::LessEqualThan => BinOp::Le,
        BinaryOperator::GreaterThan => BinOp::Gt,
        BinaryOperator::GreaterEqualThan => BinOp::Ge,
        BinaryOperator::Addition => BinOp::Add,
        BinaryOperator::Subtraction => BinOp::Sub,
        BinaryOperator::Multiplication => BinOp::Mul,
        BinaryOperator::Division => BinOp::Div,
        BinaryOperator::Remainder => BinOp::Rem,
        BinaryOperator::Exponential => BinOp::Exp,
        BinaryOperator::ShiftLeft => BinOp::Shl,
        BinaryOperator::ShiftRight => BinOp::Shr,
        BinaryOperator::ShiftRightZeroFill => BinOp::UShr,
        BinaryOperator::BitwiseOR => BinOp::BitOr,
        BinaryOperator::BitwiseXOR => BinOp::BitXor,
        BinaryOperator::BitwiseAnd => BinOp::BitAnd,
        BinaryOperator::In => BinOp::In,
        BinaryOperator::Instanceof => BinOp::InstanceOf,
    }
}

/// The binary operator of a compound assignment (`None` for `=` and the logical ones).
fn compound_op(op: AssignmentOperator) -> Option<BinOp> {
    Some(match op {
        AssignmentOperator::Addition => BinOp::Add,
        AssignmentOperator::Subtraction => BinOp::Sub,
        AssignmentOperator::Multiplication => BinOp::Mul,
        AssignmentOperator::Division => BinOp::Div,
        AssignmentOperator::Remainder => BinOp::Rem,
        AssignmentOperator::Exponential => BinOp::Exp,
        AssignmentOperator::ShiftLeft => BinOp::Shl,
        AssignmentOperator::ShiftRight => BinOp::Shr,
        AssignmentOperator::ShiftRightZeroFill => BinOp::UShr,
        AssignmentOperator::BitwiseOR => BinOp::BitOr,
        AssignmentOperator::BitwiseXOR => BinOp::BitXor,
        AssignmentOperator::BitwiseAnd => BinOp::BitAnd,
        AssignmentOperator::Assign
        | AssignmentOperator::LogicalOr
        | AssignmentOperator::LogicalAnd
        | AssignmentOperator::LogicalNullish => return None,
    })
}

/// The short-circuit jump of `||`, `&&`, `??` (and `||=`, `&&=`, `??=`): jumps, keeping the
/// value, when the right operand is not evaluated.
pub(super) fn short_circuit(op: LogicalOperator) -> Instr {
    match op {
        LogicalOperator::Or => Instr::JumpIfTrueKeep(UNPATCHED),
        LogicalOperator::And => Instr::JumpIfFalseKeep(UNPATCHED),
        LogicalOperator::Coalesce => Instr::JumpIfNotNullishKeep(UNPATCHED),
    }
}

/// The key of an assignment target `super.x` / `super[x]`.
fn super_target<'b, 'a>(t: &'b ast::AssignmentTarget<'a>) -> Option<SuperKey<'b, 'a>> {
    match t.as_member_expression()? {
        ast::MemberExpression::StaticMemberExpression(m)
            if matches!(m.object, ast::Expression::Super(_)) =>
        {
            Some(SuperKey::Name(m.property.name.as_str()))
        }
        ast::MemberExpression::ComputedMemberExpression(m)
            if matches!(m.object, ast::Expression::Super(_)) =>
        {
            Some(SuperKey::Computed(&m.expression))
        }
        _ => None,
    }
}

fn unparen<'b, 'a>(mut e: &'b ast::Expression<'a>) -> &'b ast::Expression<'a> {
    while let ast::Expression::ParenthesizedExpression(p) = e {
        e = &p.expression;
    }
    e
}

impl Compiler<'_> {
    pub(super) fn expr(&mut self, e: &ast::Expression<'_>) -> R {
        self.expr_named(e, None)
    }

    /// An expression; `hint` names an anonymous function or arrow (`const f = () => {}`).
    pub(super) fn expr_named(&mut self, e: &ast::Expression<'_>, hint: Option<Arc<str>>) -> R {
        self.nested(e.span(), |c| c.expr_inner(e, hint))
    }

    fn expr_inner(&mut self, e: &ast::Expression<'_>, hint: Option<Arc<str>>) -> R {
        use ast::Expression as E;
        match e {
            E::BooleanLiteral(b) => self.constant(Constant::Bool(b.value)),
            E::NullLiteral(_) => self.constant(Constant::Null),
            E::NumericLiteral(n) => self.constant(Constant::Number(n.value)),
            E::StringLiteral(s) => {
                if s.lone_surrogates {
                    return Err(self.unsupported(s.span, "string with lone surrogates"));
                }
                self.constant(Constant::String(s.value.as_str().into()));
            }
            E::TemplateLiteral(t) => self.template(t)?,
            E::Identifier(id) => self.load_identifier(id.name.as_str(), id.span)?,
            E::ThisExpression(t) => self.this_expression(t.span)?,
            // Parentheses keep the name hint: `const f = (() => {})` is named `f`.
            E::ParenthesizedExpression(p) => self.expr_named(&p.expression, hint)?,
            E::ArrayExpression(a) => self.array(a)?,
            E::ObjectExpression(o) => self.object(o)?,
            E::FunctionExpression(f) => self.function_expression(f, hint)?,
            E::ArrowFunctionExpression(a) => self.arrow(a, hint)?,
            E::UnaryExpression(u) => self.unary(u)?,
            E::UpdateExpression(u) => self.update(u)?,
            E::BinaryExpression(_) => self.binary_chain(e)?,
            E::LogicalExpression(_) => self.logical_chain(e)?,
            E::ConditionalExpression(c) => {
                self.expr(&c.test)?;
                let to_else = self.emit(Instr::JumpIfFalse(UNPATCHED));
                self.expr(&c.consequent)?;
                let to_end = self.emit(Instr::Jump(UNPATCHED));
                self.patch_here(to_else);
                self.expr(&c.alternate)?;
                self.patch_here(to_end);
            }
            E::AssignmentExpression(a) => self.assignment(a)?,
            E::SequenceExpression(s) => {
                let n = s.expressions.len();
                for (i, x) in s.expressions.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < n {
                        self.emit(Instr::Pop);
                    }
                }
                if n == 0 {
                    self.undefined();
                }
            }
            E::StaticMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                if let E::Super(_) = &m.object {
                    return self.super_member(SuperKey::Name(m.property.name.as_str()), m.span);
                }
                self.expr(&m.object)?;
                self.emit(Instr::GetProp(m.property.name.as_str().into()));
            }
            E::ComputedMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                if let E::Super(_) = &m.object {
                    return self.super_member(SuperKey::Computed(&m.expression), m.span);
                }
                self.expr(&m.object)?;
                self.expr(&m.expression)?;
                self.emit(Instr::GetIndex);
            }
            E::CallExpression(call) => self.call(call)?,
            E::NewExpression(n) => {
                self.expr(&n.callee)?;
                match self.arguments(&n.arguments)? {
                    Some(argc) => {
                        self.emit(Instr::New { argc });
                    }
                    None => {
                        self.emit(Instr::NewSpread);
                    }
                }
            }
            E::AwaitExpression(a) => {
                let allowed = self.f.kind.is_async()
                    || (self.f.kind == FunctionKind::Script && self.options.is_module);
                if !allowed {
                    let help = if self.f.kind == FunctionKind::Script {
                        "top-level `await` is only supported in modules; wrap the code in an `async function` or compile as a module"
                    } else {
                        "mark the enclosing function `async`"
                    };
                    return Err(self.error(
                        a.span,
                        "`await` outside an async function",
                        "`await` is only valid in async functions and at the top level of modules",
                        help,
                    ));
                }
                self.expr(&a.argument)?;
                self.emit(Instr::Await);
            }
            E::RegExpLiteral(r) => return Err(self.unsupported(r.span, "regular expression")),
            E::BigIntLiteral(b) => return Err(self.unsupported(b.span, "BigInt literal")),
            E::ClassExpression(c) => self.class(c, hint)?,
            E::ChainExpression(c) => return Err(self.unsupported(c.span, "optional chaining")),
            E::TaggedTemplateExpression(t) => {
                return Err(self.unsupported(t.span, "tagged template"));
            }
            E::Super(s) => {
                return Err(self.error(
                    s.span,
                    "syntax error",
                    "'super' keyword unexpected here",
                    "write `super.x`, `super[x]` or `super(…)`",
                ));
            }
            E::YieldExpression(y) => return Err(self.unsupported(y.span, "`yield`")),
            E::ImportExpression(i) => return Err(self.unsupported(i.span, "dynamic import")),
            E::ImportMeta(m) => return Err(self.unsupported(m.span, "`import.meta`")),
            E::NewTarget(n) => self.new_target(n.span)?,
            E::PrivateFieldExpression(p) => {
                if p.optional {
                    return Err(self.unsupported(p.span, "optional chaining"));
                }
                self.expr(&p.object)?;
                self.load_private(&p.field)?;
                self.emit(Instr::PrivateGet);
            }
            E::PrivateInExpression(p) => {
                self.load_private(&p.left)?;
                self.expr(&p.right)?;
                self.emit(Instr::PrivateIn);
            }
            E::JSXElement(_) | E::JSXFragment(_) => {
                return Err(self.unsupported(e.span(), "JSX"));
            }
            _ => return Err(self.unsupported(e.span(), "TypeScript syntax")),
        }
        Ok(())
    }

    fn template(&mut self, t: &ast::TemplateLiteral<'_>) -> R {
        let mut emitted = false;
        let mut quasis = t.quasis.iter();
        self.template_quasi(quasis.next(), t.expressions.is_empty(), &mut emitted)?;
        for e in &t.expressions {
            self.expr(e)?;
            self.at(e.span(), |c| {
                c.emit(Instr::ToStr);
                Ok(())
            })?;
            if emitted {
                self.emit(Instr::Binary(BinOp::Add));
            }
            emitted = true;
            self.template_quasi(quasis.next(), false, &mut emitted)?;
        }
        if !emitted {
            self.constant(Constant::String("".into()));
        }
        Ok(())
    }

    /// One literal part of a template (skipped when empty unless `force`).
    fn template_quasi(
        &mut self,
        q: Option<&ast::TemplateElement<'_>>,
        force: bool,
        emitted: &mut bool,
    ) -> R {
        let Some(q) = q else { return Ok(()) };
        let Some(cooked) = &q.value.cooked else {
            return Err(self.unsupported(q.span, "invalid escape in template"));
        };
        if q.lone_surrogates {
            return Err(self.unsupported(q.span, "string with lone surrogates"));
        }
        if cooked.is_empty() && !force {
            return Ok(());
        }
        self.at(q.span, |c| {
            c.constant(Constant::String(cooked.as_str().into()));
            if *emitted {
                c.emit(Instr::Binary(BinOp::Add));
            }
            Ok(())
        })?;
        *emitted = true;
        Ok(())
    }

    fn array(&mut self, a: &ast::ArrayExpression<'_>) -> R {
        // A spread or a hole (§13.2.4.1: an Elision leaves no element) accumulates the
        // elements one by one.
        let accumulate = a.elements.iter().any(|e| {
            matches!(
                e,
                ast::ArrayExpressionElement::SpreadElement(_)
                    | ast::ArrayExpressionElement::Elision(_)
            )
        });
        if !accumulate {
            for el in &a.elements {
                match el.as_expression() {
                    Some(x) => self.expr(x)?,
                    None => return Err(self.unsupported(el.span(), "array element")),
                }
            }
            self.emit(Instr::NewArray {
                len: len_u32(a.elements.len()),
            });
            return Ok(());
        }
        self.emit(Instr::NewArray { len: 0 });
        for el in &a.elements {
            match el {
                ast::ArrayExpressionElement::SpreadElement(s) => {
                    self.expr(&s.argument)?;
                    self.emit(Instr::ArraySpread);
                }
                ast::ArrayExpressionElement::Elision(_) => {
                    self.emit(Instr::ArrayElision);
                }
                other => match other.as_expression() {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ArrayPush);
                    }
                    None => return Err(self.unsupported(other.span(), "array element")),
                },
            }
        }
        Ok(())
    }

    /// Pushes call arguments: `Some(argc)` when pushed one by one, `None` when collected in
    /// an array because of a spread.
    pub(super) fn arguments(&mut self, args: &[ast::Argument<'_>]) -> R<Option<u32>> {
        let spread = args
            .iter()
            .any(|a| matches!(a, ast::Argument::SpreadElement(_)));
        if !spread {
            for a in args {
                match a.as_expression() {
                    Some(x) => self.expr(x)?,
                    None => return Err(self.unsupported(a.span(), "argument")),
                }
            }
            return Ok(Some(len_u32(args.len())));
        }
        self.emit(Instr::NewArray { len: 0 });
        for a in args {
            match a {
                ast::Argument::SpreadElement(s) => {
                    self.expr(&s.argument)?;
                    self.emit(Instr::ArraySpread);
                }
                other => match other.as_expression() {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ArrayPush);
                    }
                    None => return Err(self.unsupported(other.span(), "argument")),
                },
            }
        }
        Ok(None)
    }

    fn call(&mut self, call: &ast::CallExpression<'_>) -> R {
        if call.optional {
            return Err(self.unsupported(call.span, "optional chaining"));
        }
        let callee = unparen(&call.callee);
        let method = match callee {
            ast::Expression::StaticMemberExpression(m)
                if matches!(m.object, ast::Expression::Super(_)) =>
            {
                self.super_method_callee(SuperKey::Name(m.property.name.as_str()), m.span)?;
                true
            }
            ast::Expression::ComputedMemberExpression(m)
                if matches!(m.object, ast::Expression::Super(_)) =>
            {
                self.super_method_callee(SuperKey::Computed(&m.expression), m.span)?;
                true
            }
            ast::Expression::StaticMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.at(m.span, |c| {
                    c.emit(Instr::Dup);
                    c.emit(Instr::GetProp(m.property.name.as_str().into()));
                    Ok(())
                })?;
                true
            }
            ast::Expression::ComputedMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.at(m.span, |c| {
                    c.emit(Instr::Dup);
                    Ok(())
                })?;
                self.expr(&m.expression)?;
                self.at(m.span, |c| {
                    c.emit(Instr::GetIndex);
                    Ok(())
                })?;
                true
            }
            ast::Expression::PrivateFieldExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.emit(Instr::Dup);
                self.load_private(&m.field)?;
                self.emit(Instr::PrivateGet);
                true
            }
            ast::Expression::Super(_) => return self.super_call(call),
            _ => {
                self.expr(callee)?;
                false
            }
        };
        let instr = match (self.arguments(&call.arguments)?, method) {
            (Some(argc), false) => Instr::Call { argc },
            (Some(argc), true) => Instr::CallMethod { argc },
            (None, false) => Instr::CallSpread,
            (None, true) => Instr::CallMethodSpread,
        };
        self.emit(instr);
        Ok(())
    }

    /// The name of a non-computed property key (`a`, `"a"`, `1`), if it has a simple one.
    pub(super) fn static_key(key: &ast::PropertyKey<'_>, computed: bool) -> Option<Arc<str>> {
        if computed {
            return None;
        }
        match key {
            ast::PropertyKey::StaticIdentifier(id) => Some(id.name.as_str().into()),
            ast::PropertyKey::StringLiteral(s) if !s.lone_surrogates => {
                Some(s.value.as_str().into())
            }
            ast::PropertyKey::NumericLiteral(n)
                if n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 1e15 =>
            {
                // Integral keys print as integers (`1.0` is the key "1").
                Some(format!("{}", n.value as u64).into())
            }
            _ => None,
        }
    }

    fn unary(&mut self, u: &ast::UnaryExpression<'_>) -> R {
        let op = match u.operator {
            UnaryOperator::UnaryNegation => {
                if let ast::Expression::NumericLiteral(n) = &u.argument {
                    self.constant(Constant::Number(-n.value));
                    return Ok(());
                }
                UnOp::Neg
            }
            UnaryOperator::UnaryPlus => UnOp::Plus,
            UnaryOperator::LogicalNot => UnOp::Not,
            UnaryOperator::BitwiseNot => UnOp::BitNot,
            UnaryOperator::Void => UnOp::Void,
            UnaryOperator::Typeof => {
                // §13.5.3.1 step 2.a: `typeof` of an unresolvable reference is "undefined";
                // a real global the model lacks is refused by name instead.
                if let ast::Expression::Identifier(id) = unparen(&u.argument) {
                    let name = id.name.as_str();
                    let known = self.resolve(name).is_some()
                        || matches!(name, "undefined" | "NaN" | "Infinity")
                        || (self.options.resolve_global)(name).is_some();
                    if !known {
                        if self.is_unmodelled_global(name) {
                            return Err(self.unmodelled_global(id.span, name));
                        }
                        self.constant(Constant::String("undefined".into()));
                        return Ok(());
                    }
                }
                UnOp::TypeOf
            }
            UnaryOperator::Delete => return self.delete(u),
        };
        self.expr(&u.argument)?;
        self.emit(Instr::Unary(op));
        Ok(())
    }

    /// A chain of binary operators, compiled along its left spine without recursion
    /// (`a + b + c + …` nests to the left).
    fn binary_chain(&mut self, e: &ast::Expression<'_>) -> R {
        let mut spine = Vec::new();
        let mut left = e;
        while let ast::Expression::BinaryExpression(b) = left {
            spine.push(&**b);
            left = &b.left;
        }
        self.expr(left)?;
        for b in spine.iter().rev() {
            self.at(b.span, |c| {
                c.expr(&b.right)?;
                c.emit(Instr::Binary(binop(b.operator)));
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `a || b`, `a && b`, `a ?? b` chains, along the left spine.
    fn logical_chain(&mut self, e: &ast::Expression<'_>) -> R {
        let mut spine = Vec::new();
        let mut left = e;
        while let ast::Expression::LogicalExpression(l) = left {
            spine.push(&**l);
            left = &l.left;
        }
        self.expr(left)?;
        for l in spine.iter().rev() {
            self.at(l.span, |c| {
                let skip = c.emit(short_circuit(l.operator));
                c.expr(&l.right)?;
                c.patch_here(skip);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// The place of a simple assignment target (`x`, `o.x`, `o[k]`).
    fn place<'b, 'a>(&mut self, t: &'b ast::SimpleAssignmentTarget<'a>) -> R<Place<'b, 'a>> {
        if let ast::SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = t {
            return Ok(Place::Var(self.write_ref(id.name.as_str(), id.span)?));
        }
        match t.as_member_expression() {
            Some(ast::MemberExpression::StaticMemberExpression(m)) => {
                Ok(Place::Static(&m.object, m.property.name.as_str().into()))
            }
            Some(ast::MemberExpression::ComputedMemberExpression(m)) => {
                Ok(Place::Computed(&m.object, &m.expression))
            }
            Some(ast::MemberExpression::PrivateFieldExpression(p)) => {
                if p.optional {
                    return Err(self.unsupported(p.span, "optional chaining"));
                }
                Ok(Place::Private(&p.object, &p.field))
            }
            None => Err(self.unsupported(t.span(), "assignment target")),
        }
    }

    fn assignment_place<'b, 'a>(&mut self, t: &'b ast::AssignmentTarget<'a>) -> R<Place<'b, 'a>> {
        match t.as_simple_assignment_target() {
            Some(s) => self.place(s),
            // A pattern with a compound operator (§13.15.1: AssignmentTargetType invalid).
            None => Err(self.error(
                t.span(),
                "syntax error",
                "Invalid left-hand side in assignment",
                "only `=` assigns to a destructuring pattern",
            )),
        }
    }

    /// Stores the value on top of the stack into `t` and pops it (`for (x of …)`).
    pub(super) fn assign_top(&mut self, t: &ast::AssignmentTarget<'_>) -> R {
        if let Some(p) = t.as_assignment_target_pattern() {
            return self.assign_pattern(p);
        }
        match self.assignment_place(t)? {
            Place::Var(r) => self.store_var(r),
            Place::Static(obj, name) => {
                self.expr(obj)?;
                self.emit(Instr::Swap);
                self.emit(Instr::SetProp(name));
                self.emit(Instr::Pop);
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                // [v, o, k] -> [k, v, o] -> [o, k, v]
                self.emit(Instr::Rot3);
                self.emit(Instr::Rot3);
                self.emit(Instr::SetIndex);
                self.emit(Instr::Pop);
            }
            Place::Private(obj, name) => self.private_assign_top(obj, name)?,
        }
        Ok(())
    }

    fn assignment(&mut self, a: &ast::AssignmentExpression<'_>) -> R {
        if let Some(key) = super_target(&a.left) {
            let logical = match a.operator {
                AssignmentOperator::LogicalOr => Some(LogicalOperator::Or),
                AssignmentOperator::LogicalAnd => Some(LogicalOperator::And),
                AssignmentOperator::LogicalNullish => Some(LogicalOperator::Coalesce),
                _ => None,
            };
            let op = compound_op(a.operator);
            return self.super_assignment(key, &a.right, a.span, op, logical);
        }
        // §13.15.2 step 2 (`=` with an ObjectLiteral or ArrayLiteral on the left): rval, then
        // DestructuringAssignmentEvaluation(pattern, rval); the value is rval.
        if let Some(p) = a.left.as_assignment_target_pattern() {
            self.expr(&a.right)?;
            self.emit(Instr::Dup);
            return self.assign_pattern(p);
        }
        let place = self.assignment_place(&a.left)?;
        let hint: Option<Arc<str>> = match &a.left {
            ast::AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.as_str().into()),
            _ => None,
        };
        let logical = match a.operator {
            AssignmentOperator::LogicalOr => Some(LogicalOperator::Or),
            AssignmentOperator::LogicalAnd => Some(LogicalOperator::And),
            AssignmentOperator::LogicalNullish => Some(LogicalOperator::Coalesce),
            _ => None,
        };
        let compound = compound_op(a.operator);
        match place {
            Place::Var(r) => {
                if let Some(op) = logical {
                    self.load_var(r);
                    let skip = self.emit(short_circuit(op));
                    self.expr_named(&a.right, hint)?;
                    self.emit(Instr::Dup);
                    self.store_var(r);
                    self.patch_here(skip);
                } else {
                    if let Some(op) = compound {
                        self.load_var(r);
                        self.expr(&a.right)?;
                        self.emit(Instr::Binary(op));
                    } else {
                        self.expr_named(&a.right, hint)?;
                    }
                    self.emit(Instr::Dup);
                    self.store_var(r);
                }
            }
            Place::Static(obj, name) => {
                self.expr(obj)?;
                if let Some(op) = logical {
                    self.emit(Instr::Dup);
                    self.emit(Instr::GetProp(name.clone()));
                    let keep = self.emit(short_circuit(op));
                    self.expr(&a.right)?;
                    self.emit(Instr::SetProp(name));
                    let end = self.emit(Instr::Jump(UNPATCHED));
                    self.patch_here(keep);
                    // [o, old] -> [old]
                    self.emit(Instr::Swap);
                    self.emit(Instr::Pop);
                    self.patch_here(end);
                } else {
                    if let Some(op) = compound {
                        self.emit(Instr::Dup);
                        self.emit(Instr::GetProp(name.clone()));
                        self.expr(&a.right)?;
                        self.emit(Instr::Binary(op));
                    } else {
                        self.expr(&a.right)?;
                    }
                    self.emit(Instr::SetProp(name));
                }
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                if logical.is_some() || compound.is_some() {
                    // The key is converted once for the read and the write.
                    self.emit(Instr::ToPropertyKey);
                }
                self.keyed_assignment(
                    &a.right,
                    compound,
                    logical,
                    Instr::GetIndex,
                    Instr::SetIndex,
                )?;
            }
            Place::Private(obj, name) => {
                self.expr(obj)?;
                self.load_private(name)?;
                self.keyed_assignment(
                    &a.right,
                    compound,
                    logical,
                    Instr::PrivateGet,
                    Instr::PrivateSet,
                )?;
            }
        }
        Ok(())
    }

    fn update(&mut self, u: &ast::UpdateExpression<'_>) -> R {
        let step = match u.operator {
            UpdateOperator::Increment => Instr::Inc,
            UpdateOperator::Decrement => Instr::Dec,
        };
        if let Some(m) = u.argument.as_member_expression()
            && matches!(m.object(), ast::Expression::Super(_))
        {
            let key = match m {
                ast::MemberExpression::StaticMemberExpression(s) => {
                    SuperKey::Name(s.property.name.as_str())
                }
                ast::MemberExpression::ComputedMemberExpression(c) => {
                    SuperKey::Computed(&c.expression)
                }
                ast::MemberExpression::PrivateFieldExpression(p) => {
                    return Err(self.unsupported(p.span, "private field"));
                }
            };
            return self.super_update(key, step, u.prefix, u.span);
        }
        match self.place(&u.argument)? {
            Place::Var(r) => {
                self.load_var(r);
                if u.prefix {
                    self.emit(step);
                    self.emit(Instr::Dup);
                } else {
                    self.emit(Instr::ToNumber);
                    self.emit(Instr::Dup);
                    self.emit(step);
                }
                // The load above already checked the TDZ.
                self.store_var(VarRef {
                    tdz_check: false,
                    ..r
                });
            }
            Place::Static(obj, name) => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                self.emit(Instr::GetProp(name.clone()));
                if u.prefix {
                    self.emit(step);
                    self.emit(Instr::SetProp(name));
                } else {
                    // [o, old] -> [o, n] -> [o, n, n] -> [n, o, n] -> [n, o, n±1] -> [n, v] -> [n]
                    self.emit(Instr::ToNumber);
                    self.emit(Instr::Dup);
                    self.emit(Instr::Rot3);
                    self.emit(step);
                    self.emit(Instr::SetProp(name));
                    self.emit(Instr::Pop);
                }
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                self.emit(Instr::ToPropertyKey);
                self.emit(Instr::Dup2);
                self.emit(Instr::GetIndex);
                self.update_tail(step, u.prefix, Instr::SetIndex);
            }
            Place::Private(obj, name) => self.private_update(obj, name, step, u.prefix)?,
        }
        Ok(())
    }
}
