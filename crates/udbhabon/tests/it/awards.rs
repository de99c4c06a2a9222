//! The yearly innovation award (decision 2.6): the ministry's agencies and field offices ranked for
//! 2025-26 by the published rules, with every criterion's arithmetic, matching the hand computation in
//! the demo data file; a tie no rule breaks is left to the committee.

use crate::plans::browser;
use crate::server::{TestServer, text, texts};

/// (place, office, total) of each line of the `index`-th award table.
fn places(page: &scraper::Html, index: usize) -> Vec<(String, String, String)> {
    let sections = scraper::Selector::parse("section.award").unwrap();
    let rows = scraper::Selector::parse("tr.candidate").unwrap();
    let cell = |row: scraper::ElementRef, class: &str| {
        let selector = scraper::Selector::parse(&format!("td.{class}")).unwrap();
        row.select(&selector)
            .next()
            .map(|cell| cell.text().next().unwrap_or_default().trim().to_owned())
            .unwrap_or_default()
    };
    page.select(&sections)
        .nth(index)
        .unwrap()
        .select(&rows)
        .map(|row| (cell(row, "place"), cell(row, "office"), cell(row, "total")))
        .collect()
}

fn owned(lines: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    lines
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[tokio::test]
async fn the_years_ranking_shows_its_arithmetic_and_matches_the_hand_computation() {
    let server = TestServer::start().await;
    let (secretary, _) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    // The test's today is in 2026-27: the award looks back on 2025-26.
    let page = secretary.page("/offices/mole/awards", 200).await;
    assert_eq!(
        text(&page, "h1"),
        "উদ্ভাবন পুরস্কার ২০২৫-২৬: শ্রম ও কর্মসংস্থান মন্ত্রণালয়"
    );
    // DIFE: implemented 1 of 1 (25) and replicated 1 of 1 (15) = 40; DoL: implemented 1 of 1 = 25.
    assert_eq!(
        places(&page, 0),
        owned(&[
            ("১", "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর", "৪০.০০"),
            ("২", "শ্রম অধিদপ্তর", "২৫.০০"),
            ("৩", "নিম্নতম মজুরী বোর্ড", "০.০০"),
            ("৩", "শ্রম আপীল ট্রাইব্যুনাল", "০.০০"),
            ("৩", "বাংলাদেশ শ্রমিক কল্যাণ ফাউন্ডেশন", "০.০০"),
            ("৩", "কেন্দ্রীয় তহবিল", "০.০০"),
        ])
    );
    assert_eq!(
        texts(&page, "section.award:first-of-type tr.first td.working"),
        [
            "০/১০০ → ০.০০ × ৪০% = ০.০০",
            "১/১ → ১০০.০০ × ২৫% = ২৫.০০",
            "১/১ → ১০০.০০ × ১৫% = ১৫.০০",
            "০/০ → ০.০০ × ২০% = ০.০০",
        ]
    );
    assert_eq!(
        texts(&page, "span.tie")[0],
        "সব মানদণ্ডে সমান; কমিটি নির্ধারণ করবে"
    );
    // Field offices: Dhaka implemented its SMS hearing dates; Chattogram's copy is not past approval.
    assert_eq!(
        places(&page, 1),
        owned(&[
            ("১", "বিভাগীয় শ্রম দপ্তর, ঢাকা", "২৫.০০"),
            ("২", "বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম", "০.০০"),
        ])
    );

    // Another year counts that year's records: nothing was implemented in 2022-23.
    let earlier = secretary
        .page("/offices/mole/awards?year=2022-23", 200)
        .await;
    assert!(
        places(&earlier, 0)
            .iter()
            .all(|(place, _, total)| place == "১" && total == "০.০০")
    );
    let wrong = secretary.get("/offices/mole/awards?year=someday").await;
    assert_eq!(wrong.status(), 400);

    secretary.choose("en").await;
    let english = secretary.page("/offices/mole/awards", 200).await;
    assert_eq!(
        text(&english, "h1"),
        "Innovation award 2025-26: Ministry of Labour and Employment"
    );
    assert_eq!(
        texts(&english, "section.award h2"),
        ["Agencies", "Field offices"]
    );
}
