//! A council's health, public: its last meeting, meetings in the last 12 months, voting
//! members against the minimum, vacancies, overdue proposals and recommendations, and the flag
//! of a council that has not met for the set number of months. Computed for many councils at
//! once (the list of councils) with one read per table.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::super::ServiceError;
use super::{members::serves_on, settings};
use crate::model::{CaseKind, CaseState, CouncilHealth, MeetingState};
use crate::server::entities::{body, case, council_member, meeting, recommendation};

/// Whole months from `from` to `to` (0 when `to` is earlier).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let months = (to.year() - from.year()) * 12 + i32::try_from(to.month()).unwrap_or(0)
        - i32::try_from(from.month()).unwrap_or(0);
    let months = if to.day() < from.day() {
        months - 1
    } else {
        months
    };
    u32::try_from(months.max(0)).unwrap_or(0)
}

/// The health of each of `councils` on `today`.
///
/// # Errors
/// A database failure.
pub async fn of_councils(
    db: &impl ConnectionTrait,
    councils: &[i32],
    today: NaiveDate,
) -> Result<HashMap<i32, CouncilHealth>, ServiceError> {
    let settings = settings(db).await?;
    let year_ago = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.is_in(councils.iter().copied()))
        .filter(meeting::Column::State.eq(MeetingState::Closed.as_str()))
        .all(db)
        .await?;
    let members = council_member::Entity::find()
        .filter(council_member::Column::CouncilId.is_in(councils.iter().copied()))
        .filter(council_member::Column::Voting.eq(true))
        .all(db)
        .await?;
    // A council's own minimum, where its regulation sets one; else the platform setting.
    let minimums: HashMap<i32, u32> = body::Entity::find()
        .select_only()
        .column(body::Column::Id)
        .column(body::Column::MinimumMembers)
        .filter(body::Column::Id.is_in(councils.iter().copied()))
        .filter(body::Column::MinimumMembers.is_not_null())
        .into_tuple::<(i32, Option<i32>)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(id, m)| Some((id, u32::try_from(m?).ok()?)))
        .collect();
    let overdue = |kind: CaseKind| {
        case::Entity::find()
            .filter(case::Column::Kind.eq(kind.as_str()))
            .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
            .filter(case::Column::DueOn.lt(today))
    };
    let overdue_proposals = overdue(CaseKind::Proposal)
        .filter(case::Column::BodyId.is_in(councils.iter().copied()))
        .all(db)
        .await?;
    // Only these councils' recommendations: a subquery, so one council's page never reads the
    // country's overdue cases.
    let theirs = sea_orm::sea_query::Query::select()
        .column(recommendation::Column::Id)
        .from(recommendation::Entity)
        .and_where(recommendation::Column::CouncilId.is_in(councils.iter().copied()))
        .to_owned();
    let overdue_recommendations = overdue(CaseKind::Recommendation)
        .filter(case::Column::OriginId.in_subquery(theirs))
        .all(db)
        .await?;
    let rec_councils: HashMap<i32, i32> = if overdue_recommendations.is_empty() {
        HashMap::new()
    } else {
        recommendation::Entity::find()
            .select_only()
            .column(recommendation::Column::Id)
            .column(recommendation::Column::CouncilId)
            .filter(recommendation::Column::CouncilId.is_in(councils.iter().copied()))
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(councils
        .iter()
        .map(|&id| {
            let held: Vec<&meeting::Model> =
                meetings.iter().filter(|m| m.council_id == id).collect();
            let last_meeting = held.iter().map(|m| m.meets_on).max();
            let voting = count(
                members
                    .iter()
                    .filter(|m| m.council_id == id && serves_on(m, today))
                    .count(),
            );
            let since = last_meeting.map(|last| months_between(last, today));
            let dormant_months = match since {
                Some(months) if months >= settings.dormant_months => Some(months),
                Some(_) => None,
                None => Some(0),
            };
            let minimum = minimums
                .get(&id)
                .copied()
                .unwrap_or(settings.minimum_members);
            let health = CouncilHealth {
                last_meeting,
                meetings_last_year: count(held.iter().filter(|m| m.meets_on > year_ago).count()),
                voting_members: voting,
                minimum_members: minimum,
                vacancies: minimum.saturating_sub(voting),
                overdue_proposals: count(
                    overdue_proposals.iter().filter(|c| c.body_id == id).count(),
                ),
                overdue_recommendations: count(
                    overdue_recommendations
                        .iter()
                        .filter(|c| rec_councils.get(&c.origin_id) == Some(&id))
                        .count(),
                ),
                dormant_months,
            };
            (id, health)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::months_between;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn whole_months() {
        assert_eq!(months_between(d(2026, 8, 31), d(2026, 11, 30)), 2);
        assert_eq!(months_between(d(2026, 8, 30), d(2026, 11, 30)), 3);
        assert_eq!(months_between(d(2025, 12, 1), d(2026, 12, 1)), 12);
        assert_eq!(months_between(d(2026, 12, 2), d(2026, 12, 1)), 0);
    }
}
