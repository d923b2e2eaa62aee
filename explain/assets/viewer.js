/* evloop's step-through viewer (evloop-explain).
 *
 *   var view = EvloopViewer.mount(element, explanation, {bookBase: "book/"});
 *   view.go(5); view.step(); view.back(); view.current(); view.destroy();
 *
 * `explanation` is the JSON of evloop_explain::Explanation (`evloop explain --json`, or the
 * playground's WebAssembly). Text from the program is only ever set as textContent. No
 * network: the only URLs are the links to the rules' text in the spec book.
 */
(function (global) {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function ruleLink(ex, bookBase, id) {
    var r = ex.rules && ex.rules[id];
    if (!r) return null;
    var base = bookBase || "";
    if (base && base.charAt(base.length - 1) !== "/") base += "/";
    return base + r.page + "#" + r.anchor;
  }

  function ruleRef(ex, bookBase, id) {
    var href = ruleLink(ex, bookBase, id);
    if (!href) return el("span", "ev-id", id);
    var a = el("a", "ev-id", id);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    if (ex.rules[id].title) a.title = ex.rules[id].title;
    return a;
  }

  function panel(title, ruleId, ex, bookBase) {
    var p = el("div", "ev-panel");
    var h = el("h2");
    h.appendChild(el("span", null, title));
    if (ruleId) {
      var r = el("span", "ev-rid");
      r.appendChild(ruleRef(ex, bookBase, ruleId));
      h.appendChild(r);
    }
    p.appendChild(h);
    return p;
  }

  function list(items, ordered, fresh) {
    if (!items.length) return el("div", "ev-empty", "empty");
    var l = el(ordered ? "ol" : "ul");
    items.forEach(function (t, i) {
      var li = el("li", fresh && fresh(t, i) ? "ev-new" : null, t);
      l.appendChild(li);
    });
    return l;
  }

  function mount(root, ex, opts) {
    opts = opts || {};
    var bookBase = opts.bookBase || "";
    var steps = ex.steps || [];
    var last = Math.max(0, steps.length - 1);
    var cur = 0;
    root.textContent = "";
    root.classList.add("evloop-viewer");
    if (!root.hasAttribute("tabindex")) root.tabIndex = 0;

    // Header: the file, host, outcome and schedule.
    var head = el("div", "ev-head");
    head.appendChild(el("h1", null, ex.file));
    head.appendChild(el("span", "ev-meta", "host " + ex.host + ", timing " + ex.timing));
    head.appendChild(el("span", "ev-status-" + ex.status, ex.status));
    head.appendChild(
      el("span", "ev-meta", ex.schedule.length ? "schedule " + ex.schedule.join(",") : "no host choice")
    );
    root.appendChild(head);
    if (ex.truncated) root.appendChild(el("div", "ev-note", ex.truncated));
    if (ex.reason) root.appendChild(el("div", "ev-note", "diverged: " + ex.reason));

    // Controls.
    var controls = el("div", "ev-controls");
    var bFirst = el("button", null, "\u00AB First");
    var bBack = el("button", null, "\u2039 Back");
    var bFwd = el("button", null, "Forward \u203A");
    var bLast = el("button", null, "Last \u00BB");
    bFirst.title = "Home";
    bBack.title = "\u2190";
    bFwd.title = "\u2192";
    bLast.title = "End";
    var slider = el("input");
    slider.type = "range";
    slider.min = 0;
    slider.max = last;
    slider.value = 0;
    slider.setAttribute("aria-label", "step");
    var counter = el("span", "ev-counter");
    [bFirst, bBack, bFwd, bLast, slider, counter].forEach(function (c) {
      controls.appendChild(c);
    });
    root.appendChild(controls);

    var ruleBox = el("div", "ev-rule");
    root.appendChild(ruleBox);

    var grid = el("div", "ev-grid");
    var left = el("div");
    var right = el("div");
    grid.appendChild(left);
    grid.appendChild(right);
    root.appendChild(grid);

    // The source, one element per line.
    var source = el("div", "ev-source");
    var lines = (ex.source || "").split("\n");
    var lineEls = lines.map(function (text, i) {
      var d = el("div", "ev-line");
      d.appendChild(el("span", "ev-no", i + 1));
      d.appendChild(document.createTextNode(text));
      source.appendChild(d);
      return d;
    });
    var srcPanel = panel("source", null, ex, bookBase);
    var srcWhere = srcPanel.firstChild.appendChild(el("span", "ev-rid"));
    srcPanel.appendChild(source);
    left.appendChild(srcPanel);

    var stackPanel = panel("call stack (innermost on top)", null, ex, bookBase);
    var stackBody = stackPanel.appendChild(el("div"));
    left.appendChild(stackPanel);

    var stepsPanel = panel("steps", null, ex, bookBase);
    var stepList = el("ol", "ev-steps");
    stepList.start = 0;
    var stepEls = steps.map(function (s, i) {
      var text = s.rule ? s.rule.rule + " " + s.rule.text : i === 0 ? "before anything runs" : "(no rule fired)";
      var li = el("li", null, text);
      li.addEventListener("click", function () {
        go(i);
      });
      stepList.appendChild(li);
      return li;
    });
    stepsPanel.appendChild(stepList);
    left.appendChild(stepsPanel);

    var clockPanel = panel("clock", null, ex, bookBase);
    var clockBody = clockPanel.appendChild(el("div", "ev-clock"));
    right.appendChild(clockPanel);
    var queues = el("div", "ev-queues");
    right.appendChild(queues);
    var logPanel = panel("log", null, ex, bookBase);
    var logBody = logPanel.appendChild(el("div", "ev-log"));
    right.appendChild(logPanel);

    function render() {
      var s = steps[cur];
      if (!s) return;
      var prev = cur > 0 ? steps[cur - 1] : null;
      counter.textContent = "step " + cur + " / " + last;
      slider.value = cur;
      bFirst.disabled = bBack.disabled = cur === 0;
      bFwd.disabled = bLast.disabled = cur === last;

      // The rule that fired, with its link, and the choice being taken.
      ruleBox.textContent = "";
      if (s.rule) {
        ruleBox.appendChild(ruleRef(ex, bookBase, s.rule.rule));
        ruleBox.appendChild(el("span", null, s.rule.text));
        var r = ex.rules && ex.rules[s.rule.rule];
        if (r) ruleBox.appendChild(el("span", "ev-title", "\u2014 " + r.title));
      } else {
        ruleBox.appendChild(el("span", null, cur === 0 ? "Before anything runs." : "No rule fired in this step."));
      }
      ruleBox.appendChild(
        el(
          "div",
          "ev-choice",
          !s.choice
            ? "the start: the script runs"
            : s.choice.number
            ? "host choice " + s.choice.number + ": " + s.choice.step + " \u2014 " + s.choice.words
            : "forced step (the only option): " + s.choice.step + " \u2014 " + s.choice.words
        )
      );

      // The source position.
      lineEls.forEach(function (d) {
        d.classList.remove("ev-running", "ev-last");
      });
      srcWhere.textContent = "";
      if (s.position && lineEls[s.position.line - 1]) {
        var d = lineEls[s.position.line - 1];
        d.classList.add(s.position.running ? "ev-running" : "ev-last");
        srcWhere.textContent =
          (s.position.running ? "running " : "last ran ") + s.position.line + ":" + s.position.col;
        var top = d.offsetTop - source.offsetTop;
        if (top < source.scrollTop || top > source.scrollTop + source.clientHeight - 20) {
          source.scrollTop = Math.max(0, top - source.clientHeight / 3);
        }
      }

      // The stack, innermost on top.
      stackBody.textContent = "";
      stackBody.appendChild(
        list(
          s.stack
            .slice()
            .reverse()
            .map(function (f) {
              return f.function + " \u2014 line " + f.line + ":" + f.col;
            }),
          false
        )
      );

      clockBody.textContent = s.clock + " ms" + (s.phase ? " \u2014 " + s.phase : "");

      // The queues; entries not in the previous step's queue are marked new.
      queues.textContent = "";
      s.queues.forEach(function (q) {
        var before = [];
        if (prev) {
          prev.queues.forEach(function (pq) {
            if (pq.key === q.key) before = pq.items;
          });
        }
        var p = panel(q.name, q.rule, ex, bookBase);
        if (!q.items.length) p.classList.add("ev-idle");
        p.setAttribute("data-queue", q.key);
        p.appendChild(
          list(q.items, true, function (t) {
            return prev && before.indexOf(t) < 0;
          })
        );
        queues.appendChild(p);
      });

      // The log so far; lines logged by this step are marked new.
      logBody.textContent = "";
      var shown = ex.log.slice(0, s.log_len);
      var old = prev ? prev.log_len : 0;
      logBody.appendChild(
        list(shown, false, function (t, i) {
          return i >= old;
        })
      );
      ex.errors.slice(0, s.errors_len).forEach(function (e) {
        logBody.appendChild(el("div", "ev-note", e));
      });

      stepEls.forEach(function (li) {
        li.classList.remove("ev-current");
      });
      if (stepEls[cur]) {
        stepEls[cur].classList.add("ev-current");
        var t = stepEls[cur].offsetTop - stepList.offsetTop;
        if (t < stepList.scrollTop || t > stepList.scrollTop + stepList.clientHeight - 20) {
          stepList.scrollTop = Math.max(0, t - stepList.clientHeight / 2);
        }
      }
      root.setAttribute("data-step", String(cur));
    }

    function go(i) {
      var n = Math.max(0, Math.min(last, Number(i) || 0));
      cur = n;
      render();
      return cur;
    }

    function onKey(e) {
      var t = e.target;
      var tag = t && t.tagName;
      if (tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      if (tag === "INPUT" && t !== slider) return;
      if (t !== document.body && t !== document.documentElement && !root.contains(t)) return;
      var k = e.key;
      if (k === "ArrowRight") go(cur + 1);
      else if (k === "ArrowLeft") go(cur - 1);
      else if (k === "Home") go(0);
      else if (k === "End") go(last);
      else return;
      e.preventDefault();
    }

    bFirst.addEventListener("click", function () { go(0); });
    bBack.addEventListener("click", function () { go(cur - 1); });
    bFwd.addEventListener("click", function () { go(cur + 1); });
    bLast.addEventListener("click", function () { go(last); });
    slider.addEventListener("input", function () { go(slider.value); });
    document.addEventListener("keydown", onKey);

    render();
    return {
      go: go,
      step: function () { return go(cur + 1); },
      back: function () { return go(cur - 1); },
      current: function () { return cur; },
      snapshot: function () { return steps[cur]; },
      destroy: function () {
        document.removeEventListener("keydown", onKey);
        root.textContent = "";
      },
    };
  }

  global.EvloopViewer = { mount: mount };
})(typeof window !== "undefined" ? window : this);
