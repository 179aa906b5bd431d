//! `check --fix` and `check --diff`: fixing a letter's text to a fixed point while keeping its
//! line endings and byte-order mark, showing the change as a unified diff, and writing it back.
//!
//! Invariants: a file is written only through a temporary file in its own folder and a rename,
//! with the original's permissions; a read-only file, or a file whose bytes changed since they
//! were read, is never written.

use std::io::Write as _;
use std::path::Path;


pub use letterlint::fix::{Fixed, fix_preserving, fix_until_stable};

/// A unified diff from `old` to `new`, headed with the file's name.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    // Relative paths get git's `a/` and `b/` prefixes, so `git apply` and `patch -p1` take the diff.
    let (old_name, new_name) = if Path::new(path).is_absolute() {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &new_name)
        .to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Why a fixed text was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file is read-only; fixes were not written (make it writable, or use --diff)")]
    ReadOnly,
    #[error("the file changed while letterlint was fixing it; fixes were not written (run again)")]
    Changed,
    #[error("cannot write the fixed letter: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes `new` over `path` when the file still holds exactly `original`: through a temporary file
/// in the same folder, with the original's permissions, and a rename. A symbolic link is followed,
/// so the link stays a link.
pub fn write_if_unchanged(path: &Path, original: &[u8], new: &str) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path)?;
    let metadata = std::fs::metadata(&target)?;
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".letterlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(new.as_bytes())?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), metadata.permissions())?;
    before_write_hook(&target);
    if std::fs::read(&target)? != original {
        return Err(WriteError::Changed);
    }
    temp.persist(&target).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

/// Test hook, in debug builds only: `LETTERLINT_TEST_APPEND_BEFORE_WRITE=<text>` appends the text
/// to the file between reading and writing it, as another program saving the file would.
#[cfg(debug_assertions)]
fn before_write_hook(target: &Path) {
    if let Some(extra) = std::env::var_os("LETTERLINT_TEST_APPEND_BEFORE_WRITE") {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(target)
            .expect("test hook opens the file");
        file.write_all(extra.to_string_lossy().as_bytes())
            .expect("test hook appends");
    }
}

#[cfg(not(debug_assertions))]
fn before_write_hook(_target: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(text: &str) -> Fixed {
        Fixed {
            text: text
                .replace("teh", "the")
                .replace("end.", "end.\nP.S. more\n"),
            applied: 1,
            stable: true,
        }
    }

    #[test]
    fn crlf_and_bom_survive_a_fix() {
        let fixed = fix_preserving("\u{feff}teh one\r\nend.\r\n", |t| {
            assert!(
                !t.contains('\r') && !t.starts_with('\u{feff}'),
                "rules see LF text without a BOM: {t:?}"
            );
            upper(t)
        });
        assert_eq!(fixed.text, "\u{feff}the one\r\nend.\r\nP.S. more\r\n\r\n");
    }

    #[test]
    fn mixed_line_ends_are_left_as_they_are() {
        let fixed = fix_preserving("teh one\r\ntwo\n", upper);
        assert_eq!(fixed.text, "the one\r\ntwo\n");
    }

    #[test]
    fn no_fix_gives_back_the_exact_text() {
        let text = "\u{feff}fine\r\n";
        let fixed = fix_preserving(text, |t| Fixed {
            text: t.to_string(),
            applied: 0,
            stable: true,
        });
        assert_eq!((fixed.text.as_str(), fixed.applied), (text, 0));
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "new words from the editor").unwrap();
        let err = write_if_unchanged(&path, b"what letterlint read", "fixed").unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "new words from the editor"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            1,
            "the temporary file is removed: {leftovers:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("letter.md");
        let link = dir.path().join("link.md");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_if_unchanged(&link, b"old", "new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn diffs_of_relative_paths_apply_with_p1() {
        let diff = unified_diff("letters/a.md", "one\ntwo\n", "one\n2\n");
        assert!(
            diff.starts_with(
                "--- a/letters/a.md\n+++ b/letters/a.md\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n"
            ),
            "{diff}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_write_keeps_permissions_and_a_read_only_file_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_if_unchanged(&path, b"old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        assert!(matches!(
            write_if_unchanged(&path, b"new", "newer"),
            Err(WriteError::ReadOnly)
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
