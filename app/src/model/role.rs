//! Roles people hold, scoped to a body (or to the platform), and grants as pages show them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BodyKind, Names, stored_enum};

stored_enum! {
    /// A role on the platform.
    Role, "role" {
        /// Works the moderation queue (platform).
        Moderator = "moderator",
        /// Triages what reaches one public council.
        CouncilSecretary = "council_secretary",
        /// Member of one public council.
        CouncilMember = "council_member",
        /// Deputy of one maslikhat.
        Deputy = "deputy",
        /// Office staff acting for one deputy of a maslikhat.
        DeputyStaff = "deputy_staff",
        /// Answers for one body (akimat, department, ministry, the Government).
        Official = "official",
        /// Runs the platform: bodies, roles, thresholds, calendars, catalogues.
        Admin = "admin",
    }
}

impl Role {
    /// Whether the role is held for the whole platform (no body).
    pub fn is_platform(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    /// Whether the role may be held for a body of this kind.
    pub fn fits(self, kind: BodyKind) -> bool {
        match self {
            Role::Moderator | Role::Admin => false,
            Role::CouncilSecretary | Role::CouncilMember => kind == BodyKind::PublicCouncil,
            Role::Deputy | Role::DeputyStaff => kind == BodyKind::Maslikhat,
            Role::Official => matches!(
                kind,
                BodyKind::Akimat
                    | BodyKind::Ministry
                    | BodyKind::Government
                    | BodyKind::QuasiPublic
            ),
        }
    }
}

/// One grant of a role, current or past, as the roles page and the profile show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrantView {
    /// The grant's id.
    pub id: i32,
    /// Who holds it.
    pub holder: String,
    /// The holder's email (shown to admins only; empty elsewhere).
    pub holder_email: String,
    /// The role.
    pub role: Role,
    /// The body it is held for (none for platform roles): slug and names.
    pub body: Option<(String, Names)>,
    /// The deputy that office staff act for.
    pub for_person: Option<String>,
    /// First day held.
    pub starts_on: NaiveDate,
    /// Last day held, if ended or limited.
    pub ends_on: Option<NaiveDate>,
    /// Who granted it.
    pub granted_by: Option<String>,
    /// Who ended it.
    pub ended_by: Option<String>,
    /// Whether it is held today.
    pub current: bool,
}

/// What the roles page shows the person managing roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolesPageData {
    /// Whether they are an admin (who manages every role) rather than a council's secretary
    /// (who manages that council's members).
    pub is_admin: bool,
    /// The grants they may see, newest first.
    pub grants: Vec<RoleGrantView>,
    /// The bodies they may grant roles for.
    pub bodies: Vec<super::BodySummary>,
}
