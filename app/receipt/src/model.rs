//! The public signature log's entries and receipts as text: what the server writes into the
//! log, what a signer keeps, and what any verifier reads back. Pure (no database, no hashing),
//! so the server, the verify page and `dauys-verify` read them the same way.
//!
//! An entry is one line, fields separated by one space, and its encoding is canonical: parsing
//! accepts only what `encode` writes, so an entry has exactly one byte form and one leaf hash.
//!
//! ```text
//! dauys-log/v1 sign <petition> <commitment: 64 hex> <grade> <region KATO> <YYYY-MM-DD>
//! dauys-log/v1 revoke <petition> <index of the sign entry> <withdrawn|fraud|duplicate|ineligible|invalidated> <invalidation or 0>
//! dauys-log/v1 tally <petition> <state> <count> <log size>
//! ```
//!
//! No entry holds an IIN, a hash of one, an account, a name or an address: a sign entry holds a
//! commitment `SHA-256("dauys-commit/v1" ‖ 0 ‖ petition as 8 bytes big-endian ‖ r)` to 32 random
//! bytes `r` that only the signer is given (in the receipt).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The domain tag every entry starts with.
pub const ENTRY_TAG: &str = "dauys-log/v1";
/// The first line of a receipt.
pub const RECEIPT_TAG: &str = "dauys-receipt/v1";

/// Why a sign entry was cancelled: the signer withdrew it, or an administrator invalidated it
/// on one of the catalogue's grounds (public, on the moderation record too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevokeReason {
    /// The signer withdrew it.
    Withdrawn,
    /// Invalidated as fraud: bought or forged signatures, bots.
    Fraud,
    /// Invalidated as the same person signing twice.
    Duplicate,
    /// Invalidated as a signer not entitled to sign this petition.
    Ineligible,
    /// Invalidated before invalidations recorded their grounds (entries written before
    /// 11.12.2026 say only this).
    Invalidated,
}

impl RevokeReason {
    /// The grounds an administrator chooses from when invalidating signatures.
    pub const GROUNDS: [Self; 3] = [Self::Fraud, Self::Duplicate, Self::Ineligible];

    /// The word in the entry (and in the database, for grounds).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Withdrawn => "withdrawn",
            Self::Fraud => "fraud",
            Self::Duplicate => "duplicate",
            Self::Ineligible => "ineligible",
            Self::Invalidated => "invalidated",
        }
    }

    /// Reads the word back (only as [`as_str`](Self::as_str) writes it).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Withdrawn,
            Self::Fraud,
            Self::Duplicate,
            Self::Ineligible,
            Self::Invalidated,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    /// The grounds of an invalidation, as stored (none before grounds were recorded).
    #[must_use]
    pub fn of_invalidation(grounds: Option<&str>) -> Self {
        grounds
            .and_then(Self::parse)
            .filter(|r| Self::GROUNDS.contains(r))
            .unwrap_or(Self::Invalidated)
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogEntry {
    /// A signature counted.
    Sign {
        /// The petition.
        petition: i32,
        /// The commitment to the signer's receipt secret.
        commitment: [u8; 32],
        /// The identity grade it counts at.
        grade: String,
        /// The KATO code of the signer's region.
        region: String,
        /// The day it was signed, in Kazakhstan.
        day: NaiveDate,
    },
    /// A counted signature taken out of the count.
    Revoke {
        /// The petition.
        petition: i32,
        /// The index of the sign entry it cancels.
        sign_index: u64,
        /// Why.
        reason: RevokeReason,
        /// The invalidation it belongs to (0 for a withdrawal).
        invalidation: i32,
    },
    /// The site's statement of a petition's count (every grade) with the log at `size`.
    Tally {
        /// The petition.
        petition: i32,
        /// Its state then.
        state: String,
        /// Its count then.
        count: i64,
        /// The log's size then (the entries before this one).
        size: u64,
    },
}

/// A day as `YYYY-MM-DD`. Written out rather than with chrono's format strings, which would
/// add their parser to the browser's bundle (the verify page's island reads entries).
fn iso_day(day: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// Reads `YYYY-MM-DD` (the canonical check in [`LogEntry::parse`] refuses any other form).
fn parse_iso_day(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A token of an entry: a word of lowercase ASCII letters, digits, `_` and `-`.
fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// A number in its one canonical form (no sign, no leading zero).
fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

/// 32 bytes from 64 lowercase hex digits.
#[must_use]
pub fn parse_hex32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in s.as_bytes().chunks(2).enumerate() {
        let digit = |b: u8| match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        };
        out[i] = (digit(pair[0])? << 4) | digit(pair[1])?;
    }
    Some(out)
}

/// 32 bytes as 64 lowercase hex digits.
#[must_use]
pub fn hex32(bytes: &[u8; 32]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl LogEntry {
    /// The petition the entry is about.
    #[must_use]
    pub fn petition(&self) -> i32 {
        match self {
            Self::Sign { petition, .. }
            | Self::Revoke { petition, .. }
            | Self::Tally { petition, .. } => *petition,
        }
    }

    /// The kind, as stored and shown: `sign`, `revoke` or `tally`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Sign { .. } => "sign",
            Self::Revoke { .. } => "revoke",
            Self::Tally { .. } => "tally",
        }
    }

    /// The entry's canonical bytes (as text).
    #[must_use]
    pub fn encode(&self) -> String {
        match self {
            Self::Sign {
                petition,
                commitment,
                grade,
                region,
                day,
            } => format!(
                "{ENTRY_TAG} sign {petition} {} {grade} {region} {}",
                hex32(commitment),
                iso_day(*day)
            ),
            Self::Revoke {
                petition,
                sign_index,
                reason,
                invalidation,
            } => format!(
                "{ENTRY_TAG} revoke {petition} {sign_index} {} {invalidation}",
                reason.as_str()
            ),
            Self::Tally {
                petition,
                state,
                count,
                size,
            } => format!("{ENTRY_TAG} tally {petition} {state} {count} {size}"),
        }
    }

    /// Reads an entry; `None` unless `text` is exactly what `encode` writes for it.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let fields: Vec<&str> = text.split(' ').collect();
        let (&tag, rest) = fields.split_first()?;
        if tag != ENTRY_TAG {
            return None;
        }
        let entry = match rest {
            ["sign", petition, commitment, grade, region, day] => {
                if !is_word(grade) || !is_word(region) || day.len() != 10 {
                    return None;
                }
                Self::Sign {
                    petition: number(petition)?,
                    commitment: parse_hex32(commitment)?,
                    grade: (*grade).to_owned(),
                    region: (*region).to_owned(),
                    day: parse_iso_day(day)?,
                }
            }
            ["revoke", petition, index, reason, invalidation] => Self::Revoke {
                petition: number(petition)?,
                sign_index: number(index)?,
                reason: RevokeReason::parse(reason)?,
                invalidation: number(invalidation)?,
            },
            ["tally", petition, state, count, size] => {
                if !is_word(state) {
                    return None;
                }
                Self::Tally {
                    petition: number(petition)?,
                    state: (*state).to_owned(),
                    count: number(count)?,
                    size: number(size)?,
                }
            }
            _ => return None,
        };
        (entry.encode() == text).then_some(entry)
    }
}

/// What a signer keeps: enough to find their entry and check it is in the log, and the
/// checkpoint they saw, so a later checkpoint must be consistent with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The log's origin (the site's checkpoint name).
    pub origin: String,
    /// The petition signed.
    pub petition: i32,
    /// The signer's 32 random bytes.
    pub secret: [u8; 32],
    /// The index of the sign entry, once it is logged.
    pub index: Option<u64>,
    /// The signed checkpoint (a c2sp.org signed note) the signer saw, if the log had one.
    pub checkpoint: Option<String>,
}

/// Why a receipt could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReceiptError {
    /// Not a receipt at all (the first line is wrong, or it is empty).
    NotAReceipt,
    /// A line is missing, repeated or not in its form.
    Malformed,
}

impl Receipt {
    /// The receipt as text: header lines, then a blank line and the checkpoint.
    #[must_use]
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{RECEIPT_TAG}\norigin {}\npetition {}\nsecret {}\n",
            self.origin,
            self.petition,
            hex32(&self.secret)
        );
        if let Some(index) = self.index {
            out.push_str(&format!("index {index}\n"));
        }
        if let Some(checkpoint) = &self.checkpoint {
            out.push('\n');
            out.push_str(checkpoint);
        }
        out
    }

    /// Reads a receipt as pasted: line ends may be `\r\n`, surrounding blank space is ignored.
    ///
    /// # Errors
    /// `NotAReceipt` or `Malformed`.
    pub fn parse(text: &str) -> Result<Self, ReceiptError> {
        let text = text.replace("\r\n", "\n");
        let text = text.trim();
        let (head, checkpoint) = match text.split_once("\n\n") {
            Some((head, rest)) => (head, Some(rest.trim())),
            None => (text, None),
        };
        let mut lines = head.lines().map(str::trim);
        if lines.next() != Some(RECEIPT_TAG) {
            return Err(ReceiptError::NotAReceipt);
        }
        let (mut origin, mut petition, mut secret, mut index) = (None, None, None, None);
        for line in lines {
            let (key, value) = line.split_once(' ').ok_or(ReceiptError::Malformed)?;
            let slot_filled = match key {
                "origin" if !value.is_empty() && !value.contains(char::is_whitespace) => {
                    origin.replace(value.to_owned()).is_some()
                }
                "petition" => petition
                    .replace(number::<i32>(value).ok_or(ReceiptError::Malformed)?)
                    .is_some(),
                "secret" => secret
                    .replace(parse_hex32(value).ok_or(ReceiptError::Malformed)?)
                    .is_some(),
                "index" => index
                    .replace(number::<u64>(value).ok_or(ReceiptError::Malformed)?)
                    .is_some(),
                _ => return Err(ReceiptError::Malformed),
            };
            if slot_filled {
                return Err(ReceiptError::Malformed);
            }
        }
        let checkpoint = match checkpoint {
            Some("") | None => None,
            Some(note) => Some(format!("{}\n", note.replace('\r', ""))),
        };
        Ok(Self {
            origin: origin.ok_or(ReceiptError::Malformed)?,
            petition: petition.ok_or(ReceiptError::Malformed)?,
            secret: secret.ok_or(ReceiptError::Malformed)?,
            index,
            checkpoint,
        })
    }
}

/// What checking a receipt found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReceiptCheck {
    /// The signature is in the log under the latest checkpoint and counts.
    Counted {
        /// The petition.
        petition: i32,
        /// Its sign entry.
        index: u64,
        /// The latest checkpoint's size, which includes it.
        log_size: u64,
        /// The receipt's checkpoint size the latest one was proved consistent with (none when
        /// the receipt carried no checkpoint).
        consistent_from: Option<u64>,
    },
    /// It was in the log, and the signer withdrew it.
    Withdrawn {
        /// The petition.
        petition: i32,
        /// Its sign entry.
        index: u64,
    },
    /// The signature is recorded and will be in the log within a minute or so.
    Pending {
        /// The petition.
        petition: i32,
    },
    /// The receipt does not check out.
    Failed {
        /// Why, as a message key (`verify-fail-*`).
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revoke_reasons_read_back_and_only_the_catalogue_is_grounds() {
        for reason in [
            RevokeReason::Withdrawn,
            RevokeReason::Fraud,
            RevokeReason::Duplicate,
            RevokeReason::Ineligible,
            RevokeReason::Invalidated,
        ] {
            assert_eq!(RevokeReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(RevokeReason::parse("Fraud"), None);
        assert_eq!(
            RevokeReason::of_invalidation(Some("duplicate")),
            RevokeReason::Duplicate
        );
        // Before grounds were recorded, or anything else: only "invalidated".
        for stored in [None, Some("withdrawn"), Some("spam")] {
            assert_eq!(
                RevokeReason::of_invalidation(stored),
                RevokeReason::Invalidated
            );
        }
    }

    fn sign() -> LogEntry {
        LogEntry::Sign {
            petition: 12,
            commitment: [0xab; 32],
            grade: "iin_checked".into(),
            region: "751000000".into(),
            day: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        }
    }

    #[test]
    fn entries_read_back_as_written_and_nothing_else() {
        let entries = [
            sign(),
            LogEntry::Revoke {
                petition: 12,
                sign_index: 0,
                reason: RevokeReason::Withdrawn,
                invalidation: 0,
            },
            LogEntry::Revoke {
                petition: 12,
                sign_index: 3,
                reason: RevokeReason::Duplicate,
                invalidation: 7,
            },
            LogEntry::Revoke {
                petition: 12,
                sign_index: 4,
                reason: RevokeReason::Invalidated,
                invalidation: 2,
            },
            LogEntry::Tally {
                petition: 12,
                state: "open".into(),
                count: 41,
                size: 1_000,
            },
        ];
        for entry in entries {
            let text = entry.encode();
            assert_eq!(LogEntry::parse(&text), Some(entry.clone()), "{text}");
            // Any other spelling of the same entry is refused: one entry, one leaf hash.
            for variant in [
                text.replace(" 12 ", " 012 "),
                format!("{text} "),
                format!("{text}\n"),
                text.replace(' ', "  "),
                text.to_uppercase(),
                text.replace("dauys-log/v1", "dauys-log/v2"),
            ] {
                assert_eq!(LogEntry::parse(&variant), None, "{variant}");
            }
        }
        assert_eq!(
            LogEntry::parse(&sign().encode().replace("ab", "AB")),
            None,
            "upper-case hex"
        );
    }

    #[test]
    fn receipts_read_back_and_refuse_what_is_not_one() {
        let receipt = Receipt {
            origin: "dauys.kz/signatures".into(),
            petition: 7,
            secret: [7; 32],
            index: Some(99),
            checkpoint: Some(
                "dauys.kz/signatures\n100\nAAAA\n\n— dauys.kz/signatures abc\n".into(),
            ),
        };
        let text = receipt.encode();
        assert_eq!(Receipt::parse(&text), Ok(receipt.clone()));
        assert_eq!(
            Receipt::parse(&format!("  \r\n{}\r\n", text.replace('\n', "\r\n"))),
            Ok(receipt.clone()),
            "pasted with Windows line ends and blank space"
        );
        let pending = Receipt {
            index: None,
            checkpoint: None,
            ..receipt.clone()
        };
        assert_eq!(Receipt::parse(&pending.encode()), Ok(pending));
        assert_eq!(Receipt::parse(""), Err(ReceiptError::NotAReceipt));
        assert_eq!(Receipt::parse("hello"), Err(ReceiptError::NotAReceipt));
        for broken in [
            text.replace("petition 7", "petition x"),
            text.replace("petition 7", "petition 99999999999"),
            text.replace("index 99\n", "index 99\nindex 98\n"),
            text.replace(&hex32(&[7; 32]), &hex32(&[7; 32])[1..]),
            text.replace("origin dauys.kz/signatures\n", ""),
            text.replace("secret ", "colour "),
        ] {
            assert_eq!(
                Receipt::parse(&broken),
                Err(ReceiptError::Malformed),
                "{broken}"
            );
        }
    }
}
