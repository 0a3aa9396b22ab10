//! Prometheus metrics at `/metrics`, for the operator only (a bearer token, `DAUYS_METRICS_TOKEN`;
//! without one configured the route answers 404). Requests are counted by route, method and
//! status with a latency histogram (the `track` middleware); the signature writer records its
//! batch sizes and restarts, the folding its folds' sizes, the rate limits their refusals; the
//! gauges that describe the database (the signature writer's queue, the folding's lag, the
//! outbox, the pool) are read when the page is scraped.

use std::sync::OnceLock;
use std::time::Instant;

use app::server::AppState;
use axum::{
    extract::{MatchedPath, Request, State},
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// The durations of the database work behind signing (a request's session look-up, gathered
/// with others', then the writer's batch, the log's sync before its signers are told, and on an
/// SQLite file the log's copy into the database).
const WORK_METRICS: [&str; 11] = [
    "dauys_session_lookup_seconds",
    "dauys_signature_answer_seconds",
    "dauys_signature_batch_seconds",
    "dauys_signature_batch_step_seconds",
    "dauys_signature_fold_seconds",
    "dauys_signature_fold_step_seconds",
    "dauys_signature_queued_seconds",
    "dauys_signature_sync_seconds",
    "dauys_sqlite_checkpoint_seconds",
    "dauys_write_turn_wait_seconds",
    "dauys_write_turn_held_seconds",
];

/// Their buckets: a batch or a fold takes milliseconds.
const WORK_SECONDS: &[f64] = &[
    0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
];

/// The process's recorder, installed on first use.
fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("dauys_http_request_duration_seconds".into()),
                    &[
                        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                    ],
                )
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("dauys_signature_batch_size".into()),
                        &[1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0],
                    )
                })
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("dauys_signature_fold_rows".into()),
                        &[10.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0],
                    )
                })
                .and_then(|b| {
                    // The signature writer's batches, the folding, and the database's one
                    // write lock (see `db::WriteTurn`).
                    WORK_METRICS.iter().try_fold(b, |b, name| {
                        b.set_buckets_for_metric(Matcher::Full((*name).into()), WORK_SECONDS)
                    })
                })
                .and_then(PrometheusBuilder::install_recorder)
                .map_err(|error| tracing::warn!(%error, "metrics recorder not installed"))
                .ok()
        })
        .as_ref()
}

/// Installs the recorder (so that counts start with the process, not with the first scrape).
pub fn install() {
    handle();
}

/// The middleware that counts every request by its route pattern (never the raw path: ids
/// and tokens would make a series each).
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_owned(), |p| p.as_str().to_owned());
    let route = if route.starts_with("/pkg/") {
        "/pkg".to_owned()
    } else {
        route
    };
    // A closed set: a made-up method must not make a series of its own.
    let method = match *request.method() {
        axum::http::Method::GET => "GET",
        axum::http::Method::HEAD => "HEAD",
        axum::http::Method::POST => "POST",
        axum::http::Method::PUT => "PUT",
        axum::http::Method::DELETE => "DELETE",
        axum::http::Method::PATCH => "PATCH",
        axum::http::Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    };
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("dauys_http_requests_total", "route" => route.clone(), "method" => method, "status" => status)
        .increment(1);
    metrics::histogram!("dauys_http_request_duration_seconds", "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics`: the Prometheus text format, for a reader with the configured bearer token.
pub async fn scrape(State(app): State<AppState>, request: Request) -> Response {
    let Some(expected) = app.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let matches = given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !matches {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "a bearer token is required",
        )
            .into_response();
    }
    let Some(handle) = handle() else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    if let Err(error) = read_gauges(&app).await {
        tracing::warn!(%error, "metrics: cannot read the database gauges");
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle.render(),
    )
        .into_response()
}

#[allow(clippy::cast_precision_loss)]
async fn read_gauges(app: &AppState) -> Result<(), sea_orm::DbErr> {
    metrics::gauge!("dauys_signature_queue_depth").set(app.signer.queue_depth() as f64);
    metrics::gauge!("dauys_signature_writer_restarts").set(app.signer.writer_restarts() as f64);
    let db = &app.db;
    let backend = db.get_database_backend();
    let (size, idle) = match backend {
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
    };
    metrics::gauge!("dauys_db_pool_connections").set(f64::from(size));
    metrics::gauge!("dauys_db_pool_idle").set(idle as f64);
    metrics::gauge!("dauys_db_pool_in_use").set(f64::from(size) - idle as f64);

    let oldest = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT created_at AS oldest FROM signatures WHERE id = (SELECT MIN(signature_id) FROM signature_fold_queue)",
        ))
        .await?
        .and_then(|row| {
            row.try_get::<Option<chrono::DateTime<chrono::Utc>>>("", "oldest")
                .ok()
                .flatten()
        });
    let lag = oldest.map_or(0.0, |at| {
        (chrono::Utc::now() - at).num_milliseconds().max(0) as f64 / 1000.0
    });
    metrics::gauge!("dauys_fold_lag_seconds").set(lag);

    let count = |sql: &'static str| async move {
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await?;
        Ok::<f64, sea_orm::DbErr>(
            row.and_then(|r| r.try_get::<i64>("", "n").ok())
                .unwrap_or_default() as f64,
        )
    };
    metrics::gauge!("dauys_outbox_pending").set(
        count("SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            .await?,
    );
    metrics::gauge!("dauys_outbox_failed")
        .set(count("SELECT COUNT(*) AS n FROM mail_outbox WHERE failed_at IS NOT NULL").await?);
    metrics::gauge!("dauys_outbox_retrying").set(
        count("SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND attempts > 0")
            .await?,
    );
    Ok(())
}
