//! Memo numbers (স্মারক নম্বর): the government's dotted file number, the letter serial and copy endorsements.
//!
//! Two file-number forms are in use (domain.md §7): the 18-digit form of the 2014 Secretariat
//! Instructions (groups 2-2-4-3-2-3-2) and the 22-digit form of the 2024 Instructions
//! (groups 2-2-4-3-3-2-4-2). Either is followed by the letter's serial in the file, after a dot
//! (as the ministry writes it) or a hyphen (as the Cabinet Division's memo in seed 000 does), and
//! a copy batch adds "/<endorsement> (<number of copies>)".

use std::fmt;
use std::str::FromStr;

/// Which Secretariat Instructions' layout a file number follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileNumberForm {
    /// 2014 Instructions: ministry, agency, geo code, branch, subject, file serial, year opened.
    EighteenDigit,
    /// 2024 Instructions: ministry, agency, geo code, subordinate office, branch, subject, file serial, year opened.
    TwentyTwoDigit,
}

impl FileNumberForm {
    /// Digits in each dot-separated group.
    pub fn group_widths(self) -> &'static [usize] {
        match self {
            Self::EighteenDigit => &[2, 2, 4, 3, 2, 3, 2],
            Self::TwentyTwoDigit => &[2, 2, 4, 3, 3, 2, 4, 2],
        }
    }

    fn with_group_count(count: usize) -> Option<Self> {
        [Self::EighteenDigit, Self::TwentyTwoDigit]
            .into_iter()
            .find(|form| form.group_widths().len() == count)
    }
}

/// A file number (নথি নম্বর) without a letter serial: "40.00.0000.000.036.32.0006.17".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileNumber {
    form: FileNumberForm,
    groups: Vec<String>,
}

impl FileNumber {
    /// A file number from its code groups, checked against the form their count names.
    pub fn new(groups: Vec<String>) -> Result<Self, MemoNumberError> {
        let form = FileNumberForm::with_group_count(groups.len())
            .ok_or(MemoNumberError::GroupCount(groups.len()))?;
        for (index, (group, width)) in groups.iter().zip(form.group_widths()).enumerate() {
            if group.len() != *width || !group.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(MemoNumberError::GroupWidth {
                    position: index + 1,
                    expected: *width,
                    found: group.clone(),
                });
            }
        }
        Ok(Self { form, groups })
    }

    pub fn form(&self) -> FileNumberForm {
        self.form
    }

    /// The memo number of letter `letter` in this file.
    pub fn letter(&self, letter: u32) -> MemoNumber {
        MemoNumber {
            form: self.form,
            groups: self.groups.clone(),
            letter,
            endorsement: None,
        }
    }

    /// The printed form, in Bengali digits.
    pub fn to_bengali(&self) -> String {
        bangla::digits::to_bengali_digits(&self.to_string())
    }
}

impl fmt::Display for FileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.groups.join("."))
    }
}

impl FromStr for FileNumber {
    type Err = MemoNumberError;

    /// Reads a file number in Bengali or ASCII digits.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let ascii: String = bangla::digits::to_ascii_digits(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        Self::new(ascii.split('.').map(str::to_owned).collect())
    }
}

/// A memo file as typed in a form: its file number in either digit script, and its subject.
#[derive(Debug, Clone, Default)]
pub struct MemoFileFields {
    pub file_number: String,
    pub subject_bn: String,
    pub subject_en: String,
}

/// A memo file's particulars, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoFileDraft {
    pub file_number: FileNumber,
    pub subject: crate::Bilingual,
}

/// Checks a memo file's fields: the number in the 2014 or 2024 form, beginning with the code of the
/// office's ministry or division when that is recorded (`ministry_code`), and a subject in Bengali.
pub fn check_memo_file(
    fields: &MemoFileFields,
    ministry_code: Option<&str>,
) -> Result<MemoFileDraft, crate::ValidationErrors> {
    let mut errors = crate::ValidationErrors::new();
    let file_number = if fields.file_number.trim().is_empty() {
        errors.add("file_number", "error-required");
        None
    } else {
        match fields.file_number.parse::<FileNumber>() {
            Ok(number) => {
                if let Some(code) = ministry_code
                    && number.groups[0] != code
                {
                    errors
                        .add("file_number", "error-file-number-ministry")
                        .with("code", code);
                }
                Some(number)
            }
            // A whole memo number pasted in: its file is right, the letter's serial is extra.
            Err(_) if fields.file_number.parse::<MemoNumber>().is_ok() => {
                errors.add("file_number", "error-file-number-letter");
                None
            }
            Err(MemoNumberError::GroupWidth {
                position,
                expected,
                found,
            }) => {
                errors
                    .add("file_number", "error-file-number-group")
                    .with("position", position)
                    .with("expected", expected)
                    .with("found", found);
                None
            }
            Err(_) => {
                let groups = fields.file_number.split('.').count();
                errors
                    .add("file_number", "error-file-number-form")
                    .with("found", groups);
                None
            }
        }
    };
    if fields.subject_bn.trim().is_empty() {
        errors.add("subject_bn", "error-required");
    }
    match file_number {
        Some(file_number) if errors.is_empty() => Ok(MemoFileDraft {
            file_number,
            subject: crate::Bilingual::new(fields.subject_bn.trim(), fields.subject_en.trim()),
        }),
        _ => Err(errors),
    }
}

/// A copy batch sent under the letter's number: "/১ (২০)" is the first endorsement, to 20 recipients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Endorsement {
    pub serial: u32,
    pub copies: u32,
}

/// A complete memo number, held with ASCII digits; `to_bengali` gives the printed form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemoNumber {
    form: FileNumberForm,
    groups: Vec<String>,
    letter: u32,
    endorsement: Option<Endorsement>,
}

/// Why a memo number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoNumberError {
    #[error(
        "a memo number has 7 or 8 dot-separated code groups before the letter serial; found {0}"
    )]
    GroupCount(usize),
    #[error("code group {position} must have {expected} digits, found \"{found}\"")]
    GroupWidth {
        position: usize,
        expected: usize,
        found: String,
    },
    #[error("the letter serial after the file number is missing or not a number")]
    LetterSerial,
    #[error("the copy endorsement must look like \"/1 (20)\"")]
    Endorsement,
}

impl MemoNumber {
    /// A memo number for letter `letter` in the file with these code groups.
    pub fn new(groups: Vec<String>, letter: u32) -> Result<Self, MemoNumberError> {
        Ok(FileNumber::new(groups)?.letter(letter))
    }

    /// The file the letter belongs to.
    pub fn file(&self) -> FileNumber {
        FileNumber {
            form: self.form,
            groups: self.groups.clone(),
        }
    }

    /// The same letter's number for a copy batch.
    pub fn endorsed(&self, serial: u32, copies: u32) -> Self {
        Self {
            endorsement: Some(Endorsement { serial, copies }),
            ..self.clone()
        }
    }

    pub fn form(&self) -> FileNumberForm {
        self.form
    }

    /// The two-digit ministry or division code (MoLE is 40).
    pub fn ministry_code(&self) -> &str {
        &self.groups[0]
    }

    /// The file number without the letter serial.
    pub fn file_number(&self) -> String {
        self.groups.join(".")
    }

    pub fn letter(&self) -> u32 {
        self.letter
    }

    pub fn endorsement(&self) -> Option<Endorsement> {
        self.endorsement
    }

    /// The printed form, in Bengali digits: "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)".
    pub fn to_bengali(&self) -> String {
        bangla::digits::to_bengali_digits(&self.to_string())
    }

    /// The printed form in a language's digits.
    pub fn printed(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Bn => self.to_bengali(),
            crate::Lang::En => self.to_string(),
        }
    }
}

impl fmt::Display for MemoNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.file_number(), self.letter)?;
        if let Some(Endorsement { serial, copies }) = self.endorsement {
            write!(f, "/{serial} ({copies})")?;
        }
        Ok(())
    }
}

impl FromStr for MemoNumber {
    type Err = MemoNumberError;

    /// Reads a memo number written with Bengali or ASCII digits, the letter serial after a dot or a hyphen.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let ascii = bangla::digits::to_ascii_digits(text);
        let ascii: String = ascii.chars().filter(|c| !c.is_whitespace()).collect();
        let (number, endorsement) = match ascii.split_once('/') {
            Some((number, endorsement)) => (number, Some(parse_endorsement(endorsement)?)),
            None => (ascii.as_str(), None),
        };
        let (file, letter) = match number.rsplit_once('-') {
            Some((file, letter)) => (file, letter),
            None => number
                .rsplit_once('.')
                .ok_or(MemoNumberError::LetterSerial)?,
        };
        let letter = letter.parse().map_err(|_| MemoNumberError::LetterSerial)?;
        let groups = file.split('.').map(str::to_owned).collect();
        let mut memo = Self::new(groups, letter)?;
        memo.endorsement = endorsement;
        Ok(memo)
    }
}

fn parse_endorsement(text: &str) -> Result<Endorsement, MemoNumberError> {
    let (serial, rest) = text.split_once('(').ok_or(MemoNumberError::Endorsement)?;
    let copies = rest.strip_suffix(')').ok_or(MemoNumberError::Endorsement)?;
    Ok(Endorsement {
        serial: serial.parse().map_err(|_| MemoNumberError::Endorsement)?,
        copies: copies.parse().map_err(|_| MemoNumberError::Endorsement)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_order_memo_is_a_twenty_two_digit_number_with_letter_five() {
        let memo: MemoNumber = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫".parse().unwrap();
        assert_eq!(memo.form(), FileNumberForm::TwentyTwoDigit);
        assert_eq!(memo.ministry_code(), "40");
        assert_eq!(memo.letter(), 5);
        assert_eq!(memo.to_string(), "40.00.0000.000.036.32.0006.17.5");
        assert_eq!(memo.to_bengali(), "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫");
    }

    #[test]
    fn the_minutes_memo_is_an_eighteen_digit_number_with_letter_eighty_three() {
        let memo: MemoNumber = "৪০.০০.০০০০.০৩৬.৩২.০০৬.১৭.৮৩".parse().unwrap();
        assert_eq!(memo.form(), FileNumberForm::EighteenDigit);
        assert_eq!(memo.file_number(), "40.00.0000.036.32.006.17");
        assert_eq!(memo.letter(), 83);
    }

    #[test]
    fn a_hyphen_before_the_letter_serial_is_read_and_written_back_with_a_dot() {
        let memo: MemoNumber = "০৪.০০.০০০০.৮৩৩.৩৩.০০২.২০-১০০".parse().unwrap();
        assert_eq!(memo.letter(), 100);
        assert_eq!(memo.ministry_code(), "04");
        assert_eq!(memo.to_string(), "04.00.0000.833.33.002.20.100");
    }

    #[test]
    fn a_copy_batch_prints_its_endorsement_and_count() {
        let memo: MemoNumber = "40.00.0000.000.036.32.0006.17.5".parse().unwrap();
        let copies = memo.endorsed(1, 20);
        assert_eq!(
            copies.to_bengali(),
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫/১ (২০)"
        );
        assert_eq!(copies.to_bengali().parse::<MemoNumber>().unwrap(), copies);
    }

    #[test]
    fn a_file_number_reads_either_digit_script_and_numbers_its_letters() {
        let file: FileNumber = "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭".parse().unwrap();
        assert_eq!(file.form(), FileNumberForm::TwentyTwoDigit);
        assert_eq!(
            file.letter(6).to_bengali(),
            "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৬"
        );
        let memo: MemoNumber = "40.00.0000.036.32.006.17.83".parse().unwrap();
        assert_eq!(memo.file().to_string(), "40.00.0000.036.32.006.17");
        assert!("40.00.0000".parse::<FileNumber>().is_err());
    }

    #[test]
    fn malformed_numbers_say_what_is_wrong() {
        assert_eq!(
            "40.00.17.5".parse::<MemoNumber>(),
            Err(MemoNumberError::GroupCount(3))
        );
        assert_eq!(
            "40.0.0000.036.32.006.17.83".parse::<MemoNumber>(),
            Err(MemoNumberError::GroupWidth {
                position: 2,
                expected: 2,
                found: "0".into()
            })
        );
        assert_eq!(
            "40.00.0000.036.32.006.17.x".parse::<MemoNumber>(),
            Err(MemoNumberError::LetterSerial)
        );
        assert_eq!(
            "40.00.0000.036.32.006.17.83/1 20".parse::<MemoNumber>(),
            Err(MemoNumberError::Endorsement)
        );
    }

    fn fields(number: &str) -> MemoFileFields {
        MemoFileFields {
            file_number: number.into(),
            subject_bn: "ইনোভেশন টিম".into(),
            subject_en: String::new(),
        }
    }

    fn problems(result: Result<MemoFileDraft, crate::ValidationErrors>) -> Vec<&'static str> {
        result
            .unwrap_err()
            .errors
            .iter()
            .map(|error| error.message_key)
            .collect()
    }

    #[test]
    fn a_memo_file_takes_either_form_in_either_script_under_its_ministry() {
        let draft = check_memo_file(&fields("৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭"), Some("40")).unwrap();
        assert_eq!(draft.file_number.form(), FileNumberForm::TwentyTwoDigit);
        let draft = check_memo_file(&fields(" 40.00.0000.036.32.006.17 "), None).unwrap();
        assert_eq!(draft.file_number.to_string(), "40.00.0000.036.32.006.17");
    }

    #[test]
    fn a_memo_file_in_neither_form_or_of_another_ministry_is_refused_with_the_reason() {
        assert_eq!(
            problems(check_memo_file(
                &fields("40.00.0000.036.32.006.17.83"),
                None
            )),
            ["error-file-number-letter"]
        );
        assert_eq!(
            problems(check_memo_file(&fields("40.00.17"), None)),
            ["error-file-number-form"]
        );
        assert_eq!(
            problems(check_memo_file(&fields("40.00.000.036.32.006.17"), None)),
            ["error-file-number-group"]
        );
        assert_eq!(
            problems(check_memo_file(
                &fields("41.00.0000.036.32.006.17"),
                Some("40")
            )),
            ["error-file-number-ministry"]
        );
        let mut empty = fields("");
        empty.subject_bn = " ".into();
        assert_eq!(
            problems(check_memo_file(&empty, None)),
            ["error-required", "error-required"]
        );
    }
}
