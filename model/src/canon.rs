//! Canonical states (DESIGN "State … canonical"): at every choice point the heap is reduced to
//! the cells reachable from the state's roots and renumbered in the order a fixed traversal
//! first meets them. Two schedules that reach the same situation by allocating in different
//! orders then reach the same `State` value, so the checker can merge them; unreachable
//! garbage does not keep states apart.

use std::sync::Arc;

use crate::es::native::NativeFn;
use crate::es::promise::{Capability, Job, PromiseState, Reaction};
use crate::heap::{Heap, Obj, ObjKind, Prop, Record};
use crate::host::{Fetch, TaskSteps};
use crate::state::State;
use crate::value::{ObjId, Value};
use crate::vm::frame::{Completion, Frame};

/// Visits every heap reference held by a value of the model.
pub trait Ids {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId));
}

impl Ids for ObjId {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        f(self)
    }
}

impl Ids for Value {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        if let Value::Object(id) = self {
            f(id)
        }
    }
}

impl<T: Ids> Ids for Vec<T> {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        for x in self {
            x.ids(f)
        }
    }
}

impl<T: Ids> Ids for Option<T> {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        if let Some(x) = self {
            x.ids(f)
        }
    }
}

impl Ids for Capability {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        self.promise.ids(f);
        self.resolve.ids(f);
        self.reject.ids(f);
    }
}

impl Ids for Reaction {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        self.capability.ids(f);
        self.handler.ids(f);
    }
}

impl Ids for Job {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        match self {
            Job::Reaction { reaction, argument } => {
                reaction.ids(f);
                argument.ids(f);
            }
            Job::ResolveThenable {
                promise,
                thenable,
                then,
            } => {
                f(promise);
                thenable.ids(f);
                then.ids(f);
            }
            Job::Callback { callback } => callback.ids(f),
            Job::CallThen {
                thenable,
                then,
                on_fulfilled,
                on_rejected,
            } => {
                thenable.ids(f);
                then.ids(f);
                on_fulfilled.ids(f);
                on_rejected.ids(f);
            }
        }
    }
}

impl Ids for Frame {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        f(&mut self.env);
        self.stack.ids(f);
        self.this.ids(f);
        for h in &mut self.handlers {
            f(&mut h.env);
        }
        for c in &mut self.completions {
            match c {
                Completion::Normal => {}
                Completion::Throw(v) | Completion::Return(v) => v.ids(f),
            }
        }
        self.async_promise.ids(f);
    }
}

impl Ids for NativeFn {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        match self {
            NativeFn::PromiseResolveFunction {
                promise,
                already_resolved,
            }
            | NativeFn::PromiseRejectFunction {
                promise,
                already_resolved,
            } => {
                f(promise);
                f(already_resolved);
            }
            NativeFn::AwaitFulfilled { frame } | NativeFn::AwaitRejected { frame } => f(frame),
            NativeFn::ThenFinally { on_finally } | NativeFn::CatchFinally { on_finally } => {
                on_finally.ids(f)
            }
            NativeFn::ValueThunk { value } => value.ids(f),
            NativeFn::ModuleEvaluationRejected => {}
            NativeFn::Thrower { reason } => reason.ids(f),
            NativeFn::Element {
                values,
                capability,
                remaining,
                already_called,
                ..
            } => {
                f(values);
                capability.ids(f);
                f(remaining);
                f(already_called);
            }
            NativeFn::JscFinally {
                on_finally,
                derived,
                ..
            } => {
                on_finally.ids(f);
                derived.ids(f);
            }
            NativeFn::SettleWith { derived, value, .. } => {
                derived.ids(f);
                value.ids(f);
            }
            NativeFn::Bound { target, this, args } => {
                target.ids(f);
                this.ids(f);
                args.ids(f);
            }
        }
    }
}

impl Ids for Obj {
    fn ids(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        match &mut self.kind {
            ObjKind::Ordinary
            | ObjKind::Error(_)
            | ObjKind::Date(_)
            | ObjKind::FrameTaken
            | ObjKind::Timeout(_)
            | ObjKind::Immediate(_)
            | ObjKind::Buffer(_) => {}
            ObjKind::Emitter(ls) => {
                for l in ls {
                    l.callback.ids(f);
                }
            }
            ObjKind::Array(items) => items.ids(f),
            ObjKind::Function(c) => {
                f(&mut c.env);
                c.this.ids(f);
            }
            ObjKind::Native(n) => n.ids(f),
            ObjKind::Promise(p) => {
                match &mut p.state {
                    PromiseState::Pending => {}
                    PromiseState::Fulfilled(v) | PromiseState::Rejected(v) => v.ids(f),
                }
                p.fulfill_reactions.ids(f);
                p.reject_reactions.ids(f);
            }
            ObjKind::Env { parent, slots } => {
                parent.ids(f);
                slots.ids(f);
            }
            ObjKind::Frame(frame) => frame.ids(f),
            ObjKind::Web(w) => w.ids(f),
            ObjKind::Record(Record::List(l)) => l.ids(f),
            ObjKind::Record(_) => {}
        }
        for (_, p) in &mut self.props {
            match p {
                Prop::Data(v) => v.ids(f),
                Prop::Accessor { get, set } => {
                    get.ids(f);
                    set.ids(f);
                }
            }
        }
    }
}

/// Visits every heap reference held by a value without changing it: the heap's cells are
/// shared between states ([`Heap`]), so canonicalization reads a cell to find what it reaches
/// and writes it (copying it if shared) only if one of its references is renumbered. Visits
/// the same references in the same order as [`Ids`] (checked in debug builds).
trait IdsRef {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId));
}

impl IdsRef for ObjId {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        f(*self)
    }
}

impl IdsRef for Value {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        if let Value::Object(id) = self {
            f(*id)
        }
    }
}

impl<T: IdsRef> IdsRef for Vec<T> {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        for x in self {
            x.ids_ref(f)
        }
    }
}

impl<T: IdsRef> IdsRef for Option<T> {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        if let Some(x) = self {
            x.ids_ref(f)
        }
    }
}

impl IdsRef for Capability {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        self.promise.ids_ref(f);
        self.resolve.ids_ref(f);
        self.reject.ids_ref(f);
    }
}

impl IdsRef for Reaction {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        self.capability.ids_ref(f);
        self.handler.ids_ref(f);
    }
}

impl IdsRef for Frame {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        f(self.env);
        self.stack.ids_ref(f);
        self.this.ids_ref(f);
        for h in &self.handlers {
            f(h.env);
        }
        for c in &self.completions {
            match c {
                Completion::Normal => {}
                Completion::Throw(v) | Completion::Return(v) => v.ids_ref(f),
            }
        }
        self.async_promise.ids_ref(f);
    }
}

impl IdsRef for NativeFn {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        match self {
            NativeFn::PromiseResolveFunction {
                promise,
                already_resolved,
            }
            | NativeFn::PromiseRejectFunction {
                promise,
                already_resolved,
            } => {
                f(*promise);
                f(*already_resolved);
            }
            NativeFn::AwaitFulfilled { frame } | NativeFn::AwaitRejected { frame } => f(*frame),
            NativeFn::ThenFinally { on_finally } | NativeFn::CatchFinally { on_finally } => {
                on_finally.ids_ref(f)
            }
            NativeFn::ValueThunk { value } => value.ids_ref(f),
            NativeFn::ModuleEvaluationRejected => {}
            NativeFn::Thrower { reason } => reason.ids_ref(f),
            NativeFn::Element {
                values,
                capability,
                remaining,
                already_called,
                ..
            } => {
                f(*values);
                capability.ids_ref(f);
                f(*remaining);
                f(*already_called);
            }
            NativeFn::JscFinally {
                on_finally,
                derived,
                ..
            } => {
                on_finally.ids_ref(f);
                derived.ids_ref(f);
            }
            NativeFn::SettleWith { derived, value, .. } => {
                derived.ids_ref(f);
                value.ids_ref(f);
            }
            NativeFn::Bound { target, this, args } => {
                target.ids_ref(f);
                this.ids_ref(f);
                args.ids_ref(f);
            }
        }
    }
}

impl IdsRef for Obj {
    fn ids_ref(&self, f: &mut dyn FnMut(ObjId)) {
        match &self.kind {
            ObjKind::Ordinary
            | ObjKind::Error(_)
            | ObjKind::Date(_)
            | ObjKind::FrameTaken
            | ObjKind::Timeout(_)
            | ObjKind::Immediate(_)
            | ObjKind::Buffer(_) => {}
            ObjKind::Emitter(ls) => {
                for l in ls {
                    l.callback.ids_ref(f);
                }
            }
            ObjKind::Array(items) => items.ids_ref(f),
            ObjKind::Function(c) => {
                f(c.env);
                c.this.ids_ref(f);
            }
            ObjKind::Native(n) => n.ids_ref(f),
            ObjKind::Promise(p) => {
                match &p.state {
                    PromiseState::Pending => {}
                    PromiseState::Fulfilled(v) | PromiseState::Rejected(v) => v.ids_ref(f),
                }
                p.fulfill_reactions.ids_ref(f);
                p.reject_reactions.ids_ref(f);
            }
            ObjKind::Env { parent, slots } => {
                parent.ids_ref(f);
                slots.ids_ref(f);
            }
            ObjKind::Frame(frame) => frame.ids_ref(f),
            // The Web objects' traversal is theirs (`WebObj::ids`): run it on a copy.
            ObjKind::Web(w) => w.clone().ids(&mut |id| f(*id)),
            ObjKind::Record(Record::List(l)) => l.ids_ref(f),
            ObjKind::Record(_) => {}
        }
        for (_, p) in &self.props {
            match p {
                Prop::Data(v) => v.ids_ref(f),
                Prop::Accessor { get, set } => {
                    get.ids_ref(f);
                    set.ids_ref(f);
                }
            }
        }
    }
}

impl State {
    /// The state's roots, in a fixed order.
    fn roots(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        f(&mut self.script_env);
        for m in &mut self.microtasks {
            m.job.ids(f);
        }
        for t in &mut self.tasks {
            match &mut t.steps {
                TaskSteps::NotifyRejected { promises } => promises.ids(f),
                TaskSteps::RejectionHandled { promise } => f(promise),
                TaskSteps::XhrStep { xhr, .. } => f(xhr),
                TaskSteps::Message { target, data } => {
                    target.ids(f);
                    data.ids(f);
                }
                _ => {}
            }
        }
        for t in &mut self.timers {
            t.handler.ids(f);
            t.args.ids(f);
        }
        // Requests in call order, in flight or answered: a request that completes keeps its
        // place, and so do the cells it reaches (fewer cells are renumbered).
        let mut requests: Vec<&mut Fetch> = self
            .fetches
            .iter_mut()
            .chain(self.fetch_responses.iter_mut())
            .collect();
        requests.sort_by_key(|r| r.id);
        for r in requests {
            f(&mut r.promise);
        }
        self.about_to_be_notified.ids(f);
        self.outstanding_rejections.ids(f);
        self.web.roots(f);
        let n = &mut self.node;
        for t in &mut n.ticks {
            t.callback.ids(f);
            t.args.ids(f);
        }
        for i in &mut n.immediates {
            i.callback.ids(f);
            i.args.ids(f);
        }
        for t in &mut n.timers {
            t.callback.ids(f);
            t.args.ids(f);
            f(&mut t.object);
        }
        for r in n.in_flight.iter_mut().chain(n.completed.iter_mut()) {
            r.callback.ids(f);
            if let crate::host::node::IoOp::RandomFill { buf, .. } = &mut r.op {
                buf.ids(f);
            }
        }
        for l in &mut n.listeners {
            l.callback.ids(f);
        }
        n.pending_rejections.ids(f);
        n.warned_rejections.ids(f);
        n.async_handled.ids(f);
    }

    /// Drops unreachable cells and renumbers the rest in first-reached order.
    ///
    /// Cells are shared with the state this one was cloned from: a cell is read to find what
    /// it reaches, moved to its new place, and written (copied if shared) only if a reference
    /// in it is renumbered. A heap that is already canonical is left as it is.
    pub fn canonicalize(&mut self) {
        const UNSEEN: u32 = u32::MAX;
        let len = self.heap.len();
        // The traversal's buffers are kept per thread: canonicalization runs once per step.
        let (mut index, mut order, mut roots) = SCRATCH.take();
        index.clear();
        index.resize(len, UNSEEN);
        order.clear();
        roots.clear();
        let visit = |id: ObjId, order: &mut Vec<ObjId>, index: &mut Vec<u32>| {
            if let Some(slot) = index.get_mut(id.0 as usize)
                && *slot == UNSEEN
            {
                *slot = order.len() as u32;
                order.push(id);
            }
        };
        self.roots(&mut |id| roots.push(*id));
        // Each root, then what it reaches that no earlier root reaches (breadth-first): the
        // cells a root reaches stay together, so a root that goes away or comes in renumbers
        // only the cells after its own.
        let mut next = 0;
        for &root in &roots {
            visit(root, &mut order, &mut index);
            while next < order.len() {
                let obj = self.heap.get(order[next]);
                #[cfg(debug_assertions)]
                obj.check_ids_ref();
                obj.ids_ref(&mut |id| visit(id, &mut order, &mut index));
                next += 1;
            }
        }
        if order.len() == len && order.iter().enumerate().all(|(i, id)| id.0 as usize == i) {
            // Every cell is reachable and already numbered in first-reached order.
            SCRATCH.set((index, order, roots));
            return;
        }
        let renumber = |id: &mut ObjId| {
            if let Some(&n) = index.get(id.0 as usize)
                && n != UNSEEN
            {
                *id = ObjId(n);
            }
        };
        let mut cells: Vec<Option<Arc<Obj>>> =
            self.heap.take_cells().into_iter().map(Some).collect();
        let mut kept = Vec::with_capacity(order.len());
        for old in &order {
            if let Some(mut obj) = cells.get_mut(old.0 as usize).and_then(Option::take) {
                let mut moved = false;
                obj.ids_ref(&mut |id| moved |= index.get(id.0 as usize) != Some(&id.0));
                if moved {
                    Arc::make_mut(&mut obj).ids(&mut { renumber });
                }
                kept.push(obj);
            }
        }
        drop(cells);
        self.roots(&mut { renumber });
        self.heap = Heap::from_cells(kept);
        SCRATCH.set((index, order, roots));
    }
}

type Scratch = (Vec<u32>, Vec<ObjId>, Vec<ObjId>);

thread_local! {
    /// [`State::canonicalize`]'s buffers: cell index to new number, cells in order, roots.
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

#[cfg(debug_assertions)]
impl Obj {
    /// [`IdsRef`] visits what [`Ids`] visits, in the same order.
    fn check_ids_ref(&self) {
        let mut by_ref = Vec::new();
        self.ids_ref(&mut |id| by_ref.push(id));
        let mut by_mut = Vec::new();
        self.clone().ids(&mut |id| by_mut.push(*id));
        debug_assert_eq!(by_ref, by_mut, "IdsRef and Ids disagree on {self:?}");
    }
}
