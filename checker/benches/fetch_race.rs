//! k independent `fetch` calls, each logging its name: k! outcomes. Measures exploring every
//! schedule for k = 6, 7, 8 and prints states per second, with the ratio of each against the
//! k = 6 baseline measured in the same run (`cargo bench -p evloop-checker`).

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use evloop_checker::{Options, explore};
use evloop_js::CompileOptions;
use evloop_model::{Host, Program};

/// The allocator the `evloop` binary uses, so that the benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const KS: [usize; 3] = [6, 7, 8];

fn program(k: usize) -> Arc<Program> {
    let src: String = (0..k)
        .map(|i| format!("fetch(\"u{i}.com\").then(() => console.log(\"f{i}\"));\n"))
        .collect();
    let options = CompileOptions {
        is_module: false,
        resolve_global: Host::Html.global_resolver(),
    };
    Arc::new(evloop_js::compile(&src, "fetch-race.js", &options).expect("compiles"))
}

fn factorial(k: usize) -> usize {
    (1..=k).product()
}

/// One full exploration: (distinct states, time).
fn measure(p: &Arc<Program>, k: usize) -> (usize, Duration) {
    let start = Instant::now();
    let x = explore(p.clone(), Host::Html, &mut Options::default()).expect("explores");
    let t = start.elapsed();
    assert!(x.complete);
    assert_eq!(x.outcomes.len(), factorial(k), "k = {k}: k! outcomes");
    (x.states, t)
}

fn bench(c: &mut Criterion) {
    let programs: Vec<(usize, Arc<Program>)> = KS.iter().map(|&k| (k, program(k))).collect();
    // The summary: each k once, in this run, against k = 6.
    let runs: Vec<(usize, usize, Duration)> = programs
        .iter()
        .map(|(k, p)| {
            let (states, t) = measure(p, *k);
            (*k, states, t)
        })
        .collect();
    let rate = |states: usize, t: Duration| states as f64 / t.as_secs_f64();
    let (_, base_states, base_t) = runs[0];
    let base_rate = rate(base_states, base_t);
    println!();
    println!("fetch race: k fetches, k! outcomes (one exploration each; baseline k = 6)");
    println!(
        "{:>3} {:>9} {:>9} {:>9} {:>12} {:>14} {:>14}",
        "k", "outcomes", "states", "time s", "states/s", "rate vs k=6", "time vs k=6"
    );
    for &(k, states, t) in &runs {
        println!(
            "{k:>3} {:>9} {states:>9} {:>9.3} {:>12.0} {:>14.2} {:>14.1}",
            factorial(k),
            t.as_secs_f64(),
            rate(states, t),
            rate(states, t) / base_rate,
            t.as_secs_f64() / base_t.as_secs_f64()
        );
    }
    println!();

    let mut g = c.benchmark_group("fetch_race");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for ((k, p), (_, states, _)) in programs.iter().zip(&runs) {
        // Criterion reports elements/s: states per second.
        g.throughput(Throughput::Elements(*states as u64));
        g.bench_with_input(BenchmarkId::from_parameter(k), p, |b, p| {
            b.iter(|| {
                let x = explore(black_box(p.clone()), Host::Html, &mut Options::default())
                    .expect("explores");
                black_box(x.outcomes.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
