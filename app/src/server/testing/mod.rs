//! A fresh, migrated and seeded database per test: an SQLite file in the temporary folder, or,
//! when `TEST_DATABASE_URL` names a PostgreSQL server, a new database on it that is dropped
//! afterwards. And a real SMTP server on loopback that receives the platform's mail.

pub mod people;
mod smtp;

use std::sync::atomic::{AtomicU32, Ordering};

pub use smtp::{ReceivedMail, SmtpReceiver};

use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::{
    AppParts, AppState, db, seed,
    services::accounts::{IinKey, PublicUrl},
};

/// A database that belongs to one test.
pub struct TestDb {
    /// The connection to use.
    pub db: DatabaseConnection,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "dauys_t_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The tests' signature log key (one per process, so every state of a test database checks
/// the same checkpoints).
#[must_use]
pub fn test_log_key() -> std::sync::Arc<super::services::signature_log::LogKey> {
    static KEY: std::sync::OnceLock<std::sync::Arc<super::services::signature_log::LogKey>> =
        std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        std::sync::Arc::new(
            super::services::signature_log::LogKey::generate("dauys.test/signatures").0,
        )
    })
    .clone()
}

impl TestDb {
    /// The application state for this database, as the server builds it (with a test IIN key
    /// and `http://dauys.test` as the public address, and a signature writer of its own; the
    /// folding is left to the test, which calls `counting::fold`). Call it inside the runtime.
    pub fn app_state(&self) -> AppState {
        AppState::new(AppParts {
            db: self.db.clone(),
            secure_cookies: false,
            iin_key: IinKey::new(b"dauys-test-iin-key".to_vec()),
            public_url: PublicUrl("http://dauys.test".into()),
            mail_wake: Default::default(),
            sessions: super::services::sessions::Lookups::start(self.db.clone()),
            signer: super::services::petitions::signing::Signer::start(
                self.db.clone(),
                std::sync::Arc::default(),
            ),
            petition_views: Default::default(),
            trusted_proxies: Default::default(),
            metrics_token: None,
            documents: super::services::cases::documents::DocumentStore::in_memory(),
            responsiveness: Default::default(),
            pages: Default::default(),
            log_key: test_log_key(),
        })
    }

    /// A new database with the real migrations applied and the reference data seeded.
    ///
    /// # Panics
    /// When the database cannot be created: a test cannot run without one.
    pub async fn new() -> TestDb {
        let test = Self::empty().await;
        db::migrate(&test.db).await.expect("migrations apply");
        seed::reference_data(&test.db).await.expect("seed applies");
        test
    }

    /// A new database with nothing in it, not even the schema.
    ///
    /// # Panics
    /// When the database cannot be created.
    pub async fn empty() -> TestDb {
        let name = unique_name();
        match std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        {
            Some(admin_url) => {
                let admin = db::connect(&admin_url)
                    .await
                    .expect("TEST_DATABASE_URL opens");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("test database is created");
                admin.close().await.ok();
                let url = replace_database(&admin_url, &name);
                TestDb {
                    db: db::connect(&url).await.expect("test database opens"),
                    cleanup: Cleanup::PostgresDatabase { admin_url, name },
                }
            }
            None => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                let url = format!("sqlite://{}?mode=rwc", path.display());
                TestDb {
                    db: db::connect(&url).await.expect("test database opens"),
                    cleanup: Cleanup::SqliteFile(path),
                }
            }
        }
    }

    /// The URL of this test's database, for tests that start a server on it.
    pub fn url(&self) -> Option<String> {
        match &self.cleanup {
            Cleanup::SqliteFile(path) => Some(format!("sqlite://{}?mode=rwc", path.display())),
            Cleanup::PostgresDatabase { admin_url, name } => {
                Some(replace_database(admin_url, name))
            }
        }
    }

    /// Closes the connection and removes the database.
    pub async fn drop_database(self) {
        self.db.close().await.ok();
        match self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    std::fs::remove_file(file).ok();
                }
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                if let Ok(admin) = db::connect(&admin_url).await {
                    admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await
                        .ok();
                    admin.close().await.ok();
                }
            }
        }
    }
}

/// `postgres://host/any` with its database name replaced.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// How many rows `table` holds (a fixed table name from the test, never user input).
///
/// # Panics
/// When the table cannot be counted: the test cannot go on.
pub async fn count_rows(db: &impl sea_orm::ConnectionTrait, table: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .expect("counts")
        .expect("a row");
    row.try_get("", "n").expect("n")
}

/// Moves case `case_id`'s registration and deadlines `days` days into the past, as if the
/// platform's clock had run on: the end-to-end tests see an answer fall overdue without
/// waiting. A test fixture only (the `backdate-case` command refuses production).
///
/// # Errors
/// `NotFound` for an unknown case; a database failure.
pub async fn backdate_case(
    db: &impl sea_orm::ConnectionTrait,
    case_id: i32,
    days: u32,
) -> Result<(), crate::server::services::ServiceError> {
    use crate::server::entities::case;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let found = case::Entity::find_by_id(case_id)
        .one(db)
        .await?
        .ok_or(crate::server::services::ServiceError::NotFound)?;
    let back = chrono::Days::new(u64::from(days));
    let mut row: case::ActiveModel = found.clone().into();
    row.registered_on = Set(found.registered_on - back);
    row.registered_at = Set(found.registered_at - chrono::Duration::days(i64::from(days)));
    row.due_on = Set(found.due_on - back);
    row.very_due_on = Set(found.very_due_on - back);
    row.update(db).await?;
    if found.kind == crate::model::CaseKind::Inquiry.as_str()
        && let Some(inquiry) = crate::server::entities::inquiry::Entity::find_by_id(found.origin_id)
            .one(db)
            .await?
        && let Some(sent_on) = inquiry.sent_on
    {
        let mut row: crate::server::entities::inquiry::ActiveModel = inquiry.into();
        row.sent_on = Set(Some(sent_on - back));
        row.update(db).await?;
    }
    Ok(())
}
