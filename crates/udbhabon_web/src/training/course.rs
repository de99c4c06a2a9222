//! The training plan's forms on the year page: a course added, corrected or taken off.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::FiscalYear;
use serde::Deserialize;
use udbhabon_core::training::TrainingYear;
use udbhabon_domain::training::course::CourseFields;
use udbhabon_domain::training::{TrainingAudience, TrainingTopic};
use udbhabon_domain::{Bilingual, Vocabulary};
use udbhabon_i18n::{Lang, format, t};

use crate::auth::{Button, Member, Posted};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, choices, listed, rejected};
use crate::lang::ReaderLang;
use crate::layout::encode_component;
use crate::state::AppState;
use crate::training::{YearQuery, YearRefused, year_asked, year_href, year_page};

/// A planned course as the year page lists it.
pub(crate) struct CourseCard {
    pub(super) title: String,
    pub(super) topic: String,
    pub(super) audience: String,
    pub(super) quarter: String,
    pub(super) hours: String,
    /// Links to the trainings that delivered it: (href, number).
    pub(super) delivered: Vec<(String, String)>,
    /// Links to the tutorials that teach it: (href, title), and their hours in all.
    pub(super) tutorials: (Vec<(String, String)>, String),
    pub(super) form: Option<CourseForm>,
    pub(super) remove_action: String,
}

pub(crate) struct CourseForm {
    pub(super) id: String,
    pub(super) action: String,
    pub(super) open: bool,
    pub(super) errors: Vec<(String, String)>,
    pub(super) values: CourseFormValues,
    pub(super) topics: Vec<Choice>,
    pub(super) audiences: Vec<Choice>,
    pub(super) quarters: Vec<Choice>,
}

impl FieldErrors for CourseForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A course as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct CourseFormValues {
    #[serde(default)]
    pub(super) title_bn: String,
    #[serde(default)]
    pub(super) title_en: String,
    #[serde(default)]
    pub(super) topic: String,
    #[serde(default)]
    pub(super) audience: String,
    #[serde(default)]
    pub(super) quarter: String,
    #[serde(default)]
    pub(super) hours: String,
}

impl CourseFormValues {
    /// A new course's form: the team's own, in the first quarter.
    pub(crate) fn fresh() -> Self {
        Self {
            topic: TrainingTopic::Innovation.code().to_owned(),
            audience: TrainingAudience::Team.code().to_owned(),
            quarter: "1".to_owned(),
            ..Self::default()
        }
    }

    fn fields(&self) -> CourseFields {
        CourseFields {
            title: Bilingual::new(&self.title_bn, &self.title_en),
            topic: self.topic.clone(),
            audience: self.audience.clone(),
            quarter: self.quarter.clone(),
            hours: self.hours.clone(),
        }
    }
}

/// A course's form with `values` in it, and its messages when it was refused.
pub(crate) fn course_form(
    lang: Lang,
    id: &str,
    action: String,
    values: CourseFormValues,
    errors: Option<&[(String, String)]>,
) -> CourseForm {
    CourseForm {
        id: id.to_owned(),
        action,
        open: errors.is_some(),
        errors: errors.map(<[_]>::to_vec).unwrap_or_default(),
        topics: listed(lang, &values.topic, TrainingTopic::message_key),
        audiences: listed(lang, &values.audience, TrainingAudience::message_key),
        quarters: choices(
            bangla::Quarter::ALL,
            Some(values.quarter.as_str()),
            |quarter| quarter.number().to_string(),
            |quarter| format::quarter(lang, *quarter),
        ),
        values,
    }
}

/// The year's courses, each with the form that corrects it for those who keep the plan; `refused`
/// is a course's form refused, shown again with its messages.
pub(crate) fn course_cards(
    lang: Lang,
    year: &TrainingYear,
    refused: Option<(Option<i32>, &CourseFormValues)>,
    errors: &[(String, String)],
) -> Vec<CourseCard> {
    let key = encode_component(&year.office.key);
    year.courses
        .iter()
        .map(|planned| {
            let course = &planned.row.course;
            let id = planned.row.id;
            let typed = refused
                .filter(|(refused_id, _)| *refused_id == Some(id))
                .map(|(_, values)| values.clone());
            CourseCard {
                title: course.title.get(lang).to_owned(),
                topic: t(lang, &course.topic.message_key()),
                audience: t(lang, &course.audience.message_key()),
                quarter: bangla::Quarter::from_number(course.quarter)
                    .map(|quarter| format::quarter(lang, quarter))
                    .unwrap_or_default(),
                hours: format::hours(lang, u64::from(course.hours) * 60),
                delivered: planned
                    .delivered
                    .iter()
                    .enumerate()
                    .map(|(index, training)| {
                        (
                            format!("/trainings/{training}"),
                            format::number(lang, index as i64 + 1),
                        )
                    })
                    .collect(),
                tutorials: (
                    planned
                        .tutorials
                        .iter()
                        .map(|row| {
                            (
                                format!("/tutorials/{}", row.id),
                                row.tutorial.title.get(lang).to_owned(),
                            )
                        })
                        .collect(),
                    format::hours(
                        lang,
                        planned
                            .tutorials
                            .iter()
                            .map(|row| u64::from(row.tutorial.minutes))
                            .sum(),
                    ),
                ),
                form: year.can_manage.then(|| {
                    course_form(
                        lang,
                        &format!("course-{id}"),
                        format!("/offices/{key}/trainings/courses/{id}"),
                        typed.clone().unwrap_or_else(|| CourseFormValues {
                            title_bn: course.title.bn.clone(),
                            title_en: course.title.en.clone(),
                            topic: course.topic.code().to_owned(),
                            audience: course.audience.code().to_owned(),
                            quarter: course.quarter.to_string(),
                            hours: format::digits(lang, &course.hours.to_string()),
                        }),
                        typed.is_some().then_some(errors),
                    )
                }),
                remove_action: format!("/offices/{key}/trainings/courses/{id}/remove"),
            }
        })
        .collect()
}

/// Back to the year page announcing `done`, or the page again with the refusal.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    lang: Lang,
    member: Member,
    key: &str,
    year: FiscalYear,
    done: &str,
    result: Result<(), udbhabon_core::Error>,
    refused: YearRefused<'_>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}&done={done}", year_href(key, year))).into_response())
        }
        Err(error) => {
            rejected(lang, error, async |errors| {
                let shown = state.app.training_year(&member.0, key, year).await?;
                Ok(year_page(state, lang, &member, &shown, errors, refused))
            })
            .await
        }
    }
}

/// The year page a course's form returns to: the course's year, else (the course is gone) this one.
async fn course_year(state: &AppState, id: i32) -> Result<FiscalYear, PageError> {
    match state.app.course_year(id).await? {
        Some(year) => Ok(year),
        None => year_asked(state, ""),
    }
}

/// `POST /offices/{key}/trainings/courses?year=…`: adds a course to the year's plan.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Query(asked): Query<YearQuery>,
    Posted(member, form): Posted<CourseFormValues>,
) -> Result<Response, PageError> {
    let year = year_asked(&state, &asked.year)?;
    let result = state
        .app
        .add_course(&member.0, &key, year, &form.fields())
        .await
        .map(drop);
    let refused = YearRefused::Course(None, &form);
    answer(&state, lang, member, &key, year, "added", result, refused).await
}

/// `POST /offices/{key}/trainings/courses/{id}`: corrects a course.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<CourseFormValues>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .change_course(&member.0, &key, id, &form.fields())
        .await;
    let year = course_year(&state, id).await?;
    let refused = YearRefused::Course(Some(id), &form);
    answer(&state, lang, member, &key, year, "saved", result, refused).await
}

/// `POST /offices/{key}/trainings/courses/{id}/remove`: takes a course off the plan.
pub(crate) async fn remove(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let year = course_year(&state, id).await?;
    let result = state.app.remove_course(&member.0, &key, id).await;
    answer(
        &state,
        lang,
        member,
        &key,
        year,
        "removed",
        result,
        YearRefused::None,
    )
    .await
}
