//! Keeps what a person typed when a form fails. Every form posts to a server function; on a
//! failure the server function answers with a redirect back to the form carrying the error
//! (`__err`). This middleware sees that redirect and puts the submitted fields — never the
//! CSRF token, passwords or the IIN — into a short-lived HttpOnly cookie, which the form page
//! reads back (`app::server::request::form_echo`) to fill its fields again.

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderValue, Method, header},
    middleware::Next,
    response::Response,
};

use app::model::FormEcho;
use app::server::request::{FORM_ECHO_COOKIE, encode_echo};

/// Fields that are never echoed.
const SECRET: &[&str] = &["csrf", "password", "current_password", "iin", "token"];
/// Form bodies larger than this are passed through without echo.
const MAX_BODY: usize = 64 * 1024;
/// An echo larger than this (encoded) is not kept: cookies are small.
const MAX_COOKIE: usize = 3600;

/// The middleware.
pub async fn keep_failed_form(request: Request, next: Next) -> Response {
    let is_form_post = request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form_post {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return Response::builder()
            .status(axum::http::StatusCode::PAYLOAD_TOO_LARGE)
            .body(Body::empty())
            .unwrap_or_default();
    };
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes)
        .filter(|(name, _)| !SECRET.contains(&name.as_ref()))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let failed = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|location| location.contains("__err="));
    if failed {
        let echo = FormEcho { path, fields };
        if let Some(value) = encode_echo(&echo).filter(|v| v.len() <= MAX_COOKIE)
            && let Ok(header) = HeaderValue::from_str(&format!(
                "{FORM_ECHO_COOKIE}={value}; Path=/; Max-Age=300; HttpOnly; SameSite=Lax"
            ))
        {
            response.headers_mut().append(header::SET_COOKIE, header);
        }
    }
    response
}
