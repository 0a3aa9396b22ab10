//! The one deadline engine for every clock on the platform (moderation, initial support, the
//! body's answer, deputy inquiries, council recommendations): working days against the
//! admin-editable holiday calendar with transferred days off, or calendar days, or months.
//! Day 0 is the day of sending. A request for clarification pauses the clock.

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::ServiceError;
use crate::server::entities::{calendar_day, deadline_term};

/// How a term is counted: working days (not weekends, holidays or transferred days off;
/// working Saturdays count), calendar days, or calendar months (the same day of the month, or
/// its last day).
pub use crate::model::TermUnit as Unit;

/// The length of a clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// How many units.
    pub amount: u32,
    /// Which units.
    pub unit: Unit,
}

/// Where a clock stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    /// The deadline has not passed.
    Due,
    /// Past the deadline.
    Overdue,
    /// Past twice the term.
    VeryOverdue,
}

/// The days off and the working weekend days of the holiday calendar.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    days_off: HashSet<NaiveDate>,
    working_weekend_days: HashSet<NaiveDate>,
}

/// A period during which a clock stood still (clarification asked, from and to inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// The first day of the pause.
    pub from: NaiveDate,
    /// The last day of the pause.
    pub to: NaiveDate,
}

impl Calendar {
    /// A calendar from explicit days off (holidays, transferred days off) and working weekend days.
    pub fn new(
        days_off: impl IntoIterator<Item = NaiveDate>,
        working_weekend_days: impl IntoIterator<Item = NaiveDate>,
    ) -> Calendar {
        Calendar {
            days_off: days_off.into_iter().collect(),
            working_weekend_days: working_weekend_days.into_iter().collect(),
        }
    }

    /// Whether public bodies work on `day`.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.working_weekend_days.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.days_off.contains(&day)
    }

    /// The last day of a term started on `start` (day 0).
    pub fn due_date(&self, start: NaiveDate, term: Term) -> NaiveDate {
        match term.unit {
            Unit::CalendarDays => start + chrono::Days::new(u64::from(term.amount)),
            Unit::Months => start
                .checked_add_months(Months::new(term.amount))
                .unwrap_or(NaiveDate::MAX),
            Unit::WorkingDays => self.add_working_days(start, term.amount),
        }
    }

    fn add_working_days(&self, start: NaiveDate, amount: u32) -> NaiveDate {
        let mut day = start;
        let mut counted = 0;
        while counted < amount {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return NaiveDate::MAX,
            }
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// The deadline once pauses are taken into account: every day of a pause that the term
    /// would have counted moves the deadline on by one such day.
    pub fn due_date_with_pauses(
        &self,
        start: NaiveDate,
        term: Term,
        pauses: &[Pause],
    ) -> NaiveDate {
        let due = self.due_date(start, term);
        let counts = |day: NaiveDate| match term.unit {
            Unit::WorkingDays => self.is_working_day(day),
            Unit::CalendarDays | Unit::Months => true,
        };
        let paused: u32 = pauses
            .iter()
            .flat_map(|p| p.from.iter_days().take_while(move |d| *d <= p.to))
            .filter(|d| *d > start && counts(*d))
            .count()
            .try_into()
            .unwrap_or(u32::MAX);
        match term.unit {
            Unit::WorkingDays => self.add_working_days(due, paused),
            Unit::CalendarDays | Unit::Months => due + chrono::Days::new(u64::from(paused)),
        }
    }

    /// The working days from `start` (day 0) to `end`, the days of `pauses` left out: how
    /// long a body took to answer.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate, pauses: &[Pause]) -> u32 {
        start
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= end)
            .filter(|d| self.is_working_day(*d))
            .filter(|d| !pauses.iter().any(|p| p.from <= *d && *d <= p.to))
            .count()
            .try_into()
            .unwrap_or(u32::MAX)
    }

    /// Where a clock started on `start` stands on `today`.
    pub fn state(
        &self,
        start: NaiveDate,
        term: Term,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> DeadlineState {
        let due = self.due_date_with_pauses(start, term, pauses);
        let double = Term {
            amount: term.amount.saturating_mul(2),
            ..term
        };
        let very = self.due_date_with_pauses(start, double, pauses);
        if today > very {
            DeadlineState::VeryOverdue
        } else if today > due {
            DeadlineState::Overdue
        } else {
            DeadlineState::Due
        }
    }
}

/// The holiday calendar as the admin keeps it.
///
/// # Errors
/// A database failure.
pub async fn calendar(db: &impl ConnectionTrait) -> Result<Calendar, ServiceError> {
    let rows = calendar_day::Entity::find().all(db).await?;
    let (working, off): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.kind == "working_day");
    Ok(Calendar::new(
        off.into_iter().map(|r| r.day),
        working.into_iter().map(|r| r.day),
    ))
}

/// The term of a clock for a level, falling back to the clock's `any` row.
///
/// # Errors
/// `NotFound` when the clock has no term; `Corrupt` for an unknown unit.
pub async fn term(
    db: &impl ConnectionTrait,
    clock: &str,
    level: &str,
) -> Result<Term, ServiceError> {
    let rows = deadline_term::Entity::find()
        .filter(deadline_term::Column::Clock.eq(clock))
        .filter(deadline_term::Column::Level.is_in([level, "any"]))
        .all(db)
        .await?;
    term_in(&rows, clock, level)
}

/// Every clock's terms, read once, for looking many up.
///
/// # Errors
/// A database failure.
pub async fn terms(db: &impl ConnectionTrait) -> Result<Vec<deadline_term::Model>, ServiceError> {
    Ok(deadline_term::Entity::find().all(db).await?)
}

/// The term of `clock` for `level` among `rows`, falling back to the clock's `any` row.
///
/// # Errors
/// `NotFound` when the clock has no term; `Corrupt` for an unknown unit.
pub fn term_in(
    rows: &[deadline_term::Model],
    clock: &str,
    level: &str,
) -> Result<Term, ServiceError> {
    let of_clock = |l: &str| rows.iter().find(|r| r.clock == clock && r.level == l);
    let row = of_clock(level)
        .or_else(|| of_clock("any"))
        .ok_or(ServiceError::NotFound)?;
    stored_term(Some(row.amount), Some(&row.unit))
        .ok_or_else(|| ServiceError::Corrupt(format!("deadline unit {}", row.unit)))
}

/// A term as a row keeps it (an amount and a unit's name), if both are there and the unit is
/// known.
pub fn stored_term(amount: Option<i32>, unit: Option<&str>) -> Option<Term> {
    Some(Term {
        amount: u32::try_from(amount?).unwrap_or(0),
        unit: Unit::parse(unit?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("real date")
    }

    const WD: fn(u32) -> Term = |amount| Term {
        amount,
        unit: Unit::WorkingDays,
    };

    /// March 2026: Women's Day (Sun 8) moved to Mon 9; Nauryz Sat 21 – Mon 23, with the weekend
    /// days moved to Tue 24 and Wed 25.
    fn march_2026() -> Calendar {
        Calendar::new(
            [
                d(2026, 3, 8),
                d(2026, 3, 9),
                d(2026, 3, 21),
                d(2026, 3, 22),
                d(2026, 3, 23),
                d(2026, 3, 24),
                d(2026, 3, 25),
            ],
            [],
        )
    }

    #[test]
    fn day_zero_is_the_day_of_sending() {
        let plain = Calendar::default();
        // Sent on Monday 2 March 2026: one working day later is Tuesday.
        assert_eq!(plain.due_date(d(2026, 3, 2), WD(1)), d(2026, 3, 3));
        // Sent on a Friday: five working days later is the next Friday.
        assert_eq!(plain.due_date(d(2026, 3, 6), WD(5)), d(2026, 3, 13));
    }

    #[test]
    fn holidays_and_transferred_days_off_do_not_count() {
        let calendar = march_2026();
        // From Friday 20 March, the next working day is Thursday 26 March.
        assert_eq!(calendar.due_date(d(2026, 3, 20), WD(1)), d(2026, 3, 26));
        // 10 working days from Friday 6 March: 10, 11, 12, 13, 16, 17, 18, 19, 20, 26.
        assert_eq!(calendar.due_date(d(2026, 3, 6), WD(10)), d(2026, 3, 26));
    }

    #[test]
    fn a_working_saturday_counts() {
        let calendar = Calendar::new([], [d(2026, 3, 28)]);
        assert_eq!(calendar.due_date(d(2026, 3, 27), WD(1)), d(2026, 3, 28));
    }

    #[test]
    fn calendar_days_and_months_ignore_the_holiday_calendar() {
        let calendar = march_2026();
        let fifteen = Term {
            amount: 15,
            unit: Unit::CalendarDays,
        };
        assert_eq!(calendar.due_date(d(2026, 3, 10), fifteen), d(2026, 3, 25));
        let six_months = Term {
            amount: 6,
            unit: Unit::Months,
        };
        assert_eq!(
            calendar.due_date(d(2026, 8, 31), six_months),
            d(2027, 2, 28)
        );
    }

    #[test]
    fn an_inquiry_becomes_overdue_after_fifteen_days_and_very_overdue_after_thirty() {
        let calendar = Calendar::default();
        let term = Term {
            amount: 15,
            unit: Unit::CalendarDays,
        };
        let sent = d(2026, 11, 2);
        assert_eq!(
            calendar.state(sent, term, &[], d(2026, 11, 17)),
            DeadlineState::Due
        );
        assert_eq!(
            calendar.state(sent, term, &[], d(2026, 11, 18)),
            DeadlineState::Overdue
        );
        assert_eq!(
            calendar.state(sent, term, &[], d(2026, 12, 3)),
            DeadlineState::VeryOverdue
        );
    }

    #[test]
    fn a_clarification_pause_moves_the_deadline() {
        let calendar = Calendar::default();
        // Sent Monday 2 November 2026; 5 working days end Monday 9 November.
        assert_eq!(calendar.due_date(d(2026, 11, 2), WD(5)), d(2026, 11, 9));
        // Paused Wednesday 4 to Thursday 5: two working days later, Wednesday 11 November.
        let pause = Pause {
            from: d(2026, 11, 4),
            to: d(2026, 11, 5),
        };
        assert_eq!(
            calendar.due_date_with_pauses(d(2026, 11, 2), WD(5), &[pause]),
            d(2026, 11, 11)
        );
        assert_eq!(
            calendar.state(d(2026, 11, 2), WD(5), &[pause], d(2026, 11, 10)),
            DeadlineState::Due
        );
    }
}
