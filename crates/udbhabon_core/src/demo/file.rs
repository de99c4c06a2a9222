//! The shape of a demo-data file, as serde reads it; every reference between records is by key.

use serde::Deserialize;
use toml::value::Datetime;
use udbhabon_domain::account::access::Role;
use udbhabon_domain::meeting::MeetingKind;
use udbhabon_domain::meeting::decision::ResponsibleKind;
use udbhabon_domain::office::person::Charge;
use udbhabon_domain::office::{OfficeKind, UnitLevel};
use udbhabon_domain::register::officer::OfficerRole;
use udbhabon_domain::team::TeamRole;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoFile {
    pub version: u32,
    /// The key of the office the installation serves (the top of its tree).
    pub top_office: String,
    pub designations: Vec<DesignationEntry>,
    pub offices: Vec<OfficeEntry>,
    #[serde(default)]
    pub units: Vec<UnitEntry>,
    #[serde(default)]
    pub posts: Vec<PostEntry>,
    #[serde(default)]
    pub people: Vec<PersonEntry>,
    #[serde(default)]
    pub postings: Vec<PostingEntry>,
    #[serde(default)]
    pub memo_files: Vec<MemoFileEntry>,
    #[serde(default)]
    pub teams: Vec<TeamEntry>,
    #[serde(default)]
    pub team_orders: Vec<TeamOrderEntry>,
    #[serde(default)]
    pub meetings: Vec<MeetingEntry>,
    #[serde(default)]
    pub accounts: Vec<AccountEntry>,
    #[serde(default)]
    pub plans: Vec<PlanEntry>,
    #[serde(default)]
    pub collections: Vec<CollectionEntry>,
    #[serde(default)]
    pub innovations: Vec<InnovationEntry>,
    #[serde(default)]
    pub trainings: Vec<TrainingEntry>,
    /// The years whose fixed-date holidays are entered from the holiday list.
    #[serde(default)]
    pub holiday_years: Vec<i32>,
    #[serde(default)]
    pub rti_requests: Vec<RtiEntry>,
    #[serde(default)]
    pub officers: Vec<OfficerEntry>,
    #[serde(default)]
    pub software: Vec<SoftwareEntry>,
    #[serde(default)]
    pub projects: Vec<ProjectEntry>,
    #[serde(default)]
    pub budget: Vec<BudgetEntry>,
    #[serde(default)]
    pub tutorials: Vec<TutorialEntry>,
}

/// A video tutorial of an office's library, each field as its form takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TutorialEntry {
    pub office: String,
    pub title_bn: String,
    #[serde(default)]
    pub title_en: String,
    pub topic: String,
    pub minutes: u32,
    pub link: String,
    #[serde(default)]
    pub description: String,
    /// One chapter to a line, "minutes:seconds title".
    #[serde(default)]
    pub chapters: String,
}

/// An ICT budget line of an office, each field as its form takes it, with what was spent on it month
/// by month from July.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BudgetEntry {
    pub office: String,
    /// The fiscal year, such as "2026-27".
    pub year: String,
    pub kind: String,
    pub code: String,
    pub head_bn: String,
    #[serde(default)]
    pub head_en: String,
    pub allocation: u64,
    pub revised: Option<u64>,
    #[serde(default)]
    pub spent: Vec<u64>,
}

/// An ICT project of an office, each field as its form takes it, with its milestones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectEntry {
    pub office: String,
    pub name_bn: String,
    #[serde(default)]
    pub name_en: String,
    pub kind: String,
    pub director: String,
    pub cost: u64,
    pub funds: String,
    pub starts_on: Datetime,
    pub ends_on: Datetime,
    #[serde(default)]
    pub vendor: String,
    pub physical_progress: u8,
    pub spent: u64,
    #[serde(default)]
    pub risks: String,
    #[serde(default)]
    pub milestones: Vec<MilestoneEntry>,
}

/// A milestone of a project: planned for a day, and reached on one when it was.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MilestoneEntry {
    pub title: String,
    pub planned_on: Datetime,
    pub reached_on: Option<Datetime>,
}

/// A system of an office's software register, each field as its form takes it, with the handover of
/// its source code when recorded, what it needs renewed, and its tests and audits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SoftwareEntry {
    pub office: String,
    pub name_bn: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub purpose: String,
    pub owner: String,
    #[serde(default)]
    pub vendor: String,
    pub hosting: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub users: String,
    #[serde(default)]
    pub personal_data: bool,
    pub data_class: String,
    pub handover: Option<HandoverEntry>,
    #[serde(default)]
    pub renewals: Vec<RenewalEntry>,
    #[serde(default)]
    pub certifications: Vec<CertificationEntry>,
}

/// A test or audit of a system, as its form takes it, with its findings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CertificationEntry {
    pub kind: String,
    pub tester: String,
    pub tested_on: Datetime,
    #[serde(default)]
    pub version: String,
    pub result: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub findings: Vec<FindingEntry>,
}

/// A finding of a test, closed on a day with what was done, or open.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingEntry {
    pub text: String,
    pub severity: String,
    pub due_on: Datetime,
    pub closed: Option<(Datetime, String)>,
}

/// A renewal a system needs, as its form takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RenewalEntry {
    pub kind: String,
    pub subject: String,
    pub expires_on: Datetime,
    pub remind_days: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HandoverEntry {
    pub custody: String,
    pub handed_over_on: Datetime,
    pub location: String,
    pub version: String,
    #[serde(default)]
    pub verified_by: String,
    pub verified_on: Option<Datetime>,
}

/// An officer an office names for RTI or grievance redress: a role held by a post.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OfficerEntry {
    pub office: String,
    pub role: OfficerRole,
    pub post: String,
}

/// An application in an office's RTI register, with its answer and appeal when recorded, each as its
/// form takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RtiEntry {
    pub office: String,
    pub received_on: Datetime,
    pub channel: String,
    pub applicant: String,
    #[serde(default)]
    pub contact: String,
    pub information: String,
    #[serde(default)]
    pub involves_others: bool,
    pub answer: Option<RtiAnswerEntry>,
    pub appeal: Option<RtiAppealEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RtiAnswerEntry {
    pub answered_on: Datetime,
    pub outcome: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub note: String,
    /// In taka.
    #[serde(default)]
    pub fee: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RtiAppealEntry {
    pub filed_on: Datetime,
    pub decided_on: Option<Datetime>,
    #[serde(default)]
    pub outcome: String,
}

/// A training an office held, with its fields as the form takes them and who attended which session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TrainingEntry {
    pub office: String,
    pub title_bn: String,
    #[serde(default)]
    pub title_en: String,
    pub topic: String,
    pub audience: String,
    pub mode: String,
    #[serde(default)]
    pub venue_bn: String,
    #[serde(default)]
    pub venue_en: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub trainers: Vec<String>,
    #[serde(default)]
    pub guest_trainers: Vec<String>,
    pub sessions: Vec<SessionEntry>,
    #[serde(default)]
    pub participants: Vec<ParticipantEntry>,
    /// When the certificates given with the participants were issued.
    pub certified_on: Option<Datetime>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SessionEntry {
    pub on: Datetime,
    pub from: String,
    pub until: String,
    #[serde(default)]
    pub subject: String,
}

/// A participant by key, the office they came from, the sessions they attended (from 1) and the code
/// of the certificate they were issued, if any.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ParticipantEntry {
    pub person: String,
    pub office: String,
    #[serde(default)]
    pub attended: Vec<usize>,
    pub certificate: Option<String>,
}

/// An office's innovation, with its fields as the form takes them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InnovationEntry {
    pub office: String,
    pub kind: String,
    pub stage: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub service: String,
    pub problem: String,
    #[serde(default)]
    pub root_cause: String,
    pub solution: String,
    #[serde(default)]
    pub started_on: String,
    #[serde(default)]
    pub completed_on: String,
    #[serde(default)]
    pub service_link: String,
    #[serde(default)]
    pub channel: String,
    /// A simplification's figures before and after, by measure ("days", "cost", "visits", "steps").
    #[serde(default)]
    pub tcv: std::collections::BTreeMap<String, [String; 2]>,
    /// Whether the office's team put it on the public showcase.
    #[serde(default)]
    pub showcased: bool,
    /// The title of an earlier entry, of another office, that this one replicates.
    #[serde(default)]
    pub replicates: Option<String>,
}

/// A collection an office runs, asking these of its units.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CollectionEntry {
    pub key: String,
    pub office: String,
    pub kind: String,
    pub bn: String,
    pub en: String,
    #[serde(default)]
    pub instructions_bn: String,
    #[serde(default)]
    pub instructions_en: String,
    pub recurrence: String,
    pub opens: Datetime,
    #[serde(default)]
    pub due_day: u32,
    #[serde(default)]
    pub late_allowed: bool,
    #[serde(default)]
    pub evidence_required: bool,
    pub units: Vec<String>,
}

/// An office's plan from one of the built-in templates, with the template's targets.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanEntry {
    pub template: String,
    pub office: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AccountEntry {
    pub person: String,
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub roles: Vec<GrantEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GrantEntry {
    pub role: Role,
    pub office: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DesignationEntry {
    pub key: String,
    pub bn: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OfficeEntry {
    pub key: String,
    pub kind: OfficeKind,
    pub bn: String,
    pub en: String,
    pub short_en: Option<String>,
    pub parent: Option<String>,
    pub memo_code: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The district of a field office, by its two-digit code.
    pub district: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitEntry {
    pub key: String,
    pub office: String,
    pub level: UnitLevel,
    pub bn: String,
    pub en: String,
    pub parent: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PostEntry {
    pub key: String,
    pub office: String,
    pub unit: Option<String>,
    pub designation: String,
    pub label_bn: Option<String>,
    pub label_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PersonEntry {
    pub key: String,
    pub bn: String,
    pub en: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PostingEntry {
    pub person: String,
    pub post: String,
    pub charge: Charge,
    /// A date the source shows the person in the post; taken as the start of the posting.
    pub on: Datetime,
    /// The last day in the post, when the source shows the person moved on.
    pub until: Option<Datetime>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MemoFileEntry {
    pub key: String,
    pub office: String,
    pub unit: Option<String>,
    pub file_number: String,
    pub subject_bn: String,
    pub subject_en: String,
    pub next_letter: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TeamEntry {
    pub key: String,
    pub office: String,
    pub bn: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TeamOrderEntry {
    pub team: String,
    pub issuing_unit: Option<String>,
    pub memo: String,
    pub issued_on: Datetime,
    pub effective_from: Datetime,
    pub cites_memo: Option<String>,
    pub cites_date: Option<Datetime>,
    pub preamble_bn: String,
    pub preamble_en: String,
    pub terms_heading_bn: String,
    pub terms_heading_en: String,
    pub closing_bn: String,
    pub closing_en: String,
    pub signatory_person: String,
    pub signatory_post: String,
    pub signed_on: Datetime,
    pub endorsement: u32,
    pub copies_intro_bn: String,
    pub copies_intro_en: String,
    pub members: Vec<MemberEntry>,
    pub terms: TermsEntry,
    #[serde(default)]
    pub copies: Vec<RecipientEntry>,
}

/// An order's terms of reference: listed, or `"template"` for the built-in ones.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum TermsEntry {
    Listed(Vec<TextEntry>),
    Named(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MemberEntry {
    pub post: String,
    pub role: TeamRole,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TextEntry {
    pub bn: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecipientEntry {
    pub bn: String,
    pub en: String,
    pub office: Option<String>,
    pub post: Option<String>,
    pub attention_bn: Option<String>,
    pub attention_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MeetingEntry {
    pub key: String,
    pub office: String,
    pub team: Option<String>,
    pub kind: MeetingKind,
    pub plan_fiscal_year: Option<i32>,
    pub sequence: Option<u32>,
    pub title_bn: String,
    pub title_en: String,
    pub held_on: Datetime,
    pub starts_at: Option<String>,
    pub place_bn: String,
    pub place_en: String,
    #[serde(default)]
    pub online_link: String,
    pub chair_person: Option<String>,
    pub chair_designation: Option<String>,
    pub member_secretary_person: Option<String>,
    pub member_secretary_post: Option<String>,
    #[serde(default)]
    pub opening_bn: String,
    #[serde(default)]
    pub opening_en: String,
    #[serde(default)]
    pub closing_bn: String,
    #[serde(default)]
    pub closing_en: String,
    pub memo: Option<String>,
    pub issued_on: Option<Datetime>,
    pub issuer_person: Option<String>,
    pub issuer_post: Option<String>,
    #[serde(default)]
    pub invitees: Vec<InviteeEntry>,
    #[serde(default)]
    pub agenda: Vec<AgendaEntry>,
    #[serde(default)]
    pub attendance: Vec<AttendanceEntry>,
    #[serde(default)]
    pub decisions: Vec<DecisionEntry>,
    #[serde(default)]
    pub distribution: Vec<RecipientEntry>,
}

/// An invitee: a post by key or a person by key.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteeEntry {
    pub post: Option<String>,
    pub person: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AgendaEntry {
    pub title_bn: String,
    pub title_en: String,
    pub presenter_post: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AttendanceEntry {
    pub person: String,
    pub present: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DecisionEntry {
    pub serial: String,
    pub text_bn: String,
    pub text_en: String,
    pub deadline: Option<Datetime>,
    pub recurrence: Option<Recurrence>,
    pub day_of_month: Option<u32>,
    #[serde(default)]
    pub responsible: Vec<ResponsibleEntry>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Recurrence {
    Monthly,
    Yearly,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResponsibleEntry {
    pub bn: String,
    pub en: String,
    pub kind: ResponsibleKind,
    #[serde(rename = "ref")]
    pub reference: String,
}
