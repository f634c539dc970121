//! `guang-demo-gen [--check] [DIR]`: writes the demo content pack to DIR (default `demo/api/v1`), or with
//! `--check` verifies that DIR holds exactly what the generator makes (used by `make test`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use guang_demo_gen::{build_pack, SEED};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let dir = args.iter().find(|a| !a.starts_with("--")).map(PathBuf::from).unwrap_or_else(|| "demo/api/v1".into());
    let pack = build_pack(SEED);
    if check {
        let mut bad = 0;
        for (path, bytes) in &pack {
            match std::fs::read(dir.join(path)) {
                Ok(on_disk) if &on_disk == bytes => {}
                Ok(_) => {
                    eprintln!("differs: {path}");
                    bad += 1;
                }
                Err(e) => {
                    eprintln!("missing: {path} ({e})");
                    bad += 1;
                }
            }
        }
        let extra =
            list_files(&dir).into_iter().filter(|p| !pack.contains_key(p) && !p.starts_with("media/videos/")).count();
        if bad > 0 || extra > 0 {
            eprintln!("demo pack is stale: {bad} files differ, {extra} unexpected; run `make demo-pack`");
            return ExitCode::FAILURE;
        }
        println!("demo pack up to date: {} files", pack.len());
        return ExitCode::SUCCESS;
    }
    for (path, bytes) in &pack {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("cannot create {}: {e}", parent.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&full, bytes) {
            eprintln!("cannot write {}: {e}", full.display());
            return ExitCode::FAILURE;
        }
    }
    println!("wrote {} files to {}", pack.len(), dir.display());
    ExitCode::SUCCESS
}

fn list_files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(d) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}
