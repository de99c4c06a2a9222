//! The counts a return asks for: the monthly e-filing return of decision 2.4 (domain.md §6) and the
//! monthly GRS return (domain-2.md §4). Each kind names its counts in the order of its form, the sums
//! a part may not exceed, and the share its boards show; a return's counts are kept by name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ValidationErrors;

/// A sum of counts that may not exceed another: the message goes to the last of `parts`.
#[derive(Debug)]
struct Limit {
    parts: &'static [&'static str],
    whole: &'static [&'static str],
    message_key: &'static str,
}

/// What a kind of return asks for.
#[derive(Debug)]
pub struct CountSet {
    /// The prefix of the counts' message keys: "e-filing" names "e-filing-dak-total".
    prefix: &'static str,
    /// The counts' names, in the order of the form.
    pub names: &'static [&'static str],
    limits: &'static [Limit],
    /// The share the boards show, in percent: these counts out of those.
    share: (&'static [&'static str], &'static [&'static str]),
}

/// The monthly e-filing return: letters received, files and notes, each in all and in e-Nothi; the
/// share is that of files handled in e-Nothi.
pub const E_FILING: CountSet = CountSet {
    prefix: "e-filing",
    names: &[
        "dak_total",
        "dak_e",
        "files_total",
        "files_e",
        "notes_total",
        "notes_e",
    ],
    limits: &[
        Limit {
            parts: &["dak_e"],
            whole: &["dak_total"],
            message_key: "error-count-more-than-total",
        },
        Limit {
            parts: &["files_e"],
            whole: &["files_total"],
            message_key: "error-count-more-than-total",
        },
        Limit {
            parts: &["notes_e"],
            whole: &["notes_total"],
            message_key: "error-count-more-than-total",
        },
    ],
    share: (&["files_e"], &["files_total"]),
};

/// The monthly GRS return: the grievances brought forward and received (online and on paper), those
/// settled within their time and after it, those still pending, and the appeals received and settled;
/// the share is that of grievances settled within their time among those settled.
pub const GRS: CountSet = CountSet {
    prefix: "grs-return",
    names: &[
        "brought_forward",
        "received_online",
        "received_offline",
        "settled_in_time",
        "settled_late",
        "pending",
        "appeals_received",
        "appeals_settled",
    ],
    limits: &[Limit {
        parts: &["settled_in_time", "settled_late", "pending"],
        whole: &["brought_forward", "received_online", "received_offline"],
        message_key: "error-grs-return-more-than-grievances",
    }],
    share: (&["settled_in_time"], &["settled_in_time", "settled_late"]),
};

/// A return's counts by name, kept as a JSON object of them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Counts(BTreeMap<String, u32>);

impl Counts {
    /// A count by its name; one the return does not hold is none.
    pub fn get(&self, name: &str) -> u32 {
        self.0.get(name).copied().unwrap_or(0)
    }

    fn sum(&self, names: &[&str]) -> u64 {
        names.iter().map(|name| u64::from(self.get(name))).sum()
    }
}

impl<const N: usize> From<[(&str, u32); N]> for Counts {
    fn from(counts: [(&str, u32); N]) -> Self {
        Self(
            counts
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        )
    }
}

/// The counts as typed, by name, in either script.
pub type TypedCounts = BTreeMap<String, String>;

impl CountSet {
    /// The message key naming a count ("e-filing-dak-total").
    pub fn label_key(&self, name: &str) -> String {
        format!("{}-{}", self.prefix, name.replace('_', "-"))
    }

    /// The message key naming the share ("e-filing-share").
    pub fn share_key(&self) -> String {
        format!("{}-share", self.prefix)
    }

    /// Whether the return asks for a count of this name.
    pub fn asks(&self, name: &str) -> bool {
        self.names.contains(&name)
    }

    /// The counts in the order of the form: (name, value).
    pub fn in_order<'a>(
        &'a self,
        counts: &'a Counts,
    ) -> impl Iterator<Item = (&'static str, u32)> + 'a {
        self.names.iter().map(|name| (*name, counts.get(name)))
    }

    /// Checks the counts as typed: whole numbers ("১,২০০" as grouped counts are often written),
    /// none negative, and no sum above the one it is part of.
    pub fn check(&self, typed: &TypedCounts) -> Result<Counts, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut counts = BTreeMap::new();
        for name in self.names {
            let text = typed.get(*name).map_or("", String::as_str);
            let value = bangla::digits::to_ascii_digits(text.trim()).replace(',', "");
            let problem = match value.parse::<i64>() {
                Ok(value) if value < 0 => "error-count-negative",
                Ok(value) => match u32::try_from(value) {
                    Ok(value) => {
                        counts.insert((*name).to_owned(), value);
                        continue;
                    }
                    Err(_) => "error-count",
                },
                Err(_) => "error-count",
            };
            errors.add(*name, problem);
        }
        let counts = Counts(counts);
        for limit in self.limits {
            let field = limit.parts.last().copied().unwrap_or_default();
            let unread = limit
                .parts
                .iter()
                .chain(limit.whole)
                .any(|name| !counts.0.contains_key(*name));
            if !unread && counts.sum(limit.parts) > counts.sum(limit.whole) {
                errors.add(field, limit.message_key);
            }
        }
        errors.into_result(counts)
    }

    /// The share over any number of returns, in percent; `None` when there is nothing to count it
    /// out of.
    pub fn share<'a>(&self, returns: impl IntoIterator<Item = &'a Counts>) -> Option<f64> {
        let (part, whole) = returns
            .into_iter()
            .fold((0_u64, 0_u64), |(part, whole), counts| {
                (
                    part + counts.sum(self.share.0),
                    whole + counts.sum(self.share.1),
                )
            });
        let as_float = |value: u64| f64::from(u32::try_from(value).unwrap_or(u32::MAX));
        (whole > 0).then(|| as_float(part) * 100.0 / as_float(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(set: &CountSet, values: &[&str]) -> TypedCounts {
        set.names
            .iter()
            .zip(values)
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn refused(set: &CountSet, values: &[&str]) -> Vec<(String, &'static str)> {
        set.check(&typed(set, values))
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| (error.field, error.message_key))
            .collect()
    }

    #[test]
    fn e_filing_counts_must_be_whole_not_negative_and_within_their_totals() {
        let counts = E_FILING
            .check(&typed(&E_FILING, &["১,২০০", "১০০", "৪০", "৩০", "৬০", "৪৫"]))
            .unwrap();
        assert_eq!((counts.get("dak_total"), counts.get("files_e")), (1200, 30));
        assert_eq!(
            refused(&E_FILING, &["-1", "0", "10", "12", "x", "0"]),
            [
                ("dak_total".to_owned(), "error-count-negative"),
                ("notes_total".to_owned(), "error-count"),
                ("files_e".to_owned(), "error-count-more-than-total"),
            ]
        );
    }

    #[test]
    fn the_e_filing_share_is_e_files_over_all_files_across_returns() {
        let a = Counts::from([("files_total", 40), ("files_e", 30)]);
        let b = Counts::from([("files_total", 60), ("files_e", 35)]);
        assert_eq!(E_FILING.share([&a, &b]), Some(65.0));
        assert_eq!(E_FILING.share([&Counts::default()]), None);
    }

    #[test]
    fn grievances_settled_and_pending_cannot_outnumber_those_to_settle() {
        // 4 brought forward, 10 + 2 received; 12 settled, 3 pending: 15 of 16.
        let counts = GRS
            .check(&typed(&GRS, &["৪", "১০", "২", "৯", "৩", "৩", "১", "০"]))
            .unwrap();
        assert_eq!(GRS.share([&counts]), Some(75.0));
        assert_eq!(
            refused(&GRS, &["0", "10", "0", "9", "1", "1", "0", "0"]),
            [(
                "pending".to_owned(),
                "error-grs-return-more-than-grievances"
            )]
        );
        // Nothing settled: no share to speak of.
        let none = Counts::from([("received_online", 3), ("pending", 3)]);
        assert_eq!(GRS.share([&none]), None);
    }

    #[test]
    fn counts_are_kept_as_an_object_of_names_the_e_filing_return_has_always_been() {
        let stored =
            r#"{"dak_total":5,"dak_e":4,"files_total":3,"files_e":2,"notes_total":1,"notes_e":0}"#;
        let counts: Counts = serde_json::from_str(stored).unwrap();
        assert_eq!(counts.get("dak_e"), 4);
        assert_eq!(
            E_FILING
                .in_order(&counts)
                .map(|(_, value)| value)
                .collect::<Vec<_>>(),
            [5, 4, 3, 2, 1, 0]
        );
    }
}
