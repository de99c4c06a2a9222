//! Administering the office tree: adding offices and units, and CSV import (all or nothing) and export.

use crate::server::{DEMO_PASSWORD, TestServer, attribute, option_value, text, texts};

async fn admin() -> (TestServer, String) {
    let server = TestServer::start().await;
    assert_eq!(
        server
            .sign_in("admin@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let csrf = server.csrf().await;
    (server, csrf)
}

async fn upload(server: &TestServer, csrf: &str, csv: &str) -> reqwest::Response {
    upload_bytes(server, csrf, csv.as_bytes().to_vec(), "offices.csv").await
}

/// Sends a file to the import form, as a browser's file field does.
async fn upload_bytes(
    server: &TestServer,
    csrf: &str,
    bytes: Vec<u8>,
    name: &str,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    server
        .client
        .post(format!("{}/admin/offices/import", server.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

const GOOD: &str = "\u{feff}key,parent,kind,name_bn,name_en,memo_code,email,district\n\
dol-dhaka,dol,divisional_office,শ্রম অধিদপ্তর বিভাগীয় কার্যালয়: ঢাকা,Divisional Labour Office: Dhaka,,dhaka@dol.example.gov.bd,Dhaka\n\
dol-gazipur,dol-dhaka,district_office,শ্রম অধিদপ্তর জেলা কার্যালয়: গাজীপুর,District Labour Office: Gazipur,৩৩,,৩৩\n";

#[tokio::test]
async fn a_file_with_any_bad_row_imports_nothing_and_reports_each_problem_by_line() {
    let (server, csrf) = admin().await;
    let bad = "key,parent,kind,name_bn,name_en\n\
dol-dhaka,dol,divisional_office,ঢাকা কার্যালয়,Dhaka office\n\
Bad Key,dol,palace,খ,\n\
dol-sylhet,nowhere,district_office,সিলেট,Sylhet\n\
dol-dhaka,dol,district_office,আবার,Again\n";
    let response = upload(&server, &csrf, bad).await;
    assert_eq!(response.status(), 422);
    let page = scraper::Html::parse_document(&response.text().await.unwrap());
    let problems = texts(&page, "p.alert");
    assert_eq!(
        problems,
        [
            "সারি ৩, কলাম key: সংকেতে কেবল ইংরেজি ছোট হাতের অক্ষর, সংখ্যা ও হাইফেন থাকবে (৬৪ অক্ষরের মধ্যে)।",
            "সারি ৩, কলাম kind: দপ্তরের ধরনটি জানা নেই।",
            "সারি ৩, কলাম name_en: এই ঘরটি পূরণ করুন।",
            "সারি ৪, কলাম parent: এই ঊর্ধ্বতন দপ্তরটি নেই; আগে সেটি যোগ করুন বা ফাইলের আগের সারিতে রাখুন।",
            "সারি ৫, কলাম key: এই সংকেত আগেই ব্যবহৃত হয়েছে।",
        ]
    );
    let tree = server.page("/offices?under=dol", 200).await;
    assert!(
        !texts(&tree, ".office-line strong")
            .iter()
            .any(|name| name == "ঢাকা কার্যালয়"),
        "nothing was imported"
    );
    let columns = upload(&server, &csrf, "key,name_bn,colour\nx,খ,red\n").await;
    let page = scraper::Html::parse_document(&columns.text().await.unwrap());
    let problems = texts(&page, "p.alert");
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("colour") && problem.contains("চেনা যায়নি")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("kind") && problem.contains("থাকতে হবে")),
        "{problems:?}"
    );
}

#[tokio::test]
async fn a_good_file_adds_its_offices_below_their_parents_and_the_export_carries_them() {
    let (server, csrf) = admin().await;
    let response = upload(&server, &csrf, GOOD).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        text(
            &scraper::Html::parse_document(&response.text().await.unwrap()),
            "p.notice"
        ),
        "২টি দপ্তর আমদানি হয়েছে।"
    );
    // The tree is browsed two levels at a time: the ministry's agencies, then below the department.
    let top = server.page("/offices", 200).await;
    let dol = texts(&top, ".tree li")
        .into_iter()
        .find(|office| office.starts_with("শ্রম অধিদপ্তর"))
        .unwrap();
    // Its two divisional offices of the demo, and the one imported.
    assert!(dol.contains("আওতাধীন ৩টি দপ্তর"), "{dol}");
    assert!(
        !texts(&top, ".office-line strong").contains(&"শ্রম অধিদপ্তর বিভাগীয় কার্যালয়: ঢাকা".to_owned())
    );
    let tree = server.page("/offices?under=dol", 200).await;
    assert_eq!(text(&tree, "h1"), "শ্রম অধিদপ্তর-এর আওতাধীন দপ্তর");
    assert_eq!(
        texts(&tree, ".trail li"),
        ["সব দপ্তর", "শ্রম ও কর্মসংস্থান মন্ত্রণালয়"]
    );
    assert_eq!(
        texts(&tree, ".tree li.depth-0 .office-line strong"),
        [
            "বিভাগীয় শ্রম দপ্তর, ঢাকা",
            "বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম",
            "শ্রম অধিদপ্তর বিভাগীয় কার্যালয়: ঢাকা"
        ]
    );
    assert_eq!(
        texts(&tree, ".tree li.depth-1 .office-line strong"),
        ["শ্রম অধিদপ্তর জেলা কার্যালয়: গাজীপুর"],
        "the district office is shown below its divisional office"
    );
    let below = server.page("/offices?under=dol-gazipur", 200).await;
    assert_eq!(text(&below, "p.notice"), "এই দপ্তরের আওতায় আর কোনো দপ্তর নেই।");
    server.page("/offices?under=nowhere", 404).await;

    let export = server.get("/admin/offices/export.csv").await;
    assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = export.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "key,parent,kind,name_bn,name_en,short_name_en,memo_code,website,email,phone,district"
    );
    assert!(lines.contains(&"dol-gazipur,dol-dhaka,district_office,শ্রম অধিদপ্তর জেলা কার্যালয়: গাজীপুর,District Labour Office: Gazipur,,33,,,,33"), "{csv}");
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("dol-dhaka,") && line.ends_with(",26")),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("mole,,ministry,শ্রম ও কর্মসংস্থান মন্ত্রণালয়,")),
        "{csv}"
    );
    // Importing the export again refuses every row: the keys are all taken.
    let again = upload(&server, &csrf, &csv).await;
    assert_eq!(again.status(), 422);
}

#[tokio::test]
async fn an_office_and_a_unit_are_added_from_their_forms() {
    let (server, csrf) = admin().await;
    let page = server.page("/admin/offices", 200).await;
    let mole = option_value(&page, "unit-office", "শ্রম ও কর্মসংস্থান মন্ত্রণালয়");
    let created = server
        .post(
            "/admin/offices",
            &[
                ("csrf", &csrf),
                ("key", "dife-chattogram"),
                ("parent", "dife"),
                ("kind", "divisional_office"),
                ("name_bn", "উপমহাপরিদর্শকের কার্যালয়, চট্টগ্রাম"),
                ("name_en", "DIG Office, Chattogram"),
                ("phone", "031-000000"),
                ("under", "dife"),
            ],
        )
        .await;
    // Back at the level it was added from, the DIFE's, with the new office among those listed.
    assert_eq!(created.url().path(), "/admin/offices");
    assert_eq!(created.url().query(), Some("under=dife"));
    let page = scraper::Html::parse_document(&created.text().await.unwrap());
    assert!(
        texts(&page, ".office-line strong")
            .iter()
            .any(|name| name == "উপমহাপরিদর্শকের কার্যালয়, চট্টগ্রাম")
    );
    assert_eq!(attribute(&page, "input#parent", "value"), "dife");
    // Found by a part of its name in either language, or of its key.
    for query in [
        "পরিদর্শকের কার্যালয়, চট্টগ্রাম",
        "dig office, chattogram",
        "DIFE-CHATT",
    ] {
        let found = server.page(&format!("/admin/offices?q={query}"), 200).await;
        assert_eq!(
            texts(&found, ".office-line strong"),
            ["উপমহাপরিদর্শকের কার্যালয়, চট্টগ্রাম"],
            "{query}"
        );
    }
    let none = server.page("/admin/offices?q=100%25", 200).await;
    assert!(texts(&none, ".office-line").is_empty());
    let bad_code = server
        .post(
            "/admin/units",
            &[
                ("csrf", &csrf),
                ("office", &mole),
                ("key", "mole-rti-cell"),
                ("level", "cell"),
                ("name_bn", "তথ্য অধিকার সেল"),
                ("name_en", "RTI Cell"),
                ("memo_code", "৭"),
            ],
        )
        .await;
    assert_eq!(bad_code.status(), 422);
    assert_eq!(
        text(
            &scraper::Html::parse_document(&bad_code.text().await.unwrap()),
            "p.alert"
        ),
        "শাখার কোডটি ৩ অঙ্কের হবে।"
    );
    let unit = server
        .post(
            "/admin/units",
            &[
                ("csrf", &csrf),
                ("office", &mole),
                ("key", "mole-rti-cell"),
                ("level", "cell"),
                ("name_bn", "তথ্য অধিকার সেল"),
                ("name_en", "RTI Cell"),
                ("memo_code", "০৪১"),
            ],
        )
        .await;
    assert_eq!(unit.url().path(), "/admin/offices");
    assert!(
        texts(&server.page("/offices", 200).await, ".units li")
            .iter()
            .any(|name| name.starts_with("তথ্য অধিকার সেল"))
    );
}

#[tokio::test]
async fn a_spreadsheet_imports_like_a_csv_and_the_export_is_a_spreadsheet_that_reads_back() {
    use udbhabon_docs::table::{TableFormat, read_table, write_table};
    let (server, csrf) = admin().await;
    let rows: Vec<Vec<String>> = [
        vec!["key", "parent", "kind", "name_bn", "name_en", "memo_code"],
        vec![
            "dife-khulna",
            "dife",
            "divisional_office",
            "উপমহাপরিদর্শকের কার্যালয়, খুলনা",
            "DIG Office, Khulna",
            "০৪৭",
        ],
    ]
    .iter()
    .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
    .collect();
    let xlsx = write_table(TableFormat::Xlsx, "offices", &rows).unwrap();
    let response = upload_bytes(&server, &csrf, xlsx, "offices.xlsx").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        text(
            &scraper::Html::parse_document(&response.text().await.unwrap()),
            "p.notice"
        ),
        "১টি দপ্তর আমদানি হয়েছে।"
    );

    let export = server.get("/admin/offices/export.xlsx").await;
    assert_eq!(
        export.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let table = read_table(
        &export.bytes().await.unwrap(),
        &udbhabon_docs::table::TABLE_LIMITS,
    )
    .unwrap();
    assert_eq!(table[0][0], "key");
    let khulna = table
        .iter()
        .find(|row| row[0] == "dife-khulna")
        .expect("the imported office is exported");
    assert_eq!(khulna[1], "dife");
    assert_eq!(
        khulna[6], "047",
        "the code keeps its leading zero, in ASCII digits"
    );

    let garbage = upload_bytes(&server, &csrf, vec![0xff, 0xfe, 0x00, 0x01], "offices.xlsx").await;
    assert_eq!(garbage.status(), 422);
    assert!(
        text(
            &scraper::Html::parse_document(&garbage.text().await.unwrap()),
            "p.alert"
        )
        .contains("XLSX বা UTF-8 সিএসভি")
    );
}

#[tokio::test]
async fn units_import_under_their_offices_all_or_nothing_and_export_in_the_same_columns() {
    let (server, csrf) = admin().await;
    let bad = "key,office,level,name_bn,name_en,parent,memo_code\n\
dife-admin-wing,dife,wing,প্রশাসন অনুবিভাগ,Administration Wing,,\n\
dife-hr,nowhere,branch,মানবসম্পদ শাখা,HR Branch,,\n\
dife-ict,dife,floor,আইসিটি সেল,ICT Cell,,৩৬\n\
dife-audit,dife,section,নিরীক্ষা শাখা,Audit Section,mole-ict-cell,\n";
    let response = upload(&server, &csrf, bad).await;
    assert_eq!(response.status(), 422);
    let page = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        texts(&page, "p.alert"),
        [
            "সারি ৩, কলাম office: এই সংকেতের কোনো দপ্তর নেই; আগে দপ্তরটি যোগ বা আমদানি করুন।",
            "সারি ৪, কলাম level: ইউনিটের স্তরটি জানা নেই (wing, branch, section, cell বা head_office)।",
            "সারি ৪, কলাম memo_code: শাখার কোডটি ৩ অঙ্কের হবে।",
            "সারি ৫, কলাম parent: এই দপ্তরে এই সংকেতের কোনো ঊর্ধ্বতন ইউনিট নেই; সেটি আগে যোগ করুন বা ফাইলের আগের সারিতে রাখুন।",
        ]
    );
    let units = server
        .get("/admin/offices/export.csv?table=units")
        .await
        .text()
        .await
        .unwrap();
    assert!(!units.contains("dife-admin-wing"), "nothing was imported");

    let good = "key,office,level,name_bn,name_en,parent,memo_code\n\
dife-admin-wing,dife,wing,প্রশাসন অনুবিভাগ,Administration Wing,,\n\
dife-hr,dife,branch,মানবসম্পদ অধিশাখা,HR Branch,dife-admin-wing,০১২\n";
    let response = upload(&server, &csrf, good).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        text(
            &scraper::Html::parse_document(&response.text().await.unwrap()),
            "p.notice"
        ),
        "২টি শাখা/ইউনিট আমদানি হয়েছে।"
    );
    let export = server.get("/admin/offices/export.csv?table=units").await;
    assert_eq!(
        export.headers()["content-disposition"],
        "attachment; filename=\"units.csv\"; filename*=UTF-8''units.csv"
    );
    let csv = export.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "key,office,level,name_bn,name_en,parent,memo_code"
    );
    assert!(
        lines.contains(&"mole-ict-cell,mole,cell,আইসিটি সেল,ICT Cell,,036"),
        "{csv}"
    );
    let wing = lines
        .iter()
        .position(|line| line.starts_with("dife-admin-wing,"))
        .unwrap();
    let branch = lines
        .iter()
        .position(|line| *line == "dife-hr,dife,branch,মানবসম্পদ অধিশাখা,HR Branch,dife-admin-wing,012")
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(wing < branch, "a unit comes after the one it sits under");
    let tree = server.page("/offices", 200).await;
    assert!(
        texts(&tree, ".units li")
            .iter()
            .any(|unit| unit.contains("মানবসম্পদ অধিশাখা"))
    );
}
