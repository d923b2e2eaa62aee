//! The in-scope rule of `../shared/test262/SCOPE.md`, exactly: a test under `test/` is in
//! scope unless one of the clauses below excludes it. Nothing else excludes a test: a
//! construct or built-in the engine lacks is a fail, never out of scope.

use crate::frontmatter::Frontmatter;

/// Why a test is out of scope (the clauses of SCOPE.md, in its order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutOfScope {
    /// `features:` lists a feature of the out-of-scope list.
    Feature,
    /// The `module` flag, or a folder of ES module graphs.
    Module,
    /// `test/language/eval-code/`, or a call of `eval(` / `Function(` (dynamic code).
    DynamicCode,
    /// `$262.` (host hooks for realms, agents, buffers).
    Host262,
    /// The `CanBlockIsTrue` or `CanBlockIsFalse` flag.
    CanBlock,
}

impl OutOfScope {
    pub const ALL: [OutOfScope; 5] = [
        OutOfScope::Feature,
        OutOfScope::Module,
        OutOfScope::DynamicCode,
        OutOfScope::Host262,
        OutOfScope::CanBlock,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            OutOfScope::Feature => "an out-of-scope feature",
            OutOfScope::Module => "module code (flag or folder)",
            OutOfScope::DynamicCode => "dynamic code (eval-code folder, eval( or Function( calls)",
            OutOfScope::Host262 => "$262. host hooks",
            OutOfScope::CanBlock => "CanBlockIsTrue/CanBlockIsFalse",
        }
    }
}

/// The features SCOPE.md lists by name; [`feature_out_of_scope`] adds its families.
const OUT_OF_SCOPE_FEATURES: &[&str] = &[
    "ShadowRealm",
    "decorators",
    "source-phase-imports",
    "source-phase-imports-module-source",
    "import-defer",
    "export-defer",
    "import-text",
    "import-bytes",
    "import-attributes",
    "json-modules",
    "immutable-arraybuffer",
    "ArrayBuffer",
    "arraybuffer-transfer",
    "resizable-arraybuffer",
    "align-detached-buffer-semantics-with-web-reality",
    "Atomics",
    "Atomics.pause",
    "Atomics.waitAsync",
    "SharedArrayBuffer",
    "BigInt",
    "uint8array-base64",
    "stable-typedarray-sort",
    "cross-realm",
    "FinalizationRegistry",
    "WeakRef",
    "host-gc-required",
    "IsHTMLDDA",
    "tail-call-optimization",
    "Temporal",
    "legacy-regexp",
    "regexp-unicode-property-escapes",
    "regexp-v-flag",
    "regexp-modifiers",
    "regexp-duplicate-named-groups",
    "RegExp.escape",
    "caller",
    "Proxy",
    "proxy-missing-checks",
    "explicit-resource-management",
    "error-stack-accessor",
    "Error.isError",
    "Math.sumPrecise",
    "json-parse-with-source",
    "iterator-helpers",
    "iterator-chunking",
    "iterator-includes",
    "iterator-sequencing",
    "joint-iteration",
    "Iterator.prototype.join",
    "upsert",
    "await-dictionary",
    "nonextensible-applies-to-private",
    "canonical-tz",
];

/// Whether SCOPE.md's feature list excludes `feature`: a listed name, every `Intl…` and
/// `intl-…`, `DataView` and `DataView.…`, and every `…Array` typed-array feature
/// (`TypedArray`, `TypedArray.prototype.at`, `Int8Array` … `Float16Array`, `Uint8Array`).
pub fn feature_out_of_scope(feature: &str) -> bool {
    OUT_OF_SCOPE_FEATURES.contains(&feature)
        || feature.starts_with("Intl")
        || feature.starts_with("intl-")
        || feature == "DataView"
        || feature.starts_with("DataView.")
        || feature.starts_with("TypedArray")
        || (feature.ends_with("Array") && feature != "Array")
}

/// Folders whose tests are ES module graphs (relative to `test/`).
const MODULE_FOLDERS: [&str; 3] = [
    "language/module-code/",
    "language/import/",
    "language/export/",
];

/// Why the test at `path` (relative to `test/`, with `/` separators) with metadata `meta` and
/// text `source` is out of scope, or `None` when it is in scope.
pub fn out_of_scope(path: &str, meta: &Frontmatter, source: &str) -> Option<OutOfScope> {
    if meta.features.iter().any(|f| feature_out_of_scope(f)) {
        return Some(OutOfScope::Feature);
    }
    if meta.has_flag("module") || MODULE_FOLDERS.iter().any(|f| path.starts_with(f)) {
        return Some(OutOfScope::Module);
    }
    let body = crate::frontmatter::block(source).map_or(source, |(_, end)| &source[end..]);
    if path.starts_with("language/eval-code/") || calls_dynamic_code(body) {
        return Some(OutOfScope::DynamicCode);
    }
    if body.contains("$262.") {
        return Some(OutOfScope::Host262);
    }
    if meta.has_flag("CanBlockIsTrue") || meta.has_flag("CanBlockIsFalse") {
        return Some(OutOfScope::CanBlock);
    }
    None
}

/// Whether `body` (the test's text after its metadata) calls `eval(`, `Function(` or
/// `new Function(`: the token `eval(` or `Function(` where the character before is not part
/// of an identifier (so `AsyncFunction(` or `isFunction(` do not count).
pub fn calls_dynamic_code(body: &str) -> bool {
    ["eval(", "Function("].iter().any(|token| {
        body.match_indices(token).any(|(i, _)| {
            !body[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(yaml: &str) -> Frontmatter {
        Frontmatter::parse(&format!("/*---\n{yaml}\n---*/")).unwrap()
    }

    #[test]
    fn features_and_their_families() {
        for f in [
            "Intl.Locale",
            "intl-normative-optional",
            "DataView",
            "DataView.prototype.getInt8",
            "TypedArray",
            "TypedArray.prototype.at",
            "Int8Array",
            "Float16Array",
            "Uint8ClampedArray",
            "BigInt",
            "Proxy",
            "canonical-tz",
        ] {
            assert!(feature_out_of_scope(f), "{f}");
        }
        for f in [
            "Symbol",
            "Promise",
            "async-iteration",
            "Array.prototype.at",
            "Array.fromAsync",
            "change-array-by-copy",
            "Reflect",
        ] {
            assert!(!feature_out_of_scope(f), "{f}");
        }
    }

    #[test]
    fn each_clause() {
        let plain = meta("flags: [async]");
        assert_eq!(out_of_scope("built-ins/Promise/a.js", &plain, "x();"), None);
        assert_eq!(
            out_of_scope("a.js", &meta("features: [Symbol, WeakRef]"), ""),
            Some(OutOfScope::Feature)
        );
        assert_eq!(
            out_of_scope("a.js", &meta("flags: [module]"), ""),
            Some(OutOfScope::Module)
        );
        assert_eq!(
            out_of_scope("language/export/a.js", &plain, ""),
            Some(OutOfScope::Module)
        );
        assert_eq!(
            out_of_scope("language/eval-code/direct/a.js", &plain, ""),
            Some(OutOfScope::DynamicCode)
        );
        assert_eq!(
            out_of_scope("a.js", &plain, "var f = new Function('a', 'return a');"),
            Some(OutOfScope::DynamicCode)
        );
        assert_eq!(
            out_of_scope("a.js", &plain, "$262.createRealm();"),
            Some(OutOfScope::Host262)
        );
        assert_eq!(
            out_of_scope("a.js", &meta("flags: [CanBlockIsFalse]"), ""),
            Some(OutOfScope::CanBlock)
        );
    }

    #[test]
    fn dynamic_code_is_a_call_token_outside_the_metadata() {
        assert!(calls_dynamic_code("eval('1')"));
        assert!(calls_dynamic_code("x = (eval(src));"));
        assert!(calls_dynamic_code("Function('return this')()"));
        assert!(!calls_dynamic_code(
            "var AsyncFunction = async function(){}.constructor; new AsyncFunction();"
        ));
        assert!(!calls_dynamic_code(
            "isFunction(f); Function.prototype.call"
        ));
        let src = "/*---\ndescription: uses eval('x') in prose\n---*/\nvar x;";
        assert_eq!(
            out_of_scope("a.js", &Frontmatter::parse(src).unwrap(), src),
            None
        );
    }
}
