//! `PageScanner`: the page side of the extension, in Rust.
//!
//! It walks the page's visible text ([`super::dom_text`]), checks it with the engine, turns
//! each claim's UTF-16 span into a DOM `Range`, highlights them ([`super::highlight`]), opens
//! the claim card on click, hover or a keyboard shortcut ([`super::card`]), re-scans when the
//! page changes (a debounced `MutationObserver`), and keeps the test hook on `<html>`
//! (`data-saring-state`, `data-saring-counts`) current. The content script only loads it.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, Event, KeyboardEvent, MouseEvent, MutationObserver, MutationObserverInit,
    Node, Range,
};

use super::card::{Action, Card, Labels};
use super::dom_text::{PageText, Walker, collect};
use super::highlight;
use super::nearby::{Nearby, Owner};
use crate::engine::{BuildStep, EngineBuild};
use crate::parts::{PartCache, PartScan};
use crate::text::normalize::fold;
use crate::{CheckOptions, Claim, Engine, Lang, Verdict};

/// Options the content script passes in.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Options {
    lang: Option<String>,
    /// "all" (default) or "problems" (only contradicted and debunked are highlighted).
    sensitivity: Option<String>,
    /// Normalised texts of claims the reader dismissed.
    dismissed: Vec<String>,
    /// Extra bundles (JSON texts) the reader enabled.
    bundles: Vec<String>,
    /// The card's words in the reader's language (from the extension's `_locales`).
    labels: Labels,
}

/// A claim as the popup lists it.
#[derive(Serialize)]
struct Listed<'a> {
    index: usize,
    key: String,
    #[serde(flatten)]
    claim: &'a Claim,
}

struct Inner {
    engine: Engine,
    lang: Lang,
    labels: Labels,
    problems_only: bool,
    dismissed: HashSet<String>,
    page: PageText,
    claims: Vec<Claim>,
    ranges: Vec<Option<Range>>,
    card: Option<Card>,
    current: Option<usize>,
    on_change: Option<js_sys::Function>,
    observer: Option<MutationObserver>,
    timer: Option<i32>,
    listening: bool,
    stopped: bool,
    bundle_version: String,
    /// The content hashes of the bundles in use, joined: what dismissals are remembered under.
    bundle_sig: String,
    /// Incremented by every scan: a sliced scan overtaken by a newer one drops its results.
    generation: u64,
    /// What each part of the page text gave at the last sliced scan, by the part's text: a
    /// re-scan after the page changed checks only the parts whose text is new.
    parts: PartCache,
    /// When the first change not yet re-scanned came (ms): changes that keep coming (a ticker,
    /// a clock) postpone the re-scan at most [`RESCAN_MAX_WAIT_MS`].
    pending_since: Option<f64>,
    /// The last completed sliced scan: parts checked, parts taken from the cache, time.
    last_scan: ScanStats,
    /// Closures handed to the DOM; kept alive as long as the scanner.
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    /// Listeners to remove when the scanner stops: (target, event, capture, closure index).
    listeners: Vec<(web_sys::EventTarget, &'static str, bool, usize)>,
    /// On a page with thousands of claims, which are near the viewport (only those are
    /// highlighted: see [`nearby`](super::nearby)).
    nearby: Nearby,
    /// This scanner, for the callbacks it hands out.
    me: std::rc::Weak<RefCell<Inner>>,
}

impl Owner for Inner {
    fn nearby(&mut self) -> &mut Nearby {
        &mut self.nearby
    }

    fn nearby_changed(&mut self) {
        if let Err(e) = self.set_highlights() {
            web_sys::console::warn_2(&"[Saring] could not highlight:".into(), &e);
        }
    }
}

impl Inner {
    /// Takes everything the scanner added to the page away again: listeners, observer, timer,
    /// card, highlights. After this no closure of ours can be called by the page.
    fn teardown(&mut self) {
        for (target, event, capture, i) in self.listeners.drain(..) {
            if let Some(c) = self.closures.get(i) {
                let _ = target.remove_event_listener_with_callback_and_bool(
                    event,
                    c.as_ref().unchecked_ref(),
                    capture,
                );
            }
        }
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        if let (Some(t), Some(w)) = (self.timer.take(), web_sys::window()) {
            w.clear_timeout_with_handle(t);
        }
        if let Some(c) = self.card.take() {
            c.remove();
        }
        self.nearby.forget();
        highlight::clear();
        self.claims.clear();
        self.ranges.clear();
        self.listening = false;
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.teardown();
    }
}

/// What the last sliced scan did (for tests and benchmarks: `PageScanner.lastScan()`).
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct ScanStats {
    parts: usize,
    checked: usize,
    reused: usize,
    ms: f64,
}

/// The key a dismissed claim is remembered by: the bundles' signature, then its folded text
/// with spaces collapsed. A dismissal holds until the bundles change (an update of the built-in
/// list, a list imported, changed or switched off): then the verdict may be another one, and
/// the claim is shown again.
pub fn claim_key(bundles: &str, text: &str) -> String {
    let text = fold(text).split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{bundles}:{text}")
}

fn document() -> Result<Document, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsError::new("no document"))
}

fn set_state(doc: &Document, state: &str) {
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-saring-state", state);
    }
}

fn counts_json(claims: &[Claim]) -> String {
    let mut c = [0usize; 4];
    for cl in claims {
        c[cl.verdict as usize] += 1;
    }
    format!(
        "{{\"verified\":{},\"contradicted\":{},\"debunked\":{},\"unverified\":{}}}",
        c[0], c[1], c[2], c[3]
    )
}

impl Inner {
    fn shown(&self, v: Verdict) -> bool {
        !self.problems_only || matches!(v, Verdict::Contradicted | Verdict::Debunked)
    }

    /// Walks, checks, highlights; sets the test hook. Returns the counts JSON. In one task:
    /// for small pages and tests; pages go through [`run_sliced`].
    fn scan(&mut self) -> Result<String, JsValue> {
        let doc = document().map_err(JsValue::from)?;
        set_state(&doc, "scanning");
        self.generation += 1;
        let page = collect(&page_root(&doc));
        let report = self.engine.check(&page.text, &self.options(&doc));
        self.finish(page, report.claims)
    }

    fn options(&self, doc: &Document) -> CheckOptions {
        CheckOptions {
            lang: Some(self.lang),
            url: doc.url().ok(),
        }
    }

    /// Turns the claims of `page` into ranges and highlights, and sets the test hook.
    fn finish(&mut self, page: PageText, claims: Vec<Claim>) -> Result<String, JsValue> {
        let claims = self.undismissed(claims);
        let ranges = ranges_for(&page, &claims)?;
        self.finish_with(page, claims, ranges)
    }

    /// The claims the reader has not dismissed.
    fn undismissed(&self, claims: Vec<Claim>) -> Vec<Claim> {
        if self.dismissed.is_empty() {
            return claims; // no key to fold for each claim
        }
        claims
            .into_iter()
            .filter(|c| {
                !self
                    .dismissed
                    .contains(&claim_key(&self.bundle_sig, &c.text))
            })
            .collect()
    }

    /// Holds `claims` with their `ranges` (one each), highlights them, sets the test hook.
    fn finish_with(
        &mut self,
        page: PageText,
        claims: Vec<Claim>,
        ranges: Vec<Option<Range>>,
    ) -> Result<String, JsValue> {
        self.page = page;
        self.claims = claims;
        self.ranges = ranges;
        self.current = None;
        if let Some(card) = &self.card {
            card.hide();
        }
        self.publish()
    }

    /// Registers the highlights of the claims held (near the viewport, on a page with many).
    fn set_highlights(&self) -> Result<(), JsValue> {
        let groups: Vec<(Verdict, Vec<Range>)> = Verdict::ALL
            .into_iter()
            .filter(|v| self.shown(*v))
            .map(|v| {
                let rs = self
                    .claims
                    .iter()
                    .zip(&self.ranges)
                    .enumerate()
                    .filter(|(i, (c, _))| c.verdict == v && self.nearby.shows(*i))
                    .filter_map(|(_, (_, r))| r.clone())
                    .collect();
                (v, rs)
            })
            .collect();
        highlight::set(&groups)
    }

    /// Registers the highlights of the claims held, and tells the counts: the test hook on
    /// `<html>` and the `on_change` callback.
    fn publish(&mut self) -> Result<String, JsValue> {
        let doc = document().map_err(JsValue::from)?;
        let me = self.me.clone();
        self.nearby.place(&self.ranges, &me);
        self.set_highlights()?;
        let counts = counts_json(&self.claims);
        if let Some(html) = doc.document_element() {
            html.set_attribute("data-saring-counts", &counts)?;
        }
        set_state(&doc, "done");
        if let Some(f) = &self.on_change
            && let Ok(v) = js_sys::JSON::parse(&counts)
        {
            let _ = f.call1(&JsValue::NULL, &v);
        }
        Ok(counts)
    }

    /// The claim whose range holds the point (`x`, `y`) of the viewport.
    fn claim_at(&self, doc: &Document, x: f64, y: f64) -> Option<usize> {
        let (node, offset) = caret_at(doc, x, y)?;
        self.ranges.iter().enumerate().find_map(|(i, r)| {
            let r = r.as_ref()?;
            if !self.shown(self.claims[i].verdict) {
                return None;
            }
            r.is_point_in_range(&node, offset).ok()?.then_some(i)
        })
    }

    fn open(&mut self, i: usize, scroll: bool) -> Result<(), JsValue> {
        let doc = document().map_err(JsValue::from)?;
        let Some(Some(range)) = self.ranges.get(i) else {
            return Ok(());
        };
        if scroll
            && let Ok(node) = range.start_container()
            && let Some(el) = node.parent_element()
        {
            el.scroll_into_view();
        }
        let rect = range.get_bounding_client_rect();
        let window = web_sys::window().ok_or("no window")?;
        // Keep the card (at most 28rem wide) inside the viewport.
        let width = window
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        let sx = window.scroll_x().unwrap_or(0.0);
        let x = (rect.left() + sx).min(sx + width - 470.0).max(sx + 8.0);
        let y = rect.bottom() + window.scroll_y().unwrap_or(0.0) + 6.0;
        if self.card.is_none() {
            self.card = Some(Card::new(&doc)?);
        }
        if let Some(card) = &self.card {
            card.show(&doc, &self.claims[i], self.lang, &self.labels, x, y)?;
        }
        self.current = Some(i);
        Ok(())
    }

    fn step(&mut self, forward: bool) -> Result<(), JsValue> {
        let visible: Vec<usize> = (0..self.claims.len())
            .filter(|&i| self.ranges[i].is_some() && self.shown(self.claims[i].verdict))
            .collect();
        if visible.is_empty() {
            return Ok(());
        }
        let next = match (self.current, forward) {
            (None, true) => visible[0],
            (None, false) => visible[visible.len() - 1],
            (Some(c), true) => *visible.iter().find(|&&i| i > c).unwrap_or(&visible[0]),
            (Some(c), false) => *visible
                .iter()
                .rev()
                .find(|&&i| i < c)
                .unwrap_or(&visible[visible.len() - 1]),
        };
        self.open(next, true)?;
        if let Some(card) = &self.card {
            card.focus();
        }
        Ok(())
    }

    fn report_text(&self, i: usize) -> String {
        let c = &self.claims[i];
        let url = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        format!(
            "Laporan Saring / Saring report\nKlaim / Claim: {}\nPutusan / Verdict: {}\nAlasan / Reason: {}\nHalaman / Page: {}\nBundel / Bundle: {}\n",
            c.text.split_whitespace().collect::<Vec<_>>().join(" "),
            c.verdict.as_str(),
            c.reason.en,
            url,
            self.bundle_version
        )
    }

    /// Hides claim `i` and every other claim with the same text, without a re-scan. Returns
    /// the key it is remembered by.
    fn dismiss(&mut self, i: usize) -> Result<Option<String>, JsValue> {
        let Some(key) = self
            .claims
            .get(i)
            .map(|c| claim_key(&self.bundle_sig, &c.text))
        else {
            return Ok(None);
        };
        let (claims, ranges) = std::mem::take(&mut self.claims)
            .into_iter()
            .zip(std::mem::take(&mut self.ranges))
            .filter(|(c, _)| claim_key(&self.bundle_sig, &c.text) != key)
            .unzip();
        self.claims = claims;
        self.ranges = ranges;
        self.dismissed.insert(key.clone());
        self.current = None;
        if let Some(card) = &self.card {
            card.hide();
        }
        self.publish()?;
        Ok(Some(key))
    }
}

/// The DOM range of each claim, or `None` where its text is no longer in the page.
fn ranges_for(page: &PageText, claims: &[Claim]) -> Result<Vec<Option<Range>>, JsValue> {
    let doc = document().map_err(JsValue::from)?;
    let mut ranges = Vec::with_capacity(claims.len());
    for c in claims {
        let r = match (
            page.position(c.start_utf16 as u32, false),
            page.position(c.end_utf16 as u32, true),
        ) {
            (Some((sn, so)), Some((en, eo))) => {
                let r = doc.create_range()?;
                r.set_start(&sn, so)?;
                r.set_end(&en, eo)?;
                Some(r)
            }
            _ => None,
        };
        ranges.push(r);
    }
    Ok(ranges)
}

fn page_root(doc: &Document) -> Node {
    match doc.body() {
        Some(b) => b.into(),
        None => doc.clone().into(),
    }
}

/// Work on the page is cut into slices of about this many milliseconds, so that the page
/// stays responsive (a long task is one over 50 ms).
const SLICE_MS: f64 = 20.0;
/// One slice of work on the main thread: how long it has run, and how fast checking went so
/// far in this scan, to tell whether the next part still fits. (Checking a part of a few KB
/// takes a few ms, three times that on a loaded machine: waiting until the slice is over
/// before yielding would let slices run well past 50 ms.)
#[derive(Clone, Copy)]
struct Slice {
    t0: f64,
    /// Milliseconds per byte, the slowest part seen in this scan (starts at a guess).
    ms_per_byte: f64,
}

impl Slice {
    fn start() -> Slice {
        Slice {
            t0: now(),
            ms_per_byte: 0.004,
        }
    }

    fn restart(self) -> Slice {
        Slice { t0: now(), ..self }
    }

    fn elapsed(&self) -> f64 {
        now() - self.t0
    }

    fn would_overrun(&self, next_bytes: usize) -> bool {
        let elapsed = self.elapsed();
        elapsed > 0.0 && elapsed + self.ms_per_byte * next_bytes as f64 > SLICE_MS
    }

    fn learn(&mut self, bytes: usize, ms: f64) {
        if bytes > 0 {
            self.ms_per_byte = (ms / bytes as f64).max(self.ms_per_byte * 0.9);
        }
    }
}

/// A change to the page is re-scanned this long after the last change…
const RESCAN_DELAY_MS: i32 = 600;
/// …but changes that keep coming postpone it at most this long.
const RESCAN_MAX_WAIT_MS: f64 = 2000.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// A performance measure from `start` to now (`saring:walk`, `saring:check`,
/// `saring:finish`), which the benchmarks read; a failure changes nothing.
fn measure(name: &str, start: f64) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let opts = js_sys::Object::new();
    let _ = Reflect::set(&opts, &"start".into(), &start.into());
    let _ = Reflect::set(&opts, &"end".into(), &perf.now().into());
    if let Ok(f) =
        Reflect::get(&perf, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = f.call2(&perf, &name.into(), &opts);
    }
}

/// `scheduler.yield()` where the browser has it (Chromium 129+): it lets input and rendering
/// run, then resumes at once. A `setTimeout(0)` chain is clamped to 4 ms a step after the
/// fifth, which on a large page added a fifth to the scan for nothing.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    if !scheduler.is_object() {
        return None;
    }
    let f: js_sys::Function = Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Lets the browser run other tasks (input, rendering) before going on.
async fn yield_now() {
    let p = scheduler_yield().unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| match web_sys::window() {
            Some(w) => {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
            None => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The scanner, while the scan of `generation` is still the one wanted (not stopped, not
/// overtaken by a newer scan, not dropped).
fn live(weak: &std::rc::Weak<RefCell<Inner>>, generation: u64) -> Option<Rc<RefCell<Inner>>> {
    let rc = weak.upgrade()?;
    let current = rc
        .try_borrow()
        .is_ok_and(|inner| inner.generation == generation && !inner.stopped);
    current.then_some(rc)
}

/// A scan cut into slices: walk the page (one task), check the text part by part, yielding
/// to the browser every [`SLICE_MS`], then highlight. A newer scan or a stop makes an older
/// one give up. Returns the counts JSON, or `None` when it gave up.
async fn run_sliced(weak: std::rc::Weak<RefCell<Inner>>) -> Result<Option<String>, JsValue> {
    let started = now();
    let doc = document().map_err(JsValue::from)?;
    let (generation, opts) = {
        let Some(rc) = weak.upgrade() else {
            return Ok(None);
        };
        let Ok(mut inner) = rc.try_borrow_mut() else {
            return Ok(None);
        };
        set_state(&doc, "scanning");
        inner.generation += 1;
        (inner.generation, inner.options(&doc))
    };
    // Read the page in slices too: walking a large page's DOM is itself a long task. The
    // first slice in a task of its own: start() follows the bundle load, itself a task's worth.
    yield_now().await;
    if live(&weak, generation).is_none() {
        return Ok(None);
    }
    let t_walk = now();
    let mut walker = Walker::new(&page_root(&doc));
    while !walker.run(now() + SLICE_MS, now) {
        yield_now().await;
        if live(&weak, generation).is_none() {
            return Ok(None);
        }
    }
    let page = walker.finish();
    measure("saring:walk", t_walk);
    yield_now().await;
    let t_check = now();
    let mut scan = PartScan::new(&page.text);
    let mut slice = Slice::start();
    loop {
        // Yield first when the next part would not fit in this slice any more.
        if slice.would_overrun(scan.next_len().unwrap_or(0)) {
            yield_now().await;
            slice = slice.restart();
        }
        {
            let Some(rc) = live(&weak, generation) else {
                return Ok(None);
            };
            let Ok(inner) = rc.try_borrow() else {
                return Ok(None);
            };
            let (len, checked) = (scan.next_len().unwrap_or(0), scan.checked);
            let t = now();
            if !scan.step(&inner.engine, &page.text, &opts, &inner.parts) {
                break;
            }
            if scan.checked > checked {
                slice.learn(len, now() - t);
            }
        }
    }
    let stats = ScanStats {
        parts: scan.checked + scan.reused,
        checked: scan.checked,
        reused: scan.reused,
        ms: 0.0,
    };
    let (claims, parts) = scan.finish();
    measure("saring:check", t_check);
    let t_finish = now();
    let claims = {
        let Some(rc) = live(&weak, generation) else {
            return Ok(None);
        };
        let Ok(inner) = rc.try_borrow() else {
            return Ok(None);
        };
        inner.undismissed(claims)
    };
    // Ranges, in slices too (thousands of claims on a long page).
    let mut ranges = Vec::with_capacity(claims.len());
    for chunk in claims.chunks(256) {
        if slice.elapsed() > SLICE_MS {
            yield_now().await;
            slice = slice.restart();
            if live(&weak, generation).is_none() {
                return Ok(None);
            }
        }
        ranges.extend(ranges_for(&page, chunk)?);
    }
    let Some(rc) = live(&weak, generation) else {
        return Ok(None);
    };
    let Ok(mut inner) = rc.try_borrow_mut() else {
        return Ok(None);
    };
    inner.last_scan = stats;
    inner.parts = parts;
    let counts = inner.finish_with(page, claims, ranges)?;
    measure("saring:finish", t_finish);
    inner.last_scan.ms = now() - started;
    Ok(Some(counts))
}

/// Starts a sliced scan that nobody awaits (a re-scan after changes): a failure sets the
/// test hook to `error` and is logged, never thrown into the page.
fn spawn_scan(weak: std::rc::Weak<RefCell<Inner>>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = run_sliced(weak).await {
            if let Ok(doc) = document() {
                set_state(&doc, "error");
            }
            web_sys::console::warn_2(&"[Saring] re-scan failed:".into(), &e);
        }
    });
}

fn caret_at(doc: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    // caretPositionFromPoint (standard, Firefox, Chromium 128+) or caretRangeFromPoint.
    if let Ok(f) = Reflect::get(doc, &"caretPositionFromPoint".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
        && let Ok(pos) = f.call2(doc, &x.into(), &y.into())
        && !pos.is_null()
    {
        let node = Reflect::get(&pos, &"offsetNode".into())
            .ok()?
            .dyn_into::<Node>()
            .ok()?;
        let off = Reflect::get(&pos, &"offset".into()).ok()?.as_f64()? as u32;
        return Some((node, off));
    }
    let f: js_sys::Function = Reflect::get(doc, &"caretRangeFromPoint".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let r: Range = f.call2(doc, &x.into(), &y.into()).ok()?.dyn_into().ok()?;
    Some((r.start_container().ok()?, r.start_offset().ok()?))
}

/// The content script's options, checked.
fn scanner_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("bad scanner options: {e}")))
}

/// The engine for these options: the default bundle and the reader's own. A bundle of one's own
/// that no longer validates is skipped, never fatal: the others keep working.
fn engine_build(opts: &Options) -> EngineBuild {
    EngineBuild::with_json(
        opts.bundles
            .iter()
            .enumerate()
            .map(|(i, json)| (format!("bundle-{i}.json"), json.clone()))
            .collect(),
    )
}

/// The page scanner the content script creates.
#[wasm_bindgen]
pub struct PageScanner {
    inner: Rc<RefCell<Inner>>,
}

#[wasm_bindgen]
impl PageScanner {
    /// `options`: `{lang, sensitivity, dismissed, bundles, labels}` (all optional). Builds the
    /// engine in one go: [`PageScanner::create`] is the same without a long task.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<PageScanner, JsError> {
        let opts = scanner_options(options)?;
        let engine = engine_build(&opts).finish().map_err(|e| JsError::new(&e))?;
        Ok(PageScanner::with_engine(opts, engine))
    }

    /// The same as `new PageScanner(options)`, with the engine built in steps between which
    /// the browser runs other tasks: in a tab that has just loaded the module, building it in
    /// one go takes longer than a task should (50 ms).
    pub async fn create(options: JsValue) -> Result<PageScanner, JsError> {
        let opts = scanner_options(options)?;
        let mut build = engine_build(&opts);
        loop {
            let t = now();
            let step = build.step().map_err(|e| JsError::new(&e))?;
            measure("saring:build-step", t);
            match step {
                BuildStep::Done(engine) => return Ok(PageScanner::with_engine(opts, engine)),
                // A dozen steps of a few ms to a few tens of ms each in a fresh tab: a yield
                // after each costs next to nothing with scheduler.yield().
                BuildStep::Pending => yield_now().await,
            }
        }
    }
}

impl PageScanner {
    fn with_engine(opts: Options, engine: Engine) -> PageScanner {
        let bundle_version = engine
            .bundles()
            .next()
            .map(|c| format!("{} {} ({})", c.meta.id, c.meta.version, c.hash))
            .unwrap_or_default();
        let bundle_sig = engine
            .bundles()
            .map(|c| c.hash.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let lang = opts
            .lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(Lang::Id);
        let scanner = PageScanner {
            inner: Rc::new(RefCell::new(Inner {
                engine,
                lang,
                labels: opts.labels,
                problems_only: opts.sensitivity.as_deref() == Some("problems"),
                dismissed: opts.dismissed.into_iter().collect(),
                page: PageText::default(),
                claims: Vec::new(),
                ranges: Vec::new(),
                card: None,
                current: None,
                on_change: None,
                observer: None,
                timer: None,
                listening: false,
                stopped: false,
                bundle_version,
                bundle_sig,
                generation: 0,
                parts: PartCache::default(),
                pending_since: None,
                last_scan: ScanStats::default(),
                closures: Vec::new(),
                listeners: Vec::new(),
                nearby: Nearby::default(),
                me: std::rc::Weak::new(),
            })),
        };
        if let Ok(mut inner) = scanner.inner.try_borrow_mut() {
            inner.me = Rc::downgrade(&scanner.inner);
        }
        scanner
    }
}

#[wasm_bindgen]
impl PageScanner {
    /// Scans the page now and starts following it (clicks, keys, changes). Returns the counts.
    pub fn scan(&self) -> Result<JsValue, JsError> {
        let counts = {
            let mut inner = self
                .inner
                .try_borrow_mut()
                .map_err(|_| JsError::new("a scan is already running"))?;
            inner.stopped = false;
            match inner.scan() {
                Ok(c) => c,
                Err(e) => {
                    if let Ok(doc) = document() {
                        set_state(&doc, "error");
                    }
                    return Err(JsError::new(&format!("scan failed: {e:?}")));
                }
            }
        };
        self.listen().map_err(|e| JsError::new(&format!("{e:?}")))?;
        js_sys::JSON::parse(&counts).map_err(|_| JsError::new("bad counts"))
    }

    /// Scans the page in slices (no long task, even on a large page) and starts following it.
    /// Resolves with the counts, or `null` when a newer scan overtook this one.
    pub fn start(&self) -> js_sys::Promise {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.stopped = false;
        }
        let weak = Rc::downgrade(&self.inner);
        let listen = self.listen();
        wasm_bindgen_futures::future_to_promise(async move {
            listen?;
            match run_sliced(weak).await {
                Ok(Some(counts)) => js_sys::JSON::parse(&counts),
                Ok(None) => Ok(JsValue::NULL),
                Err(e) => {
                    if let Ok(doc) = document() {
                        set_state(&doc, "error");
                    }
                    Err(e)
                }
            }
        })
    }

    /// The claims found, for the popup.
    pub fn claims(&self) -> Result<JsValue, JsError> {
        let inner = self.inner.try_borrow().map_err(|_| JsError::new("busy"))?;
        let list: Vec<Listed> = inner
            .claims
            .iter()
            .enumerate()
            .map(|(index, claim)| Listed {
                index,
                key: claim_key(&inner.bundle_sig, &claim.text),
                claim,
            })
            .collect();
        list.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Scrolls to claim `i` and opens its card.
    #[wasm_bindgen(js_name = focusClaim)]
    pub fn focus_claim(&self, i: usize) -> Result<(), JsError> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| JsError::new("busy"))?;
        inner
            .open(i, true)
            .map_err(|e| JsError::new(&format!("{e:?}")))?;
        if let Some(card) = &inner.card {
            card.focus();
        }
        Ok(())
    }

    #[wasm_bindgen(js_name = nextClaim)]
    pub fn next_claim(&self) -> Result<(), JsError> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| JsError::new("busy"))?;
        inner
            .step(true)
            .map_err(|e| JsError::new(&format!("{e:?}")))
    }

    #[wasm_bindgen(js_name = previousClaim)]
    pub fn previous_claim(&self) -> Result<(), JsError> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| JsError::new("busy"))?;
        inner
            .step(false)
            .map_err(|e| JsError::new(&format!("{e:?}")))
    }

    /// Hides claim `i` (the caller remembers its `key`).
    pub fn dismiss(&self, i: usize) -> Result<(), JsError> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| JsError::new("busy"))?;
        inner
            .dismiss(i)
            .map(|_| ())
            .map_err(|e| JsError::new(&format!("{e:?}")))
    }

    /// Checks a selected text and shows the card for its first claim at the selection
    /// (the context menu). Returns the claims found in it.
    #[wasm_bindgen(js_name = checkSelection)]
    pub fn check_selection(&self, text: &str) -> Result<JsValue, JsError> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| JsError::new("busy"))?;
        let report = inner.engine.check(
            text,
            &CheckOptions {
                lang: Some(inner.lang),
                url: None,
            },
        );
        let doc = document()?;
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let (mut x, mut y) = (
            window.scroll_x().unwrap_or(0.0) + 16.0,
            window.scroll_y().unwrap_or(0.0) + 16.0,
        );
        if let Ok(Some(sel)) = window.get_selection()
            && sel.range_count() > 0
            && let Ok(r) = sel.get_range_at(0)
        {
            let rect = r.get_bounding_client_rect();
            x = rect.left() + window.scroll_x().unwrap_or(0.0);
            y = rect.bottom() + window.scroll_y().unwrap_or(0.0) + 6.0;
        }
        if inner.card.is_none() {
            inner.card = Some(Card::new(&doc).map_err(|e| JsError::new(&format!("{e:?}")))?);
        }
        let lang = inner.lang;
        if let (Some(first), Some(card)) = (report.claims.first(), &inner.card) {
            card.show(&doc, first, lang, &inner.labels, x, y)
                .map_err(|e| JsError::new(&format!("{e:?}")))?;
            card.focus();
        }
        report
            .claims
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// What the last completed sliced scan did: `{parts, checked, reused, ms}` (parts of the
    /// page text, how many were checked, how many were unchanged and taken from the cache, and
    /// the scan's time from start to highlights in milliseconds).
    #[wasm_bindgen(js_name = lastScan)]
    pub fn last_scan(&self) -> Result<JsValue, JsError> {
        let inner = self.inner.try_borrow().map_err(|_| JsError::new("busy"))?;
        inner
            .last_scan
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// What dismissals are remembered under (the bundles in use): keys with another prefix
    /// are from other bundles and no longer apply.
    #[wasm_bindgen(js_name = bundleSignature)]
    pub fn bundle_signature(&self) -> String {
        self.inner
            .try_borrow()
            .map(|i| i.bundle_sig.clone())
            .unwrap_or_default()
    }

    /// Called with the counts after every completed scan.
    #[wasm_bindgen(js_name = setOnChange)]
    pub fn set_on_change(&self, f: js_sys::Function) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.on_change = Some(f);
        }
    }

    /// Removes highlights, the card and the observer; state `off`.
    pub fn stop(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.stopped = true;
            inner.teardown();
        }
        if let Ok(doc) = document() {
            set_state(&doc, "off");
        }
    }

    /// Registers the page listeners and the observer, once.
    fn listen(&self) -> Result<(), JsValue> {
        let mut inner = self.inner.borrow_mut();
        if inner.listening {
            return Ok(());
        }
        inner.listening = true;
        let doc = document().map_err(JsValue::from)?;

        // Click: open the card of the claim under the pointer, or act on a card button.
        let weak = Rc::downgrade(&self.inner);
        let on_click = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut inner) = rc.try_borrow_mut() else {
                return;
            };
            let Ok(ev) = ev.dyn_into::<MouseEvent>() else {
                return;
            };
            let doc = match document() {
                Ok(d) => d,
                Err(_) => return,
            };
            if let Some(host) = inner.card.as_ref().map(|c| c.host.clone())
                && ev.composed_path().includes(&host, 0)
            {
                return; // handled by the card's own listener
            }
            match inner.claim_at(&doc, ev.client_x() as f64, ev.client_y() as f64) {
                Some(i) => {
                    let _ = inner.open(i, false);
                }
                None => {
                    if let Some(c) = &inner.card {
                        c.hide();
                    }
                }
            }
        });
        doc.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        )?;
        let n = inner.closures.len();
        inner.listeners.push((doc.clone().into(), "click", true, n));
        inner.closures.push(on_click);

        // Hover: open the card of the claim under the pointer, at most every 150 ms.
        let weak = Rc::downgrade(&self.inner);
        let last = Rc::new(RefCell::new(0.0f64));
        let on_move = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let now = js_sys::Date::now();
            if now - *last.borrow() < 150.0 {
                return;
            }
            *last.borrow_mut() = now;
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut inner) = rc.try_borrow_mut() else {
                return;
            };
            let Ok(ev) = ev.dyn_into::<MouseEvent>() else {
                return;
            };
            let Ok(doc) = document() else { return };
            if let Some(i) = inner.claim_at(&doc, ev.client_x() as f64, ev.client_y() as f64)
                && inner.current != Some(i)
            {
                let _ = inner.open(i, false);
            }
        });
        doc.add_event_listener_with_callback_and_bool(
            "mousemove",
            on_move.as_ref().unchecked_ref(),
            false,
        )?;
        let n = inner.closures.len();
        inner
            .listeners
            .push((doc.clone().into(), "mousemove", false, n));
        inner.closures.push(on_move);

        // Keys: Alt+Shift+N / Alt+Shift+P move from claim to claim; Escape closes the card.
        let weak = Rc::downgrade(&self.inner);
        let on_key = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut inner) = rc.try_borrow_mut() else {
                return;
            };
            let Ok(ev) = ev.dyn_into::<KeyboardEvent>() else {
                return;
            };
            let key = ev.key();
            if ev.alt_key()
                && ev.shift_key()
                && (key.eq_ignore_ascii_case("n") || key.eq_ignore_ascii_case("p"))
            {
                let _ = inner.step(key.eq_ignore_ascii_case("n"));
                ev.prevent_default();
            } else if key == "Escape"
                && let Some(c) = &inner.card
                && c.is_open()
            {
                c.hide();
                inner.current = None;
            }
        });
        doc.add_event_listener_with_callback_and_bool(
            "keydown",
            on_key.as_ref().unchecked_ref(),
            true,
        )?;
        inner.closures.push(on_key);

        // Card buttons (inside the closed shadow root, so the listener sits on the host).
        if inner.card.is_none() {
            inner.card = Some(Card::new(&doc)?);
        }
        let weak = Rc::downgrade(&self.inner);
        let on_card = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut inner) = rc.try_borrow_mut() else {
                return;
            };
            let Ok(ev) = ev.dyn_into::<Event>() else {
                return;
            };
            let path = ev.composed_path();
            let action = inner.card.as_ref().and_then(|c| c.action_of(&path));
            match (action, inner.current) {
                (Some(Action::Dismiss), Some(i)) => {
                    let key = inner.dismiss(i).ok().flatten();
                    if let (Some(key), Some(w)) = (key, web_sys::window()) {
                        // Tell the content script, which remembers it in storage.
                        if let Ok(ev) = web_sys::CustomEvent::new("saring-dismiss") {
                            let _ = Reflect::set(&ev, &"saringKey".into(), &key.into());
                            let _ = w.dispatch_event(&ev);
                        }
                    }
                }
                (Some(Action::Report), Some(i)) => {
                    let text = inner.report_text(i);
                    if let Some(w) = web_sys::window()
                        && let Ok(clip) = Reflect::get(&w.navigator(), &"clipboard".into())
                        && let Ok(f) = Reflect::get(&clip, &"writeText".into())
                        && let Ok(f) = f.dyn_into::<js_sys::Function>()
                    {
                        let _ = f.call1(&clip, &text.into());
                    }
                }
                (Some(Action::Close), _) => {
                    if let Some(c) = &inner.card {
                        c.hide();
                    }
                    inner.current = None;
                }
                _ => {}
            }
        });
        // Inside the closed shadow root: a listener on the host cannot see which button it was.
        if let Some(target) = inner.card.as_ref().map(|c| c.event_target()) {
            target.add_event_listener_with_callback_and_bool(
                "click",
                on_card.as_ref().unchecked_ref(),
                false,
            )?;
            let n = inner.closures.len();
            inner.listeners.push((target, "click", false, n));
        }
        inner.closures.push(on_card);

        // Page changes (infinite scroll, single-page apps): re-scan, sliced, a little after
        // the last change; only the parts of the text that changed are checked again.
        let weak = Rc::downgrade(&self.inner);
        let rescan = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let Some(rc) = weak.upgrade() else { return };
            {
                let Ok(mut inner) = rc.try_borrow_mut() else {
                    return;
                };
                inner.timer = None;
                inner.pending_since = None;
                if inner.stopped {
                    return;
                }
            }
            spawn_scan(Rc::downgrade(&rc));
        });
        let rescan_fn: js_sys::Function =
            rescan.as_ref().unchecked_ref::<js_sys::Function>().clone();
        inner.closures.push(rescan);
        let weak = Rc::downgrade(&self.inner);
        let host_id = "saring-card-host";
        let on_mutation = Closure::<dyn FnMut(JsValue)>::new(move |records: JsValue| {
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut inner) = rc.try_borrow_mut() else {
                return;
            };
            // Changes inside our own card do not count.
            let ours = js_sys::Array::from(&records).iter().all(|r| {
                Reflect::get(&r, &"target".into())
                    .ok()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|t| t.id() == host_id)
            });
            if ours || inner.stopped {
                return;
            }
            let Some(w) = web_sys::window() else { return };
            let t = now();
            let since = *inner.pending_since.get_or_insert(t);
            if inner.timer.is_some() && t - since > RESCAN_MAX_WAIT_MS {
                return; // waited long enough: let the timer that is set run
            }
            if let Some(t) = inner.timer.take() {
                w.clear_timeout_with_handle(t);
            }
            inner.timer = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(&rescan_fn, RESCAN_DELAY_MS)
                .ok();
        });
        let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        if let Some(body) = doc.body() {
            observer.observe_with_options(&body, &init)?;
        }
        inner.observer = Some(observer);
        inner.closures.push(on_mutation);
        Ok(())
    }
}
