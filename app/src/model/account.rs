//! The signed-in person as pages show them.

use serde::{Deserialize, Serialize};

use super::{IdentityGrade, Names, RoleGrantView};

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
    /// Whether the email address is verified.
    pub email_verified: bool,
    /// Whether an IIN is on file.
    pub iin_checked: bool,
    /// Roles held today.
    pub roles: Vec<RoleGrantView>,
}

/// What was typed into a form that just failed (secrets left out), to fill it in again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    /// The server function the form posted to (`/api/register`).
    pub path: String,
    /// The submitted fields.
    pub fields: Vec<(String, String)>,
}

impl FormEcho {
    /// What was typed into `field` of the form posting to `path`.
    pub fn value(&self, path: &str, field: &str) -> Option<String> {
        (self.path == path)
            .then(|| self.fields.iter().find(|(n, _)| n == field))
            .flatten()
            .map(|(_, v)| v.clone())
    }
}

/// Who is asking, for every page: the account (if signed in), the CSRF token forms must carry,
/// and what was typed into a form that just failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor {
    /// The signed-in account.
    pub me: Option<Me>,
    /// The CSRF token.
    pub csrf: String,
    /// The failed form's fields.
    pub echo: Option<FormEcho>,
}
