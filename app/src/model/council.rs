//! Public councils as pages show them: members past and present, meetings with their agendas,
//! attendance, decisions and minutes, citizens' proposals, the recommendations sent to the
//! council's body and how they fared, and the council's health.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    AnswerDecision, BodySummary, CaseLink, CaseState, DocumentView, Names, Progress, TimelineEntry,
    stored_enum,
};

stored_enum! {
    /// A member's position on the council.
    MemberPosition, "member-position" {
        /// The chair.
        Chair = "chair",
        /// The deputy chair.
        DeputyChair = "deputy_chair",
        /// The secretary.
        Secretary = "secretary",
        /// A member.
        Member = "member",
    }
}

stored_enum! {
    /// Where a meeting takes place.
    MeetingFormat, "meeting-format" {
        /// In a room.
        InPerson = "in_person",
        /// Online.
        Online = "online",
        /// Both.
        Hybrid = "hybrid",
    }
}

stored_enum! {
    /// Where a meeting stands.
    MeetingState, "meeting-state" {
        /// Being prepared; seen by the council only.
        Draft = "draft",
        /// Its agenda is public.
        Published = "published",
        /// Held, decided and minuted.
        Closed = "closed",
    }
}

stored_enum! {
    /// What became of an agenda item.
    AgendaOutcome, "agenda-outcome" {
        /// Not decided yet.
        Pending = "pending",
        /// Decided by a vote.
        Decided = "decided",
        /// Deferred to the next meeting.
        Deferred = "deferred",
    }
}

stored_enum! {
    /// Where a proposal stands on the secretary's desk.
    DeskState, "desk-state" {
        /// Not handled yet.
        New = "new",
        /// On a meeting's agenda.
        OnAgenda = "on_agenda",
        /// A duplicate of another proposal.
        Merged = "merged",
        /// Handed to the council's body.
        Forwarded = "forwarded",
        /// Declined with a public reason.
        Declined = "declined",
        /// Decided at a meeting.
        Decided = "decided",
    }
}

stored_enum! {
    /// How a recommendation fared with the body, as the council page shows it.
    RecommendationStatus, "recommendation-status" {
        /// The body's clock runs.
        AwaitingAnswer = "awaiting_answer",
        /// Past the body's deadline without an answer.
        Overdue = "overdue",
        /// Accepted (fully or in part); nothing done yet.
        Accepted = "accepted",
        /// Accepted and carried out.
        Implemented = "implemented",
        /// Accepted, then reported as not carried out.
        NotImplemented = "not_implemented",
        /// Declined by the body.
        Declined = "declined",
    }
}

/// One membership of a council.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    /// Its id.
    pub id: i32,
    /// The person's full name.
    pub full_name: String,
    /// The position.
    pub position: MemberPosition,
    /// The organisation the person represents.
    pub organisation: String,
    /// Whether the member votes.
    pub voting: bool,
    /// The first day of the term.
    pub starts_on: NaiveDate,
    /// The last day, once known.
    pub ends_on: Option<NaiveDate>,
    /// Whether the membership is linked to an account.
    pub has_account: bool,
}

/// A council's health, public on its page and on the list of councils.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilHealth {
    /// The day of the last meeting held (closed), if any.
    pub last_meeting: Option<NaiveDate>,
    /// Meetings closed in the last 12 months.
    pub meetings_last_year: u32,
    /// Voting members today.
    pub voting_members: u32,
    /// The minimum of voting members (a setting).
    pub minimum_members: u32,
    /// Seats missing to the minimum.
    pub vacancies: u32,
    /// Proposals past the council's deadline.
    pub overdue_proposals: u32,
    /// Recommendations past the body's deadline.
    pub overdue_recommendations: u32,
    /// Months since the last meeting, when over the setting (or no meeting at all).
    pub dormant_months: Option<u32>,
}

/// A council in the list of councils.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSummary {
    /// The council.
    pub council: BodySummary,
    /// The body it belongs to.
    pub body: Option<BodySummary>,
    /// Its health.
    pub health: CouncilHealth,
}

/// A meeting in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    /// Its id.
    pub id: i32,
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// Where.
    pub format: MeetingFormat,
    /// The place.
    pub place: String,
    /// Where it stands.
    pub state: MeetingState,
    /// Items on its agenda.
    pub items: u32,
}

/// A proposal in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalSummary {
    /// Its id.
    pub id: i32,
    /// Its title.
    pub title: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// Supporters.
    pub supporters: u32,
    /// Where it stands on the desk.
    pub desk_state: DeskState,
    /// Its case's state and due day.
    pub case_state: Option<CaseState>,
    /// The council's deadline.
    pub due_on: Option<NaiveDate>,
    /// Whether the secretary hid it (then only the author and the council see it).
    pub hidden: bool,
}

/// A recommendation on its council's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationView {
    /// Its id.
    pub id: i32,
    /// What it recommends.
    pub text: String,
    /// The agenda item (and its meeting) it came from.
    pub meeting_id: i32,
    /// The title of the agenda item.
    pub item_title: String,
    /// How it fared.
    pub status: RecommendationStatus,
    /// The body's case.
    pub case: Option<CaseLink>,
    /// The body's deadline.
    pub due_on: Option<NaiveDate>,
    /// The latest progress the body reported.
    pub progress: Option<Progress>,
}

/// What the signed-in person may do on a council's pages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilActions {
    /// The council's secretary today.
    pub is_secretary: bool,
    /// A member today (or the secretary): sees drafts.
    pub is_member: bool,
    /// Signed in: may send a proposal and follow the council.
    pub signed_in: bool,
    /// Follows the council's news by mail.
    pub follows: bool,
}

/// A council's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilView {
    /// The council.
    pub council: BodySummary,
    /// The body it belongs to.
    pub body: Option<BodySummary>,
    /// Members today.
    pub members: Vec<MemberView>,
    /// Former members (and those whose term has not begun).
    pub former: Vec<MemberView>,
    /// Meetings, newest first (drafts only for the council).
    pub meetings: Vec<MeetingSummary>,
    /// Proposals, newest first.
    pub proposals: Vec<ProposalSummary>,
    /// Recommendations to the body, newest first.
    pub recommendations: Vec<RecommendationView>,
    /// Its health.
    pub health: CouncilHealth,
    /// What the viewer may do.
    pub viewer: CouncilActions,
}

/// One agenda item on a meeting's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemView {
    /// Its id.
    pub id: i32,
    /// Its place in the agenda.
    pub position: i32,
    /// What it is about.
    pub title: String,
    /// The proposal it takes up.
    pub proposal_id: Option<i32>,
    /// The petition it takes up.
    pub petition_id: Option<i32>,
    /// What became of it.
    pub outcome: AgendaOutcome,
    /// Votes for, against, abstaining.
    pub votes: Option<(u32, u32, u32)>,
    /// The decision.
    pub decision: Option<String>,
    /// The recommendation to the body the decision made, with its id.
    pub recommendation: Option<(i32, String)>,
    /// The members' internal comments (only for the council's members; never public).
    pub comments: Vec<CommentView>,
}

/// A member's internal comment on an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    /// Who wrote it (their display name).
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub text: String,
}

/// A meeting's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    /// The meeting.
    pub meeting: MeetingSummary,
    /// The council.
    pub council: BodySummary,
    /// The online link.
    pub online_url: String,
    /// The agenda, in order.
    pub items: Vec<AgendaItemView>,
    /// The voting members on the meeting's day, and whether each was present.
    pub roll: Vec<(MemberView, bool)>,
    /// Members present with a vote.
    pub present: u32,
    /// Present voting members needed for decisions.
    pub quorum: u32,
    /// The minutes.
    pub minutes: Option<String>,
    /// Its materials (`material`) and signed minutes (`minutes`).
    pub documents: Vec<DocumentView>,
    /// The first day the agenda may be for when published today.
    pub earliest_publishable: NaiveDate,
    /// What the viewer may do.
    pub viewer: CouncilActions,
}

/// A proposal's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    /// The proposal in a list's terms.
    pub summary: ProposalSummary,
    /// The council it was sent to.
    pub council: BodySummary,
    /// Its text.
    pub text: String,
    /// Its topic.
    pub topic: super::TopicView,
    /// The territory it concerns.
    pub territory: Option<Names>,
    /// Why the secretary hid it.
    pub hidden_reason: Option<String>,
    /// The catalogue reason the secretary declined it with.
    pub declined_for: Option<Names>,
    /// The council's answer on its case, once given: the decision and its text.
    pub answer: Option<(AnswerDecision, String)>,
    /// The proposal it duplicates.
    pub merged_into: Option<(i32, String)>,
    /// Proposals merged into it.
    pub duplicates: Vec<(i32, String)>,
    /// Its case at the council.
    pub case: Option<CaseLink>,
    /// The documents its author attached.
    pub documents: Vec<DocumentView>,
    /// Its timeline.
    pub timeline: Vec<TimelineEntry>,
    /// Whether the viewer wrote it.
    pub is_author: bool,
    /// Whether the viewer supports it.
    pub supported: bool,
    /// What else the viewer may do.
    pub viewer: CouncilActions,
}

/// The secretary's desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskView {
    /// The council.
    pub council: BodySummary,
    /// Proposals waiting for the secretary, oldest first.
    pub proposals: Vec<ProposalSummary>,
    /// Petitions to the council's body under consideration, for oversight: id and title.
    pub petitions: Vec<(i32, String)>,
    /// Meetings whose agenda can still take items: id and start.
    pub open_meetings: Vec<(i32, DateTime<Utc>)>,
    /// Other cases addressed to the council (forwarded to it), awaiting its answer: case id and
    /// title.
    pub forwarded: Vec<(i32, String)>,
    /// The catalogue reasons a proposal can be declined with: id and name.
    pub decline_reasons: Vec<(i32, Names)>,
    /// What the viewer may do (members read the desk; the secretary acts on it).
    pub viewer: CouncilActions,
}
