//! Declarative environments over their lifetime: a closure capturing its environment chain,
//! the per-iteration copy of a `for (let …)` loop's environment, and a call's environment
//! freed when its call returns and nothing can reach it.

use crate::heap::ObjKind;
use crate::host::HostHooks;
use crate::unmodelled::Unmodelled;
use crate::value::ObjId;

use super::Agent;
use super::frame::Frame;

impl<H: HostHooks> Agent<'_, H> {
    /// Records that a closure made now captures `env` and every environment outside it
    /// (`ObjKind::Env::captured`). The walk stops at the first one already captured: its outer ones were
    /// captured with it.
    pub(super) fn capture_environment(&mut self, env: ObjId) {
        let mut next = Some(env);
        while let Some(id) = next {
            let ObjKind::Env {
                parent, captured, ..
            } = &self.st.heap.get(id).kind
            else {
                return;
            };
            if captured.0 {
                return;
            }
            next = *parent;
            if let ObjKind::Env { captured, .. } = &mut self.st.heap.get_mut(id).kind {
                *captured = Unmodelled(true);
            }
        }
    }

    /// CreatePerIterationEnvironment (ECMA-262 §14.7.4.4) for the frame's running
    /// environment (`Instr::CopyEnv`): steps 1.b–1.f make a new environment with the same
    /// outer environment and a copy of each binding's value, and make it the running one.
    ///
    /// When no closure has captured the running environment, the frame's `env` is the only
    /// reference to it (a `try` inside the body that recorded it has been left by the end of
    /// the iteration), so after the step nothing can reach the old environment: continuing in
    /// it is the same state as continuing in its copy, up to a garbage cell. The copy is then
    /// not made, and a loop without closures allocates nothing per iteration.
    pub(super) fn create_per_iteration_environment(&mut self, frame: &mut Frame) {
        let copy = match &self.st.heap.get(frame.env).kind {
            ObjKind::Env {
                captured: Unmodelled(false),
                ..
            } => return,
            ObjKind::Env {
                parent,
                slots,
                arguments,
                ..
            } => ObjKind::Env {
                parent: *parent,
                slots: slots.clone(),
                arguments: *arguments,
                captured: Unmodelled(false),
            },
            other => other.clone(),
        };
        frame.env = self.alloc(copy);
    }

    /// The end of a call of an ordinary (not async) function: its execution context is
    /// popped (ECMA-262 §10.2.1 step 7) and its function environment `env` can no longer be
    /// reached when no closure captured it (`ObjKind::Env::captured`) and no mapped arguments object
    /// aliases its parameters (§10.4.4.7) — the frame that ran in it, and its blocks' handlers,
    /// are gone. If it is then the heap's last cell (the call left nothing newer on the heap),
    /// it is freed now rather than at the next collection, so that a chain of calls that
    /// allocates nothing else does not grow the heap. Nothing holds its id, so the next cell
    /// taking that id is not confused with it; canonicalization renumbers every cell anyway.
    pub(super) fn release_call_environment(&mut self, env: ObjId) {
        if let ObjKind::Env {
            captured: Unmodelled(false),
            arguments: None,
            ..
        } = self.st.heap.get(env).kind
        {
            self.st.heap.free_last(env);
        }
    }
}
