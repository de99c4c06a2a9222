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
    post_choices: Vec<(i32, String)>,
    office_choices: Vec<(i32, String)>,
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
    posts: Vec<(String, String, Option<String>)>,
    office_choices: Vec<(i32, String)>,
    unit_choices: Vec<(i32, String)>,
    designation_choices: Vec<(i32, String)>,
    errors: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewPostForm {
    office: i32,
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
}

#[derive(Debug, Deserialize)]
pub(crate) struct AccountForm {
    email: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GrantForm {
    role: String,
    office: i32,
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
    id: i32,
    notice: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<PersonPage, PageError> {
    let PersonDetail {
        person,
        postings,
        account,
        grants,
        history,
    } = state.app.person_detail(&member.0, id).await?;
    let posts = state.app.posts(&member.0).await?;
    let offices = state.app.office_choices(&member.0).await?;
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
        post_choices: posts
            .iter()
            .map(|summary| {
                (
                    summary.post.id,
                    format!(
                        "{} — {}",
                        summary.post.label.get(lang),
                        summary.office.name.get(lang)
                    ),
                )
            })
            .collect(),
        office_choices: offices
            .iter()
            .map(|office| (office.id, office.name.get(lang).to_owned()))
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

/// `GET /admin/people/{id}`.
pub(crate) async fn person(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<PersonPage, PageError> {
    person_page(&state, lang, &member, id, None, Vec::new()).await
}

/// Re-renders the person page with the form's problems, or passes other failures on.
async fn refused(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    error: Error,
) -> Result<Response, PageError> {
    rejected(lang, error, |errors| {
        person_page(state, lang, member, id, None, errors)
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
        return refused(&state, lang, &member, id, errors.into()).await;
    };
    match state
        .app
        .add_posting(&member.0, id, form.post, from, charge)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/admin/people/{id}")).into_response()),
        Err(error) => refused(&state, lang, &member, id, error).await,
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
            Ok(
                person_page(&state, lang, &member, id, Some(notice), Vec::new())
                    .await?
                    .into_response(),
            )
        }
        Err(error) => refused(&state, lang, &member, id, error).await,
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
        Ok(()) => Ok(Redirect::to(&format!("/admin/people/{person}")).into_response()),
        Err(error) => refused(&state, lang, &member, person, error).await,
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
    errors: Vec<(String, String)>,
) -> Result<PostsPage, PageError> {
    let posts = state.app.posts(&member.0).await?;
    let offices = state.app.office_choices(&member.0).await?;
    let (units, designations) = state.app.post_choices(&member.0).await?;
    Ok(PostsPage {
        l: layout(
            state,
            lang,
            member,
            t(lang, "admin-posts-title"),
            "/admin/posts",
        ),
        csrf: member.0.csrf_token.clone(),
        posts: posts
            .into_iter()
            .map(|summary| {
                (
                    summary.post.label.get(lang).to_owned(),
                    summary.office.name.get(lang).to_owned(),
                    summary
                        .holder
                        .map(|person| person.name.get(lang).to_owned()),
                )
            })
            .collect(),
        office_choices: offices
            .iter()
            .map(|office| (office.id, office.name.get(lang).to_owned()))
            .collect(),
        unit_choices: units
            .iter()
            .map(|(unit, office)| {
                (
                    unit.id,
                    format!("{} — {}", unit.name.get(lang), office.name.get(lang)),
                )
            })
            .collect(),
        designation_choices: designations
            .iter()
            .map(|(id, name)| (*id, name.get(lang).to_owned()))
            .collect(),
        errors,
    })
}

/// `GET /admin/posts`: every post with its office and today's holder, and a form for a new post.
pub(crate) async fn posts(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<PostsPage, PageError> {
    posts_page(&state, lang, &member, Vec::new()).await
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
    match state.app.create_post(&member.0, request).await {
        Ok(_) => Ok(Redirect::to("/admin/posts").into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                posts_page(&state, lang, &member, errors)
            })
            .await
        }
    }
}
