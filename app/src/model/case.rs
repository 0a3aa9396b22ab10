//! Cases as pages show them: whatever is addressed to a body and must be answered, its states,
//! its clock, the answer and what followed, and the public responsiveness of every body.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{AnswerDecision, BodySummary, Names, TimelineEntry, stored_enum};

stored_enum! {
    /// What a case began as. Each kind keeps its own table and lifecycle; the case is the
    /// ending they share.
    CaseKind, "case-kind" {
        /// A petition that crossed its threshold.
        Petition = "petition",
        /// A maslikhat deputy's inquiry.
        Inquiry = "inquiry",
        /// A public council's recommendation to its body.
        Recommendation = "recommendation",
        /// A citizen's proposal to a public council.
        Proposal = "proposal",
    }
}

impl CaseKind {
    /// The clock's row in `deadline_terms`.
    pub fn term_key(self) -> &'static str {
        match self {
            CaseKind::Petition => "petition_answer",
            CaseKind::Inquiry => "inquiry_answer",
            CaseKind::Recommendation => "recommendation_answer",
            CaseKind::Proposal => "proposal_answer",
        }
    }
}

stored_enum! {
    /// Where a case stands.
    CaseState, "case-state" {
        /// Registered; the body's clock runs (or stands still while clarification is asked).
        AwaitingAnswer = "awaiting_answer",
        /// Answered within its deadline.
        Answered = "answered",
        /// Answered after its deadline.
        AnsweredLate = "answered_late",
        /// Handed to another body, where a new case runs.
        Forwarded = "forwarded",
        /// Taken back before the answer (its origin no longer asks).
        Withdrawn = "withdrawn",
        /// Finished after the answer.
        Closed = "closed",
    }
}

impl CaseState {
    /// Whether a case may move from this state to `to`: the one table of legal moves.
    pub fn may_become(self, to: CaseState) -> bool {
        use CaseState::{Answered, AnsweredLate, AwaitingAnswer, Closed, Forwarded, Withdrawn};
        matches!(
            (self, to),
            (
                AwaitingAnswer,
                Answered | AnsweredLate | Forwarded | Withdrawn
            ) | (Answered | AnsweredLate, Closed)
        )
    }

    /// Whether the body has answered.
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            CaseState::Answered | CaseState::AnsweredLate | CaseState::Closed
        )
    }
}

stored_enum! {
    /// How far the body has come with what its answer promised.
    Progress, "progress" {
        /// Planned.
        Planned = "planned",
        /// Under way.
        InProgress = "in_progress",
        /// Done.
        Done = "done",
        /// Will not be done.
        NotDone = "not_done",
    }
}

/// A case's registration number as the body gives it: the year and the case's place in it.
pub fn case_number(year: i32, seq: i32) -> String {
    format!("{year}-{seq:05}")
}

/// Where a petition's case is: its id, the body's number and the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseLink {
    /// The case's id on the site.
    pub id: i32,
    /// The body's registration number.
    pub number: String,
    /// The body it is with.
    pub body: Names,
}

/// A case in an inbox or a body's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    /// Its id on the site.
    pub id: i32,
    /// What it began as.
    pub kind: CaseKind,
    /// The body's registration number.
    pub number: String,
    /// The title of what it began as.
    pub title: String,
    /// The addressee.
    pub body: Names,
    /// Where it stands.
    pub state: CaseState,
    /// Registered on.
    pub registered_on: NaiveDate,
    /// The last day to answer (moved on by pauses).
    pub due_on: NaiveDate,
    /// `due`, `overdue`, `very_overdue` while awaiting; `paused` while clarification is asked.
    pub clock: String,
}

/// A clarification the body asked for, and the reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseView {
    /// Its id.
    pub id: i32,
    /// What was asked.
    pub question: String,
    /// The day it was asked (the clock stopped).
    pub asked_on: NaiveDate,
    /// The reply, once given.
    pub reply: Option<String>,
    /// The day it was given (the clock started again).
    pub answered_on: Option<NaiveDate>,
}

/// A follow-up answer or an implementation update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseUpdateView {
    /// Its id.
    pub id: i32,
    /// `None` for a follow-up answer, the progress for an implementation update.
    pub progress: Option<Progress>,
    /// The date it refers to (planned for, done on).
    pub on_date: Option<NaiveDate>,
    /// The text.
    pub text: String,
    /// When it was posted.
    pub at: DateTime<Utc>,
}

/// What the viewer may do on a case page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseActions {
    /// An official of the addressee body today: may answer, ask, forward, update.
    pub is_official: bool,
    /// The author of what the case began as: may reply to a clarification request.
    pub is_author: bool,
    /// The author, who may still attach the origin's own documents.
    pub can_attach_origin: bool,
    /// May rate the answer (signed in, verified, answered).
    pub can_rate: bool,
    /// The viewer's rating, if they rated.
    pub my_rating: Option<u8>,
}

/// A body a case may be forwarded to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyChoice {
    /// Its slug.
    pub slug: String,
    /// Its name.
    pub names: Names,
}

/// A document attached to an item of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// Its id.
    pub id: i32,
    /// Where it is downloaded: `/documents/{id}` for a case's, `/meeting-documents/{id}` for a
    /// meeting's.
    pub href: String,
    /// What it is attached to: `answer`, `question:7`, `reply:7`, `update:3`, `origin`; for a
    /// meeting `material` or `minutes`.
    pub item: String,
    /// Its file name.
    pub name: String,
    /// Its content type.
    pub content_type: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The public page of a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    /// The summary line.
    pub summary: CaseSummary,
    /// The addressee.
    pub body: BodySummary,
    /// Where what it began as lives on the site (`/petitions/7`), without the language.
    pub origin_path: String,
    /// The body it came from, when forwarded, with that case's id.
    pub forwarded_from: Option<(i32, Names)>,
    /// The body it went to, when forwarded, with the new case's id.
    pub forwarded_to: Option<(i32, Names)>,
    /// The decision, once answered.
    pub decision: Option<AnswerDecision>,
    /// The answer's text.
    pub answer: Option<String>,
    /// When it was answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// The average rating and how many rated.
    pub average_rating: Option<f64>,
    /// How many rated.
    pub ratings: u64,
    /// Clarifications asked, oldest first.
    pub pauses: Vec<PauseView>,
    /// Follow-ups and implementation updates, oldest first.
    pub updates: Vec<CaseUpdateView>,
    /// The documents attached to its items.
    pub documents: Vec<DocumentView>,
    /// The public timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// What the viewer may do.
    pub viewer: CaseActions,
    /// Bodies it may be forwarded to (for an official).
    pub forward_to: Vec<BodyChoice>,
}

/// One body's line on the responsiveness page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponsivenessRow {
    /// The body.
    pub body: BodySummary,
    /// The body's region (KATO code), if it has one.
    pub region: Option<String>,
    /// Cases received.
    pub received: u64,
    /// Answered by their deadline.
    pub on_time: u64,
    /// Answered after it.
    pub late: u64,
    /// Awaiting an answer past the deadline now.
    pub overdue: u64,
    /// Awaiting an answer past twice the term now.
    pub very_overdue: u64,
    /// Median working days from registration to answer.
    pub median_days: Option<f64>,
    /// Average rating of the answers.
    pub average_rating: Option<f64>,
    /// How many ratings.
    pub ratings: u64,
    /// Its rank by share answered on time (none with too few cases to compare).
    pub rank: Option<u32>,
}

/// What the responsiveness page is filtered and sorted by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsivenessQuery {
    /// A region's KATO code.
    pub region: Option<String>,
    /// A body kind.
    pub body_kind: Option<String>,
    /// A case kind.
    pub case_kind: Option<String>,
    /// A year of registration.
    pub year: Option<i32>,
    /// One body only (its slug), ranked among all the others.
    pub body: Option<String>,
    /// The column to sort by.
    pub sort: Option<String>,
    /// Descending.
    pub desc: bool,
}

/// The responsiveness page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Responsiveness {
    /// The rows, sorted.
    pub rows: Vec<ResponsivenessRow>,
    /// Fewer cases than this give no rank.
    pub min_cases: u64,
    /// The regions one may filter by (KATO code, names).
    pub regions: Vec<(String, Names)>,
    /// The years with cases.
    pub years: Vec<i32>,
}

/// A body's record on its own page: its figures (ranked among all bodies) and its latest
/// cases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyRecord {
    /// The body's line of the responsiveness table, once it has received a case.
    pub figures: Option<ResponsivenessRow>,
    /// Fewer cases than this give no rank.
    pub min_cases: u64,
    /// Its latest cases.
    pub cases: Vec<CaseSummary>,
}
