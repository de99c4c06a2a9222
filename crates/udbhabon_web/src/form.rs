//! Turning validation errors into messages beside the form fields, in the reader's language.

use udbhabon_domain::ValidationErrors;
use udbhabon_i18n::{Lang, t_args};

/// Each field's message: (field name, text).
pub(crate) fn field_messages(lang: Lang, errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .errors
        .iter()
        .map(|error| {
            let args: Vec<(&'static str, String)> = error
                .args
                .iter()
                .map(|(name, value)| (*name, udbhabon_i18n::format::digits(lang, value)))
                .collect();
            (error.field.clone(), t_args(lang, error.message_key, &args))
        })
        .collect()
}
