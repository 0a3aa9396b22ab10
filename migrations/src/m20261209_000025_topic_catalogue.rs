//! Topics as an admin keeps them (issue 17): a catalogue in a table, no longer a list in code.
//!
//! - `topics`: each topic's code (what addresses and open data carry), its name in the three
//!   languages, whether it is usually a local matter (the territory's akimat and maslikhat are
//!   suggested), the ministry that answers for it nationally, its place in the lists, whether it
//!   is offered for new petitions, proposals and inquiries (a retired topic stays on what was filed
//!   under it), and a version for the admin's form. Filled here with the twelve topics the code
//!   had, their ministries looked up by slug where the bodies exist (the seed links them on a new
//!   database).
//! - `petitions.topic` loses its fixed list: on PostgreSQL a foreign key to `topics` replaces the
//!   check; on SQLite, which cannot change a check, the column is copied into one without it and
//!   triggers refuse a topic the catalogue lacks. `proposals.topic` and `inquiries.topic` get the
//!   same guard, so nothing names a topic that does not exist.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{boolean, integer, integer_null, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Topics {
    Table,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Local,
    MinistryId,
    Position,
    Active,
    Version,
}

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Id,
}

/// The topics the code had: code, whether local, the ministry's slug, names in kk, ru, en.
/// The seed links the ministries on a new database, where the bodies come after this.
pub const TOPICS: [(&str, bool, &str, [&str; 3]); 12] = [
    (
        "roads",
        true,
        "ministry-transport",
        ["Жолдар мен көшелер", "Дороги и улицы", "Roads and streets"],
    ),
    (
        "transport",
        true,
        "ministry-transport",
        [
            "Қоғамдық көлік",
            "Общественный транспорт",
            "Public transport",
        ],
    ),
    (
        "water",
        true,
        "ministry-water",
        [
            "Сумен жабдықтау және су бұру",
            "Водоснабжение и водоотведение",
            "Water supply and sewerage",
        ],
    ),
    (
        "utilities",
        true,
        "ministry-energy",
        [
            "Жылу, электр, газ және қоқыс шығару",
            "Отопление, электроснабжение, газ и вывоз мусора",
            "Heating, power, gas and waste",
        ],
    ),
    (
        "housing",
        true,
        "ministry-industry",
        ["Тұрғын үй", "Жильё", "Housing"],
    ),
    (
        "health",
        false,
        "ministry-health",
        ["Денсаулық сақтау", "Здравоохранение", "Health care"],
    ),
    (
        "education",
        false,
        "ministry-education",
        [
            "Мектептер мен балабақшалар",
            "Школы и детские сады",
            "Schools and kindergartens",
        ],
    ),
    (
        "environment",
        false,
        "ministry-ecology",
        ["Қоршаған орта", "Экология", "Environment"],
    ),
    (
        "safety",
        true,
        "ministry-internal-affairs",
        [
            "Қоғамдық тәртіп және қауіпсіздік",
            "Общественный порядок и безопасность",
            "Public order and safety",
        ],
    ),
    (
        "social",
        false,
        "ministry-labour",
        [
            "Әлеуметтік қолдау",
            "Социальная поддержка",
            "Social support",
        ],
    ),
    (
        "economy",
        false,
        "ministry-national-economy",
        [
            "Экономика және кәсіпкерлік",
            "Экономика и предпринимательство",
            "Economy and business",
        ],
    ),
    ("other", false, "", ["Басқа", "Другое", "Other"]),
];

/// The tables whose `topic` column names a topic.
const TOPIC_COLUMNS: [&str; 3] = ["petitions", "proposals", "inquiries"];

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Topics::Table)
                    .if_not_exists()
                    .col(string_len(Topics::Code, 32).primary_key())
                    .col(string_len(Topics::NameKk, 200))
                    .col(string_len(Topics::NameRu, 200))
                    .col(string_len(Topics::NameEn, 200))
                    .col(boolean(Topics::Local).default(false))
                    .col(integer_null(Topics::MinistryId))
                    .col(integer(Topics::Position).default(0))
                    .col(boolean(Topics::Active).default(true))
                    .col(integer(Topics::Version).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Topics::Table, Topics::MinistryId)
                            .to(Bodies::Table, Bodies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (position, (code, local, ministry, [kk, ru, en])) in TOPICS.iter().enumerate() {
            let ministry = if ministry.is_empty() {
                "NULL".to_owned()
            } else {
                // The ministry, or the body that took over from it if it ended.
                format!(
                    "(SELECT COALESCE(s.successor_id, b.id) FROM bodies b \
                     LEFT JOIN body_successions s ON s.body_id = b.id WHERE b.slug = {})",
                    quoted(ministry)
                )
            };
            db.execute_unprepared(&format!(
                "INSERT INTO topics (code, name_kk, name_ru, name_en, local, ministry_id, position, active, version) \
                 VALUES ({}, {}, {}, {}, {}, {ministry}, {}, TRUE, 0)",
                quoted(code),
                quoted(kk),
                quoted(ru),
                quoted(en),
                if *local { "TRUE" } else { "FALSE" },
                (position + 1) * 10,
            ))
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE petitions ALTER COLUMN topic TYPE varchar(32), \
                 DROP CONSTRAINT petitions_topic_check",
            )
            .await?;
            for table in TOPIC_COLUMNS {
                db.execute_unprepared(&format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {table}_topic_fkey \
                     FOREIGN KEY (topic) REFERENCES topics (code)"
                ))
                .await?;
            }
            return Ok(());
        }
        // SQLite cannot drop a check: the column is copied into one without it. One batch, so
        // one pooled connection runs it all.
        let mut batch = String::from(
            "ALTER TABLE petitions ADD COLUMN topic_next varchar(32) NOT NULL DEFAULT 'other'; \
             UPDATE petitions SET topic_next = topic; \
             ALTER TABLE petitions DROP COLUMN topic; \
             ALTER TABLE petitions RENAME COLUMN topic_next TO topic;",
        );
        for table in TOPIC_COLUMNS {
            for (suffix, event) in [("i", "INSERT"), ("u", "UPDATE OF topic")] {
                batch.push_str(&format!(
                    " CREATE TRIGGER {table}_topic_known_{suffix} BEFORE {event} ON {table} \
                      WHEN NOT EXISTS (SELECT 1 FROM topics WHERE code = NEW.topic) \
                      BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: {table}.topic'); END;"
                ));
            }
        }
        db.execute_unprepared(&batch).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let known = TOPICS
            .iter()
            .map(|t| quoted(t.0))
            .collect::<Vec<_>>()
            .join(", ");
        for table in TOPIC_COLUMNS {
            db.execute_unprepared(&format!(
                "UPDATE {table} SET topic = 'other' WHERE topic NOT IN ({known})"
            ))
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for table in TOPIC_COLUMNS {
                db.execute_unprepared(&format!(
                    "ALTER TABLE {table} DROP CONSTRAINT {table}_topic_fkey"
                ))
                .await?;
            }
            db.execute_unprepared(&format!(
                "ALTER TABLE petitions ALTER COLUMN topic TYPE varchar(24), \
                 ADD CONSTRAINT petitions_topic_check CHECK (topic IN ({known}))"
            ))
            .await?;
        } else {
            let mut batch = String::new();
            for table in TOPIC_COLUMNS {
                batch.push_str(&format!(
                    "DROP TRIGGER {table}_topic_known_i; DROP TRIGGER {table}_topic_known_u; "
                ));
            }
            batch.push_str(&format!(
                "ALTER TABLE petitions ADD COLUMN topic_next varchar(24) NOT NULL DEFAULT 'other' \
                   CHECK (topic_next IN ({known})); \
                 UPDATE petitions SET topic_next = topic; \
                 ALTER TABLE petitions DROP COLUMN topic; \
                 ALTER TABLE petitions RENAME COLUMN topic_next TO topic;"
            ));
            db.execute_unprepared(&batch).await?;
        }
        manager
            .drop_table(Table::drop().table(Topics::Table).to_owned())
            .await
    }
}
