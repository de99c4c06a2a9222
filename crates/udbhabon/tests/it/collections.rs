//! A month of the monthly e-filing return (decision 2.4): the ICT Cell starts it for four branches, the
//! branches submit with the dak register as evidence (one late, one never), reminders go out on their
//! days to the right people exactly once, the board shows who stands where, and the e-filing share
//! reaches the plan's indicator.

use scraper::Html;

use crate::plans::{PDF, alerts, browser, indicator_ids};
use crate::server::{MovableClock, TestServer, mail_part, text, texts, upload_form};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const CIO: &str = "cio@demo.udbhabon.test";
const BRANCHES: [(&str, &str); 4] = [
    ("officer-admin@demo.udbhabon.test", "প্রশাসন অধিশাখা"),
    ("officer-operations@demo.udbhabon.test", "পরিচালনা অধিশাখা"),
    ("officer-budget@demo.udbhabon.test", "বাজেট অধিশাখা"),
    ("officer-labour@demo.udbhabon.test", "শ্রম অধিশাখা"),
];
const KEY: &str = "mole-e-filing-2022";
const OCTOBER: &str = "/collections/mole-e-filing-2022/periods/2022-10-01/respondents";

/// The collection's own mails (not the decision reminders the same job sends), as (to, plain text).
fn collection_mail(server: &TestServer) -> Vec<(String, String)> {
    server
        .mail()
        .iter()
        .filter_map(|mail| {
            let body = String::from_utf8(mail_part(mail, "text/plain")).unwrap();
            let to = mail
                .lines()
                .find_map(|line| line.strip_prefix("To: "))?
                .to_owned();
            body.contains("ই-ফাইলিংয়ের মাসিক তথ্য (").then_some((to, body))
        })
        .collect()
}

/// How many of the collection's mails went to each branch officer, in `BRANCHES` order.
fn per_branch(mail: &[(String, String)]) -> [usize; 4] {
    BRANCHES.map(|(email, _)| mail.iter().filter(|(to, _)| to == email).count())
}

/// Each respondent's link on the board, by branch name.
fn respondent_links(board: &Html) -> Vec<(String, String)> {
    let link = scraper::Selector::parse("tr.respondent-row td a").unwrap();
    board
        .select(&link)
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap().to_owned(),
            )
        })
        .collect()
}

/// Submits the month's figures with the dak register's copy.
async fn submit(
    server: &TestServer,
    email: &str,
    path: &str,
    counts: [&str; 6],
    files: &[(&str, &[u8])],
) -> reqwest::Response {
    let (officer, csrf) = browser(server, email).await;
    let names = [
        "dak_total",
        "dak_e",
        "files_total",
        "files_e",
        "notes_total",
        "notes_e",
    ];
    // The token comes first, as the page's form sends it.
    let mut fields: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    fields.extend(names.into_iter().zip(counts));
    fields.push(("note", "মাসের ডাক গ্রহণ রেজিস্টার সংযুক্ত।"));
    officer
        .client
        .post(format!("{}{path}", officer.base))
        .multipart(upload_form(&fields, files))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_month_of_e_filing_returns_is_collected_reminded_escalated_and_counted() {
    let clock = MovableClock::at("2022-10-27");
    let server = TestServer::start_with_clock(clock.clone()).await;

    // The member secretary starts the return for four branches, monthly by the 3rd.
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let form = secretary.page("/offices/mole/collections/new", 200).await;
    let checkbox = scraper::Selector::parse("fieldset.respondents label").unwrap();
    let input = scraper::Selector::parse("input").unwrap();
    let chosen: Vec<String> = form
        .select(&checkbox)
        .filter(|label| {
            let name: String = label.text().collect();
            BRANCHES.iter().any(|(_, branch)| name.trim() == *branch)
        })
        .map(|label| {
            label
                .select(&input)
                .next()
                .unwrap()
                .value()
                .attr("value")
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(chosen.len(), 4, "the four branches are offered");
    let mut fields = vec![
        ("key", KEY.to_owned()),
        ("kind", "e_filing_return".to_owned()),
        ("title_bn", "ই-ফাইলিংয়ের মাসিক তথ্য".to_owned()),
        ("title_en", "Monthly e-filing return".to_owned()),
        ("recurrence", "monthly".to_owned()),
        ("opens_on", "২০-১০-২০২২".to_owned()),
        ("due_day", "৩১".to_owned()),
        ("late_allowed", "1".to_owned()),
        ("evidence_required", "1".to_owned()),
    ];
    // A due day no month has everywhere is refused, and nothing is started.
    let refused = secretary
        .post_form("/offices/mole/collections", &csrf, &fields)
        .await;
    assert_eq!(
        alerts(refused).await,
        (
            422,
            vec![
                "পরের মাসের ১ থেকে ২৮-এর মধ্যে একটি তারিখ লিখুন।".to_owned(),
                "অন্তত একটি দপ্তর বা শাখা বেছে নিন।".to_owned()
            ]
        )
    );
    fields[6].1 = "৩".to_owned();
    fields.extend(chosen.iter().map(|value| ("respondent", value.clone())));
    let created = secretary
        .post_form("/offices/mole/collections", &csrf, &fields)
        .await;
    assert_eq!(created.url().path(), format!("/collections/{KEY}"));
    let board = Html::parse_document(&created.text().await.unwrap());
    assert_eq!(text(&board, "dd.period"), "অক্টোবর ২০২২");
    assert_eq!(
        text(&board, "p.summary"),
        "৪টির মধ্যে ০টি জমা পড়েছে (০%); সময়মতো ০%।"
    );
    let links = respondent_links(&board);
    assert_eq!(
        links
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>(),
        BRANCHES.map(|(_, name)| name)
    );
    assert!(links[0].1.starts_with(OCTOBER), "{}", links[0].1);
    let page_of = |index: usize| links[index].1.clone();

    // 27 October: a week to go, nothing is sent.
    server.app().run_jobs().await.unwrap();
    assert!(collection_mail(&server).is_empty());

    // 31 October: three days before the 3rd, each branch officer is reminded once.
    clock.set("2022-10-31");
    server.app().run_jobs().await.unwrap();
    server.app().run_jobs().await.unwrap();
    let mail = collection_mail(&server);
    assert_eq!(per_branch(&mail), [1, 1, 1, 1]);
    let (_, admin_mail) = mail.iter().find(|(to, _)| to == BRANCHES[0].0).unwrap();
    assert!(
        admin_mail
            .contains("প্রশাসন অধিশাখার ই-ফাইলিংয়ের মাসিক তথ্য (অক্টোবর ২০২২) জমার শেষ তারিখ ৩ নভেম্বর ২০২২।"),
        "{admin_mail}"
    );
    assert!(admin_mail.contains(&page_of(0)), "{admin_mail}");
    assert!(
        !admin_mail.contains("due by"),
        "in Bengali only: {admin_mail}"
    );

    // 1 November: the administration and operations branches submit; bad figures and a file that is
    // not what its name says are refused first, and nothing is kept.
    clock.set("2022-11-01");
    let (admin_email, _) = BRANCHES[0];
    let wrong = submit(
        &server,
        admin_email,
        &page_of(0),
        ["১২০", "-৫", "৪০", "৪৫", "৬০", "৪৫"],
        &[("dak-register.png", PDF)],
    )
    .await;
    assert_eq!(
        alerts(wrong).await,
        (
            422,
            vec![
                "সংখ্যা ঋণাত্মক হতে পারে না।".to_owned(),
                "ই-নথির সংখ্যা মোটের চেয়ে বেশি হতে পারে না।".to_owned(),
                "ফাইলের ভেতরের ধরন তার নামের শেষাংশের সাথে মেলে না (dak-register.png)।".to_owned(),
            ]
        )
    );
    let no_evidence = submit(
        &server,
        admin_email,
        &page_of(0),
        ["১২০", "১০০", "৪০", "৩০", "৬০", "৪৫"],
        &[],
    )
    .await;
    assert_eq!(
        alerts(no_evidence).await.1,
        ["প্রমাণক সংযুক্ত করুন (ডাক গ্রহণ রেজিস্টারের স্ক্রিনশট বা কপি)।"]
    );
    let sent = submit(
        &server,
        admin_email,
        &page_of(0),
        ["১২০", "১০০", "৪০", "৩০", "৬০", "৪৫"],
        &[("dak-register-october.pdf", PDF)],
    )
    .await;
    assert_eq!(sent.url().path(), page_of(0));
    let page = Html::parse_document(&sent.text().await.unwrap());
    assert_eq!(text(&page, "span.standing"), "সময়মতো");
    assert_eq!(text(&page, "li.version dd.share"), "৭৫.০%");
    assert_eq!(text(&page, "ul.evidence a"), "dak-register-october.pdf");
    // A second submission of the same month waits for a return.
    let again = submit(
        &server,
        admin_email,
        &page_of(0),
        ["১", "১", "১", "১", "১", "১"],
        &[("dak-register-october.pdf", PDF)],
    )
    .await;
    assert_eq!(
        alerts(again).await.1,
        ["এ সময়কালের তথ্য জমা হয়েছে; ফেরত এলে আবার জমা দেওয়া যাবে।"]
    );
    // A branch officer cannot submit for another branch.
    let (other, other_csrf) = browser(&server, BRANCHES[3].0).await;
    let foreign = other
        .client
        .post(format!("{}{}", other.base, page_of(1)))
        .multipart(upload_form(&[("csrf", &other_csrf)], &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let operations = submit(
        &server,
        BRANCHES[1].0,
        &page_of(1),
        ["৮০", "৬০", "৫০", "৩০", "৪০", "২০"],
        &[("dak-register.pdf", PDF)],
    )
    .await;
    assert_eq!(operations.status(), 200);

    // 2 November: the day before, only the two still to submit are reminded.
    clock.set("2022-11-02");
    server.app().run_jobs().await.unwrap();
    assert_eq!(per_branch(&collection_mail(&server)), [1, 1, 2, 2]);

    // The member secretary returns the operations branch's figures with a comment; it submits again.
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let no_reason = secretary
        .post(
            &format!("{}/review", page_of(1)),
            &[("csrf", &csrf), ("outcome", "return"), ("comment", " ")],
        )
        .await;
    assert_eq!(alerts(no_reason).await.1, ["ফেরত পাঠানোর কারণ লিখুন।"]);
    let returned = secretary
        .post(
            &format!("{}/review", page_of(1)),
            &[
                ("csrf", &csrf),
                ("outcome", "return"),
                ("comment", "ই-নথিতে নিষ্পন্ন নথির সংখ্যা রেজিস্টারের সঙ্গে মেলেনি।"),
            ],
        )
        .await;
    let page = Html::parse_document(&returned.text().await.unwrap());
    assert_eq!(text(&page, "span.standing"), "ফেরত");
    let (operations_officer, _) = browser(&server, BRANCHES[1].0).await;
    let notices = operations_officer.page("/notifications", 200).await;
    assert_eq!(
        texts(&notices, "li.notice-returned a"),
        ["ই-ফাইলিংয়ের মাসিক তথ্য"]
    );
    let resent = submit(
        &server,
        BRANCHES[1].0,
        &page_of(1),
        ["৮০", "৬০", "৫০", "৪০", "৪০", "২০"],
        &[("dak-register.pdf", PDF)],
    )
    .await;
    let page = Html::parse_document(&resent.text().await.unwrap());
    assert_eq!(texts(&page, "li.version").len(), 2, "the history is kept");
    assert_eq!(text(&page, "span.standing"), "সময়মতো");

    // 4 November: the deadline has passed; the budget and labour branches are told once more.
    clock.set("2022-11-04");
    server.app().run_jobs().await.unwrap();
    server.app().run_jobs().await.unwrap();
    let mail = collection_mail(&server);
    assert_eq!(per_branch(&mail), [1, 1, 3, 3]);
    let (_, labour_mail) = mail.iter().rfind(|(to, _)| to == BRANCHES[3].0).unwrap();
    assert!(
        labour_mail.contains(
            "শ্রম অধিশাখার ই-ফাইলিংয়ের মাসিক তথ্য (অক্টোবর ২০২২) জমার শেষ তারিখ ৩ নভেম্বর ২০২২ পেরিয়ে গেছে, কিন্তু এখনও জমা হয়নি।"
        ),
        "{labour_mail}"
    );
    let (labour, _) = browser(&server, BRANCHES[3].0).await;
    let notices = labour.page("/notifications", 200).await;
    assert_eq!(
        texts(&notices, "li.notice-overdue a"),
        ["ই-ফাইলিংয়ের মাসিক তথ্য"]
    );

    // 5 November: the budget branch submits late.
    clock.set("2022-11-05");
    let late = submit(
        &server,
        BRANCHES[2].0,
        &page_of(2),
        ["৩০", "১০", "১০", "৫", "২০", "১০"],
        &[("dak-register.pdf", PDF)],
    )
    .await;
    let page = Html::parse_document(&late.text().await.unwrap());
    assert_eq!(text(&page, "span.standing"), "বিলম্বে");

    // 6 November: three days after the deadline the labour branch is escalated to the ministry's
    // innovation officer and member secretary, once; the budget branch is not chased any more.
    clock.set("2022-11-06");
    server.app().run_jobs().await.unwrap();
    server.app().run_jobs().await.unwrap();
    let mail = collection_mail(&server);
    assert_eq!(per_branch(&mail), [1, 1, 3, 3]);
    let escalated: Vec<&(String, String)> = mail
        .iter()
        .filter(|(_, body)| body.contains("জমা দেয়নি"))
        .collect();
    let mut told: Vec<&str> = escalated.iter().map(|(to, _)| to.as_str()).collect();
    told.sort_unstable();
    assert_eq!(told, [CIO, SECRETARY]);
    assert!(
        escalated[0].1.contains(
            "শ্রম অধিশাখা ই-ফাইলিংয়ের মাসিক তথ্য (অক্টোবর ২০২২) শেষ তারিখ ৩ নভেম্বর ২০২২-এর মধ্যে জমা দেয়নি।"
        ),
        "{}",
        escalated[0].1
    );

    // The board: two on time, one late, one missing, at the ministry's level and per branch, with the
    // reminders that went out; the share is over the returns that stand.
    let (secretary, _) = browser(&server, SECRETARY).await;
    let board = secretary
        .page(&format!("/collections/{KEY}?period=2022-10-01"), 200)
        .await;
    assert_eq!(
        texts(&board, "td.standing"),
        ["সময়মতো", "সময়মতো", "বিলম্বে", "জমা হয়নি"]
    );
    assert_eq!(
        text(&board, "p.summary"),
        "৪টির মধ্যে ৩টি জমা পড়েছে (৭৫%); সময়মতো ৫০%।"
    );
    assert_eq!(
        text(&board, "tr.group-row th"),
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয় ৪টির মধ্যে ৩টি জমা (৭৫%) · সময়মতো ৫০%"
    );
    assert_eq!(
        texts(&board, "td.reminders"),
        ["তাগিদ ১টি", "তাগিদ ১টি", "তাগিদ ৩টি", "তাগিদ ৩টি, ঊর্ধ্বতনকে ২টি",]
    );
    // (30 + 40 + 5) e-files of (40 + 50 + 10) files.
    assert_eq!(text(&board, "dd.share"), "৭৫.০%");

    // The same board as a spreadsheet, and the branches' year.
    let xlsx = secretary
        .get(&format!("/collections/{KEY}/board.xlsx?period=2022-10-01"))
        .await;
    assert_eq!(xlsx.status(), 200);
    let rows = udbhabon_docs::table::read_table(
        &xlsx.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows[2][0], "প্রশাসন অধিশাখা");
    assert_eq!(rows[2][1], "সময়মতো");
    assert_eq!(rows[5][1], "জমা হয়নি");
    assert_eq!(rows[4][11], "৫০.০%");
    let year = secretary
        .page(&format!("/collections/{KEY}/year?year=2022-23"), 200)
        .await;
    assert_eq!(
        texts(&year, "table.year-grid thead th a"),
        ["অক্টোবর ২০২২", "নভেম্বর ২০২২"]
    );
    assert_eq!(
        texts(&year, "table.year-grid tbody tr:last-child td"),
        ["জমা হয়নি", "অপেক্ষমাণ"]
    );

    // The share reaches the plan's e-filing indicator for the second quarter (October to December).
    let plan = secretary.page("/plans/1", 200).await;
    let indicator = indicator_ids(&plan)["২.১.১"];
    let quarter = secretary
        .page(&format!("/plans/1/indicators/{indicator}/quarters/2"), 200)
        .await;
    assert_eq!(
        text(&quarter, "p.feed"),
        "শাখাগুলোর ই-ফাইলিংয়ের মাসিক তথ্য থেকে: এ ত্রৈমাসিকের ৩টি প্রতিবেদন অনুযায়ী ই-নথিতে নিষ্পন্ন নথির হার ৭৫%। মানটি এখানে বসানো হয়েছে; প্রয়োজনে বদলান।"
    );

    // Someone outside the ministry does not see its board.
    let (agency, _) = browser(&server, "focal-dife@demo.udbhabon.test").await;
    assert_eq!(
        agency.get(&format!("/collections/{KEY}")).await.status(),
        403
    );
}

#[tokio::test]
async fn the_collection_pages_render_in_both_languages_from_the_demo_data() {
    let server = TestServer::start().await;
    let (secretary, _) = browser(&server, SECRETARY).await;
    let pages = [
        "/collections",
        "/offices/mole/collections/new",
        "/collections/mole-e-filing-return",
        "/collections/mole-e-filing-return?period=2026-10-01",
        "/collections/mole-e-filing-return/year",
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1",
        "/notifications",
    ];
    for lang in ["bn", "en"] {
        secretary.choose(lang).await;
        for path in pages {
            let page = secretary.page(path, 200).await;
            assert!(!text(&page, "h1").is_empty(), "{path} in {lang}");
        }
    }
    // 23 November: the board is on November's returns, due by 3 December, none in yet; October's
    // were due by 3 November and all four are missing.
    let board = secretary
        .page("/collections/mole-e-filing-return", 200)
        .await;
    assert_eq!(text(&board, "dd.period"), "November 2026");
    assert_eq!(texts(&board, "td.standing"), ["Awaited"; 4]);
    let october = secretary
        .page("/collections/mole-e-filing-return?period=2026-10-01", 200)
        .await;
    assert_eq!(texts(&october, "td.standing"), ["Missing"; 4]);
    // A branch officer finds the return to send in the list, and October's among the notifications.
    let (officer, _) = browser(&server, BRANCHES[0].0).await;
    let list = officer.page("/collections", 200).await;
    assert_eq!(texts(&list, "a.mine"), ["জমা দিন: প্রশাসন অধিশাখা"]);
    let notices = officer.page("/notifications", 200).await;
    assert_eq!(
        texts(&notices, "li.notice-overdue a"),
        ["ই-ফাইলিংয়ের মাসিক তথ্য"]
    );
    // November's is ten days away, not yet worth a notice.
    assert!(texts(&notices, "li.notice-due a").is_empty());
}

/// The administrator opens an account for a new officer with one role on an office; returns the
/// account's first password.
pub(crate) async fn officer(
    admin: &TestServer,
    csrf: &str,
    (name, email): (&str, &str),
    (role, office): (&str, &str),
) -> String {
    let created = admin
        .post(
            "/admin/people",
            &[("csrf", csrf), ("name_bn", name), ("name_en", name)],
        )
        .await;
    let person_path = created.url().path().to_owned();
    let opened = admin
        .post(
            &format!("{person_path}/account"),
            &[("csrf", csrf), ("email", email)],
        )
        .await;
    let person = Html::parse_document(&opened.text().await.unwrap());
    let password = text(&person, "p.notice")
        .split("প্রথম পাসওয়ার্ড: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the password is shown")
        .to_owned();
    let person = crate::server::in_office(admin, &person_path, office).await;
    let grants = crate::server::attribute(&person, "form[action$='/grants']", "action");
    let office_id = crate::server::attribute(
        &person,
        "form[action$='/grants'] input[name=office]",
        "value",
    );
    admin
        .post(
            &grants,
            &[("csrf", csrf), ("role", role), ("office", &office_id)],
        )
        .await;
    password
}

/// A fresh browser signed in with an account's password.
pub(crate) async fn signed_in(
    server: &TestServer,
    email: &str,
    password: &str,
) -> (TestServer, String) {
    let browser = server.another_browser();
    assert_eq!(
        browser.sign_in(email, password).await.status(),
        200,
        "{email}"
    );
    let csrf = browser.csrf().await;
    (browser, csrf)
}

#[tokio::test]
async fn an_agency_gathers_its_field_offices_reports_reviews_them_and_forwards_them_upward() {
    let clock = MovableClock::at("2026-11-23");
    let server = TestServer::start_with_clock(clock.clone()).await;

    // Two district offices of the DIFE, their focal points, and the DIFE's member secretary.
    let (admin, admin_csrf) = browser(&server, "admin@demo.udbhabon.test").await;
    for (key, bn) in [("dife-dhaka", "ঢাকা"), ("dife-chattogram", "চট্টগ্রাম")]
    {
        let created = admin
            .post(
                "/admin/offices",
                &[
                    ("csrf", &admin_csrf),
                    ("key", key),
                    ("parent", "dife"),
                    ("kind", "district_office"),
                    ("name_bn", &format!("উপমহাপরিদর্শকের কার্যালয়, {bn}")),
                    ("name_en", &format!("DIG Office, {key}")),
                ],
            )
            .await;
        assert_eq!(created.url().path(), "/admin/offices");
    }
    let dhaka = officer(
        &admin,
        &admin_csrf,
        ("ঢাকা ফোকাল পয়েন্ট", "focal-dhaka@demo.udbhabon.test"),
        ("focal_point", "উপমহাপরিদর্শকের কার্যালয়, ঢাকা"),
    )
    .await;
    officer(
        &admin,
        &admin_csrf,
        ("চট্টগ্রাম ফোকাল পয়েন্ট", "focal-chattogram@demo.udbhabon.test"),
        ("focal_point", "উপমহাপরিদর্শকের কার্যালয়, চট্টগ্রাম"),
    )
    .await;
    let agency = officer(
        &admin,
        &admin_csrf,
        ("অধিদপ্তরের সদস্য সচিব", "secretary-dife@demo.udbhabon.test"),
        ("member_secretary", "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"),
    )
    .await;

    // The ministry asks every field office of the DIFE for its yearly progress report by 30
    // November, the DIFE to forward them within a week.
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let form = secretary.page("/offices/mole/collections/new", 200).await;
    let choices = scraper::Selector::parse("fieldset.respondents label").unwrap();
    let input = scraper::Selector::parse("input").unwrap();
    let every_field_office = form
        .select(&choices)
        .filter(|choice| choice.text().collect::<String>().contains("কলকারখানা"))
        .filter_map(|choice| choice.select(&input).next()?.value().attr("value"))
        .find(|value| value.starts_with("field:"))
        .expect("the DIFE's field offices are offered together")
        .to_owned();
    let fields = [
        ("key", "dife-field-progress-2026"),
        ("kind", "report"),
        ("title_bn", "মাঠ অফিসের বার্ষিক অগ্রগতি প্রতিবেদন"),
        ("title_en", "Field offices' yearly progress report"),
        ("recurrence", "once"),
        ("opens_on", "2026-11-23"),
        ("due_on", "2026-11-30"),
        ("forward_days", "৭"),
        ("late_allowed", "1"),
        ("field_label_bn", "পরিদর্শিত কারখানার সংখ্যা"),
        ("field_label_en", "Factories inspected"),
        ("field_kind", "number"),
        ("field_required", "0"),
        ("field_label_bn", "উল্লেখযোগ্য উদ্ভাবন"),
        ("field_label_en", "Notable innovations"),
        ("field_kind", "text"),
        ("field_label_bn", ""),
        ("field_label_en", ""),
        ("field_kind", "number"),
        ("respondent", &every_field_office),
    ];
    let created = secretary
        .post_form(
            "/offices/mole/collections",
            &csrf,
            &fields.map(|(name, value)| (name, value.to_owned())),
        )
        .await;
    let board = Html::parse_document(&created.text().await.unwrap());
    // The demo's Gazipur office is one of the DIFE's field offices too.
    assert_eq!(
        texts(&board, "tr.respondent-row td a"),
        [
            "উপমহাপরিদর্শকের কার্যালয়, গাজীপুর",
            "উপমহাপরিদর্শকের কার্যালয়, ঢাকা",
            "উপমহাপরিদর্শকের কার্যালয়, চট্টগ্রাম"
        ]
    );
    assert_eq!(
        texts(&board, "tr.group-row span.forward"),
        ["৭ ডিসেম্বর ২০২৬-এর মধ্যে পাঠাতে হবে"]
    );
    let dhaka_link = respondent_links(&board)
        .into_iter()
        .find(|(name, _)| name.ends_with("ঢাকা"))
        .map(|(_, href)| href)
        .unwrap();

    // 25 November: Dhaka reports; Chattogram and Gazipur do not.
    clock.set("2026-11-25");
    let (focal, focal_csrf) = signed_in(&server, "focal-dhaka@demo.udbhabon.test", &dhaka).await;
    let report = async |factories: &str| {
        focal
            .client
            .post(format!("{}{dhaka_link}", focal.base))
            .multipart(upload_form(
                &[
                    ("csrf", &focal_csrf),
                    ("answer_f1", factories),
                    ("answer_f2", "কারখানা পরিদর্শনের অনলাইন সময়সূচি"),
                    ("note", "জেলার অগ্রগতি প্রতিবেদন সংযুক্ত।"),
                ],
                &[("progress-report.pdf", PDF)],
            ))
            .send()
            .await
            .unwrap()
    };
    // The form asks the collection's own fields: the number is required and must be one.
    let form = focal.page(&dhaka_link, 200).await;
    assert_eq!(
        texts(&form, "form.submission-form label[for^=answer_]"),
        ["পরিদর্শিত কারখানার সংখ্যা *", "উল্লেখযোগ্য উদ্ভাবন"]
    );
    assert_eq!(
        alerts(report("বারো").await).await,
        (422, vec!["একটি সংখ্যা লিখুন।".to_owned()])
    );
    let page = Html::parse_document(&report("১২").await.text().await.unwrap());
    assert_eq!(text(&page, "span.standing"), "সময়মতো");
    assert_eq!(
        texts(&page, "li.version dl.answers dd"),
        ["১২", "কারখানা পরিদর্শনের অনলাইন সময়সূচি"]
    );

    // The DIFE's member secretary finds the collection, reviews Dhaka's report on the DIFE's part of
    // the board and is refused the ministry's whole board.
    let (gatherer, gatherer_csrf) =
        signed_in(&server, "secretary-dife@demo.udbhabon.test", &agency).await;
    let list = gatherer.page("/collections", 200).await;
    assert_eq!(
        texts(&list, "a.gathers"),
        ["সংগ্রহ ও প্রেরণ: কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"]
    );
    let own = crate::server::attribute(&list, "a.gathers", "href");
    assert_eq!(
        gatherer
            .get("/collections/dife-field-progress-2026")
            .await
            .status(),
        403
    );
    let accepted = gatherer
        .post(
            &format!("{dhaka_link}/review"),
            &[
                ("csrf", gatherer_csrf.as_str()),
                ("outcome", "accept"),
                ("comment", ""),
            ],
        )
        .await;
    let page = Html::parse_document(&accepted.text().await.unwrap());
    assert_eq!(texts(&page, "li.version span.tag")[0], "গৃহীত");

    // 4 December, three days before its own deadline, the DIFE's member secretary is reminded of the
    // forward; on 8 December, once more as overdue, and only once however often the job runs.
    clock.set("2026-12-04");
    server.app().run_jobs().await.unwrap();
    clock.set("2026-12-08");
    server.app().run_jobs().await.unwrap();
    server.app().run_jobs().await.unwrap();
    let forward_mail: Vec<String> = server
        .mail()
        .iter()
        .filter(|mail| mail.contains("To: secretary-dife@demo.udbhabon.test"))
        .map(|mail| String::from_utf8(mail_part(mail, "text/plain")).unwrap())
        .filter(|body| body.contains("ঊর্ধ্বতন দপ্তরে"))
        .collect();
    assert_eq!(forward_mail.len(), 2, "{forward_mail:?}");
    assert!(
        forward_mail[0].contains(
            "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তরের মাঠ অফিসগুলোর মাঠ অফিসের বার্ষিক অগ্রগতি প্রতিবেদন"
        ),
        "{}",
        forward_mail[0]
    );
    assert!(
        forward_mail[1].contains("৭ ডিসেম্বর ২০২৬-এর মধ্যে ঊর্ধ্বতন দপ্তরে পাঠানোর কথা ছিল"),
        "{}",
        forward_mail[1]
    );

    // 8 December, a day past its own deadline: forwarding with Chattogram's report missing needs the
    // reason; then it goes, marked late, once.
    let (gatherer, gatherer_csrf) =
        signed_in(&server, "secretary-dife@demo.udbhabon.test", &agency).await;
    let notices = gatherer.page("/notifications", 200).await;
    assert_eq!(
        texts(&notices, "li.notice-forward-due a"),
        ["মাঠ অফিসের বার্ষিক অগ্রগতি প্রতিবেদন"]
    );
    let part = gatherer.page(&own, 200).await;
    assert_eq!(
        text(&part, "form.forward-form p.muted"),
        "২টি মাঠ অফিসের জমা এখনও পর্যালোচিত হয়নি বা জমা পড়েনি; পাঠাতে হলে কারণ লিখুন।"
    );
    let forward = "/collections/dife-field-progress-2026/periods/2026-11-23/forwards";
    let no_reason = gatherer
        .post(
            forward,
            &[
                ("csrf", gatherer_csrf.as_str()),
                ("office", "dife"),
                ("note", "ঢাকা কার্যালয়ের প্রতিবেদন সংযুক্ত।"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(
        alerts(no_reason).await,
        (422, vec!["সব জমা পর্যালোচিত হয়নি; পাঠানোর কারণ লিখুন।".to_owned()])
    );
    let forwarded = gatherer
        .post(
            forward,
            &[
                ("csrf", gatherer_csrf.as_str()),
                ("office", "dife"),
                ("note", "ঢাকা কার্যালয়ের প্রতিবেদন সংযুক্ত।"),
                ("reason", "চট্টগ্রাম কার্যালয় এখনও পাঠায়নি; পেলে পাঠানো হবে।"),
            ],
        )
        .await;
    let part = Html::parse_document(&forwarded.text().await.unwrap());
    assert_eq!(
        text(&part, "tr.group-row span.forward"),
        "৮ ডিসেম্বর ২০২৬ তারিখে বিলম্বে পাঠানো হয়েছে"
    );
    assert!(
        texts(&part, "form.forward-form").is_empty(),
        "forwarded once"
    );
    let again = gatherer
        .post(
            forward,
            &[
                ("csrf", gatherer_csrf.as_str()),
                ("office", "dife"),
                ("reason", "আবার"),
            ],
        )
        .await;
    assert_eq!(alerts(again).await.1, ["এ সময়কালের তথ্য ইতিমধ্যে পাঠানো হয়েছে।"]);
    // A field office's focal point cannot forward for the agency.
    let (focal, focal_csrf) = signed_in(&server, "focal-dhaka@demo.udbhabon.test", &dhaka).await;
    let refused = focal
        .post(
            forward,
            &[
                ("csrf", focal_csrf.as_str()),
                ("office", "dife"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403);

    // The ministry's board shows the DIFE's forward, and its package downloads as the DIFE's part.
    let (secretary, _) = browser(&server, SECRETARY).await;
    let board = secretary
        .page("/collections/dife-field-progress-2026", 200)
        .await;
    assert_eq!(
        text(&board, "tr.group-row.depth-1 span.forward"),
        "৮ ডিসেম্বর ২০২৬ তারিখে বিলম্বে পাঠানো হয়েছে"
    );
    assert_eq!(
        texts(&board, "td.standing"),
        ["জমা হয়নি", "সময়মতো", "জমা হয়নি"],
        "Gazipur, Dhaka, Chattogram"
    );
    let package = secretary
        .get("/collections/dife-field-progress-2026/board.xlsx?period=2026-11-23&office=dife")
        .await;
    let rows = udbhabon_docs::table::read_table(
        &package.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows[0][5], "পরিদর্শিত কারখানার সংখ্যা");
    assert_eq!(rows[3][5], "১২", "Dhaka's answer, after Gazipur's row");
    assert_eq!(rows[1][0], "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর");
    assert_eq!(rows[1][2], "৮ ডিসেম্বর ২০২৬ তারিখে বিলম্বে পাঠানো হয়েছে");
    assert_eq!(rows.len(), 5, "the DIFE and its three field offices");
}

/// The form's value of each respondent choice, by its label.
fn choice_values(form: &Html) -> Vec<(String, String)> {
    let label = scraper::Selector::parse("fieldset.respondents label").unwrap();
    let input = scraper::Selector::parse("input").unwrap();
    form.select(&label)
        .map(|label| {
            let input = label.select(&input).next().unwrap().value();
            (
                label.text().collect::<String>().trim().to_owned(),
                input.attr("value").unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_collection_is_corrected_until_answered_and_closed_with_its_reason() {
    let clock = MovableClock::at("2022-10-27");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let values = choice_values(&secretary.page("/offices/mole/collections/new", 200).await);
    let value_of = |branch: &str| {
        values
            .iter()
            .find(|(label, _)| label == branch)
            .unwrap()
            .1
            .clone()
    };
    let fields = |title: &str, opens_on: &str, branches: &[&str]| {
        let mut fields = vec![
            ("key", "mole-e-filing-november".to_owned()),
            ("kind", "e_filing_return".to_owned()),
            ("title_bn", title.to_owned()),
            ("title_en", "E-filing return".to_owned()),
            ("recurrence", "monthly".to_owned()),
            ("opens_on", opens_on.to_owned()),
            ("due_day", "৩".to_owned()),
            ("evidence_required", "1".to_owned()),
        ];
        fields.extend(
            branches
                .iter()
                .map(|branch| ("respondent", value_of(branch))),
        );
        fields
    };
    let edit = "/collections/mole-e-filing-november/edit";

    // Started to open on 1 November, it has no board yet: its page says when it opens, with its form.
    let created = secretary
        .post_form(
            "/offices/mole/collections",
            &csrf,
            &fields("নভেম্বরের তথ্য", "2022-11-01", &[BRANCHES[0].1]),
        )
        .await;
    assert_eq!(created.url().path(), edit);
    let page = Html::parse_document(&created.text().await.unwrap());
    assert_eq!(
        text(&page, "p.collection-state"),
        "এই সংগ্রহ ১ নভেম্বর ২০২২ তারিখে খুলবে; তখন থেকে এর বোর্ড দেখা যাবে।"
    );
    assert_eq!(
        crate::server::attribute(&page, "#title_bn", "value"),
        "নভেম্বরের তথ্য"
    );
    assert_eq!(
        crate::server::attribute(&page, "#opens_on", "value"),
        "2022-11-01"
    );
    let list = secretary.page("/collections", 200).await;
    // Listed without a board to open yet, with the way to correct or close it.
    assert!(
        !texts(&list, "tr.collection-row td a").contains(&"নভেম্বরের তথ্য".to_owned()),
        "no board before it opens"
    );
    assert!(
        texts(&list, "tr.collection-row")
            .iter()
            .any(|row| row.starts_with("নভেম্বরের তথ্য সংশোধন বা বন্ধ")),
        "{:?}",
        texts(&list, "tr.collection-row")
    );

    // Only whoever runs the ministry's collections corrects it.
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    viewer.page(edit, 403).await;
    let corrected = fields(
        "অক্টোবরের তথ্য",
        "2022-10-01",
        &[BRANCHES[0].1, BRANCHES[1].1],
    );
    assert_eq!(
        viewer
            .post_form(edit, &viewer_csrf, &corrected)
            .await
            .status(),
        403
    );
    let mut wrong = corrected.clone();
    wrong.retain(|(name, _)| *name != "due_day");
    wrong.push(("due_day", "৩০".into()));
    assert_eq!(
        alerts(secretary.post_form(edit, &csrf, &wrong).await).await,
        (
            422,
            vec!["পরের মাসের ১ থেকে ২৮-এর মধ্যে একটি তারিখ লিখুন।".to_owned()]
        )
    );

    // Corrected to October and two branches, its board opens at once with both.
    let saved = secretary.post_form(edit, &csrf, &corrected).await;
    assert_eq!(saved.url().path(), "/collections/mole-e-filing-november");
    let board = Html::parse_document(&saved.text().await.unwrap());
    assert_eq!(text(&board, "h1"), "অক্টোবরের তথ্য");
    assert_eq!(text(&board, "dd.period"), "অক্টোবর ২০২২");
    let links = respondent_links(&board);
    assert_eq!(links.len(), 2);

    // Once a branch has answered, it is no longer corrected; it is closed with the reason instead.
    let (admin_email, _) = BRANCHES[0];
    let sent = submit(
        &server,
        admin_email,
        &links[0].1,
        ["১২০", "১০০", "৪০", "৩০", "৬০", "৪৫"],
        &[("dak-register.pdf", PDF)],
    )
    .await;
    assert_eq!(sent.status(), 200);
    let page = secretary.page(edit, 200).await;
    assert_eq!(
        text(&page, "p.why-not"),
        "জমা পড়া শুরু হয়েছে, তাই সংগ্রহটি আর সংশোধন করা যায় না; প্রয়োজনে বন্ধ করে নতুন সংগ্রহ চালু করুন।"
    );
    assert!(texts(&page, "form.collection-form").is_empty());
    assert_eq!(
        alerts(secretary.post_form(edit, &csrf, &corrected).await)
            .await
            .0,
        422
    );
    let closure = "/collections/mole-e-filing-november/closure";
    assert_eq!(
        alerts(
            secretary
                .post(closure, &[("csrf", &csrf), ("reason", " ")])
                .await
        )
        .await,
        (422, vec!["কারণ লিখুন।".to_owned()])
    );
    let reason = "মন্ত্রিপরিষদ বিভাগের নতুন ছকে তথ্য নেওয়া হবে।";
    let closed = secretary
        .post(closure, &[("csrf", &csrf), ("reason", reason)])
        .await;
    let page = Html::parse_document(&closed.text().await.unwrap());
    assert_eq!(
        text(&page, "p.collection-state"),
        format!("২৭ অক্টোবর ২০২২ তারিখে বন্ধ করা হয়েছে। কারণ: {reason}")
    );
    assert!(texts(&page, "form.collection-closing").is_empty());
    assert!(texts(&page, "form.collection-form").is_empty());
    let board = secretary
        .page("/collections/mole-e-filing-november", 200)
        .await;
    assert_eq!(
        text(&board, "p.collection-state"),
        format!("২৭ অক্টোবর ২০২২ তারিখে বন্ধ করা হয়েছে। কারণ: {reason}")
    );

    // Closed, it takes no submission, opens no period and reminds no one; what came in stays.
    let (operations_email, _) = BRANCHES[1];
    let refused = submit(
        &server,
        operations_email,
        &links[1].1,
        ["১২০", "১০০", "৪০", "৩০", "৬০", "৪৫"],
        &[("dak-register.pdf", PDF)],
    )
    .await;
    assert_eq!(
        alerts(refused).await,
        (422, vec!["সংগ্রহটি বন্ধ করা হয়েছে।".to_owned()])
    );
    clock.set("2022-11-02");
    server.app().run_jobs().await.unwrap();
    assert!(
        server
            .mail()
            .iter()
            .all(|mail| !String::from_utf8(mail_part(mail, "text/plain"))
                .unwrap()
                .contains("অক্টোবরের তথ্য")),
        "no reminder"
    );
    let (secretary, _) = browser(&server, SECRETARY).await;
    let board = secretary
        .page("/collections/mole-e-filing-november", 200)
        .await;
    assert_eq!(
        texts(&board, "#period option"),
        ["অক্টোবর ২০২২"],
        "November did not open"
    );
    assert_eq!(
        text(&board, "p.summary"),
        "২টির মধ্যে ১টি জমা পড়েছে (৫০%); সময়মতো ৫০%।"
    );
}
