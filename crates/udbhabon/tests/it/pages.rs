//! The pages, in both languages, with the demo data.

use crate::server::{TestServer, attribute, text, texts};

const TEAM: &str = "/teams/mole-innovation-team";
const MEETING: &str = "/meetings/mole-egov-2022-23-review-1";
const PAGES: [&str; 7] = [
    "/",
    "/offices",
    "/team",
    TEAM,
    "/meetings",
    MEETING,
    "/teams/mole-innovation-team?on=2026-01-26",
];

#[tokio::test]
async fn the_home_page_shows_the_ministry_its_team_and_the_2022_meeting_in_bengali() {
    let server = TestServer::start().await;
    let home = server.page("/", 200).await;
    assert_eq!(attribute(&home, "html", "lang"), "bn");
    assert_eq!(text(&home, "h1"), "শ্রম ও কর্মসংস্থান মন্ত্রণালয়");
    let cards = texts(&home, ".card").join(" ");
    assert!(cards.contains("ইনোভেশন টিম · সদস্য ৯ জন"), "{cards}");
    assert!(cards.contains("সদস্য সচিব প্রোগ্রামার (আইসিটি সেল)"), "{cards}");
    assert!(texts(&home, ".person").contains(&"এ.এস.এম. মেহরাব হোসেন".to_owned()));
    assert!(cards.contains("৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫"), "{cards}");
    assert!(cards.contains("১ম সভার কার্যবিবরণী"), "{cards}");
    assert!(
        cards.contains("৩১ ভাদ্র ১৪২৯ বঙ্গাব্দ / ১৫ সেপ্টেম্বর ২০২২ খ্রিস্টাব্দ"),
        "{cards}"
    );
    assert_eq!(
        text(&home, "footer p"),
        "আজ ৮ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ / ২৩ নভেম্বর ২০২৬ খ্রিস্টাব্দ"
    );
    assert_eq!(text(&home, "a.switch"), "English");
}

#[tokio::test]
async fn after_choosing_english_every_page_is_in_english_and_the_choice_is_kept() {
    let server = TestServer::start().await;
    server.choose("en").await;
    let home = server.page("/", 200).await;
    assert_eq!(attribute(&home, "html", "lang"), "en");
    assert_eq!(text(&home, "h1"), "Ministry of Labour and Employment");
    assert_eq!(text(&home, "a.switch"), "বাংলা");
    let team = server.page(TEAM, 200).await;
    assert_eq!(
        text(&team, "h1"),
        "Innovation Team of the Ministry of Labour and Employment"
    );
    assert_eq!(
        texts(&team, "table.members tbody tr td:nth-child(3)")[0],
        "Chief Innovation Officer"
    );
    server.choose("bn").await;
    assert_eq!(
        attribute(&server.page("/", 200).await, "html", "lang"),
        "bn"
    );
}

#[tokio::test]
async fn every_page_renders_in_both_languages_with_every_message_present() {
    let server = TestServer::start().await;
    for lang in ["bn", "en"] {
        server.choose(lang).await;
        for path in PAGES {
            let page = server.page(path, 200).await;
            assert_eq!(attribute(&page, "html", "lang"), lang, "{path}");
            assert!(!text(&page, "h1").is_empty(), "{path} has a heading");
            let switch = attribute(&page, "a.switch", "href");
            assert!(switch.starts_with("/lang/"), "{path}: {switch}");
        }
    }
}

#[tokio::test]
async fn the_team_page_lists_the_nine_posts_by_role_and_the_twenty_four_terms_as_stored() {
    let server = TestServer::start().await;
    let team = server.page(TEAM, 200).await;
    let roles = texts(&team, "table.members tbody td:nth-child(3)");
    assert_eq!(roles.len(), 9);
    assert_eq!(roles[0], "চিফ ইনোভেশন অফিসার");
    assert_eq!(roles[8], "সদস্য সচিব");
    assert_eq!(roles.iter().filter(|role| *role == "সদস্য").count(), 7);
    let posts = texts(&team, "table.members tbody td:nth-child(2)");
    assert_eq!(posts[0], "অতিরিক্ত সচিব (প্রশাসন)");
    assert_eq!(posts[5], "যুগ্মসচিব/উপসচিব (আন্তর্জাতিক সংস্থা অধিশাখা)");
    let terms = texts(&team, "ol.terms .term");
    assert_eq!(terms.len(), 24);
    assert!(
        terms[0].starts_with("নিজ/আওতাধীন দপ্তরের সেবা প্রদান প্রক্রিয়া"),
        "{}",
        terms[0]
    );
    assert_eq!(
        terms[23],
        "তথ্য অধিকার আইন অনুসারে স্ব স্ব কার্যালয়ের নির্ধারিত দায়িত্বপ্রাপ্ত কর্মকর্তার সাথে সমন্বয়সাধন।"
    );
    assert_eq!(texts(&team, "ol.terms .number")[23], "(২৪)");
    assert_eq!(text(&team, "dd.memo"), "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫");
    assert!(
        texts(&team, ".pairs dd")
            .iter()
            .any(|date| date == "১২ মাঘ ১৪৩২ বঙ্গাব্দ / ২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ")
    );
}

#[tokio::test]
async fn before_the_order_took_effect_the_team_page_says_no_order_was_in_force() {
    let server = TestServer::start().await;
    let team = server.page(&format!("{TEAM}?on=2025-12-31"), 200).await;
    assert_eq!(
        text(&team, "p.notice"),
        "৩১ ডিসেম্বর ২০২৫ তারিখের টিম দেখানো হচ্ছে"
    );
    assert!(
        texts(&team, "p.notice")
            .iter()
            .any(|notice| notice.contains("কোনো অফিস আদেশ কার্যকর ছিল না"))
    );
    assert!(texts(&team, "table.members tbody tr").is_empty());
    // A date written in Bengali digits is read too.
    let on_the_day = server.page(&format!("{TEAM}?on=২৬-০১-২০২৬"), 200).await;
    assert_eq!(texts(&on_the_day, "table.members tbody tr").len(), 9);
}

#[tokio::test]
async fn an_unreadable_date_gets_a_clear_message_in_the_readers_language() {
    let server = TestServer::start().await;
    let page = server.page(&format!("{TEAM}?on=yesterday"), 400).await;
    assert!(text(&page, ".card p").contains("তারিখটি বোঝা যায়নি"));
    server.choose("en").await;
    let page = server.page(&format!("{TEAM}?on=31-02-2026"), 400).await;
    assert!(text(&page, ".card p").contains("The date could not be read"));
}

#[tokio::test]
async fn the_meeting_page_has_the_six_decisions_with_their_bodies_and_deadlines() {
    let server = TestServer::start().await;
    let minutes = server.page(MEETING, 200).await;
    assert!(text(&minutes, "h1").contains("১ম সভা"));
    let serials = texts(&minutes, "table.decisions td.serial");
    assert_eq!(serials, ["২.১", "২.২", "২.৩", "২.৪", "২.৫", "২.৬"]);
    let deadlines = texts(&minutes, "table.decisions td.deadline");
    assert_eq!(deadlines[0], "৩০ সেপ্টেম্বর ২০২২-এর মধ্যে");
    assert_eq!(deadlines[2], "নির্ধারিত সময়ের মধ্যে");
    assert_eq!(deadlines[3], "প্রতি মাসের ৩ তারিখের মধ্যে");
    assert_eq!(deadlines[5], "প্রতি বছর");
    let responsible = texts(&minutes, "table.decisions tbody td:nth-child(3)");
    assert_eq!(responsible[3], "মন্ত্রণালয়ের সকল শাখার দায়িত্বপ্রাপ্ত কর্মকর্তা");
    let fields = texts(&minutes, "dl.fields dd");
    assert!(
        fields.contains(&"বেগম জেবুন্নেছা করিম, অতিরিক্ত সচিব".to_owned()),
        "{fields:?}"
    );
    assert!(fields.contains(&"বেলা ১১.০০টা".to_owned()), "{fields:?}");
    assert_eq!(
        text(&minutes, ".memo-block dd.memo"),
        "৪০.০০.০০০০.০৩৬.৩২.০০৬.১৭.৮৩"
    );
    assert!(texts(&minutes, ".memo-block dd")[1].contains("৪ আশ্বিন ১৪২৯"));
    let distribution = texts(&minutes, "ol.distribution li");
    assert_eq!(distribution.len(), 7);
    assert!(
        distribution[0].ends_with("(দৃষ্টি আকর্ষণ: ইনোভেশন অফিসার)"),
        "{}",
        distribution[0]
    );
    server.choose("en").await;
    let minutes = server.page(MEETING, 200).await;
    assert_eq!(
        texts(&minutes, "table.decisions td.deadline")[3],
        "by the 3rd of every month"
    );
}

#[tokio::test]
async fn the_office_tree_shows_the_ministry_above_its_six_bodies_with_their_units() {
    let server = TestServer::start().await;
    let offices = server.page("/offices", 200).await;
    let names = texts(&offices, ".tree .office-line strong");
    let ministry = names
        .iter()
        .position(|name| name == "শ্রম ও কর্মসংস্থান মন্ত্রণালয়")
        .expect("MoLE is listed");
    assert_eq!(texts(&offices, ".tree li.depth-1").len(), 6);
    assert!(
        names[ministry + 1..]
            .iter()
            .any(|name| name == "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর")
    );
    assert!(
        texts(&offices, ".units li")
            .iter()
            .any(|unit| unit.starts_with("আইসিটি সেল"))
    );
}

#[tokio::test]
async fn a_missing_record_gets_a_not_found_page_in_the_readers_language() {
    let server = TestServer::start().await;
    let page = server.page("/teams/no-such-team", 404).await;
    assert_eq!(text(&page, "h1"), "পাতাটি পাওয়া যায়নি");
    let page = server.page("/no/such/page", 404).await;
    assert_eq!(text(&page, "h1"), "পাতাটি পাওয়া যায়নি");
}

#[tokio::test]
async fn health_metrics_headers_and_assets_serve_operators_and_browsers() {
    let server = TestServer::start_with(|state| state.with_metrics_token("scraper-token")).await;
    let health = server.get("/health").await;
    assert_eq!(health.status(), 200);
    server.page("/", 200).await;
    let home = server.get("/").await;
    let headers = home.headers();
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert!(
        !headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("unsafe-inline")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert!(headers.contains_key("x-request-id"));
    let page = scraper::Html::parse_document(&home.text().await.unwrap());
    let stylesheet = attribute(&page, "link[rel=stylesheet]", "href");
    let css = server.get(&stylesheet).await;
    assert_eq!(
        css.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(server.get("/metrics").await.status(), 401, "no token");
    let metrics = server
        .client
        .get(format!("{}/metrics", server.base))
        .bearer_auth("scraper-token")
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let metrics = metrics.text().await.unwrap();
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    let wrong = server
        .client
        .get(format!("{}/metrics", server.base))
        .bearer_auth("scraper-tokem")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let closed = TestServer::start().await;
    assert_eq!(
        closed.get("/metrics").await.status(),
        404,
        "without a configured token the endpoint is not there"
    );
}

#[tokio::test]
async fn the_language_switch_never_sends_the_reader_to_another_site() {
    let server = TestServer::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client
        .get(format!("{}/lang/en?back=//evil.example/", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/");
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("lang=en")
    );
}

#[tokio::test]
async fn the_meetings_list_links_each_meeting_with_its_kind_ordinal_and_dates() {
    let server = TestServer::start().await;
    let list = server.page("/meetings", 200).await;
    let links: Vec<String> = {
        let selector = scraper::Selector::parse("ul.meetings a").unwrap();
        list.select(&selector)
            .map(|link| link.value().attr("href").unwrap().to_owned())
            .collect()
    };
    assert_eq!(links, ["/meetings/mole-egov-2026-27-review-2", MEETING]);
    let agency = server.page("/meetings?office=dol", 200).await;
    assert_eq!(text(&agency, "h1"), "সভা: শ্রম অধিদপ্তর");
    assert!(texts(&agency, "p").contains(&"এখনো কোনো সভার তথ্য নেই।".to_owned()));
    assert_eq!(
        texts(&list, "h2"),
        ["আসন্ন সভা", "অনুষ্ঠিত সভা"],
        "the December review is still to come on 23 November"
    );
    let meta = texts(&list, "ul.meetings .meta");
    assert_eq!(
        meta[1],
        "ত্রৈমাসিক পর্যালোচনা সভা · ১ম সভা · ৩১ ভাদ্র ১৪২৯ বঙ্গাব্দ / ১৫ সেপ্টেম্বর ২০২২ খ্রিস্টাব্দ"
    );
}
