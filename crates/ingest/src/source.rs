//! Paths to inputs: files as given, folders walked recursively in sorted order (hidden entries skipped),
//! `-` for stdin; opening them with a size limit, telling their format, and naming them.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::IngestError;

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// How an input's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    Jsonl,
    /// `.warc` or `.warc.gz` (a gzip stream is told by its first bytes, not its name).
    Warc,
}

impl Input {
    /// The path errors and origins name: the file's path, or `-`.
    pub(crate) fn path(&self) -> &Path {
        match self {
            Input::Stdin => Path::new("-"),
            Input::File(path) => path,
        }
    }

    /// The document id a file gives its article: the file name without its extension (both of `.warc.gz`).
    /// Stdin has none.
    pub(crate) fn id(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File(path) => path.file_stem().map(|stem| {
                let stem = stem.to_string_lossy();
                match lowercase_name(path).ends_with(".warc.gz") {
                    true => stem.get(..stem.len().saturating_sub(".warc".len())).unwrap_or(&stem).to_string(),
                    false => stem.into_owned(),
                }
            }),
        }
    }

    /// Opens the input for buffered reading.
    pub(crate) fn open(&self) -> Result<Box<dyn BufRead>, IngestError> {
        match self {
            Input::Stdin => Ok(Box::new(std::io::stdin().lock())),
            Input::File(path) => File::open(path)
                .map(|file| Box::new(BufReader::new(file)) as Box<dyn BufRead>)
                .map_err(|source| read_error(path, source)),
        }
    }

    /// The format by extension (`.html`/`.htm`, `.jsonl`, `.warc`/`.warc.gz`, anything else is text); stdin
    /// has no name, so its first bytes decide: `{` is JSONL, `<` is HTML, `WARC/` a WARC file.
    pub(crate) fn format(&self, stream: &mut dyn BufRead) -> Result<Format, IngestError> {
        match self {
            Input::File(path) => {
                let name = lowercase_name(path);
                let ext = name.rsplit_once('.').map(|(_, ext)| ext);
                Ok(match ext {
                    Some("html" | "htm") => Format::Html,
                    Some("jsonl") => Format::Jsonl,
                    Some("warc") => Format::Warc,
                    Some("gz") if name.ends_with(".warc.gz") => Format::Warc,
                    _ => Format::Text,
                })
            }
            Input::Stdin => {
                let head = stream.fill_buf().map_err(|source| read_error(self.path(), source))?;
                if head.starts_with(b"WARC/") {
                    return Ok(Format::Warc);
                }
                let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
                Ok(match head.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'{') => Format::Jsonl,
                    Some(b'<') => Format::Html,
                    _ => Format::Text,
                })
            }
        }
    }

    /// All bytes of the input, refusing more than `max` without reading them all.
    pub(crate) fn read_all(&self, stream: &mut dyn BufRead, max: u64) -> Result<Vec<u8>, IngestError> {
        let path = self.path();
        if let Input::File(file) = self
            && std::fs::metadata(file).is_ok_and(|meta| meta.len() > max)
        {
            return Err(IngestError::TooLarge { path: path.to_path_buf(), max });
        }
        let mut bytes = Vec::new();
        // One byte past the limit tells "exactly at the limit" from "over it" for inputs of unknown size.
        stream.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|source| read_error(path, source))?;
        if bytes.len() as u64 > max {
            return Err(IngestError::TooLarge { path: path.to_path_buf(), max });
        }
        Ok(bytes)
    }
}

/// The file name of `path` with ASCII letters in lower case, lossily decoded ("" for a path without one).
fn lowercase_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

/// A stable id from an article's own text, for inputs without a name or an id (stdin, JSONL lines without
/// `id`): re-reading the same article gives the same id.
pub(crate) fn content_id(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The inputs under `paths`, in order: each path as given, folders expanded in place.
pub(crate) fn expand(paths: &[PathBuf]) -> impl Iterator<Item = Result<Input, IngestError>> + '_ {
    paths.iter().flat_map(|path| {
        let mut found = Vec::new();
        if path.as_os_str() == "-" {
            found.push(Ok(Input::Stdin));
        } else {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    walk(path, &mut found);
                    if found.is_empty() {
                        found.push(Err(IngestError::EmptyFolder { path: path.clone() }));
                    }
                }
                Ok(meta) => found.push(regular_file(path, &meta)),
                Err(err) => found.push(Err(io_error(path, err))),
            }
        }
        found
    })
}

/// Appends the files under `dir`, recursing in name order. Hidden entries are skipped; a symbolic link to a
/// folder, which could loop, is named and skipped; a folder that cannot be listed is an error and the walk
/// goes on.
fn walk(dir: &Path, found: &mut Vec<Result<Input, IngestError>>) {
    let entries = match std::fs::read_dir(dir).and_then(|entries| entries.collect::<Result<Vec<_>, _>>()) {
        Ok(entries) => entries,
        Err(err) => return found.push(Err(io_error(dir, err))),
    };
    let mut entries: Vec<_> =
        entries.into_iter().filter(|entry| !entry.file_name().to_string_lossy().starts_with('.')).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, found),
            Ok(kind) if kind.is_symlink() => match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    found.push(Err(IngestError::NotRegular { path, kind: "a link to a folder, which could loop" }))
                }
                Ok(meta) => found.push(regular_file(&path, &meta)),
                Err(err) => found.push(Err(io_error(&path, err))),
            },
            Ok(_) => match std::fs::metadata(&path) {
                Ok(meta) => found.push(regular_file(&path, &meta)),
                Err(err) => found.push(Err(io_error(&path, err))),
            },
            Err(err) => found.push(Err(io_error(&path, err))),
        }
    }
}

/// The file at `path` as an input if it is a regular file (or a link to one). A FIFO, device or socket is
/// named and skipped: opening or reading one could block the batch forever.
fn regular_file(path: &Path, meta: &std::fs::Metadata) -> Result<Input, IngestError> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    let special = match () {
        _ if kind.is_file() => return Ok(Input::File(path.to_path_buf())),
        _ if kind.is_fifo() => "a FIFO",
        _ if kind.is_char_device() => "a character device",
        _ if kind.is_block_device() => "a block device",
        _ if kind.is_socket() => "a socket",
        _ => "not a file",
    };
    Err(IngestError::NotRegular { path: path.to_path_buf(), kind: special })
}

fn io_error(path: &Path, source: std::io::Error) -> IngestError {
    if source.kind() == std::io::ErrorKind::NotFound {
        IngestError::NotFound { path: path.to_path_buf() }
    } else {
        read_error(path, source)
    }
}

fn read_error(path: &Path, source: std::io::Error) -> IngestError {
    IngestError::Read { path: path.to_path_buf(), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[PathBuf], root: &Path) -> Vec<String> {
        expand(paths)
            .map(|input| match input {
                Ok(input) => input.path().strip_prefix(root).unwrap_or(input.path()).display().to_string(),
                Err(err) => format!("error: {err}"),
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_recursively_in_sorted_order_without_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in ["b.txt", "a/z.html", "a/c/d.jsonl", "c.txt", ".hidden.txt", ".git/config", "a/.cache/x.txt"] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "text").unwrap();
        }
        assert_eq!(names(&[root.to_path_buf()], root), ["a/c/d.jsonl", "a/z.html", "b.txt", "c.txt"]);
    }

    #[test]
    fn paths_keep_their_order_and_missing_ones_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("b.txt"), "text").unwrap();
        let paths = [root.join("b.txt"), PathBuf::from("-"), root.join("missing.txt")];
        let got = names(&paths, root);
        assert_eq!(got[..2], ["b.txt", "-"]);
        assert!(got[2].contains("missing.txt: no such file or directory"), "{}", got[2]);
    }

    #[test]
    fn issue_10_fifos_devices_and_links_to_them_or_to_folders_are_named_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "text").unwrap();
        assert!(std::process::Command::new("mkfifo").arg(root.join("pipe.txt")).status().unwrap().success());
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.jsonl")).unwrap();
        std::os::unix::fs::symlink(".", root.join("self")).unwrap();
        let got = names(&[root.to_path_buf(), root.join("pipe.txt")], root);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "a.txt");
        assert!(got[1].ends_with("pipe.txt: not a regular file (a FIFO); skipped"), "{}", got[1]);
        assert!(
            got[2].ends_with("self: not a regular file (a link to a folder, which could loop); skipped"),
            "{}",
            got[2]
        );
        assert!(got[3].ends_with("zero.jsonl: not a regular file (a character device); skipped"), "{}", got[3]);
        assert!(got[4].ends_with("pipe.txt: not a regular file (a FIFO); skipped"), "{}", got[4]);
    }

    #[test]
    fn format_follows_the_extension() {
        let format = |name: &str| Input::File(PathBuf::from(name)).format(&mut std::io::empty()).unwrap();
        assert_eq!(format("a.HTML"), Format::Html);
        assert_eq!(format("a.htm"), Format::Html);
        assert_eq!(format("a.jsonl"), Format::Jsonl);
        assert_eq!(format("a.txt"), Format::Text);
        assert_eq!(format("a.json"), Format::Text);
        assert_eq!(format("crawl.warc"), Format::Warc);
        assert_eq!(format("CC-NEWS-2024.WARC.GZ"), Format::Warc);
        assert_eq!(format("page.html.gz"), Format::Text);
        assert_eq!(format("README"), Format::Text);
    }

    #[test]
    fn stdin_format_is_sniffed_from_its_first_bytes() {
        let format = |bytes: &[u8]| Input::Stdin.format(&mut std::io::Cursor::new(bytes.to_vec())).unwrap();
        assert_eq!(format(b"\n  {\"id\": \"a\"}"), Format::Jsonl);
        assert_eq!(format(b"\xef\xbb\xbf<!doctype html>"), Format::Html);
        assert_eq!(format(b"Talks stall"), Format::Text);
        assert_eq!(format(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), Format::Warc);
    }

    #[test]
    fn id_is_the_file_stem_and_content_ids_are_stable() {
        assert_eq!(Input::File(PathBuf::from("dir/003_abc.txt")).id().as_deref(), Some("003_abc"));
        assert_eq!(Input::Stdin.id(), None);
        assert_eq!(Input::File(PathBuf::from("crawl-01.warc.gz")).id().as_deref(), Some("crawl-01"));
        assert_eq!(Input::File(PathBuf::from("crawl-01.warc")).id().as_deref(), Some("crawl-01"));
        assert_eq!(content_id("same"), content_id("same"));
        assert_eq!(content_id("same").len(), 16);
        assert_ne!(content_id("same"), content_id("other"));
    }
}
