//! Hostile pages and bundles in real browsers: `wasm-pack test --headless --chrome|--firefox
//! --release . --test web_bounds`. 100,000 tiny text nodes, 10,000-deep nesting, lone
//! surrogates (and a surrogate pair split over two text nodes) coming from the DOM, right-to-
//! left embeddings: the page text is read in bounded time and every claim maps back onto
//! exactly the DOM text it quotes. (Firefox lays out no block nested deeper than about 2,050
//! levels; such text is on no screen and is not read — Chromium shows it and it is read.) `Checker.addBundle` refuses bad bundles with their problem
//! and leaves the loaded ones unchanged; markup in a bundle's text never becomes markup.
//!
//! Fixtures go into a container appended to `<body>` and removed afterwards: the body also
//! holds wasm-bindgen-test's own output, which must stay.
#![cfg(target_arch = "wasm32")]

use saring::web::api::{Checker, max_bundle_bytes};
use saring::web::dom_text::{PageText, collect};
use saring::web::scanner::PageScanner;
use saring::{CheckOptions, Engine, Verdict};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Node, Text};

wasm_bindgen_test_configure!(run_in_browser);

const CLAIM: &str = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.";
const DPT: &str = "KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.";

fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// An empty fixture container in the body (an older one is removed first).
fn container() -> Element {
    let d = doc();
    if let Some(old) = d.get_element_by_id("saring-fixture") {
        old.remove();
    }
    let div = d.create_element("div").expect("div");
    div.set_id("saring-fixture");
    d.body().expect("body").append_child(&div).expect("append");
    div
}

fn attr(name: &str) -> Option<String> {
    doc().document_element().and_then(|h| h.get_attribute(name))
}

/// A text node holding exactly these UTF-16 code units (lone surrogates included, which a
/// Rust string cannot hold).
fn text_node(units: &[u16]) -> Text {
    let t = doc().create_text_node("");
    let s = js_sys::JsString::from_char_code(units);
    js_sys::Reflect::set(&t, &"data".into(), &s).expect("set data");
    t
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// Every claim of `page` must map onto DOM ranges whose text is the claim's text (lone
/// surrogates read as U+FFFD, as they do on the way into Rust) and whose UTF-16 length is the
/// claim's.
fn assert_claims_map_back(page: &PageText, engine: &Engine) -> Vec<saring::Claim> {
    let r = engine.check(&page.text, &CheckOptions::default());
    for c in &r.claims {
        let (sn, so) = page.position(c.start_utf16 as u32, false).expect("start");
        let (en, eo) = page.position(c.end_utf16 as u32, true).expect("end");
        let range = doc().create_range().expect("range");
        range.set_start(&sn, so).expect("set start");
        range.set_end(&en, eo).expect("set end");
        let js = range.to_string();
        assert_eq!(
            js.length() as usize,
            c.end_utf16 - c.start_utf16,
            "UTF-16 length of {:?}",
            c.text
        );
        assert!(
            same_text(&js, &c.text),
            "{:?} vs {:?}",
            String::from(js),
            c.text
        );
    }
    r.claims
}

/// The DOM's text and the engine's are the same unit for unit, except that a surrogate the
/// DOM holds (lone, or half of a pair split over two text nodes, which a range joins again)
/// is U+FFFD on the Rust side.
fn same_text(js: &js_sys::JsString, rust: &str) -> bool {
    let ours: Vec<u16> = rust.encode_utf16().collect();
    ours.len() == js.length() as usize
        && ours.iter().enumerate().all(|(i, &u)| {
            let theirs = js.char_code_at(i as u32) as u16;
            theirs == u || (u == 0xFFFD && (0xD800..=0xDFFF).contains(&theirs))
        })
}

/// At least 100,000 text nodes, one per character, whole sentences only.
fn nodes_for(sentence: &[char]) -> usize {
    sentence.len() * (100_000 / sentence.len() + 1)
}

#[wasm_bindgen_test]
fn a_hundred_thousand_tiny_text_nodes() {
    let root = container();
    let p = doc().create_element("p").expect("p");
    // One character per text node, claims running over sixty nodes each.
    let sentence: Vec<char> = format!("{CLAIM} ").chars().collect();
    let nodes = nodes_for(&sentence);
    for i in 0..nodes {
        let c = sentence[i % sentence.len()];
        p.append_child(&doc().create_text_node(&c.to_string()))
            .expect("append");
    }
    root.append_child(&p).expect("append p");

    let t = now();
    let page = collect(root.as_ref());
    let walked = now() - t;
    assert_eq!(page.segments.len(), nodes);
    let engine = Engine::new().expect("engine");
    let t = now();
    let claims = assert_claims_map_back(&page, &engine);
    let checked = now() - t;
    console_log!(
        "100k text nodes: walked in {walked:.0} ms, checked and mapped {} claims in {checked:.0} ms",
        claims.len()
    );
    assert_eq!(
        claims.len(),
        nodes / sentence.len(),
        "one claim per sentence"
    );
    assert!(claims.iter().all(|c| c.verdict == Verdict::Contradicted));
    // Generous: a blow-up, not a slow machine.
    assert!(walked < 60_000.0 && checked < 60_000.0);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_sliced_scanner_reads_a_hundred_thousand_nodes() {
    let root = container();
    let p = doc().create_element("p").expect("p");
    let sentence: Vec<char> = format!("{CLAIM} ").chars().collect();
    let nodes = nodes_for(&sentence);
    for i in 0..nodes {
        p.append_child(&doc().create_text_node(&sentence[i % sentence.len()].to_string()))
            .expect("append");
    }
    root.append_child(&p).expect("append p");
    let t = now();
    let scanner = PageScanner::new(JsValue::UNDEFINED).expect("scanner");
    wasm_bindgen_futures::JsFuture::from(scanner.start())
        .await
        .expect("start");
    console_log!("sliced scan of 100k text nodes: {:.0} ms", now() - t);
    let whole = nodes / sentence.len();
    assert_eq!(
        attr("data-saring-counts"),
        Some(format!(
            r#"{{"verified":0,"contradicted":{whole},"debunked":0,"unverified":0}}"#
        ))
    );
    scanner.stop();
    root.remove();
}

/// `depth` nested `tag` elements under `root`, with `text` in the innermost, which is returned.
fn nest(root: &Element, tag: &str, depth: usize, text: &str) -> Element {
    let mut cur: Element = root.clone();
    for _ in 0..depth {
        let e = doc().create_element(tag).expect("element");
        cur.append_child(&e).expect("append");
        cur = e;
    }
    cur.set_text_content(Some(text));
    cur
}

/// Whether the browser shows `el` at all (`checkVisibility`). Firefox builds no boxes for
/// blocks nested more than about 2,050 deep: their text is on no screen, and Saring reads
/// what readers see. (Layout is never forced here: Chromium's renderer crashes — "tab
/// crashed" — laying out blocks nested about 3,000 deep, whoever asks.)
fn visible(el: &Element) -> bool {
    let f = js_sys::Reflect::get(el, &"checkVisibility".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .expect("checkVisibility");
    f.call0(el).expect("call").as_bool() != Some(false)
}

#[wasm_bindgen_test]
fn ten_thousand_deep_nesting() {
    let engine = Engine::new().expect("engine");
    // (tag, depth, shown in every browser)
    for (tag, depth, everywhere) in [
        ("span", 10_000, true),
        ("div", 1_000, true),
        ("div", 10_000, false),
    ] {
        let root = container();
        let inner = nest(&root, tag, depth, CLAIM);
        let shown = visible(&inner);
        assert!(shown || !everywhere, "{depth}-deep <{tag}> is not shown");
        let t = now();
        let page = collect(root.as_ref());
        console_log!(
            "{depth}-deep <{tag}>: walked in {:.0} ms; shown: {shown}",
            now() - t
        );
        let claims = assert_claims_map_back(&page, &engine);
        if shown {
            assert_eq!(page.text.trim(), CLAIM, "<{tag}>");
            assert_eq!(claims.len(), 1, "<{tag}>");
            assert_eq!(claims[0].verdict, Verdict::Contradicted);
        } else {
            assert!(claims.is_empty(), "text no one sees was read: {claims:?}");
        }
        root.remove();
    }
}

#[wasm_bindgen_test]
fn the_scanner_survives_ten_thousand_deep_nesting() {
    let root = container();
    let inner = nest(&root, "div", 10_000, CLAIM);
    let found = usize::from(visible(&inner));
    let scanner = PageScanner::new(JsValue::UNDEFINED).expect("scanner");
    scanner.scan().expect("scan");
    assert_eq!(attr("data-saring-state").as_deref(), Some("done"));
    assert_eq!(
        attr("data-saring-counts"),
        Some(format!(
            r#"{{"verified":0,"contradicted":{found},"debunked":0,"unverified":0}}"#
        ))
    );
    scanner.stop();
    root.remove();
}

#[wasm_bindgen_test]
fn lone_surrogates_from_the_dom_keep_offsets_exact() {
    let root = container();
    let d = doc();
    // A lone high surrogate before the first claim and one inside it; a surrogate pair split
    // over two text nodes between the claims; reversed and lone ones on a line of their own.
    let p1 = d.create_element("p").expect("p");
    let mut first = vec![0xD800];
    first.extend(units("Pemungutan suara"));
    first.push(0xDFFF);
    first.extend(units(" Pemilu 2024 digelar pada 15 Februari 2024. "));
    first.push(0xD83D);
    p1.append_child(&text_node(&first)).expect("append");
    let mut second = vec![0xDE00, 0x20];
    second.extend(units(DPT));
    p1.append_child(&text_node(&second)).expect("append");
    root.append_child(&p1).expect("append");
    let p2 = d.create_element("p").expect("p");
    p2.append_child(&text_node(&[0xDFFF, 0xD800, 0xDC00, 0xDBFF]))
        .expect("append");
    root.append_child(&p2).expect("append");
    let p3 = d.create_element("p").expect("p");
    p3.set_text_content(Some(CLAIM));
    root.append_child(&p3).expect("append");

    let page = collect(root.as_ref());
    // Each lone surrogate is one U+FFFD: one UTF-16 unit either way.
    let dom_units: u32 = page.segments.iter().map(|s| s.len).sum();
    let node_units: u32 = page
        .segments
        .iter()
        .map(|s| {
            let n: &Node = s.node.as_ref();
            js_sys::Reflect::get(n, &"data".into())
                .expect("data")
                .dyn_into::<js_sys::JsString>()
                .expect("a string")
                .length()
        })
        .sum();
    assert_eq!(dom_units, node_units);
    assert!(
        page.text
            .contains("\u{FFFD}Pemungutan suara\u{FFFD} Pemilu")
    );
    let engine = Engine::new().expect("engine");
    let claims = assert_claims_map_back(&page, &engine);
    let verdicts: Vec<Verdict> = claims.iter().map(|c| c.verdict).collect();
    assert_eq!(
        verdicts,
        [
            Verdict::Contradicted,
            Verdict::Verified,
            Verdict::Contradicted
        ],
        "{claims:#?}"
    );
    // The split pair starts the second sentence: two U+FFFD in Rust, one emoji in the DOM.
    assert!(claims[1].text.ends_with(DPT), "{:?}", claims[1].text);
    root.remove();
}

#[wasm_bindgen_test]
fn right_to_left_embeddings_in_the_page() {
    let root = container();
    root.set_inner_html(concat!(
        "<p dir=\"rtl\">تم إجراء الانتخابات في إندونيسيا.</p>",
        "<p><bdo dir=\"rtl\">Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</bdo></p>",
        "<p>\u{202B}KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.\u{202C}</p>",
        "<p>שלום \u{200F}עולם\u{200F}</p>"
    ));
    let page = collect(root.as_ref());
    let engine = Engine::new().expect("engine");
    let claims = assert_claims_map_back(&page, &engine);
    let verdicts: Vec<Verdict> = claims.iter().map(|c| c.verdict).collect();
    assert_eq!(verdicts, [Verdict::Contradicted, Verdict::Verified]);
    root.remove();
}

// ---------------------------------------------------------------------------------------------
// Bundles through the JavaScript API
// ---------------------------------------------------------------------------------------------

const VALID: &str = include_str!("fixtures/bad-bundles/valid.json");
const HOAX_SENTENCE: &str = "Beredar kabar Rizal Ramli ditindak Densus 88 kemarin.";

const BAD: &[(&str, &str, &str)] = &[
    (
        "malformed.json",
        include_str!("fixtures/bad-bundles/malformed.json"),
        "at $: not valid JSON at line 14, column 7",
    ),
    (
        "wrong-version.json",
        include_str!("fixtures/bad-bundles/wrong-version.json"),
        "at $.schema_version: is 2; this build reads only version 1",
    ),
    (
        "duplicate-ids.json",
        include_str!("fixtures/bad-bundles/duplicate-ids.json"),
        "at $.debunked[1].id:",
    ),
    (
        "javascript-url.json",
        include_str!("fixtures/bad-bundles/javascript-url.json"),
        "at $.debunked[0].url: \"javascript:alert(document.domain)\" is a javascript: address",
    ),
    (
        "data-url.json",
        include_str!("fixtures/bad-bundles/data-url.json"),
        "at $.sources[0].url:",
    ),
    (
        "control-characters.json",
        include_str!("fixtures/bad-bundles/control-characters.json"),
        "U+001B",
    ),
    (
        "huge-array.json",
        include_str!("fixtures/bad-bundles/huge-array.json"),
        "at $.debunked[0].variants: has 1001 items",
    ),
    (
        "deep-nesting.json",
        include_str!("fixtures/bad-bundles/deep-nesting.json"),
        "nested too deeply",
    ),
];

fn message(e: wasm_bindgen::JsError) -> String {
    let v = JsValue::from(e);
    js_sys::Reflect::get(&v, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .map(String::from)
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn add_bundle_refuses_bad_bundles_and_changes_nothing() {
    assert_eq!(max_bundle_bytes(), 16 * 1024 * 1024);
    let mut checker = Checker::new().expect("checker");
    checker
        .add_bundle("valid.json", JsValue::from_str(VALID))
        .expect("the valid fixture loads");
    let info = json(&checker.bundle_info().expect("info"));
    let seen = json(&checker.check(HOAX_SENTENCE, None, None).expect("check"));
    assert!(seen.contains("\"verdict\":\"debunked\""), "{seen}");
    assert!(seen.contains("uji-thx-2023-09-11-rizal-ramli"), "{seen}");

    let mut refused: Vec<(String, JsValue, String)> = BAD
        .iter()
        .map(|(n, j, m)| (n.to_string(), JsValue::from_str(j), m.to_string()))
        .collect();
    refused.push((
        "angka.json".into(),
        JsValue::from(42),
        "must be given as the file's text".into(),
    ));
    // Over the limit in UTF-16 units: refused before the string is copied into the module.
    let big = js_sys::JsString::from("x").repeat(16 * 1024 * 1024 + 1);
    refused.push((
        "besar.json".into(),
        big.into(),
        "bundles are limited to 16 MiB".into(),
    ));
    for (name, value, expected) in refused {
        let t = now();
        let e = checker
            .add_bundle(&name, value)
            .expect_err("a bad bundle is refused");
        let m = message(e);
        assert!(m.starts_with(&format!("{name}: at $")), "{name}: {m}");
        assert!(m.contains(&expected), "{name}: {m}");
        assert!(now() - t < 10_000.0, "{name} took {} ms", now() - t);
        assert_eq!(json(&checker.bundle_info().expect("info")), info, "{name}");
        assert_eq!(
            json(&checker.check(HOAX_SENTENCE, None, None).expect("check")),
            seen,
            "{name} changed what the checker finds"
        );
    }
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let w = web_sys::window().expect("window");
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn markup_in_a_bundle_text_never_becomes_markup_in_the_card() {
    // The claim, the rating and the source name carry handlers that would set a flag on the
    // window if any of it were parsed as HTML.
    let hostile = VALID
        .replace(
            "\"claim_reviewed\": \"Rizal Ramli Ditindak Densus 88\"",
            "\"claim_reviewed\": \"<img src=x onerror=\\\"window.saringXss=1\\\">Rizal Ramli Ditindak Densus 88<script>window.saringXss=2</script>\", \"variants\": [\"Rizal Ramli ditindak Densus 88\"]",
        )
        .replace(
            "\"rating\": \"Salah\"",
            "\"rating\": \"<svg onload=\\\"window.saringXss=3\\\">Salah</svg>\"",
        );
    assert_ne!(hostile, VALID);
    let root = container();
    let p = doc().create_element("p").expect("p");
    p.set_text_content(Some(HOAX_SENTENCE));
    root.append_child(&p).expect("append");

    let opts = js_sys::Object::new();
    let bundles = js_sys::Array::new();
    bundles.push(&JsValue::from_str(&hostile));
    js_sys::Reflect::set(&opts, &"bundles".into(), &bundles).expect("set");
    let scanner = PageScanner::new(opts.into()).expect("scanner");
    scanner.scan().expect("scan");
    assert_eq!(
        attr("data-saring-counts").as_deref(),
        Some(r#"{"verified":0,"contradicted":0,"debunked":1,"unverified":0}"#)
    );
    scanner.focus_claim(0).expect("open the card");
    sleep(300).await;
    let w = web_sys::window().expect("window");
    let flag = js_sys::Reflect::get(&w, &"saringXss".into()).expect("get");
    assert!(flag.is_undefined(), "bundle markup ran: {flag:?}");
    scanner.stop();
    root.remove();
}
