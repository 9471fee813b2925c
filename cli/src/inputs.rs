//! The inputs of a run: files named on the command line are read whatever their name; folders
//! give the files of the formats vanban reads (text, Markdown, HTML, DOCX, PDF, images; by extension, any case), sorted, and every entry they
//! pass over is reported with its reason.

use std::path::{Path, PathBuf};

/// Extensions a folder's files are read for.
const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx", "pdf", "png", "jpg", "jpeg",
    "tif", "tiff",
];

/// Extensions of documents vanban does not read yet, with the name a report gives.
const NOT_YET_READ: &[(&str, &str)] = &[("doc", "DOC"), ("odt", "ODT"), ("rtf", "RTF")];

/// One input to parse.
#[derive(Debug, Clone)]
pub struct Input {
    /// What records name it by: the path as given or found, `-` for standard input.
    pub source: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// Where its output goes under `--out-dir`: its path inside the folder it was found in, or
    /// its file name.
    pub rel: PathBuf,
}

/// Why an entry of a folder was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Folder,
    Hidden,
    NotYetRead(&'static str),
    NotText,
    Unreadable(String),
}

impl Skip {
    /// A short key for the summary.
    pub fn key(&self) -> String {
        match self {
            Skip::Folder => "folder".into(),
            Skip::Hidden => "hidden".into(),
            Skip::NotYetRead(f) => f.to_lowercase(),
            Skip::NotText => "not text".into(),
            Skip::Unreadable(_) => "unreadable".into(),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Skip::Folder => "a folder: pass --recursive to read inside it".into(),
            Skip::Hidden => "a hidden entry".into(),
            Skip::NotYetRead(f) => {
                format!("{f} is not read yet: convert it to text, or name the file to try it")
            }
            Skip::NotText => format!(
                "not a document vanban reads (.{}); name the file to read it anyway",
                TEXT_EXTENSIONS.join(", .")
            ),
            Skip::Unreadable(e) => format!("cannot be listed: {e}"),
        }
    }
}

/// The inputs and the passed-over entries of a run.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Input>,
    pub skipped: Vec<(String, Skip)>,
    /// A folder was among the arguments (its files are batch records even if there is one).
    pub had_folder: bool,
}

fn classify(path: &Path) -> Option<Skip> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with('.') {
        return Some(Skip::Hidden);
    }
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    Some(match NOT_YET_READ.iter().find(|(e, _)| *e == ext) {
        Some(&(_, name)) => Skip::NotYetRead(name),
        None => Skip::NotText,
    })
}

fn walk(root: &Path, dir: &Path, recursive: bool, out: &mut Expanded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.skipped
                .push((dir.display().to_string(), Skip::Unreadable(e.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(e) => out
                .skipped
                .push((dir.display().to_string(), Skip::Unreadable(e.to_string()))),
        }
    }
    paths.sort();
    for p in paths {
        let shown = p.display().to_string();
        // A folder reached through a symbolic link is not entered (no loops).
        let is_link = p
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                out.skipped.push((shown, Skip::Hidden));
            } else if recursive && !is_link {
                walk(root, &p, recursive, out);
            } else {
                out.skipped.push((shown, Skip::Folder));
            }
            continue;
        }
        match classify(&p) {
            Some(skip) => out.skipped.push((shown, skip)),
            None => out.inputs.push(Input {
                source: shown,
                rel: p.strip_prefix(root).unwrap_or(&p).to_path_buf(),
                path: Some(p),
            }),
        }
    }
}

/// Expands the arguments: `-` is standard input, a folder its files, anything else a file.
pub fn expand(args: &[String], recursive: bool) -> Expanded {
    let mut out = Expanded::default();
    for a in args {
        if a == "-" {
            out.inputs.push(Input {
                source: "-".into(),
                path: None,
                rel: PathBuf::from("stdin"),
            });
            continue;
        }
        let p = Path::new(a);
        if p.is_dir() {
            out.had_folder = true;
            walk(p, p, recursive, &mut out);
        } else {
            out.inputs.push(Input {
                source: a.clone(),
                path: Some(p.to_path_buf()),
                rel: PathBuf::from(p.file_name().unwrap_or(p.as_os_str())),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_read_text_files_of_any_case_and_say_what_they_skip() {
        let dir = std::env::temp_dir().join(format!("vanban-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in [
            "a.TXT",
            "b.markdown",
            "c.pdf",
            "d.docx",
            "e.csv",
            ".f.txt",
            "sub/g.md",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let arg = dir.display().to_string();
        let flat = expand(std::slice::from_ref(&arg), false);
        let names: Vec<_> = flat
            .inputs
            .iter()
            .map(|i| i.rel.display().to_string())
            .collect();
        assert_eq!(names, ["a.TXT", "b.markdown", "c.pdf", "d.docx"]);
        let reasons: Vec<_> = flat.skipped.iter().map(|(_, s)| s.key()).collect();
        assert_eq!(reasons, ["hidden", "not text", "folder"]);
        let deep = expand(&[arg], true);
        let names: Vec<_> = deep
            .inputs
            .iter()
            .map(|i| i.rel.display().to_string())
            .collect();
        assert_eq!(
            names,
            ["a.TXT", "b.markdown", "c.pdf", "d.docx", "sub/g.md"]
        );
        assert!(deep.had_folder);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
