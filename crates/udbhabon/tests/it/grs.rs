//! Grievance redress through the browser's forms: an office names its grievance and appeal officers
//! (the appeal officer may hold a post of the office above), they are published on its page and in the
//! directory of teams, and its next citizen's charter starts with them; the ministry asks the monthly
//! GRS return through a collection, and the directorate's return is checked and counted.

use scraper::Html;

use crate::server::{TestServer, attribute, option_value, text, texts, upload_form};

const GRS: &str = "/offices/dife/grs";

/// The option of `<select id=select>` selected.
fn selected(page: &Html, select: &str) -> String {
    attribute(page, &format!("select#{select} option[selected]"), "value")
}

#[tokio::test]
async fn the_grievance_officers_are_named_published_and_taken_into_the_next_charter() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server.signed_in_as("ms-dife@demo.udbhabon.test").await;
    let page = secretary.page(GRS, 200).await;
    assert_eq!(
        text(&page, "#officers-heading + p"),
        "এখনো অনিক বা আপিল কর্মকর্তার নাম দেওয়া হয়নি।"
    );
    // No charter is published yet: the limits are the guideline's.
    assert!(text(&page, "main").contains("নির্দেশিকা অনুযায়ী অনিক ৩০ কর্মদিবসের মধ্যে"));
    assert_eq!(
        texts(&page, "select#officer-role option")[1..],
        [
            "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
            "বিকল্প অভিযোগ নিষ্পত্তি কর্মকর্তা",
            "আপিল কর্মকর্তা",
            "বিকল্প আপিল কর্মকর্তা",
        ]
    );
    let options = texts(&page, "select#officer-post option");
    let ministry_post = options
        .iter()
        .find(|option| option.starts_with("অতিরিক্ত সচিব (প্রশাসন)"))
        .expect("the ministry's posts are offered for the appeal officer")
        .clone();
    let own_post = options[1].clone();
    let post = |label: &str| {
        (
            "post".to_owned(),
            option_value(&page, "officer-post", label),
        )
    };
    let role = |code: &str| ("role".to_owned(), code.to_owned());
    for (code, label) in [
        ("grs_officer", &own_post),
        ("grs_appellate", &ministry_post),
    ] {
        let (status, page) = secretary
            .post_fields(
                "/offices/dife/grs/officers",
                &csrf,
                &[role(code), post(label)],
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(text(&page, ".notice"), "কর্মকর্তার তথ্য হালনাগাদ হয়েছে।");
    }
    // An RTI role is not named on the grievance page, nor a grievance role on the RTI register.
    for (path, code) in [
        ("/offices/dife/grs/officers", "rti_designated"),
        ("/offices/dife/rti/officers", "grs_alternate"),
    ] {
        let (status, refused) = secretary
            .post_fields(path, &csrf, &[role(code), post(&own_post)])
            .await;
        assert_eq!(status, 422, "{path}");
        assert_eq!(text(&refused, ".field-error"), "এই ঘরটি পূরণ করুন।", "{path}");
    }

    // Anyone reads them on the office's page.
    let public = server.page("/offices/dife", 200).await;
    let officers = texts(&public, "dl.grs-officers dt");
    assert_eq!(officers, ["অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "আপিল কর্মকর্তা"]);
    assert!(text(&public, "dl.grs-officers").contains("অতিরিক্ত সচিব (প্রশাসন)"));
    assert!(texts(&public, "dl.rti-officers").is_empty());
    // And in the directory of teams, beside the team's leads.
    let directory = server.page("/teams?under=dife", 200).await;
    let card = text(&directory, "ul.directory li");
    assert!(card.contains("অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)"), "{card}");
    assert!(
        card.contains(own_post.split(" — ").next().unwrap()),
        "{card}"
    );

    // The office's first charter starts with them as its grievance officers.
    let (status, draft) = secretary
        .post_fields("/offices/dife/charter/draft", &csrf, &[])
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        selected(&draft, "grievance-post"),
        option_value(&page, "officer-post", &own_post)
    );
    assert_eq!(
        selected(&draft, "appeal-post"),
        option_value(&page, "officer-post", &ministry_post)
    );

    // Taken off, the role is gone from the page.
    let (status, page) = secretary
        .post_fields(
            "/offices/dife/grs/officers/remove",
            &csrf,
            &[role("grs_appellate")],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        texts(&page, "dl.grs-officers dt"),
        ["অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)"]
    );

    // A reader of the ministry who does not run the directorate's team may not name its officers.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    let response = member
        .post_form(
            "/offices/dife/grs/officers",
            &member_csrf,
            &[("role", "grs_officer".to_owned()), ("post", "1".to_owned())],
        )
        .await;
    assert_eq!(response.status(), 403);
}

/// The form's value of the respondent choice whose label is `office`.
fn respondent_value(form: &Html, office: &str) -> String {
    let label = scraper::Selector::parse("fieldset.respondents label").unwrap();
    let input = scraper::Selector::parse("input").unwrap();
    form.select(&label)
        .find(|label| label.text().collect::<String>().trim() == office)
        .and_then(|label| label.select(&input).next()?.value().attr("value"))
        .unwrap_or_else(|| panic!("{office} is offered"))
        .to_owned()
}

#[tokio::test]
async fn a_monthly_grs_return_is_asked_sent_checked_and_counted_in_time() {
    let server = TestServer::start().await;
    let (ministry, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let form = ministry.page("/offices/mole/collections/new", 200).await;
    let kinds = texts(&form, "select#kind option");
    assert!(
        kinds.iter().any(|kind| kind == "জিআরএসের মাসিক প্রতিবেদন"),
        "{kinds:?}"
    );
    let dife = respondent_value(&form, "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর");
    let fields = [
        ("key", "mole-grs-return"),
        ("kind", "grs_return"),
        ("title_bn", "জিআরএসের মাসিক প্রতিবেদন"),
        ("title_en", "Monthly GRS return"),
        ("recurrence", "monthly"),
        ("opens_on", "2026-11-01"),
        ("due_day", "১০"),
        ("respondent", &dife),
    ]
    .map(|(name, value)| (name, value.to_owned()));
    let created = ministry
        .post_form("/offices/mole/collections", &csrf, &fields)
        .await;
    assert_eq!(created.url().path(), "/collections/mole-grs-return");
    let board = Html::parse_document(&created.text().await.unwrap());
    let return_page = attribute(&board, "tr.respondent-row td a", "href");

    // The directorate's member secretary sends November's figures: more settled and pending than
    // there were grievances is refused, nothing kept.
    let (dife_secretary, dife_csrf) = server.signed_in_as("ms-dife@demo.udbhabon.test").await;
    let page = dife_secretary.page(&return_page, 200).await;
    assert_eq!(
        texts(&page, ".count-fields label").len(),
        8,
        "the return's eight counts"
    );
    let send = async |counts: [&str; 8]| {
        let names = [
            "brought_forward",
            "received_online",
            "received_offline",
            "settled_in_time",
            "settled_late",
            "pending",
            "appeals_received",
            "appeals_settled",
        ];
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &dife_csrf)];
        fields.extend(names.into_iter().zip(counts));
        dife_secretary
            .client
            .post(format!("{}{return_page}", dife_secretary.base))
            .multipart(upload_form(&fields, &[]))
            .send()
            .await
            .unwrap()
    };
    let refused = send(["০", "১০", "০", "৯", "১", "১", "০", "০"]).await;
    assert_eq!(refused.status(), 422);
    let refused = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        text(&refused, "#pending + .field-error"),
        "নিষ্পন্ন ও অনিষ্পন্ন মিলে পূর্ববর্তী মাসের অনিষ্পন্ন ও এ মাসে প্রাপ্ত অভিযোগের মোট সংখ্যার চেয়ে বেশি হতে পারে না।"
    );
    assert!(texts(&dife_secretary.page(&return_page, 200).await, "li.version").is_empty());

    // 4 brought forward and 12 received; 9 settled in time, 3 late, 3 pending.
    let sent = send(["৪", "১০", "২", "৯", "৩", "৩", "১", "০"]).await;
    assert_eq!(sent.status(), 200);
    let sent = Html::parse_document(&sent.text().await.unwrap());
    assert_eq!(text(&sent, "li.version dd.share"), "৭৫.০%");

    // The ministry's board counts the share settled in time.
    let board = ministry.page("/collections/mole-grs-return", 200).await;
    assert!(texts(&board, "th").contains(&"সময়মতো নিষ্পত্তির হার".to_owned()));
    assert_eq!(text(&board, "tr.respondent-row td.share"), "৭৫.০%");

    // The directorate's grievance page lists its return; the ministry's links to the board.
    let grs = dife_secretary.page(GRS, 200).await;
    assert_eq!(text(&grs, "table.grs-returns tbody th"), "নভেম্বর ২০২৬");
    let cells = texts(&grs, "table.grs-returns tbody td");
    assert_eq!(cells[..6], ["৪", "১০", "২", "৯", "৩", "৩"]);
    assert_eq!(cells[8], "৭৫.০%");
    let csv = dife_secretary
        .get(&format!("{GRS}/export.csv"))
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "collection,month,status,brought_forward,received_online,received_offline,settled_in_time,settled_late,pending,appeals_received,appeals_settled"
    );
    assert!(lines[1].starts_with("mole-grs-return,2026-11,"), "{csv}");
    assert!(lines[1].ends_with(",4,10,2,9,3,3,1,0"), "{csv}");
    let ministry_grs = ministry.page("/offices/mole/grs", 200).await;
    assert_eq!(
        attribute(&ministry_grs, "#returns-heading ~ ul a", "href"),
        "/collections/mole-grs-return"
    );
}
