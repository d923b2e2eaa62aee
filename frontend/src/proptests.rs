//! Property test: `compile` never panics, whatever the input.

use proptest::prelude::*;

use crate::{CompileOptions, compile};

/// Valid programs from the supported subset; mutated byte-wise below.
const SAMPLES: &[&str] = &[
    "let a = 1;\nfunction f(p, q = 2, ...r) { let b = p + q; { let c = b; return () => a + b + c; } }\nconsole.log(f(1)());\n",
    "for (let i = 0; i < 3; i++) { setTimeout(() => console.log(i), 0); }\nfor (const x of [1, , ...'ab']) { if (x) continue; else break; }\n",
    "async function main() {\n  try { const v = await Promise.resolve(1); return v; }\n  catch (e) { console.log(e.message); }\n  finally { console.log('done'); }\n}\nmain().then((v) => console.log(v));\n",
    "const o = { a: 1, get b() { return this.a; }, set b(v) { this.a = v; }, m() { return 1; }, ['c' + 1]: 2, async am() {} };\no.a++; ++o['a']; o.a ||= 3; o.x ??= `t${o.a}`;\n",
    "var n = 0; while (n < 10) { n += 1; if (n % 2) continue; } do { n--; } while (n > 0);\nlet s = typeof nope + typeof n; s = (1, 2) ? void 0 : -n;\n",
    "const f = function me(k) { return k > 0 ? me(k - 1) : 0; };\ntry { throw new Error('x'); } catch { } \nqueueMicrotask(() => {}); new Promise((res, rej) => res(f(3)));\n",
];

fn mutate(sample: &str, edits: &[(usize, u8)], truncate: usize) -> String {
    let mut bytes = sample.as_bytes().to_vec();
    for &(at, b) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = at % bytes.len();
        match b % 4 {
            0 => {
                bytes.remove(i);
            }
            1 => bytes.insert(
                i,
                b" (){}[];,.=+-*/!?:`'\"\\$<>&|^%~#@0aAz\n"
                    .get(usize::from(b / 4) % 39)
                    .copied()
                    .unwrap_or(b' '),
            ),
            2 => {
                if let Some(x) = bytes.get_mut(i) {
                    *x = b;
                }
            }
            _ => {
                let j = (i + usize::from(b)) % bytes.len();
                bytes.swap(i, j);
            }
        }
    }
    bytes.truncate(truncate.min(bytes.len()));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn check(src: &str, is_module: bool) {
    let options = CompileOptions {
        is_module,
        ..CompileOptions::default()
    };
    match compile(src, "p.js", &options) {
        Ok(p) => {
            assert!(!p.functions.is_empty());
            for f in &p.functions {
                assert_eq!(f.code.len(), f.positions.len());
            }
        }
        Err(d) => {
            assert!(!d.0.is_empty());
            let _ = d.render(src);
            let _ = d.to_string();
        }
    }
}

#[test]
fn samples_compile() {
    for s in SAMPLES {
        if let Err(d) = compile(s, "p.js", &CompileOptions::default()) {
            panic!("{}", d.render(s));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(src in "\\PC{0,200}", is_module in any::<bool>()) {
        check(&src, is_module);
    }

    #[test]
    fn js_like_strings_never_panic(src in "[ a-z0-9(){}\\[\\];,.=+*/!?:`'\"$<>&|%\n-]{0,200}") {
        check(&src, false);
    }

    #[test]
    fn mutated_samples_never_panic(
        which in 0..SAMPLES.len(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
        truncate in any::<usize>(),
        is_module in any::<bool>(),
    ) {
        let sample = SAMPLES.get(which).copied().unwrap_or_default();
        let src = mutate(sample, &edits, truncate % (sample.len() + 1) + if truncate % 2 == 0 { sample.len() } else { 0 });
        check(&src, is_module);
    }
}
