//! A loopback HTTP server (tiny_http) for `fetch` in real runs: each request is answered after the delay
//! it asks for (`GET /PATH?delay_us=N`), so responses arrive in a genuinely racy order. It
//! listens on 127.0.0.1 only, serves at most one run, and stops when dropped.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

/// A running loopback server.
pub struct Loopback {
    addr: SocketAddr,
    server: Arc<Server>,
    accept: Option<JoinHandle<()>>,
}

impl Loopback {
    /// Starts a server on 127.0.0.1 on a free port.
    pub fn start() -> std::io::Result<Loopback> {
        let server = Server::http("127.0.0.1:0").map_err(std::io::Error::other)?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not an IP address"))?;
        let server = Arc::new(server);
        let incoming = server.clone();
        let accept = std::thread::spawn(move || {
            // Ends when the server is unblocked on drop.
            for request in incoming.incoming_requests() {
                std::thread::spawn(move || answer(request));
            }
        });
        Ok(Loopback {
            addr,
            server,
            accept: Some(accept),
        })
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A real HTTP GET of `path` whose response comes after `delay` (blocks until it does).
    pub fn get(addr: SocketAddr, path: &str, delay: Duration) -> std::io::Result<u16> {
        let mut s = TcpStream::connect(addr)?;
        s.set_read_timeout(Some(Duration::from_secs(10)))?;
        let clean: String = path
            .chars()
            .filter(|c| c.is_ascii_graphic() && *c != '?')
            .collect();
        let request = format!(
            "GET /{}?delay_us={} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
            clean.trim_start_matches('/'),
            delay.as_micros()
        );
        s.write_all(request.as_bytes())?;
        let mut response = String::new();
        s.read_to_string(&mut response)?;
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        Ok(status)
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// Answers one request after the delay it names (`?delay_us=N`, at most a second).
fn answer(request: Request) {
    let delay_us: u64 = request
        .url()
        .split("delay_us=")
        .nth(1)
        .and_then(|d| d.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
        .min(1_000_000);
    std::thread::sleep(Duration::from_micros(delay_us));
    let ctype = Header::from_bytes("Content-Type", "text/plain").expect("a valid header");
    let _ = request.respond(Response::from_data("ok").with_header(ctype));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_in_the_order_the_delays_say() {
        let server = Loopback::start().unwrap();
        let addr = server.addr();
        let (tx, rx) = std::sync::mpsc::channel();
        for (name, ms) in [("slow", 60u64), ("fast", 0)] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                let status = Loopback::get(addr, name, Duration::from_millis(ms)).unwrap();
                tx.send((name, status)).unwrap();
            });
            std::thread::sleep(Duration::from_millis(5));
        }
        let first = rx.recv().unwrap();
        let second = rx.recv().unwrap();
        assert_eq!(first, ("fast", 200));
        assert_eq!(second, ("slow", 200));
    }
}
