//! Evasion: bundled hoaxes rewritten the way hoaxes are written to slip past filters, and true
//! facts wrapped in misleading framing.
//!
//! The hoaxes are read from `data/hoaxes.json` by id (their `claim_reviewed` as published), so
//! that nothing here is invented; each is first checked to be found in its plain form. Every
//! transformation below must leave it `debunked` with the same entry id, and the claim's span
//! must still be the rewritten sentence, in bytes and in UTF-16 units.
//!
//! Framing (`KPU akhirnya mengaku …`, `Terbongkar! …`, `KPU finally admits …`) is decided by
//! the values alone: the framing words state nothing checkable, so they neither confirm nor
//! refute. A framed sentence is `verified` only when every value it states agrees with an
//! official fact; one wrong value beside the right one makes it `contradicted` (or, when the
//! wrong value is of no fact in the bundle, at least not `verified`). The insinuation itself
//! ("akhirnya mengaku": it was hidden until now) is not a value and is not checked; the reason
//! the reader sees names the fact the values agree with.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use saring::{CheckOptions, Claim, Engine, Verdict};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new().expect("the default bundle loads"))
}

fn data(file: &str) -> &'static serde_json::Value {
    static HOAXES: OnceLock<serde_json::Value> = OnceLock::new();
    static FACTS: OnceLock<serde_json::Value> = OnceLock::new();
    let cell = match file {
        "hoaxes.json" => &HOAXES,
        "facts.json" => &FACTS,
        other => panic!("no such data file in this test: {other}"),
    };
    cell.get_or_init(|| {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(file);
        let s = std::fs::read_to_string(&p)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
        serde_json::from_str(&s).unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()))
    })
}

/// Hoaxes the engine finds in plain form, with several words each (institutions, names,
/// figures) so that every transformation has something to bite on.
const HOAXES: &[&str] = &[
    "thx24-3728", // KPU Temukan Bukti Vital Kecurangan Gibran di Debat Cawapres
    "thx24-2482", // TIGA KALI LANGGAR KODE ETIK, DKPP PECAT KETUA KPU
    "thx24-3207", // KPU Terbitkan Skenario Pilpres Putaran Kedua …
    "thx24-2775", // Demi Menangkan 02 KPU Akui Jual Data Rahasia Negara ke Asing
    "thx24-2659", // MK Kabulkan Gugatan Anies-Muhaimin dan Ganjar-Mahfud
    "thx-2023-09-29-salah-tersandung-kasus-50-miliar-bawaslu",
    "thx24-3517", // MK Putuskan Gibran Gagal Nyapres Karena Hanya Lulusan SMK
    "thx24-1577", // TERKUAK BUKTI KPU HOBI FOYA-FOYA DAN MAKAN UANG NEGARA
];

/// The claim a hoax was reviewed as, from `data/hoaxes.json`.
fn hoax_text(id: &str) -> String {
    let list = data("hoaxes.json")["debunked"]
        .as_array()
        .expect("hoaxes.json has a debunked list");
    let h = list
        .iter()
        .find(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in data/hoaxes.json"));
    h["claim_reviewed"]
        .as_str()
        .expect("claim_reviewed is a string")
        .trim_matches(|c: char| c == '“' || c == '”' || c == '"' || c.is_whitespace())
        .to_string()
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The one claim of `text`, whose span must be sound.
#[track_caller]
fn one_claim(text: &str) -> Claim {
    let r = engine().check(text, &CheckOptions::default());
    assert_eq!(
        r.claims.len(),
        1,
        "expected one claim in {text:?}, got {:#?}",
        r.claims
    );
    let c = r.claims.into_iter().next().expect("one claim");
    assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    assert_eq!(&text[c.start..c.end], c.text, "{text:?}");
    assert_eq!(c.start_utf16, utf16_len(&text[..c.start]), "{text:?}");
    assert_eq!(c.end_utf16, utf16_len(&text[..c.end]), "{text:?}");
    c
}

// ---------------------------------------------------------------------------------------------
// Transformations
// ---------------------------------------------------------------------------------------------

/// Latin letters replaced by their Cyrillic look-alikes: `KPU` becomes `КРU` (U has none).
fn cyrillic(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'K' => 'К',
            'P' => 'Р',
            'A' => 'А',
            'E' => 'Е',
            'O' => 'О',
            'C' => 'С',
            'T' => 'Т',
            'H' => 'Н',
            'M' => 'М',
            'B' => 'В',
            'X' => 'Х',
            'a' => 'а',
            'e' => 'е',
            'o' => 'о',
            'p' => 'р',
            'c' => 'с',
            'x' => 'х',
            'y' => 'у',
            'i' => 'і',
            _ => c,
        })
        .collect()
}

/// Greek capitals for A, B, E, K, O, T and small alpha and omicron.
fn greek(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A' => 'Α',
            'B' => 'Β',
            'E' => 'Ε',
            'K' => 'Κ',
            'O' => 'Ο',
            'T' => 'Τ',
            'a' => 'α',
            'o' => 'ο',
            _ => c,
        })
        .collect()
}

/// `z` between every two letters of a word.
fn between_letters(s: &str, z: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        out.push(c);
        if c.is_alphabetic() && cs.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            out.push_str(z);
        }
    }
    out
}

/// Every printable ASCII character in its full-width form (U+FF01…), spaces ideographic.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        })
        .collect()
}

/// A mapping of ASCII letters onto a run of styled letters (mathematical bold, circled).
fn styled(s: &str, upper: u32, lower: u32) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => char::from_u32(upper + (c as u32 - 'A' as u32)).unwrap_or(c),
            'a'..='z' => char::from_u32(lower + (c as u32 - 'a' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn small_caps(s: &str) -> String {
    const CAPS: [char; 26] = [
        'ᴀ', 'ʙ', 'ᴄ', 'ᴅ', 'ᴇ', 'ꜰ', 'ɢ', 'ʜ', 'ɪ', 'ᴊ', 'ᴋ', 'ʟ', 'ᴍ', 'ɴ', 'ᴏ', 'ᴘ', 'q', 'ʀ',
        'ꜱ', 'ᴛ', 'ᴜ', 'ᴠ', 'ᴡ', 'x', 'ʏ', 'ᴢ',
    ];
    s.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                CAPS[(c.to_ascii_lowercase() as u8 - b'a') as usize]
            } else {
                c
            }
        })
        .collect()
}

/// Every letter struck through with a combining overlay.
fn struck(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_alphabetic() {
                vec![c, '\u{336}']
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Every other word spaced out letter by letter (`K P U temukan B U K T I vital`).
fn spaced_words(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i % 2 == 0 && w.chars().all(char::is_alphabetic) {
                w.chars().map(String::from).collect::<Vec<_>>().join(" ")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every word spaced out, words three spaces apart (`K P U   T E M U K A N`).
fn spaced_all(s: &str) -> String {
    s.split(' ')
        .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("   ")
}

/// The institutions' abbreviations spaced or dotted: `K P U`, `K.P.U`, `B-A-W-A-S-L-U`.
fn spaced_institutions(s: &str, sep: &str) -> String {
    s.split(' ')
        .map(|w| {
            let bare = w.trim_end_matches(',');
            if ["KPU", "MK", "DKPP", "BAWASLU", "Bawaslu", "SMK"].contains(&bare) {
                let mut out = bare.chars().map(String::from).collect::<Vec<_>>().join(sep);
                out.push_str(&w[bare.len()..]);
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Emoji between the words: alone, glued to a word, a ZWJ family, a flag, a skin tone.
fn emoji(s: &str) -> String {
    const E: [&str; 5] = [" 🔥 ", "😱 ", " 👨\u{200D}👩\u{200D}👧 ", " 🇮🇩", " 👍🏽 "];
    let mut out = String::new();
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push_str(E[i % E.len()]);
            if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        out.push_str(w);
    }
    out
}

fn leet_char(c: char) -> char {
    match c.to_ascii_lowercase() {
        'a' => '4',
        'e' => '3',
        'i' => '1',
        'o' => '0',
        's' => '5',
        't' => '7',
        _ => c,
    }
}

/// Leetspeak as hoaxes write it (`KECUR4NG4N`): letters inside words replaced by digits, the
/// first and last letter kept.
fn leet_inside(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let cs: Vec<char> = w.chars().collect();
            if cs.len() <= 2 {
                return w.to_string();
            }
            let mut out = String::new();
            out.push(cs[0]);
            out.extend(cs[1..cs.len() - 1].iter().map(|&c| leet_char(c)));
            out.push(cs[cs.len() - 1]);
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Heavier leetspeak: everything after a word's first letter (`K37U4`, `N3g4r4`).
fn leet_tail(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) if w.chars().count() > 3 => {
                    std::iter::once(first).chain(cs.map(leet_char)).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every a, e, i, o, s, t of the sentence, first letters included (`73rb17k4n`, `4N135`),
/// except in words with nothing else to read (`D474`, `451ng`), which no reader can tell from
/// codes and no rule should guess.
fn leet_full(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let l: String = w.chars().map(leet_char).collect();
            if l.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                l
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Bidi controls: the sentence inside a right-to-left override, a right-to-left mark before
/// every word, an Arabic letter mark and a left-to-right isolate.
fn bidi(s: &str) -> String {
    let words: Vec<String> = s.split(' ').map(|w| format!("\u{200F}{w}")).collect();
    format!(
        "\u{202E}\u{2066}{}\u{2069}\u{061C}\u{202C}",
        words.join(" ")
    )
}

type Transform = (&'static str, fn(&str) -> String);

const TRANSFORMS: &[Transform] = &[
    ("upper case", |s| s.to_uppercase()),
    ("lower case", |s| s.to_lowercase()),
    ("Cyrillic look-alikes", cyrillic),
    ("Greek look-alikes", greek),
    ("zero-width joiners", |s| between_letters(s, "\u{200D}")),
    ("zero-width non-joiners", |s| between_letters(s, "\u{200C}")),
    ("zero-width spaces", |s| between_letters(s, "\u{200B}")),
    ("word joiners", |s| between_letters(s, "\u{2060}")),
    ("soft hyphens", |s| between_letters(s, "\u{AD}")),
    ("full-width letters", full_width),
    ("mathematical bold", |s| styled(s, 0x1D400, 0x1D41A)),
    ("circled letters", |s| styled(s, 0x24B6, 0x24D0)),
    ("small capitals", small_caps),
    ("struck through", struck),
    ("spaced letters, every other word", spaced_words),
    ("spaced letters, every word", spaced_all),
    ("spaced institutions", |s| spaced_institutions(s, " ")),
    ("dotted institutions", |s| spaced_institutions(s, ".")),
    ("hyphenated institutions", |s| spaced_institutions(s, "-")),
    ("emoji between words", emoji),
    ("leetspeak inside words", leet_inside),
    ("leetspeak after the first letter", leet_tail),
    ("leetspeak everywhere", leet_full),
    ("bidi controls", bidi),
    ("everything at once", |s| {
        emoji(&between_letters(&cyrillic(&leet_inside(s)), "\u{200B}"))
    }),
];

// ---------------------------------------------------------------------------------------------
// Hoaxes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_hoaxes_are_found_in_plain_form() {
    for id in HOAXES {
        let text = hoax_text(id);
        let c = one_claim(&text);
        assert_eq!(c.verdict, Verdict::Debunked, "{text}\n{c:#?}");
        assert_eq!(c.hoax_id.as_deref(), Some(*id), "{text}");
    }
}

#[test]
fn rewritten_hoaxes_are_still_debunked_with_the_right_entry() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for id in HOAXES {
        let plain = hoax_text(id);
        for (name, f) in TRANSFORMS {
            let text = f(&plain);
            if name.ends_with("case") && text == plain {
                continue;
            }
            assert_ne!(text, plain, "{name} changed nothing in {plain:?}");
            checked += 1;
            let r = engine().check(&text, &CheckOptions::default());
            let ok = matches!(r.claims.as_slice(),
                [c] if c.verdict == Verdict::Debunked && c.hoax_id.as_deref() == Some(*id));
            if !ok {
                let got: Vec<_> = r.claims.iter().map(|c| (c.verdict, &c.hoax_id)).collect();
                failures.push(format!("{id} / {name}: {text:?} gave {got:?}"));
                continue;
            }
            one_claim(&text);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} rewritten hoaxes were missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn cyrillic_kpu_is_the_kpu() {
    // The issue's own example: `КРU` with Cyrillic Ka and Er.
    let plain = hoax_text("thx24-3728");
    let text = cyrillic(&plain);
    assert!(text.starts_with("\u{41A}\u{420}U "), "{text}");
    let c = one_claim(&text);
    assert_eq!(c.verdict, Verdict::Debunked);
    assert_eq!(c.hoax_id.as_deref(), Some("thx24-3728"));
    assert_eq!(c.text, text, "the mark covers the Cyrillic letters too");
}

#[test]
fn a_rewritten_hoax_inside_an_article_is_marked_where_it_stands() {
    let hoax = leet_inside(&between_letters(&hoax_text("thx24-2482"), "\u{200D}"));
    let text = format!(
        "Beredar pesan berantai di grup WhatsApp warga.\n{hoax}\nPesan itu dibagikan ribuan kali."
    );
    let r = engine().check(&text, &CheckOptions::default());
    let c = r
        .claims
        .iter()
        .find(|c| c.verdict == Verdict::Debunked)
        .unwrap_or_else(|| panic!("no debunked claim in {text:?}: {:#?}", r.claims));
    assert_eq!(c.hoax_id.as_deref(), Some("thx24-2482"));
    assert_eq!(c.text, hoax);
    assert_eq!(c.start_utf16, utf16_len(&text[..c.start]));
}

#[test]
fn framing_around_a_hoax_keeps_it_debunked() {
    let hoax = hoax_text("thx24-3728");
    for frame in [
        "Terbongkar! {}.",
        "Akhirnya terungkap: {}!",
        "BREAKING: {}.",
    ] {
        let text = frame.replace("{}", &hoax);
        let c = one_claim(&text);
        assert_eq!(c.verdict, Verdict::Debunked, "{text}");
        assert_eq!(c.hoax_id.as_deref(), Some("thx24-3728"), "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Misleading framing around true facts
// ---------------------------------------------------------------------------------------------

const FRAMES_ID: &[&str] = &[
    "KPU akhirnya mengaku {}.",
    "Terbongkar! {}.",
    "Akhirnya terungkap bahwa {}.",
    "VIRAL!! KPU akhirnya mengakui {}!",
    "Terkuak: ternyata {}.",
    "Fakta yang selama ini disembunyikan: {}.",
];

const FRAMES_EN: &[&str] = &[
    "KPU finally admits {}.",
    "It is finally revealed that {}.",
    "BREAKING: the election commission finally admitted that {}!",
    "Exposed! {}.",
];

/// A true statement of a bundled fact, and the same with a wrong value added beside the right
/// one: (language, fact the true statement is verified by, true clause, clause with a wrong
/// value, the fact that contradicts it — `None` where the wrong value is no fact's).
struct Framed {
    english: bool,
    fact: &'static str,
    truth: &'static str,
    with_wrong: &'static str,
    contradicted_by: Option<&'static str>,
}

const FRAMED: &[Framed] = &[
    Framed {
        english: false,
        fact: "pemilu2024.campaign",
        truth: "masa kampanye Pemilu 2024 berlangsung 28 November 2023 sampai 10 Februari 2024",
        with_wrong: "masa kampanye Pemilu 2024 berlangsung 28 November 2023 sampai 10 Februari \
                     2024, lalu diperpanjang hingga 12 Februari 2024",
        contradicted_by: Some("pemilu2024.campaign"),
    },
    Framed {
        english: false,
        fact: "pemilu2024.dpt.total",
        truth: "DPT Pemilu 2024 sebanyak 204.807.222 pemilih",
        with_wrong: "DPT Pemilu 2024 sebanyak 204.807.222 pemilih, dengan 1.850.474 pemilih di \
                     luar negeri",
        contradicted_by: Some("pemilu2024.dpt.abroad"),
    },
    Framed {
        english: false,
        fact: "pemilu2024.result.pair-2.votes",
        truth: "Prabowo-Gibran meraih 96.214.691 suara atau 58,59 persen",
        with_wrong: "Prabowo-Gibran meraih 96.214.691 suara atau 60,59 persen",
        contradicted_by: Some("pemilu2024.result.pair-2.share"),
    },
    Framed {
        english: false,
        fact: "pemilu2024.dpr.seats",
        truth: "DPR hasil Pemilu 2024 memiliki 580 kursi",
        with_wrong: "DPR hasil Pemilu 2024 memiliki 580 kursi dari 18 partai dan 10.000 calon \
                     anggota DPR",
        contradicted_by: Some("pemilu2024.dpr.candidates"),
    },
    Framed {
        english: true,
        fact: "pemilu2024.dpt.total",
        truth: "204,807,222 voters are on the final voter list",
        with_wrong: "204,807,222 voters are on the final voter list, with 5,000 polling \
                     stations abroad",
        contradicted_by: Some("pemilu2024.tps.abroad"),
    },
    Framed {
        english: true,
        fact: "pemilu2024.result.pair-2.share",
        truth: "Prabowo-Gibran won 58.59 percent of the valid votes",
        with_wrong: "Prabowo-Gibran won 58.59 percent of the valid votes and Ganjar-Mahfud \
                     20.47 percent",
        contradicted_by: Some("pemilu2024.result.pair-3.share"),
    },
    Framed {
        english: true,
        fact: "pemilu2024.voting-day",
        truth: "voting in the 2024 election was held on 14 February 2024",
        with_wrong: "voting in the 2024 election was held on 14 February 2024 and the campaign \
                     ended on 12 February 2024",
        contradicted_by: Some("pemilu2024.campaign"),
    },
    Framed {
        english: true,
        fact: "pemilu2024.quiet-period",
        truth: "the quiet period of the 2024 election ran from 11 to 13 February 2024",
        with_wrong: "the quiet period of the 2024 election ran from 11 to 13 February 2024 and \
                     voting was held on 15 February 2024",
        contradicted_by: None,
    },
];

#[test]
fn the_framed_facts_are_bundled_facts() {
    let facts = data("facts.json")["facts"]
        .as_array()
        .expect("facts.json has a facts list");
    for f in FRAMED {
        for id in std::iter::once(f.fact).chain(f.contradicted_by) {
            assert!(
                facts.iter().any(|x| x["id"] == id),
                "{id} is not in data/facts.json"
            );
        }
    }
}

#[test]
fn framing_around_agreeing_values_stays_verified() {
    for f in FRAMED {
        let frames = if f.english { FRAMES_EN } else { FRAMES_ID };
        for frame in frames {
            let text = frame.replace("{}", f.truth);
            let c = one_claim(&text);
            assert_eq!(c.verdict, Verdict::Verified, "{text}\n{c:#?}");
            assert_eq!(c.fact_id.as_deref(), Some(f.fact), "{text}");
        }
    }
}

#[test]
fn framing_with_a_wrong_value_beside_the_right_one_is_never_verified() {
    for f in FRAMED {
        let frames = if f.english { FRAMES_EN } else { FRAMES_ID };
        for frame in frames {
            let text = frame.replace("{}", f.with_wrong);
            let c = one_claim(&text);
            assert_ne!(c.verdict, Verdict::Verified, "{text}\n{c:#?}");
            if let Some(fact) = f.contradicted_by {
                assert_eq!(c.verdict, Verdict::Contradicted, "{text}\n{c:#?}");
                assert_eq!(c.fact_id.as_deref(), Some(fact), "{text}");
                assert!(c.official_value.is_some(), "{text}");
            }
        }
    }
}

#[test]
fn framing_with_a_claim_no_fact_backs_is_not_verified() {
    // The figure agrees; the accusation beside it is in no official record.
    for text in [
        "KPU akhirnya mengaku DPT Pemilu 2024 sebanyak 204.807.222 pemilih, 3 juta di antaranya fiktif.",
        "Terbongkar! DPR hasil Pemilu 2024 memiliki 580 kursi, 600 kursi di antaranya untuk koalisi.",
    ] {
        let c = one_claim(text);
        assert_ne!(c.verdict, Verdict::Verified, "{text}\n{c:#?}");
    }
}
