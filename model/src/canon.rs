//! Canonical states (DESIGN "State … canonical"): at every choice point the heap is reduced to
//! the cells reachable from the state's roots and renumbered in the order a fixed traversal
//! first meets them. Two schedules that reach the same situation by allocating in different
//! orders then reach the same `State` value, so the checker can merge them; unreachable
//! garbage does not keep states apart.

use crate::es::native::NativeFn;
use crate::es::promise::{Capability, Job, PromiseState, Reaction};
use crate::heap::{Heap, Obj, ObjKind, Prop, Record};
use crate::host::TaskSteps;
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
        for r in self
            .fetches
            .iter_mut()
            .chain(self.fetch_responses.iter_mut())
        {
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
        }
        for l in &mut n.listeners {
            l.callback.ids(f);
        }
        n.pending_rejections.ids(f);
        n.warned_rejections.ids(f);
        n.async_handled.ids(f);
    }

    /// Drops unreachable cells and renumbers the rest in first-reached order.
    pub fn canonicalize(&mut self) {
        const UNSEEN: u32 = u32::MAX;
        let mut index: Vec<u32> = vec![UNSEEN; self.heap.len()];
        let mut order: Vec<ObjId> = Vec::new();
        let visit = |id: &mut ObjId, order: &mut Vec<ObjId>, index: &mut Vec<u32>| {
            if let Some(slot) = index.get_mut(id.0 as usize)
                && *slot == UNSEEN
            {
                *slot = order.len() as u32;
                order.push(*id);
            }
        };
        self.roots(&mut |id| visit(id, &mut order, &mut index));
        let mut cells: Vec<Option<Obj>> = self.heap.take_cells().into_iter().map(Some).collect();
        let mut next = 0;
        while next < order.len() {
            if let Some(Some(obj)) = cells.get_mut(order[next].0 as usize) {
                obj.ids(&mut |id| visit(id, &mut order, &mut index));
            }
            next += 1;
        }
        let renumber = |id: &mut ObjId| {
            if let Some(&n) = index.get(id.0 as usize)
                && n != UNSEEN
            {
                *id = ObjId(n);
            }
        };
        let mut heap = Heap::default();
        for old in &order {
            if let Some(mut obj) = cells.get_mut(old.0 as usize).and_then(Option::take) {
                obj.ids(&mut { renumber });
                heap.alloc(obj);
            }
        }
        self.roots(&mut { renumber });
        self.heap = heap;
    }
}
