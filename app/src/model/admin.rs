//! Administration (issue 17): the rules an admin edits without SQL, and the record of every
//! change, as pages show them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    BodyKind, BodyLevel, BodySummary, IdentityGrade, Names, TerritorySummary, stored_enum,
};

stored_enum! {
    /// What a recorded change is about.
    ChangeSubject, "change-subject" {
        /// A petition threshold (per body kind and level).
        Threshold = "threshold",
        /// A day of the holiday calendar.
        CalendarDay = "calendar_day",
        /// A platform setting.
        Setting = "setting",
        /// A territorial unit (added, renamed, its dates).
        Territory = "territory",
        /// A territory's population in a year.
        Population = "population",
        /// A state body or public council (added, renamed, moved, ended, its minimum).
        Body = "body",
        /// A catalogue reason (the prohibited topics among them, which are public).
        Reason = "reason",
        /// A deadline term (per clock and level).
        Term = "term",
        /// A topic of the catalogue (added, renamed, its routing, retired).
        Topic = "topic",
    }
}

stored_enum! {
    /// The unit a deadline term counts in.
    TermUnit, "term-unit" {
        /// Working days (the holiday calendar decides which).
        WorkingDays = "working_days",
        /// Calendar days.
        CalendarDays = "calendar_days",
        /// Months.
        Months = "months",
    }
}

stored_enum! {
    /// What a CSV import or export holds.
    ImportKind, "import-kind" {
        /// Territorial units by KATO code.
        Territories = "territories",
        /// State bodies and public councils by slug.
        Bodies = "bodies",
        /// Populations by KATO code and year.
        Populations = "populations",
    }
}

stored_enum! {
    /// What one row of an import does.
    ImportAction, "import-action" {
        /// Adds an item.
        Add = "add",
        /// Changes an item.
        Change = "change",
        /// Leaves an item as it is.
        Same = "same",
    }
}

stored_enum! {
    /// What a day of the holiday calendar is.
    DayKind, "day-kind" {
        /// A public holiday: a day off.
        Holiday = "holiday",
        /// A day off transferred from a weekend.
        TransferredDayOff = "transferred_day_off",
        /// A Saturday or Sunday that is a working day.
        WorkingDay = "working_day",
    }
}

/// A threshold row as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdRow {
    /// The row.
    pub id: i32,
    /// The kind of body petitions are addressed to.
    pub body_kind: BodyKind,
    /// Its level.
    pub level: BodyLevel,
    /// The rule.
    pub rule: ThresholdSetting,
    /// Optimistic locking: the form sends it back.
    pub version: i32,
}

/// A threshold's rule as it is stored and recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdSetting {
    /// A fixed number of signatures, or
    pub signatures: Option<u64>,
    /// a share of the territory's population in hundredths of a percent (200 = 2%).
    pub basis_points: Option<u32>,
    /// The identity grade a signature needs to count.
    pub grade: IdentityGrade,
}

/// A day of the holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDayView {
    /// The day.
    pub day: NaiveDate,
    /// What it is.
    pub kind: DayKind,
    /// Its name (for a working day: whose day off it makes up for).
    pub names: Names,
}

/// What a platform setting means and which values it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SettingRule {
    /// The key, or the prefix of a family of keys (`inquiry_answer_days:` + a maslikhat).
    pub key: &'static str,
    /// The smallest value allowed.
    pub min: u64,
    /// The largest value allowed.
    pub max: u64,
    /// Whether citizens are affected by it (its changes go on the public page).
    pub public: bool,
}

/// Every setting an admin may change, with its range. The meaning is the translation
/// `setting-` + key (for a family, + its prefix without the colon).
pub const SETTING_RULES: &[SettingRule] = &[
    SettingRule {
        key: "signer_data_retention_months",
        min: 1,
        max: 120,
        public: false,
    },
    SettingRule {
        key: "signing_per_account_hour",
        min: 0,
        max: 100_000,
        public: false,
    },
    SettingRule {
        key: "signing_per_ip_hour",
        min: 0,
        max: 10_000_000,
        public: false,
    },
    SettingRule {
        key: "responsiveness_min_cases",
        min: 1,
        max: 1_000,
        public: false,
    },
    SettingRule {
        key: "council_quorum_numerator",
        min: 1,
        max: 100,
        public: false,
    },
    SettingRule {
        key: "council_quorum_denominator",
        min: 1,
        max: 100,
        public: false,
    },
    SettingRule {
        key: "council_agenda_notice_working_days",
        min: 0,
        max: 60,
        public: false,
    },
    SettingRule {
        key: "council_dormant_months",
        min: 1,
        max: 60,
        public: false,
    },
    SettingRule {
        key: "council_minimum_voting_members",
        min: 1,
        max: 100,
        public: false,
    },
    SettingRule {
        key: "initial_support_signatures",
        min: 1,
        max: 100_000,
        public: true,
    },
    SettingRule {
        key: "inquiry_answer_days:",
        min: 1,
        max: 365,
        public: true,
    },
];

impl SettingRule {
    /// The rule of a setting key, if an admin may change it.
    pub fn of(key: &str) -> Option<SettingRule> {
        SETTING_RULES.iter().copied().find(|r| {
            if r.key.ends_with(':') {
                key.strip_prefix(r.key).is_some_and(|rest| !rest.is_empty())
            } else {
                r.key == key
            }
        })
    }

    /// The translation key of its meaning.
    pub fn meaning_key(self) -> String {
        format!("setting-{}", self.key.trim_end_matches(':'))
    }
}

/// A platform setting as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingView {
    /// Its key.
    pub key: String,
    /// Its value.
    pub value: String,
    /// Optimistic locking: the form sends it back.
    pub version: i32,
}

/// A value before or after a change, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RecordedValue {
    /// A threshold's rule.
    Threshold(ThresholdSetting),
    /// A calendar day.
    CalendarDay {
        /// What the day is.
        kind: DayKind,
        /// Its name.
        names: Names,
    },
    /// A setting's value.
    Setting {
        /// The value.
        value: String,
    },
    /// A territorial unit's names and dates.
    Territory {
        /// Its names.
        names: Names,
        /// In force from.
        valid_from: Option<NaiveDate>,
        /// In force until (abolished).
        valid_to: Option<NaiveDate>,
    },
    /// A body as an admin keeps it.
    Body {
        /// Its names.
        names: Names,
        /// The slug of the body above it.
        parent: Option<String>,
        /// In force until (ended).
        valid_to: Option<NaiveDate>,
        /// The slug of the body that took over from it.
        successor: Option<String>,
        /// A council's own minimum of voting members.
        minimum_members: Option<u32>,
    },
    /// A deadline term.
    Term {
        /// How many units.
        amount: u32,
        /// Which units.
        unit: TermUnit,
    },
    /// A catalogue reason (of rejection, of a council's decline; a prohibited topic).
    Reason {
        /// Its wording.
        names: Names,
        /// Whether it can still be chosen.
        active: bool,
    },
    /// A topic of the catalogue.
    Topic {
        /// Its name.
        names: Names,
        /// Usually a local matter.
        local: bool,
        /// The slug of the ministry that answers for it nationally.
        ministry: Option<String>,
        /// Whether it is offered for new filings.
        active: bool,
    },
    /// A population figure.
    Population {
        /// Residents.
        count: u64,
        /// Where the figure comes from.
        source: String,
    },
}

/// One change on the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    /// Its number.
    pub id: i64,
    /// When.
    pub changed_at: DateTime<Utc>,
    /// Who (admins see it; the public page does not).
    pub actor: Option<String>,
    /// What kind of thing changed.
    pub subject: ChangeSubject,
    /// Which one: `maslikhat/regional`, a day, a setting's key.
    pub item: String,
    /// Before (none: added).
    pub old: Option<RecordedValue>,
    /// After (none: removed).
    pub new: Option<RecordedValue>,
}

impl ChangeView {
    /// For a threshold: the kind and level it is for.
    pub fn threshold_of(&self) -> Option<(BodyKind, BodyLevel)> {
        let (kind, level) = self.item.split_once('/')?;
        Some((BodyKind::parse(kind)?, BodyLevel::parse(level)?))
    }
}

/// One year of the holiday calendar, as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    /// The year shown.
    pub year: i32,
    /// Its days, in order.
    pub days: Vec<CalendarDayView>,
    /// Whether the previous year has days to copy.
    pub previous_has_days: bool,
}

/// A name a territorial unit had, with the dates it was in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerName {
    /// The name in three languages.
    pub names: Names,
    /// In use from (unknown for the name the unit was created with, where not recorded).
    pub valid_from: Option<NaiveDate>,
    /// In use until.
    pub valid_to: NaiveDate,
}

/// A population figure as the admin keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationRow {
    /// The year.
    pub year: i32,
    /// Residents.
    pub count: u64,
    /// Where the figure comes from.
    pub source: String,
}

/// A unit in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerritoryRow {
    /// The unit.
    pub territory: TerritorySummary,
    /// The KATO code of the unit above it.
    pub parent: Option<String>,
    /// Abolished on.
    pub valid_to: Option<NaiveDate>,
}

/// One unit as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerritoryAdmin {
    /// The unit.
    pub territory: TerritorySummary,
    /// The unit above it.
    pub parent: Option<TerritorySummary>,
    /// In force from.
    pub valid_from: Option<NaiveDate>,
    /// In force until.
    pub valid_to: Option<NaiveDate>,
    /// What the forms send back, to tell a change made meanwhile.
    pub stamp: String,
    /// Its former names, oldest first.
    pub former_names: Vec<FormerName>,
    /// Its population figures, newest first.
    pub populations: Vec<PopulationRow>,
    /// The units directly under it.
    pub children: Vec<TerritorySummary>,
}

/// A body in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyRow {
    /// The body.
    pub body: BodySummary,
    /// The slug of the body above it.
    pub parent: Option<String>,
    /// The territory it serves.
    pub territory: TerritorySummary,
    /// Ended on.
    pub valid_to: Option<NaiveDate>,
}

/// One body as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyAdmin {
    /// The body.
    pub body: BodySummary,
    /// The body above it.
    pub parent: Option<BodySummary>,
    /// The territory it serves.
    pub territory: TerritorySummary,
    /// In force from.
    pub valid_from: Option<NaiveDate>,
    /// Ended on.
    pub valid_to: Option<NaiveDate>,
    /// The body that took over from it.
    pub successor: Option<BodySummary>,
    /// What the forms send back, to tell a change made meanwhile.
    pub stamp: String,
    /// Its former names, oldest first.
    pub former_names: Vec<FormerName>,
    /// The bodies in force directly under it (its council among them).
    pub children: Vec<BodySummary>,
    /// Cases awaiting its answer (they move to a successor when it ends).
    pub open_cases: u64,
    /// Petitions addressed to it that are not yet answered.
    pub open_petitions: u64,
    /// A council's own minimum of voting members (none: the platform setting).
    pub minimum_members: Option<u32>,
    /// The platform setting.
    pub default_minimum: u32,
}

/// One row of an import and what it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// Its line in the file (the header is line 1).
    pub line: u32,
    /// The item: a KATO code, a slug, `KATO/year`.
    pub item: String,
    /// What it does.
    pub action: ImportAction,
    /// The item before (none: added).
    pub before: Option<RecordedValue>,
    /// The item after.
    pub after: Option<RecordedValue>,
}

/// Why a row (or the file) is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    /// The line (1: the header; 0: the file as a whole).
    pub line: u32,
    /// The column, if one is at fault.
    pub column: Option<String>,
    /// The message key.
    pub key: String,
}

/// A dry run: what each row would do, or why the file is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The rows, in file order.
    pub lines: Vec<ImportLine>,
    /// What is wrong; any problem refuses the file as a whole.
    pub problems: Vec<ImportProblem>,
}

/// An uploaded file with its report, as the admin's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    /// Its number.
    pub id: i32,
    /// What it holds.
    pub kind: ImportKind,
    /// The file's name.
    pub file_name: String,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
    /// The dry run.
    pub report: ImportReport,
    /// When it was applied.
    pub applied_at: Option<DateTime<Utc>>,
}

/// The columns of each kind, in the order an export writes them.
pub fn import_columns(kind: ImportKind) -> &'static [&'static str] {
    match kind {
        ImportKind::Territories => &[
            "kato",
            "kind",
            "parent",
            "name_kk",
            "name_ru",
            "name_en",
            "valid_from",
            "valid_to",
        ],
        ImportKind::Bodies => &[
            "slug",
            "kind",
            "level",
            "parent",
            "territory",
            "name_kk",
            "name_ru",
            "name_en",
            "valid_from",
            "valid_to",
        ],
        ImportKind::Populations => &["kato", "year", "population", "source"],
    }
}

/// A topic as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRow {
    /// The code addresses and open data carry.
    pub code: String,
    /// Its name.
    pub names: Names,
    /// Usually a matter for the territory's akimat and maslikhat.
    pub local: bool,
    /// The slug of the ministry that answers for it nationally.
    pub ministry: Option<String>,
    /// Its place in the lists.
    pub position: i32,
    /// Offered for new petitions, proposals and inquiries.
    pub active: bool,
    /// Optimistic locking: the form sends it back.
    pub version: i32,
}

/// The topics page: the catalogue and the ministries a topic may name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicsAdmin {
    /// Every topic, in list order.
    pub topics: Vec<TopicRow>,
    /// The ministries in force, by name.
    pub ministries: Vec<super::BodySummary>,
}

/// A deadline term as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRow {
    /// The row.
    pub id: i32,
    /// The clock (`petition_moderation`, `collection_period`, `inquiry_answer`, …).
    pub clock: String,
    /// The level it applies at, or `any`.
    pub level: String,
    /// How many units.
    pub amount: u32,
    /// Which units.
    pub unit: TermUnit,
    /// Optimistic locking: the form sends it back.
    pub version: i32,
}
