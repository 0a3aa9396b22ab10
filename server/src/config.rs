//! Configuration from environment variables, with defaults for development. Every variable is
//! listed in `.env.example`.

use std::net::SocketAddr;

use leptos::config::{Env, LeptosOptions};

/// Where the platform runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    /// A developer's machine: defaults everywhere, demo data on first start.
    Development,
    /// A real deployment.
    Production,
}

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default `sqlite://data/dauys.db?mode=rwc`) or `postgres://…`.
    pub database_url: String,
    /// `DAUYS_ENV`: `production` (default) or `development`.
    pub environment: Environment,
    /// `DAUYS_SEED`: seed reference and demo data at start-up when missing (default `true`).
    pub seed_on_start: bool,
    /// Leptos's own settings (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, …, set by cargo-leptos).
    pub leptos: LeptosOptions,
    /// `DAUYS_PUBLIC_URL`: the site's address as people reach it, for links in mail (default
    /// `http://` + the listening address; required in production).
    pub public_url: String,
    /// `DAUYS_IIN_SECRET`: the key IIN hashes are made with (at least 32 characters; required in
    /// production; a fixed development key otherwise). Changing it orphans every stored hash.
    pub iin_secret: String,
    /// How mail leaves the platform.
    pub mail: MailConfig,
    /// `DAUYS_FOLD_MS`: how often new signatures are folded into the counts at the latest
    /// (default 1000; a written batch wakes the folding sooner).
    pub fold_ms: u64,
    /// `DAUYS_SWEEP_SECONDS`: how often the deadline sweep runs (default 60).
    pub sweep_seconds: u64,
    /// `DAUYS_RECONCILE_SECONDS`: how often the signature counts are checked against the rows
    /// (default 600).
    pub reconcile_seconds: u64,
    /// `DAUYS_TRUSTED_PROXIES`: comma-separated addresses or networks (`127.0.0.1`,
    /// `10.0.0.0/8`) of the reverse proxies in front of the server. Only a request from one of
    /// them has its client address taken from `X-Forwarded-For` / `Forwarded`; every other
    /// request's client is its TCP peer. Default: none.
    /// `DAUYS_FORWARDED_HEADER`: the header those proxies write the client into,
    /// `x-forwarded-for` (default) or `forwarded` (RFC 7239); the other is ignored.
    pub trusted_proxies: app::server::TrustedProxies,
    /// `DAUYS_METRICS_TOKEN`: the bearer token that may read `/metrics` (unset: nobody may).
    pub metrics_token: Option<String>,
    /// `DAUYS_DOCUMENTS_URL`: where attached documents are stored: `file:///dir` (default
    /// `data/documents` under the working directory) or `s3://bucket/prefix` (with the
    /// `AWS_*` variables: several server processes share one bucket).
    pub documents_url: String,
    /// `DAUYS_LOG_KEY`: the Ed25519 key the signature log's checkpoints are signed with, as a
    /// signed-note private key (`PRIVATE+KEY+<origin>+<id>+<base64>`; `server log-key ORIGIN`
    /// makes one). Its name is the log's origin. Required in production; in development a key
    /// is made on first start and kept in `data/log.key`.
    pub log_key: Option<String>,
}

/// Parses `DAUYS_TRUSTED_PROXIES`: addresses (a single host) or networks, comma-separated.
///
/// # Errors
/// An entry that is neither.
pub fn parse_proxies(text: &str) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    text.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| ConfigError {
                    name: "DAUYS_TRUSTED_PROXIES",
                    reason: format!(
                        "`{entry}`; expected an IP address or a network like 10.0.0.0/8"
                    ),
                })
        })
        .collect()
}

/// Where mail goes: `DAUYS_SMTP_URL` (required in production), else `.eml` files in
/// `DAUYS_MAIL_DIR` (default `data/mail`); always from `DAUYS_MAIL_FROM`.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `DAUYS_SMTP_URL`, e.g. `smtp://user:password@smtp.example.kz:587?tls=required`.
    pub smtp_url: Option<String>,
    /// `DAUYS_MAIL_DIR`: where development mail is written.
    pub directory: String,
    /// `DAUYS_MAIL_FROM`: the sender, e.g. `Dauys <no-reply@dauys.kz>`.
    pub from: String,
    /// `DAUYS_MAIL_POLL_MS`: how often the sender looks for due mail (default 2000).
    pub poll_ms: u64,
}

impl MailConfig {
    /// The mailer this configuration describes.
    ///
    /// # Errors
    /// An unusable sender, SMTP URL or directory.
    pub fn mailer(&self) -> Result<app::server::mail::Mailer, ConfigError> {
        use app::server::mail::Mailer;
        let mailer = match &self.smtp_url {
            Some(url) => Mailer::smtp(url, &self.from),
            None => Mailer::file(&self.directory, &self.from),
        };
        mailer.map_err(|e| ConfigError {
            name: "DAUYS_SMTP_URL / DAUYS_MAIL_FROM / DAUYS_MAIL_DIR",
            reason: e.to_string(),
        })
    }
}

/// The IIN key used when none is configured outside production.
const DEVELOPMENT_IIN_SECRET: &str = "dauys-development-iin-key-not-for-production-use";

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{name} is invalid: {reason}")]
pub struct ConfigError {
    name: &'static str,
    reason: String,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    /// Reads the configuration from the environment.
    ///
    /// # Errors
    /// A variable that is set but cannot be understood.
    pub fn from_env() -> Result<Config, ConfigError> {
        // Production unless development is asked for: a forgotten variable must never run a
        // deployment with the public development IIN key and cookies without `Secure`.
        let environment = match var("DAUYS_ENV").as_deref() {
            Some("development") => Environment::Development,
            None | Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError {
                    name: "DAUYS_ENV",
                    reason: format!("`{other}`; expected development or production"),
                });
            }
        };
        let seed_on_start = match var("DAUYS_SEED").as_deref() {
            None | Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => {
                return Err(ConfigError {
                    name: "DAUYS_SEED",
                    reason: format!("`{other}`; expected true or false"),
                });
            }
        };
        let site_addr: SocketAddr = var("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| ConfigError {
                name: "LEPTOS_SITE_ADDR",
                reason: format!("{e}"),
            })?;
        let leptos_env = match var("LEPTOS_ENV").as_deref() {
            Some("PROD" | "prod" | "production") => Env::PROD,
            Some(_) => Env::DEV,
            None if environment == Environment::Production => Env::PROD,
            None => Env::DEV,
        };
        let leptos = LeptosOptions::builder()
            .output_name(var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| "dauys".into()))
            .site_root(var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()))
            .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
            .site_addr(site_addr)
            .env(leptos_env)
            .build();
        let production = environment == Environment::Production;
        let required = |name: &'static str| ConfigError {
            name,
            reason: "required when DAUYS_ENV=production".into(),
        };
        let public_url = match var("DAUYS_PUBLIC_URL") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(other) => {
                return Err(ConfigError {
                    name: "DAUYS_PUBLIC_URL",
                    reason: format!("`{other}`; expected an http:// or https:// address"),
                });
            }
            None if production => return Err(required("DAUYS_PUBLIC_URL")),
            None => format!("http://{site_addr}"),
        };
        let iin_secret = match var("DAUYS_IIN_SECRET") {
            Some(secret) if secret.len() >= 32 => secret,
            Some(_) => {
                return Err(ConfigError {
                    name: "DAUYS_IIN_SECRET",
                    reason: "must be at least 32 characters".into(),
                });
            }
            None if production => return Err(required("DAUYS_IIN_SECRET")),
            None => DEVELOPMENT_IIN_SECRET.into(),
        };
        let smtp_url = var("DAUYS_SMTP_URL");
        if production && smtp_url.is_none() {
            return Err(required("DAUYS_SMTP_URL"));
        }
        let log_key = match var("DAUYS_LOG_KEY") {
            Some(key) => match app::server::services::signature_log::LogKey::parse(&key) {
                Ok(_) => Some(key),
                Err(e) => {
                    return Err(ConfigError {
                        name: "DAUYS_LOG_KEY",
                        reason: format!("not a signed-note Ed25519 private key: {e}"),
                    });
                }
            },
            None if production => return Err(required("DAUYS_LOG_KEY")),
            None => None,
        };
        let number = |name: &'static str, default: u64, unit: &str| match var(name) {
            None => Ok(default),
            Some(text) => text.parse().map_err(|_| ConfigError {
                name,
                reason: format!("`{text}`; expected {unit}"),
            }),
        };
        let poll_ms = number("DAUYS_MAIL_POLL_MS", 2000, "milliseconds")?;
        let fold_ms = number("DAUYS_FOLD_MS", 1000, "milliseconds")?;
        let sweep_seconds = number("DAUYS_SWEEP_SECONDS", 60, "seconds")?;
        let reconcile_seconds = number("DAUYS_RECONCILE_SECONDS", 600, "seconds")?;
        let mail = MailConfig {
            smtp_url,
            directory: var("DAUYS_MAIL_DIR").unwrap_or_else(|| "data/mail".into()),
            from: var("DAUYS_MAIL_FROM").unwrap_or_else(|| "Dauys <no-reply@dauys.kz>".into()),
            poll_ms,
        };
        Ok(Config {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/dauys.db?mode=rwc".into()),
            environment,
            seed_on_start,
            leptos,
            public_url,
            iin_secret,
            mail,
            fold_ms,
            sweep_seconds,
            reconcile_seconds,
            trusted_proxies: app::server::TrustedProxies {
                networks: parse_proxies(&var("DAUYS_TRUSTED_PROXIES").unwrap_or_default())?,
                header: match var("DAUYS_FORWARDED_HEADER")
                    .map(|h| h.to_ascii_lowercase())
                    .as_deref()
                {
                    None | Some("x-forwarded-for") => app::server::ForwardedHeader::XForwardedFor,
                    Some("forwarded") => app::server::ForwardedHeader::Forwarded,
                    Some(other) => {
                        return Err(ConfigError {
                            name: "DAUYS_FORWARDED_HEADER",
                            reason: format!("`{other}`; expected x-forwarded-for or forwarded"),
                        });
                    }
                },
            },
            metrics_token: var("DAUYS_METRICS_TOKEN"),
            log_key,
            documents_url: match var("DAUYS_DOCUMENTS_URL") {
                Some(url) => url,
                None => {
                    let dir = std::env::current_dir()
                        .map_err(|e| ConfigError {
                            name: "DAUYS_DOCUMENTS_URL",
                            reason: format!("no working directory to default to: {e}"),
                        })?
                        .join("data")
                        .join("documents");
                    url::Url::from_directory_path(&dir)
                        .map_err(|()| ConfigError {
                            name: "DAUYS_DOCUMENTS_URL",
                            reason: format!("{} is not an absolute path", dir.display()),
                        })?
                        .to_string()
                }
            },
        })
    }
}
