//! The individual identification number (IIN, ЖСН/ИИН): 12 digits — YYMMDD, a century-and-sex
//! digit, a 4-digit serial and a check digit. Validation only; the platform never stores an IIN
//! in clear (a keyed hash is kept instead).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Sex as encoded in the 7th digit (odd male, even female).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    /// Odd century digit.
    Male,
    /// Even century digit.
    Female,
}

/// Why a string is not a valid IIN; each maps to a message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum IinError {
    /// Not exactly 12 digits.
    #[error("an IIN has exactly 12 digits")]
    Format,
    /// The 7th digit is not 1–6.
    #[error("the century digit must be 1 to 6")]
    Century,
    /// The first six digits are not a real date.
    #[error("the birth date is not a real date")]
    Date,
    /// The birth date lies in the future.
    #[error("the birth date is in the future")]
    FutureDate,
    /// The check digit does not match (or the number is never issued).
    #[error("the check digit does not match")]
    Checksum,
}

impl IinError {
    /// The translation key of the message shown next to the field.
    pub fn message_key(self) -> &'static str {
        match self {
            IinError::Format => "iin-error-format",
            IinError::Century => "iin-error-century",
            IinError::Date => "iin-error-date",
            IinError::FutureDate => "iin-error-future",
            IinError::Checksum => "iin-error-checksum",
        }
    }
}

/// A checked IIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iin {
    digits: [u8; 12],
    birth_date: NaiveDate,
    sex: Sex,
}

/// The check digit of the first 11 digits, or `None` when the number is never issued.
fn check_digit(d: &[u8; 12]) -> Option<u8> {
    let weighted = |weights: [u32; 11]| -> u32 {
        d.iter()
            .zip(weights)
            .map(|(digit, w)| u32::from(*digit) * w)
            .sum::<u32>()
            % 11
    };
    let first = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    let s = if first == 10 {
        weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
    } else {
        first
    };
    (s != 10).then(|| u8::try_from(s).unwrap_or(10))
}

impl Iin {
    /// Checks `text` (spaces ignored) against the format, the century digit, the birth date
    /// (real, not after `today`) and the check digit.
    ///
    /// # Errors
    /// The first rule the number breaks.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Iin, IinError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() != 12 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IinError::Format);
        }
        let mut digits = [0u8; 12];
        for (slot, b) in digits.iter_mut().zip(compact.bytes()) {
            *slot = b - b'0';
        }
        let century = match digits[6] {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            _ => return Err(IinError::Century),
        };
        let two = |i: usize| u32::from(digits[i]) * 10 + u32::from(digits[i + 1]);
        let year = century + i32::try_from(two(0)).map_err(|_| IinError::Date)?;
        let birth_date = NaiveDate::from_ymd_opt(year, two(2), two(4)).ok_or(IinError::Date)?;
        if birth_date > today {
            return Err(IinError::FutureDate);
        }
        if check_digit(&digits) != Some(digits[11]) {
            return Err(IinError::Checksum);
        }
        let sex = if digits[6] % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        };
        Ok(Iin {
            digits,
            birth_date,
            sex,
        })
    }

    /// The birth date the number encodes.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The sex the number encodes.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// The 12 digits as text, for hashing (never for storage or display).
    pub fn digits(&self) -> String {
        self.digits.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("real date")
    }

    #[test]
    fn the_domain_guides_test_vectors_hold() {
        let first_pass = Iin::parse("921029350851", today()).expect("valid on the first pass");
        assert_eq!(
            first_pass.birth_date(),
            NaiveDate::from_ymd_opt(1992, 10, 29).expect("date")
        );
        assert_eq!(first_pass.sex(), Sex::Male);
        let second_pass = Iin::parse("850712300801", today()).expect("valid on the second pass");
        assert_eq!(
            second_pass.birth_date(),
            NaiveDate::from_ymd_opt(1985, 7, 12).expect("date")
        );
        assert_eq!(Iin::parse("780322300455", today()), Err(IinError::Checksum));
    }

    #[test]
    fn malformed_numbers_say_what_is_wrong() {
        assert_eq!(Iin::parse("92102935085", today()), Err(IinError::Format));
        assert_eq!(Iin::parse("92102935085x", today()), Err(IinError::Format));
        assert_eq!(Iin::parse("921029750851", today()), Err(IinError::Century));
        assert_eq!(Iin::parse("921329350851", today()), Err(IinError::Date));
        assert_eq!(
            Iin::parse("301231650851", today()),
            Err(IinError::FutureDate)
        );
        assert!(
            Iin::parse("9210 2935 0851", today()).is_ok(),
            "spaces are ignored"
        );
    }
}
