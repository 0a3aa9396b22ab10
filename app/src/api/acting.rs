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
