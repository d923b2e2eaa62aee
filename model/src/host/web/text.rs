//! Text nodes (DOM §4.11 `Text`, §4.10 `CharacterData`): `document.createTextNode`, the text
//! children of parsed markup and of `textContent`, and their `data`. Changing the data runs
//! DOM §4.10 "replace data", which queues a "characterData" mutation record (HTML-12).

use crate::host::object::HostObj;
use std::sync::Arc;

use super::{WebFn, WebObj};
use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// A Text node: its data and its parent (an element, or none).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextNode {
    pub data: Arc<str>,
    pub parent: Option<ObjId>,
}

/// A CharacterData's length: its data's length in UTF-16 code units.
fn length(data: &str) -> usize {
    data.encode_utf16().count()
}

/// The properties of a Text node the model provides (`None`: an ordinary lookup).
pub fn text_get(agent: &mut Cx<'_, '_>, id: ObjId, key: &str) -> Option<JsResult<Value>> {
    let ObjKind::Host(HostObj::Web(WebObj::Text(t))) = &agent.st.realm.heap.get(id).kind else {
        return None;
    };
    let t = t.clone();
    let v = match key {
        "data" | "nodeValue" | "textContent" => Value::String(t.data.clone()),
        "length" => Value::num(length(&t.data) as f64),
        "nodeType" => Value::num(3.0),
        "nodeName" => Value::str("#text"),
        "parentNode" | "parentElement" => t.parent.map_or(Value::Null, Value::Object),
        "firstChild" | "lastChild" => Value::Null,
        "previousSibling" => agent.node_sibling(id, -1),
        "nextSibling" => agent.node_sibling(id, 1),
        "childNodes" => Value::Object(agent.alloc(ObjKind::Array(Default::default()))),
        "appendData" => Value::Builtin(Builtin::from(WebFn::AppendData)),
        "remove" => Value::Builtin(Builtin::from(WebFn::Remove)),
        _ => return None,
    };
    Some(Ok(v))
}

impl Cx<'_, '_> {
    /// `document.createTextNode(data)`: a new Text node (DOM §4.5), not in any tree.
    pub fn create_text_node(&mut self, data: Arc<str>) -> ObjId {
        self.alloc(ObjKind::Host(HostObj::Web(WebObj::Text(TextNode {
            data,
            parent: None,
        }))))
    }

    fn text_data(&self, id: ObjId) -> Option<Arc<str>> {
        match &self.st.realm.heap.get(id).kind {
            ObjKind::Host(HostObj::Web(WebObj::Text(t))) => Some(t.data.clone()),
            _ => None,
        }
    }

    /// Setting `data`, `nodeValue` or `textContent` on a Text node (DOM §4.10 `data` setter,
    /// §4.4 `nodeValue` and `textContent` setters for CharacterData: null is the empty
    /// string): "replace data" with offset 0, count this's length and the new value.
    /// `None` for other keys (ordinary properties).
    pub fn set_text_prop(&mut self, id: ObjId, key: &str, v: &Value) -> Option<JsResult<()>> {
        let old = self.text_data(id)?;
        if !matches!(key, "data" | "nodeValue" | "textContent") {
            return None;
        }
        let s = match v {
            Value::Null => Arc::from(""),
            v => match self.to_string(v) {
                Ok(s) => s,
                Err(e) => return Some(Err(e)),
            },
        };
        self.replace_data(id, 0, length(&old), &s);
        Some(Ok(()))
    }

    /// `text.appendData(data)` (DOM §4.10): "replace data" with offset this's length, count 0.
    pub fn text_method(&mut self, f: WebFn, this: Value, args: Vec<Value>) -> JsResult<Value> {
        let Some((id, old)) = this
            .as_object()
            .and_then(|id| Some((id, self.text_data(id)?)))
        else {
            return self.throw(ErrorKind::TypeError, "Illegal invocation");
        };
        debug_assert_eq!(f, WebFn::AppendData);
        if args.is_empty() {
            return self.throw(
                ErrorKind::TypeError,
                "Failed to execute 'appendData' on 'CharacterData': 1 argument required, but only 0 present.",
            );
        }
        let data = self.to_string(&super::arg(&args, 0))?;
        self.replace_data(id, length(&old), 0, &data);
        Ok(Value::Undefined)
    }

    /// DOM §4.10 "replace data" of `node` with `offset`, `count` and `data` (UTF-16 code
    /// units). The callers' offsets never exceed the length (step 2's IndexSizeError cannot
    /// happen). (3) The count is clamped to the length after the offset. (4) Queue a mutation
    /// record of "characterData" for node with oldValue node's data (HTML-12, DOM §4.3.2).
    /// (5) Insert data after offset code units; (6–7) remove count code units after it.
    /// Steps 8–11 update live ranges (not modelled); step 12's "children changed steps" do
    /// nothing for the model's elements.
    pub fn replace_data(&mut self, node: ObjId, offset: usize, count: usize, data: &str) {
        let Some(old) = self.text_data(node) else {
            return;
        };
        let units: Vec<u16> = old.encode_utf16().collect();
        let offset = offset.min(units.len());
        let count = count.min(units.len() - offset);
        self.record_mutation(
            node,
            super::mutation::Mutation::CharacterData {
                old_value: old.clone(),
            },
        );
        let mut new: Vec<u16> = units[..offset].to_vec();
        new.extend(data.encode_utf16());
        new.extend_from_slice(&units[offset + count..]);
        let new: Arc<str> = Arc::from(String::from_utf16_lossy(&new));
        if let ObjKind::Host(HostObj::Web(WebObj::Text(t))) =
            &mut self.st.realm.heap.get_mut(node).kind
        {
            t.data = new;
        }
    }
}

evloop_engine::heap_refs!(struct [] TextNode { parent });
