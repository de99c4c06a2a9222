//! Administering people, postings, accounts and roles, as the system administrator does it.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, in_office, option_value, text, texts};

const ADMIN: &str = "admin@demo.udbhabon.test";

async fn signed_in_admin() -> (TestServer, String) {
    let server = TestServer::start().await;
    assert_eq!(server.sign_in(ADMIN, DEMO_PASSWORD).await.status(), 200);
    let csrf = server.csrf().await;
    (server, csrf)
}

#[tokio::test]
async fn people_are_found_by_name_in_bengali_or_english() {
    let (server, _) = signed_in_admin().await;
    for query in ["মেহরাব", "mehrab", "MEHRAB"] {
        let page = server.page(&format!("/admin/people?q={query}"), 200).await;
        let names = texts(&page, "ul.people li a strong");
        assert_eq!(names, ["এ.এস.এম. মেহরাব হোসেন"], "{query}");
    }
    let page = server.page("/admin/people?q=মেহরাব", 200).await;
    assert_eq!(
        text(&page, "ul.people .account-email"),
        "member-secretary@demo.udbhabon.test"
    );
    assert!(text(&page, "ul.people .meta").contains("প্রোগ্রামার (আইসিটি সেল)"));
    assert_eq!(text(&page, "p.muted"), "১ জন পাওয়া গেছে");
    let none = server.page("/admin/people?q=%25", 200).await;
    assert!(
        texts(&none, "ul.people li").is_empty(),
        "a % is searched for literally"
    );
}

#[tokio::test]
async fn a_new_officer_is_added_posted_given_an_account_and_a_role_and_can_sign_in() {
    let (server, csrf) = signed_in_admin().await;
    let invalid = server
        .post(
            "/admin/people",
            &[
                ("csrf", &csrf),
                ("name_bn", " "),
                ("name_en", "Rahim Uddin"),
                ("email", "not-an-email"),
            ],
        )
        .await;
    assert_eq!(invalid.status(), 422);
    let page = scraper::Html::parse_document(&invalid.text().await.unwrap());
    assert_eq!(
        texts(&page, "p.alert"),
        ["এই ঘরটি পূরণ করুন।", "একটি সঠিক ইমেইল ঠিকানা লিখুন।"]
    );
    assert_eq!(
        attribute(&page, "input[name=name_en]", "value"),
        "Rahim Uddin",
        "what was typed is kept"
    );

    let created = server
        .post(
            "/admin/people",
            &[
                ("csrf", &csrf),
                ("name_bn", "মো. রহিম উদ্দিন"),
                ("name_en", "Md. Rahim Uddin"),
                ("phone", "01700000000"),
            ],
        )
        .await;
    let person_path = created.url().path().to_owned();
    assert!(person_path.starts_with("/admin/people/"), "{person_path}");
    let person = scraper::Html::parse_document(&created.text().await.unwrap());
    assert_eq!(text(&person, "h1"), "মো. রহিম উদ্দিন");

    // The programmer's post, taken over from 1 March 2026: Mehrab's open posting ends on 28 February.
    let programmer_post = option_value(&person, "post", "প্রোগ্রামার (আইসিটি সেল)");
    let posted = server
        .post(
            &format!("{person_path}/postings"),
            &[
                ("csrf", &csrf),
                ("post", &programmer_post),
                ("from", "2026-03-01"),
                ("charge", "regular"),
            ],
        )
        .await;
    let person = scraper::Html::parse_document(&posted.text().await.unwrap());
    assert_eq!(
        texts(&person, "table.postings tbody td:nth-child(1)"),
        ["প্রোগ্রামার (আইসিটি সেল)"]
    );
    let team_after = server
        .page("/teams/mole-innovation-team?on=2026-03-01", 200)
        .await;
    assert_eq!(
        texts(&team_after, "table.members tbody td:nth-child(4)")[8],
        "মো. রহিম উদ্দিন"
    );
    let team_before = server
        .page("/teams/mole-innovation-team?on=2026-02-28", 200)
        .await;
    assert_eq!(
        texts(&team_before, "table.members tbody td:nth-child(4)")[8],
        "এ.এস.এম. মেহরাব হোসেন"
    );

    let opened = server
        .post(
            &format!("{person_path}/account"),
            &[("csrf", &csrf), ("email", "rahim@demo.udbhabon.test")],
        )
        .await;
    let person = scraper::Html::parse_document(&opened.text().await.unwrap());
    let notice = text(&person, "p.notice");
    let password = notice
        .split("প্রথম পাসওয়ার্ড: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the password is shown")
        .to_owned();
    let taken = server
        .post(
            &format!("{person_path}/account"),
            &[("csrf", &csrf), ("email", "rahim@demo.udbhabon.test")],
        )
        .await;
    assert_eq!(taken.status(), 422);

    let account_form = attribute(&person, "form[action$='/grants']", "action");
    // The page works in the office of the person's latest posting.
    assert_eq!(
        text(&person, "section.finder .office-in-focus"),
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়"
    );
    let mole_id = attribute(
        &person,
        "form[action$='/grants'] input[name=office]",
        "value",
    );
    let granted = server
        .post(
            &account_form,
            &[
                ("csrf", &csrf),
                ("role", "member_secretary"),
                ("office", &mole_id),
            ],
        )
        .await;
    let person = scraper::Html::parse_document(&granted.text().await.unwrap());
    assert_eq!(text(&person, "ul.roles li strong"), "সদস্য সচিব");
    let history = texts(&person, "ol.history li");
    assert!(
        history.iter().all(|entry| entry.contains(ADMIN)),
        "{history:?}"
    );
    assert!(
        history.len() >= 2,
        "person and account created: {history:?}"
    );

    let rahim = server.another_browser();
    assert_eq!(
        rahim
            .sign_in("rahim@demo.udbhabon.test", &password)
            .await
            .status(),
        200
    );
    assert_eq!(
        text(&rahim.page("/account", 200).await, "ul.roles li"),
        "সদস্য সচিব · শ্রম ও কর্মসংস্থান মন্ত্রণালয়"
    );

    let revoke = attribute(&person, "ul.roles form", "action");
    server.post(&revoke, &[("csrf", &csrf)]).await;
    assert!(
        texts(&rahim.page("/account", 200).await, "ul.roles li").is_empty(),
        "the role is withdrawn at once"
    );
}

#[tokio::test]
async fn another_role_opening_an_administration_page_by_its_address_learns_nothing() {
    let server = TestServer::start().await;
    assert_eq!(
        server
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let response = server.get("/admin/people/1").await;
    assert_eq!(response.status(), 403);
    let body = response.text().await.unwrap();
    let page = scraper::Html::parse_document(&body);
    assert_eq!(text(&page, "h1"), "অনুমতি নেই");
    assert!(
        !body.contains("ইমেইল") && !body.contains("@demo.udbhabon.test\""),
        "nothing about the record is shown"
    );
    assert!(
        texts(&server.page("/", 200).await, "nav a")
            .iter()
            .all(|link| link != "প্রশাসন"),
        "no administration link"
    );
}

#[tokio::test]
async fn the_posts_list_shows_each_post_with_its_office_and_holder() {
    let (server, _) = signed_in_admin().await;
    let page = server.page("/admin/posts", 200).await;
    let rows = texts(&page, "table.posts tbody tr");
    assert!(
        rows.iter()
            .any(|row| row.starts_with("প্রোগ্রামার (আইসিটি সেল)")
                && row.ends_with("এ.এস.এম. মেহরাব হোসেন")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_records_history_shows_to_roles_that_may_see_it_and_to_nobody_else() {
    let server = TestServer::start().await;
    let team = "/teams/mole-innovation-team";
    assert!(
        texts(&server.page(team, 200).await, ".history-card").is_empty(),
        "not to a visitor"
    );
    let focal = server.another_browser();
    assert_eq!(
        focal
            .sign_in("focal-dife@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    assert!(
        texts(&focal.page(team, 200).await, ".history-card").is_empty(),
        "not to an office below"
    );
    assert_eq!(
        server
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let page = server.page(team, 200).await;
    let entries = texts(&page, ".history-card ol.history li");
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(
        entries[0].contains("udbhabon demo") && entries[0].contains("তৈরি (অফিস আদেশ)"),
        "{entries:?}"
    );
    let minutes = server
        .page("/meetings/mole-egov-2022-23-review-1", 200)
        .await;
    assert_eq!(texts(&minutes, ".history-card ol.history li").len(), 1);
}

#[tokio::test]
async fn the_memo_register_lists_the_seed_numbers_and_gives_the_member_secretary_the_next_one() {
    let server = TestServer::start().await;
    assert_eq!(
        server
            .sign_in("viewer@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let register = server.page("/offices/mole/memos", 200).await;
    assert_eq!(
        texts(&register, "table.register td.memo"),
        [
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫",
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)",
            "৪০.০০.০০০০.০৩৬.৩২.০০৬.১৭.৮৩"
        ]
    );
    assert!(
        texts(&register, "form[action='/memos']").is_empty(),
        "a viewer cannot take numbers"
    );

    let secretary = server.another_browser();
    assert_eq!(
        secretary
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let csrf = secretary.csrf().await;
    let page = secretary.page("/offices/mole/memos", 200).await;
    let file = option_value(&page, "file", "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭ —");
    let empty = secretary
        .post(
            "/offices/mole/memos",
            &[("csrf", &csrf), ("file", &file), ("purpose_bn", " ")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    let taken = secretary
        .post(
            "/offices/mole/memos",
            &[
                ("csrf", &csrf),
                ("file", &file),
                ("purpose_bn", "প্রশিক্ষণের নোটিশ"),
            ],
        )
        .await;
    let announced = taken.url().clone();
    assert_eq!(
        announced.path(),
        "/offices/mole/memos",
        "taking a number redirects to the register"
    );
    let page = scraper::Html::parse_document(&taken.text().await.unwrap());
    assert_eq!(
        text(&page, "p.notice"),
        "নতুন স্মারক নম্বর: ৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬"
    );
    let reloaded = secretary
        .get(announced.as_str().trim_start_matches(&secretary.base))
        .await;
    let reloaded = scraper::Html::parse_document(&reloaded.text().await.unwrap());
    assert_eq!(
        texts(&reloaded, "table.register td.memo").len(),
        texts(&page, "table.register td.memo").len(),
        "reloading the register takes no second number"
    );
    assert_eq!(
        texts(&page, "table.register td.memo")[0],
        "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬"
    );
    assert!(
        texts(&page, "table.register tbody tr")[0].contains("member-secretary@demo.udbhabon.test")
    );
}

#[tokio::test]
async fn a_new_post_is_added_to_an_office_and_a_unit_of_another_office_is_refused() {
    let (server, csrf) = signed_in_admin().await;
    // The page works in the ministry until another office is found by name.
    let page = server.page("/admin/posts", 200).await;
    let pick = |select: &str, label: &str| option_value(&page, select, label);
    let office_id = |page: &scraper::Html| attribute(page, "input[name=office]", "value");
    let mole = office_id(&page);
    let planning = pick("unit", "পরিকল্পনা অধিশাখা");
    let joint = pick("designation", "যুগ্মসচিব");
    let agency = in_office(&server, "/admin/posts", "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর").await;
    let dife = office_id(&agency);
    assert_ne!(mole, dife);
    assert!(
        texts(&agency, "select#unit option")
            .iter()
            .all(|unit| unit != "পরিকল্পনা অধিশাখা"),
        "only the agency's own units are offered"
    );
    let refused = server
        .post(
            "/admin/posts",
            &[
                ("csrf", &csrf),
                ("office", &dife),
                ("unit", &planning),
                ("designation", &joint),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let message = text(
        &scraper::Html::parse_document(&refused.text().await.unwrap()),
        "p.alert",
    );
    assert_eq!(message, "এই শাখাটি বেছে নেওয়া দপ্তরের নয়।");
    let added = server
        .post(
            "/admin/posts",
            &[
                ("csrf", &csrf),
                ("office", &mole),
                ("unit", &planning),
                ("designation", &joint),
                ("label_bn", "যুগ্মসচিব (পরিকল্পনা)"),
                ("label_en", "Joint Secretary (Planning)"),
            ],
        )
        .await;
    assert_eq!(added.url().path(), "/admin/posts");
    let page = scraper::Html::parse_document(&added.text().await.unwrap());
    let posts = texts(&page, "table.posts tbody td:nth-child(1)");
    let index = posts
        .iter()
        .position(|post| post == "যুগ্মসচিব (পরিকল্পনা)")
        .expect("the new post is listed");
    assert_eq!(text(&page, "table.posts caption"), "শ্রম ও কর্মসংস্থান মন্ত্রণালয়");
    assert!(index > 0);
}
