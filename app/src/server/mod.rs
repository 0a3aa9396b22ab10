//! Server-only code: database entities, domain services, mail, seeding and the test harness.
//! Nothing here is compiled into the browser's wasm.

pub mod db;
pub mod entities;
pub mod mail;
pub mod request;
pub mod seed;
pub mod services;
pub mod testing;
pub mod text;

use sea_orm::DatabaseConnection;

use services::accounts::{IinKey, PublicUrl};

/// What every server function may take from the request context: the process's shared
/// parts behind one `Arc`, so the several clones every request makes (the router's state,
/// each server function's context) are a reference count, not a copy of every field.
#[derive(Clone, Debug)]
pub struct AppState(std::sync::Arc<AppParts>);

impl AppState {
    /// The state holding `parts`.
    #[must_use]
    pub fn new(parts: AppParts) -> Self {
        Self(std::sync::Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppParts;

    fn deref(&self) -> &AppParts {
        &self.0
    }
}

/// What the application state holds.
#[derive(Clone, Debug)]
pub struct AppParts {
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
    /// The process's session look-ups, gathered into one query per batch of requests.
    pub sessions: services::sessions::Lookups,
    /// The process's signature writer.
    pub signer: services::petitions::signing::Signer,
    /// Visitors' views of petition pages, a second old at most.
    pub petition_views: services::petitions::pages::ViewCache,
    /// `DAUYS_TRUSTED_PROXIES` and `DAUYS_FORWARDED_HEADER`: the reverse proxies whose header
    /// names the client (none: the TCP peer is the client).
    pub trusted_proxies: std::sync::Arc<TrustedProxies>,
    /// `DAUYS_METRICS_TOKEN`: the bearer token that may read `/metrics` (none: nobody may).
    pub metrics_token: Option<std::sync::Arc<str>>,
    /// `DAUYS_DOCUMENTS_URL`: where attached documents' bytes are stored.
    pub documents: services::cases::documents::DocumentStore,
    /// Responsiveness tables of the last half minute.
    pub responsiveness: services::cases::responsiveness::TableCache,
    /// Lists of petitions and the home page's figures, a few seconds old at most.
    pub pages: services::petitions::discovery::PageCache,
    /// The key the signature log's checkpoints are signed with (its name is the log's origin).
    pub log_key: std::sync::Arc<services::signature_log::LogKey>,
}

/// The reverse proxies in front of the server and the one header they write the client into.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies {
    /// Their addresses or networks.
    pub networks: Vec<ipnet::IpNet>,
    /// The header they append the client to; any other is the client's own word.
    pub header: ForwardedHeader,
}

/// Which header the trusted proxies write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, …` (nginx, most load balancers).
    #[default]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=client, for=proxy1` (HAProxy's `option forwarded`, …).
    Forwarded,
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

/// Runs `work` in one transaction (SQLite's write lock taken first, see
/// [`db::begin_write`]): everything it writes — the change and the mail it causes — lands
/// together or not at all. Its error is mapped with `fail`; the mail sender is woken after the
/// commit.
///
/// # Errors
/// What `work` fails with, mapped; `Internal` when the database fails.
pub async fn in_transaction<T, E, F>(
    state: &AppState,
    fail: fn(E) -> crate::error::AppError,
    work: F,
) -> Result<T, crate::error::AppError>
where
    F: for<'c> FnOnce(
            &'c sea_orm::DatabaseTransaction,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<T, E>> + Send + 'c>,
        > + Send,
    T: Send,
{
    let internal = |e: sea_orm::DbErr| {
        tracing::error!(error = %e, "transaction failed");
        crate::error::AppError::Internal
    };
    let (_turn, txn) = db::begin_write(&state.db).await.map_err(internal)?;
    let value = work(&txn).await.map_err(fail)?;
    txn.commit().await.map_err(internal)?;
    state.mail_wake.notify();
    Ok(value)
}

/// Runs the reads of `work` in one snapshot ([`db::read_snapshot`]), for a page assembled from
/// several queries. Its error is mapped with `fail`.
///
/// # Errors
/// What `work` fails with, mapped; `Internal` when the database fails.
pub async fn in_snapshot<T, E, F>(
    state: &AppState,
    fail: fn(E) -> crate::error::AppError,
    work: F,
) -> Result<T, crate::error::AppError>
where
    F: for<'c> FnOnce(
            &'c sea_orm::DatabaseTransaction,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<T, E>> + Send + 'c>,
        > + Send,
    T: Send,
{
    let internal = |e: sea_orm::DbErr| {
        tracing::error!(error = %e, "read snapshot failed");
        crate::error::AppError::Internal
    };
    let txn = db::read_snapshot(&state.db).await.map_err(internal)?;
    let value = work(&txn).await.map_err(fail)?;
    txn.commit().await.map_err(internal)?;
    Ok(value)
}
