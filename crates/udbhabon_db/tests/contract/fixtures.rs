//! Small records written through the public insert API, shared by the contract tests.

use chrono::NaiveDate;
use udbhabon_db::write::{NewOffice, NewPerson, NewPost, NewPosting, NewUnit};
use udbhabon_db::{Author, Db, Tx};
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::person::Charge;
use udbhabon_domain::office::{OfficeKind, UnitLevel};

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

pub(crate) fn office(key: &str, parent_id: Option<i32>, kind: OfficeKind) -> NewOffice {
    NewOffice {
        key: key.into(),
        parent_id,
        kind,
        name: Bilingual::new(format!("{key} (বাংলা)"), key),
        short_name_en: None,
        memo_code: None,
        website: None,
        email: None,
        phone: None,
        district_code: None,
        position: 0,
    }
}

/// A ministry with one ICT cell and a programmer post in it; returns (office, unit, post, designation).
pub(crate) struct Ministry {
    pub(crate) office_id: i32,
    pub(crate) unit_id: i32,
    pub(crate) post_id: i32,
    pub(crate) designation_id: i32,
}

pub(crate) async fn ministry(tx: &Tx) -> Ministry {
    let office_id = tx
        .insert_office(office("mole", None, OfficeKind::Ministry))
        .await
        .unwrap();
    let unit_id = tx
        .insert_unit(NewUnit {
            key: "mole-ict-cell".into(),
            office_id,
            parent_id: None,
            level: UnitLevel::Cell,
            name: Bilingual::new("আইসিটি সেল", "ICT Cell"),
            memo_code: Some("036".into()),
            position: 1,
        })
        .await
        .unwrap();
    let designation_id = tx
        .insert_designation("programmer", Bilingual::new("প্রোগ্রামার", "Programmer"))
        .await
        .unwrap();
    let post_id = tx
        .insert_post(NewPost {
            key: "mole-programmer".into(),
            office_id,
            unit_id: Some(unit_id),
            designation_id,
            label: None,
        })
        .await
        .unwrap();
    Ministry {
        office_id,
        unit_id,
        post_id,
        designation_id,
    }
}

pub(crate) async fn person(tx: &Tx, name: &str) -> i32 {
    tx.insert_person(NewPerson {
        key: None,
        name: Bilingual::new(name, name),
        email: None,
        phone: None,
    })
    .await
    .unwrap()
}

pub(crate) async fn posting(
    tx: &Tx,
    person_id: i32,
    post_id: i32,
    from: NaiveDate,
    until: Option<NaiveDate>,
) {
    tx.insert_posting(NewPosting {
        person_id,
        post_id,
        charge: Charge::Regular,
        held_from: from,
        held_until: until,
    })
    .await
    .unwrap();
}

/// The author of the tests' changes: the system, at a fixed instant.
pub(crate) fn author() -> Author {
    Author {
        account_id: None,
        label: "contract test".into(),
        at: "2026-11-23T04:00:00Z".parse().unwrap(),
    }
}

/// Opens a transaction, runs `build`, and commits.
pub(crate) async fn committed<T>(db: &Db, build: impl AsyncFnOnce(&Tx) -> T) -> T {
    let tx = db.begin(author()).await.unwrap();
    let value = build(&tx).await;
    tx.commit().await.unwrap();
    value
}
