//! Minutes written in the system for the demo's December review: the previous meeting's open decisions
//! under the first agenda item, decisions refused without a responsible body or with a deadline before
//! the meeting, circulation with members' comments, the CIO's approval, issue under the next memo
//! number with the PDF mailed to the distribution, and the decisions followed from then on; at each
//! hand-off the next person's home page says that the step waits for them, and stops saying so once it
//! is taken.

use scraper::Html;

use crate::pdf::pdftotext;
use crate::plans::{alerts, browser};
use crate::server::{
    MovableClock, TestServer, attribute, mail_part, option_value, text, texts, waits_for,
};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const MEMBER: &str = "member@demo.udbhabon.test";
const CIO: &str = "cio@demo.udbhabon.test";
const FOCAL: &str = "focal-dife@demo.udbhabon.test";
const MEETING: &str = "/meetings/mole-egov-2026-27-review-2";

/// The value of the option of the responsible bodies' list of row `row` whose label starts `label`.
fn responsible(form: &Html, row: usize, label: &str) -> String {
    option_value(form, &format!("responsible_{row}"), label)
}

/// Three decisions: under the opening (yearly), under agenda item 1 (by a date, the team), under agenda
/// item 2 (by the 3rd of every month, the agencies and the DIFE).
fn decisions(form: &Html) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        (
            "opening_bn",
            "সভাপতি সকলকে স্বাগত জানিয়ে সভা শুরু করেন।".to_owned(),
        ),
        ("opening_en", "The chair opened the meeting.".to_owned()),
        (
            "closing_bn",
            "সভাপতি সকলকে ধন্যবাদ জানিয়ে সভা শেষ করেন।".to_owned(),
        ),
        ("closing_en", "The chair closed the meeting.".to_owned()),
        (
            "discussion_bn",
            "পূর্ববর্তী সভার ছয়টি সিদ্ধান্ত পর্যালোচনা করা হয়।".to_owned(),
        ),
        (
            "discussion_en",
            "The six decisions were reviewed.".to_owned(),
        ),
        (
            "discussion_bn",
            "প্রথম ত্রৈমাসিকের অগ্রগতি উপস্থাপন করা হয়।".to_owned(),
        ),
        (
            "discussion_en",
            "The first quarter was presented.".to_owned(),
        ),
        ("discussion_bn", String::new()),
        ("discussion_en", String::new()),
    ];
    let rows = [
        ("", "বার্ষিক উদ্ভাবন পুরস্কার প্রদান করতে হবে।", "yearly", "", ""),
        (
            "0",
            "পূর্ববর্তী সভার অসম্পন্ন সিদ্ধান্ত সম্পন্ন করতে হবে।",
            "by",
            "2026-12-31",
            "",
        ),
        (
            "1",
            "দপ্তর/সংস্থাসমূহ প্রতি মাসের ৩ তারিখের মধ্যে অগ্রগতি পাঠাবে।",
            "monthly",
            "",
            "৩",
        ),
    ];
    for (item, text, kind, date, day) in rows {
        fields.push(("decision_item", item.to_owned()));
        fields.push(("decision_bn", text.to_owned()));
        fields.push(("decision_en", String::new()));
        fields.push(("deadline_kind", kind.to_owned()));
        fields.push(("deadline_on", date.to_owned()));
        fields.push(("deadline_day", day.to_owned()));
    }
    fields.push((
        "responsible",
        responsible(form, 0, "শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের সকল"),
    ));
    fields.push((
        "responsible",
        responsible(form, 1, "শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের ইনোভেশন টিম"),
    ));
    fields.push((
        "responsible",
        responsible(form, 2, "শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের আওতাধীন"),
    ));
    fields.push((
        "responsible",
        responsible(form, 2, "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"),
    ));
    fields
}

/// A refused step's status and the message of its error page.
async fn refusal(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let page = Html::parse_document(&response.text().await.unwrap());
    (status, text(&page, ".error p"))
}

#[tokio::test]
async fn minutes_are_written_circulated_approved_issued_and_then_followed() {
    // The meeting's own day: written, circulated, approved and issued the day it is held.
    let clock = MovableClock::at("2026-12-17");
    let server = TestServer::start_with_clock(clock).await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;

    // The form lists the previous meeting's six open decisions under the first agenda item.
    let form = secretary.page(&format!("{MEETING}/minutes"), 200).await;
    let previous = texts(&form, "ul.previous-decisions li");
    assert_eq!(previous.len(), 6, "{previous:?}");
    assert!(previous[0].starts_with("২.১ — "), "{previous:?}");
    assert!(
        text(&form, "textarea#opening_bn").starts_with("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে"),
        "a first draft starts from the standard opening"
    );

    // A decision without a responsible body, and one due before the meeting, are refused whole.
    let mut bad = decisions(&form);
    bad.retain(|(name, _)| *name != "responsible");
    for (name, value) in &mut bad {
        if *name == "deadline_on" && value == "2026-12-31" {
            *value = "2026-12-01".to_owned();
        }
    }
    let (status, messages) = alerts(
        secretary
            .post_form(&format!("{MEETING}/minutes"), &csrf, &bad)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        messages.contains(&"সিদ্ধান্তটি কে বাস্তবায়ন করবে তা বাছুন।".to_owned()),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"সময়সীমা সভার তারিখের আগে হতে পারে না।".to_owned()),
        "{messages:?}"
    );
    let page = secretary.page(MEETING, 200).await;
    assert!(
        texts(&page, ".minutes-stage").is_empty(),
        "nothing was saved"
    );

    // Saved: the serials follow the paragraphs: 2.1 under the opening, 3.1 and 4.1 under the items.
    let saved = secretary
        .post_form(&format!("{MEETING}/minutes"), &csrf, &decisions(&form))
        .await;
    assert_eq!(saved.url().path(), MEETING);
    let page = secretary.page(MEETING, 200).await;
    assert_eq!(text(&page, ".minutes-stage"), "কার্যবিবরণী: খসড়া");
    let serials = texts(&page, ".minutes-text table.decisions td.serial");
    assert_eq!(serials, ["২.১", "৩.১", "৪.১"]);
    assert_eq!(
        texts(&page, ".minutes-text table.previous td.serial").len(),
        6,
        "the previous decisions under agenda item 1"
    );
    // A draft's decisions are nobody's to carry out yet.
    let tracker = secretary.page("/decisions", 200).await;
    assert!(!texts(&tracker, "table.tracker td.serial").contains(&"৩.১".to_owned()));

    // Not issued before approval.
    let (status, message) = refusal(
        secretary
            .post(
                &format!("{MEETING}/minutes/issue"),
                &[("csrf", &csrf), ("memo_file", "1")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(message, "কার্যবিবরণী অনুমোদিত হয়নি; অনুমোদনের পরে জারি করা যাবে।");

    // Circulated: members with an address are told; a member comments, the DIFE's focal point may not.
    let sent = secretary
        .post(&format!("{MEETING}/minutes/circulate"), &[("csrf", &csrf)])
        .await;
    assert_eq!(sent.url().path(), MEETING);
    let mail = server.mail();
    assert_eq!(
        mail.len(),
        5,
        "the programmer and the four branch officers are the invitees with an address"
    );
    assert!(
        mail.iter()
            .any(|message| message.contains("To: programmer@mole.gov.bd"))
    );
    let (status, _) = alerts(
        secretary
            .post_form(&format!("{MEETING}/minutes"), &csrf, &decisions(&form))
            .await,
    )
    .await;
    assert_eq!(status, 422, "circulated minutes are not changed");
    let (member, member_csrf) = browser(&server, MEMBER).await;
    assert!(waits_for(&member, "আপনার মতামতের অপেক্ষায়: কার্যবিবরণী", MEETING).await);
    let (cio, cio_csrf) = browser(&server, CIO).await;
    assert!(waits_for(&cio, "আপনার অনুমোদনের অপেক্ষায়: কার্যবিবরণী", MEETING).await);
    let commented = member
        .post(
            &format!("{MEETING}/minutes/comments"),
            &[
                ("csrf", &member_csrf),
                ("comment", "সিদ্ধান্ত ৩.১-এ বাজেট শাখা যোগ করা যায়।"),
            ],
        )
        .await;
    assert_eq!(commented.url().path(), MEETING);
    assert!(
        !waits_for(&member, "আপনার মতামতের অপেক্ষায়: কার্যবিবরণী", MEETING).await,
        "commented, it no longer waits for the member"
    );
    let (focal, focal_csrf) = browser(&server, FOCAL).await;
    assert_eq!(
        focal
            .post(
                &format!("{MEETING}/minutes/comments"),
                &[("csrf", &focal_csrf), ("comment", "মন্তব্য")],
            )
            .await
            .status(),
        403
    );
    let page = secretary.page(MEETING, 200).await;
    let comments = texts(&page, ".minutes-comments .comments li");
    assert_eq!(comments.len(), 1);
    assert!(comments[0].contains("সিদ্ধান্ত ৩.১-এ বাজেট শাখা যোগ করা যায়।"));

    // Approved by the CIO, not by the member secretary.
    assert_eq!(
        secretary
            .post(&format!("{MEETING}/minutes/approve"), &[("csrf", &csrf)])
            .await
            .status(),
        403
    );
    let approved = cio
        .post(
            &format!("{MEETING}/minutes/approve"),
            &[("csrf", &cio_csrf)],
        )
        .await;
    assert_eq!(approved.url().path(), MEETING);
    assert!(!waits_for(&cio, "আপনার অনুমোদনের অপেক্ষায়: কার্যবিবরণী", MEETING).await);
    assert!(waits_for(&secretary, "অনুমোদিত কার্যবিবরণী জারি করতে হবে", MEETING).await);
    let page = secretary.page(MEETING, 200).await;
    assert_eq!(
        text(&page, ".minutes-stage"),
        "কার্যবিবরণী: অনুমোদিত, জারির অপেক্ষায়"
    );
    assert!(text(&page, ".minutes-text .notice").starts_with("অনুমোদন করেছেন বেগম জেবুন্নেছা করিম"));

    // Issued once attendance is recorded, under the ICT Cell file's next number; the PDF keeps every
    // decision and the appendix.
    let file = attribute(&page, "select#issue_memo_file option:nth-child(2)", "value");
    let (status, message) = refusal(
        secretary
            .post(
                &format!("{MEETING}/minutes/issue"),
                &[("csrf", &csrf), ("memo_file", &file)],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(message.starts_with("উপস্থিতি লেখা হয়নি"), "{message}");
    let sheet = secretary.page(&format!("{MEETING}/attendance"), 200).await;
    let present = attribute(&sheet, "input[name=present]", "value");
    let recorded = secretary
        .post(
            &format!("{MEETING}/attendance"),
            &[("csrf", &csrf), ("present", &present)],
        )
        .await;
    assert_eq!(recorded.url().path(), MEETING);
    // Until they are issued, the minutes and the attendance are the office's own: a visitor signed
    // out sees what the notice said and nothing of the approved draft.
    let visitor = server.another_browser();
    let public = visitor.page(MEETING, 200).await;
    assert!(texts(&public, ".minutes-text table.decisions td.serial").is_empty());
    assert!(
        texts(&public, "section.appendix li").is_empty(),
        "no attendance"
    );
    assert!(texts(&public, ".minutes-stage").is_empty());
    let html = public.html();
    for draft in [
        "সভাপতি সকলকে স্বাগত জানিয়ে সভা শুরু করেন।",
        "প্রথম ত্রৈমাসিকের অগ্রগতি উপস্থাপন করা হয়।",
        "অনুমোদন করেছেন",
    ] {
        assert!(!html.contains(draft), "a visitor reads {draft}");
    }
    assert!(
        !texts(&secretary.page(MEETING, 200).await, "section.appendix li").is_empty(),
        "the office's own officers read the attendance"
    );
    // Before issuing, the minutes' PDF as it will be issued, marked as a preview on every page; the
    // visitor and the DIFE's focal point do not read it.
    let page = secretary.page(MEETING, 200).await;
    let preview = attribute(&page, "p.downloads a.preview", "href");
    assert_eq!(preview, format!("{MEETING}/minutes/preview.pdf"));
    let pdf = secretary.get(&preview).await.bytes().await.unwrap();
    let printed = pdftotext(&pdf, "-raw");
    for expected in [
        "খসড়া — জারি হয়নি",
        "পূর্ববর্তী সভার অসম্পন্ন সিদ্ধান্ত সম্পন্ন করতে হবে।",
        "অফিস কপি/গার্ড ফাইল",
        "এ.এস.এম. মেহরাব হোসেন",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    assert_eq!(
        visitor.get(&preview).await.url().path(),
        "/login",
        "signed out, it asks to sign in"
    );
    let (focal, _) = browser(&server, FOCAL).await;
    assert_eq!(focal.get(&preview).await.status(), 403);
    let issued = secretary
        .post(
            &format!("{MEETING}/minutes/issue"),
            &[("csrf", &csrf), ("memo_file", &file)],
        )
        .await;
    assert_eq!(issued.url().path(), MEETING);
    // The distribution with an address receives the minutes as issued (the mail of circulation carried
    // only a link).
    let with_minutes: Vec<String> = server
        .mail()
        .into_iter()
        .filter(|message| message.contains("application/pdf"))
        .collect();
    assert_eq!(
        with_minutes.len(),
        5,
        "the invitees with an address, as at circulation"
    );
    assert!(
        with_minutes
            .iter()
            .all(|message| mail_part(message, "application/pdf").starts_with(b"%PDF-"))
    );
    assert!(!waits_for(&secretary, "অনুমোদিত কার্যবিবরণী জারি করতে হবে", MEETING).await);
    let calendar = secretary.page("/meetings", 200).await;
    assert!(
        texts(&calendar, "ul.meetings.held li a")
            .iter()
            .any(|title| title.contains("২০২৬-২০২৭-এর বাস্তবায়ন অগ্রগতি পর্যালোচনা সংক্রান্ত ২য় সভা")),
        "held today with its minutes issued, it is no longer to come"
    );
    let page = secretary.page(MEETING, 200).await;
    assert_eq!(text(&page, ".meeting-stage"), "কার্যবিবরণী জারি হয়েছে");
    assert!(texts(&page, ".minutes-stage").is_empty());
    assert_eq!(text(&page, "dd.memo"), "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬");
    let public = visitor.page(MEETING, 200).await;
    assert_eq!(
        texts(&public, ".minutes-text table.decisions td.serial"),
        ["২.১", "৩.১", "৪.১"],
        "issued minutes are public"
    );
    let pdf = secretary.get(&format!("{MEETING}/minutes.pdf")).await;
    assert_eq!(pdf.status(), 200);
    let printed = pdftotext(&pdf.bytes().await.unwrap(), "-raw");
    for expected in [
        "২য় সভার কার্যবিবরণী",
        "২। সভাপতি সকলকে স্বাগত জানিয়ে সভা শুরু করেন।",
        "৩। আলোচ্যসূচি-১: পূর্ববর্তী সভার সিদ্ধান্ত বাস্তবায়নের অগ্রগতি",
        "৪। আলোচ্যসূচি-২:",
        "৬। সভাপতি সকলকে ধন্যবাদ জানিয়ে সভা শেষ করেন।",
        "৩.১",
        "৪.১",
        "দপ্তর/সংস্থাসমূহ প্রতি মাসের ৩ তারিখের মধ্যে অগ্রগতি পাঠাবে।",
        // 3.1's text names no date: the deadline given as a field is printed under it.
        "৩১ ডিসেম্বর ২০২৬-এর মধ্যে",
        "পরিশিষ্ট-ক",
        "ডেমো কর্মকর্তা ১ উপস্থিত",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)",
        "অফিস কপি/গার্ড ফাইল",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }

    secretary.choose("en").await;
    let english = secretary.get(&format!("{MEETING}/minutes.pdf")).await;
    let printed = pdftotext(&english.bytes().await.unwrap(), "-raw");
    for expected in [
        "Minutes of the 2nd meeting on reviewing",
        "3. Agenda item 1: Progress on the decisions of the previous meeting",
        "Office copy/guard file",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    secretary.choose("bn").await;

    // Issued minutes are fixed, and their decisions are followed.
    let (status, messages) = alerts(
        secretary
            .post_form(&format!("{MEETING}/minutes"), &csrf, &decisions(&form))
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["কার্যবিবরণী জারি হয়েছে; সভার তথ্য আর বদলানো যায় না।"]);
    let tracker = secretary.page("/decisions", 200).await;
    let serials = texts(&tracker, "table.tracker td.serial");
    for serial in ["২.১", "৩.১", "৪.১"] {
        assert!(
            serials.contains(&serial.to_owned()),
            "{serial} in {serials:?}"
        );
    }
}
