//! Public councils: members (`members`), citizens' proposals and the secretary's desk
//! (`proposals`), meetings with agendas, attendance, quorum, decisions and minutes
//! (`meetings`), the recommendations a decision sends to the council's body (each a case of
//! kind `recommendation`), the meetings' materials and signed minutes (`documents`), the
//! council's health (`health`), its calendar feed (`calendar`) and
//! the pages' views (`views`).
//!
//! Who may act: the council's secretary (the `council_secretary` role for the council on the
//! day) runs the desk, meetings and the members list; members (`council_member`) read the
//! drafts; the body's officials answer recommendations through the case core; admins create
//! councils.

pub mod calendar;
pub mod documents;
pub mod following;
pub mod founding;
pub mod health;
pub mod meetings;
pub mod members;
pub mod proposals;
pub mod views;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{ActionError, ServiceError, petitions::setting_u64, roles};
use crate::model::{BodyKind, Role};
use crate::server::entities::body;

/// A council by its slug.
///
/// # Errors
/// `NotFound` for an unknown slug or a body that is no public council.
pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<body::Model, ServiceError> {
    body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .filter(body::Column::Kind.eq(BodyKind::PublicCouncil.as_str()))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// A council by its id.
///
/// # Errors
/// `NotFound` for an unknown id or a body that is no public council.
pub async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<body::Model, ServiceError> {
    body::Entity::find_by_id(id)
        .filter(body::Column::Kind.eq(BodyKind::PublicCouncil.as_str()))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Whether `user` is the council's secretary on `day`.
///
/// # Errors
/// A database failure.
pub async fn is_secretary(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
    day: NaiveDate,
) -> Result<bool, ServiceError> {
    roles::holds(db, user, Role::CouncilSecretary, Some(council_id), day).await
}

/// Whether `user` sees the council's workspace on `day` (a member or the secretary).
///
/// # Errors
/// A database failure.
pub async fn is_member(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
    day: NaiveDate,
) -> Result<bool, ServiceError> {
    Ok(
        roles::holds(db, user, Role::CouncilMember, Some(council_id), day).await?
            || is_secretary(db, user, council_id, day).await?,
    )
}

/// Refuses anyone but the council's secretary on `day`.
///
/// # Errors
/// `Forbidden`; a database failure.
pub async fn require_secretary(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
    day: NaiveDate,
) -> Result<(), ActionError> {
    if is_secretary(db, user, council_id, day).await? {
        Ok(())
    } else {
        Err(ActionError::Forbidden)
    }
}

/// The council settings (domain guide, "Public councils": the model regulation's details are
/// unverified, so each is a platform setting with the guide's default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Quorum: present voting members needed, as a fraction of voting members (2/3).
    pub quorum: (u32, u32),
    /// Working days between publishing an agenda and the meeting (5).
    pub agenda_notice_days: u32,
    /// Months without a meeting after which a council is flagged (3).
    pub dormant_months: u32,
    /// Voting members a council should have (7).
    pub minimum_members: u32,
}

impl Settings {
    /// Present voting members needed when `voting` members have a vote (rounded up; at least
    /// one).
    pub fn quorum_of(self, voting: u32) -> u32 {
        let (num, den) = self.quorum;
        (voting * num).div_ceil(den.max(1)).max(1)
    }
}

/// The council settings as stored.
///
/// # Errors
/// A database failure.
pub async fn settings(db: &impl ConnectionTrait) -> Result<Settings, ServiceError> {
    let num = setting_u32(db, "council_quorum_numerator", 2).await?;
    let den = setting_u32(db, "council_quorum_denominator", 3).await?;
    Ok(Settings {
        quorum: if num == 0 || den == 0 || num > den {
            (2, 3)
        } else {
            (num, den)
        },
        agenda_notice_days: setting_u32(db, "council_agenda_notice_working_days", 5).await?,
        dormant_months: setting_u32(db, "council_dormant_months", 3).await?,
        minimum_members: setting_u32(db, "council_minimum_voting_members", 7).await?,
    })
}

async fn setting_u32(
    db: &impl ConnectionTrait,
    key: &str,
    default: u32,
) -> Result<u32, ServiceError> {
    Ok(setting_u64(db, key)
        .await?
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(default))
}

#[cfg(test)]
mod tests {
    use super::Settings;

    #[test]
    fn quorum_is_two_thirds_rounded_up() {
        let s = Settings {
            quorum: (2, 3),
            agenda_notice_days: 5,
            dormant_months: 3,
            minimum_members: 7,
        };
        assert_eq!(s.quorum_of(9), 6);
        assert_eq!(s.quorum_of(10), 7);
        assert_eq!(s.quorum_of(7), 5);
        assert_eq!(s.quorum_of(0), 1);
    }
}
