//! The ICT projects register through the browser's forms: the ministry's member secretary registers a
//! project (one spending above its cost is taken and flagged), adds its milestones and records one
//! reached; a period that ends before it starts or leaves a milestone outside it, a milestone reached
//! before its project started or on a day not yet come are refused with nothing saved; the monthly
//! coordination meeting's form takes the projects in as an agenda item; a reader who does not keep the
//! register reads and downloads it but cannot write to it. A table of projects updates the office's
//! projects by id and adds the rest, or records nothing when a line is wrong.

use udbhabon_docs::table::{TableFormat, write_table};

use crate::server::{TestServer, attribute, text, texts};

const REGISTER: &str = "/offices/mole/projects";

fn typed<const N: usize>(fields: [(&str, &str); N]) -> [(String, String); N] {
    fields.map(|(name, value)| (name.to_owned(), value.to_owned()))
}

#[tokio::test]
async fn a_projects_milestones_are_followed_and_feed_the_coordination_meeting() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        text(&page, "table.projects tbody tr td:last-child"),
        "সফটওয়্যার উন্নয়ন ও পরীক্ষা, ২০ ডিসেম্বর ২০২৬ আসন্ন"
    );

    let project = |ends_on: &str| {
        typed([
            ("name_bn", "ই-নথি সম্প্রসারণ"),
            ("kind", "own_budget"),
            ("director", "সিস্টেম এনালিস্ট"),
            ("cost", "৫,০০০"),
            ("funds", "government"),
            ("starts_on", "০১-০৭-২০২৬"),
            ("ends_on", ends_on),
            ("physical_progress", "৬০"),
            ("spent", "৫,৫০০"),
        ])
    };
    // A period that ends before it starts: refused beside the field, nothing registered.
    let (status, refused) = secretary
        .post_fields(REGISTER, &csrf, &project("৩০-০৬-২০২৬"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["শেষের তারিখ শুরুর তারিখের আগে হতে পারে না।"]
    );
    assert_eq!(
        texts(
            &secretary.page(REGISTER, 200).await,
            "table.projects tbody tr"
        )
        .len(),
        1
    );
    // Spending above the cost is taken, and flagged.
    let (status, page) = secretary
        .post_fields(REGISTER, &csrf, &project("৩০-০৬-২০২৭"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "প্রকল্পটি নিবন্ধিত হয়েছে।");
    assert_eq!(text(&page, "span.tag.late"), "ব্যয় প্রাক্কলনের বেশি");
    assert!(text(&page, "dl.project-details").contains("১১০.০%"));

    // A milestone reached before the project started is refused; one planned for next week is added.
    let add = attribute(&page, "form[action$='/milestones']", "action");
    let milestone = |reached_on: &str| {
        typed([
            ("title", "মাঠ পর্যায়ে চালু"),
            ("planned_on", "৩০-১১-২০২৬"),
            ("reached_on", reached_on),
        ])
    };
    let (status, refused) = secretary
        .post_fields(&add, &csrf, &milestone("২০-০৬-২০২৬"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#milestone-reached-on + .field-error"),
        "অর্জনের তারিখ প্রকল্প শুরুর আগে হতে পারে না।"
    );
    let (status, page) = secretary.post_fields(&add, &csrf, &milestone("")).await;
    assert_eq!(status, 200);
    assert_eq!(texts(&page, "table.milestones td:last-child"), ["আসন্ন"]);

    // Reached: a day not yet come is refused; the day before yesterday is taken.
    let reach = attribute(&page, "form[action$='/reached']", "action");
    let (status, refused) = secretary
        .post_fields(&reach, &csrf, &typed([("reached_on", "২৪-১১-২০২৬")]))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "table.milestones .field-error"),
        "তারিখটি আজকের পরে হতে পারে না।"
    );
    let (status, page) = secretary
        .post_fields(&reach, &csrf, &typed([("reached_on", "২১-১১-২০২৬")]))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "অর্জনের তারিখ লিপিবদ্ধ হয়েছে।");
    assert_eq!(texts(&page, "table.milestones td:last-child"), ["অর্জিত"]);

    // A period shortened to leave the milestone outside it is refused.
    let save = attribute(&page, "details.card form[action^='/projects/']", "action");
    let (status, refused) = secretary
        .post_fields(&save, &csrf, &project("৩১-১০-২০২৬"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#project-ends-on + .field-error"),
        "প্রকল্পের একটি মাইলফলক এ মেয়াদের বাইরে পড়ে; আগে মাইলফলকটি দেখুন।"
    );

    // The monthly coordination meeting's form takes the projects in as an agenda item.
    let form = secretary
        .get("/offices/mole/meetings/new?kind=monthly_coordination")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(
            "আইসিটি প্রকল্পের অগ্রগতি পর্যালোচনা (২টি প্রকল্প; ০টি মাইলফলক বিলম্বিত, ১টি আগামী ৩০ দিনে)"
        ),
        "{form}"
    );
    assert!(form.contains("নভেম্বর ২০২৬ মাসের সমন্বয় সভা"), "{form}");

    // A reader of the ministry who does not run its team reads the register, and downloads it, but
    // may not keep it.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    member.page(REGISTER, 200).await;
    let csv = member
        .get(&format!("{REGISTER}/export.csv"))
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[2].ends_with(",60,5500,,110.0,1,1,0,"), "{}", lines[2]);
    let fields = project("৩০-০৬-২০২৭");
    let fields: Vec<(&str, String)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    assert_eq!(
        member
            .post_form(REGISTER, &member_csrf, &fields)
            .await
            .status(),
        403
    );
}

async fn import(server: &TestServer, csrf: &str, rows: &[&[&str]]) -> (u16, scraper::Html) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
        .collect();
    let file = write_table(TableFormat::Xlsx, "projects", &rows).unwrap();
    server
        .post_file(&format!("{REGISTER}/import"), csrf, file)
        .await
}

#[tokio::test]
async fn a_table_of_projects_updates_the_offices_by_id_and_adds_the_rest_all_or_nothing() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let header: &[&str] = &[
        "id",
        "name_bn",
        "name_en",
        "kind",
        "director",
        "cost",
        "funds",
        "starts_on",
        "ends_on",
        "vendor",
        "physical_progress",
        "spent",
        "risks",
    ];
    // A line of the table: (id, name, kind, director, period, physical progress), the rest empty.
    let line = |[id, name, kind, director, starts_on, ends_on, progress]: [&'static str; 7]| {
        [
            id,
            name,
            "",
            kind,
            director,
            "",
            "government",
            starts_on,
            ends_on,
            "",
            progress,
            "",
            "",
        ]
    };
    let demo = |ends_on: &'static str| {
        line([
            "১",
            "শ্রম অভিবাসন তথ্য ব্যবস্থা স্থাপন",
            "উন্নয়ন প্রকল্প (এডিপি)",
            "যুগ্মসচিব (পরিকল্পনা)",
            "2025-07-01",
            ends_on,
            "55",
        ])
    };
    // A period that leaves a milestone outside, and an id the office has no project by: nothing.
    let (status, page) = import(
        &secretary,
        &csrf,
        &[
            header,
            &demo("2026-06-30"),
            &line([
                "9",
                "ই-নথি",
                "own_budget",
                "সিস্টেম এনালিস্ট",
                "2026-07-01",
                "2027-06-30",
                "",
            ]),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, "ul.problems li"),
        [
            "সারি ২, কলাম ends_on: প্রকল্পের একটি মাইলফলক এ মেয়াদের বাইরে পড়ে; আগে মাইলফলকটি দেখুন।",
            "সারি ৩, কলাম id: এ দপ্তরের এ নম্বরের কোনো প্রকল্প নেই; নতুন প্রকল্পের জন্য ঘরটি ফাঁকা রাখুন।",
        ]
    );
    assert_eq!(texts(&page, "table.projects tbody tr").len(), 1);

    let (status, page) = import(
        &secretary,
        &csrf,
        &[
            header,
            &demo("2027-06-30"),
            &line([
                "",
                "ই-নথি সম্প্রসারণ",
                "রাজস্ব বাজেটের কাজ",
                "সিস্টেম এনালিস্ট",
                "01-07-2026",
                "30-06-2027",
                "10",
            ]),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, ".notice"),
        "আমদানি সম্পন্ন: ১টি নতুন প্রকল্প নিবন্ধিত হয়েছে, ১টি হালনাগাদ হয়েছে।"
    );
    assert_eq!(
        texts(&page, "table.projects tbody td:nth-child(4)"),
        ["৫৫%", "১০%"]
    );
}
