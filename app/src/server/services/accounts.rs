//! Accounts: registration, checking a password at log-in, and the IIN-checked identity grade.
//! Web sessions, mail and roles build on these.

use chrono::{DateTime, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, SqlErr,
};
use sha2::Sha256;

use super::{
    ServiceError, passwords, roles, sessions,
    tokens::{self, Purpose, TokenError},
};
use crate::i18n::Locale;
use crate::model::{Iin, IinError, Sex, TerritoryKind};
use crate::server::entities::{account_token, session, territory, user};
use crate::server::mail::{self, MailKind};

/// What a visitor types to register.
#[derive(Clone, Debug)]
pub struct RegisterForm {
    /// Email address (compared without case).
    pub email: String,
    /// Password, checked against the policy.
    pub password: String,
    /// The name shown on the platform.
    pub display_name: String,
    /// KATO code of the region of residence.
    pub region_kato: String,
    /// The language the person registers in (their mail is written in it).
    pub language: crate::i18n::Locale,
}

/// Why an account action was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// A field failed validation; `key` is the message's translation key.
    #[error("invalid {field}: {key}")]
    Invalid {
        /// The form field.
        field: &'static str,
        /// The translation key of the message.
        key: &'static str,
    },
    /// Another account has this email.
    #[error("email taken")]
    EmailTaken,
    /// Email or password wrong (never says which).
    #[error("wrong credentials")]
    WrongCredentials,
    /// The IIN is not a valid number.
    #[error("invalid IIN: {0}")]
    Iin(IinError),
    /// The IIN's birth date or sex differ from what the person gave.
    #[error("IIN does not match the birth date or sex")]
    IinMismatch,
    /// Another account holds this IIN.
    #[error("IIN taken")]
    IinTaken,
    /// The current password given to confirm a change is wrong.
    #[error("wrong password")]
    WrongPassword,
    /// A mailed token cannot be used.
    #[error("token: {0}")]
    Token(#[from] TokenError),
    /// A failure that is not the user's.
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<sea_orm::DbErr> for AccountError {
    fn from(error: sea_orm::DbErr) -> Self {
        AccountError::Service(ServiceError::Db(error))
    }
}

/// The server secret the IIN hashes are keyed with (from configuration, never in the database).
#[derive(Clone)]
pub struct IinKey(Vec<u8>);

impl std::fmt::Debug for IinKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IinKey(…)")
    }
}

impl IinKey {
    /// A key from configuration bytes.
    pub fn new(secret: impl Into<Vec<u8>>) -> IinKey {
        IinKey(secret.into())
    }

    /// The keyed hash of an IIN, hex-encoded: the same IIN always gives the same hash, which
    /// cannot be reversed without the key.
    pub fn hash(&self, iin: &Iin) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(iin.digits().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    // The RFC 5322 grammar from a maintained parser; the rules below are what mail servers
    // actually take (a dotted domain, no whitespace, at most 254 characters).
    email_address::EmailAddress::is_valid(email)
        && email.is_ascii()
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

fn invalid(field: &'static str, key: &'static str) -> AccountError {
    AccountError::Invalid { field, key }
}

/// A registration checked and its password hashed, before any transaction: argon2 takes tens
/// of milliseconds, and SQLite's single write lock must not wait for it.
#[derive(Debug)]
pub struct PreparedAccount {
    email: String,
    display_name: String,
    region_id: i32,
    password_hash: String,
    language: crate::i18n::Locale,
}

/// Checks a registration form and hashes its password (reads only).
///
/// # Errors
/// `Invalid` for a bad field, `EmailTaken`, or a service failure.
pub async fn prepare_registration(
    db: &impl ConnectionTrait,
    form: RegisterForm,
) -> Result<PreparedAccount, AccountError> {
    let email = normalise_email(&form.email);
    if !is_plausible_email(&email) {
        return Err(invalid("email", "email-invalid"));
    }
    let display_name = crate::server::text::clean(&form.display_name, false)
        .trim()
        .to_owned();
    if display_name.is_empty() {
        return Err(invalid("display_name", "name-required"));
    }
    if !crate::server::text::has_visible_letter(&display_name) {
        return Err(invalid("display_name", "name-no-letters"));
    }
    if display_name.chars().count() > 100 {
        return Err(invalid("display_name", "name-too-long"));
    }
    passwords::check_policy(&form.password)
        .map_err(|problem| invalid("password", problem.message_key()))?;
    let region = territory::Entity::find()
        .filter(territory::Column::Kato.eq(form.region_kato.trim()))
        .one(db)
        .await?
        .filter(|t| {
            matches!(
                TerritoryKind::parse(&t.kind),
                Some(TerritoryKind::Oblast | TerritoryKind::City)
            )
        })
        .ok_or_else(|| invalid("region", "region-unknown"))?;
    if email_taken(db, &email).await? {
        return Err(AccountError::EmailTaken);
    }
    let password_hash = passwords::hash(form.password).await?;
    Ok(PreparedAccount {
        email,
        display_name,
        region_id: region.id,
        password_hash,
        language: form.language,
    })
}

async fn email_taken(db: &impl ConnectionTrait, email: &str) -> Result<bool, AccountError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some())
}

/// Creates a prepared account (email not yet verified).
///
/// # Errors
/// `EmailTaken` when another registration took the address meanwhile; a database failure.
pub async fn create_account(
    db: &impl ConnectionTrait,
    prepared: PreparedAccount,
) -> Result<user::Model, AccountError> {
    let inserted = user::ActiveModel {
        email: Set(prepared.email),
        display_name: Set(prepared.display_name),
        region_id: Set(prepared.region_id),
        password_hash: Set(prepared.password_hash),
        email_verified_at: Set(None),
        iin_hash: Set(None),
        birth_date: Set(None),
        sex: Set(None),
        iin_checked_at: Set(None),
        created_at: Set(Utc::now()),
        language: Set(prepared.language.code().to_owned()),
        deleted_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(user) => Ok(user),
        // Two registrations racing for one email: the unique key decides.
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AccountError::EmailTaken)
        }
        Err(error) => Err(error.into()),
    }
}

/// Creates an account (email not yet verified): [`prepare_registration`] then
/// [`create_account`] on the same connection.
///
/// # Errors
/// `Invalid` for a bad field, `EmailTaken`, or a service failure; nothing is saved then.
pub async fn register(
    db: &impl ConnectionTrait,
    form: RegisterForm,
) -> Result<user::Model, AccountError> {
    let prepared = prepare_registration(db, form).await?;
    create_account(db, prepared).await
}

/// The account for an email and password.
///
/// # Errors
/// `WrongCredentials` for an unknown email or a wrong password alike (a password is hashed in
/// both cases, so the time taken does not tell them apart).
pub async fn authenticate(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
) -> Result<user::Model, AccountError> {
    /// A valid argon2id hash of a random password, verified when the email is unknown.
    const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(normalise_email(email)))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    let stored = found
        .as_ref()
        .map_or(DECOY, |u| u.password_hash.as_str())
        .to_owned();
    let matches = passwords::verify(password.to_owned(), stored).await?;
    match found {
        Some(user) if matches => Ok(user),
        _ => Err(AccountError::WrongCredentials),
    }
}

/// Raises an account to the IIN-checked grade: the IIN must be valid, match the birth date and
/// sex the person gives, and belong to no other account. Only its keyed hash is stored.
///
/// # Errors
/// `Iin`, `IinMismatch`, `IinTaken`, or a service failure; nothing changes then.
pub async fn record_iin(
    db: &impl ConnectionTrait,
    key: &IinKey,
    user_id: i32,
    iin_text: &str,
    birth_date: NaiveDate,
    sex: Sex,
) -> Result<user::Model, AccountError> {
    let iin = Iin::parse(iin_text, Utc::now().date_naive()).map_err(AccountError::Iin)?;
    if iin.birth_date() != birth_date || iin.sex() != sex {
        return Err(AccountError::IinMismatch);
    }
    let iin_hash = key.hash(&iin);
    let holder = user::Entity::find()
        .filter(user::Column::IinHash.eq(&iin_hash))
        .one(db)
        .await?;
    if holder.is_some_and(|h| h.id != user_id) {
        return Err(AccountError::IinTaken);
    }
    let account = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AccountError::Service(ServiceError::NotFound))?;
    let mut active: user::ActiveModel = account.into();
    active.iin_hash = Set(Some(iin_hash));
    active.birth_date = Set(Some(birth_date));
    active.sex = Set(Some(match sex {
        Sex::Male => "male".into(),
        Sex::Female => "female".into(),
    }));
    active.iin_checked_at = Set(Some(Utc::now()));
    match active.update(db).await {
        Ok(user) => Ok(user),
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AccountError::IinTaken)
        }
        Err(error) => Err(error.into()),
    }
}

/// The signed-in person's own view of their account.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn me(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Option<crate::model::Me>, ServiceError> {
    let Some(account) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let region = territory::Entity::find_by_id(account.region_id)
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("user {user_id} has no region")))?;
    let grade = grade_of(&account);
    Ok(Some(crate::model::Me {
        display_name: account.display_name,
        email: account.email,
        region: super::territories::summary(&region)?.names,
        grade,
        email_verified: account.email_verified_at.is_some(),
        iin_checked: account.iin_checked_at.is_some(),
        roles: roles::list(db, Some(user_id), None, super::today(), false)
            .await?
            .into_iter()
            .filter(|g| g.current)
            .collect(),
    }))
}

/// The strongest identity grade an account has reached, if any.
pub fn grade_of(account: &user::Model) -> Option<crate::model::IdentityGrade> {
    if account.iin_checked_at.is_some() {
        Some(crate::model::IdentityGrade::IinChecked)
    } else if account.email_verified_at.is_some() {
        Some(crate::model::IdentityGrade::EmailVerified)
    } else {
        None
    }
}

/// Where the links in mail point: the site's public address, without a trailing slash.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

impl PublicUrl {
    fn link(&self, locale: Locale, path: &str, token: &str) -> String {
        format!(
            "{}/{}{path}/{token}",
            self.0.trim_end_matches('/'),
            locale.code()
        )
    }
}

fn locale_of(account: &user::Model) -> Locale {
    Locale::from_code(&account.language).unwrap_or_default()
}

async fn account(db: &impl ConnectionTrait, user_id: i32) -> Result<user::Model, AccountError> {
    user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(AccountError::Service(ServiceError::NotFound))
}

/// The current password, checked before the transaction (argon2 must not run while SQLite's
/// write lock is held). The transaction then only confirms that the account's password has not
/// changed since.
#[derive(Debug)]
pub struct Verified {
    user_id: i32,
    hash: String,
}

/// Checks the signed-in person's current password (reads only).
///
/// # Errors
/// `WrongPassword`; a database failure.
pub async fn verify_current(
    db: &impl ConnectionTrait,
    user_id: i32,
    password: &str,
) -> Result<Verified, AccountError> {
    let found = account(db, user_id).await?;
    check_password(&found, password).await?;
    Ok(Verified {
        user_id,
        hash: found.password_hash,
    })
}

async fn verified_account(
    db: &impl ConnectionTrait,
    proof: &Verified,
) -> Result<user::Model, AccountError> {
    let found = account(db, proof.user_id).await?;
    if found.password_hash == proof.hash {
        Ok(found)
    } else {
        Err(AccountError::WrongPassword)
    }
}

/// A new password that passed the policy, hashed before the transaction.
#[derive(Debug)]
pub struct NewPassword(String);

/// Checks a new password against the policy and hashes it.
///
/// # Errors
/// `Invalid` on `password` for a password the policy refuses; a hashing failure.
pub async fn new_password(plain: String) -> Result<NewPassword, AccountError> {
    passwords::check_policy(&plain)
        .map_err(|problem| invalid("password", problem.message_key()))?;
    Ok(NewPassword(passwords::hash(plain).await?))
}

async fn check_password(account: &user::Model, password: &str) -> Result<(), AccountError> {
    if passwords::verify(password.to_owned(), account.password_hash.clone()).await? {
        Ok(())
    } else {
        Err(AccountError::WrongPassword)
    }
}

/// Mails the account a link that verifies its email address (after registering, or again on
/// request: an earlier link stops working).
///
/// # Errors
/// A database failure.
pub async fn send_verification(
    db: &impl ConnectionTrait,
    account: &user::Model,
    urls: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let token = tokens::issue(db, account.id, Purpose::VerifyEmail, None, now).await?;
    let locale = locale_of(account);
    let link = urls.link(locale, "/email/confirm", &token);
    mail::enqueue(
        db,
        Some(account.id),
        &account.email,
        locale,
        &account.display_name,
        &MailKind::VerifyEmail { link },
        now,
    )
    .await
}

/// Verifies the email address a verification token was sent to.
///
/// # Errors
/// `Token` for an unknown, expired or used token; a database failure.
pub async fn confirm_email(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let used = tokens::consume(db, token, Purpose::VerifyEmail, now).await??;
    let found = account(db, used.user_id).await?;
    if found.email_verified_at.is_some() {
        return Ok(found);
    }
    let mut update: user::ActiveModel = found.into();
    update.email_verified_at = Set(Some(now));
    Ok(update.update(db).await?)
}

/// Mails a password-reset link to the account with this email, if there is one. The caller
/// answers the same either way, so nobody learns whether an email is registered.
///
/// # Errors
/// A database failure.
pub async fn request_reset(
    db: &impl ConnectionTrait,
    email: &str,
    urls: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Some(found) = user::Entity::find()
        .filter(user::Column::Email.eq(normalise_email(email)))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let token = tokens::issue(db, found.id, Purpose::ResetPassword, None, now).await?;
    let locale = locale_of(&found);
    let link = urls.link(locale, "/password/reset", &token);
    mail::enqueue(
        db,
        Some(found.id),
        &found.email,
        locale,
        &found.display_name,
        &MailKind::ResetPassword { link },
        now,
    )
    .await
}

async fn set_password(
    db: &impl ConnectionTrait,
    found: user::Model,
    password: NewPassword,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let (email, name, locale) = (
        found.email.clone(),
        found.display_name.clone(),
        locale_of(&found),
    );
    let verified = found.email_verified_at.or(Some(now));
    let mut update: user::ActiveModel = found.into();
    update.password_hash = Set(password.0);
    update.email_verified_at = Set(verified);
    let updated = update.update(db).await?;
    // Every session ends: whoever knew the old password is logged out.
    sessions::end_all(db, updated.id).await?;
    mail::enqueue(
        db,
        Some(updated.id),
        &email,
        locale,
        &name,
        &MailKind::PasswordChanged,
        now,
    )
    .await?;
    Ok(updated)
}

/// Sets a new password with a reset token (which also proves the mailbox, so the email counts
/// as verified). Every session of the account ends. The token is not used up by a password the
/// policy refuses.
///
/// # Errors
/// `Invalid` for a password the policy refuses; `Token`; a database failure.
pub async fn reset_password(
    db: &impl ConnectionTrait,
    token: &str,
    password: String,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let password = new_password(password).await?;
    reset_password_to(db, token, password, now).await
}

/// [`reset_password`] with the new password already checked and hashed.
///
/// # Errors
/// `Token`; a database failure.
pub async fn reset_password_to(
    db: &impl ConnectionTrait,
    token: &str,
    password: NewPassword,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let used = tokens::consume(db, token, Purpose::ResetPassword, now).await??;
    let found = account(db, used.user_id).await?;
    set_password(db, found, password, now).await
}

/// Changes the password of a signed-in person who knows the current one. Every session ends
/// (the caller starts a new one for this browser).
///
/// # Errors
/// `WrongPassword`; `Invalid` for a new password the policy refuses; a database failure.
pub async fn change_password(
    db: &impl ConnectionTrait,
    user_id: i32,
    current: &str,
    new: String,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let proof = verify_current(db, user_id, current).await?;
    let new = new_password(new).await?;
    change_password_to(db, &proof, new, now).await
}

/// [`change_password`] with the current password verified and the new one hashed.
///
/// # Errors
/// `WrongPassword` when the password changed since it was verified; a database failure.
pub async fn change_password_to(
    db: &impl ConnectionTrait,
    proof: &Verified,
    new: NewPassword,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let found = verified_account(db, proof).await?;
    set_password(db, found, new, now).await
}

/// Starts changing the email address: the new address gets a confirmation link, the old one a
/// notice. Nothing changes until the link is confirmed.
///
/// # Errors
/// `WrongPassword`; `Invalid` for a malformed or unchanged address; `EmailTaken`; a database
/// failure.
pub async fn request_email_change(
    db: &impl ConnectionTrait,
    user_id: i32,
    password: &str,
    new_email: &str,
    urls: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let found = account(db, user_id).await?;
    new_email_for(&found, new_email)?;
    let proof = verify_current(db, user_id, password).await?;
    request_email_change_verified(db, &proof, new_email, urls, now).await
}

fn new_email_for(found: &user::Model, new_email: &str) -> Result<String, AccountError> {
    let new_email = normalise_email(new_email);
    if !is_plausible_email(&new_email) {
        return Err(invalid("email", "email-invalid"));
    }
    if new_email == found.email {
        return Err(invalid("email", "email-unchanged"));
    }
    Ok(new_email)
}

/// [`request_email_change`] with the current password verified before the transaction.
///
/// # Errors
/// `WrongPassword` when the password changed since; `Invalid`; `EmailTaken`; a database
/// failure.
pub async fn request_email_change_verified(
    db: &impl ConnectionTrait,
    proof: &Verified,
    new_email: &str,
    urls: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let found = verified_account(db, proof).await?;
    let new_email = new_email_for(&found, new_email)?;
    if email_taken(db, &new_email).await? {
        return Err(AccountError::EmailTaken);
    }
    let token = tokens::issue(
        db,
        found.id,
        Purpose::ChangeEmail,
        Some(new_email.clone()),
        now,
    )
    .await?;
    let locale = locale_of(&found);
    let link = urls.link(locale, "/email/change", &token);
    mail::enqueue(
        db,
        Some(found.id),
        &new_email,
        locale,
        &found.display_name,
        &MailKind::ConfirmNewEmail { link },
        now,
    )
    .await?;
    mail::enqueue(
        db,
        Some(found.id),
        &found.email,
        locale,
        &found.display_name,
        &MailKind::EmailChanging { new_email },
        now,
    )
    .await?;
    Ok(())
}

/// Confirms a new email address: the account's email becomes it, verified.
///
/// # Errors
/// `Token`; `EmailTaken` if another account took the address meanwhile; a database failure.
pub async fn confirm_email_change(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let used = tokens::consume(db, token, Purpose::ChangeEmail, now).await??;
    let new_email = used
        .new_email
        .ok_or_else(|| ServiceError::Corrupt("email-change token without an address".into()))?;
    let found = account(db, used.user_id).await?;
    let mut update: user::ActiveModel = found.into();
    update.email = Set(new_email);
    update.email_verified_at = Set(Some(now));
    match update.update(db).await {
        Ok(updated) => Ok(updated),
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AccountError::EmailTaken)
        }
        Err(error) => Err(error.into()),
    }
}

/// Deletes an account at its owner's request (password required). The row stays, anonymised,
/// so what the platform must keep (signatures, the history of roles) still adds up: the email,
/// name, password, IIN hash, birth date and sex are erased; sessions, tokens and roles end.
///
/// # Errors
/// `WrongPassword`; a database failure.
pub async fn delete_account(
    db: &impl ConnectionTrait,
    user_id: i32,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let proof = verify_current(db, user_id, password).await?;
    delete_verified_account(db, &proof, now).await
}

/// [`delete_account`] with the password verified before the transaction.
///
/// # Errors
/// `WrongPassword` when the password changed since; a database failure.
pub async fn delete_verified_account(
    db: &impl ConnectionTrait,
    proof: &Verified,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let found = verified_account(db, proof).await?;
    let user_id = found.id;
    let today = now.date_naive();
    for grant in roles::list(db, Some(user_id), None, today, false).await? {
        if grant.ends_on.is_none_or(|end| end >= today) {
            let model = roles::find(db, grant.id).await?;
            let last_day = today.max(model.starts_on);
            roles::end(db, user_id, model, last_day)
                .await
                .map_err(|e| match e {
                    roles::RoleError::Service(s) => AccountError::Service(s),
                    other => ServiceError::Corrupt(other.to_string()).into(),
                })?;
        }
    }
    // The account's mail, sent or waiting, names and addresses the person: every mail written
    // to the account (whatever its address then), and any older mail to its addresses.
    let mut addresses: Vec<String> = account_token::Entity::find()
        .filter(account_token::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| t.new_email)
        .collect();
    addresses.push(found.email.clone());
    {
        use crate::server::entities::outbox_mail;
        outbox_mail::Entity::delete_many()
            .filter(
                sea_orm::Condition::any()
                    .add(outbox_mail::Column::UserId.eq(user_id))
                    .add(outbox_mail::Column::Recipient.is_in(addresses)),
            )
            .exec(db)
            .await?;
    }
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    sessions::end_all(db, user_id).await?;
    // Signatures stay and keep counting (and keep the IIN fingerprint, so one person still
    // signs once), but nothing on them names or locates the person any more.
    {
        use crate::server::entities::signature;
        use sea_orm::sea_query::Expr;
        signature::Entity::update_many()
            .col_expr(signature::Column::PublicName, Expr::value(""))
            .col_expr(signature::Column::ShowName, Expr::value(false))
            .col_expr(signature::Column::Ip, Expr::value(""))
            .col_expr(signature::Column::EmailDomain, Expr::value(""))
            .filter(signature::Column::UserId.eq(user_id))
            .exec(db)
            .await?;
    }
    let mut update: user::ActiveModel = found.into();
    update.email = Set(format!("deleted-{user_id}@deleted.invalid"));
    update.display_name = Set(String::new());
    update.password_hash = Set("!deleted".into());
    update.iin_hash = Set(None);
    update.birth_date = Set(None);
    update.sex = Set(None);
    update.deleted_at = Set(Some(now));
    update.update(db).await?;
    Ok(())
}

/// Everything the platform holds about a person, for "download my data" (JSON).
///
/// # Errors
/// `NotFound` for a deleted account; a database failure.
pub async fn export(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<serde_json::Value, ServiceError> {
    let found = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let region = territory::Entity::find_by_id(found.region_id)
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("user {user_id} has no region")))?;
    let roles = roles::list(db, Some(user_id), None, super::today(), false).await?;
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let mails = crate::server::entities::outbox_mail::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(crate::server::entities::outbox_mail::Column::UserId.eq(user_id))
                .add(crate::server::entities::outbox_mail::Column::Recipient.eq(&found.email)),
        )
        .all(db)
        .await?;
    use crate::server::entities::{petition, signature};
    let petitions = petition::Entity::find()
        .filter(petition::Column::AuthorId.eq(user_id))
        .all(db)
        .await?;
    let signatures = signature::Entity::find()
        .filter(signature::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(serde_json::json!({
        "format": "dauys-account-export/1",
        "exported_at": Utc::now(),
        "account": {
            "email": found.email,
            "email_verified_at": found.email_verified_at,
            "display_name": found.display_name,
            "region": { "kato": region.kato, "name_kk": region.name_kk, "name_ru": region.name_ru, "name_en": region.name_en },
            "language": found.language,
            "created_at": found.created_at,
            "identity_grade": grade_of(&found).map(|g| g.as_str()),
            "iin_checked_at": found.iin_checked_at,
            "birth_date": found.birth_date,
            "sex": found.sex,
            "iin": if found.iin_hash.is_some() { "stored only as a keyed hash, which cannot be turned back into the number" } else { "none" },
        },
        "roles": roles.iter().map(|g| serde_json::json!({
            "role": g.role.as_str(),
            "body": g.body.as_ref().map(|(slug, _)| slug),
            "acting_for": g.for_person,
            "starts_on": g.starts_on,
            "ends_on": g.ends_on,
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| serde_json::json!({
            "created_at": s.created_at, "expires_at": s.expires_at,
        })).collect::<Vec<_>>(),
        "mail": mails.iter().map(|m| serde_json::json!({
            "subject": m.subject, "created_at": m.created_at, "sent_at": m.sent_at,
        })).collect::<Vec<_>>(),
        "petitions": petitions.iter().map(|p| serde_json::json!({
            "id": p.id, "title": p.title, "summary": p.summary, "text": p.text,
            "status": p.status, "created_at": p.created_at, "submitted_at": p.submitted_at,
        })).collect::<Vec<_>>(),
        "signatures": signatures.iter().map(|s| serde_json::json!({
            "petition": s.petition_id, "signed_at": s.created_at, "withdrawn_at": s.withdrawn_at,
            "identity_grade": s.grade, "public_name": s.public_name, "name_shown": s.show_name,
            "mail_me_the_answer": s.notify_answer, "ip": s.ip,
        })).collect::<Vec<_>>(),
    }))
}

/// A live (not deleted) account by id.
///
/// # Errors
/// `Service(NotFound)` for an unknown or deleted account; a database failure.
pub async fn find(db: &impl ConnectionTrait, user_id: i32) -> Result<user::Model, AccountError> {
    account(db, user_id).await
}

/// Makes `locale` the language of the account's mail (the language it last logged in with).
///
/// # Errors
/// A database failure.
pub async fn set_language(
    db: &impl ConnectionTrait,
    account: &user::Model,
    locale: Locale,
) -> Result<(), ServiceError> {
    if account.language != locale.code() {
        user::Entity::update_many()
            .col_expr(
                user::Column::Language,
                sea_orm::sea_query::Expr::value(locale.code()),
            )
            .filter(user::Column::Id.eq(account.id))
            .exec(db)
            .await?;
    }
    Ok(())
}
