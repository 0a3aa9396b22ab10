//! Accounts: registration, checking a password at log-in, and the IIN-checked identity grade.
//! Web sessions, mail and roles build on these.

use chrono::{NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, SqlErr,
};
use sha2::Sha256;

use super::{ServiceError, passwords};
use crate::model::{Iin, IinError, Sex, TerritoryKind};
use crate::server::entities::{territory, user};

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
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

fn invalid(field: &'static str, key: &'static str) -> AccountError {
    AccountError::Invalid { field, key }
}

/// Creates an account (email not yet verified).
///
/// # Errors
/// `Invalid` for a bad field, `EmailTaken`, or a service failure; nothing is saved then.
pub async fn register(
    db: &impl ConnectionTrait,
    form: RegisterForm,
) -> Result<user::Model, AccountError> {
    let email = normalise_email(&form.email);
    if !is_plausible_email(&email) {
        return Err(invalid("email", "email-invalid"));
    }
    let display_name = form.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(invalid("display_name", "name-required"));
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
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AccountError::EmailTaken);
    }
    let password_hash = passwords::hash(form.password).await?;
    let inserted = user::ActiveModel {
        email: Set(email),
        display_name: Set(display_name),
        region_id: Set(region.id),
        password_hash: Set(password_hash),
        email_verified_at: Set(None),
        iin_hash: Set(None),
        birth_date: Set(None),
        sex: Set(None),
        iin_checked_at: Set(None),
        created_at: Set(Utc::now()),
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
    let grade = if account.iin_checked_at.is_some() {
        Some(crate::model::IdentityGrade::IinChecked)
    } else if account.email_verified_at.is_some() {
        Some(crate::model::IdentityGrade::EmailVerified)
    } else {
        None
    };
    Ok(Some(crate::model::Me {
        display_name: account.display_name,
        email: account.email,
        region: super::territories::summary(&region)?.names,
        grade,
    }))
}
