//! `setImmediate` (NODE-9): the check phase runs the immediates queued before it started,
//! draining ticks and microtasks between them.

use crate::heap::ObjKind;
use crate::host::object::HostObj;
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// A queued immediate.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Immediate {
    pub id: u32,
    pub callback: Value,
    pub args: Vec<Value>,
}

impl Cx<'_, '_> {
    /// `setImmediate(cb, ...args)`: returns an Immediate object.
    pub fn set_immediate(&mut self, callback: Value, args: Vec<Value>) -> Value {
        self.st.node.next_immediate_id += 1;
        let id = self.st.node.next_immediate_id;
        self.trace("NODE-9", || format!("queue immediate {id}"));
        self.st
            .node
            .immediates
            .push_back(super::Immediate { id, callback, args });
        Value::Object(self.alloc(ObjKind::Host(HostObj::Immediate(id))))
    }

    /// `clearImmediate(immediate)`.
    pub fn clear_immediate(&mut self, id: u32) {
        self.st.node.immediates.retain(|i| i.id != id);
    }

    /// NODE-9 `processImmediate`: detach the queue first (immediates added now run next
    /// turn), run each one still queued, with `runNextTicks()` between them and the full drain
    /// after the last (NODE-2).
    pub fn run_immediates(&mut self) -> JsResult<()> {
        let batch: Vec<u32> = self.st.node.immediates.iter().map(|i| i.id).collect();
        let mut ran_at_least_one = false;
        for id in batch {
            let Some(pos) = self.st.node.immediates.iter().position(|i| i.id == id) else {
                continue;
            };
            let Some(imm) = self.st.node.immediates.remove(pos) else {
                continue;
            };
            if ran_at_least_one {
                // NODE-2: runNextTicks() between immediates.
                self.process_ticks_and_rejections()?;
            }
            ran_at_least_one = true;
            self.trace("NODE-9", || format!("immediate {id} runs"));
            match self.call(&imm.callback, Value::Undefined, imm.args) {
                Ok(_) => {}
                Err(crate::vm::Unwind::Throw(e)) => {
                    // The exception leaves processImmediate; C++ (`CheckImmediate`) reports it and
                    // calls processImmediate again for the rest, with its flag reset: no drain
                    // before the next immediate.
                    self.node_uncaught_exception(e, false)?;
                    if self.st.profile().drain_after_throwing_immediate {
                        self.process_ticks_and_rejections()?;
                    }
                    ran_at_least_one = false;
                }
                Err(d) => return Err(d),
            }
        }
        // InternalCallbackScope::Close after the batch.
        self.process_ticks_and_rejections()
    }
}

evloop_engine::heap_refs!(struct [] Immediate { callback, args });
