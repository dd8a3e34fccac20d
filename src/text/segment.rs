//! Sentence segmentation that survives Indonesian titles and abbreviations.
//!
//! News text is full of dots that do not end sentences: `Drs. Rihart`, `D. Zamrom`,
//! `M.Si.`, `S.Stp`, `Jl. Budi Karya`, `No. 5`, `dkk.`, `Rp. 5.000`, `58.59`. A line break ends a
//! sentence too: headlines, captions and page chrome ("Posting Komentar") stand on their own
//! lines, and must not be glued to the claim that follows them.

use super::normalize::Normalized;

/// Longest sentence we hand to later stages. Longer runs without punctuation (minified text,
/// hostile pages) are cut at a space so that every stage stays bounded per sentence.
pub const MAX_SENTENCE: usize = 1200;

/// Abbreviations and titles (folded, without their dot) after which a dot does not end a
/// sentence.
const ABBREVIATIONS: &[&str] = &[
    // Indonesian titles and honorifics
    "drs", "dra", "dr", "ir", "prof", "h", "hj", "kh", "st", "sdr", "sdri", "bpk", "yth", "ust",
    "ny", "tn", "kol", "brigjen", "mayjen", "letjen", "jend", "kapt", "aiptu", "aipda", "kompol",
    "akbp", "ipda", "iptu", "bripka", "brigadir", "plt", "plh", // places and references
    "jl", "jln", "gg", "no", "kab", "kec", "kel", "ds", "prov", "rt", "rw", "kota", "hal", "tel",
    "telp", "tlp", "fax", // Latin-ish and lists
    "dkk", "dll", "dsb", "dst", "tsb", "ttd", "an", "sd", "vs", "etc", "cf", "al", "ca",
    // money and units
    "rp", "tgl", "thn", "bln", "pkl", "jt", "rb", "m", "km", "kg", // English
    "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "corp", "gov", "gen", "sen", "rep",
    // month abbreviations ("Feb. 14")
    "jan", "feb", "peb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "aug", "sep", "sept",
    "okt", "oct", "nov", "nop", "des", "dec", // companies
    "pt", "cv", "tbk", "persero",
];

/// Sentence spans (byte offsets into `norm.text`), trimmed, in order, never empty.
pub fn sentences(norm: &Normalized, original: &str) -> Vec<(usize, usize)> {
    let text = norm.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let b = bytes[i];
        if b == b'\n' {
            if newline_ends_sentence(norm, original, start, i) {
                push_trimmed(text, start, i, &mut out);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        let term = terminator_len(text, i);
        if term > 0 {
            // Take the whole run of terminators ("!!", "?!", "...") and closing quotes.
            let mut j = i + term;
            loop {
                let t = terminator_len(text, j);
                if t > 0 {
                    j += t;
                    continue;
                }
                let q = closer_len(text, j);
                if q > 0 {
                    j += q;
                    continue;
                }
                break;
            }
            let followed_by_space = j >= bytes.len() || bytes[j].is_ascii_whitespace();
            if followed_by_space && !is_false_stop(norm, original, start, i, j) {
                push_trimmed(text, start, j, &mut out);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// Byte length of a sentence-ending mark at `i`, or 0.
fn terminator_len(text: &str, i: usize) -> usize {
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c @ ('.' | '!' | '?' | '…' | '。' | '！' | '？')) => c.len_utf8(),
        _ => 0,
    }
}

fn closer_len(text: &str, i: usize) -> usize {
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c @ ('"' | '\'' | '”' | '’' | '»' | ')' | ']')) => c.len_utf8(),
        _ => 0,
    }
}

/// A dot after an abbreviation, an initial or inside a title chain (`M.Si.`), or followed by
/// a lowercase word, does not end the sentence.
fn is_false_stop(norm: &Normalized, original: &str, start: usize, i: usize, j: usize) -> bool {
    let text = norm.text.as_str();
    let mark = &text[i..j];
    if !(mark.starts_with('.') || mark.starts_with('…')) {
        return false;
    }
    if mark.starts_with("..") || mark.starts_with('…') {
        // An ellipsis ends a sentence only when a capital follows.
        return next_is_lowercase(norm, original, j);
    }
    // The word right before the dot.
    let before = &text[start..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    if single_letter || ABBREVIATIONS.contains(&word) {
        return true;
    }
    // Postnominal degrees ("…, M.Si.") are not listed: after them a capital starts a new
    // sentence ("Rihart Nasir Silalahi, M.Si. Ketua KPU hadir."), and a lowercase word does not
    // (checked next).
    // Followed by a lowercase word in the original text: a sentence would start uppercase.
    next_is_lowercase(norm, original, j)
}

fn next_is_lowercase(norm: &Normalized, original: &str, j: usize) -> bool {
    let rest = &norm.text[j..];
    let skip = rest.len() - rest.trim_start().len();
    if let Some(c) = rest.trim_start().chars().next()
        && c.is_alphabetic()
    {
        let o = norm.orig_start(j + skip);
        if let Some(oc) = original[o..].chars().next() {
            return oc.is_lowercase();
        }
    }
    false
}

/// A single line break ends a sentence unless the line looks hard-wrapped: long, without
/// closing punctuation, and the next line goes on in lowercase or with a figure.
fn newline_ends_sentence(norm: &Normalized, original: &str, start: usize, i: usize) -> bool {
    let text = norm.text.as_str();
    let line_start = text[..i].rfind('\n').map_or(0, |k| k + 1).max(start);
    let line = text[line_start..i].trim_end();
    if line.len() < 60 {
        return true;
    }
    if line.ends_with(['.', '!', '?', ':', '"', '”']) {
        return true;
    }
    let rest = &text[i + 1..];
    let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let next = i + 1 + skip;
    if next >= text.len() || text.as_bytes()[next] == b'\n' {
        return true;
    }
    let o = norm.orig_start(next);
    !original[o..]
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let s = s.trim();
    if s.is_empty() {
        return;
    }
    let mut a = start + lead;
    let b = a + s.len();
    // Cut runaway sentences at spaces so that later stages stay bounded.
    while b - a > MAX_SENTENCE {
        let mut cut = a + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[a..cut].rfind(' ').map_or(cut, |k| a + k + 1);
        let cut = if cut <= a { a + MAX_SENTENCE } else { cut };
        let mut cut = cut.min(b);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let piece = text[a..cut].trim_end();
        if !piece.is_empty() {
            out.push((a, a + piece.len()));
        }
        let rest = &text[cut..b];
        a = cut + (rest.len() - rest.trim_start().len());
    }
    if a < b {
        out.push((a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let n = Normalized::new(s);
        sentences(&n, s)
            .into_iter()
            .map(|(a, b)| {
                let (x, y) = n.orig_span(s, a, b);
                s[x..y].to_string()
            })
            .collect()
    }

    #[test]
    fn keeps_titles_and_initials_inside_sentences() {
        let s = "Sambutan dibacakan D. Zamrom, S.Stp, M. Si, mengapresiasi JMSI. Pembina JMSI Kalbar Drs. Rihart Nasir Silalahi, M.Si. Ketua KPU hadir.";
        assert_eq!(
            split(s),
            [
                "Sambutan dibacakan D. Zamrom, S.Stp, M. Si, mengapresiasi JMSI.",
                "Pembina JMSI Kalbar Drs. Rihart Nasir Silalahi, M.Si.",
                "Ketua KPU hadir."
            ]
        );
    }

    #[test]
    fn abbreviations_numbers_and_lowercase_continuations() {
        let s = "Kantor di Jl. Budi Karya No. 5 dkk. hadir. Suara 58.59 persen. Rp. 5.000 dibayar. Dia bilang... nanti saja.";
        assert_eq!(
            split(s),
            [
                "Kantor di Jl. Budi Karya No. 5 dkk. hadir.",
                "Suara 58.59 persen.",
                "Rp. 5.000 dibayar.",
                "Dia bilang... nanti saja."
            ]
        );
    }

    #[test]
    fn line_breaks_and_quotes() {
        let s = "Aming Coffee\n\nPosting Komentar\n“Kami siap,” katanya. “Ayo!” Viral!! Benarkah?";
        assert_eq!(
            split(s),
            [
                "Aming Coffee",
                "Posting Komentar",
                "“Kami siap,” katanya.",
                "“Ayo!”",
                "Viral!!",
                "Benarkah?"
            ]
        );
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let s = "Komisi Pemilihan Umum menetapkan daftar pemilih tetap sebanyak\n204.807.222 pemilih pada rapat pleno.";
        assert_eq!(split(s).len(), 1);
        let s = "Komisi Pemilihan Umum menetapkan bahwa daftar pemilih tetap sebanyak\nsekian pemilih pada rapat pleno.";
        assert_eq!(split(s).len(), 1);
    }

    #[test]
    fn cuts_runaway_sentences() {
        let s = "kata ".repeat(2000);
        let n = Normalized::new(&s);
        let spans = sentences(&n, &s);
        assert!(spans.len() > 5);
        assert!(spans.iter().all(|&(a, b)| b - a <= MAX_SENTENCE));
        let s = "é".repeat(5000);
        let n = Normalized::new(&s);
        for (a, b) in sentences(&n, &s) {
            assert!(n.text.is_char_boundary(a) && n.text.is_char_boundary(b));
        }
    }
}
