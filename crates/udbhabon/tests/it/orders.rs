//! Composing and issuing an office order: a draft from the order in force, issued with the file's next
//! memo number into a stored PDF that carries every line of seed 000's body, and the orders that must be
//! refused with nothing issued and no number used up.

use scraper::{Html, Selector};

use crate::pdf::extract_text;
use crate::server::{DEMO_PASSWORD, TestServer, attribute, form_fields, set_field, text, texts};

/// The number the next letter from the ICT Cell's file gets: the seed order was letter 5.
const NEXT_MEMO: &str = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬";

/// Seed 000's member table: each post as printed, and its role.
const SEED_MEMBERS: [(&str, &str); 9] = [
    ("অতিরিক্ত সচিব (প্রশাসন)", "চিফ ইনোভেশন অফিসার"),
    ("যুগ্মসচিব/উপসচিব (প্রশাসন অধিশাখা)", "সদস্য"),
    ("যুগ্মসচিব/উপসচিব (পরিচালনা অধিশাখা)", "সদস্য"),
    ("যুগ্মসচিব/উপসচিব (বাজেট অধিশাখা)", "সদস্য"),
    ("যুগ্মসচিব/উপসচিব (শ্রম অধিশাখা)", "সদস্য"),
    ("যুগ্মসচিব/উপসচিব (আন্তর্জাতিক সংস্থা অধিশাখা)", "সদস্য"),
    ("সিস্টেম এনালিস্ট (আইসিটি সেল)", "সদস্য"),
    ("সহকারী প্রোগ্রামার (আইসিটি সেল)", "সদস্য"),
    ("প্রোগ্রামার (আইসিটি সেল)", "সদস্য সচিব"),
];

/// Seed 000's closing paragraph, sentence by sentence.
const SEED_CLOSING: [&str; 3] = [
    "যথাযথ কর্তৃপক্ষের অনুমোদনক্রমে এ আদেশ জারি করা হল।",
    "এ আদেশ অবিলম্বে কার্যকর হবে",
    "ইতঃপূর্বে জারিকৃত এ সংক্রান্ত আদেশ বাতিল বলে গণ্য হবে।",
];

async fn member_secretary() -> (TestServer, String) {
    let server = TestServer::start().await;
    assert_eq!(
        server
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let csrf = server.csrf().await;
    (server, csrf)
}

/// Starts a new order from the team page's button; returns the draft's address.
async fn start_draft(server: &TestServer, csrf: &str) -> String {
    let team = server.page("/teams/mole-innovation-team", 200).await;
    let action = attribute(
        &team,
        "#compose-heading + form, section form[action$='/team/orders']",
        "action",
    );
    let response = server.post(&action, &[("csrf", csrf)]).await;
    assert_eq!(response.status(), 200);
    let path = response.url().path().to_owned();
    assert!(path.starts_with("/order-drafts/"), "{path}");
    path
}

/// Every field of the draft form with its value, in the order a browser sends them.
fn draft_fields(page: &Html) -> Vec<(String, String)> {
    form_fields(page, "form.order-draft")
}

/// The draft form as first opened, with the version it is at now: each case starts from the order as
/// copied, saved over the latest save.
async fn from_original(
    server: &TestServer,
    draft: &str,
    original: &[(String, String)],
) -> Vec<(String, String)> {
    let current = version(&server.page(draft, 200).await);
    let mut fields = original.to_vec();
    set_field(&mut fields, "version", 0, &current);
    fields
}

/// The value of the option whose label starts with `label` among the options of the first `select`
/// called `name`.
fn option_of(page: &Html, name: &str, label: &str) -> String {
    let options = Selector::parse(&format!("form.order-draft select[name={name}] option")).unwrap();
    page.select(&options)
        .find(|option| option.text().collect::<String>().trim().starts_with(label))
        .and_then(|option| option.value().attr("value"))
        .unwrap_or_else(|| panic!("no option {label} for {name}"))
        .to_owned()
}

async fn save(server: &TestServer, draft: &str, fields: &[(String, String)]) -> reqwest::Response {
    server
        .client
        .post(format!("{}{draft}", server.base))
        .form(fields)
        .send()
        .await
        .unwrap()
}

async fn issue(server: &TestServer, draft: &str, csrf: &str, version: &str) -> reqwest::Response {
    server
        .post(
            &format!("{draft}/issue"),
            &[("csrf", csrf), ("version", version)],
        )
        .await
}

fn version(page: &Html) -> String {
    attribute(page, "form.order-draft input[name=version]", "value")
}

/// The seed's 20 copy recipients, as the demo data transcribes them.
fn seed_copies() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/mole.toml");
    let demo: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    demo["team_orders"][0]["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|copy| copy["bn"].as_str().unwrap().to_owned())
        .collect()
}

async fn pdf_text(server: &TestServer, path: &str) -> (Vec<u8>, String) {
    let response = server.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let bytes = response.bytes().await.unwrap().to_vec();
    let text = extract_text(&bytes);
    (bytes, text)
}

#[tokio::test]
async fn issuing_the_seed_order_again_gives_a_stored_pdf_with_every_line_of_its_body() {
    let (server, csrf) = member_secretary().await;
    let draft = start_draft(&server, &csrf).await;
    let page = server.page(&draft, 200).await;
    assert_eq!(text(&page, "section.card .notice"), "খসড়াটি জারির জন্য প্রস্তুত।");
    let preview = server.get(&format!("{draft}/preview")).await;
    assert_eq!(preview.status(), 200);
    assert!(extract_text(&preview.bytes().await.unwrap()).contains("অফিস আদেশ (খসড়া)"));
    // The copy list offers the posts of the ministry, the office above it (none) and the agencies
    // under it, not of every office in the tree: the DIFE's programmer, not its Gazipur office's.
    let copy_posts = texts(&page, "ol.draft-copies li:first-child select option");
    assert!(
        copy_posts
            .iter()
            .any(|post| post.contains("প্রোগ্রামার")
                && post.contains("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর")),
        "{copy_posts:?}"
    );
    assert!(
        copy_posts.iter().all(|post| !post.contains("গাজীপুর")),
        "{copy_posts:?}"
    );

    let as_opened = draft_fields(&page);
    let issued = issue(&server, &draft, &csrf, &version(&page)).await;
    assert_eq!(issued.status(), 200);
    assert!(
        issued
            .url()
            .path()
            .starts_with("/teams/mole-innovation-team")
    );
    // The form sent again from a page opened before the issue is told the draft was issued meanwhile.
    let late = save(&server, &draft, &as_opened).await;
    assert_eq!(late.status(), 409);
    let page = Html::parse_document(&late.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "ইতোমধ্যে পরিবর্তিত হয়েছে");
    let team = Html::parse_document(&issued.text().await.unwrap());
    assert!(
        text(&team, "p.notice").contains(NEXT_MEMO),
        "{}",
        text(&team, "p.notice")
    );
    assert_eq!(
        texts(&team, "ul.history li").len(),
        2,
        "the new order and the seed order"
    );
    assert_eq!(text(&team, "dd.memo"), NEXT_MEMO);

    let (bytes, pdf) = pdf_text(&server, "/teams/mole-innovation-team/order.pdf").await;
    let mut expected: Vec<String> = [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
        "আইসিটি সেল",
        "অফিস আদেশ",
        NEXT_MEMO,
        "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬/১ (২০)",
        "৮ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ",
        "২৩ নভেম্বর ২০২৬ খ্রিস্টাব্দ",
        "২। ইনোভেশন টিমের কার্যপরিধি:",
        "এ.এস.এম. মেহরাব হোসেন",
        "জ্যেষ্ঠতার ক্রমানুসারে নয়",
    ]
    .map(str::to_owned)
    .into();
    expected.extend(
        SEED_MEMBERS
            .iter()
            .flat_map(|(post, role)| [post.to_string(), role.to_string()]),
    );
    expected.extend(SEED_CLOSING.map(str::to_owned));
    let terms = texts(&team, "ol.terms .term");
    assert_eq!(terms.len(), 24);
    expected.extend(terms);
    let copies = seed_copies();
    assert_eq!(copies.len(), 20);
    expected.extend(copies);
    for line in &expected {
        assert!(
            pdf.contains(line.as_str()),
            "the issued PDF lacks:\n{line}\n---- extracted:\n{pdf}"
        );
    }
    for (serial, (post, role)) in SEED_MEMBERS.iter().enumerate() {
        let serial =
            udbhabon_i18n::format::digits(udbhabon_i18n::Lang::Bn, &format!("{:02}.", serial + 1));
        let at = pdf
            .find(&format!("{serial} {post}"))
            .unwrap_or_else(|| panic!("{serial} {post}"));
        assert!(pdf[at..].trim_start_matches(|c| c != '-').contains(role));
    }

    // The issued bytes are kept: the same document every time, and the superseded order stays as it was.
    let (again, _) = pdf_text(&server, "/teams/mole-innovation-team/order.pdf").await;
    assert_eq!(again, bytes);
    let old_href = attribute(&team, "ul.history li:last-child a", "href");
    let (_, old) = pdf_text(&server, &old_href).await;
    assert!(
        old.contains("৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)"),
        "{old}"
    );
    assert!(old.contains("১২ মাঘ ১৪৩২ বঙ্গাব্দ"));

    let register = server.page("/offices/mole/memos", 200).await;
    let numbers = texts(&register, "td.memo");
    assert!(numbers.contains(&NEXT_MEMO.to_owned()), "{numbers:?}");
    assert!(
        numbers.contains(&format!("{NEXT_MEMO}/১ (২০)")),
        "{numbers:?}"
    );

    // An issued draft is closed: issuing it again changes nothing.
    assert_ne!(issue(&server, &draft, &csrf, "2").await.status(), 200);
    assert_eq!(
        texts(
            &server.page("/teams/mole-innovation-team", 200).await,
            "ul.history li"
        )
        .len(),
        2
    );
}

#[tokio::test]
async fn the_issued_order_is_available_in_english_too() {
    let (server, csrf) = member_secretary().await;
    let draft = start_draft(&server, &csrf).await;
    let page = server.page(&draft, 200).await;
    assert_eq!(
        issue(&server, &draft, &csrf, &version(&page))
            .await
            .status(),
        200
    );
    server.choose("en").await;
    let (_, pdf) = pdf_text(&server, "/teams/mole-innovation-team/order.pdf").await;
    assert!(
        pdf.contains("40.00.0000.000.036.32.0006.17.6/1 (20)"),
        "{pdf}"
    );
    assert!(pdf.contains("Office Order"), "{pdf}");
    assert!(pdf.contains("Member Secretary"), "{pdf}");
}

/// Tries to issue; checks that it was refused with `message` and that no number was used up.
async fn refused_with(server: &TestServer, draft: &str, csrf: &str, message: &str) {
    let page = server.page(draft, 200).await;
    let problems = texts(&page, "ul.problems li");
    assert!(
        problems.iter().any(|problem| problem == message),
        "{problems:?}"
    );
    assert!(
        texts(&page, "form[action$='/issue']").is_empty(),
        "no issue button on a draft with problems"
    );
    let response = issue(server, draft, csrf, &version(&page)).await;
    assert_eq!(response.status(), 422);
    let refused = Html::parse_document(&response.text().await.unwrap());
    assert!(
        texts(&refused, "p.alert")
            .iter()
            .any(|alert| alert == message)
    );
    let register = server.page("/offices/mole/memos", 200).await;
    assert!(
        !texts(&register, "td.memo")
            .iter()
            .any(|memo| memo.starts_with(NEXT_MEMO))
    );
    let team = server.page("/teams/mole-innovation-team", 200).await;
    assert_eq!(texts(&team, "ul.history li").len(), 1, "nothing was issued");
}

#[tokio::test]
async fn an_order_the_rules_forbid_is_refused_with_nothing_issued_and_no_number_used() {
    let (server, csrf) = member_secretary().await;
    let draft = start_draft(&server, &csrf).await;
    let original = draft_fields(&server.page(&draft, 200).await);

    // No member secretary: the ninth member becomes an ordinary member.
    let mut fields = from_original(&server, &draft, &original).await;
    set_field(&mut fields, "member_role", 8, "member");
    assert_eq!(save(&server, &draft, &fields).await.status(), 200);
    refused_with(&server, &draft, &csrf, "টিমে একজন সদস্য সচিব থাকতে হবে।").await;

    // No Chief Innovation Officer.
    let mut fields = draft_fields(&server.page(&draft, 200).await);
    set_field(&mut fields, "member_role", 8, "member_secretary");
    set_field(&mut fields, "member_role", 0, "member");
    assert_eq!(save(&server, &draft, &fields).await.status(), 200);
    refused_with(
        &server,
        &draft,
        &csrf,
        "টিমে একজন চিফ ইনোভেশন অফিসার বা ইনোভেশন অফিসার থাকতে হবে।",
    )
    .await;

    // A post nobody holds on the effective date.
    let page = server.page(&draft, 200).await;
    let vacant = option_of(&page, "member_post", "উপসচিব (প্রশাসন অধিশাখা)");
    let mut fields = from_original(&server, &draft, &original).await;
    set_field(&mut fields, "member_post", 1, &vacant);
    assert_eq!(save(&server, &draft, &fields).await.status(), 200);
    refused_with(
        &server,
        &draft,
        &csrf,
        "সারি ২: কার্যকর হওয়ার তারিখে এই পদে কেউ দায়িত্বে নেই।",
    )
    .await;

    // An effective date before the order in force took effect.
    let mut fields = from_original(&server, &draft, &original).await;
    set_field(&mut fields, "effective_from", 0, "2026-01-01");
    assert_eq!(save(&server, &draft, &fields).await.status(), 200);
    refused_with(
        &server,
        &draft,
        &csrf,
        "কার্যকর হওয়ার তারিখ আগের আদেশের কার্যকর তারিখ (২৬-০১-২০২৬)-এর আগে হতে পারে না।",
    )
    .await;

    // No memo file, and a file that does not exist: the latter is not even saved.
    let mut fields = from_original(&server, &draft, &original).await;
    set_field(&mut fields, "memo_file", 0, "");
    assert_eq!(save(&server, &draft, &fields).await.status(), 200);
    refused_with(
        &server,
        &draft,
        &csrf,
        "এই দপ্তরের একটি নথি বেছে নিন; দেওয়া নথিটি নেই।",
    )
    .await;
    let before = draft_fields(&server.page(&draft, 200).await);
    let mut fields = from_original(&server, &draft, &original).await;
    set_field(&mut fields, "memo_file", 0, "999");
    set_field(&mut fields, "preamble_bn", 0, "এই পরিবর্তন সংরক্ষিত হবে না।");
    let response = save(&server, &draft, &fields).await;
    assert_eq!(response.status(), 422);
    let page = Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        text(&page, "p.alert[data-field=memo_file]"),
        "এই বিকল্পটি তালিকায় নেই; পাতাটি আবার খুলে বেছে নিন।"
    );
    assert_eq!(
        draft_fields(&server.page(&draft, 200).await),
        before,
        "nothing was saved"
    );
}

#[tokio::test]
async fn a_second_person_saving_an_older_copy_of_a_draft_is_shown_the_newer_one() {
    let (server, csrf) = member_secretary().await;
    let draft = start_draft(&server, &csrf).await;
    let opened = draft_fields(&server.page(&draft, 200).await);

    let mut first = opened.clone();
    set_field(&mut first, "closing_en", 0, "Saved first.");
    assert_eq!(save(&server, &draft, &first).await.status(), 200);

    let mut second = opened;
    set_field(
        &mut second,
        "closing_en",
        0,
        "Saved second, from the older copy.",
    );
    let response = save(&server, &draft, &second).await;
    assert_eq!(response.status(), 409);
    let page = Html::parse_document(&response.text().await.unwrap());
    assert!(
        text(&page, "p.alert[data-field=version]").contains("member-secretary@demo.udbhabon.test")
    );
    assert_eq!(text(&page, "textarea#closing_en"), "Saved first.");
    assert_eq!(
        text(&server.page(&draft, 200).await, "textarea#closing_en"),
        "Saved first."
    );
}

#[tokio::test]
async fn a_first_order_for_an_office_without_a_team_starts_from_the_twenty_four_terms() {
    let server = TestServer::start().await;
    server
        .sign_in("admin@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    let csrf = server.csrf().await;
    let response = server
        .post(
            "/offices/dol-dhaka-division/team/orders",
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = Html::parse_document(&response.text().await.unwrap());
    let fields = draft_fields(&page);
    let terms: Vec<_> = fields
        .iter()
        .filter(|(name, value)| name == "term_bn" && !value.is_empty())
        .collect();
    assert_eq!(terms.len(), 24);
    assert!(fields.iter().any(|(name, value)| name == "preamble_bn"
        && value.contains("বিভাগীয় শ্রম দপ্তর, ঢাকা-এর \"ইনোভেশন টিম\"")));
    let problems = texts(&page, "ul.problems li");
    assert!(
        problems.contains(&"টিমের অন্তত একজন সদস্য বেছে নিন।".to_owned()),
        "{problems:?}"
    );
}

#[tokio::test]
async fn readers_who_may_not_compose_orders_see_no_way_to_start_one() {
    let server = TestServer::start().await;
    let page = server.page("/teams/mole-innovation-team", 200).await;
    assert!(texts(&page, "form[action$='/team/orders']").is_empty());
    server
        .sign_in("cio@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    let page = server.page("/teams/mole-innovation-team", 200).await;
    assert!(texts(&page, "form[action$='/team/orders']").is_empty());
    let csrf = server.csrf().await;
    assert_eq!(
        server
            .post("/offices/mole/team/orders", &[("csrf", &csrf)])
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn the_public_team_page_shows_only_the_contact_the_order_published() {
    let server = TestServer::start().await;
    server
        .sign_in("admin@demo.udbhabon.test", DEMO_PASSWORD)
        .await;
    let csrf = server.csrf().await;
    // A member's holder with a phone of their own: the order did not publish it.
    let created = server
        .post(
            "/admin/people",
            &[
                ("csrf", &csrf),
                ("name_bn", "মো. রহিম উদ্দিন"),
                ("name_en", "Md. Rahim Uddin"),
                ("phone", "01711223344"),
            ],
        )
        .await;
    let person_path = created.url().path().to_owned();
    let person = Html::parse_document(&created.text().await.unwrap());
    let analyst = crate::server::option_value(&person, "post", "সিস্টেম এনালিস্ট (আইসিটি সেল)");
    server
        .post(
            &format!("{person_path}/postings"),
            &[
                ("csrf", &csrf),
                ("post", &analyst),
                ("from", "2026-02-01"),
                ("charge", "regular"),
            ],
        )
        .await;

    let visitor = server.another_browser();
    let response = visitor.get("/teams/mole-innovation-team").await;
    let html = response.text().await.unwrap();
    let page = Html::parse_document(&html);
    assert!(
        texts(&page, "table.members td")
            .iter()
            .any(|cell| cell == "মো. রহিম উদ্দিন")
    );
    assert!(
        !html.contains("০১৭১১২২৩৩৪৪") && !html.contains("01711223344"),
        "a holder's phone is not shown"
    );
    let contact = text(&page, "dd.contact");
    assert!(contact.contains("এ.এস.এম. মেহরাব হোসেন"), "{contact}");
    assert!(
        contact.contains("৫৫১০০৮৪৪"),
        "the signatory's phone, as the order printed it: {contact}"
    );
    assert!(contact.contains("programmer@mole.gov.bd"), "{contact}");
    assert_eq!(html.matches("৫৫১০০৮৪৪").count(), 1);
}
