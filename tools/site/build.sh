#!/usr/bin/env bash
# Builds the site into target/site/ (web/README.md):
#   target/site/index.html   links the two
#   target/site/book/        the specification (mdBook over a copy of spec/, with a generated
#                            page listing the litmus tests, each opening in the playground)
#   target/site/play/        the playground (web/site/ + the model as WebAssembly)
# Installs what it needs when missing: the wasm32 target (rustup), wasm-bindgen-cli at the
# exact version of the wasm-bindgen crate in Cargo.lock, mdbook (cargo install).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
SITE=$ROOT/target/site
MDBOOK_VERSION=0.5.4

# 1. Tools.
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (the wasm-bindgen crate's version)"
  # --locked first; its lock file can name a dependency version the registry no longer
  # serves, then the newest compatible versions are resolved.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! command -v mdbook >/dev/null; then
  echo "installing mdbook $MDBOOK_VERSION"
  # Without the `serve` and `watch` features (tokio, axum, notify): 472 s against 822 s
  # with them, measured on this 2-core machine while it was busy.
  cargo install mdbook --version "$MDBOOK_VERSION" --locked --no-default-features --features search ||
    cargo install mdbook --version "$MDBOOK_VERSION" --no-default-features --features search
fi

rm -rf "$SITE"
mkdir -p "$SITE/play" "$SITE/book"

# 2. The model as WebAssembly.
cargo build -q -p evloop-wasm --target wasm32-unknown-unknown --release
wasm-bindgen --target web --no-typescript --out-dir "$SITE/play/pkg" \
  "$TARGET/wasm32-unknown-unknown/release/evloop_wasm.wasm"

# 3. The book: spec/ copied, the litmus page added to it and to the summary.
BOOK_SRC=$ROOT/target/site-src/spec
rm -rf "$ROOT/target/site-src"
mkdir -p "$ROOT/target/site-src"
cp -r spec "$BOOK_SRC"
node tools/site/gen.js book-page "$BOOK_SRC/litmus-playground.md"
awk '/^\[Changelog\]/ { print "- [Litmus tests in the playground](litmus-playground.md)\n" } { print }' \
  spec/SUMMARY.md > "$BOOK_SRC/SUMMARY.md"
mdbook build "$BOOK_SRC" -d "$SITE/book" >/dev/null

# 4. The playground: the page, its examples, the step-through viewer of evloop explain.
cp web/site/index.html web/site/app.js web/site/worker.js web/site/style.css "$SITE/play/"
cp explain/assets/viewer.js explain/assets/viewer.css "$SITE/play/"
node tools/site/gen.js examples "$SITE/play/examples.js"

# 5. The front page.
cp web/site/front.html "$SITE/index.html"

wasm_bytes=$(stat -c %s "$SITE/play/pkg/evloop_wasm_bg.wasm")
echo "site: $SITE (wasm $((wasm_bytes / 1024)) KiB)"
