//! Annual plans: the ministry's 2022-23 plan from the built-in template, as its table prints it.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, text, texts};

/// Bengali digits read as ASCII ones.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '০'..='৯' => char::from_digit(c as u32 - '০' as u32, 10).unwrap_or(c),
            other => other,
        })
        .collect()
}

async fn signed_in(email: &str) -> TestServer {
    let server = TestServer::start().await;
    assert_eq!(server.sign_in(email, DEMO_PASSWORD).await.status(), 200);
    server
}

#[tokio::test]
async fn the_ministrys_plan_prints_every_indicator_with_its_unit_marks_and_five_targets() {
    let server = signed_in("member-secretary@demo.udbhabon.test").await;
    let list = server.page("/plans", 200).await;
    assert_eq!(
        texts(&list, "ul.plans li a"),
        ["ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩"]
    );
    let href = attribute(&list, "ul.plans li a", "href");
    let plan = server.page(&href, 200).await;
    assert_eq!(text(&plan, "h1"), "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩");
    assert_eq!(text(&plan, "dd.plan-score"), "১০০.০০-এর মধ্যে ০.০০");
    assert_eq!(
        texts(&plan, "thead tr:nth-child(2) th"),
        [
            "অসাধারণ (১০০%)",
            "অতি উত্তম (৯০%)",
            "উত্তম (৮০%)",
            "চলতি মান (৭০%)",
            "চলতি মানের নিম্নে (৬০%)"
        ]
    );
    let indicators = texts(&plan, "td.indicator");
    assert_eq!(indicators.len(), 10);
    assert_eq!(indicators[3], "[২.১.১] ই-নথিতে নিষ্পন্ন নথির হার");
    let weights: f64 = texts(&plan, "td.weight")
        .iter()
        .map(|weight| ascii(weight).parse::<f64>().unwrap())
        .sum();
    assert_eq!(weights, 100.0);
    assert_eq!(
        texts(&plan, "td.area").len(),
        4,
        "one cell per area, spanning its rows"
    );
    let rows: Vec<Vec<String>> = (1..=10)
        .map(|row| texts(&plan, &format!("tbody tr:nth-child({row}) td.target")))
        .collect();
    assert_eq!(
        rows[3],
        ["৮০", "৭০", "৬০", "৫০", "৪০"],
        "e-file share: five graded targets"
    );
    assert_eq!(
        rows[0],
        ["৪", "", "", "", ""],
        "a single target in the first column"
    );
    assert_eq!(
        rows[5][0], "১৫-১০-২০২২",
        "dates as the government writes them"
    );

    server.choose("en").await;
    let english = server.page(&href, 200).await;
    assert_eq!(text(&english, "dd.plan-score"), "0.00 of 100.00");
    assert!(
        texts(&english, "td.indicator")
            .contains(&"[২.১.১] Share of files handled in e-Nothi".to_owned())
    );
}

#[tokio::test]
async fn an_office_below_sees_no_plan_of_the_ministry() {
    let server = signed_in("focal-dife@demo.udbhabon.test").await;
    assert_eq!(server.get("/plans/1").await.status(), 403);
    let visitor = TestServer::start().await;
    let response = visitor
        .client
        .get(format!("{}/plans/1", visitor.base))
        .send()
        .await
        .unwrap();
    assert!(response.url().path().starts_with("/login"));
}
