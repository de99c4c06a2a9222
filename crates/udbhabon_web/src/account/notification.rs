//! The inbox: the steps waiting on the signed-in officer, and what they have due, overdue, sent back or
//! waiting for review.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_core::account::notification::{Notice, NoticeKind};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Member;
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// A notification as the inbox (and the home page) shows it.
pub(crate) struct NoticeLine {
    pub(crate) kind: &'static str,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) concerns: String,
    /// What the date is ("due by", "lapses on") and the date.
    pub(crate) due: Option<(String, String)>,
    pub(crate) link: String,
}

/// What a notice's date is, by its kind: a return's deadline, a renewal's lapse, or any other step's
/// limit.
fn due_label(lang: Lang, kind: NoticeKind) -> String {
    let key = match kind {
        NoticeKind::Overdue
        | NoticeKind::Returned
        | NoticeKind::Due
        | NoticeKind::ForwardDue
        | NoticeKind::AwaitingReview => "collection-due",
        NoticeKind::RenewalLapsed | NoticeKind::RenewalDue => "renewal-expires-on",
        _ => "notice-due-on",
    };
    t(lang, key)
}

#[derive(Template, WebTemplate)]
#[template(path = "account/notification/list.html")]
pub(crate) struct NotificationPage {
    l: Layout,
    notices: Vec<NoticeLine>,
}

/// The notifications as the inbox shows them.
pub(crate) fn lines(lang: Lang, notices: Vec<Notice>) -> Vec<NoticeLine> {
    notices
        .into_iter()
        .map(|notice| {
            let code = notice.kind.code();
            NoticeLine {
                kind: code,
                label: t_args(
                    lang,
                    &format!("notice-{code}"),
                    &[(
                        "count",
                        format::number(lang, i64::try_from(notice.waiting).unwrap_or(0)),
                    )],
                ),
                title: notice.title.get(lang).to_owned(),
                concerns: notice.concerns.get(lang).to_owned(),
                due: notice
                    .due_on
                    .map(|due| (due_label(lang, notice.kind), format::date(lang, due))),
                link: notice.link,
            }
        })
        .collect()
}

/// `GET /notifications`: the whole inbox.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<NotificationPage, PageError> {
    let notices = state.app.notifications(&member.0).await?;
    let title = t(lang, "notifications-heading");
    Ok(NotificationPage {
        l: Layout::of_member(
            &state.app,
            lang,
            &member,
            title,
            "notifications",
            "/notifications",
        ),
        notices: lines(lang, notices),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_label_in_both_languages() {
        for kind in NoticeKind::ALL {
            for lang in Lang::ALL {
                let key = format!("notice-{}", kind.code());
                assert_ne!(t(lang, &key), key, "{key} in {lang:?}");
            }
        }
    }
}
