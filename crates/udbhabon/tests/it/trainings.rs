//! Trainings: the ministry's member secretary plans a course, records the training that delivers it
//! (a backwards session refused beside its row), adds an agency's whole team and a person by name,
//! marks attendance, and the hours reach each person, the office and the office above; a person who
//! would sit two trainings at once and a session someone attended taken away are refused with nothing
//! saved; certificates are issued once to those who attended and checked by anyone with their code;
//! the demo shows the 2022 training decision 2.1 ordered, its certificates, and its feed into the
//! plan's training indicator.

use scraper::{Html, Selector};

use crate::server::{TestServer, filled, option_value, text, texts};

/// Each participant's name with the attendance values of their row, in session order.
fn attendance_rows(page: &Html) -> Vec<(String, Vec<String>)> {
    let rows = Selector::parse("tr.participant-row").unwrap();
    let name = Selector::parse("td:first-child").unwrap();
    let ticks = Selector::parse("input[name='present']").unwrap();
    page.select(&rows)
        .map(|row| {
            (
                row.select(&name)
                    .next()
                    .map(|cell| cell.text().collect::<String>().trim().to_owned())
                    .unwrap_or_default(),
                row.select(&ticks)
                    .filter_map(|tick| tick.value().attr("value").map(str::to_owned))
                    .collect(),
            )
        })
        .collect()
}

/// The hours column of each participant: (name, hours).
fn hours_of(page: &Html) -> Vec<(String, String)> {
    let rows = Selector::parse("tr.participant-row").unwrap();
    let cells = Selector::parse("td").unwrap();
    page.select(&rows)
        .map(|row| {
            let cells: Vec<String> = row
                .select(&cells)
                .map(|cell| cell.text().collect::<String>().trim().to_owned())
                .collect();
            // Name, office, a tick per session, hours, certificate, and the remove button.
            let sessions = cells.len() - 5;
            (cells[0].clone(), cells[2 + sessions].clone())
        })
        .collect()
}

#[tokio::test]
async fn a_planned_course_is_delivered_attended_and_counted_in_person_hours() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let year = "/offices/mole/trainings?year=2026-27";
    let page = secretary.page(year, 200).await;
    assert!(texts(&page, "tr.course-row").is_empty());
    assert!(texts(&page, "tr.training-row").is_empty());

    let course = filled(
        &page,
        "form[action='/offices/mole/trainings/courses?year=2026-27']",
        &[
            ("title_bn", "অধীন দপ্তরের টিমের জন্য ডিজাইন থিংকিং"),
            ("topic", "design_thinking"),
            ("audience", "teams_below"),
            ("quarter", "2"),
            ("hours", "৬"),
        ],
    );
    let (status, page) = secretary
        .post_fields(
            "/offices/mole/trainings/courses?year=2026-27",
            &csrf,
            &course,
        )
        .await;
    assert_eq!(status, 200);
    let courses = texts(&page, "tr.course-row");
    assert_eq!(courses.len(), 1);
    assert!(
        courses[0].contains("ডিজাইন থিংকিং") && courses[0].contains("এখনো হয়নি"),
        "{courses:?}"
    );

    // A session that ends before it starts is named beside its row; nothing is saved.
    let course_id = option_value(&page, "training-new-course", "অধীন দপ্তরের টিমের");
    let mut training = filled(
        &page,
        "form[action='/offices/mole/trainings?year=2026-27']",
        &[
            ("title_bn", "ডিজাইন থিংকিং কর্মশালা"),
            ("course", &course_id),
            ("topic", "design_thinking"),
            ("audience", "teams_below"),
            ("venue_bn", "সভাকক্ষ, শ্রম ও কর্মসংস্থান মন্ত্রণালয়"),
        ],
    );
    let set = |fields: &mut Vec<(String, String)>, name: &str, index: usize, value: &str| {
        crate::server::set_field(fields, name, index, value);
    };
    set(&mut training, "session_on", 0, "২৯-১১-২০২৬");
    set(&mut training, "session_from", 0, "১০:০০");
    set(&mut training, "session_until", 0, "১৩:০০");
    set(&mut training, "session_on", 1, "2026-11-30");
    set(&mut training, "session_from", 1, "14:00");
    set(&mut training, "session_until", 1, "11:00");
    let (status, page) = secretary
        .post_fields("/offices/mole/trainings?year=2026-27", &csrf, &training)
        .await;
    assert_eq!(status, 422);
    assert_eq!(texts(&page, ".field-error"), ["শেষের সময় শুরুর পরে হতে হবে।"]);
    assert!(texts(&secretary.page(year, 200).await, "tr.training-row").is_empty());

    set(&mut training, "session_from", 1, "10:00");
    set(&mut training, "session_until", 1, "13:00");
    let (status, page) = secretary
        .post_fields("/offices/mole/trainings?year=2026-27", &csrf, &training)
        .await;
    assert_eq!(status, 200);
    assert!(text(&page, "main").contains("প্রশিক্ষণটি নথিভুক্ত হয়েছে"));
    assert!(text(&page, "main").contains("মোট ঘণ্টা: ৬"));
    let training_path = attribute_of(&page, "form[action$='/participants']", "action")
        .trim_end_matches("/participants")
        .to_owned();

    // The agency's whole team at once, and someone of another agency by name.
    let (status, page) = secretary
        .post_fields(
            &format!("{training_path}/participants"),
            &csrf,
            &[
                ("team".to_owned(), "dife".to_owned()),
                ("person".to_owned(), "ডেমো কর্মকর্তা ১৪".to_owned()),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let rows = attendance_rows(&page);
    let names: Vec<&str> = rows.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ডেমো কর্মকর্তা ৯",
            "ডেমো কর্মকর্তা ১১",
            "ডেমো কর্মকর্তা ১০",
            "ডেমো কর্মকর্তা ১৪"
        ]
    );
    // Officer 9 sits both sessions, officer 14 the first; the others are absent.
    let present: Vec<(String, String)> = rows[0]
        .1
        .iter()
        .chain(rows[3].1.first())
        .map(|value| ("present".to_owned(), value.clone()))
        .collect();
    let (status, page) = secretary
        .post_fields(&format!("{training_path}/attendance"), &csrf, &present)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        hours_of(&page),
        [
            ("ডেমো কর্মকর্তা ৯".to_owned(), "৬".to_owned()),
            ("ডেমো কর্মকর্তা ১১".to_owned(), "০".to_owned()),
            ("ডেমো কর্মকর্তা ১০".to_owned(), "০".to_owned()),
            ("ডেমো কর্মকর্তা ১৪".to_owned(), "৩".to_owned()),
        ]
    );

    // The plan shows the course delivered; the year's line counts nine person-hours.
    let page = secretary.page(year, 200).await;
    assert!(!text(&page, "tr.course-row").contains("এখনো হয়নি"));
    let line = text(&page, "tr.training-row");
    assert!(
        line.contains("৪ জনের মধ্যে ২ জন উপস্থিত") && line.ends_with('৯'),
        "{line}"
    );

    // Certificates go to the two who attended, once; a certified participant stays on the list.
    let issue = format!("{training_path}/certificates");
    let (status, page) = secretary.post_fields(&issue, &csrf, &[]).await;
    assert_eq!(status, 200);
    let codes: Vec<String> = texts(&page, "tr.participant-row td a[href$='certificate.pdf']");
    assert_eq!(codes.len(), 2, "{codes:?}");
    let (status, page) = secretary.post_fields(&issue, &csrf, &[]).await;
    assert_eq!(status, 422);
    assert!(text(&page, "p.alert").starts_with("সনদ পাওয়ার মতো কেউ নেই"));
    let certified = crate::server::attribute(
        &page,
        "tr.participant-row:first-child form[action$='/remove']",
        "action",
    );
    let (status, page) = secretary.post_fields(&certified, &csrf, &[]).await;
    assert_eq!(status, 422);
    assert_eq!(text(&page, "p.alert"), "সনদপ্রাপ্ত অংশগ্রহণকারীকে বাদ দেওয়া যায় না।");
    let public = server.another_browser();
    let checked = public
        .page(
            &format!(
                "/certificates?code={}",
                codes[0].to_lowercase().replace('-', "+")
            ),
            200,
        )
        .await;
    assert!(
        text(&checked, "section.card").contains("ডেমো কর্মকর্তা ৯")
            && text(&checked, "section.card").contains("ডিজাইন থিংকিং কর্মশালা"),
        "{}",
        text(&checked, "section.card")
    );

    // The agency's hours: its staff, who trained, and the hours of each.
    let hours = secretary
        .page("/offices/dife/trainings/hours?year=2026-27", 200)
        .await;
    assert_eq!(
        texts(&hours, "dl.totals dd"),
        ["৩", "১", "০ (০%)", "৬"],
        "staff, trained, at the hours owed, person-hours"
    );
    assert!(texts(&hours, "tr.person-row")[0].starts_with("ডেমো কর্মকর্তা ৯ ৬"));
    // The ministry compares the offices below it.
    let ministry = secretary
        .page("/offices/mole/trainings/hours?year=2026-27", 200)
        .await;
    let below = texts(&ministry, "tr.office-row");
    assert!(
        below
            .iter()
            .any(|line| line.starts_with("কলকারখানা") && line.ends_with("৬")),
        "{below:?}"
    );
    assert!(
        below
            .iter()
            .any(|line| line.starts_with("শ্রম অধিদপ্তর") && line.ends_with("৩")),
        "{below:?}"
    );
}

fn attribute_of(page: &Html, selector: &str, name: &str) -> String {
    crate::server::attribute(page, selector, name)
}

#[tokio::test]
async fn two_trainings_at_once_and_an_attended_session_taken_away_are_refused() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    // The demo's 2022 training: its second session was attended, so it cannot be taken away.
    let page = secretary.page("/trainings/1", 200).await;
    let mut edit = crate::server::form_fields(&page, "form[action='/trainings/1']");
    edit.retain(|(name, _)| name != "csrf");
    crate::server::set_field(&mut edit, "session_on", 1, "");
    crate::server::set_field(&mut edit, "session_from", 1, "");
    crate::server::set_field(&mut edit, "session_until", 1, "");
    crate::server::set_field(&mut edit, "session_subject", 1, "");
    let (status, answered) = secretary.post_fields("/trainings/1", &csrf, &edit).await;
    assert_eq!(status, 422);
    assert!(
        texts(&answered, ".field-error")
            .iter()
            .any(|message| message.contains("যে অধিবেশনে কেউ উপস্থিত ছিলেন")),
        "{:?}",
        texts(&answered, ".field-error")
    );
    assert_eq!(
        texts(
            &secretary.page("/trainings/1", 200).await,
            "table.sessions tbody tr"
        )
        .len(),
        2,
        "nothing changed"
    );

    // A second training the same morning, which officer 9 is marked to attend too.
    let year = secretary
        .page("/offices/mole/trainings?year=2022-23", 200)
        .await;
    let mut training = filled(
        &year,
        "form[action='/offices/mole/trainings?year=2022-23']",
        &[
            ("title_bn", "ই-নথি হাতে-কলমে"),
            ("topic", "e_nothi"),
            ("venue_bn", "আইসিটি সেল"),
        ],
    );
    crate::server::set_field(&mut training, "session_on", 0, "25-09-2022");
    crate::server::set_field(&mut training, "session_from", 0, "11:00");
    crate::server::set_field(&mut training, "session_until", 0, "12:00");
    let (status, page) = secretary
        .post_fields("/offices/mole/trainings?year=2022-23", &csrf, &training)
        .await;
    assert_eq!(status, 200);
    let path = crate::server::attribute(&page, "form[action$='/participants']", "action");
    let (status, page) = secretary
        .post_fields(
            &path,
            &csrf,
            &[("person".to_owned(), "ডেমো কর্মকর্তা ৯".to_owned())],
        )
        .await;
    assert_eq!(status, 200);
    let rows = attendance_rows(&page);
    let attendance = path.replace("/participants", "/attendance");
    let (status, page) = secretary
        .post_fields(
            &attendance,
            &csrf,
            &[("present".to_owned(), rows[0].1[0].clone())],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, "p.alert"),
        [
            "ডেমো কর্মকর্তা ৯ একই সময়ে \"ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন বিষয়ক প্রশিক্ষণ\" প্রশিক্ষণে উপস্থিত ছিলেন।"
        ]
    );
    let shown = secretary
        .page(&path.replace("/participants", ""), 200)
        .await;
    assert_eq!(
        hours_of(&shown),
        [("ডেমো কর্মকর্তা ৯".to_owned(), "০".to_owned())]
    );

    // An agency's member secretary reads nothing of the ministry's trainings and changes nothing.
    let (agency, agency_csrf) = server.signed_in_as("ms-dife@demo.udbhabon.test").await;
    assert_eq!(agency.get("/trainings/1").await.status(), 403);
    let (status, _) = agency
        .post_fields("/trainings/1/attendance", &agency_csrf, &[])
        .await;
    assert_eq!(status, 403);
    // A member of the ministry's team reads them, without the forms.
    let (member, _) = server.signed_in_as("member@demo.udbhabon.test").await;
    let page = member.page("/trainings/1", 200).await;
    assert!(texts(&page, "main form").is_empty());
}

#[tokio::test]
async fn the_demo_holds_the_training_decision_2_1_ordered_for_the_agencies_teams() {
    let server = TestServer::start().await;
    let (cio, cio_csrf) = server.signed_in_as("cio@demo.udbhabon.test").await;
    let page = cio.page("/offices/mole/trainings?year=2022-23", 200).await;
    let line = text(&page, "tr.training-row");
    for expected in [
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন বিষয়ক প্রশিক্ষণ",
        "২৫ সেপ্টেম্বর ২০২২",
        "৫ জনের মধ্যে ৪ জন উপস্থিত",
    ] {
        assert!(line.contains(expected), "{expected} in {line}");
    }
    assert!(line.ends_with("১৯.৫"), "{line}");
    let hours = cio
        .page("/offices/mole/trainings/hours?year=2022-23", 200)
        .await;
    let below = texts(&hours, "tr.office-row");
    assert!(
        below
            .iter()
            .any(|line| line.starts_with("কলকারখানা") && line.ends_with("১৪")),
        "{below:?}"
    );
    assert!(
        below
            .iter()
            .any(|line| line.starts_with("শ্রম অধিদপ্তর") && line.ends_with("৫.৫")),
        "{below:?}"
    );

    // The follow-up of decision 2.1: whose members of each agency's team attended, office by office.
    let teams = cio
        .page("/offices/mole/trainings/teams?year=2022-23", 200)
        .await;
    let rows = texts(&teams, "tr.team-row");
    assert!(
        rows.contains(
            &"কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর ৩ জনের ৩ জন সবাই প্রশিক্ষণ পেয়েছেন".to_owned()
        ),
        "{rows:?}"
    );
    // Of the Department of Labour's team, its member secretary came and its director general did not.
    assert!(
        rows.contains(&"শ্রম অধিদপ্তর ২ জনের ১ জন আংশিক".to_owned()),
        "{rows:?}"
    );
    let members = texts(&teams, "ul.team-members li");
    assert_eq!(members.len(), 5, "{members:?}");
    assert!(
        members[0].starts_with("ডেমো কর্মকর্তা ১৫") && members[0].ends_with("অংশ নেননি"),
        "{members:?}"
    );
    assert!(
        members[3].starts_with("ডেমো কর্মকর্তা ১১, উপমহাপরিদর্শক (সেইফটি) (সদস্য)")
            && members[3].ends_with("(৩ ঘণ্টা)"),
        "{members:?}"
    );
    // A year without trainings lists the same teams, none of them trained.
    let later = cio
        .page("/offices/mole/trainings/teams?year=2025-26", 200)
        .await;
    assert!(
        texts(&later, "tr.team-row")
            .iter()
            .any(|row| row.ends_with("৩ জনের ০ জন কেউ প্রশিক্ষণ পাননি")),
        "{:?}",
        texts(&later, "tr.team-row")
    );

    // Each who attended holds a certificate; its PDF says what it certifies and how to check it, and
    // anyone checks it by its code, however typed.
    let page = cio.page("/trainings/1", 200).await;
    assert_eq!(
        texts(&page, "tr.participant-row td a[href$='certificate.pdf']"),
        ["TRN22-DFEA9", "TRN22-DFEB2", "TRN22-DFEC3", "TRN22-DWAA4"]
    );
    let pdf = cio.get("/trainings/1/participants/1/certificate.pdf").await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let printed = crate::pdf::pdftotext(&pdf.bytes().await.unwrap(), "-raw")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "প্রশিক্ষণ সনদ",
        "এই মর্মে প্রত্যয়ন করা যাচ্ছে যে",
        "ডেমো কর্মকর্তা ৯",
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর",
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন বিষয়ক প্রশিক্ষণ",
        "৫.৫ ঘণ্টার প্রশিক্ষণ",
        "যাচাই কোড: TRN22-DFEA9",
        "/certificates?code=TRN22-DFEA9",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    let public = server.another_browser();
    let checked = public.page("/certificates?code=trn22+dfea9", 200).await;
    let card = text(&checked, "section.card");
    for expected in [
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
        "ডেমো কর্মকর্তা ৯",
        "৫.৫",
        "TRN22-DFEA9",
    ] {
        assert!(card.contains(expected), "{expected} in {card}");
    }
    let unknown = public.page("/certificates?code=AAAAA-BBBBB", 200).await;
    assert_eq!(
        text(&unknown, "p.alert"),
        "এই কোডের কোনো সনদ পাওয়া যায়নি। কোডটি আবার দেখে লিখুন।"
    );

    // The training feeds the plan's training indicator in the quarter it was held, and no other.
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    secretary
        .post("/plans/1/submit", &[("csrf", csrf.as_str())])
        .await;
    let approved = cio
        .post(
            "/plans/1/decision",
            &[
                ("csrf", cio_csrf.as_str()),
                ("decision", "approve"),
                ("approved_on", "2022-10-20"),
            ],
        )
        .await;
    assert_eq!(approved.status(), 200);
    let indicator = crate::plans::indicator_ids(&secretary.page("/plans/1", 200).await)["১.২.১"];
    let first = secretary
        .page(&format!("/plans/1/indicators/{indicator}/quarters/1"), 200)
        .await;
    assert_eq!(
        text(&first, "p.feed"),
        "প্রশিক্ষণের নথি থেকে: এ সময়ে ১টি প্রশিক্ষণ অনুষ্ঠিত, মোট ৪ জন উপস্থিত; হাজিরা প্রশিক্ষণের পাতায়। মানটি এখানে বসানো হয়েছে; প্রয়োজনে বদলান।"
    );
    assert_eq!(
        crate::server::attribute(&first, "input#value", "value"),
        "১"
    );
    let second = secretary
        .page(&format!("/plans/1/indicators/{indicator}/quarters/2"), 200)
        .await;
    assert!(texts(&second, "p.feed").is_empty());
}

#[tokio::test]
async fn a_trainings_materials_are_kept_as_files_read_with_its_records_and_taken_off() {
    const SLIDES: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n";
    const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page("/trainings/1", 200).await;
    assert!(texts(&page, "h2 + p.muted").contains(&"এখনো কোনো উপকরণ রাখা হয়নি।".to_owned()));
    let action = crate::server::attribute(&page, "form[action$='/materials']", "action");

    // A file that is not a document, or none at all: refused, nothing kept.
    for files in [
        vec![
            ("materials", "স্লাইড.pdf", SLIDES),
            ("materials", "notes.pdf", &b"plain text"[..]),
        ],
        vec![],
    ] {
        let (status, page) = secretary.post_files(&action, &csrf, &files).await;
        assert_eq!(status, 422);
        assert!(texts(&page, "ul.materials li").is_empty());
    }

    let (status, page) = secretary
        .post_files(
            &action,
            &csrf,
            &[
                ("materials", "স্লাইড.pdf", SLIDES),
                ("materials", "উপস্থিতি.png", PHOTO),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "উপকরণ রাখা হয়েছে।");
    let listed = texts(&page, "ul.materials li a");
    assert_eq!(listed, ["স্লাইড.pdf", "উপস্থিতি.png"]);

    // The Chief Innovation Officer reads them with the ministry's records; an agency's focal point,
    // who does not, may not.
    let href = crate::server::attribute(&page, "ul.materials li a", "href");
    let (cio, _) = server.signed_in_as("cio@demo.udbhabon.test").await;
    let read = cio.get(&href).await;
    assert_eq!(read.status(), 200);
    assert_eq!(read.bytes().await.unwrap().as_ref(), SLIDES);
    let (focal, _) = server.signed_in_as("focal-dife@demo.udbhabon.test").await;
    assert_eq!(focal.get(&href).await.status(), 403);

    let remove = crate::server::attribute(&page, "ul.materials form", "action");
    let (status, page) = secretary.post_fields(&remove, &csrf, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(texts(&page, "ul.materials li a"), ["উপস্থিতি.png"]);
    assert_eq!(cio.get(&href).await.status(), 404);
    // Taken off already: the page says so.
    let (status, _) = secretary.post_fields(&remove, &csrf, &[]).await;
    assert_eq!(status, 422);
}
