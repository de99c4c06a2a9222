//! The holiday calendar: anyone reads a year's holidays and counts working days across a holiday and a
//! weekend; the administrator adds a moon-dependent holiday, which moves the count, corrects and removes
//! it, imports a year from a table (a file with one day twice refused whole) and downloads it; a holiday
//! on a day already taken and one ending before it starts are refused with nothing saved; a member
//! secretary may not keep the list.

use scraper::{Html, Selector};

use crate::server::{TestServer, filled, text, texts, upload_form};

const ADMIN: &str = "admin@demo.udbhabon.test";

/// The names in a year's table.
fn names(page: &Html) -> Vec<String> {
    texts(page, "table.holidays tbody .name")
}

/// Where the correcting form of the holiday named `name` posts.
fn correcting_action(page: &Html, name: &str) -> String {
    let rows = Selector::parse("table.holidays tbody tr").unwrap();
    let form = Selector::parse("details form.stacked").unwrap();
    page.select(&rows)
        .find(|row| row.text().collect::<String>().contains(name))
        .and_then(|row| row.select(&form).next())
        .and_then(|form| form.value().attr("action"))
        .unwrap_or_else(|| panic!("no correcting form for {name}"))
        .to_owned()
}

async fn reckoned(server: &TestServer, from: &str, days: &str) -> String {
    let page = server
        .page(&format!("/holidays?year=2026&from={from}&days={days}"), 200)
        .await;
    text(&page, ".reckoned")
}

#[tokio::test]
async fn a_clock_counts_over_the_holidays_the_administrator_keeps() {
    let server = TestServer::start().await;

    // The demo's year holds the fixed-date holidays; the moon-dependent ones are awaited.
    let page = server.page("/holidays?year=2026", 200).await;
    assert!(
        names(&page).contains(&"বিজয় দিবস".to_owned()),
        "{:?}",
        names(&page)
    );
    assert!(text(&page, ".awaited").contains("ঈদুল ফিতর"));
    assert!(
        page.select(&Selector::parse("form[method='post'][action='/holidays']").unwrap())
            .next()
            .is_none()
    );

    // Victory Day (Wednesday 16 December) and the weekend after it: three working days from the 15th
    // end on Monday the 21st.
    let counted = reckoned(&server, "15-12-2026", "৩").await;
    assert!(
        counted.contains("সোমবার, ৬ পৌষ ১৪৩৩ বঙ্গাব্দ / ২১ ডিসেম্বর ২০২৬"),
        "{counted}"
    );
    assert!(
        counted.contains("সাপ্তাহিক ছুটির ২ দিন এবং সরকারি ছুটির ১ দিন"),
        "{counted}"
    );
    // Before Eid is entered, two working days from Wednesday 18 March end on Sunday the 22nd.
    assert!(
        reckoned(&server, "18-03-2026", "2")
            .await
            .contains("২২ মার্চ ২০২৬")
    );

    let (admin, csrf) = server.signed_in_as(ADMIN).await;
    let page = admin.page("/holidays?year=2026", 200).await;
    let mut eid = filled(
        &page,
        "form[method='post'][action='/holidays']",
        &[
            ("name_bn", "ঈদুল ফিতর"),
            ("name_en", "Eid-ul-Fitr"),
            ("starts", "২০-০৩-২০২৬"),
            ("ends", "22-03-2026"),
        ],
    );
    eid.push(("moon".to_owned(), "on".to_owned()));
    let (status, page) = admin.post_fields("/holidays", &csrf, &eid).await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "ছুটি যোগ হয়েছে।");
    assert!(names(&page).contains(&"ঈদুল ফিতর".to_owned()));
    assert!(!text(&page, ".awaited").contains("ঈদুল ফিতর"));
    // Now the Sunday is a holiday too, and the count ends on Monday the 23rd.
    assert!(
        reckoned(&server, "18-03-2026", "2")
            .await
            .contains("২৩ মার্চ ২০২৬")
    );

    // A day already taken, and a holiday ending before it starts: refused, nothing added.
    let before = names(&page).len();
    let clash = filled(
        &page,
        "form[method='post'][action='/holidays']",
        &[("name_bn", "অন্য ছুটি"), ("starts", "16-12-2026")],
    );
    let (status, refused) = admin.post_fields("/holidays", &csrf, &clash).await;
    assert_eq!(status, 422);
    assert!(text(&refused, ".field-error").contains("\"বিজয় দিবস\" (১৬-১২-২০২৬)"));
    let backwards = filled(
        &page,
        "form[method='post'][action='/holidays']",
        &[
            ("name_bn", "অন্য ছুটি"),
            ("starts", "10-06-2026"),
            ("ends", "09-06-2026"),
        ],
    );
    let (status, refused) = admin.post_fields("/holidays", &csrf, &backwards).await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, ".field-error"),
        "শেষ দিন প্রথম দিনের আগে হতে পারে না।"
    );
    let page = admin.page("/holidays?year=2026", 200).await;
    assert_eq!(names(&page).len(), before);

    // The moon moved Eid a day: corrected, the count follows; then removed.
    let action = correcting_action(&page, "ঈদুল ফিতর");
    let moved = filled(
        &page,
        &format!("form[action='{action}']"),
        &[("starts", "21-03-2026"), ("ends", "23-03-2026")],
    );
    let (status, page) = admin.post_fields(&action, &csrf, &moved).await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "ছুটি সংশোধন হয়েছে।");
    assert!(
        reckoned(&server, "18-03-2026", "2")
            .await
            .contains("২৪ মার্চ ২০২৬")
    );
    let (status, page) = admin
        .post_fields(&format!("{action}/remove"), &csrf, &[])
        .await;
    assert_eq!(status, 200);
    assert!(!names(&page).contains(&"ঈদুল ফিতর".to_owned()));

    // The member secretary may read the list but not keep it.
    let (secretary, secretary_csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let response = secretary
        .post_form(
            "/holidays",
            &secretary_csrf,
            &[
                ("name_bn", "ছুটি".to_owned()),
                ("kind", "general".to_owned()),
                ("starts", "01-07-2026".to_owned()),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_year_is_imported_whole_or_not_at_all_and_downloaded() {
    let server = TestServer::start().await;
    let (admin, csrf) = server.signed_in_as(ADMIN).await;
    let import = async |table: &str| {
        let form = upload_form(
            &[("csrf", &csrf), ("year", "2028")],
            &[("holidays-2028.csv", table.as_bytes())],
        );
        let response = admin
            .client
            .post(format!("{}/holidays/import", admin.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (
            status,
            Html::parse_document(&response.text().await.unwrap()),
        )
    };

    // The 2028 list is not entered: a count into it says so.
    let page = server
        .page("/holidays?year=2028&from=20-12-2027&days=20", 200)
        .await;
    assert!(text(&page, ".reckoned").contains("২০২৮ সালের সরকারি ছুটির তালিকা এখনো দেওয়া হয়নি"));
    assert!(!texts(&page, "p.notice").is_empty());

    // One day twice: refused with the line named, nothing added.
    let (status, page) = import(
        "starts,name_bn,kind,ends,name_en,moon\n\
         2028-02-21,শহিদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস,general,,Shaheed Day,no\n\
         2028-02-15,ঈদুল ফিতর,general,2028-02-21,Eid-ul-Fitr,yes\n",
    )
    .await;
    assert_eq!(status, 422);
    let alerts = texts(&page, ".alert").join(" ");
    assert!(
        alerts.contains('৩') && alerts.contains("শহিদ দিবস"),
        "{alerts}"
    );
    assert!(names(&server.page("/holidays?year=2028", 200).await).is_empty());

    let (status, page) = import(
        "starts,name_bn,kind,ends,name_en,moon\n\
         21-02-2028,শহিদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস,general,,Shaheed Day,no\n\
         2028-02-26,ঈদুল ফিতর,general,2028-02-28,Eid-ul-Fitr,yes\n",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "ফাইল থেকে ২টি ছুটি যোগ হয়েছে।");
    assert_eq!(names(&page).len(), 2);
    assert!(text(&page, "table.holidays").contains("চাঁদ দেখা সাপেক্ষে"));

    // The fixed-date holidays fill in the rest of the year, leaving the day already held alone.
    let (status, page) = admin
        .post_fields(
            "/holidays/fixed",
            &csrf,
            &[("year".to_owned(), "2028".to_owned())],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "নির্দিষ্ট তারিখের ৫টি ছুটি যোগ হয়েছে।");

    let csv = server.get("/holidays/export.csv?year=2028").await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(
        csv.starts_with("starts,name_bn,kind,ends,name_en,moon"),
        "{csv}"
    );
    assert!(
        csv.contains("2028-02-26,ঈদুল ফিতর,general,2028-02-28,Eid-ul-Fitr,yes"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 8);
}
