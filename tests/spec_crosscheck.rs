//! The cross-check between the specification in prose (spec/*.md), the model that executes it
//! (engine/src, model/src) and the litmus tests that exercise it (spec/litmus).
//!
//! - Every rule in spec/ cites its source and is executed by at least one model function (a doc
//!   comment `///`/`//!` or a tracer call `trace("ID", …)` names it) and exercised by at least
//!   one litmus test (its frontmatter's `rules:` names it). A rule marked
//!   `Status: not modelled (reason)` is exempt from the last two.
//! - Every rule ID that the model's code or a litmus file names exists in spec/, and so does
//!   every rule ID the chapters mention.
//! - Every litmus file parses; its id is its file name.
//! - The `Executed by:` paths name items that exist in engine/src or model/src.
//! - Each rule's `Litmus:` line lists exactly the litmus tests that name the rule;
//!   spec/claims.md is what the checker says of the litmus files' claims; spec/runtimes.md's
//!   generated section lists every litmus test of an RT rule with its observed outputs. All
//!   three are generated: `EVLOOP_BLESS=1 cargo test --test spec_crosscheck` rewrites them.
//! - The spec version agrees across spec/introduction.md, spec/CHANGELOG.md, CITATION.cff and
//!   `evloop_litmus::spec::SPEC_VERSION`; the rule index in spec/README.md lists every rule; links
//!   between the pages resolve; every schedule step the model prints is explained.
//!
//! Rules that still lack code or litmus tests are listed below, so that the test fails both when
//! a rule loses its code or tests and when a gap is closed (remove it from the list then).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use evloop_litmus::Litmus;
use evloop_litmus::spec::{self, Rule};

/// Rules the model executes whose functions do not yet name them in a doc comment or a tracer
/// call (the spec's `Executed by:` says where they are executed).
const KNOWN_WITHOUT_CODE_CITATION: &[&str] = &[];

/// Rules no litmus test lists yet.
const KNOWN_WITHOUT_LITMUS: &[&str] = &[];

/// The most states one (file, host) pair may take when judging claims.
const MAX_STATES: usize = 200_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("EVLOOP_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

struct World {
    rules: Vec<Rule>,
    ids: BTreeSet<String>,
    code: spec::CodeIndex,
    litmus: Vec<Litmus>,
    by_rule: BTreeMap<String, Vec<String>>,
}

fn world() -> World {
    let root = root();
    let rules = spec::load_rules(&root.join("spec")).unwrap_or_else(|e| panic!("{e}"));
    let ids = rules.iter().map(|r| r.id.clone()).collect();
    let code = spec::index_code(&root).expect("engine/src and model/src are readable");
    let litmus = Litmus::load_dir(&root.join("spec/litmus")).unwrap_or_else(|e| panic!("{e}"));
    let by_rule = spec::litmus_by_rule(&litmus);
    World {
        rules,
        ids,
        code,
        litmus,
        by_rule,
    }
}

#[test]
fn every_rule_is_cited_executed_and_exercised() {
    let w = world();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    let src = root();
    for r in &w.rules {
        let at = format!("spec/{}:{}: {}", r.file, r.line, r.id);
        if !seen.insert(r.id.clone()) {
            failures.push(format!("{at}: defined twice"));
        }
        if r.title.is_empty() {
            failures.push(format!("{at}: the heading needs a title after the ID"));
        }
        if r.statement.trim().is_empty() {
            failures.push(format!("{at}: no statement"));
        }
        if r.source.as_deref().is_none_or(str::is_empty) {
            failures.push(format!(
                "{at}: no `- Source:` (the normative source it cites)"
            ));
        }
        if let Some(s) = &r.status
            && !r.not_modelled()
        {
            failures.push(format!(
                "{at}: `Status:` must read `not modelled (reason)`, not `{s}`"
            ));
        }
        if r.not_modelled() {
            if !r.status.as_deref().is_some_and(|s| s.contains('(')) {
                failures.push(format!("{at}: `Status: not modelled` needs a (reason)"));
            }
            continue;
        }
        if r.executed_by.is_empty() {
            failures.push(format!("{at}: no `- Executed by:` with `model::paths`"));
        }
        for p in &r.executed_by {
            if let Err(e) = spec::resolve_model_path(&src, p) {
                failures.push(format!("{at}: Executed by: {e}"));
            }
        }
        if r.litmus.is_none() {
            failures.push(format!("{at}: no `- Litmus:` line (ids, or `none yet`)"));
        }
        let known_code_gap = KNOWN_WITHOUT_CODE_CITATION.contains(&r.id.as_str());
        match (w.code.executed.contains_key(&r.id), known_code_gap) {
            (false, false) => failures.push(format!(
                "{at}: no model function names this rule in a doc comment or a trace call"
            )),
            (true, true) => failures.push(format!(
                "{at}: the model now names this rule: remove it from KNOWN_WITHOUT_CODE_CITATION in tests/spec_crosscheck.rs"
            )),
            _ => {}
        }
        let known_litmus_gap = KNOWN_WITHOUT_LITMUS.contains(&r.id.as_str());
        match (w.by_rule.contains_key(&r.id), known_litmus_gap) {
            (false, false) => failures.push(format!("{at}: no litmus test lists this rule")),
            (true, true) => failures.push(format!(
                "{at}: a litmus test now lists this rule: remove it from KNOWN_WITHOUT_LITMUS in tests/spec_crosscheck.rs"
            )),
            _ => {}
        }
    }
    for gap in KNOWN_WITHOUT_CODE_CITATION
        .iter()
        .chain(KNOWN_WITHOUT_LITMUS)
    {
        if !w.ids.contains(*gap) {
            failures.push(format!(
                "tests/spec_crosscheck.rs: known gap {gap} is not a rule in spec/"
            ));
        }
    }

    let m = w.rules.len();
    let modelled: Vec<&Rule> = w.rules.iter().filter(|r| !r.not_modelled()).collect();
    let with_code = modelled
        .iter()
        .filter(|r| w.code.executed.contains_key(&r.id))
        .count();
    let with_litmus = w
        .rules
        .iter()
        .filter(|r| w.by_rule.contains_key(&r.id))
        .count();
    println!(
        "spec: {m} rules ({} not modelled); rules with code: {with_code}/{m}, rules with litmus: {with_litmus}/{m}; {} litmus files",
        m - modelled.len(),
        w.litmus.len()
    );
    let without_code: Vec<&str> = modelled
        .iter()
        .filter(|r| !w.code.executed.contains_key(&r.id))
        .map(|r| r.id.as_str())
        .collect();
    let without_litmus: Vec<&str> = modelled
        .iter()
        .filter(|r| !w.by_rule.contains_key(&r.id))
        .map(|r| r.id.as_str())
        .collect();
    println!("rules without a code citation: {}", without_code.join(", "));
    println!("rules without a litmus test: {}", without_litmus.join(", "));
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_id_named_anywhere_exists_in_the_spec() {
    let w = world();
    let mut failures = Vec::new();
    for (id, places) in &w.code.mentioned {
        if !w.ids.contains(id) {
            failures.push(format!(
                "{}: names {id}, which spec/ does not define",
                places[0]
            ));
        }
    }
    for t in &w.litmus {
        if t.meta.rules.is_empty() {
            failures.push(format!("{}: `rules:` is empty", t.path.display()));
        }
        for r in &t.meta.rules {
            if !w.ids.contains(r) {
                failures.push(format!(
                    "{}: rules: {r} is not a rule in spec/",
                    t.path.display()
                ));
            }
        }
        let stem = t
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if t.meta.id != stem {
            failures.push(format!(
                "{}: id `{}` is not the file name",
                t.path.display(),
                t.meta.id
            ));
        }
    }
    // The chapters and the other pages of the book mention only rules that exist.
    let dir = root().join("spec");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("spec/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    for p in &pages {
        let text = read(p);
        for (off, id) in spec::rule_ids(&text) {
            if !w.ids.contains(&id) {
                let line = text[..off].lines().count().max(1);
                failures.push(format!(
                    "{}:{line}: mentions {id}, which is not a rule",
                    p.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn litmus_lines_list_the_litmus_tests_of_each_rule() {
    let w = world();
    let dir = root().join("spec");
    let mut stale = Vec::new();
    for c in spec::CHAPTERS {
        let path = dir.join(c);
        let text = read(&path);
        let blessed = spec::bless_litmus_lines(&text, &w.by_rule);
        if blessed != text {
            if bless() {
                std::fs::write(&path, blessed).expect("write chapter");
            } else {
                for r in spec::parse_chapter(c, &text).expect("parses") {
                    let want = w.by_rule.get(&r.id).cloned().unwrap_or_default();
                    let have = r.litmus.clone().unwrap_or_default();
                    if r.litmus.is_some() && have != want {
                        let added: Vec<&String> =
                            want.iter().filter(|x| !have.contains(x)).collect();
                        let gone: Vec<&String> =
                            have.iter().filter(|x| !want.contains(x)).collect();
                        stale.push(format!(
                            "spec/{c}:{}: {}: litmus tests now naming it {added:?}, no longer {gone:?}",
                            r.line, r.id
                        ));
                    }
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale `Litmus:` lines (run `EVLOOP_BLESS=1 cargo test --test spec_crosscheck` to rewrite them):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_rule_index_and_the_version_agree() {
    let w = world();
    let root = root();
    let readme = read(&root.join("spec/README.md"));
    let indexed: BTreeSet<String> = spec::rule_ids(&readme)
        .into_iter()
        .filter(|(off, _)| readme[..*off].ends_with("| ["))
        .map(|(_, id)| id)
        .collect();
    let missing: Vec<&String> = w.ids.iter().filter(|id| !indexed.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "spec/README.md's rule index lacks {missing:?}"
    );

    let v = spec::SPEC_VERSION;
    let intro = read(&root.join("spec/introduction.md"));
    assert!(
        intro.contains(&format!("**Specification version: {v}**")),
        "spec/introduction.md must state `**Specification version: {v}**`"
    );
    let changelog = read(&root.join("spec/CHANGELOG.md"));
    assert!(
        changelog
            .lines()
            .any(|l| l.starts_with(&format!("## {v} "))),
        "spec/CHANGELOG.md has no `## {v} …` section"
    );
    let cff = read(&root.join("CITATION.cff"));
    assert!(
        cff.lines().any(|l| l.trim() == format!("version: \"{v}\"")),
        "CITATION.cff must say version: \"{v}\""
    );
}

/// The section of spec/runtimes.md that lists every litmus test of an `RT-n` rule with its
/// observed outputs is what the litmus files say.
#[test]
fn runtimes_md_lists_the_runtime_litmus_tests() {
    let w = world();
    let path = root().join("spec/runtimes.md");
    let have = read(&path);
    let content = spec::render_runtime_litmus(&w.litmus);
    let want = spec::replace_generated(&have, "runtime-litmus", &content)
        .expect("spec/runtimes.md has the generated section's markers");
    if have != want && bless() {
        std::fs::write(&path, &want).expect("write spec/runtimes.md");
        return;
    }
    assert!(
        have == want,
        "spec/runtimes.md's list of runtime litmus tests is stale: run `EVLOOP_BLESS=1 cargo test --test spec_crosscheck`"
    );
}

/// Every flag of the runtime profiles (`host::profile::Profile`) is a row of
/// spec/runtimes.md's table, and the table names no flag that no longer exists.
#[test]
fn every_profile_flag_is_in_the_runtimes_table() {
    let profile = read(&root().join("model/src/host/profile.rs"));
    let flags: BTreeSet<String> = profile
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.strip_suffix(": bool,"))
        .map(str::to_string)
        .collect();
    assert!(!flags.is_empty(), "no flags found in profile.rs");
    let page = read(&root().join("spec/runtimes.md"));
    let rows: Vec<&str> = page
        .lines()
        .filter(|l| l.starts_with("| ") && l[2..].starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let mut failures = Vec::new();
    let mut named = BTreeSet::new();
    for row in &rows {
        let cols: Vec<&str> = row.split(" | ").collect();
        let Some(col) = cols.get(3) else {
            failures.push(format!("spec/runtimes.md: malformed row {row}"));
            continue;
        };
        for (i, part) in col.split('`').enumerate() {
            if i % 2 == 1 {
                let name = part.split(' ').next().unwrap_or_default();
                if !name.contains("::") {
                    if !flags.contains(name) {
                        failures.push(format!(
                            "spec/runtimes.md: `{name}` is not a flag of Profile any more"
                        ));
                    }
                    named.insert(name.to_string());
                }
            }
        }
    }
    for f in &flags {
        if !named.contains(f) {
            failures.push(format!(
                "spec/runtimes.md: Profile flag `{f}` has no row in the departures table"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The anchor GitHub and mdBook give a heading: lower case, punctuation dropped, spaces as
/// hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Links between the pages of the book (`page.md#anchor`) point at pages and headings that
/// exist.
#[test]
fn links_between_pages_resolve() {
    let dir = root().join("spec");
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    for e in std::fs::read_dir(&dir).expect("spec/ is readable") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "md") {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            pages.insert(name, read(&p));
        }
    }
    let anchors = |text: &str| -> BTreeSet<String> {
        let mut fenced = false;
        let mut out = BTreeSet::new();
        for l in text.lines() {
            if l.trim_start().starts_with("```") {
                fenced = !fenced;
            } else if !fenced && l.starts_with('#') {
                out.insert(slug(l.trim_start_matches('#')));
            }
        }
        out
    };
    let mut failures = Vec::new();
    for (name, text) in &pages {
        for part in text.split("](").skip(1) {
            let target = part.split(')').next().unwrap_or_default();
            if target.contains("://") || target.starts_with("../") || target.starts_with("litmus/")
            {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let file = if file.is_empty() { name.as_str() } else { file };
            if !file.ends_with(".md") {
                continue;
            }
            match pages.get(file) {
                None => failures.push(format!("spec/{name}: link to missing page {file}")),
                Some(t) if !anchor.is_empty() && !anchors(t).contains(anchor) => failures.push(
                    format!("spec/{name}: link to missing heading {file}#{anchor}"),
                ),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every schedule step the model can print (`Choice`'s `Display` in model/src/state.rs) is
/// explained in the introduction.
#[test]
fn every_choice_is_documented() {
    let state = read(&root().join("model/src/state.rs"));
    let intro = read(&root().join("spec/introduction.md"));
    let mut steps = BTreeSet::new();
    for part in state.split("write!(f, \"").skip(1) {
        let lit: String = part
            .chars()
            .take_while(|c| *c != '"' && *c != '{')
            .collect();
        if !lit.is_empty() {
            steps.insert(lit);
        }
    }
    assert!(
        steps.contains("clock:"),
        "no schedule steps found in model/src/state.rs"
    );
    let missing: Vec<&String> = steps
        .iter()
        .filter(|l| !intro.contains(&format!("`{l}")))
        .collect();
    assert!(
        missing.is_empty(),
        "spec/introduction.md does not explain the schedule steps {missing:?}"
    );
}

#[test]
fn claims_md_is_what_the_checker_says() {
    let w = world();
    let judged = spec::judge_claims(&w.litmus, MAX_STATES).unwrap_or_else(|e| panic!("{e}"));
    let want = spec::render_claims(&judged);
    let path = root().join("spec/claims.md");
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want && bless() {
        std::fs::write(&path, &want).expect("write spec/claims.md");
        return;
    }
    println!(
        "claims: {} judged in {} litmus files",
        judged.len(),
        judged
            .iter()
            .map(|c| &c.litmus)
            .collect::<BTreeSet<_>>()
            .len()
    );
    assert!(
        have == want,
        "spec/claims.md is stale: run `EVLOOP_BLESS=1 cargo test --test spec_crosscheck` to regenerate it"
    );
}
