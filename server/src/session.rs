//! Puts the signed-in account and the CSRF token on every page and server-function request.
//! The session comes from the `dauys_session` cookie (looked up in the database, so several
//! server processes share sessions); a visitor without a CSRF cookie gets a new one.

use app::server::{
    AppState,
    request::{
        CSRF_COOKIE, ClientIp, CsrfToken, CurrentUser, SESSION_COOKIE, cookie, cookie_header,
    },
    services::sessions::{self, SessionToken, random_token},
};
use std::net::SocketAddr;

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, header::SET_COOKIE},
    middleware::Next,
    response::Response,
};

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The middleware.
pub async fn identify(State(app): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" {
        return next.run(request).await;
    }
    let headers = request.headers();
    let session = cookie(headers, SESSION_COOKIE).filter(|t| is_token(t));
    let existing_csrf = cookie(headers, CSRF_COOKIE).filter(|t| is_token(t));
    if let Some(value) = session {
        let token = SessionToken::from_cookie(&value);
        match sessions::resume(&app.db, &token, chrono::Utc::now()).await {
            Ok(Some(user)) => {
                request.extensions_mut().insert(CurrentUser {
                    id: user.id,
                    display_name: user.display_name.clone(),
                    email: user.email.clone(),
                    token,
                    account: user,
                });
            }
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "cannot resume a session"),
        }
    }
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string());
    if let Some(ip) = ip {
        request.extensions_mut().insert(ClientIp(ip));
    }
    let new_csrf = existing_csrf.is_none().then(random_token);
    let csrf = existing_csrf
        .or_else(|| new_csrf.clone())
        .unwrap_or_default();
    request.extensions_mut().insert(CsrfToken(csrf));
    let mut response = next.run(request).await;
    if let Some(token) = new_csrf
        && let Ok(value) = HeaderValue::from_str(&cookie_header(
            CSRF_COOKIE,
            &token,
            60 * 60 * 24 * 365,
            app.secure_cookies,
        ))
    {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}
