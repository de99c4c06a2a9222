//! Bengali word forms the documents build from names: the genitive ("মন্ত্রণালয়" → "মন্ত্রণালয়ের").

/// The genitive of a noun or a name, formed as its last letter asks: after a vowel sign "র" (সভা →
/// সভার), after a consonant with its inherent vowel "ের" (মন্ত্রণালয় → মন্ত্রণালয়ের, বৈঠক → বৈঠকের),
/// and after a digit, a Latin letter or anything else "-এর" (২০২৬ → ২০২৬-এর).
pub fn genitive(noun: &str) -> String {
    let ending = match noun.chars().last() {
        // A dependent vowel sign (া ি ী ু ূ ৃ ে ৈ ো ৌ), or the length mark ৗ that ends a typed ৌ.
        Some('\u{09BE}'..='\u{09CC}' | '\u{09D7}') => "র",
        // A consonant; য় and ড় may end in the nukta.
        Some('\u{0995}'..='\u{09B9}' | '\u{09BC}' | '\u{09DC}'..='\u{09DF}') => "ের",
        _ => "-এর",
    };
    format!("{noun}{ending}")
}

#[cfg(test)]
mod tests {
    use super::genitive;

    #[test]
    fn the_genitive_follows_the_last_letter() {
        assert_eq!(genitive("সভা"), "সভার");
        assert_eq!(genitive("কমিটি"), "কমিটির");
        assert_eq!(genitive("বৈঠক"), "বৈঠকের");
        // য় precomposed and as য + nukta.
        assert_eq!(genitive("মন্ত্রণালয়"), "মন্ত্রণালয়ের");
        assert_eq!(
            genitive("মন্ত্রণাল\u{09AF}\u{09BC}"),
            "মন্ত্রণাল\u{09AF}\u{09BC}ের"
        );
        assert_eq!(genitive("কর্মশালা ২০২৬"), "কর্মশালা ২০২৬-এর");
        assert_eq!(genitive("ICT Cell"), "ICT Cell-এর");
    }
}
