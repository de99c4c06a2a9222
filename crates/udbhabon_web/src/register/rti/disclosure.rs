//! An office's proactive-disclosure list as pages show it (the register, and the office's page for
//! anyone), and the forms that add, correct and remove its entries.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use udbhabon_core::DisclosureRow;
use udbhabon_domain::register::rti::disclosure::DisclosureFields;
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::{Button, Posted};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{FieldErrors, rejected};
use crate::lang::ReaderLang;
use crate::layout::encode_component;
use crate::register::rti::{RegisterRefused, register_page};
use crate::state::AppState;

/// An entry as shown: its title, where it is (empty when kept at the office), when last updated.
pub(crate) struct DisclosureLine {
    pub(crate) title: String,
    pub(crate) link: String,
    pub(crate) updated: String,
}

pub(crate) fn disclosure_lines(lang: Lang, rows: &[DisclosureRow]) -> Vec<DisclosureLine> {
    rows.iter()
        .map(|row| DisclosureLine {
            title: row.disclosure.title.get(lang).to_owned(),
            link: row.disclosure.link.clone(),
            updated: t_args(
                lang,
                "rti-disclosure-updated",
                &[("date", format::date(lang, row.disclosure.updated_on))],
            ),
        })
        .collect()
}

/// An entry's form: new, or correcting the entry it belongs to.
pub(crate) struct DisclosureForm {
    pub(crate) id: String,
    pub(crate) action: String,
    pub(crate) remove_action: Option<String>,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) values: DisclosureFields,
}

impl FieldErrors for DisclosureForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// An entry's form refused: which entry (`None` for a new one), what was typed, and the messages.
pub(crate) struct RefusedEntry<'a> {
    pub(crate) id: Option<i32>,
    pub(crate) fields: &'a DisclosureFields,
    pub(crate) errors: Vec<(String, String)>,
}

/// The forms of an office's entries and of a new one (the last), the refused one with what was typed.
pub(crate) fn disclosure_forms(
    lang: Lang,
    key: &str,
    rows: &[DisclosureRow],
    refused: Option<RefusedEntry<'_>>,
) -> Vec<DisclosureForm> {
    let base = format!("/offices/{}/rti/disclosures", encode_component(key));
    let (refused_id, typed, errors) = match refused {
        Some(entry) => (Some(entry.id), Some(entry.fields.clone()), entry.errors),
        None => (None, None, Vec::new()),
    };
    let form = |id: Option<i32>, values: DisclosureFields| {
        let mine = refused_id == Some(id);
        DisclosureForm {
            id: id.map_or_else(
                || "disclosure-new".to_owned(),
                |id| format!("disclosure-{id}"),
            ),
            action: id.map_or_else(|| base.clone(), |id| format!("{base}/{id}")),
            remove_action: id.map(|id| format!("{base}/{id}/remove")),
            open: mine,
            errors: if mine { errors.clone() } else { Vec::new() },
            values: if mine {
                typed.clone().unwrap_or(values)
            } else {
                values
            },
        }
    };
    rows.iter()
        .map(|row| {
            let disclosure = &row.disclosure;
            form(
                Some(row.id),
                DisclosureFields {
                    title_bn: disclosure.title.bn.clone(),
                    title_en: disclosure.title.en.clone(),
                    link: disclosure.link.clone(),
                    updated_on: format::date_short(lang, disclosure.updated_on),
                },
            )
        })
        .chain(std::iter::once(form(None, DisclosureFields::default())))
        .collect()
}

fn back_to_register(key: &str) -> Response {
    Redirect::to(&format!(
        "/offices/{}/rti?done=disclosures",
        encode_component(key)
    ))
    .into_response()
}

/// Adds (`id` `None`) or corrects an entry, or shows the register again with the form refused.
async fn saved(
    state: &AppState,
    lang: Lang,
    (key, id): (&str, Option<i32>),
    Posted(member, fields): Posted<DisclosureFields>,
) -> Result<Response, PageError> {
    match state.app.save_disclosure(&member.0, key, id, &fields).await {
        Ok(()) => Ok(back_to_register(key)),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let refused = RegisterRefused::Disclosure(RefusedEntry {
                    id,
                    fields: &fields,
                    errors,
                });
                register_page(state, lang, &member, (key, "", None), Some(refused)).await
            })
            .await
        }
    }
}

/// `POST /offices/{key}/rti/disclosures`: adds an entry.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    posted: Posted<DisclosureFields>,
) -> Result<Response, PageError> {
    saved(&state, lang, (&key, None), posted).await
}

/// `POST /offices/{key}/rti/disclosures/{id}`: corrects an entry (brings it up to date).
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    posted: Posted<DisclosureFields>,
) -> Result<Response, PageError> {
    saved(&state, lang, (&key, Some(id)), posted).await
}

/// `POST /offices/{key}/rti/disclosures/{id}/remove`.
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    state.app.remove_disclosure(&member.0, &key, id).await?;
    Ok(back_to_register(&key))
}
