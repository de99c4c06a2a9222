//! Words for full-text search in Bengali and English: text cut into words in their search form (see
//! [`search_key`]) the way the search indexes cut it, and a query's words reduced to stems that find
//! the inflected forms by prefix.

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::search_key;

/// Words too common to tell one record from another: these never make a search term.
const STOP_WORDS: &[&str] = &[
    "ও",
    "এবং",
    "বা",
    "এর",
    "করা",
    "করে",
    "হয়",
    "হবে",
    "জন্য",
    "থেকে",
    "দিয়ে",
    "একটি",
    "না",
    "নেই",
    "a",
    "an",
    "and",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
];

/// Whether `c` belongs to a word: letters, digits and marks (a Bengali vowel sign, virama or nukta is
/// a mark, and cutting there would split the word), as the indexes' tokenizers are set up.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_bengali_mark(c)
}

fn is_bengali_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}' | '\u{09BE}'..='\u{09CD}' | '\u{09D7}' | '\u{09E2}'..='\u{09E3}')
}

/// The words of `text` in their search form, in order.
pub fn words(text: &str) -> Vec<String> {
    search_key(text)
        .split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Noun endings, longest first where one ends another: plural markers, then case endings.
const BENGALI_SUFFIXES: &[&str] = &[
    "সমূহ",
    "গুলো",
    "গুলি",
    "দের",
    "েরা",
    "রা",
    "য়ের",
    "ের",
    "এর",
    "কে",
    "তে",
    "টি",
    "টা",
    "য়",
    "ে",
    "র",
];

/// How many letters a word has, leaving out its vowel signs and other marks.
fn letters(word: &str) -> usize {
    word.chars().filter(|c| !is_bengali_mark(*c)).count()
}

/// A Bengali noun without its endings (শ্রমিকদের → শ্রমিক, সেবাসমূহের → সেবা), following the rule-based
/// stemmer of Mahmud et al. (ICACCI 2014): endings come off one at a time while two letters remain,
/// and র only after a vowel sign (সেবার, not কর). Written here because the crate implementing it
/// (`mul` 0.1) slices bytes as if every character took three and panics on short words (ররাতে), which
/// a search box must not.
fn bengali_stem(word: &str) -> String {
    let suffixes: Vec<String> = BENGALI_SUFFIXES
        .iter()
        .map(|suffix| search_key(suffix))
        .collect();
    let mut stem = word;
    for _ in 0..3 {
        let shorter = suffixes.iter().find_map(|suffix| {
            let rest = stem.strip_suffix(suffix.as_str())?;
            let after_vowel_sign = rest
                .chars()
                .last()
                .is_some_and(|c| ('\u{09BE}'..='\u{09CC}').contains(&c));
            (letters(rest) >= 2 && (suffix != "র" || after_vowel_sign)).then_some(rest)
        });
        match shorter {
            Some(rest) => stem = rest,
            None => break,
        }
    }
    stem.to_owned()
}

fn common_prefix(word: &str, stem: &str) -> String {
    word.chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(c, _)| c)
        .collect()
}

/// The search stems of a query: its words without the common ones, each cut to its stem (Bengali by
/// stripping noun endings, English by Snowball), each once, in order. A stem is meant as a prefix:
/// সেবাসমূহ gives সেবা, which finds সেবা, সেবার and সেবাসমূহ.
pub fn stems(text: &str) -> Vec<String> {
    let english = Stemmer::create(Algorithm::English);
    let stop_words: Vec<String> = STOP_WORDS.iter().map(|word| search_key(word)).collect();
    let mut stems: Vec<String> = Vec::new();
    for word in words(text) {
        // A single letter (ই of ই-নথি) would find every word beginning with it.
        if stop_words.contains(&word) || letters(&word) < 2 {
            continue;
        }
        let stem = if word.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
            bengali_stem(&word)
        } else {
            english.stem(&word).into_owned()
        };
        // Stemmers may rewrite an ending (Snowball's ministry → ministri): what the word and its stem
        // share is what a prefix search can use.
        let stem = common_prefix(&word, &stem);
        let stem = if letters(&stem) < 2 { word } else { stem };
        if !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    stems
}

/// How many of `stems` begin some word of `text`: how much of a query a record answers.
pub fn matched(stems: &[String], text: &str) -> usize {
    let words = words(text);
    stems
        .iter()
        .filter(|stem| words.iter().any(|word| word.starts_with(stem.as_str())))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_vowel_signs_and_conjuncts() {
        assert_eq!(
            words("শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের ই-ফাইলিং।"),
            [
                "শ্রম",
                "ও",
                "কর্মসংস্থান",
                &search_key("মন্ত্রণালয়ের"),
                "ই",
                "ফাইলিং"
            ]
        );
    }

    #[test]
    fn inflected_forms_share_a_stem_that_prefixes_them() {
        for form in ["সেবা", "সেবার", "সেবাসমূহ", "সেবাগুলো"]
        {
            let stem = &stems(form)[0];
            assert!("সেবা".starts_with(stem.as_str()), "{form} gave {stem}");
        }
        let stem = &stems("মন্ত্রণালয়ের")[0];
        assert!(search_key("মন্ত্রণালয়").starts_with(stem.as_str()), "{stem}");
    }

    #[test]
    fn endings_come_off_one_at_a_time_while_two_letters_remain() {
        assert_eq!(bengali_stem("শ্রমিকদের"), "শ্রমিক");
        // Words arrive in their search form, where সমূহ reads সমুহ.
        assert_eq!(bengali_stem(&search_key("সেবাসমূহের")), "সেবা");
        assert_eq!(bengali_stem("শ্রমিকেরা"), "শ্রমিক");
        assert_eq!(bengali_stem("ররাতে"), "ররা");
        assert_eq!(bengali_stem("কর"), "কর");
        assert_eq!(bengali_stem("রা"), "রা");
    }

    #[test]
    fn english_words_are_stemmed_and_common_words_dropped() {
        assert_eq!(stems("The Services of the Ministry"), ["servic", "ministr"]);
    }

    #[test]
    fn a_record_answers_the_stems_its_words_begin_with() {
        let stems = stems("কারখানার লাইসেন্স নবায়ন");
        assert_eq!(matched(&stems, "অনলাইনে লাইসেন্সের নবায়নের আবেদন"), 2);
        assert_eq!(matched(&stems, "ই-নথি"), 0);
    }

    #[test]
    fn common_bengali_words_make_no_terms() {
        assert_eq!(stems("ও এবং জন্য"), Vec::<String>::new());
    }
}
