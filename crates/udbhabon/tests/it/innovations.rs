//! The innovation database (decision 2.3): an office records a simplified service with its time, cost
//! and visits before and after; the savings are computed, bad fields are refused with nothing kept, and
//! the office's list shows it by kind; any office finds the others' innovations from any form of a word,
//! and the form shows look-alikes before saving.

use scraper::Html;

use crate::pdf::pdftotext;
use crate::plans::{alerts, browser};
use crate::server::{TestServer, attribute, text, texts};

const FOCAL: &str = "focal-dife@demo.udbhabon.test";

fn simplification() -> Vec<(&'static str, String)> {
    [
        ("kind", "simplification"),
        ("stage", "scaled_up"),
        ("title", "কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ"),
        ("title_en", "Simpler approval of factory layout plans"),
        ("service", "লে-আউট প্ল্যান অনুমোদন"),
        ("problem", "অনুমোদনে চারবার অফিসে আসতে হয় এবং এক মাস লাগে।"),
        ("solution", "অনলাইনে আবেদন, ফি পরিশোধ ও অনুমোদনপত্র সংগ্রহ।"),
        ("started_on", "০১-০৭-২০২৫"),
        ("completed_on", "2025-12-31"),
        ("days_before", "৩০"),
        ("days_after", "৭"),
        ("cost_before", "১,৫০০"),
        ("cost_after", "৫০০"),
        ("visits_before", "৪"),
        ("visits_after", "১"),
        ("links", "https://dife.gov.bd/licence"),
    ]
    .into_iter()
    .map(|(name, value)| (name, value.to_owned()))
    .collect()
}

#[tokio::test]
async fn an_agency_records_a_simplified_service_and_sees_its_savings() {
    let server = TestServer::start().await;
    let (focal, csrf) = browser(&server, FOCAL).await;
    let list = focal.page("/innovations", 200).await;
    assert_eq!(
        text(&list, "h1"),
        "উদ্ভাবন ভান্ডার: কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"
    );
    // The demo's one: the agency's licence renewal.
    assert_eq!(texts(&list, "tr.innovation-row").len(), 1);
    focal.page("/offices/dife/innovations/new", 200).await;

    // Dates out of order and a TCV row with one figure are refused, and nothing is kept.
    let mut wrong = simplification();
    wrong.retain(|(name, _)| *name != "days_after");
    wrong.push(("days_after", String::new()));
    wrong.retain(|(name, _)| *name != "completed_on");
    wrong.push(("completed_on", "2025-06-30".into()));
    let refused = focal
        .post_form("/offices/dife/innovations", &csrf, &wrong)
        .await;
    assert_eq!(
        alerts(refused).await,
        (
            422,
            vec![
                "বাস্তবায়নের তারিখ শুরুর তারিখের আগে হতে পারে না।".to_owned(),
                "আগে ও পরে দুটো মানই লিখুন।".to_owned(),
            ]
        )
    );
    assert_eq!(
        texts(&focal.page("/innovations", 200).await, "tr.innovation-row").len(),
        1,
        "nothing was kept"
    );

    let saved = focal
        .post_form("/offices/dife/innovations", &csrf, &simplification())
        .await;
    let innovation = saved.url().path().to_owned();
    assert!(innovation.starts_with("/innovations/"), "{innovation}");
    let page = Html::parse_document(&saved.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ");
    assert_eq!(
        texts(&page, "table.tcv td.saving"),
        ["২৩ (৭৭%)", "১,০০০ (৬৭%)", "৩ (৭৫%)"]
    );
    assert!(texts(&page, "p.worse").is_empty());

    // A higher "after" is kept, but flagged.
    let mut worse = simplification();
    worse.retain(|(name, _)| !name.starts_with("visits"));
    worse.push(("visits_before", "১".into()));
    worse.push(("visits_after", "২".into()));
    // Its title is the first one's: saving stops once to show it as a look-alike, keeping what was
    // typed; saving again saves.
    let held = focal
        .post_form("/offices/dife/innovations", &csrf, &worse)
        .await;
    assert_eq!(held.status(), 200);
    let page = Html::parse_document(&held.text().await.unwrap());
    assert_eq!(
        text(&page, "p.held"),
        "সংরক্ষণের আগে দেখে নিন: নিচের উদ্ভাবনগুলো আপনারটির মতো। আপনারটি ভিন্ন হলে আবার “সংরক্ষণ করুন” চাপুন।"
    );
    assert_eq!(
        texts(&page, ".similar-list a"),
        ["কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ"]
    );
    assert_eq!(attribute(&page, "input[name=similar_seen]", "value"), "1");
    assert_eq!(attribute(&page, "#visits_after", "value"), "২");
    worse.push(("similar_seen", "1".into()));
    let flagged = focal
        .post_form("/offices/dife/innovations", &csrf, &worse)
        .await;
    let page = Html::parse_document(&flagged.text().await.unwrap());
    assert_eq!(
        text(&page, "p.worse"),
        "পরে কোনো মান আগের চেয়ে বেশি হয়েছে; তথ্যটি যাচাই করুন।"
    );

    // The agency's list, by kind; the ministry sees its agencies' innovations beside its own.
    let list = focal
        .page("/innovations?office=dife&kind=simplification", 200)
        .await;
    assert_eq!(texts(&list, "tr.innovation-row").len(), 3);
    assert!(
        texts(
            &focal.page("/innovations?office=dife&kind=idea", 200).await,
            "tr.innovation-row"
        )
        .is_empty()
    );
    let (secretary, _) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let ministry = secretary.page("/innovations?office=mole", 200).await;
    assert_eq!(
        texts(&ministry, "td.kind"),
        [
            "সেবা সহজিকরণ",
            "সেবা সহজিকরণ",
            "সেবা সহজিকরণ",
            "সেবা সহজিকরণ",
            "ডিজিটাইজেশন",
            "সেবা সহজিকরণ",
            "ডিজিটাইজেশন"
        ]
    );
    secretary.page(&innovation, 200).await;
    secretary.choose("en").await;
    let english = secretary.page(&innovation, 200).await;
    assert_eq!(
        text(&english, "h1"),
        "Simpler approval of factory layout plans"
    );

    // The agency does not see the ministry's own records, nor record for it.
    assert_eq!(focal.get("/innovations?office=mole").await.status(), 403);
    assert_eq!(
        focal
            .post_form("/offices/mole/innovations", &csrf, &simplification())
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn a_recorded_innovation_is_corrected_and_its_history_names_what_changed() {
    let server = TestServer::start().await;
    let (focal, csrf) = browser(&server, FOCAL).await;
    let saved = focal
        .post_form("/offices/dife/innovations", &csrf, &simplification())
        .await;
    let innovation = saved.url().path().to_owned();
    let edit = format!("{innovation}/edit");

    // The form shows what was recorded, without the stage (only steps move it).
    let form = focal.page(&edit, 200).await;
    assert_eq!(
        attribute(&form, "#title", "value"),
        "কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ"
    );
    assert_eq!(attribute(&form, "#cost_before", "value"), "1500");
    assert!(texts(&form, "select#stage").is_empty());

    // A reader who does not record the agency's innovations is refused.
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    viewer.page(&edit, 403).await;
    let mut corrected = simplification();
    corrected.retain(|(name, _)| !matches!(*name, "title" | "solution" | "stage"));
    corrected.push(("title", "কারখানার নকশা অনুমোদন সহজিকরণ".into()));
    corrected.push((
        "solution",
        "অনলাইনে আবেদন ও অনুমোদনপত্র সংগ্রহ; পরিদর্শন একবার।".into(),
    ));
    corrected.push(("stage", "idea".into()));
    assert_eq!(
        viewer
            .post_form(&edit, &viewer_csrf, &corrected)
            .await
            .status(),
        403
    );

    // An emptied title is refused and nothing changes.
    let mut emptied = corrected.clone();
    emptied.retain(|(name, _)| *name != "title");
    assert_eq!(
        alerts(focal.post_form(&edit, &csrf, &emptied).await).await,
        (422, vec!["এই ঘরটি পূরণ করুন।".to_owned()])
    );
    assert_eq!(
        text(&focal.page(&innovation, 200).await, "h1"),
        "কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ"
    );

    let before = focal.page("/innovations?q=পরিশোধ", 200).await;
    assert!(
        texts(&before, "tr.innovation-row td a")
            .contains(&"কারখানার লে-আউট প্ল্যান অনুমোদন সহজিকরণ".to_owned())
    );

    // The correction is kept; the stage stays what the steps made it.
    let kept = focal.post_form(&edit, &csrf, &corrected).await;
    assert_eq!(kept.url().path(), innovation);
    let page = Html::parse_document(&kept.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "কারখানার নকশা অনুমোদন সহজিকরণ");
    assert!(
        texts(&page, "dl.facts dd").contains(&"সম্প্রসারিত".to_owned()),
        "{:?}",
        texts(&page, "dl.facts dd")
    );
    // Saved again unchanged, nothing more is written.
    focal.post_form(&edit, &csrf, &corrected).await;

    // Search finds it by its new title, no longer by the word it lost.
    let found = focal.page("/innovations?q=নকশা", 200).await;
    assert_eq!(
        texts(&found, "tr.innovation-row td a"),
        ["কারখানার নকশা অনুমোদন সহজিকরণ"]
    );
    let lost = focal.page("/innovations?q=পরিশোধ", 200).await;
    assert!(
        !texts(&lost, "tr.innovation-row td a").contains(&"কারখানার নকশা অনুমোদন সহজিকরণ".to_owned())
    );

    // The agency's member secretary reads the history: recorded, then the one correction and what it
    // changed.
    let (secretary, _) = browser(&server, "ms-dife@demo.udbhabon.test").await;
    let history = texts(&secretary.page(&innovation, 200).await, "ol.history li");
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(history[1].ends_with("বদলেছে: শিরোনাম, সমাধান"), "{history:?}");
}

#[tokio::test]
async fn an_idea_is_piloted_evaluated_scaled_up_and_replicated_by_a_second_office() {
    let server = TestServer::start().await;
    let (focal, csrf) = browser(&server, FOCAL).await;
    let idea = [
        ("kind", "idea"),
        ("stage", "idea"),
        ("title", "কারখানা পরিদর্শনের অনলাইন সময়সূচি"),
        ("problem", "পরিদর্শনের সময় কারখানা আগে জানতে পারে না।"),
        ("solution", "অনলাইনে পরিদর্শনের সময়সূচি প্রকাশ ও এসএমএসে জানানো।"),
    ]
    .map(|(name, value)| (name, value.to_owned()));
    let saved = focal
        .post_form("/offices/dife/innovations", &csrf, &idea)
        .await;
    let page_path = saved.url().path().to_owned();
    let steps = format!("{page_path}/steps");
    let step = async |fields: &[(&str, &str)]| {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &csrf));
        focal.post(&steps, &form).await
    };

    // A pilot cannot start before the idea is approved, nor without its place.
    assert_eq!(
        alerts(
            step(&[
                ("step", "start_pilot"),
                ("place", "ঢাকা"),
                ("from", "2026-01-01")
            ])
            .await
        )
        .await
        .1,
        ["এ অবস্থা থেকে এ ধাপ নেওয়া যায় না।"]
    );
    step(&[("step", "approve"), ("note", "টিমের সভায় অনুমোদিত")]).await;
    assert_eq!(
        alerts(step(&[("step", "start_pilot"), ("from", "2026-01-01")]).await)
            .await
            .1,
        ["কোথায় পাইলটিং হবে লিখুন।"]
    );
    step(&[
        ("step", "start_pilot"),
        ("place", "উপমহাপরিদর্শকের কার্যালয়, ঢাকা"),
        ("from", "2026-01-01"),
        ("to", "2026-03-31"),
    ])
    .await;
    // Another office cannot replicate it before it is evaluated.
    let (secretary, secretary_csrf) = browser(&server, "member-secretary@demo.udbhabon.test").await;
    let early = secretary
        .post(
            &format!("{page_path}/replications"),
            &[("csrf", secretary_csrf.as_str()), ("office", "mole")],
        )
        .await;
    assert_eq!(
        alerts(early).await.1,
        ["মূল্যায়নের আগে কোনো উদ্ভাবন অন্য দপ্তরে অনুসরণ করা যায় না।"]
    );
    step(&[
        ("step", "evaluate"),
        (
            "note",
            "পরিদর্শনে কারখানার উপস্থিতি ৩০% বেড়েছে; সম্প্রসারণের সুপারিশ।",
        ),
    ])
    .await;
    let scaled = step(&[
        ("step", "scale_up"),
        ("place", "সকল বিভাগীয় কার্যালয়"),
        ("from", "2026-04-01"),
    ])
    .await;
    let page = Html::parse_document(&scaled.text().await.unwrap());
    assert_eq!(texts(&page, "li.step").len(), 4);
    assert!(text(&page, "dl.facts").contains("সম্প্রসারিত"));

    // The agency cannot replicate its own innovation; the ministry adopts it.
    let own = focal
        .post(
            &format!("{page_path}/replications"),
            &[("csrf", csrf.as_str()), ("office", "dife")],
        )
        .await;
    assert_eq!(
        alerts(own).await.1,
        ["নিজের দপ্তরের উদ্ভাবন নিজে অনুসরণ করা যায় না।"]
    );
    let copied = secretary
        .post(
            &format!("{page_path}/replications"),
            &[("csrf", secretary_csrf.as_str()), ("office", "mole")],
        )
        .await;
    let copy_path = copied.url().path().to_owned();
    assert_ne!(copy_path, page_path);
    let copy = Html::parse_document(&copied.text().await.unwrap());
    assert_eq!(
        text(&copy, "p.original"),
        "যার অনুসরণে: কারখানা পরিদর্শনের অনলাইন সময়সূচি — কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"
    );
    assert!(text(&copy, "dl.facts").contains("পাইলটিংয়ের জন্য অনুমোদিত"));
    // The original shows its replication and its new stage.
    let original = focal.page(&page_path, 200).await;
    assert_eq!(
        texts(&original, "ul.replications li a"),
        ["শ্রম ও কর্মসংস্থান মন্ত্রণালয়"]
    );
    assert!(text(&original, "dl.facts").contains("অন্য দপ্তরে অনুসৃত"));
    // A viewer of the ministry's records reads the innovation but takes no step on it.
    let (viewer, viewer_csrf) = browser(&server, "viewer@demo.udbhabon.test").await;
    viewer.page(&page_path, 200).await;
    let refused = viewer
        .post(
            &steps,
            &[
                ("csrf", viewer_csrf.as_str()),
                ("step", "drop"),
                ("note", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403);

    // Before it is on the showcase, the public neither sees it nor prints it; signed-in readers print.
    let id = page_path.trim_start_matches("/innovations/");
    let public = server.another_browser();
    public.page(&format!("/showcase/{id}"), 404).await;
    assert_eq!(
        public.get(&format!("{page_path}/sheet.pdf")).await.status(),
        404
    );
    assert_eq!(
        focal.get(&format!("{page_path}/sheet.pdf")).await.status(),
        200
    );
    // The focal point does not run the team; the ministry's member secretary puts it on.
    let choose = [("csrf", csrf.as_str()), ("show", "1")];
    let refused = focal.post(&format!("{page_path}/showcase"), &choose).await;
    assert_eq!(refused.status(), 403);
    let shown = secretary
        .post(
            &format!("{page_path}/showcase"),
            &[("csrf", secretary_csrf.as_str()), ("show", "1")],
        )
        .await;
    let page = Html::parse_document(&shown.text().await.unwrap());
    assert_eq!(
        text(&page, ".showcase-choice p"),
        "উদ্ভাবনটি প্রকাশ্য প্রদর্শনীতে আছে। উদ্ভাবন প্রদর্শনী এক পাতার পরিচিতি (PDF)"
    );

    // Anyone sees it on the showcase with its replication, by the agency's filter, not by another kind's.
    let title = "কারখানা পরিদর্শনের অনলাইন সময়সূচি";
    let showcase = public.page("/showcase?office=dife", 200).await;
    assert_eq!(
        texts(&showcase, ".showcase-card h2"),
        [title, "কারখানা লাইসেন্স নবায়ন সহজিকরণ"]
    );
    assert_eq!(
        texts(&showcase, ".showcase-card .replications"),
        ["অনুসরণকারী দপ্তর: ১টি", "অনুসরণকারী দপ্তর: ১টি"]
    );
    assert_eq!(
        texts(&showcase, ".showcase-card .savings li"),
        [
            "সময় (দিন) ৩০ → ৭ ২৩ (৭৭%)",
            "খরচ (টাকা) ১,৫০০ → ৫০০ ১,০০০ (৬৭%)",
            "যাতায়াত (বার) ৪ → ১ ৩ (৭৫%)",
            "ধাপ ৯ → ৫ ৪ (৪৪%)"
        ]
    );
    let ideas = public.page("/showcase?kind=idea", 200).await;
    assert_eq!(texts(&ideas, ".showcase-card h2"), [title]);
    let ministry_only = public.page("/showcase?office=dol", 200).await;
    assert_eq!(
        text(&ministry_only, "p.muted:not(:first-of-type)"),
        "এ বাছাইয়ে প্রদর্শনীতে কোনো উদ্ভাবন নেই।"
    );
    let public_page = public.page(&format!("/showcase/{id}"), 200).await;
    assert_eq!(
        texts(&public_page, "ul.replicated-by li"),
        ["শ্রম ও কর্মসংস্থান মন্ত্রণালয়"]
    );
    let sheet = public.get(&format!("{page_path}/sheet.pdf")).await;
    assert_eq!(sheet.headers()["content-type"], "application/pdf");
    let printed = pdftotext(&sheet.bytes().await.unwrap(), "-raw");
    for expected in [
        "কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর",
        "উদ্ভাবন পরিচিতি",
        title,
        "উদ্ভাবনী ধারণা · অন্য দপ্তরে অনুসৃত",
        "অন্য দপ্তরে অনুসরণ (১টি)",
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
    assert!(
        printed.contains("মুদ্রণ: ৮ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ / ২৩ নভেম্বর ২০২৬ খ্রিস্টাব্দ"),
        "{printed}"
    );
    // Taken off, it is gone from the public showcase.
    secretary
        .post(
            &format!("{page_path}/showcase"),
            &[("csrf", secretary_csrf.as_str()), ("show", "0")],
        )
        .await;
    public.page(&format!("/showcase/{id}"), 404).await;
}

#[tokio::test]
async fn an_office_finds_what_others_did_from_any_form_of_a_word() {
    let server = TestServer::start().await;
    // The demo's e-filing innovation is the ministry's; the agency's focal point does not read the
    // ministry's records, but searches and opens its innovations.
    let (focal, csrf) = browser(&server, FOCAL).await;
    let demo = "শাখাভিত্তিক ই-ফাইলিংয়ের মাসিক তথ্য অনলাইনে গ্রহণ";
    for query in ["ই-ফাইলিং", "ফাইলিংয়ের", "শাখাভিত্তিক তথ্য", "e-filing returns"]
    {
        let found = focal.page(&format!("/innovations?q={query}"), 200).await;
        assert_eq!(texts(&found, "tr.innovation-row td a"), [demo], "{query}");
    }
    let none = focal.page("/innovations?q=ই-ফাইলিং লাইসেন্স", 200).await;
    assert_eq!(text(&none, "h1"), "“ই-ফাইলিং লাইসেন্স” খুঁজে পাওয়া উদ্ভাবন");
    assert_eq!(text(&none, "p.muted"), "কিছু পাওয়া যায়নি; অন্য শব্দে খুঁজে দেখুন।");
    let opened = focal.page("/innovations/1", 200).await;
    assert_eq!(text(&opened, "h1"), demo);

    // What the form's script shows as the title is typed: the ministry's, for words it shares.
    let typed = focal
        .page("/innovations/similar?title=শাখার মাসিক ই-ফাইলিং&service=", 200)
        .await;
    assert_eq!(texts(&typed, ".similar-list a"), [demo]);
    let unlike = focal
        .get("/innovations/similar?title=অনলাইনে পরীক্ষার ফল")
        .await;
    assert_eq!(
        unlike.text().await.unwrap().trim(),
        "",
        "one shared word is no likeness"
    );

    // Recording one like it is held once, nothing kept; saved the second time, each shows the other.
    let mine = [
        ("kind", "digitization"),
        ("stage", "idea"),
        ("title", "জেলা কার্যালয়ের মাসিক ই-ফাইলিং তথ্য অনলাইনে"),
        ("problem", "জেলা কার্যালয়গুলো কাগজে তথ্য পাঠায়।"),
        ("solution", "অনলাইনে জমা ও তাগিদ।"),
    ]
    .map(|(name, value)| (name, value.to_owned()));
    let held = focal
        .post_form("/offices/dife/innovations", &csrf, &mine)
        .await;
    let page = Html::parse_document(&held.text().await.unwrap());
    assert_eq!(texts(&page, ".similar-list a"), [demo]);
    let listed = async || texts(&focal.page("/innovations", 200).await, "tr.innovation-row").len();
    assert_eq!(listed().await, 1, "only the demo's licence renewal");
    let mut seen = mine.to_vec();
    seen.push(("similar_seen", "1".into()));
    let saved = focal
        .post_form("/offices/dife/innovations", &csrf, &seen)
        .await;
    let saved_path = saved.url().path().to_owned();
    let page = Html::parse_document(&saved.text().await.unwrap());
    assert_eq!(texts(&page, ".similar-list a"), [demo]);
    let demo_page = focal.page("/innovations/1", 200).await;
    assert_eq!(attribute(&demo_page, ".similar-list a", "href"), saved_path);
    // English pages search the same way.
    focal.choose("en").await;
    let english = focal.page("/innovations?q=জেলা", 200).await;
    assert_eq!(text(&english, "h1"), "Innovations matching “জেলা”");
    assert_eq!(texts(&english, "tr.innovation-row").len(), 1);
}
