//! The holiday calendar, the RTI register and the software register: holidays found by the days they
//! share and kept one to a day; applications numbered in their office's fiscal year, their answer and
//! appeal recorded and read back; renewals found by the days they lapse, and findings while open; budget
//! lines kept one to a year, budget and code, with a month's spending replaced when recorded again.

use chrono::NaiveDate;
use udbhabon_db::register::rti::RtiStep;
use udbhabon_domain::holiday::{Holiday, HolidayKind};
use udbhabon_domain::register::rti::{
    AppealOutcome, RtiAnswer, RtiAppeal, RtiChannel, RtiOutcome, RtiRequest,
};

use udbhabon_domain::register::budget::{BudgetKind, BudgetLine, Spending};
use udbhabon_domain::register::certification::{
    Certification, CertificationKind, CertificationResult, Closure, Finding, Severity,
};
use udbhabon_domain::register::renewal::{Renewal, RenewalKind};
use udbhabon_domain::register::software::{DataClass, Hosting, Software};

use udbhabon_domain::{Bilingual, FiscalYear};

use crate::fixtures::{committed, ministry};
use crate::support::each_backend;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn holiday(name: &str, starts: &str, ends: &str) -> Holiday {
    Holiday {
        name: Bilingual::new(name, ""),
        kind: HolidayKind::General,
        starts: date(starts),
        ends: date(ends),
        moon: name.starts_with("ঈদ"),
    }
}

#[tokio::test]
async fn holidays_are_found_by_the_days_they_share_and_a_day_holds_one() {
    for test in each_backend().await {
        let (victory, eid) = committed(&test.db, async |tx| {
            let victory = tx
                .insert_holiday(&holiday("বিজয় দিবস", "2026-12-16", "2026-12-16"))
                .await
                .unwrap();
            let eid = tx
                .insert_holiday(&holiday("ঈদুল ফিতর", "2026-03-20", "2026-03-22"))
                .await
                .unwrap();
            (victory, eid)
        })
        .await;
        let found = committed(&test.db, async |tx| {
            tx.holidays_overlapping(date("2026-03-22"), date("2026-03-26"))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(found.len(), 1, "{}", test.backend);
        assert_eq!((found[0].id, found[0].holiday.moon), (eid, true));
        let year: Vec<i32> = test
            .db
            .holidays_of_year(2026)
            .await
            .unwrap()
            .iter()
            .map(|row| row.id)
            .collect();
        assert_eq!(year, [eid, victory], "{}", test.backend);
        assert!(test.db.holidays_of_year(2027).await.unwrap().is_empty());

        // A second holiday starting on a taken day is refused by the database itself.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(
            tx.insert_holiday(&holiday("অন্য", "2026-12-16", "2026-12-16"))
                .await
                .is_err(),
            "{}",
            test.backend
        );
        drop(tx);
        committed(&test.db, async |tx| {
            tx.update_holiday(eid, &holiday("ঈদুল ফিতর", "2026-03-21", "2026-03-23"))
                .await
                .unwrap();
            tx.delete_holiday(victory).await.unwrap();
        })
        .await;
        let rows = test.db.holidays().await.unwrap();
        assert_eq!(rows.len(), 1, "{}", test.backend);
        assert_eq!(rows[0].holiday.ends, date("2026-03-23"));
    }
}

fn request(received_on: &str) -> RtiRequest {
    RtiRequest {
        received_on: date(received_on),
        channel: RtiChannel::Email,
        applicant: "মো. করিম".into(),
        contact: "karim@example.com".into(),
        information: "পরিদর্শন প্রতিবেদন".into(),
        involves_others: false,
        life_liberty: false,
    }
}

#[tokio::test]
async fn applications_are_numbered_in_their_year_and_their_steps_read_back() {
    for test in each_backend().await {
        let (office_id, first, second, next_year) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx
                .insert_rti_request(office_id, 2026, &request("2026-09-06"))
                .await
                .unwrap();
            let second = tx
                .insert_rti_request(office_id, 2026, &request("2026-10-04"))
                .await
                .unwrap();
            let next_year = tx
                .insert_rti_request(office_id, 2027, &request("2027-07-04"))
                .await
                .unwrap();
            (office_id, first, second, next_year)
        })
        .await;
        assert_eq!(
            (first.1, second.1, next_year.1),
            (1, 2, 1),
            "{}",
            test.backend
        );
        let answer = RtiAnswer {
            fee: 0,
            answered_on: date("2026-10-12"),
            outcome: RtiOutcome::PartlySupplied,
            section: String::new(),
            note: "সংক্ষিপ্ত হিসাব".into(),
        };
        let appeal = RtiAppeal {
            filed_on: date("2026-10-20"),
            decided_on: Some(date("2026-11-02")),
            outcome: Some(AppealOutcome::Ordered),
            note: String::new(),
        };
        committed(&test.db, async |tx| {
            tx.record_rti_step(first.0, &RtiStep::Answer(answer.clone()))
                .await
                .unwrap();
            tx.record_rti_step(first.0, &RtiStep::Appeal(appeal.clone()))
                .await
                .unwrap();
        })
        .await;
        let rows = test.db.rti_requests(office_id, 2026).await.unwrap();
        assert_eq!(
            rows.iter().map(|row| row.serial).collect::<Vec<_>>(),
            [1, 2],
            "{}",
            test.backend
        );
        let row = test.db.rti_request(first.0).await.unwrap();
        assert_eq!(row.answer, Some(answer), "{}", test.backend);
        assert_eq!(row.appeal, Some(appeal));
        assert_eq!(row.complaint, None);
        assert_eq!(row.request, request("2026-09-06"));
    }
}

#[tokio::test]
async fn an_offices_disclosures_are_kept_in_order_and_only_through_that_office() {
    use udbhabon_domain::register::rti::disclosure::Disclosure;
    let entry = |title: &str, updated_on: &str| Disclosure {
        title: Bilingual::new(title, ""),
        link: String::new(),
        updated_on: date(updated_on),
    };
    for test in each_backend().await {
        let (office_id, first, second) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx
                .insert_disclosure(office_id, &entry("সিটিজেন চার্টার", "2026-11-01"))
                .await
                .unwrap();
            let second = tx
                .insert_disclosure(office_id, &entry("বাজেট", "2026-10-01"))
                .await
                .unwrap();
            (office_id, first, second)
        })
        .await;
        committed(&test.db, async |tx| {
            tx.update_disclosure(office_id, first, &entry("সিটিজেন চার্টার", "2026-11-20"))
                .await
                .unwrap();
            // Another office's entry is not found through this one.
            assert!(
                tx.delete_disclosure(office_id + 1000, second)
                    .await
                    .is_err()
            );
            tx.delete_disclosure(office_id, second).await.unwrap();
        })
        .await;
        let rows = test.db.disclosures(office_id).await.unwrap();
        assert_eq!(rows.len(), 1, "{}", test.backend);
        assert_eq!(rows[0].disclosure.updated_on, date("2026-11-20"));
    }
}

#[tokio::test]
async fn renewals_are_found_by_the_days_they_lapse_and_findings_while_open() {
    let renewal = |subject: &str, expires_on: &str| Renewal {
        kind: RenewalKind::Certificate,
        subject: subject.to_owned(),
        expires_on: date(expires_on),
        remind_days: 30,
    };
    let finding = |due_on: &str| Finding {
        text: "হারের সীমা নেই".to_owned(),
        severity: Severity::High,
        due_on: date(due_on),
    };
    for test in each_backend().await {
        let (office_id, system, early, late, open, closed) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let system = tx
                .insert_software(
                    office_id,
                    &Software {
                        name: Bilingual::new("ওয়েবসাইট", ""),
                        purpose: String::new(),
                        owner: "আইসিটি সেল".to_owned(),
                        vendor: String::new(),
                        hosting: Hosting::NationalDataCenter,
                        url: String::new(),
                        users: None,
                        personal_data: false,
                        data_class: DataClass::Open,
                    },
                )
                .await
                .unwrap();
            let early = tx
                .insert_renewal((system, office_id), &renewal("a", "2026-12-10"))
                .await
                .unwrap();
            let late = tx
                .insert_renewal((system, office_id), &renewal("b", "2027-03-01"))
                .await
                .unwrap();
            let certification = Certification {
                kind: CertificationKind::SecurityTest,
                tester: "সার্ট".to_owned(),
                tested_on: date("2026-11-01"),
                version: String::new(),
                result: CertificationResult::Conditional,
                note: String::new(),
            };
            let tested = tx
                .insert_certification(system, (&certification, None))
                .await
                .unwrap();
            let open = tx
                .insert_finding((tested, office_id), &finding("2026-11-20"))
                .await
                .unwrap();
            let closed = tx
                .insert_finding((tested, office_id), &finding("2026-11-15"))
                .await
                .unwrap();
            let closure = Closure {
                closed_on: date("2026-11-14"),
                note: "ঠিক করা হয়েছে".to_owned(),
            };
            tx.close_finding(closed, &closure).await.unwrap();
            (office_id, system, early, late, open, closed)
        })
        .await;
        let lapsing = |from: &str, until: &str, offices: Option<Vec<i32>>| {
            let (db, span) = (&test.db, (Some(date(from)), date(until)));
            async move {
                db.renewals_lapsing(span, offices.as_deref())
                    .await
                    .unwrap()
                    .iter()
                    .map(|row| row.id)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(
            lapsing("2026-12-10", "2027-03-01", None).await,
            [early, late]
        );
        assert_eq!(
            lapsing("2026-12-11", "2027-12-31", Some(vec![office_id])).await,
            [late],
            "{}",
            test.backend
        );
        assert!(
            lapsing("2026-01-01", "2026-12-31", Some(vec![office_id + 1]))
                .await
                .is_empty()
        );
        committed(&test.db, async |tx| {
            tx.renew(early, date("2027-12-10")).await.unwrap();
            tx.remove_renewal(late).await.unwrap();
        })
        .await;
        let kept = test.db.renewals_of(&[system]).await.unwrap();
        assert_eq!(kept.len(), 1, "{}", test.backend);
        assert_eq!(kept[0].renewal.expires_on, date("2027-12-10"));

        let open_by = |until: &str| {
            let (db, until) = (&test.db, date(until));
            async move {
                db.open_findings(until, Some(&[office_id]))
                    .await
                    .unwrap()
                    .iter()
                    .map(|row| row.id)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(open_by("2026-11-30").await, [open], "{}", test.backend);
        assert!(open_by("2026-11-19").await.is_empty());
        // A finding is closed once.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        let closure = Closure {
            closed_on: date("2026-11-16"),
            note: "আবার".to_owned(),
        };
        assert!(tx.close_finding(closed, &closure).await.is_err());
    }
}

#[tokio::test]
async fn budget_lines_are_one_to_a_code_and_a_month_is_spent_once() {
    let line = |year: i32, kind: BudgetKind, code: &str| BudgetLine {
        year: FiscalYear::starting_in(year).unwrap(),
        kind,
        code: code.to_owned(),
        head: Bilingual::new("কম্পিউটার সামগ্রী", ""),
        allocation: 800,
        revised: None,
    };
    let spent = |month: &str, amount: u64| Spending {
        month: date(month),
        amount,
    };
    for test in each_backend().await {
        let (office_id, revenue, development) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let revenue = tx
                .insert_budget_line(office_id, &line(2026, BudgetKind::Revenue, "3255101"))
                .await
                .unwrap();
            let development = tx
                .insert_budget_line(office_id, &line(2026, BudgetKind::Development, "3255101"))
                .await
                .unwrap();
            tx.insert_budget_line(office_id, &line(2025, BudgetKind::Revenue, "3255101"))
                .await
                .unwrap();
            tx.record_spending(revenue, spent("2026-07-01", 150))
                .await
                .unwrap();
            tx.record_spending(revenue, spent("2026-07-01", 120))
                .await
                .unwrap();
            tx.record_spending(revenue, spent("2026-08-01", 40))
                .await
                .unwrap();
            (office_id, revenue, development)
        })
        .await;
        let year = FiscalYear::starting_in(2026).unwrap();
        let lines: Vec<i32> = test
            .db
            .budget_lines_of(office_id, year)
            .await
            .unwrap()
            .iter()
            .map(|row| row.id)
            .collect();
        assert_eq!(lines, [revenue, development], "{}", test.backend);
        assert_eq!(
            test.db.budget_years_of(office_id).await.unwrap(),
            [year, FiscalYear::starting_in(2025).unwrap()],
            "{}",
            test.backend
        );
        let months: Vec<(u64, i32)> = test
            .db
            .spending_of(&[revenue, development])
            .await
            .unwrap()
            .iter()
            .map(|row| (row.spending.amount, row.line_id))
            .collect();
        assert_eq!(months, [(120, revenue), (40, revenue)], "{}", test.backend);

        // A second line of the same year, budget and code is refused by the database itself.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(
            tx.insert_budget_line(office_id, &line(2026, BudgetKind::Revenue, "3255101"))
                .await
                .is_err(),
            "{}",
            test.backend
        );
        drop(tx);
        // A line removed takes its spending with it.
        committed(&test.db, async |tx| {
            tx.remove_budget_line(revenue).await.unwrap();
        })
        .await;
        assert!(
            test.db.spending_of(&[revenue]).await.unwrap().is_empty(),
            "{}",
            test.backend
        );
    }
}
