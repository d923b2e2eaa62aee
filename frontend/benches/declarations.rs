//! A script of n top-level `var` declarations, compiled and run through the model, for
//! n = 25,000, 50,000 and 100,000 (`cargo bench -p evloop-js --bench declarations`). Issue 18's
//! target: 10^5 declarations in well under a couple of seconds; and linear growth.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use evloop_js::{CompileOptions, compile};
use evloop_model::{Host, Scheduler, Setup, run};

const NS: [usize; 3] = [25_000, 50_000, 100_000];

fn script(n: usize) -> String {
    let mut src: String = (0..n).map(|i| format!("var v{i} = {i};\n")).collect();
    src.push_str(&format!("console.log(v0 + v{});\n", n - 1));
    src
}

fn compile_and_run(src: &str) {
    let options = CompileOptions {
        is_module: false,
        resolve_global: Host::Node.global_resolver(),
    };
    let program = Arc::new(compile(src, "decls.js", &options).expect("compiles"));
    let r = run(program, Host::Node, &Setup::default(), &Scheduler::Default).expect("runs");
    black_box(r);
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("top-level declarations");
    group.sample_size(10);
    for n in NS {
        let src = script(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &src, |b, src| {
            b.iter(|| compile_and_run(src))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
