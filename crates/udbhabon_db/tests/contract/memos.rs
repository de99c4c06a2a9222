//! Memo numbers: serials without duplicates or gaps, even from two processes at once.

use udbhabon_db::Db;
use udbhabon_db::office::memo::NewMemoFile;
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::memo::MemoNumber;

use crate::fixtures::{author, committed, date, ministry};
use crate::support::each_backend;

async fn file(db: &Db, next_letter: u32) -> i32 {
    committed(db, async |tx| {
        let created = ministry(tx).await;
        tx.insert_memo_file(NewMemoFile {
            office_id: created.office_id,
            unit_id: Some(created.unit_id),
            file_number: "40.00.0000.000.036.32.0006.17".parse().unwrap(),
            subject: Bilingual::new("ইনোভেশন টিম", "Innovation team"),
            next_letter,
        })
        .await
        .unwrap()
    })
    .await
}

#[tokio::test]
async fn two_processes_taking_numbers_at_once_get_each_serial_exactly_once() {
    for test in each_backend().await {
        let file_id = file(&test.db, 6).await;
        // A second pool on the same database stands for a second server process.
        let other = Db::connect(&test.url).await.unwrap();
        let mut tasks = Vec::new();
        for index in 0..24 {
            let db = if index % 2 == 0 {
                test.db.clone()
            } else {
                other.clone()
            };
            tasks.push(tokio::spawn(async move {
                let tx = db.begin(author()).await.unwrap();
                let memo = tx
                    .take_memo_number(file_id, date(2026, 2, 1), Bilingual::new("চিঠি", "Letter"))
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                memo.letter()
            }));
        }
        let mut letters = Vec::new();
        for task in tasks {
            letters.push(task.await.unwrap());
        }
        letters.sort_unstable();
        assert_eq!(letters, (6..30).collect::<Vec<_>>(), "{}", test.backend);
        assert_eq!(test.db.memo_file(file_id).await.unwrap().next_letter, 30);
        assert_eq!(
            test.db
                .memo_register(test.db.office_by_key("mole").await.unwrap().id)
                .await
                .unwrap()
                .len(),
            24
        );
    }
}

#[tokio::test]
async fn a_failed_transaction_gives_its_number_back() {
    for test in each_backend().await {
        let file_id = file(&test.db, 6).await;
        let tx = test.db.begin(author()).await.unwrap();
        let memo = tx
            .take_memo_number(file_id, date(2026, 2, 1), Bilingual::new("চিঠি", "Letter"))
            .await
            .unwrap();
        assert_eq!(memo.letter(), 6);
        drop(tx);
        let tx = test.db.begin(author()).await.unwrap();
        let memo = tx
            .take_memo_number(file_id, date(2026, 2, 1), Bilingual::new("চিঠি", "Letter"))
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            memo.to_bengali(),
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬",
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn numbers_issued_before_are_registered_with_their_copy_batches_and_move_the_next_serial_on()
{
    for test in each_backend().await {
        let file_id = file(&test.db, 1).await;
        let order: MemoNumber = "40.00.0000.000.036.32.0006.17.5".parse().unwrap();
        committed(&test.db, async |tx| {
            tx.record_memo_number(
                file_id,
                &order,
                date(2026, 1, 26),
                Bilingual::new("অফিস আদেশ", "Office order"),
            )
            .await
            .unwrap();
            tx.record_memo_number(
                file_id,
                &order.endorsed(1, 20),
                date(2026, 1, 26),
                Bilingual::new("অনুলিপি", "Copies"),
            )
            .await
            .unwrap();
        })
        .await;
        assert_eq!(
            test.db.memo_file(file_id).await.unwrap().next_letter,
            6,
            "{}",
            test.backend
        );
        let register = test
            .db
            .memo_register(test.db.office_by_key("mole").await.unwrap().id)
            .await
            .unwrap();
        let numbers: Vec<String> = register
            .iter()
            .map(|row| row.memo_number.to_bengali())
            .collect();
        assert_eq!(
            numbers,
            [
                "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫",
                "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)"
            ]
        );
        let tx = test.db.begin(author()).await.unwrap();
        let duplicate = tx
            .record_memo_number(
                file_id,
                &order,
                date(2026, 1, 27),
                Bilingual::new("আবার", "Again"),
            )
            .await;
        assert!(
            matches!(duplicate, Err(udbhabon_db::DbError::Conflict(_))),
            "a number is registered once: {duplicate:?}"
        );
    }
}
