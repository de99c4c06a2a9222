//! Looking up messages in the compiled-in Fluent catalogues.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use udbhabon_domain::Lang;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "bn",
        // Fluent wraps arguments in invisible direction marks by default; pages and PDFs must carry
        // the plain text that officers copy and search.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Marks a message that is missing from a catalogue; page tests fail when it appears.
pub const MISSING_MARK: char = '⟦';

static BN: LanguageIdentifier = langid!("bn");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Bn => &BN,
        Lang::En => &EN,
    }
}

/// The message `key` in `lang`; a missing one shows as "⟦key⟧" so that it is seen and tested for.
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(id(lang), key)
        .unwrap_or_else(|| format!("{MISSING_MARK}{key}⟧"))
}

/// The message `key` in `lang` with named arguments, each already written for that language.
pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
        .collect();
    LOCALES
        .try_lookup_with_args(id(lang), key, &args)
        .unwrap_or_else(|| format!("{MISSING_MARK}{key}⟧"))
}

/// The message ids a catalogue defines, read from its source files (for the parity test).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::Bn => include_str!("../locales/bn/main.ftl"),
        Lang::En => include_str!("../locales/en/main.ftl"),
    };
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_define_the_same_messages() {
        let mut bn = message_ids(Lang::Bn);
        let mut en = message_ids(Lang::En);
        bn.sort();
        en.sort();
        let only_bn: Vec<_> = bn.iter().filter(|id| !en.contains(id)).collect();
        let only_en: Vec<_> = en.iter().filter(|id| !bn.contains(id)).collect();
        assert!(
            only_bn.is_empty() && only_en.is_empty(),
            "only in bn: {only_bn:?}; only in en: {only_en:?}"
        );
    }

    #[test]
    fn every_message_resolves_in_both_languages() {
        for lang in Lang::ALL {
            // A message with a placeable resolves only when given its arguments: give every
            // variable any message of the catalogue uses.
            let source = match lang {
                Lang::Bn => include_str!("../locales/bn/main.ftl"),
                Lang::En => include_str!("../locales/en/main.ftl"),
            };
            let args: Vec<(&'static str, String)> = source
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split_once(' ').map(|(name, _)| name))
                .map(|name| (&*String::leak(name.to_owned()), "x".to_owned()))
                .collect();
            for id in message_ids(lang) {
                let text = t_args(lang, &id, &args);
                assert!(!text.contains(MISSING_MARK), "{} has no {id}", lang.tag());
            }
        }
    }

    /// Every value of every closed vocabulary is named in both languages.
    #[test]
    fn every_vocabulary_value_has_a_name_in_both_languages() {
        use udbhabon_domain::Vocabulary;
        fn keys<V: Vocabulary>(message_key: fn(V) -> String) -> Vec<String> {
            V::ALL.iter().map(|value| message_key(*value)).collect()
        }
        use udbhabon_domain::{
            account::access, meeting, office, office::person, plan::progress, plan::score, team,
        };
        let all = [
            keys(access::Role::message_key),
            keys(office::OfficeKind::message_key),
            keys(office::UnitLevel::message_key),
            keys(team::TeamRole::message_key),
            keys(person::Charge::message_key),
            keys(meeting::MeetingKind::message_key),
            keys(progress::PlanStatus::message_key),
            keys(progress::EntryStatus::message_key),
            keys(score::MeasureUnit::message_key),
            keys(score::Direction::message_key),
            keys(score::ScoringRule::message_key),
            keys(score::Calculation::message_key),
        ];
        for lang in Lang::ALL {
            for key in all.iter().flatten() {
                assert!(
                    !t(lang, key).contains(MISSING_MARK),
                    "{} has no {key}",
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn arguments_are_inserted_without_invisible_marks() {
        let text = t_args(Lang::Bn, "team-members-count", &[("count", "৯".into())]);
        assert_eq!(text, "সদস্য ৯ জন");
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn a_missing_message_is_marked() {
        assert_eq!(t(Lang::En, "no-such-message"), "⟦no-such-message⟧");
    }
}
