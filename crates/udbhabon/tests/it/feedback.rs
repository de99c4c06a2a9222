//! Citizens' ideas and feedback: a citizen without an account sends an idea with a photo (an empty
//! message, a contact that is neither a number nor an address, a filled trap and a disguised file
//! refused with nothing written), keeps the tracking code and looks it up; the office's focal point
//! opens the photo, answers it unpublished, then published, and only then does it show on the office's
//! page, without the sender's contact or photo; one address sending too often is refused.

use scraper::Html;

use crate::browser::assert_accessible;
use crate::server::{
    DEMO_PASSWORD, TestServer, attribute, filled, set_field, text, texts, waits_for,
};

const FORM: &str = "/offices/dife/feedback";

/// A photo's first bytes, enough for its kind to be recognised.
const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

/// Sends the public form as a browser would: multipart, the token from the page first, its cookie
/// kept by the client, and the file input (empty when no file is chosen).
async fn send(
    citizen: &TestServer,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (u16, String, Html) {
    let page = citizen.page(FORM, 200).await;
    let token = attribute(&page, "input[name=form_token]", "value");
    let mut form = reqwest::multipart::Form::new().text("form_token", token);
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if !fields.iter().any(|(name, _)| *name == "website") {
        form = form.text("website", "");
    }
    let (name, bytes) = file;
    form = form.part(
        "attachment",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
    );
    let response = citizen
        .client
        .post(format!("{}{FORM}", citizen.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let url = response.url().to_string();
    (
        status,
        url,
        Html::parse_document(&response.text().await.unwrap()),
    )
}

#[tokio::test]
async fn an_idea_is_sent_tracked_answered_and_published_without_its_senders_contact() {
    let server = TestServer::start().await;
    let citizen = server.another_browser();

    let (status, _, page) = send(
        &citizen,
        &[("kind", "idea"), ("message", " "), ("contact", "12345")],
        ("", b""),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, ".field-error"),
        [
            "আপনার বার্তা লিখুন।",
            "সঠিক মোবাইল নম্বর (০১…) বা ই-মেইল ঠিকানা লিখুন, অথবা ঘরটি ফাঁকা রাখুন।",
        ]
    );
    let idea = "কারখানা লাইসেন্সের ফি বিকাশে দেওয়া গেলে দপ্তরে আসতে হতো না।";
    let (status, _, page) = send(
        &citizen,
        &[
            ("kind", "idea"),
            ("message", idea),
            ("website", "http://spam.example"),
        ],
        ("", b""),
    )
    .await;
    assert_eq!(status, 422, "a filled trap is refused");
    assert_eq!(texts(&page, ".field-error"), ["বার্তাটি গ্রহণ করা যায়নি।"]);
    // A program disguised as a photo, and an office file: refused, what was typed kept.
    for (file, refusal) in [
        (
            ("photo.jpg", b"MZ\x90\0\x03\0\0\0".as_slice()),
            "শুধু ছবি (জেপিজি, পিএনজি, ওয়েবপি) বা পিডিএফ সংযুক্ত করা যায় (photo.jpg)।",
        ),
        (
            ("photo.pdf", PHOTO),
            "ফাইলের ভেতরের ধরন তার নামের শেষাংশের সাথে মেলে না (photo.pdf)।",
        ),
    ] {
        let (status, _, page) = send(&citizen, &[("kind", "idea"), ("message", idea)], file).await;
        assert_eq!(status, 422);
        assert_eq!(texts(&page, ".field-error"), [refusal]);
        assert_eq!(text(&page, "textarea#message"), idea);
    }

    let (status, url, page) = send(
        &citizen,
        &[
            ("kind", "idea"),
            ("message", idea),
            ("name", "রহিমা খাতুন"),
            ("contact", "০১৭১১২২৩৩৪৪"),
        ],
        ("counter.png", PHOTO),
    )
    .await;
    assert_eq!(status, 200);
    assert!(url.contains("/feedback/track?code="), "{url}");
    let code = text(&page, ".notice strong");
    assert_eq!(code.len(), 11, "{code}");
    assert!(text(&page, "main").contains("পৌঁছেছে; উত্তরের অপেক্ষায়"));
    // Typed again by hand, in small letters and without the hyphen.
    let typed = code.replace('-', "").to_lowercase();
    let page = server
        .another_browser()
        .page(&format!("/feedback/track?code={typed}"), 200)
        .await;
    assert!(text(&page, "main").contains(idea));
    assert!(
        !text(&page, "main").contains("০১৭১১২২৩৩৪৪"),
        "no contact on the tracking page"
    );
    assert!(text(&page, "main").contains("শুধু দপ্তর এটি দেখতে পায়"));
    assert!(
        page.select(&scraper::Selector::parse("a[href*=attachment]").unwrap())
            .next()
            .is_none()
    );
    let page = server
        .another_browser()
        .page("/feedback/track?code=ABCDE-FGHJK", 200)
        .await;
    assert!(text(&page, "main").contains("এই কোডে কোনো বার্তা পাওয়া যায়নি"));

    // The focal point answers; unpublished, the office's page does not show it.
    let focal = server.another_browser();
    assert_eq!(
        focal
            .sign_in("focal-dife@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let csrf = focal.csrf().await;
    let to_answer = "নাগরিকের ১টি বার্তা উত্তরের অপেক্ষায়";
    assert!(waits_for(&focal, to_answer, "/offices/dife/feedback/inbox").await);
    let inbox = focal.page("/offices/dife/feedback/inbox", 200).await;
    assert!(text(&inbox, "main").contains("রহিমা খাতুন · ০১৭১১২২৩৩৪৪"));
    assert_eq!(
        texts(&inbox, "main li.card").len(),
        1,
        "refused messages wrote nothing"
    );
    let photo = attribute(&inbox, "main li.card a[href$='/attachment']", "href");
    let opened = focal.get(&photo).await;
    assert_eq!(opened.status(), 200);
    assert_eq!(opened.headers()["content-type"], "image/png");
    assert_eq!(opened.bytes().await.unwrap().as_ref(), PHOTO);
    assert_eq!(
        citizen.get(&photo).await.url().path(),
        "/login",
        "a citizen is sent to sign in"
    );
    let action = attribute(&inbox, "main form.stacked", "action");
    let empty = focal
        .post_form(&action, &csrf, &[("answer", " ".to_owned())])
        .await;
    assert_eq!(empty.status(), 422);
    let answer = "ধন্যবাদ; অনলাইনে ফি পরিশোধের ব্যবস্থা পরীক্ষা করা হচ্ছে।";
    let saved = focal
        .post_form(&action, &csrf, &[("answer", answer.to_owned())])
        .await;
    assert_eq!(saved.status(), 200);
    assert!(!waits_for(&focal, to_answer, "/offices/dife/feedback/inbox").await);
    assert!(
        text(&server.another_browser().page(FORM, 200).await, "main")
            .contains("এখনো কোনো উত্তর প্রকাশিত হয়নি")
    );
    let page = citizen
        .page(&format!("/feedback/track?code={code}"), 200)
        .await;
    assert!(
        text(&page, "main").contains(answer),
        "the sender sees the answer"
    );

    let published = focal
        .post_form(
            &action,
            &csrf,
            &[("answer", answer.to_owned()), ("publish", "1".to_owned())],
        )
        .await;
    assert_eq!(published.status(), 200);
    let page = server.another_browser().page(FORM, 200).await;
    let main = text(&page, "main");
    assert!(main.contains(idea) && main.contains(answer), "{main}");
    assert!(
        !main.contains("০১৭১১২২৩৩৪৪") && !main.contains("রহিমা খাতুন"),
        "{main}"
    );
    assert!(
        page.select(&scraper::Selector::parse("a[href*=attachment]").unwrap())
            .next()
            .is_none(),
        "the photo is not published"
    );

    // Taken up as the office's innovation idea: the sender sees it with the code.
    let inbox = focal.page("/offices/dife/feedback/inbox", 200).await;
    let take_up = attribute(&inbox, "details form.stacked", "action");
    let mut fields = filled(&inbox, "details form.stacked", &[]);
    let (status, _) = focal.post_fields(&take_up, &csrf, &fields).await;
    assert_eq!(status, 422, "a title is needed");
    set_field(&mut fields, "title", 0, "মোবাইলে লাইসেন্স ফি পরিশোধ");
    let (status, page) = focal.post_fields(&take_up, &csrf, &fields).await;
    assert_eq!(status, 200);
    assert!(text(&page, "h1").contains("মোবাইলে লাইসেন্স ফি পরিশোধ"));
    let page = citizen
        .page(&format!("/feedback/track?code={code}"), 200)
        .await;
    assert!(text(&page, "main").contains("উদ্ভাবন ধারণা হিসেবে গৃহীত"));
    let (status, _) = focal.post_fields(&take_up, &csrf, &fields).await;
    assert_eq!(status, 422, "an idea is taken up once");

    // Another office's focal point has no way into this inbox.
    let other = server.another_browser();
    assert_eq!(
        other
            .sign_in("ms-gazipur@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        other.get("/offices/dife/feedback/inbox").await.status(),
        403
    );
    assert_eq!(other.get(&photo).await.status(), 403);

    // The form with its published answer, and what the sender sees, read on a phone.
    let base = server.base.clone();
    tokio::task::spawn_blocking(move || {
        assert_accessible(&base, &[FORM, &format!("/feedback/track?code={code}")]);
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn messages_sent_too_often_from_one_address_are_refused_and_not_kept() {
    let server = TestServer::start().await;
    let citizen = server.another_browser();
    let mut statuses = Vec::new();
    for round in 0..15 {
        let message = format!("বার্তা {round}");
        let fields = [("kind", "feedback"), ("message", message.as_str())];
        statuses.push(send(&citizen, &fields, ("", b"")).await.0);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    let (status, _, page) = send(
        &citizen,
        &[("kind", "idea"), ("message", "আরও একটি")],
        ("", b""),
    )
    .await;
    assert_eq!(status, 429);
    assert_eq!(text(&page, "h1"), "অনেকবার চেষ্টা করা হয়েছে");
    let sent = statuses.iter().filter(|status| **status == 200).count();
    let focal = server.another_browser();
    let signed = focal
        .sign_in("focal-dife@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    assert_eq!(signed.url().path(), "/account", "signed in");
    let inbox = focal.page("/offices/dife/feedback/inbox", 200).await;
    assert_eq!(
        texts(&inbox, "main li.card").len(),
        sent,
        "a refused message is not kept"
    );
}
