//! Meetings, attendance, decisions with their deadlines and responsible bodies, and the updates that
//! follow a decision to closure.

use chrono::NaiveTime;
use udbhabon_db::DbError;
use udbhabon_db::meeting::MeetingRecord;
use udbhabon_db::write::{NewDecision, NewDistributionEntry, NewMeeting, NewResponsible};
use udbhabon_domain::Bilingual;
use udbhabon_domain::meeting::MeetingKind;
use udbhabon_domain::meeting::decision::{
    Deadline, DecisionStatus, DecisionStep, ResponsibleKind, Standing,
};

use crate::fixtures::{author, committed, date, ministry, person};
use crate::support::each_backend;

fn decision(item: u32, deadline: Deadline, office_id: i32) -> NewDecision {
    NewDecision {
        serial: format!("2.{item}").parse().unwrap(),
        text: Bilingual::new(format!("সিদ্ধান্ত {item}"), format!("Decision {item}")),
        deadline,
        responsible: vec![NewResponsible {
            kind: ResponsibleKind::AllUnits,
            team_id: None,
            unit_id: None,
            office_id: Some(office_id),
            label: Bilingual::new("সকল শাখা", "All sections"),
        }],
    }
}

#[tokio::test]
async fn a_meeting_reads_back_with_attendance_decisions_deadlines_and_distribution() {
    let deadlines = [
        Deadline::By(date(2022, 9, 30)),
        Deadline::MonthlyBy(3),
        Deadline::Yearly,
        Deadline::Unspecified,
    ];
    for test in each_backend().await {
        let (office_id, chair) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let chair = person(tx, "Zebunnesa Karim").await;
            tx.insert_meeting(NewMeeting {
                record: MeetingRecord {
                    key: "review-1".into(),
                    office_id: created.office_id,
                    team_id: None,
                    kind: MeetingKind::QuarterlyReview,
                    plan_fiscal_year: Some(2022),
                    sequence: Some(1),
                    title: Bilingual::new("১ম সভা", "1st meeting"),
                    held_on: date(2022, 9, 15),
                    starts_at: NaiveTime::from_hms_opt(11, 0, 0),
                    place: Bilingual::new("সভাকক্ষ", "Conference room"),
                    chair_person_id: Some(chair),
                    chair_designation_id: Some(created.designation_id),
                    member_secretary_person_id: None,
                    member_secretary_post_id: Some(created.post_id),
                    opening: Bilingual::new("শুরু", "Opening"),
                    closing: Bilingual::new("সমাপ্তি", "Closing"),
                    memo_number: Some("40.00.0000.036.32.006.17.83".parse().unwrap()),
                    issued_on: Some(date(2022, 9, 19)),
                    issuer_person_id: None,
                    issuer_post_id: None,
                    online_link: String::new(),
                    notice_memo: None,
                    notice_sent_on: None,
                    minutes_stage: None,
                    circulated_on: None,
                    approved_on: None,
                    approved_by: None,
                },
                attendance: vec![(chair, true)],
                invitees: Vec::new(),
                agenda: Vec::new(),
                // Inserted out of order: the query must sort by serial.
                decisions: deadlines
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, d)| decision(i as u32 + 1, *d, created.office_id))
                    .collect(),
                distribution: vec![NewDistributionEntry {
                    text: Bilingual::new("মহাপরিচালক, শ্রম অধিদপ্তর", "Director General, DoL"),
                    attention: Some(Bilingual::new("ইনোভেশন অফিসার", "Innovation Officer")),
                    office_id: None,
                    post_id: None,
                }],
            })
            .await
            .unwrap();
            (created.office_id, chair)
        })
        .await;
        let meeting = test.db.meeting_by_key("review-1").await.unwrap();
        assert_eq!(
            meeting.record.kind,
            MeetingKind::QuarterlyReview,
            "{}",
            test.backend
        );
        assert_eq!(meeting.record.starts_at, NaiveTime::from_hms_opt(11, 0, 0));
        assert_eq!(meeting.record.memo_number.as_ref().unwrap().letter(), 83);
        assert_eq!(
            test.db.meetings_of_office(office_id).await.unwrap()[0].id,
            meeting.id
        );
        let attendance = test.db.attendance(meeting.id).await.unwrap();
        assert_eq!(
            (attendance[0].person_id, attendance[0].present),
            (chair, true)
        );
        let decisions = test.db.decisions_of_meeting(meeting.id).await.unwrap();
        let read: Vec<_> = decisions
            .iter()
            .map(|d| (d.serial.to_string(), d.deadline))
            .collect();
        assert_eq!(
            read,
            deadlines
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("2.{}", i + 1), *d))
                .collect::<Vec<_>>()
        );
        assert_eq!(decisions[0].responsible[0].kind, ResponsibleKind::AllUnits);
        let distribution = test
            .db
            .distribution(meeting.distribution_list_id.unwrap())
            .await
            .unwrap();
        assert_eq!(
            distribution[0].attention.as_ref().unwrap().bn,
            "ইনোভেশন অফিসার"
        );

        // The first decision followed to closure: reported done with a file, then confirmed; a step
        // that does not follow the latest status is refused under the decision's lock.
        let first = decisions[0].id;
        assert_eq!(
            test.db.decision(first).await.unwrap().meeting_id,
            meeting.id
        );
        committed(&test.db, async |tx| {
            let file = tx
                .evidence_by_hash("ab12cd", "application/pdf", 10, "minutes.pdf")
                .await
                .unwrap();
            tx.add_decision_update(
                first,
                DecisionStep::Done,
                "করা হয়েছে",
                Some(office_id),
                &[office_id],
                &[file],
            )
            .await
            .unwrap()
        })
        .await;
        let tx = test.db.begin(author()).await.unwrap();
        assert!(
            matches!(
                tx.add_decision_update(
                    first,
                    DecisionStep::Progress,
                    "আবার",
                    Some(office_id),
                    &[office_id],
                    &[]
                )
                .await,
                Err(DbError::Conflict(_))
            ),
            "{}",
            test.backend
        );
        drop(tx);
        let status = committed(&test.db, async |tx| {
            tx.add_decision_update(first, DecisionStep::Confirm, "", None, &[office_id], &[])
                .await
                .unwrap()
        })
        .await;
        assert_eq!(status, DecisionStatus::Closed);
        let updates = test
            .db
            .decision_updates(&[first, decisions[1].id])
            .await
            .unwrap();
        assert_eq!(
            updates[&first]
                .iter()
                .map(|update| (update.status, update.office_id))
                .collect::<Vec<_>>(),
            [
                (DecisionStatus::Done, Some(office_id)),
                (DecisionStatus::Closed, None)
            ]
        );
        assert_eq!(updates[&first][0].evidence[0].name, "minutes.pdf");
        assert_eq!(
            Standing::replay(
                vec![office_id],
                updates[&first]
                    .iter()
                    .map(|update| (update.status, update.office_id))
            )
            .status,
            DecisionStatus::Closed
        );
        assert!(!updates.contains_key(&decisions[1].id));

        // The second decision has two bodies: one body's "done" leaves it under way, and there is
        // nothing to confirm until the other reports.
        let second = decisions[1].id;
        let bodies = [office_id, office_id + 1_000];
        let status = committed(&test.db, async |tx| {
            tx.add_decision_update(
                second,
                DecisionStep::Done,
                "",
                Some(office_id),
                &bodies,
                &[],
            )
            .await
            .unwrap()
        })
        .await;
        assert_eq!(status, DecisionStatus::InProgress);
        let tx = test.db.begin(author()).await.unwrap();
        assert!(matches!(
            tx.add_decision_update(second, DecisionStep::Confirm, "", None, &bodies, &[])
                .await,
            Err(DbError::Conflict(_))
        ));
    }
}
