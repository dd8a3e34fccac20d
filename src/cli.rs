//! The `saring` command line, thin over the library.
//!
//! ```text
//! saring check [--format text|json|jsonl] [--html] [--url URL] [--lang id|en|auto]
//!              [--bundle FILE]... [--fail-on VERDICT,...] [FILE|-]...
//! saring bundle check FILE...
//! saring bundle stats [--format text|json] [--bundle FILE]...
//! saring bundle build [--check] [--out FILE] [FILE...]
//! saring bundle import [--check] [--out FILE] [--report FILE] [CSV...]
//! ```
//! Exit status: 0 success, 1 a `--fail-on` verdict was found (or `bundle build --check` found
//! the compiled bundle stale), 2 a usage or input error, with one line on stderr.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::bundle::MAX_BUNDLE_BYTES;
use crate::bundle::compile::{Compiled, compile};
use crate::bundle::limits::check_size;
use crate::bundle::schema::BundleFile;
use crate::bundle::validate::{BundleError, Known, parse};
use crate::html::visible_text;
use crate::report::text::inert;
use crate::report::{json, text};
use crate::{CheckOptions, Engine, Lang, Verdict};

/// Where the CLI reads and writes, so that tests can run it in-process.
pub struct Io<'a> {
    pub stdin: &'a mut dyn BufRead,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Colour the text report (a terminal, and `NO_COLOR` unset).
    pub color: bool,
}

/// A usage or input error: exit status 2 and this one line.
#[derive(Debug)]
struct Fail(String);

type Res<T> = Result<T, Fail>;

const USAGE: &str = "\
saring — checks election claims against official facts and debunked hoaxes

Usage:
  saring check [--format text|json|jsonl] [--html] [--url URL] [--lang id|en|auto]
               [--bundle FILE]... [--fail-on VERDICT,...] [FILE|-]...
  saring bundle check FILE...
  saring bundle stats [--format text|json] [--bundle FILE]...
  saring bundle build [--check] [--out FILE] [FILE...]
  saring bundle import [--check] [--out FILE] [--report FILE] [CSV...]

Verdicts: verified, contradicted, debunked, unverified.
Exit status: 0 ok; 1 a --fail-on verdict was found; 2 usage or input error.
";

/// Runs the CLI with `args` (without the program name) and returns the exit status.
pub fn run(args: &[String], io: &mut Io<'_>) -> i32 {
    let result = match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => {
            let _ = io.stdout.write_all(USAGE.as_bytes());
            Ok(0)
        }
        Some("-V") | Some("--version") => {
            let _ = writeln!(io.stdout, "saring {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        Some("check") => check(&args[1..], io),
        Some("bundle") => match args.get(1).map(String::as_str) {
            Some("check") => bundle_check(&args[2..], io),
            Some("stats") => bundle_stats(&args[2..], io),
            Some("build") => bundle_build(&args[2..], io),
            Some("import") => bundle_import(&args[2..], io),
            Some(other) => Err(Fail(format!(
                "unknown bundle command '{other}'; use check, stats or build"
            ))),
            None => Err(Fail("bundle needs a command: check, stats or build".into())),
        },
        Some(other) => Err(Fail(format!(
            "unknown command '{other}'; run 'saring --help' for usage"
        ))),
    };
    match result {
        Ok(code) => {
            let _ = io.stdout.flush();
            code
        }
        Err(Fail(msg)) => {
            let _ = io.stdout.flush();
            // One line, whatever the file names or bundle texts inside the message hold.
            let line: String = msg
                .chars()
                .flat_map(|c| {
                    if c.is_control() {
                        c.escape_default().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect();
            let _ = writeln!(io.stderr, "saring: {line}");
            2
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

/// Takes the value of an option given as `--opt VALUE` or `--opt=VALUE`.
fn value_of(args: &[String], i: &mut usize, name: &str) -> Res<String> {
    let a = &args[*i];
    if let Some(v) = a.strip_prefix(&format!("{name}=")) {
        return Ok(v.to_string());
    }
    *i += 1;
    args.get(*i)
        .cloned()
        .ok_or_else(|| Fail(format!("{name} needs a value")))
}

fn parse_format(v: &str, allowed: &[&str]) -> Res<Format> {
    if !allowed.contains(&v) {
        return Err(Fail(format!(
            "--format must be one of {}, not '{v}'",
            allowed.join(", ")
        )));
    }
    Ok(match v {
        "json" => Format::Json,
        "jsonl" => Format::Jsonl,
        _ => Format::Text,
    })
}

fn read_file(path: &str) -> Res<Vec<u8>> {
    std::fs::read(path).map_err(|e| Fail(format!("cannot read {path}: {}", io_reason(&e))))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

fn utf8(name: &str, bytes: Vec<u8>) -> Res<String> {
    String::from_utf8(bytes).map_err(|e| {
        Fail(format!(
            "{name} is not valid UTF-8 (at byte {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads a bundle file, refusing one over [`MAX_BUNDLE_BYTES`] before reading it (by its
/// size on disk) and while reading it (a pipe or a device has no size). The outer error is a
/// file that cannot be read at all; the inner one a file that is not a bundle.
fn read_bundle(path: &str) -> Res<Result<String, BundleError>> {
    use std::io::Read;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && let Err(e) = check_size(path, meta.len())
    {
        return Ok(Err(e));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Fail(format!("cannot read {path}: {}", io_reason(&e))))?;
    let mut bytes = Vec::new();
    file.take(MAX_BUNDLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Fail(format!("cannot read {path}: {}", io_reason(&e))))?;
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Ok(Err(BundleError {
            file: path.to_string(),
            path: "$".into(),
            message: format!(
                "the file holds more than {} MiB; bundles are limited to that — split it into several files",
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
        }));
    }
    Ok(Ok(utf8(path, bytes)?))
}

fn load_engine(bundles: &[String]) -> Res<Engine> {
    let mut engine = Engine::new().map_err(Fail)?;
    for path in bundles {
        let json = read_bundle(path)?.map_err(|e| Fail(e.to_string()))?;
        engine
            .add_bundle_json(path, &json)
            .map_err(|errs| Fail(first_error(&errs)))?;
    }
    Ok(engine)
}

fn first_error(errs: &[crate::bundle::validate::BundleError]) -> String {
    match errs {
        [] => "invalid bundle".into(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

fn is_html_name(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.ends_with(".html") || l.ends_with(".htm")
}

fn check(args: &[String], io: &mut Io<'_>) -> Res<i32> {
    let mut format = Format::Text;
    let mut html = false;
    let mut url: Option<String> = None;
    let mut lang: Option<Lang> = None;
    let mut bundles: Vec<String> = Vec::new();
    let mut fail_on: Vec<Verdict> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let a = args[i].as_str();
        if only_files || a == "-" || !a.starts_with('-') {
            files.push(a.to_string());
        } else if a == "--" {
            only_files = true;
        } else if a == "--html" {
            html = true;
        } else if a == "--format" || a.starts_with("--format=") {
            format = parse_format(
                &value_of(args, &mut i, "--format")?,
                &["text", "json", "jsonl"],
            )?;
        } else if a == "--url" || a.starts_with("--url=") {
            url = Some(value_of(args, &mut i, "--url")?);
        } else if a == "--lang" || a.starts_with("--lang=") {
            let v = value_of(args, &mut i, "--lang")?;
            lang = match v.as_str() {
                "auto" => None,
                other => Some(Lang::parse(other).ok_or_else(|| {
                    Fail(format!("--lang must be id, en or auto, not '{other}'"))
                })?),
            };
        } else if a == "--bundle" || a.starts_with("--bundle=") {
            bundles.push(value_of(args, &mut i, "--bundle")?);
        } else if a == "--fail-on" || a.starts_with("--fail-on=") {
            for v in value_of(args, &mut i, "--fail-on")?.split(',') {
                let v = v.trim();
                fail_on.push(Verdict::parse(v).ok_or_else(|| {
                    Fail(format!(
                        "--fail-on takes verdicts (verified, contradicted, debunked, unverified), not '{v}'"
                    ))
                })?);
            }
        } else {
            return Err(Fail(format!(
                "unknown option '{a}'; run 'saring --help' for usage"
            )));
        }
        i += 1;
    }
    let engine = load_engine(&bundles)?;
    let opts = CheckOptions {
        lang,
        url: url.clone(),
    };

    if format == Format::Jsonl {
        if !files.is_empty() && files != ["-"] {
            return Err(Fail(
                "--format jsonl reads standard input; pipe the lines in instead of naming files"
                    .into(),
            ));
        }
        return jsonl(&engine, &opts, html, &fail_on, io);
    }

    if files.is_empty() {
        files.push("-".into());
    }
    // Read every input before printing anything, so that an unreadable file fails the run
    // cleanly instead of after half a report.
    let mut inputs: Vec<(String, String)> = Vec::new();
    for f in &files {
        let bytes = if f == "-" {
            let mut buf = Vec::new();
            io.stdin
                .read_to_end(&mut buf)
                .map_err(|e| Fail(format!("cannot read standard input: {}", io_reason(&e))))?;
            buf
        } else {
            read_file(f)?
        };
        let name = if f == "-" { "<stdin>" } else { f.as_str() };
        let mut text = utf8(name, bytes)?;
        if html || (f != "-" && is_html_name(f)) {
            text = visible_text(&text);
        }
        inputs.push((name.to_string(), text));
    }

    let mut reports = Vec::new();
    let mut failed = false;
    for (name, text) in &inputs {
        let r = engine.check(text, &opts);
        failed |= r.claims.iter().any(|c| fail_on.contains(&c.verdict));
        reports.push((name.clone(), url.clone(), r));
    }
    match format {
        Format::Json => {
            let _ = writeln!(io.stdout, "{}", json::document(&reports));
        }
        _ => {
            for ((name, text), (_, _, r)) in inputs.iter().zip(&reports) {
                let lang = lang.unwrap_or(r.lang);
                let _ = write!(io.stdout, "{}", text::render(name, text, r, lang, io.color));
                let _ = writeln!(io.stdout);
            }
        }
    }
    Ok(if failed { 1 } else { 0 })
}

fn jsonl(
    engine: &Engine,
    opts: &CheckOptions,
    html: bool,
    fail_on: &[Verdict],
    io: &mut Io<'_>,
) -> Res<i32> {
    let mut failed = false;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = io
            .stdin
            .read_until(b'\n', &mut buf)
            .map_err(|e| Fail(format!("cannot read standard input: {}", io_reason(&e))))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let out = match jsonl_line(engine, opts, html, &buf) {
            Ok(None) => continue,
            Ok(Some((id, report))) => {
                failed |= report.claims.iter().any(|c| fail_on.contains(&c.verdict));
                json::line(&id, &report)
            }
            Err(msg) => serde_json::json!({"id": null, "line": line_no, "error": msg}).to_string(),
        };
        let _ = writeln!(io.stdout, "{out}");
    }
    Ok(if failed { 1 } else { 0 })
}

fn jsonl_line(
    engine: &Engine,
    opts: &CheckOptions,
    html: bool,
    raw: &[u8],
) -> Result<Option<(serde_json::Value, crate::Report)>, String> {
    let line = std::str::from_utf8(raw)
        .map_err(|e| format!("not valid UTF-8 at byte {}", e.valid_up_to()))?;
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = v
        .as_object()
        .ok_or("each line must be a JSON object {\"id\":…,\"text\":…}")?;
    let id = obj.get("id").cloned().ok_or("missing \"id\"")?;
    let text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("missing \"text\" (a string)")?;
    let mut o = opts.clone();
    if let Some(u) = obj.get("url") {
        o.url = Some(u.as_str().ok_or("\"url\" must be a string")?.to_string());
    }
    let report = if html {
        engine.check(&visible_text(text), &o)
    } else {
        engine.check(text, &o)
    };
    Ok(Some((id, report)))
}

fn bundle_check(args: &[String], io: &mut Io<'_>) -> Res<i32> {
    if args.is_empty() {
        return Err(Fail("bundle check needs one or more bundle files".into()));
    }
    if let Some(a) = args.iter().find(|a| a.starts_with('-')) {
        return Err(Fail(format!("unknown option '{a}' for bundle check")));
    }
    let base = Engine::new().map_err(Fail)?.known();
    let mut bad = 0usize;
    for path in args {
        let result = read_bundle(path)?
            .and_then(|json| parse(path, &json))
            .map_err(|e| vec![e])
            .and_then(|f| compile(&[(path.clone(), f)], &base));
        match result {
            Ok(c) => {
                let _ = writeln!(
                    io.stdout,
                    "{}: ok — {} facts, {} debunked claims, {} sources, {} entities",
                    inert(path),
                    c.facts.len(),
                    c.debunked.len(),
                    c.sources.len(),
                    c.entities.len()
                );
            }
            Err(errs) => {
                bad += 1;
                for e in &errs {
                    let _ = writeln!(io.stdout, "{}", inert(&e.to_string()));
                }
            }
        }
    }
    if bad > 0 {
        return Err(Fail(format!(
            "{bad} of {} bundle files are invalid (problems listed above)",
            args.len()
        )));
    }
    Ok(0)
}

fn bundle_stats(args: &[String], io: &mut Io<'_>) -> Res<i32> {
    let mut format = Format::Text;
    let mut bundles = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--format" || a.starts_with("--format=") {
            format = parse_format(&value_of(args, &mut i, "--format")?, &["text", "json"])?;
        } else if a == "--bundle" || a.starts_with("--bundle=") {
            bundles.push(value_of(args, &mut i, "--bundle")?);
        } else {
            return Err(Fail(format!("unknown argument '{a}' for bundle stats")));
        }
        i += 1;
    }
    let engine = load_engine(&bundles)?;
    let all: Vec<&Compiled> = engine.bundles().collect();
    let stats = stats_json(&all);
    match format {
        Format::Json => {
            let _ = writeln!(
                io.stdout,
                "{}",
                serde_json::to_string_pretty(&stats).unwrap_or_default()
            );
        }
        _ => {
            for c in &all {
                let _ = writeln!(
                    io.stdout,
                    "{} ({}) version {} — hash {}",
                    inert(&c.meta.name),
                    c.meta.id,
                    inert(&c.meta.version),
                    c.hash
                );
            }
            let _ = writeln!(io.stdout, "facts:     {}", stats["facts"]);
            let _ = writeln!(io.stdout, "debunked:  {}", stats["debunked"]);
            let _ = writeln!(io.stdout, "sources:   {}", stats["sources"]);
            let _ = writeln!(io.stdout, "entities:  {}", stats["entities"]);
            for (key, label) in [
                ("facts_by_topic", "facts by topic"),
                ("debunked_by_year", "debunked by year"),
                ("sources_by_kind", "sources by kind"),
            ] {
                let _ = writeln!(io.stdout, "{label}:");
                if let Some(m) = stats[key].as_object() {
                    for (k, v) in m {
                        let _ = writeln!(io.stdout, "  {:<16} {v}", inert(k));
                    }
                }
            }
        }
    }
    Ok(0)
}

fn stats_json(all: &[&Compiled]) -> serde_json::Value {
    let stats = crate::bundle::index::stats(all);
    let first = all.first();
    serde_json::json!({
        "id": first.map(|c| c.meta.id.clone()),
        "name": first.map(|c| c.meta.name.clone()),
        "version": first.map(|c| c.meta.version.clone()),
        "hash": first.map(|c| c.hash.clone()),
        "facts": all.iter().map(|c| c.facts.len()).sum::<usize>(),
        "debunked": all.iter().map(|c| c.debunked.len()).sum::<usize>(),
        "sources": all.iter().map(|c| c.sources.len()).sum::<usize>(),
        "entities": all.iter().map(|c| c.entities.len()).sum::<usize>(),
        "bundles": all.iter().map(|c| serde_json::json!({
            "id": c.meta.id, "name": c.meta.name, "version": c.meta.version, "hash": c.hash,
            "facts": c.facts.len(), "debunked": c.debunked.len(), "sources": c.sources.len(),
        })).collect::<Vec<_>>(),
        "facts_by_topic": stats["facts_by_topic"],
        "debunked_by_year": stats["debunked_by_year"],
        "debunked_by_topic": stats["debunked_by_topic"],
        "sources_by_kind": stats["sources_by_kind"],
    })
}

/// The JSON sources of the default bundle: `data/*.json`, sorted by name.
fn default_sources() -> Res<Vec<PathBuf>> {
    let dir = Path::new("data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| {
            Fail(format!(
                "cannot read data/: {}; run this from the repository root",
                io_reason(&e)
            ))
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn bundle_build(args: &[String], io: &mut Io<'_>) -> Res<i32> {
    let mut check_only = false;
    let mut out = PathBuf::from("data/compiled/default.bundle");
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--check" {
            check_only = true;
        } else if a == "--out" || a.starts_with("--out=") {
            out = PathBuf::from(value_of(args, &mut i, "--out")?);
        } else if a.starts_with('-') {
            return Err(Fail(format!("unknown option '{a}' for bundle build")));
        } else {
            inputs.push(PathBuf::from(a));
        }
        i += 1;
    }
    if inputs.is_empty() {
        inputs = default_sources()?;
    }
    let mut files: Vec<(String, BundleFile)> = Vec::new();
    for p in &inputs {
        let name = p.display().to_string();
        let json = utf8(&name, read_file(&name)?)?;
        files.push((
            name.clone(),
            parse(&name, &json).map_err(|e| Fail(e.to_string()))?,
        ));
    }
    let compiled = compile(&files, &Known::default()).map_err(|errs| Fail(first_error(&errs)))?;
    let bytes = compiled.to_bytes();
    let summary = format!(
        "{} facts, {} debunked claims, {} sources, {} entities; {} bytes; version {}, hash {}",
        compiled.facts.len(),
        compiled.debunked.len(),
        compiled.sources.len(),
        compiled.entities.len(),
        bytes.len(),
        compiled.meta.version,
        compiled.hash
    );
    // The index files sit next to the compiled bundle.
    let dir = out.parent().map(Path::to_path_buf).unwrap_or_default();
    let index_json = serde_json::to_string_pretty(&crate::bundle::index::index_json(&compiled))
        .map_err(|e| Fail(e.to_string()))?
        + "\n";
    let index_md = crate::bundle::index::index_markdown(&compiled);
    let outputs = [
        (out.clone(), bytes.clone()),
        (dir.join("index.json"), index_json.into_bytes()),
        (dir.join("INDEX.md"), index_md.into_bytes()),
    ];
    let mut stale = Vec::new();
    for (path, content) in &outputs {
        if !write_or_check(path, content, check_only, io)? {
            stale.push(path.display().to_string());
        }
    }
    if check_only {
        if !stale.is_empty() {
            let _ = writeln!(
                io.stdout,
                "stale: {}; rebuild with `saring bundle build` ({summary})",
                stale.join(", ")
            );
            return Ok(1);
        }
        let _ = writeln!(io.stdout, "{} is up to date ({summary})", out.display());
        return Ok(0);
    }
    let _ = writeln!(
        io.stdout,
        "wrote {} with index.json and INDEX.md ({summary})",
        out.display()
    );
    Ok(0)
}

/// Drops `null`s and empty lists from a JSON value, so that written bundle files hold only
/// what was said.
fn strip_empty(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|_, x| !(x.is_null() || x.as_array().is_some_and(Vec::is_empty)));
            m.values_mut().for_each(strip_empty);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_empty),
        _ => {}
    }
}

/// Writes `bytes` to `path`, or with `check` only compares; returns whether it was current.
fn write_or_check(path: &Path, bytes: &[u8], check: bool, io: &mut Io<'_>) -> Res<bool> {
    let current = std::fs::read(path).ok();
    let same = current.as_deref() == Some(bytes);
    if check {
        if !same {
            let _ = writeln!(io.stdout, "{} is stale", path.display());
        }
        return Ok(same);
    }
    if !same {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| {
                Fail(format!(
                    "cannot create {}: {}",
                    dir.display(),
                    io_reason(&e)
                ))
            })?;
        }
        std::fs::write(path, bytes).map_err(|e| {
            Fail(format!(
                "cannot write {}: {}",
                path.display(),
                io_reason(&e)
            ))
        })?;
    }
    Ok(same)
}

fn bundle_import(args: &[String], io: &mut Io<'_>) -> Res<i32> {
    use crate::bundle::import::{Report, import, read_rows, report_markdown};
    let mut check_only = false;
    let mut out = PathBuf::from("data/hoaxes.json");
    let mut report_path = PathBuf::from("data/hoaxes-import.md");
    let mut entities_path = PathBuf::from("data/entities.json");
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--check" {
            check_only = true;
        } else if a == "--out" || a.starts_with("--out=") {
            out = PathBuf::from(value_of(args, &mut i, "--out")?);
        } else if a == "--report" || a.starts_with("--report=") {
            report_path = PathBuf::from(value_of(args, &mut i, "--report")?);
        } else if a == "--entities" || a.starts_with("--entities=") {
            entities_path = PathBuf::from(value_of(args, &mut i, "--entities")?);
        } else if a.starts_with('-') {
            return Err(Fail(format!("unknown option '{a}' for bundle import")));
        } else {
            inputs.push(PathBuf::from(a));
        }
        i += 1;
    }
    if inputs.is_empty() {
        let dir = Path::new("data/hoaxes");
        inputs = std::fs::read_dir(dir)
            .map_err(|e| {
                Fail(format!(
                    "cannot read {}: {}; run this from the repository root",
                    dir.display(),
                    io_reason(&e)
                ))
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        inputs.sort();
    }
    // Names come from the entities file itself, not from the compiled bundle, which is built
    // from this import's output.
    let ename = entities_path.display().to_string();
    let efile =
        parse(&ename, &utf8(&ename, read_file(&ename)?)?).map_err(|e| Fail(e.to_string()))?;
    let entities = crate::extract::names::EntityIndex::new(&efile.entities);

    let mut report = Report::default();
    let mut rows = Vec::new();
    for p in &inputs {
        let name = p.display().to_string();
        let text = utf8(&name, read_file(&name)?)?;
        let (r, bad) = read_rows(&name, &text).map_err(Fail)?;
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        report.per_file.insert(base, r.len() + bad.len());
        report.rows += bad.len();
        report.dropped.extend(bad);
        rows.extend(r);
    }
    let entries = import(rows, &entities, "mafindo", &mut report);
    let file = BundleFile {
        schema_version: crate::bundle::schema::SCHEMA_VERSION,
        debunked: entries,
        ..Default::default()
    };
    let mut json = serde_json::to_value(&file).map_err(|e| Fail(e.to_string()))?;
    strip_empty(&mut json);
    let text = serde_json::to_string_pretty(&json).map_err(|e| Fail(e.to_string()))? + "\n";
    let md = report_markdown(&report);
    let same_json = write_or_check(&out, text.as_bytes(), check_only, io)?;
    let same_md = write_or_check(&report_path, md.as_bytes(), check_only, io)?;
    let summary = format!(
        "{} rows read, {} dropped, {} folded, {} entries",
        report.rows,
        report.dropped.len(),
        report.folded.len(),
        report.entries
    );
    if check_only {
        if same_json && same_md {
            let _ = writeln!(
                io.stdout,
                "{} and {} are up to date ({summary})",
                out.display(),
                report_path.display()
            );
            return Ok(0);
        }
        let _ = writeln!(io.stdout, "rerun `saring bundle import` ({summary})");
        return Ok(1);
    }
    let _ = writeln!(
        io.stdout,
        "wrote {} and {} ({summary})",
        out.display(),
        report_path.display()
    );
    Ok(0)
}
