//! Reading input files and standard input, writing output, and the errors
//! the user sees (with the exit code each maps to).

use std::io::{Read, Write};
use std::path::Path;

/// An error for the user, with the exit code it maps to.
pub(crate) struct Failure {
    pub(crate) message: String,
    pub(crate) code: u8,
}

pub(crate) fn input_error(message: String) -> Failure {
    Failure { message, code: 1 }
}

/// Decodes bytes as UTF-8, naming the first bad byte's offset.
pub(crate) fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        input_error(format!(
            "{name}: not valid UTF-8 (first invalid byte at offset {}); convert it first, e.g. with iconv -f GB18030 -t UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

pub(crate) fn read_file(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| input_error(format!("{}: {e}", path.display())))?;
    decode(bytes, &path.display().to_string())
}

pub(crate) fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| input_error(format!("standard input: {e}")))?;
    decode(bytes, "standard input")
}

pub(crate) fn write_out(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`restitch page.txt | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure { message: format!("writing output: {e}"), code: 1 }),
    }
}

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so that a reader never sees a half-written file, whatever
/// happens to this process.
pub(crate) fn write_file_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{name}.restitch-{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, contents).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
