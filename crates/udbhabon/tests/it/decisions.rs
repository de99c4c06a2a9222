//! Following the seed meeting's six decisions to closure: the tracker lists them with their
//! responsible bodies and deadlines; an agency reports the decision it carries out with evidence, the
//! member secretary confirms it; overdue ones are marked and the share implemented on time is shown.

use std::collections::HashMap;

use scraper::{Html, Selector};

use crate::plans::{PDF, alerts, browser, indicator_ids};
use crate::server::{MovableClock, TestServer, text, texts, upload_form, waits_for};

const FOCAL: &str = "focal-dife@demo.udbhabon.test";
const SECRETARY: &str = "member-secretary@demo.udbhabon.test";

/// Each decision's id by its serial, from the tracker's links.
fn decision_ids(tracker: &Html) -> HashMap<String, i32> {
    let link = Selector::parse("table.tracker td.serial a").unwrap();
    tracker
        .select(&link)
        .map(|link| {
            let serial: String = link.text().collect();
            let id = link
                .value()
                .attr("href")
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            (serial.trim().to_owned(), id)
        })
        .collect()
}

/// Reports on a decision: `status` in_progress or done, a note, files.
async fn report(
    browser: &TestServer,
    csrf: &str,
    decision: i32,
    status: &str,
    note: &str,
    files: &[(&str, &[u8])],
) -> reqwest::Response {
    let form = upload_form(&[("csrf", csrf), ("status", status), ("note", note)], files);
    browser
        .client
        .post(format!("{}/decisions/{decision}/updates", browser.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The member secretary's step on a decision: confirm, send_back or drop.
async fn closure(
    browser: &TestServer,
    csrf: &str,
    decision: i32,
    step: &str,
    note: &str,
) -> reqwest::Response {
    browser
        .post(
            &format!("/decisions/{decision}/closure"),
            &[("csrf", csrf), ("step", step), ("note", note)],
        )
        .await
}

/// The serials the tracker lists with these filters.
async fn listed(browser: &TestServer, query: &str) -> Vec<String> {
    texts(
        &browser.page(&format!("/decisions{query}"), 200).await,
        "table.tracker td.serial",
    )
}

#[tokio::test]
async fn the_seed_decisions_are_followed_to_closure_and_the_on_time_share_follows() {
    let clock = MovableClock::at("2022-09-20");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (secretary, _) = browser(&server, SECRETARY).await;
    let tracker = secretary.page("/decisions", 200).await;
    assert_eq!(
        texts(&tracker, "table.tracker td.serial"),
        ["২.১", "২.২", "২.৩", "২.৪", "২.৫", "২.৬"]
    );
    let rows = texts(&tracker, "table.tracker tr.decision-row");
    for (serial, responsible, deadline) in [
        ("২.১", "মন্ত্রণালয়ের ইনোভেশন টিম", "৩০ সেপ্টেম্বর ২০২২"),
        ("২.২", "মন্ত্রণালয়ের ইনোভেশন টিম", "১৫ অক্টোবর ২০২২"),
        ("২.৩", "মন্ত্রণালয়ের আইসিটি সেল", ""),
        ("২.৪", "মন্ত্রণালয়ের সকল শাখার দায়িত্বপ্রাপ্ত কর্মকর্তা", "৩"),
        ("২.৫", "মন্ত্রণালয়ের আওতাধীন অধিদপ্তর/সংস্থা", "৩০ সেপ্টেম্বর ২০২২"),
    ] {
        let row = rows.iter().find(|row| row.contains(serial)).unwrap();
        assert!(
            row.contains(responsible) && row.contains(deadline) && row.contains("শুরু হয়নি"),
            "{row}"
        );
    }
    assert_eq!(
        text(&tracker, "p.on-time"),
        "নির্দিষ্ট শেষ তারিখের কোনো সিদ্ধান্তের সময় এখনও হয়নি।"
    );
    let ids = decision_ids(&tracker);

    // The DIFE carries out the ministry's 2.5 (the agencies under the ministry), not 2.1 (the
    // ministry's team).
    let (office, csrf) = browser(&server, FOCAL).await;
    office
        .page(&format!("/decisions/{}", ids["২.১"]), 403)
        .await;
    assert_eq!(
        report(&office, &csrf, ids["২.১"], "done", "করা হয়েছে", &[])
            .await
            .status(),
        403
    );
    // On the DIFE's own home page, beside 2.5 (overdue, first) is its own meeting's 2.2.
    let home = office.page("/", 200).await;
    let open = texts(&home, "section.open-decisions li");
    assert_eq!(open.len(), 2, "{open:?}");
    assert!(open[0].starts_with("২.৫ "), "{open:?}");
    assert!(open[1].starts_with("২.২ ই-গভর্ন্যান্স"), "{open:?}");
    let page = office
        .page(&format!("/decisions/{}", ids["২.৫"]), 200)
        .await;
    assert_eq!(
        text(&page, "form.decision-report p.muted"),
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"
    );
    let (status, messages) = alerts(
        report(
            &office,
            &csrf,
            ids["২.৫"],
            "in_progress",
            " ",
            &[("register.pdf", b"not a pdf at all")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        [
            "কী করা হয়েছে তা সংক্ষেপে লিখুন।",
            "এই ধরনের ফাইল নেওয়া হয় না; পিডিএফ, ছবি বা অফিস ফাইল দিন (register.pdf)।"
        ]
    );
    let note = "মাঠ পর্যায়ের ৩২টি অফিসের প্রতিবেদন সংগ্রহ চলছে।";
    assert_eq!(
        report(&office, &csrf, ids["২.৫"], "in_progress", note, &[])
            .await
            .status(),
        200
    );
    clock.set("2022-09-28");
    let (office, csrf) = browser(&server, FOCAL).await;
    let done = report(
        &office,
        &csrf,
        ids["২.৫"],
        "done",
        "সংকলিত প্রতিবেদন মন্ত্রণালয়ে পাঠানো হয়েছে।",
        &[("reports.pdf", PDF)],
    )
    .await;
    assert_eq!(done.status(), 200);
    let page = Html::parse_document(&done.text().await.unwrap());
    assert_eq!(texts(&page, "ol.updates > li").len(), 2);
    // 2.5 is for every one of the six agencies: the DIFE's "done" is one of six, and the DIFE has
    // nothing more to report.
    assert_eq!(
        text(&page, ".decision-status"),
        "চলমান (৬টি দপ্তরের মধ্যে ১টি সম্পন্ন জানিয়েছে)"
    );
    let cells = texts(&page, "table.decision-bodies td");
    let bodies: Vec<(&str, &str)> = cells
        .chunks(2)
        .map(|row| (row[0].as_str(), row[1].as_str()))
        .collect();
    assert_eq!(bodies.len(), 6, "{bodies:?}");
    assert!(
        bodies.contains(&("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর", "সম্পন্ন হয়েছে")),
        "{bodies:?}"
    );
    assert_eq!(
        bodies
            .iter()
            .filter(|(_, status)| *status == "শুরু হয়নি")
            .count(),
        5
    );
    assert!(texts(&page, "form.decision-report").is_empty());
    let open = texts(&office.page("/", 200).await, "section.open-decisions li");
    assert!(
        open.iter().all(|line| !line.starts_with("২.৫ ")),
        "{open:?}"
    );

    // The ministry's team reports 2.1 done in time; 2.2 is never reported.
    let (secretary, secretary_csrf) = browser(&server, SECRETARY).await;
    assert_eq!(
        report(
            &secretary,
            &secretary_csrf,
            ids["২.১"],
            "done",
            "সকল ইনোভেশন টিমের প্রশিক্ষণ ২৮ সেপ্টেম্বর অনুষ্ঠিত।",
            &[],
        )
        .await
        .status(),
        200
    );

    // The member secretary confirms 2.1; a decision not reported done by all its bodies cannot be
    // confirmed, and only the team confirms.
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    assert_eq!(
        closure(&viewer, &viewer_csrf, ids["২.১"], "confirm", "")
            .await
            .status(),
        403
    );
    for unreported in ["২.২", "২.৫"] {
        let (status, messages) =
            alerts(closure(&secretary, &secretary_csrf, ids[unreported], "confirm", "").await)
                .await;
        assert_eq!(
            (status, messages),
            (
                422,
                vec!["সিদ্ধান্তটির বর্তমান অবস্থায় এ ধাপ নেওয়া যায় না।".to_owned()]
            ),
            "{unreported}"
        );
    }
    let (status, messages) =
        alerts(closure(&secretary, &secretary_csrf, ids["২.৩"], "drop", "").await).await;
    assert_eq!((status, messages), (422, vec!["কারণ লিখুন।".to_owned()]));
    let to_confirm = "বাস্তবায়িত বলে জানানো হয়েছে; নিশ্চিত করুন";
    let link = format!("/decisions/{}", ids["২.১"]);
    assert!(waits_for(&secretary, to_confirm, &link).await);
    assert!(
        !waits_for(
            &secretary,
            to_confirm,
            &format!("/decisions/{}", ids["২.৫"])
        )
        .await,
        "one agency of six is not for confirming"
    );
    let confirmed = closure(&secretary, &secretary_csrf, ids["২.১"], "confirm", "").await;
    assert_eq!(confirmed.status(), 200);
    assert!(!waits_for(&secretary, to_confirm, &link).await);
    let page = Html::parse_document(&confirmed.text().await.unwrap());
    assert_eq!(text(&page, ".decision-status"), "সম্পন্ন ও নিশ্চিত");
    let page = secretary
        .page(&format!("/decisions/{}", ids["২.৫"]), 200)
        .await;
    let file = crate::server::attribute(&page, "ul.evidence a", "href");
    let download = secretary.get(&file).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // Closed, it takes no more reports.
    let (status, messages) = alerts(
        report(
            &secretary,
            &secretary_csrf,
            ids["২.১"],
            "in_progress",
            "আবার",
            &[],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec!["সিদ্ধান্তটির অনুসরণ শেষ হয়েছে; আর হালনাগাদ করা যাবে না।".to_owned()]
        )
    );

    // On 20 October 2.2 (due 15 October) and 2.5 are overdue; of the three due, one was done on time
    // (2.1), and 2.5 is not implemented while five agencies have not reported.
    clock.set("2022-10-20");
    let (secretary, _) = browser(&server, SECRETARY).await;
    let tracker = secretary.page("/decisions", 200).await;
    assert_eq!(
        text(&tracker, "p.on-time"),
        "সময়মতো বাস্তবায়িত: ৩টির মধ্যে ১টি (৩৩%)"
    );
    assert_eq!(texts(&tracker, "tr.overdue td.serial"), ["২.২", "২.৫"]);
    assert_eq!(
        text(&tracker, "tr.meeting-row .muted"),
        "সময়মতো বাস্তবায়িত: ৩টির মধ্যে ১টি (৩৩%)",
        "the meeting's own share"
    );
    let home = secretary.page("/", 200).await;
    let open = texts(&home, "section.open-decisions li");
    assert!(
        open[0].starts_with("২.২ ") && open[0].ends_with("মেয়াদোত্তীর্ণ"),
        "the overdue one first: {open:?}"
    );
    assert!(
        open.iter().all(|line| !line.starts_with("২.১ ")),
        "2.1 is done"
    );
    assert_eq!(listed(&secretary, "?overdue=1").await, ["২.২", "২.৫"]);
    assert_eq!(listed(&secretary, "?office=dife").await, ["২.৫"]);
    assert_eq!(listed(&secretary, "?status=closed").await, ["২.১"]);
    assert_eq!(
        listed(&secretary, "?from=2022-10-01&to=2022-10-31").await,
        ["২.২"]
    );

    // The share feeds the plan's indicator on meeting decisions: as of the first quarter's end one
    // the one then due was on time (2.1; 2.5 was due that day and not yet late), as of today one of
    // three.
    let (secretary, secretary_csrf) = browser(&server, SECRETARY).await;
    secretary
        .post("/plans/1/submit", &[("csrf", secretary_csrf.as_str())])
        .await;
    let (cio, cio_csrf) = browser(&server, "cio@demo.udbhabon.test").await;
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
    let ids_in_plan = indicator_ids(&secretary.page("/plans/1", 200).await);
    let quarter_page = |quarter: u8| {
        format!(
            "/plans/1/indicators/{}/quarters/{quarter}",
            ids_in_plan["১.১.২"]
        )
    };
    let first = secretary.page(&quarter_page(1), 200).await;
    assert_eq!(
        text(&first, "p.feed"),
        "সভার সিদ্ধান্ত অনুসরণ থেকে: নির্দিষ্ট শেষ তারিখের ১টি সিদ্ধান্তের মধ্যে ১টি সময়মতো বাস্তবায়িত, অর্থাৎ ১০০%। মানটি এখানে বসানো হয়েছে; প্রয়োজনে বদলান।"
    );
    assert_eq!(
        crate::server::attribute(&first, "input#value", "value"),
        "১০০"
    );
    let second = secretary.page(&quarter_page(2), 200).await;
    assert_eq!(
        crate::server::attribute(&second, "input#value", "value"),
        "৩৩"
    );
    let other = secretary
        .page(
            &format!("/plans/1/indicators/{}/quarters/1", ids_in_plan["১.১.১"]),
            200,
        )
        .await;
    assert!(texts(&other, "p.feed").is_empty(), "only the fed indicator");

    // The tracker as CSV and XLSX, with the filters.
    let csv = secretary.get("/decisions.csv?overdue=1").await;
    assert_eq!(csv.status(), 200);
    let rows = udbhabon_docs::table::read_table(
        &csv.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][2], "ক্রম");
    assert_eq!((rows[1][2].as_str(), rows[1][7].as_str()), ("২.২", "হ্যাঁ"));
    let xlsx = secretary.get("/decisions.xlsx").await;
    let rows = udbhabon_docs::table::read_table(
        &xlsx.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows.len(), 7);
    let row = |serial: &str| rows.iter().find(|row| row[2] == serial).unwrap().clone();
    assert_eq!(
        (row("২.১")[6].as_str(), row("২.১")[8].as_str()),
        ("সম্পন্ন ও নিশ্চিত", "২৮-০৯-২০২২")
    );
    assert_eq!(
        (row("২.৫")[6].as_str(), row("২.৫")[8].as_str()),
        ("চলমান (৬টি দপ্তরের মধ্যে ১টি সম্পন্ন জানিয়েছে)", "")
    );
}
