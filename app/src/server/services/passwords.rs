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
        .get_or_init(|| std::sync::Arc::new(tokio::sync::Semaphore::new(argon2_threads())))
        .clone()
}

fn argon2_threads() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// The nice value of the threads that hash passwords. A higher value is a smaller share of a
/// busy core: at 10 the kernel gives such a thread about a tenth of the time of a request
/// thread (nice 0) when both want the same core. During a signing surge, a burst of
/// registrations and log-ins then waits for the cores instead of doubling every signer's
/// latency (issue 10: sign p99 34 ms beside 20 registrations a second, against 20 ms alone);
/// when the cores are idle, a hash runs at full speed as before.
/// `DAUYS_ARGON2_NICE` (0 to 19) overrides it: 0 hashes at the request threads' priority.
pub const ARGON2_NICE: i32 = 10;

fn argon2_nice() -> i32 {
    std::env::var("DAUYS_ARGON2_NICE")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| (0..=19).contains(n))
        .unwrap_or(ARGON2_NICE)
}

type Job = Box<dyn FnOnce() + Send>;

/// The queue of the password-hashing threads: as many threads as cores, each started at
/// [`ARGON2_NICE`]. `None` if no thread could be started (the work then runs on Tokio's
/// blocking threads at normal priority).
fn argon2_pool() -> Option<&'static std::sync::Mutex<std::sync::mpsc::Sender<Job>>> {
    static POOL: std::sync::OnceLock<Option<std::sync::Mutex<std::sync::mpsc::Sender<Job>>>> =
        std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
        let mut started = 0;
        for n in 0..argon2_threads() {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    lower_this_threads_priority();
                    loop {
                        let next = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = next else { return };
                        // A panic in one hash must not take the thread with it; the caller
                        // sees its reply channel closed.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                });
            match spawned {
                Ok(_) => started += 1,
                Err(e) => tracing::error!("cannot start a password-hashing thread: {e}"),
            }
        }
        (started > 0).then(|| std::sync::Mutex::new(jobs))
    })
    .as_ref()
}

/// On Linux a nice value belongs to a thread, not the process: `setpriority` with this thread's
/// id lowers this thread only. Raising a priority needs a privilege; lowering never does.
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    if let Err(e) =
        rustix::process::setpriority_process(Some(rustix::thread::gettid()), argon2_nice())
    {
        tracing::warn!("password hashing runs at normal priority: {e}");
    }
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
    let (reply, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let outcome = work();
        drop(permit);
        let _ = reply.send(outcome);
    });
    // Only if the pool is gone (it never is once started) does the hash fall back to a
    // blocking thread of normal priority.
    let unsent = match argon2_pool().map(std::sync::Mutex::lock) {
        Some(Ok(jobs)) => jobs.send(job).err().map(|e| e.0),
        _ => Some(job),
    };
    if let Some(job) = unsent {
        drop(tokio::task::spawn_blocking(job));
    }
    result
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

    /// A hash runs on a thread of lower priority than the request threads, so that a burst of
    /// registrations yields the cores to signing (issue 10), and the thread survives a panic.
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn passwords_are_hashed_on_threads_of_lower_priority() {
        let ours = rustix::process::getpriority_process(Some(rustix::thread::gettid()))
            .expect("reads our priority");
        let theirs = on_argon2_thread(|| {
            rustix::process::getpriority_process(Some(rustix::thread::gettid()))
                .map_err(|e| ServiceError::Corrupt(e.to_string()))
        })
        .await
        .expect("runs");
        // A test run that is itself niced past ARGON2_NICE keeps its own value.
        assert_eq!(theirs, ARGON2_NICE.max(ours));
        assert!(
            on_argon2_thread::<()>(|| panic!("a hash that panics"))
                .await
                .is_err()
        );
        for _ in 0..2 * argon2_threads() {
            assert!(hash("steppe-wind-over-ulytau".into()).await.is_ok());
        }
    }
}
