//! A case's clock: the term for its kind and its body's level from `deadline_terms`, counted
//! by the one deadline engine from the day it was sent, moved on by every clarification pause.
//! The due days are kept on the case row (so inboxes and statistics sort and count in SQL);
//! the sweep keeps them current and marks `overdue` and `very overdue` on the timeline, once.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr,
};

use super::super::ServiceError;
use super::super::deadlines::{self, Calendar, Pause, Term};
use super::super::timeline::{self, Event, Subject};
use crate::model::{CaseKind, CaseState, EventKind};
use crate::server::db::take_worker_lock;
use crate::server::entities::{body, case, case_pause, deadline_term};

/// The deadline engine's inputs for cases: the calendar and every term.
pub struct CaseClocks {
    calendar: Calendar,
    terms: Vec<deadline_term::Model>,
}

impl CaseClocks {
    /// Loads the calendar and the terms.
    ///
    /// # Errors
    /// A database failure.
    pub async fn load(db: &impl ConnectionTrait) -> Result<CaseClocks, ServiceError> {
        Ok(CaseClocks {
            calendar: deadlines::calendar(db).await?,
            terms: deadlines::terms(db).await?,
        })
    }

    /// The term of a case of `kind` at a body of `level`.
    ///
    /// # Errors
    /// `NotFound` when the kind has no term.
    pub fn term(&self, kind: CaseKind, level: &str) -> Result<Term, ServiceError> {
        deadlines::term_in(&self.terms, kind.term_key(), level)
    }

    /// The working days a case took from `start` to its answer on `end`, pauses left out.
    pub fn answer_days(&self, start: NaiveDate, end: NaiveDate, pauses: &[Pause]) -> i32 {
        i32::try_from(self.calendar.working_days_between(start, end, pauses)).unwrap_or(i32::MAX)
    }

    /// The term a case opening now runs by: its own (`term_days`, calendar days: an inquiry's
    /// maslikhat's) when it has one, else its kind's at its body's level.
    ///
    /// # Errors
    /// `NotFound` when the kind has no term.
    pub fn opening_term(
        &self,
        kind: CaseKind,
        level: &str,
        term_days: Option<i32>,
    ) -> Result<Term, ServiceError> {
        match term_days
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| *d > 0)
        {
            Some(amount) => Ok(Term {
                amount,
                unit: deadlines::Unit::CalendarDays,
            }),
            None => self.term(kind, level),
        }
    }

    /// The term a case runs by: the one its clock started with, kept on it (a later change of
    /// the terms leaves it alone).
    ///
    /// # Errors
    /// `NotFound` when a case without a kept term has no term for its kind.
    pub fn term_of(&self, model: &case::Model, level: &str) -> Result<Term, ServiceError> {
        match deadlines::stored_term(model.term_amount, model.term_unit.as_deref()) {
            Some(term) => Ok(term),
            None => self.opening_term(super::kind_of(model)?, level, model.term_days),
        }
    }

    /// The last day to answer and the last day before "very overdue" (twice the term), with
    /// the pauses taken into account.
    pub fn due_days(
        &self,
        term: Term,
        start: NaiveDate,
        pauses: &[Pause],
    ) -> (NaiveDate, NaiveDate) {
        let double = Term {
            amount: term.amount.saturating_mul(2),
            ..term
        };
        (
            self.calendar.due_date_with_pauses(start, term, pauses),
            self.calendar.due_date_with_pauses(start, double, pauses),
        )
    }
}

/// The days a case's clock stood still: from the day after a question to the day of its
/// reply; a question still open holds the clock up to `today`.
pub fn pauses_of(rows: &[case_pause::Model], today: NaiveDate) -> Vec<Pause> {
    rows.iter()
        .filter_map(|p| {
            let from = p.asked_on.checked_add_days(Days::new(1))?;
            let to = p.answered_on.unwrap_or(today);
            (from <= to).then_some(Pause { from, to })
        })
        .collect()
}

/// Whether a clarification request of the case is still open.
pub fn is_paused(rows: &[case_pause::Model]) -> bool {
    rows.iter().any(|p| p.answered_at.is_none())
}

/// The clarification requests of a case, oldest first.
///
/// # Errors
/// A database failure.
pub async fn pauses(
    db: &impl ConnectionTrait,
    case_id: i32,
) -> Result<Vec<case_pause::Model>, ServiceError> {
    use sea_orm::QueryOrder;
    Ok(case_pause::Entity::find()
        .filter(case_pause::Column::CaseId.eq(case_id))
        .order_by_asc(case_pause::Column::Id)
        .all(db)
        .await?)
}

/// How the page names where a waiting case stands on `today`: `paused`, `due`, `overdue` or
/// `very_overdue`; for any other state its state's name.
pub fn clock_name(model: &case::Model, paused: bool, today: NaiveDate) -> String {
    if model.state != CaseState::AwaitingAnswer.as_str() {
        return model.state.clone();
    }
    if paused {
        "paused".into()
    } else if today > model.very_due_on {
        "very_overdue".into()
    } else if today > model.due_on {
        "overdue".into()
    } else {
        "due".into()
    }
}

/// The level of a body (`national`, `regional`, …), which picks the term of its clocks.
///
/// # Errors
/// A database failure.
pub async fn level_of(db: &impl ConnectionTrait, body_id: i32) -> Result<String, ServiceError> {
    Ok(body::Entity::find_by_id(body_id)
        .one(db)
        .await?
        .map(|b| b.level)
        .unwrap_or_default())
}

/// A waiting case's clock brought up to date: its due days and the pauses they allow for.
pub struct Refreshed {
    /// The last day to answer.
    pub due: NaiveDate,
    /// The last day before "very overdue".
    pub very_due: NaiveDate,
    /// The days the clock stood still.
    pub pauses: Vec<Pause>,
}

/// Recomputes a waiting case's due days (after a pause, a forwarding, or an edit of the
/// calendar or terms) and stores them if they moved.
///
/// # Errors
/// A database failure.
pub async fn refresh(
    db: &impl ConnectionTrait,
    clocks: &CaseClocks,
    model: &case::Model,
    level: &str,
    today: NaiveDate,
) -> Result<Refreshed, ServiceError> {
    let pauses = pauses_of(&self::pauses(db, model.id).await?, today);
    let due = clocks.due_days(clocks.term_of(model, level)?, model.registered_on, &pauses);
    store_due(db, model, due).await?;
    Ok(Refreshed {
        due: due.0,
        very_due: due.1,
        pauses,
    })
}

/// Stores a waiting case's due days, if they moved.
async fn store_due(
    db: &impl ConnectionTrait,
    model: &case::Model,
    due: (NaiveDate, NaiveDate),
) -> Result<(), ServiceError> {
    if due != (model.due_on, model.very_due_on) {
        case::Entity::update_many()
            .col_expr(case::Column::DueOn, Expr::value(due.0))
            .col_expr(case::Column::VeryDueOn, Expr::value(due.1))
            .filter(case::Column::Id.eq(model.id))
            .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Runs the case part of the deadline sweep for `today`: every waiting case's due days are
/// brought up to date, and a case past them (and not paused) gets `answer_overdue`, then
/// `answer_very_overdue`, on its timeline once. Each case moves in its own short transaction
/// under the `deadline_sweep` lock. Returns the events written.
///
/// # Errors
/// A database failure; the cases swept before it stay swept.
pub async fn sweep(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ServiceError> {
    let clocks = CaseClocks::load(db).await?;
    let levels: HashMap<i32, String> = body::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.level))
        .collect();
    let waiting = case::Entity::find()
        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
        .all(db)
        .await?;
    // Every waiting case's questions in one read, not one per case.
    let mut questions: HashMap<i32, Vec<case_pause::Model>> = HashMap::new();
    for p in case_pause::Entity::find()
        .filter(
            case_pause::Column::CaseId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(case::Column::Id)
                    .from(case::Entity)
                    .and_where(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?
    {
        questions.entry(p.case_id).or_default().push(p);
    }
    let mut events = 0;
    for model in waiting {
        let level = levels.get(&model.body_id).cloned().unwrap_or_default();
        let rows = questions.remove(&model.id).unwrap_or_default();
        let due = clocks.due_days(
            clocks.term_of(&model, &level)?,
            model.registered_on,
            &pauses_of(&rows, today),
        );
        let paused = is_paused(&rows);
        let overdue = !paused && today > due.0 && model.overdue_at.is_none();
        let very = !paused && today > due.1 && model.very_overdue_at.is_none();
        if due == (model.due_on, model.very_due_on) && !overdue && !very {
            continue;
        }
        let (_turn, txn) = crate::server::db::begin_write(db).await?;
        take_worker_lock(&txn, "deadline_sweep", now).await?;
        // The due days were computed above from this case's questions: stored as they are.
        store_due(&txn, &model, due).await?;
        let flag = |column: case::Column| {
            let txn = &txn;
            async move {
                Ok::<bool, ServiceError>(
                    case::Entity::update_many()
                        .col_expr(column, Expr::value(now))
                        .filter(case::Column::Id.eq(model.id))
                        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
                        .filter(column.is_null())
                        .exec(txn)
                        .await?
                        .rows_affected
                        == 1,
                )
            }
        };
        if overdue && flag(case::Column::OverdueAt).await? {
            timeline::record(
                &txn,
                Subject::Case(model.id),
                Event::system(EventKind::AnswerOverdue),
                now,
            )
            .await?;
            events += 1;
        }
        if very && flag(case::Column::VeryOverdueAt).await? {
            timeline::record(
                &txn,
                Subject::Case(model.id),
                Event::system(EventKind::AnswerVeryOverdue),
                now,
            )
            .await?;
            events += 1;
        }
        txn.commit().await?;
    }
    Ok(events)
}
