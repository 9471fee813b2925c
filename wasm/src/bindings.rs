//! The `#[wasm_bindgen]` surface: JS names, JS values, JS errors.

use crate::{EdgeError, ParseOptions};
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

// The result and option types are generated from the JSON Schemas into `types.d.ts` beside the
// bindings (see build.sh); the bindings' own declarations refer to them and re-export them.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { Document, ParseOptions } from "./types.js";
export type * from "./types.js";

/** An `Error` thrown by vanban, with a stable `code`. */
export interface VanbanError extends Error {
  code:
    | "input_too_large"
    | "output_too_large"
    | "invalid_options"
    | "invalid_input"
    | "binary_input"
    | "invalid_utf8"
    | "unsupported_format"
    | "malformed_input"
    | "ocr_unavailable"
    | "no_text_layer"
    | "encrypted_input";
}

/** What `parseBytes` gives: the source its spans point into (the decoded text; an HTML page
 * itself; a Word file's extracted text) and its document. */
export interface ParsedBytes {
  text: string;
  document: Document;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object (`ParseOptions` in TypeScript).
    #[wasm_bindgen(typescript_type = "ParseOptions")]
    pub type JsParseOptions;
}

/// Builds the JS error thrown for `e`: a `RangeError` (size limit) or `TypeError` (bad input or
/// options) with a `code` property.
fn js_error(e: &EdgeError) -> JsValue {
    let msg = e.to_string();
    let err: JsValue = match e {
        EdgeError::Core(_)
        | EdgeError::OutputTooLarge { .. }
        | EdgeError::Read(vanban::read::ReadError::TooLarge { .. }) => {
            js_sys::RangeError::new(&msg).into()
        }
        _ => js_sys::TypeError::new(&msg).into(),
    };
    let _ = Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(e.code()),
    );
    err
}

fn text_of(text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        let ty = text.js_typeof().as_string().unwrap_or_default();
        js_error(&EdgeError::InvalidInput(format!(
            "the text must be a string, not {ty}"
        )))
    })
}

fn options_of(options: Option<JsParseOptions>) -> Result<ParseOptions, JsValue> {
    let Some(options) = options else {
        return Ok(ParseOptions::default());
    };
    let value: JsValue = options.into();
    if value.is_undefined() || value.is_null() {
        return Ok(ParseOptions::default());
    }
    let json = JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            js_error(&EdgeError::InvalidOptions(
                "the options are not a plain object of numbers".into(),
            ))
        })?;
    ParseOptions::from_json(&json).map_err(|e| js_error(&e))
}

fn run<T>(
    text: &JsValue,
    options: Option<JsParseOptions>,
    f: impl FnOnce(&str, &ParseOptions) -> Result<T, EdgeError>,
) -> Result<T, JsValue> {
    let options = options_of(options)?;
    let text = text_of(text)?;
    f(&text, &options).map_err(|e| js_error(&e))
}

/// Parses a document into plain objects (the JSON contract, `null` for absent values) whose spans
/// are UTF-16 offsets into `text`: `text.slice(span.start, span.end)` is the source.
///
/// Throws a `VanbanError` (`code` = `input_too_large`, `invalid_options` or `invalid_input`).
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Document")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsParseOptions>,
) -> Result<JsValue, JsValue> {
    let json = run(&text, options, crate::parse_json)?;
    JSON::parse(&json)
}

/// Reads the bytes of a file in its format (told by the content unless `options.format` names
/// it): text and Markdown (UTF-8, or UTF-16 with a byte-order mark or found by its zero bytes),
/// an HTML page, a Word file (`.docx`, its automatic numbering drawn). Returns
/// `{ text, document }`, the document's spans being UTF-16 offsets into `text` (for a page, the
/// page itself). Scans and PDFs need OCR, native only (`ocr_unavailable`); other binary bytes are
/// refused (`unsupported_format`, `binary_input`), as are invalid UTF-8 (`invalid_utf8`) and a
/// damaged file (`malformed_input`): nothing is shown for them as if it were a document.
#[wasm_bindgen(js_name = parseBytes, unchecked_return_type = "ParsedBytes")]
pub fn parse_bytes(bytes: Vec<u8>, options: Option<JsParseOptions>) -> Result<JsValue, JsValue> {
    let options = options_of(options)?;
    let (text, json) = crate::parse_bytes(bytes, &options).map_err(|e| js_error(&e))?;
    let out = js_sys::Object::new();
    Reflect::set(&out, &JsValue::from_str("text"), &JsValue::from_str(&text))?;
    Reflect::set(&out, &JsValue::from_str("document"), &JSON::parse(&json)?)?;
    Ok(out.into())
}

/// The annotated HTML of a document: a text (a string, escaped into a `<pre>`) or a file's
/// bytes (a `Uint8Array`, read as `parseBytes` reads it; an HTML page is marked in place), with
/// items, assignments, actors, citations and dates wrapped in `<span class="vb vb-…" data-…>`.
///
/// Throws a `VanbanError` like `parseBytes`.
#[wasm_bindgen(js_name = annotate)]
pub fn annotate(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    options: Option<JsParseOptions>,
) -> Result<String, JsValue> {
    let options = options_of(options)?;
    let (bytes, text) = match input.as_string() {
        Some(s) => (s.into_bytes(), true),
        None if input.is_instance_of::<js_sys::Uint8Array>() => {
            (js_sys::Uint8Array::from(input).to_vec(), false)
        }
        None => {
            let ty = input.js_typeof().as_string().unwrap_or_default();
            return Err(js_error(&EdgeError::InvalidInput(format!(
                "the input must be a string or a Uint8Array, not {ty}"
            ))));
        }
    };
    crate::annotate_input(bytes, text, &options).map_err(|e| js_error(&e))
}

/// Parses a document into the contract JSON string (spans in UTF-16 code units, as `parse`).
///
/// Throws a `VanbanError` like `parse`.
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsParseOptions>,
) -> Result<String, JsValue> {
    run(&text, options, crate::parse_json)
}

/// A plain-text outline of the parsed document (header, item tree, signature, recipients,
/// diagnostics), as the CLI prints it. Offsets in it are UTF-8 bytes, as in the CLI.
#[wasm_bindgen(js_name = outline)]
pub fn outline(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsParseOptions>,
) -> Result<String, JsValue> {
    run(&text, options, crate::outline)
}

/// The parsed document rendered as Markdown.
#[wasm_bindgen(js_name = markdown)]
pub fn markdown(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsParseOptions>,
) -> Result<String, JsValue> {
    run(&text, options, crate::markdown)
}

/// The version of the vanban parser.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    vanban::version().to_string()
}

/// The version of the JSON shape (`schema_version` of every document).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    vanban::SCHEMA_VERSION.to_string()
}
