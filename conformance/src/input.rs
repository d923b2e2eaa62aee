//! Real user input for browser runs: clicks through the browser's input pipeline (HTML-7: not
//! `el.click()`), over a WebSocket (tungstenite) — the Chrome DevTools protocol
//! (`Input.dispatchMouseEvent`) for Chromium, WebDriver BiDi (`input.performActions`) for
//! Firefox. Recipe: shared/notes/browsers.md.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::Message;

/// A WebSocket connection (client side; text messages only) to the browser's debugging
/// server on 127.0.0.1.
struct Ws {
    socket: tungstenite::WebSocket<TcpStream>,
}

impl Ws {
    fn connect(url: &str) -> Result<Ws, String> {
        let rest = url.strip_prefix("ws://").ok_or("not a ws:// URL")?;
        let host = &rest[..rest.find('/').unwrap_or(rest.len())];
        let stream = TcpStream::connect(host).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .map_err(|e| e.to_string())?;
        let (socket, _) = tungstenite::client(url, stream).map_err(|e| match e {
            tungstenite::HandshakeError::Failure(e) => format!("WebSocket handshake: {e}"),
            tungstenite::HandshakeError::Interrupted(_) => "WebSocket handshake interrupted".into(),
        })?;
        Ok(Ws { socket })
    }

    fn send(&mut self, text: &str) -> Result<(), String> {
        self.socket
            .send(Message::text(text))
            .map_err(|e| e.to_string())
    }

    /// The next text (or binary) message; pings are answered by tungstenite.
    fn recv(&mut self) -> Result<String, String> {
        loop {
            match self.socket.read().map_err(|e| e.to_string())? {
                Message::Text(t) => return Ok(t.as_str().to_string()),
                Message::Binary(b) => {
                    return String::from_utf8(b.to_vec()).map_err(|e| e.to_string());
                }
                Message::Close(_) => return Err("WebSocket closed".into()),
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
            }
        }
    }
}

/// A connection that sends commands `{id, method, params}` and waits for their replies.
pub struct Driver {
    ws: Ws,
    next: u64,
    bidi: bool,
    context: String,
}

fn http_get(port: u16, path: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    // The DevTools server keeps the connection open: read Content-Length bytes.
    let mut r = BufReader::new(s);
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).map_err(|e| e.to_string())? == 0 || h == "\r\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':')
            && k.trim().eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; length];
    r.read_exact(&mut body).map_err(|e| e.to_string())?;
    String::from_utf8(body).map_err(|e| e.to_string())
}

impl Driver {
    /// Connects to the browser's remote-debugging `port` (retrying while it starts).
    pub fn connect(firefox: bool, port: u16) -> Result<Driver, String> {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < Duration::from_secs(20) {
            match Driver::try_connect(firefox, port) {
                Ok(d) => return Ok(d),
                Err(e) => last = e,
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err(format!("cannot connect to the browser: {last}"))
    }

    fn try_connect(firefox: bool, port: u16) -> Result<Driver, String> {
        if firefox {
            let ws = Ws::connect(&format!("ws://127.0.0.1:{port}/session"))?;
            let mut d = Driver {
                ws,
                next: 0,
                bidi: true,
                context: String::new(),
            };
            d.call("session.new", json!({"capabilities": {}}))?;
            let tree = d.call("browsingContext.getTree", json!({}))?;
            d.context = tree["contexts"][0]["context"]
                .as_str()
                .ok_or("no browsing context")?
                .to_string();
            Ok(d)
        } else {
            let list: Value =
                serde_json::from_str(&http_get(port, "/json/list")?).map_err(|e| e.to_string())?;
            let url = list
                .as_array()
                .and_then(|l| l.iter().find(|t| t["type"] == "page"))
                .and_then(|t| t["webSocketDebuggerUrl"].as_str())
                .ok_or("no page target")?
                .to_string();
            Ok(Driver {
                ws: Ws::connect(&url)?,
                next: 0,
                bidi: false,
                context: String::new(),
            })
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next += 1;
        let id = self.next;
        self.ws
            .send(&json!({"id": id, "method": method, "params": params}).to_string())?;
        loop {
            let m: Value = serde_json::from_str(&self.ws.recv()?).map_err(|e| e.to_string())?;
            if m["id"].as_u64() == Some(id) {
                if !m["error"].is_null() {
                    return Err(format!("{method}: {} {}", m["error"], m["message"]));
                }
                return Ok(m["result"].clone());
            }
        }
    }

    /// The centre of the first element matching `selector` in the current page.
    fn centre(&mut self, selector: &str) -> Result<(i64, i64), String> {
        let expr = format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return '[]'; \
             const r = e.getBoundingClientRect(); \
             return JSON.stringify([Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]); }})()",
            serde_json::to_string(selector).unwrap_or_default()
        );
        let r = if self.bidi {
            let ctx = self.context.clone();
            self.call(
                "script.evaluate",
                json!({"expression": expr, "target": {"context": ctx}, "awaitPromise": false}),
            )?
        } else {
            self.call(
                "Runtime.evaluate",
                json!({"expression": expr, "returnByValue": true}),
            )?
        };
        let text = r["result"]["value"].as_str().unwrap_or("[]");
        let xy: Vec<i64> = serde_json::from_str(text).unwrap_or_default();
        match xy[..] {
            [x, y] => Ok((x, y)),
            _ => Err(format!("no element matches {selector}")),
        }
    }

    /// Performs one user event (`click:SELECTOR`) on the current page.
    pub fn perform(&mut self, event: &str) -> Result<(), String> {
        let selector = event
            .strip_prefix("click:")
            .ok_or_else(|| format!("unsupported user event {event}"))?;
        // The page may still be loading: look for the element for a while.
        let mut found = self.centre(selector);
        for _ in 0..20 {
            if found.is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(150));
            found = self.centre(selector);
        }
        let (x, y) = found?;
        if self.bidi {
            let ctx = self.context.clone();
            self.call(
                "input.performActions",
                json!({"context": ctx, "actions": [{"type": "pointer", "id": "mouse",
                    "parameters": {"pointerType": "mouse"},
                    "actions": [{"type": "pointerMove", "x": x, "y": y},
                                {"type": "pointerDown", "button": 0},
                                {"type": "pointerUp", "button": 0}]}]}),
            )?;
        } else {
            for t in ["mousePressed", "mouseReleased"] {
                self.call(
                    "Input.dispatchMouseEvent",
                    json!({"type": t, "x": x, "y": y, "button": "left", "clickCount": 1}),
                )?;
            }
        }
        Ok(())
    }
}
