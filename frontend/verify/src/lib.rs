//! The verify page's check in the browser. The page's script (`verify.js`, beside this) asks the site
//! what its log holds for a receipt (`POST /api/log/material`: the entry, the latest signed
//! checkpoint, the proofs) and hands it here with the receipt; this recomputes every hash and
//! checks every signature with the same code the server runs (`receipt::log_check`), so the
//! verdict does not rest on the site's word. Built apart from the islands' bundle
//! (`scripts/build-verify.sh`), so no other page pays for it.

use receipt::log_check::{self, Found};
use receipt::model::ReceiptCheck;
use wasm_bindgen::prelude::wasm_bindgen;

/// Checks `receipt` (its text) against `found` (the site's answer, JSON) and gives the verdict
/// as JSON (`ReceiptCheck`). An answer that cannot be read is a failure, never a throw.
#[wasm_bindgen]
#[must_use]
pub fn check(receipt: &str, found: &str) -> String {
    let verdict = verdict(receipt, found);
    serde_json::to_string(&verdict).unwrap_or_default()
}

fn verdict(receipt: &str, found: &str) -> ReceiptCheck {
    match serde_json::from_str::<Found>(found) {
        Ok(found) => log_check::checked(receipt, &found),
        Err(_) => log_check::failed("malformed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_answer_fails_and_a_verdict_passes_through() {
        assert_eq!(
            verdict("dauys-receipt/v1\n", "{not json"),
            log_check::failed("malformed")
        );
        let pending = serde_json::to_string(&Found::Verdict(ReceiptCheck::Pending { petition: 3 }))
            .unwrap_or_default();
        assert_eq!(verdict("hello", &pending), log_check::failed("not-receipt"));
        assert_eq!(
            serde_json::from_str::<ReceiptCheck>(&check("hello", &pending)).ok(),
            Some(log_check::failed("not-receipt"))
        );
    }
}
