//! The software register through the browser's forms: the ministry's member secretary registers a
//! system, records the handover of its source code and who verified its build, and corrects its
//! details; bad input is refused with nothing saved, and a reader who does not keep the register cannot
//! write to it. A certificate about to lapse waits in the member secretary's inbox and is mailed at its
//! lead time and once it has lapsed, until it is recorded renewed. A quality test is recorded with its
//! certificate, and its finding followed from the inbox and the mail to its closure; the register
//! downloads with each system's latest test and findings open.

use crate::server::{MovableClock, TestServer, attribute, mail_part, text, texts, upload_form};

const REGISTER: &str = "/offices/mole/software";

#[tokio::test]
async fn a_system_is_registered_its_source_code_handed_over_and_its_build_verified() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        texts(&page, "table.software td:nth-child(5) span"),
        ["সোর্স কোড হস্তান্তরিত ও বিল্ড যাচাইকৃত", "সোর্স কোড হস্তান্তর হয়নি"]
    );

    let system = |owner: &str, url: &str| {
        [
            ("name_bn", "শ্রম অভিবাসন তথ্য ব্যবস্থা"),
            ("name_en", "Labour migration information system"),
            ("owner", owner),
            ("vendor", "বাংলাদেশ কম্পিউটার কাউন্সিল"),
            ("hosting", "national_data_center"),
            ("url", url),
            ("users", "১,২০০"),
            ("personal_data", "1"),
            ("data_class", "restricted"),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
    };
    // No owner and a web address that is none: refused beside the fields, nothing registered.
    let (status, refused) = secretary
        .post_fields(REGISTER, &csrf, &system("", "lmis"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        [
            "এই ঘরটি পূরণ করুন।",
            "লিংক https:// বা http:// দিয়ে শুরু হতে হবে, ফাঁকা জায়গা ছাড়া।"
        ]
    );
    assert_eq!(
        texts(
            &secretary.page(REGISTER, 200).await,
            "table.software tbody tr"
        )
        .len(),
        2
    );

    let (status, page) = secretary
        .post_fields(
            REGISTER,
            &csrf,
            &system("বহির্গমন অনুবিভাগ", "https://lmis.mole.gov.bd"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "সফটওয়্যারটি নিবন্ধিত হয়েছে।");
    let details = text(&page, "dl.software-details");
    assert!(details.contains("১,২০০"), "{details}");
    assert!(details.contains("সংরক্ষিত · ব্যক্তিগত উপাত্ত আছে"), "{details}");
    assert_eq!(text(&page, "#handover-heading + p"), "সোর্স কোড হস্তান্তর হয়নি");
    let action = crate::server::attribute(&page, "form[action$='/handover']", "action");
    let path = action.trim_end_matches("/handover").to_owned();

    // A build verified before the code was handed over is refused; then the handover is recorded.
    let handover = |verified_on: &str| {
        [
            ("custody", "national_repository"),
            ("handed_over_on", "১৫-১১-২০২৬"),
            ("location", "জাতীয় সোর্স কোড রিপোজিটরি, mole/lmis"),
            ("version", "v3.0.1"),
            ("verified_by", "সিস্টেম এনালিস্ট, আইসিটি সেল"),
            ("verified_on", verified_on),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
    };
    let (status, refused) = secretary
        .post_fields(&action, &csrf, &handover("2026-11-10"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#handover-verified-on + .field-error"),
        "যাচাইয়ের তারিখ হস্তান্তরের আগে হতে পারে না।"
    );
    let (status, page) = secretary
        .post_fields(&action, &csrf, &handover("2026-11-20"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, "#handover-heading + p"),
        "সোর্স কোড হস্তান্তরিত ও বিল্ড যাচাইকৃত"
    );
    let recorded = text(&page, "dl.software-handover");
    assert!(recorded.contains("v3.0.1"), "{recorded}");
    assert!(
        recorded.contains("সিস্টেম এনালিস্ট, আইসিটি সেল, ২০ নভেম্বর ২০২৬"),
        "{recorded}"
    );

    // Its details corrected: the register lists it with its owner.
    let (status, _) = secretary
        .post_fields(&path, &csrf, &system("বহির্গমন অনুবিভাগ (প্রবাসী কল্যাণ)", ""))
        .await;
    assert_eq!(status, 200);
    let register = secretary.page(REGISTER, 200).await;
    assert!(
        texts(&register, "table.software td").contains(&"বহির্গমন অনুবিভাগ (প্রবাসী কল্যাণ)".to_owned())
    );

    // A reader of the ministry who does not run its team reads the register but may not write to it.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    member.page(&path, 200).await;
    let fields = handover("2026-11-20");
    let fields: Vec<(&str, String)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    let response = member.post_form(&action, &member_csrf, &fields).await;
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_lapsing_certificate_is_reminded_until_it_is_renewed() {
    let clock = MovableClock::at("2026-11-23");
    let server = TestServer::start_with_clock(clock.clone()).await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    // The website's certificate lapses on 31 December: not yet within its thirty days.
    let register = secretary.page(REGISTER, 200).await;
    assert_eq!(
        texts(
            &register,
            "table.software tbody tr:last-child td:last-child"
        ),
        ["৩১ ডিসেম্বর ২০২৬ মেয়াদ আছে"]
    );
    let website = attribute(&register, "table.software tbody tr:last-child a", "href");
    let page = secretary.page(&website, 200).await;
    let add = attribute(&page, "form[action$='/renewals']", "action");

    let renewal = |subject: &str, remind_days: &str| {
        [
            ("kind", "certificate"),
            ("subject", subject),
            ("expires_on", "১০-১২-২০২৬"),
            ("remind_days", remind_days),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
    };
    // No subject and a lead time of none: refused beside the fields, nothing added.
    let (status, refused) = secretary.post_fields(&add, &csrf, &renewal("", "০")).await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["এই ঘরটি পূরণ করুন।", "১ থেকে ১৮০-এর মধ্যে দিনের সংখ্যা লিখুন।"]
    );
    assert_eq!(
        texts(
            &secretary.page(&website, 200).await,
            "table.renewals tbody tr"
        )
        .len(),
        2
    );

    // Lapsing in seventeen days, with twenty days' lead: due now.
    let (status, page) = secretary
        .post_fields(&add, &csrf, &renewal("portal.mole.gov.bd", "২০"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "নবায়নটি যোগ হয়েছে।");
    let row = "table.renewals tbody tr:first-child";
    assert_eq!(
        text(&page, &format!("{row} td:nth-child(4)")),
        "শিগগির নবায়ন করতে হবে"
    );
    let inbox = secretary.page("/notifications", 200).await;
    let notice = texts(&inbox, &format!("a[href^='{website}#renewal-']")).join(" ");
    assert!(
        notice.contains("এসএসএল সার্টিফিকেট: portal.mole.gov.bd"),
        "{notice}"
    );
    let main = text(&inbox, "main");
    assert!(main.contains("নবায়ন: মেয়াদ শেষ হচ্ছে"), "{main}");
    assert!(main.contains("মেয়াদ শেষ: ১০ ডিসেম্বর ২০২৬"), "{main}");

    // Mailed once at its lead time.
    let run = server.app().send_renewal_reminders().await.unwrap();
    assert_eq!((run.sent, run.already_sent), (1, 0));
    let mail = server.mail();
    let message = mail.last().unwrap();
    assert!(
        message.contains("To: member-secretary@demo.udbhabon.test"),
        "{message}"
    );
    let body = String::from_utf8(mail_part(message, "text/plain")).unwrap();
    assert!(
        body.contains("নিচের মেয়াদ ১০ ডিসেম্বর ২০২৬ তারিখে শেষ হচ্ছে"),
        "{body}"
    );
    assert!(body.contains(&website), "{body}");
    let again = server.app().send_renewal_reminders().await.unwrap();
    assert_eq!((again.sent, again.already_sent), (0, 1));

    // The day after it lapsed: the lapse is mailed (with the website's certificate, now within its
    // thirty days).
    clock.set("2026-12-11");
    let run = server.app().send_renewal_reminders().await.unwrap();
    assert_eq!(run.sent, 2);
    assert!(server.mail().iter().any(|message| {
        String::from_utf8(mail_part(message, "text/plain"))
            .unwrap()
            .contains("নিচের মেয়াদ ১০ ডিসেম্বর ২০২৬ তারিখে শেষ হয়ে গেছে")
    }));
    // Eighteen days on, the session has lapsed too.
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(&website, 200).await;
    assert_eq!(
        text(&page, &format!("{row} td:nth-child(4)")),
        "মেয়াদ পেরিয়েছে"
    );
    let renew = attribute(&page, &format!("{row} form[action$='/renew']"), "action");

    // Renewed: a date no later than the lapsed one is refused; a year on, it stands current and is
    // no longer reminded.
    let date = |expires_on: &str| [("expires_on".to_owned(), expires_on.to_owned())];
    let (status, refused) = secretary
        .post_fields(&renew, &csrf, &date("2026-12-10"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, &format!("{row} .field-error")),
        "নতুন তারিখ বর্তমান মেয়াদ শেষের তারিখের পরে হতে হবে।"
    );
    let (status, page) = secretary
        .post_fields(&renew, &csrf, &date("১০-১২-২০২৭"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "নতুন মেয়াদ লিপিবদ্ধ হয়েছে।");
    assert_eq!(
        texts(&page, "table.renewals td:nth-child(4)"),
        ["শিগগির নবায়ন করতে হবে", "মেয়াদ আছে", "মেয়াদ আছে"]
    );
    let inbox = secretary.page("/notifications", 200).await;
    assert!(!text(&inbox, "main").contains("portal.mole.gov.bd"));
    assert_eq!(server.app().send_renewal_reminders().await.unwrap().sent, 0);

    // A reader who does not keep the register may not renew nor take a renewal off.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    let response = member
        .post_form(
            &renew,
            &member_csrf,
            &[("expires_on", "2028-12-10".to_owned())],
        )
        .await;
    assert_eq!(response.status(), 403);
    let remove = format!("{}/remove", renew.trim_end_matches("/renew"));
    assert_eq!(
        member.post_form(&remove, &member_csrf, &[]).await.status(),
        403
    );

    // Taken off by the member secretary.
    let (status, page) = secretary.post_fields(&remove, &csrf, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "নবায়নটি বাদ দেওয়া হয়েছে।");
    assert!(!text(&page, "table.renewals").contains("portal.mole.gov.bd"));
}

#[tokio::test]
async fn a_test_is_certified_and_its_finding_followed_to_closure() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    // The demo's security test of the grant system: passed on conditions, one finding open, one closed.
    let system = "/software/1";
    let page = secretary.page(system, 200).await;
    assert_eq!(
        text(&page, "article.certification h3 span"),
        "শর্তসাপেক্ষে উত্তীর্ণ"
    );
    assert_eq!(
        texts(&page, "table.findings td:nth-child(4)"),
        ["চলমান", "নিষ্পন্ন"]
    );

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    let certify = async |tested_on: &str| {
        let fields = [
            ("csrf", csrf.as_str()),
            ("kind", "quality_test"),
            ("tester", "বাংলাদেশ কম্পিউটার কাউন্সিল"),
            ("tested_on", tested_on),
            ("version", "v1.5.0"),
            ("result", "passed"),
            ("note", ""),
        ];
        let response = secretary
            .client
            .post(format!("{}{system}/certifications", secretary.base))
            .multipart(upload_form(&fields, &[("bcc-certificate.pdf", PDF)]))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (
            status,
            scraper::Html::parse_document(&response.text().await.unwrap()),
        )
    };
    // A test dated tomorrow is refused, and nothing is recorded.
    let (status, refused) = certify("২৪-১১-২০২৬").await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#certification-tested-on + .field-error"),
        "তারিখটি আজকের পরে হতে পারে না।"
    );
    assert_eq!(
        texts(&secretary.page(system, 200).await, "article.certification").len(),
        1
    );
    let (status, page) = certify("২০-১১-২০২৬").await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "পরীক্ষাটি লিপিবদ্ধ হয়েছে।");
    // The latest test comes first, with its certificate.
    let latest = "article.certification:first-of-type";
    assert_eq!(text(&page, &format!("{latest} h3 span")), "উত্তীর্ণ");
    let file = attribute(&page, &format!("{latest} a[download]"), "href");
    let downloaded = secretary.get(&file).await;
    assert_eq!(downloaded.status(), 200);
    assert_eq!(downloaded.bytes().await.unwrap().as_ref(), PDF);

    // A finding due before the test is refused; one due in two days waits in the inbox and is mailed.
    let add = attribute(
        &page,
        &format!("{latest} form[action$='/findings']"),
        "action",
    );
    let finding = |due_on: &str| {
        [
            ("text", "রিপোর্ট পাতায় ধীরগতি"),
            ("severity", "low"),
            ("due_on", due_on),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
    };
    let (status, refused) = secretary
        .post_fields(&add, &csrf, &finding("2026-11-19"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["শেষ তারিখ পরীক্ষার তারিখের আগে হতে পারে না।"]
    );
    let (status, page) = secretary
        .post_fields(&add, &csrf, &finding("২৫-১১-২০২৬"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "পর্যবেক্ষণটি যোগ হয়েছে।");
    let inbox = secretary.page("/notifications", 200).await;
    let main = text(&inbox, "main");
    assert!(main.contains("পর্যবেক্ষণ: নিষ্পত্তির সময় শেষ হচ্ছে"), "{main}");
    assert!(
        main.contains("রিপোর্ট পাতায় ধীরগতি (শ্রমিক কল্যাণ অনুদান ব্যবস্থাপনা সফটওয়্যার)"),
        "{main}"
    );
    let run = server.app().send_finding_reminders().await.unwrap();
    assert_eq!((run.sent, run.already_sent), (1, 0));
    let body = String::from_utf8(mail_part(server.mail().last().unwrap(), "text/plain")).unwrap();
    assert!(body.contains("নিষ্পত্তির শেষ তারিখ ২৫ নভেম্বর ২০২৬"), "{body}");

    // A reader of the ministry who does not run its team reads the certificate but may not close the
    // finding.
    let close = attribute(&page, &format!("{latest} form[action$='/close']"), "action");
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    assert_eq!(member.get(&file).await.status(), 200);
    let closure = |closed_on: &str| {
        [
            ("closed_on", closed_on.to_owned()),
            ("note", "কোয়েরি সূচক যোগ করে গতি যাচাই করা হয়েছে".to_owned()),
        ]
    };
    assert_eq!(
        member
            .post_form(&close, &member_csrf, &closure("2026-11-22"))
            .await
            .status(),
        403
    );

    // Closed before the test: refused; closed the day before yesterday: closed in time.
    let typed = |fields: [(&str, String); 2]| fields.map(|(name, value)| (name.to_owned(), value));
    let (status, refused) = secretary
        .post_fields(&close, &csrf, &typed(closure("2026-11-19")))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["নিষ্পত্তি পরীক্ষার তারিখের আগে হতে পারে না।"]
    );
    let (status, page) = secretary
        .post_fields(&close, &csrf, &typed(closure("২১-১১-২০২৬")))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "পর্যবেক্ষণটি নিষ্পন্ন হয়েছে।");
    assert_eq!(
        texts(&page, &format!("{latest} table.findings td:nth-child(4)")),
        ["নিষ্পন্ন"]
    );
    let inbox = secretary.page("/notifications", 200).await;
    assert!(!text(&inbox, "main").contains("রিপোর্ট পাতায় ধীরগতি"));

    // The register as a spreadsheet: the grant system's latest test, and the demo's finding still open.
    let xlsx = member.get(&format!("{REGISTER}/export.xlsx")).await;
    assert_eq!(xlsx.status(), 200);
    let rows = udbhabon_docs::table::read_table(
        &xlsx.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][1], "শ্রমিক কল্যাণ অনুদান ব্যবস্থাপনা সফটওয়্যার");
    assert_eq!(
        rows[1][17..],
        ["quality_test", "2026-11-20", "passed", "1", "0"]
    );
    assert_eq!(
        rows[2][14..17],
        ["certificate", "mole.gov.bd, www.mole.gov.bd", "2026-12-31"]
    );
}
