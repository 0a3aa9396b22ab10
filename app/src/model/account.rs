//! The signed-in person as pages show them.

use serde::{Deserialize, Serialize};

use super::{IdentityGrade, Names};

/// The account behind the current session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// Display name.
    pub display_name: String,
    /// Email address.
    pub email: String,
    /// Region of residence.
    pub region: Names,
    /// The strongest identity grade reached, if any.
    pub grade: Option<IdentityGrade>,
}
