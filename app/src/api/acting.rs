//! The opening of every state-changing server function (the CSRF token, the signed-in
//! account, the application state) and the mapping of a refused action to its status and
//! message, shared by every domain.

use crate::error::AppError;
use crate::server::{
    AppState, app_state,
    request::{self, CurrentUser},
    services::ActionError,
};

/// The preamble of every state-changing call: the CSRF token, the signed-in account, the
/// application state.
///
/// # Errors
/// `Forbidden` for a wrong token; `Unauthorized` for a visitor.
pub fn acting(csrf: &str) -> Result<(AppState, CurrentUser), AppError> {
    request::check_csrf(csrf)?;
    let me = request::signed_in()?;
    Ok((app_state()?, me))
}

/// A refused action as the client sees it: 422 invalid, 409 refused (for a plain form, the
/// page again with the message), 403, 404.
pub fn action_error(error: ActionError) -> AppError {
    match error {
        ActionError::Invalid { field, key } => AppError::Invalid {
            field: field.into(),
            reason: key.into(),
        },
        ActionError::Refused(key) => {
            // A script gets 409; a plain form goes back to its page with the message.
            request::set_client_error_status(http::StatusCode::CONFLICT);
            AppError::Refused { reason: key.into() }
        }
        ActionError::Forbidden => request::forbid::<()>().err().unwrap_or(AppError::Forbidden),
        ActionError::NotFound => AppError::NotFound,
        ActionError::Service(e) => e.into(),
    }
}

/// Sends the browser to `path` (without the language) with a notice.
pub fn go_to(lang: &str, path: &str, done: &str) {
    let locale = crate::i18n::Locale::from_code(lang).unwrap_or_default();
    leptos_axum::redirect(&format!("/{}{path}?done={done}", locale.code()));
}

/// A form's date (`YYYY-MM-DD`), or none when left empty.
///
/// # Errors
/// `Invalid` on `field` with `key` for anything else.
pub fn form_date(
    value: &str,
    field: &str,
    key: &str,
) -> Result<Option<chrono::NaiveDate>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| AppError::Invalid {
            field: field.into(),
            reason: key.into(),
        })
}
