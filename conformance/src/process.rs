//! Child processes of the runners: the one way a program runs on a Node-compatible runtime
//! (its output captured, killed with everything it started after a time limit) and the
//! scratch directories the runs' files live in.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// A scratch directory removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A fresh directory `evloop-conform-PID-TAG-N` under the system's temporary directory.
    pub fn new(tag: &str) -> std::io::Result<Scratch> {
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p =
            std::env::temp_dir().join(format!("evloop-conform-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p)?;
        Ok(Scratch(p))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Kills a process group a runner started (the child and whatever it started).
pub fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// What a finished (or killed) process printed.
#[derive(Clone, Debug)]
pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    /// How it exited; `None` when it was killed after the time limit or could not be waited
    /// for.
    pub status: Option<ExitStatus>,
    /// Killed after the time limit (a hang).
    pub timed_out: bool,
    /// From the spawn to the end of its output.
    pub elapsed: Duration,
}

/// Runs `cmd` in a process group of its own with no input, capturing stdout and stderr, and
/// kills the group after `timeout` (and when the process exits: children it started may hold
/// the pipes open).
///
/// # Errors
/// The process could not be started.
pub fn run(mut cmd: Command, timeout: Duration) -> std::io::Result<Finished> {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let (status, timed_out) = match child.wait_timeout(timeout) {
        Ok(Some(s)) => (Some(s), false),
        Ok(None) => (None, true),
        Err(_) => (None, false),
    };
    kill_group(&mut child);
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    Ok(Finished {
        stdout,
        stderr,
        status,
        timed_out,
        elapsed: start.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_the_exit_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let f = run(cmd, Duration::from_secs(10)).expect("sh runs");
        assert_eq!(f.stdout, "out\n");
        assert_eq!(f.stderr, "err\n");
        assert_eq!(f.status.and_then(|s| s.code()), Some(3));
        assert!(!f.timed_out);
    }

    #[test]
    fn kills_a_hang_and_what_it_started() {
        let mut cmd = Command::new("sh");
        // A background child holds stdout open: the group kill ends it too.
        cmd.args(["-c", "sleep 30 & echo started; sleep 30"]);
        let f = run(cmd, Duration::from_millis(300)).expect("sh runs");
        assert!(f.timed_out);
        assert!(f.status.is_none());
        assert_eq!(f.stdout, "started\n");
        assert!(f.elapsed < Duration::from_secs(10), "{:?}", f.elapsed);
    }

    #[test]
    fn a_missing_binary_is_an_error() {
        let cmd = Command::new("/nonexistent/evloop-no-such-binary");
        assert!(run(cmd, Duration::from_secs(1)).is_err());
    }
}
