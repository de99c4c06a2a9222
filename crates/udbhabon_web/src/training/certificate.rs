//! Training certificates: issuing them on a training's page, each participant's PDF, and the public
//! page that checks a certificate by its code (`/certificates?code=…`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use udbhabon_i18n::{format, t, t_args};

use crate::auth::{Button, Member, Posted, Visitor};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::training::answer;

/// `POST /trainings/{id}/certificates`: issues a certificate to each participant who attended.
pub(crate) async fn issue(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .issue_certificates(&member.0, id)
        .await
        .map(|_| ());
    answer(&state, lang, member, id, "certificates", result, None).await
}

/// `GET /trainings/{id}/participants/{participant}/certificate.pdf`: a participant's certificate.
pub(crate) async fn pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path((id, participant)): Path<(i32, i32)>,
) -> Result<Response, PageError> {
    let document = state
        .app
        .certificate_pdf(&member.0, id, participant, lang)
        .await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CheckQuery {
    #[serde(default)]
    code: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "training/check.html")]
pub(crate) struct CheckPage {
    pub(crate) l: Layout,
    code: String,
    /// What a code typed found: the sentence naming who issued it, and the particulars.
    found: Option<(String, Vec<(String, String)>)>,
    not_found: bool,
}

/// `GET /certificates` (`?code=…`): checks a certificate, for anyone.
pub(crate) async fn check(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<CheckQuery>,
) -> Result<CheckPage, PageError> {
    let code = query.code.trim().to_owned();
    let checked = match code.as_str() {
        "" => None,
        code => Some(state.app.check_certificate(code).await?),
    };
    let found = checked.as_ref().and_then(Option::as_ref).map(|checked| {
        let certificate = &checked.row.certificate;
        (
            t_args(
                lang,
                "certificate-found",
                &[
                    ("organiser", certificate.organiser.get(lang).to_owned()),
                    ("date", format::date_both(lang, checked.row.issued_on)),
                ],
            ),
            vec![
                (
                    t(lang, "certificate-name"),
                    certificate.name.get(lang).to_owned(),
                ),
                (
                    t(lang, "certificate-office"),
                    certificate.office.get(lang).to_owned(),
                ),
                (
                    t(lang, "training-name"),
                    certificate.title.get(lang).to_owned(),
                ),
                (
                    t(lang, "training-dates"),
                    format::date_span(lang, certificate.first_day, certificate.last_day),
                ),
                (
                    t(lang, "certificate-hours"),
                    format::hours(lang, u64::from(certificate.minutes)),
                ),
                (t(lang, "certificate-code"), checked.row.code.clone()),
            ],
        )
    });
    let path = if code.is_empty() {
        "/certificates".to_owned()
    } else {
        format!("/certificates?code={}", encode_component(&code))
    };
    Ok(CheckPage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "certificate-check-title"),
            "",
            &path,
            state.app.today(),
        ),
        not_found: matches!(checked, Some(None)),
        found,
        code,
    })
}
