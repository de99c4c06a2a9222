//! An office's RTI officers as pages show them (the register and the office's page), and the forms that
//! name a post to a role or take a role off.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::register::rti::officer::RtiOfficerView;
use udbhabon_domain::register::rti::officer::RtiOfficerFields;
use udbhabon_i18n::{Lang, format, t};

use crate::auth::Posted;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::encode_component;
use crate::register::rti::{RegisterRefused, register_page};
use crate::state::AppState;

/// One officer as shown: (role, post, the holder with their telephone and e-mail).
pub(crate) type OfficerLine = (String, String, String);

/// The officers as pages show them.
pub(crate) fn officer_lines(lang: Lang, officers: &[RtiOfficerView]) -> Vec<OfficerLine> {
    officers
        .iter()
        .map(|officer| {
            let holder = officer
                .holder
                .as_ref()
                .map(|holder| {
                    let person = &holder.person;
                    std::iter::once(person.name.get(lang).to_owned())
                        .chain(
                            person
                                .phone
                                .as_deref()
                                .map(|phone| format::digits(lang, phone)),
                        )
                        .chain(person.email.clone())
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .unwrap_or_else(|| t(lang, "charter-post-vacant"));
            (
                t(lang, &officer.role.message_key()),
                officer.post.label.get(lang).to_owned(),
                holder,
            )
        })
        .collect()
}

/// The register page after an officer was named or taken off.
fn back_to_register(key: &str) -> Response {
    Redirect::to(&format!(
        "/offices/{}/rti?done=officers",
        encode_component(key)
    ))
    .into_response()
}

/// `POST /offices/{key}/rti/officers`: names the post that holds a role.
pub(crate) async fn set(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<RtiOfficerFields>,
) -> Result<Response, PageError> {
    match state.app.set_rti_officer(&member.0, &key, &fields).await {
        Ok(()) => Ok(back_to_register(&key)),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let refused = RegisterRefused::Officer(&fields, errors);
                register_page(&state, lang, &member, (&key, "", None), Some(refused)).await
            })
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RoleForm {
    #[serde(default)]
    role: String,
}

/// `POST /offices/{key}/rti/officers/remove`: takes a role off.
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<RoleForm>,
) -> Result<Response, PageError> {
    state
        .app
        .remove_rti_officer(&member.0, &key, &form.role)
        .await?;
    Ok(back_to_register(&key))
}
