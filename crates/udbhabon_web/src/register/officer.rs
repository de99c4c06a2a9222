//! The officers an office names for RTI and grievance redress as pages show them (each duty's register
//! and the office's page), the section of a register page that names a post to a role or takes a role
//! off, and what those forms do.

use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::register::officer::OfficerView;
use udbhabon_core::{HolderRow, PostRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::officer::{Duty, OfficerFields};
use udbhabon_i18n::{Lang, format, t};

use crate::auth::Member;
use crate::error::PageError;
use crate::form::{Choice, FieldErrors, choices, post_choices, saved_or_rejected, with_none};
use crate::layout::encode_component;
use crate::state::AppState;

/// One officer as shown: (role, post, the holder with their telephone and e-mail).
pub(crate) type OfficerLine = (String, String, String);

/// The officers of one duty as pages show them.
pub(crate) fn officer_lines(lang: Lang, duty: Duty, officers: &[OfficerView]) -> Vec<OfficerLine> {
    officers
        .iter()
        .filter(|officer| officer.role.duty() == duty)
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

/// The address of a duty's register ("/offices/mole/grs").
fn register_href(key: &str, duty: Duty) -> String {
    let duty = match duty {
        Duty::Rti => "rti",
        Duty::Grs => "grs",
    };
    format!("/offices/{}/{duty}", encode_component(key))
}

/// A register page's section of officers: the heading, those named, and for those who run the team
/// the form that names them.
pub(crate) struct OfficerSection {
    pub(crate) heading: String,
    pub(crate) none: String,
    /// The class of the list, which the office's page shares: "rti-officers".
    pub(crate) class: &'static str,
    pub(crate) lines: Vec<OfficerLine>,
    pub(crate) form: Option<OfficerForm>,
}

/// The form that names a post to a role, and the roles named, to take off.
pub(crate) struct OfficerForm {
    pub(crate) action: String,
    pub(crate) remove_action: String,
    pub(crate) open: bool,
    pub(crate) errors: Vec<(String, String)>,
    pub(crate) roles: Vec<Choice>,
    pub(crate) posts: Vec<Choice>,
    /// Whether neither the office nor the office above has a post to name yet.
    pub(crate) no_posts: bool,
    /// (code, name) of each role named.
    pub(crate) named: Vec<(String, String)>,
}

impl FieldErrors for OfficerForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A refused officer form: what was chosen, and the messages.
pub(crate) type RefusedOfficer<'a> = (&'a OfficerFields, Vec<(String, String)>);

/// The section of officers of `duty` on office `key`'s register, with the form when `posts` offers
/// the reader posts to choose from (only to those who may name officers).
pub(crate) fn officer_section(
    lang: Lang,
    (key, duty): (&str, Duty),
    officers: &[OfficerView],
    posts: Option<&[(PostRow, Option<HolderRow>)]>,
    refused: Option<RefusedOfficer<'_>>,
) -> OfficerSection {
    let (heading, none, class) = match duty {
        Duty::Rti => ("rti-officers-heading", "rti-officers-none", "rti-officers"),
        Duty::Grs => ("grs-officers-heading", "grs-officers-none", "grs-officers"),
    };
    OfficerSection {
        heading: t(lang, heading),
        none: t(lang, none),
        class,
        lines: officer_lines(lang, duty, officers),
        form: posts.map(|posts| {
            let (fields, errors) = refused.map_or_else(
                || (OfficerFields::default(), None),
                |(fields, errors)| (fields.clone(), Some(errors)),
            );
            let href = register_href(key, duty);
            OfficerForm {
                action: format!("{href}/officers"),
                remove_action: format!("{href}/officers/remove"),
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                roles: with_none(choices(
                    duty.roles(),
                    Some(fields.role.trim()),
                    |role| role.code().to_owned(),
                    |role| t(lang, &role.message_key()),
                )),
                posts: post_choices(lang, posts, &fields.post),
                no_posts: posts.is_empty(),
                named: officers
                    .iter()
                    .filter(|officer| officer.role.duty() == duty)
                    .map(|officer| {
                        (
                            officer.role.code().to_owned(),
                            t(lang, &officer.role.message_key()),
                        )
                    })
                    .collect(),
            }
        }),
    }
}

/// A duty's register after an officer was named or taken off.
fn back_to_register(key: &str, duty: Duty) -> String {
    format!("{}?done=officers", register_href(key, duty))
}

/// Names the post that holds a role of `duty`: back to the duty's register, or its page rendered
/// again with the form's messages.
pub(crate) async fn name_officer<P, Render, Rendering>(
    (state, lang, member): (&AppState, Lang, &Member),
    (key, duty): (&str, Duty),
    fields: &OfficerFields,
    render: Render,
) -> Result<Response, PageError>
where
    Render: FnOnce(Vec<(String, String)>) -> Rendering,
    Rendering: Future<Output = Result<P, PageError>>,
    P: IntoResponse,
{
    let outcome = state.app.set_officer(&member.0, (key, duty), fields).await;
    saved_or_rejected(lang, outcome, &back_to_register(key, duty), render).await
}

/// Takes a role of `duty` off, back to the duty's register.
pub(crate) async fn take_off_officer(
    state: &AppState,
    (key, duty): (&str, Duty),
    member: &Member,
    form: &RoleForm,
) -> Result<Response, PageError> {
    state
        .app
        .remove_officer(&member.0, (key, duty), &form.role)
        .await?;
    Ok(Redirect::to(&back_to_register(key, duty)).into_response())
}

/// The role a form takes off.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RoleForm {
    #[serde(default)]
    role: String,
}
