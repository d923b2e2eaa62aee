//! Canonical states (DESIGN "State … canonical"): at every choice point the heap is reduced to
//! the cells reachable from the state's roots and renumbered in the order a fixed traversal
//! first meets them. Two schedules that reach the same situation by allocating in different
//! orders then reach the same `State` value, so the checker can merge them; unreachable
//! garbage does not keep states apart.

use std::sync::Arc;

use evloop_engine::refs::HeapRefs;

use crate::heap::{Heap, Obj};
use crate::host::Fetch;
use crate::state::State;
use crate::value::ObjId;

impl State {
    /// The state's roots, in a fixed order: each part's references are its own
    /// [`HeapRefs`], declared beside its type.
    fn roots(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        f(&mut self.script_env);
        self.microtasks.refs_mut(f);
        self.html.tasks.refs_mut(f);
        self.html.timers.refs_mut(f);
        // Requests in call order, in flight or answered: a request that completes keeps its
        // place, and so do the cells it reaches (fewer cells are renumbered).
        let mut requests: Vec<&mut Fetch> = self
            .html
            .fetches
            .iter_mut()
            .chain(self.html.fetch_responses.iter_mut())
            .collect();
        requests.sort_by_key(|r| r.id);
        for r in requests {
            r.refs_mut(f);
        }
        self.html.about_to_be_notified.refs_mut(f);
        self.html.outstanding_rejections.refs_mut(f);
        self.web.refs_mut(f);
        self.node.refs_mut(f);
    }

    /// Drops unreachable cells and renumbers the rest in first-reached order.
    ///
    /// Cells are shared with the state this one was cloned from: a cell is read to find what
    /// it reaches, moved to its new place, and written (copied if shared) only if a reference
    /// in it is renumbered. A heap that is already canonical is left as it is.
    pub fn canonicalize(&mut self) {
        const UNSEEN: u32 = u32::MAX;
        let len = self.realm.heap.len();
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
                let obj = self.realm.heap.get(order[next]);
                obj.refs(&mut |id| visit(id, &mut order, &mut index));
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
            self.realm.heap.take_cells().into_iter().map(Some).collect();
        let mut kept = Vec::with_capacity(order.len());
        for old in &order {
            if let Some(mut obj) = cells.get_mut(old.0 as usize).and_then(Option::take) {
                let mut moved = false;
                obj.refs(&mut |id| moved |= index.get(id.0 as usize) != Some(&id.0));
                if moved {
                    Arc::make_mut(&mut obj).refs_mut(&mut { renumber });
                }
                kept.push(obj);
            }
        }
        drop(cells);
        self.roots(&mut { renumber });
        self.realm.heap = Heap::from_cells(kept);
        SCRATCH.set((index, order, roots));
    }
}

type Scratch = (Vec<u32>, Vec<ObjId>, Vec<ObjId>);

thread_local! {
    /// [`State::canonicalize`]'s buffers: cell index to new number, cells in order, roots.
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}
