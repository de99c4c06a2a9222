//! Bangladeshi number grouping (lakh, crore: `12,34,567`), fixed-point decimals and taka amounts, both ways.
//!
//! Amounts are exact integers in their smallest unit (paisa for taka, hundredths for two decimals), never
//! floats, so formatting and parsing cannot drift.

use crate::digits::{ParseNumberError, accumulate_digits, split_sign, to_bengali_digits};

/// Paisa in one taka.
const PAISA_PER_TAKA_DECIMALS: u8 = 2;

/// `1234567` → `"12,34,567"`; `-1000` → `"-1,000"`. ASCII digits.
pub fn format_grouped_en(value: i64) -> String {
    format_decimal_en(value, 0)
}

/// `1234567` → `"১২,৩৪,৫৬৭"`. Bengali digits.
pub fn format_grouped_bn(value: i64) -> String {
    format_decimal_bn(value, 0)
}

/// A fixed-point amount given in units of 10^-`decimals`, grouped Bangladeshi style, ASCII digits:
/// `format_decimal_en(123456750, 2)` → `"12,34,567.50"`.
pub fn format_decimal_en(scaled: i64, decimals: u8) -> String {
    let digits = scaled.unsigned_abs().to_string();
    let decimals = usize::from(decimals);
    // Left-pad so there is at least one integer digit: 5 with two decimals is "0.05".
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (integer, fraction) = padded.split_at(padded.len() - decimals);

    let mut out = String::with_capacity(padded.len() + padded.len() / 2 + 2);
    if scaled < 0 {
        out.push('-');
    }
    push_grouped(&mut out, integer);
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// As [`format_decimal_en`], in Bengali digits: `format_decimal_bn(123456750, 2)` → `"১২,৩৪,৫৬৭.৫০"`.
pub fn format_decimal_bn(scaled: i64, decimals: u8) -> String {
    to_bengali_digits(&format_decimal_en(scaled, decimals))
}

/// A taka amount given in paisa: `123456750` → `"৳ ১২,৩৪,৫৬৭.৫০"`; negative amounts put the minus sign
/// first: `"-৳ ১,০০০.০০"`.
pub fn format_taka_bn(paisa: i64) -> String {
    let signed = format_decimal_bn(paisa, PAISA_PER_TAKA_DECIMALS);
    match signed.strip_prefix('-') {
        Some(magnitude) => format!("-৳ {magnitude}"),
        None => format!("৳ {signed}"),
    }
}

/// A taka amount given in paisa, English style: `123456750` → `"Tk 12,34,567.50"`; negative:
/// `"-Tk 1,000.00"`.
pub fn format_taka_en(paisa: i64) -> String {
    let signed = format_decimal_en(paisa, PAISA_PER_TAKA_DECIMALS);
    match signed.strip_prefix('-') {
        Some(magnitude) => format!("-Tk {magnitude}"),
        None => format!("Tk {signed}"),
    }
}

/// Reads an integer in either digit script, with or without grouping commas: `"১২,৩৪,৫৬৭"`, `"1,234,567"`,
/// `"1234567"`, `"-১,০০০"`. Commas must follow the Bangladeshi or the international pattern.
pub fn parse_grouped(text: &str) -> Result<i64, ParseNumberError> {
    parse_decimal(text, 0)
}

/// Reads a fixed-point amount and returns it in units of 10^-`decimals`: `parse_decimal("১২,৩৪,৫৬৭.৫", 2)`
/// → `123456750`. Fewer decimal digits than `decimals` are padded; more are an error rather than rounded.
pub fn parse_decimal(text: &str, decimals: u8) -> Result<i64, ParseNumberError> {
    narrow(parse_scaled(text, decimals)?)
}

/// Reads a taka amount and returns paisa. Accepts `"৳ ১২,৩৪,৫৬৭.৫০"`, `"Tk 12,34,567.50"`, `"Tk. 500/-"`,
/// `"BDT 500"`, `"৫০০ টাকা"`, `"-৳ ১০০"` and `"৳ -১০০"`; the currency marker is optional.
pub fn parse_taka(text: &str) -> Result<i64, ParseNumberError> {
    let text = text.trim();
    let (outer_negative, unsigned) = split_sign(text);
    let outer_sign_given = unsigned.len() < text.len();
    let rest = strip_currency_prefix(unsigned.trim_start());
    if outer_sign_given {
        // A second sign after the currency marker ("-৳ -100") is a typo, not a double negative.
        if let Some(sign) = rest.chars().next().filter(|c| matches!(c, '+' | '-')) {
            return Err(ParseNumberError::InvalidCharacter(sign));
        }
    }
    // "/-" after an amount is the Bangladeshi way of saying "and no paisa"; "টাকা" spells the unit out.
    let rest = rest.trim_end();
    let rest = rest.strip_suffix("/-").unwrap_or(rest).trim_end();
    let rest = rest.strip_suffix("টাকা").unwrap_or(rest).trim_end();
    let paisa = parse_scaled(rest, PAISA_PER_TAKA_DECIMALS)?;
    narrow(if outer_negative { -paisa } else { paisa })
}

/// The signed value of a fixed-point number in units of 10^-`decimals`. Kept wider than `i64` so that
/// `i64::MIN`, whose magnitude `i64` cannot hold, still reads back.
fn parse_scaled(text: &str, decimals: u8) -> Result<i128, ParseNumberError> {
    let (negative, unsigned) = split_sign(text.trim());
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) if !fraction.is_empty() => (integer, fraction),
        Some(_) => return Err(ParseNumberError::InvalidCharacter('.')),
        None => (unsigned, ""),
    };
    let fraction_places = fraction.chars().count();
    if fraction_places > usize::from(decimals) {
        return Err(ParseNumberError::TooManyDecimals);
    }

    let integer_value = i128::from(accumulate_digits(&ungroup(integer)?)?);
    let fraction_value = if fraction.is_empty() {
        0
    } else {
        i128::from(accumulate_digits(fraction)?)
    };
    // Pad "৫" to "৫০" when two places are wanted.
    let missing_places = usize::from(decimals) - fraction_places;
    let magnitude = pow10(usize::from(decimals))
        .and_then(|scale| integer_value.checked_mul(scale))
        .zip(pow10(missing_places).and_then(|pad| fraction_value.checked_mul(pad)))
        .and_then(|(whole, part)| whole.checked_add(part))
        .ok_or(ParseNumberError::OutOfRange)?;
    Ok(if negative { -magnitude } else { magnitude })
}

fn pow10(exponent: usize) -> Option<i128> {
    10i128.checked_pow(u32::try_from(exponent).ok()?)
}

fn narrow(value: i128) -> Result<i64, ParseNumberError> {
    i64::try_from(value).map_err(|_| ParseNumberError::OutOfRange)
}

/// Removes a leading `৳`, `Tk`, `Tk.` or `BDT` (any letter case) and the space after it.
fn strip_currency_prefix(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('৳') {
        return rest.trim_start();
    }
    for marker in ["tk.", "tk", "bdt"] {
        let matches = text
            .get(..marker.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(marker));
        if matches {
            return text[marker.len()..].trim_start();
        }
    }
    text
}

/// Appends a run of ASCII digits with Bangladeshi commas: the last three digits, then pairs.
fn push_grouped(out: &mut String, integer: &str) {
    let len = integer.len();
    if len <= 3 {
        out.push_str(integer);
        return;
    }
    let (lakhs_and_up, hundreds) = integer.split_at(len - 3);
    // An odd count leaves a single leading digit before the first pair.
    let lead = lakhs_and_up.len() % 2;
    if lead == 1 {
        out.push_str(&lakhs_and_up[..1]);
    }
    for (index, pair) in lakhs_and_up.as_bytes()[lead..].chunks(2).enumerate() {
        if index > 0 || lead == 1 {
            out.push(',');
        }
        out.extend(pair.iter().map(|&b| char::from(b)));
    }
    out.push(',');
    out.push_str(hundreds);
}

/// The digits of an integer part with its commas removed, after checking the commas sit where either the
/// Bangladeshi (`12,34,567`) or the international (`1,234,567`) convention puts them.
fn ungroup(integer: &str) -> Result<String, ParseNumberError> {
    if !integer.contains(',') {
        return Ok(integer.to_owned());
    }
    let groups: Vec<usize> = integer.split(',').map(|g| g.chars().count()).collect();
    let (first, rest) = groups.split_first().ok_or(ParseNumberError::BadGrouping)?;
    let (last, middle) = rest.split_last().ok_or(ParseNumberError::BadGrouping)?;
    let bangladeshi = (1..=2).contains(first) && *last == 3 && middle.iter().all(|&g| g == 2);
    let international = (1..=3).contains(first) && *last == 3 && middle.iter().all(|&g| g == 3);
    if bangladeshi || international {
        Ok(integer.replace(',', ""))
    } else {
        Err(ParseNumberError::BadGrouping)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn twelve_lakh_thirty_four_thousand_is_grouped_in_lakhs() {
        assert_eq!(format_grouped_en(1_234_567), "12,34,567");
        assert_eq!(format_grouped_bn(1_234_567), "১২,৩৪,৫৬৭");
    }

    #[test]
    fn crores_keep_grouping_in_pairs() {
        assert_eq!(format_grouped_en(123_456_789), "12,34,56,789");
        assert_eq!(format_grouped_en(1_234_567_890), "1,23,45,67,890");
        assert_eq!(format_grouped_en(i64::MAX), "92,23,37,20,36,85,47,75,807");
    }

    #[test]
    fn small_and_negative_numbers_are_grouped_correctly() {
        assert_eq!(format_grouped_en(0), "0");
        assert_eq!(format_grouped_en(999), "999");
        assert_eq!(format_grouped_en(1000), "1,000");
        assert_eq!(format_grouped_en(10_000), "10,000");
        assert_eq!(format_grouped_en(100_000), "1,00,000");
        assert_eq!(format_grouped_en(-1000), "-1,000");
        assert_eq!(format_grouped_en(i64::MIN), "-92,23,37,20,36,85,47,75,808");
    }

    #[test]
    fn decimals_come_from_an_exact_integer() {
        assert_eq!(format_decimal_bn(123_456_750, 2), "১২,৩৪,৫৬৭.৫০");
        assert_eq!(format_decimal_en(5, 2), "0.05");
        assert_eq!(format_decimal_en(-5, 2), "-0.05");
        assert_eq!(format_decimal_en(855, 1), "85.5");
    }

    #[test]
    fn taka_amounts_are_written_with_the_symbol_or_tk() {
        assert_eq!(format_taka_bn(123_456_750), "৳ ১২,৩৪,৫৬৭.৫০");
        assert_eq!(format_taka_en(123_456_750), "Tk 12,34,567.50");
        assert_eq!(format_taka_bn(-100_000), "-৳ ১,০০০.০০");
        assert_eq!(format_taka_en(-100_000), "-Tk 1,000.00");
        assert_eq!(format_taka_en(0), "Tk 0.00");
        assert_eq!(format_taka_bn(i64::MIN), "-৳ ৯২,২৩,৩৭,২০,৩৬,৮৫,৪৭,৭৫৮.০৮");
    }

    #[test]
    fn grouped_numbers_parse_in_both_conventions_and_scripts() {
        assert_eq!(parse_grouped("১২,৩৪,৫৬৭"), Ok(1_234_567));
        assert_eq!(parse_grouped("1,234,567"), Ok(1_234_567));
        assert_eq!(parse_grouped("1234567"), Ok(1_234_567));
        assert_eq!(parse_grouped("-১,০০০"), Ok(-1000));
        assert_eq!(parse_grouped("12,345"), Ok(12_345));
    }

    #[test]
    fn misplaced_commas_are_rejected() {
        assert_eq!(parse_grouped("1,2"), Err(ParseNumberError::BadGrouping));
        assert_eq!(parse_grouped("1,00"), Err(ParseNumberError::BadGrouping));
        assert_eq!(
            parse_grouped("12,34,5678"),
            Err(ParseNumberError::BadGrouping)
        );
        assert_eq!(parse_grouped(",100"), Err(ParseNumberError::BadGrouping));
        assert_eq!(
            parse_grouped("1,23,456,789"),
            Err(ParseNumberError::BadGrouping)
        );
    }

    #[test]
    fn decimals_parse_exactly_and_refuse_to_round() {
        assert_eq!(parse_decimal("১২,৩৪,৫৬৭.৫০", 2), Ok(123_456_750));
        assert_eq!(parse_decimal("১২,৩৪,৫৬৭.৫", 2), Ok(123_456_750));
        assert_eq!(parse_decimal("0.05", 2), Ok(5));
        assert_eq!(parse_decimal("-0.05", 2), Ok(-5));
        assert_eq!(
            parse_decimal("1.005", 2),
            Err(ParseNumberError::TooManyDecimals)
        );
        assert_eq!(
            parse_decimal("1.", 2),
            Err(ParseNumberError::InvalidCharacter('.'))
        );
        assert_eq!(
            parse_decimal("1.5", 0),
            Err(ParseNumberError::TooManyDecimals)
        );
        assert_eq!(
            parse_decimal("92233720368547758.08", 2),
            Err(ParseNumberError::OutOfRange)
        );
    }

    #[test]
    fn taka_parses_with_any_common_marker() {
        assert_eq!(parse_taka("৳ ১২,৩৪,৫৬৭.৫০"), Ok(123_456_750));
        assert_eq!(parse_taka("Tk 12,34,567.50"), Ok(123_456_750));
        assert_eq!(parse_taka("Tk. 500/-"), Ok(50_000));
        assert_eq!(parse_taka("BDT 500"), Ok(50_000));
        assert_eq!(parse_taka("৫০০ টাকা"), Ok(50_000));
        assert_eq!(parse_taka("-৳ ১০০"), Ok(-10_000));
        assert_eq!(parse_taka("৳ -১০০"), Ok(-10_000));
        assert_eq!(parse_taka("৳১০০"), Ok(10_000));
        assert_eq!(
            parse_taka("-৳ -১০০"),
            Err(ParseNumberError::InvalidCharacter('-'))
        );
        assert_eq!(parse_taka("৳"), Err(ParseNumberError::Empty));
    }

    proptest! {
        #[test]
        fn grouped_integers_parse_back_in_either_script(value: i64) {
            prop_assert_eq!(parse_grouped(&format_grouped_bn(value)), Ok(value));
            prop_assert_eq!(parse_grouped(&format_grouped_en(value)), Ok(value));
        }

        #[test]
        fn decimals_parse_back_at_any_scale(value: i64, decimals in 0u8..=18) {
            prop_assert_eq!(parse_decimal(&format_decimal_bn(value, decimals), decimals), Ok(value));
        }

        #[test]
        fn taka_amounts_parse_back(paisa: i64) {
            prop_assert_eq!(parse_taka(&format_taka_bn(paisa)), Ok(paisa));
            prop_assert_eq!(parse_taka(&format_taka_en(paisa)), Ok(paisa));
        }
    }
}
