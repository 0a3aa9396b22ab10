//! Server-only code: database entities, domain services, seeding and the test harness.
//! Nothing here is compiled into the browser's wasm.

pub mod db;
pub mod entities;
pub mod request;
pub mod seed;
pub mod services;
pub mod testing;

use sea_orm::DatabaseConnection;

/// What every server function may take from the request context.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Whether cookies carry `Secure` (production, behind HTTPS).
    pub secure_cookies: bool,
}

/// The application state, as provided to server functions by the router.
///
/// # Errors
/// `AppError::Internal` when the router did not provide it (a wiring bug, logged).
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        crate::error::AppError::Internal
    })
}
