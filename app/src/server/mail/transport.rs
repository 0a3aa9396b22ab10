//! The one `Mailer`: SMTP in production, `.eml` files in development, or the log.

use std::path::PathBuf;

use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart},
};

use super::Rendered;

/// Where mail goes.
#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>, PathBuf),
    Log,
}

/// Sends rendered mail from the platform's address.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.transport {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::File(_, dir) => format!("file:{}", dir.display()),
            Transport::Log => "log".to_owned(),
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &kind)
            .finish()
    }
}

/// A mail setting that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    /// The sender address does not parse.
    #[error("the sender address `{0}` is not a mailbox like `Dauys <no-reply@example.kz>`")]
    From(String),
    /// The SMTP URL does not parse.
    #[error("the SMTP URL is invalid: {0}")]
    Smtp(String),
    /// The mail directory cannot be created.
    #[error("cannot create the mail directory {0}: {1}")]
    Directory(String, String),
}

fn mailbox(from: &str) -> Result<Mailbox, MailConfigError> {
    from.parse()
        .map_err(|_| MailConfigError::From(from.to_owned()))
}

impl Mailer {
    /// Sends over SMTP: `smtp://user:password@host:587?tls=required`, `smtps://…:465`, or
    /// `smtp://127.0.0.1:2525` (no TLS, for a local relay or a test receiver).
    ///
    /// # Errors
    /// A sender or URL that does not parse.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailConfigError::Smtp(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Mailer {
            from: mailbox(from)?,
            transport: Transport::Smtp(transport),
        })
    }

    /// Writes each mail as an `.eml` file into `dir` (development).
    ///
    /// # Errors
    /// A sender that does not parse, or a directory that cannot be created.
    pub fn file(dir: impl Into<PathBuf>, from: &str) -> Result<Mailer, MailConfigError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailConfigError::Directory(dir.display().to_string(), e.to_string()))?;
        Ok(Mailer {
            from: mailbox(from)?,
            transport: Transport::File(AsyncFileTransport::new(&dir), dir),
        })
    }

    /// Writes each mail into the log (for tools that must not send anything).
    ///
    /// # Errors
    /// A sender that does not parse.
    pub fn log(from: &str) -> Result<Mailer, MailConfigError> {
        Ok(Mailer {
            from: mailbox(from)?,
            transport: Transport::Log,
        })
    }

    /// Sends one mail; the error is a one-line reason kept in the outbox.
    ///
    /// # Errors
    /// A recipient that does not parse, or the transport's failure.
    pub async fn send(&self, to: &str, mail: &Rendered) -> Result<(), String> {
        let recipient: Mailbox = to.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(mail.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                mail.html.clone(),
            ))
            .map_err(|e| format!("message: {e}"))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Transport::File(file, _) => file
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Transport::Log => {
                tracing::info!(to, subject = %mail.subject, body = %mail.text, "mail (log backend)");
                Ok(())
            }
        }
    }
}
