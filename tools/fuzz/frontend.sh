#!/usr/bin/env bash
# Fuzzes the frontend (JS source → IR with diagnostics, then a bounded model run) with
# cargo-fuzz: the `compile` target from the committed corpus (fuzz/seeds/compile), then the
# `litmus_mutated` target from spec/litmus/*.js, each for SECONDS (default 60).
# Both use fuzz/js.dict (keywords, operators, the hosts' API names) for mutations.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). A crash is left in
# fuzz/artifacts/TARGET/; copy it to fuzz/regressions/ with the fix (tests/frontend_fuzz.rs
# replays that directory on stable). See tools/fuzz/README.md.
set -euo pipefail
secs="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/fuzz"
mkdir -p corpus/compile corpus/litmus_mutated
cp -n seeds/compile/* corpus/compile/ 2>/dev/null || true
# Not the litmus tests whose model run diverges: each spends the model's whole step budget
# (seconds under AddressSanitizer), which would only slow the fuzzer down.
for f in "$root"/spec/litmus/*.js; do
  grep -q 'status: diverged' "$f" || cp -n "$f" corpus/litmus_mutated/
done
status=0
for target in compile litmus_mutated; do
  echo "== cargo fuzz run $target (${secs} s)"
  # -timeout: an input slower than 30 s is a finding (the model run is bounded, but one step
  # may take the whole step budget: 2 000 000 instructions, seconds under AddressSanitizer).
  rc=0
  cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 -max_len=4096 \
    -print_final_stats=1 -dict=js.dict >"corpus/$target.log" 2>&1 || rc=$?
  grep -E '^#[0-9]+ +(INITED|DONE)|^stat::number_of_executed_units|^stat::average_exec_per_sec|ERROR|SUMMARY|panicked' \
    "corpus/$target.log" || true
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "== $target FAILED (exit $rc): see fuzz/corpus/$target.log and fuzz/artifacts/$target/"
  fi
done
exit "$status"
