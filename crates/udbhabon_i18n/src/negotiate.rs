//! Choosing the reader's language: their own choice (a saved setting or the language cookie), else Bengali.
//!
//! The browser's `Accept-Language` is deliberately not consulted: most browsers in Bangladeshi offices
//! ship set to `en-US`, so honouring it would show English to the Bengali-first readers this system is
//! for. English is one click away and remembered once chosen.

use udbhabon_domain::Lang;

/// The language to answer in, from the reader's explicit choice if any.
pub fn negotiate(choice: Option<&str>) -> Lang {
    choice.and_then(Lang::from_tag).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_choice_the_answer_is_bengali() {
        assert_eq!(negotiate(None), Lang::Bn);
        assert_eq!(negotiate(Some("fr")), Lang::Bn);
    }

    #[test]
    fn a_reader_who_chose_english_gets_english() {
        assert_eq!(negotiate(Some("en")), Lang::En);
        assert_eq!(negotiate(Some("bn")), Lang::Bn);
    }
}
