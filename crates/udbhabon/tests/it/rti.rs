//! The RTI register: the demo's applications stand against their clocks (one answered late, one past
//! its longer limit with another unit involved, one in time, one open); the member secretary registers
//! an application whose 20 working days run past Victory Day and two weekends, records a late answer
//! that is flagged and an appeal; a future date, a refusal without its section and an appeal decided
//! before it was filed are refused with nothing saved, and so is a fee not in whole taka; the fees paid
//! add up in the year's figures beside the Rules' fee schedule; a team member reads the register but
//! may not keep it; the register downloads with each application's due date and days late, and its
//! yearly report prints as a PDF without the applicants. The member secretary
//! finds an application past its limit in the inbox, and is mailed before a limit runs out and once
//! when it has. The officers the register names, and the information it lists as published of the
//! office's own accord, are on the office's page for anyone.

use scraper::Html;

use crate::pdf::extract_text;
use crate::server::{
    MovableClock, TestServer, attribute, filled, mail_part, option_value, text, texts,
};

const REGISTER: &str = "/offices/mole/rti?year=2026-27";

/// Each application's standing in the register, in order.
fn standings(page: &Html) -> Vec<String> {
    texts(page, "tr.rti-row td:last-child")
}

/// The year's figures as (label, figure).
fn figure(page: &Html, label: &str) -> String {
    let labels = texts(page, "dl.rti-figures dt");
    let figures = texts(page, "dl.rti-figures dd");
    let index = labels
        .iter()
        .position(|text| text == label)
        .unwrap_or_else(|| panic!("no figure {label} in {labels:?}"));
    figures[index].clone()
}

#[tokio::test]
async fn an_application_is_clocked_in_working_days_and_a_late_answer_flagged() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;

    // The application past its limit waits in the member secretary's inbox.
    let inbox = secretary.page("/notifications", 200).await;
    let overdue = texts(&inbox, "a[href='/rti/2']").join(" ");
    assert!(overdue.contains("আবেদন নং ২-এর উত্তর"), "{overdue}");
    assert!(text(&inbox, "main").contains("তথ্য অধিকার: সময়সীমা পেরিয়েছে"));

    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        standings(&page),
        [
            "দেরিতে উত্তর · ৮ দিন",
            "সময় পেরিয়েছে · ১৫ দিন",
            "সময়মতো উত্তর",
            "চলমান · আর ১৪ কর্মদিবস",
        ]
    );
    assert_eq!(figure(&page, "প্রাপ্ত আবেদন"), "৪");
    assert_eq!(figure(&page, "দেরিতে উত্তর"), "১");
    assert_eq!(figure(&page, "আপিল নিষ্পত্তি"), "১");

    // Received on Sunday 22 November: twenty working days, past Victory Day and four weekends.
    let form = "form[action='/offices/mole/rti']";
    let application = filled(
        &page,
        form,
        &[
            ("received_on", "২২-১১-২০২৬"),
            ("channel", "email"),
            ("applicant", "মো. জসিম উদ্দিন"),
            ("contact", "jasim@example.com"),
            ("information", "ঢাকা বিভাগের শ্রম আদালতে বিচারাধীন মামলার সংখ্যা"),
        ],
    );
    let (status, page) = secretary
        .post_fields("/offices/mole/rti", &csrf, &application)
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "আবেদন নিবন্ধিত হয়েছে।");
    let clocks = text(&page, "dl.rti-clocks");
    assert!(
        clocks.contains("সোমবার, ৬ পৌষ ১৪৩৩ বঙ্গাব্দ / ২১ ডিসেম্বর ২০২৬ খ্রিস্টাব্দ (২০ কর্মদিবস)"),
        "{clocks}"
    );
    assert!(
        clocks.contains("সাপ্তাহিক ছুটির ৮ দিন এবং সরকারি ছুটির ১ দিন"),
        "{clocks}"
    );
    assert!(text(&page, "h1").contains("আবেদন নং ৫"));

    // A date after today: refused, nothing registered.
    let page = secretary.page(REGISTER, 200).await;
    let future = filled(
        &page,
        form,
        &[
            ("received_on", "24-11-2026"),
            ("channel", "post"),
            ("applicant", "কেউ"),
            ("information", "কিছু তথ্য"),
        ],
    );
    let (status, refused) = secretary
        .post_fields("/offices/mole/rti", &csrf, &future)
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, ".field-error"),
        "তারিখটি আজকের পরে হতে পারে না।"
    );
    assert_eq!(standings(&secretary.page(REGISTER, 200).await).len(), 5);

    // The application past its limit is answered today: late by fifteen days. A refusal without its
    // section is refused first.
    let page = secretary.page("/rti/2", 200).await;
    let refusal = filled(
        &page,
        "form[action='/rti/2/answer']",
        &[("answered_on", "23-11-2026"), ("outcome", "refused")],
    );
    let (status, refused) = secretary
        .post_fields("/rti/2/answer", &csrf, &refusal)
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, ".field-error"),
        "প্রত্যাখ্যানের ক্ষেত্রে আইনের ধারা লিখুন।"
    );
    // A fee not in whole taka is refused; the fee paid is recorded with the answer.
    let answer = |fee: &str| {
        filled(
            &page,
            "form[action='/rti/2/answer']",
            &[
                ("answered_on", "23-11-2026"),
                ("outcome", "supplied"),
                ("fee", fee),
            ],
        )
    };
    let (status, refused) = secretary
        .post_fields("/rti/2/answer", &csrf, &answer("দশ টাকা"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#answer-fee + .field-error"),
        "ফি টাকায় একটি পূর্ণসংখ্যা লিখুন।"
    );
    let (status, page) = secretary
        .post_fields("/rti/2/answer", &csrf, &answer("১০"))
        .await;
    assert_eq!(status, 200);
    assert!(text(&page, "dl.rti-clocks").contains("ফি ১০ টাকা"));
    assert_eq!(text(&page, "h1 + p"), "দেরিতে উত্তর · ১৫ দিন");

    // An appeal decided before it was filed is refused; filed, it is clocked at fifteen days.
    let appeal = filled(
        &page,
        "form[action='/rti/2/appeal']",
        &[
            ("filed_on", "23-11-2026"),
            ("decided_on", "22-11-2026"),
            ("outcome", "upheld"),
        ],
    );
    let (status, refused) = secretary.post_fields("/rti/2/appeal", &csrf, &appeal).await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, ".field-error"),
        "নিষ্পত্তি দাখিলের আগে হতে পারে না।"
    );
    let appeal = filled(
        &page,
        "form[action='/rti/2/appeal']",
        &[("filed_on", "23-11-2026")],
    );
    let (status, page) = secretary.post_fields("/rti/2/appeal", &csrf, &appeal).await;
    assert_eq!(status, 200);
    assert!(text(&page, "dl.rti-clocks").contains("৮ ডিসেম্বর ২০২৬"));

    let inbox = secretary.page("/notifications", 200).await;
    assert!(texts(&inbox, "a[href='/rti/2']").is_empty());

    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(figure(&page, "দেরিতে উত্তর"), "২");
    assert_eq!(figure(&page, "সময় পেরিয়েছে, উত্তর হয়নি"), "০");
    assert_eq!(figure(&page, "আপিল"), "২");
    assert_eq!(figure(&page, "আদায়কৃত ফি (টাকা)"), "৩৪");
    assert!(text(&page, "table.rti-fees").contains("প্রতি পৃষ্ঠা ২ টাকা"));

    // The year's report prints the figures and each application, but no applicant.
    let report = secretary
        .get(&attribute(&page, "a[href*='/rti/report.pdf']", "href"))
        .await;
    assert_eq!(report.status(), 200);
    let printed = extract_text(&report.bytes().await.unwrap());
    for words in [
        "তথ্য অধিকার বিষয়ক বার্ষিক প্রতিবেদন",
        "অর্থবছর ২০২৬-২৭ (১ জুলাই ২০২৬ থেকে ৩০ জুন ২০২৭)",
        "প্রাপ্ত আবেদন ৫",
        "আদায়কৃত ফি (টাকা) ৩৪",
        "ঢাকা বিভাগের শ্রম আদালতে বিচারাধীন মামলার সংখ্যা",
    ] {
        assert!(printed.contains(words), "{words} in {printed}");
    }
    assert!(!printed.contains("আব্দুল করিম"), "{printed}");

    let csv = secretary
        .get("/offices/mole/rti/export.csv?year=2026-27")
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(
        lines[1].starts_with("1,2026-09-06,post,মো. আব্দুল করিম,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(",2026-10-04,2026-10-12,partly_supplied,,24,8,2026-10-20,2026-11-02,,"),
        "{}",
        lines[1]
    );

    // A team member reads the register but may not keep it.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    let page = member.page("/rti/4", 200).await;
    assert!(texts(&page, "form[action='/rti/4/answer']").is_empty());
    let response = member
        .post_form(
            "/rti/4/answer",
            &member_csrf,
            &[
                ("answered_on", "23-11-2026".to_owned()),
                ("outcome", "supplied".to_owned()),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn the_member_secretary_is_mailed_before_a_limit_runs_out_and_once_after() {
    // 10 December 2026: application 4's twenty working days end on Sunday the 13th; application 2 ran
    // out on 8 November, longer ago than reminders chase.
    let clock = MovableClock::at("2026-12-10");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let run = server.app().send_rti_reminders().await.unwrap();
    assert_eq!((run.sent, run.already_sent), (1, 0));
    let mail = server.mail();
    let message = mail.last().unwrap();
    assert!(
        message.contains("To: member-secretary@demo.udbhabon.test"),
        "{message}"
    );
    let body = String::from_utf8(mail_part(message, "text/plain")).unwrap();
    assert!(
        body.contains("সময়সীমা ১৩ ডিসেম্বর ২০২৬ তারিখে শেষ হচ্ছে"),
        "{body}"
    );
    assert!(body.contains("আবেদন নং ৪-এর উত্তর"), "{body}");
    assert!(body.contains("/rti/4"), "{body}");
    let again = server.app().send_rti_reminders().await.unwrap();
    assert_eq!((again.sent, again.already_sent), (0, 1));

    // The day after the limit: the overdue reminder, once.
    clock.set("2026-12-14");
    let run = server.app().send_rti_reminders().await.unwrap();
    assert_eq!(run.sent, 1);
    let body = String::from_utf8(mail_part(server.mail().last().unwrap(), "text/plain")).unwrap();
    assert!(body.contains("১৩ ডিসেম্বর ২০২৬ তারিখে পেরিয়ে গেছে"), "{body}");
    assert_eq!(server.app().send_rti_reminders().await.unwrap().sent, 0);
}

#[tokio::test]
async fn the_officers_named_on_the_register_are_published_on_the_offices_page() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        text(&page, "#officers-heading + p"),
        "এখনো কোনো কর্মকর্তার নাম দেওয়া হয়নি।"
    );
    let options = texts(&page, "select#officer-post option");
    let (designated, appellate) = (options[1].clone(), options[2].clone());
    let name = |post: &str| -> (String, String) {
        ("post".to_owned(), option_value(&page, "officer-post", post))
    };
    let role = |code: &str| ("role".to_owned(), code.to_owned());
    for (code, post) in [
        ("rti_designated", &designated),
        ("rti_appellate", &appellate),
    ] {
        let (status, page) = secretary
            .post_fields(
                "/offices/mole/rti/officers",
                &csrf,
                &[role(code), name(post)],
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(text(&page, ".notice"), "কর্মকর্তার তথ্য হালনাগাদ হয়েছে।");
    }
    // A post of no office the register may name: refused.
    let (status, refused) = secretary
        .post_fields(
            "/offices/mole/rti/officers",
            &csrf,
            &[
                role("rti_alternate"),
                ("post".to_owned(), "9999".to_owned()),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, ".field-error"),
        "এ দপ্তরের বা ঊর্ধ্বতন দপ্তরের একটি পদ বেছে নিন।"
    );

    // Anyone reads them on the office's page, with the post and whoever holds it.
    let public = server.page("/offices/mole", 200).await;
    let officers = text(&public, "dl.rti-officers");
    let designated_post = designated.split(" — ").next().unwrap();
    assert!(officers.starts_with("দায়িত্বপ্রাপ্ত কর্মকর্তা"), "{officers}");
    assert!(officers.contains(designated_post), "{officers}");
    assert!(officers.contains("আপিল কর্তৃপক্ষ"), "{officers}");

    // The proactive-disclosure list: a web address that is none is refused; an entry added is
    // published, brought up to date, and taken off.
    let entry = |link: &str, updated_on: &str| {
        [
            ("title_bn", "সিটিজেন চার্টার"),
            ("title_en", "Citizen charter"),
            ("link", link),
            ("updated_on", updated_on),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
    };
    let (status, refused) = secretary
        .post_fields(
            "/offices/mole/rti/disclosures",
            &csrf,
            &entry("mole.gov.bd/charter", "01-11-2026"),
        )
        .await;
    assert_eq!(status, 422);
    assert!(text(&refused, ".field-error").contains("https://"));
    let (status, page) = secretary
        .post_fields(
            "/offices/mole/rti/disclosures",
            &csrf,
            &entry("https://mole.gov.bd/charter", "01-11-2026"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "প্রকাশিত তথ্যের তালিকা হালনাগাদ হয়েছে।");
    let correcting =
        scraper::Selector::parse("details form.stacked[action^='/offices/mole/rti/disclosures/']")
            .unwrap();
    let action = page
        .select(&correcting)
        .next()
        .and_then(|form| form.value().attr("action"))
        .unwrap()
        .to_owned();
    let (status, _) = secretary
        .post_fields(
            &action,
            &csrf,
            &entry("https://mole.gov.bd/charter", "20-11-2026"),
        )
        .await;
    assert_eq!(status, 200);
    let public = server.page("/offices/mole", 200).await;
    assert_eq!(
        texts(&public, "ul.disclosures li"),
        ["সিটিজেন চার্টার হালনাগাদ ২০ নভেম্বর ২০২৬"]
    );
    let (status, page) = secretary
        .post_fields(&format!("{action}/remove"), &csrf, &[])
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, "#disclosures-heading + p"),
        "তালিকায় এখনো কিছু নেই।"
    );

    let (status, page) = secretary
        .post_fields(
            "/offices/mole/rti/officers/remove",
            &csrf,
            &[role("rti_appellate")],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(texts(&page, "dl.rti-officers dt"), ["দায়িত্বপ্রাপ্ত কর্মকর্তা"]);

    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    let response = member
        .post_form(
            "/offices/mole/rti/officers",
            &member_csrf,
            &[
                ("role", "rti_appellate".to_owned()),
                ("post", "1".to_owned()),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
}
