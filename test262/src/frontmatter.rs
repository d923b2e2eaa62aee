//! A test's metadata: the YAML between `/*---` and `---*/` (INTERPRETING.md, "Metadata").
//! Only the keys that decide how a test runs are read: `includes`, `flags`, `negative` and
//! `features`; every other key (`description`, `esid`, `info`, …) is ignored.

use serde::Deserialize;

/// The metadata of one test file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Frontmatter {
    /// Harness files to evaluate before the test, in order (after assert.js and sta.js).
    pub includes: Vec<String>,
    pub flags: Vec<String>,
    pub negative: Option<Negative>,
    pub features: Vec<String>,
}

/// A test that must end with an uncaught exception (INTERPRETING.md, `negative`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Negative {
    pub phase: Phase,
    /// The name of the expected error's constructor (`SyntaxError`, `Test262Error`, …).
    #[serde(rename = "type")]
    pub kind: String,
}

/// When the expected error is thrown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// While parsing, or checking for early errors.
    Parse,
    /// During module resolution (module tests only).
    Resolution,
    /// During evaluation.
    Runtime,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Parse => "parse",
            Phase::Resolution => "resolution",
            Phase::Runtime => "runtime",
        }
    }
}

impl Frontmatter {
    /// The metadata of `source`: the first `/*---` … `---*/` block, or the empty metadata if
    /// the file has none.
    ///
    /// # Errors
    /// The block is not closed, or its YAML does not parse.
    pub fn parse(source: &str) -> Result<Frontmatter, String> {
        let Some((yaml, _)) = block(source) else {
            return Ok(Frontmatter::default());
        };
        serde_saphyr::from_str(yaml).map_err(|e| format!("frontmatter: {e}"))
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// The YAML text of the metadata block and the byte offset just after its `---*/`.
/// `None` when `source` has no complete block.
pub fn block(source: &str) -> Option<(&str, usize)> {
    let start = source.find("/*---")? + "/*---".len();
    let len = source[start..].find("---*/")?;
    Some((&source[start..start + len], start + len + "---*/".len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flow_lists_and_negative() {
        let src = "// Copyright\n/*---\nesid: sec-x\ndescription: >\n  A test: with colons\nincludes: [compareArray.js, propertyHelper.js]\nflags: [onlyStrict, async]\nnegative:\n  phase: parse\n  type: SyntaxError\nfeatures: [Symbol, async-functions]\n---*/\n$DONOTEVALUATE();\n";
        let m = Frontmatter::parse(src).unwrap();
        assert_eq!(m.includes, ["compareArray.js", "propertyHelper.js"]);
        assert_eq!(m.flags, ["onlyStrict", "async"]);
        assert!(m.has_flag("async") && !m.has_flag("raw"));
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: Phase::Parse,
                kind: "SyntaxError".into()
            })
        );
        assert_eq!(m.features, ["Symbol", "async-functions"]);
    }

    #[test]
    fn reads_block_lists_and_ignores_other_keys() {
        let src = "/*---\ninfo: |\n  multi\n  line\nfeatures:\n  - BigInt\n  - Intl.Locale\nincludes:\n  - nans.js\nlocale: [en]\n---*/\n";
        let m = Frontmatter::parse(src).unwrap();
        assert_eq!(m.features, ["BigInt", "Intl.Locale"]);
        assert_eq!(m.includes, ["nans.js"]);
        assert!(m.flags.is_empty() && m.negative.is_none());
    }

    #[test]
    fn no_block_is_empty_metadata_and_bad_yaml_is_an_error() {
        assert_eq!(
            Frontmatter::parse("var x;").unwrap(),
            Frontmatter::default()
        );
        assert!(Frontmatter::parse("/*---\nflags: [a\n---*/").is_err());
        let (yaml, end) = block("a/*---x: 1---*/b").unwrap();
        assert_eq!((yaml, end), ("x: 1", 15));
    }
}
