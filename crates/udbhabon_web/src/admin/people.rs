//! Administration pages: people (search in Bengali or English), a person's postings, account, roles
//! and history, and the list of posts. Only the system administrator may use them.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::Error;
use udbhabon_core::admin::people::{PersonDetail, PersonForm, PostForm};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Role;
use udbhabon_domain::office::person::Charge;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::admin::{OfficeFinder, OfficeQuery, in_office};
use crate::audit::{self, HistoryLine};
use crate::auth::{Button, Member, Posted};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/list.html")]
pub(crate) struct PeoplePage {
    l: Layout,
    query: String,
    people: Vec<PersonLine>,
    found: String,
}

struct PersonLine {
    href: String,
    name: String,
    other_name: String,
    posts: Vec<String>,
    email: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/new.html")]
pub(crate) struct NewPersonPage {
    l: Layout,
    csrf: String,
    values: [String; 4],
    errors: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/show.html")]
pub(crate) struct PersonPage {
    l: Layout,
    csrf: String,
    id: i32,
    name: String,
    other_name: String,
    email: Option<String>,
    phone: Option<String>,
    postings: Vec<(String, String, String, String)>,
    account: Option<(i32, String, String)>,
    grants: Vec<(i32, String, String)>,
    /// The office postings and roles are given in, and the search for another.
    finder: OfficeFinder,
    office_id: i32,
    office_key: String,
    /// The office's posts: (id, post — holder).
    post_choices: Vec<(i32, String)>,
    role_choices: Vec<(String, String)>,
    charge_choices: Vec<(String, String)>,
    history: Vec<HistoryLine>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/posts.html")]
pub(crate) struct PostsPage {
    l: Layout,
    csrf: String,
    /// The office whose posts are listed and added to, and the search for another.
    finder: OfficeFinder,
    office_id: i32,
    office_key: String,
    /// Each post: (post, holder).
    posts: Vec<(String, Option<String>)>,
    unit_choices: Vec<(i32, String)>,
    designation_choices: Vec<(i32, String)>,
    errors: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewPostForm {
    office: i32,
    /// The key of the office the page works in, to return to.
    #[serde(default)]
    focus: String,
    #[serde(default)]
    unit: String,
    designation: i32,
    #[serde(default)]
    label_bn: String,
    #[serde(default)]
    label_en: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SearchQuery {
    #[serde(default)]
    q: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewPersonForm {
    name_bn: String,
    name_en: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PostingForm {
    post: i32,
    from: String,
    charge: String,
    /// The key of the office the page works in, to return to.
    #[serde(default)]
    focus: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AccountForm {
    email: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GrantForm {
    role: String,
    office: i32,
    /// The key of the office the page works in, to return to.
    #[serde(default)]
    focus: String,
}

fn layout(state: &AppState, lang: Lang, member: &Member, title: String, path: &str) -> Layout {
    Layout::of_member(&state.app, lang, member, title, "admin", path)
}

fn other(lang: Lang, name: &udbhabon_domain::Bilingual) -> String {
    match lang {
        Lang::Bn => name.en.clone(),
        Lang::En => name.bn.clone(),
    }
}

/// `GET /admin/people?q=`: people whose name contains the query, in Bengali or English.
pub(crate) async fn people(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<SearchQuery>,
) -> Result<PeoplePage, PageError> {
    let found = state.app.people(&member.0, &query.q).await?;
    let count = format::number(lang, found.len() as i64);
    Ok(PeoplePage {
        l: layout(
            &state,
            lang,
            &member,
            t(lang, "admin-people-title"),
            "/admin/people",
        ),
        found: t_args(lang, "admin-people-found", &[("count", count)]),
        people: found
            .into_iter()
            .map(|summary| PersonLine {
                href: format!("/admin/people/{}", summary.person.id),
                name: summary.person.name.get(lang).to_owned(),
                other_name: other(lang, &summary.person.name),
                posts: summary
                    .posts
                    .iter()
                    .map(|post| post.label.get(lang).to_owned())
                    .collect(),
                email: summary.account_email,
            })
            .collect(),
        query: query.q,
    })
}

fn new_person_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    values: [String; 4],
    errors: Vec<(String, String)>,
) -> NewPersonPage {
    NewPersonPage {
        l: layout(
            state,
            lang,
            member,
            t(lang, "admin-person-new-title"),
            "/admin/people/new",
        ),
        csrf: member.0.csrf_token.clone(),
        values,
        errors,
    }
}

/// `GET /admin/people/new`.
pub(crate) async fn new_person(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<NewPersonPage, PageError> {
    state.app.require_administrator(&member.0).await?;
    Ok(new_person_page(
        &state,
        lang,
        &member,
        Default::default(),
        Vec::new(),
    ))
}

/// `POST /admin/people`.
pub(crate) async fn create_person(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<NewPersonForm>,
) -> Result<Response, PageError> {
    let values = [
        form.name_bn.clone(),
        form.name_en.clone(),
        form.email.clone(),
        form.phone.clone(),
    ];
    let request = PersonForm {
        name_bn: form.name_bn,
        name_en: form.name_en,
        email: form.email,
        phone: form.phone,
    };
    match state.app.create_person(&member.0, request).await {
        Ok(id) => Ok(Redirect::to(&format!("/admin/people/{id}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                Ok(new_person_page(&state, lang, &member, values, errors))
            })
            .await
        }
    }
}

async fn person_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    (id, view): (i32, &OfficeQuery),
    (notice, errors): (Option<String>, Vec<(String, String)>),
) -> Result<PersonPage, PageError> {
    let PersonDetail {
        person,
        postings,
        account,
        grants,
        history,
    } = state.app.person_detail(&member.0, id).await?;
    // By default the page works in the office of the person's latest posting.
    let office_key = view
        .office()
        .or_else(|| postings.first().map(|(_, _, office)| office.key.as_str()));
    let in_office = state.app.posts_of_office(&member.0, office_key).await?;
    let path = format!("/admin/people/{id}");
    let finder = OfficeFinder::new(state, lang, member, (&path, &in_office.office), view).await?;
    let dash = "–".to_owned();
    Ok(PersonPage {
        l: layout(
            state,
            lang,
            member,
            person.name.get(lang).to_owned(),
            &format!("/admin/people/{id}"),
        ),
        csrf: member.0.csrf_token.clone(),
        id,
        name: person.name.get(lang).to_owned(),
        other_name: other(lang, &person.name),
        email: person.email,
        phone: person.phone.map(|phone| format::digits(lang, &phone)),
        postings: postings
            .iter()
            .map(|(posting, post, office)| {
                (
                    post.label.get(lang).to_owned(),
                    office.name.get(lang).to_owned(),
                    format!(
                        "{} {} {}",
                        format::date(lang, posting.held_from),
                        dash,
                        posting
                            .held_until
                            .map(|until| format::date(lang, until))
                            .unwrap_or_else(|| t(lang, "admin-posting-current"))
                    ),
                    t(lang, &posting.charge.message_key()),
                )
            })
            .collect(),
        account: account.map(|account| {
            let status = if account.active {
                t(lang, "admin-account-active")
            } else {
                t(lang, "admin-account-inactive")
            };
            (account.id, account.email, status)
        }),
        grants: grants
            .iter()
            .map(|(grant, office)| {
                (
                    grant.id,
                    t(lang, &grant.role.message_key()),
                    office.name.get(lang).to_owned(),
                )
            })
            .collect(),
        finder,
        office_id: in_office.office.id,
        office_key: in_office.office.key.clone(),
        post_choices: in_office
            .posts
            .iter()
            .map(|summary| {
                let holder = summary.holder.as_ref().map_or_else(
                    || t(lang, "team-vacant"),
                    |person| person.name.get(lang).to_owned(),
                );
                (
                    summary.post.id,
                    format!("{} — {holder}", summary.post.label.get(lang)),
                )
            })
            .collect(),
        role_choices: Role::ALL
            .iter()
            .map(|role| (role.code().to_owned(), t(lang, &role.message_key())))
            .collect(),
        charge_choices: Charge::ALL
            .iter()
            .map(|charge| (charge.code().to_owned(), t(lang, &charge.message_key())))
            .collect(),
        history: audit::lines(lang, &history),
        notice,
        errors,
    })
}

/// `GET /admin/people/{id}[?office=KEY][&q=TEXT]`: the person, with postings and roles given in
/// one office (by default their latest posting's).
pub(crate) async fn person(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(view): Query<OfficeQuery>,
) -> Result<PersonPage, PageError> {
    person_page(&state, lang, &member, (id, &view), (None, Vec::new())).await
}

/// The office query a posted form returns to.
fn focused(key: String) -> OfficeQuery {
    OfficeQuery {
        office: key,
        ..OfficeQuery::default()
    }
}

/// Where a form of the person page returns to: the page, in the office it worked in.
fn back_to_person(id: i32, focus: &str) -> Response {
    let path = format!("/admin/people/{id}");
    let href = match focus.trim() {
        "" => path,
        key => in_office(&path, key),
    };
    Redirect::to(&href).into_response()
}

/// Re-renders the person page with the form's problems, or passes other failures on.
async fn refused(
    state: &AppState,
    lang: Lang,
    member: &Member,
    (id, focus): (i32, String),
    error: Error,
) -> Result<Response, PageError> {
    let view = focused(focus);
    rejected(lang, error, |errors| {
        person_page(state, lang, member, (id, &view), (None, errors))
    })
    .await
}

/// `POST /admin/people/{id}/postings`: the person holds a post from a date.
pub(crate) async fn add_posting(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<PostingForm>,
) -> Result<Response, PageError> {
    let (Ok(from), Ok(charge)) = (
        bangla::parse_date(form.from.trim()),
        form.charge.parse::<Charge>(),
    ) else {
        let mut errors = udbhabon_domain::ValidationErrors::new();
        errors.add("from", "error-bad-date-field");
        return refused(&state, lang, &member, (id, form.focus), errors.into()).await;
    };
    match state
        .app
        .add_posting(&member.0, id, form.post, from, charge)
        .await
    {
        Ok(()) => Ok(back_to_person(id, &form.focus)),
        Err(error) => refused(&state, lang, &member, (id, form.focus), error).await,
    }
}

/// `POST /admin/people/{id}/account`: opens an account; the first password is shown once.
pub(crate) async fn open_account(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<AccountForm>,
) -> Result<Response, PageError> {
    match state.app.open_account(&member.0, id, &form.email).await {
        Ok(password) => {
            let notice = t_args(lang, "admin-account-opened", &[("password", password)]);
            let view = OfficeQuery::default();
            Ok(person_page(
                &state,
                lang,
                &member,
                (id, &view),
                (Some(notice), Vec::new()),
            )
            .await?
            .into_response())
        }
        Err(error) => refused(&state, lang, &member, (id, String::new()), error).await,
    }
}

/// `POST /admin/accounts/{id}/grants`: grants a role on an office.
pub(crate) async fn grant(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(account_id): Path<i32>,
    Posted(member, form): Posted<GrantForm>,
) -> Result<Response, PageError> {
    let person = state.app.person_of_account(&member.0, account_id).await?;
    let Ok(role) = form.role.parse::<Role>() else {
        return Err(PageError::bad_input("error-required"));
    };
    match state
        .app
        .grant(&member.0, account_id, role, form.office)
        .await
    {
        Ok(()) => Ok(back_to_person(person, &form.focus)),
        Err(error) => refused(&state, lang, &member, (person, form.focus), error).await,
    }
}

/// `POST /admin/grants/{id}/revoke`.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    Path(grant_id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let person = state.app.person_of_grant(&member.0, grant_id).await?;
    state.app.revoke(&member.0, grant_id).await?;
    Ok(Redirect::to(&format!("/admin/people/{person}")).into_response())
}

async fn posts_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    view: &OfficeQuery,
    errors: Vec<(String, String)>,
) -> Result<PostsPage, PageError> {
    let in_office = state.app.posts_of_office(&member.0, view.office()).await?;
    let finder = OfficeFinder::new(
        state,
        lang,
        member,
        ("/admin/posts", &in_office.office),
        view,
    )
    .await?;
    Ok(PostsPage {
        l: layout(
            state,
            lang,
            member,
            t(lang, "admin-posts-title"),
            "/admin/posts",
        ),
        csrf: member.0.csrf_token.clone(),
        finder,
        office_id: in_office.office.id,
        office_key: in_office.office.key.clone(),
        posts: in_office
            .posts
            .into_iter()
            .map(|summary| {
                (
                    summary.post.label.get(lang).to_owned(),
                    summary
                        .holder
                        .map(|person| person.name.get(lang).to_owned()),
                )
            })
            .collect(),
        unit_choices: in_office
            .units
            .iter()
            .map(|unit| (unit.id, unit.name.get(lang).to_owned()))
            .collect(),
        designation_choices: state
            .app
            .designations(&member.0)
            .await?
            .iter()
            .map(|(id, name)| (*id, name.get(lang).to_owned()))
            .collect(),
        errors,
    })
}

/// `GET /admin/posts[?office=KEY][&q=TEXT]`: the posts of one office (by default the one the
/// installation serves) with today's holders, a form for a new post there, and the search for another
/// office.
pub(crate) async fn posts(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(view): Query<OfficeQuery>,
) -> Result<PostsPage, PageError> {
    posts_page(&state, lang, &member, &view, Vec::new()).await
}

/// `POST /admin/posts`: creates a post.
pub(crate) async fn create_post(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<NewPostForm>,
) -> Result<Response, PageError> {
    let request = PostForm {
        office_id: form.office,
        unit_id: form.unit.trim().parse().ok(),
        designation_id: form.designation,
        label_bn: form.label_bn,
        label_en: form.label_en,
    };
    let view = focused(form.focus);
    match state.app.create_post(&member.0, request).await {
        Ok(_) => {
            let href = match view.office() {
                Some(key) => in_office("/admin/posts", key),
                None => "/admin/posts".to_owned(),
            };
            Ok(Redirect::to(&href).into_response())
        }
        Err(error) => {
            rejected(lang, error, |errors| {
                posts_page(&state, lang, &member, &view, errors)
            })
            .await
        }
    }
}
