//! evloop's JavaScript frontend.
//!
//! [`compile`] parses a JavaScript source with `oxc_parser` and lowers the supported subset of
//! the language to the stack-machine IR of [`evloop_model::ir`]. Anything outside the subset is
//! reported as a [`Diagnostic`] naming the construct (`generator function`, `labeled statement`,
//! …) rather than being silently mis-compiled. The lowering conventions (environments resolved
//! to `(depth, slot)` at compile time, TDZ holes, `Loop` for backward jumps, handler layout for
//! `try`/`catch`/`finally`) are documented in `evloop_model::ir` and in this crate's README.
//!
//! [`compile_for_host`] and [`load_file`] compile a program the way `evloop` runs it on a host
//! (that host's globals and module rules) and keep the rendered diagnostics for the user.
//!
//! No input makes [`compile`] panic: nesting is bounded (a pre-scan bounds the parser's
//! recursion, the lowering bounds its own), and the work runs on a thread with a large stack.

#![forbid(unsafe_code)]

mod compiler;
mod fuzz;
mod lines;
mod load;
mod scan;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::fmt;

use evloop_model::ir::{Global, Program};
use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;

pub use crate::fuzz::{FUZZ_CHOICES, FuzzReport, fuzz_compile};
use crate::lines::LineIndex;
pub use crate::load::{LoadError, compile_for_host, load_file};

/// How a source is compiled.
#[derive(Debug, Clone, Copy)]
pub struct CompileOptions {
    /// Parse as an ES module (strict mode, top-level `await` allowed).
    pub is_module: bool,
    /// Resolves a name that is not declared anywhere in the program to a host global.
    pub resolve_global: fn(&str) -> Option<Global>,
}

impl CompileOptions {
    /// The options `evloop` compiles a main file named `file_name` with on `host`: the host's
    /// globals, and module or script as that host decides for the name
    /// ([`evloop_model::Host::main_is_module`]).
    pub fn for_host(host: evloop_model::Host, file_name: &str) -> CompileOptions {
        CompileOptions {
            is_module: host.main_is_module(file_name),
            resolve_global: host.global_resolver(),
        }
    }
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            is_module: false,
            resolve_global: evloop_model::Host::Html.global_resolver(),
        }
    }
}

/// One error: a syntax error from the parser or a construct outside the supported subset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line of the start of the offending span.
    pub line: u32,
    /// 1-based column (in characters) of the start of the offending span.
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// What was found, e.g. `generator function`, `identifier \`fetch\``, `syntax error`.
    pub construct: String,
    pub message: String,
    /// What is supported instead.
    pub help: String,
    /// The byte span `(start, end)` in the source.
    pub offset: (u32, u32),
}

impl Diagnostic {
    fn new(
        file: &str,
        lines: &LineIndex<'_>,
        span: (u32, u32),
        construct: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        let (start, end) = (span.0, span.1.max(span.0));
        let p = lines.pos(start);
        let e = lines.pos(end);
        Diagnostic {
            file: file.to_string(),
            line: p.line,
            col: p.col,
            end_line: e.line,
            end_col: e.col,
            construct: construct.into(),
            message: message.into(),
            help: help.into(),
            offset: (start, end),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// All the errors of one compilation (never empty when returned by [`compile`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", join_lines(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

fn join_lines(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Diagnostics {
    /// Renders every diagnostic with its source snippet and a caret under the offending span
    /// (codespan-reporting, no colour). `source` should be the text that was compiled.
    pub fn render(&self, source: &str) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term::{self, termcolor::NoColor};

        let config = term::Config::default();
        let mut out = NoColor::new(Vec::new());
        for d in &self.0 {
            let file = SimpleFile::new(d.file.as_str(), source);
            let range = clamp_span(source, d.offset);
            let mut diag = CsDiagnostic::error()
                .with_message(&d.message)
                .with_labels(vec![Label::primary((), range).with_message(&d.construct)]);
            if !d.help.is_empty() {
                diag = diag.with_notes(vec![format!("help: {}", d.help)]);
            }
            if term::emit(&mut out, &config, &file, &diag).is_err() {
                // The span could not be shown: fall back to the one-line form.
                out.get_mut().extend_from_slice(format!("{d}\n").as_bytes());
            }
        }
        String::from_utf8_lossy(&out.into_inner()).into_owned()
    }
}

/// A byte range inside `source` on character boundaries.
fn clamp_span(source: &str, (start, end): (u32, u32)) -> std::ops::Range<usize> {
    let len = source.len();
    let mut start = (start as usize).min(len);
    let mut end = (end as usize).clamp(start, len);
    while start > 0 && !source.is_char_boundary(start) {
        start -= 1;
    }
    while end < len && !source.is_char_boundary(end) {
        end += 1;
    }
    start..end.max(start)
}

/// The most nesting the pre-scan accepts (an over-estimate of the parser's recursion depth).
const SCAN_LIMIT: u32 = 1000;
/// The stack of the thread that parses and lowers (reserved lazily by the OS).
const STACK_SIZE: usize = 64 * 1024 * 1024;

/// Parses `source` and lowers it to the IR.
///
/// # Errors
/// Syntax errors and every construct outside the supported subset, as [`Diagnostics`].
pub fn compile(
    source: &str,
    file_name: &str,
    options: &CompileOptions,
) -> Result<Program, Diagnostics> {
    let lines = LineIndex::new(source);
    if u32::try_from(source.len()).is_err() {
        return Err(Diagnostics(vec![Diagnostic::new(
            file_name,
            &lines,
            (0, 0),
            "source too large",
            "the source is larger than 4 GiB",
            "split the program",
        )]));
    }
    if let Some(offset) = scan::exceeds_nesting(source, SCAN_LIMIT) {
        return Err(Diagnostics(vec![too_deep(
            file_name,
            &lines,
            (offset, offset),
        )]));
    }
    let job = || compile_on_this_thread(source, file_name, options);
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("evloop-js".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(s, job)
        {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(payload) => std::panic::resume_unwind(payload),
            },
            // No thread could be started: the nesting limits keep the current stack enough
            // for realistic programs.
            Err(_) => job(),
        }
    })
}

pub(crate) fn too_deep(file: &str, lines: &LineIndex<'_>, span: (u32, u32)) -> Diagnostic {
    Diagnostic::new(
        file,
        lines,
        span,
        "deeply nested code",
        "unsupported construct `deeply nested code`: nesting is too deep",
        "split deeply nested expressions or statements into functions or variables",
    )
}

fn compile_on_this_thread(
    source: &str,
    file_name: &str,
    options: &CompileOptions,
) -> Result<Program, Diagnostics> {
    let lines = LineIndex::new(source);
    let allocator = Allocator::default();
    let source_type = if options.is_module {
        SourceType::mjs()
    } else {
        SourceType::script()
    };
    let parsed = Parser::new(&allocator, source, source_type).parse();
    let mut syntax: Vec<Diagnostic> = parsed
        .diagnostics
        .errors()
        .map(|e| {
            let label = e
                .labels
                .iter()
                .find(|l| l.primary())
                .or_else(|| e.labels.first());
            let span = label.map_or((0, 0), |l| (l.offset(), l.offset().saturating_add(l.len())));
            let message = e.message.to_string();
            if message.contains("`await` is only allowed") {
                let help = if options.is_module {
                    "mark the enclosing function `async`"
                } else {
                    "mark the enclosing function `async`; top-level `await` needs the source to be compiled as a module"
                };
                return Diagnostic::new(
                    file_name,
                    &lines,
                    span,
                    "`await` outside an async function",
                    message,
                    help,
                );
            }
            let help = e.help.as_deref().unwrap_or(
                "fix the syntax error; see README 'Supported JavaScript' for the supported subset",
            );
            Diagnostic::new(file_name, &lines, span, "syntax error", message, help)
        })
        .collect();
    if syntax.is_empty() && parsed.panicked {
        syntax.push(Diagnostic::new(
            file_name,
            &lines,
            (0, 0),
            "syntax error",
            "the source could not be parsed",
            "fix the syntax error",
        ));
    }
    if !syntax.is_empty() {
        if !options.is_module
            && let Some(imports) = imports_in_script(source, file_name, &lines)
        {
            return Err(Diagnostics(imports));
        }
        return Err(Diagnostics(syntax));
    }
    compiler::compile_program(source, file_name, options, &lines, &parsed.program)
        .map_err(Diagnostics)
}

/// NODE-4: a script that does not parse because it has `import` declarations: Node's
/// SyntaxError ("Cannot use import statement outside a module", thrown when a CommonJS main
/// has module syntax) at each of them, instead of the parser's errors. `None` when the source
/// has no top-level `import` declaration or does not parse as a module either.
fn imports_in_script(
    source: &str,
    file_name: &str,
    lines: &LineIndex<'_>,
) -> Option<Vec<Diagnostic>> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if parsed.panicked || parsed.diagnostics.errors().next().is_some() {
        return None;
    }
    let diags: Vec<Diagnostic> = parsed
        .program
        .body
        .iter()
        .filter_map(|s| match s {
            oxc_ast::ast::Statement::ImportDeclaration(d) => Some(Diagnostic::new(
                file_name,
                lines,
                (d.span.start, d.span.end),
                "import declaration",
                "Cannot use import statement outside a module",
                compiler::IMPORT_IN_SCRIPT_HELP,
            )),
            _ => None,
        })
        .collect();
    (!diags.is_empty()).then_some(diags)
}
