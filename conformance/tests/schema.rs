//! Every vector generated from spec/litmus validates against
//! conformance/schema/vector.schema.json, in its JSON and its YAML form.

mod common;

use evloop_conformance::vector;
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/vector.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("schema"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema")
}

#[test]
fn every_vector_validates_against_the_schema_as_json_and_yaml() {
    let validator = schema();
    let dir = std::env::temp_dir().join(format!("evloop-vectors-test-{}", std::process::id()));
    let mut vectors = Vec::new();
    for name in common::all_litmus() {
        let input = common::litmus(&name);
        vectors.push(vector::generate(&input, 200_000).unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(vectors.len() > 100, "only {} vectors", vectors.len());
    vector::write_all(&dir, &vectors).expect("write vectors");
    let mut failures = Vec::new();
    for v in &vectors {
        for ext in ["json", "yaml"] {
            let text = std::fs::read_to_string(dir.join(format!("{}.{ext}", v.id))).expect("read");
            let value: Value = if ext == "json" {
                serde_json::from_str(&text).expect("JSON parses")
            } else {
                serde_saphyr::from_str(&text).expect("YAML parses")
            };
            for e in validator.iter_errors(&value) {
                failures.push(format!("{}.{ext}: {} at {}", v.id, e, e.instance_path));
            }
            // Both forms read back as the same vector.
            let back: vector::Vector = serde_json::from_value(value).expect("reads back");
            assert_eq!(&back, v, "{}.{ext} does not round-trip", v.id);
        }
    }
    let read = vector::read_dir(&dir).expect("read_dir");
    assert_eq!(read.len(), vectors.len());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_vector_missing_its_outcomes_is_rejected() {
    let validator = schema();
    let v =
        vector::generate(&common::litmus("seed-002-async1-async2.js"), 200_000).expect("vector");
    let mut value = serde_json::to_value(&v).expect("to JSON");
    assert!(validator.is_valid(&value));
    value["hosts"]["html"]["outcomes"] = Value::Array(Vec::new());
    assert!(!validator.is_valid(&value));
    value["hosts"] =
        serde_json::json!({"spidermonkey": {"complete": true, "states": 1, "outcomes": []}});
    assert!(!validator.is_valid(&value));
}
