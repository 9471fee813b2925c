//! `vanban._vanban`: the native half of the `vanban` Python package.
//!
//! Deliberately thin. It parses with the core, writes the contract JSON with its byte spans
//! turned into code-point offsets (Python `str` indices) once, here at the edge, and hands
//! Python plain dicts and lists (read from that JSON by the standard library's `json.loads`). The typed classes live in pure Python (`vanban/_types.py`, generated from
//! `schema/document.schema.json`), so a field added to the core's model shows up in Python
//! without touching this file.
//!
//! Guarantees: no Rust panic reaches Python (each parse runs under `catch_unwind`); `parse_many`
//! releases the GIL and runs on threads scoped to the call (no global pool, nothing started at
//! import, so it is safe after `fork`).

#![forbid(unsafe_code)]

mod frames;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

/// Why one input gave no document: the core refused it, or (a bug) the core panicked.
struct Failure {
    code: &'static str,
    message: String,
}

/// Parses one text to the contract JSON (UTF-8) with code-point spans. Never panics.
fn parse_to_json(text: &str, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let run = || -> Result<Vec<u8>, Failure> {
        let options = vanban::Options { max_bytes };
        let doc = vanban::parse_with(text, &options).map_err(|e| Failure {
            code: e.code(),
            message: e.to_string(),
        })?;
        Ok(vanban::OffsetConverter::new(text, vanban::Unit::CodePoints).to_json_bytes(&doc))
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Failure {
                code: "internal_error",
                message: format!("vanban failed on this input (a bug, please report it): {what}"),
            })
        }
    }
}

/// Turns the contract JSON into Python dicts and lists with the standard library's `json.loads`
/// (its C scanner builds the objects faster than one call into Python per value from here).
fn to_py<'py>(py: Python<'py>, json: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((PyBytes::new(py, json),))
}

/// The top-level members of the JSON object `json` (as written by `OffsetConverter::to_json`:
/// compact, no white space), as `(key, value's JSON text)` pairs in order. `None` when `json`
/// is not such an object.
fn members(json: &[u8]) -> Option<Vec<(&str, &[u8])>> {
    let b = json;
    // The end of the string whose opening quote is at `i` (the index after its closing quote).
    let string_end = |mut i: usize| -> Option<usize> {
        i += 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    };
    let mut out = Vec::with_capacity(32);
    if b.first() != Some(&b'{') {
        return None;
    }
    let mut i = 1;
    if b.get(i) == Some(&b'}') {
        return Some(out);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(i)?;
        let key = std::str::from_utf8(json.get(i + 1..key_end - 1)?).ok()?;
        if b.get(key_end) != Some(&b':') {
            return None;
        }
        let start = key_end + 1;
        let mut j = start;
        let mut depth = 0usize;
        loop {
            match *b.get(j)? {
                b'"' => j = string_end(j)?,
                b'{' | b'[' => {
                    depth += 1;
                    j += 1;
                }
                b'}' | b']' if depth > 0 => {
                    depth -= 1;
                    j += 1;
                }
                b',' | b'}' if depth == 0 => break,
                _ => j += 1,
            }
        }
        out.push((key, json.get(start..j)?));
        i = j + 1;
        if b[j] == b'}' {
            return (i == b.len()).then_some(out);
        }
    }
}

/// How a parsed document is handed to Python.
#[derive(Clone, Copy)]
enum Shape {
    /// The whole contract as dicts and lists.
    Dicts,
    /// A dict of the document's top-level fields, each value the field's JSON as `bytes`
    /// (decoded by `vanban.Document` only when the field is first read).
    Fields,
}

fn to_shape<'py>(py: Python<'py>, json: &[u8], shape: Shape) -> PyResult<Bound<'py, PyAny>> {
    match shape {
        Shape::Dicts => to_py(py, json),
        Shape::Fields => {
            let Some(members) = members(json) else {
                return to_py(py, json);
            };
            let dict = PyDict::new(py);
            for (key, value) in members {
                dict.set_item(PyString::intern(py, key), PyBytes::new(py, value))?;
            }
            Ok(dict.into_any())
        }
    }
}

/// Builds `vanban.ParseError(message, code)` (defined in Python, `vanban/_errors.py`).
fn parse_error(py: Python<'_>, failure: &Failure) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let cls = py.import("vanban._errors")?.getattr("ParseError")?;
        Ok(PyErr::from_value(
            cls.call1((failure.message.as_str(), failure.code))?,
        ))
    };
    make().unwrap_or_else(|e| e)
}

fn limit(max_bytes: Option<usize>) -> usize {
    max_bytes.unwrap_or(vanban::DEFAULT_MAX_BYTES)
}

fn parse_one<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_bytes: Option<usize>,
    shape: Shape,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text.to_cow()?;
    let max = limit(max_bytes);
    // Short inputs parse faster than the GIL hand-off costs; long ones let other threads run.
    let result = if text.len() > 16 * 1024 {
        py.detach(|| parse_to_json(&text, max))
    } else {
        parse_to_json(&text, max)
    };
    match result {
        Ok(json) => to_shape(py, &json, shape),
        Err(f) => Err(parse_error(py, &f)),
    }
}

/// parse(text, max_bytes=None) -> dict
///
/// The contract JSON of `text` as a dict; spans are code-point offsets into `text`.
/// Raises `vanban.ParseError` when `text` is larger than `max_bytes` UTF-8 bytes.
#[pyfunction]
#[pyo3(signature = (text, max_bytes=None))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    parse_one(py, text, max_bytes, Shape::Dicts)
}

/// parse_fields(text, max_bytes=None) -> dict[str, bytes]
///
/// Like `parse`, but each top-level field's value is left as its JSON text (`bytes`), for
/// `vanban.Document` to decode when the field is first read.
#[pyfunction]
#[pyo3(signature = (text, max_bytes=None))]
fn parse_fields<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    parse_one(py, text, max_bytes, Shape::Fields)
}

/// parse_many(texts, max_bytes=None, threads=None, first_index=0) -> list[dict]
///
/// `parse` over a list of str, in order, on up to `threads` parsing threads started for this
/// call (default: the number of CPUs). The GIL is released while parsing; this thread turns
/// parsed documents into Python objects meanwhile. The first text over `max_bytes` raises
/// `ParseError` before any parsing.
#[pyfunction]
#[pyo3(signature = (texts, max_bytes=None, threads=None, first_index=0))]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    max_bytes: Option<usize>,
    threads: Option<usize>,
    first_index: usize,
) -> PyResult<Bound<'py, PyList>> {
    many(py, texts, max_bytes, threads, first_index, Shape::Dicts)
}

/// parse_many_fields(texts, max_bytes=None, threads=None, first_index=0) -> list[dict[str, bytes]]
///
/// `parse_many` giving what `parse_fields` gives.
#[pyfunction]
#[pyo3(signature = (texts, max_bytes=None, threads=None, first_index=0))]
fn parse_many_fields<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    max_bytes: Option<usize>,
    threads: Option<usize>,
    first_index: usize,
) -> PyResult<Bound<'py, PyList>> {
    many(py, texts, max_bytes, threads, first_index, Shape::Fields)
}

/// The parsing of `parse_many` and `parse_many_fields`: parsing threads scoped to the call,
/// conversion to Python on this thread meanwhile.
fn many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    max_bytes: Option<usize>,
    threads: Option<usize>,
    first_index: usize,
    shape: Shape,
) -> PyResult<Bound<'py, PyList>> {
    let mut owned: Vec<String> = Vec::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        let s = t.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "parse_many: texts[{}] is {}, expected str",
                i + first_index,
                t.get_type()
                    .name()
                    .map_or_else(|_| "?".to_string(), |n| n.to_string())
            ))
        })?;
        owned.push(s.to_cow()?.into_owned());
    }
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "parse_many: threads must be at least 1",
        ));
    }
    let max = limit(max_bytes);
    // The one refusal, checked up front so the error names the first text over the limit.
    if let Some((i, text)) = owned.iter().enumerate().find(|(_, t)| t.len() > max) {
        let e = vanban::Error::InputTooLarge {
            len: text.len(),
            max,
        };
        let f = Failure {
            code: e.code(),
            message: format!("texts[{}]: {e}", i + first_index),
        };
        return Err(parse_error(py, &f));
    }
    let workers = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(owned.len())
        .max(1);
    let mut slots: Vec<Option<Bound<'py, PyAny>>> = Vec::with_capacity(owned.len());
    slots.resize_with(owned.len(), || None);
    let mut first_error: Option<(usize, Failure)> = None;
    let mut py_error: Option<PyErr> = None;
    let stop = AtomicBool::new(false);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<Vec<u8>, Failure>)>();
    let rx = Mutex::new(rx);
    std::thread::scope(|scope| {
        // Workers parse (no GIL needed) and hand each document over as soon as it is done ...
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, owned) = (&next, &stop, &owned);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = owned.get(i) else { break };
                    if tx.send((i, parse_to_json(text, max))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // ... while this thread turns finished ones into Python objects (with the GIL), so
        // the conversion overlaps the parsing. The GIL is released while waiting.
        loop {
            let received = py.detach(|| rx.lock().map(|rx| rx.recv().ok()).ok().flatten());
            let Some((i, result)) = received else { break };
            if py_error.is_none() {
                // Ctrl-C in a notebook stops a long batch.
                if let Err(e) = py.check_signals() {
                    py_error = Some(e);
                    stop.store(true, Ordering::Relaxed);
                }
            }
            match result {
                Ok(value) if py_error.is_none() && first_error.is_none() => {
                    match to_shape(py, &value, shape) {
                        Ok(obj) => slots[i] = Some(obj),
                        Err(e) => {
                            py_error = Some(e);
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
                Ok(_) => {}
                Err(f) => {
                    if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                        first_error = Some((i, f));
                    }
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    });
    if let Some(e) = py_error {
        return Err(e);
    }
    if let Some((i, f)) = first_error {
        let f = Failure {
            code: f.code,
            message: format!("texts[{}]: {}", i + first_index, f.message),
        };
        return Err(parse_error(py, &f));
    }
    let out = PyList::empty(py);
    for (i, slot) in slots.into_iter().enumerate() {
        match slot {
            Some(obj) => out.append(obj)?,
            None => {
                let f = Failure {
                    code: "internal_error",
                    message: format!(
                        "texts[{i}]: a worker thread stopped early (a bug, please report it)"
                    ),
                };
                return Err(parse_error(py, &f));
            }
        }
    }
    Ok(out)
}

/// render(doc_json, format) -> str
///
/// Renders a document given as contract JSON: `format` is "outline" or "markdown".
#[pyfunction]
fn render(doc_json: &str, format: &str) -> PyResult<String> {
    let doc: vanban::Document = serde_json::from_str(doc_json)
        .map_err(|e| PyValueError::new_err(format!("not a vanban document: {e}")))?;
    let out = catch_unwind(AssertUnwindSafe(|| match format {
        "outline" => Some(vanban::render::outline(&doc)),
        "markdown" | "md" => Some(vanban::render::markdown(&doc)),
        _ => None,
    }))
    .map_err(|_| PyValueError::new_err("vanban failed to render this document (a bug)"))?;
    out.ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format {format:?}: use \"outline\" or \"markdown\""
        ))
    })
}

/// The Python exception for a refused input, the message naming `shown` (a path, or `<bytes>`).
fn read_error(py: Python<'_>, e: vanban::read::ReadError, shown: &str) -> PyErr {
    use pyo3::exceptions::{
        PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError,
    };
    use vanban::read::ReadError;
    let message = format!("{shown}: {e}");
    match e {
        ReadError::NotFound => PyFileNotFoundError::new_err(message),
        ReadError::PermissionDenied => PyPermissionError::new_err(message),
        ReadError::IsDirectory => PyIsADirectoryError::new_err(message),
        ReadError::Io(_) => PyOSError::new_err(message),
        other => parse_error(
            py,
            &Failure {
                code: other.code(),
                message,
            },
        ),
    }
}

/// read_text(path, max_bytes=None, lossy=False) -> (str, str)
///
/// Reads a file as the CLI does (`vanban::read`): within `max_bytes` (a larger file is refused
/// before it is read), UTF-8 with or without a mark, UTF-16 with a mark or found by its zero
/// bytes. Returns the text and the name of its encoding. The GIL is released while reading.
/// Raises `FileNotFoundError`, `PermissionError`, `IsADirectoryError`, `OSError`, or
/// `vanban.ParseError` (`input_too_large`, `binary_input`, `invalid_utf8`, `unsupported_format`).
#[pyfunction]
#[pyo3(signature = (path, max_bytes=None, lossy=false))]
fn read_text(
    py: Python<'_>,
    path: std::path::PathBuf,
    max_bytes: Option<usize>,
    lossy: bool,
) -> PyResult<(String, &'static str)> {
    let max = limit(max_bytes);
    let read = py.detach(|| vanban::read::read_text(&path, max, lossy));
    read.map(|d| (d.text, d.encoding.as_str()))
        .map_err(|e| read_error(py, e, &path.display().to_string()))
}

/// Runs `f` (a parse) with the GIL released and no panic escaping: a core refusal becomes
/// `ParseError` with its code, a panic `ParseError("internal_error")`.
fn guarded<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, vanban::Error> + Send,
) -> PyResult<T> {
    let failure = match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(value)) => return Ok(value),
        Ok(Err(e)) => Failure {
            code: e.code(),
            message: e.to_string(),
        },
        Err(_) => Failure {
            code: "internal_error",
            message: "vanban failed on this input (a bug, please report it)".to_string(),
        },
    };
    Err(parse_error(py, &failure))
}

/// Reads an input for `parse_source` and `annotate`: `data` (bytes) or the file at `path`, in
/// its format (`format` names it), within `max` bytes. The GIL is released while reading.
fn read_source(
    py: Python<'_>,
    data: Option<&[u8]>,
    path: Option<&std::path::Path>,
    format: Option<&str>,
    max: usize,
    lossy: bool,
) -> PyResult<vanban::read::Input> {
    let format = format
        .map(vanban::read::Format::named)
        .transpose()
        .map_err(PyValueError::new_err)?;
    let opts = vanban::read::ReadOptions {
        format,
        lossy,
        ..Default::default()
    };
    let shown = path.map_or_else(|| "<bytes>".to_string(), |p| p.display().to_string());
    let read = match (data, path) {
        (Some(data), None) => {
            let data = data.to_vec();
            py.detach(|| vanban::read::read_bytes_within(data, max, &opts))
        }
        (None, Some(path)) => py.detach(|| vanban::read::read_input(path, max, &opts)),
        _ => return Err(PyTypeError::new_err("pass one of data or path")),
    };
    read.map_err(|e| read_error(py, e, &shown))
}

/// parse_source(data=None, path=None, format=None, max_bytes=None, lossy=False)
///     -> (dict[str, bytes], str, str)
///
/// Reads an input in its format (told by its content unless `format` names it: `text`, `html`
/// ...) from `data` (bytes) or from the file at `path`, and parses it. Returns the document's
/// fields (as `parse_fields`), the source its spans point into (the page itself for HTML, as
/// code points) and the format's name. The GIL is released while reading and parsing. Raises
/// as `read_text` does, `ValueError` for an unknown format.
#[pyfunction]
#[pyo3(signature = (data=None, path=None, format=None, max_bytes=None, lossy=false))]
fn parse_source<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<std::path::PathBuf>,
    format: Option<&str>,
    max_bytes: Option<usize>,
    lossy: bool,
) -> PyResult<(Bound<'py, PyAny>, String, &'static str)> {
    let max = limit(max_bytes);
    let input = read_source(py, data, path.as_deref(), format, max, lossy)?;
    let options = vanban::Options {
        max_bytes: max.max(input.text().len()),
    };
    let json = guarded(py, || {
        vanban::parse_input(&input, &options).map(|doc| {
            vanban::OffsetConverter::new(&input.source, vanban::Unit::CodePoints)
                .to_json_bytes(&doc)
        })
    })?;
    let fields = to_shape(py, &json, Shape::Fields)?;
    Ok((fields, input.source, input.format.as_str()))
}

/// parse_all_fields(text, max_bytes=None) -> list[tuple[int, int, dict[str, bytes]]]
///
/// `text` cut into its documents (`vanban::parse_all`): each document's code-point span in
/// `text` with its fields (as `parse_fields`, spans into `text`). The GIL is released.
#[pyfunction]
#[pyo3(signature = (text, max_bytes=None))]
fn parse_all_fields<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text.to_cow()?;
    let options = vanban::Options {
        max_bytes: limit(max_bytes),
    };
    let parts = guarded(py, || {
        vanban::parse_all(&text, &options).map(|docs| {
            let conv = vanban::OffsetConverter::new(&text, vanban::Unit::CodePoints);
            docs.into_iter()
                .map(|(span, doc)| {
                    (
                        conv.convert(span.start),
                        conv.convert(span.end),
                        conv.to_json_bytes(&doc),
                    )
                })
                .collect::<Vec<_>>()
        })
    })?;
    let out = PyList::empty(py);
    for (start, end, json) in parts {
        out.append((start, end, to_shape(py, &json, Shape::Fields)?))?;
    }
    Ok(out)
}

/// annotate(data=None, path=None, format=None, max_bytes=None) -> str
///
/// The annotated HTML of an input (bytes, or the file at `path`) read in its format: the page
/// itself for HTML, the text in a `<pre>` otherwise, with items, assignments, actors,
/// citations and dates wrapped in `<span class="vb vb-…" data-…>`. Raises as `parse_source`.
#[pyfunction]
#[pyo3(signature = (data=None, path=None, format=None, max_bytes=None))]
fn annotate(
    py: Python<'_>,
    data: Option<&[u8]>,
    path: Option<std::path::PathBuf>,
    format: Option<&str>,
    max_bytes: Option<usize>,
) -> PyResult<String> {
    let max = limit(max_bytes);
    let input = read_source(py, data, path.as_deref(), format, max, false)?;
    let options = vanban::Options {
        max_bytes: max.max(input.text().len()),
    };
    guarded(py, || {
        vanban::parse_input(&input, &options).map(|doc| vanban::read::annotate(&input, &doc))
    })
}

/// core_version() -> str: the version of the Rust core this module was built with.
#[pyfunction]
fn core_version() -> &'static str {
    vanban::version()
}

/// expand(abbreviation: str) -> str | None: the expansion of an abbreviation used in directives
/// (`UBND` -> `Ủy ban nhân dân`), from the core's registry; None when unknown.
#[pyfunction]
fn expand(abbreviation: &str) -> Option<&'static str> {
    vanban::actors::expand(abbreviation)
}

#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(expand, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_fields, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many_fields, m)?)?;
    m.add_function(wrap_pyfunction!(render, m)?)?;
    m.add_function(wrap_pyfunction!(read_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse_source, m)?)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(parse_all_fields, m)?)?;
    m.add_function(wrap_pyfunction!(frames::frame_columns, m)?)?;
    m.add_function(wrap_pyfunction!(core_version, m)?)?;
    m.add("SCHEMA_VERSION", vanban::SCHEMA_VERSION)?;
    m.add("DEFAULT_MAX_BYTES", vanban::DEFAULT_MAX_BYTES)?;
    Ok(())
}
