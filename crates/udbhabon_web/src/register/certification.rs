//! The tests and audits of a system, on its page (`/software/ID`): each with its result, its
//! certificate or report file and its findings with where each stands; the forms that record a test,
//! add a finding to it and close a finding.

use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use udbhabon_core::register::software::SoftwareDetail;
use udbhabon_domain::register::certification::{
    CertificationFields, CertificationKind, CertificationResult, ClosureFields, FindingFields,
    FindingStanding, Severity,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PostedUpload};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{Choice, FieldErrors, listed, or_dash, saved_or_rejected, with_none};
use crate::lang::ReaderLang;
use crate::register::software::{ShowRefused, done_to, refused_page};
use crate::state::AppState;

/// A refused form's typed values and messages.
type Typed<T> = (T, Vec<(String, String)>);

/// The form that records a test or audit.
pub(crate) struct CertificationForm {
    pub(crate) action: String,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) values: CertificationFields,
    pub(crate) kinds: Vec<Choice>,
    pub(crate) results: Vec<Choice>,
}

/// The form that adds a finding to a test.
pub(crate) struct FindingForm {
    /// Unique on the page, for the fields' ids.
    pub(crate) id: String,
    pub(crate) action: String,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) values: FindingFields,
    pub(crate) severities: Vec<Choice>,
}

/// The form that closes a finding.
pub(crate) struct ClosureForm {
    pub(crate) id: String,
    pub(crate) action: String,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) values: ClosureFields,
}

impl FieldErrors for CertificationForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

impl FieldErrors for FindingForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

impl FieldErrors for ClosureForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A finding as its test lists it.
pub(crate) struct FindingLine {
    /// The line's id on the page, which the inbox links to.
    pub(crate) anchor: String,
    pub(crate) text: String,
    pub(crate) severity: String,
    pub(crate) due_on: String,
    pub(crate) standing: (&'static str, String),
    pub(crate) closure: Option<String>,
    pub(crate) close_form: Option<ClosureForm>,
}

/// A test or audit as the page lists it.
pub(crate) struct CertificationEntry {
    pub(crate) heading: String,
    pub(crate) particulars: Vec<(String, String)>,
    pub(crate) result: (&'static str, String),
    /// The file's address and link text.
    pub(crate) file: Option<(String, String)>,
    pub(crate) findings: Vec<FindingLine>,
    pub(crate) finding_form: Option<FindingForm>,
}

/// The certification section of a system's page.
pub(crate) struct CertificationSection {
    pub(crate) entries: Vec<CertificationEntry>,
    pub(crate) form: Option<CertificationForm>,
}

fn result_tag(lang: Lang, result: CertificationResult) -> (&'static str, String) {
    let class = match result {
        CertificationResult::Passed => "tag",
        CertificationResult::Conditional => "tag standing-late",
        CertificationResult::Failed => "tag late",
    };
    (class, t(lang, &result.message_key()))
}

fn finding_tag(lang: Lang, standing: FindingStanding) -> (&'static str, String) {
    match standing {
        FindingStanding::Overdue => ("tag late", t(lang, "finding-overdue")),
        FindingStanding::Open => ("tag standing-late", t(lang, "finding-open")),
        FindingStanding::Closed { late: false } => ("tag", t(lang, "finding-closed")),
        FindingStanding::Closed { late: true } => ("tag", t(lang, "finding-closed-late")),
    }
}

/// The section, with a refused form of it shown again.
pub(crate) fn certification_section(
    lang: Lang,
    detail: &SoftwareDetail,
    today: NaiveDate,
    refused: Option<&ShowRefused<'_>>,
) -> CertificationSection {
    let href = format!("/software/{}", detail.row.id);
    let can_manage = detail.can_manage;
    let refused_finding = |id: i32| match refused {
        Some(ShowRefused::Finding(on, typed, errors)) if *on == id => {
            Some(((*typed).clone(), errors.clone()))
        }
        _ => None,
    };
    let refused_closure = |id: i32| match refused {
        Some(ShowRefused::Closure(on, typed, errors)) if *on == id => {
            Some(((*typed).clone(), errors.clone()))
        }
        _ => None,
    };
    let entries = detail
        .certifications
        .iter()
        .map(|(row, file)| {
            let certification = &row.certification;
            // Those still open come first, the soonest due first.
            let mut findings: Vec<_> = detail
                .findings
                .iter()
                .filter(|finding| finding.certification_id == row.id)
                .collect();
            findings.sort_by_key(|finding| (finding.closure.is_some(), finding.finding.due_on));
            let findings = findings
                .into_iter()
                .map(|finding| FindingLine {
                    anchor: format!("finding-{}", finding.id),
                    text: finding.finding.text.clone(),
                    severity: t(lang, &finding.finding.severity.message_key()),
                    due_on: format::date(lang, finding.finding.due_on),
                    standing: finding_tag(
                        lang,
                        finding.finding.standing(finding.closure.as_ref(), today),
                    ),
                    closure: finding.closure.as_ref().map(|closure| {
                        t_args(
                            lang,
                            "finding-closure",
                            &[
                                ("date", format::date(lang, closure.closed_on)),
                                ("note", closure.note.clone()),
                            ],
                        )
                    }),
                    close_form: (can_manage && finding.closure.is_none()).then(|| {
                        let (values, errors) = split(refused_closure(finding.id));
                        ClosureForm {
                            id: format!("finding-{}", finding.id),
                            action: format!("{href}/findings/{}/close", finding.id),
                            open: errors.is_some(),
                            errors: errors.unwrap_or_default(),
                            values,
                        }
                    }),
                })
                .collect();
            CertificationEntry {
                heading: format!(
                    "{}, {}",
                    t(lang, &certification.kind.message_key()),
                    format::date_both(lang, certification.tested_on)
                ),
                particulars: [
                    ("certification-tester", certification.tester.clone()),
                    ("certification-version", or_dash(&certification.version)),
                    ("certification-note", or_dash(&certification.note)),
                ]
                .into_iter()
                .map(|(key, text)| (t(lang, key), text))
                .collect(),
                result: result_tag(lang, certification.result),
                file: file.as_ref().map(|file| {
                    (
                        format!("{href}/certifications/{}/file", row.id),
                        t_args(
                            lang,
                            "certification-file-link",
                            &[("name", file.name.clone())],
                        ),
                    )
                }),
                findings,
                finding_form: can_manage.then(|| {
                    let (values, errors) = split(refused_finding(row.id));
                    FindingForm {
                        id: format!("certification-{}", row.id),
                        action: format!("{href}/certifications/{}/findings", row.id),
                        open: errors.is_some(),
                        errors: errors.unwrap_or_default(),
                        severities: with_none(listed(
                            lang,
                            &values.severity,
                            Severity::message_key,
                        )),
                        values,
                    }
                }),
            }
        })
        .collect();
    CertificationSection {
        entries,
        form: can_manage.then(|| {
            let (values, errors) = match refused {
                Some(ShowRefused::Certification(typed, errors)) => {
                    ((*typed).clone(), Some(errors.clone()))
                }
                _ => (CertificationFields::default(), None),
            };
            CertificationForm {
                action: format!("{href}/certifications"),
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                kinds: with_none(listed(lang, &values.kind, CertificationKind::message_key)),
                results: with_none(listed(
                    lang,
                    &values.result,
                    CertificationResult::message_key,
                )),
                values,
            }
        }),
    }
}

/// A refused form's values and messages, or an empty form.
fn split<T: Default>(refused: Option<Typed<T>>) -> (T, Option<Vec<(String, String)>>) {
    refused.map_or_else(
        || (T::default(), None),
        |(values, errors)| (values, Some(errors)),
    )
}

/// `POST /software/{id}/certifications`: records a test or audit with its file.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who does not keep the register is refused before the upload is read.
    let detail = state.app.software_detail(&member.0, id).await?;
    if !detail.can_manage {
        return Err(PageError::from(udbhabon_core::Error::Forbidden));
    }
    let posted = upload.read().await?;
    let fields = CertificationFields {
        kind: posted.text("kind"),
        tester: posted.text("tester"),
        tested_on: posted.text("tested_on"),
        version: posted.text("version"),
        result: posted.text("result"),
        note: posted.text("note"),
    };
    let outcome = state
        .app
        .add_certification(&member.0, id, &fields, posted.files)
        .await;
    saved_or_rejected(lang, outcome, &done_to(id, "certified"), async |errors| {
        let refused = ShowRefused::Certification(&fields, errors);
        refused_page(&state, lang, &member, id, Some(refused)).await
    })
    .await
}

/// `GET /software/{id}/certifications/{certification}/file`: a test's certificate or report.
pub(crate) async fn file(
    State(state): State<AppState>,
    member: Member,
    Path((id, certification)): Path<(i32, i32)>,
) -> Result<Response, PageError> {
    let (file, bytes) = state
        .app
        .certification_file(&member.0, (id, certification))
        .await?;
    Ok(crate::download::file(
        &file.media_type,
        &file.name,
        Disposition::Attachment,
        bytes,
    ))
}

/// `POST /software/{id}/certifications/{certification}/findings`: adds a finding to a test.
pub(crate) async fn add_finding(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, certification)): Path<(i32, i32)>,
    Posted(member, fields): Posted<FindingFields>,
) -> Result<Response, PageError> {
    let outcome = state
        .app
        .add_finding(&member.0, (id, certification), &fields)
        .await;
    saved_or_rejected(
        lang,
        outcome,
        &done_to(id, "finding-added"),
        async |errors| {
            let refused = ShowRefused::Finding(certification, &fields, errors);
            refused_page(&state, lang, &member, id, Some(refused)).await
        },
    )
    .await
}

/// `POST /software/{id}/findings/{finding}/close`: closes a finding with what was done.
pub(crate) async fn close_finding(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, finding)): Path<(i32, i32)>,
    Posted(member, fields): Posted<ClosureFields>,
) -> Result<Response, PageError> {
    let outcome = state
        .app
        .close_finding(&member.0, (id, finding), &fields)
        .await;
    saved_or_rejected(
        lang,
        outcome,
        &done_to(id, "finding-closed"),
        async |errors| {
            let refused = ShowRefused::Closure(finding, &fields, errors);
            refused_page(&state, lang, &member, id, Some(refused)).await
        },
    )
    .await
}
