#!/usr/bin/env bash
# Saring's one entry point.
#
#   ./build.sh          set up what is missing, then build everything
#   ./build.sh test     set up, build, and run every test the project has
#   ./build.sh serve [PORT]  serve dist/www on http://127.0.0.1:PORT (default 8080)
#   ./build.sh bundle   re-import data/hoaxes/*.csv and rebuild the compiled default bundle
#   ./build.sh lint     web-ext lint of dist/firefox (also part of ./build.sh test)
#   ./build.sh bench    build, run every benchmark, write target/bench/summary.json and
#                       BENCHMARKS.md's generated section (SARING_BENCH_QUICK=1: fewer runs)
#   ./build.sh help     this text
#
# Set-up is idempotent: a fresh machine needs only the Rust toolchain (rustup); everything
# else is installed here the first time and found again the next.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $* (install it by hand, or run as root)"; fi
}

apt_install() {
  log "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

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
  command -v python3 >/dev/null || apt_install python3
  command -v node >/dev/null || apt_install nodejs
  command -v npm >/dev/null || apt_install npm
  if command -v rustup >/dev/null && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    log "adding the rust-src component (the JavaScript fallback rebuilds std)"
    rustup component add rust-src
  fi
  node_tools
  if ! command -v wasm-pack >/dev/null; then
    log "installing wasm-pack (cargo install, a few minutes the first time)"
    cargo install wasm-pack --locked
  fi
}

# Browsers, their drivers and Node.js, for the browser tests only.
setup_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  if ! command -v geckodriver >/dev/null; then
    log "installing geckodriver (cargo install, a minute or two the first time)"
    cargo install geckodriver --locked
  fi
  node_tools
}

# The Node tools of tests/e2e/package-lock.json (binaryen's wasm2js for the build; playwright-core
# and web-ext for the tests), installed with npm ci when any of them is missing.
node_tools() {
  if [ ! -x tests/e2e/node_modules/binaryen/bin/wasm2js ] || [ ! -d tests/e2e/node_modules/playwright-core ] \
    || [ ! -x tests/e2e/node_modules/.bin/web-ext ] || [ ! -f tests/e2e/node_modules/mark.js/dist/mark.min.js ]; then
    log "installing the Node tools (npm ci in tests/e2e: binaryen, playwright-core, web-ext, mark.js)"
    npm ci --prefix tests/e2e --no-audit --no-fund
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

# binaryen's wasm-opt from npm (wasm-pack's own download fails offline, and Debian's is too old).
WASM_OPT=tests/e2e/node_modules/binaryen/bin/wasm-opt

# The wasm-bindgen CLI of exactly the version in Cargo.lock, as wasm-pack installed it.
wasm_bindgen_cli() {
  local bindgen version
  version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
  bindgen=$(find "$HOME/.cache/.wasm-pack" -path "*$version*" -name wasm-bindgen -type f -perm -u+x 2>/dev/null | head -n1)
  [ -n "$bindgen" ] || die "wasm-bindgen not found in ~/.cache/.wasm-pack (wasm-pack build installs it)"
  printf '%s\n' "$bindgen"
}

# target/pkg-web: the core as an ES module (the pages, Chromium's content script). And
# target/pkg-classic: a second glue for the same saring_bg.wasm, as a classic script defining
# `wasm_bindgen` (wasm-bindgen --target no-modules, from the wasm wasm-pack just built), for
# Firefox's content script: Firefox resolves import() there against the page, and AMO's linter
# rejects an import() of a computed URL. Half a second, no second compile; the wasm must be
# byte-identical to pkg-web's as wasm-pack built it (wasm-opt runs afterwards, on that one file).
build_wasm() {
  log "building the core for wasm32-unknown-unknown (wasm-pack, --target web)"
  wasm-pack --log-level warn build --release --target web --out-dir target/pkg-web \
    --out-name saring --no-pack --no-typescript . -- --locked
  log "generating the classic-script glue for Firefox's content script (wasm-bindgen --target no-modules)"
  local bindgen
  bindgen=$(wasm_bindgen_cli)
  rm -rf target/pkg-classic
  "$bindgen" --target no-modules --out-dir target/pkg-classic --out-name saring --no-typescript \
    target/wasm32-unknown-unknown/release/saring.wasm
  cmp -s target/pkg-classic/saring_bg.wasm target/pkg-web/saring_bg.wasm \
    || die "target/pkg-classic/saring_bg.wasm differs from target/pkg-web/saring_bg.wasm: Firefox's classic glue would not match the wasm it ships with"
  rm target/pkg-classic/saring_bg.wasm
  # -O3 rather than -Oz: the module is mostly the compiled bundle's data, so -Oz saved only
  # 3 KB more (1,688,488 against 1,691,697 bytes; 1,853,257 before wasm-opt) while -O3 checks
  # fastest (BENCHMARKS.md). wasm-opt also drops the name section.
  log "optimising the wasm (wasm-opt -O3)"
  "$WASM_OPT" -O3 target/pkg-web/saring_bg.wasm -o target/pkg-web/saring_bg.opt.wasm
  mv target/pkg-web/saring_bg.opt.wasm target/pkg-web/saring_bg.wasm
}

# The same core compiled to JavaScript, for pages whose CSP forbids WebAssembly (Chromium
# refuses to compile it in a content script there). An MVP wasm (std rebuilt without
# reference types, which wasm2js cannot read), wasm-bindgen for bundlers, binaryen's wasm2js,
# and a fix to the glue: wasm2js grows memory by replacing its ArrayBuffer without detaching
# the old one, so the glue must compare buffers rather than test for a detached one.
# Made small for the Chromium package: only the content script loads it, so the exports of
# `Checker` (the pages' API: HTML extraction, the bundle index) are dropped before wasm-opt
# -Oz removes what only they used; wasm2js -Oz; and its indentation (a third of the file) goes.
build_wasm_js() {
  log "building the JavaScript fallback of the core (wasm2js)"
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Ctarget-cpu=mvp" cargo build --locked --lib --release \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort --target-dir target/mvp
  local bindgen
  bindgen=$(wasm_bindgen_cli)
  rm -rf target/pkg-js
  "$bindgen" --target bundler --out-dir target/pkg-js --out-name saring --no-typescript \
    target/mvp/wasm32-unknown-unknown/release/saring.wasm
  "$WASM_OPT" --remove-exports='checker_*' -Oz target/pkg-js/saring_bg.wasm -o target/pkg-js/saring_bg.opt.wasm
  tests/e2e/node_modules/binaryen/bin/wasm2js -Oz target/pkg-js/saring_bg.opt.wasm -o target/pkg-js/saring_bg.wasm.js
  # wasm2js writes no multi-line strings or templates: leading blanks are only indentation.
  sed -i 's/^[[:blank:]]*//' target/pkg-js/saring_bg.wasm.js
  # The data segments (mostly the compiled bundle) as strings of one char per byte instead of
  # base64: base64 hides the bundle's repetitions from the zip's deflate (509 against 380 KB).
  python3 - target/pkg-js/saring_bg.wasm.js <<'PY'
import base64, re, sys
path = sys.argv[1]
js = open(path, encoding="utf-8").read()
call = re.compile(r'base64DecodeToExistingUint8Array\(bufferView, (\d+), "([A-Za-z0-9+/=]*)"\);')
esc = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r"}
def latin1(m):
    s = base64.b64decode(m.group(2)).decode("latin-1").translate(esc)
    return f'latin1ToExistingUint8Array(bufferView, {m.group(1)}, "{s}");'
js, n = call.subn(latin1, js)
if n == 0:
    sys.exit("no data segments found in the wasm2js output")
helper = ("function latin1ToExistingUint8Array(uint8Array, offset, s) {\n"
          "for (var i = 0; i < s.length; i++) uint8Array[offset + i] = s.charCodeAt(i);\n}\n")
js = js.replace("function initActiveSegments(imports) {", helper + "function initActiveSegments(imports) {", 1)
open(path, "w", encoding="utf-8").write(js)
PY
  sed -i 's|"./saring_bg.wasm"|"./saring_bg.wasm.js"|' target/pkg-js/saring.js
  sed -i -E 's/(cached[A-Za-z0-9]+Memory0)\.byteLength === 0/\1.buffer !== wasm.memory.buffer/g' target/pkg-js/saring_bg.js
  sed -i 's/cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined \&\& cachedDataViewMemory0.buffer !== wasm.memory.buffer)/cachedDataViewMemory0.buffer !== wasm.memory.buffer/' target/pkg-js/saring_bg.js
  grep -q 'buffer !== wasm.memory.buffer' target/pkg-js/saring_bg.js || die "could not patch the wasm2js glue"
  rm target/pkg-js/saring_bg.wasm target/pkg-js/saring_bg.opt.wasm
}

# dist/www: the checker page and the bundle browser with the wasm module in pkg/.
build_www() {
  log "assembling dist/www"
  rm -rf dist/www
  mkdir -p dist/www/pkg
  cp www/*.html www/*.js www/*.css dist/www/
  cp target/pkg-web/saring.js target/pkg-web/saring_bg.wasm dist/www/pkg/
}

# dist/chromium and dist/firefox: one extension source, two manifests, plus zips.
build_extension() {
  [ -f extension/manifest.json ] || return 0
  log "assembling dist/chromium and dist/firefox"
  python3 - <<'PY'
import json, os, shutil, zipfile
src, pkg = "extension", "target/pkg-web"
base = json.load(open(os.path.join(src, "manifest.json")))
ff_path = os.path.join(src, "manifest.firefox.json")
ff = json.load(open(ff_path)) if os.path.exists(ff_path) else {}
for browser, manifest in (("chromium", base), ("firefox", {**base, **ff})):
    out = os.path.join("dist", browser)
    shutil.rmtree(out, ignore_errors=True)
    # *.chromium.* / *.firefox.* (scripts, styles) go to that browser's package only.
    other = "firefox" if browser == "chromium" else "chromium"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("manifest*.json", "README.md", "*.test.*", "screenshots", f"*.{other}.*"))
    os.makedirs(os.path.join(out, "pkg"), exist_ok=True)
    for f in ("saring.js", "saring_bg.wasm"):
        shutil.copy(os.path.join(pkg, f), os.path.join(out, "pkg", f))
    if browser == "chromium" and os.path.isdir("target/pkg-js"):
        shutil.copytree("target/pkg-js", os.path.join(out, "pkg-js"), ignore=shutil.ignore_patterns(".gitignore"))
    if browser == "firefox":
        # The classic-script glue for the same saring_bg.wasm (see build_wasm).
        shutil.copy("target/pkg-classic/saring.js", os.path.join(out, "pkg", "saring-classic.js"))
    for cs in manifest.get("content_scripts", []):
        for f in cs.get("js", []) + cs.get("css", []):
            if not os.path.isfile(os.path.join(out, f)):
                raise SystemExit(f"build.sh: {browser}: the content script {f} is not in {out}")
    with open(os.path.join(out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    with zipfile.ZipFile(os.path.join("dist", f"saring-{browser}.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for root, _, files in sorted(os.walk(out)):
            for name in sorted(files):
                path = os.path.join(root, name)
                z.write(path, os.path.relpath(path, out))
PY
}

# addons.mozilla.org's own linter (web-ext lint) on the Firefox package: a warning fails like an
# error. Offline (no update check of web-ext itself); not --self-hosted, so that the package stays
# fit for addons.mozilla.org.
lint_firefox() {
  log "web-ext lint dist/firefox (warnings are errors)"
  NO_UPDATE_NOTIFIER=1 tests/e2e/node_modules/.bin/web-ext lint --source-dir dist/firefox \
    --warnings-as-errors --no-config-discovery
}

build_all() {
  setup
  build_native
  build_wasm
  build_wasm_js
  build_www
  build_extension
  log "done: target/release/saring, dist/www (./build.sh serve), dist/chromium, dist/firefox"
}

# Every benchmark: criterion (bundle load, check throughput), the interleaved scaling ratios,
# the browser (the extension's content script, the wasm core, mark.js side by side), then
# target/bench/summary.json, docs/bench-scaling.png and the generated part of BENCHMARKS.md.
# Not part of `test`: timings are not pass/fail.
run_bench() {
  build_all
  command -v chromium >/dev/null || apt_install chromium
  mkdir -p target/bench
  log "benchmark inputs (target/bench/inputs)"
  cargo run --release --locked --example bench_inputs -- target/bench/inputs
  log "native benchmarks (cargo bench: bundle load, check throughput, scaling)"
  cargo bench --locked --bench bundle --bench check --bench scaling
  log "browser benchmarks (headless Chromium)"
  node tests/e2e/bench-load.mjs > target/bench/load.json
  node tests/e2e/bench-scan.mjs > target/bench/scan.json
  QUICK="${SARING_BENCH_QUICK:-}" node tests/e2e/bench-browser.mjs
  log "summary, chart and BENCHMARKS.md"
  node tests/e2e/bench-report.mjs
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
  build_wasm_js
  build_www
  build_extension
  lint_firefox
  log "cargo test (unit, integration, golden, property, doc tests)"
  cargo test --locked --release
  setup_browsers
  log "page scanner and hostile-page tests in headless Chromium (wasm-bindgen-test)"
  env -u GECKODRIVER CHROMEDRIVER="$(command -v chromedriver)" \
    wasm-pack --log-level warn test --headless --chrome --release . --test web --test web_bounds --locked
  log "page scanner and hostile-page tests in headless Firefox (wasm-bindgen-test)"
  GECKODRIVER="$(command -v geckodriver)" \
    wasm-pack --log-level warn test --headless --firefox --release . --test web --test web_bounds --locked
  log "end-to-end tests in headless Chromium and Firefox (tests/e2e)"
  SARING_SERVE="$PWD/target/release/saring-serve" GECKODRIVER="$(command -v geckodriver)" \
    FIREFOX="$(command -v firefox-esr || command -v firefox)" npm test --prefix tests/e2e
  log "all tests passed"
}

case "${1:-build}" in
  build) build_all ;;
  test) run_tests ;;
  bundle) setup; build_native ;;
  bench) run_bench ;;
  serve)
    [ -f dist/www/index.html ] || build_all
    [ -x target/release/saring-serve ] || cargo build --release --locked --bin saring-serve
    exec ./target/release/saring-serve dist/www "${2:-8080}" ;;
  lint)
    node_tools
    [ -f dist/firefox/manifest.json ] || build_all
    lint_firefox ;;
  help|-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use: ./build.sh [build|test|serve [PORT]|bundle|lint|bench|help]" ;;
esac
