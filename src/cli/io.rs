//! Reading input files and standard input, writing output, and the errors
//! the user sees (with the exit code each maps to).
//!
//! Input bytes go through the library's [`restitch::decode`] (encodings,
//! byte order marks, line ends, binary refused); here its errors get the
//! file's name and a hint at the option that helps. Output to a file — `-o`
//! or `--in-place` — is written to a temporary file in the destination's own
//! folder and renamed over the destination only when complete, so a failure
//! (or a kill) never leaves it half-written.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use restitch::decode::{decode, DecodeError, EncodingChoice};
use tempfile::NamedTempFile;

/// Exit code: the input could not be read or decoded.
pub(crate) const EXIT_INPUT: u8 = 1;
/// Exit code: the output (file, in-place rewrite, backup) could not be
/// written; the destination is left as it was.
pub(crate) const EXIT_OUTPUT: u8 = 4;

/// An error for the user, with the exit code it maps to.
pub(crate) struct Failure {
    pub(crate) message: String,
    pub(crate) code: u8,
}

pub(crate) fn input_error(message: String) -> Failure {
    Failure { message, code: EXIT_INPUT }
}

pub(crate) fn output_error(message: String) -> Failure {
    Failure { message, code: EXIT_OUTPUT }
}

/// Decodes input bytes; the error names the input and the option to try.
pub(crate) fn decode_input(bytes: &[u8], name: &str, encoding: EncodingChoice) -> Result<String, Failure> {
    decode(bytes, encoding).map(|decoded| decoded.text).map_err(|e| {
        let hint = match e {
            DecodeError::InvalidUtf8 { .. } => {
                " (try --encoding auto, or --encoding gb18030 / big5 / shift_jis if you know it)"
            }
            DecodeError::Malformed { .. } => " (see --encoding; --encoding auto detects)",
            DecodeError::Binary { looks_like: Some(_), .. } => " (try --encoding auto)",
            DecodeError::Binary { .. } => "",
        };
        input_error(format!("{name}: {e}{hint}"))
    })
}

/// Reads an input file in `encoding`.
pub(crate) fn read_input(path: &Path, encoding: EncodingChoice) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| input_error(format!("{}: {e}", path.display())))?;
    decode_input(&bytes, &path.display().to_string(), encoding)
}

/// Reads a UTF-8 file of the tool's own (weights, floors).
pub(crate) fn read_file(path: &Path) -> Result<String, Failure> {
    read_input(path, EncodingChoice::Utf8)
}

pub(crate) fn read_stdin(encoding: EncodingChoice) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| input_error(format!("standard input: {e}")))?;
    decode_input(&bytes, "standard input", encoding)
}

pub(crate) fn write_out(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`restitch page.txt | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(output_error(format!("writing output: {e}"))),
    }
}

/// The warnings for pages that failed the conservation check and were left
/// in input order: in JSON they are listed under `fallbacks`, but a text
/// reader would not know, so they also go to standard error.
pub(crate) fn fallback_warnings(name: &str, repaired: &restitch::Repaired) -> Vec<String> {
    repaired
        .pages
        .iter()
        .filter_map(|page| page.fallback.as_deref())
        .map(|reason| format!("warning: {name}: {reason}"))
        .collect()
}

/// A file being written: a temporary file beside its destination, renamed
/// over it by [`AtomicFile::commit`]. Dropped without a commit, the
/// temporary file is removed and the destination never changed.
pub(crate) struct AtomicFile {
    temp: BufWriter<NamedTempFile>,
    dest: PathBuf,
}

impl AtomicFile {
    pub(crate) fn create(dest: &Path) -> Result<Self, Failure> {
        // Same folder: a rename across file systems would not be atomic.
        let dir = match dest.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".restitch-");
        // A new file gets the permissions a plain `> FILE` would give it
        // (the umask applies), not the temporary file's owner-only ones.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder
            .tempfile_in(dir)
            .map_err(|e| output_error(format!("{}: cannot create a temporary file: {e}", dir.display())))?;
        Ok(AtomicFile { temp: BufWriter::new(temp), dest: dest.to_path_buf() })
    }

    pub(crate) fn write(&mut self, text: &str) -> Result<(), Failure> {
        self.temp.write_all(text.as_bytes()).map_err(|e| self.error("writing", e))
    }

    /// Flushes to disk and renames over the destination, first keeping the
    /// destination's old content as `backup` when given.
    pub(crate) fn commit(self, backup: Option<&Path>) -> Result<(), Failure> {
        let dest = self.dest.clone();
        let error = |what: &str, e: std::io::Error| output_error(format!("{}: {what}: {e}", dest.display()));
        let temp = self.temp.into_inner().map_err(|e| error("writing", e.into_error()))?;
        temp.as_file().sync_all().map_err(|e| error("writing", e))?;
        if let Ok(metadata) = std::fs::metadata(&dest) {
            // The rewritten file keeps the old one's permissions.
            temp.as_file().set_permissions(metadata.permissions()).map_err(|e| error("permissions", e))?;
        }
        if let Some(backup) = backup {
            make_backup(&dest, backup)?;
        }
        temp.persist(&dest).map_err(|e| error("renaming the finished output into place", e.error))?;
        Ok(())
    }

    fn error(&self, what: &str, e: std::io::Error) -> Failure {
        output_error(format!("{}: {what}: {e}", self.dest.display()))
    }
}

/// Keeps `file`'s current content as `backup`, refusing to overwrite an
/// existing backup (it may hold the only original). A hard link costs
/// nothing; where links are not possible the content is copied, through a
/// temporary file as well.
fn make_backup(file: &Path, backup: &Path) -> Result<(), Failure> {
    let fail = |e: std::io::Error| output_error(format!("{}: cannot keep a backup: {e}", backup.display()));
    if backup.exists() {
        return Err(output_error(format!(
            "{}: a backup already exists; remove it, choose another --backup-suffix, or pass --no-backup",
            backup.display()
        )));
    }
    match std::fs::hard_link(file, backup) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(fail(e)),
        Err(_) => {}
    }
    let mut copy = AtomicFile::create(backup)?;
    let mut source = File::open(file).map_err(fail)?;
    std::io::copy(&mut source, copy.temp.get_mut()).map_err(fail)?;
    let temp = copy.temp.into_inner().map_err(|e| fail(e.into_error()))?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist_noclobber(backup).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Where the output goes: standard output, or one file written atomically.
pub(crate) enum Sink {
    Stdout,
    File(AtomicFile),
}

impl Sink {
    pub(crate) fn open(output: Option<&Path>) -> Result<Self, Failure> {
        Ok(match output {
            None => Sink::Stdout,
            Some(path) => Sink::File(AtomicFile::create(path)?),
        })
    }

    pub(crate) fn write(&mut self, text: &str) -> Result<(), Failure> {
        match self {
            Sink::Stdout => write_out(text),
            Sink::File(file) => file.write(text),
        }
    }

    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            Sink::Stdout => Ok(()),
            Sink::File(file) => file.commit(None),
        }
    }
}

/// How `--in-place` treats the old content.
pub(crate) enum Backup {
    /// Keep it as FILE + suffix.
    Suffix(String),
    None,
}

/// Rewrites `path` with `transform` of its decoded text. The real file is
/// rewritten when `path` is a symbolic link (the link stays a link).
pub(crate) fn rewrite_in_place(
    path: &Path,
    encoding: EncodingChoice,
    backup: &Backup,
    transform: impl FnOnce(&str) -> Result<String, Failure>,
) -> Result<(), Failure> {
    let text = read_input(path, encoding)?;
    let real = std::fs::canonicalize(path).map_err(|e| input_error(format!("{}: {e}", path.display())))?;
    let output = transform(&text)?;
    let mut file = AtomicFile::create(&real)?;
    file.write(&output)?;
    let backup_path = match backup {
        Backup::Suffix(suffix) => {
            let mut name = real.clone().into_os_string();
            name.push(suffix);
            Some(PathBuf::from(name))
        }
        Backup::None => None,
    };
    file.commit(backup_path.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_are_named_with_their_input() {
        let mut repaired =
            restitch::repair("标题\n\n正文。\n\u{000C}第二页。\n", &restitch::Options::default());
        assert!(fallback_warnings("page.txt", &repaired).is_empty());
        repaired.pages[1].fallback = Some("page 2: characters differ; kept input order".to_string());
        assert_eq!(
            fallback_warnings("page.txt", &repaired),
            ["warning: page.txt: page 2: characters differ; kept input order"]
        );
    }
}
