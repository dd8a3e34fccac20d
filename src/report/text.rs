//! The report for people: each claim with its place in the text, its verdict, the reason, the
//! official value and the sources, in the reader's language, coloured on a terminal.

use std::fmt::Write;

use super::i18n;
use crate::text::lang::Lang;
use crate::{Report, Verdict};

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
    let _ = writeln!(out, "{bold}{name}{reset} — {summary}");
    if let Some(src) = &r.page_source {
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
        let _ = writeln!(out, "    “{quoted}”");
        let reason = if lang == Lang::Id {
            &claim.reason.id
        } else {
            &claim.reason.en
        };
        let _ = writeln!(out, "    {reason}");
        if let Some(ov) = &claim.official_value {
            let label = if lang == Lang::Id {
                "Nilai resmi"
            } else {
                "Official value"
            };
            let _ = writeln!(out, "    {label}: {ov}");
        }
        for s in &claim.sources {
            let label = if lang == Lang::Id { "Sumber" } else { "Source" };
            let mut l = format!("    {label}: {}", s.name);
            if let Some(u) = &s.url {
                let _ = write!(l, " — {u}");
            }
            if let Some(d) = &s.date {
                let _ = write!(l, " ({d})");
            }
            let _ = writeln!(out, "{l}");
        }
    }
    out
}
