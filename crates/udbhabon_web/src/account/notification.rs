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
    pub(crate) due: String,
    pub(crate) link: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/notification/list.html")]
pub(crate) struct NotificationPage {
    l: Layout,
    notices: Vec<NoticeLine>,
}

fn kind_code(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::PlanToApprove => "plan-to-approve",
        NoticeKind::MinutesToApprove => "minutes-to-approve",
        NoticeKind::CharterToApprove => "charter-to-approve",
        NoticeKind::MinutesToIssue => "minutes-to-issue",
        NoticeKind::DecisionToConfirm => "decision-to-confirm",
        NoticeKind::MinutesToComment => "minutes-to-comment",
        NoticeKind::MessagesToAnswer => "messages-to-answer",
        NoticeKind::Overdue => "overdue",
        NoticeKind::Returned => "returned",
        NoticeKind::DecisionOverdue => "decision-overdue",
        NoticeKind::Due => "due",
        NoticeKind::DecisionDue => "decision-due",
        NoticeKind::ForwardDue => "forward-due",
        NoticeKind::AwaitingReview => "awaiting-review",
    }
}

/// The notifications as the inbox shows them.
pub(crate) fn lines(lang: Lang, notices: Vec<Notice>) -> Vec<NoticeLine> {
    notices
        .into_iter()
        .map(|notice| {
            let code = kind_code(notice.kind);
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
                    .map(|due| format::date(lang, due))
                    .unwrap_or_default(),
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
        for kind in [
            NoticeKind::PlanToApprove,
            NoticeKind::MinutesToApprove,
            NoticeKind::CharterToApprove,
            NoticeKind::MinutesToIssue,
            NoticeKind::DecisionToConfirm,
            NoticeKind::MinutesToComment,
            NoticeKind::MessagesToAnswer,
            NoticeKind::Overdue,
            NoticeKind::Returned,
            NoticeKind::DecisionOverdue,
            NoticeKind::Due,
            NoticeKind::DecisionDue,
            NoticeKind::ForwardDue,
            NoticeKind::AwaitingReview,
        ] {
            for lang in Lang::ALL {
                let key = format!("notice-{}", kind_code(kind));
                assert_ne!(t(lang, &key), key, "{key} in {lang:?}");
            }
        }
    }
}
