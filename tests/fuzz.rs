//! Fuzzing with hostile input, as property tests (cargo-fuzz needs a nightly toolchain; this
//! runs on stable, in `./build.sh test`).
//!
//! The generators write what hostile pages and hoaxes write: bidi overrides and RTL marks,
//! combining marks, zero-width characters, emoji sequences, noncharacters and private-use
//! code points, characters whose case folding grows (`İ`, `ß`, `ﬁ`), digits of other scripts,
//! digit and punctuation soup, numbers of sixty digits, date-like garbage, and the election
//! words that make the engine look harder. Each stage is driven on its own — folding,
//! segmentation, tokens, extraction of dates, figures, ballot numbers and names — and then the
//! whole `Engine::check`, checked in one go and in slices as the page scanner does. Bundles
//! are fuzzed by mutating valid JSON (the parser and validator must answer `Err` with a JSON
//! path, never panic) and valid compiled bytes (`Compiled::from_bytes` must refuse what it
//! cannot use, so that an engine built from what it accepts never panics either).
//!
//! What is asserted: no panic; every span inside its text, on char boundaries, in order and
//! without overlap; UTF-16 offsets equal to the UTF-16 length of the text before them;
//! sentences no longer than `MAX_SENTENCE` (what keeps every later stage bounded per
//! sentence); and a wall-clock ceiling per check that is hundreds of times the usual time,
//! so that only a blow-up (quadratic work, a loop) trips it, never a busy machine.
//!
//! Cases per property: `SARING_FUZZ_CASES` (default 1024; the properties that build an engine
//! or decode the whole default bundle per case run an eighth). A longer run:
//!
//! ```sh
//! SARING_FUZZ_CASES=20000 cargo test --release --locked --test fuzz -- --nocapture
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;
use saring::bundle::compile::Compiled;
use saring::bundle::load::{DEFAULT_BUNDLE, bundle_from_json, default_bundle};
use saring::bundle::validate::{BundleError, Known, parse, validate};
use saring::engine::DocTopic;
use saring::extract::names::{EntityIndex, expansions};
use saring::extract::number::NumberStyle;
use saring::extract::{ballot, extract};
use saring::html::visible_text;
use saring::text::normalize::Normalized;
use saring::text::offsets::{byte_offset, utf16_offsets};
use saring::text::phrases::Words;
use saring::text::segment::{MAX_SENTENCE, sentences};
use saring::text::tokens::tokenize;
use saring::{CheckOptions, Engine, Lang, Report};

// ---------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------

fn cases() -> u32 {
    std::env::var("SARING_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn config_heavy() -> ProptestConfig {
    ProptestConfig {
        cases: (cases() / 8).max(4),
        ..config()
    }
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new().expect("the default bundle loads"))
}

fn entity_index() -> &'static EntityIndex {
    static E: OnceLock<EntityIndex> = OnceLock::new();
    E.get_or_init(|| EntityIndex::new(&default_bundle().expect("default bundle").entities))
}

fn fixture(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A check of `len` bytes may take this long: hundreds of times what it takes on a slow,
/// busy machine (about a millisecond for a few kilobytes), so only runaway work trips it.
fn ceiling(len: usize) -> Duration {
    Duration::from_secs(3) + Duration::from_micros(50 * len as u64)
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// Single code points that break naive text handling.
const HOSTILE: &[&str] = &[
    // invisible and bidi
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{061C}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{115F}",
    "\u{3164}",
    "\u{180E}",
    "\u{E0001}",
    "\u{E0041}",
    "\u{FE0F}",
    // combining marks, alone and stacked
    "\u{0301}",
    "\u{0336}",
    "\u{20DD}",
    "\u{1AB0}",
    "\u{0345}",
    "e\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}",
    "\u{0308}\u{0308}\u{0308}\u{0308}",
    // emoji and their sequences
    "😀",
    "🔥",
    "👍🏽",
    "\u{1F3FD}",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇮🇩",
    "🇮",
    "🏳\u{FE0F}\u{200D}🌈",
    "#\u{FE0F}\u{20E3}",
    // odd code points
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{1FFFE}",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{F8FF}",
    "\u{FFFD}",
    "\u{0378}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{85}",
    "\u{9b}",
    "\r",
    "\r\n",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{00A0}",
    "\u{2009}",
    // folding that changes length
    "İ",
    "ß",
    "ẞ",
    "ﬁ",
    "ﬃ",
    "ǅ",
    "ŉ",
    "ΐ",
    "\u{1E9E}",
    "Ⅻ",
    "①",
    "½",
    "²",
    "㎏",
    "㍻",
    "ﷺ",
    "\u{FDFA}",
    // other scripts and their digits
    "ك",
    "مرحبا",
    "שלום",
    "中文",
    "क्ष",
    "\u{1100}\u{1161}",
    "ไทย",
    "٣",
    "۴",
    "߃",
    "𝟏𝟒",
    "１４",
    "К",
    "Р",
    "Β",
    "ᴋᴘᴜ",
];

/// Words that make a sentence look like an election claim.
const ELECTION: &[&str] = &[
    "Pemilu 2024",
    "pemungutan suara",
    "digelar pada",
    "KPU",
    "Komisi Pemilihan Umum",
    "Komisi Penyelenggara Umum (KPU)",
    "Bawaslu",
    "MK",
    "TPS",
    "DPT",
    "pemilih",
    "luar negeri",
    "Pilpres",
    "Pilkada",
    "paslon",
    "nomor urut",
    "Prabowo-Gibran",
    "Anies-Muhaimin",
    "Ganjar-Mahfud",
    "PDIP",
    "kursi",
    "DPR",
    "masa kampanye",
    "hingga",
    "sebanyak",
    "persen",
    "juta",
    "suara sah",
    "meraih",
    "hoaks",
    "tidak benar",
    "Benarkah",
    "Februari",
    "Febuari",
    "Nopember",
    "Rabu",
    "voting day",
    "election",
    "polling stations",
    "percent",
    "KPU temukan bukti vital kecurangan Gibran",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(HOSTILE).prop_map(String::from),
        4 => select(ELECTION).prop_map(String::from),
        1 => "[0-9.,/:%+\\-]{1,24}",
        1 => "[0-9]{20,60}",
        1 => "[0-9]{1,3}[/.-][0-9]{1,3}[/.-][0-9]{1,6}",
        1 => "[0-9]{1,3} (Januari|Februari|Febuari|Maret|Nopember|Desember|February) [0-9]{1,6}",
        1 => "[0-9]{1,4}(-|–| hingga | sampai )[0-9]{1,4} (Februari|November) [0-9]{2,5}",
        1 => "[0-9]{1,9}([.,][0-9]{1,9}){0,4} ?(%|persen|juta|miliar|ribu|pemilih|TPS|kursi)",
        1 => "Rp ?[0-9.,]{1,30}",
        1 => "(nomor urut|paslon|no\\.) ?0?[0-9]{1,12}",
        1 => "[.!?…\"'()\\[\\]]{1,6}",
        1 => "\\PC{1,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Hostile text: fragments glued with spaces, nothing, line breaks and sentence ends.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            fragment(),
            select(&[" ", " ", "", "\n", ". ", ", ", "\u{200B}", " \u{202E}"][..]),
        ),
        0..120,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(f, sep)| [f, sep.to_string()])
            .collect()
    })
}

/// Any code points at all (surrogates cannot be in a Rust string; the DOM side is tested in
/// `tests/web_bounds.rs`).
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..400).prop_map(|v| v.into_iter().collect())
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        select(&[None, Some(Lang::Id), Some(Lang::En)][..]),
        prop_oneof![
            Just(None),
            Just(Some("https://www.kpu.go.id/berita".to_string())),
            "\\PC{0,40}".prop_map(Some),
        ],
    )
        .prop_map(|(lang, url)| CheckOptions { lang, url })
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn check_report(text: &str, r: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.text_len, text.len());
    let mut prev_end = 0usize;
    for (i, c) in r.claims.iter().enumerate() {
        prop_assert!(c.start <= c.end && c.end <= text.len(), "claim {i}: {c:?}");
        prop_assert!(
            text.is_char_boundary(c.start) && text.is_char_boundary(c.end),
            "claim {i} not on char boundaries"
        );
        prop_assert_eq!(&text[c.start..c.end], c.text.as_str());
        prop_assert_eq!(c.start_utf16, utf16_len(&text[..c.start]));
        prop_assert_eq!(c.end_utf16, utf16_len(&text[..c.end]));
        prop_assert!(c.start >= prev_end, "claim {i} overlaps the one before");
        prev_end = c.end;
        prop_assert!(c.confidence.is_finite() && (0.0..=1.0).contains(&c.confidence));
        prop_assert!(!c.reason.id.is_empty() && !c.reason.en.is_empty());
    }
    Ok(())
}

fn timed_check(e: &Engine, text: &str, opts: &CheckOptions) -> Result<Report, TestCaseError> {
    let t = Instant::now();
    let r = e.check(text, opts);
    let took = t.elapsed();
    prop_assert!(
        took <= ceiling(text.len()),
        "checking {} bytes took {took:?}",
        text.len()
    );
    check_report(text, &r)?;
    Ok(r)
}

/// Every stage of the text pipeline on its own, with its spans.
fn pipeline(text: &str) -> Result<(), TestCaseError> {
    let norm = Normalized::new(text);
    let folded = norm.text.as_str();
    // The map back: every folded byte comes from a char of the original, in order.
    let mut prev = 0usize;
    for i in 0..=folded.len() {
        let o = norm.orig_start(i);
        prop_assert!(
            o <= text.len() && text.is_char_boundary(o),
            "map[{i}] = {o}"
        );
        prop_assert!(o >= prev, "map goes backwards at {i}");
        prev = o;
    }
    prop_assert_eq!(norm.orig_start(folded.len()), text.len());

    let spans = sentences(&norm, text);
    let mut prev_end = 0usize;
    for &(a, b) in &spans {
        prop_assert!(a < b && b <= folded.len(), "sentence {a}..{b}");
        prop_assert!(folded.is_char_boundary(a) && folded.is_char_boundary(b));
        prop_assert!(a >= prev_end, "sentences overlap at {a}");
        prop_assert!(
            b - a <= MAX_SENTENCE,
            "a sentence of {} bytes (max {MAX_SENTENCE})",
            b - a
        );
        prev_end = b;
        let (s, e) = norm.orig_span(text, a, b);
        prop_assert!(s <= e && e <= text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));

        let tokens = tokenize(&folded[a..b], a);
        prop_assert!(tokens.len() <= b - a);
        let mut prev_tok = a;
        for t in &tokens {
            prop_assert!(
                t.start < t.end && t.start >= prev_tok && t.end <= b,
                "{t:?}"
            );
            prop_assert!(folded.is_char_boundary(t.start) && folded.is_char_boundary(t.end));
            prop_assert!(!t.key.is_empty());
            prop_assert_eq!(t.numeric, t.key.bytes().all(|c| c.is_ascii_digit()));
            prev_tok = t.end;
        }
        let words = Words::new(tokens);
        let n = words.len();
        for style in [
            NumberStyle::Auto,
            NumberStyle::Indonesian,
            NumberStyle::English,
        ] {
            let v = extract(folded, a, b, &words, style);
            for d in &v.dates {
                prop_assert!(a <= d.value.start && d.value.start < d.value.end && d.value.end <= b);
                prop_assert!(d.tok_start <= d.tok_end && d.tok_end <= n);
            }
            for x in &v.numbers {
                prop_assert!(a <= x.value.start && x.value.start < x.value.end && x.value.end <= b);
                prop_assert!(x.tok_start <= x.tok_end && x.tok_end <= n);
                prop_assert!(!x.value.value.is_nan() && !x.value.resolution.is_nan());
            }
            for m in &v.ballots {
                prop_assert!(m.tok < n && m.tok_start <= m.tok);
            }
        }
        for m in ballot::ballots(folded, &words) {
            prop_assert!(m.tok < n);
        }
        for m in entity_index().find(&words) {
            prop_assert!(m.tok_start < m.tok_end && m.tok_end <= n, "{m:?}");
        }
        let _ = entity_index().redefined(folded, &words);
        for x in expansions(folded, &words, |_| true) {
            prop_assert!(x.tok_start <= x.tok_end && x.tok_end <= n);
        }
    }

    // UTF-16 offsets of every char boundary, and back.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let units = utf16_offsets(text, &bytes);
    for (b, u) in bytes.iter().zip(&units) {
        prop_assert_eq!(*u, utf16_len(&text[..*b]));
        prop_assert_eq!(byte_offset(text, *u), *b);
    }
    Ok(())
}

/// The text checked in parts cut at arbitrary char boundaries, as the page scanner checks a
/// long page: every claim must point into the whole text.
fn sliced(text: &str, cuts: &[Index]) -> Result<(), TestCaseError> {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut at: Vec<usize> = cuts.iter().map(|c| bounds[c.index(bounds.len())]).collect();
    at.push(0);
    at.push(text.len());
    at.sort_unstable();
    at.dedup();
    let mut doc = DocTopic::default();
    let opts = CheckOptions::default();
    let mut prev_end = 0usize;
    for w in at.windows(2) {
        let (a, b) = (w[0], w[1]);
        let base16 = utf16_len(&text[..a]);
        let r = engine().check_part(&text[a..b], &opts, &mut doc);
        check_report(&text[a..b], &r)?;
        for c in r.claims {
            let (s, e) = (c.start + a, c.end + a);
            prop_assert!(s >= prev_end && e <= b);
            prop_assert_eq!(&text[s..e], c.text.as_str());
            prop_assert_eq!(c.start_utf16 + base16, utf16_len(&text[..s]));
            prev_end = e;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Bundles
// ---------------------------------------------------------------------------------------------

/// Valid bundle JSON to mutate: the fixture, and the same with a fact and sources.
fn seeds() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        vec![
            fixture("tests/fixtures/bad-bundles/valid.json"),
            fixture("tests/fixtures/bad-bundles/html-in-text.json"),
            fixture("data/sources.json"),
            fixture("data/entities.json"),
        ]
    })
}

/// One edit of a byte string.
#[derive(Debug, Clone)]
enum Edit {
    Flip(Index, u8),
    Delete(Index, usize),
    Insert(Index, Vec<u8>),
    Duplicate(Index, usize),
    Truncate(Index),
}

fn edits(inserts: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<Edit>> {
    let insert = select(inserts);
    prop::collection::vec(
        prop_oneof![
            (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
            (any::<Index>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
            (any::<Index>(), insert).prop_map(|(i, s)| Edit::Insert(i, s)),
            (any::<Index>(), 1usize..200).prop_map(|(i, n)| Edit::Duplicate(i, n)),
            any::<Index>().prop_map(Edit::Truncate),
        ],
        1..6,
    )
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
        match e {
            Edit::Flip(i, b) if len > 0 => {
                let k = i.index(len);
                bytes[k] ^= b | 1;
            }
            Edit::Delete(i, n) => {
                let k = at(i);
                let end = (k + n).min(len);
                bytes.drain(k..end);
            }
            Edit::Insert(i, s) => {
                let k = at(i);
                bytes.splice(k..k, s.iter().copied());
            }
            Edit::Duplicate(i, n) => {
                let k = at(i);
                let end = (k + n).min(len);
                let piece = bytes[k..end].to_vec();
                bytes.splice(end..end, piece);
            }
            Edit::Truncate(i) => bytes.truncate(at(i)),
            _ => {}
        }
    }
    bytes
}

/// What a hostile hand inserts into JSON.
fn json_inserts() -> Vec<Vec<u8>> {
    [
        "\"",
        ",",
        "{",
        "}",
        "[",
        "]",
        ":",
        "null",
        "true",
        "1e999",
        "-1",
        "18446744073709551616",
        "\"schema_version\": 2,",
        "\"id\": \"kpu\",",
        "\\u0000",
        "\\u001b[2J",
        "\\ud800",
        "\\udfff",
        "\\u202e",
        "javascript:alert(1)",
        "data:,x",
        "<script>",
        "\"url\": \"file:///\",",
        "\"debunked\": [],",
        "\"facts\": {},",
        "\u{FEFF}",
        "\u{200B}",
        "😀",
        "\u{10FFFF}",
        "[[[[[[[[[[[[",
        "]]]]]]]]",
        "\"\":\"\",",
        "0000000000000000000000000000001",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn check_bundle_errors(file: &str, errs: &[BundleError]) -> Result<(), TestCaseError> {
    prop_assert!(!errs.is_empty());
    for e in errs {
        prop_assert_eq!(&e.file, file);
        prop_assert!(e.path.starts_with('$'), "not a JSON path: {e}");
        prop_assert!(!e.message.is_empty());
    }
    Ok(())
}

/// Small compiled bundles' bytes, to mutate.
fn compiled_seeds() -> &'static [Vec<u8>] {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        let known = engine().known();
        let mut out: Vec<Vec<u8>> = ["valid.json", "html-in-text.json"]
            .iter()
            .map(|f| {
                let json = fixture(&format!("tests/fixtures/bad-bundles/{f}"));
                bundle_from_json(f, &json, &known)
                    .expect("the fixture compiles")
                    .to_bytes()
            })
            .collect();
        // A bundle with facts, entities and sources of its own: the default bundle's
        // entities and sources files.
        let files: Vec<(String, _)> = ["data/sources.json", "data/entities.json"]
            .iter()
            .map(|f| (f.to_string(), parse(f, &fixture(f)).expect("parses")))
            .collect();
        let c = saring::bundle::compile::compile(&files, &Known::default()).expect("compiles");
        out.push(c.to_bytes());
        out
    })
}

/// An engine made only of `c` must check any text without panicking.
fn use_compiled(c: Compiled, text: &str) -> Result<(), TestCaseError> {
    let e = Engine::with_bundles(vec![c]);
    let r = timed_check(&e, text, &CheckOptions::default())?;
    let _ = e.known();
    let _ = r.counts();
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pipeline_on_hostile_text(text in hostile_text()) {
        pipeline(&text)?;
    }

    #[test]
    fn pipeline_on_any_code_points(text in any_text()) {
        pipeline(&text)?;
    }

    #[test]
    fn check_hostile_text(text in hostile_text(), opts in options()) {
        let r = timed_check(engine(), &text, &opts)?;
        prop_assert!(r == engine().check(&text, &opts), "not deterministic");
    }

    #[test]
    fn check_any_code_points(text in any_text()) {
        timed_check(engine(), &text, &CheckOptions::default())?;
    }

    #[test]
    fn check_in_slices(text in hostile_text(), cuts in prop::collection::vec(any::<Index>(), 0..6)) {
        sliced(&text, &cuts)?;
    }

    #[test]
    fn visible_text_of_hostile_html(
        parts in prop::collection::vec(
            prop_oneof![
                3 => fragment(),
                1 => select(&["<p>", "</p>", "<div hidden>", "</div>", "<script>", "</script>",
                              "<!--", "-->", "&#x202E;", "&#xD800;", "&#0;", "&#1114111;",
                              "&zwj;", "&shy;", "<br>", "<bdo dir=rtl>", "</bdo>", "<", "&"][..])
                    .prop_map(String::from),
            ],
            0..80,
        )
    ) {
        let html = parts.concat();
        let text = visible_text(&html);
        timed_check(engine(), &text, &CheckOptions::default())?;
    }

    #[test]
    fn bundle_parser_on_mutated_json(
        which in 0usize..4,
        edits in edits(json_inserts()),
    ) {
        let bytes = apply(seeds()[which].clone().into_bytes(), &edits);
        // The CLI and the browser refuse text that is not UTF-8 before the parser sees it.
        let Ok(json) = String::from_utf8(bytes) else { return Ok(()) };
        match parse("m.json", &json) {
            Ok(b) => {
                let errs = validate("m.json", &b, &engine().known());
                if !errs.is_empty() {
                    check_bundle_errors("m.json", &errs)?;
                }
            }
            Err(e) => check_bundle_errors("m.json", &[e])?,
        }
        match bundle_from_json("m.json", &json, &engine().known()) {
            Ok(c) => use_compiled(c, "KPU temukan bukti vital kecurangan Gibran. Rizal Ramli ditindak Densus 88.")?,
            Err(errs) => check_bundle_errors("m.json", &errs)?,
        }
    }

    #[test]
    fn compiled_bundle_decoder_on_mutated_bytes(
        which in 0usize..3,
        edits in edits(vec![
            vec![0xFF; 10], vec![0x80; 9], vec![0], vec![0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
            vec![1], vec![0x7F], b"{\"kind\":\"count\",\"value\":1}".to_vec(),
        ]),
        text in hostile_text(),
    ) {
        let bytes = apply(compiled_seeds()[which].clone(), &edits);
        if let Ok(c) = Compiled::from_bytes(&bytes) {
            use_compiled(c, &text)?;
        }
    }
}

proptest! {
    #![proptest_config(config_heavy())]

    #[test]
    fn default_bundle_decoder_on_mutated_bytes(
        edits in edits(vec![vec![0xFF; 10], vec![0x80; 9], vec![0], vec![1], vec![0x7F]]),
    ) {
        let bytes = apply(DEFAULT_BUNDLE.to_vec(), &edits);
        if let Ok(c) = Compiled::from_bytes(&bytes) {
            use_compiled(c, "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024. KPU temukan bukti vital kecurangan Gibran di debat cawapres.")?;
        }
    }

    #[test]
    fn check_long_hostile_text(parts in prop::collection::vec(hostile_text(), 1..12)) {
        // Up to about twenty kilobytes: pages, not sentences.
        let text = parts.concat();
        timed_check(engine(), &text, &CheckOptions::default())?;
    }
}
