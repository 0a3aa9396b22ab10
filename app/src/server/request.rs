//! Who is asking, for server functions and pages: the signed-in account (from the session
//! cookie) and the CSRF token (a double-submit cookie), both put on the request by the server's
//! session middleware; and the cookies a server function sets in its answer.

use http::{HeaderValue, StatusCode, header::SET_COOKIE, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::error::AppError;
use crate::model::FormEcho;
use crate::server::services::sessions::SessionToken;

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "dauys_session";
/// The cookie holding the CSRF token that forms must echo.
pub const CSRF_COOKIE: &str = "dauys_csrf";

/// The account behind the request's session, if any.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// Account id.
    pub id: i32,
    /// Display name.
    pub display_name: String,
    /// Email address.
    pub email: String,
    /// The session's token (to end it at log-out).
    pub token: SessionToken,
    /// The account's row as the session found it (grades, region), so a signature needs no
    /// second lookup.
    pub account: crate::server::entities::user::Model,
}

/// The address the request came from (the peer of the TCP connection).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

/// The request's client address, or `unknown` when the server does not know it.
pub fn client_ip() -> String {
    parts()
        .and_then(|p| p.extensions.get::<ClientIp>().map(|ip| ip.0.clone()))
        .unwrap_or_else(|| "unknown".into())
}

/// Counts an attempt against each `(bucket, limit)`; past any limit the answer is 429.
///
/// # Errors
/// `RateLimited` past a limit; `Internal` when the database fails.
pub async fn limit(
    db: &sea_orm::DatabaseConnection,
    buckets: &[(String, crate::server::services::rate_limits::Limit)],
) -> Result<(), AppError> {
    let now = chrono::Utc::now();
    let mut allowed = true;
    for (bucket, limit) in buckets {
        let within = {
            let _turn = crate::server::db::write_turn(db).await;
            crate::server::services::rate_limits::hit(db, bucket, *limit, now).await?
        };
        if !within {
            // The bucket's kind (`login:ip`, `register:ip`, …), never the address or email.
            let kind: String = bucket.split(':').take(2).collect::<Vec<_>>().join(":");
            metrics::counter!("dauys_rate_limit_refusals_total", "bucket" => kind).increment(1);
        }
        allowed &= within;
    }
    if allowed {
        return Ok(());
    }
    set_client_error_status(StatusCode::TOO_MANY_REQUESTS);
    Err(AppError::RateLimited)
}

/// Sets a 4xx status on the answer of a call from a script. A plain HTML form (no JavaScript)
/// keeps leptos's redirect back to the form, which shows the message there.
pub fn set_client_error_status(status: StatusCode) {
    let from_html_form = parts().is_some_and(|p| {
        p.headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if !from_html_form && let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// The request's CSRF token (from its cookie, or new and being set on the answer).
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// The value of a cookie in request headers.
pub fn cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole site, `Secure` when asked.
pub fn cookie_header(name: &str, value: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{secure}")
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The signed-in account, if any.
pub fn current_user() -> Option<CurrentUser> {
    parts()?.extensions.get::<CurrentUser>().cloned()
}

/// The CSRF token forms on this page must carry.
pub fn csrf_token() -> Option<String> {
    parts()?.extensions.get::<CsrfToken>().map(|t| t.0.clone())
}

/// Refuses a state-changing call whose form does not echo the CSRF cookie, with status 403.
///
/// # Errors
/// `Forbidden` when the token is missing or different.
pub fn check_csrf(submitted: &str) -> Result<(), AppError> {
    let expected = parts().and_then(|p| cookie(&p.headers, CSRF_COOKIE));
    let matches = expected.is_some_and(|e| {
        e.len() == submitted.len()
            && e.bytes()
                .zip(submitted.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    });
    if matches { Ok(()) } else { forbid() }
}

/// Sets status 403 on the answer and returns `Forbidden`.
///
/// # Errors
/// Always.
pub fn forbid<T>() -> Result<T, AppError> {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(StatusCode::FORBIDDEN);
    }
    Err(AppError::Forbidden)
}

/// Adds a `Set-Cookie` header to the answer.
pub fn set_cookie(value: &str) {
    if let (Some(response), Ok(header)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(SET_COOKIE, header);
    }
}

/// The signed-in account, or 403 for a visitor.
///
/// # Errors
/// `Forbidden` when nobody is signed in.
pub fn signed_in() -> Result<CurrentUser, AppError> {
    match current_user() {
        Some(user) => Ok(user),
        None => forbid(),
    }
}

/// The one check before acting for a body: the signed-in account must hold `role` for `body_id`
/// (`None` for platform roles) today; otherwise 403.
///
/// # Errors
/// `Forbidden` for a visitor or an account without the role; `Internal` when the database fails.
pub async fn require_role(
    db: &impl sea_orm::ConnectionTrait,
    role: crate::model::Role,
    body_id: Option<i32>,
) -> Result<CurrentUser, AppError> {
    let user = signed_in()?;
    let today = crate::server::services::today();
    if crate::server::services::roles::holds(db, user.id, role, body_id, today).await? {
        Ok(user)
    } else {
        forbid()
    }
}

/// The cookie holding the fields of a form that just failed.
pub const FORM_ECHO_COOKIE: &str = "dauys_form";

/// The cookie value for an echo (hex of JSON, so no character needs quoting).
pub fn encode_echo(echo: &FormEcho) -> Option<String> {
    serde_json::to_vec(echo).ok().map(hex::encode)
}

fn decode_echo(value: &str) -> Option<FormEcho> {
    serde_json::from_slice(&hex::decode(value).ok()?).ok()
}

/// The echo of the request's failed form, if any.
pub fn form_echo() -> Option<FormEcho> {
    decode_echo(&cookie(&parts()?.headers, FORM_ECHO_COOKIE)?)
}

/// Sets the page's Content-Security-Policy: scripts only from this site or with the nonce
/// leptos puts on its hydration scripts, WebAssembly allowed, styles and images from this site,
/// forms posting only here, never framed.
pub fn set_page_security_policy() {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce()
        .map(|n| format!(" 'nonce-{n}'"))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
