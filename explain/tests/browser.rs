//! The page in a real browser: headless Chromium opens `evloop explain
//! examples/async-order.js`'s page from a file (offline), presses → through every step, ←
//! back to the first, End and Home, and at each step compares what the page shows (the step,
//! every queue's entries, the log) with the snapshot in the JSON.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use evloop_explain::{HtmlOptions, explain, render_html};
use evloop_model::{Host, Scheduler, Setup};

/// The script the test adds to the page: it drives the viewer with keyboard events and
/// writes `PASS …` or `FAIL` with the differences into `<pre id="press-result">`.
const PRESS_THROUGH: &str = r#"<script>
(function () {
  var ex = JSON.parse(document.getElementById("evloop-explanation").textContent);
  var root = document.getElementById("evloop-root");
  var n = ex.steps.length, errors = [];
  function key(k) {
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  }
  function check(i) {
    var shown = Number(root.getAttribute("data-step"));
    if (shown !== i) errors.push("expected step " + i + ", the page shows " + shown);
    var s = ex.steps[i];
    s.queues.forEach(function (q) {
      var box = root.querySelector('[data-queue="' + q.key + '"]');
      var items = box ? Array.prototype.map.call(box.querySelectorAll("li"), function (li) { return li.textContent; }) : null;
      if (!items || items.join("\n") !== q.items.join("\n"))
        errors.push("step " + i + " " + q.key + ": shows " + JSON.stringify(items) + ", snapshot " + JSON.stringify(q.items));
    });
    var log = root.querySelectorAll(".ev-log li").length;
    if (log !== s.log_len) errors.push("step " + i + ": log shows " + log + " lines, snapshot " + s.log_len);
    var hl = root.querySelectorAll(".ev-line.ev-running, .ev-line.ev-last").length;
    if (hl !== (s.position ? 1 : 0)) errors.push("step " + i + ": " + hl + " highlighted lines");
  }
  check(0);
  for (var i = 1; i < n; i++) { key("ArrowRight"); check(i); }
  key("ArrowRight"); check(n - 1);
  for (var j = n - 2; j >= 0; j--) { key("ArrowLeft"); check(j); }
  key("End"); check(n - 1);
  key("Home"); check(0);
  var pre = document.createElement("pre");
  pre.id = "press-result";
  pre.textContent = errors.length ? "FAIL\n" + errors.join("\n") : "PASS " + n + " steps";
  document.body.appendChild(pre);
})();
</script>
</body>"#;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

#[test]
fn chromium_steps_through_every_step_both_ways() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium for the browser test"
        );
        eprintln!("skipped: no chromium on PATH");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let file = root.join("examples/async-order.js");
    let program = evloop_js::load_file(&file, Host::Html).expect("the example compiles");
    let ex = explain(
        Arc::new(program),
        Host::Html,
        &Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    let page = render_html(&ex, &HtmlOptions::default()).replacen("</body>", PRESS_THROUGH, 1);
    let dir = std::env::temp_dir().join(format!("evloop-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("press.html");
    std::fs::write(&html, page).unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&dir);
    let dom = String::from_utf8_lossy(&out.stdout);
    let expected = format!("PASS {} steps", ex.steps.len());
    assert!(
        dom.contains(&expected),
        "{}",
        dom.split("press-result").nth(1).unwrap_or(&dom)
    );
}
