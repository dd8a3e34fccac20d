//! Big and strange inputs finish in bounded time with valid spans: a 5 MB "sentence" without
//! punctuation (with spaces, without, all digits), 100,000 one-word lines, HTML nested 10,000
//! and 100,000 deep, mixed scripts and right-to-left text. The DOM side of the same cases
//! (100,000 text nodes, 10,000-deep elements, lone surrogates) is `tests/web_bounds.rs`.
//!
//! Times are printed (`--nocapture`); the ceilings are far above them, so that only runaway
//! work fails, never a busy machine.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use saring::html::visible_text;
use saring::{CheckOptions, Engine, Report, Verdict};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new().expect("the default bundle loads"))
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Checks `text`, asserts every span, and that it took less than `ceiling`.
#[track_caller]
fn check(what: &str, text: &str, ceiling: Duration) -> Report {
    let t = Instant::now();
    let r = engine().check(text, &CheckOptions::default());
    let took = t.elapsed();
    eprintln!(
        "{what}: {} bytes checked in {took:.2?}, {} claims",
        text.len(),
        r.claims.len()
    );
    assert!(took < ceiling, "{what}: {took:?} (ceiling {ceiling:?})");
    assert_eq!(r.text_len, text.len());
    let mut prev = 0usize;
    let mut prev16 = 0usize;
    let mut bytes = 0usize;
    let mut units = 0usize;
    for c in &r.claims {
        assert!(
            prev <= c.start && c.start <= c.end && c.end <= text.len(),
            "{what}: {c:?}"
        );
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(text[c.start..c.end], c.text, "{what}");
        // UTF-16 offsets, counted incrementally (the text is large).
        units += utf16_len(&text[bytes..c.start]);
        bytes = c.start;
        assert_eq!(c.start_utf16, units, "{what}: start_utf16");
        assert_eq!(
            c.end_utf16 - c.start_utf16,
            utf16_len(&c.text),
            "{what}: end_utf16"
        );
        assert!(c.start_utf16 >= prev16);
        prev = c.end;
        prev16 = c.end_utf16;
    }
    r
}

const FIVE_MB: usize = 5 * 1024 * 1024;

fn repeat_to(unit: &str, len: usize) -> String {
    let mut s = unit.repeat(len / unit.len() + 1);
    let mut cut = len;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

#[test]
fn a_5_mb_sentence_without_punctuation() {
    // Election words and figures, no sentence end anywhere: cut at spaces into bounded pieces.
    let text = repeat_to(
        "KPU menetapkan DPT Pemilu 2024 sebanyak 204807222 pemilih dan pemungutan suara digelar 15 Februari 2024 ",
        FIVE_MB,
    );
    let r = check("5 MB of words", &text, Duration::from_secs(120));
    assert!(!r.claims.is_empty());
}

#[test]
fn a_5_mb_word_and_a_5_mb_number() {
    check(
        "5 MB without a space",
        &repeat_to("pemilu", FIVE_MB),
        Duration::from_secs(120),
    );
    check(
        "5 MB of digits",
        &repeat_to("2024", FIVE_MB),
        Duration::from_secs(120),
    );
    check(
        "5 MB of zero-width joiners and combining marks",
        &repeat_to("K\u{200D}P\u{301}U\u{202E} ", FIVE_MB),
        Duration::from_secs(120),
    );
}

#[test]
fn a_hundred_thousand_one_word_lines() {
    let text = "KPU\n".repeat(100_000);
    check("100k lines", &text, Duration::from_secs(60));
    let text = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.\n".repeat(20_000);
    let r = check("20k claims", &text, Duration::from_secs(120));
    assert_eq!(r.claims.len(), 20_000);
    assert!(r.claims.iter().all(|c| c.verdict == Verdict::Contradicted));
}

#[test]
fn html_nested_ten_thousand_and_a_hundred_thousand_deep() {
    for depth in [10_000, 100_000] {
        let html = format!(
            "{}<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>{}",
            "<div><span>".repeat(depth),
            "</span></div>".repeat(depth)
        );
        let t = Instant::now();
        let text = visible_text(&html);
        eprintln!("visible text of {depth}-deep HTML in {:.2?}", t.elapsed());
        assert!(t.elapsed() < Duration::from_secs(60));
        let r = check(
            &format!("{depth}-deep HTML"),
            &text,
            Duration::from_secs(10),
        );
        assert_eq!(r.claims.len(), 1);
        assert_eq!(r.claims[0].verdict, Verdict::Contradicted);
    }
}

#[test]
fn mixed_scripts_around_a_claim() {
    let claim = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.";
    let text = format!(
        "مرحبا بالعالم 中文新闻 हिन्दी समाचार 😀👨\u{200D}👩\u{200D}👧 ไทย ελληνικά русский\n{claim}\n한국어 日本語 ﷺ 𝐏𝐞𝐦𝐢𝐥𝐮"
    );
    let r = check("mixed scripts", &text, Duration::from_secs(10));
    assert_eq!(r.claims.len(), 1, "{r:#?}");
    assert_eq!(r.claims[0].text, claim);
    assert_eq!(r.claims[0].verdict, Verdict::Contradicted);
    // The same words with scripts mixed inside the sentence itself.
    let inside = "Pemungutan suara 中文 Pemilu 2024 مرحبا digelar pada 15 Februari 2024 😀.";
    let r = check("scripts inside a claim", inside, Duration::from_secs(10));
    assert_eq!(r.claims.len(), 1, "{r:#?}");
    assert_eq!(r.claims[0].verdict, Verdict::Contradicted);
}

#[test]
fn right_to_left_text_and_bidi_controls() {
    // An Arabic paragraph, then the claim inside a right-to-left embedding and an override.
    let claim = "\u{202B}Pemungutan suara Pemilu 2024 digelar pada \u{202E}15 Februari 2024\u{202C}.\u{202C}";
    let text = format!("تم إجراء الانتخابات في إندونيسيا.\n{claim}\n\u{200F}שלום\u{200F}");
    let r = check("RTL", &text, Duration::from_secs(10));
    assert_eq!(r.claims.len(), 1, "{r:#?}");
    assert_eq!(r.claims[0].verdict, Verdict::Contradicted);
    assert!(r.claims[0].text.contains("15 Februari 2024"));
    // Arabic-Indic digits are digits too.
    let r = check(
        "Arabic-Indic digits",
        "Pemungutan suara Pemilu ٢٠٢٤ digelar pada ١٥ Februari ٢٠٢٤.",
        Duration::from_secs(10),
    );
    assert!(r.claims.len() <= 1);
}
