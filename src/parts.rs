//! Checking a long text part by part — so that the page scanner can yield to the browser
//! between parts — and keeping what each part gave, so that after the page changes only the
//! parts whose text changed are checked again.
//!
//! Parts end after a line break, and where they end depends only on the text nearby
//! (content-defined cuts: after [`PART_MIN`] bytes, at the first line whose hash says so, by
//! [`PART_FORCE`] at the latest). An edit in one place therefore leaves the parts elsewhere
//! exactly as they were, and their results are taken from the cache.
//!
//! A part's claims depend on the text before it only through the document's topic evidence
//! ([`DocTopic`]: is this page about the election?). A cached part is reused when the
//! evidence, with the part's own share added, leads to the same answer as when it was checked.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use crate::engine::DocTopic;
use crate::text::stem::StemCache;
use crate::{CheckOptions, Claim, Engine};

/// Parts are at least this many bytes (unless the text ends first)…
pub const PART_MIN: usize = 4 * 1024;
/// …end at the first line break past this size whatever the line's hash…
pub const PART_FORCE: usize = 8 * 1024;
/// …and a single line longer than this is cut, at a sentence end or a space where possible.
pub const PART_MAX: usize = 12 * 1024;

/// What checking one part gave: its own share of the topic evidence, whether the document
/// counted as about the election when it was checked, and its claims (offsets relative to
/// the part).
#[derive(Clone, Debug)]
struct CachedPart {
    topic: DocTopic,
    election: bool,
    claims: Rc<Vec<Claim>>,
}

/// The results of the last scan's parts, by the (hash, length) of their text.
#[derive(Default, Debug)]
pub struct PartCache {
    map: HashMap<(u64, usize), CachedPart>,
}

fn part_key(text: &str) -> (u64, usize) {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    (h.finish(), text.len())
}

/// FNV-1a of a line: decides, from the line's own text, whether a part may end after it.
fn line_hash(line: &str) -> u32 {
    line.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// Cuts `text` into parts: (byte start, byte end, UTF-16 start) each, covering the text.
pub fn parts(text: &str) -> Vec<(usize, usize, u32)> {
    let mut out: Vec<(usize, usize, u32)> = Vec::new();
    let mut base16 = 0u32;
    let mut push = |start: usize, end: usize| {
        out.push((start, end, base16));
        base16 += text[start..end].encode_utf16().count() as u32;
    };
    let mut start = 0usize;
    let mut at = 0usize;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k + 1);
        let mut pos = start;
        // A runaway line: cut it into pieces of at most PART_MAX.
        while line_end - pos > PART_MAX {
            let cut = long_line_cut(text, pos, pos + PART_MAX);
            push(pos, cut);
            pos = cut;
        }
        start = pos;
        let size = line_end - start;
        if line_end == text.len()
            || size >= PART_FORCE
            || (size >= PART_MIN && line_hash(&text[at..line_end]).is_multiple_of(4))
        {
            if line_end > start {
                push(start, line_end);
            }
            start = line_end;
        }
        at = line_end;
    }
    out
}

/// Where to cut a runaway line between `from` and `limit` (exclusive): after the last
/// sentence end in the second half, else after the last space there, else at a char boundary.
fn long_line_cut(text: &str, from: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[from..limit];
    let half = window.len() / 2;
    let sentence = [". ", "! ", "? "]
        .iter()
        .filter_map(|p| window.rfind(p).map(|k| k + p.len()))
        .filter(|&k| k >= half)
        .max();
    let cut = sentence
        .or_else(|| window.rfind(' ').map(|k| k + 1).filter(|&k| k >= half))
        .unwrap_or(window.len());
    if cut > 0 {
        return from + cut;
    }
    // Not one whole char fits (cannot happen with PART_MAX ≥ 4): take one anyway.
    let mut end = from + 1;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// One scan's way through the parts of a text. [`PartScan::step`] checks one part (or takes
/// it from the last scan's cache) and returns, so that the caller can yield in between.
pub struct PartScan {
    parts: Vec<(usize, usize, u32)>,
    next: usize,
    topic: DocTopic,
    fresh: PartCache,
    claims: Vec<Claim>,
    /// Word stems derived so far in this scan: a page's parts share most of their words.
    stems: StemCache,
    /// Parts checked by the engine in this scan, and parts taken from the cache.
    pub checked: usize,
    pub reused: usize,
}

impl PartScan {
    pub fn new(text: &str) -> PartScan {
        PartScan {
            parts: parts(text),
            next: 0,
            topic: DocTopic::default(),
            fresh: PartCache::default(),
            claims: Vec::new(),
            stems: StemCache::default(),
            checked: 0,
            reused: 0,
        }
    }

    /// The size in bytes of the part the next [`PartScan::step`] handles.
    pub fn next_len(&self) -> Option<usize> {
        self.parts.get(self.next).map(|&(a, b, _)| b - a)
    }

    /// Handles the next part of `text` (the same text given to [`PartScan::new`]); false when
    /// there was none left.
    pub fn step(
        &mut self,
        engine: &Engine,
        text: &str,
        opts: &CheckOptions,
        last: &PartCache,
    ) -> bool {
        let Some(&(a, b, base16)) = self.parts.get(self.next) else {
            return false;
        };
        self.next += 1;
        let part = &text[a..b];
        let key = part_key(part);
        let before = self.topic;
        // The same text at the last scan, under the same topic. (Not the same text earlier in
        // this scan: repeated text is rare on real pages, and reusing it would make benchmarks
        // built from repeated text measure the cache instead of the checking.)
        let reuse = last
            .map
            .get(&key)
            .filter(|c| {
                let mut after = before;
                after.absorb(c.topic);
                after.is_election() == c.election
            })
            .cloned();
        let cached = match reuse {
            Some(c) => {
                self.reused += 1;
                self.topic.absorb(c.topic);
                c
            }
            None => {
                self.checked += 1;
                let report = engine.check_part_with(part, opts, &mut self.topic, &mut self.stems);
                CachedPart {
                    topic: self.topic.since(before),
                    election: self.topic.is_election(),
                    claims: Rc::new(report.claims),
                }
            }
        };
        self.claims.extend(cached.claims.iter().map(|c| {
            let mut c = c.clone();
            c.start += a;
            c.end += a;
            c.start_utf16 += base16 as usize;
            c.end_utf16 += base16 as usize;
            c
        }));
        self.fresh.map.entry(key).or_insert(cached);
        true
    }

    /// The claims of the whole text (offsets into it), and the cache for the next scan.
    pub fn finish(self) -> (Vec<Claim>, PartCache) {
        (self.claims, self.fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> String {
        let para = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.\n\
                    KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.\n\
                    Cuaca cerah di Jakarta hari ini, suhu 31 derajat.\n";
        para.repeat(400)
    }

    fn scan(engine: &Engine, text: &str, last: &PartCache) -> (Vec<Claim>, PartCache, usize) {
        let mut s = PartScan::new(text);
        let opts = CheckOptions::default();
        while s.step(engine, text, &opts, last) {}
        let checked = s.checked;
        let (claims, cache) = s.finish();
        (claims, cache, checked)
    }

    #[test]
    fn parts_cover_the_text_in_order_and_end_at_line_breaks() {
        let text = article();
        let ps = parts(&text);
        assert!(ps.len() > 4, "a 70 KB text is cut: {}", ps.len());
        let mut at = 0;
        let mut units = 0u32;
        for &(a, b, base16) in &ps {
            assert_eq!(a, at);
            assert_eq!(base16, units);
            assert!(b > a);
            assert!(b == text.len() || text[..b].ends_with('\n'));
            assert!(b - a <= PART_FORCE + 200, "{} bytes", b - a);
            units += text[a..b].encode_utf16().count() as u32;
            at = b;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn a_runaway_line_is_cut_at_sentence_ends_or_spaces_within_bounds() {
        let text = "Kata kata pemilu tanpa titik ".repeat(2000)
            + "akhir. Lalu é ü 🗳 ".repeat(3000).as_str();
        let ps = parts(&text);
        let mut at = 0;
        for &(a, b, _) in &ps {
            assert_eq!(a, at);
            assert!(b - a <= PART_MAX, "{} bytes", b - a);
            assert!(text.is_char_boundary(b));
            at = b;
        }
        assert_eq!(at, text.len());
        // Cut after a space (no sentence end in the first line's half windows).
        assert!(text[..ps[0].1].ends_with(' '));
        // A line with no space at all is still cut, on char boundaries.
        let blob = "é".repeat(20_000);
        assert!(
            parts(&blob)
                .iter()
                .all(|&(a, b, _)| b - a <= PART_MAX && blob.is_char_boundary(a))
        );
    }

    #[test]
    fn an_edit_in_the_middle_leaves_the_other_parts_as_they_were() {
        let text = article();
        let edited = {
            let mid = text.len() / 2;
            let at = text[mid..].find('\n').map_or(text.len(), |k| mid + k + 1);
            format!(
                "{}DPR hasil Pemilu 2024 memiliki 575 kursi.\n{}",
                &text[..at],
                &text[at..]
            )
        };
        let before: Vec<&str> = parts(&text).iter().map(|&(a, b, _)| &text[a..b]).collect();
        let after: Vec<&str> = parts(&edited)
            .iter()
            .map(|&(a, b, _)| &edited[a..b])
            .collect();
        let same = after.iter().filter(|p| before.contains(p)).count();
        assert!(
            after.len() - same <= 2,
            "{} of {} parts changed",
            after.len() - same,
            after.len()
        );
    }

    #[test]
    fn a_rescan_checks_only_changed_parts_and_finds_what_a_fresh_scan_finds() {
        let engine = Engine::new().expect("default bundle");
        let text = article();
        let (claims, cache, checked) = scan(&engine, &text, &PartCache::default());
        assert!(checked >= 1);
        assert_eq!(claims.len(), 800, "two claims per paragraph");

        // Unchanged: nothing is checked again, and the results are the same.
        let (again, cache, checked) = scan(&engine, &text, &cache);
        assert_eq!(checked, 0);
        assert_eq!(again, claims);

        // An article appended (infinite scroll): only the new tail is checked.
        let more = format!("{text}DPR hasil Pemilu 2024 memiliki 575 kursi.\n");
        let (grown, _, checked) = scan(&engine, &more, &cache);
        assert!(checked <= 2, "{checked} parts checked");
        let (fresh, _, _) = scan(&engine, &more, &PartCache::default());
        assert_eq!(grown, fresh);
        assert_eq!(grown.len(), 801);
        assert!(grown.iter().all(|c| more.get(c.start..c.end).is_some()));
    }

    #[test]
    fn a_small_text_gives_what_the_whole_check_gives() {
        let engine = Engine::new().expect("default bundle");
        let text = "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.\n\
                    Menurut KPU, DPT Pemilu 2024 berjumlah 204.807.222 pemilih.\n";
        let (claims, _, _) = scan(&engine, text, &PartCache::default());
        assert_eq!(claims, engine.check(text, &CheckOptions::default()).claims);
    }
}
