//! Data shared by the server and the browser: what pages show, free of the database layer.

mod account;
mod admin;
mod body;
mod case;
mod council;
mod iin;
mod inquiry;
mod petition;
mod role;
mod search;
mod territory;

pub use account::{FormEcho, Me, Visitor};
pub use admin::{
    BodyAdmin, BodyRow, CalendarDayView, CalendarYear, ChangeSubject, ChangeView, DayKind,
    FormerName, ImportAction, ImportKind, ImportLine, ImportProblem, ImportReport, ImportView,
    PopulationRow, RecordedValue, SETTING_RULES, SettingRule, SettingView, TermRow, TermUnit,
    TerritoryAdmin, TerritoryRow, ThresholdRow, ThresholdSetting, TopicRow, TopicsAdmin,
    import_columns,
};
pub use body::{
    BodyKind, BodyLevel, BodySummary, BodyView, IdentityGrade, ThresholdRule, ThresholdView,
};
pub use case::{
    BodyChoice, BodyRecord, CaseActions, CaseKind, CaseLink, CaseState, CaseSummary,
    CaseUpdateView, CaseView, DocumentView, PauseView, Progress, Responsiveness,
    ResponsivenessQuery, ResponsivenessRow, case_number,
};
pub use council::{
    AgendaItemView, AgendaOutcome, CommentView, CouncilActions, CouncilHealth, CouncilSummary,
    CouncilView, DeskState, DeskView, MeetingFormat, MeetingState, MeetingSummary, MeetingView,
    MemberPosition, MemberView, ProposalSummary, ProposalView, RecommendationStatus,
    RecommendationView,
};
pub use iin::{Iin, IinError, Sex};
pub use inquiry::{
    Assessment, DeputyRef, DeputyView, DraftFor, InquiryActions, InquiryDraft, InquiryFigures,
    InquiryLink, InquiryState, InquirySummary, InquiryView, MaslikhatView, Outcome, Register,
    RegisterQuery, StepKind, StepView,
};
pub use petition::{
    ActorRole, AnswerDecision, AnswerView, BodyOption, Clock, DraftView, EventKind, FilingOptions,
    GradeCounts, HomeFigures, LIST_SORTS, LISTED_STATUSES, ListPage, ListQuery, ModerationRecord,
    ModerationRecordEntry, PetitionStatus, PetitionSummary, PetitionView, ReasonScope, ReasonView,
    RegionSignatures, SimilarPetition, TimelineEntry, TopicView, ViewerActions, topic_name,
};
pub use receipt::model::{
    ENTRY_TAG, LogEntry, RECEIPT_TAG, Receipt, ReceiptCheck, ReceiptError, RevokeReason, hex32,
    parse_hex32,
};
pub use role::{Role, RoleGrantView, RolesPageData};
pub use search::SiteSearch;
pub use territory::{PopulationFigure, RegionView, TerritoryKind, TerritorySummary};

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A name kept in the three languages of the platform.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

impl Names {
    /// The name in the given language.
    pub fn get(&self, locale: Locale) -> &str {
        locale.pick(&self.kk, &self.ru, &self.en)
    }
}

/// Declares a closed set of names stored as text in the database, with the parse and the
/// translation key of each.
macro_rules! stored_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name stored in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value for a stored name.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The translation key of the value's label.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, "-", $text)),+
                }
            }
        }
    };
}
pub(crate) use stored_enum;
