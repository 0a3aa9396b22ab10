//! The database schema of Dauys, one change per file. A landed migration is never edited:
//! a later change gets a new file.

pub use sea_orm_migration::prelude::*;

mod m20261124_000001_create_territories;
mod m20261124_000002_create_bodies;
mod m20261124_000003_create_settings;
mod m20261124_000004_create_users;
mod m20261124_000005_create_sessions;
mod m20261124_000006_create_rate_limits;
mod m20261125_000007_create_account_tokens;
mod m20261125_000008_create_mail_outbox;
mod m20261125_000009_create_role_grants;
mod m20261125_000010_users_language_and_deletion;
mod m20261126_000011_create_petitions;
mod m20261130_000012_answer_mail_cursor;
mod m20261130_000013_territory_centre_names;
mod m20261130_000014_outbox_account;
mod m20261201_000015_create_cases;
mod m20261201_000016_case_documents;
mod m20261201_000017_create_councils;
mod m20261202_000018_council_documents_and_declines;
mod m20261203_000019_create_inquiries;
mod m20261203_000020_case_term_days;
mod m20261204_000021_discovery;
mod m20261205_000022_signature_log;
mod m20261206_000023_admin_changes;
mod m20261207_000024_bodies_and_imports;
mod m20261209_000025_topic_catalogue;
mod m20261210_000026_search_inquiries_proposals;
mod m20261211_000027_invalidation_grounds;
mod m20261212_000028_signatures_by_petition;
mod m20261213_000029_signing_address_tally;
mod m20261214_000030_signature_fold_queue;
mod m20261215_000031_address_tally_everywhere;
mod m20261216_000032_signatures_one_key;

pub use m20261209_000025_topic_catalogue::TOPICS as BUILT_IN_TOPICS;

/// Runs every migration in order; used at start-up, by `server migrate` and by the tests.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_create_territories::Migration),
            Box::new(m20261124_000002_create_bodies::Migration),
            Box::new(m20261124_000003_create_settings::Migration),
            Box::new(m20261124_000004_create_users::Migration),
            Box::new(m20261124_000005_create_sessions::Migration),
            Box::new(m20261124_000006_create_rate_limits::Migration),
            Box::new(m20261125_000007_create_account_tokens::Migration),
            Box::new(m20261125_000008_create_mail_outbox::Migration),
            Box::new(m20261125_000009_create_role_grants::Migration),
            Box::new(m20261125_000010_users_language_and_deletion::Migration),
            Box::new(m20261126_000011_create_petitions::Migration),
            Box::new(m20261130_000012_answer_mail_cursor::Migration),
            Box::new(m20261130_000013_territory_centre_names::Migration),
            Box::new(m20261130_000014_outbox_account::Migration),
            Box::new(m20261201_000015_create_cases::Migration),
            Box::new(m20261201_000016_case_documents::Migration),
            Box::new(m20261201_000017_create_councils::Migration),
            Box::new(m20261202_000018_council_documents_and_declines::Migration),
            Box::new(m20261203_000019_create_inquiries::Migration),
            Box::new(m20261203_000020_case_term_days::Migration),
            Box::new(m20261204_000021_discovery::Migration),
            Box::new(m20261205_000022_signature_log::Migration),
            Box::new(m20261206_000023_admin_changes::Migration),
            Box::new(m20261207_000024_bodies_and_imports::Migration),
            Box::new(m20261209_000025_topic_catalogue::Migration),
            Box::new(m20261210_000026_search_inquiries_proposals::Migration),
            Box::new(m20261211_000027_invalidation_grounds::Migration),
            Box::new(m20261212_000028_signatures_by_petition::Migration),
            Box::new(m20261213_000029_signing_address_tally::Migration),
            Box::new(m20261214_000030_signature_fold_queue::Migration),
            Box::new(m20261215_000031_address_tally_everywhere::Migration),
            Box::new(m20261216_000032_signatures_one_key::Migration),
        ]
    }
}
