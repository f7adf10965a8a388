//! Throughput of the full check path with the built-in packs.
//!
//! `cargo bench --bench check`; compare ratios within one run (the machines are shared).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mtlint::rules::embedded;
use mtlint::{Document, Engine};

/// All fixture articles, concatenated and repeated to about `bytes` bytes.
fn corpus(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let one: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::with_capacity(bytes + one.len());
    while out.len() < bytes && !one.is_empty() {
        out.push_str(&one);
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    c.bench_function("load built-in packs", |b| {
        b.iter(|| Engine::new(embedded::load_default().expect("packs")).expect("engine"))
    });
    let engine = Engine::new(embedded::load_default().expect("packs")).expect("engine");
    let mut group = c.benchmark_group("check");
    for size in [64 * 1024, 4 * 1024 * 1024] {
        let doc = Document::plain(corpus(size));
        group.throughput(Throughput::Bytes(doc.text().len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &doc, |b, doc| {
            b.iter(|| engine.check(doc))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
