//! Shared by the tests: litmus files read into [`LitmusInput`]s (only the frontmatter fields
//! a vector needs; the full parser is the `evloop` crate's).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use evloop_conformance::LitmusInput;
use serde::Deserialize;

#[derive(Deserialize)]
struct Front {
    id: String,
    #[serde(default)]
    description: String,
    rules: Vec<String>,
    #[serde(default)]
    source: String,
    hosts: Vec<String>,
    #[serde(default)]
    observed: Vec<String>,
}

pub fn litmus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/litmus")
}

/// The litmus file `spec/litmus/NAME` as generator input.
pub fn litmus(name: &str) -> LitmusInput {
    let path = litmus_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = text.find("/*---").expect("frontmatter") + 5;
    let end = text.find("---*/").expect("frontmatter end");
    let f: Front = serde_saphyr::from_str(&text[start..end]).expect("frontmatter parses");
    LitmusInput {
        file: format!("spec/litmus/{name}"),
        id: f.id,
        description: f.description,
        text,
        rules: f.rules,
        hosts: f.hosts,
        observed: f.observed,
        source: f.source,
        ..LitmusInput::default()
    }
}

/// Every litmus file name, sorted.
pub fn all_litmus() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(litmus_dir())
        .expect("spec/litmus")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".js") || n.ends_with(".mjs"))
        .collect();
    v.sort();
    v
}

/// Whether `node` runs here.
pub fn have_node() -> bool {
    std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}
