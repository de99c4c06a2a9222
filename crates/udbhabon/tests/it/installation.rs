//! From an empty installation to working teams, with nothing of the demo data: set up by the binary,
//! the office tree imported from a CSV file, an agency's people given accounts, and the agency's member
//! secretary keeping a memo file, constituting the team, calling and holding a meeting and issuing its
//! minutes; the register keeps the serials and the public directory lists the teams.

use std::io::Write;
use std::process::Stdio;

use scraper::{Html, Selector};

use crate::cli::{run, udbhabon};
use crate::collections::{officer, signed_in};
use crate::server::{
    MovableClock, TestServer, attribute, form_fields, in_office, option_value, set_field, text,
    texts,
};

const ADMIN: &str = "admin@mole.gov.bd";
const ADMIN_PASSWORD: &str = "a-long-enough-passphrase-26";
const SECRETARY: &str = "programmer@dife.gov.bd";
const OFFICER: &str = "jig-admin@dife.gov.bd";
const DIFE_NAME: &str = "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর";
const MINISTRY_NAME: &str = "শ্রম ও কর্মসংস্থান মন্ত্রণালয়";

/// `udbhabon setup` on `data`, the administrator's password on standard input.
fn set_up(data: &std::path::Path) -> (bool, String, String) {
    let mut child = udbhabon()
        .args([
            "setup",
            "--office-key",
            "mole",
            "--office-name-bn",
            "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
            "--office-name-en",
            "Ministry of Labour and Employment",
            "--office-short-name",
            "MoLE",
            "--memo-code",
            "৪০",
            "--admin-email",
            ADMIN,
            "--admin-name-bn",
            "প্রশাসক",
            "--admin-name-en",
            "Administrator",
            "--password-stdin",
            "--data-dir",
        ])
        .arg(data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    writeln!(child.stdin.take().unwrap(), "{ADMIN_PASSWORD}").unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `udbhabon offices import FILE` on `data`.
fn import(data: &std::path::Path, table: &str) -> (bool, String, String) {
    let file = data.join("offices.csv");
    std::fs::write(&file, table).unwrap();
    run(udbhabon()
        .args(["offices", "import"])
        .arg(&file)
        .arg("--data-dir")
        .arg(data))
}

/// The value of the first option of `select` whose label contains `label`.
fn option_containing(page: &Html, select: &str, label: &str) -> String {
    let options = Selector::parse(&format!("select#{select} option")).unwrap();
    page.select(&options)
        .find(|option| option.text().collect::<String>().contains(label))
        .and_then(|option| option.value().attr("value"))
        .unwrap_or_else(|| panic!("no option with {label} in {select}"))
        .to_owned()
}

async fn post_fields(
    browser: &TestServer,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    browser
        .client
        .post(format!("{}{path}", browser.base))
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// Opens a memo file for an office through its register.
async fn open_file(
    browser: &TestServer,
    csrf: &str,
    office: &str,
    number: &str,
) -> reqwest::Response {
    let fields = [
        ("csrf", csrf),
        ("file_number", number),
        ("subject_bn", "ইনোভেশন টিম"),
        ("subject_en", "Innovation team"),
        ("unit", ""),
    ];
    browser
        .post(&format!("/offices/{office}/memo-files"), &fields)
        .await
}

/// Constitutes an office's team from its page: members (post label, role), the signatory's post and
/// the memo file (by the end of its number); returns the team page after the issue.
async fn constitute(
    browser: &TestServer,
    csrf: &str,
    office: &str,
    members: &[(&str, &str)],
    signatory: &str,
    file: &str,
) -> Html {
    let page = browser.page(&format!("/offices/{office}"), 200).await;
    let action = attribute(&page, "form[action$='/team/orders']", "action");
    let started = browser.post(&action, &[("csrf", csrf)]).await;
    let draft = started.url().path().to_owned();
    let form = Html::parse_document(&started.text().await.unwrap());
    let mut fields = form_fields(&form, "form.order-draft");
    for (row, (post, role)) in members.iter().enumerate() {
        set_field(
            &mut fields,
            "member_post",
            row,
            &option_containing(&form, "member_post_0", post),
        );
        set_field(&mut fields, "member_role", row, role);
    }
    set_field(
        &mut fields,
        "signatory_post",
        0,
        &option_containing(&form, "member_post_0", signatory),
    );
    set_field(
        &mut fields,
        "memo_file",
        0,
        &option_containing(&form, "memo_file", file),
    );
    let saved = post_fields(browser, &draft, &fields).await;
    assert_eq!(saved.url().path(), draft);
    let page = Html::parse_document(&saved.text().await.unwrap());
    assert!(
        texts(&page, "ul.problems li").is_empty(),
        "{:?}",
        texts(&page, "ul.problems li")
    );
    let version = attribute(&page, "form.order-draft input[name=version]", "value");
    let issued = browser
        .post(
            &format!("{draft}/issue"),
            &[("csrf", csrf), ("version", &version)],
        )
        .await;
    Html::parse_document(&issued.text().await.unwrap())
}

/// Gives the person found by `name` the post of `office` whose label starts `post`, from 1 November
/// 2026.
async fn post_person(admin: &TestServer, csrf: &str, name: &str, (office, post): (&str, &str)) {
    let found = admin.page(&format!("/admin/people?q={name}"), 200).await;
    let person = attribute(&found, "ul.people a", "href");
    let page = in_office(admin, &person, office).await;
    let posted = admin
        .post(
            &format!("{person}/postings"),
            &[
                ("csrf", csrf),
                ("post", &option_value(&page, "post", post)),
                ("from", "2026-11-01"),
                ("charge", "regular"),
            ],
        )
        .await;
    assert_eq!(posted.status(), 200, "{name}");
}

#[tokio::test]
async fn an_empty_installation_is_set_up_and_an_agency_constitutes_its_team_and_issues_minutes() {
    let data = tempfile::tempdir().unwrap();

    // Set up once: the ministry and its administrator; a second set-up is refused.
    let (ok, out, err) = set_up(data.path());
    assert!(ok, "{err}");
    assert!(
        out.contains("Set up Ministry of Labour and Employment, with admin@mole.gov.bd"),
        "{out}"
    );
    let (ok, _, err) = set_up(data.path());
    assert!(!ok);
    assert!(err.contains("already set up"), "{err}");

    // The tree below, three levels, from CSV; a file naming an unknown parent imports nothing.
    let (ok, _, err) = import(
        data.path(),
        "key,parent,kind,name_bn,name_en\nx,nowhere,department,ক,X\n",
    );
    assert!(!ok);
    assert!(err.contains("line 2: parent"), "{err}");
    let (ok, out, err) = import(
        data.path(),
        "key,parent,kind,name_bn,name_en,short_name_en,district\n\
         dife,mole,department,কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর,Department of Inspection for Factories and Establishments,DIFE,\n\
         dol,mole,department,শ্রম অধিদপ্তর,Department of Labour,DoL,\n\
         dife-gazipur,dife,district_office,\"উপমহাপরিদর্শকের কার্যালয়, গাজীপুর\",\"DIG Office, Gazipur\",,33\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("Imported 3 offices"), "{out}");

    let clock = MovableClock::at("2026-11-23");
    let server = TestServer::start_installed(data, clock.clone()).await;
    let visitor = server.another_browser();
    let home = visitor.page("/", 200).await;
    assert_eq!(text(&home, "h1"), "শ্রম ও কর্মসংস্থান মন্ত্রণালয়");
    let directory = visitor.page("/teams", 200).await;
    assert_eq!(texts(&directory, "ul.directory li.flagged").len(), 4);

    // The administrator makes the DIFE's two posts and its two officers' accounts and postings.
    let (admin, admin_csrf) = signed_in(&server, ADMIN, ADMIN_PASSWORD).await;
    let posts = in_office(&admin, "/admin/posts", DIFE_NAME).await;
    let dife_id = attribute(&posts, "input[name=office]", "value");
    for (designation, label_bn) in [("যুগ্ম মহাপরিদর্শক", "যুগ্ম মহাপরিদর্শক (প্রশাসন)"), ("প্রোগ্রামার", "")]
    {
        let added = admin
            .post(
                "/admin/posts",
                &[
                    ("csrf", admin_csrf.as_str()),
                    ("office", &dife_id),
                    (
                        "designation",
                        &option_value(&posts, "designation", designation),
                    ),
                    ("label_bn", label_bn),
                ],
            )
            .await;
        assert_eq!(added.url().path(), "/admin/posts");
    }
    let secretary_password = officer(
        &admin,
        &admin_csrf,
        ("অধিদপ্তরের প্রোগ্রামার", SECRETARY),
        ("member_secretary", "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"),
    )
    .await;
    let officer_password = officer(
        &admin,
        &admin_csrf,
        ("অধিদপ্তরের যুগ্ম মহাপরিদর্শক", OFFICER),
        (
            "chief_innovation_officer",
            "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর",
        ),
    )
    .await;
    post_person(
        &admin,
        &admin_csrf,
        "অধিদপ্তরের প্রোগ্রামার",
        (DIFE_NAME, "প্রোগ্রামার"),
    )
    .await;
    post_person(
        &admin,
        &admin_csrf,
        "অধিদপ্তরের যুগ্ম মহাপরিদর্শক",
        (DIFE_NAME, "যুগ্ম মহাপরিদর্শক (প্রশাসন)"),
    )
    .await;

    // The member secretary's pages are the DIFE's; the office has no memo file yet.
    let (secretary, csrf) = signed_in(&server, SECRETARY, &secretary_password).await;
    let register = secretary.page("/memos", 200).await;
    assert_eq!(
        text(&register, "h1"),
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর-এর স্মারক নিবন্ধন"
    );
    assert_eq!(
        text(&register, "a.office-own"),
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"
    );
    let refused = open_file(&secretary, &csrf, "dife", "40.05.0000").await;
    assert_eq!(refused.status(), 422);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert!(text(&page, "p.alert[data-field=file_number]").contains("৭টি"));
    let opened = open_file(&secretary, &csrf, "dife", "৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬").await;
    let page = Html::parse_document(&opened.text().await.unwrap());
    assert_eq!(
        text(&page, "p.notice"),
        "৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬ নম্বর নথি খোলা হয়েছে।"
    );
    let twice = open_file(&secretary, &csrf, "dife", "40.05.0000.000.060.32.0001.26").await;
    assert_eq!(twice.status(), 422);

    // The ministry's team is not the agency's to constitute: refused, and no draft is made.
    let refused = secretary
        .post("/offices/mole/team/orders", &[("csrf", &csrf)])
        .await;
    assert_eq!(refused.status(), 403);
    assert!(texts(&secretary.page("/offices/mole", 200).await, "ul.drafts li").is_empty());

    // Constituting the team from the office's page: the draft starts from the built-in terms.
    let office = secretary.page("/offices/dife", 200).await;
    assert_eq!(
        text(&office, "#team-heading + p"),
        "এই দপ্তরের কোনো ইনোভেশন টিম এখনো গঠিত হয়নি।"
    );
    let team = constitute(
        &secretary,
        &csrf,
        "dife",
        &[
            ("যুগ্ম মহাপরিদর্শক (প্রশাসন)", "innovation_officer"),
            ("প্রোগ্রামার", "member_secretary"),
        ],
        "যুগ্ম মহাপরিদর্শক (প্রশাসন)",
        "০০০১.২৬",
    )
    .await;
    assert_eq!(text(&team, "dd.memo"), "৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬.১");
    let own_team = secretary.page("/team", 200).await;
    assert_eq!(
        text(&own_team, "dd.memo"),
        "৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬.১"
    );

    // Calling the meeting, with the team's posts invited, and its notice under the next number.
    let new = secretary.page("/offices/dife/meetings/new", 200).await;
    let officer_post = option_containing(&new, "chair_post", "যুগ্ম মহাপরিদর্শক (প্রশাসন)");
    let programmer_post = attribute(&new, "input[name=invitee_post]:not([value=''])", "value");
    let mut fields = form_fields(&new, "form");
    for (name, value) in [
        ("kind", "quarterly_review"),
        ("title_bn", "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ১ম পর্যালোচনা সভা"),
        ("title_en", "1st review meeting"),
        ("held_on", "2026-12-10"),
        ("starts_at", "11:00"),
        ("place_bn", "অধিদপ্তরের সভাকক্ষ"),
        ("place_en", "Department conference room"),
    ] {
        set_field(&mut fields, name, 0, value);
    }
    set_field(&mut fields, "chair_post", 0, &officer_post);
    set_field(&mut fields, "agenda_bn", 0, "ত্রৈমাসিক অগ্রগতি");
    for post in [&officer_post, &programmer_post] {
        fields.push(("invitee_post".to_owned(), post.clone()));
    }
    let created = post_fields(&secretary, "/offices/dife/meetings", &fields).await;
    assert_eq!(created.status(), 200);
    let meeting = created.url().path().to_owned();
    let page = secretary.page(&meeting, 200).await;
    let file = option_containing(&page, "memo_file", "০০০১.২৬");
    let sent = secretary
        .post(
            &format!("{meeting}/notice/send"),
            &[("csrf", csrf.as_str()), ("memo_file", &file)],
        )
        .await;
    assert_eq!(sent.url().path(), meeting);

    // Held on 10 December: attendance, minutes, circulation, the innovation officer's approval, issue.
    clock.set("2026-12-10");
    let (secretary, csrf) = signed_in(&server, SECRETARY, &secretary_password).await;
    let sheet = secretary.page(&format!("{meeting}/attendance"), 200).await;
    let mut present = vec![("csrf".to_owned(), csrf.clone())];
    for tick in sheet.select(&Selector::parse("input[name=present]").unwrap()) {
        present.push((
            "present".to_owned(),
            tick.value().attr("value").unwrap().to_owned(),
        ));
    }
    assert_eq!(present.len(), 3, "both members were invited");
    let recorded = post_fields(&secretary, &format!("{meeting}/attendance"), &present).await;
    assert_eq!(recorded.url().path(), meeting);
    let minutes = secretary.page(&format!("{meeting}/minutes"), 200).await;
    let mut fields = form_fields(&minutes, "form.minutes-form");
    set_field(
        &mut fields,
        "decision_bn",
        0,
        "মাঠ পর্যায়ের কার্যালয়ের টিম গঠন নিশ্চিত করতে হবে।",
    );
    set_field(&mut fields, "decision_item", 0, "0");
    set_field(&mut fields, "deadline_kind", 0, "by");
    set_field(&mut fields, "deadline_on", 0, "2026-12-31");
    fields.push((
        "responsible".to_owned(),
        option_containing(&minutes, "responsible_0", "ইনোভেশন টিম"),
    ));
    let written = post_fields(&secretary, &format!("{meeting}/minutes"), &fields).await;
    assert_eq!(written.url().path(), meeting, "{}", written.status());
    let circulated = secretary
        .post(&format!("{meeting}/minutes/circulate"), &[("csrf", &csrf)])
        .await;
    assert_eq!(circulated.url().path(), meeting);
    let (officer, officer_csrf) = signed_in(&server, OFFICER, &officer_password).await;
    let approved = officer
        .post(
            &format!("{meeting}/minutes/approve"),
            &[("csrf", &officer_csrf)],
        )
        .await;
    assert_eq!(approved.url().path(), meeting);
    let page = secretary.page(&meeting, 200).await;
    let file = option_containing(&page, "issue_memo_file", "০০০১.২৬");
    let issued = secretary
        .post(
            &format!("{meeting}/minutes/issue"),
            &[("csrf", csrf.as_str()), ("memo_file", &file)],
        )
        .await;
    assert_eq!(issued.url().path(), meeting);
    let public = visitor.page(&meeting, 200).await;
    assert_eq!(text(&public, "dd.memo"), "৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬.৩");
    assert_eq!(
        texts(&public, ".minutes-text table.decisions td.serial").len(),
        1,
        "issued minutes are public"
    );

    // The register keeps the order, the notice and the minutes, one after another.
    let register = secretary.page("/offices/dife/memos", 200).await;
    let numbers = texts(&register, "td.memo");
    for serial in ["১", "২", "৩"] {
        let memo = format!("৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৬.{serial}");
        assert!(numbers.contains(&memo), "{memo} in {numbers:?}");
    }

    // A second file opened by mistake is closed, once confirmed; it then gives no number.
    let opened = open_file(&secretary, &csrf, "dife", "40.05.0000.000.060.32.0002.26").await;
    let page = Html::parse_document(&opened.text().await.unwrap());
    let close = attribute(&page, "form[action$='/close']:last-of-type", "action");
    let second = close
        .trim_end_matches("/close")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let unconfirmed = secretary.post(&close, &[("csrf", &csrf)]).await;
    assert_eq!(unconfirmed.status(), 422);
    let closed = secretary
        .post(&close, &[("csrf", csrf.as_str()), ("confirm", "1")])
        .await;
    let page = Html::parse_document(&closed.text().await.unwrap());
    assert!(
        text(&page, "p.notice").contains("বন্ধ হয়েছে"),
        "{}",
        text(&page, "p.notice")
    );
    let taken = secretary
        .post(
            "/offices/dife/memos",
            &[
                ("csrf", csrf.as_str()),
                ("file", &second),
                ("purpose_bn", "চিঠি"),
            ],
        )
        .await;
    assert_eq!(taken.status(), 422);

    // The administrator constitutes the ministry's own team the same way, under the ministry's file.
    let (admin, admin_csrf) = signed_in(&server, ADMIN, ADMIN_PASSWORD).await;
    let posts = in_office(&admin, "/admin/posts", MINISTRY_NAME).await;
    let ministry_id = attribute(&posts, "input[name=office]", "value");
    for (designation, label_bn) in [
        ("অতিরিক্ত সচিব", "অতিরিক্ত সচিব (প্রশাসন)"),
        ("সিস্টেম এনালিস্ট", ""),
    ] {
        let added = admin
            .post(
                "/admin/posts",
                &[
                    ("csrf", admin_csrf.as_str()),
                    ("office", &ministry_id),
                    (
                        "designation",
                        &option_value(&posts, "designation", designation),
                    ),
                    ("label_bn", label_bn),
                ],
            )
            .await;
        assert_eq!(added.url().path(), "/admin/posts");
    }
    let created = admin
        .post(
            "/admin/people",
            &[
                ("csrf", admin_csrf.as_str()),
                ("name_bn", "মন্ত্রণালয়ের অতিরিক্ত সচিব"),
                ("name_en", "Additional Secretary"),
            ],
        )
        .await;
    assert_eq!(created.status(), 200);
    post_person(
        &admin,
        &admin_csrf,
        "মন্ত্রণালয়ের অতিরিক্ত সচিব",
        (MINISTRY_NAME, "অতিরিক্ত সচিব (প্রশাসন)"),
    )
    .await;
    post_person(
        &admin,
        &admin_csrf,
        "প্রশাসক",
        (MINISTRY_NAME, "সিস্টেম এনালিস্ট"),
    )
    .await;
    let opened = open_file(&admin, &admin_csrf, "mole", "40.00.0000.000.036.32.0006.17").await;
    assert_eq!(opened.status(), 200);
    let team = constitute(
        &admin,
        &admin_csrf,
        "mole",
        &[
            ("অতিরিক্ত সচিব (প্রশাসন)", "chief_innovation_officer"),
            ("সিস্টেম এনালিস্ট", "member_secretary"),
        ],
        "সিস্টেম এনালিস্ট",
        "০০০৬.১৭",
    )
    .await;
    assert_eq!(text(&team, "dd.memo"), "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.১");

    // The directory: both teams with their leads and orders; the DoL and the Gazipur office are
    // still to follow up.
    let directory = visitor.page("/teams", 200).await;
    let dife = Selector::parse("ul.directory li").unwrap();
    let entries: Vec<String> = directory
        .select(&dife)
        .map(|entry| entry.text().collect::<String>())
        .collect();
    let agency = entries
        .iter()
        .find(|entry| entry.contains("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"))
        .unwrap();
    assert!(agency.contains("অধিদপ্তরের যুগ্ম মহাপরিদর্শক"), "{agency}");
    assert!(agency.contains("অধিদপ্তরের প্রোগ্রামার"), "{agency}");
    assert!(agency.contains("২৬.১"), "{agency}");
    assert!(!agency.contains(SECRETARY), "no contacts for a visitor");
    let ministry = entries
        .iter()
        .find(|entry| entry.contains("শ্রম ও কর্মসংস্থান মন্ত্রণালয়"))
        .unwrap();
    assert!(ministry.contains("১৭.১"), "{ministry}");
    assert_eq!(texts(&directory, "ul.directory li.flagged").len(), 2);
    let flagged = visitor.page("/teams?under=mole&flagged=1", 200).await;
    assert_eq!(
        texts(&flagged, "ul.directory li h2").len(),
        2,
        "the DoL and Gazipur"
    );
}
