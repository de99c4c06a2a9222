//! A training's invitation: issuing it from the training's page, and its PDF (the draft before).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::state::AppState;
use crate::training::training_page;

#[derive(Debug, Deserialize)]
pub(crate) struct InvitationForm {
    #[serde(default)]
    memo_file: String,
}

/// `POST /trainings/{id}/invitation`: numbers, keeps and mails the invitation.
pub(crate) async fn issue(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<InvitationForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .issue_training_invitation(&member.0, id, &form.memo_file)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/trainings/{id}?done=invited")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let detail = state.app.training_detail(&member.0, id).await?;
                Ok(training_page(&state, lang, &member, &detail, errors, None))
            })
            .await
        }
    }
}

/// `GET /trainings/{id}/invitation.pdf`: the invitation as issued, or its draft.
pub(crate) async fn pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state.app.invitation_pdf(&member.0, id, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}
