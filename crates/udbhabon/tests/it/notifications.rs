//! Hand-offs mailed to the person they wait on: each once while it waits, again when it comes back, in
//! the language the account chose, at once or in one digest a day.

use crate::plans::{DIFE_PLAN, alerts, browser};
use crate::server::{MovableClock, TestServer, mail_part};

const CIO: &str = "cio@demo.udbhabon.test";

/// The plain-text bodies (with their subjects) of the mails to the Chief Innovation Officer about the
/// DIFE's plan.
fn plan_mail(server: &TestServer) -> Vec<String> {
    let link = format!("/plans/{DIFE_PLAN}\r\n");
    server
        .mail()
        .iter()
        .filter(|mail| mail.contains(&format!("To: {CIO}")))
        .map(|mail| String::from_utf8(mail_part(mail, "text/plain")).unwrap())
        .filter(|body| body.contains(&link))
        .collect()
}

#[tokio::test]
async fn a_plan_sent_for_approval_is_mailed_to_the_approver_once_in_their_language_or_in_a_digest()
{
    let clock = MovableClock::at("2022-07-19");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (office, csrf) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    let (cio, cio_csrf) = browser(&server, CIO).await;
    let plan = format!("/plans/{DIFE_PLAN}");
    let submit = || {
        let (office, csrf, plan) = (&office, &csrf, &plan);
        async move {
            office
                .post(&format!("{plan}/submit"), &[("csrf", csrf.as_str())])
                .await
        }
    };
    let decide = |decision: &'static str| {
        let (cio, cio_csrf, plan) = (&cio, &cio_csrf, &plan);
        async move {
            cio.post(
                &format!("{plan}/decision"),
                &[("csrf", cio_csrf.as_str()), ("decision", decision)],
            )
            .await
        }
    };
    let jobs = || async {
        server.app().run_jobs().await.unwrap();
    };
    jobs().await;
    assert!(plan_mail(&server).is_empty());

    // The agency sends its plan: the Chief Innovation Officer is mailed once, in Bengali, with the
    // link to act on; the job running again sends nothing more.
    assert_eq!(submit().await.status(), 200);
    jobs().await;
    jobs().await;
    let mail = plan_mail(&server);
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert!(
        mail[0].contains("• আপনার অনুমোদনের অপেক্ষায়: পরিকল্পনা"),
        "{}",
        mail[0]
    );
    assert!(
        mail[0].contains("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"),
        "{}",
        mail[0]
    );
    let subject = server
        .mail()
        .iter()
        .filter(|mail| mail.contains(&format!("To: {CIO}")))
        .find_map(|mail| {
            mail.lines()
                .find_map(|line| line.strip_prefix("Subject: "))
                .map(str::to_owned)
        })
        .unwrap();
    assert!(
        subject.starts_with("=?utf-8?"),
        "encoded Bengali: {subject}"
    );

    // A choice that is not on the list is refused and changes nothing.
    let (status, messages) = alerts(
        cio.post(
            "/account/mail",
            &[
                ("csrf", cio_csrf.as_str()),
                ("lang", "fr"),
                ("when", "digest"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, messages),
        (422, vec!["মেইলের ভাষা ও সময় তালিকা থেকে বেছে নিন।".to_owned()])
    );
    let account = cio.page("/account", 200).await;
    assert_eq!(
        crate::server::attribute(&account, "input[name=when][checked]", "value"),
        "at-once"
    );

    // Sent back, the plan waits on the agency, not the officer; the officer chooses English and one
    // digest a day. Sent again, it is mailed again, in the morning's digest, in English.
    assert_eq!(decide("return").await.status(), 200);
    jobs().await;
    let saved = cio
        .post(
            "/account/mail",
            &[
                ("csrf", cio_csrf.as_str()),
                ("lang", "en"),
                ("when", "digest"),
            ],
        )
        .await;
    let saved = scraper::Html::parse_document(&saved.text().await.unwrap());
    assert_eq!(
        crate::server::text(&saved, "p.notice"),
        "মেইলের পছন্দ সংরক্ষিত হয়েছে।"
    );
    assert_eq!(submit().await.status(), 200);
    jobs().await;
    let mail = plan_mail(&server);
    assert_eq!(mail.len(), 2, "{mail:?}");
    // The sink keeps no order: the digest is the one in English.
    let digest = mail
        .iter()
        .find(|body| body.contains("• Waiting for your approval: a plan"))
        .unwrap();
    assert!(!digest.contains("অনুমোদনের"), "English only: {digest}");

    // Sent back and sent again the same day: the day's digest went out, so it waits for tomorrow's.
    assert_eq!(decide("return").await.status(), 200);
    jobs().await;
    assert_eq!(submit().await.status(), 200);
    jobs().await;
    assert_eq!(plan_mail(&server).len(), 2);
    clock.set("2022-07-20");
    jobs().await;
    jobs().await;
    assert_eq!(plan_mail(&server).len(), 3);

    // Approved, it waits on no one: nothing more is mailed.
    let (cio, cio_csrf) = browser(&server, CIO).await;
    let approved = cio
        .post(
            &format!("{plan}/decision"),
            &[
                ("csrf", cio_csrf.as_str()),
                ("decision", "approve"),
                ("approved_on", "2022-07-20"),
            ],
        )
        .await;
    assert_eq!(approved.status(), 200);
    clock.set("2022-07-21");
    jobs().await;
    assert_eq!(plan_mail(&server).len(), 3);
}
