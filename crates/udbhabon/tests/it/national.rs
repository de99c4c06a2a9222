//! The generated national tree: the whole country's dashboard for the administrator, a page of offices
//! at a time, filtered by district, and refused to anyone whose rights stop at an office.

use udbhabon_core::demo::NationalSize;

use crate::server::{DEMO_PASSWORD, TestServer, attribute, text, texts};

/// One ministry with one agency: 1 + 1 + 8 divisional + 64 district + 495 upazila offices.
const SMALL: NationalSize = NationalSize {
    tops: 1,
    agencies: 1,
};

#[tokio::test]
async fn the_administrator_sees_the_whole_country_a_page_at_a_time_and_by_district() {
    let server = TestServer::start_with_national(SMALL).await;
    let admin = "admin@demo.udbhabon.test";
    assert_eq!(server.sign_in(admin, DEMO_PASSWORD).await.status(), 200);
    let home = server.page("/dashboard?office=mole", 200).await;
    let nation_href = attribute(&home, "main a[href^='/dashboard?scope=all']", "href");

    let nation = server.page(&nation_href, 200).await;
    assert_eq!(text(&nation, "h1"), "সারা দেশ: কর্মপরিকল্পনার সার্বিক চিত্র");
    assert!(
        nation
            .select(&scraper::Selector::parse("dd.own-score").unwrap())
            .next()
            .is_none(),
        "the country has no score of its own"
    );
    // The demo's 12 offices and the 569 generated ones; the generated plans are the latest year's.
    let summary = text(&nation, "dd.summary");
    assert!(summary.starts_with("৫৮১টি দপ্তর"), "{summary}");
    assert_eq!(texts(&nation, "table.rollup tbody tr").len(), 100);
    assert_eq!(text(&nation, "nav.pager .shown"), "৫৮১টির মধ্যে ১–১০০");
    let last = server
        .page(
            &attribute(&nation, "nav.pager a[rel=next]", "href").replace("page=2", "page=6"),
            200,
        )
        .await;
    assert_eq!(text(&last, "nav.pager .shown"), "৫৮১টির মধ্যে ৫০১–৫৮১");
    assert_eq!(texts(&last, "table.rollup tbody tr").len(), 81);

    // Dhaka district: the agency's district office and its eight upazila offices.
    let dhaka = server
        .page(
            "/dashboard?scope=all&template=national-sample-2025-26&district=26",
            200,
        )
        .await;
    let rows = texts(&dhaka, "table.rollup tbody td[data-label='জেলা']");
    assert_eq!(
        rows.len(),
        9 + 1,
        "district, upazilas and the Dhaka divisional office"
    );
    assert!(rows.iter().all(|district| district == "ঢাকা"), "{rows:?}");
    let scores = texts(&dhaka, "table.rollup td.score");
    assert!(scores.iter().any(|score| score != "—"), "{scores:?}");

    server.choose("en").await;
    let english = server.page(&nation_href, 200).await;
    assert_eq!(
        text(&english, "h1"),
        "The whole country: the plans at a glance"
    );
    let summary = text(&english, "dd.summary");
    assert!(
        summary.starts_with("581 offices, 569 with a plan"),
        "{summary}"
    );
    assert_eq!(text(&english, "nav.pager .shown"), "1–100 of 581");
}

#[tokio::test]
async fn the_whole_country_is_refused_to_a_member_secretary_of_one_ministry() {
    let server = TestServer::start_with_national(SMALL).await;
    let secretary = "member-secretary@demo.udbhabon.test";
    assert_eq!(server.sign_in(secretary, DEMO_PASSWORD).await.status(), 200);
    assert_eq!(server.get("/dashboard?scope=all").await.status(), 403);
    assert_eq!(server.get("/dashboard?office=nat-01").await.status(), 403);
    let own = server.page("/dashboard?office=mole", 200).await;
    assert!(
        texts(&own, "main a")
            .iter()
            .all(|link| link != "সারা দেশের চিত্র দেখুন")
    );
}

#[tokio::test]
async fn a_ministry_with_hundreds_of_field_offices_lists_the_first_twenty_unless_asked_for_all() {
    let server = TestServer::start_with_national(SMALL).await;
    let admin = "admin@demo.udbhabon.test";
    assert_eq!(server.sign_in(admin, DEMO_PASSWORD).await.status(), 200);
    let page = server.page("/offices/nat-01/awards", 200).await;
    let field_offices = "section.award:nth-of-type(2) tr.candidate";
    assert_eq!(texts(&page, field_offices).len(), 20);
    let more = texts(&page, "section.award p.small");
    assert_eq!(more.len(), 1, "{more:?}");
    // "শীর্ষ ২০টি দেখানো হলো, মোট NNNটি": the count in Bengali digits.
    let all: usize = more[0]
        .trim_start_matches("শীর্ষ ২০টি দেখানো হলো, মোট ")
        .chars()
        .map_while(|digit| {
            digit.to_digit(10).or_else(|| {
                "০১২৩৪৫৬৭৮৯"
                    .chars()
                    .position(|d| d == digit)
                    .map(|n| n as u32)
            })
        })
        .fold(0, |count, digit| count * 10 + digit as usize);
    assert!(all > 500, "{more:?}");
    // The generated plans are scored, so the plan score counts.
    let totals = texts(&page, "section.award:nth-of-type(2) td.total");
    assert_ne!(totals[0], "০.০০", "{totals:?}");

    let whole = server.page("/offices/nat-01/awards?all=1", 200).await;
    assert_eq!(texts(&whole, field_offices).len(), all);
    assert!(texts(&whole, "section.award p.small").is_empty());
}
