#!/usr/bin/env bash
# Saring's one entry point.
#
#   ./build.sh          set up what is missing, then build everything
#   ./build.sh test     set up, build, and run every test the project has
#   ./build.sh bundle   re-import data/hoaxes/*.csv and rebuild the compiled default bundle
#   ./build.sh help     this text
#
# Set-up is idempotent: a fresh machine needs only the Rust toolchain (rustup); everything
# else is installed here the first time and found again the next.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 2; }

setup() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
  if command -v rustup >/dev/null; then
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      log "adding the wasm32-unknown-unknown target"
      rustup target add wasm32-unknown-unknown
    fi
    for comp in rustfmt clippy; do
      if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
        log "adding the $comp component"
        rustup component add "$comp"
      fi
    done
  fi
}

build_native() {
  log "building the saring CLI (release)"
  cargo build --release --locked
  log "importing the hoax lists (data/hoaxes/*.csv -> data/hoaxes.json)"
  ./target/release/saring bundle import
  log "compiling the default bundle from data/*.json"
  local before after
  before=$(sha256sum data/compiled/default.bundle 2>/dev/null | cut -d' ' -f1 || true)
  ./target/release/saring bundle build
  after=$(sha256sum data/compiled/default.bundle | cut -d' ' -f1)
  if [ "$before" != "$after" ]; then
    log "bundle changed: rebuilding the CLI with it"
    cargo build --release --locked
  fi
}

build_wasm() {
  log "building the core for wasm32-unknown-unknown"
  cargo build --release --locked --lib --target wasm32-unknown-unknown
}

build_all() {
  setup
  build_native
  build_wasm
  log "done: target/release/saring"
}

run_tests() {
  setup
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy --all-targets -- -D warnings"
  cargo clippy --locked --all-targets -- -D warnings
  log "cargo clippy (wasm32 library) -- -D warnings"
  cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
  log "building the saring CLI (release)"
  cargo build --release --locked
  log "the committed hoax import matches data/hoaxes/*.csv"
  ./target/release/saring bundle import --check \
    || die "data/hoaxes.json is stale: run ./build.sh bundle and commit it"
  log "the committed compiled bundle matches data/*.json"
  ./target/release/saring bundle build --check \
    || die "data/compiled/ is stale: run ./build.sh bundle and commit it"
  build_wasm
  log "cargo test (unit, integration, golden, property, doc tests)"
  cargo test --locked --release
  log "all tests passed"
}

case "${1:-build}" in
  build) build_all ;;
  test) run_tests ;;
  bundle) setup; build_native ;;
  help|-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use: ./build.sh [build|test|bundle|help]" ;;
esac
