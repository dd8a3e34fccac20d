//! Importing fact-checkers' hoax lists (CSV) into bundle entries, reproducibly.
//!
//! The inputs are the turnbackhoax.id (Mafindo) exports under `data/hoaxes/`. Three steps:
//! 1. read each row into a [`Row`] (title, date, review address or attribution, narrative);
//! 2. keep only election items, decided by the engine's own vocabulary: election terms,
//!    candidates, parties and election bodies (a hoax about a candidate is an election hoax;
//!    one about a foreign war or a ministry is not), and record why each other row was dropped;
//! 3. fold near-duplicates (the same hoax reviewed twice, or reworded) into one entry that keeps
//!    every title and narrative as a variant.
//!
//! The same input always gives the same output: rows are ordered by date and id, ids come from
//! the review's address or the export's own id, and nothing depends on hashing order.

use std::collections::BTreeMap;

use super::schema::Debunked;
use crate::claims::lexicon::{Term, lexicon};
use crate::extract::names::EntityIndex;
use crate::text::normalize::fold;
use crate::text::phrases::{PhraseSet, Words};
use crate::text::terms::content_terms;
use crate::text::tokens::tokenize;

/// One row of a hoax list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Stable id of the entry this row becomes.
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub url: Option<String>,
    /// The false narrative as it circulated, when the export has it.
    pub narrative: Option<String>,
    /// `file:line`, for the report.
    pub origin: String,
}

/// A row that did not become an entry, and why.
pub type DroppedRow = (Row, Dropped);

/// Why a row did not become an entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dropped {
    /// No election term, candidate, party or election body in its title or narrative.
    NotElection,
    /// Its vocabulary belongs to another domain (sport, weather…) more than to elections.
    OffTopic,
    /// Unreadable: no title, or a date that is not a date.
    Malformed(String),
}

/// What the import did, for people to review.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: usize,
    pub per_file: BTreeMap<String, usize>,
    pub dropped: Vec<(Row, Dropped)>,
    /// (folded row, id of the entry it went into)
    pub folded: Vec<(Row, String)>,
    pub entries: usize,
}

/// Minimal RFC 4180 reading: quoted fields may hold commas, quotes (doubled) and line breaks.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Reads an export by its header: `title,url,date` (turnbackhoax 2018–2023) or
/// `id,title,date,hoax_text` (turnbackhoax politics 2024).
pub fn read_rows(file: &str, text: &str) -> Result<(Vec<Row>, Vec<DroppedRow>), String> {
    let table = parse_csv(text);
    let Some(header) = table.first() else {
        return Err(format!("{file} is empty"));
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (title, date) = match (col("title"), col("date")) {
        (Some(t), Some(d)) => (t, d),
        _ => {
            return Err(format!(
                "{file}: the header must have \"title\" and \"date\" columns (found: {})",
                header.join(",")
            ));
        }
    };
    let (url, id, text_col) = (col("url"), col("id"), col("hoax_text"));
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    for (n, r) in table.iter().enumerate().skip(1) {
        let get = |k: Option<usize>| {
            k.and_then(|k| r.get(k))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let origin = format!("{base}:{}", n + 1);
        let t = get(Some(title)).unwrap_or_default();
        let raw_date = get(Some(date)).unwrap_or_default();
        let u = get(url);
        let row = Row {
            id: String::new(),
            title: t.clone(),
            date: raw_date.clone(),
            url: u.clone(),
            narrative: get(text_col)
                .map(|s| clean_narrative(&s))
                .filter(|s| !s.is_empty()),
            origin,
        };
        if r.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let Some(iso) = iso_date(&raw_date) else {
            bad.push((
                row,
                Dropped::Malformed(format!("date \"{raw_date}\" is not a date")),
            ));
            continue;
        };
        if t.is_empty() {
            bad.push((row, Dropped::Malformed("no title".into())));
            continue;
        }
        let row_id = match (&u, get(id)) {
            (Some(u), _) => format!("thx-{iso}-{}", url_words(u)),
            (None, Some(i)) if i.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                format!("thx24-{}", i.to_ascii_lowercase())
            }
            _ => format!("thx-{iso}-{}", slug_words(&t)),
        };
        rows.push(Row {
            id: row_id,
            date: iso,
            ..row
        });
    }
    Ok((rows, bad))
}

/// The false narrative without its wrapping quotes and without the fact-checkers' text that
/// some exports append after a `= = =` rule.
fn clean_narrative(s: &str) -> String {
    let cut = ["= = =", "===="]
        .iter()
        .filter_map(|m| s.find(m))
        .min()
        .unwrap_or(s.len());
    s[..cut]
        .trim()
        .trim_matches(|c| matches!(c, '“' | '”' | '"' | '\'' | ' '))
        .trim()
        .to_string()
}

/// `2024-01-02`, `2 Jan 2024`, `02 January 2024`.
pub fn iso_date(s: &str) -> Option<String> {
    if super::validate::parse_date(s).is_some() {
        return Some(s.to_string());
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [d, m, y] = parts[..] else { return None };
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mi = months
        .iter()
        .position(|p| m.to_ascii_lowercase().starts_with(p))?
        + 1;
    let iso = format!("{y:0>4}-{mi:02}-{:0>2}", d.parse::<u8>().ok()?);
    super::validate::parse_date(&iso).map(|_| iso)
}

/// The first six words of the review's address slug: turnbackhoax addresses end in
/// `/salah-kpu-anulir-keputusan-peserta-pemilu-2024/`.
fn url_words(url: &str) -> String {
    let slug = url.trim_end_matches('/').rsplit('/').next().unwrap_or(url);
    slug_words(slug)
}

fn slug_words(s: &str) -> String {
    let folded = fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.is_empty() {
        "x".into()
    } else {
        words.join("-")
    }
}

/// Campaign words and the 2019 candidates, only for telling election hoaxes from other
/// politics in the lists (they are not bundle entities: naming Sandiaga in today's news is not
/// an election claim). Matched word for word.
const CAMPAIGN_WORDS: &[&str] = &[
    "01",
    "02",
    "03",
    "jokowi ma'ruf",
    "jokowi ma'aruf",
    "jokowi amin",
    "ma'ruf amin",
    "ma'aruf amin",
    "maruf amin",
    "sandiaga",
    "sandiaga uno",
    "prabowo sandi",
    "prabowo sandiaga",
    "gantipresiden",
    "2019gantipresiden",
    "nyapres",
    "nyaleg",
    "nyagub",
    "salam dua jari",
    "salam satu jari",
    "salam tiga jari",
    "timses",
    "tim sukses",
    "tkn",
    "bpn",
    "tpn",
    "tim pemenangan",
    "koalisi indonesia maju",
    "koalisi perubahan",
    "pemungutan",
    "coblosan",
];

fn campaign_words() -> &'static PhraseSet<()> {
    static SET: std::sync::OnceLock<PhraseSet<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut p = PhraseSet::new();
        for w in CAMPAIGN_WORDS {
            p.insert_exact(w, ());
        }
        p
    })
}

/// Is this text about the elections, their organisers, parties or candidates?
pub fn classify(text: &str, entities: &EntityIndex) -> Result<(), Dropped> {
    let folded = fold(text);
    let words = Words::new(tokenize(&folded, 0));
    let mut strong = 0usize;
    let mut weak = 0usize;
    let mut off = 0usize;
    for h in lexicon().find(&words) {
        match h.value {
            Term::Strong => strong += 1,
            Term::Weak => weak += 1,
            Term::OffTopic => off += 1,
            _ => {}
        }
    }
    let named = entities.find(&words).len();
    let campaign = campaign_words().find(&words).len();
    if off > strong + named + campaign {
        return Err(Dropped::OffTopic);
    }
    if strong > 0 || named > 0 || campaign > 0 || weak >= 2 {
        Ok(())
    } else {
        Err(Dropped::NotElection)
    }
}

/// Rows whose title terms overlap this much are one hoax.
const SAME_HOAX: f32 = 0.75;

fn jaccard(a: &[String], b: &[String]) -> f32 {
    let inter = a.iter().filter(|t| b.contains(t)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// Filters and folds rows into entries. `reviewer` is the source id of the fact-checker.
pub fn import(
    mut rows: Vec<Row>,
    entities: &EntityIndex,
    reviewer: &str,
    report: &mut Report,
) -> Vec<Debunked> {
    rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    // Unique ids: a second row with the same id (same day, same first words) gets a suffix.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for r in &mut rows {
        let n = seen.entry(r.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            r.id = format!("{}-{}", r.id, n);
        }
    }
    let mut kept: Vec<(Row, Vec<String>)> = Vec::new();
    for r in rows {
        report.rows += 1;
        let text = format!("{}. {}", r.title, r.narrative.as_deref().unwrap_or(""));
        if let Err(why) = classify(&text, entities) {
            report.dropped.push((r, why));
            continue;
        }
        let terms = content_terms(&tokenize(&fold(&r.title), 0));
        kept.push((r, terms));
    }
    // Fold near-duplicates into the earliest entry of their group.
    let mut into: Vec<Option<usize>> = vec![None; kept.len()];
    for i in 0..kept.len() {
        if into[i].is_some() || kept[i].1.len() < 3 {
            continue;
        }
        for j in i + 1..kept.len() {
            if into[j].is_none()
                && kept[j].1.len() >= 3
                && jaccard(&kept[i].1, &kept[j].1) >= SAME_HOAX
            {
                into[j] = Some(i);
            }
        }
    }
    let mut entries: Vec<Debunked> = Vec::new();
    let mut index_of: Vec<usize> = vec![usize::MAX; kept.len()];
    for (i, (r, _)) in kept.iter().enumerate() {
        match into[i] {
            None => {
                index_of[i] = entries.len();
                entries.push(entry(r, reviewer));
            }
            Some(head) => {
                let e = &mut entries[index_of[head]];
                for v in std::iter::once(&r.title).chain(r.narrative.as_ref()) {
                    if *v != e.claim_reviewed && !e.variants.contains(v) {
                        e.variants.push(v.clone());
                    }
                }
                if e.url.is_none() && r.url.is_some() {
                    e.url = r.url.clone();
                    e.attribution = None;
                }
                report.folded.push((r.clone(), e.id.clone()));
            }
        }
    }
    for e in &mut entries {
        e.topics = topics(&format!("{} {}", e.claim_reviewed, e.variants.join(" ")));
    }
    report.entries = entries.len();
    entries
}

fn entry(r: &Row, reviewer: &str) -> Debunked {
    let pretty_date = r.date.clone();
    Debunked {
        id: r.id.clone(),
        claim_reviewed: r.title.clone(),
        variants: r
            .narrative
            .iter()
            .filter(|n| **n != r.title)
            .cloned()
            .collect(),
        rating: "Salah".into(),
        reviewer: reviewer.into(),
        date_published: r.date.clone(),
        url: r.url.clone(),
        attribution: match &r.url {
            Some(_) => None,
            None => Some(format!(
                "turnbackhoax.id (Mafindo), {pretty_date}, {}",
                r.title
            )),
        },
        topics: Vec::new(),
    }
}

/// A few topic labels for browsing, from the words of the hoax.
fn topics(text: &str) -> Vec<String> {
    const LABELS: &[(&str, &[&str])] = &[
        ("kpu", &["kpu"]),
        ("bawaslu", &["bawaslu", "panwaslu"]),
        ("dkpp", &["dkpp"]),
        ("mk", &["mk", "mahkamah konstitusi"]),
        ("tps", &["tps"]),
        ("surat-suara", &["surat suara", "coblos", "tercoblos"]),
        ("dpt", &["dpt", "daftar pemilih"]),
        (
            "hasil",
            &[
                "quick count",
                "real count",
                "hitung cepat",
                "sirekap",
                "rekapitulasi",
                "hasil",
            ],
        ),
        ("kampanye", &["kampanye"]),
        ("kecurangan", &["curang", "kecurangan", "manipulasi"]),
        ("pilkada", &["pilkada", "pilgub"]),
        ("prabowo-gibran", &["prabowo", "gibran"]),
        ("anies-muhaimin", &["anies", "muhaimin", "cak imin"]),
        ("ganjar-mahfud", &["ganjar", "mahfud"]),
        ("pemilu-2019", &["2019", "sandiaga", "ma'ruf"]),
    ];
    let folded = fold(text);
    let words = format!(
        " {} ",
        folded
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    LABELS
        .iter()
        .filter(|(_, keys)| keys.iter().any(|k| words.contains(&format!(" {k} "))))
        .map(|(l, _)| l.to_string())
        .collect()
}

/// The import report as Markdown.
pub fn report_markdown(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# Hoax import report\n");
    let _ = writeln!(
        out,
        "Generated by `saring bundle import`; do not edit by hand.\n"
    );
    let _ = writeln!(out, "| | rows |\n|---|---|");
    for (f, n) in &r.per_file {
        let _ = writeln!(out, "| read from `{f}` | {n} |");
    }
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    for (_, why) in &r.dropped {
        *by_reason.entry(reason(why)).or_default() += 1;
    }
    for (why, n) in &by_reason {
        let _ = writeln!(out, "| dropped: {why} | {n} |");
    }
    let _ = writeln!(
        out,
        "| folded into an earlier entry (near-duplicate) | {} |",
        r.folded.len()
    );
    let _ = writeln!(out, "| **entries** | **{}** |\n", r.entries);
    let _ = writeln!(out, "## Dropped rows\n");
    for (row, why) in &r.dropped {
        let _ = writeln!(
            out,
            "- `{}` {} — {}: {}",
            row.origin,
            row.date,
            reason(why),
            row.title.replace('\n', " ")
        );
    }
    let _ = writeln!(out, "\n## Folded rows\n");
    for (row, into) in &r.folded {
        let _ = writeln!(
            out,
            "- `{}` {} → `{into}`: {}",
            row.origin,
            row.date,
            row.title.replace('\n', " ")
        );
    }
    out
}

fn reason(d: &Dropped) -> String {
    match d {
        Dropped::NotElection => "no election term, candidate, party or election body".into(),
        Dropped::OffTopic => "about another domain".into(),
        Dropped::Malformed(m) => format!("unreadable ({m})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::schema::{Entity, EntityKind};

    fn entities() -> EntityIndex {
        let e = |id: &str, kind, aliases: &[&str]| Entity {
            id: id.into(),
            kind,
            name: aliases[0].into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            member_of: None,
        };
        EntityIndex::new(&[
            e(
                "prabowo",
                EntityKind::Person,
                &["prabowo", "prabowo subianto"],
            ),
            e("anies", EntityKind::Person, &["anies", "anies baswedan"]),
            e("kpu", EntityKind::Institution, &["kpu"]),
            e("pdip", EntityKind::Party, &["pdip", "pdi perjuangan"]),
        ])
    }

    #[test]
    fn csv_with_quotes_commas_and_newlines() {
        let t = "id,title,date,hoax_text\n1,\"A, b\",2 Jan 2024,\"say \"\"hi\"\"\nthere\"\n";
        let rows = parse_csv(t);
        assert_eq!(rows[1], ["1", "A, b", "2 Jan 2024", "say \"hi\"\nthere"]);
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date("2 Jan 2024").as_deref(), Some("2024-01-02"));
        assert_eq!(iso_date("2023-09-28").as_deref(), Some("2023-09-28"));
        assert_eq!(iso_date("31 Feb 2024"), None);
    }

    #[test]
    fn keeps_election_rows_and_drops_others() {
        let ent = entities();
        for kept in [
            "KPU Anulir Keputusan Peserta Pemilu 2024",
            "Video Surat Suara Sudah Tercoblos 01 Di Medan",
            "Nama Anies Baswedan Masuk dalam Daftar Penikmat Uang Hasil Korupsi BTS Kominfo",
            "Partai Demokrat Merapat ke PDIP dan Siap Menangkan Ganjar",
            "Habib Rizieq: Menlu mengimbau staf KBRI agar memenangkan capres Jokowi",
            "Wakil Presiden Maruf Amin dan Raja Salman Dukung Sukseskan Anies Pilpres 2024",
            "Memo SBY Dukung Jokowi-Ma’aruf Amin Pada Kamis Malam",
            "8 Guru Ditahan Gajinya Dipaksa Memilih 02",
            "Foto Formasi “#2019GantiPresiden” di #JasMerahMob UMM",
        ] {
            assert_eq!(classify(kept, &ent), Ok(()), "{kept}");
        }
        for dropped in [
            "Gambar Presiden Jokowi “Kalian Siap saya pimpin Tiga Periode”",
            "Israel Bom Rumah Sakit di Gaza",
            "“Menag nya Saja Bilang mesti DIRANGKUL”",
            "Vaksin Covid-19 Mengandung Chip",
        ] {
            assert!(classify(dropped, &ent).is_err(), "{dropped}");
        }
    }

    #[test]
    fn folds_near_duplicates_and_keeps_ids_stable() {
        let row = |id: &str, title: &str, date: &str| Row {
            id: id.into(),
            title: title.into(),
            date: date.into(),
            url: None,
            narrative: None,
            origin: "t.csv:1".into(),
        };
        let rows = vec![
            row(
                "b",
                "KPU Hapus Ribuan TPS di Luar Negeri Jelang Pemilu",
                "2024-01-05",
            ),
            row(
                "a",
                "KPU hapus ribuan TPS luar negeri jelang pemilu!",
                "2024-01-09",
            ),
            row("c", "KPU Tetapkan Jadwal Debat Capres", "2024-01-01"),
        ];
        let mut rep = Report::default();
        let out = import(rows.clone(), &entities(), "mafindo", &mut rep);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].id, "b");
        assert_eq!(
            out[1].variants,
            ["KPU hapus ribuan TPS luar negeri jelang pemilu!"]
        );
        assert_eq!(rep.folded.len(), 1);
        let again = import(rows, &entities(), "mafindo", &mut Report::default());
        assert_eq!(out, again);
    }
}
