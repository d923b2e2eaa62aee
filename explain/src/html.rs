//! [`render_html`]: one self-contained page that steps through an [`Explanation`]. It loads
//! nothing: the viewer's CSS and JavaScript and the explanation's JSON are inline, and the
//! only URLs in it are the links to the rules' text in the spec book.

use crate::snapshot::Explanation;

/// The viewer: `EvloopViewer.mount(element, explanation, {bookBase})`.
pub const VIEWER_JS: &str = include_str!("../assets/viewer.js");
/// The viewer's style sheet (its rules are scoped to `.evloop-viewer`).
pub const VIEWER_CSS: &str = include_str!("../assets/viewer.css");

/// How the page is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Where the spec book is, as seen from the page: `""` (beside it), a relative path such
    /// as `book/`, or an absolute URL. Rule IDs link to `BOOK_BASE/PAGE.html#ANCHOR`.
    pub book_base: String,
    /// The page's title (default: `evloop explain FILE (HOST)`).
    pub title: Option<String>,
}

/// `s` with the characters that are markup in HTML text and attributes escaped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside a `<script>` element: every `<` is written `\u003c` (JSON allows
/// the escape anywhere a `<` can be: inside strings), so no `</script>` can end it early.
pub(crate) fn script_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
        .replace('<', "\\u003c")
}

/// The page: the source with the running line highlighted, the stack, the queues, the
/// clock, the log, the rule that fired with its link; First/Back/Forward/Last, a slider and a
/// step list to jump to any step, and the arrow, Home and End keys.
pub fn render_html(ex: &Explanation, opts: &HtmlOptions) -> String {
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("evloop explain {} ({})", ex.file, ex.host));
    let options = serde_json::json!({ "bookBase": opts.book_base });
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<div id="evloop-root"></div>
<script type="application/json" id="evloop-explanation">{json}</script>
<script type="application/json" id="evloop-options">{options}</script>
<script>
{js}
</script>
<script>
(function () {{
  var ex = JSON.parse(document.getElementById("evloop-explanation").textContent);
  var opts = JSON.parse(document.getElementById("evloop-options").textContent);
  var view = EvloopViewer.mount(document.getElementById("evloop-root"), ex, opts);
  // `page.html#step=N` opens at step N.
  var m = /step=(\d+)/.exec(location.hash);
  if (m) view.go(Number(m[1]));
  window.evloopView = view;
}})();
</script>
</body>
</html>
"#,
        title = escape(&title),
        css = VIEWER_CSS,
        json = script_json(ex),
        options = script_json(&options),
        js = VIEWER_JS,
    )
}
