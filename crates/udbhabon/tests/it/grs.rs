//! Grievance redress through the browser's forms: an office names its grievance and appeal officers
//! (the appeal officer may hold a post of the office above), they are published on its page and in the
//! directory of teams, and its next citizen's charter starts with them.

use scraper::Html;

use crate::server::{TestServer, attribute, option_value, text, texts};

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
