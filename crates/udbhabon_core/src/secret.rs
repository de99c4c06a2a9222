//! Random tokens for sessions, CSRF and reset links, their stored hashes, and password hashing (argon2id).

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

use crate::Error;

/// A fresh random token: 32 bytes from the operating system, as 64 hex digits.
pub(crate) fn random_token() -> Result<String, Error> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| Error::Internal(format!("no randomness available: {error}")))?;
    Ok(hex::encode(bytes))
}

/// The letters of a tracking code: digits and capitals that cannot be read as one another (no 0/O,
/// 1/I/L).
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A tracking code a citizen can copy by hand: ten letters of [`CODE_ALPHABET`] (about 49 bits),
/// written in two groups of five.
pub(crate) fn tracking_code() -> Result<String, Error> {
    let mut bytes = [0_u8; 10];
    getrandom::fill(&mut bytes)
        .map_err(|error| Error::Internal(format!("no randomness available: {error}")))?;
    // 256 is not a multiple of 31; the bias this leaves (under 1 in 8 per letter towards the first
    // nine) costs well under a bit of the code's strength.
    let letters: String = bytes
        .iter()
        .map(|byte| char::from(CODE_ALPHABET[usize::from(*byte) % CODE_ALPHABET.len()]))
        .collect();
    Ok(format!("{}-{}", &letters[..5], &letters[5..]))
}

/// A tracking code as typed, in the form it was issued in: capitals, spaces and hyphens left out.
pub(crate) fn typed_code(text: &str) -> String {
    let letters: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match letters.len() {
        10 => format!("{}-{}", &letters[..5], &letters[5..]),
        _ => letters,
    }
}

/// What the database keeps of a token: its SHA-256, so a stolen table does not yield working tokens.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with argon2id and the library's recommended parameters, under a random salt.
pub(crate) fn hash_password(password: &str) -> Result<String, Error> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| Error::Internal(format!("cannot hash a password: {error}")))
}

/// Whether `password` matches a stored argon2 hash; a malformed hash matches nothing.
pub(crate) fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Spends the same work as checking a real password, so an unknown email answers no faster than a known one.
pub(crate) fn verify_password_of_nobody(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy =
        DUMMY.get_or_init(|| hash_password("no account has this password").unwrap_or_default());
    let _ = verify_password(password, dummy);
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("শ্রম-মন্ত্রণালয়-২০২৬").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("শ্রম-মন্ত্রণালয়-২০২৬", &hash));
        assert!(!verify_password("শ্রম-মন্ত্রণালয়-২০২৫", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_only_as_hashes() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn secrets_compare_equal_only_when_identical() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
