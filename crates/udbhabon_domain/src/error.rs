//! Validation errors: which field is wrong and the message key that says why, never prose.

use serde::Serialize;

/// One field's problem: the field's name and a Fluent message key (with arguments) describing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message_key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// Everything wrong with one piece of input; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("invalid input: {}", self.summary())]
pub struct ValidationErrors {
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `field` is wrong for the reason named by `message_key`.
    pub fn add(&mut self, field: impl Into<String>, message_key: &'static str) -> &mut FieldError {
        self.errors.push(FieldError {
            field: field.into(),
            message_key,
            args: Vec::new(),
        });
        self.errors.last_mut().expect("an error was just pushed")
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(value)` when nothing was recorded, otherwise the errors.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    fn summary(&self) -> String {
        self.errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message_key))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
impl ValidationErrors {
    /// Each refusal as (field, message key), in order: what a check's test compares.
    pub(crate) fn problems(self) -> Vec<(String, &'static str)> {
        self.errors
            .into_iter()
            .map(|error| (error.field, error.message_key))
            .collect()
    }
}

impl FieldError {
    /// Adds an argument for the message (e.g. the maximum length).
    pub fn with(&mut self, name: &'static str, value: impl ToString) -> &mut Self {
        self.args.push((name, value.to_string()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_errors_means_the_value_is_accepted() {
        assert_eq!(ValidationErrors::new().into_result(7), Ok(7));
    }

    #[test]
    fn recorded_errors_reject_the_value_and_keep_their_arguments() {
        let mut errors = ValidationErrors::new();
        errors.add("name_bn", "error-too-long").with("max", 200);
        let rejected = errors.into_result(()).unwrap_err();
        assert_eq!(rejected.errors[0].field, "name_bn");
        assert_eq!(rejected.errors[0].args, vec![("max", "200".to_owned())]);
        assert_eq!(
            rejected.to_string(),
            "invalid input: name_bn: error-too-long"
        );
    }
}
