//! Checking a signature receipt against what the site publishes about its entry
//! ([`LogMaterial`]): pure (RFC 6962 hashing with `tlog_tiles`, c2sp.org signed notes with
//! `signed_note` and Ed25519, SHA-256; no database), so the server's check is this function
//! over material read from the database, and the verify page's own wasm module
//! (`frontend/verify`, loaded by that page alone) runs the same function in the browser over the
//! material the site sends it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use signed_note::{Note, StandardVerifier, VerifierList};
use tlog_tiles::{Checkpoint, Hash};

use crate::model::{
    LogEntry, Receipt, ReceiptCheck, ReceiptError, RevokeReason, hex32, parse_hex32,
};

/// Reads a signed checkpoint and checks its signature under `verifier_key` and its origin.
#[must_use]
pub fn opened(verifier_key: &str, origin: &str, note: &str) -> Option<Checkpoint> {
    let note = Note::from_bytes(note.as_bytes()).ok()?;
    let verifier = StandardVerifier::new(verifier_key).ok()?;
    note.verify(&VerifierList::new(vec![Box::new(verifier)]))
        .ok()?;
    let checkpoint = Checkpoint::from_bytes(note.text()).ok()?;
    (checkpoint.origin() == origin).then_some(checkpoint)
}

/// The commitment a sign entry holds: `SHA-256("dauys-commit/v1" ‖ 0 ‖ petition ‖ r)`.
#[must_use]
pub fn commitment(petition: i32, secret: &[u8; 32]) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(b"dauys-commit/v1\0");
    hash.update(i64::from(petition).to_be_bytes());
    hash.update(secret);
    hash.finalize().into()
}

/// The leaf hash of an entry's text.
#[must_use]
pub fn leaf_hash(entry: &str) -> Hash {
    tlog_tiles::record_hash(entry.as_bytes())
}

/// What the site publishes about one receipt's entry, enough to check it anywhere. None of it
/// is trusted: [`verdict`] checks every signature and recomputes every hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogMaterial {
    /// The signed-note key checkpoints are signed with.
    pub verifier_key: String,
    /// The log's origin.
    pub origin: String,
    /// The latest signed checkpoint.
    pub latest: String,
    /// The signature's sign entry: the receipt's, or the one that replaced it when the signer
    /// withdrew and signed again.
    pub index: u64,
    /// That entry's text.
    pub entry: String,
    /// Its audit path in the latest checkpoint's tree (hex).
    pub inclusion: Vec<String>,
    /// The consistency path from the receipt's checkpoint to the latest one (hex; empty
    /// without a checkpoint on the receipt).
    pub consistency: Vec<String>,
    /// The entry that cancels the sign entry, if one does: its index, text and audit path.
    pub revoke: Option<(u64, String, Vec<String>)>,
}

/// What the log has for a receipt: the material to check it with, or a verdict the site reached
/// without any (not a receipt of this log, or not in the log yet). This is what the verify
/// page's browser check is sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Found {
    /// The entry, its proofs and any revoke, for [`verdict`].
    Material(LogMaterial),
    /// Nothing to check against.
    Verdict(ReceiptCheck),
}

/// Checks a receipt's text against what the site found for it: the one place the server and
/// the browser turn a receipt and [`Found`] into a verdict.
#[must_use]
pub fn checked(text: &str, found: &Found) -> ReceiptCheck {
    match (Receipt::parse(text), found) {
        (Err(e), _) => unreadable(e),
        (Ok(_), Found::Verdict(verdict)) => verdict.clone(),
        (Ok(receipt), Found::Material(m)) => verdict(&receipt, m),
    }
}

/// The verdict on a text that is not a readable receipt.
#[must_use]
pub fn unreadable(error: ReceiptError) -> ReceiptCheck {
    match error {
        ReceiptError::NotAReceipt => failed("not-receipt"),
        ReceiptError::Malformed => failed("malformed"),
    }
}

/// Every reason a receipt can fail, as the message keys' endings (`verify-fail-<reason>`): the
/// verify page gives the browser check a message for each.
pub const FAIL_REASONS: [&str; 12] = [
    "not-receipt",
    "malformed",
    "other-site",
    "checkpoint-signature",
    "latest-signature",
    "index-past-log",
    "not-this-entry",
    "not-included",
    "checkpoint-ahead",
    "inconsistent",
    "revoked",
    "unknown",
];

/// Hashes as they travel.
#[must_use]
pub fn hex_hashes(hashes: &[Hash]) -> Vec<String> {
    hashes.iter().map(|h| hex32(&h.0)).collect()
}

fn hashes(hex: &[String]) -> Option<Vec<Hash>> {
    hex.iter().map(|h| parse_hex32(h).map(Hash)).collect()
}

/// A failed check, its reason one of [`FAIL_REASONS`].
#[must_use]
pub fn failed(reason: &str) -> ReceiptCheck {
    debug_assert!(FAIL_REASONS.contains(&reason), "{reason}");
    ReceiptCheck::Failed {
        reason: format!("verify-fail-{reason}"),
    }
}

/// Checks `receipt` against the material: both checkpoints are signed by the site's key and
/// name its log, the entry is the receipt's (its commitment is the secret's), the entry is in
/// the latest checkpoint's tree, the latest checkpoint is consistent with the receipt's, and
/// nothing but the signer's own withdrawal cancelled it.
#[must_use]
pub fn verdict(receipt: &Receipt, m: &LogMaterial) -> ReceiptCheck {
    if receipt.origin != m.origin {
        return failed("other-site");
    }
    let theirs = match &receipt.checkpoint {
        None => None,
        Some(note) => match opened(&m.verifier_key, &m.origin, note) {
            Some(checkpoint) => Some(checkpoint),
            None => return failed("checkpoint-signature"),
        },
    };
    let Some(latest) = opened(&m.verifier_key, &m.origin, &m.latest) else {
        return failed("latest-signature");
    };
    let size = latest.size();
    if m.index >= size {
        return failed("index-past-log");
    }
    match LogEntry::parse(&m.entry) {
        Some(LogEntry::Sign {
            petition,
            commitment: theirs_commitment,
            ..
        }) if petition == receipt.petition
            && theirs_commitment == commitment(receipt.petition, &receipt.secret) => {}
        _ => return failed("not-this-entry"),
    }
    let root = *latest.hash();
    let included = |index: u64, entry: &str, path: &[String]| {
        hashes(path).is_some_and(|path| {
            tlog_tiles::check_record(&path, size, root, index, leaf_hash(entry)).is_ok()
        })
    };
    if !included(m.index, &m.entry, &m.inclusion) {
        return failed("not-included");
    }
    let consistent_from = match theirs {
        None => None,
        Some(theirs) if theirs.size() > size => return failed("checkpoint-ahead"),
        Some(theirs) => {
            let consistent = hashes(&m.consistency).is_some_and(|path| {
                tlog_tiles::check_tree(&path, size, root, theirs.size(), *theirs.hash()).is_ok()
            });
            if !consistent {
                return failed("inconsistent");
            }
            Some(theirs.size())
        }
    };
    if let Some((index, entry, path)) = &m.revoke {
        if !included(*index, entry, path) {
            return failed("not-included");
        }
        return match LogEntry::parse(entry) {
            Some(LogEntry::Revoke {
                petition,
                sign_index,
                reason,
                ..
            }) if petition == receipt.petition && sign_index == m.index => match reason {
                RevokeReason::Withdrawn => ReceiptCheck::Withdrawn {
                    petition,
                    index: m.index,
                },
                RevokeReason::Fraud
                | RevokeReason::Duplicate
                | RevokeReason::Ineligible
                | RevokeReason::Invalidated => failed("revoked"),
            },
            _ => failed("not-this-entry"),
        };
    }
    ReceiptCheck::Counted {
        petition: receipt.petition,
        index: m.index,
        log_size: size,
        consistent_from,
    }
}
