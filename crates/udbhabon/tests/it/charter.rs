//! The citizen charter's cycle through the browser's forms: the ministry's member secretary drafts it
//! (bad services refused beside their fields with nothing written), sends it, the Chief Innovation
//! Officer returns it with a note and then approves it; the public sees the edition and its PDF in both
//! languages; next quarter the charter is flagged, the next edition starts from the last, and a vacant
//! post keeps it from being sent.

use scraper::Html;

use crate::browser::assert_accessible;
use crate::pdf::extract_text;
use crate::server::{MovableClock, TestServer, attribute, filled, text, texts, waits_for};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const CIO: &str = "cio@demo.udbhabon.test";
const DRAFT: &str = "/offices/mole/charter/draft";
const SERVICES: &str = "/offices/mole/charter/services";
const OVERVIEW: &str = "/offices/mole/charter/overview";
const SUBMIT: &str = "/offices/mole/charter/submit";
const APPROVE: &str = "/offices/mole/charter/approve";
const RETURN: &str = "/offices/mole/charter/return";

/// Posts `fields` and returns the status.
async fn status(browser: &TestServer, path: &str, csrf: &str, fields: &[(String, String)]) -> u16 {
    browser.post_fields(path, csrf, fields).await.0
}

fn note(text: &str) -> Vec<(String, String)> {
    vec![("note".to_owned(), text.to_owned())]
}

/// Each option of `select`: (label, value).
fn options(page: &Html, select: &str) -> Vec<(String, String)> {
    texts(page, &format!("select#{select} option"))
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let value = attribute(
                page,
                &format!("select#{select} option:nth-child({})", index + 1),
                "value",
            );
            (label, value)
        })
        .collect()
}

/// The value of the first option of `select` whose label contains `label`.
fn option_containing(page: &Html, select: &str, label: &str) -> String {
    options(page, select)
        .into_iter()
        .find(|(text, _)| text.contains(label))
        .unwrap_or_else(|| panic!("no option with {label} in {select}"))
        .1
}

/// The value of the first post in `select` that someone holds, other than `except`.
fn held_other_than(page: &Html, select: &str, except: &str) -> String {
    options(page, select)
        .into_iter()
        .find(|(label, value)| !value.is_empty() && value != except && !label.contains("পদ শূন্য"))
        .expect("another held post")
        .1
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

    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    assert_eq!(status(&secretary, DRAFT, &csrf, &[]).await, 200);
    let (code, page) = secretary.post_fields(DRAFT, &csrf, &[]).await;
    assert_eq!(
        (code, texts(&page, ".alert[role=alert]")),
        (
            422,
            vec!["একটি সংস্করণ আগে থেকেই প্রস্তুত হচ্ছে; নতুন খসড়া শুরু করার আগে সেটি প্রকাশ করুন।".to_owned()]
        )
    );
    // The new draft names the grievance officers the ministry names for grievance redress; it still
    // lacks its vision and mission, and any service.
    let (code, page) = secretary.post_fields(SUBMIT, &csrf, &[]).await;
    assert_eq!(code, 422);
    assert_eq!(texts(&page, ".alert[role=alert]").len(), 2);

    // A service with a wordy fee, no time limit and no officer is refused beside its fields, what was
    // typed is kept, and nothing is written.
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
    let (code, answered) = secretary.post_fields(SERVICES, &csrf, &bad).await;
    assert_eq!(code, 422);
    assert_eq!(
        texts(&answered, ".alert[role=alert]"),
        ["সংরক্ষণ হয়নি: নিচের ফর্মে চিহ্নিত ঘরগুলো ঠিক করুন।"]
    );
    assert_eq!(
        texts(&answered, "form[action$='/charter/services'] .field-error"),
        [
            "সেবার মূল্য টাকার অঙ্কে লিখুন (যেমন ২০০), অথবা \"বিনামূল্যে\" লিখুন।",
            "সময়সীমা ১ থেকে ৯৯৯-এর মধ্যে একটি পূর্ণসংখ্যা ও তার একক দিয়ে লিখুন।",
            "এই দপ্তরের একটি পদ দায়িত্বপ্রাপ্ত কর্মকর্তা হিসেবে বেছে নিন।",
        ]
    );
    assert_eq!(
        attribute(&answered, "input#service-new-fee", "value"),
        "আলোচনা সাপেক্ষে"
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
    assert_eq!(status(&secretary, SERVICES, &csrf, &good).await, 200);

    // The grievance redress officer and the appeal officer hold different posts.
    let page = secretary.page(DRAFT, 200).await;
    let grievance = option_containing(&page, "grievance-post", "অতিরিক্ত সচিব (প্রশাসন)");
    let appeal = held_other_than(&page, "appeal-post", &grievance);
    let overview = |appeal: &str| {
        filled(
            &page,
            "form[action$='/charter/overview']",
            &[
                ("vision_bn", "শোভন কর্মপরিবেশ ও শ্রমিকের কল্যাণ"),
                (
                    "mission_bn",
                    "শ্রমিক ও মালিকের সুসম্পর্ক এবং নিরাপদ কর্মপরিবেশ নিশ্চিত করা",
                ),
                ("grievance_post", &grievance),
                ("appeal_post", appeal),
            ],
        )
    };
    let (code, answered) = secretary
        .post_fields(OVERVIEW, &csrf, &overview(&grievance))
        .await;
    assert_eq!(
        (code, texts(&answered, ".field-error")),
        (
            422,
            vec!["আপিল কর্মকর্তা অভিযোগ নিষ্পত্তি কর্মকর্তা থেকে ভিন্ন পদের হতে হবে।".to_owned()]
        )
    );
    assert_eq!(
        status(&secretary, OVERVIEW, &csrf, &overview(&appeal)).await,
        200
    );
    assert_eq!(status(&secretary, SUBMIT, &csrf, &[]).await, 200);
    let page = secretary.page(DRAFT, 200).await;
    assert!(text(&page, "main").contains("অনুমোদনের জন্য প্রেরিত"));
    assert!(
        !text(&page, "main").contains("সেবা সংরক্ষণ করুন"),
        "no longer editable"
    );
    assert_eq!(
        status(&secretary, APPROVE, &csrf, &[]).await,
        403,
        "the member secretary does not approve"
    );

    // The Chief Innovation Officer sends it back with a note, then approves it.
    let (cio, cio_csrf) = server.signed_in_as(CIO).await;
    let to_approve = "আপনার অনুমোদনের অপেক্ষায়: সিটিজেন চার্টার";
    assert!(waits_for(&cio, to_approve, DRAFT).await);
    let (code, page) = cio.post_fields(RETURN, &cio_csrf, &note("")).await;
    assert_eq!(
        (code, texts(&page, ".alert[role=alert]")),
        (422, vec!["ফেরত পাঠানোর কারণ লিখুন।".to_owned()])
    );
    assert_eq!(
        status(&cio, RETURN, &cio_csrf, &note("ফি পরিশোধের পদ্ধতি লিখুন")).await,
        200
    );
    assert!(text(&secretary.page(DRAFT, 200).await, "main").contains("ফি পরিশোধের পদ্ধতি লিখুন"));
    assert_eq!(status(&secretary, SUBMIT, &csrf, &[]).await, 200);
    assert_eq!(status(&cio, APPROVE, &cio_csrf, &[]).await, 200);
    assert!(text(&cio.page(DRAFT, 200).await, "main").contains("এখন কোনো খসড়া নেই"));
    assert!(!waits_for(&cio, to_approve, DRAFT).await);

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
        "অভিযোগ ব্যবস্থাপনা",
    ] {
        assert!(words.contains(expected), "{expected} in the PDF: {words}");
    }
    public.choose("en").await;
    let english = public.get("/offices/mole/charter.pdf?edition=1").await;
    let words = extract_text(&english.bytes().await.unwrap());
    assert!(words.contains("Worker registration"), "{words}");
    assert!(words.contains("Citizen Charter"), "{words}");

    // This quarter the ministry is up to date and the offices below are not.
    let watch = secretary.page("/offices/mole/charters", 200).await;
    let rows = texts(&watch, "tbody tr");
    assert!(!rows[0].contains("হালনাগাদ হয়নি"), "{rows:?}");
    assert!(
        rows[1..].iter().all(|row| row.contains("কখনো প্রকাশিত হয়নি")),
        "{rows:?}"
    );

    // Next quarter it is flagged, and the next edition starts from the last.
    clock.set("2027-01-05");
    // Six weeks on, the sessions have lapsed.
    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    let (cio, cio_csrf) = server.signed_in_as(CIO).await;
    let page = secretary.page("/offices/mole/charter", 200).await;
    assert!(text(&page, "main").contains("এই ত্রৈমাসিকে সিটিজেন চার্টার হালনাগাদ করা হয়নি"));
    let watch = secretary.page("/offices/mole/charters", 200).await;
    assert!(texts(&watch, "tbody tr")[0].contains("এই ত্রৈমাসিকে হালনাগাদ হয়নি"));
    assert_eq!(status(&secretary, DRAFT, &csrf, &[]).await, 200);
    let page = secretary.page(DRAFT, 200).await;
    assert!(
        text(&page, "main").contains("শ্রমিক নিবন্ধন সনদ"),
        "copied from edition 1"
    );

    // A post nobody holds cannot be printed: the charter is not sent until it is held or changed.
    let vacant = option_containing(&page, "service-1-officer", "পদ শূন্য");
    let service = "/offices/mole/charter/services/1";
    let form = "form[action$='/charter/services/1']";
    let moved = filled(&page, form, &[("officer_post", &vacant)]);
    assert_eq!(status(&secretary, service, &csrf, &moved).await, 200);
    let (code, answered) = secretary.post_fields(SUBMIT, &csrf, &[]).await;
    assert_eq!(code, 422);
    assert!(
        texts(&answered, ".alert[role=alert]")[0].contains("১টি পদে এখন কেউ নেই"),
        "{:?}",
        texts(&answered, ".alert[role=alert]")
    );
    let page = secretary.page(DRAFT, 200).await;
    let back = filled(&page, form, &[("officer_post", &officer)]);
    assert_eq!(status(&secretary, service, &csrf, &back).await, 200);
    assert_eq!(status(&secretary, SUBMIT, &csrf, &[]).await, 200);
    assert_eq!(status(&cio, APPROVE, &cio_csrf, &[]).await, 200);
    let page = server
        .another_browser()
        .page("/offices/mole/charter", 200)
        .await;
    assert!(text(&page, "main").contains("সংস্করণ ২"));
    assert!(text(&page, "main").contains("প্রথম প্রকাশ"));
    let editions = texts(&page, "#editions-heading + ul li");
    assert_eq!(editions.len(), 2, "{editions:?}");
    let first = server
        .another_browser()
        .page("/offices/mole/charter?edition=1", 200)
        .await;
    assert!(text(&first, "main").contains("সংস্করণ ১ · প্রকাশের তারিখ"));
    let board = texts(
        &server
            .another_browser()
            .page("/offices/mole/notices", 200)
            .await,
        "ul.bulletin > li",
    );
    assert!(
        board[0].contains("সিটিজেন চার্টার") && board[0].contains("সংস্করণ ২"),
        "{board:?}"
    );
    assert!(board[1].contains("সংস্করণ ১"), "{board:?}");
    assert_eq!(
        server
            .another_browser()
            .get("/offices/mole/charter?edition=9")
            .await
            .status(),
        404
    );
    // The published charter and the board that lists it, read on a phone.
    let base = server.base.clone();
    tokio::task::spawn_blocking(move || {
        assert_accessible(
            &base,
            &[
                "/offices/mole/charter",
                "/offices/mole/charter?edition=1",
                "/offices/mole/notices",
            ],
        );
    })
    .await
    .unwrap();
}
