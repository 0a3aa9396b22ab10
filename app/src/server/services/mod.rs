//! Domain services: queries and changes, each taking a connection (`&impl ConnectionTrait`) so
//! it runs inside or outside a transaction and is tested without HTTP.

pub mod accounts;
pub mod administration;
pub mod bodies;
pub mod cache;
pub mod cases;
pub mod councils;
pub mod deadlines;
pub mod housekeeping;
pub mod inquiries;
pub mod passwords;
pub mod petitions;
pub mod rate_limits;
pub mod roles;
pub mod search;
pub mod sessions;
pub mod signature_log;
pub mod site_search;
pub mod territories;
pub mod thresholds;
pub mod timeline;
pub mod tokens;
pub mod topics;

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

/// Why an action on a petition or a case was refused; each carries the message's translation key.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// A field failed validation.
    #[error("invalid {field}: {key}")]
    Invalid {
        /// The form field at fault.
        field: &'static str,
        /// The message's translation key.
        key: &'static str,
    },
    /// The action is not possible in the subject's state (or for this person).
    #[error("refused: {0}")]
    Refused(&'static str),
    /// The person may not do this.
    #[error("forbidden")]
    Forbidden,
    /// No such petition or case (or not visible).
    #[error("not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl ActionError {
    /// The error as a service failure, for background work that has no one to tell: a
    /// refusal there is a broken invariant.
    pub fn into_service(self) -> ServiceError {
        match self {
            ActionError::Service(e) => e,
            ActionError::NotFound => ServiceError::NotFound,
            other => ServiceError::Corrupt(other.to_string()),
        }
    }
}

impl From<sea_orm::DbErr> for ActionError {
    fn from(error: sea_orm::DbErr) -> Self {
        ActionError::Service(error.into())
    }
}

/// The date in Kazakhstan at the instant `now`.
pub fn day_of(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    (now + chrono::Duration::hours(5)).date_naive()
}

/// Today's date in Kazakhstan (one time zone, UTC+5, since 1 March 2024): the day roles are
/// held on and deadlines count from.
pub fn today() -> chrono::NaiveDate {
    day_of(chrono::Utc::now())
}
