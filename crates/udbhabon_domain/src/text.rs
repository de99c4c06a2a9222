//! Text kept in both of the system's languages, and the choice between them.

use serde::{Deserialize, Serialize};

/// The languages udbhabon speaks; Bengali is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Lang {
    #[default]
    Bn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Bn, Lang::En];

    /// The BCP 47 tag ("bn", "en").
    pub fn tag(self) -> &'static str {
        match self {
            Self::Bn => "bn",
            Self::En => "en",
        }
    }

    /// Reads a tag's primary language ("en-GB" is English); anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "bn" => Some(Self::Bn),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// A text in Bengali and English, as official records keep names and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bilingual {
    pub bn: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(bn: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            bn: bn.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Bengali when the English is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.bn,
        }
    }
}

/// The form a name is searched in: both languages, one spelling per Bengali letter, lower case. A
/// query folded the same way matches it by substring.
pub fn search_key(name: &Bilingual) -> String {
    format!(
        "{} {}",
        bangla::search_key(&name.bn),
        bangla::search_key(&name.en)
    )
}

/// A search query folded as `search_key` folds names.
pub fn fold_query(query: &str) -> String {
    bangla::search_key(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("BN_bd"), Some(Lang::Bn));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn a_name_is_found_by_either_language_and_either_spelling_of_ya() {
        // "হোসেন" typed with the two-part vowel sign, and ASCII case ignored.
        let key = search_key(&Bilingual::new(
            "এ.এস.এম. মেহরাব হোসেন",
            "A.S.M. Mehrab Hossain",
        ));
        assert!(key.contains(&bangla::search_key("হ\u{09C7}\u{09BE}সেন")));
        assert!(key.contains(&bangla::search_key("MEHRAB")));
    }

    #[test]
    fn missing_english_falls_back_to_bengali() {
        let name = Bilingual::new("আইসিটি সেল", "");
        assert_eq!(name.get(Lang::En), "আইসিটি সেল");
        assert_eq!(
            Bilingual::new("আইসিটি সেল", "ICT Cell").get(Lang::En),
            "ICT Cell"
        );
    }
}
