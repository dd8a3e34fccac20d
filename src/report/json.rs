//! The JSON report: `{"inputs":[{"input","text_len","claims":[…]}]}`, a contract that other
//! tools read.

use serde::Serialize;

use crate::{Claim, Report};

#[derive(Serialize)]
struct Input<'a> {
    input: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    text_len: usize,
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_source: Option<&'a str>,
    claims: &'a [Claim],
}

#[derive(Serialize)]
struct Doc<'a> {
    inputs: Vec<Input<'a>>,
}

/// One document for a run over several inputs: (name, url, report).
pub fn document(inputs: &[(String, Option<String>, Report)]) -> String {
    let doc = Doc {
        inputs: inputs
            .iter()
            .map(|(name, url, r)| Input {
                input: name,
                url: url.as_deref(),
                text_len: r.text_len,
                lang: r.lang.code(),
                page_source: r.page_source.as_deref(),
                claims: &r.claims,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// One `jsonl` output line: `{"id":…,"claims":[…]}`.
pub fn line(id: &serde_json::Value, r: &Report) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a serde_json::Value,
        claims: &'a [Claim],
    }
    serde_json::to_string(&Line {
        id,
        claims: &r.claims,
    })
    .unwrap_or_else(|e| format!("{{\"id\":null,\"error\":\"{e}\"}}"))
}
