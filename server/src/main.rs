//! The `server` binary: `server` (or `server serve`) runs the site; `server migrate` applies the
//! migrations; `server seed` adds missing reference data. Exits non-zero with a one-line reason
//! when the configuration or the database cannot be used.

use std::process::ExitCode;

use app::server::{AppState, db, seed};
use server::{build_router, config::Config};
use tracing_subscriber::{EnvFilter, fmt};

const USAGE: &str = "usage: server [serve|migrate|seed|help]

  serve    run the web site (default): migrates, seeds when empty, then listens
  migrate  apply pending database migrations and exit
  seed     add missing reference data (regions, bodies, settings) and exit

Configuration comes from the environment; see .env.example.";

#[tokio::main]
async fn main() -> ExitCode {
    // A `.env` file in the working directory, if any, fills in variables not already set.
    let dotenv = dotenvy::dotenv();
    fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    if let Err(error) = dotenv
        && !error.not_found()
    {
        eprintln!("dauys: cannot read .env: {error}");
        return ExitCode::FAILURE;
    }
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let result = match command.as_str() {
        "serve" => serve().await,
        "migrate" => migrate_only().await,
        "seed" => seed_only().await,
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("dauys: {reason}");
            ExitCode::FAILURE
        }
    }
}

async fn open(config: &Config) -> Result<sea_orm::DatabaseConnection, String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    Ok(db)
}

async fn migrate_only() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    open(&config).await?;
    println!("migrations applied");
    Ok(())
}

async fn seed_only() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = open(&config).await?;
    let report = seed::reference_data(&db)
        .await
        .map_err(|e| format!("cannot seed: {e}"))?;
    println!(
        "seeded: {} territories, {} bodies, {} settings rows added",
        report.territories, report.bodies, report.settings
    );
    Ok(())
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = open(&config).await?;
    if config.seed_on_start {
        let report = seed::reference_data(&db)
            .await
            .map_err(|e| format!("cannot seed: {e}"))?;
        if report.added_anything() {
            tracing::info!(?report, "reference data seeded");
        }
    }
    let addr = config.leptos.site_addr;
    let router = build_router(
        config.leptos.clone(),
        AppState {
            db: db.clone(),
            secure_cookies: config.environment == server::config::Environment::Production,
        },
    );
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server failed: {e}"))?;
    db.close().await.ok();
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM, so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let interrupt = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
