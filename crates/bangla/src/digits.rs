//! Bengali digits (০–৯): converting text between scripts and reading plain integers written in either.

use std::error::Error;
use std::fmt;

/// Bengali digit zero, U+09E6; the other nine follow it in order, one-to-one with ASCII 0–9.
const BENGALI_ZERO: u32 = 0x09E6;

/// Why a number could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseNumberError {
    /// Nothing but white space was given.
    Empty,
    /// A character that has no place in a number of this kind.
    InvalidCharacter(char),
    /// Commas that follow neither the Bangladeshi (`12,34,567`) nor the international (`1,234,567`) pattern.
    BadGrouping,
    /// More digits after the decimal point than the amount can hold.
    TooManyDecimals,
    /// The value does not fit the target type.
    OutOfRange,
}

impl fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("no number given"),
            Self::InvalidCharacter(c) => write!(f, "unexpected character {c:?} in a number"),
            Self::BadGrouping => {
                f.write_str("digit groups separated by commas in the wrong places")
            }
            Self::TooManyDecimals => f.write_str("too many digits after the decimal point"),
            Self::OutOfRange => f.write_str("number out of range"),
        }
    }
}

impl Error for ParseNumberError {}

/// The value of an ASCII or Bengali digit, or `None` for any other character.
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    let offset = u32::from(c).wrapping_sub(BENGALI_ZERO);
    // A wrapped subtraction is huge for characters below ০, so one comparison checks both ends.
    (offset < 10).then_some(offset as u8)
}

/// The Bengali digit for a value 0–9, or `None` above 9.
pub fn bengali_digit(value: u8) -> Option<char> {
    if value < 10 {
        char::from_u32(BENGALI_ZERO + u32::from(value))
    } else {
        None
    }
}

/// Replaces every ASCII digit with its Bengali counterpart and leaves all other text alone.
///
/// `"স্মারক নং 40.00"` becomes `"স্মারক নং ৪০.০০"`.
pub fn to_bengali_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => bengali_digit(c as u8 - b'0').unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replaces every Bengali digit with its ASCII counterpart and leaves all other text alone.
///
/// Storage and search use ASCII digits; this is the normalising direction.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(value) => char::from(b'0' + value),
            None => c,
        })
        .collect()
}

/// Reads a non-negative integer such as `"৪০"`, `"40"` or `"4০"` (scripts may mix). Surrounding white
/// space is ignored; signs, commas and decimal points are not accepted.
pub fn parse_u32(text: &str) -> Result<u32, ParseNumberError> {
    let digits = text.trim();
    let value = accumulate_digits(digits)?;
    u32::try_from(value).map_err(|_| ParseNumberError::OutOfRange)
}

/// Reads an integer with an optional leading `+` or `-`, in either digit script. Surrounding white space
/// is ignored; commas and decimal points are not accepted (see [`crate::number::parse_grouped`] for those).
pub fn parse_i64(text: &str) -> Result<i64, ParseNumberError> {
    let (negative, digits) = split_sign(text.trim());
    let magnitude = accumulate_digits(digits)?;
    let signed = if negative {
        -i128::from(magnitude)
    } else {
        i128::from(magnitude)
    };
    i64::try_from(signed).map_err(|_| ParseNumberError::OutOfRange)
}

/// Splits an optional leading sign off a number: `(is_negative, rest)`.
pub(crate) fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else {
        (false, text)
    }
}

/// The value of a run of digits (either script). A `u64` holds every magnitude an `i64` can have, so
/// callers narrow from here.
pub(crate) fn accumulate_digits(digits: &str) -> Result<u64, ParseNumberError> {
    if digits.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    digits.chars().try_fold(0u64, |total, c| {
        let value = digit_value(c).ok_or(ParseNumberError::InvalidCharacter(c))?;
        total
            .checked_mul(10)
            .and_then(|t| t.checked_add(u64::from(value)))
            .ok_or(ParseNumberError::OutOfRange)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn memo_number_digits_become_bengali_inside_text() {
        assert_eq!(to_bengali_digits("স্মারক নং 40.00"), "স্মারক নং ৪০.০০");
        assert_eq!(
            to_bengali_digits("40.00.0000.036.32.0006.17.5"),
            "৪০.০০.০০০০.০৩৬.৩২.০০০৬.১৭.৫"
        );
    }

    #[test]
    fn bengali_digits_become_ascii_inside_text() {
        assert_eq!(to_ascii_digits("তারিখ: ০৬.১১.২০২৫"), "তারিখ: 06.11.2025");
        assert_eq!(to_ascii_digits("০১২৩৪৫৬৭৮৯"), "0123456789");
    }

    #[test]
    fn every_digit_value_is_read_in_both_scripts() {
        for value in 0..10u8 {
            let bengali = bengali_digit(value).expect("0-9 have Bengali digits");
            assert_eq!(digit_value(bengali), Some(value));
            assert_eq!(digit_value(char::from(b'0' + value)), Some(value));
        }
        assert_eq!(bengali_digit(10), None);
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('\u{09E5}'), None);
        assert_eq!(digit_value('\u{09F0}'), None);
    }

    #[test]
    fn plain_integers_parse_in_either_script() {
        assert_eq!(parse_u32("৪০"), Ok(40));
        assert_eq!(parse_u32(" 2026 "), Ok(2026));
        assert_eq!(parse_u32("২0২৬"), Ok(2026));
        assert_eq!(parse_i64("-১২৩"), Ok(-123));
        assert_eq!(parse_i64("+৭"), Ok(7));
        assert_eq!(parse_i64("-9223372036854775808"), Ok(i64::MIN));
    }

    #[test]
    fn malformed_integers_are_rejected_with_a_reason() {
        assert_eq!(parse_u32(""), Err(ParseNumberError::Empty));
        assert_eq!(
            parse_u32("-1"),
            Err(ParseNumberError::InvalidCharacter('-'))
        );
        assert_eq!(
            parse_u32("১,০০০"),
            Err(ParseNumberError::InvalidCharacter(','))
        );
        assert_eq!(parse_u32("4294967296"), Err(ParseNumberError::OutOfRange));
        assert_eq!(
            parse_i64("9223372036854775808"),
            Err(ParseNumberError::OutOfRange)
        );
        assert_eq!(parse_i64("-"), Err(ParseNumberError::Empty));
    }

    proptest! {
        #[test]
        fn converting_to_bengali_and_back_restores_ascii_text(text in "\\PC*") {
            prop_assert_eq!(to_ascii_digits(&to_bengali_digits(&text)), to_ascii_digits(&text));
            prop_assert!(!to_bengali_digits(&text).chars().any(|c| c.is_ascii_digit()));
        }

        #[test]
        fn any_u32_written_in_bengali_parses_back(value: u32) {
            prop_assert_eq!(parse_u32(&to_bengali_digits(&value.to_string())), Ok(value));
        }

        #[test]
        fn any_i64_written_in_bengali_parses_back(value: i64) {
            prop_assert_eq!(parse_i64(&to_bengali_digits(&value.to_string())), Ok(value));
        }
    }
}
