//! Diagnostics: recording errors (`Compiler::errors`, signalled with [`Reported`]) and the help
//! texts for constructs outside the supported subset.

use oxc_span::Span;

use super::{Compiler, Reported};
use crate::Diagnostic;

/// Stop after this many diagnostics.
pub(super) const MAX_ERRORS: usize = 50;
pub(super) const SUBSET: &str = "see README 'Supported JavaScript'";

/// Help text for an unsupported construct.
fn help_for(construct: &str) -> String {
    let alt = match construct {
        "auto-accessor (`accessor` field)" | "private field as a destructuring target" => {
            "supported: classes with public and private fields, methods, getters, setters, static members and blocks, `extends`, `super` and `new.target`"
        }
        "generator function" | "generator method" | "`yield`" => {
            "supported: normal and async functions, arrows, `await`"
        }
        "labeled statement" | "labeled break" | "labeled continue" => {
            "supported: unlabeled `break` and `continue` in the innermost loop"
        }
        "for-in initializer" => "supported: `for (var k in o)` without an initializer",
        "for await loop" => {
            "supported: `for (… of …)` over arrays and strings, `for (;;)`, `while`, `do … while`"
        }
        "optional chaining" => "supported: explicit checks such as `o != null ? o.x : undefined`",
        "tagged template" => "supported: untagged template literals",
        "regular expression" => "supported: string methods on plain strings",
        "import declaration" | "export declaration" | "dynamic import" | "`import.meta`" => {
            "supported: a single self-contained script or module file; in an ES module on the node-esm, deno and bun hosts, static `import` declarations of Node's builtin modules (`import fs from \"node:fs\"`)"
        }
        "break/continue out of try…finally" => {
            "supported: `break`/`continue` that stay inside the `try`, `catch` or `finally` block, or `return`"
        }
        "`delete` of a global" => {
            "supported: `delete` of properties (`delete o.x`, `delete o[k]`), and of declared or undeclared names in sloppy mode"
        }
        _ => "supported: the subset listed in the README",
    };
    format!("{alt}; {SUBSET}")
}

impl Compiler<'_> {
    pub(super) fn diag(
        &self,
        span: Span,
        construct: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(
            self.file,
            self.lines,
            (span.start, span.end),
            construct,
            message,
            help,
        )
    }

    pub(super) fn error(
        &mut self,
        span: Span,
        construct: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Reported {
        if self.errors.len() < MAX_ERRORS {
            let d = self.diag(span, construct, message, help);
            self.errors.push(d);
        }
        Reported
    }

    pub(super) fn unsupported(&mut self, span: Span, construct: &str) -> Reported {
        self.error(
            span,
            construct,
            format!("unsupported construct `{construct}`"),
            help_for(construct),
        )
    }

    fn supported_globals(&self) -> String {
        let mut names: Vec<&str> = Vec::new();
        for name in evloop_model::Host::ALL
            .iter()
            .flat_map(|h| h.global_names())
        {
            if !names.contains(&name) && (self.options.resolve_global)(name).is_some() {
                names.push(name);
            }
        }
        names.extend(["undefined", "NaN", "Infinity"]);
        names.join(", ")
    }

    /// Whether `name` is a real global (one ECMA-262 defines, or one every host defines) that
    /// this host's model does not have.
    pub(super) fn is_unmodelled_global(&self, name: &str) -> bool {
        evloop_model::ir::Global::is_unmodelled_es_name(name)
            || (evloop_model::Host::COMMON_GLOBALS.contains(&name)
                && (self.options.resolve_global)(name).is_none())
    }

    /// The refusal of a real global the model lacks: never "undefined", never a
    /// ReferenceError, since the real engine has it.
    pub(super) fn unmodelled_global(&mut self, span: Span, name: &str) -> Reported {
        let help = format!("supported globals: {}; {SUBSET}", self.supported_globals());
        self.error(
            span,
            format!("global `{name}`"),
            format!("`{name}` is a global that evloop does not model yet"),
            help,
        )
    }

    pub(super) fn unknown_identifier(&mut self, span: Span, name: &str) -> Reported {
        let help = format!(
            "declare it with `let`, `const`, `var` or `function`; supported globals: {}",
            self.supported_globals()
        );
        self.error(
            span,
            format!("identifier `{name}`"),
            format!("`{name}` is not defined in the supported subset"),
            help,
        )
    }
}
