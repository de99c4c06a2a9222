//! The innovation database (decision 2.3): an office records a simplified service with its time, cost
//! and visits before and after; the savings are computed, bad fields are refused with nothing kept, and
//! the office's list shows it by kind.

use scraper::Html;

use crate::plans::{alerts, browser};
use crate::server::{TestServer, text, texts};

const FOCAL: &str = "focal-dife@demo.udbhabon.test";

fn simplification() -> Vec<(&'static str, String)> {
    [
        ("kind", "simplification"),
        ("stage", "scaled_up"),
        ("title", "কারখানা লাইসেন্স নবায়ন সহজিকরণ"),
        ("title_en", "Simpler factory licence renewal"),
        ("service", "কারখানা লাইসেন্স নবায়ন"),
        ("problem", "নবায়নে চারবার অফিসে আসতে হয় এবং এক মাস লাগে।"),
        ("solution", "অনলাইনে আবেদন, ফি পরিশোধ ও লাইসেন্স সংগ্রহ।"),
        ("started_on", "০১-০৭-২০২৫"),
        ("completed_on", "2025-12-31"),
        ("days_before", "৩০"),
        ("days_after", "৭"),
        ("cost_before", "১,৫০০"),
        ("cost_after", "৫০০"),
        ("visits_before", "৪"),
        ("visits_after", "১"),
        ("links", "https://dife.gov.bd/licence"),
    ]
    .into_iter()
    .map(|(name, value)| (name, value.to_owned()))
    .collect()
}

#[tokio::test]
async fn an_agency_records_a_simplified_service_and_sees_its_savings() {
    let server = TestServer::start().await;
    let (focal, csrf) = browser(&server, FOCAL).await;
    let list = focal.page("/innovations", 200).await;
    assert_eq!(
        text(&list, "h1"),
        "উদ্ভাবন ভান্ডার: কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"
    );
    assert!(texts(&list, "tr.innovation-row").is_empty());
    focal.page("/offices/dife/innovations/new", 200).await;

    // Dates out of order and a TCV row with one figure are refused, and nothing is kept.
    let mut wrong = simplification();
    wrong.retain(|(name, _)| *name != "days_after");
    wrong.push(("days_after", String::new()));
    wrong.retain(|(name, _)| *name != "completed_on");
    wrong.push(("completed_on", "2025-06-30".into()));
    let refused = focal
        .post_form("/offices/dife/innovations", &csrf, &wrong)
        .await;
    assert_eq!(
        alerts(refused).await,
        (
            422,
            vec![
                "বাস্তবায়নের তারিখ শুরুর তারিখের আগে হতে পারে না।".to_owned(),
                "আগে ও পরে দুটো মানই লিখুন।".to_owned(),
            ]
        )
    );
    assert!(
        texts(&focal.page("/innovations", 200).await, "tr.innovation-row").is_empty(),
        "nothing was kept"
    );

    let saved = focal
        .post_form("/offices/dife/innovations", &csrf, &simplification())
        .await;
    let innovation = saved.url().path().to_owned();
    assert!(innovation.starts_with("/innovations/"), "{innovation}");
    let page = Html::parse_document(&saved.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "কারখানা লাইসেন্স নবায়ন সহজিকরণ");
    assert_eq!(
        texts(&page, "table.tcv td.saving"),
        ["২৩ (৭৭%)", "১,০০০ (৬৭%)", "৩ (৭৫%)"]
    );
    assert!(texts(&page, "p.worse").is_empty());

    // A higher "after" is kept, but flagged.
    let mut worse = simplification();
    worse.retain(|(name, _)| !name.starts_with("visits"));
    worse.push(("visits_before", "১".into()));
    worse.push(("visits_after", "২".into()));
    let flagged = focal
        .post_form("/offices/dife/innovations", &csrf, &worse)
        .await;
    let page = Html::parse_document(&flagged.text().await.unwrap());
    assert_eq!(
        text(&page, "p.worse"),
        "পরে কোনো মান আগের চেয়ে বেশি হয়েছে; তথ্যটি যাচাই করুন।"
    );

    // The agency's list, by kind; the ministry sees its agencies' innovations beside its own.
    let list = focal
        .page("/innovations?office=dife&kind=simplification", 200)
        .await;
    assert_eq!(texts(&list, "tr.innovation-row").len(), 2);
    assert!(
        texts(
            &focal.page("/innovations?office=dife&kind=idea", 200).await,
            "tr.innovation-row"
        )
        .is_empty()
    );
    let (secretary, _) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let ministry = secretary.page("/innovations?office=mole", 200).await;
    assert_eq!(
        texts(&ministry, "td.kind"),
        ["সেবা সহজিকরণ", "সেবা সহজিকরণ", "ডিজিটাইজেশন"]
    );
    secretary.page(&innovation, 200).await;
    secretary.choose("en").await;
    let english = secretary.page(&innovation, 200).await;
    assert_eq!(text(&english, "h1"), "Simpler factory licence renewal");

    // The agency does not see the ministry's own records, nor record for it.
    assert_eq!(focal.get("/innovations?office=mole").await.status(), 403);
    assert_eq!(
        focal
            .post_form("/offices/mole/innovations", &csrf, &simplification())
            .await
            .status(),
        403
    );
}
