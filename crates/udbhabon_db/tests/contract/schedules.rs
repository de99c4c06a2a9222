//! A meeting's schedule: invitees by post and by name, the agenda, replacing both, the notice's number,
//! attendance with the uninvited marked, who a meeting invites, and the calendar token.

use chrono::NaiveTime;
use udbhabon_db::meeting::change::NewMeetingChange;
use udbhabon_db::meeting::notice::{AgendaItem, Invitee};
use udbhabon_db::meeting::{AttendanceRow, MeetingRecord};
use udbhabon_db::write::NewMeeting;
use udbhabon_domain::Bilingual;
use udbhabon_domain::meeting::{MeetingChangeKind, MeetingKind};

use crate::accounts::account;
use crate::fixtures::{committed, date, ministry, person, posting};
use crate::support::each_backend;

fn item(title: &str, presenter_post_id: Option<i32>) -> AgendaItem {
    AgendaItem {
        title: Bilingual::new(title, title),
        presenter_post_id,
        discussion: Bilingual::default(),
    }
}

fn scheduled(office_id: i32, chair: i32, designation_id: i32) -> MeetingRecord {
    MeetingRecord {
        key: "review-2".into(),
        office_id,
        team_id: None,
        kind: MeetingKind::QuarterlyReview,
        plan_fiscal_year: Some(2026),
        sequence: Some(2),
        title: Bilingual::new("২য় সভা", "2nd meeting"),
        held_on: date(2026, 12, 17),
        starts_at: NaiveTime::from_hms_opt(11, 0, 0),
        place: Bilingual::new("সভাকক্ষ", "Conference room"),
        chair_person_id: Some(chair),
        chair_designation_id: Some(designation_id),
        member_secretary_person_id: None,
        member_secretary_post_id: None,
        opening: Bilingual::default(),
        closing: Bilingual::default(),
        memo_number: None,
        issued_on: None,
        issuer_person_id: None,
        issuer_post_id: None,
        online_link: "https://meet.example/review".into(),
        notice_memo: None,
        notice_sent_on: None,
        minutes_stage: None,
        circulated_on: None,
        approved_on: None,
        approved_by: None,
    }
}

#[tokio::test]
async fn a_schedule_is_kept_replaced_noticed_and_attended() {
    for test in each_backend().await {
        let backend = test.backend;
        let (created, chair, programmer, guest, account_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let chair = person(tx, "Chair").await;
            let (programmer, account_id) =
                account(tx, "Programmer", "programmer@example.test", "hash").await;
            posting(tx, programmer, created.post_id, date(2026, 1, 26), None).await;
            let guest = person(tx, "Guest").await;
            tx.insert_meeting(NewMeeting {
                record: scheduled(created.office_id, chair, created.designation_id),
                attendance: Vec::new(),
                invitees: vec![Invitee::Post(created.post_id), Invitee::Person(chair)],
                agenda: vec![
                    item("পূর্ববর্তী সিদ্ধান্ত", Some(created.post_id)),
                    item("বিবিধ", None),
                ],
                decisions: Vec::new(),
                distribution: Vec::new(),
            })
            .await
            .unwrap();
            (created, chair, programmer, guest, account_id)
        })
        .await;
        let meeting = test.db.meeting_by_key("review-2").await.unwrap();
        assert_eq!(
            meeting.record.online_link, "https://meet.example/review",
            "{backend}"
        );
        assert_eq!(
            test.db.invitees(meeting.id).await.unwrap(),
            [Invitee::Post(created.post_id), Invitee::Person(chair)]
        );
        let agenda = test.db.agenda(meeting.id).await.unwrap();
        assert_eq!(agenda[0].presenter_post_id, Some(created.post_id));
        assert_eq!(agenda[1].title.bn, "বিবিধ");

        // Who a meeting invites: by post held, by name, or as chair; from a date on.
        let by_post = test
            .db
            .meetings_inviting(programmer, &[created.post_id], date(2026, 12, 1))
            .await
            .unwrap();
        assert_eq!(by_post.len(), 1, "{backend}");
        assert!(
            test.db
                .meetings_inviting(programmer, &[created.post_id], date(2026, 12, 18))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            test.db
                .meetings_inviting(chair, &[], date(2026, 1, 1))
                .await
                .unwrap()
                .len(),
            1
        );
        assert!(
            test.db
                .meetings_inviting(guest, &[], date(2026, 1, 1))
                .await
                .unwrap()
                .is_empty()
        );

        // Rescheduling replaces the invitees and the agenda; the notice is then recorded.
        committed(&test.db, async |tx| {
            let mut record = scheduled(created.office_id, chair, created.designation_id);
            record.starts_at = NaiveTime::from_hms_opt(10, 30, 0);
            tx.update_meeting_schedule(
                meeting.id,
                &record,
                &[Invitee::Person(chair)],
                &[item("অগ্রগতি", None)],
            )
            .await
            .unwrap();
            tx.record_meeting_notice(
                meeting.id,
                &"40.00.0000.000.036.32.0006.17.6".parse().unwrap(),
                date(2026, 12, 1),
            )
            .await
            .unwrap();
        })
        .await;
        let meeting = test.db.meeting_by_key("review-2").await.unwrap();
        assert_eq!(meeting.record.starts_at, NaiveTime::from_hms_opt(10, 30, 0));
        assert_eq!(meeting.record.notice_memo.unwrap().letter(), 6, "{backend}");
        assert_eq!(meeting.record.notice_sent_on, Some(date(2026, 12, 1)));

        // Postponed to the 22nd at three, then cancelled: each change kept with where it moved from.
        let three = NaiveTime::from_hms_opt(15, 0, 0);
        committed(&test.db, async |tx| {
            for (kind, letter, to) in [
                (
                    MeetingChangeKind::Postponed,
                    7,
                    Some((date(2026, 12, 22), three)),
                ),
                (MeetingChangeKind::Cancelled, 8, None),
            ] {
                tx.lock_meeting(meeting.id).await.unwrap();
                tx.record_meeting_change(
                    meeting.id,
                    NewMeetingChange {
                        kind,
                        reason: "সভাপতির সফর".into(),
                        memo: format!("40.00.0000.000.036.32.0006.17.{letter}")
                            .parse()
                            .unwrap(),
                        issued_on: date(2026, 12, 10),
                        to,
                    },
                )
                .await
                .unwrap();
            }
        })
        .await;
        let changed = test.db.meeting_by_key("review-2").await.unwrap();
        assert_eq!(
            (changed.record.held_on, changed.record.starts_at),
            (date(2026, 12, 22), three),
            "{backend}"
        );
        assert_eq!(changed.cancelled_on, Some(date(2026, 12, 10)), "{backend}");
        let changes = test.db.meeting_changes(meeting.id).await.unwrap();
        assert_eq!(changes.len(), 2, "{backend}");
        assert_eq!(changes[0].from.0, meeting.record.held_on, "{backend}");
        assert_eq!(changes[0].change.to, Some((date(2026, 12, 22), three)));
        assert_eq!(changes[1].from, (date(2026, 12, 22), three), "{backend}");
        assert_eq!(changes[1].change.memo.letter(), 8);
        assert_eq!(
            test.db.invitees(meeting.id).await.unwrap(),
            [Invitee::Person(chair)]
        );
        assert_eq!(test.db.agenda(meeting.id).await.unwrap().len(), 1);

        // Attendance is replaced as a whole; the uninvited keep their mark.
        for rows in [
            vec![AttendanceRow {
                person_id: chair,
                present: false,
                invited: true,
            }],
            vec![
                AttendanceRow {
                    person_id: chair,
                    present: true,
                    invited: true,
                },
                AttendanceRow {
                    person_id: guest,
                    present: true,
                    invited: false,
                },
            ],
        ] {
            committed(&test.db, async |tx| {
                tx.record_attendance(meeting.id, &rows).await.unwrap();
            })
            .await;
        }
        let attendance = test.db.attendance(meeting.id).await.unwrap();
        assert_eq!(attendance.len(), 2, "{backend}");
        assert!(attendance[0].present && attendance[0].invited);
        assert!(attendance[1].present && !attendance[1].invited);

        // A calendar token finds its account until it is replaced.
        assert!(!test.db.has_calendar_feed(account_id).await.unwrap());
        for hash in ["first-hash", "second-hash"] {
            committed(&test.db, async |tx| {
                tx.set_calendar_token(account_id, hash).await.unwrap();
            })
            .await;
        }
        assert!(test.db.has_calendar_feed(account_id).await.unwrap());
        assert!(
            test.db
                .account_by_calendar_token("first-hash")
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            test.db
                .account_by_calendar_token("second-hash")
                .await
                .unwrap()
                .map(|account| account.id),
            Some(account_id),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn minutes_are_saved_staged_commented_and_issued_once() {
    use udbhabon_db::meeting::minutes::{MinutesIssue, MinutesText};
    use udbhabon_db::write::{NewDecision, NewDistributionEntry, NewResponsible};
    use udbhabon_domain::meeting::decision::{Deadline, ResponsibleKind};
    use udbhabon_domain::meeting::minutes::MinutesStage;

    let decision = |paragraph: u32, office_id: i32| NewDecision {
        serial: udbhabon_domain::meeting::decision::DecisionSerial { paragraph, item: 1 },
        text: Bilingual::new("সিদ্ধান্ত", "Decision"),
        deadline: Deadline::MonthlyBy(3),
        responsible: vec![NewResponsible {
            kind: ResponsibleKind::Office,
            team_id: None,
            unit_id: None,
            office_id: Some(office_id),
            label: Bilingual::new("মন্ত্রণালয়", "Ministry"),
        }],
    };
    for test in each_backend().await {
        let backend = test.backend;
        let (created, chair) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let chair = person(tx, "Chair").await;
            tx.insert_meeting(NewMeeting {
                record: scheduled(created.office_id, chair, created.designation_id),
                attendance: Vec::new(),
                invitees: vec![Invitee::Person(chair)],
                agenda: vec![item("অগ্রগতি", None)],
                decisions: Vec::new(),
                distribution: Vec::new(),
            })
            .await
            .unwrap();
            (created, chair)
        })
        .await;
        let meeting = test.db.meeting_by_key("review-2").await.unwrap();
        assert_eq!(meeting.record.minutes_stage, None, "{backend}");
        // Saved twice: the second text replaces the first's decisions.
        for paragraphs in [vec![2, 3], vec![3]] {
            committed(&test.db, async |tx| {
                tx.save_minutes(
                    meeting.id,
                    MinutesText {
                        opening: Bilingual::new("সূচনা", "Opening"),
                        discussions: vec![Bilingual::new("আলোচনা", "Discussion")],
                        decisions: paragraphs
                            .iter()
                            .map(|paragraph| decision(*paragraph, created.office_id))
                            .collect(),
                        closing: Bilingual::new("সমাপ্তি", "Closing"),
                    },
                )
                .await
                .unwrap();
            })
            .await;
        }
        let decisions = test.db.decisions_of_meeting(meeting.id).await.unwrap();
        assert_eq!(decisions.len(), 1, "{backend}");
        assert_eq!(decisions[0].serial.paragraph, 3);
        assert_eq!(decisions[0].responsible.len(), 1);
        assert_eq!(
            test.db.agenda(meeting.id).await.unwrap()[0].discussion.bn,
            "আলোচনা"
        );
        committed(&test.db, async |tx| {
            tx.set_minutes_stage(
                meeting.id,
                MinutesStage::Circulated,
                date(2026, 12, 18),
                "secretary",
            )
            .await
            .unwrap();
            tx.add_minutes_comment(meeting.id, Some(chair), "মতামত")
                .await
                .unwrap();
            tx.set_minutes_stage(
                meeting.id,
                MinutesStage::Approved,
                date(2026, 12, 19),
                "cio",
            )
            .await
            .unwrap();
        })
        .await;
        let read = test.db.meeting_by_id(meeting.id).await.unwrap().record;
        assert_eq!(
            read.minutes_stage,
            Some(MinutesStage::Approved),
            "{backend}"
        );
        assert_eq!(read.circulated_on, Some(date(2026, 12, 18)));
        assert_eq!(read.approved_by.as_deref(), Some("cio"));
        let comments = test.db.minutes_comments(meeting.id).await.unwrap();
        assert_eq!((comments.len(), comments[0].person_id), (1, Some(chair)));

        let issue = || MinutesIssue {
            memo_number: "40.00.0000.000.036.32.0006.17.7".parse().unwrap(),
            issued_on: date(2026, 12, 20),
            issuer_person_id: chair,
            issuer_post_id: Some(created.post_id),
            distribution: vec![NewDistributionEntry {
                text: Bilingual::new("অফিস কপি", "Office copy"),
                attention: None,
                office_id: None,
                post_id: None,
            }],
        };
        committed(&test.db, async |tx| {
            tx.issue_minutes(meeting.id, issue()).await.unwrap()
        })
        .await;
        let read = test.db.meeting_by_id(meeting.id).await.unwrap();
        assert_eq!(
            read.record.minutes_stage,
            Some(MinutesStage::Issued),
            "{backend}"
        );
        assert_eq!(read.record.memo_number.unwrap().letter(), 7);
        assert_eq!(
            test.db
                .distribution(read.distribution_list_id.unwrap())
                .await
                .unwrap()
                .len(),
            1
        );
        // Issued once: a second issue is a conflict and changes nothing.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(matches!(
            tx.issue_minutes(meeting.id, issue()).await,
            Err(udbhabon_db::DbError::Conflict(_))
        ));
    }
}
