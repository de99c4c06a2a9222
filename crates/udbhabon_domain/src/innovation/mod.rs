//! Innovations: innovative ideas, simplified services and digitized services as the database of decision
//! 2.3 records them, with a simplification's time, cost and visits (TCV) before and after and the savings.

pub mod award;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{ValidationErrors, Vocabulary};

vocabulary! {
    /// The three kinds the Cabinet Division counts.
    pub enum InnovationKind ("innovation kind", "innovation-kind") {
        /// উদ্ভাবনী ধারণা.
        Idea => "idea",
        /// সেবা সহজিকরণ: a service made to take fewer steps, days, taka or visits.
        Simplification => "simplification",
        /// ডিজিটাইজেশন: a service moved online.
        Digitization => "digitization",
    }
}

vocabulary! {
    /// Where an initiative is in its life.
    pub enum InnovationStage ("innovation stage", "innovation-stage") {
        Idea => "idea",
        ApprovedForPilot => "approved_for_pilot",
        Piloting => "piloting",
        Evaluated => "evaluated",
        ScaledUp => "scaled_up",
        /// Another office adopted it.
        Replicated => "replicated",
        Dropped => "dropped",
    }
}

vocabulary! {
    /// A step in an innovation's life, each taking it to the next stage.
    pub enum InnovationStep ("innovation step", "innovation-step") {
        /// The team approves the idea for a pilot.
        Approve => "approve",
        /// The pilot starts: where, from, to.
        StartPilot => "start_pilot",
        /// The pilot is evaluated: the findings and the decision.
        Evaluate => "evaluate",
        /// It is scaled up to other offices.
        ScaleUp => "scale_up",
        /// Another office adopted it (recorded by that office's copy).
        Replicate => "replicate",
        /// Dropped, with the reason.
        Drop => "drop",
    }
}

impl InnovationStage {
    /// The stage a step leaves an innovation in, or why the step cannot be taken now.
    pub fn after(self, step: InnovationStep) -> Result<Self, &'static str> {
        use InnovationStage as S;
        use InnovationStep as T;
        match (self, step) {
            (S::Dropped, _) => Err("error-innovation-dropped"),
            (_, T::Drop) => Ok(S::Dropped),
            (S::Idea, T::Approve) => Ok(S::ApprovedForPilot),
            (S::ApprovedForPilot, T::StartPilot) => Ok(S::Piloting),
            (S::Piloting, T::Evaluate) => Ok(S::Evaluated),
            (S::Evaluated, T::ScaleUp) => Ok(S::ScaledUp),
            (S::Evaluated | S::ScaledUp | S::Replicated, T::Replicate) => Ok(S::Replicated),
            _ => Err("error-innovation-step"),
        }
    }

    /// The steps that can be taken from this stage, in order.
    pub fn next_steps(self) -> Vec<InnovationStep> {
        InnovationStep::ALL
            .iter()
            .copied()
            .filter(|step| *step != InnovationStep::Replicate && self.after(*step).is_ok())
            .collect()
    }
}

/// A step as typed: the note (findings, reason), where and when a pilot runs, evidence links.
#[derive(Debug, Clone, Default)]
pub struct StepFields {
    pub step: String,
    pub note: String,
    pub place: String,
    pub from: String,
    pub to: String,
    pub links: String,
}

/// A step checked against the stage it is taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDraft {
    pub step: InnovationStep,
    pub stage_after: InnovationStage,
    pub note: String,
    pub place: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub links: Vec<String>,
}

/// Checks a step: it must follow the stage; a pilot needs where and from when (and ends after it
/// starts); an evaluation its findings; dropping its reason; links are web addresses.
pub fn check_step(
    stage: InnovationStage,
    fields: &StepFields,
) -> Result<StepDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let step = InnovationStep::from_code(fields.step.trim());
    let stage_after = match step {
        Ok(step) => stage.after(step).map_err(|key| {
            errors.add("step", key);
        }),
        Err(_) => {
            errors.add("step", "error-innovation-step");
            Err(())
        }
    };
    let note = fields.note.trim().to_owned();
    let place = fields.place.trim().to_owned();
    match step {
        Ok(InnovationStep::StartPilot) => {
            if place.is_empty() {
                errors.add("place", "error-pilot-place");
            }
            if fields.from.trim().is_empty() {
                errors.add("from", "error-required");
            }
        }
        Ok(InnovationStep::Evaluate) if note.is_empty() => {
            errors.add("note", "error-evaluation-findings");
        }
        Ok(InnovationStep::Drop) if note.is_empty() => {
            errors.add("note", "error-drop-reason");
        }
        _ => {}
    }
    let (from, to) = date_range(&mut errors, ("from", &fields.from), ("to", &fields.to));
    let links = link_lines(&fields.links);
    if links.iter().any(|link| !web_address(link)) {
        errors.add("links", "error-web-address");
    }
    match (step, stage_after) {
        (Ok(step), Ok(stage_after)) if errors.is_empty() => Ok(StepDraft {
            step,
            stage_after,
            note,
            place,
            from,
            to,
            links,
        }),
        _ => Err(errors),
    }
}

/// A start and an end a form gives, each optional and read in any style; a date that does not read, or
/// an end before the start, is reported against its field.
fn date_range(
    errors: &mut ValidationErrors,
    (start_field, start): (&'static str, &str),
    (end_field, end): (&'static str, &str),
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut read = |field: &'static str, text: &str| match text.trim() {
        "" => None,
        typed => bangla::format::parse_date(typed)
            .map_err(|_| {
                errors.add(field, "error-bad-date");
            })
            .ok(),
    };
    let start = read(start_field, start);
    let end = read(end_field, end);
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.add(end_field, "error-innovation-dates");
    }
    (start, end)
}

/// The non-empty lines of a links field.
fn link_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

vocabulary! {
    /// How a digitized service reaches citizens.
    pub enum ServiceChannel ("service channel", "service-channel") {
        Web => "web",
        MobileApp => "mobile_app",
        Sms => "sms",
        Hotline => "hotline",
        /// A digital centre (ডিজিটাল সেন্টার) serves the citizen.
        DigitalCentre => "digital_centre",
        /// Codes dialled on any phone (*123#).
        Ussd => "ussd",
    }
}

/// One measure of a service before and after simplification.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfter {
    pub before: f64,
    pub after: f64,
}

impl BeforeAfter {
    /// How much less it takes now (negative when it takes more).
    pub fn saving(self) -> f64 {
        self.before - self.after
    }

    /// The saving as a share of "before", in percent; `None` when "before" was nothing.
    pub fn saving_percent(self) -> Option<f64> {
        (self.before > 0.0).then(|| self.saving() * 100.0 / self.before)
    }

    /// Whether "after" is worse than "before": allowed, but flagged.
    pub fn is_worse(self) -> bool {
        self.after > self.before
    }
}

/// The TCV measures of a simplified service (domain.md §5.2): each, when given, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Tcv {
    /// Days to receive the service.
    pub days: Option<BeforeAfter>,
    /// Taka: fees, travel and other costs.
    pub cost: Option<BeforeAfter>,
    /// Visits to offices.
    pub visits: Option<BeforeAfter>,
    /// Steps of the service process.
    pub steps: Option<BeforeAfter>,
}

impl Tcv {
    /// The measures' names, in the order of the form.
    pub const MEASURES: [&'static str; 4] = ["days", "cost", "visits", "steps"];

    /// The measures in the order of [`Self::MEASURES`].
    pub fn measures(&self) -> [Option<BeforeAfter>; 4] {
        [self.days, self.cost, self.visits, self.steps]
    }

    /// Whether any measure got worse.
    pub fn any_worse(&self) -> bool {
        self.measures()
            .iter()
            .flatten()
            .any(|measure| measure.is_worse())
    }
}

/// An initiative as typed in the form, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationDraft {
    pub kind: InnovationKind,
    pub stage: InnovationStage,
    pub title: String,
    pub title_en: String,
    /// The service it changes.
    pub service: String,
    pub problem: String,
    pub root_cause: String,
    pub solution: String,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    /// For a digitization: where the service is and how it reaches citizens.
    pub service_link: Option<String>,
    pub channel: Option<ServiceChannel>,
    /// Links to evidence and further reading, one per line.
    pub links: Vec<String>,
    pub tcv: Tcv,
}

/// What the full-text index holds of an innovation, folded so that either encoding of a letter matches:
/// its titles, weighted above the text that describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    pub title: String,
    pub body: String,
}

impl SearchText {
    /// From the title in both languages, and the service, problem, root cause and solution.
    pub fn of([title, title_en]: [&str; 2], body: [&str; 4]) -> Self {
        Self {
            title: bangla::search_key(&format!("{title}\n{title_en}")),
            body: bangla::search_key(&body.join("\n")),
        }
    }
}

impl InnovationDraft {
    pub fn search_text(&self) -> SearchText {
        SearchText::of(
            [&self.title, &self.title_en],
            [
                &self.service,
                &self.problem,
                &self.root_cause,
                &self.solution,
            ],
        )
    }
}

/// The fields of an initiative as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct InnovationFields {
    pub kind: String,
    pub stage: String,
    pub title: String,
    pub title_en: String,
    pub service: String,
    pub problem: String,
    pub root_cause: String,
    pub solution: String,
    pub started_on: String,
    pub completed_on: String,
    pub service_link: String,
    pub channel: String,
    pub links: String,
    /// Before and after of each of [`Tcv::MEASURES`], as typed.
    pub tcv: [(String, String); 4],
}

impl From<&InnovationDraft> for InnovationFields {
    /// A recorded innovation as its form shows it for correcting.
    fn from(draft: &InnovationDraft) -> Self {
        let date = |date: Option<NaiveDate>| date.map(|date| date.to_string()).unwrap_or_default();
        let figures = |measure: Option<BeforeAfter>| {
            measure.map_or_else(Default::default, |measure| {
                (measure.before.to_string(), measure.after.to_string())
            })
        };
        let [days, cost, visits, steps] = draft.tcv.measures();
        Self {
            kind: draft.kind.code().to_owned(),
            stage: draft.stage.code().to_owned(),
            title: draft.title.clone(),
            title_en: draft.title_en.clone(),
            service: draft.service.clone(),
            problem: draft.problem.clone(),
            root_cause: draft.root_cause.clone(),
            solution: draft.solution.clone(),
            started_on: date(draft.started_on),
            completed_on: date(draft.completed_on),
            service_link: draft.service_link.clone().unwrap_or_default(),
            channel: draft
                .channel
                .map(|channel| channel.code().to_owned())
                .unwrap_or_default(),
            links: draft.links.join("\n"),
            tcv: [
                figures(days),
                figures(cost),
                figures(visits),
                figures(steps),
            ],
        }
    }
}

/// Whether a text is a web address a browser can open: http or https, without spaces.
pub(crate) fn web_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && text.len() > "https://".len()
        && !text.contains(char::is_whitespace)
}

/// Reads a TCV figure in either script; `Err` for text that is no number or a negative one.
fn figure(text: &str) -> Result<Option<f64>, &'static str> {
    let typed = bangla::digits::to_ascii_digits(text.trim()).replace(',', "");
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<f64>() {
        Ok(value) if value >= 0.0 && value.is_finite() => Ok(Some(value)),
        Ok(_) => Err("error-count-negative"),
        Err(_) => Err("error-answer-number"),
    }
}

/// Checks an initiative's fields; every problem is reported against its field. A simplification needs
/// at least one TCV measure with both figures; a digitization a web address when a link is given; the
/// completion cannot come before the start.
pub fn check_innovation(fields: &InnovationFields) -> Result<InnovationDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let kind = InnovationKind::from_code(fields.kind.trim());
    if kind.is_err() {
        errors.add("kind", "error-innovation-kind");
    }
    let stage = InnovationStage::from_code(fields.stage.trim());
    if stage.is_err() {
        errors.add("stage", "error-innovation-stage");
    }
    for (field, value) in [
        ("title", &fields.title),
        ("problem", &fields.problem),
        ("solution", &fields.solution),
    ] {
        if value.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    let (started_on, completed_on) = date_range(
        &mut errors,
        ("started_on", &fields.started_on),
        ("completed_on", &fields.completed_on),
    );
    let service_link = Some(fields.service_link.trim().to_owned()).filter(|link| !link.is_empty());
    if service_link
        .as_deref()
        .is_some_and(|link| !web_address(link))
    {
        errors.add("service_link", "error-web-address");
    }
    let channel = match fields.channel.trim() {
        "" => None,
        code => ServiceChannel::from_code(code)
            .map_err(|_| {
                errors.add("channel", "error-innovation-channel");
            })
            .ok(),
    };
    let links = link_lines(&fields.links);
    if links.iter().any(|link| !web_address(link)) {
        errors.add("links", "error-web-address");
    }
    let mut measures = [None; 4];
    for (index, (before, after)) in fields.tcv.iter().enumerate() {
        let field = format!("tcv_{}", Tcv::MEASURES[index]);
        match (figure(before), figure(after)) {
            (Ok(Some(before)), Ok(Some(after))) => {
                measures[index] = Some(BeforeAfter { before, after });
            }
            (Ok(None), Ok(None)) => {}
            (Err(key), _) | (_, Err(key)) => {
                errors.add(field, key);
            }
            _ => {
                errors.add(field, "error-tcv-both");
            }
        }
    }
    let tcv = Tcv {
        days: measures[0],
        cost: measures[1],
        visits: measures[2],
        steps: measures[3],
    };
    if kind == Ok(InnovationKind::Simplification)
        && tcv.measures().iter().all(Option::is_none)
        && errors
            .errors
            .iter()
            .all(|error| !error.field.starts_with("tcv_"))
    {
        errors.add("tcv_days", "error-tcv-needed");
    }
    match (kind, stage) {
        (Ok(kind), Ok(stage)) if errors.is_empty() => Ok(InnovationDraft {
            kind,
            stage,
            title: fields.title.trim().to_owned(),
            title_en: fields.title_en.trim().to_owned(),
            service: fields.service.trim().to_owned(),
            problem: fields.problem.trim().to_owned(),
            root_cause: fields.root_cause.trim().to_owned(),
            solution: fields.solution.trim().to_owned(),
            started_on,
            completed_on,
            service_link,
            channel,
            links,
            tcv,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_innovation_shown_in_its_form_reads_back_the_same() {
        let mut recorded = fields();
        recorded.kind = InnovationKind::Simplification.code().to_owned();
        recorded.tcv[1] = ("১২০০".into(), "২৫০.৫".into());
        recorded.started_on = "2022-07-01".into();
        recorded.links = "https://a.example/1\nhttps://a.example/2".into();
        let draft = check_innovation(&recorded).unwrap();
        assert_eq!(check_innovation(&InnovationFields::from(&draft)), Ok(draft));
    }

    fn fields() -> InnovationFields {
        InnovationFields {
            kind: "simplification".into(),
            stage: "scaled_up".into(),
            title: "কারখানা লাইসেন্স নবায়ন সহজিকরণ".into(),
            problem: "নবায়নে ৪ বার অফিসে আসতে হয়".into(),
            solution: "অনলাইনে আবেদন ও ফি পরিশোধ".into(),
            started_on: "০১-০৭-২০২২".into(),
            completed_on: "2022-12-31".into(),
            tcv: [
                ("৩০".into(), "৭".into()),
                ("১,৫০০".into(), "৫০০".into()),
                ("৪".into(), "১".into()),
                (String::new(), String::new()),
            ],
            ..InnovationFields::default()
        }
    }

    #[test]
    fn a_simplification_keeps_its_tcv_and_computes_the_savings() {
        let draft = check_innovation(&fields()).unwrap();
        let days = draft.tcv.days.unwrap();
        assert_eq!(days.saving(), 23.0);
        assert_eq!(draft.tcv.cost.unwrap().saving(), 1000.0);
        assert!((days.saving_percent().unwrap() - 76.666).abs() < 0.01);
        assert_eq!(draft.tcv.steps, None);
        assert!(!draft.tcv.any_worse());
        let worse = InnovationFields {
            tcv: [
                ("৩".into(), "৫".into()),
                (String::new(), String::new()),
                (String::new(), String::new()),
                (String::new(), String::new()),
            ],
            ..fields()
        };
        assert!(
            check_innovation(&worse).unwrap().tcv.any_worse(),
            "allowed, flagged"
        );
    }

    #[test]
    fn an_innovation_goes_from_idea_through_pilot_to_scale_up_or_is_dropped() {
        use InnovationStage as S;
        use InnovationStep as T;
        assert_eq!(S::Idea.after(T::Approve), Ok(S::ApprovedForPilot));
        assert_eq!(S::Idea.after(T::StartPilot), Err("error-innovation-step"));
        assert_eq!(S::Evaluated.after(T::ScaleUp), Ok(S::ScaledUp));
        assert_eq!(S::ScaledUp.after(T::Replicate), Ok(S::Replicated));
        assert_eq!(S::Piloting.after(T::Drop), Ok(S::Dropped));
        assert_eq!(
            S::Dropped.after(T::Approve),
            Err("error-innovation-dropped")
        );
        assert_eq!(S::Piloting.next_steps(), [T::Evaluate, T::Drop]);

        let pilot = StepFields {
            step: "start_pilot".into(),
            from: "2026-01-10".into(),
            to: "2026-01-01".into(),
            ..StepFields::default()
        };
        let errors = check_step(S::ApprovedForPilot, &pilot).unwrap_err();
        let named: Vec<(&str, &str)> = errors
            .errors
            .iter()
            .map(|error| (error.field.as_str(), error.message_key))
            .collect();
        assert_eq!(
            named,
            [
                ("place", "error-pilot-place"),
                ("to", "error-innovation-dates")
            ]
        );
        let started = check_step(
            S::ApprovedForPilot,
            &StepFields {
                place: "ঢাকা জেলা কার্যালয়".into(),
                to: "2026-03-31".into(),
                ..pilot
            },
        )
        .unwrap();
        assert_eq!(started.stage_after, S::Piloting);
        let drop = StepFields {
            step: "drop".into(),
            ..StepFields::default()
        };
        assert_eq!(
            check_step(S::Piloting, &drop).unwrap_err().errors[0].message_key,
            "error-drop-reason"
        );
    }

    #[test]
    fn bad_fields_are_named_each_and_nothing_is_kept() {
        let wrong = InnovationFields {
            completed_on: "2022-06-30".into(),
            tcv: [
                ("৩০".into(), String::new()),
                ("-5".into(), "1".into()),
                (String::new(), String::new()),
                (String::new(), String::new()),
            ],
            links: "https://mole.gov.bd\nnot a link".into(),
            ..fields()
        };
        let errors = check_innovation(&wrong).unwrap_err();
        let named: Vec<(&str, &str)> = errors
            .errors
            .iter()
            .map(|error| (error.field.as_str(), error.message_key))
            .collect();
        assert_eq!(
            named,
            [
                ("completed_on", "error-innovation-dates"),
                ("links", "error-web-address"),
                ("tcv_days", "error-tcv-both"),
                ("tcv_cost", "error-count-negative"),
            ]
        );
        let none = InnovationFields {
            tcv: Default::default(),
            ..fields()
        };
        assert_eq!(
            check_innovation(&none).unwrap_err().errors[0].message_key,
            "error-tcv-needed"
        );
        let digital = InnovationFields {
            kind: "digitization".into(),
            tcv: Default::default(),
            service_link: "https://e-service.dife.gov.bd".into(),
            channel: "web".into(),
            ..fields()
        };
        assert_eq!(
            check_innovation(&digital).unwrap().channel,
            Some(ServiceChannel::Web)
        );
    }
}
