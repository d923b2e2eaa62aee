//! What the compiler's end-to-end tests share: running a program on the HTML host.

use std::sync::Arc;

use evloop_model::{Host, Setup, State};

use crate::{CompileOptions, compile};

/// The console lines `src` logs on the HTML host, then its uncaught errors.
pub(super) fn log(src: &str) -> Vec<String> {
    let p = compile(src, "t.js", &CompileOptions::default()).expect("compiles");
    let st = State::new(Arc::new(p), Host::Html, &Setup::default());
    st.log
        .iter()
        .cloned()
        .chain(st.errors.iter().cloned())
        .collect()
}
