//! The forest generator itself, apart from its command line, so that a
//! test can build the same forest with
//! `#[path = "../examples/forest/generate.rs"] mod forest;` (an example is
//! no library a test could link to). The submodules are this file's
//! siblings: a file loaded by `#[path]` owns its directory.

mod export;
mod names;
mod rng;
mod services;
mod template;

use std::path::Path;

use rng::Rng;

/// What to generate.
pub struct Options {
    /// How many GPOs, the domain-wide one first.
    pub gpos: usize,
    /// The generator's seed: the same seed gives the same forest.
    pub seed: u64,
    /// The size of `export.inf` in MB; 0 writes none.
    pub export_mb: usize,
}

/// What [`generate`] wrote, for its summary line.
pub struct Summary {
    /// Bytes of `GptTmpl.inf` written, all GPOs together.
    pub template_bytes: usize,
    /// Scopes in `services.yaml`.
    pub scopes: usize,
}

/// Writes the forest into `out`: `sysvol/contoso.com/Policies/{GUID}/…`,
/// `services.yaml` and, when asked for, `export.inf`.
pub fn generate(options: &Options, out: &Path) -> std::io::Result<Summary> {
    let mut rng = Rng::new(options.seed);
    let policies = out.join("sysvol/contoso.com/Policies");
    let guids: Vec<String> = (0..options.gpos).map(|_| names::guid(&mut rng)).collect();
    let mut template_bytes = 0;
    for (i, guid) in guids.iter().enumerate() {
        let kind = if i == 0 {
            template::Kind::Domain
        } else {
            template::Kind::Ordinary
        };
        template_bytes += write_gpo(&policies.join(guid), i, kind, &mut rng)?;
    }
    let scopes = services::plan(&mut rng, &guids);
    std::fs::write(out.join("services.yaml"), services::yaml(&mut rng, &scopes))?;
    if options.export_mb > 0 {
        let text = export::text(&mut rng, options.export_mb * 1024 * 1024 / 2);
        std::fs::write(out.join("export.inf"), template::utf16le(&text))?;
    }
    Ok(Summary {
        template_bytes,
        scopes: scopes.len(),
    })
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
