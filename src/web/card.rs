//! The claim card: verdict, reason, the official value, sources — in a closed shadow root so
//! that the page's CSS cannot reach it and its scripts cannot read or change it, and built
//! from text nodes only: page and bundle text is never parsed as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::report::i18n;
use crate::text::lang::Lang;
use crate::{Claim, Verdict};

const STYLE: &str = r#"
:host { all: initial; }
.card { position: absolute; z-index: 2147483647; width: min(28rem, calc(100vw - 1.5rem));
  box-sizing: border-box; font: 14px/1.45 system-ui, sans-serif; color: #111; background: #fff;
  border: 1px solid #888; border-left-width: 6px; border-radius: 6px; padding: .6rem .8rem;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.card[hidden] { display: none; }
.verified { border-left-color: #1a7f37; } .contradicted { border-left-color: #c62828; }
.debunked { border-left-color: #8e24aa; } .unverified { border-left-color: #9a6700; }
.verdict { font-weight: 700; margin: 0 0 .3rem; }
.official { margin: .3rem 0; font-weight: 600; }
.reason, .sources { margin: .3rem 0; }
ul { margin: .2rem 0 0; padding-left: 1.1rem; }
a { color: #0b57d0; }
.actions { display: flex; gap: .5rem; margin-top: .5rem; flex-wrap: wrap; }
button { font: inherit; padding: .2rem .6rem; border: 1px solid #888; border-radius: 4px;
  background: #f3f3f3; color: #111; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #eee; background: #1f1f1f; border-color: #777; }
  a { color: #8ab4f8; } button { background: #333; color: #eee; }
}
@media (forced-colors: active) { .card { border: 2px solid CanvasText; } }
"#;

/// The card's words in the reader's language, from the extension's `_locales` (the content
/// script passes them in); a word left out falls back to the core's own wording.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Labels {
    pub verified: Option<String>,
    pub contradicted: Option<String>,
    pub debunked: Option<String>,
    pub unverified: Option<String>,
    pub official_value: Option<String>,
    pub sources: Option<String>,
    pub dismiss: Option<String>,
    pub report: Option<String>,
    pub close: Option<String>,
}

impl Labels {
    fn pick<'a>(given: &'a Option<String>, id: &'a str, en: &'a str, lang: Lang) -> &'a str {
        match given.as_deref() {
            Some(s) if !s.trim().is_empty() => s,
            _ if lang == Lang::Id => id,
            _ => en,
        }
    }

    fn verdict(&self, v: Verdict, lang: Lang) -> String {
        let given = match v {
            Verdict::Verified => &self.verified,
            Verdict::Contradicted => &self.contradicted,
            Verdict::Debunked => &self.debunked,
            Verdict::Unverified => &self.unverified,
        };
        match given.as_deref() {
            Some(s) if !s.trim().is_empty() => s.to_string(),
            _ => i18n::verdict(v, lang).to_string(),
        }
    }
}

/// What the card's buttons do, for the scanner to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Close,
    Dismiss,
    Report,
}

/// The card's host element and its closed shadow root.
pub struct Card {
    pub host: HtmlElement,
    root: ShadowRoot,
    box_: HtmlElement,
}

fn el(
    doc: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, wasm_bindgen::JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

impl Card {
    pub fn new(doc: &Document) -> Result<Card, wasm_bindgen::JsValue> {
        let host: HtmlElement = doc.create_element("div")?.dyn_into()?;
        host.set_id("saring-card-host");
        host.set_attribute(
            "style",
            "all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0;",
        )?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        let style = doc.create_element("style")?;
        style.set_text_content(Some(STYLE));
        root.append_child(&style)?;
        let box_: HtmlElement = el(doc, "div", "card", None)?.dyn_into()?;
        box_.set_attribute("role", "dialog")?;
        box_.set_hidden(true);
        root.append_child(&box_)?;
        if let Some(parent) = doc.document_element() {
            parent.append_child(&host)?;
        }
        Ok(Card { host, root, box_ })
    }

    pub fn hide(&self) {
        self.box_.set_hidden(true);
    }

    pub fn is_open(&self) -> bool {
        !self.box_.hidden()
    }

    /// Shows `claim` at page coordinates (`x`, `y`); `on_action` is wired by the caller through
    /// `data-action` attributes on the buttons.
    pub fn show(
        &self,
        doc: &Document,
        claim: &Claim,
        lang: Lang,
        labels: &Labels,
        x: f64,
        y: f64,
    ) -> Result<(), wasm_bindgen::JsValue> {
        let b = &self.box_;
        b.set_text_content(None);
        b.set_class_name(&format!("card {}", claim.verdict.as_str()));
        let label = labels.verdict(claim.verdict, lang);
        b.set_attribute("aria-label", &format!("Saring: {label}"))?;
        let verdict = el(
            doc,
            "p",
            "verdict",
            Some(&format!("{label} · {:.0}%", claim.confidence * 100.0)),
        )?;
        b.append_child(&verdict)?;
        let reason = if lang == Lang::Id {
            &claim.reason.id
        } else {
            &claim.reason.en
        };
        let reason = el(doc, "p", "reason", Some(reason))?;
        b.append_child(&reason)?;
        if let (Verdict::Contradicted, Some(ov)) = (claim.verdict, &claim.official_value) {
            let word = Labels::pick(
                &labels.official_value,
                "Nilai resmi",
                "Official value",
                lang,
            );
            let official = el(doc, "p", "official", Some(&format!("{word}: {ov}")))?;
            b.append_child(&official)?;
        }
        if !claim.sources.is_empty() {
            let word = Labels::pick(&labels.sources, "Sumber", "Sources", lang);
            let wrap = el(doc, "div", "sources", Some(word))?;
            let ul = el(doc, "ul", "", None)?;
            for s in &claim.sources {
                let li = el(doc, "li", "", None)?;
                match &s.url {
                    Some(u) if crate::bundle::validate::is_safe_url(u) => {
                        let a = el(doc, "a", "", Some(&s.name))?;
                        a.set_attribute("href", u)?;
                        a.set_attribute("target", "_blank")?;
                        a.set_attribute("rel", "noopener noreferrer")?;
                        li.append_child(&a)?;
                    }
                    _ => {
                        li.set_text_content(Some(&s.name));
                    }
                }
                if let Some(d) = &s.date {
                    li.append_child(&doc.create_text_node(&format!(" ({d})")))?;
                }
                ul.append_child(&li)?;
            }
            wrap.append_child(&ul)?;
            b.append_child(&wrap)?;
        }
        let actions = el(doc, "div", "actions", None)?;
        for (act, given, id, en) in [
            ("dismiss", &labels.dismiss, "Abaikan", "Dismiss"),
            ("report", &labels.report, "Laporkan", "Report"),
            ("close", &labels.close, "Tutup", "Close"),
        ] {
            let btn = el(doc, "button", "", Some(Labels::pick(given, id, en, lang)))?;
            btn.set_attribute("type", "button")?;
            btn.set_attribute("data-action", act)?;
            actions.append_child(&btn)?;
        }
        b.append_child(&actions)?;
        let style = b.style();
        style.set_property("left", &format!("{}px", x.max(0.0)))?;
        style.set_property("top", &format!("{}px", y.max(0.0)))?;
        b.set_hidden(false);
        Ok(())
    }

    /// The action of a click inside the card, if it hit one of its buttons.
    pub fn action_of(&self, path: &js_sys::Array) -> Option<Action> {
        for t in path.iter() {
            if let Some(e) = t.dyn_ref::<Element>()
                && self.root.contains(Some(e))
                && let Some(a) = e.get_attribute("data-action")
            {
                return match a.as_str() {
                    "dismiss" => Some(Action::Dismiss),
                    "report" => Some(Action::Report),
                    _ => Some(Action::Close),
                };
            }
        }
        None
    }

    /// Where to listen for clicks on the card's buttons: inside the closed shadow root, since
    /// a listener on the host cannot see into it.
    pub fn event_target(&self) -> web_sys::EventTarget {
        self.root.clone().into()
    }

    /// Moves keyboard focus into the card (its first button).
    pub fn focus(&self) {
        if let Ok(Some(btn)) = self.root.query_selector("button")
            && let Ok(h) = btn.dyn_into::<HtmlElement>()
        {
            let _ = h.focus();
        }
    }

    pub fn remove(&self) {
        self.host.remove();
    }
}
