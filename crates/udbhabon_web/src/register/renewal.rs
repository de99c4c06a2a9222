//! The renewals of a system, on its page (`/software/ID`): each with the day it lapses and where it
//! stands, the forms that record it renewed or take it off, and the one that adds a renewal.

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use udbhabon_core::RenewalRow;
use udbhabon_domain::register::renewal::{RenewalFields, RenewalKind, RenewalStanding};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Posted};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{Choice, FieldErrors, joined, listed, saved_or_rejected, with_none};
use crate::lang::ReaderLang;
use crate::register::software::{ShowRefused, done_to, refused_page};
use crate::state::AppState;

/// A renewal's standing as a tag: (class, text).
pub(crate) fn standing_tag(
    lang: Lang,
    row: &RenewalRow,
    today: chrono::NaiveDate,
) -> (&'static str, String) {
    match row.renewal.standing(today) {
        RenewalStanding::Lapsed => ("tag late", t(lang, "renewal-lapsed")),
        RenewalStanding::Due => ("tag standing-late", t(lang, "renewal-due")),
        RenewalStanding::Current => ("tag", t(lang, "renewal-current")),
    }
}

/// One renewal as its system's page lists it, with its forms when the reader keeps the register.
pub(crate) struct RenewalLine {
    /// The line's id on the page, which the inbox links to.
    pub(crate) anchor: String,
    pub(crate) kind: String,
    pub(crate) subject: String,
    pub(crate) expires_on: String,
    pub(crate) remind: String,
    pub(crate) standing: (&'static str, String),
    pub(crate) renew_action: String,
    pub(crate) remove_action: String,
    /// The new date typed and its message, when recording it renewed was refused.
    pub(crate) renew_refused: Option<(String, String)>,
}

/// The form that adds a renewal.
pub(crate) struct RenewalForm {
    pub(crate) action: String,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) values: RenewalFields,
    pub(crate) kinds: Vec<Choice>,
}

impl FieldErrors for RenewalForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// The renewals section of a system's page.
pub(crate) struct RenewalSection {
    pub(crate) lines: Vec<RenewalLine>,
    pub(crate) form: Option<RenewalForm>,
}

/// The section, with a refused form of it shown again.
pub(crate) fn renewal_section(
    lang: Lang,
    (software_id, rows): (i32, &[RenewalRow]),
    (today, can_manage): (chrono::NaiveDate, bool),
    refused: Option<&ShowRefused<'_>>,
) -> RenewalSection {
    let href = format!("/software/{software_id}/renewals");
    RenewalSection {
        lines: rows
            .iter()
            .map(|row| RenewalLine {
                anchor: format!("renewal-{}", row.id),
                kind: t(lang, &row.renewal.kind.message_key()),
                subject: row.renewal.subject.clone(),
                expires_on: format::date_both(lang, row.renewal.expires_on),
                remind: t_args(
                    lang,
                    "renewal-remind-days-value",
                    &[(
                        "days",
                        format::number(lang, i64::from(row.renewal.remind_days)),
                    )],
                ),
                standing: standing_tag(lang, row, today),
                renew_action: format!("{href}/{}/renew", row.id),
                remove_action: format!("{href}/{}/remove", row.id),
                renew_refused: match refused {
                    Some(ShowRefused::Renew(id, typed, errors)) if *id == row.id => {
                        Some((typed.expires_on.clone(), joined(errors)))
                    }
                    _ => None,
                },
            })
            .collect(),
        form: can_manage.then(|| {
            let (values, errors) = match refused {
                Some(ShowRefused::Renewal(typed, errors)) => {
                    ((*typed).clone(), Some(errors.clone()))
                }
                _ => (RenewalFields::default(), None),
            };
            RenewalForm {
                action: href,
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                kinds: with_none(listed(lang, &values.kind, RenewalKind::message_key)),
                values,
            }
        }),
    }
}

/// `POST /software/{id}/renewals`: adds a renewal to a system.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<RenewalFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.add_renewal(&member.0, id, &fields).await;
    saved_or_rejected(
        lang,
        outcome,
        &done_to(id, "renewal-added"),
        async |errors| {
            let refused = ShowRefused::Renewal(&fields, errors);
            refused_page(&state, lang, &member, id, Some(refused)).await
        },
    )
    .await
}

/// The form that records a renewal renewed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RenewedFields {
    pub(crate) expires_on: String,
}

/// `POST /software/{id}/renewals/{renewal}/renew`: records the renewal renewed to a later date.
pub(crate) async fn renew(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, renewal)): Path<(i32, i32)>,
    Posted(member, fields): Posted<RenewedFields>,
) -> Result<Response, PageError> {
    let outcome = state
        .app
        .renew(&member.0, (id, renewal), &fields.expires_on)
        .await;
    saved_or_rejected(lang, outcome, &done_to(id, "renewed"), async |errors| {
        let refused = ShowRefused::Renew(renewal, &fields, errors);
        refused_page(&state, lang, &member, id, Some(refused)).await
    })
    .await
}

/// `POST /software/{id}/renewals/{renewal}/remove`: takes a renewal off its system.
pub(crate) async fn remove(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, renewal)): Path<(i32, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let outcome = state.app.remove_renewal(&member.0, (id, renewal)).await;
    saved_or_rejected(lang, outcome, &done_to(id, "renewal-removed"), async |_| {
        refused_page(&state, lang, &member, id, None).await
    })
    .await
}
