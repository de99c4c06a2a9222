//! Reminders: who acts for an office, and a reminder recorded once however often the job runs.

use udbhabon_db::reminder::NewReminder;
use udbhabon_domain::account::access::Role;

use crate::accounts::account;
use crate::fixtures::{committed, date, ministry};
use crate::support::each_backend;

#[tokio::test]
async fn a_reminder_is_recorded_once_for_the_accounts_acting_for_an_office() {
    for test in each_backend().await {
        let backend = test.backend;
        let (office_id, focal, viewer) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let (_, focal) = account(tx, "Focal", "focal@example.test", "hash").await;
            let (_, viewer) = account(tx, "Viewer", "viewer@example.test", "hash").await;
            tx.grant_role(focal, Role::FocalPoint, created.office_id)
                .await
                .unwrap();
            tx.grant_role(viewer, Role::Viewer, created.office_id)
                .await
                .unwrap();
            (created.office_id, focal, viewer)
        })
        .await;
        let acting = test
            .db
            .accounts_acting_for(&[office_id], &[Role::FocalPoint, Role::MemberSecretary])
            .await
            .unwrap();
        assert_eq!(
            acting.iter().map(|account| account.id).collect::<Vec<_>>(),
            [focal],
            "{backend}: the viewer is not reminded"
        );
        assert_ne!(focal, viewer);
        let reminder = NewReminder {
            subject: "decision".into(),
            record_id: 7,
            due_on: date(2026, 12, 3),
            step: "before_3".into(),
            account_id: focal,
        };
        let first = committed(&test.db, async |tx| {
            tx.record_reminder(reminder.clone()).await.unwrap()
        })
        .await;
        let second = committed(&test.db, async |tx| {
            tx.record_reminder(reminder.clone()).await.unwrap()
        })
        .await;
        let next_step = committed(&test.db, async |tx| {
            tx.record_reminder(NewReminder {
                step: "before_1".into(),
                ..reminder.clone()
            })
            .await
            .unwrap()
        })
        .await;
        assert_eq!((first, second, next_step), (true, false, true), "{backend}");
        // A reminder whose mail failed is forgotten, and recorded again on the next run.
        committed(&test.db, async |tx| {
            tx.forget_reminder(reminder.clone()).await.unwrap()
        })
        .await;
        let again = committed(&test.db, async |tx| {
            tx.record_reminder(reminder.clone()).await.unwrap()
        })
        .await;
        assert!(again, "{backend}");
        let sent = test.db.reminders_sent("decision", &[7]).await.unwrap();
        assert_eq!(
            sent.iter()
                .map(|sent| sent.step.as_str())
                .collect::<Vec<_>>(),
            ["before_1", "before_3"],
            "{backend}: the steps sent, oldest first"
        );
        assert!(
            test.db
                .reminders_sent("collection", &[7])
                .await
                .unwrap()
                .is_empty(),
            "{backend}"
        );
    }
}
