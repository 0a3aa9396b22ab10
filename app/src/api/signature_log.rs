//! Server functions of the public signature log: a signer's own receipt, and checking any
//! receipt against the log.

use leptos::prelude::*;

use crate::error::AppError;
use crate::log_check::Found;
use crate::model::ReceiptCheck;

/// The signed-in person's receipt for their signature on a petition (none for a visitor or
/// somebody who has not signed it).
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "log/receipt")]
pub async fn my_receipt(petition: i32) -> Result<Option<String>, AppError> {
    use crate::server::{app_state, request, services::signature_log};
    let Some(me) = request::current_user() else {
        return Ok(None);
    };
    let app = app_state()?;
    Ok(
        signature_log::receipt(&app.db, &app.log_key, me.id, petition)
            .await?
            .map(|r| r.encode()),
    )
}

/// The longest receipt read (a real one is about 450 characters).
pub const MAX_RECEIPT: usize = 4_000;

/// Checks a receipt: the entry is the signer's, in the latest checkpoint's tree, consistent
/// with the receipt's checkpoint, and not cancelled but by the signer.
///
/// # Errors
/// `Internal` when the database fails; a receipt that does not check out is a
/// `ReceiptCheck::Failed` with the reason.
#[server(endpoint = "log/check")]
pub async fn check_receipt(receipt: String) -> Result<ReceiptCheck, AppError> {
    use crate::log_check::failed;
    use crate::server::{app_state, services::signature_log};
    if receipt.len() > MAX_RECEIPT {
        return Ok(failed("malformed"));
    }
    let app = app_state()?;
    Ok(signature_log::check(&app.db, &app.log_key, &receipt).await?)
}

/// What the log publishes about a receipt's entry (its text, the latest signed checkpoint, the
/// inclusion and consistency proofs, any revoke), for the verify page's browser check, which
/// recomputes every hash and checks every signature itself (`log_check::checked` in wasm).
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "log/material")]
pub async fn receipt_material(receipt: String) -> Result<Found, AppError> {
    use crate::log_check::failed;
    use crate::server::{app_state, services::signature_log};
    if receipt.len() > MAX_RECEIPT {
        return Ok(Found::Verdict(failed("malformed")));
    }
    let app = app_state()?;
    Ok(signature_log::found(&app.db, &app.log_key, &receipt).await?)
}
