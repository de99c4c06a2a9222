//! Hand-offs mailed to the person they wait on, in the language their account chose: each as it
//! arrives, or gathered into one digest a day. A line is mailed once while it waits; once it no longer
//! waits it is forgotten, so that a step that comes back (a plan sent back and resubmitted) is mailed again.

use chrono::Timelike;
use udbhabon_db::account::AccountRow;
use udbhabon_db::account::notification::MailedNotification;
use udbhabon_db::reminder::NewReminder;
use udbhabon_domain::Lang;
use udbhabon_i18n::{format, t, t_args};

use super::Notice;
use crate::account::SignedIn;
use crate::mail::Mail;
use crate::reminder::ReminderRun;
use crate::{App, Error};

/// The hour in Dhaka from which the day's digest goes out: before the office day starts.
const DIGEST_HOUR: u32 = 8;

/// The reminder subject (and step) that records the day's digest of an account (the record is the
/// account).
const DIGEST_SUBJECT: &str = "notification_digest";

/// How an account is mailed: in which language, and whether hand-offs come in one digest a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailPreference {
    pub lang: Lang,
    pub digest: bool,
}

impl App {
    /// How the reader's account is mailed.
    pub async fn mail_preference(&self, who: &SignedIn) -> Result<MailPreference, Error> {
        let account = self.db.account(who.account_id).await?;
        Ok(MailPreference {
            lang: account.mail_lang,
            digest: account.mail_digest,
        })
    }

    /// Changes how the reader's account is mailed.
    pub async fn set_mail_preference(
        &self,
        who: &SignedIn,
        preference: MailPreference,
    ) -> Result<(), Error> {
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_mail_preference(who.account_id, preference.lang, preference.digest)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Mails every active account the hand-offs newly waiting on it: at once, or in the day's digest
    /// for an account that asked for one. Safe to run as often as wanted.
    pub async fn send_notification_mails(&self) -> Result<ReminderRun, Error> {
        let mut run = ReminderRun::default();
        for account in self.db.accounts().await? {
            if account.active {
                self.mail_notifications(account, &mut run).await?;
            }
        }
        Ok(run)
    }

    async fn mail_notifications(
        &self,
        account: AccountRow,
        run: &mut ReminderRun,
    ) -> Result<(), Error> {
        let today = self.today();
        let who = self.signed_in_as(account.clone(), String::new()).await?;
        let waiting: Vec<Notice> = self
            .notifications(&who)
            .await?
            .into_iter()
            .filter(|notice| notice.kind.is_handoff())
            .collect();
        let mailed = self.db.notifications_mailed(account.id).await?;
        let gone: Vec<i32> = mailed
            .iter()
            .filter(|line| !waiting.iter().any(|notice| mailed_as(notice, line)))
            .map(|line| line.id)
            .collect();
        let (fresh, earlier): (Vec<&Notice>, Vec<&Notice>) = waiting
            .iter()
            .partition(|notice| !mailed.iter().any(|line| mailed_as(notice, line)));
        let hour = self
            .now()
            .with_timezone(&bangla::dhaka::DHAKA_OFFSET)
            .hour();
        let before_digest = account.mail_digest && hour < DIGEST_HOUR;
        if gone.is_empty() && (fresh.is_empty() || before_digest) {
            return Ok(());
        }
        let author = || self.author(None, "udbhabon (notifications)");
        let tx = self.db.begin(author()).await?;
        tx.forget_notifications_mailed(&gone).await?;
        // A digest goes once a day: the day's is recorded like a reminder, and holds back what comes
        // later that day until the next morning.
        let digest = account.mail_digest.then(|| NewReminder {
            subject: DIGEST_SUBJECT.into(),
            record_id: account.id,
            due_on: today,
            step: DIGEST_SUBJECT.into(),
            account_id: account.id,
        });
        let held = match &digest {
            Some(digest) if !fresh.is_empty() => {
                before_digest || !tx.record_reminder(digest.clone()).await?
            }
            _ => false,
        };
        if fresh.is_empty() || held {
            tx.commit().await?;
            return Ok(());
        }
        let lines = fresh
            .iter()
            .map(|notice| (notice.kind.code().to_owned(), notice.link.clone()))
            .collect();
        let recorded = tx.record_notifications_mailed(account.id, lines).await?;
        tx.commit().await?;
        if recorded.is_empty() {
            return Ok(());
        }
        // The record is committed before the mail, so that no write lock waits on a mail server; a
        // mail that fails is forgotten again, to be tried on the next run.
        let still = if account.mail_digest {
            earlier
        } else {
            Vec::new()
        };
        let mail = self.notification_mail(&account, &fresh, &still);
        if let Err(error) = self.mailer.send(mail).await {
            tracing::warn!(account = account.id, %error, "a notification was not mailed; it is tried again on the next run");
            let tx = self.db.begin(author()).await?;
            let ids: Vec<i32> = recorded.iter().map(|line| line.id).collect();
            tx.forget_notifications_mailed(&ids).await?;
            if let Some(digest) = digest {
                tx.forget_reminder(digest).await?;
            }
            tx.commit().await?;
            return Ok(());
        }
        run.sent += 1;
        Ok(())
    }

    /// The mail of the steps newly waiting on an account (and, in a digest, of those still waiting
    /// since earlier mail), in the account's language.
    fn notification_mail(
        &self,
        account: &AccountRow,
        fresh: &[&Notice],
        still: &[&Notice],
    ) -> Mail {
        let lang = account.mail_lang;
        let count = |n: usize| format::number(lang, i64::try_from(n).unwrap_or(i64::MAX));
        let subject = match (account.mail_digest, fresh) {
            (false, [only]) => t_args(
                lang,
                "notification-mail-subject-one",
                &[
                    ("step", self.step_label(lang, only)),
                    ("title", only.title.get(lang).to_owned()),
                ],
            ),
            (false, _) => t_args(
                lang,
                "notification-mail-subject",
                &[("count", count(fresh.len()))],
            ),
            (true, _) => t_args(
                lang,
                "notification-digest-subject",
                &[("count", count(fresh.len() + still.len()))],
            ),
        };
        let mut body = vec![t(lang, "notification-mail-intro")];
        body.extend(fresh.iter().map(|notice| self.mail_line(lang, notice)));
        if !still.is_empty() {
            body.push(t(lang, "notification-digest-still"));
            body.extend(still.iter().map(|notice| self.mail_line(lang, notice)));
        }
        let links = [
            ("inbox", format!("{}/notifications", self.public_url)),
            ("account", format!("{}/account", self.public_url)),
        ];
        body.push(t_args(lang, "notification-mail-footer", &links));
        Mail {
            at: self.now(),
            to: account.email.clone(),
            subject,
            body: body.join("\n\n"),
            attachments: Vec::new(),
        }
    }

    /// What kind of step a notice is, as the inbox labels it.
    fn step_label(&self, lang: Lang, notice: &Notice) -> String {
        let waiting = i64::try_from(notice.waiting).unwrap_or(i64::MAX);
        t_args(
            lang,
            &format!("notice-{}", notice.kind.code()),
            &[("count", format::number(lang, waiting))],
        )
    }

    /// One step in a mail: its kind, what and whose it is, by when, and where to act on it.
    fn mail_line(&self, lang: Lang, notice: &Notice) -> String {
        let mut line = format!(
            "• {}\n  {} — {}",
            self.step_label(lang, notice),
            notice.title.get(lang),
            notice.concerns.get(lang)
        );
        if let Some(due) = notice.due_on {
            line.push_str("\n  ");
            line.push_str(&t_args(
                lang,
                "notification-mail-due",
                &[("date", format::date(lang, due))],
            ));
        }
        line.push_str(&format!("\n  {}{}", self.public_url, notice.link));
        line
    }
}

/// Whether a mailed line is this notice: the same kind of step at the same page.
fn mailed_as(notice: &Notice, line: &MailedNotification) -> bool {
    notice.kind.code() == line.kind && notice.link == line.link
}
