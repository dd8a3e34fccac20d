//! Bad and hostile bundle files (`tests/fixtures/bad-bundles/`): each is refused with a
//! message naming the file, the JSON path and the problem — by `saring bundle check`, by
//! `saring check --bundle` and by the library — or, for markup in a text, loaded and shown as
//! plain text. A refused bundle changes nothing: the bundles already loaded keep working
//! exactly as before. Text from a page or a bundle cannot drive the terminal.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use saring::bundle::MAX_BUNDLE_BYTES;
use saring::{CheckOptions, Engine, Verdict};

const BIN: &str = env!("CARGO_BIN_EXE_saring");
const DIR: &str = "tests/fixtures/bad-bundles";

/// The real review in `valid.json`, and a sentence repeating it.
const HOAX_ID: &str = "uji-thx-2023-09-11-rizal-ramli";
const HOAX_SENTENCE: &str = "Beredar kabar Rizal Ramli ditindak Densus 88 kemarin.";
/// A hoax of the default bundle.
const DEFAULT_HOAX: &str = "KPU Temukan Bukti Vital Kecurangan Gibran di Debat Cawapres";

/// Each bad fixture: the JSON path of its problem, and words the message must hold.
const BAD: &[(&str, &str, &[&str])] = &[
    (
        "malformed.json",
        "$",
        &["not valid JSON at line 14, column 7", "missing comma"],
    ),
    ("truncated.json", "$", &["not valid JSON", "cut short"]),
    ("empty.json", "$", &["the file is empty"]),
    (
        "not-an-object.json",
        "$",
        &["is a JSON array, not an object"],
    ),
    (
        "wrong-version.json",
        "$.schema_version",
        &["is 2", "reads only version 1"],
    ),
    (
        "missing-version.json",
        "$.schema_version",
        &["missing", "\"schema_version\": 1"],
    ),
    (
        "duplicate-ids.json",
        "$.debunked[1].id",
        &[
            "\"uji-thx-2023-09-11-rizal-ramli\" is used twice",
            "here and at $.debunked[0].id",
        ],
    ),
    (
        "duplicate-key.json",
        "$",
        &["duplicate field `debunked`", "only once"],
    ),
    (
        "unknown-field.json",
        "$.debunked[0].claim_reviwed",
        &["unknown field `claim_reviwed`"],
    ),
    (
        "missing-reference.json",
        "$.debunked[0].reviewer",
        &["\"redaksi-yang-tidak-ada\"", "no loaded bundle defines"],
    ),
    (
        "javascript-url.json",
        "$.debunked[0].url",
        &["is a javascript: address", "only http(s) links"],
    ),
    (
        "data-url.json",
        "$.sources[0].url",
        &["is a data: address", "only http(s) links"],
    ),
    (
        "citation-file-url.json",
        "$.facts[0].citations[0].url",
        &["\"file:///etc/passwd\" is a file: address"],
    ),
    (
        "control-characters.json",
        "$.debunked[0].claim_reviewed",
        &["control character U+001B", "plain text"],
    ),
    (
        "long-text.json",
        "$.debunked[0].variants[0]",
        &["19200 bytes", "at most 16384 bytes"],
    ),
    (
        "huge-array.json",
        "$.debunked[0].variants",
        &["1001 items", "at most 1000"],
    ),
    ("deep-nesting.json", "$", &["nested too deeply"]),
];

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "exit {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn run(args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the saring binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("saring runs");
    writer.join().expect("the writer finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn read_fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "saring-bad-bundles-{tag}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("the temp dir can be created");
        TempDir(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0
            .join(name)
            .to_str()
            .expect("temp paths are UTF-8")
            .to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

#[test]
fn every_fixture_is_listed_in_the_readme() {
    let readme = read_fixture("README.md");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    for entry in std::fs::read_dir(&dir).expect("the fixture dir") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".json") {
            assert!(
                readme.contains(&format!("`{name}`")),
                "{name} is not described in {DIR}/README.md"
            );
        }
    }
}

#[test]
fn bundle_check_names_the_file_the_path_and_the_problem() {
    for (name, path, words) in BAD {
        let file = fixture(name);
        let r = run(&["bundle", "check", &file], "");
        assert_eq!(r.code, Some(2), "{name}: {}", r.describe());
        let first = r.stdout.lines().next().unwrap_or_default();
        let prefix = format!("{file}: at {path}: ");
        assert!(
            first.starts_with(&prefix),
            "{name}: expected {prefix:?}…; {}",
            r.describe()
        );
        for w in *words {
            assert!(first.contains(w), "{name}: {w:?} missing; {}", r.describe());
        }
        assert_eq!(
            r.stderr, "saring: 1 of 1 bundle files are invalid (problems listed above)\n",
            "{name}"
        );
    }
}

#[test]
fn check_with_a_bad_bundle_stops_with_its_problem_on_one_line() {
    for (name, path, words) in BAD {
        let file = fixture(name);
        let r = run(&["check", "--bundle", &file], HOAX_SENTENCE);
        assert_eq!(r.code, Some(2), "{name}: {}", r.describe());
        assert!(r.stdout.is_empty(), "{name}: {}", r.describe());
        assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.describe());
        assert!(
            r.stderr
                .starts_with(&format!("saring: {file}: at {path}: ")),
            "{name}: {}",
            r.describe()
        );
        for w in *words {
            assert!(r.stderr.contains(w), "{name}: {w:?}; {}", r.describe());
        }
    }
}

#[test]
fn a_bundle_that_is_not_utf8_is_refused() {
    let file = fixture("not-utf8.json");
    for args in [
        vec!["bundle", "check", file.as_str()],
        vec!["check", "--bundle", file.as_str()],
    ] {
        let r = run(&args, HOAX_SENTENCE);
        assert_eq!(r.code, Some(2), "{}", r.describe());
        assert_eq!(
            r.stderr,
            format!("saring: {file} is not valid UTF-8 (at byte 389); convert it to UTF-8 first\n")
        );
    }
}

#[test]
fn the_valid_fixture_loads_and_its_hoax_is_debunked() {
    let file = fixture("valid.json");
    let r = run(&["bundle", "check", &file], "");
    assert_eq!(r.code, Some(0), "{}", r.describe());
    assert_eq!(
        r.stdout,
        format!("{file}: ok — 0 facts, 1 debunked claims, 0 sources, 0 entities\n")
    );
    let r = run(
        &["check", "--format", "json", "--bundle", &file],
        HOAX_SENTENCE,
    );
    assert_eq!(r.code, Some(0), "{}", r.describe());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let c = &v["inputs"][0]["claims"][0];
    assert_eq!(c["verdict"], "debunked", "{}", r.stdout);
    assert_eq!(c["hoax_id"], HOAX_ID);
}

#[test]
fn a_100_mb_bundle_is_refused_from_its_size_before_it_is_read() {
    let dir = TempDir::new("big");
    let big = dir.path("besar.json");
    // Sparse: 100 MB on paper, nothing on disk; reading it would take seconds and the memory.
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(100 * 1024 * 1024).expect("set_len");
    drop(f);
    for args in [
        vec!["bundle", "check", big.as_str()],
        vec!["check", "--bundle", big.as_str()],
    ] {
        let started = std::time::Instant::now();
        let r = run(&args, HOAX_SENTENCE);
        assert_eq!(r.code, Some(2), "{}", r.describe());
        let expected = format!(
            "{big}: at $: the file is 100 MiB; bundles are limited to 16 MiB — split it into several files"
        );
        assert!(
            r.stdout.contains(&expected) || r.stderr.contains(&expected),
            "{}",
            r.describe()
        );
        // Generous: refusing from the metadata takes milliseconds; reading and parsing 100 MB
        // of zeros would take far longer on any machine.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }
}

#[cfg(unix)]
#[test]
fn an_endless_bundle_stream_is_cut_at_the_limit() {
    // A device has no size: the read itself stops after the limit.
    let r = run(&["check", "--bundle", "/dev/zero"], HOAX_SENTENCE);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert_eq!(
        r.stderr,
        "saring: /dev/zero: at $: the file holds more than 16 MiB; bundles are limited to that — split it into several files\n"
    );
}

#[test]
fn html_in_a_bundle_text_is_shown_as_text() {
    let file = fixture("html-in-text.json");
    let r = run(&["bundle", "check", &file], "");
    assert_eq!(r.code, Some(0), "{}", r.describe());
    // The reason quotes the claim as the bundle wrote it: verbatim, not rendered, not dropped.
    let r = run(&["check", "--bundle", &file, "--lang", "id"], HOAX_SENTENCE);
    assert_eq!(r.code, Some(0), "{}", r.describe());
    assert!(
        r.stdout
            .contains("<img src=x onerror=\"alert(1)\">Rizal Ramli Ditindak <b>Densus 88</b>"),
        "{}",
        r.describe()
    );
    let r = run(
        &["check", "--format", "json", "--bundle", &file],
        HOAX_SENTENCE,
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let c = &v["inputs"][0]["claims"][0];
    assert_eq!(c["verdict"], "debunked");
    assert!(
        c["reason"]["en"]
            .as_str()
            .unwrap_or_default()
            .contains("<a href=\"javascript:alert(1)\">Salah</a>"),
        "{c}"
    );
    // The only link is the review's own https address.
    assert_eq!(
        c["sources"][0]["url"],
        "https://turnbackhoax.id/2023/09/11/salah-rizal-ramli-ditindak-densus-88/"
    );
}

// ---------------------------------------------------------------------------------------------
// The terminal
// ---------------------------------------------------------------------------------------------

/// `saring::cli::run` in-process, with colour on as on a terminal.
fn run_in_process(args: &[&str], stdin: &str) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut input = std::io::Cursor::new(stdin.as_bytes().to_vec());
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = saring::cli::run(
        &args,
        &mut saring::cli::Io {
            stdin: &mut input,
            stdout: &mut out,
            stderr: &mut err,
            color: true,
        },
    );
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// The text with Saring's own colour codes removed.
fn without_own_colours(s: &str) -> String {
    let mut s = s.to_string();
    for code in [
        "\x1b[1m", "\x1b[0m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[35m",
    ] {
        s = s.replace(code, "");
    }
    s
}

#[track_caller]
fn assert_inert(s: &str) {
    let rest = without_own_colours(s);
    let bad: Vec<char> = rest
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(
        bad.is_empty(),
        "control characters reach the terminal: {bad:?}\n{rest}"
    );
}

#[test]
fn page_text_cannot_drive_the_terminal() {
    // A claim with a screen clear, a title change, a bell, a carriage return that would
    // overwrite the line, a C1 CSI and a right-to-left override.
    let page = "Pemungutan suara Pemilu 2024 digelar pada \x1b[2J\x1b]0;KPU\x07 15 Februari 2024.\r\
                \u{9b}31m\u{202E} Jumlah DPT Pemilu 2024 sebanyak 204.807.222 pemilih.\n";
    let (code, out, err) = run_in_process(&["check", "-"], page);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("BERTENTANGAN"), "{out}");
    assert!(
        out.contains("\u{241b}[2J\u{241b}]0;KPU\u{2407} 15 Februari 2024"),
        "escapes are shown as symbols: {out}"
    );
    assert_inert(&out);
}

#[test]
fn file_names_cannot_drive_the_terminal() {
    let dir = TempDir::new("names");
    let name = dir.path("halaman-\x1b[2J\x1b[31m.txt");
    std::fs::write(
        &name,
        "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.\n",
    )
    .expect("write");
    let (code, out, err) = run_in_process(&["check", &name], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("halaman-\u{241b}[2J\u{241b}[31m.txt"), "{out}");
    assert_inert(&out);
    // Errors name the file on one inert line too.
    let missing = dir.path("tidak-ada-\x1b[2J.json");
    let (code, _, err) = run_in_process(&["check", "--bundle", &missing], "");
    assert_eq!(code, 2);
    assert!(!err.contains('\x1b'), "{err:?}");
    let (code, out, _) = run_in_process(
        &["bundle", "check", &fixture("control-characters.json")],
        "",
    );
    assert_eq!(code, 2);
    assert_inert(&out);
}

#[test]
fn bundle_text_with_bidi_controls_cannot_reorder_the_report() {
    // Bidi embeddings are allowed in bundle texts (hoax narratives copied from social media
    // hold them), and dropped from what the terminal shows.
    let dir = TempDir::new("bidi");
    let json = read_fixture("valid.json").replace(
        "\"Rizal Ramli Ditindak Densus 88\"",
        "\"Rizal Ramli \\u202eDitindak\\u202c Densus 88 \\u2067x\\u2069\"",
    );
    let file = dir.path("bidi.json");
    std::fs::write(&file, json).expect("write");
    let (code, out, err) = run_in_process(&["check", "--bundle", &file, "-"], HOAX_SENTENCE);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Rizal Ramli Ditindak Densus 88 x"), "{out}");
    assert_inert(&out);
}

// ---------------------------------------------------------------------------------------------
// The library: a refused bundle changes nothing
// ---------------------------------------------------------------------------------------------

fn snapshot(e: &Engine) -> (Vec<(String, String)>, Vec<saring::Report>) {
    let bundles = e
        .bundles()
        .map(|c| (c.meta.id.clone(), c.hash.clone()))
        .collect();
    let reports = [HOAX_SENTENCE, DEFAULT_HOAX]
        .iter()
        .map(|t| e.check(t, &CheckOptions::default()))
        .collect();
    (bundles, reports)
}

#[test]
fn a_refused_bundle_leaves_the_loaded_ones_working_and_unchanged() {
    let mut engine = Engine::new().expect("the default bundle");
    engine
        .add_bundle_json("valid.json", &read_fixture("valid.json"))
        .expect("the valid fixture loads");
    let before = snapshot(&engine);
    assert_eq!(before.0.len(), 2);
    assert_eq!(before.1[0].claims[0].verdict, Verdict::Debunked);
    assert_eq!(before.1[0].claims[0].hoax_id.as_deref(), Some(HOAX_ID));
    assert_eq!(before.1[1].claims[0].verdict, Verdict::Debunked);

    let mut refused: Vec<(String, String)> = BAD
        .iter()
        .map(|(name, _, _)| (name.to_string(), read_fixture(name)))
        .collect();
    refused.push(("big.json".into(), " ".repeat(MAX_BUNDLE_BYTES + 1)));
    // The valid file again with a duplicate of one of its own ids is bad only together with
    // itself; loading it twice is allowed (two bundles), so it is not in this list.
    for (name, json) in &refused {
        let errs = engine
            .add_bundle_json(name, json)
            .expect_err("a bad bundle is refused");
        assert!(!errs.is_empty());
        assert!(errs.iter().all(|e| e.file == *name), "{errs:?}");
        assert_eq!(snapshot(&engine), before, "{name} changed the engine");
    }
}
