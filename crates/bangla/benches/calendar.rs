//! Speed of Bangla date conversion both ways, and of writing and reading the document date styles.

use std::hint::black_box;

use bangla::{BanglaDate, format, number, parse_date};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn conversion(c: &mut Criterion) {
    let date = NaiveDate::from_ymd_opt(2026, 1, 26).expect("valid date");
    let bangla_date = BanglaDate::from_gregorian(date).expect("supported date");

    c.bench_function("from_gregorian 2026-01-26", |b| {
        b.iter(|| BanglaDate::from_gregorian(black_box(date)))
    });
    c.bench_function("to_gregorian 12 Magh 1432", |b| {
        b.iter(|| black_box(bangla_date).to_gregorian())
    });
}

fn formatting(c: &mut Criterion) {
    let date = NaiveDate::from_ymd_opt(2026, 1, 26).expect("valid date");
    let bangla_date = BanglaDate::from_gregorian(date).expect("supported date");

    c.bench_function("bangla_date_long_bn_with_era", |b| {
        b.iter(|| format::bangla_date_long_bn_with_era(black_box(bangla_date)))
    });
    c.bench_function("gregorian_date_long_bn_with_era", |b| {
        b.iter(|| format::gregorian_date_long_bn_with_era(black_box(date)))
    });
    c.bench_function("format_taka_bn", |b| {
        b.iter(|| number::format_taka_bn(black_box(123_456_750)))
    });
    c.bench_function(
        "parse_date ১২ মাঘ ১৪৩২ বঙ্গাব্দ",
        |b| b.iter(|| parse_date(black_box("১২ মাঘ ১৪৩২ বঙ্গাব্দ"))),
    );
    c.bench_function("parse_date ২৬-০১-২০২৬", |b| {
        b.iter(|| parse_date(black_box("২৬-০১-২০২৬")))
    });
}

criterion_group!(benches, conversion, formatting);
criterion_main!(benches);
