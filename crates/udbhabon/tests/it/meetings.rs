//! Calling a meeting: the schedule form with its defaults and its refusals, the invitation notice with
//! its memo number, PDF and mail with a calendar invitation, attendance marked against the invitation,
//! and each account's calendar feed.

use scraper::{Html, Selector};

use crate::pdf::extract_text;
use crate::plans::{alerts, browser};
use crate::server::{MovableClock, TestServer, attribute, mail_part, option_value, text, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const FOCAL: &str = "focal-dife@demo.udbhabon.test";

/// The values of the checked boxes named `name`.
fn checked(page: &Html, name: &str) -> Vec<String> {
    let boxes = Selector::parse(&format!("input[name={name}][checked]")).unwrap();
    page.select(&boxes)
        .map(|element| element.value().attr("value").unwrap().to_owned())
        .collect()
}

/// The whole schedule form as the secretary fills it in for 24 December 2026.
fn schedule_fields(form: &Html) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("kind", "quarterly_review".to_owned()),
        (
            "title_bn",
            "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ৩য় পর্যালোচনা সভা".to_owned(),
        ),
        ("title_en", "3rd review meeting".to_owned()),
        ("sequence", "৩".to_owned()),
        ("held_on", "২০২৬-১২-২৪".to_owned()),
        ("starts_at", "১০:৩০".to_owned()),
        ("place_bn", "মন্ত্রণালয় সভাকক্ষ".to_owned()),
        ("place_en", "Ministry conference room".to_owned()),
        ("online_link", String::new()),
        (
            "chair_post",
            option_value(form, "chair_post", "অতিরিক্ত সচিব (প্রশাসন)"),
        ),
        // Typed by name: one person alone has it.
        ("invitee_person", "বেগম জেবুন্নেছা করিম".to_owned()),
        ("agenda_bn", "পূর্ববর্তী সভার সিদ্ধান্ত".to_owned()),
        ("agenda_en", "Decisions of the previous meeting".to_owned()),
        ("agenda_presenter", String::new()),
        ("agenda_bn", "ত্রৈমাসিক অগ্রগতি".to_owned()),
        ("agenda_en", "The quarter's progress".to_owned()),
        ("agenda_presenter", String::new()),
    ];
    for post in checked(form, "invitee_post") {
        fields.push(("invitee_post", post));
    }
    fields
}

#[tokio::test]
async fn a_meeting_is_called_its_notice_sent_and_its_attendance_recorded() {
    let clock = MovableClock::at("2026-12-01");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;

    // The form starts as the next quarterly review, chaired by the CIO's post, inviting the team.
    let form = secretary.page("/offices/mole/meetings/new", 200).await;
    assert!(
        attribute(&form, "input#title_bn", "value")
            .contains("২০২৬-২০২৭-এর বাস্তবায়ন অগ্রগতি পর্যালোচনা সংক্রান্ত ৩য় সভা"),
        "the title follows the year's series"
    );
    assert_eq!(attribute(&form, "input#sequence", "value"), "৩");
    assert_eq!(
        checked(&form, "invitee_post").len(),
        9,
        "the nine posts of the team order"
    );
    assert_eq!(
        text(&form, "select#chair_post option[selected]"),
        "অতিরিক্ত সচিব (প্রশাসন)"
    );
    let meetings_before = texts(&server.page("/meetings", 200).await, "ul.meetings li").len();

    // Bad input names every problem and saves nothing.
    let bad = vec![
        ("kind", "quarterly_review".to_owned()),
        ("title_bn", String::new()),
        ("held_on", "২০২৬-১৩-৪০".to_owned()),
        ("starts_at", "এগারোটা".to_owned()),
        ("place_bn", String::new()),
        ("online_link", "ftp://meet".to_owned()),
        ("chair_post", String::new()),
    ];
    let (status, messages) = alerts(
        secretary
            .post_form("/offices/mole/meetings", &csrf, &bad)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    for expected in [
        "এই ঘরটি পূরণ করুন",
        "সময় লিখুন, যেমন ১১:০০।",
        "অনলাইন সংযোগ https:// দিয়ে শুরু হতে হবে।",
        "এ দপ্তরের একটি পদ থেকে সভাপতি বেছে নিন।",
        "অন্তত একজনকে আমন্ত্রণ জানান।",
        "অন্তত একটি আলোচ্যসূচি লিখুন।",
    ] {
        assert!(
            messages.iter().any(|message| message.contains(expected)),
            "{expected} in {messages:?}"
        );
    }
    let mut nowhere = schedule_fields(&form);
    nowhere.retain(|(name, _)| *name != "place_bn");
    let (status, messages) = alerts(
        secretary
            .post_form("/offices/mole/meetings", &csrf, &nowhere)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["স্থান অথবা অনলাইন সংযোগ লিখুন।"]);
    // A name no one has is refused, and kept in its row to be put right.
    let mut stranger = schedule_fields(&form);
    stranger.push(("invitee_person", "অচেনা কেউ".to_owned()));
    let refused = secretary
        .post_form("/offices/mole/meetings", &csrf, &stranger)
        .await;
    assert_eq!(refused.status(), 422);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        texts(&page, "p.field-error"),
        ["এ নামে একজনকেই পাওয়া যায়নি: প্রস্তাবিত নাম থেকে বেছে নিন বা পুরো নাম লিখুন।"]
    );
    assert_eq!(
        attribute(&page, "input#invitee_person_2", "value"),
        "অচেনা কেউ"
    );
    assert_eq!(
        attribute(&page, "input#invitee_person_1", "value"),
        "বেগম জেবুন্নেছা করিম"
    );
    assert_eq!(
        texts(&server.page("/meetings", 200).await, "ul.meetings li").len(),
        meetings_before
    );

    // An agency's focal point may not call the ministry's meeting.
    let (focal, focal_csrf) = browser(&server, FOCAL).await;
    let fields = schedule_fields(&form);
    assert_eq!(
        focal
            .post_form("/offices/mole/meetings", &focal_csrf, &fields)
            .await
            .status(),
        403
    );

    // Called: the page shows the particulars in both calendars, the agenda and the invitees.
    let created = secretary
        .post_form("/offices/mole/meetings", &csrf, &fields)
        .await;
    assert_eq!(created.status(), 200);
    let location = created.url().path().to_owned();
    assert_eq!(location, "/meetings/mole-2026-12-24");
    let page = secretary.page(&location, 200).await;
    assert_eq!(text(&page, ".meeting-stage"), "আহ্বান করা হয়েছে, নোটিশ যায়নি");
    assert_eq!(
        text(&page, "h1"),
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ৩য় পর্যালোচনা সভা",
        "headed as a meeting, not its minutes"
    );
    // Its minutes cannot be written before the day: the form says so instead of failing later.
    let minutes = secretary.page(&format!("{location}/minutes"), 200).await;
    assert!(texts(&minutes, "form.minutes-form").is_empty());
    assert_eq!(
        text(&minutes, "p.not-held"),
        "সভা এখনো হয়নি; সভার দিন বা তার পরে কার্যবিবরণী লেখা যাবে।"
    );
    let particulars = texts(&page, "dl.fields dd");
    assert!(
        particulars.contains(&"৯ পৌষ ১৪৩৩ বঙ্গাব্দ / ২৪ ডিসেম্বর ২০২৬ খ্রিস্টাব্দ".to_owned()),
        "{particulars:?}"
    );
    assert!(
        particulars.iter().any(|value| value.contains("১০.৩০")),
        "{particulars:?}"
    );
    assert_eq!(
        texts(&page, "ol.agenda li"),
        ["পূর্ববর্তী সভার সিদ্ধান্ত", "ত্রৈমাসিক অগ্রগতি"]
    );
    let invitees = texts(&page, "ol.distribution li");
    assert_eq!(invitees.len(), 10);
    assert_eq!(invitees[0], "অতিরিক্ত সচিব (প্রশাসন), শ্রম ও কর্মসংস্থান মন্ত্রণালয়");
    assert_eq!(invitees[9], "বেগম জেবুন্নেছা করিম");

    // Changed before the notice: the time moves to 11:00.
    let mut changed = fields.clone();
    changed.retain(|(name, _)| *name != "starts_at");
    changed.push(("starts_at", "11:00".to_owned()));
    let saved = secretary
        .post_form(&format!("{location}/notice"), &csrf, &changed)
        .await;
    assert_eq!(saved.url().path(), location);
    let page = secretary.page(&location, 200).await;
    assert!(
        texts(&page, "dl.fields dd")
            .iter()
            .any(|value| value.contains("১১.০০"))
    );

    // The notice needs a memo file; with one it is numbered, kept and mailed.
    let (status, _) = alerts(
        secretary
            .post(
                &format!("{location}/notice/send"),
                &[("csrf", &csrf), ("memo_file", "")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(server.mail().is_empty());
    // Before sending, the secretary sees which invitees mail will not reach.
    let page = secretary.page(&location, 200).await;
    assert_eq!(
        texts(&page, ".unreached li").len(),
        4,
        "ten invited, six with an address"
    );
    let file = attribute(&page, "select#memo_file option:nth-child(2)", "value");
    let sent = secretary
        .post(
            &format!("{location}/notice/send"),
            &[("csrf", &csrf), ("memo_file", &file)],
        )
        .await;
    assert_eq!(sent.url().path(), location);
    let page = secretary.page(&location, 200).await;
    assert!(
        texts(&page, ".unreached li").is_empty(),
        "sent, the question is over"
    );
    // The ICT Cell's file issued the office order as letter 5; the notice is letter 6.
    let memo = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬".to_owned();
    assert_eq!(
        text(&page, ".meeting-stage"),
        format!("নোটিশ জারি: স্মারক {memo}, ১ ডিসেম্বর ২০২৬")
    );
    let notice = secretary.get(&format!("{location}/notice.pdf")).await;
    assert_eq!(notice.status(), 200);
    let bytes = notice.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let printed = extract_text(&bytes);
    for expected in [
        "সভার নোটিশ",
        memo.as_str(),
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ৩য় পর্যালোচনা সভা",
        "পূর্ববর্তী সভার সিদ্ধান্ত",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)",
        "বেগম জেবুন্নেছা করিম",
        "এ.এস.এম. মেহরাব হোসেন",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    let register = secretary.page("/offices/mole/memos", 200).await;
    assert!(
        texts(&register, "td")
            .iter()
            .any(|cell| cell.contains(&memo))
    );

    // Mail went to each invitee with an address: the programmer's own, the CIO's account and the four
    // branch officers' accounts.
    let mail = server.mail();
    assert_eq!(mail.len(), 6, "{mail:?}");
    assert!(
        mail.iter()
            .any(|message| message.contains("To: programmer@mole.gov.bd"))
    );
    assert!(
        mail.iter()
            .any(|message| message.contains("To: cio@demo.udbhabon.test"))
    );
    let invitation = String::from_utf8(mail_part(&mail[0], "text/calendar")).unwrap();
    assert!(invitation.contains("METHOD:REQUEST"), "{invitation}");
    // 11:00 in Dhaka is 05:00 UTC.
    assert!(
        invitation.contains("DTSTART:20261224T050000Z"),
        "{invitation}"
    );
    assert!(invitation.contains("UID:meeting-mole-2026-12-24@udbhabon"));
    assert!(mail_part(&mail[0], "application/pdf").starts_with(b"%PDF-"));

    // The sent notice fixes the schedule.
    let (status, messages) = alerts(
        secretary
            .post_form(&format!("{location}/notice"), &csrf, &fields)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(messages.contains(&"নোটিশ জারি হয়েছে; সভার তথ্য আর বদলানো যায় না।".to_owned()));

    // Attendance waits for the day; then invitees are ticked and an uninvited officer added.
    let (status, messages) = alerts(
        secretary
            .post(&format!("{location}/attendance"), &[("csrf", &csrf)])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["সভা এখনও হয়নি; সভার দিন বা পরে উপস্থিতি লিখুন।"]);
    clock.set("2026-12-24");
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let sheet = secretary.page(&format!("{location}/attendance"), 200).await;
    let ticks: Vec<String> = {
        let boxes = Selector::parse("input[name=present]").unwrap();
        sheet
            .select(&boxes)
            .map(|element| element.value().attr("value").unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ticks.len(),
        10,
        "every invited post is held and the CIO was invited by name"
    );
    // Chosen from the names the rows suggest.
    let viewer = attribute(
        &sheet,
        "datalist#people-list option[value^='ডেমো দর্শক (#']",
        "value",
    );
    let stranger = secretary
        .post(
            &format!("{location}/attendance"),
            &[("csrf", &csrf), ("present", &viewer)],
        )
        .await;
    assert_eq!(
        stranger.status(),
        422,
        "only invitees are ticked as present"
    );
    let recorded = secretary
        .post(
            &format!("{location}/attendance"),
            &[
                ("csrf", &csrf),
                ("present", &ticks[0]),
                ("present", &ticks[8]),
                ("uninvited", &viewer),
            ],
        )
        .await;
    assert_eq!(recorded.url().path(), location);
    let page = secretary.page(&location, 200).await;
    let attendance = texts(&page, ".appendix li");
    assert_eq!(attendance.len(), 11);
    assert_eq!(attendance[0], "ডেমো কর্মকর্তা ১: উপস্থিত");
    assert_eq!(attendance[1], "ডেমো কর্মকর্তা ২: অনুপস্থিত");
    assert_eq!(attendance[8], "এ.এস.এম. মেহরাব হোসেন: উপস্থিত");
    assert_eq!(attendance[10], "ডেমো দর্শক: উপস্থিত (আমন্ত্রিত নন)");

    // The focal point may not mark the ministry's attendance either.
    let (focal, focal_csrf) = browser(&server, FOCAL).await;
    assert_eq!(
        focal
            .post(&format!("{location}/attendance"), &[("csrf", &focal_csrf)])
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn an_account_subscribes_to_its_meetings_and_deadlines() {
    let server = TestServer::start_with_clock(MovableClock::at("2026-12-01")).await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let account = secretary.page("/account", 200).await;
    assert!(texts(&account, "#calendar-address").is_empty());
    let made = secretary
        .post("/account/calendar", &[("csrf", &csrf)])
        .await;
    assert_eq!(made.status(), 200);
    let page = Html::parse_document(&made.text().await.unwrap());
    let address = attribute(&page, "#calendar-address", "value");
    let path = address
        .split_once("/calendar/")
        .map(|(_, token)| format!("/calendar/{token}"))
        .unwrap();
    assert!(path.ends_with(".ics"));

    // Read without signing in, as calendar programs do.
    let feed = server.another_browser().get(&path).await;
    assert_eq!(feed.status(), 200);
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let feed = feed.text().await.unwrap();
    assert!(feed.starts_with("BEGIN:VCALENDAR"));
    // The programmer's post is invited to the demo's December review.
    assert!(
        feed.contains("UID:meeting-mole-egov-2026-27-review-2@udbhabon"),
        "{feed}"
    );
    assert!(feed.contains("DTSTART:20261217T050000Z"), "{feed}");
    // The decision due by the 3rd of every month is next due on 3 December.
    assert!(feed.contains("DTSTART;VALUE=DATE:20261203"), "{feed}");

    // A new address ends the old one.
    let again = secretary
        .post("/account/calendar", &[("csrf", &csrf)])
        .await;
    assert_eq!(again.status(), 200);
    assert_eq!(server.another_browser().get(&path).await.status(), 404);
    let page = secretary.page("/account", 200).await;
    assert_eq!(
        text(&page, "#calendar-heading + p + p"),
        "আপনার একটি ক্যালেন্ডার ঠিকানা চালু আছে।"
    );
}

#[tokio::test]
async fn a_called_meeting_is_postponed_then_cancelled_each_with_a_numbered_notice() {
    let clock = MovableClock::at("2026-12-10");
    let server = TestServer::start_with_clock(clock).await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let meeting = "/meetings/mole-egov-2026-27-review-2";
    let change = format!("{meeting}/change");

    // Before its notice goes out, the schedule is edited instead: the form says so.
    let page = secretary.page(&change, 200).await;
    assert_eq!(
        text(&page, "p.why-not"),
        "নোটিশ এখনও যায়নি; সময়সূচিই বদলান, আলাদা নোটিশ লাগবে না।"
    );
    let page = secretary.page(meeting, 200).await;
    let file = attribute(&page, "select#memo_file option:nth-child(2)", "value");
    secretary
        .post(
            &format!("{meeting}/notice/send"),
            &[("csrf", &csrf), ("memo_file", &file)],
        )
        .await;
    // The meeting's calendar entries mailed so far, by method (the reminder job may mail beside them).
    let calendars = |method: &str| -> Vec<String> {
        server
            .mail()
            .iter()
            .filter(|mail| mail.contains(&format!("Content-Type: text/calendar; method={method}")))
            .map(|mail| String::from_utf8(mail_part(mail, "text/calendar")).unwrap())
            .collect()
    };
    let invited = calendars("REQUEST").len();
    assert!(invited > 0);

    // A viewer may not change it; the form names who mail will not reach.
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    viewer.page(&change, 403).await;
    assert_eq!(
        viewer
            .post(&change, &[("csrf", &viewer_csrf), ("kind", "cancelled")])
            .await
            .status(),
        403
    );
    let form = secretary.page(&change, 200).await;
    assert!(!texts(&form, ".unreached li").is_empty());
    assert_eq!(attribute(&form, "#held_on", "value"), "2026-12-17");
    assert_eq!(
        attribute(&form, "select#memo_file option[selected]", "value"),
        file,
        "numbered from the invitation's file"
    );

    // A day already past, or the same day and time, and no reason, are refused; nothing is sent.
    let (status, messages) = alerts(
        secretary
            .post(
                &change,
                &[
                    ("csrf", &csrf),
                    ("kind", "postponed"),
                    ("held_on", "2026-12-09"),
                    ("starts_at", "11:00"),
                    ("reason", ""),
                    ("memo_file", &file),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(
        (status, messages),
        (
            422,
            vec![
                "নতুন তারিখ আজ বা তার পরের হতে হবে।".to_owned(),
                "কারণ লিখুন।".to_owned()
            ]
        )
    );
    assert_eq!(calendars("REQUEST").len(), invited);

    // Postponed to the 22nd at 3 pm: the next number of the file, both calendars, the new schedule.
    let postponed = secretary
        .post(
            &change,
            &[
                ("csrf", &csrf),
                ("kind", "postponed"),
                ("held_on", "২২-১২-২০২৬"),
                ("starts_at", "15:00"),
                ("reason", "সভাপতির জরুরি সরকারি সফর।"),
                ("memo_file", &file),
            ],
        )
        .await;
    assert_eq!(postponed.url().path(), meeting);
    let page = Html::parse_document(&postponed.text().await.unwrap());
    let memo = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৭";
    assert_eq!(
        texts(&page, "ul.schedule-changes li"),
        [format!(
            "স্থগিত: ১৭ ডিসেম্বর ২০২৬ থেকে ২২ ডিসেম্বর ২০২৬; স্মারক {memo}; কারণ: সভাপতির জরুরি সরকারি সফর। নোটিশ"
        )]
    );
    assert!(
        texts(&page, "dl.fields dd")
            .iter()
            .any(|value| value.contains("২২ ডিসেম্বর ২০২৬"))
    );
    // The mail sink keeps no order: the moved entries are those of the first change.
    let moved: Vec<String> = calendars("REQUEST")
        .into_iter()
        .filter(|calendar| calendar.contains("SEQUENCE:1"))
        .collect();
    assert_eq!(moved.len(), invited, "every invitee mailed was told");
    assert!(
        moved[0].contains("DTSTART:20261222T090000Z"),
        "{}",
        moved[0]
    );
    let link = attribute(&page, "ul.schedule-changes a", "href");
    let pdf = secretary.get(&link).await.bytes().await.unwrap();
    let printed = extract_text(&pdf);
    for expected in [
        "সভা স্থগিতের নোটিশ",
        memo,
        "১৭ ডিসেম্বর ২০২৬",
        "২২ ডিসেম্বর ২০২৬",
        "স্থগিতের কারণ: সভাপতির জরুরি সরকারি সফর।",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }

    // Then cancelled: no more changes, no minutes, listed apart; the invitees' calendars drop it.
    let cancelled = secretary
        .post(
            &change,
            &[
                ("csrf", &csrf),
                ("kind", "cancelled"),
                ("reason", "পরবর্তী সমন্বয় সভায় বিষয়গুলো আলোচিত হবে।"),
                ("memo_file", &file),
            ],
        )
        .await;
    let page = Html::parse_document(&cancelled.text().await.unwrap());
    assert_eq!(
        text(&page, ".meeting-stage"),
        "বাতিল করা হয়েছে (১০ ডিসেম্বর ২০২৬)"
    );
    assert_eq!(texts(&page, "ul.schedule-changes li").len(), 2);
    assert!(texts(&page, "section.meeting-actions").is_empty());
    let cancellations = calendars("CANCEL");
    assert_eq!(cancellations.len(), invited);
    assert!(
        cancellations[0].contains("SEQUENCE:2") && cancellations[0].contains("STATUS:CANCELLED")
    );
    assert_eq!(
        text(&secretary.page(&change, 200).await, "p.why-not"),
        "সভাটি বাতিল করা হয়েছে।"
    );
    let list = secretary.page("/meetings", 200).await;
    assert!(
        texts(&list, "ul.cancelled li a")
            .iter()
            .any(|title| title.ends_with("২য় সভা"))
    );
    assert!(
        texts(&list, "ul.upcoming li a")
            .iter()
            .all(|title| !title.ends_with("২য় সভা"))
    );
}
