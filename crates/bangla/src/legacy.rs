//! Recognising Bengali typed in a legacy (pre-Unicode) encoding such as Bijoy's SutonnyMJ, which shows
//! up as Latin letters and symbols once it leaves the font it was typed for ("miKvi‡K" for সরকারকে).

/// Symbols Bijoy puts where Unicode has a Bengali vowel sign or conjunct: ‡ for ে, © for reph, ¨ for
/// য-ফলা, ˆ for ৈ, Š for ৌ's first part, and the Latin-1 letters its conjuncts take. English text in a
/// Bengali column rarely has any of them; Bijoy text nearly always has ‡, since ে is among the most
/// frequent signs of the language.
const BIJOY_MARKS: &[char] = &[
    '‡', '†', 'ˆ', '‰', 'Š', '‹', 'Œ', '©', 'ª', '¨', '¯', '¸', '¹', 'º', '¼', '½', '¾', 'Ö', 'Ø',
    'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß', 'ÿ', 'µ', '¶', '·', '¤', '¥', '¦', '§', 'Ð', 'Ñ', 'Ò', 'Ó',
];

/// Whether `text` reads as Bengali in a legacy encoding rather than Unicode: no Bengali letter at all,
/// and at least one of the symbols such encodings use for vowel signs and conjuncts. (Telling it
/// apart for certain needs a dictionary; this errs towards asking, never towards storing garbage.)
/// No crate recognises these encodings, so the rule is written here.
pub fn looks_like_legacy_bengali(text: &str) -> bool {
    let has_bengali = text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c));
    !has_bengali && text.chars().any(|c| BIJOY_MARKS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bijoy_text_is_recognised() {
        // "বাংলাদেশ সরকারের সেবা" typed in SutonnyMJ.
        assert!(looks_like_legacy_bengali("evsjv‡`k miKv‡ii ‡mev"));
        // "কর্মসংস্থান", with its reph.
        assert!(looks_like_legacy_bengali("Kg©ms¯’vb"));
    }

    #[test]
    fn unicode_bengali_and_plain_english_are_not() {
        assert!(!looks_like_legacy_bengali("বাংলাদেশ সরকারের সেবা"));
        assert!(!looks_like_legacy_bengali("Online licence renewal (2025)"));
        assert!(!looks_like_legacy_bengali("সেবা © ২০২৬"));
        assert!(!looks_like_legacy_bengali(""));
    }
}
