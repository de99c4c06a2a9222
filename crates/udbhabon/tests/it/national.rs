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

#[tokio::test]
async fn a_collection_asked_of_every_field_office_is_read_a_level_at_a_time() {
    let server = TestServer::start_with_national(SMALL).await;
    let admin = "admin@demo.udbhabon.test";
    assert_eq!(server.sign_in(admin, DEMO_PASSWORD).await.status(), 200);
    let csrf = server.csrf().await;
    let form = server.page("/offices/nat-01/collections/new", 200).await;
    let every_field_office = attribute(
        &form,
        "fieldset.respondents input[value^='field:']",
        "value",
    );
    let fields = [
        ("key", "nat-field-report"),
        ("kind", "report"),
        ("title_bn", "মাঠ অফিসের প্রতিবেদন"),
        ("title_en", "Field offices' report"),
        ("recurrence", "once"),
        ("opens_on", "2026-11-23"),
        ("due_on", "2026-11-30"),
        ("late_allowed", "1"),
        ("respondent", &every_field_office),
    ];
    let created = server
        .post_form(
            "/offices/nat-01/collections",
            &csrf,
            &fields.map(|(name, value)| (name, value.to_owned())),
        )
        .await;
    assert_eq!(created.url().path(), "/collections/nat-field-report");
    let board = scraper::Html::parse_document(&created.text().await.unwrap());
    // 567 field offices (8 divisional, 64 district, 495 upazila): the ministry's line and its agency's, which opens the agency's part.
    let summary = text(&board, "p.summary");
    assert!(summary.starts_with("৫৬৭টির মধ্যে ০টি"), "{summary}");
    assert_eq!(texts(&board, "p.board-folded").len(), 1);
    assert_eq!(texts(&board, "tr.group-row").len(), 2);
    assert!(texts(&board, "tr.respondent-row").is_empty());
    let agency = server
        .page(&attribute(&board, "tr.group-row a", "href"), 200)
        .await;
    // The agency's part: its eight divisional offices answer under it, and each heads its districts.
    assert_eq!(texts(&agency, "tr.respondent-row").len(), 8);
    let divisions = texts(&agency, "tr.group-row a");
    assert_eq!(divisions.len(), 8, "{divisions:?}");
    let division = server
        .page(&attribute(&agency, "tr.group-row a", "href"), 200)
        .await;
    assert!(texts(&division, "p.board-folded").is_empty());
    assert!(!texts(&division, "tr.respondent-row").is_empty());
    // The spreadsheet holds every line.
    let xlsx = server
        .get(&attribute(&board, "p.downloads a[download]", "href"))
        .await;
    assert_eq!(xlsx.status(), 200);
}

#[tokio::test]
async fn the_administrator_browses_the_tree_a_level_at_a_time_and_finds_an_office_by_name() {
    let server = TestServer::start_with_national(SMALL).await;
    let admin = "admin@demo.udbhabon.test";
    assert_eq!(server.sign_in(admin, DEMO_PASSWORD).await.status(), 200);
    // The top: the demo's ministry and the generated one, each with the level below it.
    let top = server.page("/admin/offices", 200).await;
    let listed = texts(&top, ".office-line").len();
    assert!(listed < 20, "{listed} offices listed");
    let agency = server.page("/admin/offices?under=nat-01-1", 200).await;
    // The agency's eight divisional offices, each with its districts.
    assert_eq!(texts(&agency, "li.depth-0").len(), 8);
    assert_eq!(texts(&agency, "li.depth-1").len(), 64);
    assert_eq!(
        texts(&agency, "nav.trail li").len(),
        3,
        "all offices, the ministry, the agency"
    );
    let found = server
        .page("/admin/offices?q=dhaka%20district%20office", 200)
        .await;
    assert_eq!(texts(&found, ".office-line").len(), 1);
    let open = attribute(&found, "a.below", "href");
    assert_eq!(open, "/admin/offices?under=nat-01-1-d26");
}
