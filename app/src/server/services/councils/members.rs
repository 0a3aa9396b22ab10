//! A council's members: memberships with a position, a voting right and a term, kept after the
//! term ends. The secretary adds members and ends memberships; a member need not have an
//! account (the account, when linked, is found by e-mail).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    sea_query::{Condition, Expr},
};

use super::super::{ActionError, ServiceError, cases::checked_text};
use super::require_secretary;
use crate::model::{MemberPosition, MemberView};
use crate::server::entities::{council_member, user};

/// A new membership as the secretary types it.
#[derive(Clone, Debug, Default)]
pub struct MemberForm {
    /// Full name.
    pub full_name: String,
    /// `chair`, `deputy_chair`, `secretary` or `member`.
    pub position: String,
    /// The organisation the member represents.
    pub organisation: String,
    /// Whether the member votes.
    pub voting: bool,
    /// The first day of the term.
    pub starts_on: Option<NaiveDate>,
    /// The last day, if known.
    pub ends_on: Option<NaiveDate>,
    /// The member's account's e-mail, if any.
    pub email: String,
}

/// A membership as pages show it.
///
/// # Errors
/// `Corrupt` for an unknown stored position.
pub fn view(m: &council_member::Model) -> Result<MemberView, ServiceError> {
    Ok(MemberView {
        id: m.id,
        full_name: m.full_name.clone(),
        position: MemberPosition::parse(&m.position)
            .ok_or_else(|| ServiceError::Corrupt(format!("member position {}", m.position)))?,
        organisation: m.organisation.clone(),
        voting: m.voting,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        has_account: m.user_id.is_some(),
    })
}

/// Whether a membership is in force on `day`.
pub fn serves_on(m: &council_member::Model, day: NaiveDate) -> bool {
    m.starts_on <= day && m.ends_on.is_none_or(|end| end >= day)
}

/// Every membership of a council, by position then name.
///
/// # Errors
/// A database failure.
pub async fn all(
    db: &impl ConnectionTrait,
    council_id: i32,
) -> Result<Vec<council_member::Model>, ServiceError> {
    let mut rows = council_member::Entity::find()
        .filter(council_member::Column::CouncilId.eq(council_id))
        .order_by_asc(council_member::Column::Id)
        .all(db)
        .await?;
    rows.sort_by_key(|m| {
        (
            MemberPosition::parse(&m.position)
                .and_then(|p| MemberPosition::ALL.iter().position(|x| *x == p))
                .unwrap_or(usize::MAX),
            m.full_name.clone(),
        )
    });
    Ok(rows)
}

/// The voting members in force on `day`.
///
/// # Errors
/// A database failure.
pub async fn voting_on(
    db: &impl ConnectionTrait,
    council_id: i32,
    day: NaiveDate,
) -> Result<Vec<council_member::Model>, ServiceError> {
    Ok(council_member::Entity::find()
        .filter(council_member::Column::CouncilId.eq(council_id))
        .filter(council_member::Column::Voting.eq(true))
        .filter(council_member::Column::StartsOn.lte(day))
        .filter(
            Condition::any()
                .add(council_member::Column::EndsOn.is_null())
                .add(council_member::Column::EndsOn.gte(day)),
        )
        .order_by_asc(council_member::Column::FullName)
        .all(db)
        .await?)
}

/// The longest name or organisation.
pub const MAX_NAME: usize = 200;

/// The secretary adds a membership. Returns its id.
///
/// # Errors
/// `Forbidden` for anyone but the council's secretary; `Invalid` for an empty name, an unknown
/// position, a missing start, an end before the start or an e-mail with no account.
pub async fn add(
    db: &impl ConnectionTrait,
    secretary: i32,
    council_id: i32,
    form: &MemberForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ActionError> {
    require_secretary(db, secretary, council_id, today).await?;
    let full_name = checked_text(
        &form.full_name,
        "full_name",
        MAX_NAME,
        "member-name-empty",
        "member-name-long",
    )?;
    let position = MemberPosition::parse(form.position.trim()).ok_or(ActionError::Invalid {
        field: "position",
        key: "member-position-unknown",
    })?;
    let organisation = form.organisation.trim();
    if organisation.chars().count() > 300 {
        return Err(ActionError::Invalid {
            field: "organisation",
            key: "member-organisation-long",
        });
    }
    let starts_on = form.starts_on.ok_or(ActionError::Invalid {
        field: "starts_on",
        key: "member-start-missing",
    })?;
    if form.ends_on.is_some_and(|end| end < starts_on) {
        return Err(ActionError::Invalid {
            field: "ends_on",
            key: "member-end-before-start",
        });
    }
    let email = form.email.trim().to_lowercase();
    let user_id = if email.is_empty() {
        None
    } else {
        Some(
            user::Entity::find()
                .filter(user::Column::Email.eq(email))
                .one(db)
                .await?
                .ok_or(ActionError::Invalid {
                    field: "email",
                    key: "member-account-unknown",
                })?
                .id,
        )
    };
    let row = council_member::ActiveModel {
        council_id: Set(council_id),
        full_name: Set(full_name),
        position: Set(position.as_str().into()),
        organisation: Set(organisation.into()),
        voting: Set(form.voting),
        starts_on: Set(starts_on),
        ends_on: Set(form.ends_on),
        user_id: Set(user_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The secretary ends a membership on `last_day` (the member stays on the page as former).
///
/// # Errors
/// `NotFound` for a membership of another council; `Forbidden`; `Invalid` for a day before
/// the start; `Refused` when the membership has already ended.
pub async fn end(
    db: &impl ConnectionTrait,
    secretary: i32,
    council_id: i32,
    member_id: i32,
    last_day: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    require_secretary(db, secretary, council_id, today).await?;
    let member = council_member::Entity::find_by_id(member_id)
        .filter(council_member::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let last_day = last_day.ok_or(ActionError::Invalid {
        field: "ends_on",
        key: "member-end-missing",
    })?;
    if last_day < member.starts_on {
        return Err(ActionError::Invalid {
            field: "ends_on",
            key: "member-end-before-start",
        });
    }
    let changed = council_member::Entity::update_many()
        .col_expr(council_member::Column::EndsOn, Expr::value(last_day))
        .filter(council_member::Column::Id.eq(member_id))
        .filter(
            Condition::any()
                .add(council_member::Column::EndsOn.is_null())
                .add(council_member::Column::EndsOn.gt(last_day)),
        )
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(ActionError::Refused("member-already-ended"));
    }
    Ok(())
}
