//! The innovation database as a spreadsheet: the ministry downloads its own and its agencies'
//! innovations under Bengali headers; an agency imports a sheet for itself, all of it or, when a line
//! has legacy-encoded Bengali, dates out of order or another office's name, none of it with every
//! problem named by line and column.

use udbhabon_docs::table::{TableFormat, read_table, write_table};

use crate::plans::browser;
use crate::server::{TestServer, text, texts};

const FOCAL: &str = "focal-dife@demo.udbhabon.test";

/// The sheet's header, as the download writes it.
const HEADER: [&str; 23] = [
    "ক্রমিক",
    "দপ্তর",
    "ধরন",
    "অবস্থা",
    "শিরোনাম",
    "ইংরেজি শিরোনাম",
    "যে সেবায় পরিবর্তন",
    "বিদ্যমান সমস্যা",
    "সমস্যার মূল কারণ",
    "সমাধান",
    "শুরুর তারিখ",
    "বাস্তবায়নের তারিখ",
    "সেবার লিংক",
    "সেবা প্রদানের মাধ্যম",
    "প্রমাণক লিংক",
    "সময় আগে (দিন)",
    "সময় পরে (দিন)",
    "খরচ আগে (টাকা)",
    "খরচ পরে (টাকা)",
    "যাতায়াত আগে (বার)",
    "যাতায়াত পরে (বার)",
    "ধাপ আগে",
    "ধাপ পরে",
];

/// A line of the sheet from (column, text) pairs, the other cells empty.
fn line(cells: &[(&str, &str)]) -> Vec<String> {
    HEADER
        .iter()
        .map(|column| {
            cells
                .iter()
                .find(|(name, _)| name == column)
                .map(|(_, text)| (*text).to_owned())
                .unwrap_or_default()
        })
        .collect()
}

fn sheet(lines: Vec<Vec<String>>) -> Vec<u8> {
    let mut rows = vec![HEADER.iter().map(|column| (*column).to_owned()).collect()];
    rows.extend(lines);
    write_table(TableFormat::Xlsx, "উদ্ভাবন", &rows).unwrap()
}

async fn import(browser: &TestServer, csrf: &str, file: Vec<u8>) -> (u16, scraper::Html) {
    browser
        .post_file("/offices/dife/innovations/import", csrf, file)
        .await
}

#[tokio::test]
async fn the_database_goes_out_and_comes_in_as_a_bengali_spreadsheet_all_or_nothing() {
    let server = TestServer::start().await;
    let (secretary, _) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let download = secretary.get("/offices/mole/innovations.xlsx").await;
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"innovations-mole.xlsx\"; filename*=UTF-8''innovations-mole.xlsx"
    );
    let rows = read_table(
        &download.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows[0], HEADER);
    // Newest first, the offices below the ministry's with its own: the demo's five.
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[5][..3], ["৫", "শ্রম ও কর্মসংস্থান মন্ত্রণালয়", "ডিজিটাইজেশন"]);
    let agency = rows
        .iter()
        .find(|row| row[1] == "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর")
        .unwrap();
    assert_eq!(
        agency[2..5],
        ["সেবা সহজিকরণ", "অন্য দপ্তরে অনুসৃত", "কারখানা লাইসেন্স নবায়ন সহজিকরণ"]
    );
    assert_eq!(agency[10..12], ["2025-07-01", "2025-12-31"]);
    assert_eq!(
        agency[15..23],
        ["30", "7", "1500", "500", "4", "1", "9", "5"]
    );

    let (focal, csrf) = browser(&server, FOCAL).await;
    let listed = async || texts(&focal.page("/innovations", 200).await, "tr.innovation-row").len();
    assert_eq!(listed().await, 1);
    let good = line(&[
        ("ধরন", "সেবা সহজিকরণ"),
        ("অবস্থা", "Scaled up"),
        ("শিরোনাম", "দুর্ঘটনা প্রতিবেদন অনলাইনে দাখিল"),
        ("বিদ্যমান সমস্যা", "দুর্ঘটনার প্রতিবেদন দিতে কারখানাকে দপ্তরে আসতে হয়।"),
        ("সমাধান", "অনলাইন ফরমে প্রতিবেদন দাখিল।"),
        ("শুরুর তারিখ", "45839"),
        ("বাস্তবায়নের তারিখ", "৩১-১২-২০২৫"),
        ("যাতায়াত আগে (বার)", "২"),
        ("যাতায়াত পরে (বার)", "০"),
    ]);

    // A file with wrong headers names them and imports nothing.
    let wrong_headers = write_table(
        TableFormat::Csv,
        "x",
        &vec![vec!["Title".to_owned(), "ধরন".to_owned()]],
    )
    .unwrap();
    let (status, page) = import(&focal, &csrf, wrong_headers).await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, "ul.problems li"),
        [
            "সারি ১, কলাম Title: এই কলামটি চেনা যায়নি।",
            "সারি ১, কলাম শিরোনাম: এই কলামটি থাকতে হবে।",
            "সারি ১, কলাম বিদ্যমান সমস্যা: এই কলামটি থাকতে হবে।",
            "সারি ১, কলাম সমাধান: এই কলামটি থাকতে হবে।",
        ]
    );

    // One good line among bad ones: nothing is imported, every problem is named.
    let bijoy = line(&[
        ("ধরন", "ডিজিটাইজেশন"),
        ("শিরোনাম", "শ্রমিক নিবন্ধন"),
        ("বিদ্যমান সমস্যা", "কাগজে নিবন্ধন।"),
        // "অনলাইনে নিবন্ধন" typed in SutonnyMJ.
        ("সমাধান", "AbjvB‡b wbeÜb"),
    ]);
    let reversed = line(&[
        ("ধরন", "idea"),
        ("শিরোনাম", "পরিদর্শনের সময়সূচি"),
        ("বিদ্যমান সমস্যা", "সময়সূচি জানা যায় না।"),
        ("সমাধান", "সময়সূচি প্রকাশ।"),
        ("শুরুর তারিখ", "2026-03-01"),
        ("বাস্তবায়নের তারিখ", "2026-01-01"),
    ]);
    let other_office = line(&[
        ("দপ্তর", "শ্রম অধিদপ্তর"),
        ("ধরন", "idea"),
        ("শিরোনাম", "ট্রেড ইউনিয়ন নিবন্ধন"),
        ("বিদ্যমান সমস্যা", "নিবন্ধনে দেরি।"),
        ("সমাধান", "অনলাইনে আবেদন।"),
        ("সময় আগে (দিন)", "৩০"),
    ]);
    let (status, page) = import(
        &focal,
        &csrf,
        sheet(vec![good.clone(), bijoy, reversed, other_office]),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&page, "p.alert"),
        "ফাইলটি আমদানি হয়নি; কিছুই সংরক্ষণ করা হয়নি। নিচের ভুলগুলো ঠিক করে আবার দিন।"
    );
    assert_eq!(
        texts(&page, "ul.problems li"),
        [
            "সারি ৩, কলাম সমাধান: লেখাটি পুরোনো (বিজয়/ANSI) বাংলা এনকোডিংয়ের মনে হচ্ছে; ইউনিকোডে রূপান্তর করে আবার দিন।",
            "সারি ৪, কলাম বাস্তবায়নের তারিখ: বাস্তবায়নের তারিখ শুরুর তারিখের আগে হতে পারে না।",
            "সারি ৫, কলাম দপ্তর: সারিটি অন্য দপ্তরের; এ দপ্তরের সারি, বা দপ্তরের ঘর খালি রেখে দিন।",
            "সারি ৫, কলাম সময় আগে (দিন): আগে ও পরে দুটো মানই লিখুন।",
        ]
    );
    assert_eq!(listed().await, 1, "nothing was imported");

    // The good lines alone are imported, with the spreadsheet's own date and the savings.
    let (status, page) = import(&focal, &csrf, sheet(vec![good])).await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, "p.done"), "১টি উদ্ভাবন আমদানি হয়েছে। উদ্ভাবন ভান্ডার");
    let list = focal.page("/innovations", 200).await;
    assert_eq!(
        texts(&list, "tr.innovation-row td a")[0],
        "দুর্ঘটনা প্রতিবেদন অনলাইনে দাখিল"
    );
    assert_eq!(texts(&list, "td.savings")[0], "যাতায়াত (বার): ২ (১০০%)");
    // After the demo's five.
    let imported = focal.page("/innovations/6", 200).await;
    assert!(text(&imported, "dl.facts").contains("১ জুলাই ২০২৫"));

    // The agency's own sheet imports back as it is, its office named on every line.
    let own = focal.get("/offices/dife/innovations.xlsx").await;
    let (status, _) = import(&focal, &csrf, own.bytes().await.unwrap().to_vec()).await;
    assert_eq!(status, 200);
    assert_eq!(listed().await, 4);
}
