//! Citizens' ideas and feedback (e-participation): what a citizen may send an office without an account,
//! checked as typed, and the tracking code they look it up with.

use crate::ValidationErrors;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What a citizen sends.
    pub enum FeedbackKind ("feedback kind", "feedback-kind") {
        /// An idea for a better service.
        Idea => "idea",
        /// Feedback on a service the office lists.
        Feedback => "feedback",
    }
}

/// The longest message a citizen may send, in characters: a page of text.
pub const MESSAGE_CHARS: usize = 2_000;

/// The longest name or contact, in characters.
const SHORT_CHARS: usize = 120;

/// A message as typed in the public form.
#[derive(Debug, Clone, Default)]
pub struct FeedbackFields {
    pub kind: String,
    /// The service it is about, as the form names it; empty for none.
    pub service: String,
    pub message: String,
    pub name: String,
    /// A mobile number or an e-mail address, or nothing.
    pub contact: String,
    /// A field people never see; only a program filling every field fills it.
    pub trap: String,
}

/// A message, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackDraft {
    pub kind: FeedbackKind,
    pub service: String,
    pub message: String,
    pub name: String,
    pub contact: String,
}

/// Checks a citizen's message: a kind, a message of at most [`MESSAGE_CHARS`] characters, a short name,
/// and a contact that is a Bangladeshi mobile number or an e-mail address when given. A filled trap
/// field is refused like a bad message, so that a program learns nothing from the answer.
pub fn check_feedback(fields: &FeedbackFields) -> Result<FeedbackDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if !fields.trap.is_empty() {
        errors.add("message", "error-feedback-refused");
        return Err(errors);
    }
    let kind = fields.kind.parse::<FeedbackKind>().ok();
    if kind.is_none() {
        errors.add("kind", "error-feedback-kind");
    }
    let message = fields.message.trim();
    if message.is_empty() {
        errors.add("message", "error-feedback-message");
    } else if message.chars().count() > MESSAGE_CHARS {
        errors
            .add("message", "error-too-long")
            .with("max", MESSAGE_CHARS);
    }
    for (field, text) in [("name", &fields.name), ("service", &fields.service)] {
        if text.trim().chars().count() > SHORT_CHARS {
            errors.add(field, "error-too-long").with("max", SHORT_CHARS);
        }
    }
    let contact = fields.contact.trim();
    if !contact.is_empty() && !is_mobile(contact) && !is_email(contact) {
        errors.add("contact", "error-feedback-contact");
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(FeedbackDraft {
            kind,
            service: fields.service.trim().to_owned(),
            message: message.to_owned(),
            name: fields.name.trim().to_owned(),
            contact: contact.to_owned(),
        }),
        _ => Err(errors),
    }
}

/// A Bangladeshi mobile number in either script: 01XXXXXXXXX, with +88 or 88 before it or not.
fn is_mobile(text: &str) -> bool {
    let digits: String = bangla::to_ascii_digits(text)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let local = digits
        .strip_prefix("+88")
        .or_else(|| digits.strip_prefix("88"))
        .unwrap_or(&digits);
    local.len() == 11 && local.starts_with("01") && local.bytes().all(|b| b.is_ascii_digit())
}

/// An e-mail address in the shape mail servers accept: a name, "@", and a domain with a dot.
fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> FeedbackFields {
        FeedbackFields {
            kind: "idea".into(),
            message: "কারখানা লাইসেন্সের ফি মোবাইলে দেওয়া গেলে ভালো হয়।".into(),
            contact: "০১৭১১-২২৩৩৪৪".into(),
            ..FeedbackFields::default()
        }
    }

    fn keys(fields: &FeedbackFields) -> Vec<&'static str> {
        check_feedback(fields)
            .unwrap_err()
            .errors
            .iter()
            .map(|error| error.message_key)
            .collect()
    }

    #[test]
    fn a_message_with_a_mobile_number_in_bengali_digits_is_accepted() {
        let draft = check_feedback(&fields()).unwrap();
        assert_eq!(draft.kind, FeedbackKind::Idea);
        assert!(
            check_feedback(&FeedbackFields {
                contact: "citizen@example.com".into(),
                ..fields()
            })
            .is_ok()
        );
        assert!(
            check_feedback(&FeedbackFields {
                contact: "+8801711223344".into(),
                ..fields()
            })
            .is_ok()
        );
    }

    #[test]
    fn an_empty_or_overlong_message_and_a_contact_that_is_neither_are_refused() {
        let empty = FeedbackFields {
            message: "  ".into(),
            contact: "12345".into(),
            ..fields()
        };
        assert_eq!(
            keys(&empty),
            ["error-feedback-message", "error-feedback-contact"]
        );
        let long = FeedbackFields {
            message: "ক".repeat(MESSAGE_CHARS + 1),
            ..fields()
        };
        assert_eq!(keys(&long), ["error-too-long"]);
    }

    #[test]
    fn a_filled_trap_is_refused_whatever_else_is_right() {
        let bot = FeedbackFields {
            trap: "https://spam.example".into(),
            ..fields()
        };
        assert_eq!(keys(&bot), ["error-feedback-refused"]);
    }
}
