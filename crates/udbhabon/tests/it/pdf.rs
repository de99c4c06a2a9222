//! The office order PDF, downloaded from the team page and read back with `pdftotext`.

use std::process::Command;

use crate::server::{TestServer, texts};

/// The PDF's text layer as `pdftotext -layout` extracts it, with whitespace folded. Layout mode keeps a
/// hyphen that ends a line (plain mode deletes it as if it were hyphenation), so a line ending in a
/// hyphen is joined to the next one, as a reader would.
pub(crate) fn extract_text(pdf: &[u8]) -> String {
    fold(&pdftotext(pdf, "-layout"))
}

/// What `pdftotext` with `mode` (`-layout`, `-raw`) reads from the PDF.
pub(crate) fn pdftotext(pdf: &[u8], mode: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .arg(mode)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils: apt-get install poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn fold(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        joined.push_str(line);
        if !line.ends_with('-') {
            joined.push(' ');
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_office_order_pdf_carries_every_term_of_reference_exactly_as_stored() {
    let server = TestServer::start().await;
    let team = server.page("/teams/mole-innovation-team", 200).await;
    let terms = texts(&team, "ol.terms .term");
    assert_eq!(terms.len(), 24);
    let response = server.get("/teams/mole-innovation-team/order.pdf").await;
    assert_eq!(
        response.status(),
        200,
        "a Bengali font must be installed: apt-get install fonts-noto-core"
    );
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let text = extract_text(&response.bytes().await.unwrap());
    for term in &terms {
        assert!(
            text.contains(term.as_str()),
            "the PDF text lacks the term:\n{term}\n---- extracted:\n{text}"
        );
    }
    for expected in [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
        "অফিস আদেশ",
        "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫",
        "১২ মাঘ ১৪৩২ বঙ্গাব্দ",
        "২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ",
        "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)",
        "এ.এস.এম. মেহরাব হোসেন",
        "চিফ ইনোভেশন অফিসার",
    ] {
        assert!(
            text.contains(expected),
            "the PDF text lacks {expected}:\n{text}"
        );
    }
}

#[tokio::test]
async fn the_office_order_pdf_is_available_in_english_too() {
    let server = TestServer::start().await;
    server.choose("en").await;
    let response = server.get("/teams/mole-innovation-team/order.pdf").await;
    assert_eq!(response.status(), 200);
    let text = extract_text(&response.bytes().await.unwrap());
    assert!(text.contains("Office Order"), "{text}");
    assert!(
        text.contains("40.00.0000.000.036.32.0006.17.5/1 (20)"),
        "{text}"
    );
    assert!(text.contains("Chief Innovation Officer"), "{text}");
}

#[tokio::test]
async fn without_a_bengali_font_the_pdf_request_says_what_to_install_and_pages_still_work() {
    let server = TestServer::start_without_fonts().await;
    server.page("/teams/mole-innovation-team", 200).await;
    let response = server.get("/teams/mole-innovation-team/order.pdf").await;
    assert_eq!(response.status(), 503);
    let page = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(crate::server::text(&page, "h1"), "পিডিএফ তৈরি করা যায়নি");
    assert!(crate::server::text(&page, ".card p").contains("fonts-noto-core"));
}
