//! Demonstration data, so a newcomer's site is alive: thirty-six petitions in Kazakh, Russian
//! and English, in every state — gathering, open, under consideration (with the body's case),
//! answered (with the akimat's answer), closed and rejected — across the twenty regions'
//! akimats, with signatures spread over the weeks since each opened.
//!
//! Loaded only when asked (`server demo`, or `DAUYS_DEMO=1` with a development configuration,
//! which `scripts/run.sh` sets), never in production. It refuses a database holding accounts
//! or petitions it did not create, and does nothing when it has loaded already.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::demo_texts::{THEMES, Words};
use crate::model::{PetitionStatus, Role};
use crate::server::entities::{petition, user};
use crate::server::services::petitions::counting;
use crate::server::services::today;
use crate::server::testing::people::{self, Listed};

/// The demonstration accounts' addresses: `demo-<region>-<n>@example.kz`.
const DEMO_EMAILS: &str = "demo-%@example.kz";
/// Citizens per region.
const PER_REGION: usize = 25;
/// The regions, in the order petitions are spread over them.
const REGIONS: [&str; 20] = [
    "75", "71", "79", "35", "55", "15", "63", "31", "43", "39", "10", "11", "19", "23", "27", "33",
    "47", "59", "61", "62",
];

/// What loading did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    /// Petitions created (0 when the demonstration was there already).
    pub petitions: usize,
    /// Signatures created.
    pub signatures: usize,
}

/// Why the demonstration was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database holds accounts or petitions the demonstration did not create.
    #[error(
        "the database holds {0} accounts or petitions that are not demonstration data; the demonstration loads only into a new database"
    )]
    Foreign(u64),
    /// Something failed on the way.
    #[error("{0}")]
    Failed(String),
}

fn failed(e: impl std::fmt::Display) -> DemoError {
    DemoError::Failed(e.to_string())
}

/// The state of the `n`th demonstration petition, and how many days ago it opened.
fn plan(n: usize) -> (PetitionStatus, i64) {
    let days = 3 + i64::try_from((n * 7) % 50).unwrap_or(0);
    let status = match n % 12 {
        0 | 6 => PetitionStatus::UnderConsideration,
        1 | 7 => PetitionStatus::Answered,
        2 => PetitionStatus::Gathering,
        3 => PetitionStatus::Closed,
        4 => PetitionStatus::Rejected,
        _ => PetitionStatus::Open,
    };
    (status, days)
}

/// A small deterministic generator, so every demonstration site looks the same.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// Loads the demonstration into `db` (migrated and seeded).
///
/// # Errors
/// `Foreign` for a database with data of its own; `Failed` when a step fails.
#[allow(clippy::too_many_lines)]
pub async fn load(db: &sea_orm::DatabaseConnection) -> Result<DemoReport, DemoError> {
    let demo_accounts = user::Entity::find()
        .filter(user::Column::Email.like(DEMO_EMAILS))
        .count(db)
        .await
        .map_err(failed)?;
    let foreign_accounts = user::Entity::find()
        .filter(user::Column::Email.not_like(DEMO_EMAILS))
        .filter(user::Column::Email.not_like("%@seed.dauys.invalid"))
        .count(db)
        .await
        .map_err(failed)?;
    let petitions = petition::Entity::find().count(db).await.map_err(failed)?;
    if foreign_accounts > 0 || (demo_accounts == 0 && petitions > 0) {
        return Err(DemoError::Foreign(foreign_accounts + petitions));
    }
    if demo_accounts > 0 {
        return Ok(DemoReport::default());
    }
    // Citizens in every region; the first of Almaty's moderates, and one per region answers
    // for its akimat.
    let mut citizens: Vec<Vec<user::Model>> = Vec::new();
    for kato in REGIONS {
        citizens.push(
            people::verified_citizens(db, &format!("demo-{kato}-"), PER_REGION, kato, true)
                .await
                .map_err(failed)?,
        );
    }
    let moderator = citizens[0][0].clone();
    people::grant(db, &moderator.email, Role::Moderator, None)
        .await
        .map_err(failed)?;
    for (r, kato) in REGIONS.iter().enumerate() {
        people::grant(
            db,
            &citizens[r][1].email,
            Role::Official,
            Some(&format!("akimat-{kato}")),
        )
        .await
        .map_err(failed)?;
    }
    let now = Utc::now();
    let mut dice = Dice(0x0D0A_0075);
    let mut report = DemoReport::default();
    for n in 0..THEMES.len() * 2 {
        let theme = &THEMES[n % THEMES.len()];
        let words: &Words = match (n + n / THEMES.len()) % 3 {
            0 => &theme.kk,
            1 => &theme.ru,
            _ => &theme.en,
        };
        let r = (n * 7) % REGIONS.len();
        let kato = REGIONS[r];
        let (status, days) = plan(n);
        let opened =
            now - Duration::days(days) - Duration::hours(i64::try_from(dice.next(20)).unwrap_or(0));
        let author = &citizens[r][2 + n % (PER_REGION - 2)];
        let listed = Listed {
            title: words.title,
            summary: words.summary,
            text: words.text,
            body: &format!("akimat-{kato}"),
            kato,
            topic: theme.topic,
            status,
            opened,
        };
        let id = people::listed_petition(db, author.id, moderator.id, &listed)
            .await
            .map_err(|e| failed(format!("{e:?}")))?;
        report.petitions += 1;
        if status == PetitionStatus::Rejected {
            continue;
        }
        if status == PetitionStatus::Gathering {
            continue;
        }
        // Signatures over the days since it opened, most of them from its own region.
        let wanted = 15 + usize::try_from(dice.next(200)).unwrap_or(0);
        let mut signers: Vec<(user::Model, &str)> = Vec::new();
        for k in 0..REGIONS.len() {
            let rr = (r + k) % REGIONS.len();
            let take = if k == 0 {
                PER_REGION - 2
            } else {
                1 + usize::try_from(dice.next(8)).unwrap_or(0)
            };
            for c in citizens[rr].iter().skip(2).take(take) {
                if c.id != author.id {
                    signers.push((c.clone(), REGIONS[rr]));
                }
            }
        }
        signers.truncate(wanted);
        let span = (now - opened).num_minutes().max(60);
        for (i, (signer, region)) in signers.iter().enumerate() {
            // Early days are busier: the share of the span grows like the square of the index.
            let i = i64::try_from(i).unwrap_or(0);
            let total = i64::try_from(signers.len()).unwrap_or(1).max(1);
            let at: DateTime<Utc> = opened
                + Duration::minutes(span * i * i / (total * total))
                + Duration::minutes(i64::try_from(dice.next(50)).unwrap_or(0));
            let at = at.min(now);
            people::signatures_at(db, id, std::slice::from_ref(signer), region, at)
                .await
                .map_err(failed)?;
            report.signatures += 1;
        }
        // Under consideration and answered ones crossed their threshold: it is what they have.
        if matches!(
            status,
            PetitionStatus::UnderConsideration | PetitionStatus::Answered
        ) {
            petition::Entity::update_many()
                .col_expr(
                    petition::Column::Threshold,
                    sea_orm::sea_query::Expr::value(i64::try_from(signers.len()).unwrap_or(0)),
                )
                .filter(petition::Column::Id.eq(id))
                .exec(db)
                .await
                .map_err(failed)?;
        }
    }
    counting::fold(db, 1_000_000, now, today())
        .await
        .map_err(failed)?;
    Ok(report)
}
