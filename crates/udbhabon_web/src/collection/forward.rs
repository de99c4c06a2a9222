//! Forwarding upward: a gathering office sends its field offices' submissions of a period to the office
//! that asked, on time or late, with a reason when some are not yet reviewed.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::Posted;
use crate::collection::board::{Typed, board_page};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::state::AppState;

/// The forward form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ForwardForm {
    #[serde(default)]
    office: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    reason: String,
}

/// `POST /collections/{key}/periods/{start}/forwards`: a gathering office forwards its field
/// offices' submissions upward.
pub(crate) async fn forward(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, starts_on)): Path<(String, NaiveDate)>,
    Posted(member, form): Posted<ForwardForm>,
) -> Result<Response, PageError> {
    let office = form.office.trim();
    match state
        .app
        .forward_collection(
            &member.0,
            (&key, starts_on),
            office,
            (&form.note, &form.reason),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/collections/{key}?period={starts_on}&office={office}"
        ))
        .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let board = state
                    .app
                    .collection_board(&member.0, &key, Some(starts_on), Some(office))
                    .await?;
                let typed = Typed {
                    note: form.note.clone(),
                    reason: form.reason.clone(),
                    errors,
                };
                Ok(board_page(
                    &state,
                    lang,
                    &member,
                    &board,
                    (Some(office), typed),
                ))
            })
            .await
        }
    }
}
