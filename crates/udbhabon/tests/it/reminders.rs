//! The reminder job on the seed decisions: three days before the 3rd of the month, the day before, and
//! once overdue, each once: a team's decisions to its member secretary, the others also to the focal
//! points of the responsible offices (the ministry's branch officers for the branches' monthly return).

use crate::plans::browser;
use crate::server::{MovableClock, TestServer, mail_part};

/// How many of the mails went to `to`.
fn to(mail: &[String], address: &str) -> usize {
    mail.iter()
        .filter(|message| message.contains(&format!("To: {address}")))
        .count()
}

#[tokio::test]
async fn decision_reminders_go_out_on_their_days_to_the_responsible_offices_once() {
    let clock = MovableClock::at("2026-11-30");
    let server = TestServer::start_with_clock(clock.clone()).await;
    // The DIFE's focal point reads their mail in English; everyone else keeps Bengali.
    let (focal, csrf) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    let saved = focal
        .post(
            "/account/mail",
            &[("csrf", csrf.as_str()), ("lang", "en"), ("when", "at-once")],
        )
        .await;
    assert_eq!(saved.status(), 200);

    // 30 November: the ministry's 2.1 and 2.2 (its team) and 2.5 (the agencies) are overdue since
    // 2022; 2.4 (every branch, by the 3rd) is three days away. 2.3 has no date, 2.6 is yearly.
    let run = server.app().send_decision_reminders().await.unwrap();
    // The DIFE's own meeting adds two: its member secretary carries out 2.5 for the DIFE too, and the
    // Gazipur office's 2.1 falls due today.
    assert_eq!((run.sent, run.already_sent), (10, 0));
    let mail = server.mail();
    assert_eq!(to(&mail, "ms-dife@demo.udbhabon.test"), 1);
    assert_eq!(to(&mail, "ms-gazipur@demo.udbhabon.test"), 1);
    assert_eq!(to(&mail, "member-secretary@demo.udbhabon.test"), 3);
    assert_eq!(to(&mail, "focal-dife@demo.udbhabon.test"), 1);
    for officer in ["admin", "operations", "budget", "labour"] {
        assert_eq!(
            to(&mail, &format!("officer-{officer}@demo.udbhabon.test")),
            1
        );
    }
    let agency = mail
        .iter()
        .find(|message| message.contains("To: focal-dife@demo.udbhabon.test"))
        .unwrap();
    let body = String::from_utf8(mail_part(agency, "text/plain")).unwrap();
    assert!(
        body.contains("Decision 2.5 of the meeting was due by 30 September 2022"),
        "{body}"
    );
    assert!(!body.contains("সিদ্ধান্ত"), "in English only: {body}");
    assert!(body.contains("/decisions/"), "{body}");
    let ministry = mail
        .iter()
        .find(|message| message.contains("To: ms-dife@demo.udbhabon.test"))
        .unwrap();
    let body = String::from_utf8(mail_part(ministry, "text/plain")).unwrap();
    assert!(
        body.contains("সিদ্ধান্ত ২.৫ বাস্তবায়নের সময়সীমা ৩০ সেপ্টেম্বর ২০২২ পেরিয়ে গেছে"),
        "{body}"
    );
    assert!(!body.contains("Decision"), "in Bengali only: {body}");

    // The same day again: nothing new.
    let again = server.app().send_decision_reminders().await.unwrap();
    assert_eq!((again.sent, again.already_sent), (0, 10));
    assert_eq!(server.mail().len(), 10);

    // 2 December: the day before the 3rd, to the member secretary and the four branch officers; and
    // the Gazipur office's 2.1, now overdue, once more.
    clock.set("2026-12-02");
    let run = server.app().send_decision_reminders().await.unwrap();
    assert_eq!(run.sent, 6);
    let mail = server.mail();
    assert_eq!(mail.len(), 16);
    assert_eq!(to(&mail, "ms-gazipur@demo.udbhabon.test"), 2);
    let latest = mail
        .iter()
        .rfind(|message| message.contains("To: member-secretary@demo.udbhabon.test"))
        .unwrap();
    let latest = String::from_utf8(mail_part(latest, "text/plain")).unwrap();
    assert!(
        latest.contains("সভার সিদ্ধান্ত ২.৪ বাস্তবায়নের সময়সীমা ৩ ডিসেম্বর ২০২৬।"),
        "{latest}"
    );

    // 4 December: January's 3rd is a month away, and the overdue ones were told already.
    clock.set("2026-12-04");
    assert_eq!(
        server.app().send_decision_reminders().await.unwrap().sent,
        0
    );
    assert_eq!(server.mail().len(), 16);
}
