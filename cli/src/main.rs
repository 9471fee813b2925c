//! `vanban` command line: parse Vietnamese directive documents, one or thousands at a time.
//!
//! `vanban parse --json FILE` prints one Document (the contract JSON). Several inputs (or a
//! folder) give JSON Lines, one record per input in input order: the Document with a top-level
//! `source`, or `{"source", "error": {"code", "message"}}` for an input that was refused.

mod inputs;
mod size;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use inputs::{Expanded, Input, Skip};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use vanban::read::ReadError;

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Parse Vietnamese directive documents (chỉ thị, công văn, quyết định, kết luận ...) \
             into a structured model with spans",
    propagate_version = true,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents: files (text, Markdown, HTML, DOCX, PDF, scans), folders of them, or -.
    ///
    /// One input prints one document; several inputs (or a folder) print one record per input,
    /// in input order, each naming its `source` (JSON Lines with --json).
    #[command(after_help = "Examples:
  vanban parse doc.md                               a readable outline
  vanban parse --json doc.md                        the contract JSON (one Document)
  vanban parse --json -r -j 8 docs/ > out.jsonl     a folder tree as JSON Lines, in order
  vanban parse --json --out-dir parsed/ docs/       one JSON file per input
  cat doc.txt | vanban parse --json -               standard input

Exit status: 0 every input parsed, 1 an input refused, 2 a usage error.")]
    Parse(ParseArgs),
    /// Print the text a reader makes of an input, as the parser reads it (an HTML page's
    /// text, a Word file's paragraphs, a PDF's text layer or OCR).
    #[command(after_help = "Examples:
  vanban text page.html                the text of a web page
  vanban text --input-format html -    standard input read as HTML")]
    Text(TextArgs),
    /// Print the input as an HTML page with what the parse found marked: items, assignments,
    /// actors, citations and dates wrapped in <span class="vb vb-…" data-…> (for an HTML
    /// input, its own page, marked).
    ///
    /// Example: vanban annotate chi_thi.html > chi_thi.annotated.html
    Annotate(TextArgs),
    /// Print the JSON Schema of the document JSON.
    Schema,
    /// Print the version.
    Version,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable outline of the document.
    Outline,
    /// The contract JSON.
    Json,
    /// Markdown.
    Md,
}

/// Formats of the inputs (told by their content unless named).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Plain text or Markdown.
    Text,
    /// An HTML page (spans point into the page).
    Html,
    /// A Word document (.docx; its automatic numbering drawn).
    Docx,
    /// A PDF: its text layer, or OCR of its pages (a scan).
    Pdf,
    /// An image of a page (PNG, JPEG, TIFF ...), read by OCR.
    Image,
}

impl InputFormat {
    fn core(self) -> vanban::read::Format {
        match self {
            InputFormat::Text => vanban::read::Format::Text,
            InputFormat::Html => vanban::read::Format::Html,
            InputFormat::Docx => vanban::read::Format::Docx,
            InputFormat::Pdf => vanban::read::Format::Pdf,
            InputFormat::Image => vanban::read::Format::Image,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// UTF-8 bytes into the input (Rust's unit).
    Bytes,
    /// Unicode code points (Python's unit).
    Chars,
    /// UTF-16 code units (JavaScript's unit).
    Utf16,
}

#[derive(Args)]
struct ParseArgs {
    /// Files, folders or - (standard input). A named file is read whatever its extension; a
    /// folder gives its text (.txt .text .md .markdown), HTML (.html .htm .xhtml), Word (.docx),
    /// PDF and image (.png .jpg .jpeg .tif .tiff) files, any case.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,

    /// Print the contract JSON (the same as --format json).
    #[arg(long, conflicts_with = "format")]
    json: bool,

    /// Output format.
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// Indent the JSON (one input, or with --out-dir).
    #[arg(long)]
    pretty: bool,

    /// Write JSON Lines records with `source` even for one input.
    #[arg(long)]
    records: bool,

    /// An input may hold several documents (a Công báo issue, a merged export): cut it into
    /// them, one record per document with `document_index` and `document_span` (JSON Lines).
    #[arg(long, conflicts_with = "pretty")]
    split: bool,

    /// The inputs' format (default: told by each input's content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,

    #[command(flatten)]
    ocr: OcrArgs,

    /// Unit of the spans in the JSON.
    #[arg(long, value_enum, default_value_t = Offsets::Bytes, value_name = "UNIT")]
    offsets: Offsets,

    /// Decode invalid UTF-8 lossily (U+FFFD) instead of refusing the input.
    #[arg(long)]
    lossy: bool,

    /// Refuse inputs larger than this (1000, 64K, 64M, 2G, 10MB); read no further than it.
    #[arg(long, value_parser = size::parse_size, default_value = "64M", value_name = "SIZE")]
    max_bytes: usize,

    /// Parse on this many threads (default: every core). Output keeps the input order.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Read the folders' subfolders too.
    #[arg(short, long)]
    recursive: bool,

    /// Write one output file per input into DIR (`a/b.txt` -> `DIR/a/b.txt.json`) instead of
    /// printing.
    #[arg(short, long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// No progress bar (it is drawn only when standard error is a terminal).
    #[arg(long)]
    no_progress: bool,

    /// Report only refusals: no progress, no skipped files, no summary.
    #[arg(short, long)]
    quiet: bool,
}

/// How scans are read (OCR by Tesseract, found on PATH when a scan is read).
#[derive(Args, Clone)]
struct OcrArgs {
    /// Refuse scans (images, PDFs without a text layer) instead of reading them by OCR.
    #[arg(long)]
    no_ocr: bool,

    /// Tesseract's language models for scans.
    #[arg(long, default_value = "vie", value_name = "LANGS")]
    ocr_lang: String,
}

impl OcrArgs {
    fn core(&self) -> vanban::read::OcrOptions {
        vanban::read::OcrOptions {
            enabled: !self.no_ocr,
            lang: self.ocr_lang.clone(),
            ..vanban::read::OcrOptions::default()
        }
    }
}

#[derive(Args)]
struct TextArgs {
    /// A file, or - for standard input.
    #[arg(value_name = "INPUT")]
    input: String,

    /// The input's format (default: told by its content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,

    #[command(flatten)]
    ocr: OcrArgs,

    /// Decode invalid UTF-8 lossily (U+FFFD) instead of refusing the input.
    #[arg(long)]
    lossy: bool,

    /// Refuse inputs larger than this (1000, 64K, 64M, 2G, 10MB).
    #[arg(long, value_parser = size::parse_size, default_value = "64M", value_name = "SIZE")]
    max_bytes: usize,
}

fn annotate_command(a: &TextArgs) -> ExitCode {
    let input = read_one(a).and_then(|input| {
        let opts = vanban::Options {
            max_bytes: a.max_bytes.max(input.text().len()),
        };
        let doc = vanban::parse_input(&input, &opts).map_err(|e| match e {
            vanban::Error::InputTooLarge { len, max } => vanban::read::ReadError::TooLarge {
                len: Some(len as u64),
                max,
            },
        })?;
        Ok(vanban::read::annotate(&input, &doc))
    });
    match input {
        Ok(html) => print_or_quiet(&html),
        Err(e) => {
            eprintln!("vanban: {}: {e} [{}]", a.input, e.code());
            ExitCode::from(1)
        }
    }
}

/// Reads the one input of `vanban text` / `vanban annotate`.
fn read_one(a: &TextArgs) -> Result<vanban::read::Input, vanban::read::ReadError> {
    let bytes = if a.input == "-" {
        vanban::read::read_limited(io::stdin().lock(), a.max_bytes)
    } else {
        vanban::read::read_file(std::path::Path::new(&a.input), a.max_bytes)
    };
    let opts = vanban::read::ReadOptions {
        format: a.input_format.map(InputFormat::core),
        lossy: a.lossy,
        ocr: a.ocr.core(),
    };
    bytes.and_then(|b| vanban::read::read_bytes(b, &opts))
}

fn text_command(a: &TextArgs) -> ExitCode {
    match read_one(a) {
        Ok(input) => print_or_quiet(input.text()),
        Err(e) => {
            eprintln!("vanban: {}: {e} [{}]", a.input, e.code());
            ExitCode::from(1)
        }
    }
}

/// What a run was asked for, checked.
struct Config {
    format: Format,
    pretty: bool,
    records: bool,
    unit: vanban::Unit,
    lossy: bool,
    max_bytes: usize,
    input_format: Option<vanban::read::Format>,
    ocr: vanban::read::OcrOptions,
    split: bool,
    many: bool,
}

fn usage_error(msg: &str) -> ExitCode {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let parse = cmd
        .find_subcommand_mut("parse")
        .expect("the parse subcommand exists");
    let e = parse.error(clap::error::ErrorKind::ArgumentConflict, msg);
    let _ = e.print();
    ExitCode::from(2)
}

/// The outcome of one input.
enum Outcome {
    /// Parsed; the output bytes (empty when written to a file).
    Parsed(Vec<u8>),
    Refused {
        code: &'static str,
        message: String,
    },
}

fn read(input: &Input, cfg: &Config) -> Result<vanban::read::Input, ReadError> {
    let bytes = match &input.path {
        Some(p) => vanban::read::read_file(p, cfg.max_bytes)?,
        None => vanban::read::read_limited(io::stdin().lock(), cfg.max_bytes)?,
    };
    let opts = vanban::read::ReadOptions {
        format: cfg.input_format,
        lossy: cfg.lossy,
        ocr: cfg.ocr.clone(),
    };
    vanban::read::read_bytes(bytes, &opts)
}

/// Writes the output of one parsed document.
fn emit<W: Write>(
    doc: &vanban::Document,
    text: &str,
    input: &Input,
    cfg: &Config,
    part: Option<(usize, vanban::Span)>,
    mut w: W,
) -> io::Result<()> {
    match cfg.format {
        Format::Json => {
            let conv = vanban::OffsetConverter::new(text, cfg.unit);
            if cfg.pretty {
                let mut v = serde_json::to_value(doc).map_err(io::Error::from)?;
                conv.convert_json_spans(&mut v);
                serde_json::to_writer_pretty(&mut w, &v).map_err(io::Error::from)?;
            } else if cfg.records {
                // `{"source":…,` then the Document's members after its opening brace.
                write!(w, "{{\"source\":{},", serde_json::to_string(&input.source)?)?;
                if let Some((index, span)) = part {
                    // `--split`: which document of the input, and where it lies in it.
                    let mut s = serde_json::json!({"start": span.start, "end": span.end});
                    conv.convert_json_spans(&mut s);
                    write!(w, "\"document_index\":{index},\"document_span\":{s},")?;
                }
                conv.write_json(
                    doc,
                    SkipFirstByte {
                        inner: &mut w,
                        skipped: false,
                    },
                )?;
            } else {
                conv.write_json(doc, &mut w)?;
            }
            w.write_all(b"\n")
        }
        Format::Outline | Format::Md => {
            let body = if cfg.format == Format::Md {
                vanban::render::markdown(doc)
            } else {
                vanban::render::outline(doc)
            };
            match part {
                Some((index, _)) => writeln!(w, "==> {} [{}] <==", input.source, index + 1)?,
                None if cfg.many => writeln!(w, "==> {} <==", input.source)?,
                None => {}
            }
            writeln!(w, "{}", body.trim_end_matches('\n'))
        }
    }
}

/// A writer that drops the first byte written through it (the `{` of a Document a record
/// continues).
struct SkipFirstByte<W> {
    inner: W,
    skipped: bool,
}

impl<W: Write> Write for SkipFirstByte<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.skipped && !buf.is_empty() {
            self.skipped = true;
            self.inner.write_all(&buf[1..])?;
            return Ok(buf.len());
        }
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn refusal_record(source: &str, code: &str, message: &str) -> Vec<u8> {
    let mut line = serde_json::to_vec(&serde_json::json!({
        "source": source,
        "error": {"code": code, "message": message},
    }))
    .expect("a record serialises");
    line.push(b'\n');
    line
}

/// Reads and parses one input; a refusal is its code and message.
/// The documents of one input: one, or with `--split` each with its span in the input.
type Parts = Vec<(Option<vanban::Span>, vanban::Document)>;

fn load(input: &Input, cfg: &Config) -> Result<(String, Parts), (&'static str, String)> {
    let read = read(input, cfg).map_err(|e| (e.code(), e.to_string()))?;
    let opts = vanban::Options {
        max_bytes: cfg.max_bytes,
    };
    let refused = |e: vanban::Error| (e.code(), e.to_string());
    let parts = if cfg.split {
        vanban::parse_all_input(&read, &opts)
            .map_err(refused)?
            .into_iter()
            .map(|(span, doc)| (Some(span), doc))
            .collect()
    } else {
        vec![(None, vanban::parse_input(&read, &opts).map_err(refused)?)]
    };
    // Spans point into the source (the page itself for HTML).
    Ok((read.source, parts))
}

/// Writes every document of one input.
fn emit_all<W: Write>(
    parts: &Parts,
    text: &str,
    input: &Input,
    cfg: &Config,
    mut w: W,
) -> io::Result<()> {
    for (i, (span, doc)) in parts.iter().enumerate() {
        emit(doc, text, input, cfg, span.map(|s| (i, s)), &mut w)?;
    }
    Ok(())
}

/// Reads, parses and renders one input: into the returned bytes, or into its file under
/// `out_dir`.
fn process(input: &Input, cfg: &Config, out_dir: Option<&PathBuf>) -> Outcome {
    let (text, parts) = match load(input, cfg) {
        Ok(loaded) => loaded,
        Err((code, message)) => return Outcome::Refused { code, message },
    };
    match out_dir {
        None => {
            let mut buf = Vec::with_capacity(text.len() * 2 + 1024);
            emit_all(&parts, &text, input, cfg, &mut buf)
                .expect("writing into a Vec does not fail");
            Outcome::Parsed(buf)
        }
        Some(dir) => {
            let path = output_path(dir, input, cfg.format);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::File::create(&path))
                .and_then(|f| {
                    let mut w = io::BufWriter::new(f);
                    emit_all(&parts, &text, input, cfg, &mut w)?;
                    w.flush()
                });
            match written {
                Ok(()) => Outcome::Parsed(Vec::new()),
                Err(e) => Outcome::Refused {
                    code: "write_error",
                    message: format!("cannot write {}: {e}", path.display()),
                },
            }
        }
    }
}

fn output_path(dir: &std::path::Path, input: &Input, format: Format) -> PathBuf {
    let ext = match format {
        Format::Json => "json",
        Format::Md => "md",
        Format::Outline => "txt",
    };
    let mut name = input.rel.clone().into_os_string();
    name.push(".");
    name.push(ext);
    dir.join(name)
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    parsed: usize,
    refused: BTreeMap<&'static str, usize>,
}

impl Tally {
    /// Counts a refused input, says so on standard error (through the progress bar), and
    /// writes its record where records are written.
    fn refuse(
        &mut self,
        input: &Input,
        code: &'static str,
        message: &str,
        pb: &ProgressBar,
        records: Option<&mut dyn Write>,
    ) -> io::Result<()> {
        *self.refused.entry(code).or_default() += 1;
        pb.suspend(|| eprintln!("vanban: {}: {message} ({code})", input.source));
        match records {
            Some(out) => out.write_all(&refusal_record(&input.source, code, message)),
            None => Ok(()),
        }
    }
}

fn report_skipped(skipped: &[(String, Skip)], pb: &ProgressBar) {
    const SHOWN_PER_REASON: usize = 10;
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for (path, why) in skipped {
        let n = shown.entry(why.key()).or_default();
        *n += 1;
        if *n <= SHOWN_PER_REASON {
            pb.suspend(|| eprintln!("vanban: skipped {path}: {}", why.message()));
        }
    }
    for (key, n) in shown {
        if n > SHOWN_PER_REASON {
            pb.suspend(|| {
                eprintln!(
                    "vanban: … and {} more skipped ({key})",
                    n - SHOWN_PER_REASON
                )
            });
        }
    }
}

fn summary(tally: &Tally, skipped: &[(String, Skip)], started: Instant) -> String {
    let refused: usize = tally.refused.values().sum();
    let mut s = format!(
        "vanban: {} input(s): {} parsed, {refused} refused",
        tally.parsed + refused,
        tally.parsed
    );
    if refused > 0 {
        let why: Vec<String> = tally
            .refused
            .iter()
            .map(|(code, n)| format!("{n} {code}"))
            .collect();
        s += &format!(" ({})", why.join(", "));
    }
    if !skipped.is_empty() {
        let mut by: BTreeMap<String, usize> = BTreeMap::new();
        for (_, why) in skipped {
            *by.entry(why.key()).or_default() += 1;
        }
        let why: Vec<String> = by.iter().map(|(k, n)| format!("{n} {k}")).collect();
        s += &format!(", {} skipped ({})", skipped.len(), why.join(", "));
    }
    s + &format!(" in {:.2} s", started.elapsed().as_secs_f64())
}

fn parse_command(a: ParseArgs) -> ExitCode {
    let started = Instant::now();
    let format = match (a.json, a.format) {
        (true, _) => Format::Json,
        (false, f) => f.unwrap_or(Format::Outline),
    };
    if format != Format::Json {
        if a.pretty {
            return usage_error("--pretty indents JSON: add --json");
        }
        if a.records {
            return usage_error("--records writes JSON Lines: add --json");
        }
        if a.offsets != Offsets::Bytes {
            return usage_error("--offsets sets the unit of JSON spans: add --json");
        }
    }
    if a.jobs == Some(0) {
        return usage_error("--jobs takes at least 1 (leave it out to use every core)");
    }
    if a.inputs.iter().filter(|i| *i == "-").count() > 1 {
        return usage_error("standard input (-) can be read once");
    }
    let Expanded {
        inputs,
        skipped,
        had_folder,
    } = inputs::expand(&a.inputs, a.recursive);
    let many = inputs.len() > 1 || had_folder;
    if a.pretty && many && a.out_dir.is_none() {
        return usage_error(
            "--pretty with several inputs would be neither JSON Lines nor one document: \
             drop --pretty, or write one file per input with --out-dir",
        );
    }
    if let Some(dir) = &a.out_dir {
        let mut seen = BTreeMap::new();
        for i in &inputs {
            if let Some(other) = seen.insert(output_path(dir, i, format), &i.source) {
                return usage_error(&format!(
                    "{other} and {} would both be written to {}",
                    i.source,
                    output_path(dir, i, format).display()
                ));
            }
        }
    }
    let cfg = Config {
        format,
        pretty: a.pretty,
        records: format == Format::Json && (many || a.records || a.split),
        unit: match a.offsets {
            Offsets::Bytes => vanban::Unit::Bytes,
            Offsets::Chars => vanban::Unit::CodePoints,
            Offsets::Utf16 => vanban::Unit::Utf16,
        },
        lossy: a.lossy,
        max_bytes: a.max_bytes,
        input_format: a.input_format.map(InputFormat::core),
        ocr: a.ocr.core(),
        split: a.split,
        many,
    };
    let show_progress = many && !a.quiet && !a.no_progress;
    let pb = if show_progress {
        let pb =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} {per_sec} eta {eta} {wide_msg}")
        {
            pb.set_style(style);
        }
        pb
    } else {
        ProgressBar::hidden()
    };
    if !a.quiet {
        report_skipped(&skipped, &pb);
    }
    if inputs.is_empty() {
        pb.finish_and_clear();
        eprintln!("vanban: no input to parse: the folders hold no documents vanban reads");
        if !a.quiet && !skipped.is_empty() {
            eprintln!("{}", summary(&Tally::default(), &skipped, started));
        }
        return ExitCode::from(1);
    }

    let mut tally = Tally::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut broken_pipe = false;
    let mut on_outcome = |input: &Input, outcome: Outcome, out: &mut dyn Write| -> io::Result<()> {
        pb.inc(1);
        match outcome {
            Outcome::Parsed(bytes) => {
                tally.parsed += 1;
                out.write_all(&bytes)
            }
            Outcome::Refused { code, message } => {
                let record = cfg.records && a.out_dir.is_none();
                tally.refuse(input, code, &message, &pb, record.then_some(out))
            }
        }
    };

    let result = if inputs.len() == 1 && a.out_dir.is_none() {
        // One input: streamed to the output, without holding its JSON.
        single(&inputs[0], &cfg, &mut out, &mut tally, &pb)
    } else {
        let threads = a.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        });
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("vanban: cannot start {threads} threads: {e}");
                return ExitCode::from(2);
            }
        };
        // Windows of inputs parsed in parallel and written in input order: the output keeps
        // the order and memory holds one window's outputs.
        let window = threads * 16;
        let mut res = Ok(());
        for chunk in inputs.chunks(window) {
            let outcomes: Vec<Outcome> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|i| process(i, &cfg, a.out_dir.as_ref()))
                    .collect()
            });
            for (input, outcome) in chunk.iter().zip(outcomes) {
                if let Err(e) = on_outcome(input, outcome, &mut out) {
                    res = Err(e);
                    break;
                }
            }
            if res.is_err() {
                break;
            }
        }
        res
    };
    let result = result.and_then(|()| out.flush());
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            broken_pipe = true;
        } else {
            pb.finish_and_clear();
            eprintln!("vanban: cannot write the output: {e}");
            return ExitCode::from(1);
        }
    }
    pb.finish_and_clear();
    if broken_pipe {
        // The reader stopped reading (`| head`): end quietly, as a pipe's writer does.
        return ExitCode::SUCCESS;
    }
    if !a.quiet && (many || !skipped.is_empty()) {
        eprintln!("{}", summary(&tally, &skipped, started));
    }
    if tally.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One input, its output streamed to `out`.
fn single(
    input: &Input,
    cfg: &Config,
    out: &mut impl Write,
    tally: &mut Tally,
    pb: &ProgressBar,
) -> io::Result<()> {
    match load(input, cfg) {
        Ok((text, parts)) => {
            tally.parsed += 1;
            emit_all(&parts, &text, input, cfg, out)
        }
        Err((code, message)) => tally.refuse(input, code, &message, pb, cfg.records.then_some(out)),
    }
}

fn print_or_quiet(s: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vanban: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        // Help and version go to standard output (exit 0), errors to standard error (exit 2);
        // clap swallows a broken pipe.
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Parse(a) => parse_command(a),
        Command::Text(a) => text_command(&a),
        Command::Annotate(a) => annotate_command(&a),
        Command::Schema => print_or_quiet(&vanban::json_schema()),
        Command::Version => print_or_quiet(&format!("vanban {}\n", vanban::version())),
    }
}
