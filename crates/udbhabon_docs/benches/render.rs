//! Time to load the fonts and to render the seed office order (Bengali and English) to PDF.
//!
//! `cargo bench -p udbhabon_docs --bench render` (fonts from `UDBHABON_FONTS_DIR`, default
//! /usr/share/fonts/truetype/noto). "fresh" renders a different memo number each time, as a
//! server does; "cold" also empties typst's memoization cache first.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use udbhabon_docs::{Fonts, OfficeOrderView, render_office_order};

fn render(c: &mut Criterion) {
    let dir = std::env::var_os("UDBHABON_FONTS_DIR").map_or_else(
        || PathBuf::from("/usr/share/fonts/truetype/noto"),
        PathBuf::from,
    );
    c.bench_function("load fonts", |b| {
        b.iter(|| Fonts::load(&dir).map(|fonts| fonts.len()))
    });
    let fonts = Fonts::load(&dir).unwrap_or_else(|err| panic!("{err}"));

    for (name, view) in [
        ("bn", fixture::seed_order_bn()),
        ("en", fixture::seed_order_en()),
    ] {
        let mut serial = 0_u32;
        let mut fresh = move || -> OfficeOrderView {
            serial += 1;
            let mut view = view.clone();
            view.memo_number = format!("{}.{serial}", view.memo_number);
            view
        };
        c.bench_function(&format!("render seed office order, fresh ({name})"), |b| {
            b.iter_batched(
                &mut fresh,
                |view| render_office_order(&fonts, &view).map(|pdf| pdf.len()),
                criterion::BatchSize::SmallInput,
            )
        });
        c.bench_function(&format!("render seed office order, cold ({name})"), |b| {
            b.iter_batched(
                || {
                    typst::comemo::evict(0);
                    fresh()
                },
                |view| render_office_order(&fonts, &view).map(|pdf| pdf.len()),
                criterion::BatchSize::SmallInput,
            )
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = render
}
criterion_main!(benches);
