//! Server functions for accounts: register, log in, log out, and who is signed in. Every one
//! that changes state checks the form's CSRF token first.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Me;

/// Who is signed in (`None` for a visitor), and the CSRF token the page's forms must carry.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<(Option<Me>, String), AppError> {
    use crate::server::{app_state, request, services::accounts};
    let csrf = request::csrf_token().unwrap_or_default();
    let Some(user) = request::current_user() else {
        return Ok((None, csrf));
    };
    let state = app_state()?;
    Ok((accounts::me(&state.db, user.id).await?, csrf))
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::i18n::Locale;
    use crate::server::{
        AppState,
        request::{self, SESSION_COOKIE},
        services::{accounts::AccountError, sessions},
    };

    pub fn account_error(error: AccountError) -> AppError {
        let invalid = |field: &str, reason: &str| AppError::Invalid {
            field: field.into(),
            reason: reason.into(),
        };
        match error {
            AccountError::Invalid { field, key } => invalid(field, key),
            AccountError::EmailTaken => invalid("email", "email-taken"),
            AccountError::WrongCredentials => invalid("password", "wrong-credentials"),
            AccountError::Iin(e) => invalid("iin", e.message_key()),
            AccountError::IinMismatch => invalid("iin", "iin-mismatch"),
            AccountError::IinTaken => invalid("iin", "iin-taken"),
            AccountError::Service(e) => e.into(),
        }
    }

    /// Starts a session, sets its cookie and sends the browser to its profile.
    pub async fn sign_in(state: &AppState, user_id: i32, lang: &str) -> Result<(), AppError> {
        let token = sessions::start(&state.db, user_id, chrono::Utc::now()).await?;
        let max_age = sessions::LIFETIME.num_seconds();
        request::set_cookie(&request::cookie_header(
            SESSION_COOKIE,
            token.as_str(),
            max_age,
            state.secure_cookies,
        ));
        let locale = Locale::from_code(lang).unwrap_or_default();
        leptos_axum::redirect(&format!("/{}/profile", locale.code()));
        Ok(())
    }
}

/// Creates an account and signs it in.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` for a bad field (the field and message key).
#[server(endpoint = "register")]
pub async fn register(
    csrf: String,
    lang: String,
    email: String,
    password: String,
    display_name: String,
    region: String,
) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::REGISTER_PER_IP},
    };
    request::check_csrf(&csrf)?;
    let state = app_state()?;
    let ip = request::client_ip();
    request::limit(&state.db, &[(format!("register:ip:{ip}"), REGISTER_PER_IP)]).await?;
    let form = accounts::RegisterForm {
        email,
        password,
        display_name,
        region_kato: region,
    };
    let user = accounts::register(&state.db, form)
        .await
        .map_err(ssr::account_error)?;
    ssr::sign_in(&state, user.id, &lang).await
}

/// Signs in with email and password.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` on the password field for wrong credentials.
#[server(endpoint = "login")]
pub async fn login(
    csrf: String,
    lang: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{
            accounts,
            rate_limits::{LOGIN_PER_ACCOUNT, LOGIN_PER_IP},
        },
    };
    request::check_csrf(&csrf)?;
    let state = app_state()?;
    let ip = request::client_ip();
    let account = email.trim().to_lowercase();
    request::limit(
        &state.db,
        &[
            (format!("login:ip:{ip}"), LOGIN_PER_IP),
            (format!("login:account:{account}"), LOGIN_PER_ACCOUNT),
        ],
    )
    .await?;
    let user = accounts::authenticate(&state.db, &email, &password)
        .await
        .map_err(ssr::account_error)?;
    ssr::sign_in(&state, user.id, &lang).await
}

/// Ends this session, or with `everywhere` every session of the account.
///
/// # Errors
/// `Forbidden` without the CSRF token.
#[server(endpoint = "logout")]
pub async fn logout(
    csrf: String,
    lang: String,
    everywhere: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{
        app_state,
        request::{self, SESSION_COOKIE},
        services::sessions,
    };
    request::check_csrf(&csrf)?;
    let state = app_state()?;
    if let Some(user) = request::current_user() {
        if everywhere.is_some() {
            sessions::end_all(&state.db, user.id).await?;
        } else {
            sessions::end(&state.db, &user.token).await?;
        }
    }
    request::set_cookie(&request::cookie_header(
        SESSION_COOKIE,
        "",
        0,
        state.secure_cookies,
    ));
    let locale = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
    leptos_axum::redirect(&format!("/{}", locale.code()));
    Ok(())
}
