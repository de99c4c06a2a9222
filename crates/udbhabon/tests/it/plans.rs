//! Annual plans: the ministry's 2022-23 plan as its table prints it, and an agency's whole year of it:
//! approval, four quarters of progress with evidence, a return and resubmission, the score.

use std::collections::HashMap;

use scraper::{Html, Selector};

use crate::server::{
    DEMO_PASSWORD, MovableClock, TestServer, attribute, text, texts, upload_form, waits_for,
};

/// Bengali digits read as ASCII ones.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '০'..='৯' => char::from_digit(c as u32 - '০' as u32, 10).unwrap_or(c),
            other => other,
        })
        .collect()
}

async fn signed_in(email: &str) -> TestServer {
    let server = TestServer::start().await;
    assert_eq!(server.sign_in(email, DEMO_PASSWORD).await.status(), 200);
    server
}

#[tokio::test]
async fn the_ministrys_plan_prints_every_indicator_with_its_unit_marks_and_five_targets() {
    let server = signed_in("member-secretary@demo.udbhabon.test").await;
    let list = server.page("/plans", 200).await;
    assert_eq!(
        texts(&list, "ul.plans li a"),
        ["ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩"]
    );
    let href = attribute(&list, "ul.plans li a", "href");
    let plan = server.page(&href, 200).await;
    assert_eq!(text(&plan, "h1"), "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩");
    assert_eq!(
        text(&plan, "dd.plan-score"),
        "১০০.০০-এর মধ্যে ০.০০ (স্ব-মূল্যায়ন ০.০০)"
    );
    assert_eq!(
        texts(&plan, "thead tr:nth-child(2) th"),
        [
            "অসাধারণ (১০০%)",
            "অতি উত্তম (৯০%)",
            "উত্তম (৮০%)",
            "চলতি মান (৭০%)",
            "চলতি মানের নিম্নে (৬০%)"
        ]
    );
    let indicators = texts(&plan, "table.plan td.indicator");
    assert_eq!(indicators.len(), 10);
    assert_eq!(indicators[3], "[২.১.১] ই-নথিতে নিষ্পন্ন নথির হার");
    let weights: f64 = texts(&plan, "td.weight")
        .iter()
        .map(|weight| ascii(weight).parse::<f64>().unwrap())
        .sum();
    assert_eq!(weights, 100.0);
    assert_eq!(
        texts(&plan, "td.area").len(),
        4,
        "one cell per area, spanning its rows"
    );
    let rows: Vec<Vec<String>> = (1..=10)
        .map(|row| {
            texts(
                &plan,
                &format!("table.plan tbody tr:nth-child({row}) td.target"),
            )
        })
        .collect();
    assert_eq!(
        rows[3],
        ["৮০", "৭০", "৬০", "৫০", "৪০"],
        "e-file share: five graded targets"
    );
    assert_eq!(
        rows[0],
        ["৪", "", "", "", ""],
        "a single target in the first column"
    );
    assert_eq!(
        rows[5][0], "১৫-১০-২০২২",
        "dates as the government writes them"
    );

    server.choose("en").await;
    let english = server.page(&href, 200).await;
    assert_eq!(
        text(&english, "dd.plan-score"),
        "0.00 (self-assessed 0.00) of 100.00"
    );
    assert!(
        texts(&english, "td.indicator")
            .contains(&"[২.১.১] Share of files handled in e-Nothi".to_owned())
    );
}

#[tokio::test]
async fn an_office_below_sees_no_plan_of_the_ministry() {
    let server = signed_in("focal-dife@demo.udbhabon.test").await;
    assert_eq!(server.get("/plans/1").await.status(), 403);
    assert_eq!(server.get("/dashboard?office=mole").await.status(), 403);
    // Without an office named, the dashboard is the reader's own office's.
    let own = server.page("/dashboard", 200).await;
    assert_eq!(
        text(&own, "h1"),
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর: কর্মপরিকল্পনার সার্বিক চিত্র"
    );
    let visitor = TestServer::start().await;
    let response = visitor
        .client
        .get(format!("{}/plans/1", visitor.base))
        .send()
        .await
        .unwrap();
    assert!(response.url().path().starts_with("/login"));
}

pub(crate) const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

/// The entries an office reports on one day: (indicator, quarter, value).
type Reports = &'static [(&'static str, u8, &'static str)];

/// The DIFE's 2022-23 plan in the demo data.
pub(crate) const DIFE_PLAN: i32 = 2;

/// A fresh browser signed in as `email` (sessions end when the clock jumps months ahead).
pub(crate) async fn browser(server: &TestServer, email: &str) -> (TestServer, String) {
    let browser = server.another_browser();
    assert_eq!(
        browser.sign_in(email, DEMO_PASSWORD).await.status(),
        200,
        "{email}"
    );
    let csrf = browser.csrf().await;
    (browser, csrf)
}

/// Each indicator's id by its number, from the plan page's progress table.
pub(crate) fn indicator_ids(plan: &Html) -> HashMap<String, i32> {
    let rows = Selector::parse("table.progress tbody tr").unwrap();
    let name = Selector::parse("td.indicator").unwrap();
    let link = Selector::parse("td.quarter a").unwrap();
    plan.select(&rows)
        .map(|row| {
            let number: String = row.select(&name).next().unwrap().text().collect();
            let number = number
                .trim()
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap()
                .to_owned();
            let href = row
                .select(&link)
                .next()
                .unwrap()
                .value()
                .attr("href")
                .unwrap();
            let id = href.split('/').nth(4).unwrap().parse().unwrap();
            (number, id)
        })
        .collect()
}

/// Reports a quarter's achievement with evidence files; `submit` sends it, otherwise it is a draft.
pub(crate) async fn report(
    browser: &TestServer,
    csrf: &str,
    (indicator, quarter): (i32, u8),
    value: &str,
    files: &[(&str, &[u8])],
    submit: bool,
) -> reqwest::Response {
    let path = format!("/plans/{DIFE_PLAN}/indicators/{indicator}/quarters/{quarter}");
    let page = browser.page(&path, 200).await;
    let version = attribute_or_empty(&page, "form.progress-form input[name=version]");
    let form = upload_form(
        &[
            ("csrf", csrf),
            ("version", &version),
            ("value", value),
            ("comment", "মাঠ পর্যায় থেকে প্রাপ্ত তথ্য"),
            ("submit", if submit { "1" } else { "0" }),
        ],
        files,
    );
    browser
        .client
        .post(format!("{}{path}", browser.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn attribute_or_empty(page: &Html, selector: &str) -> String {
    let parsed = Selector::parse(selector).unwrap();
    page.select(&parsed)
        .next()
        .and_then(|element| element.value().attr("value"))
        .unwrap_or_default()
        .to_owned()
}

async fn review(
    browser: &TestServer,
    csrf: &str,
    (indicator, quarter): (i32, u8),
    outcome: &str,
    comment: &str,
) -> reqwest::Response {
    browser
        .post(
            &format!("/plans/{DIFE_PLAN}/indicators/{indicator}/quarters/{quarter}/review"),
            &[("csrf", csrf), ("outcome", outcome), ("comment", comment)],
        )
        .await
}

pub(crate) async fn alerts(response: reqwest::Response) -> (u16, Vec<String>) {
    let status = response.status().as_u16();
    let page = Html::parse_document(&response.text().await.unwrap());
    (status, texts(&page, "p.alert"))
}

#[tokio::test]
async fn an_agency_goes_through_a_whole_year_and_earns_the_hand_computed_score() {
    let clock = MovableClock::at("2022-07-10");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let focal = "focal-dife@demo.udbhabon.test";
    let (office, csrf) = browser(&server, focal).await;
    let list = office.page("/plans?office=dife", 200).await;
    assert_eq!(
        text(&list, "h1"),
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর-এর কর্মপরিকল্পনা"
    );
    assert!(text(&list, "ul.plans li").contains("খসড়া"));
    let plan = office.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    let ids = indicator_ids(&plan);
    let at = |number: &str, quarter: u8| (ids[number], quarter);
    // Each quarter's link is named for its indicator and quarter, not only "—".
    let first = attribute(&plan, "table.progress td.quarter a", "aria-label");
    assert!(
        first.starts_with("[১.১.১] ") && first.ends_with(": —"),
        "{first}"
    );

    // No progress against a plan that is not approved: its quarter pages say so instead of a form.
    let quarter = office
        .page(
            &format!("/plans/{DIFE_PLAN}/indicators/{}/quarters/1", ids["১.১.১"]),
            200,
        )
        .await;
    assert!(texts(&quarter, "form.progress-form").is_empty());
    assert_eq!(
        text(&quarter, "p.why-not"),
        "কর্মপরিকল্পনা অনুমোদিত হওয়ার পর অগ্রগতি জানানো যাবে।"
    );
    let (status, messages) =
        alerts(report(&office, &csrf, at("১.১.১", 1), "1", &[], true).await).await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["কর্মপরিকল্পনা অনুমোদিত হওয়ার পর অগ্রগতি জানানো যাবে।".to_owned()]
        )
    );

    // The office submits its plan; the ministry's Chief Innovation Officer approves it.
    assert_eq!(
        office
            .post(&format!("/plans/{DIFE_PLAN}/submit"), &[("csrf", &csrf)])
            .await
            .status(),
        200
    );
    clock.set("2022-07-20");
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    let decide = |decision: &'static str, on: &'static str| {
        let (cio, cio_csrf) = (&cio, &cio_csrf);
        async move {
            cio.post(
                &format!("/plans/{DIFE_PLAN}/decision"),
                &[
                    ("csrf", cio_csrf.as_str()),
                    ("decision", decision),
                    ("approved_on", on),
                ],
            )
            .await
        }
    };
    let (status, messages) = alerts(decide("approve", "2022-08-01").await).await;
    assert_eq!(
        (status, messages),
        (422, vec!["অনুমোদনের তারিখ আজকের পরে হতে পারে না।".to_owned()])
    );
    let plan_link = format!("/plans/{DIFE_PLAN}");
    let to_approve = "আপনার অনুমোদনের অপেক্ষায়: পরিকল্পনা";
    assert!(waits_for(&cio, to_approve, &plan_link).await);
    assert_eq!(decide("approve", "2022-07-20").await.status(), 200);
    assert!(!waits_for(&cio, to_approve, &plan_link).await);
    let approved = cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    assert!(text(&approved, "dl.pairs").contains("অনুমোদিত"));

    // First quarter, reported on 10 October (due 15 October).
    clock.set("2022-10-10");
    let (office, csrf) = browser(&server, focal).await;
    let (status, messages) =
        alerts(report(&office, &csrf, at("২.১.১", 1), "১২০", &[], true).await).await;
    assert_eq!(
        (status, messages),
        (422, vec!["শতকরা মান ০ থেকে ১০০-এর মধ্যে হবে।".to_owned()])
    );
    let (status, messages) = alerts(
        report(
            &office,
            &csrf,
            at("১.১.১", 1),
            "1",
            &[("notice.pdf", PNG)],
            true,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        ["ফাইলের ভেতরের ধরন তার নামের শেষাংশের সাথে মেলে না (notice.pdf)।"]
    );
    for (number, value, files) in [
        ("১.১.১", "1", vec![("notice.pdf", PDF)]),
        ("২.১.১", "৫০", vec![]),
        (
            "১.২.১",
            "2",
            vec![("training.pdf", b"%PDF-1.4 training".as_slice())],
        ),
    ] {
        let response = report(&office, &csrf, at(number, 1), value, &files, true).await;
        assert_eq!(response.status(), 200, "{number}");
    }
    let entry = office
        .page(
            &format!("/plans/{DIFE_PLAN}/indicators/{}/quarters/1", ids["১.১.১"]),
            200,
        )
        .await;
    assert_eq!(
        text(&entry, ".submitted"),
        "১০ অক্টোবর ২০২২ তারিখে সময়মতো দাখিল"
    );
    assert!(
        texts(&entry, "form.progress-form").is_empty(),
        "a submitted entry waits for review"
    );

    // The ministry's reviewer accepts two and returns one, which needs a comment.
    clock.set("2022-10-20");
    let (reviewer, reviewer_csrf) = browser(&server, "reviewer@demo.udbhabon.test").await;
    let (status, messages) =
        alerts(review(&reviewer, &reviewer_csrf, at("১.২.১", 1), "return", " ").await).await;
    assert_eq!(
        (status, messages),
        (422, vec!["ফেরত দেওয়ার কারণ মন্তব্যে লিখুন।".to_owned()])
    );
    for (number, outcome, comment) in [
        ("১.১.১", "accept", ""),
        ("২.১.১", "accept", ""),
        ("১.২.১", "return", "প্রশিক্ষণের হাজিরা সংযুক্ত নেই।"),
    ] {
        assert_eq!(
            review(&reviewer, &reviewer_csrf, at(number, 1), outcome, comment)
                .await
                .status(),
            200
        );
    }

    // The office sees the comment, adds the attendance sheet and sends it again, after the due date.
    clock.set("2022-10-25");
    let (office, csrf) = browser(&server, focal).await;
    let returned = office
        .page(
            &format!("/plans/{DIFE_PLAN}/indicators/{}/quarters/1", ids["১.২.১"]),
            200,
        )
        .await;
    assert_eq!(text(&returned, ".progress-status"), "ফেরত");
    assert_eq!(
        text(&returned, ".review-comment"),
        "প্রশিক্ষণের হাজিরা সংযুক্ত নেই।"
    );
    let again = report(
        &office,
        &csrf,
        at("১.২.১", 1),
        "2",
        &[("attendance.pdf", b"%PDF-1.4 attendance".as_slice())],
        true,
    )
    .await;
    assert_eq!(again.status(), 200);
    let resent = Html::parse_document(&again.text().await.unwrap());
    assert_eq!(
        text(&resent, ".submitted"),
        "২৫ অক্টোবর ২০২২ তারিখে বিলম্বে দাখিল"
    );
    assert_eq!(
        texts(&resent, "ul.evidence li a"),
        ["training.pdf", "attendance.pdf"]
    );

    // The other quarters; the notice of the first quarter's meeting is used again as evidence.
    let quarters: [(&str, Reports); 3] = [
        (
            "2023-01-10",
            &[
                ("১.১.১", 2, "1"),
                ("২.১.১", 2, "60"),
                ("৩.১.১", 2, "22-10-2022"),
            ],
        ),
        (
            "2023-01-20",
            &[
                ("২.১.১", 3, "70"),
                ("১.২.১", 3, "1"),
                ("৩.৩.১", 3, "1"),
                ("৪.১.১", 3, "২০-০১-২০২৩"),
            ],
        ),
        (
            "2023-07-10",
            &[
                ("১.১.১", 4, "1"),
                ("১.১.২", 4, "85"),
                ("২.১.১", 4, "80"),
                ("২.২.১", 4, "হ্যাঁ"),
                ("৩.২.১", 4, "1"),
            ],
        ),
    ];
    for (day, entries) in quarters {
        clock.set(day);
        let (office, csrf) = browser(&server, focal).await;
        for (number, quarter, value) in entries {
            let files: &[(&str, &[u8])] = if *number == "৩.১.১" {
                &[("notice.pdf", PDF)]
            } else {
                &[]
            };
            let response = report(&office, &csrf, at(number, *quarter), value, files, true).await;
            assert_eq!(response.status(), 200, "{number} Q{quarter}");
        }
    }

    // The reviewer accepts everything still waiting; the score is the hand computation of the note
    // in docs: 6 + 5.95 + 7.5 + 12.75 + 10 + 9.5625 + 10 + 5 + 0 + 0 = 66.7625.
    clock.set("2023-07-12");
    let (reviewer, reviewer_csrf) = browser(&server, "reviewer@demo.udbhabon.test").await;
    let waiting = [
        ("১.২.১", 1),
        ("১.১.১", 2),
        ("২.১.১", 2),
        ("৩.১.১", 2),
        ("২.১.১", 3),
        ("১.২.১", 3),
        ("৩.৩.১", 3),
        ("৪.১.১", 3),
        ("১.১.১", 4),
        ("১.১.২", 4),
        ("২.১.১", 4),
        ("২.২.১", 4),
        ("৩.২.১", 4),
    ];
    for (number, quarter) in waiting {
        assert_eq!(
            review(&reviewer, &reviewer_csrf, at(number, quarter), "accept", "")
                .await
                .status(),
            200,
            "{number} Q{quarter}"
        );
    }
    let reviewed = reviewer.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    assert_eq!(
        text(&reviewed, "dd.plan-score"),
        "১০০.০০-এর মধ্যে ৬৬.৭৬ (স্ব-মূল্যায়ন ৬৬.৭৬)"
    );
    let late: Vec<String> = texts(&reviewed, "table.progress .tag.late");
    assert_eq!(late.len(), 1, "one entry was sent late: {late:?}");
    let database = reviewer
        .page(
            &format!("/plans/{DIFE_PLAN}/indicators/{}/quarters/2", ids["৩.১.১"]),
            200,
        )
        .await;
    assert_eq!(
        text(&database, "ul.evidence li"),
        "notice.pdf অন্য সূচক বা বছরেও ব্যবহৃত"
    );
    let download = reviewer
        .get(&attribute(&database, "ul.evidence a", "href"))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // The ministry's dashboard rolls the agency's score up, with the indicator that went late.
    let board = reviewer.page("/dashboard?template=egov-2022-23", 200).await;
    let dife_row = texts(&board, "table.rollup tbody tr")
        .into_iter()
        .find(|row| row.starts_with("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"))
        .unwrap();
    assert!(
        dife_row.contains("৬৬.৭৬") && dife_row.contains("অনুমোদিত"),
        "{dife_row}"
    );
    assert_eq!(
        texts(&board, "table.trouble tbody td"),
        ["[১.২.১] কর্মপরিকল্পনা বাস্তবায়ন সংক্রান্ত প্রশিক্ষণ আয়োজিত", "১", "০"]
    );
    assert_eq!(texts(&board, "svg.chart rect").len(), 10);
    let own = reviewer
        .page(
            "/dashboard?template=egov-2022-23&kind=department&sort=name",
            200,
        )
        .await;
    assert!(
        texts(&own, "table.rollup tbody tr")
            .iter()
            .all(|row| row.contains("অধিদপ্তর"))
    );

    // The plan and its progress as a spreadsheet in the prescribed layout.
    let sheet = reviewer.get(&format!("/plans/{DIFE_PLAN}/plan.xlsx")).await;
    assert_eq!(sheet.status(), 200);
    let rows = udbhabon_docs::table::read_table(
        &sheet.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows[3][8], "লক্ষ্যমাত্রা/নির্ণায়ক");
    let share = rows
        .iter()
        .find(|row| row.get(3).is_some_and(|cell| cell.starts_with("[২.১.১]")))
        .unwrap();
    assert_eq!(share[13..17], ["৫০", "৬০", "৭০", "৮০"]);
    assert_eq!(share[18], "১২.৭৫");
    assert_eq!(rows.last().unwrap()[18], "৬৬.৭৬");
    // The same table as a landscape PDF.
    let pdf = reviewer.get(&format!("/plans/{DIFE_PLAN}/plan.pdf")).await;
    assert_eq!(pdf.status(), 200);
    let printed = crate::pdf::extract_text(&pdf.bytes().await.unwrap());
    for expected in [
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩",
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর",
        "লক্ষ্যমাত্রা/নির্ণায়ক",
        "[২.১.১] ই-নথিতে নিষ্পন্ন নথির হার",
        "১২.৭৫",
        "৬৬.৭৬",
        // A date too wide for its column is narrowed, never broken with hidden characters.
        "১৫-১০-২০২২",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    assert!(!printed.contains('\u{200B}'), "{printed}");

    // The year is closed: nothing more is taken.
    clock.set("2023-07-20");
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    assert_eq!(
        cio.post(
            &format!("/plans/{DIFE_PLAN}/decision"),
            &[("csrf", cio_csrf.as_str()), ("decision", "lock")]
        )
        .await
        .status(),
        200
    );
    let (office, csrf) = browser(&server, focal).await;
    let (status, messages) =
        alerts(report(&office, &csrf, at("৪.২.১", 4), "90", &[], true).await).await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["কর্মপরিকল্পনাটি চূড়ান্ত করা হয়েছে; আর কিছু বদলানো যাবে না।".to_owned()]
        )
    );
}

#[tokio::test]
async fn a_second_person_saving_the_same_entry_is_shown_the_newer_value() {
    let clock = MovableClock::at("2022-07-20");
    let server = TestServer::start_with_clock(clock).await;
    let (office, csrf) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    assert_eq!(
        office
            .post(&format!("/plans/{DIFE_PLAN}/submit"), &[("csrf", &csrf)])
            .await
            .status(),
        200
    );
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    cio.post(
        &format!("/plans/{DIFE_PLAN}/decision"),
        &[
            ("csrf", cio_csrf.as_str()),
            ("decision", "approve"),
            ("approved_on", "2022-07-20"),
        ],
    )
    .await;
    let ids = indicator_ids(&office.page(&format!("/plans/{DIFE_PLAN}"), 200).await);
    let entry = (ids["২.১.১"], 1);
    assert_eq!(
        report(&office, &csrf, entry, "40", &[], false)
            .await
            .status(),
        200
    );

    // Two officers open the saved draft; the first saves 55, the second, from the older copy, 45.
    let path = format!("/plans/{DIFE_PLAN}/indicators/{}/quarters/1", entry.0);
    let (other, other_csrf) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let opened = attribute_or_empty(
        &other.page(&path, 200).await,
        "form.progress-form input[name=version]",
    );
    assert_eq!(
        report(&office, &csrf, entry, "55", &[], false)
            .await
            .status(),
        200
    );
    let stale = reqwest::multipart::Form::new()
        .text("csrf", other_csrf.clone())
        .text("version", opened)
        .text("value", "45")
        .text("submit", "0");
    let response = other
        .client
        .post(format!("{}{path}", other.base))
        .multipart(stale)
        .send()
        .await
        .unwrap();
    let (status, messages) = alerts(response).await;
    assert_eq!(status, 409);
    assert!(
        messages[0].contains("৫৫") && messages[0].contains("focal-dife@demo.udbhabon.test"),
        "{messages:?}"
    );
    let page = office.page(&path, 200).await;
    assert_eq!(attribute(&page, "input#value", "value"), "৫৫");
}

/// Every input of the targets form with its value, in the order a browser sends them.
fn target_fields(page: &Html) -> Vec<(String, String)> {
    let inputs = Selector::parse("form.targets-form input").unwrap();
    page.select(&inputs)
        .filter_map(|input| {
            Some((
                input.value().attr("name")?.to_owned(),
                input.value().attr("value").unwrap_or_default().to_owned(),
            ))
        })
        .collect()
}

/// Sets the inputs of the row of the indicator with this id.
fn set_row(fields: &mut [(String, String)], indicator_id: i32, values: &[(&str, &str)]) {
    let start = fields
        .iter()
        .position(|(name, value)| name == "indicator" && *value == indicator_id.to_string())
        .expect("the indicator's row");
    let end = fields[start + 1..]
        .iter()
        .position(|(name, _)| name == "indicator")
        .map_or(fields.len(), |offset| start + 1 + offset);
    for (name, value) in values {
        let field = fields[start..end]
            .iter_mut()
            .find(|(field, _)| field == name)
            .unwrap_or_else(|| panic!("no {name} in the row"));
        field.1 = (*value).to_owned();
    }
}

/// Posts the targets form of a plan.
async fn post_targets(
    browser: &TestServer,
    plan: i32,
    fields: &[(String, String)],
) -> reqwest::Response {
    browser
        .client
        .post(format!("{}/plans/{plan}/targets", browser.base))
        .form(fields)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_office_sets_its_own_targets_all_or_nothing_until_it_submits_the_plan() {
    let server = signed_in("member-secretary@demo.udbhabon.test").await;
    let csrf = server.csrf().await;
    let plan = server.page("/plans/1", 200).await;
    let ids = indicator_ids(&plan);
    let form = server.page("/plans/1/targets", 200).await;
    let original = target_fields(&form);

    let mut wrong = original.clone();
    set_row(&mut wrong, ids["২.১.১"], &[("c0", "৫০"), ("c1", "৬০")]);
    set_row(&mut wrong, ids["১.২.১"], &[("c0", "ছয়")]);
    let response = post_targets(&server, 1, &wrong).await;
    let (status, messages) = alerts(response).await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        [
            "সংখ্যা লিখুন।",
            "পাঁচ স্তরের লক্ষ্যমাত্রা ক্রমানুসারে নয়: অসাধারণ থেকে চলতি মানের নিম্নে পর্যন্ত মান ক্রমশ কমবে (তারিখ হলে ক্রমশ পরে হবে)।",
        ]
    );
    assert_eq!(
        target_fields(&server.page("/plans/1/targets", 200).await),
        original,
        "nothing was saved"
    );

    let mut good = original.clone();
    set_row(
        &mut good,
        ids["২.১.১"],
        &[
            ("c0", "৯০"),
            ("c1", "৮০"),
            ("c2", "৭০"),
            ("c3", "৬০"),
            ("c4", "৫০"),
            ("previous_year", "৪৫%"),
        ],
    );
    set_row(&mut good, ids["১.২.১"], &[("c0", "৬")]);
    let saved = post_targets(&server, 1, &good).await;
    assert_eq!(saved.status(), 200);
    let plan = Html::parse_document(&saved.text().await.unwrap());
    let rows: Vec<Vec<String>> = (1..=10)
        .map(|row| {
            texts(
                &plan,
                &format!("table.plan tbody tr:nth-child({row}) td.target"),
            )
        })
        .collect();
    assert_eq!(rows[3], ["৯০", "৮০", "৭০", "৬০", "৫০"]);
    assert_eq!(rows[2][0], "৬");

    // Once submitted for approval, the targets are the plan's.
    assert_eq!(
        server
            .post("/plans/1/submit", &[("csrf", &csrf)])
            .await
            .status(),
        200
    );
    let response = post_targets(&server, 1, &good).await;
    let (status, messages) = alerts(response).await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["অনুমোদনের জন্য দাখিলের পর লক্ষ্যমাত্রা বদলানো যায় না।".to_owned()]
        )
    );
}

#[tokio::test]
async fn an_approved_plan_reopened_for_revision_keeps_the_approved_version_and_the_reason() {
    let clock = MovableClock::at("2022-07-20");
    let server = TestServer::start_with_clock(clock).await;
    let (office, csrf) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    let plan_path = format!("/plans/{DIFE_PLAN}/submit");
    let submit = || async { office.post(&plan_path, &[("csrf", csrf.as_str())]).await };
    assert_eq!(submit().await.status(), 200);
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    let decide = |fields: &'static [(&'static str, &'static str)]| {
        let mut form = vec![("csrf", cio_csrf.as_str())];
        form.extend_from_slice(fields);
        let cio = &cio;
        async move {
            cio.post(&format!("/plans/{DIFE_PLAN}/decision"), &form)
                .await
        }
    };
    let approve: &[(&str, &str)] = &[("decision", "approve"), ("approved_on", "2022-07-20")];
    assert_eq!(decide(approve).await.status(), 200);

    // Without a reason nothing changes.
    let (status, messages) = alerts(decide(&[("decision", "revise"), ("reason", " ")]).await).await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["সংশোধনের কারণ লিখুন; আগের সংস্করণের সঙ্গে কারণটি রাখা হবে।".to_owned()]
        )
    );
    assert!(
        text(
            &cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await,
            "dl.pairs"
        )
        .contains("অনুমোদিত")
    );
    // The member secretary does not approve, so cannot reopen either.
    let (secretary, secretary_csrf) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let refused = secretary
        .post(
            &format!("/plans/{DIFE_PLAN}/decision"),
            &[
                ("csrf", secretary_csrf.as_str()),
                ("decision", "revise"),
                ("reason", "লক্ষ্যমাত্রা বদলাবে"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403);

    let reason = "মন্ত্রিপরিষদ বিভাগের সংশোধিত নির্দেশনা অনুযায়ী লক্ষ্যমাত্রা হালনাগাদ";
    let reopened = cio
        .post(
            &format!("/plans/{DIFE_PLAN}/decision"),
            &[
                ("csrf", cio_csrf.as_str()),
                ("decision", "revise"),
                ("reason", reason),
            ],
        )
        .await;
    assert_eq!(reopened.status(), 200);
    let page = office.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    assert!(text(&page, "dl.pairs").contains("খসড়া"), "back to draft");
    let kept = text(&page, "ul.revisions li");
    assert!(
        kept.starts_with("সংস্করণ ১: অনুমোদন ২০ জুলাই ২০২২; ২০ জুলাই ২০২২ তারিখে বেগম জেবুন্নেছা করিম ")
            && kept.ends_with(&format!("সংশোধনের জন্য খোলেন। কারণ: {reason}")),
        "{kept}"
    );
    assert!(
        texts(&page, "a.button")
            .iter()
            .any(|link| link.contains("লক্ষ্যমাত্রা")),
        "targets editable again"
    );

    // The office raises its e-Nothi targets, submits the revised version and it is approved again;
    // the first stays on record.
    let ids = indicator_ids(&office.page(&format!("/plans/{DIFE_PLAN}"), 200).await);
    let mut fields = target_fields(
        &office
            .page(&format!("/plans/{DIFE_PLAN}/targets"), 200)
            .await,
    );
    set_row(
        &mut fields,
        ids["২.১.১"],
        &[
            ("c0", "৯০"),
            ("c1", "৮০"),
            ("c2", "৭০"),
            ("c3", "৬০"),
            ("c4", "৫০"),
        ],
    );
    let saved = post_targets(&office, DIFE_PLAN, &fields).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(submit().await.status(), 200);
    assert_eq!(decide(approve).await.status(), 200);
    let page = cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    assert!(text(&page, "dl.pairs").contains("অনুমোদিত"));
    assert_eq!(texts(&page, "ul.revisions li").len(), 1);

    // The first version's page shows its targets as they were approved.
    let href = crate::server::attribute(&page, "ul.revisions li a", "href");
    assert_eq!(href, format!("/plans/{DIFE_PLAN}/versions/1"));
    let first = cio.page(&href, 200).await;
    assert_eq!(text(&first, "h1"), "কর্মপরিকল্পনার সংস্করণ ১-এর লক্ষ্যমাত্রা");
    assert!(text(&first, ".revision-summary").contains(reason));
    let share_targets = |page: &Html| {
        texts(page, "table.plan tbody tr")
            .into_iter()
            .find(|row| row.contains("[২.১.১]"))
            .unwrap()
    };
    assert!(
        share_targets(&first).ends_with("১৫.০০ ৮০৭০৬০৫০৪০"),
        "{}",
        share_targets(&first)
    );
    let current = cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    assert!(
        share_targets(&current).ends_with("১৫.০০ ৯০৮০৭০৬০৫০"),
        "{}",
        share_targets(&current)
    );
    cio.page(&format!("/plans/{DIFE_PLAN}/versions/2"), 404)
        .await;
}

#[tokio::test]
async fn an_approval_names_the_meeting_it_was_given_at_from_the_offices_meetings() {
    let clock = MovableClock::at("2022-07-10");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (office, csrf) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    office
        .post(&format!("/plans/{DIFE_PLAN}/submit"), &[("csrf", &csrf)])
        .await;
    clock.set("2022-09-20");
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    let page = cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    let choices = texts(&page, "select#meeting option");
    assert_eq!(choices.len(), 2, "{choices:?}");
    assert!(
        choices[1].starts_with("১৫ সেপ্টেম্বর ২০২২ — "),
        "the ministry's review meeting: {choices:?}"
    );
    let approve = |meeting: &'static str| {
        let (cio, cio_csrf) = (&cio, &cio_csrf);
        async move {
            cio.post(
                &format!("/plans/{DIFE_PLAN}/decision"),
                &[
                    ("csrf", cio_csrf.as_str()),
                    ("decision", "approve"),
                    ("approved_on", "2022-09-15"),
                    ("meeting", meeting),
                ],
            )
            .await
        }
    };
    let (status, messages) = alerts(approve("another-office-meeting").await).await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["বাছাই করা সভাটি এই দপ্তর বা এর ঊর্ধ্বতন অফিসের নয়।".to_owned()]
        )
    );
    assert_eq!(approve("mole-egov-2022-23-review-1").await.status(), 200);
    let page = cio.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    let approval = text(&page, "dd.approval");
    assert!(
        approval.starts_with("১৫ সেপ্টেম্বর ২০২২, ") && approval.contains("১ম সভা"),
        "{approval}"
    );
}
