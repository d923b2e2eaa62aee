//! Where each rule's text is in the spec book. The mapping is the rule index of
//! `spec/README.md` (`| [ES-1](ecmascript.md#es-1-…) | title |`), which the spec cross-check
//! (`tests/spec_crosscheck.rs`) keeps complete and whose links it checks; it is compiled in,
//! so this crate reads no file at run time. mdBook turns `PAGE.md` into `PAGE.html`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::snapshot::RuleRef;

/// spec/README.md, whose rule index is the mapping.
const SPEC_README: &str = include_str!("../../spec/README.md");

/// The rule index: rule ID → where its text is.
fn index() -> &'static BTreeMap<String, RuleRef> {
    static INDEX: OnceLock<BTreeMap<String, RuleRef>> = OnceLock::new();
    INDEX.get_or_init(|| parse_index(SPEC_README))
}

/// The rows `| [ID](PAGE.md#ANCHOR) | TITLE |` of a rule index.
fn parse_index(text: &str) -> BTreeMap<String, RuleRef> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("| [") else {
            continue;
        };
        let Some((id, rest)) = rest.split_once("](") else {
            continue;
        };
        let Some((target, rest)) = rest.split_once(")") else {
            continue;
        };
        let Some((page, anchor)) = target.split_once('#') else {
            continue;
        };
        let Some(page) = page.strip_suffix(".md") else {
            continue;
        };
        let title = rest
            .trim()
            .trim_start_matches('|')
            .trim()
            .trim_end_matches('|');
        out.insert(
            id.to_string(),
            RuleRef {
                title: title.trim().to_string(),
                page: format!("{page}.html"),
                anchor: anchor.to_string(),
            },
        );
    }
    out
}

/// Where rule `id`'s text is in the book (`None`: `id` is not a rule of the index, such as
/// `LOG`, which marks a `console.log` line in traces).
pub fn rule_ref(id: &str) -> Option<&'static RuleRef> {
    index().get(id)
}

/// The URL of rule `rule_id`'s text in the spec book built at `book_base` (`""`, a relative
/// path such as `book/`, or an absolute URL): `BASE/PAGE.html#ANCHOR`. An ID that is not a
/// rule of the index (`LOG`) links to the index itself, the book's first page.
pub fn rule_link(rule_id: &str, book_base: &str) -> String {
    let base = if book_base.is_empty() || book_base.ends_with('/') {
        book_base.to_string()
    } else {
        format!("{book_base}/")
    };
    match rule_ref(rule_id) {
        Some(r) => format!("{base}{}#{}", r.page, r.anchor),
        None => format!("{base}index.html#rule-index"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_of_the_index_has_a_page_and_an_anchor() {
        let idx = index();
        assert!(idx.len() > 60, "only {} rules read", idx.len());
        let es1 = &idx["ES-1"];
        assert_eq!(es1.page, "ecmascript.html");
        assert_eq!(es1.anchor, "es-1-jobs-run-to-completion-on-an-empty-stack");
        assert_eq!(es1.title, "Jobs run to completion on an empty stack");
        for prefix in ["ES-", "HTML-", "NODE-", "UV-", "RT-", "MODEL-", "FORMAT-"] {
            assert!(idx.keys().any(|k| k.starts_with(prefix)), "{prefix}");
        }
    }

    #[test]
    fn rule_links_join_the_book_base() {
        assert_eq!(
            rule_link("HTML-6", "https://example.org/book"),
            "https://example.org/book/html.html#html-6-perform-a-microtask-checkpoint"
        );
        assert_eq!(
            rule_link("HTML-6", "book/"),
            "book/html.html#html-6-perform-a-microtask-checkpoint"
        );
        assert_eq!(rule_link("LOG", ""), "index.html#rule-index");
    }
}
