//! A forgotten password: the emailed single-use link, its expiry, and what it changes.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, text};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";

/// The text of a single-part mail, decoded as a mail client would.
fn body(mail: &str) -> String {
    use base64::Engine;
    let (headers, encoded) = mail.split_once("\r\n\r\n").expect("headers, then the body");
    if headers.contains("Content-Transfer-Encoding: base64") {
        let compact: String = encoded.split_whitespace().collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .expect("base64"),
        )
        .unwrap()
    } else {
        encoded.to_owned()
    }
}

/// The reset link in a mail.
fn reset_link(mail: &str, base: &str) -> String {
    let text = body(mail);
    let start = text
        .find(&format!("{base}/password/reset/"))
        .expect("the mail carries the link");
    text[start..].split_whitespace().next().unwrap().to_owned()
}

async fn ask_for_link(server: &TestServer, email: &str) -> reqwest::Response {
    let form = server.page("/password/forgot", 200).await;
    let token = attribute(&form, "input[name=form_token]", "value");
    server
        .post(
            "/password/forgot",
            &[("email", email), ("form_token", &token)],
        )
        .await
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let server = TestServer::start().await;
    let laptop = server.another_browser();
    assert_eq!(laptop.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    let answer = ask_for_link(&server, SECRETARY).await;
    assert_eq!(answer.status(), 200);
    assert!(
        text(
            &scraper::Html::parse_document(&answer.text().await.unwrap()),
            "p.notice"
        )
        .contains("লিংক পাঠানো হয়েছে")
    );
    let mails = server.mail();
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("To: member-secretary@demo.udbhabon.test"),
        "{}",
        mails[0]
    );
    assert!(
        body(&mails[0]).starts_with("আপনার উদ্ভাবন অ্যাকাউন্টের পাসওয়ার্ড নতুন করে ঠিক করতে"),
        "the mail is in Bengali"
    );
    let link = reset_link(&mails[0], &server.base);
    let path = link.trim_start_matches(&server.base).to_owned();

    let form = server.page(&path, 200).await;
    assert_eq!(attribute(&form, "form.stacked", "action"), path);
    let token = attribute(&form, "input[name=form_token]", "value");
    let mismatch = server
        .post(
            &path,
            &[
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "another-password"),
                ("form_token", &token),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), 422);
    let done = server
        .post(
            &path,
            &[
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("form_token", &token),
            ],
        )
        .await;
    assert_eq!(done.url().path(), "/login");
    assert_eq!(
        text(
            &scraper::Html::parse_document(&done.text().await.unwrap()),
            "p.notice"
        ),
        "নতুন পাসওয়ার্ড ঠিক হয়েছে। এখন নতুন পাসওয়ার্ড দিয়ে প্রবেশ করুন।"
    );
    assert!(
        laptop
            .get("/account")
            .await
            .url()
            .path()
            .starts_with("/login"),
        "the laptop is signed out"
    );
    assert_eq!(server.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 401);
    assert_eq!(
        server.sign_in(SECRETARY, "নতুন-পাসওয়ার্ড-২০২৬").await.status(),
        200
    );

    let reused = server.get(&path).await;
    assert_eq!(reused.status(), 410);
    let token = server.form_token().await;
    let again = server
        .post(
            &path,
            &[
                ("new", "another-new-password"),
                ("confirm", "another-new-password"),
                ("form_token", &token),
            ],
        )
        .await;
    assert_eq!(again.status(), 410);
    assert!(
        text(
            &scraper::Html::parse_document(&again.text().await.unwrap()),
            "p.alert"
        )
        .contains("আগেই ব্যবহার করা হয়েছে")
    );
}

#[tokio::test]
async fn an_older_link_stops_working_once_a_newer_one_is_sent() {
    let server = TestServer::start().await;
    let path_in = |mail: &String| {
        reset_link(mail, &server.base)
            .trim_start_matches(&server.base)
            .to_owned()
    };
    ask_for_link(&server, SECRETARY).await;
    let first = server.mail();
    ask_for_link(&server, SECRETARY).await;
    let second: Vec<String> = server
        .mail()
        .into_iter()
        .filter(|mail| !first.contains(mail))
        .collect();
    assert_eq!((first.len(), second.len()), (1, 1));
    let paths = [path_in(&first[0]), path_in(&second[0])];
    let token = server.form_token().await;
    let older = server
        .post(
            &paths[0],
            &[
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("form_token", &token),
            ],
        )
        .await;
    assert_eq!(older.status(), 410, "the first link was superseded");
    assert_eq!(
        server.sign_in(SECRETARY, "নতুন-পাসওয়ার্ড-২০২৬").await.status(),
        401
    );
    let token = server.form_token().await;
    let newer = server
        .post(
            &paths[1],
            &[
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("form_token", &token),
            ],
        )
        .await;
    assert_eq!(newer.url().path(), "/login");
    assert_eq!(
        server.sign_in(SECRETARY, "নতুন-পাসওয়ার্ড-২০২৬").await.status(),
        200
    );
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let server = TestServer::start().await;
    let answer = ask_for_link(&server, "nobody@demo.udbhabon.test").await;
    assert_eq!(answer.status(), 200);
    assert!(
        text(
            &scraper::Html::parse_document(&answer.text().await.unwrap()),
            "p.notice"
        )
        .contains("লিংক পাঠানো হয়েছে")
    );
    assert!(server.mail().is_empty());
    let forged = server
        .post(
            "/password/forgot",
            &[("email", SECRETARY), ("form_token", "forged")],
        )
        .await;
    assert_eq!(forged.status(), 403);
    assert!(server.mail().is_empty());
}

#[tokio::test]
async fn a_made_up_link_is_refused_with_a_way_to_ask_again() {
    let server = TestServer::start().await;
    let page = server.get("/password/reset/not-a-real-token").await;
    assert_eq!(page.status(), 410);
    let page = scraper::Html::parse_document(&page.text().await.unwrap());
    assert_eq!(
        attribute(&page, "a[href='/password/forgot']", "href"),
        "/password/forgot"
    );
}
