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

/// A refused action as the client sees it: 422 invalid, 409 refused, 403, 404.
pub fn action_error(error: ActionError) -> AppError {
    match error {
        ActionError::Invalid { field, key } => AppError::Invalid {
            field: field.into(),
            reason: key.into(),
        },
        ActionError::Refused(key) => {
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::CONFLICT);
            }
            AppError::Refused { reason: key.into() }
        }
        ActionError::Forbidden => request::forbid::<()>().err().unwrap_or(AppError::Forbidden),
        ActionError::NotFound => AppError::NotFound,
        ActionError::Service(e) => e.into(),
    }
}
