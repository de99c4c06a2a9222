//! The video-tutorial library through the browser's forms: the ministry's member secretary adds a
//! tutorial (one with a chapter out of order or no length refused with nothing saved); a focal point of
//! an agency below reads the ministry's library and finishes a tutorial once, and its minutes count in
//! the agency's person-hours of the year; a reader who does not run the ministry's team may not add one.
//! A tutorial put in a planned course is listed under it in the library and on the training plan, and
//! stays in the library when the course is taken off the plan.

use crate::server::{TestServer, attribute, filled, option_value, text, texts};

const LIBRARY: &str = "/offices/mole/tutorials";

fn typed<const N: usize>(fields: [(&str, &str); N]) -> [(String, String); N] {
    fields.map(|(name, value)| (name.to_owned(), value.to_owned()))
}

#[tokio::test]
async fn a_tutorial_finished_below_counts_in_that_offices_person_hours() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(LIBRARY, 200).await;
    assert_eq!(
        texts(&page, "table.tutorials tbody td:first-child a"),
        ["ই-নথিতে পত্র প্রস্তুত ও জারি"]
    );

    let tutorial = |minutes: &str, chapters: &str| {
        typed([
            ("title_bn", "সেবা সহজিকরণে ডিজাইন থিংকিং"),
            ("topic", "design_thinking"),
            ("minutes", minutes),
            ("link", "https://example.org/tutorials/design-thinking"),
            ("chapters", chapters),
        ])
    };
    let (status, refused) = secretary
        .post_fields(LIBRARY, &csrf, &tutorial("০", "১০:০০ সমস্যা\n৫:০০ সমাধান"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        [
            "১ থেকে ৪৮০-এর মধ্যে পূর্ণ মিনিট লিখুন।",
            "২ নম্বর লাইনের অধ্যায়টি \"মিনিট:সেকেন্ড শিরোনাম\" আকারে লিখুন; সময় আগের অধ্যায়ের পরে ও টিউটোরিয়ালের দৈর্ঘ্যের মধ্যে হবে।",
        ]
    );
    assert_eq!(
        texts(
            &secretary.page(LIBRARY, 200).await,
            "table.tutorials tbody tr"
        )
        .len(),
        1
    );
    let (status, page) = secretary
        .post_fields(
            LIBRARY,
            &csrf,
            &tutorial("৪৫", "০:০০ সমস্যা বোঝা\n১৫:০০ সমাধানের নকশা"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "টিউটোরিয়ালটি যোগ হয়েছে।");
    assert_eq!(
        texts(&page, "ol.chapters li"),
        ["০:০০ সমস্যা বোঝা", "১৫:০০ সমাধানের নকশা"]
    );

    // An agency's focal point finds the ministry's library from the agency's, and finishes the
    // tutorial, once.
    let (focal, focal_csrf) = server.signed_in_as("focal-dife@demo.udbhabon.test").await;
    let own = focal.page("/offices/dife/tutorials", 200).await;
    assert_eq!(
        attribute(&own, "main p a[href$='/tutorials']", "href"),
        LIBRARY
    );
    let page = focal.page(LIBRARY, 200).await;
    assert!(texts(&page, "details.card").is_empty());
    let first = attribute(&page, "table.tutorials tbody tr:first-child a", "href");
    let page = focal.page(&first, 200).await;
    let finish = attribute(&page, "form[action$='/finished']", "action");
    let (status, page) = focal.post_fields(&finish, &focal_csrf, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, ".notice"),
        "দেখা শেষ লিপিবদ্ধ হয়েছে; মিনিটগুলো আপনার প্রশিক্ষণ ঘণ্টায় যোগ হয়েছে।"
    );
    assert!(texts(&page, "form[action$='/finished']").is_empty());
    let (status, _) = focal.post_fields(&finish, &focal_csrf, &[]).await;
    assert_eq!(status, 200);
    assert!(
        text(&focal.page(LIBRARY, 200).await, "table.tutorials").contains("আপনি দেখা শেষ করেছেন")
    );
    assert!(text(&focal.page(&first, 200).await, "dl.tutorial-details").contains("১ জন"));

    // Its thirty minutes count once in the agency's person-hours of the year.
    let hours = secretary
        .page("/offices/dife/trainings/hours?year=2026-27", 200)
        .await;
    let row = texts(&hours, "tr.person-row").join(" | ");
    assert!(row.contains("০.৫"), "{row}");

    // A reader who does not run the ministry's team may not add a tutorial.
    let fields = tutorial("৪৫", "");
    let fields: Vec<(&str, String)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    assert_eq!(
        focal
            .post_form(LIBRARY, &focal_csrf, &fields)
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn a_tutorial_in_a_planned_course_is_listed_under_it_and_on_the_plan() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let plan = "/offices/mole/trainings?year=2026-27";
    let course = filled(
        &secretary.page(plan, 200).await,
        "form[action='/offices/mole/trainings/courses?year=2026-27']",
        &[
            ("title_bn", "ই-নথি দক্ষতা"),
            ("topic", "e_nothi"),
            ("audience", "all_staff"),
            ("quarter", "3"),
            ("hours", "২"),
        ],
    );
    let (status, _) = secretary
        .post_fields(
            "/offices/mole/trainings/courses?year=2026-27",
            &csrf,
            &course,
        )
        .await;
    assert_eq!(status, 200);
    let library = secretary.page(LIBRARY, 200).await;
    let course_id = option_value(&library, "tutorial-course", "ই-নথি দক্ষতা (২০২৬-২৭)");

    // A course that is not on the office's plan is refused, and nothing is added.
    let tutorial = |course: &str| {
        typed([
            ("title_bn", "ই-নথিতে নোট লেখা"),
            ("topic", "e_nothi"),
            ("minutes", "৩০"),
            ("link", "https://example.org/tutorials/e-nothi-note"),
            ("course", course),
        ])
    };
    let (status, refused) = secretary
        .post_fields(LIBRARY, &csrf, &tutorial("99999"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["এই বিকল্পটি তালিকায় নেই; পাতাটি আবার খুলে বেছে নিন।"]
    );
    assert_eq!(texts(&refused, "table.tutorials tbody tr").len(), 1);

    let (status, page) = secretary
        .post_fields(LIBRARY, &csrf, &tutorial(&course_id))
        .await;
    assert_eq!(status, 200);
    assert!(
        text(&page, "dl.tutorial-details").contains("প্রশিক্ষণ পরিকল্পনার কোর্সই-নথি দক্ষতা (২০২৬-২৭)"),
        "{}",
        text(&page, "dl.tutorial-details")
    );
    let library = secretary.page(LIBRARY, 200).await;
    assert_eq!(
        texts(&library, "main h2"),
        ["ই-নথি দক্ষতা (২০২৬-২৭)", "অন্যান্য টিউটোরিয়াল"]
    );
    assert_eq!(
        text(&library, "h2 + p.muted"),
        "১টি টিউটোরিয়াল, মোট ০.৫ ঘণ্টা (পরিকল্পনায় ২ ঘণ্টা); আপনি ০টি শেষ করেছেন।"
    );
    let course_row = texts(&secretary.page(plan, 200).await, "tr.course-row").join(" | ");
    assert!(
        course_row.contains("টিউটোরিয়াল (০.৫ ঘণ্টা): ই-নথিতে নোট লেখা"),
        "{course_row}"
    );

    // Taken off the plan, the course leaves its tutorial in the library, in no course.
    let remove = attribute(
        &secretary.page(plan, 200).await,
        "form[action$='/remove']",
        "action",
    );
    let (status, _) = secretary.post_fields(&remove, &csrf, &[]).await;
    assert_eq!(status, 200);
    let library = secretary.page(LIBRARY, 200).await;
    assert!(texts(&library, "main h2").is_empty());
    assert_eq!(texts(&library, "table.tutorials tbody tr").len(), 2);
}
