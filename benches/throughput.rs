//! Throughput of each stage on fixed inputs, in MB/s of template text:
//! decoding, parsing, typing (the model of one template) and evaluating a
//! chain. Inputs come from the forest generator with a fixed seed, so
//! every run measures the same bytes. Run with `cargo bench`.

#[path = "../examples/forest/export.rs"]
mod export;
#[path = "../examples/forest/names.rs"]
#[allow(dead_code)] // shared with the generator, which uses all of it
mod names;
#[path = "../examples/forest/rng.rs"]
mod rng;
#[path = "../examples/forest/services.rs"]
#[allow(dead_code)]
mod services;
#[path = "../examples/forest/template.rs"]
mod template;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use gplint::check::Evaluation;
use gplint::policy::PolicyInput;
use gplint::{expect, source, syntax};

/// Ten MB on disk: large enough to measure, small enough for a quick run.
const EXPORT_CHARS: usize = 5 * 1024 * 1024;

fn export_bytes() -> Vec<u8> {
    template::utf16le(&export::text(&mut rng::Rng::new(7), EXPORT_CHARS))
}

fn decode(c: &mut Criterion) {
    let bytes = export_bytes();
    let mut group = c.benchmark_group("decode");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("utf16le-export", |b| {
        b.iter_batched(
            || bytes.clone(),
            |bytes| source::decode(bytes).map(|d| d.text.len()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let bytes = export_bytes();
    let text = source::decode(bytes.clone()).unwrap().text;
    let mut group = c.benchmark_group("parse");
    // Throughput counts the bytes on disk, as the I/O floor does.
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("syntax-export", |b| {
        b.iter(|| syntax::parse(black_box(&text)).line_count())
    });
    group.bench_function("syntax+model-export", |b| {
        b.iter(|| {
            gplint::template::build(&syntax::parse(black_box(&text)))
                .privilege_rights
                .len()
        })
    });
    group.finish();
}

/// A chain of eight ordinary GPOs behind the domain GPO, and a
/// `services.yaml` whose accounts all apply to it.
fn chain_inputs() -> (Vec<String>, String, usize) {
    let mut rng = rng::Rng::new(11);
    let texts: Vec<String> = (0..9)
        .map(|i| {
            let kind = if i == 0 {
                template::Kind::Domain
            } else {
                template::Kind::Ordinary
            };
            template::text(&mut rng, kind)
        })
        .collect();
    let bytes = texts.iter().map(|t| 2 + 2 * t.len()).sum();
    let yaml = services::yaml(&mut rng, &[]);
    (texts, yaml, bytes)
}

fn evaluate(c: &mut Criterion) {
    let (texts, yaml, bytes) = chain_inputs();
    let expect = expect::load("services.yaml", &yaml).unwrap();
    let typed: Vec<_> = texts
        .iter()
        .map(|t| gplint::template::build(&syntax::parse(t)))
        .collect();
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("chain-of-9-1000-accounts", |b| {
        b.iter(|| {
            let inputs = typed
                .iter()
                .map(|template| PolicyInput {
                    name: "GptTmpl.inf",
                    template,
                })
                .collect();
            Evaluation::new(inputs, black_box(&expect)).verdicts.len()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = decode, parse, evaluate
}
criterion_main!(benches);
