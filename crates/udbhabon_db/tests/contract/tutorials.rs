//! The video-tutorial library: tutorials kept as written, a person finishing one once, the minutes
//! finished over some days added up by office and person, an uploaded video replaced beside its
//! subtitles, and a tutorial put in a planned course and left in none when the course is taken off.

use chrono::NaiveDate;
use udbhabon_domain::Bilingual;
use udbhabon_domain::training::course::Course;
use udbhabon_domain::training::tutorial::{Chapter, Tutorial};
use udbhabon_domain::training::{TrainingAudience, TrainingTopic};

use crate::fixtures::{committed, ministry, person};
use crate::support::each_backend;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[tokio::test]
async fn a_tutorial_is_finished_once_and_its_minutes_add_up_by_office_and_person() {
    let tutorial = Tutorial {
        title: Bilingual::new("ই-নথিতে পত্র জারি", ""),
        topic: TrainingTopic::ENothi,
        minutes: 30,
        link: "https://example.org/tutorials/e-nothi".to_owned(),
        description: String::new(),
        chapters: vec![Chapter {
            at: 0,
            title: "পরিচিতি".to_owned(),
        }],
    };
    for test in each_backend().await {
        let (office_id, first, second, reader) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx.insert_tutorial(office_id, &tutorial).await.unwrap();
            let second = tx.insert_tutorial(office_id, &tutorial).await.unwrap();
            let reader = person(tx, "পাঠক").await;
            tx.complete_tutorial((first, reader, office_id), (date("2026-11-20"), 30))
                .await
                .unwrap();
            tx.complete_tutorial((second, reader, office_id), (date("2025-06-30"), 45))
                .await
                .unwrap();
            (office_id, first, second, reader)
        })
        .await;
        assert_eq!(
            test.db.tutorial(first).await.unwrap().tutorial,
            tutorial,
            "{}",
            test.backend
        );
        assert_eq!(
            test.db
                .tutorial_minutes(&[office_id], (date("2026-07-01"), date("2027-06-30")))
                .await
                .unwrap()
                .get(&(office_id, reader)),
            Some(&30),
            "{}",
            test.backend
        );
        assert_eq!(
            test.db
                .tutorial_completions(&[first, second])
                .await
                .unwrap(),
            [
                (second, reader, date("2025-06-30")),
                (first, reader, date("2026-11-20"))
            ],
            "{}",
            test.backend
        );
        // Finishing it again is refused by the database itself: its minutes count once.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(
            tx.complete_tutorial((first, reader, office_id), (date("2026-11-21"), 30))
                .await
                .is_err(),
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_tutorials_video_is_replaced_and_its_subtitles_kept_or_changed() {
    let tutorial = Tutorial {
        title: Bilingual::new("উদ্ভাবনী ধারণাপত্র", ""),
        topic: TrainingTopic::Innovation,
        minutes: 12,
        link: String::new(),
        description: String::new(),
        chapters: Vec::new(),
    };
    for test in each_backend().await {
        let (id, first, second, track) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let id = tx.insert_tutorial(office_id, &tutorial).await.unwrap();
            let file = async |sha256: &str, media_type: &str, name: &str| {
                tx.evidence_by_hash(sha256, media_type, 1000, name)
                    .await
                    .unwrap()
            };
            let first = file("aa11", "video/mp4", "ধারণা.mp4").await;
            let second = file("bb22", "video/webm", "ধারণা.webm").await;
            let track = file("cc33", "text/vtt", "ধারণা.vtt").await;
            tx.set_tutorial_video(id, first, Some(track)).await.unwrap();
            (id, first, second, track)
        })
        .await;
        let kept = test.db.tutorial_video(id).await.unwrap().unwrap();
        assert_eq!(kept.video.id, first, "{}", test.backend);
        assert_eq!(
            kept.subtitles.map(|file| (file.id, file.name)),
            Some((track, "ধারণা.vtt".to_owned())),
            "{}",
            test.backend
        );
        committed(&test.db, async |tx| {
            tx.set_tutorial_video(id, second, None).await.unwrap();
        })
        .await;
        let kept = test.db.tutorial_video(id).await.unwrap().unwrap();
        assert_eq!(
            (
                kept.video.id,
                kept.video.media_type.as_str(),
                kept.subtitles
            ),
            (second, "video/webm", None),
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_tutorial_in_a_course_is_left_in_none_when_the_course_is_taken_off() {
    let tutorial = Tutorial {
        title: Bilingual::new("ই-নথিতে নোট", ""),
        topic: TrainingTopic::ENothi,
        minutes: 30,
        link: "https://example.org/e-nothi".to_owned(),
        description: String::new(),
        chapters: Vec::new(),
    };
    let course = Course {
        title: Bilingual::new("ই-নথি দক্ষতা", ""),
        topic: TrainingTopic::ENothi,
        audience: TrainingAudience::AllStaff,
        quarter: 3,
        hours: 2,
    };
    for test in each_backend().await {
        let (id, course_id) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let id = tx.insert_tutorial(office_id, &tutorial).await.unwrap();
            let course_id = tx.insert_course(office_id, 2026, &course).await.unwrap();
            tx.set_tutorial_course(id, Some(course_id)).await.unwrap();
            // Put in the same course again, it stays once.
            tx.set_tutorial_course(id, Some(course_id)).await.unwrap();
            (id, course_id)
        })
        .await;
        let listed = test.db.tutorials_in_courses(&[course_id]).await.unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|(course, row)| (*course, row.id))
                .collect::<Vec<_>>(),
            [(course_id, id)],
            "{}",
            test.backend
        );
        committed(&test.db, async |tx| {
            tx.delete_course(course_id).await.unwrap()
        })
        .await;
        assert!(
            test.db.tutorial_courses(&[id]).await.unwrap().is_empty(),
            "{}",
            test.backend
        );
        assert_eq!(test.db.tutorial(id).await.unwrap().tutorial, tutorial);
    }
}
