//! The shared shape of the small closed sets (kinds, levels, roles) stored as stable text codes.

use std::fmt;

use crate::ValidationErrors;

/// A closed set of values, each stored under a stable lowercase code that never changes once data exists.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The name of the set, used in error messages ("office kind").
    const NAME: &'static str;

    /// The stable code written to the database and to data files.
    fn code(self) -> &'static str;

    /// The value with this code.
    fn from_code(code: &str) -> Result<Self, UnknownCode> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.code() == code)
            .ok_or_else(|| UnknownCode {
                vocabulary: Self::NAME,
                code: code.to_owned(),
                expected: Self::ALL.iter().map(|value| value.code()).collect(),
            })
    }
}

/// A code that names no value of its set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownCode {
    pub vocabulary: &'static str,
    pub code: String,
    pub expected: Vec<&'static str>,
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a known {}; expected one of: {}",
            self.code,
            self.vocabulary,
            self.expected.join(", ")
        )
    }
}

/// Declares a `Vocabulary` enum with its codes and the Fluent message key of each value's name.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($label:literal, $key_prefix:literal) {
            $( $(#[$vmeta:meta])* $variant:ident => $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $crate::Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const NAME: &'static str = $label;
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }

        impl $name {
            /// The Fluent message key that names this value in the user's language.
            pub fn message_key(self) -> String {
                format!("{}-{}", $key_prefix, $crate::Vocabulary::code(self).replace('_', "-"))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownCode;
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                <Self as $crate::Vocabulary>::from_code(code)
            }
        }
    };
}
pub(crate) use vocabulary;

/// A value chosen from a closed list, or the field named as missing.
pub(crate) fn chosen<T: Vocabulary>(
    field: &'static str,
    code: &str,
    errors: &mut ValidationErrors,
) -> Option<T> {
    let value = T::from_code(code.trim()).ok();
    if value.is_none() {
        errors.add(field, "error-required");
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::OfficeKind;

    #[test]
    fn every_code_reads_back_as_its_value() {
        for kind in OfficeKind::ALL {
            assert_eq!(OfficeKind::from_code(kind.code()), Ok(*kind));
        }
    }

    #[test]
    fn an_unknown_code_names_the_set_and_the_codes_it_accepts() {
        let error = OfficeKind::from_code("palace").unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("\"palace\" is not a known office kind"),
            "{message}"
        );
        assert!(message.contains("ministry"), "{message}");
    }

    #[test]
    fn message_keys_use_dashes() {
        assert_eq!(
            OfficeKind::DistrictOffice.message_key(),
            "office-kind-district-office"
        );
    }
}
