//! The interpreter's speed against Node.js (issue 18): six programs, each run through the model
//! (`evloop run`'s default schedule on the `node` host) and by `node` in the same run, with
//! IR instructions per second and `ratio = evloop / node` (`cargo bench --bench speed`).
//!
//! Each program is measured per *unit* (a loop iteration, a microtask, a callback): evloop may
//! run fewer units than node (`evloop n` below node's `node n`, so that a slow baseline ends),
//! and the ratio compares time per unit, `(evloop time / evloop n) / (node time / node n)`.
//! Node's time is measured inside the process, from the first statement of the program to the
//! `exit` event (`process.hrtime`), so that its start-up is not counted; evloop's is
//! `State::new` (the main script) and the run's choices until the end, compilation not
//! counted. The runs have no limit but an instruction count no benchmark reaches
//! ([`Limits::steps`]); the instructions executed are the run's budget's `spent`. Every output
//! is checked against the value the program must print.
//!
//! Set `EVLOOP_BENCH_SCALE=full` to run evloop at node's sizes, and `EVLOOP_BENCH_ONLY=word`
//! to run only the programs whose name contains `word`.

use std::hint::black_box;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use evloop_js::CompileOptions;
use evloop_model::limits::Limits;
use evloop_model::trace::NoTrace;
use evloop_model::{Host, Program, Setup, State};

/// The allocator the `evloop` binary uses, so that the benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One benchmark program: JavaScript with `N` standing for its size, printing `expect(n)`.
struct Case {
    name: &'static str,
    /// What one unit is (for the per-unit normalisation).
    unit: &'static str,
    source: &'static str,
    node_n: u64,
    evloop_n: u64,
    /// evloop's size in criterion's repeated measurement.
    sample_n: u64,
    expect: fn(u64) -> String,
}

const CASES: [Case; 6] = [
    Case {
        name: "arithmetic loop",
        unit: "iteration",
        source: "let x = 0;\nfor (let i = 0; i < N; i++) { x += i; }\nconsole.log(x);\n",
        node_n: 100_000_000,
        evloop_n: 1_000_000,
        sample_n: 100_000,
        expect: |n| format!("{}", n * (n - 1) / 2),
    },
    Case {
        name: "chained microtasks",
        unit: "microtask",
        source: "let n = 0;\nfunction f() { if (++n < N) queueMicrotask(f); else console.log(n); }\nqueueMicrotask(f);\n",
        node_n: 1_000_000,
        evloop_n: 1_000_000,
        sample_n: 20_000,
        expect: |n| n.to_string(),
    },
    Case {
        name: "chained then",
        unit: "reaction",
        source: "const inc = (v) => v + 1;\nlet p = Promise.resolve(0);\nfor (let i = 0; i < N; i++) p = p.then(inc);\np.then((v) => console.log(v));\n",
        node_n: 1_000_000,
        evloop_n: 1_000_000,
        sample_n: 20_000,
        expect: |n| n.to_string(),
    },
    Case {
        name: "chained setImmediate",
        unit: "immediate",
        source: "let n = 0;\nfunction f() { if (++n < N) setImmediate(f); else console.log(n); }\nsetImmediate(f);\n",
        node_n: 100_000,
        evloop_n: 10_000,
        sample_n: 2_000,
        expect: |n| n.to_string(),
    },
    Case {
        name: "setTimeout(0)",
        unit: "timer",
        source: "let n = 0;\nfunction cb() { if (++n === N) console.log(n); }\nfor (let i = 0; i < N; i++) setTimeout(cb, 0);\n",
        node_n: 100_000,
        evloop_n: 30_000,
        sample_n: 1_000,
        expect: |n| n.to_string(),
    },
    Case {
        name: "fs.stat callbacks",
        unit: "callback",
        source: "const fs = require(\"fs\");\nlet n = 0;\nfunction cb(err) { if (err) throw err; if (++n === N) console.log(n); }\nfor (let i = 0; i < N; i++) fs.stat(__filename, cb);\n",
        node_n: 10_000,
        evloop_n: 300,
        sample_n: 100,
        expect: |n| n.to_string(),
    },
];

impl Case {
    fn source(&self, n: u64) -> String {
        self.source.replace('N', &n.to_string())
    }

    fn program(&self, n: u64) -> Arc<Program> {
        let options = CompileOptions {
            is_module: false,
            resolve_global: Host::Node.global_resolver(),
        };
        let src = self.source(n);
        Arc::new(evloop_js::compile(&src, "bench.js", &options).expect("compiles"))
    }
}

/// One run through the model with the default schedule: (log, instructions executed).
fn run_evloop(program: &Arc<Program>) -> (Vec<String>, u64, Option<String>) {
    // Limits no benchmark reaches: the run ends by itself.
    let setup = Setup {
        limits: Limits::steps(u64::MAX / 2),
        ..Setup::default()
    };
    let mut st = State::new_traced(program.clone(), Host::Node, &setup, &mut NoTrace);
    // `evloop run`'s default policy (`evloop_model::run`): the first option each time.
    while let Some(choice) = st.first_choice() {
        st = st.apply(choice);
    }
    (st.log.clone(), st.budget().spent(), st.halted.clone())
}

/// One timed run of `case` at size `n` through the model: (time, instructions).
fn measure_evloop(case: &Case, n: u64) -> (Duration, u64) {
    let program = case.program(n);
    let start = Instant::now();
    let (log, executed, halted) = run_evloop(&program);
    let t = start.elapsed();
    assert_eq!(halted, None, "{}: the run must end", case.name);
    assert_eq!(log, vec![(case.expect)(n)], "{}: output", case.name);
    (t, executed)
}

/// Node's time for `case` at size `n`, measured in the process from the program's first
/// statement to `exit` (the best of three runs); `None` when `node` cannot be run.
fn measure_node(case: &Case, n: u64) -> Option<Duration> {
    let dir = std::env::temp_dir().join(format!("evloop-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join(format!(
        "{}.js",
        case.name.replace(|c: char| !c.is_alphanumeric(), "_")
    ));
    let timed = format!(
        "const __start = process.hrtime.bigint();\nprocess.on(\"exit\", () => process.stderr.write(`${{process.hrtime.bigint() - __start}}\\n`));\n{}",
        case.source(n)
    );
    std::fs::write(&file, timed).ok()?;
    let mut best: Option<Duration> = None;
    for _ in 0..3 {
        let out = Command::new("node").arg(&file).output().ok()?;
        if !out.status.success() {
            return None;
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout.trim_end(), (case.expect)(n), "node: {}", case.name);
        let ns: u64 = String::from_utf8_lossy(&out.stderr).trim().parse().ok()?;
        let t = Duration::from_nanos(ns);
        best = Some(best.map_or(t, |b| b.min(t)));
    }
    std::fs::remove_file(&file).ok();
    best
}

fn bench(c: &mut Criterion) {
    let full = std::env::var("EVLOOP_BENCH_SCALE").is_ok_and(|s| s == "full");
    println!();
    println!("evloop against node (node host, default schedule; ratio = evloop / node per unit)");
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10} {:>12} {:>10} {:>9}",
        "program", "evloop n", "evloop s", "IR instrs", "Minstr/s", "node n", "node s", "ratio"
    );
    let only = std::env::var("EVLOOP_BENCH_ONLY").unwrap_or_default();
    let cases: Vec<&Case> = CASES.iter().filter(|c| c.name.contains(&only)).collect();
    for &case in &cases {
        let n = if full { case.node_n } else { case.evloop_n };
        let (t, instrs) = measure_evloop(case, n);
        let per_unit = t.as_secs_f64() / n as f64;
        let rate = instrs as f64 / t.as_secs_f64() / 1e6;
        let (node_s, ratio) = match measure_node(case, case.node_n) {
            Some(nt) => {
                let node_per_unit = nt.as_secs_f64() / case.node_n as f64;
                (
                    format!("{:.3}", nt.as_secs_f64()),
                    format!("{:.2}", per_unit / node_per_unit),
                )
            }
            None => ("no node".into(), "-".into()),
        };
        println!(
            "{:<22} {n:>10} {:>10.3} {instrs:>10} {rate:>10.1} {:>12} {node_s:>10} {ratio:>9}",
            case.name,
            t.as_secs_f64(),
            case.node_n,
        );
        println!("{:<22} ratio per {}", "", case.unit);
    }
    println!();

    let mut g = c.benchmark_group("speed");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for case in cases {
        let program = case.program(case.sample_n);
        g.throughput(Throughput::Elements(case.sample_n));
        g.bench_with_input(
            BenchmarkId::new(case.name, case.sample_n),
            &program,
            |b, p| b.iter(|| black_box(run_evloop(p).1)),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
