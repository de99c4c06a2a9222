//! Teams and the office orders that constitute them.

use udbhabon_db::team::TeamOrderRecord;
use udbhabon_db::write::{NewDistributionEntry, NewTeamOrder};
use udbhabon_domain::Bilingual;
use udbhabon_domain::team::TeamRole;

use crate::fixtures::{committed, date, ministry, person};
use crate::support::each_backend;

fn order(
    team_id: i32,
    signatory: i32,
    post_id: i32,
    letter: u32,
    effective: chrono::NaiveDate,
) -> NewTeamOrder {
    NewTeamOrder {
        record: TeamOrderRecord {
            team_id,
            issuing_unit_id: None,
            memo_number: format!("40.00.0000.000.036.32.0006.17.{letter}")
                .parse()
                .unwrap(),
            issued_on: effective,
            effective_from: effective,
            cites_memo: Some("04.00.0000.833.33.002.20-100".parse().unwrap()),
            cites_date: Some(date(2025, 11, 6)),
            preamble: Bilingual::new("প্রস্তাবনা", "Preamble"),
            terms_heading: Bilingual::new("কার্যপরিধি", "Terms of reference"),
            closing: Bilingual::new("সমাপ্তি", "Closing"),
            signatory_person_id: signatory,
            signatory_post_id: post_id,
            signed_on: effective,
            endorsement: 1,
            copies_intro: Bilingual::new("অনুলিপি", "Copies"),
        },
        members: vec![(post_id, TeamRole::MemberSecretary)],
        terms: vec![
            Bilingual::new(format!("দায়িত্ব {letter}"), format!("Duty {letter}")),
            Bilingual::new("দ্বিতীয়", "Second"),
        ],
        copies: vec![NewDistributionEntry {
            text: Bilingual::new("মন্ত্রিপরিষদ সচিব।", "Cabinet Secretary."),
            attention: None,
            office_id: None,
            post_id: None,
        }],
    }
}

#[tokio::test]
async fn the_order_in_force_is_the_latest_effective_on_that_day() {
    for test in each_backend().await {
        let team_id = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let signatory = person(tx, "Mehrab").await;
            let team_id = tx
                .insert_team(
                    "mole-team",
                    created.office_id,
                    Bilingual::new("ইনোভেশন টিম", "Innovation Team"),
                )
                .await
                .unwrap();
            tx.insert_team_order(order(
                team_id,
                signatory,
                created.post_id,
                4,
                date(2022, 1, 1),
            ))
            .await
            .unwrap();
            tx.insert_team_order(order(
                team_id,
                signatory,
                created.post_id,
                5,
                date(2026, 1, 26),
            ))
            .await
            .unwrap();
            team_id
        })
        .await;
        let letter_on = async |day| {
            test.db
                .order_in_force(team_id, day)
                .await
                .unwrap()
                .map(|o| o.record.memo_number.letter())
        };
        assert_eq!(
            letter_on(date(2021, 12, 31)).await,
            None,
            "{}",
            test.backend
        );
        assert_eq!(letter_on(date(2026, 1, 25)).await, Some(4));
        assert_eq!(letter_on(date(2026, 1, 26)).await, Some(5));
        let history: Vec<_> = test
            .db
            .orders_of_team(team_id)
            .await
            .unwrap()
            .iter()
            .map(|o| o.record.memo_number.letter())
            .collect();
        assert_eq!(history, [5, 4]);
    }
}

#[tokio::test]
async fn an_order_keeps_its_members_terms_copies_and_memo_numbers() {
    for test in each_backend().await {
        let (team_id, post_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let signatory = person(tx, "Mehrab").await;
            let team_id = tx
                .insert_team(
                    "mole-team",
                    created.office_id,
                    Bilingual::new("ইনোভেশন টিম", "Innovation Team"),
                )
                .await
                .unwrap();
            tx.insert_team_order(order(
                team_id,
                signatory,
                created.post_id,
                5,
                date(2026, 1, 26),
            ))
            .await
            .unwrap();
            (team_id, created.post_id)
        })
        .await;
        let order = test
            .db
            .order_in_force(team_id, date(2026, 2, 1))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            order.record.memo_number.to_bengali(),
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫",
            "{}",
            test.backend
        );
        assert_eq!(order.record.cites_memo.unwrap().letter(), 100);
        assert_eq!(order.record.cites_date, Some(date(2025, 11, 6)));
        let members = test.db.order_members(order.id).await.unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(
            (members[0].post_id, members[0].role),
            (post_id, TeamRole::MemberSecretary)
        );
        let terms = test.db.order_terms(order.id).await.unwrap();
        assert_eq!(
            terms.iter().map(|t| t.bn.as_str()).collect::<Vec<_>>(),
            ["দায়িত্ব ৫".replace('৫', "5"), "দ্বিতীয়".into()]
        );
        let copies = test.db.distribution(order.copies_list_id).await.unwrap();
        assert_eq!(copies[0].text.en, "Cabinet Secretary.");
        let teams = test
            .db
            .teams_of_office(test.db.office_by_key("mole").await.unwrap().id)
            .await
            .unwrap();
        assert_eq!(teams[0].key, "mole-team");
    }
}

#[tokio::test]
async fn the_directory_flags_offices_without_an_order_or_whose_order_in_force_names_a_vacant_post()
{
    use udbhabon_db::plan::dashboard::Scope;
    use udbhabon_db::team::directory::DirectoryFilter;
    use udbhabon_db::write::NewPost;
    use udbhabon_domain::office::OfficeKind;

    use crate::fixtures::{office, posting};

    for test in each_backend().await {
        committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            tx.insert_office(office(
                "dol",
                Some(created.office_id),
                OfficeKind::Department,
            ))
            .await
            .unwrap();
            let holder = person(tx, "Mehrab").await;
            posting(
                tx,
                holder,
                created.post_id,
                date(2020, 1, 1),
                Some(date(2026, 6, 30)),
            )
            .await;
            let never_filled = tx
                .insert_post(NewPost {
                    key: "mole-analyst".into(),
                    office_id: created.office_id,
                    unit_id: None,
                    designation_id: created.designation_id,
                    label: None,
                })
                .await
                .unwrap();
            let team_id = tx
                .insert_team(
                    "mole-team",
                    created.office_id,
                    Bilingual::new("টিম", "Team"),
                )
                .await
                .unwrap();
            // The first order also names a post no one ever held; the second, in force from 2026,
            // names only the held one.
            let mut first = order(team_id, holder, created.post_id, 4, date(2022, 1, 1));
            first.members.push((never_filled, TeamRole::Member));
            tx.insert_team_order(first).await.unwrap();
            tx.insert_team_order(order(
                team_id,
                holder,
                created.post_id,
                5,
                date(2026, 1, 26),
            ))
            .await
            .unwrap();
        })
        .await;
        let offices = test.db.offices_below(Scope::Nation).await.unwrap();
        let flagged_on = async |day| {
            let filter = DirectoryFilter {
                flagged: true,
                ..DirectoryFilter::default()
            };
            let (rows, total) = test
                .db
                .directory_page(&offices, None, &filter, day, (0, 50))
                .await
                .unwrap();
            assert_eq!(rows.len() as u64, total);
            rows.into_iter()
                .map(|office| office.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            flagged_on(date(2025, 1, 1)).await,
            ["mole", "dol"],
            "{}",
            test.backend
        );
        assert_eq!(
            flagged_on(date(2026, 3, 1)).await,
            ["dol"],
            "{}",
            test.backend
        );
        assert_eq!(
            flagged_on(date(2026, 7, 1)).await,
            ["mole", "dol"],
            "{}",
            test.backend
        );
        let (all, total) = test
            .db
            .directory_page(
                &offices,
                None,
                &DirectoryFilter::default(),
                date(2026, 3, 1),
                (0, 1),
            )
            .await
            .unwrap();
        assert_eq!((all.len(), total), (1, 2), "a page of one of two");
        let in_force = test
            .db
            .teams_in_force(&[all[0].id], date(2026, 3, 1))
            .await
            .unwrap();
        assert_eq!(
            in_force[0]
                .order
                .as_ref()
                .unwrap()
                .record
                .memo_number
                .letter(),
            5
        );
    }
}
