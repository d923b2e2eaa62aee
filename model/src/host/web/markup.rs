//! The initial document given as markup (`--dom '<div class="outer">…</div>'`): a small HTML
//! subset (elements with attributes, nesting, text, void elements, comments, the common
//! character references) parsed into the model's DOM as the children of `<body>`; text
//! (whitespace-only text too) becomes Text nodes.

use crate::host::object::HostObj;
use std::sync::Arc;

use crate::value::ObjId;
use crate::vm::Cx;

const VOID: [&str; 8] = ["br", "img", "input", "hr", "meta", "link", "area", "wbr"];

/// Why markup does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--dom markup, byte {at}: {message}")]
pub struct MarkupError {
    pub at: usize,
    pub message: String,
}

/// A parsed node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element {
        tag: Arc<str>,
        attrs: Vec<(Arc<str>, Arc<str>)>,
        children: Vec<Node>,
    },
    Text(Arc<str>),
}

/// Character references in text and attribute values: `&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&apos;`, `&nbsp;` and numeric ones; any other named reference is not in the subset (an
/// error rather than a silently different text). A `&` not starting a reference is itself.
fn decode(text: &str, at: usize) -> Result<Arc<str>, MarkupError> {
    if !text.contains('&') {
        return Ok(Arc::from(text));
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        if name.is_empty() || !rest[1 + name_len..].starts_with(';') {
            out.push('&');
            rest = &rest[1..];
            continue;
        }
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            n => n
                .strip_prefix("#x")
                .or_else(|| n.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| n.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        let Some(c) = c else {
            return Err(MarkupError {
                at: at + text.len() - rest.len(),
                message: format!("the character reference `&{name};` is not in the markup subset"),
            });
        };
        out.push(c);
        rest = &rest[name_len + 2..];
    }
    out.push_str(rest);
    Ok(Arc::from(out))
}

/// Parses markup into a list of top-level nodes.
pub fn parse(src: &str) -> Result<Vec<Node>, MarkupError> {
    let b = src.as_bytes();
    let mut i = 0;
    // Stack of open elements: (tag, attrs, children).
    type Open = (Arc<str>, Vec<(Arc<str>, Arc<str>)>, Vec<Node>);
    let mut stack: Vec<Open> = vec![(Arc::from(""), Vec::new(), Vec::new())];
    let err = |at: usize, m: &str| MarkupError {
        at,
        message: m.to_string(),
    };
    while i < b.len() {
        if src[i..].starts_with("<!--") {
            let end = src[i..]
                .find("-->")
                .ok_or_else(|| err(i, "unclosed comment"))?;
            i += end + 3;
        } else if src[i..].starts_with("</") {
            let end = src[i..]
                .find('>')
                .ok_or_else(|| err(i, "unclosed end tag"))?;
            let name = src[i + 2..i + end].trim().to_ascii_lowercase();
            i += end + 1;
            if stack.len() < 2 || *stack.last().unwrap().0 != *name {
                return Err(err(i, &format!("unexpected </{name}>")));
            }
            let (tag, attrs, children) = stack.pop().unwrap();
            stack.last_mut().unwrap().2.push(Node::Element {
                tag,
                attrs,
                children,
            });
        } else if b[i] == b'<' {
            i += 1;
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
                i += 1;
            }
            if i == start {
                return Err(err(i, "expected a tag name after `<`"));
            }
            let tag: Arc<str> = Arc::from(src[start..i].to_ascii_lowercase());
            let mut attrs = Vec::new();
            let mut self_closing = false;
            loop {
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(err(i, "unclosed start tag"));
                }
                if b[i] == b'>' {
                    i += 1;
                    break;
                }
                if src[i..].starts_with("/>") {
                    i += 2;
                    self_closing = true;
                    break;
                }
                let ns = i;
                while i < b.len()
                    && !b[i].is_ascii_whitespace()
                    && !matches!(b[i], b'=' | b'>' | b'/')
                {
                    i += 1;
                }
                let name: Arc<str> = Arc::from(src[ns..i].to_ascii_lowercase());
                let mut value: Arc<str> = Arc::from("");
                if i < b.len() && b[i] == b'=' {
                    i += 1;
                    if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                        let q = b[i] as char;
                        let end = src[i + 1..]
                            .find(q)
                            .ok_or_else(|| err(i, "unclosed attribute value"))?;
                        value = decode(&src[i + 1..i + 1 + end], i + 1)?;
                        i += end + 2;
                    } else {
                        let vs = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = decode(&src[vs..i], vs)?;
                    }
                }
                if name.is_empty() {
                    return Err(err(i, "expected an attribute name"));
                }
                attrs.push((name, value));
            }
            if self_closing || VOID.contains(&&*tag) {
                stack.last_mut().unwrap().2.push(Node::Element {
                    tag,
                    attrs,
                    children: Vec::new(),
                });
            } else {
                stack.push((tag, attrs, Vec::new()));
            }
        } else {
            let end = src[i..].find('<').map_or(b.len(), |e| i + e);
            // Whitespace-only text is a Text node too (the HTML parser inserts it in body).
            let text = decode(&src[i..end], i)?;
            stack.last_mut().unwrap().2.push(Node::Text(text));
            i = end;
        }
    }
    if stack.len() != 1 {
        return Err(err(
            b.len(),
            &format!("<{}> is not closed", stack.last().unwrap().0),
        ));
    }
    Ok(stack.pop().unwrap().2)
}

impl Cx<'_, '_> {
    /// Builds the parsed markup as the children of `<body>` (before the script runs; no
    /// mutation observer can exist yet).
    pub fn load_markup(&mut self, nodes: &[Node]) {
        let crate::value::Value::Object(body) = self.document_body() else {
            return;
        };
        self.build_nodes(body, nodes);
    }

    /// Creates `nodes` as children of `parent`, each subtree built before it is inserted.
    /// Scripts from markup never run (marked already started), as with `innerHTML`.
    pub(crate) fn build_nodes(&mut self, parent: ObjId, nodes: &[Node]) {
        for n in nodes {
            match n {
                Node::Element {
                    tag,
                    attrs,
                    children,
                } => {
                    let el = self.create_element(tag.clone());
                    if let crate::heap::ObjKind::Host(HostObj::Web(super::WebObj::Element(e))) =
                        &mut self.st.realm.heap.get_mut(el).kind
                    {
                        e.attrs = attrs.clone();
                        // Scripts in the initial markup are not run by the model.
                        e.started = true;
                    }
                    self.build_nodes(el, children);
                    self.append_child(parent, el);
                }
                Node::Text(t) => {
                    let text = self.create_text_node(t.clone());
                    self.append_child(parent, text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nesting_attributes_and_text() {
        let n = parse(r#"<div class="outer" id=o><div class='inner'>hi</div><br><input/></div>"#)
            .unwrap();
        let Node::Element {
            tag,
            attrs,
            children,
        } = &n[0]
        else {
            panic!()
        };
        assert_eq!(&**tag, "div");
        assert_eq!(attrs.len(), 2);
        assert_eq!(children.len(), 3);
        assert!(parse("<div>").is_err());
        assert_eq!(
            parse("<p>a &amp; b &#65;&#x42; &c</p> ").unwrap()[1],
            Node::Text(Arc::from(" "))
        );
        let Node::Element { children, .. } = &parse("<p>a &amp; b &#65;&#x42; &c</p>").unwrap()[0]
        else {
            panic!()
        };
        assert_eq!(children[0], Node::Text(Arc::from("a & b AB &c")));
        assert!(parse("<p>&copy;</p>").is_err());
        assert!(parse("<div></span>").is_err());
    }
}
