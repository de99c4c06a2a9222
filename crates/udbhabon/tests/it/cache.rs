//! Public pages kept for readers who are not signed in: sent again (with an `Age`) while nothing
//! changed, and made again after a change to any record, on a new day, in the other language, for
//! another encoding; a signed-in reader always gets a page made for them.

use crate::server::{DEMO_PASSWORD, MovableClock, TestServer, filled, texts};

const LIST: &str = "/offices/dife/services";

/// The page at `path` as `reader` gets it, and whether it came from the kept pages.
async fn read(reader: &TestServer, path: &str) -> (String, bool) {
    let response = reader.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    let kept = response.headers().contains_key("age");
    (response.text().await.unwrap(), kept)
}

#[tokio::test]
async fn a_kept_page_is_sent_again_until_a_record_or_the_day_changes() {
    let clock = MovableClock::at("2026-02-10");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let public = server.another_browser();

    let (first, kept) = read(&public, LIST).await;
    assert!(!kept, "made for the first reader");
    let (again, kept) = read(&public, LIST).await;
    assert!(kept, "kept for the next one");
    assert_eq!(again, first);
    assert!(first.contains("১০ ফেব্রুয়ারি ২০২৬ খ্রিস্টাব্দ"), "{first}");

    let english = server.another_browser();
    english.choose("en").await;
    let (page, kept) = read(&english, LIST).await;
    assert!(!kept, "the English page is its own");
    assert!(page.contains("10 February 2026"), "{page}");

    let secretary = server.another_browser();
    let signed_in = secretary
        .sign_in("ms-dife@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    assert_eq!(signed_in.status(), 200);
    let (own, kept) = read(&secretary, LIST).await;
    assert!(!kept, "a signed-in reader's page is made for them");
    assert!(own.contains("name=\"csrf\""), "with their own forms");

    // A refused change writes nothing: the kept page stays true and is sent again.
    let csrf = secretary.csrf().await;
    let form = secretary.page(LIST, 200).await;
    let refused = filled(
        &form,
        "form[action='/offices/dife/services']",
        &[("name_bn", "কারখানা লে-আউট অনুমোদন")],
    );
    assert_eq!(secretary.post_fields(LIST, &csrf, &refused).await.0, 422);
    assert!(read(&public, LIST).await.1, "still kept");

    let added = filled(
        &form,
        "form[action='/offices/dife/services']",
        &[
            ("name_bn", "কারখানা লে-আউট অনুমোদন"),
            ("address", "https://lims.dife.gov.bd"),
            ("time_amount", "১৫"),
            ("fee", "৫০০"),
            ("steps_bn", "অনলাইনে আবেদন\nফি পরিশোধ"),
            ("steps_en", "Apply online\nPay the fee"),
        ],
    );
    let (status, answered) = secretary.post_fields(LIST, &csrf, &added).await;
    assert_eq!(status, 200, "{:?}", texts(&answered, ".field-error"));
    let (changed, kept) = read(&public, LIST).await;
    assert!(!kept, "made again after the change");
    assert!(changed.contains("কারখানা লে-আউট অনুমোদন"), "{changed}");
    // Every kept page went with the change, not only the list it was made on.
    assert!(!read(&english, LIST).await.1);

    clock.set("2026-02-11");
    let (next_day, kept) = read(&public, LIST).await;
    assert!(!kept, "made again on a new day");
    assert!(next_day.contains("১১ ফেব্রুয়ারি ২০২৬ খ্রিস্টাব্দ"), "{next_day}");
}

#[tokio::test]
async fn a_page_is_kept_as_compressed_for_each_encoding_asked_for() {
    let server = TestServer::start_with(|state| state.with_metrics_token("scraper-token")).await;
    // A client that leaves the body as sent.
    let plain = reqwest::Client::new();
    let get = async |encoding: &str| {
        let response = plain
            .get(format!("{}/", server.base))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let encoded = response
            .headers()
            .get("content-encoding")
            .map(|value| value.to_str().unwrap().to_owned());
        (encoded, response.headers().contains_key("age"))
    };
    assert_eq!(get("br").await, (Some("br".to_owned()), false));
    assert_eq!(get("br").await, (Some("br".to_owned()), true));
    assert_eq!(get("identity").await, (None, false));
    assert_eq!(get("identity").await, (None, true));
    assert_eq!(get("br").await, (Some("br".to_owned()), true));

    // The operators see how many answers were kept ones.
    let metrics = plain
        .get(format!("{}/metrics", server.base))
        .bearer_auth("scraper-token")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("http_responses_kept_sent_total"),
        "{metrics}"
    );
}

#[tokio::test]
async fn forms_and_the_health_check_are_never_kept() {
    let server = TestServer::start().await;
    // Each form carries its own token; the health check asks the database each time.
    for path in [
        "/login",
        "/offices/dife/feedback",
        "/password/forgot",
        "/health",
    ] {
        read(&server, path).await;
        assert!(
            !read(&server, path).await.1,
            "{path} is made for each request"
        );
    }
}

#[tokio::test]
async fn a_signed_in_reader_has_pages_kept_for_their_session_only_while_it_lives() {
    let server = TestServer::start().await;
    let laptop = server.another_browser();
    let phone = server.another_browser();
    for browser in [&laptop, &phone] {
        let signed_in = browser
            .sign_in("ms-dife@demo.udbhabon.test", DEMO_PASSWORD)
            .await;
        assert_eq!(signed_in.status(), 200);
    }
    // The first look at the collections opens the periods that came due, a change to the records.
    read(&laptop, "/notifications").await;
    let (first, kept) = read(&laptop, "/notifications").await;
    assert!(!kept, "made again after that change");
    let (again, kept) = read(&laptop, "/notifications").await;
    assert!(kept, "kept for the session that asked");
    assert_eq!(again, first);
    let csrf = laptop.csrf().await;
    assert!(first.contains(&csrf), "with the session's own form token");

    let (other, kept) = read(&phone, "/notifications").await;
    assert!(!kept, "another session of the same person has its own");
    assert!(!other.contains(&csrf));

    let cookie = laptop.cookie_header();
    laptop.post("/logout", &[("csrf", &csrf)]).await;
    // The cookie of the ended session, sent again as a copied browser would, opens nothing kept.
    let response = reqwest::Client::new()
        .get(format!("{}/notifications", server.base))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.url().path(), "/login");
    assert!(!response.headers().contains_key("age"));
}
