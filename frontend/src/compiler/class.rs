//! Classes (ECMA-262 §15.7): ClassDefinitionEvaluation (§15.7.14) lowered to the IR, with
//! `super` (§13.3.7), `new.target` (§13.3.12) and `this` in derived constructors.
//!
//! What the spec keeps on function objects lives in the class's own environment (the class
//! scope, §15.7.14 step 4, which also holds the inner binding of the class name), in slots
//! whose names no program can write (`%proto#n`, …, numbered per class so that a nested
//! class never shadows them): a method's [[HomeObject]] is the prototype (`%proto#n`) or,
//! for a static one, the constructor (`%F#n`); a constructor's [[Fields]] are one closure
//! (`%fields#n`) that runs the field initialisers in order with the instance as `this`
//! (InitializeInstanceElements, §7.3.34); a computed field key is evaluated once, at
//! definition, into `%key#n.i`. Each is fixed for the life of the class, as the spec's
//! slots are. The engine's half is `evloop_engine::vm::class`.

use std::sync::Arc;

use evloop_model::ir::FunctionKind;
use evloop_model::ir::{Instr, MethodKind};
use oxc_ast::ast;
use oxc_span::{GetSpan, Span};

use super::function::Body;
use super::scope::{BindKind, Scope};
use super::{Compiler, R};

/// Class code's part of a function being compiled.
#[derive(Debug, Clone, Default)]
pub(super) struct FnClass {
    /// The class-scope slot holding the method's [[HomeObject]] (`super.x`).
    pub(super) home: Option<Arc<str>>,
    /// A class constructor: the slot holding F (GetSuperConstructor).
    pub(super) ctor: Option<Arc<str>>,
    /// A class constructor whose class has instance fields: the slot of the closure that
    /// initialises them ([[Fields]]).
    pub(super) fields: Option<Arc<str>>,
    /// Field initialisers and static blocks, where `arguments` is an early error
    /// (§15.7.1 ContainsArguments, §15.7.11.1).
    pub(super) initializer: bool,
}

/// A field's key: a name, or the class-scope slot its computed key was evaluated into.
#[derive(Clone)]
pub(super) enum FieldKey {
    Name(Arc<str>),
    Slot(Arc<str>),
    /// A private field `#x` (PrivateFieldAdd).
    Private(Arc<str>),
    /// A private method or accessor half, its closure in a class-scope slot
    /// (PrivateMethodOrAccessorAdd, before the fields, §7.3.34 step 3).
    PrivateMethod {
        name: Arc<str>,
        slot: Arc<str>,
        kind: MethodKind,
    },
}

/// One ClassFieldDefinition (§15.7.10) to initialise.
pub(super) struct FieldInit<'b, 'a> {
    pub(super) key: FieldKey,
    pub(super) value: Option<&'b ast::Expression<'a>>,
    pub(super) span: Span,
}

/// A static element, run in order after the class binding is initialised (§15.7.14
/// step 31).
enum Static<'b, 'a> {
    Field(FieldInit<'b, 'a>),
    Block(&'b ast::StaticBlock<'a>),
}

impl Compiler<'_> {
    /// Emits the value of a class-scope slot (or any internal binding) by name.
    pub(super) fn load_internal(&mut self, name: &str, span: Span) -> R {
        let (depth, slot) = self.internal_binding(name, span)?;
        self.emit(Instr::LoadVar { depth, slot });
        Ok(())
    }

    /// Stores the top of the stack into a class-scope slot by name.
    pub(super) fn store_internal(&mut self, name: &str, span: Span) -> R {
        let (depth, slot) = self.internal_binding(name, span)?;
        self.emit(Instr::StoreVar { depth, slot });
        Ok(())
    }

    /// Where an internal binding the class lowering declared is (always found).
    fn internal_binding(&mut self, name: &str, span: Span) -> R<(u32, u32)> {
        match self.resolve(name) {
            Some(r) => Ok((r.depth, r.slot)),
            None => Err(self.error(
                span,
                "internal error",
                format!("internal compiler error: no binding {name}"),
                "",
            )),
        }
    }

    /// The start of a class constructor (called by `function_body` for every function):
    /// a derived one gets its this binding (uninitialised) and [[NewTarget]] slots; a base
    /// one runs InitializeInstanceElements before its parameters are bound (§10.2.2 step
    /// 6.b).
    pub(super) fn class_constructor_prologue(&mut self) -> R {
        match self.f.kind {
            FunctionKind::DerivedConstructor => {
                if let Some(scope) = self.f.scopes.first_mut() {
                    self.f.derived_this = Some(scope.add("%this", BindKind::Internal, 0));
                    self.f.new_target = Some(scope.add("%newtarget", BindKind::Internal, 0));
                }
                Ok(())
            }
            FunctionKind::ClassConstructor => match self.f.class.fields.clone() {
                Some(fields) => {
                    self.emit(Instr::LoadThis);
                    self.load_internal(&fields, self.cur)?;
                    self.emit(Instr::CallMethod { argc: 0 });
                    self.emit(Instr::Pop);
                    Ok(())
                }
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// The default constructor (§15.7.14 step 14.a): a derived one is
    /// `constructor(...args) { super(...args); }`, its arguments passed on as the list
    /// they arrived in (the 2025 spec no longer iterates them; the rest array here is that
    /// list, not reached by any program).
    pub(super) fn default_constructor_body(&mut self, derived: bool, span: Span) -> R {
        if !derived {
            return Ok(());
        }
        let class = self.f.class.clone();
        let Some(ctor) = class.ctor else {
            return Err(self.unsupported(span, "default constructor"));
        };
        self.load_internal(&ctor, span)?;
        self.emit(Instr::GetSuperConstructor);
        self.load_internal("%newtarget", span)?;
        self.load_internal("%args", span)?;
        self.emit(Instr::SuperConstructSpread);
        self.super_call_tail(class.fields.as_deref(), span)?;
        self.emit(Instr::Pop);
        Ok(())
    }

    /// The field initialisers, in order (§7.3.33 DefineField: the initialiser's value, a
    /// function named after the key, defined with CreateDataPropertyOrThrow on `this`).
    pub(super) fn field_initialisers(&mut self, fields: &[FieldInit<'_, '_>]) -> R {
        for f in fields {
            self.at(f.span, |c| {
                c.emit(Instr::LoadThis);
                let hint = match &f.key {
                    FieldKey::Name(n) => Some(n.clone()),
                    FieldKey::Slot(slot) => {
                        c.load_internal(slot, f.span)?;
                        None
                    }
                    FieldKey::Private(name) => {
                        c.load_internal(name, f.span)?;
                        Some(name.clone())
                    }
                    FieldKey::PrivateMethod { name, slot, kind } => {
                        c.load_internal(name, f.span)?;
                        c.load_internal(slot, f.span)?;
                        c.emit(Instr::PrivateMethodAdd(*kind));
                        c.emit(Instr::Pop);
                        return Ok(());
                    }
                };
                match f.value {
                    Some(v) => c.expr_named(v, hint)?,
                    None => c.undefined(),
                }
                match &f.key {
                    FieldKey::Name(n) => c.emit(Instr::DefineField(n.clone())),
                    FieldKey::Private(_) => c.emit(Instr::PrivateFieldAdd),
                    _ => c.emit(Instr::DefineIndex),
                };
                c.emit(Instr::Pop);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// A class declaration or expression (ClassDefinitionEvaluation, §15.7.14): leaves the
    /// constructor F on the stack. `hint` names an anonymous class (`const C = class {}`).
    pub(super) fn class(&mut self, c: &ast::Class<'_>, hint: Option<Arc<str>>) -> R {
        if let Some(d) = c.decorators.first() {
            return Err(self.unsupported(d.span, "decorator"));
        }
        // §15.7.1: all parts of a class are strict mode code.
        let strict = std::mem::replace(&mut self.f.strict, true);
        let r = self.class_definition(c, hint);
        self.f.strict = strict;
        r
    }

    fn class_definition(&mut self, c: &ast::Class<'_>, hint: Option<Arc<str>>) -> R {
        let n = self.classes;
        self.classes += 1;
        let slot_f: Arc<str> = format!("%F#{n}").into();
        let slot_proto: Arc<str> = format!("%proto#{n}").into();
        let slot_fields: Arc<str> = format!("%fields#{n}").into();
        let elements = &c.body.body;
        self.class_early_errors(c)?;
        // Refuse what is not modelled before emitting anything.
        for e in elements {
            match e {
                ast::ClassElement::MethodDefinition(m) => {
                    if m.value.generator {
                        return Err(self.unsupported(m.span, "generator method"));
                    }
                }
                ast::ClassElement::PropertyDefinition(_) => {}
                ast::ClassElement::AccessorProperty(a) => {
                    return Err(self.unsupported(a.span, "auto-accessor (`accessor` field)"));
                }
                ast::ClassElement::TSIndexSignature(t) => {
                    return Err(self.unsupported(t.span, "TypeScript syntax"));
                }
                ast::ClassElement::StaticBlock(_) => {}
            }
        }
        let has_instance_fields = has_instance_elements(elements);
        // Steps 1–6: the class scope, with the inner binding of the name (in its TDZ until
        // step 27) and the class's internal slots.
        let mut scope = Scope::default();
        let name = c.id.as_ref().map(|id| id.name.as_str());
        if let Some(name) = name {
            self.check_strict_name(name, c.span)?;
            scope.add(name, BindKind::Const, c.span.end);
        }
        scope.add(&slot_f, BindKind::Internal, 0);
        scope.add(&slot_proto, BindKind::Internal, 0);
        if has_instance_fields {
            scope.add(&slot_fields, BindKind::Internal, 0);
        }
        // Step 6–7: a new Private Name for each `#x` the body declares, and a slot for
        // each private method's closure.
        let mut private_names: Vec<Arc<str>> = Vec::new();
        for (i, e) in elements.iter().enumerate() {
            let key = match e {
                ast::ClassElement::MethodDefinition(m) => {
                    if let ast::PropertyKey::PrivateIdentifier(_) = &m.key {
                        scope.add(&format!("%pm#{n}.{i}"), BindKind::Internal, 0);
                    }
                    &m.key
                }
                ast::ClassElement::PropertyDefinition(p) => &p.key,
                _ => continue,
            };
            if let ast::PropertyKey::PrivateIdentifier(id) = key {
                let name: Arc<str> = format!("#{}", id.name.as_str()).into();
                if !private_names.contains(&name) {
                    scope.add(&name, BindKind::Internal, 0);
                    private_names.push(name);
                }
            }
        }
        let mut key_slots = 0usize;
        for e in elements {
            if let ast::ClassElement::PropertyDefinition(p) = e
                && !matches!(p.key, ast::PropertyKey::PrivateIdentifier(_))
                && Self::static_key(&p.key, p.computed).is_none()
            {
                scope.add(&format!("%key#{n}.{key_slots}"), BindKind::Internal, 0);
                key_slots += 1;
            }
        }
        self.emit(Instr::PushEnv { size: scope.size() });
        self.f.scopes.push(scope);
        for name in &private_names {
            self.emit(Instr::NewPrivateName(name.clone()));
            self.emit(Instr::StoreVar {
                depth: 0,
                slot: self
                    .f
                    .scopes
                    .last()
                    .and_then(|s| s.find(name))
                    .map_or(0, super::len_u32),
            });
        }
        let r = self.class_body(c, hint, name, &slot_f, &slot_proto, &slot_fields, n);
        self.f.scopes.pop();
        r?;
        self.emit(Instr::PopEnv);
        Ok(())
    }

    /// The early errors of a class (§15.7.1) the parser leaves to us: a class name that
    /// is a reserved word in strict code, more than one `constructor`, and a private name
    /// declared twice (other than a getter and a setter).
    fn class_early_errors(&mut self, c: &ast::Class<'_>) -> R {
        let syntax = |c: &mut Self, span: Span, message: String| {
            Err(c.error(span, "syntax error", message, "see ECMA-262 §15.7.1"))
        };
        if let Some(id) = &c.id
            && matches!(
                id.name.as_str(),
                "let"
                    | "static"
                    | "yield"
                    | "implements"
                    | "interface"
                    | "package"
                    | "private"
                    | "protected"
                    | "public"
            )
        {
            return syntax(
                self,
                id.span,
                format!("Unexpected strict mode reserved word `{}`", id.name),
            );
        }
        let mut ctors = 0;
        let mut privates: Vec<(String, MethodKind, bool)> = Vec::new();
        for e in &c.body.body {
            let (key, kind, is_static) = match e {
                ast::ClassElement::MethodDefinition(m) => {
                    if m.kind == ast::MethodDefinitionKind::Constructor {
                        ctors += 1;
                        if ctors > 1 {
                            return syntax(
                                self,
                                m.span,
                                "A class may only have one constructor".into(),
                            );
                        }
                    }
                    let kind = match m.kind {
                        ast::MethodDefinitionKind::Get => MethodKind::Getter,
                        ast::MethodDefinitionKind::Set => MethodKind::Setter,
                        _ => MethodKind::Method,
                    };
                    (&m.key, kind, m.r#static)
                }
                ast::ClassElement::PropertyDefinition(p) => {
                    (&p.key, MethodKind::Method, p.r#static)
                }
                _ => continue,
            };
            if let ast::PropertyKey::PrivateIdentifier(id) = key {
                let name = id.name.as_str().to_string();
                let clash = privates.iter().any(|(n, k, st)| {
                    *n == name
                        && !(*st == is_static
                            && matches!(
                                (k, kind),
                                (MethodKind::Getter, MethodKind::Setter)
                                    | (MethodKind::Setter, MethodKind::Getter)
                            ))
                });
                if clash {
                    return syntax(
                        self,
                        id.span,
                        format!("Identifier '#{name}' has already been declared"),
                    );
                }
                privates.push((name, kind, is_static));
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn class_body(
        &mut self,
        c: &ast::Class<'_>,
        hint: Option<Arc<str>>,
        name: Option<&str>,
        slot_f: &Arc<str>,
        slot_proto: &Arc<str>,
        slot_fields: &Arc<str>,
        n: u32,
    ) -> R {
        let elements = &c.body.body;
        let has_instance_fields = has_instance_elements(elements);
        // Step 8: the heritage, evaluated in the class scope.
        if let Some(h) = &c.heritage {
            self.expr(&h.expression)?;
        }
        let derived = c.heritage.is_some();
        // Steps 10–17: the constructor (the `constructor` method, or the default one).
        let ctor_def = elements.iter().find_map(|e| match e {
            ast::ClassElement::MethodDefinition(m)
                if m.kind == ast::MethodDefinitionKind::Constructor =>
            {
                Some(m)
            }
            _ => None,
        });
        let ctor_class = FnClass {
            home: Some(slot_proto.clone()),
            ctor: Some(slot_f.clone()),
            fields: has_instance_fields.then(|| slot_fields.clone()),
            initializer: false,
        };
        let kind = if derived {
            FunctionKind::DerivedConstructor
        } else {
            FunctionKind::ClassConstructor
        };
        let ctor_name: Option<Arc<str>> = name.map(Into::into).or(hint).or(Some("".into()));
        let ctor = match ctor_def {
            Some(m) => {
                let Some(body) = &m.value.body else {
                    return Err(self.unsupported(m.span, "constructor without a body"));
                };
                self.compile_function_with(
                    m.value.span,
                    ctor_name,
                    kind,
                    Some(&m.value.params),
                    Body::Statements(&body.statements),
                    body.has_use_strict_directive(),
                    ctor_class,
                )?
            }
            None => self.compile_function_with(
                c.span,
                ctor_name,
                kind,
                None,
                Body::DefaultConstructor { derived },
                false,
                ctor_class,
            )?,
        };
        // A class's [[SourceText]] is the whole ClassDeclaration or ClassExpression
        // (§15.7.14 step 15, MakeClassConstructor's F.[[SourceText]]), not its constructor's.
        if let Some(f) = self.functions.get_mut(ctor as usize) {
            f.source_text = (c.span.start, c.span.end);
        }
        self.at(c.span, |cx| {
            cx.emit(Instr::MakeClass {
                ctor,
                heritage: derived,
            });
            cx.store_internal(slot_proto, c.span)?;
            cx.emit(Instr::Dup);
            cx.store_internal(slot_f, c.span)
        })?;
        // Steps 19–25: the elements, in order: methods are defined now; fields and static
        // blocks are collected (a computed field key is evaluated now).
        let mut instance: Vec<FieldInit<'_, '_>> = Vec::new();
        let mut instance_methods: Vec<FieldInit<'_, '_>> = Vec::new();
        let mut static_methods: Vec<FieldInit<'_, '_>> = Vec::new();
        let mut statics: Vec<Static<'_, '_>> = Vec::new();
        let mut key_slot = 0usize;
        for (i, e) in elements.iter().enumerate() {
            match e {
                ast::ClassElement::MethodDefinition(m)
                    if m.kind != ast::MethodDefinitionKind::Constructor =>
                {
                    if let ast::PropertyKey::PrivateIdentifier(id) = &m.key {
                        let slot: Arc<str> = format!("%pm#{n}.{i}").into();
                        let init = self.private_method(m, id, slot, slot_f, slot_proto)?;
                        if m.r#static {
                            static_methods.push(init);
                        } else {
                            instance_methods.push(init);
                        }
                    } else {
                        self.class_method(m, slot_f, slot_proto)?;
                    }
                }
                ast::ClassElement::PropertyDefinition(p) => {
                    let key = match Self::static_key(&p.key, p.computed) {
                        _ if let ast::PropertyKey::PrivateIdentifier(id) = &p.key => {
                            FieldKey::Private(format!("#{}", id.name.as_str()).into())
                        }
                        Some(k) => FieldKey::Name(k),
                        None => {
                            let slot: Arc<str> = format!("%key#{n}.{key_slot}").into();
                            key_slot += 1;
                            let Some(k) = p.key.as_expression() else {
                                return Err(self.unsupported(p.key.span(), "property key"));
                            };
                            self.at(p.key.span(), |cx| {
                                cx.expr(k)?;
                                // ToPropertyKey, once (§15.7.10 step 1).
                                cx.emit(Instr::ToStr);
                                cx.store_internal(&slot, p.span)
                            })?;
                            FieldKey::Slot(slot)
                        }
                    };
                    let field = FieldInit {
                        key,
                        value: p.value.as_ref(),
                        span: p.span,
                    };
                    if p.r#static {
                        statics.push(Static::Field(field));
                    } else {
                        instance.push(field);
                    }
                }
                ast::ClassElement::StaticBlock(b) => statics.push(Static::Block(b)),
                _ => {}
            }
        }
        // [[Fields]]: one closure adding the private methods, then initialising the
        // fields in order (InitializeInstanceElements, §7.3.34).
        instance_methods.append(&mut instance);
        let instance = instance_methods;
        if !instance.is_empty() {
            let id =
                self.initializer_function(c.span, Body::Fields(&instance), slot_proto.clone())?;
            self.emit(Instr::MakeClosure(id));
            self.store_internal(slot_fields, c.span)?;
        }
        // Step 27: initialise the inner binding of the class name.
        if let Some(name) = name {
            self.emit(Instr::Dup);
            self.store_internal(name, c.span)?;
        }
        // Step 30: the static private methods, added to F.
        for m in &static_methods {
            if let FieldKey::PrivateMethod { name, slot, kind } = &m.key {
                self.at(m.span, |cx| {
                    cx.load_internal(slot_f, m.span)?;
                    cx.load_internal(name, m.span)?;
                    cx.load_internal(slot, m.span)?;
                    cx.emit(Instr::PrivateMethodAdd(*kind));
                    cx.emit(Instr::Pop);
                    Ok(())
                })?;
            }
        }
        // Step 31: the static fields and blocks, in order, with F as `this`.
        let mut i = 0;
        while i < statics.len() {
            let (id, span) = match statics.get(i) {
                Some(Static::Block(b)) => {
                    i += 1;
                    let id = self.initializer_function(
                        b.span,
                        Body::Statements(&b.body),
                        slot_f.clone(),
                    )?;
                    (id, b.span)
                }
                _ => {
                    let start = i;
                    while matches!(statics.get(i), Some(Static::Field(_))) {
                        i += 1;
                    }
                    let run: Vec<FieldInit<'_, '_>> = statics
                        .get(start..i)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|s| match s {
                            Static::Field(f) => Some(FieldInit {
                                key: f.key.clone(),
                                value: f.value,
                                span: f.span,
                            }),
                            Static::Block(_) => None,
                        })
                        .collect();
                    let span = run.first().map_or(c.span, |f| f.span);
                    let id = self.initializer_function(span, Body::Fields(&run), slot_f.clone())?;
                    (id, span)
                }
            };
            self.at(span, |cx| {
                cx.load_internal(slot_f, span)?;
                cx.emit(Instr::MakeClosure(id));
                cx.emit(Instr::CallMethod { argc: 0 });
                cx.emit(Instr::Pop);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// A method, getter or setter (§15.4.4 MethodDefinitionEvaluation with enumerable
    /// false, §15.7.14 step 25): defined on the prototype, or on F when static.
    fn class_method(
        &mut self,
        m: &ast::MethodDefinition<'_>,
        slot_f: &Arc<str>,
        slot_proto: &Arc<str>,
    ) -> R {
        let home = if m.r#static { slot_f } else { slot_proto };
        let key = Self::static_key(&m.key, m.computed);
        self.at(m.span, |c| {
            c.load_internal(home, m.span)?;
            if key.is_none() {
                match m.key.as_expression() {
                    Some(k) => c.expr(k)?,
                    None => return Err(c.unsupported(m.key.span(), "property key")),
                }
            }
            let (id, kind) = c.method_function(m, key.as_deref(), home)?;
            c.emit(Instr::MakeClosure(id));
            c.emit(Instr::DefineMethod {
                key: key.clone(),
                kind,
                enumerable: false,
            });
            c.emit(Instr::Pop);
            Ok(())
        })
    }

    /// A class method's function (§15.4.4): what it defines (a method, or an accessor
    /// half), named after `key` (SetFunctionName with its `get`/`set` prefix; a computed key
    /// is named when it is defined), with `home` as its [[HomeObject]].
    fn method_function(
        &mut self,
        m: &ast::MethodDefinition<'_>,
        key: Option<&str>,
        home: &Arc<str>,
    ) -> R<(evloop_model::ir::FuncId, MethodKind)> {
        let Some(body) = &m.value.body else {
            return Err(self.unsupported(m.span, "method without a body"));
        };
        let kind = match m.kind {
            ast::MethodDefinitionKind::Get => MethodKind::Getter,
            ast::MethodDefinitionKind::Set => MethodKind::Setter,
            _ => MethodKind::Method,
        };
        let fkind = if m.value.r#async {
            FunctionKind::Async
        } else {
            FunctionKind::Method
        };
        let id = self.compile_function_with(
            m.value.span,
            key.map(|k| method_name(k, kind)),
            fkind,
            Some(&m.value.params),
            Body::Statements(&body.statements),
            body.has_use_strict_directive(),
            FnClass {
                home: Some(home.clone()),
                ..FnClass::default()
            },
        )?;
        Ok((id, kind))
    }

    /// A field initialiser or static block as a method of `home` (§15.7.10
    /// ClassFieldDefinitionEvaluation, §15.7.11 ClassStaticBlockDefinitionEvaluation).
    fn initializer_function(
        &mut self,
        span: Span,
        body: Body<'_, '_>,
        home: Arc<str>,
    ) -> R<evloop_model::ir::FuncId> {
        self.compile_function_with(
            span,
            None,
            FunctionKind::Method,
            None,
            body,
            false,
            FnClass {
                home: Some(home),
                initializer: true,
                ..FnClass::default()
            },
        )
    }

    /// A private method or accessor half (§15.7.14 step 25 with a PrivateElement): its
    /// closure is made once, at definition, into `slot`; instances get it when their
    /// elements are initialised, F at step 30.
    fn private_method<'b, 'a>(
        &mut self,
        m: &'b ast::MethodDefinition<'a>,
        id: &ast::PrivateIdentifier<'_>,
        slot: Arc<str>,
        slot_f: &Arc<str>,
        slot_proto: &Arc<str>,
    ) -> R<FieldInit<'b, 'a>> {
        let home = if m.r#static { slot_f } else { slot_proto };
        let name: Arc<str> = format!("#{}", id.name.as_str()).into();
        let kind = self.at(m.span, |c| {
            let (fid, kind) = c.method_function(m, Some(&name), home)?;
            c.emit(Instr::MakeClosure(fid));
            c.store_internal(&slot, m.span)?;
            Ok(kind)
        })?;
        Ok(FieldInit {
            key: FieldKey::PrivateMethod { name, slot, kind },
            value: None,
            span: m.span,
        })
    }
}

/// Whether instances of the class get elements: a field, or a private method or accessor.
fn has_instance_elements(elements: &[ast::ClassElement<'_>]) -> bool {
    elements.iter().any(|e| match e {
        ast::ClassElement::PropertyDefinition(p) => !p.r#static,
        ast::ClassElement::MethodDefinition(m) => {
            !m.r#static && matches!(m.key, ast::PropertyKey::PrivateIdentifier(_))
        }
        _ => false,
    })
}

/// A method's name from its key (§10.2.9 SetFunctionName: `get x`, `set x`).
pub(super) fn method_name(key: &str, kind: MethodKind) -> Arc<str> {
    match kind {
        MethodKind::Method => key.into(),
        MethodKind::Getter => format!("get {key}").into(),
        MethodKind::Setter => format!("set {key}").into(),
    }
}
