//! Maslikhat deputies' inquiries as pages show them: the inquiry and what followed its answer,
//! the public register, a deputy's page and the figures of a deputy or a maslikhat.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    AnswerDecision, BodyChoice, BodySummary, CaseLink, CaseState, Names, TimelineEntry, stored_enum,
};

stored_enum! {
    /// Where an inquiry stands on the deputy's side (the body's side is its case).
    InquiryState, "inquiry-state" {
        /// Being prepared in the deputy's office; nobody else sees it.
        Draft = "draft",
        /// Sent and registered with the addressee.
        Sent = "sent",
        /// Closed by the deputy with an outcome.
        Closed = "closed",
    }
}

impl InquiryState {
    /// Whether an inquiry may move from this state to `to`: the one table of legal moves.
    pub fn may_become(self, to: InquiryState) -> bool {
        matches!(
            (self, to),
            (InquiryState::Draft, InquiryState::Sent) | (InquiryState::Sent, InquiryState::Closed)
        )
    }
}

stored_enum! {
    /// What the deputy made of the answer.
    Assessment, "assessment" {
        /// The answer settles the question.
        Satisfactory = "satisfactory",
        /// It does not.
        Unsatisfactory = "unsatisfactory",
    }
}

stored_enum! {
    /// How an inquiry ended.
    Outcome, "outcome" {
        /// The problem was resolved.
        Resolved = "resolved",
        /// Partly resolved.
        Partly = "partly",
        /// Not resolved.
        NotResolved = "not_resolved",
    }
}

stored_enum! {
    /// What a deputy did after an answer, besides a new inquiry.
    StepKind, "step" {
        /// Went to see the place.
        SiteVisit = "site_visit",
        /// Brought it to a session of the maslikhat.
        Hearing = "hearing",
        /// Referred it to the prosecutor's office.
        Referral = "referral",
    }
}

stored_enum! {
    /// How an inquiry continues another.
    InquiryLink, "inquiry-link" {
        /// A follow-up inquiry to the same body after its answer.
        FollowUp = "follow_up",
        /// A referral to another body (a new case there).
        Referral = "referral",
    }
}

/// A deputy as lists name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeputyRef {
    /// The deputy's account id (the page `/deputies/{id}`).
    pub id: i32,
    /// The public name.
    pub name: String,
}

/// An inquiry in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    /// Its id.
    pub id: i32,
    /// Its title.
    pub title: String,
    /// The author.
    pub deputy: DeputyRef,
    /// The maslikhat.
    pub maslikhat: BodySummary,
    /// The addressee.
    pub addressee: BodySummary,
    /// The topic.
    pub topic: super::TopicView,
    /// The deputy's side.
    pub state: InquiryState,
    /// The body's side, once sent.
    pub case_state: Option<CaseState>,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// The last day to answer.
    pub due_on: Option<NaiveDate>,
    /// `due`, `overdue`, `very_overdue` or `paused` while awaiting the answer.
    pub clock: Option<String>,
    /// How it ended.
    pub outcome: Option<Outcome>,
}

/// A step after the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    /// What it was.
    pub kind: StepKind,
    /// When.
    pub on_date: NaiveDate,
    /// Findings, outcome or what was referred.
    pub text: String,
}

/// What the viewer may do on an inquiry's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryActions {
    /// The deputy or the deputy's staff today: sees the private note.
    pub is_office: bool,
    /// The deputy today (sends, assesses, escalates, closes).
    pub is_deputy: bool,
}

/// An inquiry's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InquiryView {
    /// The summary line.
    pub summary: InquirySummary,
    /// The text.
    pub text: String,
    /// The territory it concerns.
    pub territory: Option<Names>,
    /// Deputies who joined it.
    pub cosigners: Vec<DeputyRef>,
    /// Who prepared it, when not the deputy.
    pub prepared_by: Option<String>,
    /// The petition it is based on (id, title).
    pub petition: Option<(i32, String)>,
    /// The inquiry it continues (id, title, how).
    pub follows: Option<(i32, String, InquiryLink)>,
    /// The inquiries that continue it (id, title, how).
    pub continued_by: Vec<(i32, String, InquiryLink)>,
    /// Its case, once sent.
    pub case: Option<CaseLink>,
    /// The body's answer.
    pub answer: Option<(AnswerDecision, String)>,
    /// What the deputy made of it.
    pub assessment: Option<Assessment>,
    /// Steps after the answer, oldest first.
    pub steps: Vec<StepView>,
    /// The deputy's closing note.
    pub outcome_note: Option<String>,
    /// The office's private note (only for the office).
    pub private_note: Option<String>,
    /// The public timeline (the inquiry's and its case's), oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// What the viewer may do.
    pub viewer: InquiryActions,
    /// Its documents and photos (attached on its case's page by the deputy).
    pub documents: Vec<super::DocumentView>,
    /// Bodies a referral may go to (for the deputy).
    pub refer_to: Vec<BodyChoice>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A deputy one may draft for, with whom and to whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFor {
    /// The deputy.
    pub deputy: DeputyRef,
    /// The deputy's maslikhat (slug and names).
    pub maslikhat: BodyChoice,
    /// The bodies within the maslikhat's reach.
    pub addressees: Vec<BodyChoice>,
    /// The maslikhat's other deputies, who may join.
    pub colleagues: Vec<DeputyRef>,
}

/// A draft as the office edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryDraft {
    /// Its id, once saved.
    pub id: Option<i32>,
    /// The deputy.
    pub deputy: i32,
    /// The addressee's slug.
    pub addressee: String,
    /// Topic key.
    pub topic: String,
    /// Territory KATO code.
    pub territory: String,
    /// Title.
    pub title: String,
    /// Text.
    pub text: String,
    /// Private note.
    pub note: String,
    /// The petition's id, as typed.
    pub petition: String,
    /// Co-signing deputies.
    pub cosigners: Vec<i32>,
}

/// The register's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterQuery {
    /// A maslikhat's slug.
    pub maslikhat: Option<String>,
    /// A deputy's id.
    pub deputy: Option<i32>,
    /// An addressee's slug.
    pub addressee: Option<String>,
    /// A topic key.
    pub topic: Option<String>,
    /// A territory's KATO code (the inquiry's territory or one within it).
    pub territory: Option<String>,
    /// `awaiting`, `answered`, `closed`.
    pub state: Option<String>,
    /// Only those overdue now.
    pub overdue: bool,
    /// Words from the title or the text (either Kazakh script, Russian, English).
    #[serde(default)]
    pub q: Option<String>,
}

/// Counts of a deputy's or a maslikhat's inquiries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryFigures {
    /// Sent.
    pub sent: u64,
    /// Answered by the deadline.
    pub on_time: u64,
    /// Answered after it.
    pub late: u64,
    /// Awaiting the answer past the deadline now.
    pub overdue: u64,
    /// Awaiting the answer within the deadline.
    pub awaiting: u64,
    /// Follow-up inquiries sent.
    pub follow_ups: u64,
    /// Site visits, hearings and referrals.
    pub escalations: u64,
    /// By topic, most first.
    pub by_topic: Vec<(super::TopicView, u64)>,
    /// By month sent (`YYYY-MM`), oldest first.
    pub by_month: Vec<(String, u64)>,
    /// Closed, by outcome.
    pub outcomes: Vec<(Outcome, u64)>,
}

/// The public register of inquiries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    /// The inquiries, newest first.
    pub rows: Vec<InquirySummary>,
    /// Maslikhats to filter by.
    pub maslikhats: Vec<BodyChoice>,
    /// Addressees with inquiries.
    pub addressees: Vec<BodyChoice>,
    /// Deputies with inquiries.
    pub deputies: Vec<DeputyRef>,
    /// The topics to filter by (retired ones too).
    pub topics: Vec<super::TopicView>,
}

/// A deputy's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeputyView {
    /// The deputy.
    pub deputy: DeputyRef,
    /// The maslikhat of the latest mandate.
    pub maslikhat: BodySummary,
    /// Mandates: from, to.
    pub terms: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// In office today.
    pub in_office: bool,
    /// Electoral district.
    pub district: Option<String>,
    /// The topics they work on.
    pub topics: Vec<super::TopicView>,
    /// Figures.
    pub figures: InquiryFigures,
    /// Sent inquiries, newest first.
    pub inquiries: Vec<InquirySummary>,
}

/// A maslikhat's page of deputies and inquiries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaslikhatView {
    /// The maslikhat.
    pub body: BodySummary,
    /// Deputies in office today.
    pub deputies: Vec<DeputyRef>,
    /// Figures.
    pub figures: InquiryFigures,
    /// Open inquiries of deputies no longer in office: they stay with the maslikhat.
    pub open_of_former: Vec<InquirySummary>,
    /// Sent inquiries, newest first.
    pub inquiries: Vec<InquirySummary>,
}

#[cfg(test)]
mod tests {
    use super::InquiryState::{Closed, Draft, Sent};

    #[test]
    fn an_inquiry_is_sent_from_a_draft_and_closed_once_sent_and_never_back() {
        assert!(Draft.may_become(Sent) && Sent.may_become(Closed));
        for (from, to) in [
            (Draft, Closed),
            (Sent, Draft),
            (Closed, Sent),
            (Closed, Draft),
            (Sent, Sent),
        ] {
            assert!(!from.may_become(to), "{from:?} → {to:?}");
        }
    }
}
