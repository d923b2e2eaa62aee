//! NODE-4: static `import` declarations of Node's builtin modules in an ES-module main.
//!
//! An ES module's imports are linked before any of its code runs (ECMA-262 §16.2.1.6.4
//! InitializeEnvironment, steps 7–8: every import binding is created and, for a module whose
//! exports are already evaluated, initialised before the module body's first statement), so
//! an import binding is readable from the first statement on, wherever the declaration
//! stands. A builtin module is evaluated before the main module (Node
//! `lib/internal/modules/esm/translators.js`, the `builtin` translator: its default export is
//! the module's `module.exports`, its named exports that object's properties), and linking
//! queues no job: an import adds no promise ticks and no nextTick callbacks.
//!
//! The lowering: each binding is a `const` of the module's top-level scope, initialised in
//! the prologue (before hoisted function declarations are created) by `require(specifier)`
//! — the model's builtin `require`, synchronous and queue-free — followed by `GetProp(name)`
//! for a named import. Only builtin modules the model has (`evloop_model::host::node::
//! builtins::builtin_module`) and, for named imports, only exports the model has are
//! accepted; everything else is a diagnostic.

use std::sync::Arc;

use evloop_model::host::builtin::{HostGlobalName, NodeGlobal};
use evloop_model::host::node::builtins::{
    BUILTIN_MODULES, builtin_module, builtin_module_exports, builtin_module_has_export,
};
use evloop_model::ir::{Constant, Instr};
use oxc_ast::ast;
use oxc_span::{GetSpan, Span};

use super::{BindKind, Compiler, R, Reported, Scope, len_u32};

/// One import binding: `local` is bound to the builtin module `specifier` (its
/// `module.exports`) or, with `export`, to that export.
pub(super) struct ImportBinding<'a> {
    pub(super) local: &'a str,
    pub(super) span: Span,
    pub(super) specifier: Arc<str>,
    pub(super) export: Option<Arc<str>>,
}

impl Compiler<'_> {
    /// Whether the host offers Node's builtin modules (it resolves `require` to Node's).
    fn has_node_builtins(&self) -> bool {
        (self.options.resolve_global)("require")
            == Some(HostGlobalName::Node(NodeGlobal::Require).global())
    }

    /// NODE-4: the import bindings of the top-level `stmts` of a module (InitializeEnvironment
    /// step 7); marks the declarations hoisted. Unsupported imports are reported.
    pub(super) fn import_bindings<'a>(
        &mut self,
        stmts: &[ast::Statement<'a>],
    ) -> (Vec<ImportBinding<'a>>, bool) {
        let mut out = Vec::new();
        let mut failed = false;
        for s in stmts {
            let ast::Statement::ImportDeclaration(d) = s else {
                continue;
            };
            self.hoisted.insert((d.span.start, d.span.end));
            failed |= self.import_declaration(d, &mut out).is_err();
        }
        (out, failed)
    }

    fn import_declaration<'a>(
        &mut self,
        d: &ast::ImportDeclaration<'a>,
        out: &mut Vec<ImportBinding<'a>>,
    ) -> R {
        let specifier = d.source.value.as_str();
        if !self.options.is_module {
            // Not reached through the parser (a script does not parse `import`), kept for
            // callers that compile a module AST as a script.
            return Err(self.error(
                d.span,
                "import declaration",
                "Cannot use import statement outside a module",
                IMPORT_IN_SCRIPT_HELP,
            ));
        }
        if d.phase.is_some() {
            return Err(self.error(
                d.span,
                "import phase",
                "unsupported construct `import phase` (`import defer` / `import source`)",
                "supported: `import … from \"node:…\"` of a builtin module",
            ));
        }
        if let Some(w) = &d.with_clause {
            return Err(self.error(
                w.span,
                "import attributes",
                "unsupported construct `import attributes`",
                "supported: `import … from \"node:…\"` of a builtin module, without `with { … }`",
            ));
        }
        if !self.has_node_builtins() || builtin_module(specifier).is_none() {
            let what = if specifier.starts_with('.') || specifier.starts_with('/') {
                "a relative or absolute module path"
            } else if specifier.contains("://") || specifier.starts_with("data:") {
                "a URL module"
            } else {
                "an unknown module"
            };
            let (message, help) = if self.has_node_builtins() {
                (
                    format!("unsupported import of `{specifier}`: {what}"),
                    format!(
                        "supported: static imports of Node's builtin modules {BUILTIN_MODULES} (`import fs from \"node:fs\"`, `import {{ readFile }} from \"fs\"`, `import * as fs from \"fs\"`); a program is a single file"
                    ),
                )
            } else {
                (
                    format!("unsupported import of `{specifier}`: this host has no modules to import"),
                    "supported: a single self-contained module; Node's builtin modules can be imported on the node-esm, deno and bun hosts".to_string(),
                )
            };
            return Err(self.error(d.source.span, "import declaration", message, help));
        }
        let name: Arc<str> = specifier.strip_prefix("node:").unwrap_or(specifier).into();
        if !self.imports.contains(&name) {
            self.imports.push(name);
        }
        let specs: &[ast::ImportDeclarationSpecifier<'_>] =
            d.specifiers.as_ref().map_or(&[], |v| v.as_slice());
        let mut result = Ok(());
        for sp in specs {
            let (local, export) = match sp {
                ast::ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => (&s.local, None),
                ast::ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => (&s.local, None),
                ast::ImportDeclarationSpecifier::ImportSpecifier(s) => {
                    let name = s.imported.name();
                    let name = name.as_str();
                    if !builtin_module_has_export(specifier, name) {
                        let exports = builtin_module_exports(specifier);
                        result = Err(self.error(
                            s.imported.span(),
                            format!("import of `{name}`"),
                            format!(
                                "The requested module '{specifier}' does not provide an export named '{name}' (in the model)"
                            ),
                            format!(
                                "supported: the default export and the modelled exports of `{specifier}`: {}",
                                exports.join(", ")
                            ),
                        ));
                        continue;
                    }
                    let export = (name != "default").then(|| Arc::from(name));
                    (&s.local, export)
                }
            };
            out.push(ImportBinding {
                local: local.name.as_str(),
                span: local.span,
                specifier: specifier.into(),
                export,
            });
        }
        result
    }

    /// Declares the import bindings in the module's top-level `scope` (as `const`s that are
    /// initialised before any code runs).
    pub(super) fn declare_imports(
        &mut self,
        scope: &mut Scope,
        imports: &[ImportBinding<'_>],
    ) -> bool {
        let mut failed = false;
        for b in imports {
            failed |= self
                .declare(scope, b.local, BindKind::Const, b.span, 0)
                .is_err();
        }
        failed
    }

    /// InitializeEnvironment step 8 for builtin modules: binds each import to the module's
    /// `module.exports` (default and namespace imports) or to one of its properties.
    pub(super) fn initialise_imports(&mut self, imports: &[ImportBinding<'_>]) -> R {
        let mut result = Ok(());
        for b in imports {
            let r = self.at(b.span, |c| {
                c.emit(Instr::LoadGlobal(
                    HostGlobalName::Node(NodeGlobal::Require).global(),
                ));
                c.constant(Constant::String(b.specifier.clone()));
                c.emit(Instr::Call { argc: 1 });
                if let Some(name) = &b.export {
                    c.emit(Instr::GetProp(name.clone()));
                }
                let slot = c.f.scopes.last().and_then(|s| s.find(b.local)).unwrap_or(0);
                c.emit(Instr::StoreVar {
                    depth: 0,
                    slot: len_u32(slot),
                });
                Ok(())
            });
            if r.is_err() {
                result = Err(Reported);
            }
        }
        result
    }
}

/// The help of an `import` in a CommonJS main.
pub(crate) const IMPORT_IN_SCRIPT_HELP: &str = "this host runs the file as a CommonJS script: name it `.mjs` or use `--host node-esm` (Node 20.19+/22.7+ would detect the module syntax and run the file as an ES module; with \"type\": \"commonjs\" it throws this SyntaxError), or use `require(\"node:…\")`";

#[cfg(test)]
#[path = "imports_tests.rs"]
mod tests;
