//! Searching innovations in Bengali and English: inflected Bengali words are found from any of their
//! forms and spellings, words are never cut at a vowel sign, and recall on a labelled set of queries
//! holds on both backends.

use udbhabon_db::Db;
use udbhabon_db::innovation::search::Combine;
use udbhabon_domain::innovation::{InnovationDraft, InnovationKind, InnovationStage, Tcv};

use crate::fixtures::{committed, ministry};
use crate::support::each_backend;

/// The labelled set's innovations: (title, English title, service, problem, solution).
const RECORDS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "অনলাইনে কারখানা লাইসেন্স নবায়ন",
        "Online renewal of factory licences",
        "কারখানা ও প্রতিষ্ঠানের লাইসেন্স নবায়ন",
        "লাইসেন্স নবায়নের জন্য মালিককে একাধিকবার দপ্তরে আসতে হতো",
        "অনলাইনে আবেদন ও ফি পরিশোধের মাধ্যমে লাইসেন্স নবায়ন সেবা",
    ),
    (
        "শ্রমিকের অভিযোগ গ্রহণে হেল্পলাইন",
        "A helpline for workers' complaints",
        "শ্রমিক অভিযোগ নিষ্পত্তি",
        "শ্রমিকেরা অভিযোগ জানাতে পরিদর্শন অফিসে যেতে পারেন না",
        "টোল-ফ্রি হেল্পলাইনে অভিযোগ গ্রহণ ও অনলাইনে অনুসরণ",
    ),
    (
        "ই-নথিতে দাপ্তরিক পত্র জারি",
        "Official letters issued in e-Nothi",
        "দাপ্তরিক পত্রজারি",
        "কাগজের নথিতে পত্র জারিতে সময় বেশি লাগে",
        "ই-নথি ব্যবহার করে পত্রের অনলাইন নিষ্পত্তি",
    ),
    (
        "মাসিক ই-ফাইলিং প্রতিবেদন অনলাইনে সংগ্রহ",
        "Monthly e-filing returns collected online",
        "শাখার মাসিক প্রতিবেদন",
        "শাখাগুলো থেকে মাসিক প্রতিবেদন কাগজে আসে এবং সংকলনে দেরি হয়",
        "অনলাইন ফরমে প্রতিবেদন জমা ও স্বয়ংক্রিয় সংকলন",
    ),
    (
        "প্রবাসী কর্মীর স্মার্ট কার্ড জেলা কার্যালয় থেকে",
        "Migrant workers' smart cards from district offices",
        "বহির্গমন ছাড়পত্র",
        "ছাড়পত্রের জন্য কর্মীদের ঢাকায় আসতে হয়",
        "অনলাইনে নিবন্ধন ও জেলা কার্যালয় থেকে স্মার্ট কার্ড বিতরণ",
    ),
    (
        "শ্রমিক কল্যাণ তহবিলের অনুদান আবেদন সহজিকরণ",
        "Simpler grant applications to the workers' welfare fund",
        "শ্রমিক কল্যাণ অনুদান",
        "অনুদানের আবেদনে অনেক কাগজপত্র ও স্বাক্ষর লাগে",
        "আবেদন ফরম এক পাতায় এনে ধাপ কমানো",
    ),
    (
        "কারখানা পরিদর্শনের মোবাইল অ্যাপ",
        "A mobile app for factory inspections",
        "কারখানা পরিদর্শন",
        "পরিদর্শকেরা কাগজের চেকলিস্টে তথ্য লিখে পরে অফিসে টাইপ করেন",
        "মোবাইল অ্যাপে চেকলিস্ট পূরণ ও ছবি সংযুক্তি",
    ),
    (
        "ট্রেড ইউনিয়ন নিবন্ধন অনলাইনে",
        "Trade union registration online",
        "ট্রেড ইউনিয়ন রেজিস্ট্রেশন",
        "নিবন্ধন আবেদনের অবস্থা জানতে শ্রম দপ্তরে যেতে হয়",
        "অনলাইনে আবেদন ও এসএমএসে অবস্থা জানানো",
    ),
    (
        "শিশুশ্রম নিরসনে তথ্যভান্ডার",
        "A database for ending child labour",
        "শিশুশ্রম পরিবীক্ষণ",
        "ঝুঁকিপূর্ণ কাজে নিয়োজিত শিশুদের তথ্য এক জায়গায় নেই",
        "জেলাভিত্তিক শিশুশ্রম তথ্যভান্ডার",
    ),
    (
        "প্রশিক্ষণে ডিজিটাল হাজিরা",
        "Digital attendance in training courses",
        "প্রশিক্ষণ কোর্স",
        "প্রশিক্ষণার্থীদের হাজিরা খাতায় লেখা হয়",
        "কিউআর কোড দিয়ে হাজিরা",
    ),
    (
        "সেবাপ্রত্যাশীদের জন্য অনলাইন সাক্ষাৎকাল নির্ধারণ",
        "Online appointments for service seekers",
        "দপ্তরের সেবাসমূহ",
        "সেবাপ্রার্থীরা দীর্ঘ লাইনে অপেক্ষা করেন",
        "অনলাইনে সময় নির্ধারণ",
    ),
    (
        "শ্রম আদালতের মামলার তারিখ এসএমএসে",
        "Labour court hearing dates by SMS",
        "শ্রম আদালত",
        "মামলার শুনানির তারিখ জানতে আদালতে যেতে হয়",
        "এসএমএসে শুনানির তারিখ পাঠানো",
    ),
    (
        "ন্যূনতম মজুরি তথ্য বাতায়নে প্রকাশ",
        "Minimum wages published on the portal",
        "ন্যূনতম মজুরি বোর্ড",
        "খাতভিত্তিক ন্যূনতম মজুরির হার শ্রমিকেরা জানেন না",
        "বাতায়নে মজুরির হার ও প্রজ্ঞাপন প্রকাশ",
    ),
    (
        "কুলি ও কিলন শ্রমিকের পরিচয়পত্র",
        "Identity cards for porters and kiln workers",
        "পরিচয়পত্র বিতরণ",
        "কুলিদের কোনো পরিচয়পত্র নেই",
        "ইউনিয়ন পরিষদ থেকে পরিচয়পত্র",
    ),
];

/// The labelled queries: (query, the 1-based records it should find). Written by reading the records,
/// before any search ran; a query in one form should find the others (সেবাসমূহ → সেবা, সেবার).
const QUERIES: &[(&str, &[usize])] = &[
    ("লাইসেন্স", &[1]),
    ("লাইসেন্সের নবায়ন", &[1]),
    ("অভিযোগ", &[2]),
    ("শ্রমিকদের অভিযোগ", &[2]),
    ("ই-নথি", &[3]),
    ("নথির", &[3]),
    ("প্রতিবেদনসমূহ", &[4]),
    ("মাসিক প্রতিবেদন জমা", &[4]),
    ("স্মার্ট কার্ড", &[5]),
    ("কল্যাণ তহবিল", &[6]),
    ("পরিদর্শন", &[2, 7]),
    ("ট্রেড ইউনিয়নের নিবন্ধন", &[8]),
    ("শিশুশ্রমের তথ্য", &[9]),
    ("attendance", &[10]),
    ("সেবাসমূহ", &[1, 11]),
    ("এসএমএস", &[8, 12]),
    ("মামলাসমূহ", &[12]),
    ("মজুরির হার", &[13]),
    ("licence renewal", &[1]),
    ("factory inspection", &[7]),
    ("অনুদানের আবেদন", &[6]),
    ("জেলার কার্যালয়", &[5]),
];

fn record(fields: &(&str, &str, &str, &str, &str)) -> InnovationDraft {
    let (title, title_en, service, problem, solution) = *fields;
    InnovationDraft {
        kind: InnovationKind::Digitization,
        stage: InnovationStage::Idea,
        title: title.into(),
        title_en: title_en.into(),
        service: service.into(),
        problem: problem.into(),
        root_cause: String::new(),
        solution: solution.into(),
        started_on: None,
        completed_on: None,
        service_link: None,
        channel: None,
        links: Vec::new(),
        tcv: Tcv::default(),
    }
}

/// The labelled set's records, committed; their ids in order.
async fn recorded(db: &Db) -> Vec<i32> {
    committed(db, async |tx| {
        let office_id = ministry(tx).await.office_id;
        let mut ids = Vec::new();
        for fields in RECORDS {
            ids.push(
                tx.insert_innovation(office_id, record(fields), None)
                    .await
                    .unwrap(),
            );
        }
        ids
    })
    .await
}

#[tokio::test]
async fn recall_on_the_labelled_queries_holds_on_both_backends() {
    for test in each_backend().await {
        let backend = test.backend;
        let ids = recorded(&test.db).await;
        let (mut expected_total, mut found_total, mut returned_total) = (0, 0, 0);
        let mut misses = Vec::new();
        for (query, expected) in QUERIES {
            let found = test
                .db
                .search_innovations(&bangla::search::stems(query), Combine::All, 10)
                .await
                .unwrap();
            let expected: Vec<i32> = expected.iter().map(|n| ids[n - 1]).collect();
            let hits = expected.iter().filter(|id| found.contains(id)).count();
            if hits < expected.len() {
                misses.push(*query);
            }
            expected_total += expected.len();
            found_total += hits;
            returned_total += found.len();
        }
        let recall = found_total as f64 / expected_total as f64;
        let precision = found_total as f64 / returned_total.max(1) as f64;
        eprintln!(
            "{backend}: recall {found_total}/{expected_total} = {recall:.2}, precision \
             {found_total}/{returned_total} = {precision:.2}; missed: {misses:?}"
        );
        assert!(
            recall >= 0.9,
            "{backend}: recall {recall:.2}, missed {misses:?}"
        );
        assert!(precision >= 0.8, "{backend}: precision {precision:.2}");
    }
}

#[tokio::test]
async fn a_word_is_never_cut_at_a_vowel_sign_and_any_form_finds_the_others() {
    for test in each_backend().await {
        let backend = test.backend;
        let ids = recorded(&test.db).await;
        let search = async |query: &str, combine| {
            test.db
                .search_innovations(&bangla::search::stems(query), combine, 10)
                .await
                .unwrap()
        };
        // কুলি and কিলন share কল's letters but not its vowel signs: the default tokenizer found them.
        assert_eq!(
            search("কাল", Combine::All).await,
            Vec::<i32>::new(),
            "{backend}"
        );
        assert_eq!(search("কুলি", Combine::All).await, [ids[13]], "{backend}");
        for form in ["সেবা", "সেবার", "সেবাসমূহ"] {
            let found = search(form, Combine::All).await;
            assert!(found.contains(&ids[10]), "{backend}: {form} → {found:?}");
        }
        // The title weighs more than the text: the licence innovation comes before the one that only
        // says "অনলাইনে আবেদন".
        let found = search("অনলাইনে লাইসেন্স নবায়নের ব্যবস্থা", Combine::Any).await;
        assert_eq!(found.first(), Some(&ids[0]), "{backend}: {found:?}");
        assert_eq!(
            search("", Combine::Any).await,
            Vec::<i32>::new(),
            "{backend}"
        );
        assert_eq!(search("ও এবং", Combine::Any).await, Vec::<i32>::new());
    }
}

#[tokio::test]
async fn a_word_spelled_with_the_other_vowel_length_or_a_whole_nukta_letter_is_found() {
    for test in each_backend().await {
        let backend = test.backend;
        let ids = recorded(&test.db).await;
        // (query, the 1-based record spelled the other way).
        for (query, record) in [
            ("সহজীকরণ", 6),
            ("শিশুশ্রম পরিবিক্ষণ", 9),
            ("ন্যুনতম মজুরি", 13),
            ("কুলী", 14),
            ("নবা\u{09DF}ন", 1),
            ("ছা\u{09DC}পত্র", 5),
        ] {
            let found = test
                .db
                .search_innovations(&bangla::search::stems(query), Combine::All, 10)
                .await
                .unwrap();
            assert!(
                found.contains(&ids[record - 1]),
                "{backend}: {query} found {found:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_corrected_innovation_is_found_by_its_new_words_and_no_longer_by_the_old() {
    for test in each_backend().await {
        let ids = recorded(&test.db).await;
        let search = async |query: &str| {
            test.db
                .search_innovations(&bangla::search::stems(query), Combine::All, 10)
                .await
                .unwrap()
        };
        assert!(search("হেল্পলাইন").await.contains(&ids[1]));
        let mut corrected = record(&RECORDS[1]);
        corrected.title = "শ্রমিকের অভিযোগ গ্রহণে কল সেন্টার".into();
        corrected.solution = "টোল-ফ্রি কল সেন্টারে অভিযোগ গ্রহণ".into();
        committed(&test.db, async |tx| {
            tx.correct_innovation(ids[1], corrected).await.unwrap()
        })
        .await;
        assert!(
            !search("হেল্পলাইন").await.contains(&ids[1]),
            "{}",
            test.backend
        );
        assert_eq!(search("কল সেন্টার").await, [ids[1]], "{}", test.backend);
        let stored = test.db.innovation(ids[1]).await.unwrap();
        assert_eq!(stored.record.title, "শ্রমিকের অভিযোগ গ্রহণে কল সেন্টার");
    }
}
