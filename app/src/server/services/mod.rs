//! Domain services: queries and changes, each taking a connection (`&impl ConnectionTrait`) so
//! it runs inside or outside a transaction and is tested without HTTP.

pub mod accounts;
pub mod bodies;
pub mod deadlines;
pub mod housekeeping;
pub mod passwords;
pub mod petitions;
pub mod rate_limits;
pub mod roles;
pub mod sessions;
pub mod territories;
pub mod thresholds;
pub mod tokens;

use sea_orm::DbErr;

use crate::error::AppError;

/// What a service can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] DbErr),
    /// Stored data breaks an invariant the schema cannot express (a bug or a bad manual edit).
    #[error("corrupt data: {0}")]
    Corrupt(String),
}

impl From<ServiceError> for AppError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "service failed");
                AppError::Internal
            }
        }
    }
}

/// Today's date in Kazakhstan (one time zone, UTC+5, since 1 March 2024): the day roles are
/// held on and deadlines count from.
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(5)).date_naive()
}
