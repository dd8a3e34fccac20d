//! Visible text of an HTML document.
//!
//! Claims are checked against what a *reader* sees on a news page, not against
//! markup, scripts, tracking JSON or hidden widgets. This module turns an HTML
//! document into roughly what a browser's `innerText` would give for `<body>`:
//! block elements become line breaks, table cells are tab-separated, runs of
//! whitespace collapse (except inside `<pre>`), entities are decoded, and
//! everything a reader cannot see (scripts, styles, `<head>`, `hidden`,
//! `aria-hidden="true"`, inline `display:none`, media and form widgets) is
//! dropped.
//!
//! Design constraints, and why:
//!
//! * **Std only and self-contained**, so the file can be copied verbatim into
//!   another crate.
//! * **Linear time, no recursion.** Pages scraped from the web can be hostile or
//!   simply broken (10,000-deep nesting, megabytes of unterminated comments).
//!   The tokenizer walks the input once; every search moves forward; the open
//!   element stack is an explicit `Vec`, and close tags are matched through
//!   per-name counters so an unmatched `</x>` costs O(1) instead of a stack scan.
//! * **Never panics.** Every slice is taken at an ASCII delimiter (so always on a
//!   UTF-8 boundary) and through `get`, numeric character references saturate,
//!   and counters never underflow.
//! * **Tolerant, browser-like recovery** for the cases that matter for text:
//!   a truncated tag at end of input is dropped, a `<` not starting a tag is
//!   text, raw-text elements end only at their own close tag, `<p>`/`<li>`/
//!   `<dd>`/`<dt>`/headings close their open predecessors, and a missing
//!   `</head>` does not swallow the body.
//!
//! Deliberate simplifications (documented so nobody mistakes them for bugs):
//! `/>` is self-closing for every element (even `<div/>`, `<script/>`);
//! `&nbsp;` and a literal U+00A0 become an ordinary, collapsible space; soft
//! hyphens, zero-width characters, bidi marks and NUL are dropped so that
//! `Pe&shy;milu` matches "Pemilu"; consecutive line breaks (even blank lines
//! inside `<pre>`) collapse to a single `'\n'`; named entities are decoded
//! without a trailing `;` only for the legacy Latin-1 set and only when the
//! whole alphanumeric run is the name (`&copy 2024` → `© 2024`, but
//! `&copyright` stays literal).

use std::borrow::Cow;
use std::collections::HashMap;

/// The text a reader sees in an HTML document, roughly as a browser's innerText would give it.
///
/// Lines are separated by a single `'\n'` (never blank lines, none at the start
/// or end), table cells within a row by `'\t'`, and whitespace outside `<pre>`
/// is collapsed to single spaces with no space at the start or end of a line.
pub fn visible_text(html: &str) -> String {
    let mut parser = Parser::new(html);
    parser.run();
    parser.out.finish()
}

// ---------------------------------------------------------------------------
// Element classification
// ---------------------------------------------------------------------------

/// Elements that never have content or a close tag, so they never go on the stack.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content is raw text: markup inside them is not markup, so we
/// jump straight to their own close tag (`<script>x="</div>"</script>`).
/// All of them are invisible, so the content is simply discarded.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "iframe" | "noscript" | "noembed" | "noframes"
    )
}

/// Elements whose whole subtree a reader never sees as page text.
fn skips_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "textarea"
            | "select"
            | "option"
            | "optgroup"
            | "datalist"
            | "iframe"
            | "object"
            | "svg"
            | "math"
            | "canvas"
            | "audio"
            | "video"
            | "noembed"
            | "noframes"
    )
}

/// Block-level elements: a line break before and after their content.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Table cells are separated by a tab (as `innerText` does) rather than lines,
/// so a row stays one line but its cells never run together.
fn is_cell(name: &str) -> bool {
    matches!(name, "td" | "th")
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whitespace-preserving elements.
fn is_pre(name: &str) -> bool {
    matches!(name, "pre" | "listing")
}

/// Start tags that implicitly close an open `<p>` (HTML's "close a p element").
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// Elements that stop a `<p>` start tag from reaching an outer `<p>`
/// (HTML's "button scope"), plus foreign roots so their content stays put.
fn is_p_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "button"
            | "caption"
            | "html"
            | "marquee"
            | "object"
            | "table"
            | "td"
            | "th"
            | "template"
            | "svg"
            | "math"
    )
}

/// Elements that stop `<li>`, `<dd>` and `<dt>` from closing an outer item
/// (HTML's "special" elements other than address, div and p).
fn is_item_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "li"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "nav"
            | "object"
            | "ol"
            | "pre"
            | "search"
            | "section"
            | "select"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "svg"
            | "math"
    )
}

/// Elements allowed inside `<head>`; any other start tag (or text) means the
/// author forgot `</head>`/`<body>` and the body has begun.
fn is_head_content(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "title"
            | "style"
            | "script"
            | "noscript"
            | "template"
    )
}

/// HTML's ASCII whitespace.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

// ---------------------------------------------------------------------------
// Output with lazy whitespace
// ---------------------------------------------------------------------------

/// A separator waiting to be written. Separators are only materialised when
/// the next visible character arrives, which is what makes trimming and
/// collapsing free: nothing is ever written at the start, the end, or twice.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Tab,
    Line,
}

struct Out {
    buf: String,
    gap: Gap,
}

/// Characters a reader does not see and that would split words for a matcher
/// (`Pe&shy;milu`, zero-width joiners, bidi marks, BOM, NUL).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\0' | '\u{AD}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

impl Out {
    fn new(capacity: usize) -> Self {
        Out {
            buf: String::with_capacity(capacity),
            gap: Gap::None,
        }
    }

    fn want(&mut self, gap: Gap) {
        if gap > self.gap {
            self.gap = gap;
        }
    }

    fn line(&mut self) {
        self.want(Gap::Line);
    }

    /// Write the pending separator, if it is meaningful where we are.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.gap, Gap::None) {
            Gap::None => {}
            Gap::Line => {
                // Spaces at the end of a line are invisible; drop them.
                let kept = self.buf.trim_end_matches([' ', '\t']).len();
                self.buf.truncate(kept);
                if !self.buf.is_empty() && !self.buf.ends_with('\n') {
                    self.buf.push('\n');
                }
            }
            Gap::Tab => {
                if !self.buf.is_empty() && !self.buf.ends_with(['\n', '\t']) {
                    self.buf.push('\t');
                }
            }
            Gap::Space => {
                if !self.buf.is_empty() && !self.buf.ends_with([' ', '\t', '\n']) {
                    self.buf.push(' ');
                }
            }
        }
    }

    /// One character of document text; `pre` keeps spaces as written.
    fn push_char(&mut self, c: char, pre: bool) {
        match c {
            '\n' | '\r' if pre => self.line(),
            ' ' | '\t' | '\x0C' | '\u{A0}' if pre => {
                self.flush();
                self.buf.push(if c == '\t' { '\t' } else { ' ' });
            }
            ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}' => self.want(Gap::Space),
            c if is_invisible(c) => {}
            c => {
                self.flush();
                self.buf.push(c);
            }
        }
    }

    fn finish(self) -> String {
        let trimmed = self.buf.trim_matches([' ', '\t', '\n']);
        if trimmed.len() == self.buf.len() {
            self.buf
        } else {
            trimmed.to_string()
        }
    }
}

// ---------------------------------------------------------------------------
// Tokenizer + tree builder
// ---------------------------------------------------------------------------

/// Scope bits: "an open element of this kind can be implicitly closed from here".
/// Computed once per push from the parent, so implicit closes are O(1) to test.
const P_SCOPE: u8 = 1;
const LI_SCOPE: u8 = 2;
const DD_SCOPE: u8 = 4;

struct Open {
    name: String,
    /// This element hides its subtree (skipped element or hidden attribute).
    hides: bool,
    block: bool,
    pre: bool,
    scope: u8,
}

/// What we learned from a tag's attributes, and where the tag ends.
struct TagEnd {
    /// Byte offset just past the closing `>`.
    end: usize,
    self_closing: bool,
    hidden: bool,
    open: bool,
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    stack: Vec<Open>,
    /// How many elements of each name are open, per template nesting level:
    /// lets a close tag decide in O(1) whether it matches anything, and keeps a
    /// stray `</div>` inside `<template>` from closing elements outside it.
    counts: Vec<HashMap<String, usize>>,
    hidden_depth: usize,
    pre_depth: usize,
    head_seen: bool,
    in_body: bool,
    out: Out,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            stack: Vec::new(),
            counts: vec![HashMap::new()],
            hidden_depth: 0,
            pre_depth: 0,
            head_seen: false,
            in_body: false,
            out: Out::new(src.len() / 2),
        }
    }

    fn visible(&self) -> bool {
        self.hidden_depth == 0
    }

    fn run(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'<' => self.markup(),
                b'&' => self.char_ref(),
                _ => self.text_run(),
            }
        }
    }

    // ----- text -------------------------------------------------------------

    fn text_run(&mut self) {
        let start = self.pos;
        let end = self.bytes[start..]
            .iter()
            .position(|&c| c == b'<' || c == b'&')
            .map_or(self.bytes.len(), |k| start + k);
        self.pos = end;
        let src = self.src;
        self.emit_text(src.get(start..end).unwrap_or(""));
    }

    fn char_ref(&mut self) {
        let (end, c) = parse_char_ref(self.src, self.pos).unwrap_or((self.pos + 1, '&'));
        self.pos = end;
        let mut tmp = [0u8; 4];
        self.emit_text(c.encode_utf8(&mut tmp));
    }

    fn emit_text(&mut self, text: &str) {
        let head_on_top = self.top_is("head");
        if (!self.in_body || head_on_top) && !text.bytes().all(is_ws) {
            // Real text: the body has started, even if `</head>` was forgotten.
            if head_on_top {
                self.pop_until("head");
            }
            self.in_body = true;
        }
        if !self.visible() {
            return;
        }
        let pre = self.pre_depth > 0;
        for c in text.chars() {
            self.out.push_char(c, pre);
        }
    }

    // ----- markup dispatch --------------------------------------------------

    fn markup(&mut self) {
        let b = self.bytes;
        let i = self.pos;
        match b.get(i + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(),
            Some(b'/') => match b.get(i + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.end_tag(),
                Some(b'>') => self.pos = i + 3, // `</>` is ignored
                Some(_) => self.bogus_comment(i + 2),
                None => {
                    self.pos = b.len();
                    self.emit_text("</");
                }
            },
            Some(b'!') => {
                let rest = &b[i..];
                if rest.starts_with(b"<!--") {
                    self.comment();
                } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<![CDATA[") {
                    let from = i + 9;
                    self.pos = self
                        .src
                        .get(from..)
                        .and_then(|s| s.find("]]>"))
                        .map_or(b.len(), |k| from + k + 3);
                } else {
                    self.bogus_comment(i + 2);
                }
            }
            Some(b'?') => self.bogus_comment(i + 1),
            _ => {
                // A `<` that does not start a tag is just a character.
                self.pos = i + 1;
                self.emit_text("<");
            }
        }
    }

    /// `<!-- ... -->`, ended also by `--!>`; `<!-->` and `<!--->` are empty.
    fn comment(&mut self) {
        let b = self.bytes;
        let start = self.pos + 4;
        if b.get(start) == Some(&b'>') {
            self.pos = start + 1;
            return;
        }
        if b.get(start..start + 2) == Some(&b"->"[..]) {
            self.pos = start + 2;
            return;
        }
        let mut j = start;
        loop {
            let found = b
                .get(j..)
                .and_then(|s| s.windows(2).position(|w| w == b"--"));
            let Some(off) = found else {
                self.pos = b.len();
                return;
            };
            let k = j + off;
            match b.get(k + 2) {
                Some(b'>') => {
                    self.pos = k + 3;
                    return;
                }
                Some(b'!') if b.get(k + 3) == Some(&b'>') => {
                    self.pos = k + 4;
                    return;
                }
                _ => j = k + 1,
            }
        }
    }

    /// Doctype, processing instruction, `</ x>` and friends: skip to the next `>`.
    fn bogus_comment(&mut self, from: usize) {
        let b = self.bytes;
        self.pos = b
            .get(from..)
            .and_then(|s| s.iter().position(|&c| c == b'>'))
            .map_or(b.len(), |k| from + k + 1);
    }

    // ----- tags -------------------------------------------------------------

    fn start_tag(&mut self) {
        let name_start = self.pos + 1;
        let name_end = scan_name(self.bytes, name_start);
        let name = self
            .src
            .get(name_start..name_end)
            .unwrap_or("")
            .to_ascii_lowercase();
        match scan_attrs(self.src, name_end) {
            Some(tag) => {
                self.pos = tag.end;
                self.open_element(name, &tag);
            }
            // Input ended inside the tag: browsers drop the whole tag.
            None => self.pos = self.bytes.len(),
        }
    }

    fn end_tag(&mut self) {
        let name_start = self.pos + 2;
        let name_end = scan_name(self.bytes, name_start);
        let name = self
            .src
            .get(name_start..name_end)
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(tag) = scan_attrs(self.src, name_end) else {
            self.pos = self.bytes.len();
            return;
        };
        self.pos = tag.end;
        match name.as_str() {
            // Browsers treat `</br>` as `<br>`.
            "br" => {
                if self.visible() {
                    self.out.line();
                }
            }
            // A template's own close tag lives one counter level up.
            "template" => {
                if self.counts.len() > 1 {
                    self.pop_until("template");
                }
            }
            _ => {
                if self.open_count(&name) > 0 {
                    self.pop_until(&name);
                }
            }
        }
    }

    fn open_element(&mut self, name: String, tag: &TagEnd) {
        match name.as_str() {
            // Never pushed: their close tags are then ignored, which matches
            // browsers putting content after `</body>` back into the body.
            "html" => return,
            "body" => {
                if self.open_count("head") > 0 {
                    self.pop_until("head");
                }
                self.in_body = true;
                return;
            }
            "head" => {
                if !self.head_seen && !self.in_body && self.stack.is_empty() {
                    self.head_seen = true;
                    self.push(name, true);
                }
                return;
            }
            _ => {}
        }
        if !is_head_content(&name) {
            if self.top_is("head") {
                self.pop_until("head");
            }
            self.in_body = true;
        }
        if is_raw_text(&name) && !tag.self_closing {
            self.skip_raw_text(&name);
            return;
        }

        // Implicit closes, in HTML's order: the item itself, then an open <p>.
        match name.as_str() {
            "li" => self.close_in_scope(LI_SCOPE, &["li"]),
            "dd" | "dt" => self.close_in_scope(DD_SCOPE, &["dd", "dt"]),
            _ => {}
        }
        if closes_p(&name) {
            self.close_in_scope(P_SCOPE, &["p"]);
        }
        if is_heading(&name) && self.stack.last().is_some_and(|e| is_heading(&e.name)) {
            self.pop();
        }

        let hides = tag.hidden || skips_content(&name) || (name == "dialog" && !tag.open);
        if self.visible() && !hides {
            if is_block(&name) {
                self.out.line();
            } else if is_cell(&name) {
                self.out.want(Gap::Tab);
            }
        }
        if is_void(&name) || tag.self_closing {
            return;
        }
        self.push(name, hides);
    }

    /// Skip a raw-text element's content up to its own close tag (any case),
    /// or to the end of input if it never closes, as browsers do.
    fn skip_raw_text(&mut self, name: &str) {
        let b = self.bytes;
        let n = name.as_bytes();
        let mut j = self.pos;
        while let Some(k) = find_end_tag_open(b, j) {
            let s = k + 2;
            let e = s + n.len();
            let name_matches = b.get(s..e).is_some_and(|t| t.eq_ignore_ascii_case(n));
            let delimited = match b.get(e) {
                None => true,
                Some(&c) => is_ws(c) || c == b'/' || c == b'>',
            };
            if name_matches && delimited {
                self.pos = scan_attrs(self.src, e).map_or(b.len(), |t| t.end);
                return;
            }
            j = s;
        }
        self.pos = b.len();
    }

    // ----- stack ------------------------------------------------------------

    fn top_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|e| e.name == name)
    }

    fn open_count(&self, name: &str) -> usize {
        self.counts
            .last()
            .and_then(|m| m.get(name))
            .copied()
            .unwrap_or(0)
    }

    fn push(&mut self, name: String, hides: bool) {
        let mut scope = self.stack.last().map_or(0, |e| e.scope);
        if is_item_scope_boundary(&name) {
            scope &= !(LI_SCOPE | DD_SCOPE);
        }
        if is_p_scope_boundary(&name) {
            scope &= !P_SCOPE;
        }
        match name.as_str() {
            "p" => scope |= P_SCOPE,
            "li" => scope |= LI_SCOPE,
            "dd" | "dt" => scope |= DD_SCOPE,
            _ => {}
        }
        if let Some(map) = self.counts.last_mut() {
            match map.get_mut(&name) {
                Some(c) => *c += 1,
                None => {
                    map.insert(name.clone(), 1);
                }
            }
        }
        if name == "template" {
            self.counts.push(HashMap::new());
        }
        let pre = is_pre(&name);
        if hides {
            self.hidden_depth += 1;
        }
        if pre {
            self.pre_depth += 1;
        }
        self.stack.push(Open {
            block: is_block(&name),
            name,
            hides,
            pre,
            scope,
        });
    }

    fn pop(&mut self) -> Option<Open> {
        let e = self.stack.pop()?;
        if e.name == "template" && self.counts.len() > 1 {
            self.counts.pop();
        }
        if let Some(c) = self.counts.last_mut().and_then(|m| m.get_mut(&e.name)) {
            *c = c.saturating_sub(1);
        }
        if e.hides {
            self.hidden_depth = self.hidden_depth.saturating_sub(1);
        }
        if e.pre {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if e.block && !e.hides && self.visible() {
            self.out.line();
        }
        Some(e)
    }

    /// Pop up to and including the nearest open `name`. Callers check that one
    /// is open first, so each element is popped once: amortised O(1).
    fn pop_until(&mut self, name: &str) {
        while let Some(e) = self.pop() {
            if e.name == name {
                break;
            }
        }
    }

    fn close_in_scope(&mut self, bit: u8, targets: &[&str]) {
        if self.stack.last().is_some_and(|e| e.scope & bit != 0) {
            while let Some(e) = self.pop() {
                if targets.contains(&e.name.as_str()) {
                    break;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Lexing helpers (free functions over bytes; all forward-only)
// ---------------------------------------------------------------------------

/// End of a tag name starting at `from`: HTML tag names run to whitespace, `/` or `>`.
fn scan_name(b: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < b.len() && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    j
}

/// Next `</` at or after `from`.
fn find_end_tag_open(b: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    loop {
        let k = j + b.get(j..)?.iter().position(|&c| c == b'<')?;
        if b.get(k + 1) == Some(&b'/') {
            return Some(k);
        }
        j = k + 1;
    }
}

/// Parse attributes from `j` to the tag's `>`, honouring quotes the way the
/// HTML tokenizer does. `None` means the input ended inside the tag.
fn scan_attrs(src: &str, mut j: usize) -> Option<TagEnd> {
    let b = src.as_bytes();
    let mut tag = TagEnd {
        end: 0,
        self_closing: false,
        hidden: false,
        open: false,
    };
    loop {
        while j < b.len() && is_ws(b[j]) {
            j += 1;
        }
        match *b.get(j)? {
            b'>' => {
                tag.end = j + 1;
                return Some(tag);
            }
            b'/' => {
                if b.get(j + 1) == Some(&b'>') {
                    tag.end = j + 2;
                    tag.self_closing = true;
                    return Some(tag);
                }
                j += 1;
                continue;
            }
            _ => {}
        }
        // Attribute name; a leading '=' belongs to the name, as in HTML.
        let name_start = j;
        j += 1;
        while j < b.len() && !is_ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let name = src.get(name_start..j).unwrap_or("");
        while j < b.len() && is_ws(b[j]) {
            j += 1;
        }
        let mut value = "";
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && is_ws(b[j]) {
                j += 1;
            }
            match *b.get(j)? {
                q @ (b'"' | b'\'') => {
                    let vs = j + 1;
                    let len = b.get(vs..)?.iter().position(|&c| c == q)?;
                    value = src.get(vs..vs + len).unwrap_or("");
                    j = vs + len + 1;
                }
                b'>' => {}
                _ => {
                    let vs = j;
                    while j < b.len() && !is_ws(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = src.get(vs..j).unwrap_or("");
                }
            }
        }
        note_attr(&mut tag, name, value);
    }
}

/// Record the attributes that decide visibility.
fn note_attr(tag: &mut TagEnd, name: &str, value: &str) {
    if name.eq_ignore_ascii_case("hidden") {
        tag.hidden = true;
    } else if name.eq_ignore_ascii_case("aria-hidden") {
        let v = decode_attr(value);
        if v.trim_matches(|c: char| c.is_ascii_whitespace())
            .eq_ignore_ascii_case("true")
        {
            tag.hidden = true;
        }
    } else if name.eq_ignore_ascii_case("style") {
        if style_hides(&decode_attr(value)) {
            tag.hidden = true;
        }
    } else if name.eq_ignore_ascii_case("open") {
        tag.open = true;
    }
}

/// Does an inline `style` declare `display:none` or `visibility:hidden`
/// (any case, any spacing, with or without `!important`)? Parsed per
/// declaration so `max-display:none`-like lookalikes don't match.
fn style_hides(css: &str) -> bool {
    css.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim_matches(|c: char| c.is_ascii_whitespace());
        let value: String = value
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let value = value.strip_suffix("!important").unwrap_or(&value);
        (prop.eq_ignore_ascii_case("display") && value == "none")
            || (prop.eq_ignore_ascii_case("visibility")
                && (value == "hidden" || value == "collapse"))
    })
}

/// Decode character references in an attribute value (only used for the
/// visibility checks, so `style="display&#58;none"` is still caught).
fn decode_attr(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        let rest = value.get(i..).unwrap_or("");
        let Some(off) = rest.find('&') else {
            out.push_str(rest);
            break;
        };
        out.push_str(rest.get(..off).unwrap_or(""));
        let amp = i + off;
        let (end, c) = parse_char_ref(value, amp).unwrap_or((amp + 1, '&'));
        out.push(c);
        i = end;
    }
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------
// Character references
// ---------------------------------------------------------------------------

/// Parse a character reference at `src[i] == '&'`. Returns the offset just
/// past it and the character, or `None` if it is not one (the `&` is literal).
fn parse_char_ref(src: &str, i: usize) -> Option<(usize, char)> {
    let b = src.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'#') {
        j += 1;
        let hex = matches!(b.get(j), Some(b'x' | b'X'));
        if hex {
            j += 1;
        }
        let radix = if hex { 16 } else { 10 };
        let digits_start = j;
        let mut value: u32 = 0;
        while let Some(d) = b.get(j).and_then(|&c| char::from(c).to_digit(radix)) {
            // Saturate: a huge number becomes u32::MAX, which maps to U+FFFD.
            value = value.saturating_mul(radix).saturating_add(d);
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        return Some((j, numeric_char(value)));
    }
    let name_start = j;
    while j < b.len() && j - name_start < 32 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start {
        return None;
    }
    let name = src.get(name_start..j)?;
    let c = named_entity(name)?;
    if b.get(j) == Some(&b';') {
        Some((j + 1, c))
    } else if u32::from(c) <= 0xFF && name != "apos" {
        // HTML's legacy entities (Latin-1 set) are honoured without ';'.
        Some((j, c))
    } else {
        None
    }
}

/// A numeric reference's character, with the browser fix-ups: NUL, surrogates
/// and out-of-range values become U+FFFD; 0x80–0x9F are read as Windows-1252,
/// which is what old CMSes meant by `&#150;` (an en dash).
fn numeric_char(v: u32) -> char {
    let remapped = match v {
        0 => 0xFFFD,
        0x80 => 0x20AC,
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x8E => 0x017D,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9E => 0x017E,
        0x9F => 0x0178,
        v => v,
    };
    char::from_u32(remapped).unwrap_or('\u{FFFD}')
}

/// Named character references we decode (case-sensitive, as in HTML).
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "iexcl" => '¡',
        "cent" => '¢',
        "pound" => '£',
        "curren" => '¤',
        "yen" => '¥',
        "brvbar" => '¦',
        "sect" => '§',
        "uml" => '¨',
        "copy" | "COPY" => '©',
        "ordf" => 'ª',
        "laquo" => '«',
        "not" => '¬',
        "shy" => '\u{AD}',
        "reg" | "REG" => '®',
        "macr" => '¯',
        "deg" => '°',
        "plusmn" => '±',
        "sup2" => '²',
        "sup3" => '³',
        "acute" => '´',
        "micro" => 'µ',
        "para" => '¶',
        "middot" => '·',
        "cedil" => '¸',
        "sup1" => '¹',
        "ordm" => 'º',
        "raquo" => '»',
        "frac14" => '¼',
        "frac12" => '½',
        "frac34" => '¾',
        "iquest" => '¿',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "times" => '×',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "divide" => '÷',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "Yuml" => 'Ÿ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "fnof" => 'ƒ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "dagger" => '†',
        "Dagger" => '‡',
        "bull" => '•',
        "hellip" => '…',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "euro" => '€',
        "trade" => '™',
        "larr" => '←',
        "uarr" => '↑',
        "rarr" => '→',
        "darr" => '↓',
        "harr" => '↔',
        "minus" => '−',
        "infin" => '∞',
        "asymp" => '≈',
        "ne" => '≠',
        "le" => '≤',
        "ge" => '≥',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::visible_text as vt;
    use std::time::{Duration, Instant};

    // ----- a realistic page -------------------------------------------------

    const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Pemilu 2024: KPU Tetapkan Hasil | Berita</title>
  <style>.x{display:none} p > a { color: red }</style>
  <script>var s = "</div>"; if (a < b && c > d) { document.write("<p>iklan</p>"); }</script>
  <link rel="stylesheet" href="x.css">
</head>
<body class="home">
  <header>
    <nav><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik</a></li></ul></nav>
  </header>
  <!-- iklan atas <p>jangan tampil</p> -->
  <div class="ad" style="DISPLAY : None !important">IKLAN TERSEMBUNYI</div>
  <main>
    <article>
      <h1>KPU Tetapkan Hasil Pe<b>milu</b> 2024</h1>
      <p class="byline">Oleh <span>Redaksi</span> &middot; 20 Maret 2024</p>
      <img src="foto.jpg" alt="Foto ketua KPU">
      <p>Komisi Pemilihan Umum (KPU) menetapkan hasil
         rekapitulasi suara <a href="/x">Pemilu&nbsp;2024</a> pada Rabu&#44; 20/3.</p>
      <p>Ketua KPU mengatakan partisipasi pemilih mencapai 81,78&#x25;.</p>
      <div hidden><p>Konten tersembunyi</p></div>
      <span aria-hidden="true">&#9733;&#9733;&#9733;</span>
      <p><strong>Baca juga:</strong> <a href="/y">Bawaslu &amp; DKPP &ndash; sengketa hasil</a></p>
      <ul>
        <li>Satu
          <ul><li>Satu A</li><li>Satu B</li></ul>
        </li>
        <li>Dua</li>
      </ul>
      <table>
        <thead><tr><th>Partai</th><th>Suara</th></tr></thead>
        <tbody><tr><td>A</td><td>10%</td></tr></tbody>
      </table>
      <pre>
baris 1
  baris 2</pre>
      <script type="application/ld+json">{"headline": "</p><p>bocor</div>"}</script>
      <noscript><p>Aktifkan JavaScript</p></noscript>
      <div style="visibility:hidden">tak terlihat</div>
      <button type="button">Bagikan</button>
    </article>
  </main>
  <footer><p>&copy; 2024 Berita. Hak cipta dilindungi.</p></footer>
  <script>window.dataLayer = [];</script>
</body>
</html>
"#;

    #[test]
    fn news_page_end_to_end() {
        let expected = "Beranda\n\
            Politik\n\
            KPU Tetapkan Hasil Pemilu 2024\n\
            Oleh Redaksi · 20 Maret 2024\n\
            Komisi Pemilihan Umum (KPU) menetapkan hasil rekapitulasi suara Pemilu 2024 pada Rabu, 20/3.\n\
            Ketua KPU mengatakan partisipasi pemilih mencapai 81,78%.\n\
            Baca juga: Bawaslu & DKPP – sengketa hasil\n\
            Satu\n\
            Satu A\n\
            Satu B\n\
            Dua\n\
            Partai\tSuara\n\
            A\t10%\n\
            baris 1\n  baris 2\n\
            Bagikan\n\
            © 2024 Berita. Hak cipta dilindungi.";
        assert_eq!(vt(NEWS_PAGE), expected);
    }

    #[test]
    fn news_page_leaks_nothing_hidden() {
        let out = vt(NEWS_PAGE);
        for leak in [
            "Pemilu 2024:", // <title>
            "display",
            "document.write",
            "iklan",
            "IKLAN",
            "jangan tampil",
            "Konten tersembunyi",
            "★",
            "bocor",
            "headline",
            "Aktifkan",
            "tak terlihat",
            "Foto ketua",
            "dataLayer",
            "<",
        ] {
            assert!(!out.contains(leak), "leaked {leak:?} in {out:?}");
        }
    }

    // ----- inline markup and whitespace -------------------------------------

    #[test]
    fn inline_markup_inside_words_keeps_words_whole() {
        assert_eq!(vt("Pe<b>milu</b>"), "Pemilu");
        assert_eq!(vt("Pe<span class=x>mi</span><i>lu</i>"), "Pemilu");
        assert_eq!(vt("Pe<!-- c -->milu"), "Pemilu");
        assert_eq!(vt("Pe&shy;milu"), "Pemilu");
        assert_eq!(vt("Pe\u{AD}mi\u{200B}lu"), "Pemilu");
        assert_eq!(vt("Pe<wbr>milu"), "Pemilu");
        assert_eq!(vt("Pe<img src=x alt='y'>milu"), "Pemilu");
    }

    #[test]
    fn whitespace_collapses_and_trims() {
        assert_eq!(vt("  a \n\t b  "), "a b");
        assert_eq!(vt("a <b> b </b> c"), "a b c");
        assert_eq!(vt("<p>  one  </p>  <p>\n two \n</p>"), "one\ntwo");
        assert_eq!(vt("a&nbsp;&nbsp;&nbsp;b"), "a b");
        assert_eq!(vt("a\u{A0}b"), "a b");
        assert_eq!(vt("a\r\nb"), "a b");
        assert_eq!(vt(""), "");
        assert_eq!(vt("   \n\t  "), "");
        assert_eq!(vt("<p></p><div> </div><br><br>"), "");
    }

    #[test]
    fn blocks_break_lines_without_blank_lines() {
        assert_eq!(vt("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(vt("<div><div><div>a</div></div></div>b"), "a\nb");
        assert_eq!(vt("a<br>b"), "a\nb");
        assert_eq!(vt("a<br><br><br>b"), "a\nb");
        assert_eq!(vt("a<br/>b"), "a\nb");
        assert_eq!(vt("a</br>b"), "a\nb");
        assert_eq!(vt("a<hr>b"), "a\nb");
        assert_eq!(vt("<h1>T</h1>text<h2>S</h2>"), "T\ntext\nS");
        assert_eq!(
            vt("<blockquote>q</blockquote><figure><figcaption>c</figcaption></figure>"),
            "q\nc"
        );
        assert_eq!(
            vt("<section><p>a</p></section>\n\n\n<aside>b</aside>"),
            "a\nb"
        );
        assert_eq!(vt("a <span>b</span> <div> c </div> d"), "a b\nc\nd");
    }

    #[test]
    fn tables_separate_cells() {
        let html = "<table><caption>Hasil</caption><tr><th>Partai</th><th>Suara</th></tr>\
                    <tr><td>A</td><td>1</td></tr><tr><td>B</td><td> 2 </td></tr></table>after";
        assert_eq!(vt(html), "Hasil\nPartai\tSuara\nA\t1\nB\t2\nafter");
        // Unclosed cells and rows (old-school markup) still don't run together.
        assert_eq!(
            vt("<table><tr><td>a<td>b<tr><td>c<td>d</table>"),
            "a\tb\nc\td"
        );
        // Empty cells don't produce runs of tabs.
        assert_eq!(
            vt("<tr><td></td><td>x</td><td></td><td>y</td></tr>"),
            "x\ty"
        );
    }

    #[test]
    fn lists_including_nested_and_unclosed() {
        assert_eq!(
            vt("<ul><li>a<ul><li>a1<li>a2</ul><li>b</ul>"),
            "a\na1\na2\nb"
        );
        assert_eq!(vt("<ol><li>one<li>two<li>three</ol>"), "one\ntwo\nthree");
        assert_eq!(vt("<dl><dt>T<dd>D<dt>T2<dd>D2</dl>"), "T\nD\nT2\nD2");
    }

    #[test]
    fn pre_keeps_whitespace() {
        assert_eq!(vt("<pre>a  b\n   c</pre>"), "a  b\n   c");
        // The newline right after <pre> is not content.
        assert_eq!(vt("x<pre>\n  code</pre>y"), "x\n  code\ny");
        assert_eq!(vt("<pre>a &lt; b\n<b>bold</b>  x</pre>"), "a < b\nbold  x");
        assert_eq!(vt("<pre>a\tb</pre>"), "a\tb");
        // Blank lines collapse: the output never has "\n\n".
        assert_eq!(vt("<pre>a\n\n\nb</pre>"), "a\nb");
        // Whitespace collapsing resumes after </pre>.
        assert_eq!(vt("<pre> x </pre>  a   b"), "x\na b");
        assert_eq!(vt("<PRE>a  b</PRE>c  d"), "a  b\nc d");
    }

    // ----- skipped content --------------------------------------------------

    #[test]
    fn raw_text_elements_end_only_at_their_own_close_tag() {
        assert_eq!(vt(r#"a<script>if (a<b) x="</div>"</script>b"#), "ab");
        assert_eq!(vt("a<script>x = '<!--';</script>b"), "ab");
        assert_eq!(vt("a<SCRIPT type=x>1</scriptx>2</Script >b"), "ab");
        assert_eq!(vt("a<style>p<q{}</style\t>b"), "ab");
        assert_eq!(vt("a<textarea><p>t</p></textarea>b"), "ab");
        assert_eq!(vt("a<title>T</b></title>b"), "ab");
        assert_eq!(vt("a<noscript><p>no</p></noscript>b"), "ab");
        assert_eq!(vt("a<iframe src=x>fallback</iframe>b"), "ab");
        // Unterminated raw text swallows the rest, as in browsers.
        assert_eq!(vt("a<script>never closed <p>x</p>"), "a");
        assert_eq!(vt("a<script>never closed </script"), "a");
    }

    #[test]
    fn invisible_elements_are_skipped() {
        for tag in [
            "template", "select", "option", "object", "svg", "math", "canvas", "audio", "video",
            "datalist",
        ] {
            let html = format!("a<{tag}><p>x</p><span>y</span></{tag}>b");
            assert_eq!(vt(&html), "ab", "{tag}");
        }
        assert_eq!(vt("<select><option>1<option>2</select>ok"), "ok");
        assert_eq!(vt("<svg><path d='M0'/><text>t</text></svg>ok"), "ok");
        assert_eq!(vt("<button>Kirim</button>"), "Kirim");
        assert_eq!(vt("a<input type=hidden value=x>b<input value=y>c"), "abc");
        assert_eq!(
            vt("<dialog>modal</dialog>x<dialog open>shown</dialog>"),
            "x\nshown"
        );
    }

    #[test]
    fn hidden_subtrees_are_skipped() {
        assert_eq!(vt("a<div hidden>x<p>y</p>z</div>b"), "ab");
        assert_eq!(vt("a<div HIDDEN=''>x</div>b"), "ab");
        assert_eq!(vt("a<span aria-hidden=\"true\">x</span>b"), "ab");
        assert_eq!(vt("a<span aria-hidden=' TRUE '>x</span>b"), "ab");
        assert_eq!(vt("a<span aria-hidden=\"false\">x</span>b"), "axb");
        for style in [
            "display:none",
            "display: none",
            "DISPLAY :NONE",
            "color:red; display:none;",
            "display:none !important",
            "display : none!IMPORTANT",
            "visibility:hidden",
            "visibility: Hidden",
            "display&#58;none",
            "display&colon;none;display:none",
        ] {
            let html = format!("a<div style=\"{style}\">x<b>y</b></div>b");
            assert_eq!(vt(&html), "ab", "{style}");
        }
        for style in [
            "display:block",
            "color:red",
            "max-display:none",
            "visibility:visible",
            "",
        ] {
            let html = format!("a<span style='{style}'>x</span>b");
            assert_eq!(vt(&html), "axb", "{style}");
        }
        // A hidden element adds no line break of its own.
        assert_eq!(vt("a<div hidden>x</div>b"), "ab");
        // Nested hidden elements: the outer close ends the hidden region.
        assert_eq!(vt("<div hidden><div hidden>x</div>y</div>z"), "z");
        // Hidden inline inside visible text.
        assert_eq!(vt("Pe<span hidden>XX</span>milu"), "Pemilu");
    }

    #[test]
    fn head_is_skipped_but_body_survives_missing_tags() {
        assert_eq!(
            vt("<html><head><title>T</title></head><body>x</body></html>"),
            "x"
        );
        assert_eq!(vt("<html><head><title>T</title><body><p>x"), "x");
        assert_eq!(vt("<head><meta charset=utf-8><p>x</p>"), "x");
        assert_eq!(vt("<head><link rel=x>hello"), "hello");
        assert_eq!(
            vt("<head><script>1</script><style>b{}</style></head>ok"),
            "ok"
        );
        // Text after </body> and </html> is still page text.
        assert_eq!(vt("<body>a</body>b</html>c"), "abc");
        // A late <head> is ignored rather than hiding the rest.
        assert_eq!(vt("<p>a</p><head>b"), "a\nb");
    }

    #[test]
    fn template_content_cannot_escape() {
        assert_eq!(vt("<div>a<template></div>x</template>b</div>c"), "ab\nc");
        assert_eq!(vt("<template><template>x</template>y</template>z"), "z");
    }

    // ----- tolerant tag matching ---------------------------------------------

    #[test]
    fn close_tags_pop_to_nearest_match_or_are_ignored() {
        assert_eq!(vt("<b>a</i>b</b>"), "ab");
        assert_eq!(vt("</div></p></span>x"), "x");
        assert_eq!(vt("<div hidden><span>x</div>y"), "y");
        assert_eq!(vt("<div><span hidden>x</div>y"), "y");
        assert_eq!(vt("<DIV hidden>x</div>y"), "y");
        assert_eq!(vt("<div hidden>x</DIV >y"), "y");
        assert_eq!(vt("<div hidden>x</div foo=\">\">y"), "y");
    }

    #[test]
    fn implicit_closes() {
        assert_eq!(vt("<p>a<p>b"), "a\nb");
        assert_eq!(vt("<p hidden>secret<p>visible"), "visible");
        assert_eq!(vt("<p hidden>secret<div>visible</div>"), "visible");
        assert_eq!(vt("<ul><li hidden>x<li>y</ul>"), "y");
        assert_eq!(vt("<ul><li>a<div>b<li>c</ul>"), "a\nb\nc");
        assert_eq!(vt("<dl><dt hidden>x<dd>y</dl>"), "y");
        assert_eq!(vt("<h1 hidden>x<h2>y"), "y");
        // A <p> inside a button doesn't reach the outer hidden <p>.
        assert_eq!(vt("<p hidden><button><p>x</button></p>y"), "y");
        // A nested list's <li> doesn't close the outer item.
        assert_eq!(vt("<li hidden>a<ul><li>b</ul>c</li>d"), "d");
    }

    #[test]
    fn self_closing_never_pushes() {
        assert_eq!(vt("<div hidden/>x"), "x");
        assert_eq!(vt("<span hidden />x"), "x");
        assert_eq!(vt("<script/>x"), "x");
        assert_eq!(vt("a<div/>b"), "a\nb");
        assert_eq!(vt("<custom-el hidden/>ok"), "ok");
    }

    #[test]
    fn markup_that_is_not_a_tag() {
        assert_eq!(vt("a < b"), "a < b");
        assert_eq!(vt("a<3 b"), "a<3 b");
        // `<b then` is a real (truncated) start tag, so it is dropped.
        assert_eq!(vt("if a<b then"), "if a");
        assert_eq!(vt("<é>x"), "<é>x");
        assert_eq!(vt("x <"), "x <");
        assert_eq!(vt("x </"), "x </");
        assert_eq!(vt("a</>b"), "ab");
        assert_eq!(vt("a</ b>c"), "ac");
        assert_eq!(vt("a</3>c"), "ac");
    }

    #[test]
    fn comments_doctype_cdata_pi() {
        assert_eq!(vt("<!doctype html>a"), "a");
        assert_eq!(vt("<!DOCTYPE html PUBLIC \"x\">a"), "a");
        assert_eq!(vt("<?xml version=\"1.0\"?>a"), "a");
        assert_eq!(vt("a<![CDATA[ x < y ]]>b"), "ab");
        assert_eq!(vt("a<!-- <p>x</p> -- still -->b"), "ab");
        assert_eq!(vt("a<!-->b"), "ab");
        assert_eq!(vt("a<!--->b"), "ab");
        assert_eq!(vt("a<!-- x --!>b"), "ab");
        assert_eq!(vt("a<!---->b"), "ab");
        assert_eq!(vt("a<!-- never closed <p>b"), "a");
        assert_eq!(vt("a<![CDATA[ never closed"), "a");
        assert_eq!(vt("a<!bogus"), "a");
        assert_eq!(vt("a<?pi"), "a");
    }

    #[test]
    fn truncated_tags_are_dropped() {
        assert_eq!(vt("a<div class=\"x"), "a");
        assert_eq!(vt("a<div class='x"), "a");
        assert_eq!(vt("a<div class=x"), "a");
        assert_eq!(vt("a<div class="), "a");
        assert_eq!(vt("a<div"), "a");
        assert_eq!(vt("a</div"), "a");
        assert_eq!(vt("a<div /"), "a");
    }

    #[test]
    fn attributes_with_markup_inside_quotes() {
        assert_eq!(vt("<a title=\"x > y <b>\">link</a>"), "link");
        assert_eq!(vt("<a title='it\"s > fine'>link</a>"), "link");
        assert_eq!(vt("<img alt=\"a > b\">x"), "x");
        assert_eq!(vt("<a href=x>y</a>"), "y");
        assert_eq!(vt("<a =x hidden>y</a>z"), "z");
    }

    // ----- entities -----------------------------------------------------------

    #[test]
    fn numeric_entities() {
        assert_eq!(vt("&#8211;&#x2013;&#X2013;"), "–––");
        assert_eq!(vt("a&#8211b"), "a–b");
        assert_eq!(vt("&#x41&#66;"), "AB");
        assert_eq!(vt("&#xD800;"), "\u{FFFD}");
        assert_eq!(vt("&#xDFFF;x"), "\u{FFFD}x");
        assert_eq!(vt("&#0;"), "\u{FFFD}");
        assert_eq!(vt("&#x110000;"), "\u{FFFD}");
        assert_eq!(vt("&#99999999999999999999999999;"), "\u{FFFD}");
        assert_eq!(vt("&#xFFFFFFFFFFFFFFFFFFFFFFFF;"), "\u{FFFD}");
        assert_eq!(vt("&#128512;"), "😀");
        assert_eq!(vt("&#150;&#151;&#146;&#147;&#148;&#128;"), "–—’“”€");
        assert_eq!(vt("&#;"), "&#;");
        assert_eq!(vt("&#x;"), "&#x;");
        assert_eq!(vt("&#xg;"), "&#xg;");
        assert_eq!(vt("&#"), "&#");
        assert_eq!(vt("&"), "&");
    }

    #[test]
    fn named_entities() {
        assert_eq!(vt("&amp;&lt;&gt;&quot;&apos;"), "&<>\"'");
        assert_eq!(vt("a&nbsp;b"), "a b");
        assert_eq!(
            vt("&ndash;&mdash;&hellip;&lsquo;&rsquo;&sbquo;&ldquo;&rdquo;&bdquo;&laquo;&raquo;"),
            "–—…‘’‚“”„«»"
        );
        assert_eq!(
            vt("&copy;&reg;&trade;&bull;&middot;&times;&divide;&deg;&euro;&pound;&yen;&cent;"),
            "©®™•·×÷°€£¥¢"
        );
        assert_eq!(
            vt("&sect;&para;&plusmn;&frac12;&frac14;&frac34;&sup2;&sup3;"),
            "§¶±½¼¾²³"
        );
        assert_eq!(vt("a&shy;b&zwj;c&zwnj;d"), "abcd");
        assert_eq!(
            vt(
                "&agrave;&aacute;&acirc;&atilde;&auml;&aring;&aelig;&ccedil;&egrave;&eacute;&ecirc;&euml;"
            ),
            "àáâãäåæçèéêë"
        );
        assert_eq!(
            vt(
                "&igrave;&iacute;&icirc;&iuml;&ntilde;&ograve;&oacute;&ocirc;&otilde;&ouml;&oslash;"
            ),
            "ìíîïñòóôõöø"
        );
        assert_eq!(
            vt("&ugrave;&uacute;&ucirc;&uuml;&yacute;&yuml;&szlig;"),
            "ùúûüýÿß"
        );
        assert_eq!(
            vt(
                "&Agrave;&Aacute;&Acirc;&Atilde;&Auml;&Aring;&AElig;&Ccedil;&Egrave;&Eacute;&Ecirc;&Euml;"
            ),
            "ÀÁÂÃÄÅÆÇÈÉÊË"
        );
        assert_eq!(
            vt(
                "&Igrave;&Iacute;&Icirc;&Iuml;&Ntilde;&Ograve;&Oacute;&Ocirc;&Otilde;&Ouml;&Oslash;"
            ),
            "ÌÍÎÏÑÒÓÔÕÖØ"
        );
        assert_eq!(vt("&Ugrave;&Uacute;&Ucirc;&Uuml;&Yacute;&Yuml;"), "ÙÚÛÜÝŸ");
        assert_eq!(vt("&AMP;&LT;&GT;"), "&<>");
    }

    #[test]
    fn unknown_or_partial_entities_stay_literal() {
        assert_eq!(vt("&foo;"), "&foo;");
        assert_eq!(vt("AT&T"), "AT&T");
        assert_eq!(vt("a & b"), "a & b");
        assert_eq!(vt("a&&b"), "a&&b");
        assert_eq!(vt("&copyright"), "&copyright");
        assert_eq!(vt("&hellip"), "&hellip");
        assert_eq!(vt("&Amp;"), "&Amp;");
        assert_eq!(vt("&é;"), "&é;");
        // Legacy Latin-1 names work without ';' when the name stands alone.
        assert_eq!(vt("&copy 2024 &amp x"), "© 2024 & x");
        assert_eq!(vt("Caf&eacute"), "Café");
        assert_eq!(
            vt(&format!("&{};", "a".repeat(100))),
            format!("&{};", "a".repeat(100))
        );
    }

    #[test]
    fn entities_inside_hidden_content_are_dropped() {
        assert_eq!(vt("<div hidden>&amp;&#65;</div>ok"), "ok");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(vt("<p>Pemilu é 😀 中文</p>"), "Pemilu é 😀 中文");
        assert_eq!(vt("<p title='😀'>é</p>"), "é");
        assert_eq!(vt("<😀>"), "<😀>");
    }

    // ----- robustness ---------------------------------------------------------

    /// Std-only xorshift64* so the fuzz tests are deterministic and dependency-free.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const SOUP_ATOMS: &[&str] = &[
        "<",
        ">",
        "/",
        "!",
        "-",
        "&",
        "#",
        ";",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "\t",
        "a",
        "b",
        "p",
        "x",
        "i",
        "s",
        "é",
        "😀",
        "?",
        "[",
        "]",
        "0",
        "9",
        // Fragments that reach the deeper tokenizer states.
        "<p>",
        "</p>",
        "<li>",
        "<div",
        "</div>",
        "<script>",
        "</script",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "--!>",
        "<![CDATA[",
        "]]>",
        "&#x",
        "&#",
        "&amp",
        "&nbsp;",
        "&#xD800;",
        "&#99999999999;",
        " hidden",
        " style=display:none",
        " aria-hidden=true",
        "<td>",
        "<tr>",
        "<template>",
        "</template>",
        "<head>",
        "<body>",
        "<svg>",
        "</",
        "/>",
        "<title>",
        "<b>",
        "</b>",
        "<h1>",
        "<dd>",
        "<button>",
    ];

    fn check_invariants(input: &str, out: &str) {
        assert!(
            !out.contains("\n\n"),
            "double newline for {input:?}: {out:?}"
        );
        assert!(
            !out.starts_with(['\n', ' ', '\t']),
            "leading ws for {input:?}: {out:?}"
        );
        assert!(
            !out.ends_with(['\n', ' ', '\t']),
            "trailing ws for {input:?}: {out:?}"
        );
        assert!(
            !out.contains(" \n"),
            "space before newline for {input:?}: {out:?}"
        );
    }

    #[test]
    fn fuzz_random_tag_soup_never_panics() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..10_000 {
            let len = rng.below(40);
            let mut input = String::new();
            for _ in 0..len {
                input.push_str(rng.pick(SOUP_ATOMS));
            }
            let out = vt(&input);
            check_invariants(&input, &out);
            // Deterministic.
            assert_eq!(out, vt(&input));
        }
    }

    #[test]
    fn fuzz_well_formed_tags_never_leak_angle_brackets() {
        // Text pieces contain no '<' and no '&', so any '<' in the output
        // would have to come from markup.
        const TEXT: &[&str] = &[
            "a", "b", "Pemilu", " ", "\n", "\t", ">", "\"", "'", "=", "/", "!", "-", ";", "#", "é",
            "😀", "]]>", "-->",
        ];
        const TAGS: &[&str] = &[
            "<b>",
            "</b>",
            "<p>",
            "</p>",
            "<div class=\"a<b>c\">",
            "</div>",
            "<a href='x>y' title=\"<i>\">",
            "</a>",
            "<br/>",
            "<br>",
            "<img src=x alt='<b>'>",
            "<p hidden>",
            "<span style=\"display:none\">",
            "</span>",
            "<li>",
            "<ul>",
            "</ul>",
            "<pre>",
            "</pre>",
            "<td>",
            "<tr>",
            "<table>",
            "</table>",
            "<!-- <b> -->",
            "<!doctype html>",
            "<?xml x='<'?>",
            "<![CDATA[<b>]]>",
            "<script>if(a<b)x=\"</div>\"</script>",
            "<style>p<q{}</style>",
            "<textarea><b></textarea>",
            "<template><b></template>",
            "<svg><path/></svg>",
            "<h2>",
            "</h2>",
            "<DIV STYLE='x'>",
            "</DIV >",
            "<input type=hidden value='<'>",
            "</unknown>",
            "<x-y hidden/>",
        ];
        let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..10_000 {
            let mut input = String::new();
            for _ in 0..rng.below(30) {
                if rng.below(2) == 0 {
                    input.push_str(rng.pick(TEXT));
                } else {
                    input.push_str(rng.pick(TAGS));
                }
            }
            let out = vt(&input);
            assert!(!out.contains('<'), "markup leaked for {input:?}: {out:?}");
            check_invariants(&input, &out);
        }
    }

    #[test]
    fn fuzz_random_bytes_as_utf8() {
        let mut rng = XorShift(42);
        for _ in 0..2_000 {
            let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
            let input = String::from_utf8_lossy(&bytes);
            let out = vt(&input);
            check_invariants(&input, &out);
        }
    }

    #[test]
    fn every_prefix_of_the_news_page_is_fine() {
        // Truncation at every byte (on char boundaries) must not panic.
        for (i, _) in NEWS_PAGE.char_indices() {
            let out = vt(&NEWS_PAGE[..i]);
            check_invariants(&NEWS_PAGE[..i], &out);
        }
    }

    fn assert_quick(what: &str, start: Instant) {
        // Generous so it never flakes on a slow debug build, yet far below
        // what a quadratic algorithm would need on these inputs.
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what} took {:?}",
            start.elapsed()
        );
    }

    #[test]
    fn ten_thousand_deep_nesting() {
        let n = 10_000;
        let start = Instant::now();
        let html = format!("{}deep{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(vt(&html), "deep");
        let html = format!("{}deep", "<span><b>".repeat(n));
        assert_eq!(vt(&html), "deep");
        let html = format!(
            "<div hidden>{}x{}{}y",
            "<div>".repeat(n),
            "<span>".repeat(n),
            "</div>".repeat(n + 1)
        );
        assert_eq!(vt(&html), "y");
        // One close too few: still inside the hidden div.
        let html = format!("<div hidden>{}x{}y", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(vt(&html), "");
        let html = format!("{}x{}", "<ul><li>".repeat(n), "</li></ul>".repeat(n));
        assert_eq!(vt(&html), "x");
        assert_quick("deep nesting", start);
    }

    #[test]
    fn adversarial_inputs_stay_linear() {
        let n = 50_000;
        let start = Instant::now();
        // Many unmatched close tags against a deep stack.
        let html = format!("{}x{}", "<div>".repeat(n), "</span>".repeat(n));
        assert_eq!(vt(&html), "x");
        // Implicit-close checks against a deep stack behind a scope boundary.
        let html = format!("<p><table>{}{}", "<span>".repeat(n), "<div>".repeat(n));
        assert_eq!(vt(&html), "");
        // Near-miss close tags inside raw text.
        let html = format!("<script>{}</script>ok", "</scrip".repeat(n));
        assert_eq!(vt(&html), "ok");
        // Unterminated comment full of dashes.
        let html = format!("a<!--{}", "--x".repeat(n));
        assert_eq!(vt(&html), "a");
        // Lots of ampersands and broken references.
        let html = "&#&x&amp".repeat(n);
        assert_eq!(vt(&html).len(), "&#&x&".len() * n);
        // Many attributes, and a long unterminated attribute.
        let html = format!("<div{}>x</div>", " a=b".repeat(n));
        assert_eq!(vt(&html), "x");
        let html = format!("x<div a=\"{}", "y".repeat(n));
        assert_eq!(vt(&html), "x");
        // Many stray '<'.
        let html = "< ".repeat(n);
        assert_eq!(vt(&html).len(), 2 * n - 1);
        assert_quick("adversarial inputs", start);
    }

    #[test]
    fn five_megabytes_of_text() {
        let para = "<p>Komisi Pemilihan Umum (KPU) menetapkan hasil <b>Pemilu</b> 2024 &amp; \
                    Bawaslu&nbsp;mengawasi&#8230; <a href=\"/x\">Baca juga</a></p>\n";
        let html = para.repeat(5 * 1024 * 1024 / para.len() + 1);
        assert!(html.len() >= 5 * 1024 * 1024);
        let start = Instant::now();
        let out = vt(&html);
        assert_quick("5 MB", start);
        let line = "Komisi Pemilihan Umum (KPU) menetapkan hasil Pemilu 2024 & Bawaslu mengawasi… Baca juga";
        assert!(out.lines().all(|l| l == line));
        assert_eq!(out.lines().count(), html.len() / para.len());

        // And one giant text node with no markup at all.
        let plain = "kata ".repeat(1024 * 1024);
        let start = Instant::now();
        let out = vt(&plain);
        assert_quick("5 MB plain", start);
        assert_eq!(out.len(), plain.len() - 1);
    }
}
