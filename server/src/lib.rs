//! The Dauys web server: configuration, the router shared by the binary and the HTTP tests,
//! language negotiation, health checks and start-up.

pub mod bench;
pub mod config;
pub mod documents;
pub mod form_echo;
pub mod guard;
pub mod imports;
pub mod language;
pub mod log_api;
pub mod metrics;
pub mod open_data;
pub mod session;

use std::{path::Path, sync::OnceLock};

use app::server::AppState;
use app::{App, shell};
use axum::{
    Router,
    extract::State,
    http::StatusCode,
    middleware,
    response::{IntoResponse, Json},
    routing::get,
};
use leptos::prelude::*;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use sea_orm::DatabaseConnection;
use tower_http::{
    compression::CompressionLayer,
    services::{ServeDir, ServeFile},
    trace::TraceLayer,
};

/// State of the axum router: Leptos's options and the application's state.
#[derive(Clone, Debug, axum::extract::FromRef)]
pub struct ServerState {
    /// Leptos's options (site root, output name, …).
    pub leptos_options: LeptosOptions,
    /// The application state handed to server functions.
    pub app: AppState,
}

/// `GET /livez`: 200 while the process serves requests, without touching the database (a
/// liveness probe; `/healthz` is the readiness one). The benchmarks' HTTP ceiling is measured
/// against it (`bench-sign --ceiling 1`).
async fn livez() -> &'static str {
    "ok"
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let db: &DatabaseConnection = &state.db;
    match db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        ),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}

/// `GET /api/account/export`: everything the platform holds about the signed-in person, as a
/// JSON download; 403 for a visitor.
async fn export_account(
    State(state): State<AppState>,
    user: Option<axum::Extension<app::server::request::CurrentUser>>,
) -> axum::response::Response {
    let Some(axum::Extension(user)) = user else {
        return (StatusCode::FORBIDDEN, "sign in to download your data").into_response();
    };
    match app::server::services::accounts::export(&state.db, user.id).await {
        Ok(data) => (
            [
                (
                    http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"dauys-my-data.json\"",
                ),
                (http::header::CACHE_CONTROL, "no-store"),
            ],
            Json(data),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The filters of the responsiveness download, as the page's URL carries them.
#[derive(Debug, Default, serde::Deserialize)]
struct ResponsivenessParams {
    region: Option<String>,
    body_kind: Option<String>,
    case_kind: Option<String>,
    year: Option<String>,
    sort: Option<String>,
    desc: Option<String>,
}

/// `GET /api/responsiveness.csv`: the public responsiveness table, filtered and sorted as the
/// page is, as a CSV download; 400 for a malformed filter.
async fn responsiveness_csv(
    State(state): State<AppState>,
    query: Result<
        axum::extract::Query<ResponsivenessParams>,
        axum::extract::rejection::QueryRejection,
    >,
) -> axum::response::Response {
    use app::server::services::cases::responsiveness;
    let Ok(axum::extract::Query(params)) = query else {
        return (StatusCode::BAD_REQUEST, "malformed filters").into_response();
    };
    let text = |v: Option<String>| {
        v.map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty() && v != "any")
    };
    let year = match text(params.year) {
        None => None,
        Some(y) => match y.parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => return (StatusCode::BAD_REQUEST, "the year is not a number").into_response(),
        },
    };
    let sort = text(params.sort);
    if sort
        .as_deref()
        .is_some_and(|s| !responsiveness::SORTS.contains(&s))
    {
        return (StatusCode::BAD_REQUEST, "unknown sort column").into_response();
    }
    let query = app::model::ResponsivenessQuery {
        region: text(params.region),
        body_kind: text(params.body_kind),
        case_kind: text(params.case_kind),
        year,
        body: None,
        sort,
        desc: params.desc.as_deref() == Some("1"),
    };
    let table = match state
        .responsiveness
        .table(&state.db, &query, app::server::services::today())
        .await
    {
        Ok(table) => table,
        Err(error) => {
            tracing::error!(%error, "responsiveness failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    csv_download("dauys-responsiveness.csv", responsiveness::csv(&table))
}

/// A CSV file as a download named `filename`, or 500 (logged) when it could not be written.
fn csv_download(
    filename: &str,
    body: Result<String, app::server::services::ServiceError>,
) -> axum::response::Response {
    match body {
        Ok(body) => (
            [
                (
                    http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_owned(),
                ),
                (
                    http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, filename, "csv failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /api/inquiries.csv`: the public register of inquiries, filtered as the page is, as a
/// CSV download; 400 for a malformed filter.
async fn inquiries_csv(
    State(state): State<AppState>,
    query: Result<
        axum::extract::Query<open_data::InquiryParams>,
        axum::extract::rejection::QueryRejection,
    >,
) -> axum::response::Response {
    use app::server::services::inquiries::views;
    let Some(query) = query.ok().and_then(|axum::extract::Query(p)| p.query()) else {
        return (StatusCode::BAD_REQUEST, "malformed filters").into_response();
    };
    let rows = match views::register_rows(&state.db, &query, app::server::services::today()).await {
        Ok(rows) => rows,
        Err(error) => {
            tracing::error!(%error, "inquiry register failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    csv_download(
        "dauys-inquiries.csv",
        views::csv(&rows, state.public_url.0.trim_end_matches('/')),
    )
}

/// The language of a calendar feed (`?lang=`; Kazakh by default).
#[derive(serde::Deserialize)]
struct CalendarParams {
    lang: Option<String>,
}

fn calendar_response(
    result: Result<String, app::server::services::ServiceError>,
    name: &str,
) -> axum::response::Response {
    use app::server::services::ServiceError;
    match result {
        Ok(body) => (
            [
                (
                    http::header::CONTENT_TYPE,
                    "text/calendar; charset=utf-8".to_owned(),
                ),
                (
                    http::header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{name}.ics\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(ServiceError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "calendar feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn calendar_locale(
    query: Result<axum::extract::Query<CalendarParams>, axum::extract::rejection::QueryRejection>,
) -> app::i18n::Locale {
    query
        .ok()
        .and_then(|axum::extract::Query(p)| p.lang)
        .and_then(|l| app::i18n::Locale::from_code(&l))
        .unwrap_or_default()
}

/// `GET /api/calendar/council/{slug}`: a council's published meetings as an iCalendar feed.
async fn council_calendar(
    State(state): State<AppState>,
    axum::extract::Path(slug): axum::extract::Path<String>,
    query: Result<axum::extract::Query<CalendarParams>, axum::extract::rejection::QueryRejection>,
) -> axum::response::Response {
    use app::server::services::councils::calendar;
    let locale = calendar_locale(query);
    let result = calendar::council_feed(&state.db, &slug, locale, &state.public_url.0).await;
    calendar_response(result, &slug)
}

/// `GET /api/calendar/meeting/{id}`: one published meeting's calendar entry; 404 for a draft.
async fn meeting_calendar(
    State(state): State<AppState>,
    path: Result<axum::extract::Path<i32>, axum::extract::rejection::PathRejection>,
    query: Result<axum::extract::Query<CalendarParams>, axum::extract::rejection::QueryRejection>,
) -> axum::response::Response {
    use app::server::services::councils::calendar;
    let Ok(axum::extract::Path(id)) = path else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let locale = calendar_locale(query);
    let result = calendar::meeting_entry(&state.db, id, locale, &state.public_url.0).await;
    calendar_response(result, &format!("meeting-{id}"))
}

/// The app's routes, generated once per process. Generating them suppresses resource loading
/// process-wide while it runs (leptos_server's `SuppressResourceLoad`), so a render that starts
/// meanwhile would never finish: it must not happen while requests are being served.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as an axum router: pages, server functions, static files, health.
/// The files of `dir` under the site's root, with their precompressed copies where built.
fn static_files(site_root: &str, dir: &str) -> ServeDir {
    ServeDir::new(Path::new(site_root).join(dir))
        .precompressed_gzip()
        .precompressed_br()
}

pub fn build_router(leptos_options: LeptosOptions, app: AppState) -> Router {
    metrics::install();
    let routes = route_list();
    let context = {
        let app = app.clone();
        move || provide_context(app.clone())
    };
    let site_root = leptos_options.site_root.to_string();
    let state = ServerState {
        leptos_options: leptos_options.clone(),
        app: app.clone(),
    };
    Router::new()
        .route("/", get(language::root_redirect))
        .route("/healthz", get(healthz))
        .route("/livez", get(livez))
        .route("/metrics", get(metrics::scrape))
        .route("/api/account/export", get(export_account))
        .route("/api/responsiveness.csv", get(responsiveness_csv))
        .route("/api/inquiries.csv", get(inquiries_csv))
        .route("/api/calendar/council/{slug}", get(council_calendar))
        .route("/api/calendar/meeting/{id}", get(meeting_calendar))
        .merge(open_data::routes())
        .route(
            "/api/cases/documents",
            axum::routing::post(documents::upload)
                .layer(axum::extract::DefaultBodyLimit::max(documents::MAX_UPLOAD)),
        )
        .route(
            "/api/meetings/documents",
            axum::routing::post(documents::upload_meeting)
                .layer(axum::extract::DefaultBodyLimit::max(documents::MAX_UPLOAD)),
        )
        .route(
            imports::UPLOAD_PATH,
            axum::routing::post(imports::upload)
                .layer(axum::extract::DefaultBodyLimit::max(imports::MAX_UPLOAD)),
        )
        .route("/api/admin/export/{kind}", get(imports::export))
        .route("/documents/{id}", get(documents::download))
        .route("/meeting-documents/{id}", get(documents::download_meeting))
        // The site's own files are answered here, not by leptos's fallback: that one answers a
        // file inside a reactive owner it makes under whatever page is rendering on the same
        // thread, and hands the file that page's response headers (the page then went out
        // without its Content-Security-Policy, and the browser refused its stylesheet).
        .nest_service("/pkg", static_files(&site_root, "pkg"))
        .nest_service("/verify", static_files(&site_root, "verify"))
        .route_service(
            "/favicon.svg",
            ServeFile::new(Path::new(&site_root).join("favicon.svg")),
        )
        .route_service(
            "/robots.txt",
            ServeFile::new(Path::new(&site_root).join("robots.txt")),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<ServerState, _>(
            context, shell,
        ))
        .layer(middleware::from_fn(form_echo::keep_failed_form))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            session::identify,
        ))
        .layer(middleware::from_fn(language::language_in_path))
        .layer(middleware::from_fn_with_state(
            guard::Guard::new(&app.public_url.0, app.secure_cookies),
            guard::guard,
        ))
        // Outside the guard, so a request is counted with the status it was answered with.
        .layer(middleware::from_fn(metrics::track))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
