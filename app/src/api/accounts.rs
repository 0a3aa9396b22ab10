//! Server functions for accounts: register, log in, log out, and who is signed in. Every one
//! that changes state checks the form's CSRF token first.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Visitor;

/// Who is signed in (`None` for a visitor), the CSRF token the page's forms must carry, and
/// what was typed into a form that just failed.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<Visitor, AppError> {
    use crate::server::{app_state, request, services::accounts};
    let csrf = request::csrf_token().unwrap_or_default();
    let echo = request::form_echo();
    let me = match request::current_user() {
        Some(user) => accounts::me(&app_state()?.db, user.id).await?,
        None => None,
    };
    Ok(Visitor { me, csrf, echo })
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
            AccountError::WrongPassword => invalid("current_password", "wrong-password"),
            AccountError::Token(e) => invalid("token", e.message_key()),
            AccountError::Service(e) => e.into(),
        }
    }

    /// Sets the cookie of a session just started (in the transaction of the change that signs
    /// the person in, so one commit does both) and sends the browser to its profile, with a
    /// notice.
    pub fn signed_in(
        state: &AppState,
        token: &sessions::SessionToken,
        lang: &str,
        done: Option<&str>,
    ) {
        let max_age = sessions::LIFETIME.num_seconds();
        request::set_cookie(&request::cookie_header(
            SESSION_COOKIE,
            token.as_str(),
            max_age,
            state.secure_cookies,
        ));
        go(lang, "/profile", done);
    }

    /// The preamble of confirming a mailed token: the CSRF token and the per-IP limit on
    /// confirmations.
    pub async fn confirming(csrf: &str) -> Result<AppState, AppError> {
        use crate::server::services::rate_limits::CONFIRM_PER_IP;
        request::check_csrf(csrf)?;
        let state = crate::server::app_state()?;
        let ip = request::client_ip();
        request::limit(&state.db, &[(format!("confirm:ip:{ip}"), CONFIRM_PER_IP)]).await?;
        Ok(state)
    }

    /// After a confirmed token: the profile for a signed-in person, else the log-in page.
    pub fn confirmed(lang: &str, done: &str) {
        let path = if request::current_user().is_some() {
            "/profile"
        } else {
            "/login"
        };
        go(lang, path, Some(done));
    }

    /// Sends the browser to `path` in the page's language, with a notice (`?done=…`) to show.
    pub fn go(lang: &str, path: &str, done: Option<&str>) {
        let locale = Locale::from_code(lang).unwrap_or_default();
        let query = done.map(|d| format!("?done={d}")).unwrap_or_default();
        leptos_axum::redirect(&format!("/{}{path}{query}", locale.code()));
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
        services::{accounts, rate_limits::REGISTER_PER_IP, sessions},
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
        language: crate::i18n::Locale::from_code(&lang).unwrap_or_default(),
    };
    let urls = state.public_url.clone();
    // Checked and hashed first: the transaction holds SQLite's write lock only for the writes.
    let prepared = accounts::prepare_registration(&state.db, form)
        .await
        .map_err(ssr::account_error)?;
    // The account, its verification mail and its first session land together, or none does.
    let session = crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            let now = chrono::Utc::now();
            let user = accounts::create_account(txn, prepared).await?;
            accounts::send_verification(txn, &user, &urls, now).await?;
            Ok(sessions::start(txn, user.id, now).await?)
        })
    })
    .await?;
    ssr::signed_in(&state, &session, &lang, Some("registered"));
    Ok(())
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
            sessions,
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
            (
                format!("login:account-ip:{ip}:{account}"),
                LOGIN_PER_ACCOUNT,
            ),
        ],
    )
    .await?;
    let user = accounts::authenticate(&state.db, &email, &password)
        .await
        .map_err(ssr::account_error)?;
    let locale = crate::i18n::Locale::from_code(&lang);
    // The language chosen and the new session: one short write.
    let session = crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            if let Some(locale) = locale {
                accounts::set_language(txn, &user, locale).await?;
            }
            Ok(sessions::start(txn, user.id, chrono::Utc::now()).await?)
        })
    })
    .await?;
    ssr::signed_in(&state, &session, &lang, None);
    Ok(())
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

/// Mails a new verification link to the signed-in account.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `RateLimited`.
#[server(endpoint = "verify/resend")]
pub async fn resend_verification(csrf: String, lang: String) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::MAIL_PER_ACCOUNT},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    request::limit(
        &state.db,
        &[(format!("mail:account:{}", me.id), MAIL_PER_ACCOUNT)],
    )
    .await?;
    let urls = state.public_url.clone();
    crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            let user = accounts::find(txn, me.id).await?;
            if user.email_verified_at.is_none() {
                accounts::send_verification(txn, &user, &urls, chrono::Utc::now()).await?;
            }
            Ok(())
        })
    })
    .await?;
    ssr::go(&lang, "/profile", Some("verification-sent"));
    Ok(())
}

/// Verifies an email address with the token from the mail (the confirm button's POST; opening
/// the link verifies nothing).
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` on `token` for an unknown, expired or used one.
#[server(endpoint = "verify/confirm")]
pub async fn confirm_email(csrf: String, lang: String, token: String) -> Result<(), AppError> {
    use crate::server::services::accounts;
    let state = ssr::confirming(&csrf).await?;
    accounts::confirm_email(&state.db, &token, chrono::Utc::now())
        .await
        .map_err(ssr::account_error)?;
    ssr::confirmed(&lang, "email-verified");
    Ok(())
}

/// Asks for a password-reset link. The answer is the same whether or not the email is
/// registered.
///
/// # Errors
/// `Forbidden` without the CSRF token; `RateLimited`.
#[server(endpoint = "password/forgot")]
pub async fn request_reset(csrf: String, lang: String, email: String) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{
            accounts,
            rate_limits::{RESET_PER_ACCOUNT, RESET_PER_IP},
        },
    };
    request::check_csrf(&csrf)?;
    let state = app_state()?;
    let ip = request::client_ip();
    let account = email.trim().to_lowercase();
    request::limit(
        &state.db,
        &[
            (format!("reset:ip:{ip}"), RESET_PER_IP),
            (format!("reset:account:{account}"), RESET_PER_ACCOUNT),
        ],
    )
    .await?;
    let urls = state.public_url.clone();
    crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            accounts::request_reset(txn, &email, &urls, chrono::Utc::now()).await?;
            Ok(())
        })
    })
    .await?;
    ssr::go(&lang, "/password/forgot", Some("reset-sent"));
    Ok(())
}

/// Sets a new password with the token from the reset mail; every session of the account ends.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` on `token` or `password`.
#[server(endpoint = "password/reset")]
pub async fn reset_password(
    csrf: String,
    lang: String,
    token: String,
    password: String,
) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::CONFIRM_PER_IP},
    };
    request::check_csrf(&csrf)?;
    let state = app_state()?;
    let ip = request::client_ip();
    request::limit(&state.db, &[(format!("confirm:ip:{ip}"), CONFIRM_PER_IP)]).await?;
    let password = accounts::new_password(password)
        .await
        .map_err(ssr::account_error)?;
    crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            accounts::reset_password_to(txn, &token, password, chrono::Utc::now()).await?;
            Ok(())
        })
    })
    .await?;
    ssr::go(&lang, "/login", Some("password-reset"));
    Ok(())
}

/// Changes the signed-in person's password (the current one required). Every other session
/// ends; this browser gets a new one.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Invalid` on `current_password` or
/// `password`; `RateLimited`.
#[server(endpoint = "password/change")]
pub async fn change_password(
    csrf: String,
    lang: String,
    current_password: String,
    password: String,
) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::CONFIRM_PER_IP, sessions},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    let ip = request::client_ip();
    request::limit(&state.db, &[(format!("confirm:ip:{ip}"), CONFIRM_PER_IP)]).await?;
    let proof = accounts::verify_current(&state.db, me.id, &current_password)
        .await
        .map_err(ssr::account_error)?;
    let password = accounts::new_password(password)
        .await
        .map_err(ssr::account_error)?;
    // The new password and this browser's new session land together.
    let session = crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            let now = chrono::Utc::now();
            accounts::change_password_to(txn, &proof, password, now).await?;
            Ok(sessions::start(txn, me.id, now).await?)
        })
    })
    .await?;
    ssr::signed_in(&state, &session, &lang, Some("password-changed"));
    Ok(())
}

/// Starts changing the signed-in person's email: a link goes to the new address, a notice to
/// the old one.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Invalid` on `email` or
/// `current_password`; `RateLimited`.
#[server(endpoint = "email/change")]
pub async fn change_email(
    csrf: String,
    lang: String,
    email: String,
    current_password: String,
) -> Result<(), AppError> {
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::MAIL_PER_ACCOUNT},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    request::limit(
        &state.db,
        &[(format!("mail:account:{}", me.id), MAIL_PER_ACCOUNT)],
    )
    .await?;
    let urls = state.public_url.clone();
    let proof = accounts::verify_current(&state.db, me.id, &current_password)
        .await
        .map_err(ssr::account_error)?;
    crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(async move {
            accounts::request_email_change_verified(txn, &proof, &email, &urls, chrono::Utc::now())
                .await
        })
    })
    .await?;
    ssr::go(&lang, "/profile", Some("email-change-sent"));
    Ok(())
}

/// Confirms a new email address with the token from the mail (the confirm button's POST).
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` on `token`, or on `email` if the address was
/// taken meanwhile.
#[server(endpoint = "email/change/confirm")]
pub async fn confirm_email_change(
    csrf: String,
    lang: String,
    token: String,
) -> Result<(), AppError> {
    use crate::server::services::accounts;
    let state = ssr::confirming(&csrf).await?;
    accounts::confirm_email_change(&state.db, &token, chrono::Utc::now())
        .await
        .map_err(ssr::account_error)?;
    ssr::confirmed(&lang, "email-changed");
    Ok(())
}

/// Records the signed-in person's IIN (only its keyed hash is kept), raising the account to the
/// IIN-checked grade.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Invalid` on `iin`, `birth_date` or
/// `sex`; `RateLimited`.
#[server(endpoint = "iin")]
pub async fn record_iin(
    csrf: String,
    lang: String,
    iin: String,
    birth_date: String,
    sex: String,
) -> Result<(), AppError> {
    use crate::model::Sex;
    use crate::server::{
        app_state, request,
        services::{accounts, rate_limits::CONFIRM_PER_IP},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    let ip = request::client_ip();
    request::limit(&state.db, &[(format!("confirm:ip:{ip}"), CONFIRM_PER_IP)]).await?;
    let invalid = |field: &str, reason: &str| AppError::Invalid {
        field: field.into(),
        reason: reason.into(),
    };
    let birth_date = chrono::NaiveDate::parse_from_str(birth_date.trim(), "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(birth_date.trim(), "%d.%m.%Y"))
        .map_err(|_| invalid("birth_date", "birth-date-invalid"))?;
    let sex = match sex.as_str() {
        "male" => Sex::Male,
        "female" => Sex::Female,
        _ => return Err(invalid("sex", "sex-required")),
    };
    accounts::record_iin(&state.db, &state.iin_key, me.id, &iin, birth_date, sex)
        .await
        .map_err(ssr::account_error)?;
    ssr::go(&lang, "/profile", Some("iin-recorded"));
    Ok(())
}

/// Deletes the signed-in person's account (password required); what must be kept stays,
/// anonymised.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Invalid` on `current_password`, or on
/// `confirm` when the box is not ticked.
#[server(endpoint = "account/delete")]
pub async fn delete_account(
    csrf: String,
    lang: String,
    current_password: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{
        app_state,
        request::{self, SESSION_COOKIE},
        services::{accounts, rate_limits::CONFIRM_PER_IP},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    let ip = request::client_ip();
    request::limit(&state.db, &[(format!("confirm:ip:{ip}"), CONFIRM_PER_IP)]).await?;
    if confirm.is_none() {
        return Err(AppError::Invalid {
            field: "confirm".into(),
            reason: "delete-confirm-required".into(),
        });
    }
    let proof = accounts::verify_current(&state.db, me.id, &current_password)
        .await
        .map_err(ssr::account_error)?;
    crate::server::in_transaction(&state, ssr::account_error, move |txn| {
        Box::pin(
            async move { accounts::delete_verified_account(txn, &proof, chrono::Utc::now()).await },
        )
    })
    .await?;
    request::set_cookie(&request::cookie_header(
        SESSION_COOKIE,
        "",
        0,
        state.secure_cookies,
    ));
    ssr::go(&lang, "", Some("account-deleted"));
    Ok(())
}
