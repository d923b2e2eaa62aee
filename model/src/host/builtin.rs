//! The hosts' built-ins and globals as the engine sees them.
//!
//! The engine knows a host built-in only as an opaque [`HostFn`] and a host global as a
//! [`HostGlobal`] (ECMA-262 §19: host-defined properties of the global object). This module
//! numbers the hosts' own enums into those ids and back, and resolves global names per host
//! (what the frontend asks when it meets a name that is not a user binding).

use evloop_engine::builtins::Builtin;
use evloop_engine::host::{HostFn, HostGlobal};
use evloop_engine::ir::Global;
use evloop_engine::value::Value;

use super::Host;
use super::node::builtins::NodeFn;
use super::web::WebFn;

/// Built-ins every host here defines: the console (WHATWG Console), the timers and
/// `queueMicrotask` (HTML-8, HTML-9; Node's own versions behind the same names), and `fetch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum SharedFn {
    /// The `console` namespace object (not callable).
    ConsoleObj,
    ConsoleLog,
    ConsoleInfo,
    ConsoleWarn,
    ConsoleError,
    ConsoleDebug,
    SetTimeout,
    ClearTimeout,
    SetInterval,
    ClearInterval,
    QueueMicrotask,
    /// `fetch(url)` (Fetch standard): network I/O whose completion is a host choice.
    Fetch,
}

impl SharedFn {
    pub fn name(self) -> &'static str {
        match self {
            SharedFn::ConsoleObj => "console",
            SharedFn::ConsoleLog => "log",
            SharedFn::ConsoleInfo => "info",
            SharedFn::ConsoleWarn => "warn",
            SharedFn::ConsoleError => "error",
            SharedFn::ConsoleDebug => "debug",
            SharedFn::SetTimeout => "setTimeout",
            SharedFn::ClearTimeout => "clearTimeout",
            SharedFn::SetInterval => "setInterval",
            SharedFn::ClearInterval => "clearInterval",
            SharedFn::QueueMicrotask => "queueMicrotask",
            SharedFn::Fetch => "fetch",
        }
    }

    /// `console.log` and the other console methods.
    pub fn static_prop(self, key: &str) -> Option<Value> {
        let f = match (self, key) {
            (SharedFn::ConsoleObj, "log") => SharedFn::ConsoleLog,
            (SharedFn::ConsoleObj, "info") => SharedFn::ConsoleInfo,
            (SharedFn::ConsoleObj, "warn") => SharedFn::ConsoleWarn,
            (SharedFn::ConsoleObj, "error") => SharedFn::ConsoleError,
            (SharedFn::ConsoleObj, "debug") => SharedFn::ConsoleDebug,
            _ => return None,
        };
        Some(Value::Builtin(f.into()))
    }
}

/// A host built-in, by family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostBuiltin {
    Shared(SharedFn),
    Node(NodeFn),
    Web(WebFn),
}

const NODE_BASE: u16 = 0x100;
const WEB_BASE: u16 = 0x200;

/// Decodes an id made by `id()`: the family in the high byte, the variant in the low one.
/// Ids only ever come from `id()`, so every id decodes.
fn decode<T>(
    id: u16,
    shared: impl Fn(u8) -> Option<T>,
    node: impl Fn(u8) -> Option<T>,
    web: impl Fn(u8) -> Option<T>,
) -> T {
    let index = (id & 0xff) as u8;
    let decoded = match id & 0xff00 {
        0 => shared(index),
        NODE_BASE => node(index),
        WEB_BASE => web(index),
        _ => None,
    };
    decoded.unwrap_or_else(|| unreachable!("host ids are made by `id()`: {id:#x}"))
}

impl HostBuiltin {
    /// The built-in an engine id names.
    pub fn of(f: HostFn) -> HostBuiltin {
        decode(
            f.0,
            |i| SharedFn::from_repr(i).map(HostBuiltin::Shared),
            |i| NodeFn::from_repr(i).map(HostBuiltin::Node),
            |i| WebFn::from_repr(i).map(HostBuiltin::Web),
        )
    }

    /// The engine's id of this built-in.
    pub fn id(self) -> HostFn {
        HostFn(match self {
            HostBuiltin::Shared(f) => f as u16,
            HostBuiltin::Node(f) => NODE_BASE | f as u16,
            HostBuiltin::Web(f) => WEB_BASE | f as u16,
        })
    }

    /// The host built-in a value is, if it is one.
    pub fn of_value(v: &Value) -> Option<HostBuiltin> {
        match v {
            Value::Builtin(Builtin::Host(f)) => Some(HostBuiltin::of(*f)),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HostBuiltin::Shared(f) => f.name(),
            HostBuiltin::Node(f) => f.name(),
            HostBuiltin::Web(f) => f.name(),
        }
    }

    pub fn is_callable(self) -> bool {
        match self {
            HostBuiltin::Shared(f) => f != SharedFn::ConsoleObj,
            HostBuiltin::Node(f) => f.is_callable(),
            HostBuiltin::Web(f) => f.is_callable(),
        }
    }

    /// Static properties (`console.log`, `process.nextTick`, `performance.now`, …).
    pub fn static_prop(self, key: &str) -> Option<Value> {
        match self {
            HostBuiltin::Shared(f) => f.static_prop(key),
            HostBuiltin::Node(f) => f.static_prop(key),
            HostBuiltin::Web(f) => f.static_prop(key),
        }
    }
}

impl From<SharedFn> for Builtin {
    fn from(f: SharedFn) -> Builtin {
        Builtin::Host(HostBuiltin::Shared(f).id())
    }
}
impl From<NodeFn> for Builtin {
    fn from(f: NodeFn) -> Builtin {
        Builtin::Host(HostBuiltin::Node(f).id())
    }
}
impl From<WebFn> for Builtin {
    fn from(f: WebFn) -> Builtin {
        Builtin::Host(HostBuiltin::Web(f).id())
    }
}

/// The Node built-in a value is, if it is one.
pub fn node_fn(v: &Value) -> Option<NodeFn> {
    match HostBuiltin::of_value(v) {
        Some(HostBuiltin::Node(f)) => Some(f),
        _ => None,
    }
}

/// The HTML-host built-in a value is, if it is one.
pub fn web_fn(v: &Value) -> Option<WebFn> {
    match HostBuiltin::of_value(v) {
        Some(HostBuiltin::Web(f)) => Some(f),
        _ => None,
    }
}

/// Globals every host here defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum SharedGlobal {
    Console,
    SetTimeout,
    ClearTimeout,
    SetInterval,
    ClearInterval,
    QueueMicrotask,
    Fetch,
}

impl SharedGlobal {
    pub const ALL: [SharedGlobal; 7] = [
        SharedGlobal::Console,
        SharedGlobal::SetTimeout,
        SharedGlobal::ClearTimeout,
        SharedGlobal::SetInterval,
        SharedGlobal::ClearInterval,
        SharedGlobal::QueueMicrotask,
        SharedGlobal::Fetch,
    ];

    pub fn name(self) -> &'static str {
        self.value().name()
    }

    /// The built-in the global is bound to.
    pub fn value(self) -> SharedFn {
        match self {
            SharedGlobal::Console => SharedFn::ConsoleObj,
            SharedGlobal::SetTimeout => SharedFn::SetTimeout,
            SharedGlobal::ClearTimeout => SharedFn::ClearTimeout,
            SharedGlobal::SetInterval => SharedFn::SetInterval,
            SharedGlobal::ClearInterval => SharedFn::ClearInterval,
            SharedGlobal::QueueMicrotask => SharedFn::QueueMicrotask,
            SharedGlobal::Fetch => SharedFn::Fetch,
        }
    }
}

/// Globals of the HTML host only (`crate::host::web`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum WebGlobal {
    RequestAnimationFrame,
    CancelAnimationFrame,
    MessageChannel,
    RequestIdleCallback,
    CancelIdleCallback,
    PostMessage,
    AddEventListener,
    RemoveEventListener,
    DispatchEvent,
    Event,
    Performance,
    Document,
    MutationObserver,
    ScrollTo,
    ScrollBy,
    XmlHttpRequest,
    CustomEvent,
}

impl WebGlobal {
    pub const ALL: [WebGlobal; 17] = [
        WebGlobal::RequestAnimationFrame,
        WebGlobal::CancelAnimationFrame,
        WebGlobal::MessageChannel,
        WebGlobal::RequestIdleCallback,
        WebGlobal::CancelIdleCallback,
        WebGlobal::PostMessage,
        WebGlobal::AddEventListener,
        WebGlobal::RemoveEventListener,
        WebGlobal::DispatchEvent,
        WebGlobal::Event,
        WebGlobal::Performance,
        WebGlobal::Document,
        WebGlobal::MutationObserver,
        WebGlobal::ScrollTo,
        WebGlobal::ScrollBy,
        WebGlobal::XmlHttpRequest,
        WebGlobal::CustomEvent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WebGlobal::RequestAnimationFrame => "requestAnimationFrame",
            WebGlobal::CancelAnimationFrame => "cancelAnimationFrame",
            WebGlobal::MessageChannel => "MessageChannel",
            WebGlobal::RequestIdleCallback => "requestIdleCallback",
            WebGlobal::CancelIdleCallback => "cancelIdleCallback",
            WebGlobal::PostMessage => "postMessage",
            WebGlobal::AddEventListener => "addEventListener",
            WebGlobal::RemoveEventListener => "removeEventListener",
            WebGlobal::DispatchEvent => "dispatchEvent",
            WebGlobal::Event => "Event",
            WebGlobal::Performance => "performance",
            WebGlobal::Document => "document",
            WebGlobal::MutationObserver => "MutationObserver",
            WebGlobal::ScrollTo => "scrollTo",
            WebGlobal::ScrollBy => "scrollBy",
            WebGlobal::XmlHttpRequest => "XMLHttpRequest",
            WebGlobal::CustomEvent => "CustomEvent",
        }
    }
}

/// Globals of the Node.js hosts (`node`, `node-esm`, `deno`, `bun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum NodeGlobal {
    Process,
    SetImmediate,
    ClearImmediate,
    Require,
    Filename,
    Dirname,
}

impl NodeGlobal {
    pub const ALL: [NodeGlobal; 6] = [
        NodeGlobal::Process,
        NodeGlobal::SetImmediate,
        NodeGlobal::ClearImmediate,
        NodeGlobal::Require,
        NodeGlobal::Filename,
        NodeGlobal::Dirname,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NodeGlobal::Process => "process",
            NodeGlobal::SetImmediate => "setImmediate",
            NodeGlobal::ClearImmediate => "clearImmediate",
            NodeGlobal::Require => "require",
            NodeGlobal::Filename => "__filename",
            NodeGlobal::Dirname => "__dirname",
        }
    }
}

/// A host global, by family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostGlobalName {
    Shared(SharedGlobal),
    Node(NodeGlobal),
    Web(WebGlobal),
}

impl HostGlobalName {
    /// The global an engine id names.
    pub fn of(g: HostGlobal) -> HostGlobalName {
        decode(
            g.0,
            |i| SharedGlobal::from_repr(i).map(HostGlobalName::Shared),
            |i| NodeGlobal::from_repr(i).map(HostGlobalName::Node),
            |i| WebGlobal::from_repr(i).map(HostGlobalName::Web),
        )
    }

    /// The engine's id of this global.
    pub fn id(self) -> HostGlobal {
        HostGlobal(match self {
            HostGlobalName::Shared(g) => g as u16,
            HostGlobalName::Node(g) => NODE_BASE | g as u16,
            HostGlobalName::Web(g) => WEB_BASE | g as u16,
        })
    }

    /// As an IR global.
    pub fn global(self) -> Global {
        Global::Host(self.id())
    }

    pub fn name(self) -> &'static str {
        match self {
            HostGlobalName::Shared(g) => g.name(),
            HostGlobalName::Node(g) => g.name(),
            HostGlobalName::Web(g) => g.name(),
        }
    }
}

impl Host {
    /// The host-defined globals of this host.
    pub fn host_globals(self) -> Vec<HostGlobalName> {
        let shared = SharedGlobal::ALL.iter().map(|g| HostGlobalName::Shared(*g));
        if self.is_node() {
            let node = NodeGlobal::ALL.iter().map(|g| HostGlobalName::Node(*g));
            shared.chain(node).collect()
        } else {
            let web = WebGlobal::ALL.iter().map(|g| HostGlobalName::Web(*g));
            shared.chain(web).collect()
        }
    }

    /// Resolves a global name on this host: ECMA-262's globals, the host's own, and on the
    /// HTML host `window` and `self` (the global object). `None`: not a global here.
    pub fn resolve_global(self, name: &str) -> Option<Global> {
        if let Some(g) = self.host_globals().into_iter().find(|g| g.name() == name) {
            return Some(g.global());
        }
        match name {
            "window" | "self" if !self.is_node() => Some(Global::GlobalThis),
            "window" | "self" => None,
            _ => Global::from_es_name(name),
        }
    }

    /// Every global name this host resolves, for messages listing what is supported.
    pub fn global_names(self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Global::ES.iter().filter_map(|g| g.es_name()).collect();
        names.extend(self.host_globals().into_iter().map(HostGlobalName::name));
        if !self.is_node() {
            names.extend(["window", "self"]);
        }
        names
    }
}
