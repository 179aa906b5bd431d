//! Embeds every file under `rules/` (rule files, lexicons, templates) in the binary, so that
//! letterlint runs with nothing beside it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut out = String::from("/// Every file under `rules/`: (path relative to `rules/`, contents).\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(&rules).expect("under rules").to_string_lossy().replace('\\', "/");
        writeln!(out, "    ({rel:?}, include_str!({:?})),", path.display().to_string()).expect("write");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("out dir")).join("embedded_rules.rs");
    std::fs::write(dest, out).expect("write embedded_rules.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "md")) {
            out.push(path);
        }
    }
}
