//! Output stays byte-identical: `check`, `explain` and `dump` print what
//! they printed when `tests/fixtures/output-hashes.tsv` was written, on the
//! quickstart, the real corpus and a generated 2,000-GPO forest, with 1, 2,
//! 4 and 7 threads. Performance work must not change a byte of output; a
//! hash per run (stdout, stderr and exit code) is what makes that cheap to
//! check on a forest whose outputs are 190 MB.
//!
//! Regenerate the hashes, only when an output is meant to change, with
//! `GPLINT_UPDATE_HASHES=1 GPLINT_CORPUS=… cargo test --test output_hashes`.
//! A run whose hash differs has its output written under
//! `target/tmp/output-hashes/` to diff against the same command run by the
//! previous binary.

mod common;

// Only `generate` and what it calls are used here.
#[allow(dead_code)]
#[path = "../examples/forest/generate.rs"]
mod forest;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

use sha1::{Digest, Sha1};

const HASHES: &str = "tests/fixtures/output-hashes.tsv";
const UPDATE: &str = "GPLINT_UPDATE_HASHES";
const ALL_THREADS: [&str; 4] = ["1", "2", "4", "7"];

/// One command of the matrix.
struct Form {
    verb: &'static str,
    format: &'static str,
}

impl Form {
    /// Its name in the hash file and in messages.
    fn name(&self) -> String {
        format!("{} --format {}", self.verb, self.format)
    }
}

const FORMS: [Form; 7] = [
    Form {
        verb: "check",
        format: "human",
    },
    Form {
        verb: "check",
        format: "json",
    },
    Form {
        verb: "check",
        format: "sarif",
    },
    Form {
        verb: "explain",
        format: "human",
    },
    Form {
        verb: "explain",
        format: "json",
    },
    Form {
        verb: "dump",
        format: "text",
    },
    Form {
        verb: "dump",
        format: "json",
    },
];

/// One input: a folder to run in, the template paths relative to it and
/// the expectations file `check` and `explain` take.
struct Input {
    name: &'static str,
    dir: PathBuf,
    templates: Vec<String>,
    expect: &'static str,
}

impl Input {
    fn args(&self, form: &Form) -> Vec<String> {
        let mut args = vec![form.verb.to_owned()];
        args.extend(self.templates.iter().cloned());
        if form.verb != "dump" {
            args.extend(["--expect".to_owned(), self.expect.to_owned()]);
        }
        args.extend(["--format".to_owned(), form.format.to_owned()]);
        args
    }
}

/// One run to make and the hash it must give.
struct Job<'a> {
    form: &'a Form,
    threads: &'static str,
    expected: Option<String>,
}

#[test]
fn the_quickstart_prints_what_it_printed() {
    let input = Input {
        name: "quickstart",
        dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        templates: vec!["examples/quickstart/GptTmpl.inf".to_owned()],
        expect: "examples/quickstart/services.yaml",
    };
    assert_unchanged(&input, |_| &ALL_THREADS);
}

#[test]
fn the_real_corpus_prints_what_it_printed() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    // A copy beside the quickstart's expectations, run with relative paths,
    // so that no output names the folder the corpus lives in. All 112
    // templates make one chain, later ones taking precedence.
    let dir = tempfile::tempdir().unwrap();
    let mut templates = Vec::new();
    for entry in walkdir::WalkDir::new(corpus.join("real")).sort_by_file_name() {
        let entry = entry.expect("the corpus folder is readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&corpus).unwrap();
        let copy = dir.path().join(relative);
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        std::fs::copy(entry.path(), &copy).unwrap();
        templates.push(relative.to_str().unwrap().to_owned());
    }
    let quickstart = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/quickstart");
    std::fs::copy(
        quickstart.join("services.yaml"),
        dir.path().join("services.yaml"),
    )
    .unwrap();
    let input = Input {
        name: "corpus",
        dir: dir.path().to_owned(),
        templates,
        expect: "services.yaml",
    };
    assert_unchanged(&input, |_| &ALL_THREADS);
}

/// The 2,000-GPO forest of `examples/forest` (seed 1, no export), the one
/// BENCHMARKS.md and the reference outputs use.
///
/// A debug build takes 6–20 s per run here, so not every run of the
/// matrix is made (CI must stay under 15 minutes): every command at 1
/// thread; `check --format human`, `explain --format json` and both
/// `dump`s at 7; `check --format human` at 2 and 4 as well; about 140
/// CPU-seconds, run as many at a time as there are cores. The quickstart
/// and the corpus cover every command at every thread count.
#[test]
fn a_2000_gpo_forest_prints_what_it_printed() {
    let input = Input {
        name: "forest-2000",
        dir: forest_2000().to_owned(),
        templates: vec!["sysvol".to_owned()],
        expect: "services.yaml",
    };
    let start = std::time::Instant::now();
    assert_unchanged(&input, |form| match (form.verb, form.format) {
        ("check", "human") => &ALL_THREADS,
        ("explain", "json") | ("dump", _) => &["1", "7"],
        _ => &["1"],
    });
    common::say(&format!(
        "forest: runs took {:.0} s",
        start.elapsed().as_secs_f64()
    ));
}

/// The forest, generated once per test process into a folder that lives
/// as long as it.
fn forest_2000() -> &'static Path {
    static FOREST: OnceLock<tempfile::TempDir> = OnceLock::new();
    FOREST
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let options = forest::Options {
                gpos: 2000,
                seed: 1,
                export_mb: 0,
            };
            let summary = forest::generate(&options, dir.path()).unwrap();
            common::say(&format!(
                "forest: 2000 GPOs, {:.1} MB of templates, {} scopes",
                summary.template_bytes as f64 / 1e6,
                summary.scopes
            ));
            dir
        })
        .path()
}

/// Runs every form of `input` at the thread counts `threads_for` names and
/// compares each hash with the stored one (or, with `GPLINT_UPDATE_HASHES`
/// set, stores the one-thread hash after checking the other counts agree).
fn assert_unchanged(input: &Input, threads_for: impl Fn(&Form) -> &'static [&'static str]) {
    let update = std::env::var_os(UPDATE).is_some();
    let stored = read_hashes();
    let wanted = |form: &Form| {
        if update {
            None
        } else {
            stored.get(&(input.name.to_owned(), form.name())).cloned()
        }
    };
    let mut failures = Vec::new();
    // One thread first: its hash is what the others must give when
    // updating, or when no hash is stored yet.
    let first: Vec<Job> = FORMS
        .iter()
        .map(|form| Job {
            form,
            threads: "1",
            expected: wanted(form),
        })
        .collect();
    let one = run_jobs(input, &first, &mut failures);
    let rest: Vec<Job> = FORMS
        .iter()
        .zip(&one)
        .flat_map(|(form, hash)| {
            let expected = wanted(form).unwrap_or_else(|| hash.clone());
            threads_for(form)
                .iter()
                .filter(|&&t| t != "1")
                .map(move |&threads| Job {
                    form,
                    threads,
                    expected: Some(expected.clone()),
                })
        })
        .collect();
    run_jobs(input, &rest, &mut failures);
    let missing: Vec<String> = FORMS
        .iter()
        .filter(|form| wanted(form).is_none())
        .map(Form::name)
        .collect();
    if update && failures.is_empty() {
        let hashes = FORMS.iter().map(Form::name).zip(one).collect();
        store_hashes(input.name, hashes);
    } else if !missing.is_empty() {
        failures.push(format!(
            "{}: no stored hash for {missing:?} in {HASHES}; run with {UPDATE}=1 to store them",
            input.name
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Makes the runs, as many at a time as there are cores, the costliest
/// first; returns each job's hash in job order and adds a message to
/// `failures` for each one that is not the expected hash.
fn run_jobs(input: &Input, jobs: &[Job], failures: &mut Vec<String>) -> Vec<String> {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cost(jobs[i].form)));
    let queue = Mutex::new(order.into_iter());
    let results = Mutex::new(vec![(String::new(), None); jobs.len()]);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let Some(i) = queue.lock().unwrap().next() else {
                        break;
                    };
                    let result = run_job(input, &jobs[i]);
                    results.lock().unwrap()[i] = result;
                }
            });
        }
    });
    let results = results.into_inner().unwrap();
    failures.extend(results.iter().filter_map(|(_, failure)| failure.clone()));
    results.into_iter().map(|(hash, _)| hash).collect()
}

/// A rough order of cost, so that the long runs start first.
fn cost(form: &Form) -> u8 {
    match (form.verb, form.format) {
        ("dump", "json") => 3,
        ("dump", _) => 2,
        ("check", _) => 1,
        _ => 0,
    }
}

/// Runs one job; returns its hash and, when it is not the expected one,
/// the message saying where its output went.
fn run_job(input: &Input, job: &Job) -> (String, Option<String>) {
    let args = input.args(job.form);
    let output = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(&args)
        .current_dir(&input.dir)
        .env("RAYON_NUM_THREADS", job.threads)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("the gplint binary runs");
    let hash = hash(&output, &input.dir);
    let failure = match &job.expected {
        Some(expected) if *expected != hash => Some(mismatch(input, job, &output, &hash, expected)),
        _ => None,
    };
    (hash, failure)
}

/// The SHA-1 of the exit code, stdout and stderr, each length-prefixed so
/// that bytes moving from one stream to the other change the hash, with
/// the folder the run was made in written `{DIR}`: SARIF names files by
/// absolute `file:` URI (or relative to an absolute `%SRCROOT%`), and
/// the quickstart's checkout, the corpus's copy and the forest's
/// temporary folder are somewhere else on every machine.
fn hash(output: &Output, dir: &Path) -> String {
    let mut sha = Sha1::new();
    sha.update(format!("exit {:?}\n", output.status.code()));
    for stream in [&output.stdout, &output.stderr] {
        let stream = without_dir(stream, dir);
        sha.update(format!("{} bytes\n", stream.len()));
        sha.update(&stream);
    }
    sha.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// `bytes` with `dir` (as given and canonical) written `{DIR}`.
fn without_dir(bytes: &[u8], dir: &Path) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let mut text = text.to_owned();
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    for dir in [canonical.as_path(), dir] {
        let dir = dir.to_str().expect("the test's folders have UTF-8 names");
        if text.contains(dir) {
            text = text.replace(dir, "{DIR}");
        }
    }
    text.into_bytes()
}

/// Writes the run's output under `target/tmp/output-hashes/` and says
/// which run differs and how to compare it.
fn mismatch(input: &Input, job: &Job, output: &Output, hash: &str, expected: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("output-hashes")
        .join(input.name);
    std::fs::create_dir_all(&dir).unwrap();
    let stem = format!(
        "{}.{}.{}-threads",
        job.form.verb, job.form.format, job.threads
    );
    let base = dir.join(&stem);
    std::fs::write(dir.join(format!("{stem}.stdout")), &output.stdout).unwrap();
    std::fs::write(dir.join(format!("{stem}.stderr")), &output.stderr).unwrap();
    format!(
        "{}: `{}` with RAYON_NUM_THREADS={} gives {hash}, stored {expected} (exit {:?}); \
         its output is in {}.{{stdout,stderr}}: diff it against the same command \
         (`gplint {}`, NO_COLOR=1, from inside the input's folder{}) run by the binary \
         the hashes were stored with",
        input.name,
        job.form.name(),
        job.threads,
        output.status.code(),
        base.display(),
        input.args(job.form).join(" "),
        match input.name {
            "forest-2000" => ": `cargo run --example forest -- --gpos 2000 --export-mb 0 DIR`",
            "corpus" => ": a copy of $GPLINT_CORPUS/real beside examples/quickstart/services.yaml",
            _ => ": the repository",
        }
    )
}

/// The stored hashes: (input, command) → hash.
fn read_hashes() -> BTreeMap<(String, String), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(HASHES);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let input = fields.next()?.to_owned();
            let command = fields.next()?.to_owned();
            Some(((input, command), fields.next()?.to_owned()))
        })
        .collect()
}

/// Replaces the hashes of `input` in the hash file, keeping the others'.
fn store_hashes(input: &str, hashes: Vec<(String, String)>) {
    // The three tests run at once and write the same file.
    static WRITING: Mutex<()> = Mutex::new(());
    let _lock = WRITING.lock().unwrap();
    let mut all = read_hashes();
    all.retain(|(name, _), _| name != input);
    for (command, hash) in hashes {
        all.insert((input.to_owned(), command), hash);
    }
    let mut text = String::from(
        "# input\tcommand\tSHA-1 of exit code, stdout and stderr (the same at 1, 2, 4 and 7 threads)\n\
         # Written by GPLINT_UPDATE_HASHES=1 cargo test --test output_hashes; see tests/output_hashes.rs.\n",
    );
    for ((name, command), hash) in all {
        text.push_str(&format!("{name}\t{command}\t{hash}\n"));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(HASHES);
    std::fs::write(path, text).unwrap();
}
