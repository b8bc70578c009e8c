//! Output that is either complete or absent: files are written beside their target and renamed
//! into place, and a closed stdout ends the command quietly instead of panicking.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Failure;

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it, so a
/// reader never sees a half-written database and a failed run leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// `write_atomic` for output made while it is written (`write` gets a buffered writer), so
/// it is never held whole in memory.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure::Output(format!("{}: cannot write: {e}", path.display()));
    let name = path
        .file_name()
        .ok_or_else(|| Failure::Output(format!("{}: not a file name", path.display())))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|f| {
            let mut buf = io::BufWriter::new(f);
            write(&mut buf)?;
            buf.into_inner().map_err(|e| e.into_error())?.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Maps a stdout write error: a vanished reader is `BrokenPipe`, anything else a failure.
pub fn stdout_error(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Output(format!("<stdout>: cannot write: {e}"))
    }
}

/// Writes all of `bytes` to stdout and flushes.
pub fn to_stdout(bytes: &[u8]) -> Result<(), Failure> {
    to_stdout_with(|out| out.write_all(bytes))
}

/// `to_stdout` for output made while it is written (`write` gets a buffered writer).
pub fn to_stdout_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}
