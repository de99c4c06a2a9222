//! The sections an office's own website frames: shown without this site's header, as the public sees
//! them even to a signed-in reader, in the language their address names; another site may frame them
//! and no other page; the office's page leads to the code to paste.

use crate::browser::{assert_accessible, framed};
use crate::server::{DEMO_PASSWORD, TestServer, attribute, text, texts};

const SECTIONS: [&str; 5] = ["office", "charter", "services", "notices", "innovations"];

#[tokio::test]
async fn an_office_website_frames_its_public_sections_and_nothing_else() {
    let server = TestServer::start().await;
    let office = server.page("/offices/mole", 200).await;
    let guide_href = attribute(&office, "a[href$='/embed']", "href");
    assert_eq!(guide_href, "/offices/mole/embed");
    let guide = server.page(&guide_href, 200).await;
    let codes = texts(&guide, "textarea.code");
    assert_eq!(codes.len(), SECTIONS.len());
    for (code, section) in codes.iter().zip(SECTIONS) {
        let src = format!("{}/offices/mole/embed/{section}?lang=bn", server.base);
        assert!(code.contains(&format!("<iframe src=\"{src}\"")), "{code}");
    }

    for section in SECTIONS {
        let response = server
            .get(&format!("/offices/mole/embed/{section}?lang=en"))
            .await;
        assert_eq!(response.status(), 200, "{section}");
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(policy.ends_with("frame-ancestors *"), "{policy}");
        assert!(!response.headers().contains_key("x-frame-options"));
        let page = scraper::Html::parse_document(&response.text().await.unwrap());
        assert_eq!(attribute(&page, "html", "lang"), "en", "{section}");
        assert!(texts(&page, "header.masthead, nav.nav, footer").is_empty());
        assert_eq!(attribute(&page, "base", "target"), "_top");
        assert_eq!(
            text(&page, "main > p:last-child a"),
            "See the whole page on udbhabon"
        );
    }
    let ordinary = server.get("/offices/mole/charter").await;
    assert!(
        ordinary.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .ends_with("frame-ancestors 'none'")
    );
    assert_eq!(ordinary.headers()["x-frame-options"], "DENY");
    assert_eq!(server.get("/offices/mole/embed/drafts").await.status(), 404);
    assert_eq!(
        server.get("/offices/nowhere/embed/charter").await.status(),
        404
    );

    // Signed in, the member secretary still sees in a frame what the public sees: no draft, no form.
    let secretary = server.another_browser();
    assert_eq!(
        secretary
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let own = secretary.page("/offices/mole/services", 200).await;
    assert!(
        !texts(&own, "main form").is_empty(),
        "the list is kept here"
    );
    let embedded = secretary.page("/offices/mole/embed/services", 200).await;
    assert!(texts(&embedded, "main form").is_empty());
    let own = secretary.page("/offices/mole", 200).await;
    assert!(text(&own, "main").contains("দপ্তরের নথিপত্র"));
    let office = secretary.page("/offices/mole/embed/office", 200).await;
    assert!(
        !text(&office, "main").contains("দপ্তরের নথিপত্র"),
        "no records card"
    );

    let base = server.base.clone();
    let shown = tokio::task::spawn_blocking(move || {
        assert_accessible(
            &base,
            &["/offices/mole/embed", "/offices/mole/embed/office"],
        );
        framed(
            &base,
            &[
                "/offices/mole/embed/charter?lang=en",
                "/offices/mole/charter",
            ],
        )
    })
    .await
    .unwrap();
    assert_eq!(
        shown["/offices/mole/embed/charter?lang=en"],
        "Citizen Charter: Ministry of Labour and Employment"
    );
    assert!(
        shown["/offices/mole/charter"].is_null(),
        "an ordinary page is not framed"
    );
}
