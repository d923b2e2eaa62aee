//! The hosts' exotic objects in the engine's heap ([`evloop_engine::heap::ObjKind::Host`]).

use std::sync::Arc;

use evloop_engine::host::{HostData, HostFn};

use super::builtin::HostBuiltin;
use super::node::Listener;
use super::web::WebObj;

/// A host-defined object.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HostObj {
    /// A Node `Timeout` object (NODE-7), by timer id.
    Timeout(u32),
    /// A Node `Immediate` object (NODE-9), by id.
    Immediate(u32),
    /// A Node `Buffer` with its bytes: a file's UTF-8 content (`fs.readFile` without an
    /// encoding) or binary data (`crypto.pbkdf2`'s derived key, UV-6).
    Buffer(Arc<[u8]>),
    /// A Node `EventEmitter` with its listeners in registration order.
    Emitter(Vec<Listener>),
    /// An object of the HTML host's Web APIs (ports, events, elements, …).
    Web(WebObj),
}

evloop_engine::heap_refs!(enum [] HostObj {
    Timeout(_),
    Immediate(_),
    Buffer(_),
    Emitter(ls),
    Web(w),
});

impl HostData for HostObj {
    /// FORMAT-1: `Timeout {}`, `Immediate {}`, `EventEmitter {}`, Buffers as Node prints them.
    fn inspect(&self) -> String {
        match self {
            HostObj::Timeout(_) => "Timeout {}".into(),
            HostObj::Immediate(_) => "Immediate {}".into(),
            HostObj::Emitter(_) => "EventEmitter {}".into(),
            HostObj::Web(w) => w.format(),
            HostObj::Buffer(s) => buffer_string(s),
        }
    }

    fn builtin_name(f: HostFn) -> &'static str {
        HostBuiltin::of(f).name()
    }

    fn builtin_is_callable(f: HostFn) -> bool {
        HostBuiltin::of(f).is_callable()
    }
}

/// Node's `util.inspect` of a Buffer: `<Buffer 68 69>`, at most 50 bytes shown
/// (`buffer.INSPECT_MAX_BYTES`), then ` ... N more bytes`.
fn buffer_string(bytes: &[u8]) -> String {
    let shown: Vec<String> = bytes.iter().take(50).map(|b| format!("{b:02x}")).collect();
    let more = bytes.len().saturating_sub(50);
    let tail = if more > 0 {
        format!(" ... {more} more byte{}", if more == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    if shown.is_empty() {
        "<Buffer >".into()
    } else {
        format!("<Buffer {}{tail}>", shown.join(" "))
    }
}
