//! Property tests for the library: `Engine::check` never panics and its claims always point
//! at the text they quote, in bytes and in UTF-16 units; `html::visible_text` and bundle
//! parsing never panic either.
//!
//! The number of cases is proptest's default (256), or `PROPTEST_CASES` when set.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;
use saring::bundle::load::bundle_from_json;
use saring::bundle::validate::{BundleError, parse, validate};
use saring::html::visible_text;
use saring::{CheckOptions, Engine, Lang, Report};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("the default bundle loads"))
}

/// Proptest's defaults (which read `PROPTEST_CASES`), without regression files in the tree.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The same, with a quarter of the cases, for the properties that build an engine per case.
fn config_heavy() -> ProptestConfig {
    let c = config();
    ProptestConfig {
        cases: (c.cases / 4).max(1),
        ..c
    }
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Everything a report must satisfy for `text`.
fn check_report(text: &str, r: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.text_len, text.len(), "text_len");
    let mut prev_end = 0usize;
    for (i, c) in r.claims.iter().enumerate() {
        prop_assert!(
            c.start <= c.end,
            "claim {i}: start {} > end {}",
            c.start,
            c.end
        );
        prop_assert!(
            c.end <= text.len(),
            "claim {i}: end {} past the text ({})",
            c.end,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(c.start) && text.is_char_boundary(c.end),
            "claim {i}: {}..{} not on char boundaries",
            c.start,
            c.end
        );
        prop_assert_eq!(&text[c.start..c.end], c.text.as_str(), "claim {} text", i);
        prop_assert_eq!(
            c.start_utf16,
            utf16_len(&text[..c.start]),
            "claim {} start_utf16",
            i
        );
        prop_assert_eq!(
            c.end_utf16,
            utf16_len(&text[..c.end]),
            "claim {} end_utf16",
            i
        );
        prop_assert!(
            c.start >= prev_end,
            "claim {i} ({}..{}) overlaps or precedes the previous one (ending at {prev_end})",
            c.start,
            c.end
        );
        prev_end = c.end;
        prop_assert!(
            c.confidence.is_finite() && (0.0..=1.0).contains(&c.confidence),
            "claim {i}: confidence {}",
            c.confidence
        );
    }
    Ok(())
}

/// Checks `text` with `opts` (twice: the result must not change) and asserts the invariants.
fn check_text(text: &str, opts: &CheckOptions) -> Result<Report, TestCaseError> {
    let r = engine().check(text, opts);
    check_report(text, &r)?;
    let again = engine().check(text, opts);
    prop_assert!(
        r == again,
        "checking the same text twice gave different reports"
    );
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// Words that make a sentence look like an election claim, in both languages.
const ELECTION_WORDS: &[&str] = &[
    "Pemilu",
    "pemilu",
    "PEMILU",
    "Pemilu 2024",
    "Pemungutan suara",
    "pemungutan suara",
    "digelar",
    "dilaksanakan",
    "pada",
    "tanggal",
    "KPU",
    "Komisi Pemilihan Umum",
    "Komisi Penyelenggara Umum",
    "Bawaslu",
    "DKPP",
    "MK",
    "Mahkamah Konstitusi",
    "TPS",
    "pemilih",
    "DPT",
    "daftar pemilih tetap",
    "luar negeri",
    "capres",
    "cawapres",
    "Pilpres",
    "Pilkada",
    "paslon",
    "nomor urut",
    "Prabowo",
    "Gibran",
    "Anies",
    "Muhaimin",
    "Ganjar",
    "Mahfud",
    "PDIP",
    "Gerindra",
    "partai",
    "kursi",
    "DPR",
    "kampanye",
    "dimulai",
    "hingga",
    "sampai",
    "suara sah",
    "rekapitulasi",
    "hasil",
    "menang",
    "meraih",
    "sebanyak",
    "sekitar",
    "lebih dari",
    "persen",
    "juta",
    "ribu",
    "miliar",
    "hoaks",
    "tidak benar",
    "bukan",
    "Benarkah",
    "Faktanya",
    "Sebarkan!",
    "Januari",
    "Februari",
    "Febuari",
    "Feb",
    "Maret",
    "Oktober",
    "November",
    "Desember",
    "Rabu",
    "14",
    "15",
    "28",
    "2019",
    "2023",
    "2024",
    "204.807.222",
    "204,8 juta",
    "820.161",
    "58,59%",
    "96.214.691",
    "14/2/2024",
    "14-02-2024",
    "2024-02-14",
    "28 November 2023",
    "10 Februari 2024",
    "the",
    "election",
    "General Election Commission",
    "voting",
    "was held on",
    "voters",
    "polling stations",
    "February",
    "million",
    "percent",
    "won",
    "(KPU)",
    "(Bawaslu)",
    "(MK)",
    "(DPT)",
    "Komisi Penyelenggara Umum (KPU)",
    "Badan Pengawas Pemilu (Bawaslu)",
];

/// Page chrome: lines the engine skips (bylines, "read also", copyright notices).
const CHROME: &[&str] = &[
    "©",
    "© 2024",
    "Copyright",
    "Hak cipta",
    "Baca juga:",
    "Editor :",
    "Penulis:",
    "Sumber:",
    "Posting Komentar",
    "0 Komentar",
    "Bagikan",
    "Tags",
    "Iklan",
    "Read more",
];

/// Punctuation, whitespace and the Unicode that trips up offset arithmetic.
const NOISE: &[&str] = &[
    ".",
    ",",
    "/",
    "%",
    "-",
    "(",
    ")",
    "–",
    "—",
    ":",
    ";",
    "?",
    "!",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "…",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{0}",
    "😀",
    "🗳️",
    "👍🏽",
    "👩‍👩‍👧",
    "🇮🇩",
    "\u{301}",
    "e\u{301}",
    "E\u{301}\u{301}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "\u{2060}",
    "Пемилу",
    "выборы",
    "а",
    "Е",
    "ё",
    "انتخابات",
    "٢٠٢٤",
    "١٤",
    "בחירות",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "\u{2066}",
    "２０２４",
    "１４",
    "ＫＰＵ",
    "Ｐｅｍｉｌｕ",
    "ı",
    "İ",
    "ß",
    "ẞ",
    "ﬁ",
    "ﬀ",
    "ǅ",
    "Ⅻ",
    "①",
    "½",
    "²",
    "𝟏𝟒",
    "𝐏𝐞𝐦𝐢𝐥𝐮",
    "K\u{0307}",
    "Å",
    "ǰ",
    "ΐ",
    "\u{1e9e}",
    "\u{10ffff}",
    "\u{e000}",
    "\u{fffd}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(ELECTION_WORDS).prop_map(String::from),
        4 => select(NOISE).prop_map(String::from),
        1 => select(CHROME).prop_map(String::from),
        1 => "[0-9]{1,12}",
        1 => "[0-9]{1,3}([.,][0-9]{3}){0,4}([.,][0-9]{1,2})?",
        1 => "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}",
        1 => "\\PC{1,6}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Text made of election words, digits, punctuation and awkward Unicode.
fn election_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            fragment(),
            select(&[" ", " ", " ", "", "\n", ". ", ", "][..]),
        ),
        0..80,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(f, sep)| [f, sep.to_string()])
            .collect()
    })
}

/// Sentences known to give claims, from both fixtures and the default bundle's domain.
const CLAIM_SENTENCES: &[&str] = &[
    "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.",
    "Pemungutan suara Pemilu 2024 digelar pada 14 Februari 2024.",
    "HARIAN BERKAT –Jaringan Media Siber Indonesia (JMSI) dan Komisi Penyelenggara Umum (KPU) \
     Kalbar gelar workshop dan penandatangan Perjanjian Kerja Sama (PKS) di Hotel Kapuas Pallace \
     Jalan Budi Karya Kota Pontianak, Rabu 21 Desember 2022.",
    "Ramdan menyampaikan juga bahwa pelaksanaan kampanye oleh peserta Pemilu akan dimulai di \
     bulan November 2023 hingga 10 Febuari 2024.",
    "Berdasarkan data yang dirilis Mabes Polri, setiap detik bermunculan 3000 - 4000 konten \
     palsu di seluruh Indonesia, menjangkau 240 juta lebih pengakses, melapisi seluruh kalangan.",
    "KPU Anulir Keputusan Peserta Pemilu 2024.",
    "KPU nyatakan Ganjar tidak lolos pendaftaran Pilpres.",
    "Voting in the 2024 election was held on 15 February 2024.",
    "Jumlah pemilih dalam DPT Pemilu 2024 sebanyak 204.807.222 orang di 820.161 TPS.",
];

/// Known claim sentences with fragments inserted at arbitrary places.
fn mutated_claims() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(select(CLAIM_SENTENCES), 1..4),
        select(&[" ", "\n", "\n\n", "\r\n", "", " 😀 "][..]),
        prop::collection::vec((any::<Index>(), fragment()), 0..8),
    )
        .prop_map(|(sentences, sep, inserts)| {
            let mut text = sentences.join(sep);
            for (at, frag) in inserts {
                let boundaries: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let pos = boundaries[at.index(boundaries.len())];
                text.insert_str(pos, &frag);
            }
            text
        })
}

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn fixtures() -> &'static [String; 2] {
    static F: OnceLock<[String; 2]> = OnceLock::new();
    F.get_or_init(|| {
        [
            fixture("000_79dca809346a6dbc.txt"),
            fixture("004_427392cf7a2454fe.txt"),
        ]
    })
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        select(&[None, Some(Lang::Id), Some(Lang::En)][..]),
        prop_oneof![
            Just(None),
            Just(Some("https://www.kpu.go.id/berita/baca/1".to_string())),
            Just(Some("https://turnbackhoax.id/2024/01/01/x".to_string())),
            Just(Some("kpu.go.id".to_string())),
            "\\PC{0,30}".prop_map(Some),
        ],
    )
        .prop_map(|(lang, url)| CheckOptions { lang, url })
}

/// HTML made of tags that hide, raw-text elements, entities, comments and text.
const HTML_BITS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<br/>",
    "<hr>",
    "<b>",
    "</b>",
    "<span>",
    "</span>",
    "<li>",
    "<ul>",
    "</ul>",
    "<h1>",
    "</h1>",
    "<table><tr><td>",
    "</td><td>",
    "</tr>",
    "</table>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<script/>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<head>",
    "</head>",
    "<body>",
    "<template>",
    "</template>",
    "<noscript>",
    "</noscript>",
    "<textarea>",
    "</textarea>",
    "<svg>",
    "</svg>",
    "<dialog open>",
    "</dialog>",
    "<div hidden>",
    "<p aria-hidden=\"true\">",
    "<div style=\"display:none\">",
    "<div style='visibility: hidden'>",
    "<div style=\"display&#58;none\">",
    "<a href=\"https://kpu.go.id\">",
    "</a>",
    "<img alt=\"Pemilu\" src=x>",
    "<input type=hidden value=x>",
    "<!--",
    "-->",
    "<!-- Pemilu 2024 -->",
    "<![CDATA[",
    "]]>",
    "<!doctype html>",
    "<?xml version=\"1.0\"?>",
    "</",
    "<",
    ">",
    "/>",
    "=",
    "\"",
    "'",
    "&",
    "&amp;",
    "&nbsp;",
    "&shy;",
    "&lt;",
    "&gt;",
    "&copy",
    "&copyright",
    "&#",
    "&#x",
    "&#58;",
    "&#x1F600;",
    "&#xD800;",
    "&#0;",
    "&#99999999999999999999;",
    "&#x110000;",
    "&#128512",
    "&notanentity;",
    "<P CLASS=x>",
    "</P >",
    "<div\n hidden\n>",
    "<scr",
    "</scr",
    "<script>var s = \"</div>\";",
];

fn html_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => select(HTML_BITS).prop_map(String::from),
            3 => fragment(),
            1 => select(CLAIM_SENTENCES).prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

/// JSON that looks like a bundle: schema keys with values of any shape.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    const KEYS: &[&str] = &[
        "schema_version",
        "bundle",
        "sources",
        "entities",
        "facts",
        "debunked",
        "id",
        "name",
        "version",
        "kind",
        "trust",
        "url",
        "domains",
        "aliases",
        "member_of",
        "topic",
        "statement",
        "en",
        "when",
        "unless",
        "value",
        "date",
        "start",
        "end",
        "numerator",
        "denominator",
        "decimals",
        "number",
        "abbreviation",
        "official",
        "authority",
        "citations",
        "source",
        "claim_reviewed",
        "variants",
        "rating",
        "reviewer",
        "date_published",
        "x",
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        Just(serde_json::Value::from(1)),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        select(KEYS).prop_map(serde_json::Value::from),
        select(
            &[
                "authority",
                "fact_checker",
                "official",
                "date",
                "count",
                "2024-02-14"
            ][..]
        )
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            prop::collection::vec((select(KEYS), inner), 0..6).prop_map(|kv| {
                serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

fn bundle_like_json() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just(serde_json::Value::from(1)),
            Just(serde_json::Value::from(2)),
            json_value()
        ],
        prop::collection::vec(
            (
                select(
                    &[
                        "bundle", "sources", "entities", "facts", "debunked", "extra",
                    ][..],
                ),
                json_value(),
            ),
            0..5,
        ),
    )
        .prop_map(|(version, rest)| {
            let mut m = serde_json::Map::new();
            m.insert("schema_version".into(), version);
            for (k, v) in rest {
                m.insert(k.to_string(), v);
            }
            serde_json::Value::Object(m).to_string()
        })
}

/// A bundle that passes the schema (mostly also validation) but whose texts are arbitrary:
/// hoaxes, variants, `when` phrases, aliases and units made of election soup.
fn soup_bundle() -> impl Strategy<Value = (String, Vec<String>)> {
    let phrase = || prop::collection::vec(fragment(), 1..8).prop_map(|v| v.join(" "));
    let hoax = (phrase(), prop::collection::vec(phrase(), 0..3));
    let fact = (
        prop::collection::vec(prop::collection::vec(phrase(), 1..3), 1..3),
        prop::collection::vec(phrase(), 0..2),
        0usize..6,
        prop::collection::vec(phrase(), 0..3),
        any::<u32>(),
        any::<bool>(),
    );
    let entity = (phrase(), prop::collection::vec(phrase(), 0..3));
    (
        prop::collection::vec(hoax, 0..3),
        prop::collection::vec(fact, 0..3),
        prop::collection::vec(entity, 0..3),
    )
        .prop_map(|(hoaxes, facts, entities)| {
            use serde_json::json;
            let mut said: Vec<String> = Vec::new();
            let entities: Vec<_> = entities
                .into_iter()
                .enumerate()
                .map(|(i, (name, aliases))| {
                    said.push(name.clone());
                    said.extend(aliases.iter().cloned());
                    json!({"id": format!("uji-entitas-{i}"), "kind": "party",
                           "name": name, "aliases": aliases})
                })
                .collect();
            let n_entities = entities.len();
            let facts: Vec<_> = facts
                .into_iter()
                .enumerate()
                .map(|(i, (when, unless, kind, units, n, national))| {
                    for g in &when {
                        said.push(g.join(" "));
                    }
                    let value = match kind {
                        0 => json!({"kind": "date", "date": "2024-02-14"}),
                        1 => json!({"kind": "date_range", "start": "2023-11-28",
                                    "end": "2024-02-10"}),
                        2 => json!({"kind": "count", "value": n}),
                        3 => json!({"kind": "share", "numerator": n / 2 + 1,
                                    "denominator": n as u64 + 2, "decimals": (n % 4) as u8}),
                        4 => json!({"kind": "ballot", "number": n % 20}),
                        _ => json!({"kind": "name", "abbreviation": "KPU",
                                    "official": "Komisi Pemilihan Umum",
                                    "wrong": ["Komisi Penyelenggara Umum"]}),
                    };
                    let mut f = json!({
                        "id": format!("uji.fakta-{i}"), "topic": "schedule",
                        "statement": {"id": "Pernyataan uji", "en": "Test statement"},
                        "when": when, "unless": unless, "value": value,
                        "units": if units.is_empty() { vec!["pemilih".to_string()] } else { units },
                        "national": national, "authority": "uji-sumber",
                        "citations": [{"source": "uji-sumber", "url": "https://uji.example.org/f"}]
                    });
                    if n_entities > 0 {
                        f["entity"] = json!(format!("uji-entitas-{}", n as usize % n_entities));
                    }
                    f
                })
                .collect();
            let debunked: Vec<_> = hoaxes
                .into_iter()
                .enumerate()
                .map(|(i, (claim, variants))| {
                    said.push(claim.clone());
                    said.extend(variants.iter().cloned());
                    json!({"id": format!("uji-hoaks-{i}"), "claim_reviewed": claim,
                           "variants": variants, "rating": "Salah", "reviewer": "uji-sumber",
                           "date_published": "2024-01-20",
                           "url": format!("https://uji.example.org/h/{i}")})
                })
                .collect();
            let doc = json!({
                "schema_version": 1,
                "sources": [{"id": "uji-sumber", "name": "Sumber Uji", "kind": "fact_checker",
                             "trust": "fact_checker", "url": "https://uji.example.org",
                             "domains": ["uji.example.org"]}],
                "entities": entities, "facts": facts, "debunked": debunked,
            });
            (doc.to_string(), said)
        })
}

fn check_bundle_errors(file: &str, errs: &[BundleError]) -> Result<(), TestCaseError> {
    prop_assert!(!errs.is_empty(), "an Err holds at least one problem");
    for e in errs {
        prop_assert!(e.file.contains(file), "error names another file: {}", e);
        prop_assert!(
            e.path.starts_with('$'),
            "error path is not a JSON path: {}",
            e
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn check_printable_unicode(text in "\\PC*", opts in options()) {
        check_text(&text, &opts)?;
    }

    #[test]
    fn check_any_chars(chars in prop::collection::vec(any::<char>(), 0..300)) {
        let text: String = chars.into_iter().collect();
        check_text(&text, &CheckOptions::default())?;
    }

    #[test]
    fn check_election_soup(text in election_soup(), opts in options()) {
        check_text(&text, &opts)?;
    }

    #[test]
    fn check_mutated_claims(text in mutated_claims(), opts in options()) {
        check_text(&text, &opts)?;
    }

    #[test]
    fn check_fixtures_with_insertions(
        which in 0usize..2,
        inserts in prop::collection::vec((any::<Index>(), fragment()), 1..6),
        lang in select(&[None, Some(Lang::Id), Some(Lang::En)][..]),
    ) {
        let mut text = fixtures()[which].clone();
        for (at, frag) in inserts {
            let b: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            text.insert_str(b[at.index(b.len())], &frag);
        }
        check_text(&text, &CheckOptions { lang, url: None })?;
    }

    #[test]
    fn check_truncated_fixtures(which in 0usize..2, at in any::<Index>(), len in 0usize..400) {
        // Any char-aligned window of a real article.
        let text = &fixtures()[which];
        let b: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let start = b[at.index(b.len())];
        let end = b.iter().copied().find(|&e| e >= start + len).unwrap_or(text.len());
        check_text(&text[start..end], &CheckOptions::default())?;
    }

    #[test]
    fn visible_text_printable_unicode(html in "\\PC*") {
        let v = visible_text(&html);
        check_text(&v, &CheckOptions::default())?;
    }

    #[test]
    fn visible_text_any_chars(chars in prop::collection::vec(any::<char>(), 0..300)) {
        let html: String = chars.into_iter().collect();
        let _ = visible_text(&html);
    }

    #[test]
    fn visible_text_html_soup(html in html_soup()) {
        let v = visible_text(&html);
        check_text(&v, &CheckOptions::default())?;
    }

    #[test]
    fn visible_text_lines_are_never_blank(html in html_soup()) {
        // Documented: lines separated by a single '\n', none at the start or end.
        let v = visible_text(&html);
        prop_assert!(!v.starts_with('\n') && !v.ends_with('\n'), "{:?}", v);
        prop_assert!(!v.contains("\n\n"), "{:?}", v);
    }

    #[test]
    fn bundle_parse_arbitrary_strings(json in "\\PC*") {
        let r = parse("arbitrary.json", &json);
        if serde_json::from_str::<serde_json::Value>(&json).is_err() {
            prop_assert!(r.is_err(), "non-JSON parsed as a bundle: {:?}", json);
        }
        if let Err(e) = r {
            check_bundle_errors("arbitrary.json", &[e])?;
        }
    }

    #[test]
    fn bundle_parse_any_chars(chars in prop::collection::vec(any::<char>(), 0..200)) {
        let json: String = chars.into_iter().collect();
        let r = parse("chars.json", &json);
        if serde_json::from_str::<serde_json::Value>(&json).is_err() {
            prop_assert!(r.is_err(), "non-JSON parsed as a bundle: {:?}", json);
        }
    }

    #[test]
    fn bundle_parse_bundle_like_json(json in bundle_like_json()) {
        match parse("like.json", &json) {
            Ok(b) => {
                let errs = validate("like.json", &b, &engine().known());
                if !errs.is_empty() {
                    check_bundle_errors("like.json", &errs)?;
                }
            }
            Err(e) => check_bundle_errors("like.json", &[e])?,
        }
        if let Err(errs) = bundle_from_json("like.json", &json, &engine().known()) {
            check_bundle_errors("like.json", &errs)?;
        }
    }
}

proptest! {
    #![proptest_config(config_heavy())]

    #[test]
    fn check_with_an_arbitrary_extra_bundle(
        (json, said) in soup_bundle(),
        noise in election_soup(),
        picks in prop::collection::vec(any::<Index>(), 0..4),
        opts in options(),
    ) {
        let known = engine().known();
        let compiled = match bundle_from_json("soup.json", &json, &known) {
            Ok(c) => c,
            Err(errs) => return check_bundle_errors("soup.json", &errs),
        };
        let mut e = engine().clone();
        e.add_bundle(compiled);
        // Repeat the bundle's own phrases among the noise, so that its facts and hoaxes match.
        let mut text = noise;
        if !said.is_empty() {
            for p in picks {
                text.push_str(". ");
                text.push_str(&said[p.index(said.len())]);
            }
            text.push('.');
        }
        let r = e.check(&text, &opts);
        check_report(&text, &r)?;
    }
}
