//! Territorial units as pages show them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BodySummary, Names, stored_enum};

stored_enum! {
    /// The kind of a territorial unit (KATO level).
    TerritoryKind, "territory-kind" {
        /// The whole republic (the territory of national bodies).
        Country = "country",
        /// An oblast (region).
        Oblast = "oblast",
        /// A city of republican significance (Astana, Almaty, Shymkent).
        City = "city",
        /// A district of an oblast or of a city.
        District = "district",
        /// A city of regional significance.
        RegionalCity = "regional_city",
        /// A rural district.
        RuralDistrict = "rural_district",
        /// A village.
        Village = "village",
    }
}

/// A territorial unit in a list: a region (oblast or city of republican significance), or the
/// country for national bodies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerritorySummary {
    /// The KATO code, which is also the unit's address on the site.
    pub kato: String,
    /// Oblast or city.
    pub kind: TerritoryKind,
    /// The name in three languages.
    pub names: Names,
    /// The administrative centre in three languages, for oblasts.
    pub centre: Option<Names>,
}

/// The population of a unit in a given year (admin-editable data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationFigure {
    /// The year the figure is for.
    pub year: i32,
    /// Number of residents.
    pub count: u64,
}

/// One region's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionView {
    /// The region itself.
    pub region: TerritorySummary,
    /// When the unit was created, where known.
    pub valid_from: Option<NaiveDate>,
    /// The latest population figure, if any.
    pub population: Option<PopulationFigure>,
    /// The bodies of the region: akimat, maslikhat, public councils.
    pub bodies: Vec<BodySummary>,
    /// The names it had before, oldest first.
    pub former_names: Vec<super::FormerName>,
}
