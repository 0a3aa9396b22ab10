//! State bodies as pages show them.

use serde::{Deserialize, Serialize};

use super::{Names, TerritorySummary, stored_enum};

stored_enum! {
    /// What a body is.
    BodyKind, "body-kind" {
        /// The Government of the Republic.
        Government = "government",
        /// A ministry.
        Ministry = "ministry",
        /// An akimat (executive body of a region, city or district).
        Akimat = "akimat",
        /// A maslikhat (representative body of a region, city or district).
        Maslikhat = "maslikhat",
        /// A public council attached to a ministry, akimat or quasi-public entity.
        PublicCouncil = "public_council",
        /// A quasi-public entity.
        QuasiPublic = "quasi_public",
    }
}

stored_enum! {
    /// The administrative level a body works at.
    BodyLevel, "body-level" {
        /// The whole republic.
        National = "national",
        /// An oblast or a city of republican significance.
        Regional = "regional",
        /// A district or a city of regional significance.
        District = "district",
        /// A rural district or village.
        Rural = "rural",
    }
}

stored_enum! {
    /// How firmly a signer's identity is established.
    IdentityGrade, "grade" {
        /// The account's email address is verified.
        EmailVerified = "email_verified",
        /// An IIN that passes the checksum and matches the birth date is on file (hashed).
        IinChecked = "iin_checked",
        /// Signed with an eGov digital signature.
        DigitalSignature = "digital_signature",
    }
}

/// A body in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodySummary {
    /// The body's stable address on the site.
    pub slug: String,
    /// What it is.
    pub kind: BodyKind,
    /// Its level.
    pub level: BodyLevel,
    /// Its name in three languages.
    pub names: Names,
}

/// How a petition threshold is set for a body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThresholdRule {
    /// A fixed number of signatures.
    Fixed,
    /// A share of the population of the body's territory.
    PercentOfPopulation {
        /// The share in hundredths of a percent (200 = 2%).
        basis_points: u32,
        /// The population figure the threshold was computed from.
        population: u64,
        /// The year of that figure.
        year: i32,
    },
}

/// The number of signatures a petition to a body needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdView {
    /// Signatures needed.
    pub signatures: u64,
    /// Where the number comes from.
    pub rule: ThresholdRule,
    /// The identity grade that counts towards it.
    pub required_grade: IdentityGrade,
}

/// One body's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyView {
    /// The body itself.
    pub body: BodySummary,
    /// The body above it (for a public council: the body it is attached to).
    pub parent: Option<BodySummary>,
    /// The territory it serves.
    pub territory: TerritorySummary,
    /// The public council attached to it, if any.
    pub council: Option<BodySummary>,
    /// Bodies directly under it (other than its council).
    pub children: Vec<BodySummary>,
    /// The petition threshold for this body as an addressee, if petitions can be sent to it.
    pub threshold: Option<ThresholdView>,
    /// The names it had before, oldest first.
    pub former_names: Vec<super::FormerName>,
    /// The day it ended, if it has.
    pub ended_on: Option<chrono::NaiveDate>,
    /// The body that took over from it.
    pub successor: Option<BodySummary>,
}
