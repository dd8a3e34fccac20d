//! Numeric figures in normalised Indonesian and English news sentences.
//!
//! A claim checker compares the figures a writer used with reference data, so it needs
//! more than the value: how finely the figure was stated (`204,8 juta` is only claimed to
//! the nearest 100 000), how firmly (`lebih dari`, `sekitar`), and whether it is a range,
//! a percentage, money, a probable year or a ballot number. This module finds those
//! figures with a single hand-written forward scan. Every look-around it does (currency
//! before the digits, unit and bound words around them, range connectors) is capped at a
//! few words, so the whole scan is linear in the input and cannot be driven quadratic by
//! hostile text.
//!
//! The input is expected to be normalised already (lowercase, compatibility-folded), but
//! may contain any Unicode. All offsets are byte offsets on char boundaries: the scanner
//! only ever cuts next to ASCII bytes or whole decoded chars.
//!
//! Deliberate choices beyond the brief are documented on the items that make them; the
//! main ones are: `m` is *miliar* next to rupiah (Indonesian writes `Rp 5 M` for 5 billion
//! rupiah) and *million* otherwise; a figure whose grouping is malformed (`1.75.4`,
//! `14.02.2024`) yields nothing at all rather than a leading fragment; a hyphen glued to
//! a word (`covid-19`, `ke-2`) or a bare minus (`-5`) hides the figure after it.

/// How separators inside a figure should be read when the figure alone is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `.` groups thousands, `,` is the decimal mark.
    Indonesian,
    /// `,` groups thousands, `.` is the decimal mark.
    English,
    /// Unknown language: a lone separator before three digits is read as thousands,
    /// except `,` before a multiplier word (`1,750 juta` is 1.75 juta).
    Auto,
}

/// How the writer bounded the figure ("lebih dari 200 juta" = AtLeast).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// One figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// byte span covering the figure with its multiplier, unit word/sign and bound words
    pub start: usize,
    pub end: usize,
    /// the value with multiplier applied: "204,8 juta" -> 204_800_000.0; "58,59 persen" -> 58.59
    pub value: f64,
    /// upper end for ranges ("3000 - 4000" -> value 3000, end_value Some(4000))
    pub end_value: Option<f64>,
    /// the smallest step the writer expressed: "204.807.222" -> 1; "204,8 juta" -> 100_000; "58,59%" -> 0.01; "240 juta" -> 1_000_000
    pub resolution: f64,
    pub percent: bool,
    pub bound: Bound,
    /// written as "rp" / "rp." / "idr" / "$" / "usd" before the figure
    pub currency: bool,
    /// a plain 4-digit integer 1900..=2100 with no separators, multiplier, percent or currency (probably a year)
    pub year_like: bool,
    /// written digits started with a 0 and had more than one digit ("02"): ballot numbers are written so
    pub leading_zero: bool,
}

/// More separator groups than this is not a figure anyone writes; the run is skipped.
/// Capping it also keeps the per-figure bookkeeping constant-sized on hostile input.
const MAX_GROUPS: usize = 16;
/// More significant digits than this is an identifier or noise, not a claimed quantity.
const MAX_DIGITS: usize = 30;
/// Longest word ever compared ("approximately" has 13 letters); longer words are read
/// only this far, which keeps every look-around O(1).
const WORD_CAP: usize = 16;
/// Whitespace chars skipped between two words of a phrase.
const SPACE_CAP: usize = 8;
/// Bytes allowed between a range connector and the second figure's digits
/// (room for a currency prefix such as `rp. ` or `us$ `).
const GAP_CAP: usize = 8;

/// All numeric figures in `s`, in order, non-overlapping. Linear time; never panics.
pub fn extract_numbers(s: &str, style: NumberStyle) -> Vec<NumberMatch> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let (next, found) = scan_at(s, i, last_end, style);
            if let Some(m) = found {
                last_end = m.end;
                out.push(m);
            }
            // Every path consumes at least the whole digit run, so the loop never
            // re-enters a run it has already judged.
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// What follows the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Plain,
    /// Power of ten applied by a multiplier word.
    Mult(i32),
    Percent,
    /// `wib`/`wita`/`wit`: a clock time, never a figure.
    Time,
}

/// Which currency prefix was written; only matters for reading `m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cur {
    Rupiah,
    Other,
}

/// A maximal run of digits joined by single `.`/`,` separators. Fixed-size so that
/// judging a figure allocates nothing.
struct Run {
    end: usize,
    groups: [(usize, usize); MAX_GROUPS],
    seps: [u8; MAX_GROUPS],
    n_groups: usize,
    overflow: bool,
}

impl Run {
    fn groups(&self) -> &[(usize, usize)] {
        &self.groups[..self.n_groups]
    }
    fn seps(&self) -> &[u8] {
        &self.seps[..self.n_groups.saturating_sub(1)]
    }
}

/// The digits of a figure once its separators have been interpreted.
struct Lit {
    /// integer digits followed by fraction digits, no separators (ASCII)
    digits: [u8; MAX_DIGITS],
    n_digits: usize,
    frac_len: usize,
    int_len: usize,
    has_sep: bool,
    leading_zero: bool,
}

impl Lit {
    fn digits(&self) -> &[u8] {
        &self.digits[..self.n_digits]
    }
}

/// A figure with its currency prefix and unit, before ranges and bounds are considered.
struct Fig {
    start: usize,
    run: Run,
    lit: Lit,
    unit: Unit,
    end: usize,
    cur: Option<Cur>,
}

/// Judges the digit run starting at `p`. Returns where scanning resumes and the match.
fn scan_at(s: &str, p: usize, limit: usize, style: NumberStyle) -> (usize, Option<NumberMatch>) {
    let b = s.as_bytes();
    // Three or more runs glued by '-' are dates (2024-02-14) or codes, never figures.
    if let Some(e) = dash_chain_end(b, p) {
        return (e, None);
    }
    let f1 = match figure_at(s, p, limit, style, false) {
        Ok(f) => f,
        Err(skip) => return (skip, None),
    };
    let (words, n) = words_before(s, f1.start, limit);
    let nearest = if n > 0 {
        Some(sub(s, words[0].0, words[0].1))
    } else {
        None
    };
    // "pukul 19.30" / "jam 10" are clock times; but in "2 jam 30 menit" the "jam" closes a
    // duration and the 30 is a figure.
    let time_before = match nearest {
        Some("pukul" | "pkl") => true,
        Some("jam") => {
            let q = skip_ws_back(s, words[0].0, limit);
            !char_before(s, q).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    let between_start = match nearest {
        Some("antara" | "between") => Some(words[0].0),
        _ => None,
    };
    let f2 = range_tail(s, &f1, style, between_start.is_some());
    if time_before || f1.unit == Unit::Time {
        // Swallow the rest of a time range too ("pukul 10.00 - 12.00").
        return (f2.map_or(f1.end, |f| f.end), None);
    }
    if let Some(f2) = &f2
        && f1.unit == Unit::Plain
        && f2.unit == Unit::Time
    {
        return (f2.end, None);
    }
    let range = f2.and_then(|f2| combine(s, &f1, &f2, style).map(|c| (f2, c)));

    let (value, end_value, resolution, percent, year_like, currency, mut start, mut end);
    match &range {
        Some((f2, c)) => {
            value = c.v1;
            end_value = Some(c.v2);
            resolution = c.res;
            percent = c.percent;
            year_like = c.year_like;
            currency = f1.cur.is_some() || f2.cur.is_some();
            start = between_start.unwrap_or(f1.start);
            end = f2.end;
        }
        None => {
            let Some((v, r)) = scaled(&f1.lit, unit_exp(f1.unit)) else {
                return (f1.end, None);
            };
            value = v;
            end_value = None;
            resolution = r;
            percent = f1.unit == Unit::Percent;
            year_like = is_year(&f1.lit, f1.unit, f1.cur, v);
            currency = f1.cur.is_some();
            start = f1.start;
            end = f1.end;
        }
    }
    let pre = pre_bound(s, start, limit);
    let post = post_bound(s, end);
    if let Some((_, st)) = pre {
        start = st;
    }
    if let Some((_, e)) = post {
        end = e;
    }
    // A bound written before the figure is the writer's main qualifier; one after it
    // ("sekitar 5 juta lebih") only adds words to the span.
    let bound = pre.or(post).map_or(Bound::Exact, |(bd, _)| bd);
    let m = NumberMatch {
        start,
        end,
        value,
        end_value,
        resolution,
        percent,
        bound,
        currency,
        year_like,
        leading_zero: f1.lit.leading_zero,
    };
    (end, Some(m))
}

fn unit_exp(u: Unit) -> i32 {
    match u {
        Unit::Mult(e) => e,
        _ => 0,
    }
}

/// A probable year: exactly four bare digits in 1900..=2100, nothing else attached.
fn is_year(lit: &Lit, unit: Unit, cur: Option<Cur>, v: f64) -> bool {
    unit == Unit::Plain
        && cur.is_none()
        && !lit.has_sep
        && lit.frac_len == 0
        && lit.int_len == 4
        && !lit.leading_zero
        && (1900.0..=2100.0).contains(&v)
}

/// Value and resolution of `lit` times `10^exp`, both correctly rounded.
///
/// Correct rounding matters to callers comparing with reference data: `58,59` must be
/// exactly the literal `58.59` and `204,8 juta` exactly `204_800_000.0`, which naive
/// `204.8 * 1e6` arithmetic does not guarantee. An integer mantissa below 2^53 and a
/// power of ten up to 10^22 are both exact doubles, so one multiplication or division
/// is correctly rounded (Clinger's fast path); anything else goes through
/// `str::parse::<f64>`, which is correctly rounded by contract.
fn scaled(lit: &Lit, exp: i32) -> Option<(f64, f64)> {
    let e = exp - i32::try_from(lit.frac_len).ok()?;
    let v = decimal(lit.digits(), e)?;
    let r = decimal(b"1", e)?;
    (v.is_finite() && r.is_finite() && r > 0.0).then_some((v, r))
}

/// `digits × 10^e` as the nearest double.
fn decimal(digits: &[u8], e: i32) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let mantissa = if digits.len() <= 15 {
        digits
            .iter()
            .try_fold(0u64, |m, &d| Some(m * 10 + u64::from(d.checked_sub(b'0')?)))
    } else {
        None
    };
    let pow = POW10.get(usize::try_from(e.unsigned_abs()).ok()?);
    if let (Some(m), Some(&p)) = (mantissa, pow) {
        let m = m as f64;
        return Some(if e >= 0 { m * p } else { m / p });
    }
    let text = format!("{}e{e}", std::str::from_utf8(digits).ok()?);
    text.parse().ok()
}

/// Result of joining two figures into a range.
struct Combined {
    v1: f64,
    v2: f64,
    res: f64,
    percent: bool,
    year_like: bool,
}

/// Joins `f1` and `f2` into a range when their units agree.
///
/// A unit written only after the second figure applies to both ("3 hingga 4 juta",
/// "40-50 persen"). A unit written only after the first ("3 juta - 4") is not a range.
/// The ends must increase: "3-1" is a score and "10 hingga 5 persen" a fall, not ranges.
fn combine(s: &str, f1: &Fig, f2: &Fig, style: NumberStyle) -> Option<Combined> {
    let (u1, u2) = match (f1.unit, f2.unit) {
        (Unit::Plain, u @ (Unit::Plain | Unit::Mult(_) | Unit::Percent)) => (u, u),
        (a @ Unit::Mult(_), c @ Unit::Mult(_)) => (a, c),
        (Unit::Percent, Unit::Percent) => (Unit::Percent, Unit::Percent),
        _ => return None,
    };
    let relit;
    let lit1 = if u1 == f1.unit {
        &f1.lit
    } else {
        // The shared multiplier can change how the first figure's separator reads in
        // Auto style ("1,750 - 2,5 juta").
        relit = interpret(s, &f1.run, style, matches!(u1, Unit::Mult(_)))?;
        &relit
    };
    let (v1, r1) = scaled(lit1, unit_exp(u1))?;
    let (v2, r2) = scaled(&f2.lit, unit_exp(u2))?;
    if v1 >= v2 {
        return None;
    }
    Some(Combined {
        v1,
        v2,
        res: r1.min(r2),
        percent: u1 == Unit::Percent,
        year_like: is_year(lit1, u1, f1.cur, v1) && is_year(&f2.lit, u2, f2.cur, v2),
    })
}

/// The second half of a range after `f1`: a dash or a connector word, then a figure.
///
/// `dan`/`and` only join a range after `antara`/`between`; otherwise "36 dan 38" is two
/// figures. The second figure must start right after the connector (optionally with its
/// own currency prefix) and must not itself be glued to a further `-digits` run.
fn range_tail(s: &str, f1: &Fig, style: NumberStyle, between: bool) -> Option<Fig> {
    let b = s.as_bytes();
    let e1 = f1.end;
    let a = skip_ws_fwd(s, e1);
    let dash = char_at(s, a).filter(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2212}'));
    let c = if let Some(d) = dash {
        skip_ws_fwd(s, a + d.len_utf8())
    } else {
        if a == e1 {
            return None;
        }
        let after = connector_word_end(s, a, between)?;
        let c = skip_ws_fwd(s, after);
        if c == after {
            return None;
        }
        c
    };
    let mut p2 = c;
    while p2 < b.len() && !b[p2].is_ascii_digit() {
        let ok = b[p2].is_ascii_alphabetic() || matches!(b[p2], b'$' | b'.' | b' ');
        if !ok || p2 - c >= GAP_CAP {
            return None;
        }
        p2 += 1;
    }
    if p2 >= b.len() {
        return None;
    }
    let f2 = figure_at(s, p2, c, style, true).ok()?;
    if f2.start != c || dash_follows(b, f2.run.end) {
        return None;
    }
    Some(f2)
}

/// End of a range connector word starting at `a`, if there is one.
fn connector_word_end(s: &str, a: usize, between: bool) -> Option<usize> {
    let rest = s.get(a..)?;
    for abbr in ["s.d.", "s/d", "s.d"] {
        if rest.starts_with(abbr) && !char_at(s, a + abbr.len()).is_some_and(is_word_char) {
            return Some(a + abbr.len());
        }
    }
    let w = whole_word_at(s, a)?;
    match sub(s, a, w) {
        "hingga" | "to" => Some(w),
        "sampai" => Some(next_word_is(s, w, "dengan").unwrap_or(w)),
        "dan" | "and" if between => Some(w),
        _ => None,
    }
}

/// Reads the figure whose digits start at `p`: currency before, run, unit after.
///
/// `Err(skip)` means "not a figure" and tells the caller to resume after the run.
/// `limit` is the end of the previous match; nothing before it may be claimed.
/// `after_connector` lets the second half of "3 -4" through the bare-minus rule.
fn figure_at(
    s: &str,
    p: usize,
    limit: usize,
    style: NumberStyle,
    after_connector: bool,
) -> Result<Fig, usize> {
    let b = s.as_bytes();
    let run = lex_run(b, p);
    let skip = run.end;
    let (start, cur) = left_context(s, p, limit, after_connector).ok_or(skip)?;
    // A figure glued to '/' is a date part (19/12/22) or a fraction; "19:30" is a time.
    match (b.get(run.end), b.get(run.end + 1)) {
        (Some(b'/'), _) => return Err(skip),
        (Some(b':'), Some(d)) if d.is_ascii_digit() => return Err(skip),
        _ => {}
    }
    let (unit, end) = suffix_at(s, run.end, style, cur).ok_or(skip)?;
    let lit = interpret(s, &run, style, matches!(unit, Unit::Mult(_))).ok_or(skip)?;
    Ok(Fig {
        start,
        run,
        lit,
        unit,
        end,
        cur,
    })
}

/// Decides from the text just before the digits whether they can be a figure, and finds
/// a currency prefix. Returns the figure's start and currency, or `None` to skip it.
///
/// Digits glued to a word (`pemilu2024`, `g20`) are part of a name unless the word is a
/// currency code (`rp200`). After `/` they are a date part; after `digit:` a time. A
/// hyphen glued to a word (`covid-19`, `ke-2`) makes a compound or ordinal, and a bare
/// leading minus (`-5`) a negative number this module does not report; a hyphen right
/// after digits is the dash of an un-joined range ("3-1") and is fine.
fn left_context(
    s: &str,
    p: usize,
    limit: usize,
    after_connector: bool,
) -> Option<(usize, Option<Cur>)> {
    let Some(prev) = char_before(s, p) else {
        return Some((p, None));
    };
    match prev {
        '$' => Some(dollar_start(s, p - 1, limit).map_or((p, None), |st| (st, Some(Cur::Other)))),
        '.' => {
            if let Some((st, cur)) = cur_word_ending_at(s, p - 1)
                && cur == Cur::Rupiah
                && st >= limit
                && sub(s, st, p - 1) == "rp"
            {
                return Some((st, Some(cur)));
            }
            // "no.5" is fine; a bare ".5" is a decimal written without its zero.
            char_before(s, p - 1)
                .is_some_and(|c| c.is_ascii_alphabetic())
                .then_some((p, None))
        }
        '/' => None,
        ':' => (!char_before(s, p - 1).is_some_and(|c| c.is_ascii_digit())).then_some((p, None)),
        '-' | '\u{2212}' => {
            let glued_to_digit =
                char_before(s, p - prev.len_utf8()).is_some_and(|c| c.is_ascii_digit());
            (after_connector || glued_to_digit).then_some((p, None))
        }
        c if c.is_ascii_alphabetic() => match cur_word_ending_at(s, p) {
            Some((st, cur)) if st >= limit => Some((st, Some(cur))),
            _ => None,
        },
        c if is_word_char(c) => None,
        c if c.is_whitespace() => Some(spaced_currency(s, p, limit).unwrap_or((p, None))),
        _ => Some((p, None)),
    }
}

/// A currency prefix separated from the digits by whitespace: "rp 5", "rp. 5", "$ 5".
fn spaced_currency(s: &str, p: usize, limit: usize) -> Option<(usize, Option<Cur>)> {
    let q = skip_ws_back(s, p, limit);
    if q == p {
        return None;
    }
    let found = match char_before(s, q)? {
        '$' => dollar_start(s, q - 1, limit).map(|st| (st, Cur::Other)),
        '.' => cur_word_ending_at(s, q - 1).filter(|&(st, _)| sub(s, st, q - 1) == "rp"),
        c if c.is_ascii_alphabetic() => cur_word_ending_at(s, q),
        _ => None,
    }?;
    (found.0 >= limit).then_some((found.0, Some(found.1)))
}

/// Start of a `$` / `us$` sign whose `$` is at `dollar`.
fn dollar_start(s: &str, dollar: usize, limit: usize) -> Option<usize> {
    let us = dollar >= 2
        && sub(s, dollar - 2, dollar) == "us"
        && !char_before(s, dollar - 2).is_some_and(is_word_char);
    let st = if us { dollar - 2 } else { dollar };
    (st >= limit).then_some(st)
}

/// A whole currency word (`rp`, `idr`, `usd`) ending exactly at `end`.
fn cur_word_ending_at(s: &str, end: usize) -> Option<(usize, Cur)> {
    let b = s.as_bytes();
    let mut j = end;
    while j > 0 && end - j < 4 && b.get(j - 1).is_some_and(u8::is_ascii_alphabetic) {
        j -= 1;
    }
    if char_before(s, j).is_some_and(is_word_char) {
        return None;
    }
    match sub(s, j, end) {
        "rp" | "idr" => Some((j, Cur::Rupiah)),
        "usd" => Some((j, Cur::Other)),
        _ => None,
    }
}

/// The unit right after the digits: `%`, a multiplier, a percent word or a time zone,
/// attached ("8t", "58%") or after whitespace ("204,8 juta"). `None` means the digits
/// are glued to some other word ("4ng4n", "1990an") and are not a figure.
fn suffix_at(s: &str, q: usize, style: NumberStyle, cur: Option<Cur>) -> Option<(Unit, usize)> {
    let b = s.as_bytes();
    match b.get(q) {
        Some(b'%') => return Some((Unit::Percent, q + 1)),
        Some(c) if c.is_ascii_alphabetic() => {
            let w = whole_word_at(s, q)?;
            return unit_word(sub(s, q, w), true, style, cur).map(|u| (u, w));
        }
        _ => {}
    }
    if char_at(s, q).is_some_and(is_word_char) {
        return None;
    }
    let r = skip_ws_fwd(s, q);
    if r == q {
        return Some((Unit::Plain, q));
    }
    if b.get(r) == Some(&b'%') {
        return Some((Unit::Percent, r + 1));
    }
    if let Some(w) = whole_word_at(s, r) {
        let word = sub(s, r, w);
        if word == "per"
            && let Some(e) = next_word_is(s, w, "cent")
        {
            return Some((Unit::Percent, e));
        }
        if let Some(u) = unit_word(word, false, style, cur) {
            return Some((u, w));
        }
    }
    Some((Unit::Plain, q))
}

/// Unit words. `t` ("8t") only counts attached: spaced it is usually a ton or a letter.
///
/// `m` follows the writer's convention: Indonesian abbreviates *miliar* as `M`
/// ("Rp 5 M"), English abbreviates *million* ("$5m"). So `m` is 10^9 next to a rupiah
/// sign (Indonesian or Auto style) and 10^6 otherwise; in Indonesian style without any
/// currency it is read as metres and is not a multiplier.
fn unit_word(word: &str, attached: bool, style: NumberStyle, cur: Option<Cur>) -> Option<Unit> {
    Some(match word {
        "ribu" | "rb" | "thousand" | "k" => Unit::Mult(3),
        "juta" | "jt" | "million" | "mn" => Unit::Mult(6),
        "miliar" | "milyar" | "billion" | "bn" => Unit::Mult(9),
        "triliun" | "trillion" | "tn" => Unit::Mult(12),
        "t" if attached => Unit::Mult(12),
        "m" => match (style, cur) {
            (NumberStyle::English, _) => Unit::Mult(6),
            (_, Some(Cur::Rupiah)) => Unit::Mult(9),
            (NumberStyle::Auto, _) | (NumberStyle::Indonesian, Some(Cur::Other)) => Unit::Mult(6),
            (NumberStyle::Indonesian, None) => return None,
        },
        "persen" | "percent" => Unit::Percent,
        "wib" | "wita" | "wit" => Unit::Time,
        _ => return None,
    })
}

/// Bound phrases written before a figure, as words in reading order.
const PRE_BOUNDS: &[(&[&str], Bound)] = &[
    (&["tidak", "lebih", "dari"], Bound::AtMost),
    (&["tak", "lebih", "dari"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["tidak", "kurang", "dari"], Bound::AtLeast),
    (&["tak", "kurang", "dari"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["lebih", "dari"], Bound::AtLeast),
    (&["lebih", "dr"], Bound::AtLeast),
    (&["di", "atas"], Bound::AtLeast),
    (&["paling", "sedikit"], Bound::AtLeast),
    (&["more", "than"], Bound::AtLeast),
    (&["at", "least"], Bound::AtLeast),
    (&["kurang", "dari"], Bound::AtMost),
    (&["di", "bawah"], Bound::AtMost),
    (&["paling", "banyak"], Bound::AtMost),
    (&["less", "than"], Bound::AtMost),
    (&["fewer", "than"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["kurang", "lebih"], Bound::About),
    (&["lebih", "kurang"], Bound::About),
    (&["diatas"], Bound::AtLeast),
    (&["minimal"], Bound::AtLeast),
    (&["setidaknya"], Bound::AtLeast),
    (&["sedikitnya"], Bound::AtLeast),
    (&["over"], Bound::AtLeast),
    (&["above"], Bound::AtLeast),
    (&["dibawah"], Bound::AtMost),
    (&["maksimal"], Bound::AtMost),
    (&["under"], Bound::AtMost),
    (&["sekitar"], Bound::About),
    (&["sekira"], Bound::About),
    (&["kira-kira"], Bound::About),
    (&["hampir"], Bound::About),
    (&["nyaris"], Bound::About),
    (&["mendekati"], Bound::About),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["approximately"], Bound::About),
    (&["nearly"], Bound::About),
    (&["almost"], Bound::About),
    (&["roughly"], Bound::About),
];

/// A bound written before the figure starting at `pos`: a sign (`±`, `>`, `≤`, ...) or
/// the longest matching phrase from [`PRE_BOUNDS`]. Returns the bound and its start.
fn pre_bound(s: &str, pos: usize, limit: usize) -> Option<(Bound, usize)> {
    let q = skip_ws_back(s, pos, limit);
    if let Some(c) = char_before(s, q) {
        let sign = match c {
            '\u{b1}' | '\u{2248}' | '~' => Some(Bound::About),
            '>' | '\u{2265}' => Some(Bound::AtLeast),
            '<' | '\u{2264}' => Some(Bound::AtMost),
            _ => None,
        };
        if let Some(bd) = sign {
            let st = q - c.len_utf8();
            if st >= limit {
                return Some((bd, st));
            }
        }
    }
    let (words, n) = words_before(s, pos, limit);
    for k in (1..=n).rev() {
        for (phrase, bd) in PRE_BOUNDS {
            if phrase.len() == k
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(i, w)| sub(s, words[k - 1 - i].0, words[k - 1 - i].1) == *w)
            {
                return Some((*bd, words[k - 1].0));
            }
        }
    }
    None
}

/// After `lebih`, these words make it a comparison ("5 persen lebih tinggi", "lebih
/// dari target") rather than the "...-odd" bound of "240 juta lebih pengakses".
const LEBIH_STOP: &[&str] = &[
    "dari",
    "dr",
    "daripada",
    "dibanding",
    "dibandingkan",
    "ketimbang",
    "tinggi",
    "rendah",
    "besar",
    "kecil",
    "sedikit",
    "murah",
    "mahal",
    "cepat",
    "lambat",
    "lama",
    "awal",
    "dulu",
    "dahulu",
    "baik",
    "buruk",
    "unggul",
    "kuat",
    "lemah",
    "luas",
    "sempit",
    "panjang",
    "pendek",
    "berat",
    "ringan",
    "jauh",
    "dekat",
    "mudah",
    "sulit",
    "penting",
    "tua",
    "muda",
];

/// A bound written after the figure (after its unit): `+` glued on ("240+", not "5+3"),
/// or `lebih`, `lebih banyak`, `more`, `plus` when they do not start a comparison or a
/// sum. Returns the bound and the new end of the span.
fn post_bound(s: &str, pos: usize) -> Option<(Bound, usize)> {
    let b = s.as_bytes();
    if b.get(pos) == Some(&b'+') && !b.get(pos + 1).is_some_and(u8::is_ascii_digit) {
        return Some((Bound::AtLeast, pos + 1));
    }
    let a = skip_ws_fwd(s, pos);
    if a == pos {
        return None;
    }
    let w = whole_word_at(s, a)?;
    let next = next_word(s, w).map(|(st, e)| (sub(s, st, e), e));
    match sub(s, a, w) {
        "lebih" => match next {
            Some(("banyak", e)) => {
                let after = next_word(s, e).map(|(st, e2)| sub(s, st, e2));
                let comparing = after.is_some_and(|x| {
                    matches!(
                        x,
                        "dari" | "dr" | "daripada" | "dibanding" | "dibandingkan" | "ketimbang"
                    )
                });
                (!comparing).then_some((Bound::AtLeast, e))
            }
            Some((x, _)) if LEBIH_STOP.contains(&x) => None,
            _ => Some((Bound::AtLeast, w)),
        },
        "more" => match next {
            Some(("than", _)) => None,
            _ => Some((Bound::AtLeast, w)),
        },
        "plus" => {
            let r = skip_ws_fwd(s, w);
            (!b.get(r).is_some_and(u8::is_ascii_digit)).then_some((Bound::AtLeast, w))
        }
        _ => None,
    }
}

/// Up to three whitespace-separated ASCII words (letters and inner hyphens, as in
/// `kira-kira`) ending before `pos`, nearest first, none starting before `limit`.
/// Stops at anything that is not such a word, so punctuation breaks a phrase.
fn words_before(s: &str, pos: usize, limit: usize) -> ([(usize, usize); 3], usize) {
    let b = s.as_bytes();
    let mut out = [(0, 0); 3];
    let mut n = 0;
    let mut cur = pos;
    while n < 3 {
        let e = skip_ws_back(s, cur, limit);
        if e == cur {
            break;
        }
        let mut j = e;
        while j > limit
            && e - j <= WORD_CAP
            && b.get(j - 1)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'-')
        {
            j -= 1;
        }
        if j == e || e - j > WORD_CAP || char_before(s, j).is_some_and(is_word_char) {
            break;
        }
        if b.get(j) == Some(&b'-') || b.get(e - 1) == Some(&b'-') {
            break;
        }
        out[n] = (j, e);
        n += 1;
        cur = j;
    }
    (out, n)
}

/// End of the next whole word after whitespace following `pos`.
fn next_word(s: &str, pos: usize) -> Option<(usize, usize)> {
    let r = skip_ws_fwd(s, pos);
    if r == pos {
        return None;
    }
    whole_word_at(s, r).map(|e| (r, e))
}

/// End of `word` if it is the next whole word after whitespace following `pos`.
fn next_word_is(s: &str, pos: usize, word: &str) -> Option<usize> {
    next_word(s, pos).and_then(|(st, e)| (sub(s, st, e) == word).then_some(e))
}

/// End of the ASCII word starting at `a` if it is at most [`WORD_CAP`] letters and is
/// not glued to a following letter or digit. Reads at most `WORD_CAP + 1` bytes.
fn whole_word_at(s: &str, a: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut w = a;
    while w < b.len() && b[w].is_ascii_alphabetic() {
        w += 1;
        if w - a > WORD_CAP {
            return None;
        }
    }
    if w == a || char_at(s, w).is_some_and(is_word_char) {
        return None;
    }
    Some(w)
}

/// Lexes the maximal run of digits joined by single `.`/`,` at `start`. A separator
/// not followed by a digit (sentence punctuation: "222.") is not part of the run.
fn lex_run(b: &[u8], start: usize) -> Run {
    let mut run = Run {
        end: start,
        groups: [(0, 0); MAX_GROUPS],
        seps: [0; MAX_GROUPS],
        n_groups: 0,
        overflow: false,
    };
    let mut i = start;
    loop {
        let g = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if run.n_groups < MAX_GROUPS {
            run.groups[run.n_groups] = (g, i);
            run.n_groups += 1;
        } else {
            run.overflow = true;
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(&c @ (b'.' | b',')), Some(d)) if d.is_ascii_digit() => {
                // seps[k] sits between groups k and k + 1.
                if run.n_groups < MAX_GROUPS {
                    run.seps[run.n_groups - 1] = c;
                }
                i += 1;
            }
            _ => break,
        }
    }
    run.end = i;
    run
}

/// End of the run at `start` without recording its groups.
fn run_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    loop {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(b'.' | b','), Some(d)) if d.is_ascii_digit() => i += 1,
            _ => return i,
        }
    }
}

fn dash_follows(b: &[u8], e: usize) -> bool {
    b.get(e) == Some(&b'-') && b.get(e + 1).is_some_and(u8::is_ascii_digit)
}

/// If the run at `p` starts a chain of three or more runs glued by `-`, its end.
fn dash_chain_end(b: &[u8], p: usize) -> Option<usize> {
    let e1 = run_end(b, p);
    if !dash_follows(b, e1) {
        return None;
    }
    let mut e = run_end(b, e1 + 1);
    if !dash_follows(b, e) {
        return None;
    }
    while dash_follows(b, e) {
        e = run_end(b, e + 1);
    }
    Some(e)
}

/// Interprets the separators of `run` (see [`NumberStyle`]).
///
/// Rules, in every style: one separator before 1, 2 or 4+ digits is a decimal mark;
/// two or more separators are thousands only if they are the same char and every group
/// after the first has exactly three digits, optionally ended by the *other* separator
/// as decimal mark ("1.750.474,5"). One separator before exactly three digits is decided
/// by the style. A leading lone `0` ("0,500") is never a thousands group. Anything else
/// is malformed and yields `None`: a leading fragment of "1.75.4" or "14.02.2024"
/// would be a figure the writer never wrote.
fn interpret(s: &str, run: &Run, style: NumberStyle, mult_follows: bool) -> Option<Lit> {
    let g = run.groups();
    let seps = run.seps();
    let n = seps.len();
    if run.overflow || g.is_empty() {
        return None;
    }
    let b = s.as_bytes();
    let len = |k: usize| g[k].1 - g[k].0;
    let first_zero = b.get(g[0].0) == Some(&b'0');
    let lone_zero = len(0) == 1 && first_zero;
    let (int_groups, frac) = if n == 0 {
        (1, None)
    } else if n == 1 {
        let sep = seps[0];
        let thousands = len(1) == 3
            && len(0) <= 3
            && !lone_zero
            && match style {
                NumberStyle::Indonesian => sep == b'.',
                NumberStyle::English => sep == b',',
                NumberStyle::Auto => !(sep == b',' && mult_follows),
            };
        if thousands {
            (2, None)
        } else {
            (1, Some(g[1]))
        }
    } else {
        let t = seps[0];
        if len(0) > 3 || lone_zero {
            return None;
        }
        let mut k = 0;
        while k < n && seps[k] == t && len(k + 1) == 3 {
            k += 1;
        }
        if k == n {
            (n + 1, None)
        } else if k >= 1 && k + 1 == n && seps[k] != t {
            (n, Some(g[n]))
        } else {
            return None;
        }
    };
    let int_len: usize = g[..int_groups].iter().map(|&(a, z)| z - a).sum();
    let frac_len = frac.map_or(0, |(a, z)| z - a);
    if int_len + frac_len > MAX_DIGITS {
        return None;
    }
    let mut digits = [0u8; MAX_DIGITS];
    let mut n_digits = 0;
    for &(a, z) in g[..int_groups].iter().chain(frac.iter()) {
        for &d in b.get(a..z)? {
            *digits.get_mut(n_digits)? = d;
            n_digits += 1;
        }
    }
    Some(Lit {
        digits,
        n_digits,
        frac_len,
        int_len,
        has_sep: n > 0,
        leading_zero: int_len > 1 && first_zero,
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `s[a..z]`, or "" if that is not a valid slice (it always is for our offsets).
fn sub(s: &str, a: usize, z: usize) -> &str {
    s.get(a..z).unwrap_or("")
}

fn char_before(s: &str, pos: usize) -> Option<char> {
    s.get(..pos)?.chars().next_back()
}

fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..)?.chars().next()
}

/// Skips at most [`SPACE_CAP`] whitespace chars forward from `pos`.
fn skip_ws_fwd(s: &str, pos: usize) -> usize {
    let mut q = pos;
    for _ in 0..SPACE_CAP {
        match char_at(s, q) {
            Some(c) if c.is_whitespace() => q += c.len_utf8(),
            _ => break,
        }
    }
    q
}

/// Skips at most [`SPACE_CAP`] whitespace chars backward from `pos`, not past `limit`.
fn skip_ws_back(s: &str, pos: usize, limit: usize) -> usize {
    let mut q = pos;
    for _ in 0..SPACE_CAP {
        match char_before(s, q) {
            Some(c) if c.is_whitespace() && q - c.len_utf8() >= limit => q -= c.len_utf8(),
            _ => break,
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::{Auto, English, Indonesian};

    const STYLES: [NumberStyle; 3] = [Indonesian, English, Auto];

    fn all(s: &str, style: NumberStyle) -> Vec<NumberMatch> {
        let v = extract_numbers(s, style);
        check_invariants(s, &v);
        v
    }

    /// Exactly one match; returns it with its span text.
    fn one(s: &str, style: NumberStyle) -> (NumberMatch, &str) {
        let v = all(s, style);
        assert_eq!(v.len(), 1, "{s:?} ({style:?}) gave {v:#?}");
        let m = v[0].clone();
        let span = &s[m.start..m.end];
        (m, span)
    }

    fn none(s: &str) {
        for st in STYLES {
            let v = all(s, st);
            assert!(
                v.is_empty(),
                "{s:?} ({st:?}) should give nothing, gave {v:#?}"
            );
        }
    }

    fn values(s: &str, style: NumberStyle) -> Vec<f64> {
        all(s, style).iter().map(|m| m.value).collect()
    }

    fn spans(s: &str, style: NumberStyle) -> Vec<String> {
        all(s, style)
            .iter()
            .map(|m| s[m.start..m.end].to_string())
            .collect()
    }

    fn check_invariants(s: &str, v: &[NumberMatch]) {
        let mut last = 0;
        for m in v {
            assert!(m.start < m.end, "empty span {m:?}");
            assert!(m.start >= last, "overlap or disorder {m:?}");
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            assert!(m.end <= s.len());
            assert!(m.value.is_finite() && m.resolution.is_finite() && m.resolution > 0.0);
            if let Some(e) = m.end_value {
                assert!(e > m.value);
            }
            last = m.end;
        }
    }

    // ---- the brief's real sentences -------------------------------------------------

    #[test]
    fn real_sentence_hoax_content() {
        let s = "berdasarkan data yang dirilis mabes polri, setiap detik bermunculan 3000 - 4000 konten palsu di seluruh indonesia, menjangkau 240 juta lebih pengakses, melapisi seluruh kalangan.";
        for st in STYLES {
            let v = all(s, st);
            assert_eq!(v.len(), 2, "{st:?}: {v:#?}");
            assert_eq!(&s[v[0].start..v[0].end], "3000 - 4000");
            assert_eq!(v[0].value, 3000.0);
            assert_eq!(v[0].end_value, Some(4000.0));
            assert_eq!(v[0].resolution, 1.0);
            assert_eq!(v[0].bound, Bound::Exact);
            assert!(!v[0].year_like);
            assert_eq!(&s[v[1].start..v[1].end], "240 juta lebih");
            assert_eq!(v[1].value, 240e6);
            assert_eq!(v[1].resolution, 1e6);
            assert_eq!(v[1].bound, Bound::AtLeast);
            assert_eq!(v[1].end_value, None);
        }
    }

    #[test]
    fn real_sentence_votes() {
        let s = "prabowo-gibran memperoleh 96.214.691 suara atau 58,59 persen";
        let v = all(s, Indonesian);
        assert_eq!(v.len(), 2);
        assert_eq!(&s[v[0].start..v[0].end], "96.214.691");
        assert_eq!(v[0].value, 96_214_691.0);
        assert_eq!(v[0].resolution, 1.0);
        assert!(!v[0].percent);
        assert_eq!(&s[v[1].start..v[1].end], "58,59 persen");
        assert_eq!(v[1].value, 58.59);
        assert_eq!(v[1].resolution, 0.01);
        assert!(v[1].percent);
        // The same figures read the same in the other styles.
        assert_eq!(values(s, English), vec![96_214_691.0, 58.59]);
        assert_eq!(values(s, Auto), vec![96_214_691.0, 58.59]);
    }

    #[test]
    fn real_sentence_dpt() {
        let s = "jumlah dpt pemilu 2024 sebanyak 204.807.222 pemilih";
        for st in STYLES {
            let v = all(s, st);
            assert_eq!(v.len(), 2);
            assert_eq!(&s[v[0].start..v[0].end], "2024");
            assert!(v[0].year_like);
            assert_eq!(&s[v[1].start..v[1].end], "204.807.222");
            assert_eq!(v[1].value, 204_807_222.0);
            assert_eq!(v[1].resolution, 1.0);
            assert!(!v[1].year_like);
        }
    }

    #[test]
    fn real_fragments() {
        let (m, sp) = one("204,8 juta pemilih", Indonesian);
        assert_eq!(sp, "204,8 juta");
        assert_eq!(m.value, 204_800_000.0);
        assert_eq!(m.resolution, 100_000.0);

        let (m, sp) = one("1.760.474 pemilih di luar negeri", Indonesian);
        assert_eq!(sp, "1.760.474");
        assert_eq!(m.value, 1_760_474.0);

        let (m, sp) = one("580 kursi dpr", Indonesian);
        assert_eq!(sp, "580");
        assert_eq!(m.value, 580.0);
        assert_eq!(m.resolution, 1.0);
        assert!(!m.year_like && !m.leading_zero && !m.percent && !m.currency);

        let (m, sp) = one("58,90%", Indonesian);
        assert_eq!(sp, "58,90%");
        assert_eq!(m.value, 58.9);
        assert_eq!(m.resolution, 0.01);
        assert!(m.percent);
    }

    // ---- separators -----------------------------------------------------------------

    #[test]
    fn separators_indonesian() {
        let cases: &[(&str, f64, f64)] = &[
            ("204.807.222", 204_807_222.0, 1.0),
            ("1.750.474", 1_750_474.0, 1.0),
            ("204,8", 204.8, 0.1),
            ("58,59", 58.59, 0.01),
            ("1.750", 1750.0, 1.0),
            ("1,750", 1.75, 0.001),
            ("1.750.474,5", 1_750_474.5, 0.1),
            ("0,500", 0.5, 0.001),
            ("1234,567", 1234.567, 0.001),
            ("2,71", 2.71, 0.01),
            ("7,12345", 7.12345, 0.00001),
        ];
        for &(s, v, r) in cases {
            let (m, sp) = one(s, Indonesian);
            assert_eq!(sp, s);
            assert_eq!((m.value, m.resolution), (v, r), "{s}");
        }
    }

    #[test]
    fn separators_english() {
        let cases: &[(&str, f64, f64)] = &[
            ("204,807,222", 204_807_222.0, 1.0),
            ("58.59", 58.59, 0.01),
            ("1,750", 1750.0, 1.0),
            ("1.750", 1.75, 0.001),
            ("1,750,474.25", 1_750_474.25, 0.01),
            ("0.500", 0.5, 0.001),
        ];
        for &(s, v, r) in cases {
            let (m, sp) = one(s, English);
            assert_eq!(sp, s);
            assert_eq!((m.value, m.resolution), (v, r), "{s}");
        }
    }

    #[test]
    fn separators_auto() {
        let cases: &[(&str, &str, f64, f64)] = &[
            ("1,750", "1,750", 1750.0, 1.0),
            ("1.750", "1.750", 1750.0, 1.0),
            ("1,750 juta", "1,750 juta", 1_750_000.0, 1000.0),
            ("1.750 juta", "1.750 juta", 1_750_000_000.0, 1e6),
            ("1,750 million", "1,750 million", 1_750_000.0, 1000.0),
            ("58,59", "58,59", 58.59, 0.01),
            ("58.59", "58.59", 58.59, 0.01),
            ("204.807.222", "204.807.222", 204_807_222.0, 1.0),
            ("204,807,222", "204,807,222", 204_807_222.0, 1.0),
        ];
        for &(s, span, v, r) in cases {
            let (m, sp) = one(s, Auto);
            assert_eq!(sp, span);
            assert_eq!((m.value, m.resolution), (v, r), "{s}");
        }
    }

    #[test]
    fn separators_same_in_every_style() {
        for st in STYLES {
            assert_eq!(values("58.59", st), vec![58.59]);
            assert_eq!(values("58,59", st), vec![58.59]);
            assert_eq!(values("204,8", st), vec![204.8]);
            assert_eq!(values("204.8", st), vec![204.8]);
            assert_eq!(values("1.750.474", st), vec![1_750_474.0]);
            assert_eq!(values("1,750,474", st), vec![1_750_474.0]);
            assert_eq!(values("12345", st), vec![12345.0]);
        }
        // A style only decides a lone separator before exactly three digits.
        assert_eq!(values("1,750 juta", Indonesian), vec![1_750_000.0]);
        assert_eq!(values("1,750 juta", English), vec![1_750_000_000.0]);
        assert_eq!(values("1.750 juta", English), vec![1_750_000.0]);
    }

    #[test]
    fn malformed_groupings_give_nothing() {
        for s in [
            "1.75.4",
            "3.000.00",
            "1.750.47",
            "14.02.2024",
            "1,2,3",
            "1.750,474.5",
            "1234.567.890",
            "0.500.000",
        ] {
            none(s);
            none(&format!("angka {s} itu"));
        }
        // ...but neighbours are unaffected.
        assert_eq!(values("1.75.4 dan 5 orang", Indonesian), vec![5.0]);
    }

    #[test]
    fn sentence_punctuation_is_not_a_separator() {
        assert_eq!(
            spans("sebanyak 204.807.222.", Indonesian),
            vec!["204.807.222"]
        );
        assert_eq!(
            spans("yaitu 58,59, lalu 3.", Indonesian),
            vec!["58,59", "3"]
        );
        assert_eq!(spans("(580)", Indonesian), vec!["580"]);
        assert_eq!(spans("“58,59%”", Indonesian), vec!["58,59%"]);
    }

    // ---- multipliers ----------------------------------------------------------------

    #[test]
    fn multiplier_words() {
        let cases: &[(&str, &str, f64, f64)] = &[
            ("204,8 juta", "204,8 juta", 204.8e6, 1e5),
            ("8 triliun", "8 triliun", 8e12, 1e12),
            ("2,5 miliar", "2,5 miliar", 2.5e9, 1e8),
            ("2,5 milyar", "2,5 milyar", 2.5e9, 1e8),
            ("5 ribu", "5 ribu", 5e3, 1e3),
            ("5rb", "5rb", 5e3, 1e3),
            ("5 rb", "5 rb", 5e3, 1e3),
            ("5jt", "5jt", 5e6, 1e6),
            ("5 jt.", "5 jt", 5e6, 1e6),
            ("8t", "8t", 8e12, 1e12),
            ("3 bn", "3 bn", 3e9, 1e9),
            ("3bn", "3bn", 3e9, 1e9),
            ("3 tn", "3 tn", 3e12, 1e12),
            ("5 mn", "5 mn", 5e6, 1e6),
            ("10k", "10k", 1e4, 1e3),
            ("5 thousand", "5 thousand", 5e3, 1e3),
            ("4 billion", "4 billion", 4e9, 1e9),
            ("4 trillion", "4 trillion", 4e12, 1e12),
            ("10 juta.", "10 juta", 1e7, 1e6),
        ];
        for &(s, span, v, r) in cases {
            let (m, sp) = one(s, Indonesian);
            assert_eq!(sp, span, "{s}");
            assert_eq!((m.value, m.resolution), (v, r), "{s}");
        }
        let (m, sp) = one("1.5 million", English);
        assert_eq!((sp, m.value, m.resolution), ("1.5 million", 1.5e6, 1e5));
        let (m, sp) = one("1.5 million", Indonesian);
        assert_eq!((sp, m.value), ("1.5 million", 1.5e6));
    }

    #[test]
    fn multiplier_must_be_a_whole_word() {
        assert_eq!(spans("5 jutaan orang", Indonesian), vec!["5"]);
        assert_eq!(values("5 jutaan orang", Indonesian), vec![5.0]);
        assert_eq!(spans("8 t", Indonesian), vec!["8"]);
        assert_eq!(spans("8 ton", Indonesian), vec!["8"]);
        assert_eq!(spans("5 meter", English), vec!["5"]);
        assert_eq!(values("5 meter", English), vec![5.0]);
        // Glued to a word that is not a unit: not a figure at all.
        none("5jutaan");
        none("5m2");
    }

    #[test]
    fn multiplier_m_follows_the_writers_convention() {
        // English writes "$5m" / "5 m" for million.
        let (m, sp) = one("$5m", English);
        assert_eq!((sp, m.value, m.currency), ("$5m", 5e6, true));
        let (m, sp) = one("sold 5 m copies", English);
        assert_eq!((sp, m.value), ("5 m", 5e6));
        assert_eq!(values("5m", Auto), vec![5e6]);
        // Indonesian writes "Rp 5 M" for 5 miliar.
        let (m, sp) = one("rp 5 m", Indonesian);
        assert_eq!((sp, m.value), ("rp 5 m", 5e9));
        assert_eq!(values("rp2,5m", Auto), vec![2.5e9]);
        assert_eq!(values("rp2,5m", English), vec![2.5e6]);
        // Indonesian without currency: "5 m" is metres, not a multiplier.
        let (m, sp) = one("tinggi 5 m", Indonesian);
        assert_eq!((sp, m.value), ("5", 5.0));
        none_in_style("tinggi 5m", Indonesian);
    }

    fn none_in_style(s: &str, st: NumberStyle) {
        let v = all(s, st);
        assert!(v.is_empty(), "{s:?} gave {v:#?}");
    }

    // ---- percent --------------------------------------------------------------------

    #[test]
    fn percent_forms() {
        for (s, span) in [
            ("58,59 persen", "58,59 persen"),
            ("58.59%", "58.59%"),
            ("58,59 %", "58,59 %"),
            ("58.59 percent", "58.59 percent"),
            ("58.59 per cent", "58.59 per cent"),
            ("58,59persen", "58,59persen"),
        ] {
            for st in STYLES {
                let (m, sp) = one(s, st);
                assert_eq!(sp, span, "{s}");
                assert_eq!(m.value, 58.59);
                assert_eq!(m.resolution, 0.01);
                assert!(m.percent && !m.year_like);
            }
        }
        let (m, _) = one("58%", Indonesian);
        assert_eq!((m.value, m.resolution, m.percent), (58.0, 1.0, true));
        let (m, _) = one("2024 persen", Indonesian);
        assert!(m.percent && !m.year_like);
        // "per" alone is not percent.
        assert_eq!(spans("5 per orang", Indonesian), vec!["5"]);
    }

    // ---- ranges ---------------------------------------------------------------------

    #[test]
    fn ranges_dashes() {
        for (s, v, e) in [
            ("3000 - 4000", 3000.0, 4000.0),
            ("3000-4000", 3000.0, 4000.0),
            ("3.000–4.000", 3000.0, 4000.0),
            ("3.000 — 4.000", 3000.0, 4000.0),
            ("3.000\u{2212}4.000", 3000.0, 4000.0),
        ] {
            let (m, sp) = one(s, Indonesian);
            assert_eq!(sp, s);
            assert_eq!((m.value, m.end_value, m.resolution), (v, Some(e), 1.0));
        }
        let (m, _) = one("3.000–4.000", Auto);
        assert_eq!((m.value, m.end_value), (3000.0, Some(4000.0)));
    }

    #[test]
    fn ranges_words_and_shared_units() {
        let cases: &[(&str, &str, f64, f64, f64)] = &[
            ("3 hingga 4 juta", "3 hingga 4 juta", 3e6, 4e6, 1e6),
            ("3 sampai 4 juta", "3 sampai 4 juta", 3e6, 4e6, 1e6),
            (
                "3 sampai dengan 4 juta",
                "3 sampai dengan 4 juta",
                3e6,
                4e6,
                1e6,
            ),
            ("3 s.d. 4 juta", "3 s.d. 4 juta", 3e6, 4e6, 1e6),
            ("3 s/d 4 juta", "3 s/d 4 juta", 3e6, 4e6, 1e6),
            (
                "antara 3 dan 4 juta orang",
                "antara 3 dan 4 juta",
                3e6,
                4e6,
                1e6,
            ),
            (
                "between 3 and 4 million",
                "between 3 and 4 million",
                3e6,
                4e6,
                1e6,
            ),
            ("3 to 4 million", "3 to 4 million", 3e6, 4e6, 1e6),
            ("2,5 hingga 3 juta", "2,5 hingga 3 juta", 2.5e6, 3e6, 1e5),
            (
                "3 juta hingga 4,5 juta",
                "3 juta hingga 4,5 juta",
                3e6,
                4.5e6,
                1e5,
            ),
            (
                "500 ribu hingga 2 juta",
                "500 ribu hingga 2 juta",
                5e5,
                2e6,
                1e3,
            ),
            ("rp 3.000 - rp 4.000", "rp 3.000 - rp 4.000", 3e3, 4e3, 1.0),
            (
                "rp3 juta s.d. rp4 juta",
                "rp3 juta s.d. rp4 juta",
                3e6,
                4e6,
                1e6,
            ),
        ];
        for &(s, span, v, e, r) in cases {
            let (m, sp) = one(s, Indonesian);
            assert_eq!(sp, span, "{s}");
            assert_eq!((m.value, m.end_value, m.resolution), (v, Some(e), r), "{s}");
        }
        let (m, sp) = one("40-50 persen", Indonesian);
        assert_eq!(
            (sp, m.value, m.end_value, m.percent),
            ("40-50 persen", 40.0, Some(50.0), true)
        );
        let (m, sp) = one("40% - 50%", English);
        assert_eq!(
            (sp, m.value, m.end_value, m.percent),
            ("40% - 50%", 40.0, Some(50.0), true)
        );
        let (m, _) = one("rp 3.000 - rp 4.000", Indonesian);
        assert!(m.currency);
        // Auto: the shared multiplier makes the first ',' a decimal mark too.
        let (m, _) = one("1,250 - 2,5 juta", Auto);
        assert_eq!((m.value, m.end_value), (1.25e6, Some(2.5e6)));
    }

    #[test]
    fn not_ranges() {
        // "dan"/"and" join only after antara/between; "dari" never joins.
        assert_eq!(spans("36 dari 38 provinsi", Indonesian), vec!["36", "38"]);
        assert_eq!(values("36 dari 38 provinsi", Indonesian), vec![36.0, 38.0]);
        assert_eq!(spans("3 dan 4 juta", Indonesian), vec!["3", "4 juta"]);
        assert_eq!(spans("3 and 4 million", English), vec!["3", "4 million"]);
        // Decreasing: a score or a fall.
        assert_eq!(spans("skor 3-1", Indonesian), vec!["3", "1"]);
        assert_eq!(
            spans("turun dari 10 hingga 5 persen", Indonesian),
            vec!["10", "5 persen"]
        );
        // A unit only on the first figure does not carry over.
        assert_eq!(spans("3 juta - 4 orang", Indonesian), vec!["3 juta", "4"]);
        assert_eq!(spans("40% hingga 60 orang", Indonesian), vec!["40%", "60"]);
        for m in all("36 dari 38 provinsi", Indonesian) {
            assert_eq!(m.end_value, None);
        }
    }

    #[test]
    fn year_ranges() {
        let (m, sp) = one("periode 2019-2024", Indonesian);
        assert_eq!(
            (sp, m.value, m.end_value, m.year_like),
            ("2019-2024", 2019.0, Some(2024.0), true)
        );
        let (m, _) = one("antara 2019 dan 2024", Indonesian);
        assert!(m.year_like);
        let (m, _) = one("1500 - 2024", Indonesian);
        assert!(!m.year_like);
    }

    // ---- bounds ---------------------------------------------------------------------

    #[test]
    fn bounds_before() {
        let cases: &[(&str, Bound)] = &[
            ("lebih dari", Bound::AtLeast),
            ("lebih dr", Bound::AtLeast),
            ("di atas", Bound::AtLeast),
            ("diatas", Bound::AtLeast),
            ("minimal", Bound::AtLeast),
            ("setidaknya", Bound::AtLeast),
            ("sedikitnya", Bound::AtLeast),
            ("paling sedikit", Bound::AtLeast),
            ("more than", Bound::AtLeast),
            ("over", Bound::AtLeast),
            ("at least", Bound::AtLeast),
            ("above", Bound::AtLeast),
            ("tidak kurang dari", Bound::AtLeast),
            ("no less than", Bound::AtLeast),
            ("kurang dari", Bound::AtMost),
            ("di bawah", Bound::AtMost),
            ("dibawah", Bound::AtMost),
            ("maksimal", Bound::AtMost),
            ("paling banyak", Bound::AtMost),
            ("less than", Bound::AtMost),
            ("under", Bound::AtMost),
            ("fewer than", Bound::AtMost),
            ("at most", Bound::AtMost),
            ("up to", Bound::AtMost),
            ("tidak lebih dari", Bound::AtMost),
            ("no more than", Bound::AtMost),
            ("sekitar", Bound::About),
            ("kira-kira", Bound::About),
            ("kurang lebih", Bound::About),
            ("hampir", Bound::About),
            ("nyaris", Bound::About),
            ("mendekati", Bound::About),
            ("about", Bound::About),
            ("around", Bound::About),
            ("approximately", Bound::About),
            ("nearly", Bound::About),
            ("almost", Bound::About),
            ("roughly", Bound::About),
        ];
        for &(w, bd) in cases {
            let s = format!("jumlahnya {w} 200 juta orang");
            for st in STYLES {
                let (m, sp) = one(&s, st);
                assert_eq!(sp, format!("{w} 200 juta"), "{s}");
                assert_eq!((m.bound, m.value), (bd, 200e6), "{s}");
            }
        }
    }

    #[test]
    fn bound_signs() {
        for (s, span, bd) in [
            ("± 5 juta", "± 5 juta", Bound::About),
            ("±5%", "±5%", Bound::About),
            ("> 50%", "> 50%", Bound::AtLeast),
            ("≥50%", "≥50%", Bound::AtLeast),
            ("<10 orang", "<10", Bound::AtMost),
            ("≤ 10", "≤ 10", Bound::AtMost),
            ("~ 10", "~ 10", Bound::About),
        ] {
            let (m, sp) = one(s, Indonesian);
            assert_eq!((sp, m.bound), (span, bd), "{s}");
        }
    }

    #[test]
    fn bounds_after() {
        for (s, span) in [
            ("240 juta lebih pengakses", "240 juta lebih"),
            ("240 juta lebih.", "240 juta lebih"),
            ("240 juta lebih banyak pengakses", "240 juta lebih banyak"),
            ("240 million more", "240 million more"),
            ("240 million plus users", "240 million plus"),
            ("240+ pengakses", "240+"),
            ("240 juta+", "240 juta+"),
            ("40-50 persen lebih", "40-50 persen lebih"),
        ] {
            let (m, sp) = one(s, Indonesian);
            assert_eq!((sp, m.bound), (span, Bound::AtLeast), "{s}");
        }
    }

    #[test]
    fn comparisons_are_not_bounds() {
        for (s, span) in [
            ("naik 5 persen lebih tinggi", "5 persen"),
            ("2 juta lebih banyak dari 2019", "2 juta"),
            ("3 juta lebih dari target", "3 juta"),
            ("5 million more than expected", "5 million"),
        ] {
            let v = all(s, Indonesian);
            assert_eq!(&s[v[0].start..v[0].end], span, "{s}");
            assert_eq!(v[0].bound, Bound::Exact, "{s}");
        }
        // Arithmetic is not a bound either.
        assert_eq!(spans("5 + 3 = 8", Indonesian), vec!["5", "3", "8"]);
        assert_eq!(spans("5+3", Indonesian), vec!["5", "3"]);
        assert_eq!(spans("5 plus 3", English), vec!["5", "3"]);
        assert!(
            all("5 plus 3", English)
                .iter()
                .all(|m| m.bound == Bound::Exact)
        );
        // "lebih" alone before a figure is not a bound.
        let (m, _) = one("lebih 5 orang", Indonesian);
        assert_eq!(m.bound, Bound::Exact);
    }

    #[test]
    fn bounds_with_currency_and_ranges() {
        let (m, sp) = one("lebih dari rp 5 juta", Indonesian);
        assert_eq!(
            (sp, m.bound, m.currency, m.value),
            ("lebih dari rp 5 juta", Bound::AtLeast, true, 5e6)
        );
        let (m, sp) = one("sekitar 3 hingga 4 juta orang", Indonesian);
        assert_eq!(
            (sp, m.bound, m.end_value),
            ("sekitar 3 hingga 4 juta", Bound::About, Some(4e6))
        );
        let (m, sp) = one("sekitar 5 juta lebih", Indonesian);
        assert_eq!((sp, m.bound), ("sekitar 5 juta lebih", Bound::About));
    }

    #[test]
    fn bound_words_never_overlap_previous_match() {
        let s = "5 juta lebih dari 3 juta";
        let v = all(s, Indonesian);
        assert_eq!(v.len(), 2);
        assert_eq!(&s[v[0].start..v[0].end], "5 juta");
        assert_eq!(&s[v[1].start..v[1].end], "lebih dari 3 juta");
        assert_eq!(v[1].bound, Bound::AtLeast);
        let s = "240 juta lebih 5 orang";
        let v = all(s, Indonesian);
        assert_eq!(spans(s, Indonesian), vec!["240 juta lebih", "5"]);
        assert_eq!(v[1].bound, Bound::Exact);
    }

    #[test]
    fn bound_phrase_needs_whole_words_and_whitespace() {
        // "kelebih dari" is not "lebih dari"; punctuation breaks the phrase.
        assert_eq!(one("kelebih dari 5", Indonesian).0.bound, Bound::Exact);
        assert_eq!(one("lebih, dari 5", Indonesian).0.bound, Bound::Exact);
        assert_eq!(one("sekitar: 5", Indonesian).0.bound, Bound::Exact);
    }

    // ---- plain integers, ballot numbers, years --------------------------------------

    #[test]
    fn plain_integers() {
        assert_eq!(spans("128 negara", Indonesian), vec!["128"]);
        let (m, sp) = one("nomor urut 2", Indonesian);
        assert_eq!((sp, m.value, m.leading_zero), ("2", 2.0, false));
        let (m, sp) = one("paslon 02", Indonesian);
        assert_eq!(
            (sp, m.value, m.leading_zero, m.resolution),
            ("02", 2.0, true, 1.0)
        );
        let (m, _) = one("paslon 01", English);
        assert!(m.leading_zero);
        assert!(!one("0,5 persen", Indonesian).0.leading_zero);
        assert!(!one("0", Indonesian).0.leading_zero);
    }

    #[test]
    fn year_like() {
        let (m, sp) = one("tahun 2024", Indonesian);
        assert_eq!((sp, m.value, m.year_like), ("2024", 2024.0, true));
        assert!(one("pada 1900", English).0.year_like);
        assert!(one("pada 2100", English).0.year_like);
        assert!(!one("pada 1899", English).0.year_like);
        assert!(!one("pada 2101", English).0.year_like);
        assert!(!one("2.024", Indonesian).0.year_like);
        assert!(!one("2024 persen", Indonesian).0.year_like);
        assert!(!one("2024 juta", Indonesian).0.year_like);
        assert!(!one("rp 2024", Indonesian).0.year_like);
        assert!(!one("02024", Indonesian).0.year_like);
        assert!(!one("2024,5", Indonesian).0.year_like);
    }

    // ---- currency -------------------------------------------------------------------

    #[test]
    fn currency_prefixes() {
        let cases: &[(&str, &str, f64)] = &[
            ("rp200 juta", "rp200 juta", 200e6),
            ("rp 5.000", "rp 5.000", 5000.0),
            ("rp. 5.000", "rp. 5.000", 5000.0),
            ("rp.5.000", "rp.5.000", 5000.0),
            ("idr 5 miliar", "idr 5 miliar", 5e9),
            ("$5", "$5", 5.0),
            ("$ 5", "$ 5", 5.0),
            ("us$ 5 juta", "us$ 5 juta", 5e6),
            ("usd 5", "usd 5", 5.0),
            ("usd5", "usd5", 5.0),
            ("biaya rp 2,5 miliar.", "rp 2,5 miliar", 2.5e9),
        ];
        for &(s, span, v) in cases {
            let (m, sp) = one(s, Indonesian);
            assert_eq!((sp, m.value, m.currency), (span, v, true), "{s}");
            assert!(!m.year_like);
        }
        // Not currency: a word merely ending in "rp" or a bare word before the digits.
        none("xrp5");
        let (m, sp) = one("harga 5", Indonesian);
        assert_eq!((sp, m.currency), ("5", false));
    }

    // ---- things that are not figures ------------------------------------------------

    #[test]
    fn digits_glued_to_words_are_not_figures() {
        for s in [
            "pemilu2024",
            "covid19",
            "kecur4ng4n",
            "g20",
            "covid-19",
            "putaran ke-2",
            "tahun 1990an",
            "5x",
            "2nd",
            "5人",
            "é5",
            "a_5",
        ] {
            none(s);
        }
        assert_eq!(
            spans("kasus covid19 naik 5 persen", Indonesian),
            vec!["5 persen"]
        );
    }

    #[test]
    fn dates_give_nothing() {
        for s in [
            "19/12/22",
            "14/2/2024",
            "2024-02-14",
            "pada 14-2-2024 lalu",
            "tanggal 19/12/22.",
            "50/50",
            "14.02.2024",
        ] {
            none(s);
        }
        assert_eq!(spans("2024-02-14 ada 5 tps", Indonesian), vec!["5"]);
        // A range whose second half starts a date is not a range.
        assert_eq!(spans("3 - 2024-02-14", Indonesian), vec!["3"]);
    }

    #[test]
    fn times_give_nothing() {
        for s in [
            "10.00 wib",
            "pukul 19.30",
            "jam 19.30",
            "pukul 10.00 - 12.00",
            "10.00-12.00 wib",
            "pukul 10.00 wita",
            "09.00wit",
            "19:30",
            "pkl 8",
        ] {
            none(s);
        }
        // An hour count after the number is fine, and so is a duration's next part.
        assert_eq!(spans("selama 24 jam", Indonesian), vec!["24"]);
        assert_eq!(spans("selama 2 jam 30 menit", Indonesian), vec!["2", "30"]);
        assert_eq!(spans("pukul 10.00 wib ada 5 tps", Indonesian), vec!["5"]);
    }

    #[test]
    fn negatives_are_not_reported() {
        none("suhu -5");
        none("suhu \u{2212}5");
    }

    // ---- unicode --------------------------------------------------------------------

    #[test]
    fn unicode_neighbours() {
        let s = "🎉 5 juta 🎉 — “58,59%” ✓ 中文 128 negara — ±3";
        let got = spans(s, Indonesian);
        assert_eq!(got, vec!["5 juta", "58,59%", "128", "±3"]);
        let s = "x\u{a0}5\u{2003}juta";
        assert_eq!(spans(s, Indonesian), vec!["5\u{2003}juta"]);
    }

    // ---- robustness -----------------------------------------------------------------

    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn adversarial_input_is_linear_and_safe() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut inputs: Vec<String> = Vec::new();

        // 5 MB of digits, dots and commas.
        let mut s = String::with_capacity(5 << 20);
        while s.len() < 5 << 20 {
            s.push(['0', '1', '5', '9', '.', ',', '.', ','][rng.below(8)]);
        }
        inputs.push(s);
        // One 5 MB digit run, and one long valid-looking thousands chain.
        inputs.push("9".repeat(5 << 20));
        inputs.push(format!("1{}", ".000".repeat(1 << 20)));
        // Long runs of bound words, with and without figures.
        inputs.push("lebih dari ".repeat(100_000));
        inputs.push(format!("{}5 juta", "lebih dari ".repeat(100_000)));
        inputs.push("lebih dari 5 juta lebih ".repeat(40_000));
        // Range and chain patterns.
        inputs.push("1 - ".repeat(250_000));
        inputs.push("1-".repeat(500_000));
        inputs.push("9 - 1 - ".repeat(125_000));
        inputs.push("rp".repeat(500_000) + "5");
        inputs.push("a".repeat(1_000_000) + "5 " + &"b".repeat(1_000_000));
        // Random mix of fragments and multi-byte chars.
        let pieces = [
            "5", "02", "1.750", ",", ".", " ", "-", "–", "—", "−", "±", "%", "+", "/", ":", "juta",
            "m", "t", "rp", "$", "us", "lebih", "dari", "sekitar", "hingga", "antara", "dan",
            "wib", "pukul", "é", "中", "🎉", "\u{a0}", "“", "”", "s.d.", "per", "cent",
        ];
        let mut s = String::new();
        while s.len() < 1 << 20 {
            s.push_str(pieces[rng.below(pieces.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        inputs.push(s);
        // Random code points, digits weighted up.
        let mut s = String::new();
        while s.len() < 1 << 20 {
            let c = match rng.below(4) {
                0 => char::from(b'0' + rng.below(10) as u8),
                1 => [' ', '.', ',', '-', '%'][rng.below(5)],
                _ => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?'),
            };
            s.push(c);
        }
        inputs.push(s);

        for (i, s) in inputs.iter().enumerate() {
            for st in STYLES {
                let t = std::time::Instant::now();
                let v = extract_numbers(s, st);
                check_invariants(s, &v);
                // Generous: a quadratic scan of megabytes would take minutes.
                assert!(
                    t.elapsed().as_secs() < 20,
                    "input {i} ({st:?}) took {:?}",
                    t.elapsed()
                );
            }
        }
    }

    #[test]
    fn empty_and_tiny_inputs() {
        for s in [
            "", " ", ".", ",", "-", "%", "rp", "$", "±", "0", "9.", ".9", ",9", "9,",
        ] {
            for st in STYLES {
                let v = all(s, st);
                assert!(v.len() <= 1);
            }
        }
        assert_eq!(values("9.", Indonesian), vec![9.0]);
        none(".9");
    }
}
