//! Reading and checking bundle files, with errors that say which file, where in it, and what
//! to change.
//!
//! A bad bundle must never take the good ones down with it: every check here runs before a
//! bundle is used, and the first problem is reported with its JSON path
//! (`facts[3].citations[0].url`).

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::compile::Compiled;
use super::limits::{check as check_limits, check_size};
use super::schema::*;

pub use super::limits::MAX_BUNDLE_BYTES;

/// What is wrong with a bundle, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    pub file: String,
    /// JSON path, `$` for the whole document.
    pub path: String,
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: at {}: {}", self.file, self.path, self.message)
    }
}

impl std::error::Error for BundleError {}

fn err(file: &str, path: impl Into<String>, message: impl Into<String>) -> BundleError {
    BundleError {
        file: file.to_string(),
        path: path.into(),
        message: message.into(),
    }
}

/// Parses one bundle file. Checks size and schema version before anything else so that the
/// message for a file of another version is about the version, not a missing field; then the
/// limits on lists and texts ([`super::limits`]); then the schema, with the JSON path of the
/// first problem. A byte order mark at the start is allowed (editors on Windows write one).
pub fn parse(file: &str, json: &str) -> Result<BundleFile, BundleError> {
    check_size(file, json.len() as u64)?;
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(err(
            file,
            "$",
            format!(
                "the file is empty; a bundle is a JSON object such as {{\"schema_version\": {SCHEMA_VERSION}, \"debunked\": [...]}}"
            ),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| err(file, "$", json_message(&e)))?;
    if !value.is_object() {
        return Err(err(
            file,
            "$",
            format!(
                "is a JSON {}, not an object; a bundle is a JSON object such as {{\"schema_version\": {SCHEMA_VERSION}, \"debunked\": [...]}}",
                kind_of(&value)
            ),
        ));
    }
    match value.get("schema_version") {
        None => {
            return Err(err(
                file,
                "$.schema_version",
                format!(
                    "missing; this build reads \"schema_version\": {SCHEMA_VERSION} — add it at the top of the object"
                ),
            ));
        }
        Some(v) if v.as_u64() != Some(SCHEMA_VERSION as u64) => {
            return Err(err(
                file,
                "$.schema_version",
                format!(
                    "is {}; this build reads only version {SCHEMA_VERSION} — write the file in version {SCHEMA_VERSION} (see the bundle format in README.md) or use a Saring that reads version {v}",
                    truncate(&v.to_string())
                ),
            ));
        }
        _ => {}
    }
    check_limits(file, &value)?;
    drop(value);
    // The schema is read from the text itself rather than from `value`: a key written twice
    // (two "facts" lists, of which JSON objects would silently keep the last) is an error.
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize::<_, BundleFile>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            "$".to_string()
        } else {
            format!("$.{path}")
        };
        let message = e.into_inner().to_string();
        let message = if message.starts_with("duplicate field") {
            format!("{message}: a key may appear only once in an object — merge the two")
        } else {
            message
        };
        err(file, path, message)
    })
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// What serde_json found wrong, where, and what to do about it.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is given our way instead.
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(w, _)| w);
    let (line, column) = (e.line(), e.column());
    if e.is_eof() {
        format!(
            "not valid JSON: the file ends at line {line}, column {column} before the JSON is complete ({what}); it may have been cut short — check that every [ and {{ is closed"
        )
    } else if what.contains("recursion limit") {
        format!(
            "not valid JSON: nested too deeply at line {line}, column {column}; a bundle needs only a few levels of lists and objects"
        )
    } else {
        format!(
            "not valid JSON at line {line}, column {column}: {what}; fix the file there (a missing comma, quote or bracket is the usual cause)"
        )
    }
}

/// Ids that a bundle may refer to without defining them (those of bundles already loaded).
#[derive(Debug, Default, Clone)]
pub struct Known {
    pub sources: HashSet<String>,
    pub entities: HashSet<String>,
}

impl Known {
    /// The ids of all these bundles together.
    pub fn of<'a>(bundles: impl IntoIterator<Item = &'a Compiled>) -> Known {
        let mut k = Known::default();
        for b in bundles {
            let bk = b.known();
            k.sources.extend(bk.sources);
            k.entities.extend(bk.entities);
        }
        k
    }
}

/// Checks references, ids, dates, URLs and values. Returns every problem found, in file order.
pub fn validate(file: &str, b: &BundleFile, known: &Known) -> Vec<BundleError> {
    let mut errors = Vec::new();
    let mut e = |path: String, msg: String| errors.push(err(file, path, msg));

    // Ids are unique per kind: the source "kpu" and the entity "kpu" are both the KPU.
    // Each id with the JSON path of the entry that defines it, to name both places of a
    // duplicate.
    let mut ids: [HashMap<&str, String>; 4] = Default::default();
    let mut sources: HashSet<&str> = known.sources.iter().map(String::as_str).collect();
    let mut entities: HashSet<&str> = known.entities.iter().map(String::as_str).collect();

    if let Some(meta) = &b.bundle {
        if !is_id(&meta.id) {
            e("$.bundle.id".into(), id_msg(&meta.id));
        }
        if !is_version(&meta.version) {
            e(
                "$.bundle.version".into(),
                format!(
                    "\"{}\" is not a date-based version like \"2026.11.23\"",
                    meta.version
                ),
            );
        }
        if meta.name.trim().is_empty() {
            e("$.bundle.name".into(), "is empty".into());
        }
    }
    for (i, s) in b.sources.iter().enumerate() {
        let p = format!("$.sources[{i}]");
        check_id(&mut e, &p, &s.id, &mut ids[0]);
        sources.insert(&s.id);
        check_url(&mut e, &format!("{p}.url"), &s.url);
        if s.name.trim().is_empty() {
            e(format!("{p}.name"), "is empty".into());
        }
        for (k, d) in s.domains.iter().enumerate() {
            if d.is_empty() || d.contains(['/', ' ', ':']) || d != &d.to_ascii_lowercase() {
                e(
                    format!("{p}.domains[{k}]"),
                    format!("\"{d}\" is not a lowercase host name like \"kpu.go.id\""),
                );
            }
        }
    }
    for (i, en) in b.entities.iter().enumerate() {
        let p = format!("$.entities[{i}]");
        check_id(&mut e, &p, &en.id, &mut ids[1]);
        entities.insert(&en.id);
        if en.aliases.iter().all(|a| a.trim().is_empty()) && en.name.trim().is_empty() {
            e(
                format!("{p}.aliases"),
                "an entity needs a name or an alias".into(),
            );
        }
    }
    for (i, en) in b.entities.iter().enumerate() {
        if let Some(m) = &en.member_of
            && !entities.contains(m.as_str())
        {
            e(
                format!("$.entities[{i}].member_of"),
                format!("refers to entity \"{m}\", which no loaded bundle defines"),
            );
        }
    }
    for (i, f) in b.facts.iter().enumerate() {
        let p = format!("$.facts[{i}]");
        check_id(&mut e, &p, &f.id, &mut ids[2]);
        if f.statement.id.trim().is_empty() || f.statement.en.trim().is_empty() {
            e(
                format!("{p}.statement"),
                "needs both \"id\" and \"en\" text".into(),
            );
        }
        if f.when.is_empty()
            || f.when
                .iter()
                .any(|g| g.is_empty() || g.iter().any(|w| w.trim().is_empty()))
        {
            e(
                format!("{p}.when"),
                "needs at least one non-empty group of phrases, e.g. [[\"pemungutan suara\"]]"
                    .into(),
            );
        }
        if !sources.contains(f.authority.as_str()) {
            e(
                format!("{p}.authority"),
                format!(
                    "refers to source \"{}\", which no loaded bundle defines",
                    f.authority
                ),
            );
        }
        if let Some(ent) = &f.entity
            && !entities.contains(ent.as_str())
        {
            e(
                format!("{p}.entity"),
                format!("refers to entity \"{ent}\", which no loaded bundle defines"),
            );
        }
        if f.citations.is_empty() {
            e(
                format!("{p}.citations"),
                "every fact needs at least one citation saying where it was read".into(),
            );
        }
        for (k, c) in f.citations.iter().enumerate() {
            let cp = format!("{p}.citations[{k}]");
            if !sources.contains(c.source.as_str()) {
                e(
                    format!("{cp}.source"),
                    format!(
                        "refers to source \"{}\", which no loaded bundle defines",
                        c.source
                    ),
                );
            }
            check_url(&mut e, &format!("{cp}.url"), &c.url);
            if let Some(d) = &c.date {
                check_date(&mut e, &format!("{cp}.date"), d);
            }
        }
        check_value(&mut e, &format!("{p}.value"), &f.value, f);
    }
    for (i, d) in b.debunked.iter().enumerate() {
        let p = format!("$.debunked[{i}]");
        check_id(&mut e, &p, &d.id, &mut ids[3]);
        if d.claim_reviewed.trim().is_empty() {
            e(format!("{p}.claim_reviewed"), "is empty".into());
        }
        if d.rating.trim().is_empty() {
            e(format!("{p}.rating"), "is empty".into());
        }
        if !sources.contains(d.reviewer.as_str()) {
            e(
                format!("{p}.reviewer"),
                format!(
                    "refers to source \"{}\", which no loaded bundle defines",
                    d.reviewer
                ),
            );
        }
        check_date(&mut e, &format!("{p}.date_published"), &d.date_published);
        match (&d.url, &d.attribution) {
            (Some(u), _) => check_url(&mut e, &format!("{p}.url"), u),
            (None, Some(a)) if !a.trim().is_empty() => {}
            _ => e(
                format!("{p}.url"),
                "a debunked claim needs the review's \"url\" or, failing that, an \"attribution\""
                    .into(),
            ),
        }
    }
    errors
}

fn check_value(e: &mut impl FnMut(String, String), p: &str, v: &Value, f: &Fact) {
    match v {
        Value::Date { date } => check_date(e, &format!("{p}.date"), date),
        Value::DateRange { start, end } => {
            check_date(e, &format!("{p}.start"), start);
            check_date(e, &format!("{p}.end"), end);
            if parse_date(start).is_some() && parse_date(end).is_some() && start > end {
                e(
                    format!("{p}.end"),
                    format!("{end} is before the start {start}"),
                );
            }
        }
        Value::Count { .. } => {
            if f.units.is_empty() {
                e(
                    p.to_string(),
                    "a count needs \"units\": the words written next to the figure (\"pemilih\", \"TPS\")".into(),
                );
            }
        }
        Value::Share {
            numerator,
            denominator,
            decimals,
        } => {
            if *denominator == 0 || numerator > denominator {
                e(
                    format!("{p}.numerator"),
                    format!("{numerator} of {denominator} is not a share"),
                );
            }
            if *decimals > 6 {
                e(format!("{p}.decimals"), "at most 6 decimals".into());
            }
        }
        Value::Ballot { .. } => {
            if f.entity.is_none() {
                e(
                    p.to_string(),
                    "a ballot number needs the \"entity\" it belongs to".into(),
                );
            }
        }
        Value::Name {
            abbreviation,
            official,
            ..
        } => {
            if abbreviation.trim().is_empty() || official.trim().is_empty() {
                e(
                    p.to_string(),
                    "needs \"abbreviation\" and \"official\"".into(),
                );
            }
        }
    }
}

fn check_id<'a>(
    e: &mut impl FnMut(String, String),
    p: &str,
    id: &'a str,
    ids: &mut HashMap<&'a str, String>,
) {
    if !is_id(id) {
        e(format!("{p}.id"), id_msg(id));
    } else if let Some(first) = ids.get(id) {
        e(
            format!("{p}.id"),
            format!(
                "\"{id}\" is used twice, here and at {first}.id; ids must be unique within a bundle's list — rename one of them"
            ),
        );
    } else {
        ids.insert(id, p.to_string());
    }
}

fn id_msg(id: &str) -> String {
    format!(
        "\"{id}\" is not a valid id: use lowercase letters, digits, '.', '-' and '_' (at most 120)"
    )
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_')
        })
}

fn is_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    (3..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() == 4
}

/// Longest link accepted: real review and decision addresses are a few hundred bytes.
pub const MAX_URL_BYTES: usize = 2048;

/// Only web addresses may be links: a `javascript:` or `data:` URL in a bundle would run in
/// the reader's page when clicked, and any other scheme (`file:`, `chrome:`, `blob:`) has no
/// business in a citation.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && url.len() <= MAX_URL_BYTES
        && !url.contains(|c: char| c.is_whitespace() || c.is_control())
        && !url.contains(['<', '>', '"', '\'', '\\', '`'])
}

fn check_url(e: &mut impl FnMut(String, String), p: &str, url: &str) {
    if is_safe_url(url) {
        return;
    }
    let lower = url.trim().to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let why = if !web {
        match lower.split_once(':') {
            Some((scheme, _))
                if !scheme.is_empty()
                    && scheme
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'+') =>
            {
                format!(
                    "is a {scheme}: address; only http(s) links are allowed — use the review's https:// address"
                )
            }
            _ => "is not an http(s) address; links must start with https://".to_string(),
        }
    } else if url.len() > MAX_URL_BYTES {
        format!(
            "is {} bytes long; links may have at most {MAX_URL_BYTES}",
            url.len()
        )
    } else {
        "is not a plain http(s) address: it holds spaces, control characters or one of < > \" ' ` \\ — write the address as the browser shows it".to_string()
    };
    e(p.to_string(), format!("\"{}\" {why}", truncate(url)));
}

fn truncate(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// `YYYY-MM-DD` with a real calendar day.
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u8 = s[5..7].parse().ok()?;
    let d: u8 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (d >= 1 && d <= days).then_some((y, m, d))
}

fn check_date(e: &mut impl FnMut(String, String), p: &str, d: &str) {
    if parse_date(d).is_none() {
        e(
            p.to_string(),
            format!("\"{}\" is not a date in the form YYYY-MM-DD", truncate(d)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_bad_json_and_versions() {
        let e = parse("x.json", "{").unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("not valid JSON"));
        let e = parse("x.json", r#"{"schema_version": 2}"#).unwrap_err();
        assert_eq!(e.path, "$.schema_version");
        assert!(e.to_string().starts_with("x.json: at $.schema_version:"));
        let e = parse("x.json", r#"{"facts": []}"#).unwrap_err();
        assert!(e.message.contains("missing"));
    }

    #[test]
    fn names_the_json_path_of_schema_errors() {
        let json = r#"{"schema_version":1,"sources":[{"id":"a","name":"A","kind":"authority","trust":"official","url":"https://a.id","domainz":[]}]}"#;
        let e = parse("x.json", json).unwrap_err();
        assert_eq!(e.path, "$.sources[0].domainz");
        assert!(e.message.contains("domainz"), "{}", e.message);
    }

    #[test]
    fn refuses_huge_files() {
        let big = " ".repeat(MAX_BUNDLE_BYTES + 1);
        let e = parse("big.json", &big).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("limited to 16 MiB"), "{}", e.message);
    }

    #[test]
    fn validates_references_urls_and_duplicates() {
        let json = r#"{"schema_version":1,
          "sources":[{"id":"kpu","name":"KPU","kind":"authority","trust":"official","url":"javascript:alert(1)"}],
          "debunked":[
            {"id":"h1","claim_reviewed":"x","rating":"Salah","reviewer":"nobody","date_published":"2024-02-30"},
            {"id":"h1","claim_reviewed":"y","rating":"Salah","reviewer":"kpu","date_published":"2024-02-01","url":"data:text/html,hi"}
          ]}"#;
        let b = parse("x.json", json).unwrap();
        let errs = validate("x.json", &b, &Known::default());
        let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"$.sources[0].url"));
        assert!(paths.contains(&"$.debunked[0].reviewer"));
        assert!(paths.contains(&"$.debunked[0].date_published"));
        assert!(paths.contains(&"$.debunked[0].url"));
        assert!(paths.contains(&"$.debunked[1].id"));
        assert!(paths.contains(&"$.debunked[1].url"));
    }

    #[test]
    fn json_errors_give_line_column_and_what_to_do() {
        let e = parse(
            "x.json",
            "{\n  \"schema_version\": 1\n  \"debunked\": []\n}",
        )
        .unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("line 3, column 3"), "{}", e.message);
        assert!(e.message.contains("missing comma"), "{}", e.message);
        let e = parse("x.json", "{\"schema_version\": 1, \"debunked\": [").unwrap_err();
        assert!(e.message.contains("cut short"), "{}", e.message);
        let e = parse("x.json", " \n ").unwrap_err();
        assert!(e.message.contains("empty"), "{}", e.message);
        let e = parse("x.json", "[1, 2]").unwrap_err();
        assert!(
            e.message.contains("is a JSON array, not an object"),
            "{}",
            e.message
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = parse("x.json", &format!("{{\"schema_version\":1,\"x\":{deep}}}")).unwrap_err();
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
        // A byte order mark is not an error.
        assert!(parse("x.json", "\u{FEFF}{\"schema_version\": 1}").is_ok());
    }

    #[test]
    fn a_wrong_version_names_the_supported_one() {
        for v in ["2", "0", "\"1\"", "1.5", "null"] {
            let e = parse("x.json", &format!("{{\"schema_version\": {v}}}")).unwrap_err();
            assert_eq!(e.path, "$.schema_version");
            assert!(
                e.message.contains("reads only version 1"),
                "{v}: {}",
                e.message
            );
        }
    }

    #[test]
    fn a_key_written_twice_is_an_error() {
        let e = parse(
            "x.json",
            r#"{"schema_version":1,"debunked":[],"debunked":[]}"#,
        )
        .unwrap_err();
        assert!(e.message.contains("duplicate field"), "{}", e.message);
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let json = r#"{"schema_version":1,
          "sources":[{"id":"s","name":"S","kind":"fact_checker","trust":"fact_checker","url":"https://s.example.org"}],
          "debunked":[
            {"id":"h1","claim_reviewed":"x","rating":"Salah","reviewer":"s","date_published":"2024-02-01","url":"https://s.example.org/1"},
            {"id":"h2","claim_reviewed":"y","rating":"Salah","reviewer":"s","date_published":"2024-02-01","url":"https://s.example.org/2"},
            {"id":"h1","claim_reviewed":"z","rating":"Salah","reviewer":"s","date_published":"2024-02-01","url":"https://s.example.org/3"}
          ]}"#;
        let b = parse("x.json", json).unwrap();
        let errs = validate("x.json", &b, &Known::default());
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].path, "$.debunked[2].id");
        assert!(
            errs[0]
                .message
                .contains("\"h1\" is used twice, here and at $.debunked[0].id"),
            "{}",
            errs[0].message
        );
    }

    #[test]
    fn duplicate_ids_across_files_name_both_files() {
        let a = r#"{"schema_version":1,"sources":[{"id":"s","name":"S","kind":"fact_checker","trust":"fact_checker","url":"https://s.example.org"}]}"#;
        let b = r#"{"schema_version":1,"sources":[{"id":"t","name":"T","kind":"media","trust":"secondary","url":"https://t.example.org"},{"id":"s","name":"S2","kind":"media","trust":"secondary","url":"https://s2.example.org"}]}"#;
        let files = vec![
            ("a.json".to_string(), parse("a.json", a).unwrap()),
            ("b.json".to_string(), parse("b.json", b).unwrap()),
        ];
        let errs = super::super::compile::compile(&files, &Known::default()).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].file, "b.json");
        assert_eq!(errs[0].path, "$.sources[1].id");
        assert!(
            errs[0]
                .message
                .contains("also defined in a.json at $.sources[0].id"),
            "{}",
            errs[0].message
        );
    }

    #[test]
    fn only_web_links_are_accepted() {
        for (url, says) in [
            ("javascript:alert(1)", "javascript: address"),
            ("JavaScript:alert(1)", "javascript: address"),
            (" javascript:alert(1)", "javascript: address"),
            ("data:text/html,<script>alert(1)</script>", "data: address"),
            ("file:///etc/passwd", "file: address"),
            ("vbscript:msgbox", "vbscript: address"),
            ("blob:https://x.example.org/1", "blob: address"),
            ("//kpu.go.id/x", "must start with https://"),
            ("kpu.go.id", "must start with https://"),
            ("https://kpu.go.id/\u{1b}[2J", "control characters"),
            ("https://kpu.go.id/\"onmouseover=\"x", "control characters"),
            ("https://kpu.go.id/a b", "spaces"),
        ] {
            assert!(!is_safe_url(url), "{url}");
            let mut got = Vec::new();
            check_url(&mut |p, m| got.push((p, m)), "$.u", url);
            assert_eq!(got.len(), 1, "{url}");
            assert!(got[0].1.contains(says), "{url}: {}", got[0].1);
        }
        let long = format!("https://kpu.go.id/{}", "a".repeat(MAX_URL_BYTES));
        assert!(!is_safe_url(&long));
        assert!(is_safe_url("https://www.kpu.go.id/berita/baca/12101?x=1#a"));
        assert!(is_safe_url("HTTP://kpu.go.id"));
    }

    #[test]
    fn control_characters_in_texts_are_refused_with_their_path() {
        let json = "{\"schema_version\":1,\"debunked\":[{\"id\":\"h\",\"claim_reviewed\":\"KPU \\u001b]0;pwned\\u0007 curang\"}]}";
        let e = parse("x.json", json).unwrap_err();
        assert_eq!(e.path, "$.debunked[0].claim_reviewed");
        assert!(e.message.contains("U+001B"), "{}", e.message);
    }

    #[test]
    fn html_in_texts_is_kept_as_text() {
        // Decided: markup in a text is not refused (hoax narratives quote "<<RUMAH HASIL
        // KORUPSI>>" as they circulated); every place Saring shows bundle text inserts it as
        // text, never as markup, and the CLI shows it verbatim.
        let json = r#"{"schema_version":1,
          "sources":[{"id":"s","name":"<b>Cek</b> Fakta","kind":"fact_checker","trust":"fact_checker","url":"https://s.example.org"}],
          "debunked":[{"id":"h","claim_reviewed":"<img src=x onerror=alert(1)> KPU curang","rating":"Salah","reviewer":"s","date_published":"2024-02-01","url":"https://s.example.org/1"}]}"#;
        let b = parse("x.json", json).unwrap();
        assert!(validate("x.json", &b, &Known::default()).is_empty());
        assert_eq!(
            b.debunked[0].claim_reviewed,
            "<img src=x onerror=alert(1)> KPU curang"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-2-1"), None);
    }
}
