//! An office's digital service list: the agency's member secretary lists a service (a web service
//! without a web address and without steps refused beside its fields), corrects and removes it; the
//! showcased licence renewal appears from its innovation record; the public reads it all, and the list
//! downloads for the office's website.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, filled, text, texts};

const LIST: &str = "/offices/dife/services";

#[tokio::test]
async fn a_service_is_listed_with_its_steps_beside_the_one_the_innovation_database_records() {
    let server = TestServer::start().await;
    let public = server.another_browser();
    // The office's page leads citizens to each of its portal pages, and its web team to the frames.
    let office = public.page("/offices/dife", 200).await;
    let links: Vec<String> = texts(&office, "#citizens-heading ~ p a")
        .into_iter()
        .map(|label| label.trim().to_owned())
        .collect();
    assert_eq!(links.len(), 6, "{links:?}");
    for href in [
        "/offices/dife/charter",
        "/offices/dife/services",
        "/offices/dife/feedback",
        "/showcase?office=dife",
        "/offices/dife/notices",
        "/offices/dife/embed",
    ] {
        assert_eq!(
            texts(&office, &format!("#citizens-heading ~ p a[href='{href}']")).len(),
            1,
            "{href}"
        );
    }
    let page = public.page(LIST, 200).await;
    let cards = texts(&page, "ul.services > li");
    assert_eq!(cards.len(), 1, "{cards:?}");
    for expected in [
        "কারখানা লাইসেন্স নবায়ন সহজিকরণ",
        "https://dife.gov.bd",
        "সময় (দিন): ৩০ → ৭",
        "উদ্ভাবন ডাটাবেজের রেকর্ড থেকে",
    ] {
        assert!(cards[0].contains(expected), "{expected} in {cards:?}");
    }
    assert!(
        texts(&page, "form")
            .iter()
            .all(|form| !form.contains("সংরক্ষণ")),
        "no forms for the public"
    );

    let secretary = server.another_browser();
    assert_eq!(
        secretary
            .sign_in("ms-dife@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let csrf = secretary.csrf().await;
    let page = secretary.page(LIST, 200).await;
    let post = async |path: &str, fields: &[(String, String)]| {
        secretary.post_fields(path, &csrf, fields).await
    };
    let bad = filled(
        &page,
        "form[action='/offices/dife/services']",
        &[
            ("name_bn", "কারখানা লে-আউট অনুমোদন"),
            ("address", "lims.dife.gov.bd"),
            ("time_amount", "১৫"),
            ("fee", "৫০০"),
        ],
    );
    let (status, answered) = post(LIST, &bad).await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&answered, ".field-error"),
        [
            "লিংক https:// বা http:// দিয়ে শুরু হতে হবে, ফাঁকা জায়গা ছাড়া।",
            "নাগরিক যে ধাপগুলো অনুসরণ করবেন তা অন্তত এক লাইনে লিখুন।",
        ]
    );
    assert_eq!(
        texts(&public.page(LIST, 200).await, "ul.services > li").len(),
        1,
        "nothing written"
    );

    let good = filled(
        &answered,
        "form[action='/offices/dife/services']",
        &[
            ("address", "https://lims.dife.gov.bd"),
            ("steps_bn", "অনলাইনে আবেদন\nনকশা আপলোড\nফি পরিশোধ"),
            ("steps_en", "Apply online\nUpload the plans\nPay the fee"),
        ],
    );
    let (status, page) = post(LIST, &good).await;
    assert_eq!(status, 200);
    assert!(text(&page, "main").contains("সেবাটি তালিকায় যুক্ত হয়েছে"));
    let cards = texts(&public.page(LIST, 200).await, "ul.services > li");
    assert_eq!(cards.len(), 2);
    assert!(cards[0].contains("কারখানা লে-আউট অনুমোদন"), "{cards:?}");
    assert!(
        cards[0].contains("১৫ কার্যদিবস") && cards[0].contains("৳ ৫০০.০০"),
        "{cards:?}"
    );
    let steps = texts(
        &public.page(LIST, 200).await,
        "ul.services > li:first-child ol li",
    );
    assert_eq!(steps, ["অনলাইনে আবেদন", "নকশা আপলোড", "ফি পরিশোধ"]);

    // Corrected: a USSD code is no web address, and needs none.
    let page = secretary.page(LIST, 200).await;
    let action = attribute(&page, "ul.services details form.stacked", "action");
    let ussd = filled(
        &page,
        &format!("form[action='{action}']"),
        &[("channel", "ussd"), ("address", "*16263#")],
    );
    assert_eq!(post(&action, &ussd).await.0, 200);
    assert!(texts(&public.page(LIST, 200).await, "ul.services > li")[0].contains("*16263#"));

    let csv = public.get("/offices/dife/services.csv").await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(
        csv.contains("কারখানা লে-আউট অনুমোদন") && csv.contains("*16263#"),
        "{csv}"
    );
    assert!(csv.contains("কারখানা লাইসেন্স নবায়ন সহজিকরণ"), "{csv}");

    let (status, page) = post(&format!("{action}/remove"), &[]).await;
    assert_eq!(status, 200);
    assert!(text(&page, "main").contains("সেবাটি তালিকা থেকে বাদ দেওয়া হয়েছে"));
    assert_eq!(
        texts(&public.page(LIST, 200).await, "ul.services > li").len(),
        1
    );
    let (status, page) = post(&format!("{action}/remove"), &[]).await;
    assert_eq!(status, 422);
    assert!(text(&page, "main").contains("এই সেবাটি তালিকায় আর নেই"));
}
