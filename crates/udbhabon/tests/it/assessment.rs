//! The half-yearly self-assessment and the mid-year review: an agency sends its marks for July to
//! December, the ministry's reviewer gives its own marks and feedback by 15 January, and the report
//! prints as a PDF.

use std::collections::HashMap;

use scraper::{Html, Selector};

use crate::pdf::extract_text;
use crate::plans::{DIFE_PLAN, PDF, alerts, browser, indicator_ids, report};
use crate::server::{MovableClock, TestServer, text, texts};

const FOCAL: &str = "focal-dife@demo.udbhabon.test";

fn assessment_path() -> String {
    format!("/plans/{DIFE_PLAN}/self-assessment")
}

/// The review form's fields as the page fills them in: each indicator's marks (the office's own).
fn review_fields(page: &Html) -> Vec<(String, String)> {
    let inputs = Selector::parse("form.assessment-review input").unwrap();
    page.select(&inputs)
        .map(|input| {
            (
                input.value().attr("name").unwrap().to_owned(),
                input.value().attr("value").unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Posts the review form with these fields.
async fn post_review(browser: &TestServer, fields: &[(String, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    browser
        .post(&format!("{}/review", assessment_path()), &fields)
        .await
}

/// Each indicator's row on the page, by its number: the cells as shown.
fn rows(page: &Html) -> HashMap<String, Vec<String>> {
    let row = Selector::parse("table.assessment tbody tr").unwrap();
    let cell = Selector::parse("td").unwrap();
    page.select(&row)
        .map(|row| {
            let cells: Vec<String> = row
                .select(&cell)
                .map(|cell| cell.text().collect::<String>().trim().to_owned())
                .collect();
            let number = cells[0]
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap()
                .to_owned();
            (number, cells)
        })
        .collect()
}

#[tokio::test]
async fn an_agency_sends_its_half_year_and_the_ministry_marks_it_with_feedback() {
    let clock = MovableClock::at("2022-07-10");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (office, csrf) = browser(&server, FOCAL).await;
    let plan = office.page(&format!("/plans/{DIFE_PLAN}"), 200).await;
    let ids = indicator_ids(&plan);
    assert!(
        texts(&plan, "a.button")
            .iter()
            .all(|link| !link.contains("স্ব-মূল্যায়ন")),
        "a draft plan has no self-assessment yet"
    );
    office
        .post(&format!("/plans/{DIFE_PLAN}/submit"), &[("csrf", &csrf)])
        .await;
    clock.set("2022-07-20");
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
    let approve = cio
        .post(
            &format!("/plans/{DIFE_PLAN}/decision"),
            &[
                ("csrf", cio_csrf.as_str()),
                ("decision", "approve"),
                ("approved_on", "2022-07-20"),
                ("meeting", ""),
            ],
        )
        .await;
    assert_eq!(approve.status(), 200);

    // The first quarter: one meeting held (with its notice), half the files in e-Nothi.
    clock.set("2022-10-10");
    let (office, csrf) = browser(&server, FOCAL).await;
    for (number, value, files) in [
        ("১.১.১", "1", vec![("notice.pdf", PDF)]),
        ("২.১.১", "৫০", vec![]),
    ] {
        let sent = report(&office, &csrf, (ids[number], 1), value, &files, true).await;
        assert_eq!(sent.status(), 200, "{number}");
    }

    // Before the half-year is over nothing can be sent.
    clock.set("2022-12-20");
    let (office, csrf) = browser(&server, FOCAL).await;
    let page = office.page(&assessment_path(), 200).await;
    assert_eq!(text(&page, "p.notice"), "১ জানুয়ারি ২০২৩ থেকে পাঠানো যাবে।");
    let (status, messages) = alerts(
        office
            .post(&assessment_path(), &[("csrf", csrf.as_str())])
            .await,
    )
    .await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["প্রথম ছয় মাস (৩১ ডিসেম্বর) শেষ হওয়ার পর স্ব-মূল্যায়ন পাঠানো যাবে।".to_owned()]
        )
    );

    // The second quarter, then the self-assessment on 5 January (due 15 January). Marks by hand:
    // meetings 1 + 1 = 2 of the target 4, proportional: 8 × 2/4 = 4; e-Nothi (50 + 60)/2 = 55, between
    // the bands 60 (80%) and 50 (70%): 75% of 15 = 11.25. The self-assessed total is 15.25.
    clock.set("2023-01-05");
    let (office, csrf) = browser(&server, FOCAL).await;
    for (number, value) in [("১.১.১", "1"), ("২.১.১", "60")] {
        let sent = report(&office, &csrf, (ids[number], 2), value, &[], true).await;
        assert_eq!(sent.status(), 200, "{number}");
    }
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    assert_eq!(
        viewer
            .post(&assessment_path(), &[("csrf", viewer_csrf.as_str())])
            .await
            .status(),
        403,
        "a viewer does not send an office's self-assessment"
    );
    let sent = office
        .post(&assessment_path(), &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(sent.status(), 200);
    let page = Html::parse_document(&sent.text().await.unwrap());
    assert_eq!(text(&page, ".assessment-status"), "প্রেরিত, পর্যালোচনার অপেক্ষায়");
    let lines = rows(&page);
    assert_eq!(lines["১.১.১"][4..7], ["২", "হ্যাঁ", "৪.০০"]);
    assert_eq!(lines["২.১.১"][4..7], ["৫৫", "না", "১১.২৫"]);
    assert_eq!(text(&page, "tfoot td.score"), "১৫.২৫");
    assert!(
        text(&page, "dl.assessment-facts").contains("৫ জানুয়ারি ২০২৩"),
        "{}",
        text(&page, "dl.assessment-facts")
    );
    assert!(
        texts(&page, "form.assessment-review").is_empty(),
        "the office does not review itself"
    );

    // The ministry's reviewer finds it on the dashboard and marks it on 12 January: a mark above the
    // weight refuses the whole review; then the review with one mark lowered and the feedback.
    clock.set("2023-01-12");
    let (reviewer, reviewer_csrf) = browser(&server, "reviewer@demo.udbhabon.test").await;
    let board = reviewer.page("/dashboard", 200).await;
    assert_eq!(
        texts(&board, "ul.awaiting-review li"),
        ["কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"]
    );
    let page = reviewer.page(&assessment_path(), 200).await;
    let mut fields = review_fields(&page);
    let meetings = format!("marks_{}", ids["১.১.১"]);
    let version = fields
        .iter()
        .find(|(name, _)| name == "version")
        .unwrap()
        .1
        .clone();
    assert_eq!(version, "1");
    for (name, value) in &mut fields {
        if *name == meetings {
            *value = "৯".to_owned();
        }
        if name == "csrf" {
            *value = reviewer_csrf.clone();
        }
    }
    let mut form = fields.clone();
    form.push(("feedback".into(), String::new()));
    let (status, messages) = alerts(post_review(&reviewer, &form).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        ["নম্বর ০ থেকে সূচকের মান পর্যন্ত হতে পারে।", "ফলাবর্তক লিখুন।"]
    );
    let page = reviewer.page(&assessment_path(), 200).await;
    assert_eq!(
        text(&page, ".assessment-status"),
        "প্রেরিত, পর্যালোচনার অপেক্ষায়",
        "nothing was saved"
    );
    for (name, value) in &mut fields {
        if *name == meetings {
            *value = "৩".to_owned();
        }
    }
    let feedback = "ত্রৈমাসিক সভার কার্যবিবরণী সংযুক্ত করুন; ই-নথির হার বাড়াতে শাখাভিত্তিক প্রশিক্ষণ দিন।";
    let mut form = fields.clone();
    form.push(("feedback".into(), feedback.into()));
    let (focal_again, focal_csrf) = browser(&server, FOCAL).await;
    let mut as_office = form.clone();
    for (name, value) in &mut as_office {
        if name == "csrf" {
            *value = focal_csrf.clone();
        }
    }
    assert_eq!(
        post_review(&focal_again, &as_office).await.status(),
        403,
        "the office does not review its own self-assessment"
    );
    let reviewed = post_review(&reviewer, &form).await;
    assert_eq!(reviewed.status(), 200);
    let page = Html::parse_document(&reviewed.text().await.unwrap());
    assert_eq!(text(&page, ".assessment-status"), "পর্যালোচিত");
    assert_eq!(rows(&page)["১.১.১"][7], "৩.০০");
    assert_eq!(
        texts(&page, "tfoot td.score"),
        ["১৫.২৫", "১৪.২৫"],
        "3 + 11.25 and nothing for the indicators not reported"
    );
    assert_eq!(text(&page, "p.feedback"), feedback);
    let board = reviewer.page("/dashboard", 200).await;
    assert!(
        texts(&board, "ul.awaiting-review li").is_empty(),
        "reviewed, it no longer waits"
    );
    let facts = text(&page, "dl.assessment-facts");
    assert!(
        facts.contains("ডেমো ফোকাল পয়েন্ট") && facts.contains("ডেমো পর্যালোচক"),
        "who sent and who reviewed it, by name: {facts}"
    );

    // Reviewed, it is fixed: the office cannot send it again.
    let (status, messages) = alerts(
        focal_again
            .post(&assessment_path(), &[("csrf", focal_csrf.as_str())])
            .await,
    )
    .await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["স্ব-মূল্যায়নটি পর্যালোচিত হয়ে গেছে; আর পরিবর্তন করা যাবে না।".to_owned()]
        )
    );

    // The report, in Bengali and English.
    let pdf = reviewer.get(&format!("{}.pdf", assessment_path())).await;
    assert_eq!(pdf.status(), 200);
    let text = extract_text(&pdf.bytes().await.unwrap());
    for expected in [
        "অর্ধবার্ষিক স্ব-মূল্যায়ন প্রতিবেদন",
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর",
        "১ জুলাই ২০২২ – ৩১ ডিসেম্বর ২০২২",
        "ইনোভেশন টিমের ত্রৈমাসিক সভা অনুষ্ঠিত",
        "১৫.২৫",
        "১৪.২৫",
        feedback,
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(
        !text.contains('\u{200B}'),
        "nothing hidden inside the dates: {text}"
    );
    reviewer.choose("en").await;
    let english = reviewer.get(&format!("{}.pdf", assessment_path())).await;
    let text = extract_text(&english.bytes().await.unwrap());
    assert!(
        text.contains("Half-yearly self-assessment report") && text.contains("14.25"),
        "{text}"
    );
}
