//! NODE-4: unit tests of the lowering of `import` declarations and of their diagnostics.

use evloop_model::ir::{Constant, Instr, Program};

use crate::{CompileOptions, Diagnostics, compile};

use Instr::*;

/// The options of an ES-module main on a Node host (`node-esm`, `deno`, `bun` with `.mjs`).
fn esm() -> CompileOptions {
    CompileOptions {
        is_module: true,
        resolve_global: evloop_model::Host::Node.global_resolver(),
    }
}

/// The options of a CommonJS main on a Node host (`node`, `bun` with `.js`).
fn cjs() -> CompileOptions {
    CompileOptions {
        is_module: false,
        resolve_global: evloop_model::Host::Node.global_resolver(),
    }
}

fn ok(src: &str) -> Program {
    compile(src, "t.mjs", &esm()).unwrap_or_else(|d| panic!("{src:?}:\n{}", d.render(src)))
}

fn err(src: &str, options: &CompileOptions) -> Diagnostics {
    match compile(src, "t.mjs", options) {
        Ok(_) => panic!("expected {src:?} to fail"),
        Err(d) => d,
    }
}

fn require(specifier: &str) -> [Instr; 3] {
    [
        LoadGlobal(
            evloop_model::host::builtin::HostGlobalName::Node(
                evloop_model::host::builtin::NodeGlobal::Require,
            )
            .global(),
        ),
        Const(Constant::String(specifier.into())),
        Call { argc: 1 },
    ]
}

#[test]
fn default_namespace_and_named_imports_lower_to_require_in_the_prologue() {
    let p = ok("console.log(1);\n\
                import fs from \"node:fs\";\n\
                import * as ns from \"fs\";\n\
                import { readFile, promises as fsp } from \"fs\";\n");
    let slot = |name: &str| {
        p.script_bindings
            .iter()
            .position(|b| &**b == name)
            .unwrap_or_else(|| panic!("no binding {name}")) as u32
    };
    let code = &p.functions[0].code;
    let mut want = Vec::new();
    want.extend(require("node:fs"));
    want.push(StoreVar {
        depth: 0,
        slot: slot("fs"),
    });
    want.extend(require("fs"));
    want.push(StoreVar {
        depth: 0,
        slot: slot("ns"),
    });
    want.extend(require("fs"));
    want.push(GetProp("readFile".into()));
    want.push(StoreVar {
        depth: 0,
        slot: slot("readFile"),
    });
    want.extend(require("fs"));
    want.push(GetProp("promises".into()));
    want.push(StoreVar {
        depth: 0,
        slot: slot("fsp"),
    });
    // The imports come first, before `console.log(1)` that precedes them in the source.
    assert_eq!(code[..want.len()], want[..], "{code:#?}");
    assert_eq!(
        code[want.len()],
        LoadGlobal(
            evloop_model::host::builtin::HostGlobalName::Shared(
                evloop_model::host::builtin::SharedGlobal::Console
            )
            .global()
        )
    );
}

#[test]
fn imports_are_initialised_before_hoisted_functions_and_readable_everywhere() {
    let p = ok("f();\nfunction f() { EventEmitter; nextTick; }\n\
                import EventEmitter from \"events\";\n\
                import { nextTick } from \"node:process\";\n\
                import { EventEmitter as EE } from \"node:events\";\n\
                import fsp from \"node:fs/promises\";\n\
                import { setTimeout as st } from \"timers\";\n\
                import { pbkdf2, randomBytes } from \"crypto\";\n\
                import \"node:dns\";\n");
    let code = &p.functions[0].code;
    let first_closure = code
        .iter()
        .position(|i| matches!(i, MakeClosure(_)))
        .expect("the hoisted function");
    let stores = code[..first_closure]
        .iter()
        .filter(|i| matches!(i, StoreVar { .. }))
        .count();
    assert_eq!(stores, 7, "{code:#?}");
}

#[test]
fn import_bindings_are_constants() {
    // An import binding is immutable: writing it is a TypeError when evaluated.
    let p = ok("import fs from \"fs\";\nfs = 1;\n");
    assert!(
        p.functions[0]
            .code
            .iter()
            .any(|i| matches!(i, ThrowConstAssignment(_)))
    );
    let d = err("import fs from \"fs\";\nlet fs = 1;\n", &esm());
    assert!(d.0[0].construct.contains("redeclaration"), "{d}");
}

#[test]
fn unsupported_modules_are_diagnostics_at_the_specifier() {
    for (src, what) in [
        (
            "import x from \"./x.mjs\";",
            "a relative or absolute module path",
        ),
        ("import x from \"https://deno.land/x.ts\";", "a URL module"),
        ("import x from \"node:http\";", "an unknown module"),
        ("import x from \"lodash\";", "an unknown module"),
    ] {
        let d = err(&format!("console.log(1);\n  {src}"), &esm());
        let d = &d.0[0];
        assert_eq!(d.construct, "import declaration", "{src}");
        assert!(d.message.contains(what), "{src}: {}", d.message);
        assert!(d.help.contains("fs, fs/promises"), "{}", d.help);
        assert_eq!((d.line, d.col), (2, 17), "{src}: the span is the specifier");
    }
}

#[test]
fn unknown_exports_are_diagnostics_naming_the_modelled_ones() {
    let d = err("import { readFile, mkdir } from \"node:fs\";", &esm());
    let d = &d.0[0];
    assert_eq!(d.construct, "import of `mkdir`");
    assert_eq!(
        d.message,
        "The requested module 'node:fs' does not provide an export named 'mkdir' (in the model)"
    );
    assert!(
        d.help.contains("readFile, writeFile, stat, promises"),
        "{}",
        d.help
    );
    assert_eq!((d.line, d.col, d.end_col), (1, 20, 25));
    // `default` by name is the default export.
    assert!(compile("import { default as fs } from \"fs\";", "t.mjs", &esm()).is_ok());
}

#[test]
fn an_import_in_a_commonjs_main_is_nodes_syntax_error() {
    let d = err(
        "const a = 1;\nimport fs from \"fs\";\nimport { stat } from \"fs\";\n",
        &cjs(),
    );
    assert_eq!(d.0.len(), 2, "{d}");
    assert_eq!(
        d.0[0].message,
        "Cannot use import statement outside a module"
    );
    assert_eq!((d.0[0].line, d.0[0].col), (2, 1));
    assert_eq!((d.0[1].line, d.0[1].col), (3, 1));
    assert!(d.0[0].help.contains(".mjs"), "{}", d.0[0].help);
    // A script that fails to parse for another reason keeps the parser's error.
    let d = err("import fs from \"fs\";\nlet = = 1;\n", &cjs());
    assert_eq!(d.0[0].construct, "syntax error");
}

#[test]
fn other_module_syntax_stays_unsupported() {
    let d = err("export const x = 1;", &esm());
    assert_eq!(d.0[0].construct, "export declaration");
    let d = err("const m = import(\"fs\");", &esm());
    assert_eq!(d.0[0].construct, "dynamic import");
    let d = err("import fs from \"fs\" with { type: \"json\" };", &esm());
    assert_eq!(d.0[0].construct, "import attributes");
    // The HTML host has no builtin modules.
    let html = CompileOptions {
        is_module: true,
        ..CompileOptions::default()
    };
    let d = err("import fs from \"fs\";", &html);
    assert_eq!(d.0[0].construct, "import declaration");
    assert!(d.0[0].message.contains("no modules"), "{}", d.0[0].message);
    // An import inside a block is not a module item: the parser rejects it.
    assert!(compile("{ import fs from \"fs\"; }", "t.mjs", &esm()).is_err());
}

#[test]
fn the_program_records_its_imported_builtins_once_in_source_order() {
    let p = ok("import { EventEmitter } from \"node:events\";\n\
                import fs from \"fs\";\n\
                import { readFile } from \"node:fs\";\n\
                import \"crypto\";\n");
    let names: Vec<&str> = p.imports.iter().map(|m| &**m).collect();
    assert_eq!(names, ["events", "fs", "crypto"]);
    assert!(ok("console.log(1);").imports.is_empty());
}
