//! An office's notice board and its Atom feed: what the office published, newest first, with memo
//! numbers, dates in both calendars and the documents, for anyone.

use std::str::FromStr;

use crate::server::{TestServer, texts};

#[tokio::test]
async fn the_board_lists_the_office_order_and_issued_minutes_newest_first_and_feeds_them() {
    let server = TestServer::start().await;
    let page = server.page("/offices/mole/notices", 200).await;
    let notices = texts(&page, "ul.bulletin > li");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].contains("অফিস আদেশ"), "{notices:?}");
    assert!(
        notices[0].contains("৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫"),
        "{notices:?}"
    );
    assert!(notices[0].contains("২৬ জানুয়ারি ২০২৬"), "{notices:?}");
    assert!(notices[1].contains("সভার কার্যবিবরণী"), "{notices:?}");
    assert!(
        notices[1].contains("৪০.০০.০০০০.০৩৬.৩২.০০৬.১৭.৮৩"),
        "{notices:?}"
    );
    let links = texts(&page, "ul.bulletin a");
    assert!(links.iter().any(|link| link == "পিডিএফ দেখুন"));
    // The DIFE's own order is on its own board, not the ministry's.
    let dife = texts(
        &server.page("/offices/dife/notices", 200).await,
        "ul.bulletin > li",
    );
    assert!(
        dife.iter()
            .any(|notice| notice.contains("৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৫.১"))
    );
    assert!(!notices.iter().any(|notice| notice.contains("৪০.০৫.০০০০")));

    let response = server.get("/offices/mole/notices.atom").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let feed = atom_syndication::Feed::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(feed.entries().len(), 2);
    let order = &feed.entries()[0];
    assert!(order.title().as_str().starts_with("অফিস আদেশ"));
    assert_eq!(order.updated().to_rfc3339(), "2026-01-26T00:00:00+06:00");
    assert!(
        order
            .links()
            .iter()
            .any(|link| link.rel() == "enclosure" && link.href().ends_with("/pdf"))
    );
    let href = order.links()[0].href();
    let pdf = &href[href.find("/orders/").expect("the order's document")..];
    assert_eq!(server.get(pdf).await.status(), 200, "{pdf}");
}
