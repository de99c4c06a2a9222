//! The roll-up queries of the dashboard on the national tree: a typical ministry (about 580 offices
//! below it), the largest (about 4,500, with upazila offices), and the whole country.
//!
//! Generate the data once, then point the benchmark at it:
//!
//! ```sh
//! target/release/udbhabon --data-dir /tmp/national demo --national
//! UDBHABON_BENCH_DB='sqlite:///tmp/national/udbhabon.sqlite' cargo bench -p udbhabon_db --bench rollup
//! ```
//!
//! Without `UDBHABON_BENCH_DB` there is nothing to measure and the benchmark says so.

use criterion::{Criterion, criterion_group, criterion_main};
use udbhabon_db::Db;
use udbhabon_db::plan::dashboard::{RollupFilter, RollupOrder, Scope};

const TEMPLATE: &str = "national-sample-2025-26";
/// (group, ministry): the first ministries hold the agencies with upazila offices.
const MINISTRIES: [(&str, &str); 2] = [("ministry", "nat-30"), ("largest-ministry", "nat-01")];

fn rollup(c: &mut Criterion) {
    let Ok(url) = std::env::var("UDBHABON_BENCH_DB") else {
        eprintln!(
            "UDBHABON_BENCH_DB is not set: generate the national tree and set it (see the header)"
        );
        return;
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    let (db, template, scopes) = runtime.block_on(async {
        let db = Db::connect(&url)
            .await
            .unwrap_or_else(|error| panic!("{error}"));
        let template = db
            .plan_template_by_key(TEMPLATE)
            .await
            .unwrap_or_else(|error| panic!("{error}: run udbhabon demo --national"));
        let mut scopes = Vec::new();
        for (name, key) in MINISTRIES {
            let ministry = db
                .office_by_key(key)
                .await
                .unwrap_or_else(|error| panic!("{error}"));
            scopes.push((name, Scope::Office(ministry.id)));
        }
        scopes.push(("nation", Scope::Nation));
        let mut resolved = Vec::new();
        for (name, scope) in scopes {
            let offices = db
                .offices_below(scope)
                .await
                .unwrap_or_else(|error| panic!("{error}"));
            resolved.push((name, offices));
        }
        (db, template.id, resolved)
    });
    let all = RollupFilter::default();
    for (name, offices) in &scopes {
        let mut group = c.benchmark_group(*name);
        group.sample_size(20);
        group.bench_function("rollup_summary", |b| {
            b.iter(|| runtime.block_on(db.rollup_summary(offices, template, &all, 100.0)))
        });
        group.bench_function("rollup_page", |b| {
            b.iter(|| {
                runtime.block_on(db.rollup_page(
                    offices,
                    template,
                    &all,
                    RollupOrder::Score,
                    (0, 100),
                ))
            })
        });
        group.bench_function("rollup_choices", |b| {
            b.iter(|| runtime.block_on(db.rollup_choices(offices)))
        });
        group.bench_function("trouble_indicators", |b| {
            b.iter(|| runtime.block_on(db.trouble_indicators(offices, template, 5)))
        });
        group.bench_function("silent_plans", |b| {
            b.iter(|| runtime.block_on(db.silent_offices(offices, template, 4)))
        });
        group.bench_function("awaiting_review", |b| {
            b.iter(|| runtime.block_on(db.assessments_awaiting_review(offices, template)))
        });
        group.finish();
    }
}

criterion_group!(benches, rollup);
criterion_main!(benches);
