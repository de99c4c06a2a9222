//! A training's materials (`/trainings/ID/materials`): slides and handouts uploaded by those who run
//! the office's trainings, read by those who read its records, and taken off.

use axum::extract::State;
use axum::response::Response;

use crate::auth::{Button, Member, Posted, PostedUpload};
use crate::download::{Disposition, file};
use crate::error::PageError;
use crate::extract::Path;
use crate::lang::ReaderLang;
use crate::state::AppState;
use crate::training::answer;

/// `POST /trainings/{id}/materials`: keeps the files sent as the training's materials.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    let posted = upload.read().await?;
    let result = state
        .app
        .add_training_materials(&member.0, id, posted.files)
        .await
        .map(|_| ());
    answer(&state, lang, member, id, "materials", result, None).await
}

/// `GET /trainings/{id}/materials/{file}`: one of the training's materials.
pub(crate) async fn download(
    State(state): State<AppState>,
    member: Member,
    Path((id, file_id)): Path<(i32, i32)>,
) -> Result<Response, PageError> {
    let (material, bytes) = state.app.training_material(&member.0, id, file_id).await?;
    Ok(file(
        &material.media_type,
        &material.name,
        Disposition::Attachment,
        bytes,
    ))
}

/// `POST /trainings/{id}/materials/{file}/remove`: takes a file off the training's materials.
pub(crate) async fn remove(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, file_id)): Path<(i32, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .remove_training_material(&member.0, id, file_id)
        .await;
    answer(&state, lang, member, id, "material-removed", result, None).await
}
