//! The yearly award's arithmetic takes the plan its rules name.

use bangla::FiscalYear;
use udbhabon_core::innovation::award::AwardRanking;

use crate::support::{SECRETARY, TestApp};

/// The key of the plan template whose scores the ranking counts.
fn counted(ranking: &AwardRanking) -> Option<&str> {
    ranking.plan.as_ref().map(|template| template.key.as_str())
}

#[tokio::test]
async fn another_kind_of_plan_loaded_for_the_year_does_not_change_the_plan_score() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let year = FiscalYear::starting_in(2022).unwrap();
    let before = test
        .app
        .award_ranking(&secretary, "mole", year)
        .await
        .unwrap();
    // An APA template of the same year, listed before the e-Government plan's by its key.
    let apa = test
        .app
        .copy_plan_template("egov-2022-23", "apa-2022-23", "2022-23")
        .await
        .unwrap()
        .replace("kind = \"egov\"", "kind = \"apa\"");
    test.app.load_plan_template(&apa, "test").await.unwrap();
    let after = test
        .app
        .award_ranking(&secretary, "mole", year)
        .await
        .unwrap();
    assert_eq!(counted(&before), Some("egov-2022-23"));
    assert_eq!(counted(&after), Some("egov-2022-23"));
}
