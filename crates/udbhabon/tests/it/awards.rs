//! The yearly innovation award (decision 2.6): the ministry's agencies and field offices ranked for
//! 2025-26 by the published rules, with every criterion's arithmetic, matching the hand computation in
//! the demo data file; a tie no rule breaks is left to the committee; the chief innovation officer
//! confirms the winners, and the member secretary issues the notice under a memo number.

use scraper::Html;

use crate::pdf::pdftotext;
use crate::plans::browser;
use crate::server::{TestServer, attribute, text, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const CIO: &str = "cio@demo.udbhabon.test";
const AWARDS: &str = "/offices/mole/awards";
const CONFIRM: &str = "/offices/mole/awards/2025-26/confirm";
const ISSUE: &str = "/offices/mole/awards/2025-26/notice";
const NOTICE: &str = "/offices/mole/awards/2025-26/notice.pdf";

/// (place, office, total) of each line of the `index`-th award table.
fn places(page: &scraper::Html, index: usize) -> Vec<(String, String, String)> {
    let sections = scraper::Selector::parse("section.award").unwrap();
    let rows = scraper::Selector::parse("tr.candidate").unwrap();
    let cell = |row: scraper::ElementRef, class: &str| {
        let selector = scraper::Selector::parse(&format!("td.{class}")).unwrap();
        row.select(&selector)
            .next()
            .map(|cell| cell.text().next().unwrap_or_default().trim().to_owned())
            .unwrap_or_default()
    };
    page.select(&sections)
        .nth(index)
        .unwrap()
        .select(&rows)
        .map(|row| (cell(row, "place"), cell(row, "office"), cell(row, "total")))
        .collect()
}

fn owned(lines: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    lines
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[tokio::test]
async fn the_years_ranking_shows_its_arithmetic_and_matches_the_hand_computation() {
    let server = TestServer::start().await;
    let (secretary, _) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    // The test's today is in 2026-27: the award looks back on 2025-26.
    let page = secretary.page("/offices/mole/awards", 200).await;
    assert_eq!(
        text(&page, "h1"),
        "উদ্ভাবন পুরস্কার ২০২৫-২৬: শ্রম ও কর্মসংস্থান মন্ত্রণালয়"
    );
    // DIFE: implemented 1 of 1 (25) and replicated 1 of 1 (15) = 40; DoL: implemented 1 of 1 = 25.
    assert_eq!(
        places(&page, 0),
        owned(&[
            ("১", "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর", "৪০.০০"),
            ("২", "শ্রম অধিদপ্তর", "২৫.০০"),
            ("৩", "নিম্নতম মজুরী বোর্ড", "০.০০"),
            ("৩", "শ্রম আপীল ট্রাইব্যুনাল", "০.০০"),
            ("৩", "বাংলাদেশ শ্রমিক কল্যাণ ফাউন্ডেশন", "০.০০"),
            ("৩", "কেন্দ্রীয় তহবিল", "০.০০"),
        ])
    );
    assert_eq!(
        texts(&page, "section.award:first-of-type tr.first td.working"),
        [
            "০/১০০ → ০.০০ × ৪০% = ০.০০",
            "১/১ → ১০০.০০ × ২৫% = ২৫.০০",
            "১/১ → ১০০.০০ × ১৫% = ১৫.০০",
            "০/০ → ০.০০ × ২০% = ০.০০",
        ]
    );
    assert_eq!(
        texts(&page, "span.tie")[0],
        "সব মানদণ্ডে সমান; কমিটি নির্ধারণ করবে"
    );
    // The rules name the e-Government plan; the demo loads none for 2025-26.
    assert_eq!(
        text(&page, "p.plan-counted"),
        "এ বছরের জন্য \"ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা\" ধরনের কোনো কর্মপরিকল্পনা নেই, তাই কর্মপরিকল্পনার নম্বর গণনায় আসে না।"
    );
    // Field offices: Dhaka implemented its SMS hearing dates; Chattogram's copy is not past approval,
    // and the DIFE's Gazipur office has recorded nothing.
    assert_eq!(
        places(&page, 1),
        owned(&[
            ("১", "বিভাগীয় শ্রম দপ্তর, ঢাকা", "২৫.০০"),
            ("২", "বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম", "০.০০"),
            ("২", "উপমহাপরিদর্শকের কার্যালয়, গাজীপুর", "০.০০"),
        ])
    );

    // Another year counts that year's records: nothing was implemented in 2022-23.
    let earlier = secretary
        .page("/offices/mole/awards?year=2022-23", 200)
        .await;
    assert!(
        places(&earlier, 0)
            .iter()
            .all(|(place, _, total)| place == "১" && total == "০.০০")
    );
    let wrong = secretary.get("/offices/mole/awards?year=someday").await;
    assert_eq!(wrong.status(), 400);

    secretary.choose("en").await;
    let english = secretary.page("/offices/mole/awards", 200).await;
    assert_eq!(
        text(&english, "h1"),
        "Innovation award 2025-26: Ministry of Labour and Employment"
    );
    assert_eq!(
        texts(&english, "section.award h2"),
        ["Agencies", "Field offices"]
    );
}

/// A refused form's status and its messages.
async fn refused(response: reqwest::Response) -> (u16, Vec<String>) {
    let status = response.status().as_u16();
    let page = Html::parse_document(&response.text().await.unwrap());
    (status, texts(&page, "p.field-error"))
}

#[tokio::test]
async fn the_winners_are_confirmed_and_the_award_notice_issued_under_a_memo_number() {
    let server = TestServer::start().await;
    let (secretary, csrf) = browser(&server, SECRETARY).await;
    let (cio, cio_csrf) = browser(&server, CIO).await;
    let public = server.another_browser();

    // Nothing is decided yet: no notice, and none can be issued.
    assert_eq!(public.get(NOTICE).await.status(), 404);
    let (status, messages) = refused(
        secretary
            .post(ISSUE, &[("csrf", &csrf), ("memo_file", "1")])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["বিজয়ী নিশ্চিত হওয়ার আগে বিজ্ঞপ্তি জারি করা যায় না।"]);

    // The chief innovation officer's form offers each award's candidates in ranking order, the one
    // first on its own chosen.
    let page = cio.page(AWARDS, 200).await;
    let fingerprint = attribute(&page, "input[name=ranking]", "value");
    let dife = attribute(&page, "select#agency option:nth-child(2)", "value");
    let dol = attribute(&page, "select#agency option:nth-child(3)", "value");
    let dhaka = attribute(&page, "select#field_office option:nth-child(2)", "value");
    assert_eq!(
        attribute(&page, "select#agency option[selected]", "value"),
        dife
    );
    assert_eq!(
        text(&page, "select#agency option[selected]"),
        "১. কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর (৪০.০০)"
    );
    let choice = |agency: &str, reason: &str| {
        vec![
            ("ranking", fingerprint.clone()),
            ("agency", agency.to_owned()),
            ("agency_reason", reason.to_owned()),
            ("field_office", dhaka.clone()),
        ]
    };

    // The member secretary may not confirm; the year must be over; the ranking must be the one shown.
    let confirm = secretary
        .post_form(CONFIRM, &csrf, &choice(&dife, ""))
        .await;
    assert_eq!(confirm.status(), 403);
    let (status, messages) = refused(
        cio.post_form(
            "/offices/mole/awards/2026-27/confirm",
            &cio_csrf,
            &choice(&dife, ""),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["অর্থবছর শেষ হলে তবেই এর পুরস্কার নির্ধারণ করা যাবে।"]);
    let mut stale = choice(&dife, "");
    stale[0].1 = "0123456789abcdef".into();
    let (status, messages) = refused(cio.post_form(CONFIRM, &cio_csrf, &stale).await).await;
    assert_eq!(status, 422);
    assert!(
        messages[0].starts_with("পাতা খোলার পর নম্বর বদলেছে"),
        "{messages:?}"
    );

    // The second-placed agency needs the team's reason; without one nothing is kept.
    let (status, messages) =
        refused(cio.post_form(CONFIRM, &cio_csrf, &choice(&dol, " ")).await).await;
    assert_eq!(status, 422);
    assert_eq!(messages, ["এ দপ্তর একক প্রথম নয়; নির্বাচনের কারণ লিখুন।"]);
    assert!(texts(&cio.page(AWARDS, 200).await, "dl.winners dd").is_empty());
    let mut unranked = choice(&dife, "");
    unranked[3].1 = dife.clone();
    let (_, messages) = refused(cio.post_form(CONFIRM, &cio_csrf, &unranked).await).await;
    assert_eq!(messages, ["নির্বাচিত দপ্তরটি এ তালিকায় নেই।"]);

    // Confirmed as ranked, then confirmed again with the team's own choice and its reason.
    let confirmed = cio.post_form(CONFIRM, &cio_csrf, &choice(&dife, "")).await;
    assert_eq!(confirmed.url().path(), AWARDS);
    let reason = "ট্রেড ইউনিয়ন নিবন্ধন ডিজিটাইজেশন সারা দেশে চালু হয়েছে";
    let confirmed = cio
        .post_form(CONFIRM, &cio_csrf, &choice(&dol, reason))
        .await;
    assert_eq!(confirmed.url().path(), AWARDS);
    let page = secretary.page(AWARDS, 200).await;
    assert_eq!(
        texts(&page, "dl.winners dd strong"),
        ["শ্রম অধিদপ্তর", "বিভাগীয় শ্রম দপ্তর, ঢাকা"]
    );
    assert!(
        text(&page, ".award-decision p.small.muted").starts_with("নিশ্চিত করেছেন বেগম জেবুন্নেছা করিম")
    );

    // The chief innovation officer does not issue; the member secretary does, under the ICT Cell
    // file's next number.
    let file = attribute(&page, "select#memo_file option:nth-child(2)", "value");
    let issue = [("memo_file", file.clone())];
    assert_eq!(cio.post_form(ISSUE, &cio_csrf, &issue).await.status(), 403);
    let issued = secretary.post_form(ISSUE, &csrf, &issue).await;
    assert_eq!(issued.url().path(), AWARDS);
    let page = secretary.page(AWARDS, 200).await;
    assert_eq!(
        text(&page, "p.issued"),
        "বিজ্ঞপ্তি জারি হয়েছে: নম্বর ৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬, তারিখ ২৩ নভেম্বর ২০২৬ — বিজ্ঞপ্তি (PDF)"
    );
    let register = secretary.page("/offices/mole/memos", 200).await;
    assert!(
        texts(&register, "td")
            .iter()
            .any(|cell| cell == "উদ্ভাবন পুরস্কার বিজ্ঞপ্তি ২০২৫-২৬"),
        "{:?}",
        texts(&register, "td")
    );

    // Issued, it is fixed: no second number, no new winners.
    let (status, messages) = refused(secretary.post_form(ISSUE, &csrf, &issue).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        messages,
        ["এ বছরের পুরস্কার বিজ্ঞপ্তি ইতোমধ্যে জারি হয়েছে; আর বদলানো যাবে না।"]
    );
    let (status, again) =
        refused(cio.post_form(CONFIRM, &cio_csrf, &choice(&dife, "")).await).await;
    assert_eq!(status, 422);
    assert_eq!(again, messages);

    // The notice is public: a letter with the number, both dates, the winners with their marks and
    // the team's reason, the criteria, the signature and the distribution.
    let notice = public.get(NOTICE).await;
    assert_eq!(notice.status(), 200);
    let printed = pdftotext(&notice.bytes().await.unwrap(), "-raw");
    for expected in [
        "নম্বর: ৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬",
        "৮ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ",
        "২৩ নভেম্বর ২০২৬ খ্রিস্টাব্দ",
        "বিজ্ঞপ্তি",
        "বিষয়: ২০২৫-২৬ অর্থবছরের বার্ষিক উদ্ভাবন পুরস্কার প্রদান।",
        "শ্রম অধিদপ্তর",
        "টিমের সিদ্ধান্ত: ট্রেড ইউনিয়ন নিবন্ধন ডিজিটাইজেশন সারা দেশে চালু হয়েছে",
        "২৫.০০",
        "বিভাগীয় শ্রম দপ্তর, ঢাকা",
        "কর্মপরিকল্পনার নম্বর ৪০, বাস্তবায়িত উদ্ভাবন ২৫, অন্য দপ্তরে অনুসরণ ১৫, সময়মতো দাখিল",
        "৩। পুরস্কারপ্রাপ্ত দপ্তর/সংস্থা ও অফিসকে অভিনন্দন।",
        "এ.এস.এম. মেহরাব হোসেন",
        "১) শ্রম অধিদপ্তর",
        "৩) অফিস কপি/গার্ড ফাইল",
    ] {
        assert!(printed.contains(expected), "{expected} in\n{printed}");
    }
    assert!(!printed.contains("কলকারখানা"), "{printed}");
    public.choose("en").await;
    let english = pdftotext(&public.get(NOTICE).await.bytes().await.unwrap(), "-raw");
    assert!(
        english.contains("No.: 40.00.0000.000.036.32.0006.17.6"),
        "{english}"
    );
    assert!(english.contains("Annual innovation award for the fiscal year 2025-26."));
    // Each row names one award, in the singular.
    assert!(english.contains("Field office") && !english.contains("Field offices"));

    // The showcase lists the year's winners with the notice.
    let showcase = server.another_browser().page("/showcase", 200).await;
    assert_eq!(
        texts(&showcase, ".award-roll h3"),
        ["২০২৫-২৬ অর্থবছর: শ্রম ও কর্মসংস্থান মন্ত্রণালয়"]
    );
    assert_eq!(
        texts(&showcase, ".award-roll dd"),
        ["শ্রম অধিদপ্তর", "বিভাগীয় শ্রম দপ্তর, ঢাকা"]
    );
    assert_eq!(attribute(&showcase, ".award-roll a", "href"), NOTICE);
    assert_eq!(
        text(&showcase, ".award-roll p.small"),
        "নম্বর: ৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬ — বিজ্ঞপ্তি (PDF)"
    );
}
