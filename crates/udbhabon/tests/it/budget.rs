//! The ICT budget register through the browser's forms: the ministry's member secretary reads the
//! year's lines with their utilisation (a line spent beyond its allocation flagged), adds a line (a
//! wrong one, or a code the year's budget has already, refused with nothing saved), records a month's
//! spending beyond the allocation (taken and flagged; a month not begun refused), imports a table of
//! lines (one with problems imports nothing) and downloads it; the monthly coordination meeting's form
//! takes the budget in as an agenda item; a reader who does not keep the register reads it but cannot
//! write to it.

use udbhabon_docs::table::{TableFormat, write_table};

use crate::server::{TestServer, attribute, text, texts};

const REGISTER: &str = "/offices/mole/budget";

fn typed<const N: usize>(fields: [(&str, &str); N]) -> [(String, String); N] {
    fields.map(|(name, value)| (name.to_owned(), value.to_owned()))
}

fn csv(rows: &[&[&str]]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
        .collect();
    write_table(TableFormat::Csv, "budget", &rows).unwrap()
}

async fn import(server: &TestServer, csrf: &str, file: Vec<u8>) -> (u16, scraper::Html) {
    server
        .post_file(&format!("{REGISTER}/import"), csrf, file)
        .await
}

#[tokio::test]
async fn a_years_budget_is_spent_month_by_month_and_feeds_the_coordination_meeting() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    // The demo's three lines of 2026-27: the computer consumables spent beyond their allocation.
    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        text(&page, "h1"),
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়: আইসিটি বাজেট, অর্থবছর ২০২৬-২৭"
    );
    assert_eq!(
        texts(&page, "table.budget tbody td:first-child"),
        ["৩২১১১১৭", "৩২৫৫১০১", "৪১১২২০২"]
    );
    assert_eq!(
        texts(&page, "table.budget tbody td:last-child"),
        ["৩২.৭%", "১১০.০% বরাদ্দের বেশি ব্যয়", "৭৭.৮%"]
    );
    assert_eq!(
        texts(&page, "dl.budget-totals dd"),
        ["৬,৫০০", "৪,৭৭২", "৭৩.৪% ১টি খাতে বরাদ্দের বেশি ব্যয়"]
    );

    // A wrong line names each field and adds nothing.
    let line = |code: &str| {
        typed([
            ("year", "২০২৬-২৭"),
            ("kind", "revenue"),
            ("code", code),
            ("head_bn", "কম্পিউটার সফটওয়্যার"),
            ("allocation", "৫০০"),
            ("revised", ""),
        ])
    };
    let (status, refused) = secretary
        .post_fields(REGISTER, &csrf, &line("৩২৫৫-১০৪"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&refused, ".field-error"),
        ["অর্থনৈতিক কোড সর্বোচ্চ ১২ অঙ্কের সংখ্যা হবে।"]
    );
    // A code the year's revenue budget has already is refused, naming the line that has it.
    let (status, refused) = secretary
        .post_fields(REGISTER, &csrf, &line("৩২৫৫১০১"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#budget-code + .field-error"),
        "এ অর্থবছরের এ বাজেটে কোডটি আগেই আছে (কম্পিউটার সামগ্রী)।"
    );
    assert_eq!(
        texts(
            &secretary.page(REGISTER, 200).await,
            "table.budget tbody tr"
        )
        .len(),
        3
    );
    let (status, page) = secretary
        .post_fields(REGISTER, &csrf, &line("৩২৫৫১০৪"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "বাজেট খাতটি যোগ হয়েছে।");

    // A month not begun is refused; spending beyond the allocation is taken, and flagged.
    let spend = attribute(&page, "form[action$='/spending']", "action");
    let (status, refused) = secretary
        .post_fields(
            &spend,
            &csrf,
            &typed([("month", "2026-12-01"), ("amount", "১০")]),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#spending-month + .field-error"),
        "যে মাস এখনো শুরু হয়নি তার ব্যয় লেখা যায় না।"
    );
    let (status, page) = secretary
        .post_fields(
            &spend,
            &csrf,
            &typed([("month", "2026-11-01"), ("amount", "৬০০")]),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "মাসের ব্যয় লিপিবদ্ধ হয়েছে।");
    assert_eq!(text(&page, "span.tag.late"), "বরাদ্দের বেশি ব্যয়");
    assert!(text(&page, "dl.budget-details").contains("১২০.০%"));
    assert_eq!(
        texts(&page, "table.budget-months tbody tr:nth-child(5) td"),
        ["নভেম্বর ২০২৬", "৬০০", "৬০০"]
    );
    // Its year stays once a month is spent.
    let save = attribute(&page, "details.card form", "action");
    let mut moved = line("৩২৫৫১০৪");
    moved[0].1 = "২০২৭-২৮".to_owned();
    let (status, refused) = secretary.post_fields(&save, &csrf, &moved).await;
    assert_eq!(status, 422);
    assert_eq!(
        text(&refused, "#budget-year + .field-error"),
        "মাসের ব্যয় লিপিবদ্ধ থাকায় অর্থবছর বদলানো যায় না।"
    );

    // A table with a month not begun and a code repeated imports nothing, naming each problem.
    let header: &[&str] = &[
        "year",
        "kind",
        "code",
        "head_bn",
        "head_en",
        "allocation",
        "revised",
        "jul",
        "dec",
    ];
    let (status, page) = import(
        &secretary,
        &csrf,
        csv(&[
            header,
            &[
                "2026-27",
                "revenue",
                "3211117",
                "ইন্টারনেট",
                "",
                "1300",
                "",
                "",
                "50",
            ],
            &[
                "2026-27",
                "revenue",
                "3211117",
                "ইন্টারনেট",
                "",
                "1300",
                "",
                "",
                "",
            ],
        ]),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, "ul.problems li"),
        [
            "সারি ২, কলাম dec: যে মাস এখনো শুরু হয়নি তার ব্যয় লেখা যায় না।",
            "সারি ৩, কলাম code: একই অর্থবছর, বাজেট ও কোড ফাইলে আগের সারিতে আছে।",
        ]
    );
    // A good one updates the line the year has and adds the one it has not.
    let (status, page) = import(
        &secretary,
        &csrf,
        csv(&[
            header,
            &[
                "2026-27",
                "revenue",
                "3211117",
                "ইন্টারনেট",
                "",
                "1300",
                "",
                "90",
                "",
            ],
            &[
                "২০২৬-২৭",
                "development",
                "4112101",
                "মোটরযান",
                "",
                "2000",
                "",
                "",
                "",
            ],
        ]),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, ".notice"),
        "আমদানি সম্পন্ন: ১টি নতুন খাত যোগ হয়েছে, ১টি হালনাগাদ হয়েছে।"
    );
    assert_eq!(texts(&page, "table.budget tbody tr").len(), 5);

    // The table downloads in the import's columns.
    let csv = secretary
        .get(&format!("{REGISTER}/export.csv?year=2026-27"))
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "year,kind,code,head_bn,head_en,allocation,revised,jul,aug,sep,oct,nov,dec,jan,feb,mar,apr,may,jun,spent,utilisation"
    );
    assert!(
        lines.contains(&"2026-27,revenue,3211117,ইন্টারনেট,,1300,,90,98,102,97,,,,,,,,,387,29.8"),
        "{csv}"
    );

    // The monthly coordination meeting's form takes the year's budget in as an agenda item.
    let form = secretary
        .get("/offices/mole/meetings/new?kind=monthly_coordination")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(
            "আইসিটি বাজেট ২০২৬-২৭-এর ব্যয় পর্যালোচনা (বরাদ্দ ৯,১০০ হাজার টাকা, ব্যয় ৫,৩৬৭ হাজার টাকা, ৫৯.০%; ২টি খাতে বরাদ্দের বেশি ব্যয়)"
        ),
        "{form}"
    );

    // A reader of the ministry who does not run its team reads the register but may not keep it.
    let (member, member_csrf) = server.signed_in_as("member@demo.udbhabon.test").await;
    let page = member.page(REGISTER, 200).await;
    assert!(texts(&page, "details.card").is_empty());
    let fields = line("৩২৫৫১০৯");
    let fields: Vec<(&str, String)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    assert_eq!(
        member
            .post_form(REGISTER, &member_csrf, &fields)
            .await
            .status(),
        403
    );
    let (status, _) = import(&member, &member_csrf, csv_header_only()).await;
    assert_eq!(status, 403);

    // A line entered by mistake is removed, with its spending.
    let page = secretary.page(REGISTER, 200).await;
    let line_href = attribute(&page, "table.budget tbody tr:last-child a", "href");
    let remove = attribute(
        &secretary.page(&line_href, 200).await,
        "form[action$='/remove']",
        "action",
    );
    let (status, page) = secretary.post_fields(&remove, &csrf, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(text(&page, ".notice"), "বাজেট খাতটি মুছে ফেলা হয়েছে।");
    assert_eq!(texts(&page, "table.budget tbody tr").len(), 4);
}

fn csv_header_only() -> Vec<u8> {
    csv(&[&[
        "year",
        "kind",
        "code",
        "head_bn",
        "head_en",
        "allocation",
        "revised",
    ]])
}
