//! The one error type that crosses the wire between server functions and pages. It carries a
//! code, never database text; the page renders it in the user's language.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// What went wrong, as a code the UI can translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or is not public).
    #[error("not found")]
    NotFound,
    /// The user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// A field failed validation; `reason` is a translation key.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The form field at fault.
        field: String,
        /// The translation key of the message shown next to the field.
        reason: String,
    },
    /// The action is not possible now (the petition's state, a claim held by another, …);
    /// `reason` is a translation key.
    #[error("refused: {reason}")]
    Refused {
        /// The translation key of the message.
        reason: String,
    },
    /// The request itself was malformed (a field of the wrong type, missing or repeated, a
    /// number out of range, bytes that are not UTF-8): the client's error, answered with 400.
    #[error("bad request")]
    BadRequest,
    /// Too many attempts in a short time; try again later.
    #[error("rate limited")]
    RateLimited,
    /// Something failed on the server; details are in the server log only.
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Refused { .. } => StatusCode::CONFLICT,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message to show, in the page's language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::NotFound => locale.t("error-not-found"),
            AppError::Forbidden => locale.t("error-forbidden"),
            AppError::RateLimited => locale.t("error-rate-limited"),
            AppError::BadRequest => locale.t("error-bad-request"),
            AppError::Invalid { reason, .. } | AppError::Refused { reason } => locale.t(reason),
            AppError::Internal => locale.t("error-internal"),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The request could not be read into the function's arguments: a field of the wrong
            // type, missing, repeated or out of range. The client's error, never a 500.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => {
                // The server's `guard` middleware answers it with 400.
                #[cfg(feature = "ssr")]
                tracing::debug!(error = %value, "malformed server function request");
                AppError::BadRequest
            }
            _ => {
                #[cfg(feature = "ssr")]
                tracing::warn!(error = %value, "server function transport error");
                AppError::Internal
            }
        }
    }
}
