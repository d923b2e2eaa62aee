//! A minimal DOM (DOM §4): elements made by `document.createElement` or the page's markup,
//! the tree (`appendChild`, `append`, `remove`), attributes and `classList`, selectors
//! (`getElementById`, `querySelector`), `textContent`, and scripts inserted into the document.
//! Text nodes are in [`super::text`]; events on these nodes in [`super::events`].

use crate::host::object::HostObj;
use std::sync::Arc;

use super::{WebFn, WebObj};
use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// A DOM element.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Element {
    pub tag: Arc<str>,
    pub attrs: Vec<(Arc<str>, Arc<str>)>,
    pub parent: Option<ObjId>,
    /// Child nodes: elements and Text nodes ([`super::text::TextNode`]), in tree order.
    pub children: Vec<ObjId>,
    /// A `<script>`'s "already started" flag (HTML "prepare the script element").
    pub started: bool,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&Arc<str>> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }
    fn has_class(&self, c: &str) -> bool {
        self.attr("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|x| x == c))
    }
}

/// Properties of elements that need no allocation.
pub fn element_prop(e: &Element, key: &str) -> Option<Value> {
    let b = |f: WebFn| Some(Value::Builtin(Builtin::from(f)));
    match key {
        "id" => Some(Value::String(
            e.attr("id").cloned().unwrap_or_else(|| Arc::from("")),
        )),
        "className" => Some(Value::String(
            e.attr("class").cloned().unwrap_or_else(|| Arc::from("")),
        )),
        "tagName" | "nodeName" => Some(Value::str(&e.tag.to_ascii_uppercase())),
        "nodeType" => Some(Value::num(1.0)),
        "nodeValue" => Some(Value::Null),
        "firstChild" => Some(
            e.children
                .first()
                .map_or(Value::Null, |c| Value::Object(*c)),
        ),
        "lastChild" => Some(e.children.last().map_or(Value::Null, |c| Value::Object(*c))),
        "src" => Some(Value::String(
            e.attr("src").cloned().unwrap_or_else(|| Arc::from("")),
        )),
        "parentNode" | "parentElement" => Some(e.parent.map_or(Value::Null, Value::Object)),
        "appendChild" => b(WebFn::AppendChild),
        "append" => b(WebFn::Append),
        "removeChild" => b(WebFn::RemoveChild),
        "remove" => b(WebFn::Remove),
        "setAttribute" => b(WebFn::SetAttribute),
        "getAttribute" => b(WebFn::GetAttribute),
        "click" => b(WebFn::Click),
        "querySelector" => b(WebFn::QuerySelector),
        "querySelectorAll" => b(WebFn::QuerySelectorAll),
        _ => None,
    }
}

impl Cx<'_, '_> {
    /// The document element (`<html>` with `<head>` and `<body>`), created on first use.
    pub fn document_element(&mut self) -> ObjId {
        if let Some(d) = self.st.web.document_element {
            return d;
        }
        let html = self.create_element(Arc::from("html"));
        let head = self.create_element(Arc::from("head"));
        let body = self.create_element(Arc::from("body"));
        self.append_child(html, head);
        self.append_child(html, body);
        self.st.web.document_element = Some(html);
        html
    }

    /// `document.body`.
    pub fn document_body(&mut self) -> Value {
        let html = self.document_element();
        let children = self
            .element(html)
            .map(|e| e.children.clone())
            .unwrap_or_default();
        children
            .into_iter()
            .find(|c| self.element(*c).is_some_and(|e| &*e.tag == "body"))
            .map_or(Value::Null, Value::Object)
    }

    fn element(&self, id: ObjId) -> Option<&Element> {
        match &self.st.realm.heap.get(id).kind {
            ObjKind::Host(HostObj::Web(WebObj::Element(e))) => Some(e),
            _ => None,
        }
    }

    fn element_mut(&mut self, id: ObjId) -> Option<&mut Element> {
        match &mut self.st.realm.heap.get_mut(id).kind {
            ObjKind::Host(HostObj::Web(WebObj::Element(e))) => Some(e),
            _ => None,
        }
    }

    /// Whether `id` is a node of the model's DOM (an element or a Text node).
    pub(crate) fn is_node(&self, id: ObjId) -> bool {
        matches!(
            self.st.realm.heap.get(id).kind,
            ObjKind::Host(HostObj::Web(WebObj::Element(_) | WebObj::Text(_)))
        )
    }

    /// A node's parent (always an element in the model).
    pub(crate) fn node_parent(&self, id: ObjId) -> Option<ObjId> {
        match &self.st.realm.heap.get(id).kind {
            ObjKind::Host(HostObj::Web(WebObj::Element(e))) => e.parent,
            ObjKind::Host(HostObj::Web(WebObj::Text(t))) => t.parent,
            _ => None,
        }
    }

    fn set_node_parent(&mut self, id: ObjId, parent: Option<ObjId>) {
        match &mut self.st.realm.heap.get_mut(id).kind {
            ObjKind::Host(HostObj::Web(WebObj::Element(e))) => e.parent = parent,
            ObjKind::Host(HostObj::Web(WebObj::Text(t))) => t.parent = parent,
            _ => {}
        }
    }

    /// A node's previous (`delta` -1) or next (+1) sibling, or null.
    pub(crate) fn node_sibling(&self, id: ObjId, delta: isize) -> Value {
        let Some(siblings) = self
            .node_parent(id)
            .and_then(|p| self.element(p))
            .map(|e| &e.children)
        else {
            return Value::Null;
        };
        siblings
            .iter()
            .position(|c| *c == id)
            .and_then(|i| i.checked_add_signed(delta))
            .and_then(|i| siblings.get(i))
            .map_or(Value::Null, |c| Value::Object(*c))
    }

    /// DOM "descendant text content": the data of the Text descendants, in tree order.
    fn descendant_text_content(&self, id: ObjId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let ObjKind::Host(HostObj::Web(WebObj::Text(t))) = &self.st.realm.heap.get(n).kind {
                out.push_str(&t.data);
            }
        }
        out
    }

    /// `document.createElement(tag)`.
    pub fn create_element(&mut self, tag: Arc<str>) -> ObjId {
        let tag = Arc::from(tag.to_ascii_lowercase());
        self.alloc(ObjKind::Host(HostObj::Web(WebObj::Element(Box::new(
            Element {
                tag,
                attrs: Vec::new(),
                parent: None,
                children: Vec::new(),
                started: false,
            },
        )))))
    }

    /// `parent.appendChild(child)` (an element or a Text node): removes the child from its
    /// old parent first.
    pub fn append_child(&mut self, parent: ObjId, child: ObjId) {
        self.detach(child);
        if let Some(p) = self.element_mut(parent) {
            p.children.push(child);
        }
        self.set_node_parent(child, Some(parent));
        self.record_mutation(
            parent,
            super::mutation::Mutation::ChildList {
                added: vec![child],
                removed: Vec::new(),
            },
        );
        self.prepare_scripts(child);
    }

    /// DOM §4.2.3 "replace all" with the nodes built from `nodes` (`innerHTML`: the parsed
    /// fragment; `textContent`: "string replace all", one Text node for a non-empty string,
    /// none for ""): (1) removedNodes are the children, (2–4) addedNodes the new nodes, (5)
    /// the children are removed and (6) the nodes inserted with the suppress observers flag
    /// set, (7) if either list is non-empty, one childList mutation record covers the change.
    fn replace_all(&mut self, id: ObjId, nodes: &[super::markup::Node]) {
        let removed = self
            .element(id)
            .map(|e| e.children.clone())
            .unwrap_or_default();
        self.st.web.suppress_mutations = true;
        for c in &removed {
            self.detach(*c);
        }
        self.build_nodes(id, nodes);
        self.st.web.suppress_mutations = false;
        let added = self
            .element(id)
            .map(|e| e.children.clone())
            .unwrap_or_default();
        if !removed.is_empty() || !added.is_empty() {
            self.record_mutation(id, super::mutation::Mutation::ChildList { added, removed });
        }
    }

    /// Whether `id` is in the document (its root is the document element).
    fn connected(&self, mut id: ObjId) -> bool {
        loop {
            if Some(id) == self.st.web.document_element {
                return true;
            }
            match self.node_parent(id) {
                Some(p) => id = p,
                None => return false,
            }
        }
    }

    /// HTML "prepare the script element" for `<script src>` elements in an inserted subtree
    /// that became connected: the script is fetched (an in-flight request, HTML-15); its
    /// completion task fires `error` on a network error, or runs it (the virtual network's
    /// scripts are empty) and fires `load`.
    fn prepare_scripts(&mut self, root: ObjId) {
        if !self.connected(root) {
            return;
        }
        let mut nodes = vec![root];
        nodes.extend(self.descendants(root));
        for n in nodes {
            let Some(e) = self.element(n) else { continue };
            if &*e.tag != "script" || e.started {
                continue;
            }
            let Some(src) = e.attr("src").cloned() else {
                continue;
            };
            if let Some(e) = self.element_mut(n) {
                e.started = true;
            }
            self.trace("HTML-15", || {
                format!("prepare the script element: fetch {src}")
            });
            self.start_request(src, n, crate::host::fetch::FetchKind::Script);
        }
    }

    /// The networking task of a fetched `<script src>`: `error` on a network error, else
    /// execute it (empty) and fire `load`. The listeners run with an empty stack (HTML-7).
    pub fn script_fetched(&mut self, el: ObjId, url: &str) -> JsResult<()> {
        let ty = if crate::host::fetch::network_error(url) {
            "error"
        } else {
            "load"
        };
        self.trace("HTML-15", || format!("script {url} fetched: fire {ty}"));
        self.fire_simple(Value::Object(el), ty)
    }

    /// DOM §4.3.2: queue a mutation record (MutationObserver, HTML-12).
    pub(crate) fn record_mutation(&mut self, target: ObjId, m: super::mutation::Mutation) {
        if self.st.web.suppress_mutations {
            return;
        }
        // Records are ordinary objects with data properties: creating them cannot throw.
        let _ = self.queue_mutation_record(target, m);
    }

    /// DOM §4.2.3 "remove" `child` from its parent (if any): the child leaves the children,
    /// the `subtree` registrations of the parent's inclusive ancestors get transient
    /// registered observers on the child, and, unless the suppress observers flag is set, a
    /// childList record is queued at the parent.
    fn detach(&mut self, child: ObjId) {
        if let Some(old) = self.node_parent(child) {
            self.add_transient_observers(child, old);
            if let Some(p) = self.element_mut(old) {
                p.children.retain(|c| *c != child);
            }
            self.set_node_parent(child, None);
            self.record_mutation(
                old,
                super::mutation::Mutation::ChildList {
                    added: Vec::new(),
                    removed: vec![child],
                },
            );
        }
    }

    /// Descendants of `root` in tree order (not `root` itself).
    fn descendants(&self, root: ObjId) -> Vec<ObjId> {
        let mut out = Vec::new();
        let mut stack: Vec<ObjId> = self
            .element(root)
            .map(|e| e.children.iter().rev().copied().collect())
            .unwrap_or_default();
        while let Some(n) = stack.pop() {
            out.push(n);
            if let Some(e) = self.element(n) {
                stack.extend(e.children.iter().rev().copied());
            }
        }
        out
    }

    /// `document.getElementById(id)`: the first element in tree order with that id.
    pub fn get_element_by_id(&mut self, id: &str) -> Value {
        let root = self.document_element();
        let mut all = vec![root];
        all.extend(self.descendants(root));
        all.into_iter()
            .find(|n| {
                self.element(*n)
                    .is_some_and(|e| e.attr("id").is_some_and(|v| &**v == id))
            })
            .map_or(Value::Null, Value::Object)
    }

    /// `querySelectorAll` with one simple selector: the matches in tree order (an array).
    pub fn query_selector_all(&mut self, this: &Value, sel: &str) -> Value {
        let root = match this {
            Value::Object(id) if self.element(*id).is_some() => *id,
            _ => self.document_element(),
        };
        let mut all = Vec::new();
        if !matches!(this, Value::Object(_)) {
            all.push(root);
        }
        all.extend(self.descendants(root));
        let found: Vec<Value> = all
            .into_iter()
            .filter(|n| self.element(*n).is_some_and(|e| matches(e, sel)))
            .map(Value::Object)
            .collect();
        Value::Object(self.alloc(ObjKind::Array(found.into())))
    }

    /// `querySelector` with one simple selector: `#id`, `.class` or a tag name.
    pub fn query_selector(&mut self, this: &Value, sel: &str) -> Value {
        let root = match this {
            Value::Object(id) if self.element(*id).is_some() => *id,
            _ => {
                let html = self.document_element();
                if let Some(e) = self.element(html)
                    && matches(e, sel)
                {
                    return Value::Object(html);
                }
                html
            }
        };
        self.descendants(root)
            .into_iter()
            .find(|n| self.element(*n).is_some_and(|e| matches(e, sel)))
            .map_or(Value::Null, Value::Object)
    }

    /// Element properties set by script (`id`, `className`, `textContent`); `None` for others.
    pub fn set_element_prop(&mut self, id: ObjId, key: &str, v: &Value) -> Option<JsResult<()>> {
        self.element(id)?;
        let attr = match key {
            "id" => "id",
            "src" => "src",
            "className" => "class",
            "innerHTML" => {
                // The fragment parsing algorithm, for the markup subset of `--dom`.
                let s = match self.to_string(v) {
                    Ok(s) => s,
                    Err(e) => return Some(Err(e)),
                };
                let nodes = match super::markup::parse(&s) {
                    Ok(n) => n,
                    Err(e) => {
                        return Some(self.throw(
                            ErrorKind::SyntaxError,
                            &format!("evloop's markup subset cannot parse this innerHTML: {e}"),
                        ));
                    }
                };
                self.replace_all(id, &nodes);
                return Some(Ok(()));
            }
            "textContent" => {
                // DOM §4.4 textContent setter for an Element: null is the empty string; then
                // "string replace all".
                let s = match v {
                    Value::Null => Arc::from(""),
                    v => match self.to_string(v) {
                        Ok(s) => s,
                        Err(e) => return Some(Err(e)),
                    },
                };
                let nodes = if s.is_empty() {
                    Vec::new()
                } else {
                    vec![super::markup::Node::Text(s)]
                };
                self.replace_all(id, &nodes);
                return Some(Ok(()));
            }
            // DOM §4.4: setting an element's nodeValue does nothing.
            "nodeValue" => return Some(Ok(())),
            _ => return None,
        };
        Some(self.to_string(v).map(|s| self.set_attribute(id, attr, s)))
    }

    fn set_attribute(&mut self, id: ObjId, name: &str, value: Arc<str>) {
        if let Some(e) = self.element_mut(id) {
            let old_value = match e.attrs.iter_mut().find(|(k, _)| &**k == name) {
                Some((_, v)) => Some(std::mem::replace(v, value)),
                None => {
                    e.attrs.push((Arc::from(name), value));
                    None
                }
            };
            self.record_mutation(
                id,
                super::mutation::Mutation::Attributes {
                    name: Arc::from(name),
                    old_value,
                },
            );
        }
    }

    /// DOM §4.2.3 "ensure pre-insertion validity", step 2 (the parent is an element here):
    /// a node that is an inclusive ancestor of the parent cannot be inserted into it (a
    /// "HierarchyRequestError" DOMException).
    fn ensure_pre_insertion_validity(&mut self, parent: ObjId, node: ObjId) -> JsResult<()> {
        let mut cur = Some(parent);
        while let Some(n) = cur {
            if n == node {
                let e = self.make_error(
                    ErrorKind::Error,
                    "Failed to execute 'appendChild' on 'Node': The new child element contains the parent.",
                );
                if let Value::Object(id) = e {
                    self.st.realm.heap.get_mut(id).set_own(
                        "name",
                        crate::heap::Prop::Data(Value::str("HierarchyRequestError")),
                    );
                }
                return Err(crate::vm::Unwind::Throw(e));
            }
            cur = self.node_parent(n);
        }
        Ok(())
    }

    /// Element methods: appendChild/append/removeChild/remove, set/getAttribute, click().
    pub fn element_method(&mut self, f: WebFn, this: Value, args: Vec<Value>) -> JsResult<Value> {
        let this_id = match &this {
            Value::Object(id)
                if self.element(*id).is_some() || (f == WebFn::Remove && self.is_node(*id)) =>
            {
                *id
            }
            _ => return self.throw(ErrorKind::TypeError, "Illegal invocation"),
        };
        let node_arg = |agent: &mut Cx<'_, '_>, i: usize| -> JsResult<ObjId> {
            match super::arg(&args, i) {
                Value::Object(id) if agent.is_node(id) => Ok(id),
                _ => agent.throw(ErrorKind::TypeError, "parameter 1 is not of type 'Node'."),
            }
        };
        match f {
            WebFn::AppendChild => {
                let c = node_arg(self, 0)?;
                self.ensure_pre_insertion_validity(this_id, c)?;
                self.append_child(this_id, c);
                Ok(Value::Object(c))
            }
            WebFn::Append => {
                // DOM "convert nodes into a node": strings become Text nodes; several nodes
                // go into a DocumentFragment (each leaving its old parent: a childList record
                // there), whose insertion is one childList record with all of them.
                let mut nodes = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    match a {
                        Value::Object(id) if self.is_node(*id) => nodes.push(*id),
                        Value::Object(_) => {
                            node_arg(self, i)?;
                        }
                        v => {
                            let s = self.to_string(v)?;
                            nodes.push(self.create_text_node(s));
                        }
                    }
                }
                for c in &nodes {
                    self.ensure_pre_insertion_validity(this_id, *c)?;
                }
                if let [c] = nodes[..] {
                    self.append_child(this_id, c);
                } else if !nodes.is_empty() {
                    for c in &nodes {
                        self.detach(*c);
                    }
                    self.st.web.suppress_mutations = true;
                    for c in &nodes {
                        self.append_child(this_id, *c);
                    }
                    self.st.web.suppress_mutations = false;
                    self.record_mutation(
                        this_id,
                        super::mutation::Mutation::ChildList {
                            added: nodes,
                            removed: Vec::new(),
                        },
                    );
                }
                Ok(Value::Undefined)
            }
            WebFn::RemoveChild => {
                let c = node_arg(self, 0)?;
                self.detach(c);
                Ok(Value::Object(c))
            }
            WebFn::Remove => {
                self.detach(this_id);
                Ok(Value::Undefined)
            }
            WebFn::SetAttribute => {
                let name = self.to_string(&super::arg(&args, 0))?;
                let value = self.to_string(&super::arg(&args, 1))?;
                self.set_attribute(this_id, &name, value);
                Ok(Value::Undefined)
            }
            WebFn::GetAttribute => {
                let name = self.to_string(&super::arg(&args, 0))?;
                Ok(self
                    .element(this_id)
                    .and_then(|e| e.attr(&name).cloned())
                    .map_or(Value::Null, Value::String))
            }
            _ => {
                // HTML `click()`: fire a synthetic (untrusted) click event, which bubbles and
                // is cancelable, at the element, synchronously.
                let ev = self.new_event(Arc::from("click"), true, true)?;
                self.trace("HTML-7", || "el.click(): synchronous dispatch".into());
                self.dispatch_event(this, ev, false)?;
                Ok(Value::Undefined)
            }
        }
    }

    /// `classList.add/remove/toggle/contains` on the element's `class` attribute.
    pub fn class_list_method(
        &mut self,
        f: WebFn,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let Some(ObjKind::Host(HostObj::Web(WebObj::ClassList(id)))) = this
            .as_object()
            .map(|o| self.st.realm.heap.get(o).kind.clone())
        else {
            return self.throw(ErrorKind::TypeError, "Illegal invocation");
        };
        let c = self.to_string(&super::arg(&args, 0))?;
        let mut classes: Vec<String> = self
            .element(id)
            .and_then(|e| e.attr("class").cloned())
            .map(|v| v.split_ascii_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let had = classes.iter().any(|x| **x == *c);
        let result = match f {
            WebFn::ClassListAdd => {
                if !had {
                    classes.push(c.to_string());
                }
                Value::Undefined
            }
            WebFn::ClassListRemove => {
                classes.retain(|x| **x != *c);
                Value::Undefined
            }
            WebFn::ClassListToggle => {
                if had {
                    classes.retain(|x| **x != *c);
                } else {
                    classes.push(c.to_string());
                }
                Value::Bool(!had)
            }
            _ => return Ok(Value::Bool(had)),
        };
        self.set_attribute(id, "class", Arc::from(classes.join(" ")));
        Ok(result)
    }
}

fn matches(e: &Element, sel: &str) -> bool {
    if let Some(id) = sel.strip_prefix('#') {
        e.attr("id").is_some_and(|v| &**v == id)
    } else if let Some(c) = sel.strip_prefix('.') {
        e.has_class(c)
    } else {
        e.tag.eq_ignore_ascii_case(sel)
    }
}

/// Own-property-like reads on elements that allocate (`children`) or reach the document.
pub fn element_get(agent: &mut Cx<'_, '_>, id: ObjId, key: &str) -> Option<JsResult<Value>> {
    let e = agent.element(id)?.clone();
    match key {
        // `childNodes` (a static copy of the live NodeList) has every child node, `children`
        // only the elements.
        "children" | "childNodes" => {
            let items = e
                .children
                .iter()
                .filter(|c| key == "childNodes" || agent.element(**c).is_some())
                .map(|c| Value::Object(*c))
                .collect();
            let arr = agent.alloc(ObjKind::Array(items));
            Some(Ok(Value::Object(arr)))
        }
        "textContent" => Some(Ok(Value::str(&agent.descendant_text_content(id)))),
        "previousSibling" => Some(Ok(agent.node_sibling(id, -1))),
        "nextSibling" => Some(Ok(agent.node_sibling(id, 1))),
        "style" => {
            // A plain object, kept as the element's own property (styles are not modelled).
            let s = agent.alloc(ObjKind::Ordinary);
            agent
                .st
                .heap
                .get_mut(id)
                .set_own("style", crate::heap::Prop::Data(Value::Object(s)));
            Some(Ok(Value::Object(s)))
        }
        "classList" => Some(Ok(Value::Object(
            agent.alloc(ObjKind::Host(HostObj::Web(WebObj::ClassList(id)))),
        ))),
        _ => None,
    }
}

evloop_engine::heap_refs!(struct [] Element { parent, children });
