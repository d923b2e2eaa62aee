//! Rendering: rendering opportunities (HTML-3), "update the rendering" (HTML-4) and the
//! animation frame callbacks (HTML-5).

use crate::host::{Task, TaskSource, TaskSteps};
use crate::value::Value;
use crate::vm::{Cx, JsResult};

impl Cx<'_, '_> {
    /// HTML-5 `requestAnimationFrame(callback)`: increment the animation frame callback
    /// identifier, add the callback to the map of animation frame callbacks under it, and
    /// return it.
    pub fn request_animation_frame(&mut self, cb: Value) -> u32 {
        self.st.web.raf_identifier += 1;
        let h = self.st.web.raf_identifier;
        self.trace("HTML-5", || format!("requestAnimationFrame: callback {h}"));
        self.st.web.raf_callbacks.push((h, cb));
        h
    }

    /// HTML-5 `cancelAnimationFrame(handle)`: remove the entry from the map (also during a
    /// frame: a cancelled callback of the running frame's snapshot is skipped).
    pub fn cancel_animation_frame(&mut self, handle: f64) {
        let before = self.st.web.raf_callbacks.len();
        self.st
            .web
            .raf_callbacks
            .retain(|(h, _)| f64::from(*h) != handle);
        if self.st.web.raf_callbacks.len() != before {
            self.trace("HTML-5", || {
                format!("cancelAnimationFrame: callback {handle}")
            });
        }
    }

    /// HTML-3: a rendering opportunity. The event loop records its last render opportunity
    /// time and queues a global task on the rendering task source to update the rendering.
    pub fn rendering_opportunity(&mut self) {
        // MODEL-6: frames are at least FRAME_MS apart; time passes until the frame is due, and
        // timers due by then queue their tasks first.
        let now = self
            .st
            .clock
            .max(crate::host::web::next_frame_time(self.st));
        if now > self.st.clock {
            self.st.clock = now;
            self.queue_due_timers();
        }
        self.st.web.frames += 1;
        self.trace("HTML-3", || {
            format!("rendering opportunity at {now} ms: queue an update-the-rendering task")
        });
        self.st.web.last_render_opportunity = now;
        self.st.web.rendering_queued = true;
        self.st.html.tasks.push(Task {
            source: TaskSource::Rendering,
            steps: TaskSteps::UpdateRendering,
            nesting: 0,
        });
    }

    /// HTML-4 update the rendering. Step 1: `frameTimestamp` is the last render opportunity
    /// time. Steps 2–8 and 10–13 (documents to render, resize, media queries, animations,
    /// fullscreen, canvas) have nothing to do in the model. Step 9: run the scroll steps.
    /// Step 14: run the animation frame callbacks (HTML-5). Steps 15–23 (style, layout,
    /// observers, paint) are not observable by the subset.
    pub fn update_the_rendering(&mut self) -> JsResult<()> {
        self.st.web.rendering_queued = false;
        let frame_timestamp = self.st.web.last_render_opportunity;
        self.trace("HTML-4", || {
            format!("update the rendering (frame timestamp {frame_timestamp} ms)")
        });
        self.run_resize_steps()?;
        self.run_scroll_steps()?;
        self.trace("HTML-4", || {
            "step 14: run the animation frame callbacks".into()
        });
        self.run_animation_frame_callbacks(frame_timestamp)
    }

    /// HTML-4 step 8, "run the resize steps" (CSSOM View): if the viewport's size changed
    /// since the last time, fire `resize` at the window. The listeners are called with an
    /// empty stack (HTML-7).
    fn run_resize_steps(&mut self) -> JsResult<()> {
        if !std::mem::take(&mut self.st.web.resize_pending) {
            return Ok(());
        }
        self.trace("HTML-4", || {
            "step 8: run the resize steps: fire resize at the window".into()
        });
        let ev = self.new_event(std::sync::Arc::from("resize"), false, false)?;
        self.dispatch_event(super::window(), ev, true)?;
        Ok(())
    }

    /// HTML-4 step 9, "run the scroll steps" (CSSOM View): for the document in the pending
    /// scroll event targets, fire `scroll` at it with `bubbles` true (so it reaches the
    /// window), then empty the list. The listeners are called with an empty stack (HTML-7).
    fn run_scroll_steps(&mut self) -> JsResult<()> {
        if !std::mem::take(&mut self.st.web.scroll_pending) {
            return Ok(());
        }
        self.trace("HTML-4", || {
            "step 9: run the scroll steps: fire scroll at the document".into()
        });
        let ev = self.new_event(std::sync::Arc::from("scroll"), true, false)?;
        self.dispatch_event(super::document(), ev, true)?;
        Ok(())
    }

    /// `window.scrollTo(x, y)` / `scrollTo({left, top})` and `scrollBy` (CSSOM View): the
    /// viewport scrolls now (instant behaviour); if the position changed, the document is
    /// appended to the pending scroll event targets (a rendering opportunity then has
    /// something to do: HTML-4 step 4).
    pub fn scroll_window(&mut self, relative: bool, args: &[Value]) -> JsResult<()> {
        let (mut x, mut y) = if relative { (0, 0) } else { self.st.web.scroll };
        let first = super::arg(args, 0);
        let num = |agent: &mut Self, v: Value| -> JsResult<Option<i64>> {
            if matches!(v, Value::Undefined) {
                return Ok(None);
            }
            let n = agent.to_number(&v)?;
            Ok(Some(if n.is_finite() { n.trunc() as i64 } else { 0 }))
        };
        if matches!(first, Value::Object(_)) {
            let l = self.get_v(&first, "left")?;
            let t = self.get_v(&first, "top")?;
            if let Some(l) = num(self, l)? {
                x = l;
            }
            if let Some(t) = num(self, t)? {
                y = t;
            }
        } else {
            x = num(self, first)?.unwrap_or(0);
            y = num(self, super::arg(args, 1))?.unwrap_or(0);
        }
        let (ox, oy) = self.st.web.scroll;
        let target = if relative { (ox + x, oy + y) } else { (x, y) };
        let target = (target.0.max(0), target.1.max(0));
        if target != self.st.web.scroll {
            self.st.web.scroll = target;
            self.st.web.scroll_pending = true;
            self.trace("HTML-4", || {
                format!("the viewport scrolls to {target:?}: the document is a pending scroll event target")
            });
        }
        Ok(())
    }

    /// HTML-5 run the animation frame callbacks: take a snapshot of the map's handles; for
    /// each handle still in the map, remove it and invoke its callback with the frame
    /// timestamp (every callback of the frame gets the same one). Callbacks requested meanwhile
    /// are not in the snapshot (next frame); cancelled ones are no longer in the map. Each
    /// callback is invoked with an empty stack, so "clean up after running script" (HTML-7
    /// step 3) performs a microtask checkpoint after each.
    fn run_animation_frame_callbacks(&mut self, now: u64) -> JsResult<()> {
        let handles: Vec<u32> = self.st.web.raf_callbacks.iter().map(|(h, _)| *h).collect();
        for h in handles {
            let Some(i) = self.st.web.raf_callbacks.iter().position(|(x, _)| *x == h) else {
                continue;
            };
            self.trace("HTML-5", || format!("animation frame callback {h}"));
            let (_, cb) = self.st.web.raf_callbacks.remove(i);
            self.call_host_callback(&cb, Value::Undefined, vec![Value::num(now as f64)])?;
        }
        Ok(())
    }
}
