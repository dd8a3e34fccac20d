//! Integration tests for the `saring` command line: every point of the contract in
//! `src/cli.rs` (formats, inputs, HTML, bundles, exit statuses and error messages), run
//! against the real binary with piped standard streams.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_saring");

/// Contradicts the official voting day (14 February 2024).
const CONTRADICTED: &str = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.";
/// Agrees with the official voting day.
const VERIFIED: &str = "Pemungutan suara Pemilu 2024 digelar pada 14 Februari 2024.";
/// Numbers and dates, but nothing about elections.
const FOOTBALL: &str = "Persib menang 2-1 atas Persija di partai final Liga 1 pada 14 Februari 2024 \
                        di depan 30.000 penonton.";
const WEATHER: &str = "BMKG memperkirakan hujan lebat hingga 50 mm turun di Jakarta pada 14 Februari \
                       2024, dengan suhu 24-31 derajat Celsius dan kelembapan 90 persen.";

const FIXTURE_000: &str = "tests/fixtures/000_79dca809346a6dbc.txt";
const FIXTURE_004: &str = "tests/fixtures/004_427392cf7a2454fe.txt";
const HTML_FIXTURE: &str = "tests/fixtures/cli/hidden_claims.html";

/// The hoax of the extra bundle written by [`valid_bundle`], and a sentence repeating it.
const HOAX_ID: &str = "uji-hoaks-kotak-besi";
const HOAX_SOURCE: &str = "Cek Fakta Uji";
const HOAX_URL: &str = "https://cekfakta-uji.example.org/2024/01/20/kotak-besi";
const HOAX_SENTENCE: &str = "Menurut pesan berantai, Bawaslu sudah mengganti semua kotak suara \
                             kardus di TPS dengan kotak suara besi bergembok milik partai.";

const VERDICTS: [&str; 4] = ["verified", "contradicted", "debunked", "unverified"];

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

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

    /// Exit status 0 and nothing on stderr.
    fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "expected success; {}", self.describe());
        assert!(
            self.stderr.is_empty(),
            "expected an empty stderr; {}",
            self.describe()
        );
        self
    }

    /// The one JSON document on stdout.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not exactly one JSON document ({e}); {}",
                self.describe()
            )
        })
    }
}

enum Env<'a> {
    Set(&'a str, &'a str),
    Remove(&'a str),
}

fn run_env(args: &[&str], stdin: &[u8], env: &[Env<'_>]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for e in env {
        match e {
            Env::Set(k, v) => {
                cmd.env(k, v);
            }
            Env::Remove(k) => {
                cmd.env_remove(k);
            }
        }
    }
    let mut child = cmd.spawn().expect("the saring binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Write from another thread: the CLI may answer (jsonl) before it has read everything.
    let writer = std::thread::spawn(move || {
        // The CLI may exit without reading (a usage error): a broken pipe is fine.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("saring runs to completion");
    writer.join().expect("the stdin writer thread finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Run {
    run_env(args, stdin, &[])
}

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "saring-cli-test-{tag}-{}-{}-{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("the temp dir can be created");
        TempDir(dir)
    }

    /// Writes `name` and returns its full path as a string.
    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, content).expect("the temp file can be written");
        p.to_str().expect("temp paths are UTF-8").to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

/// Exit status 2 with exactly one line on stderr that is not a panic and mentions `needles`.
fn assert_input_error(r: &Run, needles: &[&str]) {
    assert_eq!(r.code, Some(2), "expected exit status 2; {}", r.describe());
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("RUST_BACKTRACE"),
        "the CLI panicked; {}",
        r.describe()
    );
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected exactly one line on stderr; {}",
        r.describe()
    );
    assert!(
        !lines[0].trim().is_empty(),
        "the error line is empty; {}",
        r.describe()
    );
    for n in needles {
        assert!(
            r.stderr.contains(n),
            "stderr should mention {n:?}; {}",
            r.describe()
        );
    }
}

/// [`assert_input_error`] for `check`, which must not print half a report.
fn assert_check_error(r: &Run, needles: &[&str]) {
    assert_input_error(r, needles);
    assert!(
        r.stdout.is_empty(),
        "a failed check printed a report; {}",
        r.describe()
    );
}

fn no_ansi(r: &Run) {
    assert!(
        !r.stdout.contains("\x1b[") && !r.stderr.contains("\x1b["),
        "ANSI escapes in piped output; {}",
        r.describe()
    );
}

fn utf16_len(s: &str) -> u64 {
    s.encode_utf16().count() as u64
}

fn num(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key:?} should be a non-negative integer in {v}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key:?} should be a string in {v}"))
}

/// Checks every claim of the contract's CLAIM shape against `text`, the checked text.
fn assert_claims_valid(text: &str, claims: &[Value]) {
    let mut prev_end = 0u64;
    for c in claims {
        let obj = c.as_object().expect("a claim is a JSON object");
        let (start, end) = (num(c, "start"), num(c, "end"));
        assert!(start <= end, "start > end in {c}");
        assert!(end as usize <= text.len(), "claim ends past the text: {c}");
        let (s, e) = (start as usize, end as usize);
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "offsets not on char boundaries: {c}"
        );
        assert_eq!(
            &text[s..e],
            str_of(c, "text"),
            "text[start..end] differs from the claim text"
        );
        assert_eq!(
            num(c, "start_utf16"),
            utf16_len(&text[..s]),
            "start_utf16 of {c}"
        );
        assert_eq!(
            num(c, "end_utf16"),
            utf16_len(&text[..e]),
            "end_utf16 of {c}"
        );
        assert!(
            start >= prev_end,
            "claims overlap or are out of order at {c}"
        );
        prev_end = end;

        let verdict = str_of(c, "verdict");
        assert!(VERDICTS.contains(&verdict), "unknown verdict in {c}");
        let conf = c["confidence"]
            .as_f64()
            .unwrap_or_else(|| panic!("confidence should be a number in {c}"));
        assert!(
            (0.0..=1.0).contains(&conf),
            "confidence out of [0,1] in {c}"
        );
        assert!(
            !str_of(&c["reason"], "id").is_empty() && !str_of(&c["reason"], "en").is_empty(),
            "reason needs id and en text: {c}"
        );
        let sources = c["sources"].as_array().expect("sources is an array");
        for s in sources {
            let so = s.as_object().expect("a source is an object");
            assert!(so.get("name").is_some_and(Value::is_string), "source {s}");
            for k in ["url", "date"] {
                assert!(
                    so.get(k).is_some_and(|v| v.is_string() || v.is_null()),
                    "source {s} needs {k:?} (a string or null)"
                );
            }
        }
        for k in ["official_value", "fact_id", "hoax_id"] {
            if let Some(v) = obj.get(k) {
                assert!(
                    v.is_string() || v.is_null(),
                    "{k:?} should be a string: {c}"
                );
            }
        }
    }
}

/// Checks one element of `inputs` against the text it was made from and returns its claims.
fn checked_input<'a>(input: &'a Value, name: Option<&str>, text: &str) -> &'a [Value] {
    if let Some(name) = name {
        assert_eq!(str_of(input, "input"), name, "input name");
    } else {
        assert!(input["input"].is_string(), "input name in {input}");
    }
    assert_eq!(num(input, "text_len"), text.len() as u64, "text_len");
    let claims = input["claims"].as_array().expect("claims is an array");
    assert_claims_valid(text, claims);
    claims
}

/// `check --format json` of one stdin text: the claims, validated.
fn json_claims(extra: &[&str], text: &str) -> Vec<Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(&args, text.as_bytes()).ok();
    let doc = r.json();
    let inputs = doc["inputs"].as_array().expect("inputs is an array");
    assert_eq!(inputs.len(), 1, "{}", r.describe());
    checked_input(&inputs[0], None, text).to_vec()
}

fn verdicts(claims: &[Value]) -> Vec<&str> {
    claims.iter().map(|c| str_of(c, "verdict")).collect()
}

fn the_html_text() -> String {
    saring::html::visible_text(&read(HTML_FIXTURE))
}

// ---------------------------------------------------------------------------------------------
// Bundles written for the tests
// ---------------------------------------------------------------------------------------------

fn source_json(url: &str) -> String {
    format!(
        r#"{{"id":"cek-uji","name":"{HOAX_SOURCE}","kind":"fact_checker","trust":"fact_checker","url":"{url}"}}"#
    )
}

fn debunked_json(id: &str, url: &str) -> String {
    format!(
        r#"{{"id":"{id}","claim_reviewed":"Bawaslu mengganti semua kotak suara kardus di TPS dengan kotak suara besi bergembok milik partai","rating":"Salah","reviewer":"cek-uji","date_published":"2024-01-20","url":"{url}"}}"#
    )
}

/// schema_version 1, one source, one debunked claim.
fn valid_bundle() -> String {
    format!(
        r#"{{"schema_version":1,"sources":[{}],"debunked":[{}]}}"#,
        source_json("https://cekfakta-uji.example.org"),
        debunked_json(HOAX_ID, HOAX_URL)
    )
}

/// Invalid bundles: (file name, content, the JSON path the error must name).
fn invalid_bundles() -> Vec<(&'static str, String, &'static str)> {
    let src = source_json("https://cekfakta-uji.example.org");
    vec![
        (
            "bad-json.json",
            r#"{"schema_version":1,"sources":[{"id":"cek-uji""#.to_string(),
            "$",
        ),
        (
            "wrong-version.json",
            valid_bundle().replace(r#""schema_version":1"#, r#""schema_version":2"#),
            "$.schema_version",
        ),
        (
            "duplicate-ids.json",
            format!(
                r#"{{"schema_version":1,"sources":[{src}],"debunked":[{},{}]}}"#,
                debunked_json(HOAX_ID, HOAX_URL),
                debunked_json(HOAX_ID, "https://cekfakta-uji.example.org/lain")
            ),
            "$.debunked[1].id",
        ),
        (
            "javascript-url.json",
            format!(
                r#"{{"schema_version":1,"sources":[{src}],"debunked":[{}]}}"#,
                debunked_json(HOAX_ID, "javascript:alert(1)")
            ),
            "$.debunked[0].url",
        ),
        (
            "javascript-source-url.json",
            format!(
                r#"{{"schema_version":1,"sources":[{}],"debunked":[{}]}}"#,
                source_json("javascript:alert(document.cookie)"),
                debunked_json(HOAX_ID, HOAX_URL)
            ),
            "$.sources[0].url",
        ),
        (
            "bad-fact.json",
            format!(
                r#"{{"schema_version":1,"sources":[{src}],"facts":[{{"id":"uji.hari","topic":"schedule","statement":{{"id":"x","en":"x"}},"when":[["pemungutan suara"]],"value":{{"kind":"date","date":"2024-02-14"}},"authority":"tidak-ada","citations":[]}}]}}"#
            ),
            "$.facts[0]",
        ),
        (
            "unknown-field.json",
            valid_bundle().replace(
                r#""kind":"fact_checker","#,
                r#""kind":"fact_checker","situs":"x","#,
            ),
            "$.sources[0].situs",
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Text reports
// ---------------------------------------------------------------------------------------------

#[test]
fn text_report_is_default_readable_and_never_coloured_when_piped() {
    let input = format!("{CONTRADICTED}\n");
    for env in [
        vec![Env::Remove("NO_COLOR")],
        vec![Env::Set("NO_COLOR", "1")],
        vec![
            Env::Remove("NO_COLOR"),
            Env::Set("TERM", "xterm-256color"),
            Env::Set("CLICOLOR_FORCE", "1"),
        ],
    ] {
        let r = run_env(&["check"], input.as_bytes(), &env).ok();
        no_ansi(&r);
        assert!(r.stdout.contains(CONTRADICTED), "{}", r.describe());
        assert!(r.stdout.contains("14 Februari 2024"), "{}", r.describe());
        assert!(r.stdout.contains("klaim"), "{}", r.describe());

        let r = run_env(&["check", FIXTURE_004, FIXTURE_000], b"", &env).ok();
        no_ansi(&r);
        assert!(
            r.stdout.contains(FIXTURE_004) && r.stdout.contains(FIXTURE_000),
            "{}",
            r.describe()
        );
    }
}

#[test]
fn text_report_explicit_format_and_zero_claims() {
    let r = run(&["check", "--format", "text"], VERIFIED.as_bytes()).ok();
    no_ansi(&r);
    assert!(r.stdout.contains(VERIFIED), "{}", r.describe());

    let r = run(&["check", "--format=text", "-"], FOOTBALL.as_bytes()).ok();
    no_ansi(&r);
    assert!(!r.stdout.trim().is_empty(), "{}", r.describe());
    assert!(
        !r.stdout.contains("Persib"),
        "no claim quoted: {}",
        r.describe()
    );
}

#[test]
fn lang_en_makes_the_text_report_english() {
    for args in [&["check", "--lang", "en"][..], &["check", "--lang=en"][..]] {
        let r = run(args, CONTRADICTED.as_bytes()).ok();
        no_ansi(&r);
        assert!(r.stdout.contains("claims:"), "{}", r.describe());
        assert!(r.stdout.contains("14 February 2024"), "{}", r.describe());
        assert!(!r.stdout.contains("klaim:"), "{}", r.describe());
    }
    let r = run(&["check", "--lang", "id"], CONTRADICTED.as_bytes()).ok();
    assert!(r.stdout.contains("klaim"), "{}", r.describe());
    assert!(!r.stdout.contains("claims:"), "{}", r.describe());
    let r = run(&["check", "--lang", "auto"], CONTRADICTED.as_bytes()).ok();
    assert!(r.stdout.contains(CONTRADICTED), "{}", r.describe());
}

// ---------------------------------------------------------------------------------------------
// JSON reports
// ---------------------------------------------------------------------------------------------

#[test]
fn json_contradicted_voting_day() {
    let claims = json_claims(&[], &format!("{CONTRADICTED}\n"));
    assert_eq!(verdicts(&claims), ["contradicted"], "{claims:?}");
    let c = &claims[0];
    assert_eq!(str_of(c, "text"), CONTRADICTED);
    assert!(
        str_of(c, "official_value").contains("14 Februari 2024"),
        "official value in Indonesian by default: {c}"
    );
    assert!(!str_of(c, "fact_id").is_empty(), "{c}");
    assert!(!c["sources"].as_array().unwrap().is_empty(), "{c}");
}

#[test]
fn json_verified_voting_day() {
    let claims = json_claims(&[], VERIFIED);
    assert_eq!(verdicts(&claims), ["verified"], "{claims:?}");
    assert!(!str_of(&claims[0], "fact_id").is_empty());
}

#[test]
fn json_lang_en_gives_english_official_value() {
    for extra in [&["--lang", "en"][..], &["--lang=en"][..]] {
        let claims = json_claims(extra, CONTRADICTED);
        assert_eq!(verdicts(&claims), ["contradicted"], "{claims:?}");
        assert!(
            str_of(&claims[0], "official_value").contains("14 February 2024"),
            "{}",
            claims[0]
        );
    }
    let claims = json_claims(&["--lang", "id"], CONTRADICTED);
    assert!(str_of(&claims[0], "official_value").contains("14 Februari 2024"));
    let claims = json_claims(&["--lang", "auto"], CONTRADICTED);
    assert_eq!(verdicts(&claims), ["contradicted"]);
}

#[test]
fn json_non_election_texts_have_no_claims() {
    for text in [FOOTBALL, WEATHER] {
        let claims = json_claims(&[], text);
        assert!(claims.is_empty(), "{text:?} gave claims: {claims:?}");
        let claims = json_claims(&["--lang", "en"], text);
        assert!(claims.is_empty(), "{text:?} gave claims: {claims:?}");
    }
}

#[test]
fn json_empty_input() {
    let claims = json_claims(&[], "");
    assert!(claims.is_empty());
}

#[test]
fn json_fixture_004_kpu_name_and_campaign_period() {
    let text = read(FIXTURE_004);
    let r = run(&["check", "--format", "json", FIXTURE_004], b"").ok();
    let doc = r.json();
    let inputs = doc["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 1);
    let claims = checked_input(&inputs[0], Some(FIXTURE_004), &text);

    let contradicted: Vec<&Value> = claims
        .iter()
        .filter(|c| c["verdict"] == "contradicted")
        .collect();
    assert_eq!(contradicted.len(), 1, "{claims:?}");
    assert!(
        str_of(contradicted[0], "text").contains("Komisi Penyelenggara Umum (KPU)"),
        "{}",
        contradicted[0]
    );
    let verified: Vec<&Value> = claims
        .iter()
        .filter(|c| c["verdict"] == "verified")
        .collect();
    assert_eq!(verified.len(), 1, "{claims:?}");
    assert!(
        str_of(verified[0], "text").contains("November 2023 hingga 10 Febuari 2024"),
        "{}",
        verified[0]
    );
    assert_no_chrome(claims);
}

#[test]
fn json_fixture_000_mabes_polri_is_unverified() {
    let text = read(FIXTURE_000);
    let r = run(&["check", "--format", "json", FIXTURE_000], b"").ok();
    let doc = r.json();
    let claims = checked_input(&doc["inputs"][0], Some(FIXTURE_000), &text);
    let polri: Vec<&Value> = claims
        .iter()
        .filter(|c| str_of(c, "text").contains("3000 - 4000 konten palsu"))
        .collect();
    assert_eq!(polri.len(), 1, "{claims:?}");
    assert_eq!(polri[0]["verdict"], "unverified", "{}", polri[0]);
    assert!(str_of(polri[0], "text").contains("Mabes Polri"));
    assert_no_chrome(claims);
}

fn assert_no_chrome(claims: &[Value]) {
    for c in claims {
        let t = str_of(c, "text");
        for chrome in ["Aming Coffee", "Posting Komentar", "0 Komentar", "Editor"] {
            assert!(!t.contains(chrome), "page chrome {chrome:?} in claim {c}");
        }
    }
}

#[test]
fn json_several_inputs_make_one_document_in_order() {
    let t4 = read(FIXTURE_004);
    let t0 = read(FIXTURE_000);
    let stdin = format!("{CONTRADICTED}\n");
    let r = run(
        &["check", "--format", "json", FIXTURE_004, "-", FIXTURE_000],
        stdin.as_bytes(),
    )
    .ok();
    let doc = r.json();
    let inputs = doc["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 3, "{}", r.describe());
    checked_input(&inputs[0], Some(FIXTURE_004), &t4);
    let from_stdin = checked_input(&inputs[1], None, &stdin);
    let name = str_of(&inputs[1], "input");
    assert!(
        name != FIXTURE_004 && name != FIXTURE_000,
        "stdin named {name}"
    );
    assert_eq!(verdicts(from_stdin), ["contradicted"]);
    checked_input(&inputs[2], Some(FIXTURE_000), &t0);
}

#[test]
fn stdin_is_read_when_no_file_is_named_or_for_dash() {
    for args in [
        &["check", "--format", "json"][..],
        &["check", "--format", "json", "-"][..],
    ] {
        let r = run(args, VERIFIED.as_bytes()).ok();
        let doc = r.json();
        let inputs = doc["inputs"].as_array().unwrap();
        assert_eq!(inputs.len(), 1, "{}", r.describe());
        let claims = checked_input(&inputs[0], None, VERIFIED);
        assert_eq!(verdicts(claims), ["verified"]);
    }
}

#[test]
fn url_appears_in_every_json_input() {
    let url = "https://berita.example.com/pemilu/2024/02/jadwal?x=1#atas";
    let url_arg = format!("--url={url}");
    for args in [
        ["check", "--format", "json", "--url", url, "-", FIXTURE_000].as_slice(),
        ["check", "--format=json", &url_arg, "-", FIXTURE_000].as_slice(),
    ] {
        let r = run(args, CONTRADICTED.as_bytes()).ok();
        let doc = r.json();
        let inputs = doc["inputs"].as_array().unwrap();
        assert_eq!(inputs.len(), 2);
        for i in inputs {
            assert_eq!(i["url"], url, "{i}");
        }
        checked_input(&inputs[0], None, CONTRADICTED);
    }
    // Without --url there is no url (absent or null).
    let r = run(&["check", "--format", "json"], CONTRADICTED.as_bytes()).ok();
    let doc = r.json();
    assert!(doc["inputs"][0]["url"].is_null(), "{}", r.describe());
}

#[test]
fn offsets_are_bytes_and_utf16_units_of_non_ascii_text() {
    let text = format!(
        "😀🗳️ Catatan redaksi — café naïve, Ǆ “kutipan”.\n\n{CONTRADICTED} 👍🏽 Selesai.\n\
         Ringkasan 𝔸𝔹ℂ: {VERIFIED}\n"
    );
    let dir = TempDir::new("unicode");
    let path = dir.file("unicode.txt", &text);
    let r = run(&["check", "--format", "json", &path, "-"], text.as_bytes()).ok();
    let doc = r.json();
    let inputs = doc["inputs"].as_array().unwrap();
    for (i, input) in inputs.iter().enumerate() {
        let claims = checked_input(input, None, &text);
        let vs = verdicts(claims);
        assert!(
            vs.contains(&"contradicted") && vs.contains(&"verified"),
            "input {i}: {claims:?}"
        );
        // The astral-plane characters before the claims make the two kinds of offset differ.
        assert!(
            claims
                .iter()
                .all(|c| num(c, "start") != num(c, "start_utf16"))
        );
    }
}

#[test]
fn offsets_refer_to_the_file_as_is_with_bom_and_crlf() {
    let text = format!(
        "\u{feff}Judul berita\r\n\r\n{CONTRADICTED}\r\nPenulis\u{a0}: redaksi\r\n{VERIFIED}\r\n"
    );
    let dir = TempDir::new("bom");
    let path = dir.file("bom-crlf.txt", &text);
    let r = run(&["check", "--format", "json", &path], b"").ok();
    let doc = r.json();
    let claims = checked_input(&doc["inputs"][0], Some(&path), &text);
    let vs = verdicts(claims);
    assert!(
        vs.contains(&"contradicted") && vs.contains(&"verified"),
        "{claims:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// jsonl
// ---------------------------------------------------------------------------------------------

fn jsonl_lines(r: &Run) -> Vec<Value> {
    r.stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("output line {l:?} is not JSON ({e}); {}", r.describe()))
        })
        .collect()
}

fn assert_jsonl_error(v: &Value, line: u64) {
    assert!(v["id"].is_null(), "{v}");
    assert!(
        v.as_object().unwrap().contains_key("id"),
        "an error line has \"id\": null: {v}"
    );
    assert_eq!(v["line"], line, "{v}");
    assert!(!str_of(v, "error").is_empty(), "{v}");
}

#[test]
fn jsonl_one_line_out_per_line_in_and_errors_do_not_stop_it() {
    let lines = [
        serde_json::json!({"id": "a", "text": CONTRADICTED}).to_string(), // 1
        String::new(),                                                    // 2: blank, skipped
        r#"{"id": "b", "text": "Pemilu 2024"#.to_string(),                // 3: malformed JSON
        "[1, 2, 3]".to_string(),                                          // 4: not an object
        r#"{"id": "c"}"#.to_string(),                                     // 5: no text
        "   ".to_string(),                                                // 6: blank, skipped
        serde_json::json!({"id": 7, "text": VERIFIED, "url": "https://kpu.go.id/berita"})
            .to_string(), // 7
        r#""just a string""#.to_string(),                                 // 8: not an object
        r#"{"id": "d", "text": 42}"#.to_string(),                         // 9: text not a string
        serde_json::json!({"id": {"doc": 1}, "text": FOOTBALL}).to_string(), // 10
    ];
    let input = lines.join("\n") + "\n";
    let r = run(&["check", "--format", "jsonl"], input.as_bytes()).ok();
    let out = jsonl_lines(&r);
    assert_eq!(out.len(), 8, "blank lines are skipped; {}", r.describe());

    assert_eq!(out[0]["id"], "a");
    let claims = out[0]["claims"].as_array().expect("claims");
    assert_claims_valid(CONTRADICTED, claims);
    assert_eq!(verdicts(claims), ["contradicted"]);

    assert_jsonl_error(&out[1], 3);
    assert_jsonl_error(&out[2], 4);
    assert_jsonl_error(&out[3], 5);

    assert_eq!(out[4]["id"], 7);
    let claims = out[4]["claims"].as_array().expect("claims");
    assert_claims_valid(VERIFIED, claims);
    assert_eq!(verdicts(claims), ["verified"]);

    assert_jsonl_error(&out[5], 8);
    assert_jsonl_error(&out[6], 9);

    assert_eq!(out[7]["id"], serde_json::json!({"doc": 1}));
    assert_eq!(out[7]["claims"], serde_json::json!([]));
}

#[test]
fn jsonl_invalid_utf8_line_is_an_error_line() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":1,\"text\":\"Pemilu \xff\xfe 2024\"}\n");
    input.extend_from_slice(
        serde_json::json!({"id": 2, "text": CONTRADICTED})
            .to_string()
            .as_bytes(),
    );
    // No newline after the last line: it is still read.
    let r = run(&["check", "--format=jsonl"], &input).ok();
    let out = jsonl_lines(&r);
    assert_eq!(out.len(), 2, "{}", r.describe());
    assert_jsonl_error(&out[0], 1);
    assert_eq!(out[1]["id"], 2);
    assert_eq!(
        verdicts(out[1]["claims"].as_array().unwrap()),
        ["contradicted"]
    );
}

#[test]
fn jsonl_with_non_ascii_text_and_fail_on() {
    let text = format!("👩‍👩‍👧 Kabar: {CONTRADICTED}");
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "x", "text": text}),
        serde_json::json!({"id": "y", "text": FOOTBALL})
    );
    let r = run(
        &["check", "--format", "jsonl", "--fail-on", "contradicted"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(1), "{}", r.describe());
    let out = jsonl_lines(&r);
    assert_eq!(
        out.len(),
        2,
        "every line is still answered; {}",
        r.describe()
    );
    let claims = out[0]["claims"].as_array().unwrap();
    assert_claims_valid(&text, claims);
    assert_eq!(verdicts(claims), ["contradicted"]);

    let r = run(
        &["check", "--format", "jsonl", "--fail-on", "debunked"],
        input.as_bytes(),
    );
    assert_eq!(r.code, Some(0), "{}", r.describe());
}

#[test]
fn jsonl_with_html_checks_the_visible_text() {
    let html = read(HTML_FIXTURE);
    let visible = the_html_text();
    let input = format!("{}\n", serde_json::json!({"id": "page", "text": html}));
    let r = run(&["check", "--format", "jsonl", "--html"], input.as_bytes()).ok();
    let out = jsonl_lines(&r);
    assert_eq!(out.len(), 1, "{}", r.describe());
    let claims = out[0]["claims"].as_array().unwrap();
    assert_claims_valid(&visible, claims);
    assert_html_claims(claims);
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/// Only the visible, correct paragraph is reported; never the false claim in hidden markup.
fn assert_html_claims(claims: &[Value]) {
    assert_eq!(verdicts(claims), ["verified"], "{claims:?}");
    for c in claims {
        let t = str_of(c, "text");
        assert!(
            !t.contains("15 Februari"),
            "a hidden claim was reported: {c}"
        );
        assert!(!t.contains('<') && !t.contains("&nbsp;"), "markup in {c}");
    }
    assert!(str_of(&claims[0], "text").contains("14 Februari 2024"));
}

#[test]
fn html_files_are_checked_on_their_visible_text() {
    let visible = the_html_text();
    assert!(
        !visible.contains("15 Februari"),
        "visible_text leaks hidden text"
    );
    let r = run(&["check", "--format", "json", HTML_FIXTURE], b"").ok();
    let doc = r.json();
    let claims = checked_input(&doc["inputs"][0], Some(HTML_FIXTURE), &visible);
    assert_html_claims(claims);

    // Text report too.
    let r = run(&["check", HTML_FIXTURE], b"").ok();
    no_ansi(&r);
    assert!(!r.stdout.contains("15 Februari"), "{}", r.describe());
    assert!(r.stdout.contains("14 Februari 2024"), "{}", r.describe());
}

#[test]
fn html_is_automatic_for_htm_and_any_case() {
    let html = read(HTML_FIXTURE);
    let visible = the_html_text();
    let dir = TempDir::new("html");
    for name in ["page.htm", "PAGE.HTML", "Page.Htm"] {
        let path = dir.file(name, &html);
        let r = run(&["check", "--format", "json", &path], b"").ok();
        let doc = r.json();
        let claims = checked_input(&doc["inputs"][0], Some(&path), &visible);
        assert_html_claims(claims);
    }
}

#[test]
fn html_flag_for_stdin_and_other_file_names() {
    let html = read(HTML_FIXTURE);
    let visible = the_html_text();
    let dir = TempDir::new("htmlflag");
    let txt = dir.file("page.txt", &html);
    let r = run(
        &["check", "--format", "json", "--html", "-", &txt],
        html.as_bytes(),
    )
    .ok();
    let doc = r.json();
    let inputs = doc["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 2);
    for i in inputs {
        let claims = checked_input(i, None, &visible);
        assert_html_claims(claims);
    }
}

// ---------------------------------------------------------------------------------------------
// --fail-on
// ---------------------------------------------------------------------------------------------

#[test]
fn fail_on_exits_1_only_when_such_a_verdict_is_found() {
    let cases: [(&[&str], &str, i32); 10] = [
        (&["--fail-on", "contradicted"], CONTRADICTED, 1),
        (&["--fail-on=contradicted"], CONTRADICTED, 1),
        (&["--fail-on", "verified,contradicted"], CONTRADICTED, 1),
        (&["--fail-on", "verified, debunked"], VERIFIED, 1),
        (&["--fail-on", "debunked"], CONTRADICTED, 0),
        (
            &["--fail-on", "verified,unverified,debunked"],
            CONTRADICTED,
            0,
        ),
        (&[], CONTRADICTED, 0),
        (
            &["--fail-on", "verified,contradicted,debunked,unverified"],
            FOOTBALL,
            0,
        ),
        (&["--fail-on", "contradicted"], "", 0),
        (&["--fail-on", "unverified", FIXTURE_000], "", 1),
    ];
    for (extra, stdin, code) in cases {
        for format in ["text", "json"] {
            let mut args = vec!["check", "--format", format];
            args.extend_from_slice(extra);
            let r = run(&args, stdin.as_bytes());
            assert_eq!(r.code, Some(code), "{args:?}; {}", r.describe());
            assert!(r.stderr.is_empty(), "{}", r.describe());
            assert!(!r.stdout.is_empty(), "the report is still printed");
            if format == "json" {
                r.json();
            }
        }
    }
}

#[test]
fn fail_on_looks_at_every_input() {
    let dir = TempDir::new("failon");
    let a = dir.file("a.txt", FOOTBALL);
    let b = dir.file("b.txt", CONTRADICTED);
    let r = run(
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "contradicted",
            &a,
            &b,
        ],
        b"",
    );
    assert_eq!(r.code, Some(1), "{}", r.describe());
    let doc = r.json();
    assert_eq!(doc["inputs"].as_array().unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Usage and input errors
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_input_file() {
    let r = run(&["check", "tests/fixtures/cli/no-such-file.txt"], b"");
    assert_check_error(&r, &["no-such-file.txt"]);
    // Nothing of the readable file before it is printed either.
    let r = run(
        &[
            "check",
            "--format",
            "json",
            FIXTURE_004,
            "tests/fixtures/cli/no-such-file.txt",
        ],
        b"",
    );
    assert_check_error(&r, &["no-such-file.txt"]);
}

#[test]
fn directory_as_input_file() {
    let r = run(&["check", "tests/fixtures"], b"");
    assert_check_error(&r, &["tests/fixtures"]);
}

#[test]
fn invalid_utf8_input() {
    let mut bytes = b"Pemungutan suara Pemilu 2024 digelar pada ".to_vec();
    bytes.extend_from_slice(b"\xff\xfe\x80 15 Februari 2024.\n");
    let dir = TempDir::new("utf8");
    let path = dir.file("latin1.txt", &bytes);
    for format in ["text", "json"] {
        let r = run(&["check", "--format", format, &path], b"");
        assert_check_error(&r, &["latin1.txt", "UTF-8"]);
        let r = run(&["check", "--format", format], &bytes);
        assert_check_error(&r, &["UTF-8"]);
        let r = run(&["check", "--format", format, "-"], &bytes);
        assert_check_error(&r, &["UTF-8"]);
    }
    // An HTML file that is not UTF-8 either.
    let html = dir.file("page.html", b"<p>Pemilu \xe9t\xe9 2024</p>");
    let r = run(&["check", &html], b"");
    assert_check_error(&r, &["page.html", "UTF-8"]);
}

#[test]
fn unknown_options_and_commands() {
    let cases: [(&[&str], &str); 8] = [
        (&["check", "--frobnicate"], "--frobnicate"),
        (&["check", "--format", "json", "-x"], "-x"),
        (&["check", "--HTML"], "--HTML"),
        (&["frobnicate"], "frobnicate"),
        (&["bundle", "frobnicate"], "frobnicate"),
        (&["bundle"], "bundle"),
        (&["bundle", "stats", "--frobnicate"], "--frobnicate"),
        (&["bundle", "check", "--frobnicate"], "--frobnicate"),
    ];
    for (args, needle) in cases {
        let r = run(args, CONTRADICTED.as_bytes());
        assert_input_error(&r, &[needle]);
        assert!(r.stdout.is_empty(), "{args:?}; {}", r.describe());
    }
}

#[test]
fn bad_option_values() {
    let cases: [(&[&str], &str); 11] = [
        (&["check", "--format", "xml"], "xml"),
        (&["check", "--format=yaml"], "yaml"),
        (&["check", "--format"], "--format"),
        (&["check", "--lang", "fr"], "fr"),
        (&["check", "--lang=EN"], "EN"),
        (&["check", "--lang"], "--lang"),
        (&["check", "--fail-on", "wrong"], "wrong"),
        (&["check", "--fail-on", "verified,bogus"], "bogus"),
        (&["check", "--fail-on="], "--fail-on"),
        (&["check", "--url"], "--url"),
        (&["check", "--bundle"], "--bundle"),
    ];
    for (args, needle) in cases {
        let r = run(args, CONTRADICTED.as_bytes());
        assert_check_error(&r, &[needle]);
    }
    let r = run(&["bundle", "stats", "--format", "jsonl"], b"");
    assert_input_error(&r, &["jsonl"]);
    let r = run(&["bundle", "stats", "--format"], b"");
    assert_input_error(&r, &["--format"]);
}

#[test]
fn help_and_version() {
    let r = run(&["--help"], b"").ok();
    assert!(r.stdout.contains("saring check"), "{}", r.describe());
    let r = run(&["--version"], b"").ok();
    assert!(r.stdout.starts_with("saring "), "{}", r.describe());
}

// ---------------------------------------------------------------------------------------------
// Bundles
// ---------------------------------------------------------------------------------------------

#[test]
fn extra_bundle_adds_a_debunked_claim() {
    let dir = TempDir::new("bundle");
    let path = dir.file("newsroom.json", valid_bundle());
    let text = format!("Kabar politik hari ini.\n{HOAX_SENTENCE}\n");

    let bundle_arg = format!("--bundle={path}");
    for args in [
        ["check", "--format", "json", "--bundle", &path].as_slice(),
        ["check", "--format", "json", &bundle_arg].as_slice(),
    ] {
        let r = run(args, text.as_bytes()).ok();
        let doc = r.json();
        let claims = checked_input(&doc["inputs"][0], None, &text);
        let hoax: Vec<&Value> = claims.iter().filter(|c| c["hoax_id"] == HOAX_ID).collect();
        assert_eq!(hoax.len(), 1, "{claims:?}");
        let c = hoax[0];
        assert_eq!(c["verdict"], "debunked", "{c}");
        assert_eq!(str_of(c, "text"), HOAX_SENTENCE);
        let sources = c["sources"].as_array().unwrap();
        assert!(
            sources
                .iter()
                .any(|s| s["name"] == HOAX_SOURCE && s["url"] == HOAX_URL),
            "{c}"
        );
    }

    // The default bundle alone does not know this hoax.
    let claims = json_claims(&[], &text);
    assert!(claims.iter().all(|c| c["hoax_id"] != HOAX_ID), "{claims:?}");

    // The extra bundle does not change the default facts.
    let claims = json_claims(&["--bundle", &path], CONTRADICTED);
    assert_eq!(verdicts(&claims), ["contradicted"]);

    // --fail-on sees the debunked claim.
    let r = run(
        &["check", "--bundle", &path, "--fail-on", "debunked"],
        text.as_bytes(),
    );
    assert_eq!(r.code, Some(1), "{}", r.describe());
    no_ansi(&r);
}

#[test]
fn invalid_extra_bundle_is_an_input_error() {
    let dir = TempDir::new("badbundle");
    for (name, content, json_path) in invalid_bundles() {
        let path = dir.file(name, &content);
        let r = run(
            &["check", "--format", "json", "--bundle", &path],
            CONTRADICTED.as_bytes(),
        );
        assert_check_error(&r, &[name, json_path]);
    }
    let r = run(
        &[
            "check",
            "--bundle",
            "tests/fixtures/cli/no-such-bundle.json",
        ],
        CONTRADICTED.as_bytes(),
    );
    assert_check_error(&r, &["no-such-bundle.json"]);
    let latin1 = dir.file("latin1.json", b"{\"schema_version\":1,\"x\":\"\xe9\"}");
    let r = run(&["check", "--bundle", &latin1], CONTRADICTED.as_bytes());
    assert_check_error(&r, &["latin1.json"]);
}

#[test]
fn bundle_check_accepts_valid_files() {
    let dir = TempDir::new("bcheck");
    let a = dir.file("a.json", valid_bundle());
    let b = dir.file(
        "b.json",
        valid_bundle()
            .replace(HOAX_ID, "uji-hoaks-lain")
            .replace("cek-uji", "cek-uji-dua"),
    );
    let r = run(&["bundle", "check", &a], b"").ok();
    assert!(r.stdout.contains(&a), "{}", r.describe());
    let r = run(&["bundle", "check", &a, &b], b"").ok();
    assert!(
        r.stdout.contains(&a) && r.stdout.contains(&b),
        "{}",
        r.describe()
    );
}

#[test]
fn bundle_check_rejects_invalid_files_naming_file_and_path() {
    let dir = TempDir::new("bcheckbad");
    let good = dir.file("good.json", valid_bundle());
    for (name, content, json_path) in invalid_bundles() {
        let path = dir.file(name, &content);
        for args in [
            vec!["bundle", "check", path.as_str()],
            vec!["bundle", "check", good.as_str(), path.as_str()],
        ] {
            let r = run(&args, b"");
            assert_input_error(&r, &[]);
            let all = format!("{}{}", r.stdout, r.stderr);
            assert!(
                all.lines()
                    .any(|l| l.contains(name) && l.contains(json_path)),
                "{name}: expected a line naming the file and {json_path}; {}",
                r.describe()
            );
        }
    }
}

#[test]
fn bundle_check_usage_errors() {
    let r = run(&["bundle", "check"], b"");
    assert_input_error(&r, &[]);
    let r = run(
        &["bundle", "check", "tests/fixtures/cli/no-such-bundle.json"],
        b"",
    );
    assert_input_error(&r, &["no-such-bundle.json"]);
}

#[test]
fn bundle_stats_json_and_text() {
    for args in [
        &["bundle", "stats", "--format", "json"][..],
        &["bundle", "stats", "--format=json"][..],
    ] {
        let r = run(args, b"").ok();
        let v = r.json();
        assert!(v["version"].is_string(), "{v}");
        for k in ["facts", "debunked", "sources"] {
            assert!(num(&v, k) > 0, "{k} in {v}");
        }
    }
    for args in [
        &["bundle", "stats"][..],
        &["bundle", "stats", "--format", "text"][..],
    ] {
        let r = run(args, b"").ok();
        no_ansi(&r);
        assert!(!r.stdout.trim().is_empty(), "{}", r.describe());
    }
}

#[test]
fn bundle_stats_counts_an_extra_bundle() {
    let dir = TempDir::new("stats");
    let path = dir.file("extra.json", valid_bundle());
    let base = run(&["bundle", "stats", "--format", "json"], b"")
        .ok()
        .json();
    let more = run(
        &["bundle", "stats", "--format", "json", "--bundle", &path],
        b"",
    )
    .ok()
    .json();
    assert_eq!(num(&more, "debunked"), num(&base, "debunked") + 1);
    assert_eq!(num(&more, "sources"), num(&base, "sources") + 1);
    assert_eq!(num(&more, "facts"), num(&base, "facts"));

    let bad = dir.file("bad.json", "{\"schema_version\":1,\"facts\":{}}");
    let r = run(&["bundle", "stats", "--bundle", &bad], b"");
    assert_input_error(&r, &["bad.json", "$.facts"]);
}

// ---------------------------------------------------------------------------------------------
// One line on stderr, whatever the names and values in the message
// ---------------------------------------------------------------------------------------------

#[test]
fn one_line_error_with_newline_in_file_name_or_option_value() {
    let cases: [(&[&str], &str); 5] = [
        (&["check", "tests/fixtures/cli/no\nsuch.txt"], "such.txt"),
        (&["check", "--format", "x\ny"], "--format"),
        (&["check", "--lang", "i\nd"], "--lang"),
        (
            &["check", "--fail-on", "verified,contra\ndicted"],
            "--fail-on",
        ),
        (&["check", "--frob\nnicate"], "nicate"),
    ];
    for (args, needle) in cases {
        let r = run(args, CONTRADICTED.as_bytes());
        assert_check_error(&r, &[needle]);
    }
}

#[test]
fn one_line_error_with_newline_inside_a_bad_bundle() {
    let dir = TempDir::new("nlbundle");
    let cases = [
        // An unknown field whose name holds an (escaped) newline.
        (
            "newline-key.json",
            r#"{"schema_version":1,"sit\nus":1}"#.to_string(),
            "$.sit",
        ),
        // A javascript: URL with a newline inside.
        (
            "newline-url.json",
            format!(
                r#"{{"schema_version":1,"sources":[{}]}}"#,
                source_json("javascript:\\nalert(1)")
            ),
            "$.sources[0].url",
        ),
    ];
    for (name, content, json_path) in cases {
        let path = dir.file(name, &content);
        let r = run(&["check", "--bundle", &path], CONTRADICTED.as_bytes());
        assert_check_error(&r, &[name, json_path]);
        let r = run(&["bundle", "check", &path], b"");
        assert_input_error(&r, &[]);
    }
}

// ---------------------------------------------------------------------------------------------
// Never a panic on real page text
// ---------------------------------------------------------------------------------------------

/// A copyright footer that spells out an abbreviation wrongly ("Komisi Penyelenggara Umum
/// (KPU)") is page chrome; it must be skipped, not crash the run.
#[test]
fn copyright_footer_with_a_redefined_abbreviation_does_not_panic() {
    let text = format!("{CONTRADICTED}\n© 2024 Komisi Penyelenggara Umum (KPU) Kalbar.\n");
    let r = run(&["check", "--format", "json"], text.as_bytes());
    assert!(!r.stderr.contains("panicked"), "{}", r.describe());
    let r = r.ok();
    let doc = r.json();
    let claims = checked_input(&doc["inputs"][0], None, &text);
    assert_eq!(verdicts(claims), ["contradicted"], "{claims:?}");

    let html = "<p>Pemilu 2024.</p><footer>&copy; Komisi Penyelenggara Umum (KPU)</footer>";
    let r = run(
        &["check", "--format", "jsonl", "--html"],
        serde_json::json!({"id": 1, "text": html})
            .to_string()
            .as_bytes(),
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.describe());
    assert_eq!(r.code, Some(0), "{}", r.describe());
}
