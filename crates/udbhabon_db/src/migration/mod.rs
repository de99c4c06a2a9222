//! Forward-only schema migrations, run at `serve` start and by `udbhabon migrate`; never edited once landed.

use sea_orm_migration::prelude::*;

pub(crate) use m0002_accounts_audit::GENESIS_HASH;

mod m0001_foundation;
mod m0002_accounts_audit;
mod m0003_memo;
mod m0004_office_contact;
mod m0005_order_drafts_documents;
mod m0006_plans;
mod m0007_progress;
mod m0008_office_district;
mod m0009_plan_revisions;
mod m0010_plan_assessments;
mod m0011_decision_updates;
mod m0012_indicator_feed;
mod m0013_meeting_schedule;
mod m0014_minutes_cycle;
mod m0015_reminders;
mod m0016_collections;
mod m0017_collection_forwards;
mod m0018_collection_fields;
mod m0019_innovations;
mod m0020_innovation_steps;
mod m0021_innovation_search;
mod m0022_innovation_showcase;
mod m0023_award_rounds;
mod m0024_memo_file_closing;
mod m0025_charters;
mod m0026_digital_services;
mod m0027_feedback;
mod m0028_feedback_innovation;
mod m0029_feedback_attachment;
mod m0030_search_spelling;
mod m0031_collection_closing;
mod m0032_meeting_changes;
mod m0033_notification_mail;
mod m0034_trainings;
mod m0035_training_certificates;
mod m0036_holidays;
mod m0037_rti_requests;
mod m0038_rti_officers;
mod m0039_rti_disclosures;
mod m0040_duty_officers;
mod m0041_software;
mod m0042_renewals;
mod m0043_certifications;
mod m0044_projects;
mod m0045_budget;
mod m0046_tutorials;
mod m0047_tutorial_videos;
mod m0048_tutorial_courses;
mod m0049_training_materials;
mod m0050_training_invitations;

/// The ordered list of every migration.
#[derive(Debug)]
pub(crate) struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_accounts_audit::Migration),
            Box::new(m0003_memo::Migration),
            Box::new(m0004_office_contact::Migration),
            Box::new(m0005_order_drafts_documents::Migration),
            Box::new(m0006_plans::Migration),
            Box::new(m0007_progress::Migration),
            Box::new(m0008_office_district::Migration),
            Box::new(m0009_plan_revisions::Migration),
            Box::new(m0010_plan_assessments::Migration),
            Box::new(m0011_decision_updates::Migration),
            Box::new(m0012_indicator_feed::Migration),
            Box::new(m0013_meeting_schedule::Migration),
            Box::new(m0014_minutes_cycle::Migration),
            Box::new(m0015_reminders::Migration),
            Box::new(m0016_collections::Migration),
            Box::new(m0017_collection_forwards::Migration),
            Box::new(m0018_collection_fields::Migration),
            Box::new(m0019_innovations::Migration),
            Box::new(m0020_innovation_steps::Migration),
            Box::new(m0021_innovation_search::Migration),
            Box::new(m0022_innovation_showcase::Migration),
            Box::new(m0023_award_rounds::Migration),
            Box::new(m0024_memo_file_closing::Migration),
            Box::new(m0025_charters::Migration),
            Box::new(m0026_digital_services::Migration),
            Box::new(m0027_feedback::Migration),
            Box::new(m0028_feedback_innovation::Migration),
            Box::new(m0029_feedback_attachment::Migration),
            Box::new(m0030_search_spelling::Migration),
            Box::new(m0031_collection_closing::Migration),
            Box::new(m0032_meeting_changes::Migration),
            Box::new(m0033_notification_mail::Migration),
            Box::new(m0034_trainings::Migration),
            Box::new(m0035_training_certificates::Migration),
            Box::new(m0036_holidays::Migration),
            Box::new(m0037_rti_requests::Migration),
            Box::new(m0038_rti_officers::Migration),
            Box::new(m0039_rti_disclosures::Migration),
            Box::new(m0040_duty_officers::Migration),
            Box::new(m0041_software::Migration),
            Box::new(m0042_renewals::Migration),
            Box::new(m0043_certifications::Migration),
            Box::new(m0044_projects::Migration),
            Box::new(m0045_budget::Migration),
            Box::new(m0046_tutorials::Migration),
            Box::new(m0047_tutorial_videos::Migration),
            Box::new(m0048_tutorial_courses::Migration),
            Box::new(m0049_training_materials::Migration),
            Box::new(m0050_training_invitations::Migration),
        ]
    }
}
