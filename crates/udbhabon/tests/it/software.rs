//! The software register through the browser's forms: the ministry's member secretary registers a
//! system, records the handover of its source code and who verified its build, and corrects its
//! details; bad input is refused with nothing saved, and a reader who does not keep the register cannot
//! write to it.

use crate::server::{TestServer, text, texts};

const REGISTER: &str = "/offices/mole/software";

#[tokio::test]
async fn a_system_is_registered_its_source_code_handed_over_and_its_build_verified() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let page = secretary.page(REGISTER, 200).await;
    assert_eq!(
        texts(&page, "table.software td span"),
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
