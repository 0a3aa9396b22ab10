//! Server-only code: database entities, domain services, mail, seeding and the test harness.
//! Nothing here is compiled into the browser's wasm.

pub mod db;
pub mod entities;
pub mod mail;
pub mod request;
pub mod seed;
pub mod services;
pub mod testing;

use sea_orm::DatabaseConnection;

use services::accounts::{IinKey, PublicUrl};

/// What every server function may take from the request context.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Whether cookies carry `Secure` (production, behind HTTPS).
    pub secure_cookies: bool,
    /// The key IIN hashes are made with.
    pub iin_key: IinKey,
    /// The site's public address, for links in mail.
    pub public_url: PublicUrl,
    /// Wakes the mail sender after a mail is queued.
    pub mail_wake: mail::outbox::Wake,
    /// The process's signature writer.
    pub signer: services::petitions::signing::Signer,
    /// Visitors' views of petition pages, a second old at most.
    pub petition_views: services::petitions::pages::ViewCache,
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
