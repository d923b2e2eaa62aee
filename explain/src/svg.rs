//! [`render_svg`]: one step as a picture (for slides and papers): the rule that fired, the
//! source around the running line, the stack, the queues, the clock and the log.

use std::fmt::Write as _;

use crate::html::escape;
use crate::snapshot::{Explanation, Snapshot};

const WIDTH: u32 = 960;
const LINE: u32 = 18;
const PAD: u32 = 12;
/// Characters that fit a half-width box at the font size used.
const HALF_CHARS: usize = 54;
/// Source lines shown around the running line.
const CONTEXT: usize = 4;
/// Log lines shown (the last ones).
const LOG_LINES: usize = 10;

/// A titled box of text lines, laid out top-down.
struct Panel {
    title: String,
    lines: Vec<(String, &'static str)>,
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        let c: String = s.chars().take(n - 1).collect();
        format!("{c}…")
    } else {
        s.to_string()
    }
}

fn panel_height(p: &Panel) -> u32 {
    LINE * (p.lines.len().max(1) as u32 + 1) + PAD
}

fn draw_panel(out: &mut String, p: &Panel, x: u32, y: u32, w: u32) -> u32 {
    let h = panel_height(p);
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#f7f7fb" stroke="#9aa0b5"/><text x="{tx}" y="{ty}" font-weight="bold">{title}</text>"##,
        tx = x + PAD,
        ty = y + LINE,
        title = escape(&p.title)
    );
    if p.lines.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" fill="#888">empty</text>"##,
            x + PAD,
            y + 2 * LINE
        );
    }
    for (i, (text, class)) in p.lines.iter().enumerate() {
        let fill = match *class {
            "hl" => "#b3261e",
            "dim" => "#666",
            _ => "#111",
        };
        let weight = if *class == "hl" { "bold" } else { "normal" };
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" fill="{fill}" font-weight="{weight}" xml:space="preserve">{}</text>"##,
            x + PAD,
            y + LINE * (i as u32 + 2),
            escape(&cut(text, HALF_CHARS))
        );
    }
    h
}

fn header(ex: &Explanation, s: &Snapshot) -> Vec<String> {
    let mut lines = vec![format!(
        "{} on {} — step {} of {}",
        ex.file,
        ex.host,
        s.index,
        ex.steps.len().saturating_sub(1)
    )];
    match &s.rule {
        Some(f) => lines.push(format!("{}: {}", f.rule, f.text)),
        None if s.index == 0 => lines.push("before anything runs".into()),
        None => lines.push("no rule fired".into()),
    }
    match &s.choice {
        Some(c) => lines.push(match c.number {
            Some(n) => format!("host choice {n}, {}: {}", c.step, c.words),
            None => format!("forced step {}: {}", c.step, c.words),
        }),
        None => lines.push("the start: the script runs".into()),
    }
    lines
}

fn source_panel(ex: &Explanation, s: &Snapshot) -> Panel {
    let lines: Vec<&str> = ex.source.lines().collect();
    let (title, at) = match s.position {
        Some(p) if p.running => (format!("source, running line {}:{}", p.line, p.col), p.line),
        Some(p) => (
            format!("source, last ran line {}:{}", p.line, p.col),
            p.line,
        ),
        None => ("source".to_string(), 1),
    };
    let at = (at as usize).max(1);
    let from = at.saturating_sub(CONTEXT + 1);
    let to = (at + CONTEXT).min(lines.len());
    let shown = (from..to)
        .map(|i| {
            let class = if i + 1 == at && s.position.is_some() {
                "hl"
            } else {
                ""
            };
            (format!("{:>3} {}", i + 1, lines[i]), class)
        })
        .collect();
    Panel {
        title,
        lines: shown,
    }
}

/// Step `step` of `ex` as an SVG picture. A step past the last is a picture that says so.
pub fn render_svg(ex: &Explanation, step: usize) -> String {
    let Some(s) = ex.steps.get(step) else {
        return format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="60" font-family="monospace" font-size="13"><text x="{PAD}" y="30">no step {step}: the explanation has steps 0 to {}</text></svg>"##,
            ex.steps.len().saturating_sub(1)
        );
    };
    let mut left = vec![source_panel(ex, s)];
    left.push(Panel {
        title: "call stack (innermost first)".into(),
        lines: s
            .stack
            .iter()
            .rev()
            .map(|f| (format!("{} — line {}:{}", f.function, f.line, f.col), ""))
            .collect(),
    });
    let log = &ex.log[..s.log_len.min(ex.log.len())];
    let skip = log.len().saturating_sub(LOG_LINES);
    let mut log_lines: Vec<(String, &'static str)> = Vec::new();
    if skip > 0 {
        log_lines.push((format!("… {skip} earlier lines"), "dim"));
    }
    log_lines.extend(log[skip..].iter().map(|l| (l.clone(), "")));
    left.push(Panel {
        title: format!("log ({} lines)", log.len()),
        lines: log_lines,
    });
    let mut clock = format!("clock: {} ms", s.clock);
    if let Some(p) = &s.phase {
        let _ = write!(clock, " — {p}");
    }
    let mut right = vec![Panel {
        title: clock,
        lines: Vec::new(),
    }];
    right[0].lines.push((
        format!("errors: {}", s.errors_len.min(ex.errors.len())),
        "dim",
    ));
    for q in &s.queues {
        right.push(Panel {
            title: format!("{} ({})", q.name, q.rule),
            lines: q.items.iter().map(|i| (i.clone(), "")).collect(),
        });
    }
    picture(&header(ex, s), &left, &right)
}

/// The picture: `head` lines on top, then two columns of panels.
fn picture(head: &[String], left: &[Panel], right: &[Panel]) -> String {
    let head_h = LINE * head.len() as u32 + PAD;
    let col_w = (WIDTH - 3 * PAD) / 2;
    let col_h = |ps: &[Panel]| ps.iter().map(|p| panel_height(p) + PAD).sum::<u32>();
    let height = PAD + head_h + col_h(left).max(col_h(right)) + PAD;
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans Mono, monospace" font-size="13"><rect width="100%" height="100%" fill="white"/>"##
    );
    for (i, line) in head.iter().enumerate() {
        let weight = if i == 1 { "bold" } else { "normal" };
        let _ = write!(
            out,
            r##"<text x="{PAD}" y="{}" font-weight="{weight}" xml:space="preserve">{}</text>"##,
            PAD + LINE * (i as u32 + 1),
            escape(&cut(line, 2 * HALF_CHARS))
        );
    }
    let mut y = PAD + head_h;
    for p in left {
        y += draw_panel(&mut out, p, PAD, y, col_w) + PAD;
    }
    let mut y = PAD + head_h;
    for p in right {
        y += draw_panel(&mut out, p, 2 * PAD + col_w, y, col_w) + PAD;
    }
    out.push_str("</svg>\n");
    out
}

/// A state between two host choices ([`crate::describe_state`]) as a picture: the clock and
/// where Node's loop waits, the log, the choices open, and the queues that are not empty
/// (stateright's Explorer shows it beside the state panel).
pub fn render_state_svg(words: &crate::StateWords) -> String {
    let mut head = vec![format!("host {}, clock {} ms", words.host, words.clock)];
    if let Some(p) = &words.loop_point {
        head.push(format!("loop: {p}"));
    }
    head.push(if words.choices.is_empty() {
        "the run has ended".into()
    } else {
        format!("choices: {}", words.choices.join(", "))
    });
    let skip = words.log.len().saturating_sub(LOG_LINES);
    let mut log: Vec<(String, &'static str)> = Vec::new();
    if skip > 0 {
        log.push((format!("… {skip} earlier lines"), "dim"));
    }
    log.extend(words.log[skip..].iter().map(|l| (l.clone(), "")));
    log.extend(words.errors.iter().map(|e| (e.clone(), "hl")));
    let left = vec![Panel {
        title: format!("log ({} lines)", words.log.len()),
        lines: log,
    }];
    let right: Vec<Panel> = words
        .queues
        .iter()
        .filter(|q| !q.items.is_empty())
        .map(|q| Panel {
            title: format!("{} ({})", q.name, q.rule),
            lines: q.items.iter().map(|i| (i.clone(), "")).collect(),
        })
        .collect();
    picture(&head, &left, &right)
}
