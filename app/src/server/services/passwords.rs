//! Passwords: the policy (length, not a common password) and argon2id hashing at the OWASP
//! parameters (19 MiB, 2 passes, 1 lane), run off the async threads.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};

use super::ServiceError;

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;
/// The longest password accepted (argon2 would take more, but nobody types this much).
pub const MAX_LENGTH: usize = 128;

/// Passwords of acceptable length that are still among the most used, refused outright.
const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "0987654321",
    "1111111111",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "aaaaaaaaaa",
    "abc1234567",
    "abcdefghij",
    "asdfghjkl1",
    "iloveyou12",
    "password01",
    "password12",
    "password123",
    "password1234",
    "passw0rd12",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "qwertyuiop",
    "qwertyuiop1",
    "qazwsxedcr",
    "zxcvbnm123",
    "1234qwerty",
    "1234554321",
    "1122334455",
    "9876543210",
    "letmein123",
    "welcome123",
    "admin12345",
    "administrator",
    "changeme123",
    "football123",
    "sunshine12",
    "princess12",
    "starwars12",
    "dragon1234",
    "monkey1234",
    "superman12",
    "trustno1234",
    "kazakhstan",
    "kazakhstan1",
    "kazakhstan2024",
    "astana2024",
    "almaty2024",
    "qazaqstan1",
    "parol12345",
    "parol123456",
    "йцукенгшщз",
    "пароль1234",
    "пароль12345",
    "1234567890qwe",
];

/// Why a new password is refused; each maps to a message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_LENGTH`] characters.
    TooShort,
    /// More than [`MAX_LENGTH`] characters.
    TooLong,
    /// In the common-password list.
    Common,
}

impl PasswordProblem {
    /// The translation key of the message shown next to the field.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Common => "password-common",
        }
    }
}

/// Checks a new password against the policy.
///
/// # Errors
/// The problem found.
pub fn check_policy(password: &str) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if COMMON.contains(&lowered.as_str()) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

fn argon2() -> Result<Argon2<'static>, ServiceError> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| ServiceError::Corrupt(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// At most this many argon2 computations at once per process (one per core): each takes
/// 19 MiB and a core for tens of milliseconds, so a burst of registrations or log-ins queues
/// here instead of taking every core from the signing path and hundreds of MiB of memory.
fn argon2_permits() -> std::sync::Arc<tokio::sync::Semaphore> {
    static PERMITS: std::sync::OnceLock<std::sync::Arc<tokio::sync::Semaphore>> =
        std::sync::OnceLock::new();
    PERMITS
        .get_or_init(|| {
            std::sync::Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, usize::from),
            ))
        })
        .clone()
}

async fn on_argon2_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    // The permit goes with the work: a client that hangs up does not free it while the hash
    // still runs on its thread.
    let permit = argon2_permits()
        .acquire_owned()
        .await
        .map_err(|e| ServiceError::Corrupt(format!("argon2 permits: {e}")))?;
    tokio::task::spawn_blocking(move || {
        let result = work();
        drop(permit);
        result
    })
    .await
    .map_err(|e| ServiceError::Corrupt(format!("argon2 task: {e}")))?
}

/// Hashes a password (PHC string, salt included) on a blocking thread.
///
/// # Errors
/// `Corrupt` if hashing fails (it does not with valid parameters).
pub async fn hash(password: String) -> Result<String, ServiceError> {
    on_argon2_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()?
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| ServiceError::Corrupt(format!("argon2: {e}")))
    })
    .await
}

/// Whether `password` matches a stored hash, checked on a blocking thread. A malformed stored
/// hash never matches.
///
/// # Errors
/// `Corrupt` if the blocking task fails.
pub async fn verify(password: String, stored: String) -> Result<bool, ServiceError> {
    on_argon2_thread(move || {
        let Ok(parsed) = PasswordHash::new(&stored) else {
            tracing::error!("a stored password hash does not parse");
            return Ok(false);
        };
        Ok(argon2()?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(check_policy("short1"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_policy(&"x".repeat(129)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check_policy("Qwertyuiop"), Err(PasswordProblem::Common));
        assert_eq!(check_policy("steppe-wind-over-ulytau"), Ok(()));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let stored = hash("steppe-wind-over-ulytau".into())
            .await
            .expect("hashes");
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("steppe-wind-over-ulytau".into(), stored.clone())
                .await
                .expect("runs")
        );
        assert!(
            !verify("steppe-wind-over-almaty".into(), stored)
                .await
                .expect("runs")
        );
    }
}
