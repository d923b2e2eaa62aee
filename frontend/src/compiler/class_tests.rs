//! Classes (ECMA-262 §15.7), `super` and `new.target`, end to end. Expected outputs are
//! Node's (v22).

use super::run_tests::log;

#[test]
fn scratch() {
    let src = std::fs::read_to_string("/tmp/cls/t1.js").unwrap();
    for l in log(&src) {
        println!("{l}");
    }
}
