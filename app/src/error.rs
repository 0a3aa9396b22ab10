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
    /// Too many attempts in a short time; try again later.
    #[error("rate limited")]
    RateLimited,
    /// Something failed on the server; details are in the server log only.
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The message to show, in the page's language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::NotFound => locale.t("error-not-found"),
            AppError::Forbidden => locale.t("error-forbidden"),
            AppError::RateLimited => locale.t("error-rate-limited"),
            AppError::Invalid { reason, .. } | AppError::Refused { reason } => locale.t(reason),
            AppError::Internal => locale.t("error-internal"),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function transport error");
        #[cfg(not(feature = "ssr"))]
        let _ = value;
        AppError::Internal
    }
}
