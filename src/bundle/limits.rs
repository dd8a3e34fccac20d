//! Limits on what a bundle file may hold, checked before the file is read into the schema.
//!
//! A bundle is data someone else wrote, and the extension's options page and the CLI load it
//! on the reader's machine: a hostile or broken file must be refused with a message, never
//! exhaust memory or time, and never smuggle terminal escapes or other control characters into
//! what Saring shows. The numbers leave room far beyond any real list (the default bundle's
//! longest text is about 3 KiB, its longest inner list about 100 phrases).

use serde_json::Value;

use super::validate::BundleError;

/// Bundle files larger than this are refused before they are read or parsed.
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;

/// Entries in one of the five top-level lists (`debunked`, `facts` …).
pub const MAX_LIST_ENTRIES: usize = 100_000;

/// Items in any list inside an entry (`variants`, `aliases`, `when`, `citations` …).
pub const MAX_ITEMS: usize = 1_000;

/// Bytes in one text (a name, a claim, a narrative, a URL).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m >= 10.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

/// The message for a file of `bytes` bytes when that is over [`MAX_BUNDLE_BYTES`]. The CLI
/// asks before reading the file (from its metadata), the wasm API before copying the string.
pub fn check_size(file: &str, bytes: u64) -> Result<(), BundleError> {
    if bytes <= MAX_BUNDLE_BYTES as u64 {
        return Ok(());
    }
    Err(BundleError {
        file: file.to_string(),
        path: "$".into(),
        message: format!(
            "the file is {}; bundles are limited to {} — split it into several files",
            mib(bytes),
            mib(MAX_BUNDLE_BYTES as u64)
        ),
    })
}

/// One step of a JSON path.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn path(steps: &[Step<'_>]) -> String {
    let mut p = String::from("$");
    for s in steps {
        match s {
            Step::Key(k) => {
                p.push('.');
                p.push_str(k);
            }
            Step::Index(i) => p.push_str(&format!("[{i}]")),
        }
    }
    p
}

/// Checks every list and text of a parsed bundle file against the limits; the first problem
/// is returned with its JSON path.
pub fn check(file: &str, v: &Value) -> Result<(), BundleError> {
    let mut steps = Vec::new();
    walk(v, &mut steps).map_err(|(path, message)| BundleError {
        file: file.to_string(),
        path,
        message,
    })
}

fn walk<'a>(v: &'a Value, steps: &mut Vec<Step<'a>>) -> Result<(), (String, String)> {
    match v {
        Value::String(s) => text(s).map_err(|m| (path(steps), m)),
        Value::Array(items) => {
            let top = steps.len() == 1;
            let max = if top { MAX_LIST_ENTRIES } else { MAX_ITEMS };
            if items.len() > max {
                let what = if top { "entries" } else { "items" };
                return Err((
                    path(steps),
                    format!(
                        "has {} {what}; a list here may hold at most {max} — split the bundle \
                         into several files",
                        items.len()
                    ),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                walk(item, steps)?;
                steps.pop();
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, item) in map {
                steps.push(Step::Key(k));
                if k.len() > MAX_TEXT_BYTES || k.chars().any(is_forbidden_control) {
                    return Err((
                        path(steps),
                        "is not a field name of the bundle format".into(),
                    ));
                }
                walk(item, steps)?;
                steps.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Control characters other than tab and line breaks: terminal escapes (ESC), NUL, the C1
/// controls. No bundle text needs them, and shown in a terminal they could drive it.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn text(s: &str) -> Result<(), String> {
    if s.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "is {} bytes long; a text in a bundle may have at most {MAX_TEXT_BYTES} bytes — \
             shorten it (only the claim itself is matched)",
            s.len()
        ));
    }
    if let Some(c) = s.chars().find(|&c| is_forbidden_control(c)) {
        return Err(format!(
            "contains the control character U+{:04X}; bundle texts are plain text — remove it",
            c as u32
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(json: &str) -> Option<BundleError> {
        let v: Value = serde_json::from_str(json).expect("test JSON");
        check("t.json", &v).err()
    }

    #[test]
    fn sizes_are_reported_in_mib() {
        assert!(check_size("t.json", MAX_BUNDLE_BYTES as u64).is_ok());
        let e = check_size("t.json", 100 * 1024 * 1024).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("100 MiB"), "{}", e.message);
        assert!(e.message.contains("16 MiB"), "{}", e.message);
    }

    #[test]
    fn control_characters_are_named_with_their_path() {
        let e = first(r#"{"debunked":[{"claim_reviewed":"KPU \u001b[2J curang"}]}"#).unwrap();
        assert_eq!(e.path, "$.debunked[0].claim_reviewed");
        assert!(e.message.contains("U+001B"), "{}", e.message);
        assert!(first(r#"{"debunked":[{"variants":["a\tb\nc\r\nd"]}]}"#).is_none());
        let e = first(r#"{"sources":[{"name":"x\u0085y"}]}"#).unwrap();
        assert!(e.message.contains("U+0085"), "{}", e.message);
    }

    #[test]
    fn long_texts_and_lists_are_refused() {
        let long = format!(
            r#"{{"bundle":{{"name":"{}"}}}}"#,
            "a".repeat(MAX_TEXT_BYTES + 1)
        );
        let e = first(&long).unwrap();
        assert_eq!(e.path, "$.bundle.name");
        let items = vec!["\"x\""; MAX_ITEMS + 1].join(",");
        let e = first(&format!(r#"{{"debunked":[{{"variants":[{items}]}}]}}"#)).unwrap();
        assert_eq!(e.path, "$.debunked[0].variants");
        assert!(e.message.contains("1001 items"), "{}", e.message);
        // A top-level list may be long.
        let entries = vec!["{}"; MAX_ITEMS + 1].join(",");
        assert!(first(&format!(r#"{{"debunked":[{entries}]}}"#)).is_none());
    }
}
