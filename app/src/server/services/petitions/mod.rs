//! Petitions from filing to answer. `filing` (drafts, submission), `moderation` (the queue,
//! claims, decisions), `signing` (the batched signature writer), `counting` (folding signature
//! rows into counts, thresholds, reconciliation), `sweep` (deadlines), `answers` (the body's
//! answer and its rating), `fraud` (bulk invalidation) and `pages` (what the pages read).
//!
//! Every state change is a conditional `UPDATE … WHERE status = <expected>`: of two racing
//! changes (two moderators, two server processes sweeping) exactly one wins, and only the winner
//! writes its timeline event, in the same transaction.

pub mod answers;
pub mod counting;
pub mod discovery;
pub mod filing;
pub mod fraud;
pub mod moderation;
pub mod pages;
pub mod signing;
pub mod sweep;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::{ServiceError, deadlines, timeline::Subject};
use crate::model::PetitionStatus;
use crate::server::entities::{petition, platform_setting};

pub use super::ActionError as PetitionError;

/// Times the steps of a piece of background work (the signature writer's batch, a fold): each
/// step is one series of the histogram `metric`, labelled `step`.
struct Steps {
    metric: &'static str,
    at: std::time::Instant,
}

impl Steps {
    fn new(metric: &'static str) -> Steps {
        Steps {
            metric,
            at: std::time::Instant::now(),
        }
    }

    /// Records the time since the last mark (or the start) as `step`.
    fn mark(&mut self, step: &'static str) {
        let now = std::time::Instant::now();
        metrics::histogram!(self.metric, "step" => step).record(now - self.at);
        self.at = now;
    }
}

/// Loads a petition.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<petition::Model, PetitionError> {
    petition::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(PetitionError::NotFound)
}

/// An update that also releases the moderator's claim (submission, withdrawal, a decision).
pub fn releasing_claim(
    update: sea_orm::UpdateMany<petition::Entity>,
) -> sea_orm::UpdateMany<petition::Entity> {
    use sea_orm::sea_query::Expr;
    update
        .col_expr(
            petition::Column::ClaimedById,
            Expr::value(Option::<i32>::None),
        )
        .col_expr(
            petition::Column::ClaimExpiresAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
}

/// The stored state of a petition.
///
/// # Errors
/// `Corrupt` for a state the platform does not know.
pub fn status_of(model: &petition::Model) -> Result<PetitionStatus, ServiceError> {
    PetitionStatus::parse(&model.status)
        .ok_or_else(|| ServiceError::Corrupt(format!("petition status {}", model.status)))
}

pub use super::timeline::Event;

/// Writes an entry on a petition's public timeline.
///
/// # Errors
/// A database failure.
pub async fn record(
    db: &impl ConnectionTrait,
    petition_id: i32,
    event: Event,
    at: DateTime<Utc>,
) -> Result<(), ServiceError> {
    super::timeline::record(db, Subject::Petition(petition_id), event, at).await
}

/// How many initial supporters a petition needs (the `initial_support_signatures` setting).
///
/// # Errors
/// A database failure.
pub async fn initial_support(db: &impl ConnectionTrait) -> Result<u64, ServiceError> {
    Ok(setting_u64(db, "initial_support_signatures")
        .await?
        .unwrap_or(50))
}

/// How many initial supporters petition `p` needs: the number kept when it was approved (a
/// later change of the setting leaves it alone), else today's setting.
///
/// # Errors
/// A database failure.
pub async fn support_needed_of(
    db: &impl ConnectionTrait,
    p: &petition::Model,
) -> Result<u64, ServiceError> {
    match p.support_needed.and_then(|n| u64::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => initial_support(db).await,
    }
}

/// A numeric platform setting.
///
/// # Errors
/// A database failure.
pub async fn setting_u64(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<u64>, ServiceError> {
    Ok(platform_setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .and_then(|row| row.value.trim().parse().ok()))
}

/// The clocks of a petition, by name, with the level of its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockName {
    /// Moderation (from submission).
    Moderation,
    /// Initial support (from approval).
    InitialSupport,
    /// The collection period (from opening).
    Collection,
    /// The body's answer (from registration).
    Answer,
}

impl ClockName {
    /// The clock's row in `deadline_terms`.
    pub fn term_key(self) -> &'static str {
        match self {
            ClockName::Moderation => "petition_moderation",
            ClockName::InitialSupport => "initial_support",
            ClockName::Collection => "collection_period",
            ClockName::Answer => "petition_answer",
        }
    }

    /// The name pages show it under.
    pub fn name(self) -> &'static str {
        match self {
            ClockName::Moderation => "moderation",
            ClockName::InitialSupport => "initial_support",
            ClockName::Collection => "collection",
            ClockName::Answer => "answer",
        }
    }
}

/// The clock a petition runs against in its state, and the day it started. Under
/// consideration it is the case's clock (`answers::answer_clock`).
pub fn running_clock(model: &petition::Model) -> Option<(ClockName, NaiveDate)> {
    match PetitionStatus::parse(&model.status)? {
        PetitionStatus::Moderation => Some((ClockName::Moderation, model.moderation_started_on?)),
        PetitionStatus::Gathering => Some((ClockName::InitialSupport, model.support_started_on?)),
        PetitionStatus::Open => Some((ClockName::Collection, model.collection_started_on?)),
        _ => None,
    }
}

/// The columns that keep the term a petition's `clock` starts with, today's for the level of
/// the body `body_id`: set with the clock's start day, so a later change of the terms leaves
/// the running clock alone.
///
/// # Errors
/// A database failure, or a clock without a term.
pub async fn starting_term(
    db: &impl ConnectionTrait,
    clock: ClockName,
    body_id: i32,
) -> Result<[(petition::Column, sea_orm::sea_query::SimpleExpr); 2], ServiceError> {
    use sea_orm::sea_query::Expr;
    let level = crate::server::entities::body::Entity::find_by_id(body_id)
        .one(db)
        .await?
        .map(|b| b.level)
        .unwrap_or_default();
    let term = deadlines::term_in(&deadlines::terms(db).await?, clock.term_key(), &level)?;
    Ok([
        (
            petition::Column::ClockTermAmount,
            Expr::value(i32::try_from(term.amount).unwrap_or(i32::MAX)),
        ),
        (
            petition::Column::ClockTermUnit,
            Expr::value(term.unit.as_str()),
        ),
    ])
}

/// The deadline engine's inputs for petitions: the calendar and a term lookup by level.
pub struct Clocks {
    calendar: deadlines::Calendar,
    terms: Vec<(ClockName, String, deadlines::Term)>,
}

impl Clocks {
    /// Loads the calendar and every petition clock's terms.
    ///
    /// # Errors
    /// A database failure, or a clock without a term.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Clocks, ServiceError> {
        let calendar = deadlines::calendar(db).await?;
        let rows = deadlines::terms(db).await?;
        let mut terms = Vec::new();
        for clock in [
            ClockName::Moderation,
            ClockName::InitialSupport,
            ClockName::Collection,
            ClockName::Answer,
        ] {
            for level in ["national", "regional", "district", "rural"] {
                terms.push((
                    clock,
                    level.to_owned(),
                    deadlines::term_in(&rows, clock.term_key(), level)?,
                ));
            }
        }
        Ok(Clocks { calendar, terms })
    }

    /// The term of `clock` for a body at `level`.
    pub fn term(&self, clock: ClockName, level: &str) -> deadlines::Term {
        self.terms
            .iter()
            .find(|(c, l, _)| *c == clock && l == level)
            .or_else(|| self.terms.iter().find(|(c, _, _)| *c == clock))
            .map_or(
                deadlines::Term {
                    amount: 0,
                    unit: deadlines::Unit::CalendarDays,
                },
                |(_, _, t)| *t,
            )
    }

    /// The term a petition's `clock` runs by: the one it started with, kept on the petition (a
    /// later change of the terms leaves it alone), else today's for its body's `level`.
    pub fn term_for(
        &self,
        model: &petition::Model,
        clock: ClockName,
        level: &str,
    ) -> deadlines::Term {
        deadlines::stored_term(model.clock_term_amount, model.clock_term_unit.as_deref())
            .unwrap_or_else(|| self.term(clock, level))
    }

    /// The last day of a clock of `term` started on `start`.
    pub fn due(&self, term: deadlines::Term, start: NaiveDate) -> NaiveDate {
        self.calendar.due_date(start, term)
    }

    /// Where `clock` started on `start` stands on `today`.
    pub fn state(
        &self,
        term: deadlines::Term,
        start: NaiveDate,
        today: NaiveDate,
    ) -> deadlines::DeadlineState {
        self.calendar.state(start, term, &[], today)
    }

    /// The page's view of a petition's running clock.
    pub fn view(
        &self,
        model: &petition::Model,
        level: &str,
        today: NaiveDate,
    ) -> Option<crate::model::Clock> {
        let (clock, start) = running_clock(model)?;
        let term = self.term_for(model, clock, level);
        let state = match self.state(term, start, today) {
            deadlines::DeadlineState::Due => "due",
            deadlines::DeadlineState::Overdue => "overdue",
            deadlines::DeadlineState::VeryOverdue => "very_overdue",
        };
        Some(crate::model::Clock {
            name: clock.name().into(),
            due: self.due(term, start),
            state: state.into(),
        })
    }
}

/// "Aigerim S." from "Aigerim Serikova": the first name and the initial of the next word.
pub fn public_name(display_name: &str) -> String {
    let mut words = display_name.split_whitespace();
    let first = words.next().unwrap_or_default();
    match words.next().and_then(|w| w.chars().next()) {
        Some(initial) => format!("{first} {}.", initial.to_uppercase()),
        None => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::public_name;

    #[test]
    fn public_names_show_the_first_name_and_an_initial() {
        assert_eq!(public_name("Aigerim Serikova"), "Aigerim S.");
        assert_eq!(public_name("  Айгерим  серикова  Болатқызы"), "Айгерим С.");
        assert_eq!(public_name("Aigerim"), "Aigerim");
    }
}
