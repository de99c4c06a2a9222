//! A training's invitation: issuing it from the training's page, and its PDF (the draft before).

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::lang::ReaderLang;
use crate::state::AppState;
use crate::training::answer;

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
    let result = state
        .app
        .issue_training_invitation(&member.0, id, &form.memo_file)
        .await
        .map(|_| ());
    answer(&state, lang, member, id, "invited", result, None).await
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
