//! The deadline sweep: moves petitions on time and writes the timeline events — moderation
//! overdue, initial support lapsed, collection expired without the threshold — then runs the
//! case clocks (the body's answer overdue and very overdue, for every kind of case). It first folds pending signatures, so a petition that gathered its
//! supporters in the last seconds is not lapsed. Safe with several processes: it holds the
//! `deadline_sweep` worker lock, and every change is conditional on the state it saw.

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr,
};

use super::counting::{self, transition};
use super::{ClockName, Clocks, Event, record, running_clock, status_of};
use crate::model::{EventKind, PetitionStatus};
use crate::server::db::take_worker_lock;
use crate::server::entities::{body, petition};
use crate::server::services::{ServiceError, deadlines::DeadlineState};

/// What one sweep changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Timeline events written.
    pub events: usize,
}

/// Runs the sweep for `today`. The candidates and clocks are read first, outside any
/// transaction; each petition then moves in its own short transaction (under the
/// `deadline_sweep` lock), so signatures never wait for the whole sweep.
///
/// # Errors
/// A database failure; the petitions swept before it stay swept.
pub async fn sweep(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<SweepReport, ServiceError> {
    while counting::fold(db, 5_000, now, today).await?.rows == 5_000 {}
    let clocks = Clocks::load(db).await?;
    let levels: HashMap<i32, String> = body::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.level))
        .collect();
    let candidates = petition::Entity::find()
        .filter(petition::Column::Status.is_in([
            PetitionStatus::Moderation.as_str(),
            PetitionStatus::Gathering.as_str(),
            PetitionStatus::Open.as_str(),
            PetitionStatus::UnderConsideration.as_str(),
        ]))
        .all(db)
        .await?;
    let mut report = SweepReport::default();
    for p in candidates {
        let needs_settling = p.status != PetitionStatus::Moderation.as_str();
        let level = levels.get(&p.body_id).cloned().unwrap_or_default();
        let due = running_clock(&p)
            .map(|(clock, start)| {
                let term = clocks.term_for(&p, clock, &level);
                (clock, clocks.state(term, start, today))
            })
            .filter(|(_, state)| *state != DeadlineState::Due);
        if !needs_settling && due.is_none() {
            continue;
        }
        let (_turn, txn) = crate::server::db::begin_write(db).await?;
        take_worker_lock(&txn, "deadline_sweep", now).await?;
        // A petition whose counts moved while its settling was lost (a crash) moves on now.
        if needs_settling {
            counting::settle(&txn, p.id, now, today).await?;
        }
        if let Some((clock, _)) = due {
            report.events += step(&txn, &p, clock, now).await?;
        }
        txn.commit().await?;
    }
    report.events += crate::server::services::cases::clock::sweep(db, now, today).await?;
    Ok(report)
}

/// One petition past its clock; returns the events written.
async fn step(
    txn: &impl ConnectionTrait,
    p: &petition::Model,
    clock: ClockName,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let status = status_of(p)?;
    let closed = |reason: &'static str| {
        vec![
            (petition::Column::ClosedAt, Expr::value(now)),
            (petition::Column::ClosedReason, Expr::value(reason)),
            (petition::Column::UpdatedAt, Expr::value(now)),
        ]
    };
    let flag = |column: petition::Column| async move {
        Ok::<bool, ServiceError>(
            petition::Entity::update_many()
                .col_expr(column, Expr::value(now))
                .filter(petition::Column::Id.eq(p.id))
                .filter(petition::Column::Status.eq(status.as_str()))
                .filter(column.is_null())
                .exec(txn)
                .await?
                .rows_affected
                == 1,
        )
    };
    let mut events = 0;
    match clock {
        ClockName::Moderation => {
            if flag(petition::Column::ModerationOverdueAt).await? {
                record(txn, p.id, Event::system(EventKind::ModerationOverdue), now).await?;
                events += 1;
            }
        }
        ClockName::InitialSupport => {
            if transition(txn, p.id, status, PetitionStatus::Closed, closed("lapsed")).await? {
                record(txn, p.id, Event::system(EventKind::Lapsed), now).await?;
                events += 1;
            }
        }
        ClockName::Collection => {
            if transition(txn, p.id, status, PetitionStatus::Closed, closed("expired")).await? {
                record(txn, p.id, Event::system(EventKind::Expired), now).await?;
                events += 1;
            }
        }
        // The body's answer runs on the petition's case (`cases::clock::sweep`).
        ClockName::Answer => {}
    }
    Ok(events)
}

/// The sweeping task: runs the sweep every `interval`, and queues any answer mail a crash left
/// unqueued.
pub async fn run(
    db: DatabaseConnection,
    interval: StdDuration,
    public_url: crate::server::services::accounts::PublicUrl,
) {
    loop {
        if let Err(error) = sweep(&db, Utc::now(), crate::server::services::today()).await {
            tracing::error!(%error, "the deadline sweep failed");
        }
        if let Err(error) =
            crate::server::services::cases::mailing::send_pending(&db, &public_url, Utc::now())
                .await
        {
            tracing::error!(%error, "queueing pending case mail failed");
        }
        if let Err(error) =
            crate::server::services::councils::following::send_pending(&db, &public_url, Utc::now())
                .await
        {
            tracing::error!(%error, "queueing pending council mail failed");
        }
        tokio::time::sleep(interval).await;
    }
}
