//! Mail: what the platform writes to people (templates in the recipient's language, plain text
//! and HTML), the outbox they wait in, and the `Mailer` that sends them over SMTP (production),
//! into files (development) or into the log.
//!
//! A mail is rendered and written to the outbox in the same transaction as the action that
//! causes it ([`enqueue`]); a background task ([`outbox::run`]) sends it later, with retries.

pub mod outbox;
mod templates;
mod transport;

pub use outbox::enqueue;
pub use templates::{CouncilNews, MailKind, Rendered, render};
pub use transport::{MailConfigError, Mailer};
