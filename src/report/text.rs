//! The report for people: each claim with its place in the text, its verdict, the reason, the
//! official value and the sources, in the reader's language, coloured on a terminal.

use std::borrow::Cow;
use std::fmt::Write;

use super::i18n;
use crate::text::lang::Lang;
use crate::{Report, Verdict};

/// `s` made safe to print on a terminal. Page text and bundle text are someone else's: an
/// escape sequence in either could otherwise clear the screen, rewrite the report, set the
/// window title or hide a line. Line breaks and tabs become spaces, other control characters
/// their visible symbol (`␛` for ESC), C1 controls `�`, and bidi embeddings, overrides and
/// isolates (which reorder what the terminal shows) are dropped.
pub fn inert(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || is_bidi_control(c);
    if !s.contains(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
                '\u{7f}' => '\u{2421}',
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "\x1b[32m",
        Verdict::Contradicted => "\x1b[31m",
        Verdict::Debunked => "\x1b[35m",
        Verdict::Unverified => "\x1b[33m",
    }
}

/// Renders one input's report. `text` is the checked text (for line numbers).
pub fn render(name: &str, text: &str, r: &Report, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    let [v, c, d, u] = r.counts();
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let summary = match lang {
        Lang::Id => format!(
            "{} klaim: {v} sesuai data resmi · {c} bertentangan · {d} hoaks · {u} belum terverifikasi",
            r.claims.len()
        ),
        Lang::En => format!(
            "{} claims: {v} verified · {c} contradicted · {d} debunked · {u} unverified",
            r.claims.len()
        ),
    };
    let _ = writeln!(out, "{bold}{}{reset} — {summary}", inert(name));
    if let Some(src) = &r.page_source {
        let src = inert(src);
        let _ = match lang {
            Lang::Id => writeln!(
                out,
                "  Halaman ini milik {src}; pernyataannya tetap diperiksa."
            ),
            Lang::En => writeln!(
                out,
                "  This page belongs to {src}; its statements are still checked."
            ),
        };
    }
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut pos = 0usize;
    for claim in &r.claims {
        for (i, b) in text[pos..claim.start].bytes().enumerate() {
            if b == b'\n' {
                line += 1;
                line_start = pos + i + 1;
            }
        }
        pos = claim.start;
        let col = text[line_start..claim.start].chars().count() + 1;
        let (on, off) = if color {
            (colour(claim.verdict), reset)
        } else {
            ("", "")
        };
        let _ = writeln!(
            out,
            "\n  {line}:{col}  {on}{bold}{}{off} ({:.2})",
            i18n::verdict(claim.verdict, lang).to_uppercase(),
            claim.confidence
        );
        let quoted: String = claim.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let quoted = if quoted.chars().count() > 240 {
            format!("{}…", quoted.chars().take(240).collect::<String>())
        } else {
            quoted
        };
        let _ = writeln!(out, "    “{}”", inert(&quoted));
        let reason = if lang == Lang::Id {
            &claim.reason.id
        } else {
            &claim.reason.en
        };
        let _ = writeln!(out, "    {}", inert(reason));
        if let Some(ov) = &claim.official_value {
            let label = if lang == Lang::Id {
                "Nilai resmi"
            } else {
                "Official value"
            };
            let _ = writeln!(out, "    {label}: {}", inert(ov));
        }
        for s in &claim.sources {
            let label = if lang == Lang::Id { "Sumber" } else { "Source" };
            let mut l = format!("    {label}: {}", inert(&s.name));
            if let Some(u) = &s.url {
                let _ = write!(l, " — {}", inert(u));
            }
            if let Some(d) = &s.date {
                let _ = write!(l, " ({})", inert(d));
            }
            let _ = writeln!(out, "{l}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_neutralises_terminal_controls() {
        assert!(matches!(inert("Pemilu 2024 — ＫＰＵ 😀"), Cow::Borrowed(_)));
        assert_eq!(
            inert("a\u{1b}[2Jb\u{1b}]0;title\u{7}c"),
            "a\u{241b}[2Jb\u{241b}]0;title\u{2407}c"
        );
        assert_eq!(inert("x\ry\nz\tw"), "x y z w");
        assert_eq!(inert("\u{9b}31m\u{7f}"), "\u{FFFD}31m\u{2421}");
        assert_eq!(inert("\u{202E}KPU\u{202C} \u{2067}x\u{2069}"), "KPU x");
    }
}
