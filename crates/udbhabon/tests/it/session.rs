//! Signing in and out, locking after wrong passwords, CSRF, password changes and the rate limit.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, text, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";

#[tokio::test]
async fn the_member_secretary_signs_in_and_sees_their_name_and_role() {
    let server = TestServer::start().await;
    let response = server.sign_in(SECRETARY, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    assert!(response.url().path().ends_with("/account"));
    let account = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(text(&account, ".card h2"), "এ.এস.এম. মেহরাব হোসেন");
    assert_eq!(
        text(&account, "ul.roles li"),
        "সদস্য সচিব · শ্রম ও কর্মসংস্থান মন্ত্রণালয়"
    );
    assert_eq!(text(&account, "a.who"), "এ.এস.এম. মেহরাব হোসেন");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_new_at_every_sign_in() {
    let server = TestServer::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let sign_in = async || {
        let page = client
            .get(format!("{}/login", server.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = attribute(
            &scraper::Html::parse_document(&page),
            "input[name=form_token]",
            "value",
        );
        let response = client
            .post(format!("{}/login", server.base))
            .form(&[
                ("email", SECRETARY),
                ("password", DEMO_PASSWORD),
                ("form_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303);
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|value| value.to_str().unwrap().to_owned())
            .find(|cookie| cookie.starts_with("udbhabon_session="))
            .expect("a session cookie")
    };
    let first = sign_in().await;
    assert!(
        first.contains("HttpOnly") && first.contains("SameSite=Lax") && first.contains("Path=/"),
        "{first}"
    );
    assert!(
        !first.contains("Secure"),
        "served over plain http here: {first}"
    );
    let second = sign_in().await;
    assert_ne!(
        first.split(';').next(),
        second.split(';').next(),
        "signing in again gives a new session id"
    );
}

#[tokio::test]
async fn a_wrong_password_or_unknown_email_gets_the_same_clear_message_and_no_session() {
    let server = TestServer::start().await;
    for (email, password) in [
        (SECRETARY, "wrong password 1"),
        ("nobody@demo.udbhabon.test", DEMO_PASSWORD),
    ] {
        let response = server.sign_in(email, password).await;
        assert_eq!(response.status(), 401);
        let page = scraper::Html::parse_document(&response.text().await.unwrap());
        assert!(
            text(&page, "p.alert").starts_with("ইমেইল বা পাসওয়ার্ড সঠিক নয়"),
            "{}",
            text(&page, "p.alert")
        );
        assert_eq!(attribute(&page, "input[name=email]", "value"), email);
    }
    let account = server.get("/account").await;
    assert!(
        account.url().path().starts_with("/login"),
        "still signed out: {}",
        account.url()
    );
}

#[tokio::test]
async fn the_fifth_wrong_password_locks_the_account_and_a_locked_account_answers_like_an_unknown_one()
 {
    let server = TestServer::start().await;
    for attempt in 1..=5 {
        assert_eq!(
            server.sign_in(SECRETARY, "wrong password!").await.status(),
            401,
            "attempt {attempt}"
        );
    }
    let locked = server.sign_in(SECRETARY, DEMO_PASSWORD).await;
    assert_eq!(
        locked.status(),
        401,
        "the right password is refused while locked"
    );
    let unknown = server
        .sign_in("nobody@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    assert_eq!(unknown.status(), 401);
    let message = |body: String| text(&scraper::Html::parse_document(&body), "p.alert");
    let (locked, unknown) = (
        message(locked.text().await.unwrap()),
        message(unknown.text().await.unwrap()),
    );
    assert_eq!(
        locked, unknown,
        "nothing tells a locked account from an unknown email"
    );
    assert!(locked.contains("১৫ মিনিটের জন্য বন্ধ"), "{locked}");
    assert!(
        server
            .get("/account")
            .await
            .url()
            .path()
            .starts_with("/login"),
        "still signed out"
    );
}

#[tokio::test]
async fn a_form_posted_without_its_token_is_refused_and_changes_nothing() {
    let server = TestServer::start().await;
    assert_eq!(server.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    let refused = server.post("/logout", &[("csrf", "forged")]).await;
    assert_eq!(refused.status(), 403);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "ফর্মটির মেয়াদ শেষ");
    assert_eq!(
        server.get("/account").await.url().path(),
        "/account",
        "still signed in"
    );
    let login = server
        .post(
            "/login",
            &[("email", SECRETARY), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(login.status(), 403, "the sign-in form needs its token too");
}

#[tokio::test]
async fn signing_out_ends_this_session_and_everywhere_ends_the_others() {
    let server = TestServer::start().await;
    let laptop = server.another_browser();
    assert_eq!(server.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    assert_eq!(laptop.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    let csrf = server.csrf().await;
    let out = server.post("/logout/everywhere", &[("csrf", &csrf)]).await;
    assert!(out.url().path().starts_with("/login"));
    assert!(
        laptop
            .get("/account")
            .await
            .url()
            .path()
            .starts_with("/login"),
        "the other device is signed out"
    );
    assert_eq!(laptop.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    let csrf = laptop.csrf().await;
    laptop.post("/logout", &[("csrf", &csrf)]).await;
    assert!(
        laptop
            .get("/account")
            .await
            .url()
            .path()
            .starts_with("/login")
    );
}

#[tokio::test]
async fn a_password_change_keeps_this_session_ends_the_others_and_retires_the_old_password() {
    let server = TestServer::start().await;
    let phone = server.another_browser();
    assert_eq!(server.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    assert_eq!(phone.sign_in(SECRETARY, DEMO_PASSWORD).await.status(), 200);
    let csrf = server.csrf().await;
    let mismatch = server
        .post(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", DEMO_PASSWORD),
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "different-one-2026"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), 422);
    let short = server
        .post(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", DEMO_PASSWORD),
                ("new", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(short.status(), 422);
    let page = scraper::Html::parse_document(&short.text().await.unwrap());
    assert_eq!(text(&page, "p.alert"), "পাসওয়ার্ড অন্তত ১০ অক্ষরের হতে হবে।");
    let changed = server
        .post(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", DEMO_PASSWORD),
                ("new", "নতুন-পাসওয়ার্ড-২০২৬"),
                ("confirm", "নতুন-পাসওয়ার্ড-২০২৬"),
            ],
        )
        .await;
    assert_eq!(changed.url().path(), "/account");
    let notice = texts(
        &scraper::Html::parse_document(&changed.text().await.unwrap()),
        "p.notice",
    );
    assert_eq!(
        notice,
        ["পাসওয়ার্ড পরিবর্তন হয়েছে। অন্য সব ডিভাইস থেকে প্রস্থান করানো হয়েছে।"]
    );
    assert!(
        phone
            .get("/account")
            .await
            .url()
            .path()
            .starts_with("/login"),
        "the phone is signed out"
    );
    assert_eq!(
        phone.sign_in(SECRETARY, DEMO_PASSWORD).await.status(),
        401,
        "the old password is retired"
    );
    assert_eq!(
        phone.sign_in(SECRETARY, "নতুন-পাসওয়ার্ড-২০২৬").await.status(),
        200
    );
}

#[tokio::test]
async fn a_burst_of_sign_in_attempts_from_one_address_is_slowed_with_a_bengali_message() {
    let server = TestServer::start().await;
    let mut statuses = Vec::new();
    for _ in 0..14 {
        statuses.push(
            server
                .sign_in("nobody@demo.udbhabon.test", "wrong password")
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    let refused = server
        .sign_in("nobody@demo.udbhabon.test", "wrong password")
        .await;
    assert_eq!(refused.status(), 429);
    assert_eq!(
        text(
            &scraper::Html::parse_document(&refused.text().await.unwrap()),
            "h1"
        ),
        "অনেকবার চেষ্টা করা হয়েছে"
    );
}
