//! The HTML host's Web APIs beyond timers and fetch: rendering and animation frames
//! (HTML-3..HTML-5, [`render`]), messaging (HTML-11, [`messaging`]), idle callbacks
//! (HTML-13, [`idle`]), events with a minimal DOM (HTML-7, [`events`]), Text nodes
//! ([`text`]) and MutationObserver (HTML-12, [`mutation`]).
//!
//! Everything they keep lives in [`WebState`] (`State::web`); heap objects they create are
//! [`crate::heap::ObjKind::Web`] cells ([`WebObj`]).

pub mod dom;
pub mod events;
pub mod idle;
pub mod markup;
pub mod messaging;
pub mod mutation;
pub mod render;
pub mod text;
pub mod xhr;

use crate::host::object::HostObj;
use std::sync::Arc;

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::builtin::{WebGlobal, web_fn};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

pub use events::Listener;
pub use idle::{IdleRequest, IdleTimeout};
pub use messaging::Port;

/// The HTML host's state for the Web APIs of this module.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct WebState {
    /// HTML-5: the map of animation frame callbacks (handle → callback), in handle order.
    pub raf_callbacks: Vec<(u32, Value)>,
    /// HTML-5: the animation frame callback identifier (last handle given out).
    pub raf_identifier: u32,
    /// HTML-3: an "update the rendering" task is queued and has not run yet.
    pub rendering_queued: bool,
    /// HTML-3: the last render opportunity time (ms), the frame timestamp of HTML-4 step 1.
    pub last_render_opportunity: u64,
    /// MODEL-6: how many rendering opportunities there have been.
    pub frames: u32,
    /// Every event listener of every event target, in registration order (DOM §2.7).
    pub listeners: Vec<Listener>,
    pub next_listener_id: u32,
    /// HTML-11: message ports by id (ids in creation order).
    pub ports: Vec<Port>,
    /// HTML-13: the list of idle request callbacks.
    pub idle_requests: Vec<IdleRequest>,
    /// HTML-13: the list of runnable idle callbacks.
    pub runnable_idle: Vec<IdleRequest>,
    /// HTML-13: the idle callback identifier (last handle given out).
    pub idle_identifier: u32,
    /// HTML-13: when the current idle period started (ms); its deadline is computed from it.
    pub idle_start: u64,
    /// HTML-13: an idle period's "invoke idle callbacks" task is queued.
    pub idle_task_queued: bool,
    /// HTML-13: `timeout` waits of idle requests.
    pub idle_timeouts: Vec<IdleTimeout>,
    /// The document's element tree root (`<html>`), created on first use.
    pub document_element: Option<ObjId>,
    /// MutationObserver state (HTML-12).
    pub mutation: mutation::MutationState,
    /// The run's user events still to happen, in order (`--event click:#id`).
    pub user_events: Vec<UserEvent>,
    /// The viewport's scroll position (x, y) in CSS pixels (MODEL-5: the document is taken
    /// to be scrollable).
    pub scroll: (i64, i64),
    /// HTML-4 step 9: the document is in the pending scroll event targets.
    pub scroll_pending: bool,
    /// XMLHttpRequest objects by id.
    pub xhrs: Vec<xhr::Xhr>,
    /// The document's readiness: 0 "loading", 1 "interactive", 2 "complete".
    pub readiness: u8,
    /// HTML "report an exception": the global's error reporting mode.
    pub error_reporting: bool,
    /// The viewport's size (`innerWidth`, `innerHeight`); 0×0 until the user resizes it.
    pub viewport: (u32, u32),
    /// HTML-4 step 8: the viewport was resized since the last resize steps.
    pub resize_pending: bool,
    /// DOM "replace all": single mutations are not recorded (one record covers them).
    pub suppress_mutations: bool,
}

/// MODEL-6: the frame interval of a 60 Hz display, in the model's whole milliseconds.
pub const FRAME_MS: u64 = 16;

/// MODEL-6: the earliest time of the next rendering opportunity: at once for the first frame
/// (the page has just loaded), then `FRAME_MS` after the previous one.
pub fn next_frame_time(st: &crate::state::State) -> u64 {
    if st.web.frames == 0 {
        st.clock
    } else {
        st.web.last_render_opportunity + FRAME_MS
    }
}

/// The HTML host's run configuration: the initial document and the user's actions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WebConfig {
    /// The initial content of `<body>` as markup (`--dom`), parsed.
    pub dom: Vec<markup::Node>,
    /// User events, in the order they happen (`--event click:SELECTOR`).
    pub user_events: Vec<UserEvent>,
}

impl WebConfig {
    /// A configuration from `--dom` markup and `--event` specs.
    pub fn parse(dom: Option<&str>, events: &[String]) -> Result<WebConfig, String> {
        let dom = match dom {
            Some(m) => markup::parse(m).map_err(|e| e.to_string())?,
            None => Vec::new(),
        };
        let user_events = events
            .iter()
            .map(|e| e.parse())
            .collect::<Result<Vec<UserEvent>, String>>()?;
        Ok(WebConfig { dom, user_events })
    }
}

/// A user action on the page, part of a run's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UserEvent {
    /// A real click on the first element matching the selector (`#id`, `.class`, `tag`).
    Click(Arc<str>),
    /// The user resizes the window's viewport to width × height CSS pixels.
    Resize(u32, u32),
}

impl std::str::FromStr for UserEvent {
    type Err = String;
    /// `click:SELECTOR`.
    fn from_str(s: &str) -> Result<UserEvent, String> {
        match s.split_once(':') {
            Some(("click", sel)) if !sel.is_empty() => Ok(UserEvent::Click(Arc::from(sel))),
            Some(("resize", wh)) => wh
                .split_once('x')
                .and_then(|(w, h)| Some(UserEvent::Resize(w.parse().ok()?, h.parse().ok()?)))
                .ok_or_else(|| format!("`{s}` is not a user event; expected resize:WIDTHxHEIGHT")),
            _ => Err(format!(
                "`{s}` is not a user event; expected click:SELECTOR"
            )),
        }
    }
}

impl std::fmt::Display for UserEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UserEvent::Click(sel) => write!(f, "click:{sel}"),
            UserEvent::Resize(w, h) => write!(f, "resize:{w}x{h}"),
        }
    }
}

/// Heap objects of the Web APIs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WebObj {
    /// A `MessagePort` (HTML-11), by port id.
    MessagePort(u32),
    /// An `Event`: its flags (DOM §2.2); `type`, `target`, … are own properties.
    Event(events::EventFlags),
    /// An `IdleDeadline` (HTML-13): the idle period's start (its deadline is computed when
    /// asked), or a timed-out request's.
    IdleDeadline { start: u64, did_timeout: bool },
    /// A DOM element.
    Element(Box<dom::Element>),
    /// A DOM Text node.
    Text(text::TextNode),
    /// A `MutationObserver` (HTML-12), by observer id.
    MutationObserver(u32),
    /// An element's `classList`.
    ClassList(ObjId),
    /// An `XMLHttpRequest`, by id.
    Xhr(u32),
    /// A fetch `Response` (its `ok`, `status`, `url` are own properties).
    Response { body_used: bool },
}

impl WebObj {
    /// FORMAT-1 for Web objects.
    pub fn format(&self) -> String {
        match self {
            WebObj::MessagePort(_) => "MessagePort {}".into(),
            WebObj::Event(_) => "Event {}".into(),
            WebObj::IdleDeadline { .. } => "IdleDeadline {}".into(),
            WebObj::Element(e) => format!("<{}>", e.tag),
            WebObj::Text(_) => "Text {}".into(),
            WebObj::MutationObserver(_) => "MutationObserver {}".into(),
            WebObj::ClassList(_) => "DOMTokenList {}".into(),
            WebObj::Xhr(_) => "XMLHttpRequest {}".into(),
            WebObj::Response { .. } => "Response {}".into(),
        }
    }
}

evloop_engine::heap_refs!(enum [] WebObj {
    MessagePort(_),
    Event(_),
    IdleDeadline { .. },
    Element(e),
    Text(t),
    MutationObserver(_),
    ClassList(e),
    Xhr(_),
    Response { .. },
});
evloop_engine::heap_refs!(struct [] WebState {
    raf_callbacks,
    listeners,
    ports,
    idle_requests,
    runnable_idle,
    document_element,
    xhrs,
    mutation,
});

/// An HTML-host built-in function or object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum WebFn {
    RequestAnimationFrame,
    CancelAnimationFrame,
    MessageChannelCtor,
    PortPostMessage,
    PortStart,
    PortClose,
    RequestIdleCallback,
    CancelIdleCallback,
    IdleTimeRemaining,
    WindowPostMessage,
    AddEventListener,
    RemoveEventListener,
    DispatchEvent,
    EventCtor,
    EventPreventDefault,
    EventStopPropagation,
    EventStopImmediatePropagation,
    PerformanceObj,
    PerformanceNow,
    DocumentObj,
    CreateElement,
    CreateTextNode,
    GetElementById,
    QuerySelector,
    QuerySelectorAll,
    AppendChild,
    Append,
    RemoveChild,
    Remove,
    SetAttribute,
    GetAttribute,
    Click,
    ClassListAdd,
    ClassListRemove,
    ClassListToggle,
    ClassListContains,
    AppendData,
    MutationObserverCtor,
    MutationObserve,
    MutationDisconnect,
    MutationTakeRecords,
    /// The microtask "notify mutation observers" (HTML-12), queued as a callback job.
    NotifyMutationObservers,
    ScrollTo,
    ScrollBy,
    XhrCtor,
    CustomEventCtor,
    XhrOpen,
    XhrSend,
    ResponseText,
    ResponseJson,
}

impl WebFn {
    pub fn is_callable(self) -> bool {
        !matches!(self, WebFn::PerformanceObj | WebFn::DocumentObj)
    }

    pub fn name(self) -> &'static str {
        match self {
            WebFn::RequestAnimationFrame => "requestAnimationFrame",
            WebFn::CancelAnimationFrame => "cancelAnimationFrame",
            WebFn::MessageChannelCtor => "MessageChannel",
            WebFn::PortPostMessage | WebFn::WindowPostMessage => "postMessage",
            WebFn::PortStart => "start",
            WebFn::PortClose => "close",
            WebFn::RequestIdleCallback => "requestIdleCallback",
            WebFn::CancelIdleCallback => "cancelIdleCallback",
            WebFn::IdleTimeRemaining => "timeRemaining",
            WebFn::AddEventListener => "addEventListener",
            WebFn::RemoveEventListener => "removeEventListener",
            WebFn::DispatchEvent => "dispatchEvent",
            WebFn::EventCtor => "Event",
            WebFn::EventPreventDefault => "preventDefault",
            WebFn::EventStopPropagation => "stopPropagation",
            WebFn::EventStopImmediatePropagation => "stopImmediatePropagation",
            WebFn::PerformanceObj => "performance",
            WebFn::PerformanceNow => "now",
            WebFn::DocumentObj => "document",
            WebFn::CreateElement => "createElement",
            WebFn::CreateTextNode => "createTextNode",
            WebFn::AppendData => "appendData",
            WebFn::GetElementById => "getElementById",
            WebFn::QuerySelector => "querySelector",
            WebFn::QuerySelectorAll => "querySelectorAll",
            WebFn::AppendChild => "appendChild",
            WebFn::Append => "append",
            WebFn::RemoveChild => "removeChild",
            WebFn::Remove => "remove",
            WebFn::SetAttribute => "setAttribute",
            WebFn::GetAttribute => "getAttribute",
            WebFn::Click => "click",
            WebFn::ClassListAdd => "add",
            WebFn::ClassListRemove => "remove",
            WebFn::ClassListToggle => "toggle",
            WebFn::ClassListContains => "contains",
            WebFn::MutationObserverCtor => "MutationObserver",
            WebFn::MutationObserve => "observe",
            WebFn::MutationDisconnect => "disconnect",
            WebFn::MutationTakeRecords => "takeRecords",
            WebFn::NotifyMutationObservers => "notify mutation observers",
            WebFn::ScrollTo => "scrollTo",
            WebFn::ScrollBy => "scrollBy",
            WebFn::XhrCtor => "XMLHttpRequest",
            WebFn::CustomEventCtor => "CustomEvent",
            WebFn::XhrOpen => "open",
            WebFn::XhrSend => "send",
            WebFn::ResponseText => "text",
            WebFn::ResponseJson => "json",
        }
    }

    /// Properties of the `performance` and `document` objects that need no state.
    pub fn static_prop(self, key: &str) -> Option<Value> {
        let f = match (self, key) {
            (WebFn::PerformanceObj, "now") => WebFn::PerformanceNow,
            (WebFn::DocumentObj, "createElement") => WebFn::CreateElement,
            (WebFn::DocumentObj, "createTextNode") => WebFn::CreateTextNode,
            (WebFn::DocumentObj, "getElementById") => WebFn::GetElementById,
            (WebFn::DocumentObj, "querySelector") => WebFn::QuerySelector,
            (WebFn::DocumentObj, "querySelectorAll") => WebFn::QuerySelectorAll,
            (WebFn::DocumentObj, "addEventListener") => WebFn::AddEventListener,
            (WebFn::DocumentObj, "removeEventListener") => WebFn::RemoveEventListener,
            (WebFn::DocumentObj, "dispatchEvent") => WebFn::DispatchEvent,
            _ => return None,
        };
        Some(Value::Builtin(Builtin::from(f)))
    }
}

/// The value of an HTML-only global.
pub fn global_value(g: WebGlobal) -> Value {
    let f = match g {
        WebGlobal::RequestAnimationFrame => WebFn::RequestAnimationFrame,
        WebGlobal::CancelAnimationFrame => WebFn::CancelAnimationFrame,
        WebGlobal::MessageChannel => WebFn::MessageChannelCtor,
        WebGlobal::RequestIdleCallback => WebFn::RequestIdleCallback,
        WebGlobal::CancelIdleCallback => WebFn::CancelIdleCallback,
        WebGlobal::PostMessage => WebFn::WindowPostMessage,
        WebGlobal::AddEventListener => WebFn::AddEventListener,
        WebGlobal::RemoveEventListener => WebFn::RemoveEventListener,
        WebGlobal::DispatchEvent => WebFn::DispatchEvent,
        WebGlobal::Event => WebFn::EventCtor,
        WebGlobal::Performance => WebFn::PerformanceObj,
        WebGlobal::Document => WebFn::DocumentObj,
        WebGlobal::MutationObserver => WebFn::MutationObserverCtor,
        WebGlobal::ScrollTo => WebFn::ScrollTo,
        WebGlobal::ScrollBy => WebFn::ScrollBy,
        WebGlobal::XmlHttpRequest => WebFn::XhrCtor,
        WebGlobal::CustomEvent => WebFn::CustomEventCtor,
    };
    Value::Builtin(Builtin::from(f))
}

pub(crate) fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// The window object (`globalThis`), an event target.
pub fn window() -> Value {
    Value::Builtin(Builtin::GlobalObj)
}

/// The document object, an event target.
pub fn document() -> Value {
    Value::Builtin(Builtin::from(WebFn::DocumentObj))
}

/// Inherited properties of Web heap objects (their interfaces' prototypes).
pub fn prototype_prop(agent: &Cx<'_, '_>, obj: ObjId, w: &WebObj, key: &str) -> Option<Value> {
    let b = |f: WebFn| Some(Value::Builtin(Builtin::from(f)));
    match (w, key) {
        (WebObj::MessagePort(_), "postMessage") => b(WebFn::PortPostMessage),
        (WebObj::MessagePort(_), "start") => b(WebFn::PortStart),
        (WebObj::MessagePort(_), "close") => b(WebFn::PortClose),
        (WebObj::Xhr(_), "open") => b(WebFn::XhrOpen),
        (WebObj::Xhr(_), "send") => b(WebFn::XhrSend),
        (WebObj::Xhr(id), k) if agent.xhr_prop(*id, k).is_some() => agent.xhr_prop(*id, k),
        (WebObj::Response { .. }, "text") => b(WebFn::ResponseText),
        (WebObj::Response { .. }, "json") => b(WebFn::ResponseJson),
        (WebObj::Response { body_used }, "bodyUsed") => Some(Value::Bool(*body_used)),
        (WebObj::MessagePort(_) | WebObj::Element(_) | WebObj::Xhr(_), "addEventListener") => {
            b(WebFn::AddEventListener)
        }
        (WebObj::MessagePort(_) | WebObj::Element(_) | WebObj::Xhr(_), "removeEventListener") => {
            b(WebFn::RemoveEventListener)
        }
        (WebObj::MessagePort(_) | WebObj::Element(_) | WebObj::Xhr(_), "dispatchEvent") => {
            b(WebFn::DispatchEvent)
        }
        (WebObj::MessagePort(_) | WebObj::Element(_) | WebObj::Xhr(_), k)
            if k.starts_with("on") =>
        {
            Some(agent.event_handler(&Value::Object(obj), &k[2..]))
        }
        (WebObj::Event(_), "preventDefault") => b(WebFn::EventPreventDefault),
        (WebObj::Event(_), "stopPropagation") => b(WebFn::EventStopPropagation),
        (WebObj::Event(_), "stopImmediatePropagation") => b(WebFn::EventStopImmediatePropagation),
        (WebObj::Event(fl), "defaultPrevented") => Some(Value::Bool(fl.canceled)),
        (WebObj::IdleDeadline { .. }, "timeRemaining") => b(WebFn::IdleTimeRemaining),
        (WebObj::IdleDeadline { did_timeout, .. }, "didTimeout") => Some(Value::Bool(*did_timeout)),
        (WebObj::Element(e), k) => dom::element_prop(e, k),
        (WebObj::ClassList(_), "add") => b(WebFn::ClassListAdd),
        (WebObj::ClassList(_), "remove") => b(WebFn::ClassListRemove),
        (WebObj::ClassList(_), "toggle") => b(WebFn::ClassListToggle),
        (WebObj::ClassList(_), "contains") => b(WebFn::ClassListContains),
        (WebObj::MutationObserver(_), "observe") => b(WebFn::MutationObserve),
        (WebObj::MutationObserver(_), "disconnect") => b(WebFn::MutationDisconnect),
        (WebObj::MutationObserver(_), "takeRecords") => b(WebFn::MutationTakeRecords),
        _ => None,
    }
}

/// `Set` on a Web object or on `window`/`document` for the keys they handle themselves
/// (event handler attributes `on…`, element properties). `None`: an ordinary property.
pub fn set_prop(
    agent: &mut Cx<'_, '_>,
    target: &Value,
    key: &str,
    v: &Value,
) -> Option<JsResult<()>> {
    if let Value::Object(id) = target
        && matches!(
            agent.st.realm.heap.get(*id).kind,
            ObjKind::Host(HostObj::Web(WebObj::Text(_)))
        )
    {
        return agent.set_text_prop(*id, key, v);
    }
    let handler_target = match target {
        Value::Builtin(Builtin::GlobalObj) => true,
        v if web_fn(v) == Some(WebFn::DocumentObj) => true,
        Value::Object(id) => matches!(
            agent.st.realm.heap.get(*id).kind,
            ObjKind::Host(HostObj::Web(
                WebObj::MessagePort(_) | WebObj::Element(_) | WebObj::Xhr(_)
            ))
        ),
        _ => false,
    };
    if !handler_target {
        return None;
    }
    if let Some(ty) = key.strip_prefix("on") {
        agent.set_event_handler(target, ty, v.clone());
        return Some(Ok(()));
    }
    if let Value::Object(id) = target {
        return agent.set_element_prop(*id, key, v);
    }
    None
}

/// `new F(...)` for the Web constructors.
pub fn construct(agent: &mut Cx<'_, '_>, f: WebFn, args: Vec<Value>) -> JsResult<Value> {
    match f {
        WebFn::MessageChannelCtor => Ok(agent.new_message_channel()),
        WebFn::EventCtor | WebFn::CustomEventCtor => {
            if args.is_empty() {
                return agent.throw(
                    ErrorKind::TypeError,
                    &format!(
                        "Failed to construct '{}': 1 argument required, but only 0 present.",
                        f.name()
                    ),
                );
            }
            let ty = agent.to_string(&arg(&args, 0))?;
            let init = arg(&args, 1);
            let mut bubbles = false;
            let mut cancelable = false;
            if matches!(init, Value::Object(_)) {
                bubbles = agent.get_v(&init, "bubbles")?.to_boolean();
                cancelable = agent.get_v(&init, "cancelable")?.to_boolean();
            }
            let ev = agent.new_event(ty, bubbles, cancelable)?;
            if f == WebFn::CustomEventCtor {
                // CustomEvent's `detail` (DOM §2.4), null by default.
                let detail = if matches!(init, Value::Object(_)) {
                    match agent.get_v(&init, "detail")? {
                        Value::Undefined => Value::Null,
                        d => d,
                    }
                } else {
                    Value::Null
                };
                agent.set_v(&ev, "detail", detail)?;
            }
            Ok(ev)
        }
        WebFn::MutationObserverCtor => agent.new_mutation_observer(arg(&args, 0)),
        WebFn::XhrCtor => Ok(agent.new_xhr()),
        _ => {
            let d = f.name();
            agent.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
        }
    }
}

/// Calls an HTML-host built-in.
pub fn call(agent: &mut Cx<'_, '_>, f: WebFn, this: Value, args: Vec<Value>) -> JsResult<Value> {
    if agent.st.host.is_node() {
        return agent.throw(
            ErrorKind::ReferenceError,
            &format!("{} is not defined", f.name()),
        );
    }
    match f {
        WebFn::RequestAnimationFrame => {
            let cb = arg(&args, 0);
            if !agent.is_callable(&cb) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.",
                );
            }
            Ok(Value::num(f64::from(agent.request_animation_frame(cb))))
        }
        WebFn::CancelAnimationFrame => {
            let h = agent.to_number(&arg(&args, 0))?;
            agent.cancel_animation_frame(h);
            Ok(Value::Undefined)
        }
        WebFn::PortPostMessage => {
            agent.port_post_message(&this, arg(&args, 0))?;
            Ok(Value::Undefined)
        }
        WebFn::PortStart => {
            agent.port_start(&this);
            Ok(Value::Undefined)
        }
        WebFn::PortClose => {
            agent.port_close(&this);
            Ok(Value::Undefined)
        }
        WebFn::WindowPostMessage => {
            agent.window_post_message(arg(&args, 0))?;
            Ok(Value::Undefined)
        }
        WebFn::RequestIdleCallback => {
            let cb = arg(&args, 0);
            if !agent.is_callable(&cb) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Failed to execute 'requestIdleCallback' on 'Window': The callback provided as parameter 1 is not a function.",
                );
            }
            let opts = arg(&args, 1);
            let timeout = if matches!(opts, Value::Object(_)) {
                match agent.get_v(&opts, "timeout")? {
                    Value::Undefined => 0,
                    v => {
                        let n = agent.to_number(&v)?;
                        // WebIDL `unsigned long` (ConvertToInt(32, unsigned)).
                        u64::from(crate::vm::ops::to_int32(n) as u32)
                    }
                }
            } else {
                0
            };
            Ok(Value::num(f64::from(
                agent.request_idle_callback(cb, timeout),
            )))
        }
        WebFn::CancelIdleCallback => {
            let h = agent.to_number(&arg(&args, 0))?;
            agent.cancel_idle_callback(h);
            Ok(Value::Undefined)
        }
        WebFn::IdleTimeRemaining => {
            let Some(ObjKind::Host(HostObj::Web(WebObj::IdleDeadline { start, did_timeout }))) =
                this.as_object()
                    .map(|o| agent.st.realm.heap.get(o).kind.clone())
            else {
                return agent.throw(ErrorKind::TypeError, "Illegal invocation");
            };
            agent.host_step.clock_read = true;
            let left = if did_timeout {
                0
            } else {
                agent.idle_deadline(start).saturating_sub(agent.st.clock)
            };
            Ok(Value::num(left as f64))
        }
        WebFn::PerformanceNow => {
            agent.host_step.clock_read = true;
            Ok(Value::num(agent.st.clock as f64))
        }
        WebFn::AddEventListener => {
            let ty = agent.to_string(&arg(&args, 0))?;
            let (capture, once) = agent.listener_options(&arg(&args, 2))?;
            agent.add_event_listener(event_target(this), ty, arg(&args, 1), capture, once);
            Ok(Value::Undefined)
        }
        WebFn::RemoveEventListener => {
            let ty = agent.to_string(&arg(&args, 0))?;
            let (capture, _) = agent.listener_options(&arg(&args, 2))?;
            agent.remove_event_listener(&event_target(this), &ty, &arg(&args, 1), capture);
            Ok(Value::Undefined)
        }
        WebFn::DispatchEvent => {
            let ev = arg(&args, 0);
            let ok = agent.dispatch_event_from_script(event_target(this), ev)?;
            Ok(Value::Bool(ok))
        }
        WebFn::EventPreventDefault
        | WebFn::EventStopPropagation
        | WebFn::EventStopImmediatePropagation => {
            agent.event_flag(&this, f);
            Ok(Value::Undefined)
        }
        WebFn::MessageChannelCtor
        | WebFn::EventCtor
        | WebFn::MutationObserverCtor
        | WebFn::CustomEventCtor
        | WebFn::XhrCtor => agent.throw(
            ErrorKind::TypeError,
            &format!(
                "Failed to construct '{}': Please use the 'new' operator",
                f.name()
            ),
        ),
        WebFn::CreateElement => {
            let tag = agent.to_string(&arg(&args, 0))?;
            Ok(Value::Object(agent.create_element(tag)))
        }
        WebFn::CreateTextNode => {
            if args.is_empty() {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Failed to execute 'createTextNode' on 'Document': 1 argument required, but only 0 present.",
                );
            }
            let data = agent.to_string(&arg(&args, 0))?;
            Ok(Value::Object(agent.create_text_node(data)))
        }
        WebFn::AppendData => agent.text_method(f, this, args),
        WebFn::GetElementById => {
            let id = agent.to_string(&arg(&args, 0))?;
            Ok(agent.get_element_by_id(&id))
        }
        WebFn::QuerySelectorAll => {
            let sel = agent.to_string(&arg(&args, 0))?;
            Ok(agent.query_selector_all(&this, &sel))
        }
        WebFn::QuerySelector => {
            let sel = agent.to_string(&arg(&args, 0))?;
            Ok(agent.query_selector(&this, &sel))
        }
        WebFn::AppendChild | WebFn::Append | WebFn::RemoveChild | WebFn::Remove | WebFn::Click => {
            agent.element_method(f, this, args)
        }
        WebFn::SetAttribute | WebFn::GetAttribute => agent.element_method(f, this, args),
        WebFn::ClassListAdd
        | WebFn::ClassListRemove
        | WebFn::ClassListToggle
        | WebFn::ClassListContains => agent.class_list_method(f, this, args),
        WebFn::MutationObserve | WebFn::MutationDisconnect | WebFn::MutationTakeRecords => {
            agent.mutation_observer_method(f, this, args)
        }
        WebFn::XhrOpen => {
            let url = agent.to_string(&arg(&args, 1))?;
            agent.xhr_open(&this, url)?;
            Ok(Value::Undefined)
        }
        WebFn::XhrSend => {
            agent.xhr_send(&this)?;
            Ok(Value::Undefined)
        }
        WebFn::ResponseText | WebFn::ResponseJson => {
            agent.consume_body(&this, f == WebFn::ResponseJson)
        }
        WebFn::ScrollTo | WebFn::ScrollBy => {
            agent.scroll_window(f == WebFn::ScrollBy, &args)?;
            Ok(Value::Undefined)
        }
        WebFn::NotifyMutationObservers => {
            agent.notify_mutation_observers()?;
            Ok(Value::Undefined)
        }
        WebFn::PerformanceObj | WebFn::DocumentObj => agent.throw(
            ErrorKind::TypeError,
            &format!("{} is not a function", f.name()),
        ),
    }
}

/// The target of an EventTarget method: `this`, or the window for a bare call.
fn event_target(this: Value) -> Value {
    match this {
        Value::Undefined | Value::Null => window(),
        v => v,
    }
}

/// A short name of an event target, for traces.
pub fn target_name(agent: &Cx<'_, '_>, t: &Value) -> Arc<str> {
    match t {
        Value::Builtin(Builtin::GlobalObj) => Arc::from("window"),
        v if web_fn(v) == Some(WebFn::DocumentObj) => Arc::from("document"),
        v => Arc::from(agent.describe(v)),
    }
}

/// `Get` on `window`, `document` and Web objects for what their interfaces provide beyond
/// own properties (event handler attributes, `document.body`, element accessors).
/// `None`: the generic lookup applies.
pub fn get_prop(agent: &mut Cx<'_, '_>, v: &Value, key: &str) -> Option<JsResult<Value>> {
    match v {
        Value::Builtin(Builtin::GlobalObj) if key.starts_with("on") && !agent.st.host.is_node() => {
            Some(Ok(agent.event_handler(v, &key[2..])))
        }
        Value::Builtin(Builtin::GlobalObj) if !agent.st.host.is_node() => match key {
            "scrollX" | "pageXOffset" => Some(Ok(Value::num(agent.st.web.scroll.0 as f64))),
            "scrollY" | "pageYOffset" => Some(Ok(Value::num(agent.st.web.scroll.1 as f64))),
            "innerWidth" => Some(Ok(Value::num(f64::from(agent.st.web.viewport.0)))),
            "innerHeight" => Some(Ok(Value::num(f64::from(agent.st.web.viewport.1)))),
            _ => None,
        },
        v if web_fn(v) == Some(WebFn::DocumentObj) => match key {
            "body" => Some(Ok(agent.document_body())),
            "documentElement" => Some(Ok(Value::Object(agent.document_element()))),
            "readyState" => Some(Ok(Value::str(
                ["loading", "interactive", "complete"][agent.st.web.readiness.min(2) as usize],
            ))),
            k if k.starts_with("on") => Some(Ok(agent.event_handler(v, &k[2..]))),
            _ => None,
        },
        Value::Object(id) => {
            let ObjKind::Host(HostObj::Web(w)) = &agent.st.realm.heap.get(*id).kind else {
                return None;
            };
            let w = w.clone();
            if let Some(r) = dom::element_get(agent, *id, key) {
                return Some(r);
            }
            if let Some(r) = text::text_get(agent, *id, key) {
                return Some(r);
            }
            prototype_prop(agent, *id, &w, key).map(Ok)
        }
        _ => None,
    }
}
