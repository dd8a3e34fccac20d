//! The page side in real browsers: `wasm-pack test --headless --chrome -- --test web` and
//! `--firefox`. Text walking over nested inline markup, hidden text and shadow DOM; UTF-16
//! offsets with emoji and combining marks; highlight registration; re-scans after changes.
#![cfg(target_arch = "wasm32")]

use saring::web::dom_text::collect;
use saring::web::scanner::PageScanner;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, Node, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// The fixture container with `html` inside (test fixtures only). The rest of the body is
/// the test runner's own output, which must stay.
fn fixture(html: &str) -> Element {
    let d = doc();
    if let Some(old) = d.get_element_by_id("saring-fixture") {
        old.remove();
    }
    let div = d.create_element("div").expect("div");
    div.set_id("saring-fixture");
    div.set_inner_html(html);
    d.body().expect("body").append_child(&div).expect("append");
    div
}

fn text_of(root: &Element) -> String {
    collect(root.as_ref()).text.trim().to_string()
}

#[wasm_bindgen_test]
fn nested_inline_markup_is_one_text() {
    let root = fixture("<p>Pe<b>mi</b><i>lu <span>20<em>24</em></span></i> digelar.</p>");
    assert_eq!(text_of(&root), "Pemilu 2024 digelar.");
}

#[wasm_bindgen_test]
fn hidden_and_non_text_elements_are_skipped() {
    let root = fixture(concat!(
        "<p>terlihat</p>",
        "<div hidden>tersembunyi1</div>",
        "<div style=\"display:none\">tersembunyi2</div>",
        "<div style=\"visibility:hidden\">tersembunyi3</div>",
        "<div aria-hidden=\"true\">tersembunyi4</div>",
        "<div contenteditable=\"true\">draf</div>",
        "<script>var x = 'skrip';</script><style>p{}</style>",
        "<textarea>isian</textarea><noscript>noscript</noscript>"
    ));
    assert_eq!(text_of(&root), "terlihat");
}

#[wasm_bindgen_test]
fn blocks_are_separate_lines_and_source_newlines_are_spaces() {
    let root = fixture("<h1>Judul</h1><p>kalimat\npertama</p><ul><li>satu</li><li>dua</li></ul>");
    let t = text_of(&root);
    assert_eq!(t, "Judul\nkalimat pertama\nsatu\ndua");
}

#[wasm_bindgen_test]
fn open_shadow_roots_are_entered() {
    let root = fixture("<p>luar</p><div id=\"host\"></div>");
    let host = doc().get_element_by_id("host").expect("host");
    let sr = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .expect("shadow");
    sr.set_inner_html("<p>dalam bayangan</p>");
    assert_eq!(text_of(&root), "luar\ndalam bayangan");
}

#[wasm_bindgen_test]
fn utf16_positions_map_back_to_nodes_with_emoji_and_marks() {
    let root = fixture("<p>😀 e\u{301} <b>KPU</b> 中文</p>");
    let page = collect(root.as_ref());
    let t = &page.text;
    // Find "KPU" in the page string, in UTF-16 units.
    let byte = t.find("KPU").expect("KPU in text");
    let start = t[..byte].encode_utf16().count() as u32;
    let (sn, so) = page.position(start, false).expect("start");
    let (en, eo) = page.position(start + 3, true).expect("end");
    let range = doc().create_range().expect("range");
    range.set_start(&sn, so).expect("set start");
    range.set_end(&en, eo).expect("set end");
    assert_eq!(String::from(range.to_string()), "KPU");
}

fn attr(name: &str) -> Option<String> {
    doc().document_element().and_then(|h| h.get_attribute(name))
}

fn highlight_size(name: &str) -> u32 {
    let window = web_sys::window().expect("window");
    let css = js_sys::Reflect::get(&window, &"CSS".into()).expect("CSS");
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).expect("registry");
    let get: js_sys::Function = js_sys::Reflect::get(&reg, &"get".into())
        .expect("get")
        .dyn_into()
        .expect("function");
    let hl = get.call1(&reg, &name.into()).expect("call");
    if hl.is_undefined() {
        return 0;
    }
    js_sys::Reflect::get(&hl, &"size".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32
}

#[wasm_bindgen_test]
fn scanner_highlights_claims_and_sets_the_test_hook() {
    fixture(concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<p>KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.</p>",
        "<p hidden>DPR hasil Pemilu 2024 memiliki 575 kursi.</p>"
    ));
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    scanner.scan().expect("scan");
    assert_eq!(attr("data-saring-state").as_deref(), Some("done"));
    assert_eq!(
        attr("data-saring-counts").as_deref(),
        Some(r#"{"verified":1,"contradicted":1,"debunked":0,"unverified":0}"#)
    );
    assert_eq!(highlight_size("saring-contradicted"), 1);
    assert_eq!(highlight_size("saring-verified"), 1);
    scanner.stop();
    assert_eq!(attr("data-saring-state").as_deref(), Some("off"));
    assert_eq!(highlight_size("saring-contradicted"), 0);
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let w = web_sys::window().expect("window");
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn changes_are_rescanned_and_vanished_ranges_dropped() {
    let root =
        fixture("<p id=\"first\">Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>");
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    scanner.scan().expect("scan");
    assert_eq!(highlight_size("saring-contradicted"), 1);

    // An article appended later (infinite scroll).
    let p: HtmlElement = doc()
        .create_element("p")
        .expect("p")
        .dyn_into()
        .expect("html");
    p.set_text_content(Some("DPR hasil Pemilu 2024 memiliki 575 kursi."));
    root.append_child(&p).expect("append");
    sleep(1200).await;
    assert_eq!(highlight_size("saring-contradicted"), 2);

    // The first claim's node goes away.
    let first: Node = doc().get_element_by_id("first").expect("first").into();
    root.remove_child(&first).expect("remove");
    sleep(1200).await;
    assert_eq!(highlight_size("saring-contradicted"), 1);
    assert_eq!(
        attr("data-saring-counts").as_deref(),
        Some(r#"{"verified":0,"contradicted":1,"debunked":0,"unverified":0}"#)
    );
    scanner.stop();
}

#[wasm_bindgen_test]
async fn a_sliced_scan_of_a_long_page_finds_what_one_scan_finds() {
    let para = concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<p>KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.</p>",
        "<p>Cuaca cerah di Jakarta hari ini, suhu 31 derajat.</p>"
    );
    fixture(&para.repeat(300));
    let one = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    one.scan().expect("scan");
    let expected = attr("data-saring-counts");
    one.stop();
    drop(one);

    let sliced = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    let counts = wasm_bindgen_futures::JsFuture::from(sliced.start())
        .await
        .expect("start");
    assert!(!counts.is_null());
    assert_eq!(attr("data-saring-state").as_deref(), Some("done"));
    assert_eq!(attr("data-saring-counts"), expected);
    assert_eq!(
        expected.as_deref(),
        Some(r#"{"verified":300,"contradicted":300,"debunked":0,"unverified":0}"#)
    );
    assert_eq!(highlight_size("saring-contradicted"), 300);
    sliced.stop();
}

fn last_scan(scanner: &PageScanner, field: &str) -> u32 {
    let stats = scanner.last_scan().expect("stats");
    js_sys::Reflect::get(&stats, &field.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(-1.0) as u32
}

/// Paragraphs that differ from one another, so that no two parts of the page are alike.
fn numbered_paragraphs(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>Laporan {i}: pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024 di TPS {i}.</p>\
                 <p>Warga kampung {i} menonton pertandingan sepak bola pada sore hari.</p>"
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_rescan_after_the_page_grows_checks_only_the_new_text() {
    let root = fixture(&numbered_paragraphs(400));
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    wasm_bindgen_futures::JsFuture::from(scanner.start())
        .await
        .expect("start");
    let parts = last_scan(&scanner, "parts");
    assert!(parts >= 5, "a 50 KB page is checked in parts: {parts}");
    assert_eq!(last_scan(&scanner, "checked"), parts);
    assert_eq!(highlight_size("saring-contradicted"), 400);

    // Infinite scroll: one more article at the end.
    let p: HtmlElement = doc()
        .create_element("p")
        .expect("p")
        .dyn_into()
        .expect("html");
    p.set_text_content(Some("DPR hasil Pemilu 2024 memiliki 575 kursi."));
    root.append_child(&p).expect("append");
    sleep(1500).await;
    assert_eq!(highlight_size("saring-contradicted"), 401);
    let checked = last_scan(&scanner, "checked");
    let reused = last_scan(&scanner, "reused");
    assert!(
        checked <= 2,
        "only the changed tail is checked again: {checked}"
    );
    assert!(
        reused + 2 >= parts,
        "the rest comes from the cache: {reused} of {parts}"
    );

    // An edit in the middle: the parts around it are checked, the others are not.
    let mid: Node = root
        .children()
        .item(400)
        .expect("a paragraph in the middle")
        .into();
    mid.set_text_content(Some(
        "KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.",
    ));
    sleep(1500).await;
    assert!(last_scan(&scanner, "checked") <= 3);
    assert_eq!(highlight_size("saring-verified"), 1);
    scanner.stop();
}

#[wasm_bindgen_test]
async fn a_dismissed_claim_stays_hidden_across_rescans() {
    let root = fixture(concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<p>KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.</p>",
        "<p>Sekali lagi: pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>"
    ));
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    wasm_bindgen_futures::JsFuture::from(scanner.start())
        .await
        .expect("start");
    assert_eq!(highlight_size("saring-contradicted"), 2);
    scanner.dismiss(0).expect("dismiss");
    // The first claim is gone, the second contradicted one has other text and stays.
    assert_eq!(highlight_size("saring-contradicted"), 1);
    assert_eq!(
        attr("data-saring-counts").as_deref(),
        Some(r#"{"verified":1,"contradicted":1,"debunked":0,"unverified":0}"#)
    );
    // A change re-scans the page; the dismissed claim does not come back.
    let p: HtmlElement = doc()
        .create_element("p")
        .expect("p")
        .dyn_into()
        .expect("html");
    p.set_text_content(Some("Cuaca cerah di Jakarta hari ini."));
    root.append_child(&p).expect("append");
    sleep(1500).await;
    assert_eq!(attr("data-saring-state").as_deref(), Some("done"));
    assert_eq!(highlight_size("saring-contradicted"), 1);
    scanner.stop();
}

/// Runs `code` as a script in the page (test set-up only).
fn run_js(code: &str) {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("script runs");
}

#[wasm_bindgen_test]
async fn a_failing_scan_sets_error_and_leaves_the_page_alone() {
    let root = fixture(concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<button id=\"own\">own</button>"
    ));
    let before = root.inner_html();
    // The page's own listener, and a browser without the highlight registry (it throws).
    run_js(
        "window.ownClicks = 0; document.getElementById('own').addEventListener('click', () => { window.ownClicks += 1; });\
         window.savedHighlights = Object.getOwnPropertyDescriptor(CSS, 'highlights');\
         Object.defineProperty(CSS, 'highlights', { get() { throw new Error('no registry'); }, configurable: true });",
    );
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    let result = wasm_bindgen_futures::JsFuture::from(scanner.start()).await;
    run_js(
        "if (window.savedHighlights) Object.defineProperty(CSS, 'highlights', window.savedHighlights);\
         else delete CSS.highlights;",
    );
    assert!(result.is_err(), "the scan fails");
    assert_eq!(attr("data-saring-state").as_deref(), Some("error"));
    // The page is as it was and its own script still works.
    assert_eq!(root.inner_html(), before);
    let own: HtmlElement = doc()
        .get_element_by_id("own")
        .expect("button")
        .dyn_into()
        .expect("html");
    own.click();
    let clicks = js_sys::Reflect::get(&web_sys::window().expect("window"), &"ownClicks".into())
        .expect("ownClicks")
        .as_f64();
    assert_eq!(clicks, Some(1.0));
    scanner.stop();
    // With the registry back, a new scanner works.
    let again = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    wasm_bindgen_futures::JsFuture::from(again.start())
        .await
        .expect("scan");
    assert_eq!(attr("data-saring-state").as_deref(), Some("done"));
    again.stop();
}

fn first_claim_key(scanner: &PageScanner) -> String {
    let claims = scanner.claims().expect("claims");
    let first = js_sys::Reflect::get(&claims, &0.into()).expect("a claim");
    js_sys::Reflect::get(&first, &"key".into())
        .expect("key")
        .as_string()
        .expect("a string")
}

fn scanner_with(dismissed: &[&str], bundles: &[&str]) -> PageScanner {
    let opts = js_sys::Object::new();
    let d: js_sys::Array = dismissed
        .iter()
        .map(|k| wasm_bindgen::JsValue::from(*k))
        .collect();
    let b: js_sys::Array = bundles
        .iter()
        .map(|k| wasm_bindgen::JsValue::from(*k))
        .collect();
    js_sys::Reflect::set(&opts, &"dismissed".into(), &d).expect("set");
    js_sys::Reflect::set(&opts, &"bundles".into(), &b).expect("set");
    PageScanner::new(opts.into()).expect("scanner")
}

#[wasm_bindgen_test]
fn a_dismissal_holds_until_the_bundles_change() {
    fixture("<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>");
    let newsroom = include_str!("e2e/pages/bundle-newsroom.json");
    let first = scanner_with(&[], &[]);
    first.scan().expect("scan");
    let key = first_claim_key(&first);
    assert!(
        key.starts_with(&format!("{}:", first.bundle_signature())),
        "{key}"
    );
    first.stop();

    // The same bundles: the dismissed claim stays hidden.
    let same = scanner_with(&[&key], &[]);
    same.scan().expect("scan");
    assert_eq!(highlight_size("saring-contradicted"), 0);
    same.stop();

    // Another set of bundles (a list imported): the claim is shown again.
    let other = scanner_with(&[&key], &[newsroom]);
    assert_ne!(other.bundle_signature(), first.bundle_signature());
    other.scan().expect("scan");
    assert_eq!(highlight_size("saring-contradicted"), 1);
    other.stop();
}

fn build_steps_measured() -> usize {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0, |p| {
            p.get_entries_by_name("saring:build-step").length() as usize
        })
}

#[wasm_bindgen_test]
async fn a_scanner_created_in_steps_is_the_one_built_at_once() {
    fixture(concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<p>KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.</p>"
    ));
    let newsroom = include_str!("e2e/pages/bundle-newsroom.json");
    let opts = || {
        let opts = js_sys::Object::new();
        let b: js_sys::Array = ["{ not json", newsroom]
            .iter()
            .map(|k| wasm_bindgen::JsValue::from(*k))
            .collect();
        js_sys::Reflect::set(&opts, &"bundles".into(), &b).expect("set");
        wasm_bindgen::JsValue::from(opts)
    };
    let at_once = PageScanner::new(opts()).expect("scanner");
    at_once.scan().expect("scan");
    let expected = attr("data-saring-counts");
    at_once.stop();

    let before = build_steps_measured();
    let stepped = PageScanner::create(opts()).await.expect("scanner");
    // One task per step, each measured for the benchmarks.
    assert!(build_steps_measured() - before >= 8);
    assert_eq!(stepped.bundle_signature(), at_once.bundle_signature());
    assert!(
        stepped.bundle_signature().contains('+'),
        "the good bundle of one's own is loaded"
    );
    stepped.scan().expect("scan");
    assert_eq!(attr("data-saring-counts"), expected);
    stepped.stop();
}

/// The ranges registered under the highlight `name`.
fn highlighted(name: &str) -> Vec<web_sys::Range> {
    let window = web_sys::window().expect("window");
    let css = js_sys::Reflect::get(&window, &"CSS".into()).expect("CSS");
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).expect("registry");
    let get: js_sys::Function = js_sys::Reflect::get(&reg, &"get".into())
        .expect("get")
        .dyn_into()
        .expect("function");
    let hl = get.call1(&reg, &name.into()).expect("call");
    if hl.is_undefined() {
        return Vec::new();
    }
    js_sys::try_iter(&hl)
        .expect("iterable")
        .expect("a set")
        .map(|r| r.expect("a range").dyn_into().expect("Range"))
        .collect()
}

/// The `<p>` holding the start of `r`.
fn paragraph_of(r: &web_sys::Range) -> Element {
    r.start_container()
        .expect("start")
        .parent_element()
        .expect("a paragraph")
}

#[wasm_bindgen_test]
async fn with_thousands_of_claims_only_those_near_the_viewport_are_highlighted() {
    let para = concat!(
        "<p>Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.</p>",
        "<p>KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.</p>"
    );
    let root = fixture(&para.repeat(1100));
    let window = web_sys::window().expect("window");
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let scanner = PageScanner::new(wasm_bindgen::JsValue::UNDEFINED).expect("scanner");
    wasm_bindgen_futures::JsFuture::from(scanner.start())
        .await
        .expect("start");
    // Every claim is counted…
    assert_eq!(
        attr("data-saring-counts").as_deref(),
        Some(r#"{"verified":1100,"contradicted":1100,"debunked":0,"unverified":0}"#)
    );
    // …and the claims near the viewport are highlighted once the observer has called back.
    sleep(400).await;
    let near = highlighted("saring-verified").len() + highlighted("saring-contradicted").len();
    assert!(
        near > 0 && near < 2200,
        "{near} of 2,200 claims highlighted"
    );
    let height = window
        .inner_height()
        .expect("height")
        .as_f64()
        .expect("number");
    for r in highlighted("saring-contradicted") {
        let top = paragraph_of(&r).get_bounding_client_rect().top();
        assert!(
            top > -3.0 * height && top < 4.0 * height,
            "a highlight far away: {top}"
        );
    }
    let first = root.first_element_child().expect("first p");
    let last = root.last_element_child().expect("last p");
    let holds = |p: &Element| {
        highlighted("saring-verified")
            .iter()
            .chain(&highlighted("saring-contradicted"))
            .any(|r| paragraph_of(r) == *p)
    };
    assert!(
        !holds(&last),
        "the last paragraph is far below the viewport"
    );

    // Scrolling to the end moves the highlights there.
    last.scroll_into_view();
    sleep(400).await;
    assert!(
        holds(&last),
        "the last paragraph, now in view, is highlighted"
    );
    assert!(!holds(&first), "the first paragraph, now far above, is not");

    // Dismissing one text dismisses its 1,100 copies: 1,100 claims left, all highlighted.
    let claims = scanner.claims().expect("claims");
    let n = js_sys::Array::from(&claims).length();
    assert_eq!(n, 2200);
    scanner.dismiss((n - 1) as usize).expect("dismiss");
    let left = highlighted("saring-verified").len() + highlighted("saring-contradicted").len();
    assert_eq!(left, 1100);
    scanner.stop();
    assert_eq!(highlighted("saring-contradicted").len(), 0);
    window.scroll_to_with_x_and_y(0.0, 0.0);
    root.remove();
}
