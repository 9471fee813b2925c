//! Scans (images of pages, image-only PDFs) to text by OCR, and PDFs with a text layer.
//!
//! The work is done by programs found on `PATH` when a scan is read, not linked in, so the
//! crate builds and installs on machines without them: Tesseract (`tesseract`, with its
//! Vietnamese model: Debian's `tesseract-ocr` and `tesseract-ocr-vie`) reads the pages, and
//! Poppler (`pdftotext`, `pdftoppm`: Debian's `poppler-utils`) reads a PDF's text layer and
//! renders its pages. A missing program is a [`ReadError::OcrUnavailable`] naming what to
//! install. `VANBAN_TESSERACT`, `VANBAN_PDFTOPPM` and `VANBAN_PDFTOTEXT` name other binaries.
//!
//! Layout: Tesseract's TSV output gives every word with its box. The text is written a line
//! of Tesseract's per line and a blank line between its paragraphs, and a line is cut where
//! two words stand further apart than the line is high: these documents set their header
//! (issuing body | national motto, number | place and date) and their tail (recipients |
//! signature) as two-column tables (NĐ 30/2020, Phụ lục I), which OCR otherwise reads across
//! as one line (`THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI …`). Pages are separated by a form feed.

use super::ReadError;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// How scans are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrOptions {
    /// Read scans by OCR; when off, a scan (or a PDF without a text layer) is refused with
    /// `no_text_layer`.
    pub enabled: bool,
    /// Tesseract's language models (`vie`, `vie+eng`).
    pub lang: String,
    /// Resolution PDF pages are rendered at for OCR.
    pub dpi: u32,
}

impl Default for OcrOptions {
    fn default() -> Self {
        Self {
            enabled: true,
            lang: "vie".to_string(),
            dpi: 300,
        }
    }
}

/// A PDF page with fewer letters than this in its text layer has none worth reading (a scan
/// with a stamp's or a footer's few words): the PDF is read by OCR.
const MIN_LETTERS_PER_PAGE: usize = 40;

/// Space between two lines, in units of their height, above which a paragraph Tesseract
/// starts is one: NĐ 30/2020 (Phụ lục I) sets paragraphs at least 6 pt apart, lines at single
/// spacing or more, so the lines of one paragraph (a two-line title) stand closer, and
/// Tesseract's paragraph break between them is dropped.
const PARAGRAPH_GAP: f32 = 0.5;

/// Gap between two words, in units of the line's height, that cuts a line in two (the two
/// columns of a header or a tail). Words of one column stand about a third of a height apart,
/// the columns of these tables one to two heights.
const COLUMN_GAP: f32 = 1.2;

fn program(var: &str, name: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(name), PathBuf::from)
}

/// WebAssembly runs no programs (nor has a clock or a temporary folder): scans and PDFs are
/// refused there before anything is tried.
fn native_only() -> Result<(), ReadError> {
    if cfg!(target_arch = "wasm32") {
        return Err(ReadError::OcrUnavailable {
            message: "scans and PDFs are read by programs (Tesseract, Poppler) that run only in \
                      the native builds (the CLI, Python)"
                .to_string(),
        });
    }
    Ok(())
}

/// Runs a program; a missing one is `OcrUnavailable` with what to install.
fn run(mut cmd: Command, name: &str, package: &'static str) -> Result<Output, ReadError> {
    cmd.stdin(Stdio::null());
    cmd.output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound
        | std::io::ErrorKind::PermissionDenied
        | std::io::ErrorKind::Unsupported => ReadError::OcrUnavailable {
            message: format!("{name} was not found on PATH: install {package}"),
        },
        _ => ReadError::Io(format!("{name}: {e}")),
    })
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

/// A folder of this read's own under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, ReadError> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "vanban-ocr-{}-{}-{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| ReadError::Io(e.to_string()))?;
        Ok(Scratch(dir))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, ReadError> {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).map_err(|e| ReadError::Io(e.to_string()))?;
        Ok(p)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Checks that Tesseract and its model for `lang` are installed.
fn check_tesseract(lang: &str) -> Result<(), ReadError> {
    let mut cmd = Command::new(program("VANBAN_TESSERACT", "tesseract"));
    cmd.arg("--list-langs");
    let out = run(cmd, "tesseract", "tesseract-ocr")?;
    let listed = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr_of(&out);
    let have: Vec<&str> = listed.lines().map(str::trim).collect();
    for want in lang.split('+') {
        if !have.contains(&want) {
            return Err(ReadError::OcrUnavailable {
                message: format!(
                    "Tesseract has no '{want}' model: install tesseract-ocr-{want} (or set TESSDATA_PREFIX)"
                ),
            });
        }
    }
    Ok(())
}

/// OCR of one page image (a file) to its text with the layout above.
fn ocr_page(image: &Path, opts: &OcrOptions) -> Result<String, ReadError> {
    let mut cmd = Command::new(program("VANBAN_TESSERACT", "tesseract"));
    cmd.arg(image)
        .arg("stdout")
        .args(["-l", &opts.lang, "--psm", "3", "tsv"]);
    let out = run(cmd, "tesseract", "tesseract-ocr")?;
    if !out.status.success() {
        return Err(ReadError::OcrFailed {
            message: stderr_of(&out),
        });
    }
    Ok(layout(&String::from_utf8_lossy(&out.stdout)))
}

/// One word of Tesseract's TSV.
#[derive(Debug, Clone)]
struct Word {
    left: i32,
    top: i32,
    width: i32,
    height: i32,
    text: String,
}

/// The text of a page from Tesseract's TSV: a line per line (cut at column gaps), a blank
/// line between paragraphs.
pub fn layout(tsv: &str) -> String {
    // (block, paragraph, line) -> words, in reading order.
    let mut lines: Vec<((u32, u32, u32), Vec<Word>)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let text = f[11].trim();
        if text.is_empty() {
            continue;
        }
        let num = |i: usize| f[i].trim().parse::<i64>().unwrap_or(0);
        let key = (num(2) as u32, num(3) as u32, num(4) as u32);
        let word = Word {
            left: num(6) as i32,
            top: num(7) as i32,
            width: num(8) as i32,
            height: num(9) as i32,
            text: text.to_string(),
        };
        match lines.last_mut() {
            Some((k, words)) if *k == key => words.push(word),
            _ => lines.push((key, vec![word])),
        }
    }
    let mut out = String::new();
    // The previous line's paragraph, bottom and height.
    let mut last: Option<((u32, u32), i32, f32)> = None;
    for (key, words) in &lines {
        let mut heights: Vec<i32> = words.iter().map(|w| w.height).collect();
        heights.sort_unstable();
        let height = heights[heights.len() / 2].max(1) as f32;
        let top = words.iter().map(|w| w.top).min().unwrap_or(0);
        let bottom = words.iter().map(|w| w.top + w.height).max().unwrap_or(0);
        if let Some((par, prev_bottom, prev_height)) = last {
            let gap = (top - prev_bottom) as f32;
            if par != (key.0, key.1) && gap > PARAGRAPH_GAP * height.min(prev_height) {
                out.push('\n');
            }
        }
        last = Some(((key.0, key.1), bottom, height));
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let prev = &words[i - 1];
                let gap = (w.left - (prev.left + prev.width)) as f32;
                out.push(if gap > COLUMN_GAP * height { '\n' } else { ' ' });
            }
            out.push_str(&w.text);
        }
        out.push('\n');
    }
    out
}

/// OCR of an image file's bytes (PNG, JPEG, TIFF, GIF, BMP).
pub fn read_image(bytes: &[u8], opts: &OcrOptions) -> Result<String, ReadError> {
    native_only()?;
    if !opts.enabled {
        return Err(ReadError::NoTextLayer);
    }
    check_tesseract(&opts.lang)?;
    let dir = Scratch::new()?;
    let image = dir.write("page", bytes)?;
    ocr_page(&image, opts)
}

/// A PDF's text: its text layer when it has one, else OCR of its pages.
pub fn read_pdf(bytes: &[u8], opts: &OcrOptions) -> Result<String, ReadError> {
    native_only()?;
    let dir = Scratch::new()?;
    let pdf = dir.write("in.pdf", bytes)?;
    let (text, pages) = text_layer(&pdf)?;
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= MIN_LETTERS_PER_PAGE * pages.max(1) {
        return Ok(text);
    }
    if !opts.enabled {
        return Err(ReadError::NoTextLayer);
    }
    check_tesseract(&opts.lang)?;
    let mut cmd = Command::new(program("VANBAN_PDFTOPPM", "pdftoppm"));
    cmd.args(["-r", &opts.dpi.to_string(), "-gray", "-png"])
        .arg(&pdf)
        .arg(dir.0.join("page"));
    let out = run(cmd, "pdftoppm", "poppler-utils")?;
    if !out.status.success() {
        return Err(pdf_error(&out));
    }
    let mut images: Vec<PathBuf> = std::fs::read_dir(&dir.0)
        .map_err(|e| ReadError::Io(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    // page-1.png ... page-10.png: by page number, not by name.
    images.sort_by_key(|p| {
        p.file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.rsplit('-').next())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    });
    let mut text = String::new();
    for (i, image) in images.iter().enumerate() {
        if i > 0 {
            text.push_str("\x0c\n");
        }
        text.push_str(&ocr_page(image, opts)?);
    }
    Ok(text)
}

/// Why Poppler could not read a PDF: encrypted, or damaged.
fn pdf_error(out: &Output) -> ReadError {
    let message = stderr_of(out);
    if message.contains("password") || message.contains("ncrypt") {
        ReadError::Encrypted
    } else {
        ReadError::Malformed {
            format: "pdf",
            message: if message.is_empty() {
                "Poppler could not read it".to_string()
            } else {
                message
            },
        }
    }
}

/// The text layer of a PDF (`pdftotext`, reading order) and its number of pages.
fn text_layer(pdf: &Path) -> Result<(String, usize), ReadError> {
    let mut cmd = Command::new(program("VANBAN_PDFTOTEXT", "pdftotext"));
    cmd.args(["-enc", "UTF-8"]).arg(pdf).arg("-");
    let out = run(cmd, "pdftotext", "poppler-utils")?;
    if !out.status.success() {
        return Err(pdf_error(&out));
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // pdftotext ends every page with a form feed.
    let pages = text.matches('\x0c').count();
    let text = text.trim_end_matches('\x0c').replace("\x0c", "\x0c\n");
    Ok((text, pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(block: u32, par: u32, line: u32, left: i32, width: i32, text: &str) -> String {
        // Lines 80 px apart (30 px of space on 50 px lines), paragraphs 100 px more.
        let top = 100 + 100 * par as i32 + 80 * line as i32;
        format!("5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t50\t95.0\t{text}\n")
    }

    #[test]
    fn columns_are_cut_and_paragraphs_kept() {
        let mut tsv = String::from("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        // THỦ TƯỚNG CHÍNH PHỦ   |   CỘNG HÒA XÃ HỘI (a gap of 85 px on a 50 px line)
        tsv += &row(1, 1, 1, 379, 114, "THỦ");
        tsv += &row(1, 1, 1, 511, 201, "TƯỚNG");
        tsv += &row(1, 1, 1, 1127, 160, "CỘNG");
        tsv += &row(1, 1, 1, 1303, 123, "HÒA");
        tsv += "4\t1\t1\t1\t2\t0\t0\t0\t0\t0\t-1\t\n";
        tsv += &row(1, 2, 1, 300, 120, "Căn");
        tsv += &row(1, 2, 1, 438, 60, "cứ");
        tsv += &row(1, 2, 2, 300, 100, "Luật");
        tsv += &row(1, 2, 2, 420, 10, " ");
        assert_eq!(layout(&tsv), "THỦ TƯỚNG\nCỘNG HÒA\n\nCăn cứ\nLuật\n");
        // A paragraph break where the lines stand close (a title's two lines) is dropped.
        let title = "5\t1\t1\t1\t1\t1\t300\t100\t200\t50\t95\tPhê chuẩn\n\
                     5\t1\t1\t2\t1\t1\t300\t160\t200\t50\t95\tỦy ban\n";
        assert_eq!(layout(&format!("header\n{title}")), "Phê chuẩn\nỦy ban\n");
        assert_eq!(layout(""), "");
        assert_eq!(layout("garbage\n5\tx\n"), "");
    }

    #[test]
    fn a_missing_program_is_ocr_unavailable() {
        let mut cmd = Command::new("/nonexistent/vanban-no-such-tesseract");
        cmd.arg("--version");
        let e = run(cmd, "tesseract", "tesseract-ocr").unwrap_err();
        assert_eq!(e.code(), "ocr_unavailable");
        assert!(e.to_string().contains("install tesseract-ocr"), "{e}");
    }

    #[test]
    fn ocr_off_refuses_a_scan() {
        let opts = OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        };
        assert_eq!(read_image(b"\x89PNG", &opts), Err(ReadError::NoTextLayer));
    }
}
