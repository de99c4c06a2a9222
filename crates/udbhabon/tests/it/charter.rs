//! The citizen charter's cycle through the browser's forms: the ministry's member secretary drafts it
//! (bad services refused with nothing written), sends it, the Chief Innovation Officer returns it with
//! a note and then approves it; the public sees the edition and its PDF in both languages; next
//! quarter the charter is flagged, the next edition starts from the last, and a vacant post stops it.

use scraper::Html;

use crate::pdf::extract_text;
use crate::server::{DEMO_PASSWORD, MovableClock, TestServer, form_fields, set_field, text, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const CIO: &str = "cio@demo.udbhabon.test";
const DRAFT: &str = "/offices/mole/charter/draft";

async fn signed_in(server: &TestServer, email: &str) -> (TestServer, String) {
    let browser = server.another_browser();
    assert_eq!(browser.sign_in(email, DEMO_PASSWORD).await.status(), 200);
    let csrf = browser.csrf().await;
    (browser, csrf)
}

/// Posts `fields` (with the token) and returns the status and the page's alerts.
async fn post(
    browser: &TestServer,
    path: &str,
    csrf: &str,
    fields: &[(&str, String)],
) -> (u16, Vec<String>) {
    let response = browser.post_form(path, csrf, fields).await;
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    (
        status,
        texts(&Html::parse_document(&body), ".alert[role=alert]"),
    )
}

/// The form fields as a browser would send them, with `changes` made, as owned pairs.
fn filled(page: &Html, form: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields = form_fields(page, form);
    for (name, value) in changes {
        set_field(&mut fields, name, 0, value);
    }
    fields.retain(|(name, _)| name != "csrf");
    fields
}

fn borrowed(fields: &[(String, String)]) -> Vec<(&str, String)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect()
}

/// The value of the first option of `select` whose label contains `label`.
fn option_containing(page: &Html, select: &str, label: &str) -> String {
    let labels = texts(page, &format!("select#{select} option"));
    let index = labels
        .iter()
        .position(|option| option.contains(label))
        .unwrap_or_else(|| panic!("no option with {label} in {labels:?}"));
    crate::server::attribute(
        page,
        &format!("select#{select} option:nth-child({})", index + 1),
        "value",
    )
}

#[tokio::test]
async fn a_charter_is_drafted_returned_approved_published_and_flagged_the_next_quarter() {
    let clock = MovableClock::at("2026-11-23");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let public = server.another_browser();
    let page = public.page("/offices/mole/charter", 200).await;
    assert!(text(&page, "main").contains("এখনো সিটিজেন চার্টার প্রকাশ করেনি"));
    assert!(
        texts(&page, "main a")
            .iter()
            .all(|link| !link.contains("খসড়া"))
    );
    assert_eq!(public.get(DRAFT).await.status(), 200, "sent to sign in");

    let (secretary, csrf) = signed_in(&server, SECRETARY).await;
    assert_eq!(post(&secretary, DRAFT, &csrf, &[]).await.0, 200);
    assert_eq!(
        post(&secretary, DRAFT, &csrf, &[]).await,
        (
            422,
            vec!["একটি সংস্করণ আগে থেকেই প্রস্তুত হচ্ছে; নতুন খসড়া শুরু করার আগে সেটি প্রকাশ করুন।".to_owned()]
        )
    );
    let (status, alerts) = post(&secretary, "/offices/mole/charter/submit", &csrf, &[]).await;
    assert_eq!(status, 422);
    assert_eq!(alerts.len(), 3, "{alerts:?}");

    // A service with a wordy fee, no time limit and no officer is refused, and nothing is kept.
    let page = secretary.page(DRAFT, 200).await;
    let bad = filled(
        &page,
        "form[action$='/charter/services']",
        &[
            ("name_bn", "শ্রমিক নিবন্ধন সনদ"),
            ("method_bn", "অনলাইনে আবেদন"),
            ("documents_bn", "জাতীয় পরিচয়পত্র"),
            ("fee", "আলোচনা সাপেক্ষে"),
        ],
    );
    let (status, alerts) = post(
        &secretary,
        "/offices/mole/charter/services",
        &csrf,
        &borrowed(&bad),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        alerts,
        [
            "সেবার মূল্য টাকার অঙ্কে লিখুন (যেমন ২০০), অথবা \"বিনামূল্যে\" লিখুন।",
            "সময়সীমা ১ থেকে ৯৯৯-এর মধ্যে একটি পূর্ণসংখ্যা ও তার একক দিয়ে লিখুন।",
            "এই দপ্তরের একটি পদ দায়িত্বপ্রাপ্ত কর্মকর্তা হিসেবে বেছে নিন।",
        ]
    );
    assert!(text(&secretary.page(DRAFT, 200).await, "main").contains("এখনো কোনো সেবা যুক্ত করা হয়নি"));

    let officer = option_containing(&page, "service-new-officer", "অতিরিক্ত সচিব (প্রশাসন)");
    let good = filled(
        &page,
        "form[action$='/charter/services']",
        &[
            ("name_bn", "শ্রমিক নিবন্ধন সনদ"),
            ("name_en", "Worker registration certificate"),
            ("method_bn", "অনলাইনে আবেদন"),
            ("documents_bn", "জাতীয় পরিচয়পত্র"),
            ("fee", "২০০"),
            ("time_amount", "৭"),
            ("officer_post", &officer),
        ],
    );
    assert_eq!(
        post(
            &secretary,
            "/offices/mole/charter/services",
            &csrf,
            &borrowed(&good)
        )
        .await
        .0,
        200
    );
    let page = secretary.page(DRAFT, 200).await;
    let grievance = option_containing(&page, "grievance-post", "অতিরিক্ত সচিব (প্রশাসন)");
    let overview = filled(
        &page,
        "form[action$='/charter/overview']",
        &[
            ("vision_bn", "শোভন কর্মপরিবেশ ও শ্রমিকের কল্যাণ"),
            (
                "mission_bn",
                "শ্রমিক ও মালিকের সুসম্পর্ক এবং নিরাপদ কর্মপরিবেশ নিশ্চিত করা",
            ),
            ("grievance_post", &grievance),
            ("appeal_post", &grievance),
        ],
    );
    assert_eq!(
        post(
            &secretary,
            "/offices/mole/charter/overview",
            &csrf,
            &borrowed(&overview)
        )
        .await
        .0,
        200
    );
    assert_eq!(
        post(&secretary, "/offices/mole/charter/submit", &csrf, &[])
            .await
            .0,
        200
    );
    let page = secretary.page(DRAFT, 200).await;
    assert!(text(&page, "main").contains("অনুমোদনের জন্য প্রেরিত"));
    assert!(
        !text(&page, "main").contains("সেবা সংরক্ষণ করুন"),
        "no longer editable"
    );
    assert_eq!(
        secretary
            .post_form("/offices/mole/charter/approve", &csrf, &[])
            .await
            .status(),
        403,
        "the member secretary does not approve"
    );

    // The Chief Innovation Officer sends it back with a note, then approves it.
    let (cio, cio_csrf) = signed_in(&server, CIO).await;
    let (status, alerts) = post(
        &cio,
        "/offices/mole/charter/return",
        &cio_csrf,
        &[("note", String::new())],
    )
    .await;
    assert_eq!(
        (status, alerts),
        (422, vec!["ফেরত পাঠানোর কারণ লিখুন।".to_owned()])
    );
    let note = ("note", "ফি পরিশোধের পদ্ধতি লিখুন".to_owned());
    assert_eq!(
        post(&cio, "/offices/mole/charter/return", &cio_csrf, &[note])
            .await
            .0,
        200
    );
    assert!(text(&secretary.page(DRAFT, 200).await, "main").contains("ফি পরিশোধের পদ্ধতি লিখুন"));
    assert_eq!(
        post(&secretary, "/offices/mole/charter/submit", &csrf, &[])
            .await
            .0,
        200
    );
    assert_eq!(
        post(&cio, "/offices/mole/charter/approve", &cio_csrf, &[])
            .await
            .0,
        200
    );
    assert!(text(&cio.page(DRAFT, 200).await, "main").contains("এখন কোনো খসড়া নেই"));

    // Published: the public page and both PDFs.
    let page = public.page("/offices/mole/charter", 200).await;
    let main = text(&page, "main");
    for expected in [
        "সংস্করণ ১",
        "শ্রমিক নিবন্ধন সনদ",
        "২০০.০০",
        "৭ কার্যদিবস",
        "শোভন কর্মপরিবেশ",
        "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল",
        "স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান",
    ] {
        assert!(main.contains(expected), "{expected} in {main}");
    }
    assert!(!main.contains("হালনাগাদ করা হয়নি"), "no flag for the public");
    let pdf = public.get("/offices/mole/charter.pdf").await;
    assert_eq!(pdf.status(), 200);
    let words = extract_text(&pdf.bytes().await.unwrap());
    for expected in [
        "সিটিজেন চার্টার",
        "শ্রমিক নিবন্ধন সনদ",
        "প্রতিশ্রুত সেবাসমূহ",
        "কার্যদিবস",
    ] {
        assert!(words.contains(expected), "{expected} in the PDF: {words}");
    }
    public.choose("en").await;
    let english = public.get("/offices/mole/charter.pdf?edition=1").await;
    let words = extract_text(&english.bytes().await.unwrap());
    assert!(words.contains("Worker registration"), "{words}");
    assert!(words.contains("Citizen Charter"), "{words}");

    // This quarter the ministry is up to date and the directorate below is not.
    let watch = secretary.page("/offices/mole/charters", 200).await;
    let rows = texts(&watch, "tbody tr");
    assert!(!rows[0].contains("হালনাগাদ হয়নি"), "{rows:?}");
    assert!(
        rows.iter()
            .skip(1)
            .all(|row| row.contains("কখনো প্রকাশিত হয়নি")),
        "{rows:?}"
    );

    // Next quarter it is flagged, and the next edition starts from the last.
    clock.set("2027-01-05");
    // Six weeks on, the sessions have lapsed.
    let (secretary, csrf) = signed_in(&server, SECRETARY).await;
    let (cio, cio_csrf) = signed_in(&server, CIO).await;
    let page = secretary.page("/offices/mole/charter", 200).await;
    assert!(text(&page, "main").contains("এই ত্রৈমাসিকে সিটিজেন চার্টার হালনাগাদ করা হয়নি"));
    let watch = secretary.page("/offices/mole/charters", 200).await;
    assert!(texts(&watch, "tbody tr")[0].contains("এই ত্রৈমাসিকে হালনাগাদ হয়নি"));
    assert_eq!(post(&secretary, DRAFT, &csrf, &[]).await.0, 200);
    let page = secretary.page(DRAFT, 200).await;
    assert!(
        text(&page, "main").contains("শ্রমিক নিবন্ধন সনদ"),
        "copied from edition 1"
    );

    // A post nobody holds cannot be printed: the approval names it.
    let vacant = option_containing(&page, "service-1-officer", "পদ শূন্য");
    let moved = filled(
        &page,
        "form[action$='/charter/services/1']",
        &[("officer_post", &vacant)],
    );
    assert_eq!(
        post(
            &secretary,
            "/offices/mole/charter/services/1",
            &csrf,
            &borrowed(&moved)
        )
        .await
        .0,
        200
    );
    assert_eq!(
        post(&secretary, "/offices/mole/charter/submit", &csrf, &[])
            .await
            .0,
        200
    );
    let (status, alerts) = post(&cio, "/offices/mole/charter/approve", &cio_csrf, &[]).await;
    assert_eq!(status, 422);
    assert!(alerts[0].contains("পদে এখন কেউ নেই"), "{alerts:?}");
    let note = ("note", "দায়িত্বপ্রাপ্ত কর্মকর্তার পদ শূন্য".to_owned());
    assert_eq!(
        post(&cio, "/offices/mole/charter/return", &cio_csrf, &[note])
            .await
            .0,
        200
    );
    let page = secretary.page(DRAFT, 200).await;
    let moved = filled(
        &page,
        "form[action$='/charter/services/1']",
        &[("officer_post", &officer)],
    );
    assert_eq!(
        post(
            &secretary,
            "/offices/mole/charter/services/1",
            &csrf,
            &borrowed(&moved)
        )
        .await
        .0,
        200
    );
    assert_eq!(
        post(&secretary, "/offices/mole/charter/submit", &csrf, &[])
            .await
            .0,
        200
    );
    assert_eq!(
        post(&cio, "/offices/mole/charter/approve", &cio_csrf, &[])
            .await
            .0,
        200
    );
    let page = server
        .another_browser()
        .page("/offices/mole/charter", 200)
        .await;
    assert!(text(&page, "main").contains("সংস্করণ ২"));
    let editions = texts(&page, "#editions-heading + ul li");
    assert_eq!(editions.len(), 2, "{editions:?}");
    let first = server
        .another_browser()
        .page("/offices/mole/charter?edition=1", 200)
        .await;
    assert!(text(&first, "main").contains("সংস্করণ ১ · প্রকাশের তারিখ"));
    assert_eq!(
        server
            .another_browser()
            .get("/offices/mole/charter?edition=9")
            .await
            .status(),
        404
    );
}
