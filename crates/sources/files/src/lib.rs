//! The file source: manifests and `kubectl get -o json|yaml` dumps become [`Object`]s.
//!
//! Accepts files, directories (recursively: `.yaml`, `.yml`, `.json`, each also gzipped as
//! `.gz`; gzip is recognised by its magic bytes, whatever the name) and `-` for stdin;
//! multi-document YAML; JSON (one value, an array, or several concatenated); `List` and `*List`
//! kinds whose items lack `kind`; objects serialized without `kind` but with a `selfLink`.
//!
//! Bad input never stops the load: a document that cannot be read becomes a [`Diagnostic`] with
//! file, line and column, and the rest loads. Only a path that does not exist is an error.
//!
//! ```
//! use kubegraph_files::{load_bytes, LoadOptions};
//!
//! let yaml = "\
//! apiVersion: v1
//! kind: ConfigMap
//! metadata: {name: settings}
//! ---
//! apiVersion: v1
//! kind: [broken
//! ---
//! apiVersion: v1
//! kind: PodList
//! items:
//! - metadata: {name: web-1, namespace: shop}
//! ";
//! let loaded = load_bytes("app.yaml", yaml.as_bytes(), &LoadOptions::default());
//! let objects: Vec<String> = loaded
//!     .objects
//!     .iter()
//!     .map(|o| format!("{} {}/{}", o.kind, o.namespace.as_deref().unwrap_or(""), o.name))
//!     .collect();
//! // The ConfigMap lands in `default`; the list's item takes its kind from the list.
//! assert_eq!(objects, ["ConfigMap default/settings", "Pod shop/web-1"]);
//! // The broken document is one warning, located; the documents around it still load.
//! assert_eq!(loaded.diagnostics.len(), 1);
//! assert!(loaded.diagnostics[0].to_string().starts_with("app.yaml:7:1: invalid YAML"));
//! ```

mod documents;
mod expand;
mod finish;
mod gzip;
mod split;
mod yaml;

use kubegraph_model::json::{JsonValueTrait, Value};
use kubegraph_model::{Diagnostic, Location, Object};
use rayon::prelude::*;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use documents::split_yaml_documents;

/// How a load fills in what the input leaves out.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// The namespace given to objects of namespaced kinds that have none (`-n`).
    pub default_namespace: String,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            default_namespace: "default".into(),
        }
    }
}

/// What a load produced: the objects (deduplicated, namespaces defaulted) and the warnings.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every object read, once: of two with the same identity, the one read last.
    pub objects: Vec<Object>,
    /// What could not be read, and duplicates replaced, each located in its file.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
    /// The objects of namespaced kinds that had no namespace and were given the default one
    /// (group, kind, name).
    pub defaulted: Vec<(String, String, String)>,
}

/// Why a load could not start: a path given that cannot be read (it does not exist, or a folder
/// cannot be listed). A file that is read but does not parse is a [`Diagnostic`] instead.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A path that cannot be read.
    #[error("{path}: {error}")]
    Unreadable {
        /// The path, as given (or the entry of a folder that failed).
        path: String,
        /// Why.
        error: std::io::Error,
    },
}

/// An object and where it was read from, before namespaces and duplicates are settled.
pub(crate) struct Located {
    pub object: Object,
    pub location: Location,
}

/// Stack of each loader thread. Parsers and the conversions after them recurse once per level
/// of nesting; serde stops at 128 levels, but a level of a debug build takes kilobytes of
/// stack, and rayon's default 2 MB overflowed on input nested that deep, which aborts the
/// process. Only touched pages cost memory.
const STACK_BYTES: usize = 16 << 20;

/// Runs `f` on the loader's own threads (one per core, [`STACK_BYTES`] of stack each), or
/// where it is called if they cannot be started.
fn on_loader_threads<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(STACK_BYTES)
            .thread_name(|i| format!("kubegraph-load-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// Reads every path (file, directory or `-`), in order; later objects win over earlier ones.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded, LoadError> {
    on_loader_threads(|| load_paths_here(paths, options))
}

fn load_paths_here(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files)?;
    }
    let parsed: Vec<(Vec<Located>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|file| {
            let mut located = Vec::new();
            let mut diagnostics = Vec::new();
            match read_input(file) {
                Ok(input) => {
                    let release = |r: Range<usize>| input.release(r);
                    parse_file(
                        &display_name(file),
                        &input,
                        &release,
                        &mut located,
                        &mut diagnostics,
                    )
                }
                Err(e) => diagnostics.push(
                    Diagnostic::new(format!("cannot read: {e}"))
                        .at(location(&display_name(file), None))
                        .skipped(),
                ),
            }
            (located, diagnostics)
        })
        .collect();
    let mut located = Vec::new();
    let mut diagnostics = Vec::new();
    for (l, d) in parsed {
        located.extend(l);
        diagnostics.extend(d);
    }
    let mut loaded = finish::finish(located, options, diagnostics);
    loaded.files = files.len();
    Ok(loaded)
}

/// Loads JSON through the list splitter whatever its size. For the differential fuzz target,
/// which checks that the split path and the whole-document path agree on any input.
#[doc(hidden)]
pub fn load_json_split(name: &str, bytes: &[u8], options: &LoadOptions) -> Loaded {
    on_loader_threads(|| {
        let mut located = Vec::new();
        let mut diagnostics = Vec::new();
        parse_json_with(name, bytes, 0, &|_| {}, &mut located, &mut diagnostics);
        let mut loaded = finish::finish(located, options, diagnostics);
        loaded.files = 1;
        loaded
    })
}

/// Reads one in-memory input as if it were a file called `name`.
pub fn load_bytes(name: &str, bytes: &[u8], options: &LoadOptions) -> Loaded {
    on_loader_threads(|| {
        let mut located = Vec::new();
        let mut diagnostics = Vec::new();
        parse_file(name, bytes, &|_| {}, &mut located, &mut diagnostics);
        let mut loaded = finish::finish(located, options, diagnostics);
        loaded.files = 1;
        loaded
    })
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// A file's bytes: read into memory for stdin, mapped for files. The JSON parser copies its input
/// into an arena of its own, so reading a large dump into a buffer first would hold it twice and
/// pay for zeroing the pages of the extra copy.
enum Input {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl Input {
    /// Gives back the pages of a range that has been parsed, so that a large dump is never
    /// resident whole next to the objects made from it.
    fn release(&self, range: Range<usize>) {
        if let Input::Mapped(map) = self {
            // `unsafe` because some advice (`DontNeed` on a private, written mapping) throws data
            // away under Rust's feet. Sound here: the mapping is read-only and shared
            // (`Mmap::map` maps `PROT_READ`, `MAP_SHARED`), so nothing was ever written to it; its
            // dropped pages are read again from the file if touched, with the same bytes, and
            // the range is within the map (it comes from parsing these bytes). With the map in
            // `read_input`, one of the two uses of `unsafe` the workspace's lints allow.
            #[allow(unsafe_code)]
            let _ = unsafe {
                map.unchecked_advise_range(
                    memmap2::UncheckedAdvice::DontNeed,
                    range.start,
                    range.len(),
                )
            };
        }
    }
}

impl std::ops::Deref for Input {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Input::Read(v) => v,
            Input::Mapped(m) => m,
        }
    }
}

fn read_input(path: &Path) -> std::io::Result<Input> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        return gzip::decompress_if_gzip(buf).map(Input::Read);
    }
    let file = std::fs::File::open(path)?;
    // Small files are cheaper to read; mapping an empty file is an error on some systems.
    if file.metadata()?.len() < 1 << 20 {
        return std::fs::read(path)
            .and_then(gzip::decompress_if_gzip)
            .map(Input::Read);
    }
    if gzip::is_gzip_file(&file)? {
        return gzip::decompress(file).map(Input::Read);
    }
    // `unsafe` because Rust cannot promise that the bytes behind the map's `&[u8]` stay as they
    // are if another process writes to or truncates the file meanwhile. Sound on the premise
    // every program that maps its input works on (ripgrep does the same): kubegraph reads
    // manifests and finished dumps, not files being written. The map is read-only and dropped
    // as soon as this file is parsed; a file truncated under it faults (SIGBUS) instead of
    // being read wrong. Allowed here only: the workspace denies `unsafe_code`.
    #[allow(unsafe_code)]
    let map = unsafe { memmap2::Mmap::map(&file)? };
    Ok(Input::Mapped(map))
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    if path == Path::new("-") {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let meta = std::fs::metadata(path).map_err(|error| LoadError::Unreadable {
        path: path.display().to_string(),
        error,
    })?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let walker = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| LoadError::Unreadable {
            path: e
                .path()
                .map_or_else(|| path.display().to_string(), |p| p.display().to_string()),
            error: e.into(),
        })?;
        let is_manifest = entry.file_type().is_file() && gzip::is_manifest_name(entry.path());
        if is_manifest {
            out.push(entry.into_path());
        }
    }
    Ok(())
}

pub(crate) fn location(file: &str, line_col: Option<(usize, usize)>) -> Location {
    Location {
        file: file.to_string(),
        line: line_col.map(|l| l.0),
        column: line_col.map(|l| l.1),
    }
}

/// Parses one file's bytes: JSON when it starts with `{` or `[`, YAML otherwise.
/// Releases a parsed byte range of the input (see [`Input::release`]).
type Release<'a> = &'a (dyn Fn(Range<usize>) + Sync);

fn parse_file(
    name: &str,
    bytes: &[u8],
    release: Release,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    let unprefixed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let offset = bytes.len() - unprefixed.len();
    let bytes = unprefixed;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'{' | b'[')) {
        let release = |r: Range<usize>| release(r.start + offset..r.end + offset);
        parse_json(name, bytes, &release, out, diags);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => yaml::parse(name, text, out, diags),
            Err(e) => diags.push(
                Diagnostic::new(format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                ))
                .at(location(name, None))
                .hint("kubegraph reads YAML and JSON manifests; this file is skipped")
                .skipped(),
            ),
        }
    }
}

/// Documents at least this large are split into their items when they are lists.
pub(crate) const SPLIT_MIN_BYTES: usize = 4 << 20;
/// How much input a parallel batch of items covers before its pages are released.
const BATCH_BYTES: usize = 8 << 20;

fn parse_json(
    name: &str,
    bytes: &[u8],
    release: Release,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    parse_json_with(name, bytes, SPLIT_MIN_BYTES, release, out, diags)
}

fn parse_json_with(
    name: &str,
    bytes: &[u8],
    split_min_bytes: usize,
    release: Release,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    if bytes.len() >= split_min_bytes {
        if let Some(split) = split::split(bytes) {
            if parse_items(name, bytes, split, release, out, diags) {
                return;
            }
        }
    }
    // Nested too deep for sonic-rs (split::MAX_DEPTH): read as a stream, whose parsers stop at
    // that depth with a located error.
    let deep = split::too_deep(bytes).is_some();
    let e = match (!deep).then(|| sonic_rs::from_slice::<Value>(bytes)) {
        Some(Ok(v)) => return expand::expand(v, &location(name, None), out, diags),
        Some(Err(e)) => Some(e),
        None => None,
    };
    // Several concatenated values (`kubectl get -w -o json`, `jq -c '.items[]'`): a large stream
    // is split like a list's items; otherwise sonic-rs's stream cannot tell a clean end from a
    // truncated value, so serde_json's reads them.
    let Some(e) = e.filter(|e| {
        !e.to_string()
            .starts_with("JSON has non-whitespace trailing characters")
    }) else {
        if bytes.len() >= split_min_bytes {
            if let Some(items) = split::split_stream(bytes) {
                let split = split::Split { array: None, items };
                if parse_items(name, bytes, split, release, out, diags) {
                    return;
                }
            }
        }
        return parse_json_stream(name, bytes, out, diags);
    };
    let message = e.to_string();
    let first_line = message.lines().next().unwrap_or("");
    diags.push(
        Diagnostic::new(format!("invalid JSON: {}", strip_position(first_line)))
            .at(location(name, Some((e.line(), e.column()))))
            .hint("this file is skipped")
            .skipped(),
    );
}

/// Parses a large list item by item, on every core, a batch at a time, releasing each batch's
/// input once its items are values. Returns `false` (having done nothing) when the document is an
/// object that is not a list, so the caller parses it whole.
fn parse_items(
    name: &str,
    bytes: &[u8],
    split: split::Split,
    release: Release,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let header = match &split.array {
        Some(array) => {
            let mut doc = Vec::with_capacity(bytes.len() - array.len() + 2);
            doc.extend_from_slice(&bytes[..array.start]);
            doc.extend_from_slice(b"[]");
            doc.extend_from_slice(&bytes[array.end..]);
            let Ok(list) = sonic_rs::from_slice::<Value>(&doc) else {
                return false;
            };
            if !expand::is_list(&list) {
                return false;
            }
            let kind = list.get("kind").and_then(|k| k.as_str()).unwrap_or("");
            expand::ListHeader::new(kind, list.get("apiVersion").and_then(|v| v.as_str()))
        }
        None => expand::ListHeader::new("", None),
    };
    let loc = location(name, None);
    let batches = batches(&split.items, BATCH_BYTES);
    // One batch per thread at a time: parallel, yet only a few batches of input resident at once.
    for round in batches.chunks(rayon::current_num_threads().max(1)) {
        let parsed: Vec<Vec<Result<Value, Diagnostic>>> = round
            .par_iter()
            .map(|batch| parse_batch(name, bytes, &split.items[batch.clone()]))
            .collect();
        for value in parsed.into_iter().flatten() {
            match value {
                Ok(v) => expand::expand_item(&header, v, &loc, out, diags),
                Err(d) => diags.push(d),
            }
        }
        let (first, last) = (round[0].start, round[round.len() - 1].end - 1);
        release(split.items[first].start..split.items[last].end);
    }
    true
}

/// Consecutive items covering about `max_bytes` of input each (at least one item each), as
/// ranges of indices into `items`.
pub(crate) fn batches(items: &[Range<usize>], max_bytes: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    while first < items.len() {
        let mut size = 0;
        let n = items[first..]
            .iter()
            .take_while(|r| {
                size += r.len();
                size <= max_bytes
            })
            .count()
            .max(1);
        out.push(first..first + n);
        first += n;
    }
    out
}

/// Parses a batch of items as one minified array (one parser arena for the batch); if the batch
/// does not parse, parses its items one by one so that only the broken ones are lost, each with
/// its line and column.
fn parse_batch(name: &str, bytes: &[u8], batch: &[Range<usize>]) -> Vec<Result<Value, Diagnostic>> {
    let span = batch[0].start..batch[batch.len() - 1].end;
    let mut doc = Vec::with_capacity(span.len() + 2);
    doc.push(b'[');
    // Item by item, with commas of its own: the items of a stream have none between them.
    let mut deepest = 0;
    for (i, item) in batch.iter().enumerate() {
        if i > 0 {
            doc.push(b',');
        }
        deepest = deepest.max(split::minify_into(&mut doc, &bytes[item.clone()]));
    }
    doc.push(b']');
    if deepest < split::MAX_DEPTH {
        if let Some(items) = sonic_rs::from_slice::<Value>(&doc)
            .ok()
            .and_then(Value::into_array)
        {
            return items.into_iter().map(Ok).collect();
        }
    }
    drop(doc);
    batch
        .iter()
        .map(|r| {
            let item = &bytes[r.clone()];
            if let Some(at) = split::too_deep(item) {
                let (line, column) = line_column(bytes, r.start + at);
                return Err(Diagnostic::new(format!(
                    "invalid JSON in a list item: nested deeper than {} levels",
                    split::MAX_DEPTH
                ))
                .at(location(name, Some((line, column))))
                .hint("this item is skipped; the other items still load"));
            }
            sonic_rs::from_slice::<Value>(item).map_err(|e| item_error(name, bytes, r, e))
        })
        .collect()
}

/// The 1-based line and column of byte `offset` of `bytes`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let column = offset - memchr::memrchr(b'\n', before).map_or(0, |p| p + 1) + 1;
    (line, column)
}

fn item_error(name: &str, bytes: &[u8], span: &Range<usize>, e: sonic_rs::Error) -> Diagnostic {
    let before = &bytes[..span.start];
    let line = memchr::memchr_iter(b'\n', before).count() + e.line();
    let column = match e.line() {
        1 => {
            span.start
                - before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1)
                + e.column()
        }
        _ => e.column(),
    };
    let message = e.to_string();
    Diagnostic::new(format!(
        "invalid JSON in a list item: {}",
        strip_position(message.lines().next().unwrap_or(""))
    ))
    .at(location(name, Some((line, column))))
    .hint("this item is skipped; the other items still load")
    .skipped()
}

fn parse_json_stream(
    name: &str,
    bytes: &[u8],
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    let stream = serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>();
    for value in stream {
        match value {
            Ok(v) => expand::expand(
                kubegraph_model::json::from_serde(&v),
                &location(name, None),
                out,
                diags,
            ),
            Err(e) => {
                diags.push(
                    Diagnostic::new(format!("invalid JSON: {}", strip_position(&e.to_string())))
                        .at(location(name, Some((e.line(), e.column()))))
                        .hint("the rest of this file is skipped; objects before this point were loaded")
                        .skipped(),
                );
                // A JSON stream cannot be resynchronised after a syntax error.
                break;
            }
        }
    }
}

/// One document of a YAML stream, parsed whole.
pub(crate) fn parse_yaml_document(
    name: &str,
    doc: &documents::Document,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    // sonic-rs values only deserialize from sonic-rs itself; YAML goes through serde_json,
    // which costs little at the sizes people write YAML in.
    let value: serde_json::Value = match serde_yaml_ng::from_str(doc.text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                yaml_error(name, &e, doc.first_line, "invalid YAML")
                    .hint("this document is skipped; the other documents of the file still load"),
            );
            return;
        }
    };
    if value.is_null() {
        return;
    }
    expand::expand(
        kubegraph_model::json::from_serde(&value),
        &location(name, Some((doc.first_line, 1))),
        out,
        diags,
    );
}

/// libyaml's error `e` on a text starting at line `first_line` of the file `name`, as
/// "`what`: problem", located at the file's line and column.
pub(crate) fn yaml_error(
    name: &str,
    e: &serde_yaml_ng::Error,
    first_line: usize,
    what: &str,
) -> Diagnostic {
    let line_col = e
        .location()
        .map(|l| (first_line + l.line() - 1, l.column()));
    let message = rebase_lines(&strip_first_position(&e.to_string()), first_line - 1);
    Diagnostic::new(format!("{what}: {message}"))
        .at(location(name, line_col.or(Some((first_line, 1)))))
        .skipped()
}

/// libyaml's messages read "<problem> at line L column C[, <context> at line L column C]"; the
/// first position is the diagnostic's location, so it is dropped from the text.
fn strip_first_position(message: &str) -> String {
    let Some(start) = message.find(" at line ") else {
        return message.to_string();
    };
    let rest = &message[start + " at line ".len()..];
    let end = rest
        .find(" column ")
        .map(|c| c + " column ".len())
        .map(|c| c + rest[c..].bytes().take_while(u8::is_ascii_digit).count())
        .unwrap_or(0);
    format!("{}{}", &message[..start], &rest[end..])
}

/// Positions in a document's error text count from the document's first line; the user needs
/// the file's line numbers.
fn rebase_lines(message: &str, offset: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let (head, tail) = rest.split_at(i + "line ".len());
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        match tail[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + offset).to_string()),
            Err(_) => out.push_str(&tail[..digits]),
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// serde's messages end in " at line L column C"; the location is already in the diagnostic.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests;
