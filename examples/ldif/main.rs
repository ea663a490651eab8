//! Writes a synthetic Active Directory export for benchmarks, shaped like
//! `ldapsearch -LLL` output of a real domain (folded at 76 columns, binary
//! values in base64), and times reading one. Seeded and deterministic.
//!
//! ```text
//! cargo run --release --example ldif -- [--users 50000] [--groups 5000] [--seed 1] OUT.ldif
//! cargo run --release --example ldif -- --load OUT.ldif
//! ```
//!
//! The domain object (60-day `maxPwdAge`, lockout after 5), `Domain
//! Users` and `Domain Computers`, `--groups` groups (40% of them inside an
//! earlier one, so nested several deep) with one cycle (`Loop A` ⇄ `Loop
//! B`), `--users` users each in 1–5 groups (`memberOf` on the user,
//! `member` on the group, `primaryGroupID: 513`), a mix of
//! `userAccountControl` (normal, never expires, disabled, smart card),
//! `logonHours` and `userWorkstations` on some, SPNs on service accounts,
//! 1 computer per 100 users, 20 gMSAs and a fine-grained password policy.

mod records;
#[path = "../forest/rng.rs"]
#[allow(dead_code)]
mod rng;

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use rng::Rng;

struct Options {
    users: usize,
    groups: usize,
    seed: u64,
    load: bool,
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let options = options();
    if options.load {
        return load(&options.out);
    }
    let mut rng = Rng::new(options.seed);
    let file = std::fs::File::create(&options.out)?;
    let mut out = BufWriter::new(file);
    records::domain(&mut out, &mut rng, options.users, options.groups)?;
    out.flush()?;
    let size = std::fs::metadata(&options.out)?.len();
    eprintln!(
        "{} users, {} groups: {:.1} MB in {}",
        options.users,
        options.groups,
        size as f64 / 1e6,
        options.out.display()
    );
    Ok(())
}

/// Reads `path` as `--directory` does and says how long it took.
fn load(path: &std::path::Path) -> std::io::Result<()> {
    let start = Instant::now();
    let limits = gplint::directory::DirectoryLimits::default();
    let name = path.display().to_string();
    let export = gplint::directory::read(&name, path, &limits, gplint::source::Links::Follow)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let elapsed = start.elapsed();
    let members: usize = export.objects.iter().map(|o| o.members.len()).sum();
    eprintln!(
        "read {} objects, {} member links, {} domains, {} PSOs in {:.2} s",
        export.objects.len(),
        members,
        export.domains.len(),
        export.password_settings.len(),
        elapsed.as_secs_f64()
    );
    Ok(())
}

fn options() -> Options {
    let mut options = Options {
        users: 50_000,
        groups: 5_000,
        seed: 1,
        load: false,
        out: PathBuf::from("/tmp/gplint-directory.ldif"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| usage(&arg))
        };
        match arg.as_str() {
            "--users" => options.users = value(),
            "--groups" => options.groups = value().max(10),
            "--seed" => options.seed = value() as u64,
            "--load" => options.load = true,
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
        "usage: ldif [--users N] [--groups G] [--seed S] [OUT.ldif]  |  ldif --load FILE.ldif"
    );
    std::process::exit(2)
}
