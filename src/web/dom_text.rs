//! The visible text of a page as one string, with a map back to the DOM text nodes.
//!
//! The engine reads one string; highlights need (node, offset) pairs. Walking builds both at
//! once: every text node the reader can see is appended, block boundaries add a line break
//! (so that a headline and the paragraph under it are different sentences), and each node's
//! place in the string is recorded in UTF-16 code units — what the DOM counts — so that a
//! claim's `start_utf16..end_utf16` maps straight onto `Range` offsets.
//!
//! The walk is iterative: pages nest ten thousand deep, and wasm's stack is small.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Text};

/// Elements whose text a reader never sees as page text.
const SKIP: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "INPUT", "SELECT", "OPTION", "TEMPLATE", "IFRAME",
    "OBJECT", "EMBED", "CANVAS", "SVG", "MATH", "AUDIO", "VIDEO", "HEAD", "TITLE", "BUTTON",
];

/// Elements that start and end a line of their own.
const BLOCK: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "BR",
    "CAPTION",
    "DD",
    "DETAILS",
    "DIV",
    "DL",
    "DT",
    "FIELDSET",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HR",
    "LI",
    "MAIN",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "SUMMARY",
    "TABLE",
    "TBODY",
    "TD",
    "TFOOT",
    "TH",
    "THEAD",
    "TR",
    "UL",
    "BODY",
];

/// One text node's place in the page string.
#[derive(Debug, Clone)]
pub struct Segment {
    /// UTF-16 offset of the node's first unit in the page string.
    pub start: u32,
    /// Its length in UTF-16 units.
    pub len: u32,
    pub node: Text,
}

/// The page string and where each part of it came from.
#[derive(Debug, Default)]
pub struct PageText {
    pub text: String,
    pub segments: Vec<Segment>,
    units: u32,
}

impl PageText {
    fn push_text(&mut self, node: Text, s: &str) {
        let len = s.encode_utf16().count() as u32;
        if len == 0 {
            return;
        }
        self.segments.push(Segment {
            start: self.units,
            len,
            node,
        });
        // Line breaks in the HTML source are spaces on screen; each is one UTF-16 unit
        // either way, so offsets stay exact.
        self.text.extend(s.chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        }));
        self.units += len;
    }

    fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
            self.units += 1;
        }
    }

    /// The DOM position of UTF-16 offset `at`: for a start, the first visible unit at or
    /// after it; for an end (`end = true`), the last one at or before it.
    pub fn position(&self, at: u32, end: bool) -> Option<(Text, u32)> {
        if self.segments.is_empty() {
            return None;
        }
        // First segment that ends after `at` (for an end: at or after).
        let i = self.segments.partition_point(|s| {
            if end {
                s.start + s.len < at
            } else {
                s.start + s.len <= at
            }
        });
        if end {
            // `at` may fall in a line break between segments: end at the previous one.
            let seg = self.segments.get(i)?;
            if at < seg.start {
                let prev = &self.segments[i.checked_sub(1)?];
                return Some((prev.node.clone(), prev.len));
            }
            Some((seg.node.clone(), (at - seg.start).min(seg.len)))
        } else {
            let seg = self.segments.get(i)?;
            Some((seg.node.clone(), at.saturating_sub(seg.start).min(seg.len)))
        }
    }
}

/// Elements whose text is not the page's to read: `hidden`, `aria-hidden="true"`, and
/// editable areas (the reader's own typing).
const NOT_TEXT: &str =
    "[hidden],[aria-hidden=\"true\"],[contenteditable]:not([contenteditable=\"false\"])";

/// The DOM functions the walk calls on every element, looked up once per walk: each call
/// from WebAssembly costs far more than the same call in JavaScript, and a walk of a large
/// page makes tens of thousands.
struct Probes {
    resolved: bool,
    /// `Element.prototype.matches`, with the [`NOT_TEXT`] selector.
    matches: Option<js_sys::Function>,
    not_text: JsValue,
    /// `Element.prototype.checkVisibility` (Chromium 105+, Firefox 106+): display,
    /// visibility and content-visibility at once; without it, everything counts as visible.
    check_visibility: Option<js_sys::Function>,
    visibility_opts: JsValue,
}

impl Probes {
    fn new() -> Probes {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"visibilityProperty".into(), &true.into());
        Probes {
            resolved: false,
            matches: None,
            not_text: JsValue::from_str(NOT_TEXT),
            check_visibility: None,
            visibility_opts: opts.into(),
        }
    }

    fn method(el: &Element, name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(el, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    }

    fn is_visible(&mut self, el: &Element) -> bool {
        if !self.resolved {
            self.resolved = true;
            self.matches = Self::method(el, "matches");
            self.check_visibility = Self::method(el, "checkVisibility");
        }
        let not_text = match &self.matches {
            Some(m) => m
                .call1(el, &self.not_text)
                .is_ok_and(|v| v.as_bool() == Some(true)),
            None => {
                el.has_attribute("hidden")
                    || el.get_attribute("aria-hidden").as_deref() == Some("true")
                    || el
                        .get_attribute("contenteditable")
                        .is_some_and(|ce| ce != "false")
            }
        };
        if not_text {
            return false;
        }
        match &self.check_visibility {
            Some(f) => f
                .call1(el, &self.visibility_opts)
                .map(|v| v.as_bool() != Some(false))
                .unwrap_or(true),
            None => true,
        }
    }
}

/// Nodes to visit: a node, or the marker that a block element's subtree ended.
enum Step {
    Visit(Node),
    EndBlock,
}

/// Children to walk for `node`: its open shadow root's children when it has one (what is
/// rendered), the nodes assigned to a `<slot>`, or its own children. `tag`: the element's
/// tag name, upper case (`None` for a document or fragment).
fn children(node: &Node, tag: Option<&str>) -> Vec<Node> {
    let mut out = Vec::new();
    let shadow = match tag {
        Some(_) => node.unchecked_ref::<Element>().shadow_root(),
        None => None,
    };
    let parent: Node = match &shadow {
        Some(sr) => sr.clone().into(),
        None => node.clone(),
    };
    if shadow.is_none()
        && tag == Some("SLOT")
        && let Some(el) = parent.dyn_ref::<Element>()
        && let Ok(f) = js_sys::Reflect::get(el, &"assignedNodes".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
        && let Ok(list) = f.call0(el)
    {
        let arr = js_sys::Array::from(&list);
        if arr.length() > 0 {
            for n in arr.iter() {
                if let Ok(n) = n.dyn_into::<Node>() {
                    out.push(n);
                }
            }
            return out;
        }
    }
    let mut c = parent.first_child();
    while let Some(n) = c {
        c = n.next_sibling();
        out.push(n);
    }
    out
}

/// A walk that can stop and go on later, so that a large page is read in slices.
pub struct Walker {
    stack: Vec<Step>,
    page: PageText,
    probes: Probes,
}

impl Walker {
    pub fn new(root: &Node) -> Walker {
        Walker {
            stack: vec![Step::Visit(root.clone())],
            page: PageText::default(),
            probes: Probes::new(),
        }
    }

    /// Walks until done or until `clock()` passes `deadline` (checked every 64 nodes).
    /// Returns true when the walk is complete.
    pub fn run(&mut self, deadline: f64, clock: impl Fn() -> f64) -> bool {
        let mut n = 0u32;
        while let Some(step) = self.stack.pop() {
            n += 1;
            if n.is_multiple_of(64) && clock() > deadline {
                self.stack.push(step);
                return false;
            }
            self.visit(step);
        }
        true
    }

    pub fn finish(self) -> PageText {
        self.page
    }

    fn visit(&mut self, step: Step) {
        let page = &mut self.page;
        let stack = &mut self.stack;
        let node = match step {
            Step::EndBlock => {
                page.push_break();
                return;
            }
            Step::Visit(n) => n,
        };
        // The node type says what the node is: no `instanceof` call per node.
        match node.node_type() {
            Node::TEXT_NODE => {
                if let Some(s) = node.node_value() {
                    page.push_text(node.unchecked_into::<Text>(), &s);
                }
            }
            Node::ELEMENT_NODE => {
                let el = node.unchecked_ref::<Element>();
                let mut tag = el.tag_name();
                if tag.bytes().any(|b| b.is_ascii_lowercase()) {
                    tag.make_ascii_uppercase(); // SVG and XHTML elements keep their case
                }
                // Our own card's host is a <div>: only those need their id read.
                if SKIP.contains(&tag.as_str())
                    || (tag == "DIV" && el.id() == "saring-card-host")
                    || !self.probes.is_visible(el)
                {
                    return;
                }
                let block = BLOCK.contains(&tag.as_str());
                if block {
                    page.push_break();
                    stack.push(Step::EndBlock);
                }
                for c in children(&node, Some(&tag)).into_iter().rev() {
                    stack.push(Step::Visit(c));
                }
            }
            Node::DOCUMENT_NODE | Node::DOCUMENT_FRAGMENT_NODE => {
                for c in children(&node, None).into_iter().rev() {
                    stack.push(Step::Visit(c));
                }
            }
            _ => {}
        }
    }
}

/// Walks the visible text under `root`, in one go.
pub fn collect(root: &Node) -> PageText {
    let mut w = Walker::new(root);
    w.run(f64::INFINITY, || 0.0);
    w.finish()
}
