//! Domain services: queries and changes, each taking a connection (`&impl ConnectionTrait`) so
//! it runs inside or outside a transaction and is tested without HTTP.

pub mod accounts;
pub mod bodies;
pub mod deadlines;
pub mod passwords;
pub mod rate_limits;
pub mod sessions;
pub mod territories;
pub mod thresholds;

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
