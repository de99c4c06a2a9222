//! A training's invitation: the ministry's member secretary reads the draft, sees whom mail will not
//! reach, and issues it under the next memo number; the letter is kept, registered and mailed to the
//! participants with their sessions for the calendar; a second issue, one before anyone takes part
//! and one after the training began are refused with nothing numbered.

use crate::pdf::extract_text;
use crate::plans::alerts;
use crate::server::{TestServer, attribute, filled, mail_part, text, texts};

/// Records a two-session training of the ministry on 1–2 December 2026 (a week after the test
/// clock's day); returns its page's path.
async fn future_training(secretary: &TestServer, csrf: &str) -> String {
    let year = "/offices/mole/trainings?year=2026-27";
    let page = secretary.page(year, 200).await;
    let mut training = filled(
        &page,
        &format!("form[action='{year}']"),
        &[
            ("title_bn", "ই-নথি ব্যবস্থাপনা প্রশিক্ষণ"),
            ("title_en", "e-Nothi management training"),
            ("topic", "e_nothi"),
            ("audience", "teams_below"),
            ("venue_bn", "সভাকক্ষ, শ্রম ও কর্মসংস্থান মন্ত্রণালয়"),
            (
                "venue_en",
                "Conference room, Ministry of Labour and Employment",
            ),
            ("guest_trainers", "মোঃ আবদুল করিম, এটুআই"),
        ],
    );
    for (index, on) in ["2026-12-01", "2026-12-02"].into_iter().enumerate() {
        crate::server::set_field(&mut training, "session_on", index, on);
        crate::server::set_field(&mut training, "session_from", index, "10:00");
        crate::server::set_field(&mut training, "session_until", index, "13:00");
    }
    crate::server::set_field(&mut training, "session_subject", 0, "ই-নথির পরিচিতি");
    let (status, page) = secretary.post_fields(year, csrf, &training).await;
    assert_eq!(status, 200);
    attribute(&page, "form[action$='/participants']", "action")
        .trim_end_matches("/participants")
        .to_owned()
}

#[tokio::test]
async fn a_trainings_invitation_is_issued_under_a_memo_number_and_mailed_to_its_participants() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let training = future_training(&secretary, &csrf).await;
    let issue = format!("{training}/invitation");
    let pdf = format!("{training}/invitation.pdf");

    // Nobody takes part yet: nothing to address, no form, and a post is refused.
    let page = secretary.page(&training, 200).await;
    assert!(texts(&page, &format!("form[action='{issue}']")).is_empty());
    assert!(
        texts(&page, "p.muted")
            .iter()
            .any(|line| line.starts_with("আমন্ত্রণপত্র অংশগ্রহণকারীদের কাছে যায়")),
    );
    let (status, messages) = alerts(
        secretary
            .post(&issue, &[("csrf", &csrf), ("memo_file", "1")])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        messages
            .iter()
            .any(|message| message.contains("অংশগ্রহণকারী যোগ করুন")),
        "{messages:?}"
    );

    // The agency's team and the ministry's programmer (who has an address of his own).
    let (status, page) = secretary
        .post_fields(
            &format!("{training}/participants"),
            &csrf,
            &[
                ("team".to_owned(), "dife".to_owned()),
                ("person".to_owned(), "এ.এস.এম. মেহরাব হোসেন".to_owned()),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let participants = texts(&page, "tr.participant-row").len();
    assert!(participants > 1, "{participants}");
    assert_eq!(text(&page, "h2 + p.muted"), "কোনো আমন্ত্রণপত্র জারি হয়নি।");
    let unreached = texts(&page, ".unreached li");
    assert!(
        !unreached.iter().any(|name| name.contains("মেহরাব")),
        "{unreached:?}"
    );

    // The draft is read before it is issued: the letter without its number, addressed to them.
    let draft = secretary.get(&pdf).await;
    assert_eq!(draft.status(), 200);
    let printed = extract_text(&draft.bytes().await.unwrap());
    for expected in [
        "আমন্ত্রণপত্র (খসড়া)",
        "“ই-নথি ব্যবস্থাপনা প্রশিক্ষণ” শীর্ষক প্রশিক্ষণে অংশগ্রহণ",
        "সময়সূচি",
        "ই-নথির পরিচিতি",
        "মোঃ আবদুল করিম, এটুআই",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)",
        // Named with the post he holds, as the participants chosen by post are.
        "এ.এস.এম. মেহরাব হোসেন, প্রোগ্রামার (আইসিটি সেল), শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    assert!(!printed.contains("৪০.০০.০০০০"), "a draft has no number");
    // Those who read the ministry's records but do not run its trainings see no draft; an agency's
    // focal point reads nothing of it.
    let (member, _) = server.signed_in_as("member@demo.udbhabon.test").await;
    assert_eq!(member.get(&pdf).await.status(), 404);
    let (focal, _) = server.signed_in_as("focal-dife@demo.udbhabon.test").await;
    assert_eq!(focal.get(&pdf).await.status(), 403);

    // No memo file chosen: refused, nothing numbered or mailed.
    let (status, _) = alerts(
        secretary
            .post(&issue, &[("csrf", &csrf), ("memo_file", "")])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(server.mail().is_empty());

    let file = attribute(&page, "select#memo_file option:nth-child(2)", "value");
    let (status, page) = secretary
        .post_fields(&issue, &csrf, &[("memo_file".to_owned(), file.clone())])
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, ".notice"),
        "আমন্ত্রণপত্র জারি হয়েছে এবং ইমেইল ঠিকানা আছে এমন অংশগ্রহণকারীদের পাঠানো হয়েছে।"
    );
    // The ICT Cell's file issued the office order as letter 5; the invitation is letter 6.
    let memo = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬";
    let issued = text(&page, "h2 + p");
    assert!(
        issued.contains(memo) && issued.contains("২৩ নভেম্বর ২০২৬"),
        "{issued}"
    );
    assert!(texts(&page, &format!("form[action='{issue}']")).is_empty());
    let register = secretary.page("/offices/mole/memos", 200).await;
    assert!(
        texts(&register, "td")
            .iter()
            .any(|cell| cell.contains(memo))
    );

    // The letter as issued: numbered, kept, the same for whoever reads the records.
    let kept = member.get(&pdf).await;
    assert_eq!(kept.status(), 200);
    let kept = kept.bytes().await.unwrap();
    let printed = extract_text(&kept);
    assert!(printed.contains(memo), "{printed}");
    assert!(!printed.contains("খসড়া"), "{printed}");
    member.choose("en").await;
    let english = extract_text(&member.get(&pdf).await.bytes().await.unwrap());
    assert!(
        english.contains("Attending the training “e-Nothi management training”"),
        "{english}"
    );

    // Mailed to each participant with an address, with the letter and both sessions.
    let mail = server.mail();
    assert_eq!(mail.len(), participants - unreached.len(), "{unreached:?}");
    assert!(
        mail.iter()
            .any(|message| message.contains("To: programmer@mole.gov.bd"))
    );
    assert_eq!(mail_part(&mail[0], "application/pdf"), kept.to_vec());
    let calendar = String::from_utf8(mail_part(&mail[0], "text/calendar")).unwrap();
    assert!(calendar.contains("METHOD:PUBLISH"), "{calendar}");
    // 10:00 in Dhaka is 04:00 UTC.
    for start in ["DTSTART:20261201T040000Z", "DTSTART:20261202T040000Z"] {
        assert!(calendar.contains(start), "{calendar}");
    }

    // Issued once.
    let (status, messages) = alerts(
        secretary
            .post(&issue, &[("csrf", &csrf), ("memo_file", &file)])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["এ প্রশিক্ষণের আমন্ত্রণপত্র আগেই জারি হয়েছে।"]);
    assert_eq!(server.mail().len(), mail.len());
}

#[tokio::test]
async fn a_training_already_begun_takes_no_invitation() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    // The demo's 2022 training of decision 2.1, held long ago.
    let page = secretary.page("/trainings/1", 200).await;
    assert!(texts(&page, "form[action='/trainings/1/invitation']").is_empty());
    let (status, messages) = alerts(
        secretary
            .post(
                "/trainings/1/invitation",
                &[("csrf", &csrf), ("memo_file", "1")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        ["প্রশিক্ষণ শুরু হয়ে গেছে; আমন্ত্রণপত্র প্রশিক্ষণের আগে জারি করতে হয়।"]
    );
    assert!(server.mail().is_empty());
}
