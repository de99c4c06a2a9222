//! The seed meeting's minutes as a PDF laid out like the printed original: every decision exactly as
//! the minutes record it, the memo number, the distribution list and the attendance appendix; typeset
//! once and the same bytes served ever after.

use crate::pdf::pdftotext;
use crate::server::{TestServer, attribute, texts};

const MEETING: &str = "/meetings/mole-egov-2022-23-review-1";

/// The text layer in the order it was set (`pdftotext -raw`: cell by cell, so a table cell's lines
/// stay together, where reading order interleaves the cells of a row), lines joined.
fn as_set(pdf: &[u8]) -> String {
    // A line may break after a slash or a hyphen ("অধিদপ্তর/সংস্থার"): such a line joins the next one
    // without a space, as a reader reads it.
    let mut joined = String::new();
    for line in pdftotext(pdf, "-raw").lines() {
        let line = line.trim();
        joined.push_str(line);
        if !line.ends_with(['/', '-']) {
            joined.push(' ');
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_seed_minutes_print_every_decision_exactly_and_the_first_copy_is_kept() {
    let server = TestServer::start().await;
    let page = server.page(MEETING, 200).await;
    let decisions = texts(&page, "table.decisions td[data-label='সিদ্ধান্ত']");
    assert_eq!(decisions.len(), 6);
    // Headings step down one level at a time: the issued minutes' sections sit under an h2.
    assert_eq!(
        texts(&page, "section.minutes-text > h2"),
        ["জারিকৃত কার্যবিবরণী"]
    );
    let href = attribute(&page, ".downloads a", "href");
    assert_eq!(href, format!("{MEETING}/minutes.pdf"));
    let first = server.get(&href).await;
    assert_eq!(first.status(), 200);
    let bytes = first.bytes().await.unwrap();
    let text = as_set(&bytes);
    for decision in &decisions {
        assert!(text.contains(decision.as_str()), "{decision} in {text}");
    }
    for expected in [
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩-এর বাস্তবায়ন অগ্রগতি পর্যালোচনা সংক্রান্ত ১ম সভার কার্যবিবরণী",
        "বেগম জেবুন্নেছা করিম",
        "১৫ সেপ্টেম্বর ২০২২",
        "বেলা ১১.০০টা",
        "পরিশিষ্ট-ক দ্রষ্টব্য",
        "স্মারক নম্বর: ৪০.০০.০০০০.০৩৬.৩২.০০৬.১৭.৮৩",
        "৪ আশ্বিন ১৪২৯",
        "১৯ সেপ্টেম্বর ২০২২",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :",
        "৭) অফিস কপি/গার্ড ফাইল",
        "এ.এস.এম. মেহরাব হোসেন",
        "সভায় উপস্থিতি",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let again = server.get(&href).await.bytes().await.unwrap();
    assert_eq!(again, bytes, "the first copy is served again");
}
