//! The browser runner: a loopback HTTP server (tiny_http) serves each run as a fresh top-level document;
//! the page reports its result with a POST whose reply is the next page's URL. Each browser
//! runs in lanes: one headless instance per lane, restarted after a page that never reports.

use std::collections::{HashMap, VecDeque};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::process::{Scratch, kill_group};
use crate::runner::{Config, FORMAT_JS, Job, Observed, PAGE_JS, harness_error};
use crate::runtime::Runtime;
use crate::vector::{ModuleKind, Vector};

/// What a page POSTs to /result.
#[derive(Debug, Deserialize)]
struct PageResult {
    token: String,
    log: Vec<String>,
    errors: Vec<String>,
    #[serde(default)]
    capped: bool,
}

struct Lane {
    results: Sender<PageResult>,
    next: Mutex<Receiver<String>>,
}

#[derive(Default)]
struct Shared {
    /// Pages to serve, by token (`LANE-SEQ`), and whether each was requested.
    pages: Mutex<HashMap<String, (Arc<Vector>, bool)>>,
    lanes: Mutex<HashMap<usize, Arc<Lane>>>,
    quiet_ms: u64,
    cap_ms: u64,
}

/// Whether a program makes network requests (`fetch`, `XMLHttpRequest`, a script element's
/// `src`).
fn uses_network(source: &str) -> bool {
    ["fetch(", "XMLHttpRequest", ".src"]
        .iter()
        .any(|k| source.contains(k))
}

/// The page of one run.
pub fn page_html(v: &Vector, token: &str, quiet_ms: u64, cap_ms: u64) -> String {
    // A page with user events waits long enough for them to happen, and one that uses the
    // network for its requests to complete: the model lets a request complete at any time
    // (HTML-15), and a loaded browser can be quiet for over 500 ms while one is in flight
    // (Firefox, `evloop fuzz --host html --seed 20261208`: six runs cut short before their
    // fetch completed, each complete and allowed with a longer wait).
    let quiet_ms = if !v.events.is_empty() || uses_network(&v.source) {
        quiet_ms.max(2000)
    } else {
        quiet_ms
    };
    let config = serde_json::json!({"token": token, "quiet": quiet_ms, "cap": cap_ms});
    let module = if v.module == ModuleKind::Module {
        " type=\"module\""
    } else {
        ""
    };
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{id}</title>\
         <script>window.__evloop = {config};</script>\n<script>\n{FORMAT_JS}\n{PAGE_JS}\n</script>\
         </head><body>{markup}<script{module}>\n{src}\n</script></body></html>",
        id = v.id,
        markup = v.markup.as_deref().unwrap_or(""),
        src = v.source.replace("</script", "<\\/script"),
    )
}

/// Answers `request` with `body`, never cached.
fn respond(request: Request, status: u16, ctype: &str, body: &str) {
    let header = |k: &str, v: &str| Header::from_bytes(k, v).expect("a valid header");
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn handle(mut request: Request, shared: &Shared) {
    let mut body = Vec::new();
    if request.as_reader().read_to_end(&mut body).is_err() {
        return;
    }
    let method = request.method().clone();
    let path = request.url().to_string();
    if method == Method::Post && path == "/result" {
        let Ok(r) = serde_json::from_slice::<PageResult>(&body) else {
            respond(request, 400, "text/plain", "bad result");
            return;
        };
        let lane = r
            .token
            .split('-')
            .next()
            .and_then(|l| l.parse::<usize>().ok())
            .and_then(|l| shared.lanes.lock().unwrap().get(&l).cloned());
        let Some(lane) = lane else {
            respond(request, 200, "text/plain", "/done");
            return;
        };
        let _ = lane.results.send(r);
        let next = lane
            .next
            .lock()
            .unwrap()
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| "/done".into());
        respond(request, 200, "text/plain", &next);
        return;
    }
    if let Some(token) = path.strip_prefix("/page/") {
        let page = {
            let mut pages = shared.pages.lock().unwrap();
            pages.get_mut(token).map(|(v, requested)| {
                *requested = true;
                page_html(v, token, shared.quiet_ms, shared.cap_ms)
            })
        };
        match page {
            Some(p) => respond(request, 200, "text/html; charset=utf-8", &p),
            None => respond(request, 404, "text/plain", "no such page"),
        }
        return;
    }
    // The model's virtual network (HTML-15): /net/NAME answers 200 with {"path": "/net/NAME"}
    // (an empty script for NAME.js); /data.json answers {"x":1}; anything else a small page.
    // Each answer comes after a random delay of up to 30 ms.
    std::thread::sleep(network_delay());
    if path == "/data.json" {
        respond(request, 200, "application/json", "{\"x\":1}");
    } else if path.starts_with("/net/") && path.ends_with(".js") {
        respond(request, 200, "text/javascript", "// an empty script");
    } else if path.starts_with("/net/") {
        let body = serde_json::json!({ "path": path }).to_string();
        respond(request, 200, "application/json", &body);
    } else if path == "/favicon.ico" {
        respond(request, 404, "text/plain", "");
    } else {
        respond(
            request,
            200,
            "text/html; charset=utf-8",
            "<!doctype html><p>done</p>",
        );
    }
}

/// A loopback HTTP server on a free port of 127.0.0.1, and its port.
fn listen() -> Result<(Server, u16), String> {
    let server = Server::http("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = server.server_addr().to_ip().map_or(0, |a| a.port());
    Ok((server, port))
}

/// Serves pages, results and the virtual network (a thread per request: a result waits for
/// the lane's next page, a network answer for its delay).
fn serve(server: Server, shared: Arc<Shared>) {
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let shared = shared.clone();
            std::thread::spawn(move || handle(request, &shared));
        }
    });
}

/// Starts a server for the virtual network alone (Node.js, Deno and Bun resolve a relative
/// `fetch` URL against it); its base URL, or None if 127.0.0.1 cannot be bound.
pub fn network_server() -> Option<String> {
    let (server, port) = listen().ok()?;
    serve(server, Arc::new(Shared::default()));
    Some(format!("http://127.0.0.1:{port}/"))
}

/// 0..30 ms, varying from request to request: responses arrive in either order.
fn network_delay() -> Duration {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    Duration::from_millis(u64::from((n / 1000) % 31))
}

fn launch(rt: Runtime, url: &str, profile: &Scratch, debug_port: u16) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(rt.binary());
    match rt {
        Runtime::Chromium => {
            cmd.args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ])
            .arg(format!("--user-data-dir={}", profile.0.display()))
            .arg(format!("--remote-debugging-port={debug_port}"));
        }
        _ => {
            cmd.args(["--headless", "--no-remote", "--profile"])
                .arg(&profile.0)
                .arg("--remote-debugging-port")
                .arg(debug_port.to_string());
        }
    }
    cmd.arg(url)
        .env("HOME", &profile.0)
        .env("MOZ_CRASHREPORTER_DISABLE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
}

/// Runs `jobs` (all on browser `rt`) in lanes, recording each result.
pub fn run_browser(
    rt: Runtime,
    jobs: Vec<Job>,
    config: &Config,
    record: &(dyn Fn(Observed) + Sync),
) {
    let (server, port) = match listen() {
        Ok(l) => l,
        Err(e) => {
            for j in &jobs {
                record(harness_error(j, format!("cannot listen on 127.0.0.1: {e}")));
            }
            return;
        }
    };
    let cap_ms = config.timeout.as_millis() as u64;
    let shared = Arc::new(Shared {
        quiet_ms: config.quiet.as_millis() as u64,
        cap_ms,
        ..Shared::default()
    });
    serve(server, shared.clone());
    let lanes = config.jobs.div_ceil(2).max(1);
    let queue = Mutex::new(VecDeque::from(jobs));
    std::thread::scope(|s| {
        for lane_no in 0..lanes {
            let (rtx, rrx) = channel();
            let (ntx, nrx) = channel();
            shared.lanes.lock().unwrap().insert(
                lane_no,
                Arc::new(Lane {
                    results: rtx,
                    next: Mutex::new(nrx),
                }),
            );
            let shared = &shared;
            let queue = &queue;
            s.spawn(move || {
                run_lane(
                    rt, lane_no, port, shared, queue, rrx, ntx, config, cap_ms, record,
                )
            });
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn run_lane(
    rt: Runtime,
    lane: usize,
    port: u16,
    shared: &Shared,
    queue: &Mutex<VecDeque<Job>>,
    results: Receiver<PageResult>,
    next: Sender<String>,
    config: &Config,
    cap_ms: u64,
    record: &(dyn Fn(Observed) + Sync),
) {
    let mut browser: Option<(Child, Scratch, u16)> = None;
    let mut driver: Option<crate::input::Driver> = None;
    let mut seq = 0u64;
    // Launching a browser takes a while: allow for it on top of the page's own limit.
    let startup = Duration::from_secs(30);
    loop {
        let job = queue.lock().unwrap().pop_front();
        let Some(job) = job else { break };
        seq += 1;
        let token = format!("{lane}-{seq}");
        shared
            .pages
            .lock()
            .unwrap()
            .insert(token.clone(), (job.vector.clone(), false));
        let url = format!("http://127.0.0.1:{port}/page/{token}");
        let start = Instant::now();
        let mut limit = Duration::from_millis(cap_ms) + config.quiet + Duration::from_secs(5);
        if browser.is_none() {
            limit += startup;
            driver = None;
            let debug_port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map_or(0, |a| a.port());
            let launched = Scratch::new(&format!("{}-{lane}", rt.name()))
                .and_then(|p| launch(rt, &url, &p, debug_port).map(|c| (c, p, debug_port)));
            match launched {
                Ok(b) => browser = Some(b),
                Err(e) => {
                    record(harness_error(
                        &job,
                        format!("{}: {e}", rt.binary().display()),
                    ));
                    shared.pages.lock().unwrap().remove(&token);
                    continue;
                }
            }
        } else {
            let _ = next.send(url);
        }
        // User events: once the page has been requested and has had time to load, through the
        // browser's input pipeline.
        let mut input_error = None;
        if !job.vector.events.is_empty() {
            while start.elapsed() < limit
                && !shared
                    .pages
                    .lock()
                    .unwrap()
                    .get(&token)
                    .is_some_and(|(_, r)| *r)
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            std::thread::sleep(Duration::from_millis(300));
            let port = browser.as_ref().map_or(0, |b| b.2);
            let r = match &mut driver {
                Some(d) => Ok(d),
                None => crate::input::Driver::connect(rt == Runtime::Firefox, port)
                    .map(|d| driver.insert(d)),
            }
            .and_then(|d| job.vector.events.iter().try_for_each(|e| d.perform(e)));
            if let Err(e) = r {
                input_error = Some(e);
            }
        }
        let got = loop {
            let left = limit.saturating_sub(start.elapsed());
            match results.recv_timeout(left) {
                Ok(r) if r.token == token => break Some(r),
                Ok(_) => continue,
                Err(_) => break None,
            }
        };
        let requested = shared
            .pages
            .lock()
            .unwrap()
            .remove(&token)
            .is_some_and(|(_, r)| r);
        let elapsed_ms = start.elapsed().as_millis() as u64;
        let o = match got {
            Some(_) if input_error.is_some() => {
                if let Some((mut c, _, _)) = browser.take() {
                    kill_group(&mut c);
                }
                harness_error(
                    &job,
                    format!("user events: {}", input_error.unwrap_or_default()),
                )
            }
            Some(r) => Observed {
                vector: job.vector.id.clone(),
                runtime: rt.name().into(),
                status: if r.capped {
                    "timeout".into()
                } else if r.errors.is_empty() {
                    "completed".into()
                } else {
                    "uncaught".into()
                },
                log: r.log,
                errors: r.errors,
                errors_known: true,
                exit_code: None,
                detail: String::new(),
                elapsed_ms,
            },
            None => {
                if let Some((mut c, _, _)) = browser.take() {
                    kill_group(&mut c);
                }
                let mut o = harness_error(
                    &job,
                    format!(
                        "the page {} within {} s",
                        if requested {
                            "did not report"
                        } else {
                            "was never requested"
                        },
                        limit.as_secs()
                    ),
                );
                if requested {
                    o.status = "timeout".into();
                }
                o.elapsed_ms = elapsed_ms;
                o
            }
        };
        record(o);
    }
    if let Some((mut c, _profile, _)) = browser.take() {
        let _ = next.send("/done".into());
        std::thread::sleep(Duration::from_millis(100));
        kill_group(&mut c);
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    /// `GET path` over HTTP/1.0 from the server at `base` (`http://127.0.0.1:PORT/`): the
    /// status line and the body.
    fn get(base: &str, path: &str) -> (String, String) {
        let host = base
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let mut s = std::net::TcpStream::connect(&host).expect("the server listens");
        write!(s, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("request");
        let mut response = String::new();
        s.read_to_string(&mut response).expect("response");
        let (head, body) = response.split_once("\r\n\r\n").expect("a head and a body");
        (head.lines().next().unwrap_or("").to_string(), body.into())
    }

    #[test]
    fn a_page_that_uses_the_network_waits_longer_to_end() {
        let quiet = |src: &str| {
            let v = crate::Vector {
                format: crate::vector::FORMAT,
                id: "t".into(),
                description: String::new(),
                source: src.into(),
                module: crate::ModuleKind::Script,
                markup: None,
                events: Vec::new(),
                rules: Vec::new(),
                hosts: Default::default(),
                provenance: crate::Provenance {
                    file: "t.js".into(),
                    source: String::new(),
                    observed: Vec::new(),
                },
            };
            let page = super::page_html(&v, "0-1", 500, 10_000);
            page.contains(r#""quiet":2000"#)
        };
        assert!(quiet("fetch('/net/a').then(r => r.json())"));
        assert!(quiet("const x = new XMLHttpRequest();"));
        assert!(!quiet("setTimeout(() => console.log(1), 0)"));
    }

    #[test]
    fn the_virtual_network_answers_as_the_model_says() {
        let base = super::network_server().expect("127.0.0.1 can be bound");
        let (status, body) = get(&base, "/net/a");
        assert_eq!(status, "HTTP/1.0 200 OK");
        assert_eq!(body, r#"{"path":"/net/a"}"#);
        assert_eq!(get(&base, "/data.json").1, r#"{"x":1}"#);
        assert_eq!(get(&base, "/net/s.js").1, "// an empty script");
        assert_eq!(get(&base, "/page/0-1").0, "HTTP/1.0 404 Not Found");
        assert_eq!(get(&base, "/favicon.ico").0, "HTTP/1.0 404 Not Found");
    }
}
