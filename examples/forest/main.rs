//! Writes a synthetic forest for benchmarks: a SYSVOL-shaped tree of GPOs,
//! a `services.yaml` with scopes, groups and accounts, and one large
//! `secedit /export`-style template. Seeded and deterministic.
//!
//! ```text
//! cargo run --release --example forest -- [--gpos 10000] [--seed 1] [--export-mb 50] OUT
//! OUT/sysvol/contoso.com/Policies/{GUID}/GPT.INI
//! OUT/sysvol/contoso.com/Policies/{GUID}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf
//! OUT/services.yaml
//! OUT/export.inf
//! ```
//!
//! Each GPO folder is named by its braced GUID and scopes name GPOs by
//! GUID, so both gplint and `naive_check.py` (which keys a template by the
//! first `{…}` part of its path) read the same chains.

mod export;
mod names;
mod rng;
mod services;
mod template;

use std::path::{Path, PathBuf};

use rng::Rng;

struct Options {
    gpos: usize,
    seed: u64,
    export_mb: usize,
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let options = options();
    let mut rng = Rng::new(options.seed);
    let policies = options.out.join("sysvol/contoso.com/Policies");
    let guids: Vec<String> = (0..options.gpos).map(|_| names::guid(&mut rng)).collect();
    let mut bytes = 0;
    for (i, guid) in guids.iter().enumerate() {
        let kind = if i == 0 {
            template::Kind::Domain
        } else {
            template::Kind::Ordinary
        };
        bytes += write_gpo(&policies.join(guid), i, kind, &mut rng)?;
    }
    let scopes = services::plan(&mut rng, &guids);
    std::fs::write(
        options.out.join("services.yaml"),
        services::yaml(&mut rng, &scopes),
    )?;
    if options.export_mb > 0 {
        let text = export::text(&mut rng, options.export_mb * 1024 * 1024 / 2);
        std::fs::write(options.out.join("export.inf"), template::utf16le(&text))?;
    }
    eprintln!(
        "{} GPOs ({:.1} MB of templates), {} scopes in {}",
        options.gpos,
        bytes as f64 / 1e6,
        scopes.len(),
        options.out.display()
    );
    Ok(())
}

/// Writes one GPO folder; returns the template's size in bytes.
fn write_gpo(dir: &Path, i: usize, kind: template::Kind, rng: &mut Rng) -> std::io::Result<usize> {
    let secedit = dir.join("Machine/Microsoft/Windows NT/SecEdit");
    std::fs::create_dir_all(&secedit)?;
    let name = match kind {
        template::Kind::Domain => "Default Domain Policy".to_owned(),
        template::Kind::Ordinary => format!("GPO {i:05}"),
    };
    std::fs::write(
        dir.join("GPT.INI"),
        format!("[General]\r\nVersion=1\r\ndisplayName={name}\r\n"),
    )?;
    let bytes = template::utf16le(&template::text(rng, kind));
    std::fs::write(secedit.join("GptTmpl.inf"), &bytes)?;
    Ok(bytes.len())
}

fn options() -> Options {
    let mut options = Options {
        gpos: 10_000,
        seed: 1,
        export_mb: 50,
        out: PathBuf::from("/tmp/gplint-forest"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| usage(&arg))
        };
        match arg.as_str() {
            "--gpos" => options.gpos = value(),
            "--seed" => options.seed = value() as u64,
            "--export-mb" => options.export_mb = value(),
            "-h" | "--help" => {
                usage("");
            }
            _ if arg.starts_with('-') => {
                usage(&arg);
            }
            _ => options.out = PathBuf::from(arg),
        }
    }
    options
}

fn usage(bad: &str) -> usize {
    if !bad.is_empty() {
        eprintln!("bad or incomplete option: {bad}");
    }
    eprintln!(
        "usage: forest [--gpos N] [--seed S] [--export-mb M] [OUT]  (default OUT: /tmp/gplint-forest)"
    );
    std::process::exit(2)
}
