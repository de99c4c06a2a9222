//! The directory of teams: every office's team with its order in force, the offices to follow up, and
//! contacts kept from visitors.

use udbhabon_core::team::directory::{DirectoryEntry, DirectoryQuery};
use udbhabon_domain::office::OfficeKind;

use crate::support::{SECRETARY, TestApp};

fn entry<'a>(entries: &'a [DirectoryEntry], key: &str) -> &'a DirectoryEntry {
    entries
        .iter()
        .find(|entry| entry.office.key == key)
        .unwrap_or_else(|| panic!("{key} is listed"))
}

#[tokio::test]
async fn the_directory_lists_each_team_with_its_order_and_flags_the_offices_without_one() {
    let test = TestApp::new().await;
    let all = test
        .app
        .team_directory(None, &DirectoryQuery::default())
        .await
        .unwrap();
    assert_eq!(all.total, 10, "the ministry and the nine offices below it");
    assert!(
        !all.entries
            .iter()
            .any(|entry| entry.office.key == "cabinet-division"),
        "an office outside the installation's tree is none of its business"
    );
    let dife = entry(&all.entries, "dife");
    assert!(dife.order.is_some() && !dife.flagged(), "{dife:?}");
    assert_eq!(
        dife.leads.len(),
        2,
        "the innovation officer and the member secretary"
    );
    let gazipur = entry(&all.entries, "dife-gazipur");
    assert!(gazipur.order.is_some() && !gazipur.flagged());
    let dol = entry(&all.entries, "dol");
    assert!(dol.order.is_some() && !dol.flagged(), "{dol:?}");
    let dhaka = entry(&all.entries, "dol-dhaka-division");
    assert!(dhaka.team.is_none() && dhaka.flagged());
    let flagged = test
        .app
        .team_directory(
            None,
            &DirectoryQuery {
                under: Some("mole".into()),
                flagged: true,
                ..DirectoryQuery::default()
            },
        )
        .await
        .unwrap();
    assert!(flagged.entries.iter().all(DirectoryEntry::flagged));
    assert!(
        flagged
            .entries
            .iter()
            .any(|entry| entry.office.key == "dol-dhaka-division")
    );
    assert!(
        !flagged
            .entries
            .iter()
            .any(|entry| entry.office.key == "dife")
    );
}

#[tokio::test]
async fn contacts_are_shown_to_officers_and_filters_narrow_the_list() {
    let test = TestApp::new().await;
    let district = DirectoryQuery {
        district: Some("33".into()),
        ..DirectoryQuery::default()
    };
    let visitor = test.app.team_directory(None, &district).await.unwrap();
    assert_eq!(visitor.entries.len(), 1);
    let (_, _, holder) = &visitor.entries[0].leads[0];
    assert!(
        holder.as_ref().unwrap().person.email.is_none(),
        "no contacts for a visitor"
    );
    let who = test.signed_in(SECRETARY).await;
    let officer = test
        .app
        .team_directory(Some(&who), &district)
        .await
        .unwrap();
    let (_, _, holder) = &officer.entries[0].leads[0];
    assert_eq!(
        holder.as_ref().unwrap().person.email.as_deref(),
        Some("dig@gazipur.dife.demo.udbhabon.test")
    );
    let departments = test
        .app
        .team_directory(
            None,
            &DirectoryQuery {
                kind: Some(OfficeKind::Department),
                division: Some("30".into()),
                ..DirectoryQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(departments.total, 0, "departments sit in no district");
}
