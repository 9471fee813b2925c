//! `vanban` command line: parse Vietnamese directive documents.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
vanban — parse Vietnamese directive documents

USAGE:
    vanban parse [OPTIONS] FILE...     parse files (a folder: every .txt/.md in it; - : standard input)
    vanban version

OPTIONS:
    --json               print the contract JSON (one line per document: JSON Lines)
    --format FORMAT      outline (default) | json | md
    --pretty             indent JSON
    --lossy              decode non-UTF-8 input lossily instead of refusing it
    --max-bytes N        refuse inputs larger than N bytes (default 64 MiB)
    -h, --help           this help
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Outline,
    Json,
    Markdown,
}

struct Args {
    format: Format,
    pretty: bool,
    lossy: bool,
    max_bytes: usize,
    inputs: Vec<String>,
}

fn parse_args(raw: &[String]) -> Result<Args, String> {
    let mut a = Args {
        format: Format::Outline,
        pretty: false,
        lossy: false,
        max_bytes: vanban::DEFAULT_MAX_BYTES,
        inputs: Vec::new(),
    };
    let mut it = raw.iter();
    while let Some(s) = it.next() {
        match s.as_str() {
            "--json" => a.format = Format::Json,
            "--pretty" => a.pretty = true,
            "--lossy" => a.lossy = true,
            "--format" | "-f" => {
                let v = it
                    .next()
                    .ok_or("--format needs a value: outline, json or md")?;
                a.format = match v.as_str() {
                    "outline" => Format::Outline,
                    "json" => Format::Json,
                    "md" | "markdown" => Format::Markdown,
                    other => {
                        return Err(format!("unknown format '{other}': use outline, json or md"))
                    }
                };
            }
            "--max-bytes" => {
                let v = it.next().ok_or("--max-bytes needs a number")?;
                a.max_bytes = v
                    .parse()
                    .map_err(|_| format!("--max-bytes: '{v}' is not a number"))?;
            }
            "-" => a.inputs.push(s.clone()),
            _ if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => a.inputs.push(s.clone()),
        }
    }
    if a.inputs.is_empty() {
        return Err("no input: give one or more files, a folder, or - for standard input".into());
    }
    Ok(a)
}

/// Expands folders into their `.txt`/`.md` files, sorted.
fn expand(inputs: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if i != "-" && p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{i}: cannot read folder: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt" || x == "md"))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

fn read_input(name: &str, lossy: bool) -> Result<String, String> {
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("standard input: {e}"))?;
        b
    } else {
        std::fs::read(name).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{name}: no such file"),
            std::io::ErrorKind::PermissionDenied => format!("{name}: permission denied"),
            _ => format!("{name}: {e}"),
        })?
    };
    if bytes.contains(&0) && bytes.iter().filter(|&&b| b == 0).count() * 10 > bytes.len() {
        return Err(format!(
            "{name}: looks like a binary file (many NUL bytes), not a text document"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "{name}: not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8, or pass --lossy to replace bad bytes",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn render(doc: &vanban::Document, a: &Args) -> String {
    match a.format {
        Format::Json if a.pretty => doc.to_json_pretty(),
        Format::Json => doc.to_json(),
        Format::Outline => vanban::render::outline(doc),
        Format::Markdown => vanban::render::markdown(doc),
    }
}

fn run(raw: &[String]) -> Result<bool, String> {
    let a = parse_args(raw)?;
    let files = expand(&a.inputs)?;
    if files.is_empty() {
        return Err("no .txt or .md files found".into());
    }
    let opts = vanban::Options {
        max_bytes: a.max_bytes,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let progress = files.len() > 20 && std::io::stderr().is_terminal();
    let many = files.len() > 1;
    let mut all_ok = true;
    for (k, name) in files.iter().enumerate() {
        if progress {
            let width = 30;
            let done = (k + 1) * width / files.len();
            eprint!(
                "\r[{}{}] {}/{}",
                "#".repeat(done),
                " ".repeat(width - done),
                k + 1,
                files.len()
            );
        }
        let text = match read_input(name, a.lossy) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("vanban: {e}");
                all_ok = false;
                continue;
            }
        };
        if text.trim().is_empty() {
            eprintln!("vanban: {name}: empty input");
        }
        let doc = match vanban::parse_with(&text, &opts) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("vanban: {name}: {e} (code {})", e.code());
                all_ok = false;
                continue;
            }
        };
        let body = render(&doc, &a);
        let res = if many && a.format != Format::Json {
            writeln!(out, "==> {name} <==\n{body}")
        } else {
            writeln!(out, "{}", body.trim_end_matches('\n'))
        };
        if let Err(e) = res {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(all_ok);
            }
            return Err(format!("cannot write output: {e}"));
        }
    }
    if progress {
        eprintln!();
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => match run(&args[1..]) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("vanban: {e}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("version") | Some("--version") | Some("-V") => {
            println!("vanban {}", vanban::version());
            ExitCode::SUCCESS
        }
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("vanban: unknown command '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
