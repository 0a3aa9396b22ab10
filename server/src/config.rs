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
    /// `DAUYS_ENV`: `development` (default) or `production`.
    pub environment: Environment,
    /// `DAUYS_SEED`: seed reference and demo data at start-up when missing (default `true`).
    pub seed_on_start: bool,
    /// Leptos's own settings (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, …, set by cargo-leptos).
    pub leptos: LeptosOptions,
}

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
        let environment = match var("DAUYS_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
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
        Ok(Config {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/dauys.db?mode=rwc".into()),
            environment,
            seed_on_start,
            leptos,
        })
    }
}
