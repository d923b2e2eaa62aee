//! A loopback HTTP server for `fetch` in real runs: each request is answered after the delay
//! it asks for (`GET /PATH?delay_us=N`), so responses arrive in a genuinely racy order. It
//! listens on 127.0.0.1 only, serves at most one run, and stops when dropped.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// The most bytes of a request the server reads.
const MAX_REQUEST: usize = 8 * 1024;

/// A running loopback server.
pub struct Loopback {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Loopback {
    /// Starts a server on 127.0.0.1 on a free port.
    pub fn start() -> std::io::Result<Loopback> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let accept = std::thread::spawn(move || {
            while !flag.load(Ordering::Acquire) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        std::thread::spawn(move || {
                            let _ = serve(stream);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(1)),
                }
            }
        });
        Ok(Loopback {
            addr,
            stop,
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
        self.stop.store(true, Ordering::Release);
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// Answers one request after the delay it names.
fn serve(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < MAX_REQUEST {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let delay_us: u64 = head
        .split_whitespace()
        .nth(1)
        .and_then(|target| target.split("delay_us=").nth(1))
        .and_then(|d| d.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
        .min(1_000_000);
    std::thread::sleep(Duration::from_micros(delay_us));
    stream
        .write_all(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")?;
    stream.flush()
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
