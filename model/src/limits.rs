//! The limits of a run as the model sets them (issue 18): the engine's [`Limits`] with the
//! memory measured as the process's resident set size, read from `/proc/self/status`
//! (`VmRSS`) on Linux. What is measured is everything the process holds — the states an
//! exploration keeps, the heap of the run, the allocator's slack — so the limit bounds the
//! real footprint, not an estimate of it. Where there is no `/proc` (other systems, wasm32)
//! the resident size is unknown: only allocations the engine asks about up front
//! ([`evloop_engine::limits::Budget::reserve`]) are held to the limit.

pub use evloop_engine::limits::{
    Budget, DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT, LimitKind, Limits, MemoryProbe,
};

/// The memory limit when the machine's memory is unknown: 1 GiB.
pub const FALLBACK_MAX_MEMORY: u64 = 1 << 30;

/// The resident set size of this process in bytes (`VmRSS` of `/proc/self/status`), if the
/// system reports it.
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    kib_field(&status, "VmRSS:")
}

/// A `NAME: N kB` line of a `/proc` file, in bytes.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line[name.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// The default memory limit: a safe share of the machine — half its memory, and no more
/// than three quarters of what is available now (`/proc/meminfo`'s `MemTotal`,
/// `MemAvailable`), so that other processes keep theirs; [`FALLBACK_MAX_MEMORY`] where the
/// system does not say.
pub fn default_max_memory() -> u64 {
    let Ok(info) = std::fs::read_to_string("/proc/meminfo") else {
        return FALLBACK_MAX_MEMORY;
    };
    match (
        kib_field(&info, "MemTotal:"),
        kib_field(&info, "MemAvailable:"),
    ) {
        (Some(total), Some(available)) => (total / 2).min(available / 4 * 3),
        (Some(total), None) => total / 2,
        _ => FALLBACK_MAX_MEMORY,
    }
}

/// The model's default limits: 10¹⁰ instructions, 60 s and [`default_max_memory`].
pub fn default_limits() -> Limits {
    Limits {
        max_memory: Some(default_max_memory()),
        ..Limits::default()
    }
}

/// A budget for `limits`, its memory measured by [`resident_bytes`].
pub fn budget(limits: Limits) -> Budget {
    Budget::new(limits, Some(resident_bytes as MemoryProbe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_fields_are_read_in_bytes() {
        let text = "Name:\tx\nVmRSS:\t   2048 kB\nMemTotal:       16 kB\n";
        assert_eq!(kib_field(text, "VmRSS:"), Some(2 << 20));
        assert_eq!(kib_field(text, "MemTotal:"), Some(16 << 10));
        assert_eq!(kib_field(text, "VmSwap:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_reports_the_resident_size_and_a_share_of_the_machine() {
        let rss = resident_bytes().expect("VmRSS");
        assert!(rss > 0);
        let max = default_max_memory();
        assert!(max > rss, "{max} {rss}");
    }
}
