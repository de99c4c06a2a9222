//! Correcting a collection nobody has answered yet, and closing one with the reason, on one page that
//! also stands for a collection not yet open.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::CollectionRow;
use udbhabon_core::collection::correction::CollectionCorrection;
use udbhabon_domain::collection::CollectionFields;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::collection::{
    CollectionForm, CorrectionPart, NewCollectionPage, layout, new_collection_page,
};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::state::AppState;

/// Where a collection is shown once made or corrected: its board once a period has opened, else its
/// correction page, which says when it opens.
pub(crate) async fn landing(
    state: &AppState,
    collection: &CollectionRow,
) -> Result<String, PageError> {
    Ok(if state.app.collection_opened(collection.id).await? {
        format!("/collections/{}", collection.key)
    } else {
        format!("/collections/{}/edit", collection.key)
    })
}

fn correction_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    correction: &CollectionCorrection,
    (fields, chosen): (CollectionFields, &[String]),
    (errors, reason): (Vec<(String, String)>, &str),
) -> NewCollectionPage {
    let collection = &correction.collection;
    let mut page = new_collection_page(
        state,
        lang,
        member,
        &correction.form,
        (fields, chosen),
        errors,
    );
    let key = &collection.key;
    page.heading = t_args(
        lang,
        "collection-correct-heading",
        &[("title", collection.title.get(lang).to_owned())],
    );
    page.l = layout(
        state,
        lang,
        member,
        page.heading.clone(),
        &format!("/collections/{key}/edit"),
    );
    page.action = format!("/collections/{key}/edit");
    let notice = match &collection.closed {
        Some(closing) => Some(t_args(
            lang,
            "collection-closed-on",
            &[
                ("date", format::date(lang, closing.on)),
                ("reason", closing.reason.clone()),
            ],
        )),
        None if !correction.opened => Some(t_args(
            lang,
            "collection-opens-later",
            &[("date", format::date(lang, collection.cadence.opens_on))],
        )),
        None => None,
    };
    page.correcting = Some(CorrectionPart {
        notice,
        // A closed collection's notice says why; an answered one's says it can no longer change.
        why_not: correction
            .why_not
            .filter(|_| collection.closed.is_none())
            .map(|key| t(lang, key)),
        editable: correction.why_not.is_none(),
        close_action: collection
            .closed
            .is_none()
            .then(|| format!("/collections/{key}/closure")),
        reason: reason.to_owned(),
    });
    page
}

/// `GET /collections/{key}/edit`: the collection's form for correcting while nobody has answered it,
/// and the closing form while it is open.
pub(crate) async fn edit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<NewCollectionPage, PageError> {
    let correction = state.app.collection_correction(&member.0, &key).await?;
    Ok(correction_page(
        &state,
        lang,
        &member,
        &correction,
        (correction.fields.clone(), &correction.chosen),
        (Vec::new(), ""),
    ))
}

/// `POST /collections/{key}/edit`.
pub(crate) async fn correct(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<CollectionForm>,
) -> Result<Response, PageError> {
    let fields = form.typed();
    match state
        .app
        .correct_collection(&member.0, &key, &fields, &form.respondent)
        .await
    {
        Ok(collection) => Ok(Redirect::to(&landing(&state, &collection).await?).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let correction = state.app.collection_correction(&member.0, &key).await?;
                Ok(correction_page(
                    &state,
                    lang,
                    &member,
                    &correction,
                    (fields, &form.respondent),
                    (errors, ""),
                ))
            })
            .await
        }
    }
}

/// The closing form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ClosingForm {
    #[serde(default)]
    reason: String,
}

/// `POST /collections/{key}/closure`: closes the collection with the reason.
pub(crate) async fn close(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ClosingForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .close_collection(&member.0, &key, &form.reason)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/collections/{key}/edit")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let correction = state.app.collection_correction(&member.0, &key).await?;
                Ok(correction_page(
                    &state,
                    lang,
                    &member,
                    &correction,
                    (correction.fields.clone(), &correction.chosen),
                    (errors, &form.reason),
                ))
            })
            .await
        }
    }
}
