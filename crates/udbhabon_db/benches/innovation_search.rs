//! Full-text search over a national-sized innovation database: 20,000 innovations (every office of the
//! national tree with a few), searched by the search box (every stem) and by the look-alike panel (any
//! stem), on SQLite; with `UDBHABON_BENCH_POSTGRES` set to a database URL, on PostgreSQL too.
//!
//! ```sh
//! cargo bench -p udbhabon_db --bench innovation_search
//! ```

use criterion::{Criterion, criterion_group, criterion_main};
use udbhabon_db::innovation::search::Combine;
use udbhabon_db::write::NewOffice;
use udbhabon_db::{Author, Db};
use udbhabon_domain::Bilingual;
use udbhabon_domain::innovation::{InnovationDraft, InnovationKind, InnovationStage, Tcv};
use udbhabon_domain::office::OfficeKind;

const INNOVATIONS: usize = 20_000;
/// Words the generated titles and texts are made of, inflected the ways titles are written.
const WORDS: [&str; 24] = [
    "সেবা",
    "সেবার",
    "লাইসেন্স",
    "নবায়ন",
    "অনলাইনে",
    "আবেদন",
    "শ্রমিকের",
    "অভিযোগ",
    "নিবন্ধন",
    "প্রতিবেদন",
    "মাসিক",
    "ই-ফাইলিং",
    "কারখানা",
    "পরিদর্শনের",
    "এসএমএসে",
    "শুনানির",
    "তারিখ",
    "মজুরির",
    "হার",
    "প্রশিক্ষণ",
    "হাজিরা",
    "তথ্যভান্ডার",
    "জেলা",
    "কার্যালয়ের",
];

fn text(seed: usize, words: usize) -> String {
    (0..words)
        .map(|index| WORDS[(seed * 7 + index * 13 + seed / 5) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

async fn filled(url: &str) -> Db {
    let db = Db::connect(url)
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    db.migrate().await.unwrap_or_else(|error| panic!("{error}"));
    let author = || Author {
        account_id: None,
        label: "bench".into(),
        at: chrono::Utc::now(),
    };
    let tx = db
        .begin(author())
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    let office_id = tx
        .insert_office(NewOffice {
            key: format!("bench-{}", std::process::id()),
            parent_id: None,
            kind: OfficeKind::Ministry,
            name: Bilingual::new("পরীক্ষা", "Bench"),
            short_name_en: None,
            memo_code: None,
            website: None,
            email: None,
            phone: None,
            district_code: None,
            position: 0,
        })
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    for seed in 0..INNOVATIONS {
        let draft = InnovationDraft {
            kind: InnovationKind::Simplification,
            stage: InnovationStage::Idea,
            title: text(seed, 5),
            title_en: String::new(),
            service: text(seed + 1, 3),
            problem: text(seed + 2, 12),
            root_cause: String::new(),
            solution: text(seed + 3, 12),
            started_on: None,
            completed_on: None,
            service_link: None,
            channel: None,
            links: Vec::new(),
            tcv: Tcv::default(),
        };
        tx.insert_innovation(office_id, draft, None)
            .await
            .unwrap_or_else(|error| panic!("{error}"));
    }
    tx.commit().await.unwrap_or_else(|error| panic!("{error}"));
    db
}

fn search(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let mut backends = vec![(
        "sqlite",
        format!("sqlite://{}/bench.sqlite?mode=rwc", folder.path().display()),
    )];
    if let Ok(url) = std::env::var("UDBHABON_BENCH_POSTGRES") {
        backends.push(("postgres", url));
    }
    let stems = |words: &[&str]| {
        words
            .iter()
            .map(|word| (*word).to_owned())
            .collect::<Vec<_>>()
    };
    let box_query = stems(&["লাইসেন্স", "নবায়ন"]);
    let look_alike = stems(&["সেবা", "অনলাইন", "আবেদন", "জেলা", "কার্যাল"]);
    for (name, url) in backends {
        let db = runtime.block_on(filled(&url));
        let mut group = c.benchmark_group(format!("innovation_search/{name}"));
        group.sample_size(30);
        group.bench_function("all_stems_top_30", |b| {
            b.iter(|| runtime.block_on(db.search_innovations(&box_query, Combine::All, 30)))
        });
        group.bench_function("any_stem_top_40", |b| {
            b.iter(|| runtime.block_on(db.search_innovations(&look_alike, Combine::Any, 40)))
        });
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
