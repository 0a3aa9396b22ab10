//! Petitions as pages show them: states, topics, the timeline, counts and the forms' choices.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{BodySummary, IdentityGrade, Names, ThresholdView, stored_enum};

stored_enum! {
    /// Where a petition is in its lifecycle.
    PetitionStatus, "petition-status" {
        /// The author edits it privately.
        Draft = "draft",
        /// Submitted, waiting for a moderator.
        Moderation = "moderation",
        /// Approved; reachable by direct link until it has its initial supporters.
        Gathering = "gathering",
        /// Public, collecting signatures.
        Open = "open",
        /// The threshold was crossed; registered and sent to the body, which must answer.
        UnderConsideration = "under_consideration",
        /// The body's answer is published.
        Answered = "answered",
        /// Lapsed, expired or withdrawn.
        Closed = "closed",
        /// Rejected by moderation, with a public reason.
        Rejected = "rejected",
    }
}

impl PetitionStatus {
    /// Whether anybody may see the petition (gathering ones only by direct link).
    pub fn is_public(self) -> bool {
        !matches!(self, PetitionStatus::Draft | PetitionStatus::Moderation)
    }

    /// Whether the petition takes signatures in this state (its deadline aside).
    pub fn takes_signatures(self) -> bool {
        matches!(
            self,
            PetitionStatus::Gathering
                | PetitionStatus::Open
                | PetitionStatus::UnderConsideration
                | PetitionStatus::Answered
        )
    }

    /// Whether a signature may be withdrawn in this state.
    pub fn allows_withdrawal(self) -> bool {
        matches!(self, PetitionStatus::Gathering | PetitionStatus::Open)
    }
}

/// A topic of the catalogue as pages show it: what a petition, a proposal or an inquiry is
/// about. The catalogue is data an admin keeps (`/admin/topics`); the code is what addresses,
/// filters and open data carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicView {
    /// Its code (`roads`, `water`, …).
    pub code: String,
    /// Its name.
    pub names: Names,
    /// Offered for new filings; a retired topic stays on what was filed under it.
    pub active: bool,
}

/// The name of the topic `code` in `topics`, in the reader's language (the code itself for
/// one the list lacks).
pub fn topic_name(locale: crate::i18n::Locale, topics: &[TopicView], code: &str) -> String {
    topics
        .iter()
        .find(|t| t.code == code)
        .map_or_else(|| code.to_owned(), |t| t.names.get(locale).to_owned())
}

stored_enum! {
    /// An entry on a public timeline (a petition's, a case's).
    EventKind, "event" {
        /// Sent to moderation.
        Submitted = "submitted",
        /// Returned to the author for changes.
        Returned = "returned",
        /// Approved by moderation; gathering initial support.
        Approved = "approved",
        /// Rejected by moderation.
        Rejected = "rejected",
        /// Moderation took longer than its term.
        ModerationOverdue = "moderation_overdue",
        /// Enough initial supporters: open to everybody.
        SupportReached = "support_reached",
        /// Not enough initial support in time.
        Lapsed = "lapsed",
        /// The threshold was crossed.
        ThresholdReached = "threshold_reached",
        /// Registered and sent to the body.
        Registered = "registered",
        /// Invalidated signatures took the count back under the threshold.
        ThresholdLost = "threshold_lost",
        /// The body's answer is overdue.
        AnswerOverdue = "answer_overdue",
        /// The body's answer is past twice its term.
        AnswerVeryOverdue = "answer_very_overdue",
        /// The body answered.
        Answered = "answered",
        /// The collection period ended without the threshold.
        Expired = "expired",
        /// The author withdrew the petition.
        Withdrawn = "withdrawn",
        /// Signatures were invalidated.
        SignaturesInvalidated = "signatures_invalidated",
        /// A moderator took the petition to review.
        Claimed = "claimed",
        /// The body asked for clarification; its clock stands still.
        ClarificationAsked = "clarification_asked",
        /// The clarification was given; the clock runs again.
        ClarificationGiven = "clarification_given",
        /// The body forwarded the case to another body.
        Forwarded = "forwarded",
        /// The case came forwarded from another body.
        ReceivedByForwarding = "received_by_forwarding",
        /// The body added a follow-up answer.
        FollowUp = "follow_up",
        /// The body reported on carrying out its answer.
        ImplementationUpdate = "implementation_update",
        /// The case was closed after its answer.
        Closed = "closed",
        /// A council's secretary put it on a meeting's agenda.
        PutOnAgenda = "put_on_agenda",
        /// A council's secretary merged it into another as a duplicate.
        Merged = "merged",
        /// A council's secretary hid it from the public, with a reason.
        Hidden = "hidden",
        /// The council decided on it at a meeting.
        Decided = "decided",
        /// The council's decision recommended something to its body.
        Recommended = "recommended",
        /// The deputy sent the inquiry to its addressee.
        Sent = "sent",
        /// A maslikhat deputy took the petition up.
        Adopted = "adopted",
        /// The deputy found the answer satisfactory.
        AnswerSatisfactory = "answer_satisfactory",
        /// The deputy found the answer unsatisfactory.
        AnswerUnsatisfactory = "answer_unsatisfactory",
        /// The deputy sent a follow-up inquiry.
        FollowUpInquiry = "follow_up_inquiry",
        /// The deputy visited the site.
        SiteVisit = "site_visit",
        /// The deputy referred the matter to the prosecutor's office or another body.
        Referred = "referred",
        /// The matter was heard at a session of the maslikhat.
        Hearing = "hearing",
        /// The deputy closed the inquiry: resolved.
        ClosedResolved = "closed_resolved",
        /// The deputy closed the inquiry: partly resolved.
        ClosedPartly = "closed_partly",
        /// The deputy closed the inquiry: not resolved.
        ClosedNotResolved = "closed_not_resolved",
        /// The body it awaited ended; what it awaited moved to the successor named.
        BodyEnded = "body_ended",
        /// Received from a body that ended (named), its clock running on.
        ReceivedFromPredecessor = "received_from_predecessor",
    }
}

stored_enum! {
    /// Who acted, as the timeline shows it.
    ActorRole, "actor" {
        /// The petition's author.
        Author = "author",
        /// A moderator.
        Moderator = "moderator",
        /// An official of the addressee body.
        Official = "official",
        /// An admin.
        Admin = "admin",
        /// The platform, on time.
        System = "system",
        /// A maslikhat deputy.
        Deputy = "deputy",
        /// A public council's secretary.
        CouncilSecretary = "council_secretary",
        /// A citizen.
        Citizen = "citizen",
    }
}

stored_enum! {
    /// The body's decision on a petition.
    AnswerDecision, "decision" {
        /// Accepted.
        Accepted = "accepted",
        /// Partly accepted.
        PartlyAccepted = "partly_accepted",
        /// Declined.
        Declined = "declined",
        /// Not a matter for this body (and no other body to forward it to).
        NotCompetent = "not_competent",
    }
}

/// One entry of a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: EventKind,
    /// In what role.
    pub role: ActorRole,
    /// The catalogue reason, if one was given.
    pub reason: Option<Names>,
    /// The other body of a hand-over (forwarded to, received from).
    pub body: Option<Names>,
    /// The note written with it.
    pub note: Option<String>,
}

/// Which deadline a petition is running against, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// `moderation`, `initial_support`, `collection` or `answer`.
    pub name: String,
    /// The last day.
    pub due: NaiveDate,
    /// `due`, `overdue` or `very_overdue`.
    pub state: String,
}

/// Signature counts per identity grade: each grade counts the signers with at least that grade.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeCounts {
    /// Email-verified or better.
    pub email_verified: u64,
    /// IIN-checked or better.
    pub iin_checked: u64,
    /// Digital signature.
    pub digital_signature: u64,
}

impl GradeCounts {
    /// The count at `grade` or better.
    pub fn at_least(&self, grade: IdentityGrade) -> u64 {
        match grade {
            IdentityGrade::EmailVerified => self.email_verified,
            IdentityGrade::IinChecked => self.iin_checked,
            IdentityGrade::DigitalSignature => self.digital_signature,
        }
    }
}

/// The body's published answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    /// The decision.
    pub decision: AnswerDecision,
    /// The text.
    pub text: String,
    /// When it was published.
    pub at: DateTime<Utc>,
    /// The average rating, if anybody rated it.
    pub average_rating: Option<f64>,
    /// How many rated it.
    pub ratings: u64,
}

/// What the viewer may do on a petition page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewerActions {
    /// Whether the viewer has an active signature on it.
    pub signed: bool,
    /// Whether the viewer may sign now (signed in, verified, petition taking signatures).
    pub can_sign: bool,
    /// Whether the viewer may withdraw their signature now.
    pub can_withdraw: bool,
    /// Whether the viewer is the author.
    pub is_author: bool,
    /// Whether the viewer may answer for the body.
    pub can_answer: bool,
    /// Whether the viewer may rate the answer.
    pub can_rate: bool,
    /// The viewer's rating, if they rated.
    pub my_rating: Option<u8>,
    /// Whether the viewer is a moderator.
    pub is_moderator: bool,
    /// Whether the viewer is an admin.
    pub is_admin: bool,
    /// Whether the viewer must verify their email before signing.
    pub needs_verification: bool,
    /// A maslikhat deputy in office who has not adopted it yet.
    pub can_adopt: bool,
}

/// The petition page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PetitionView {
    /// Its number on the site.
    pub id: i32,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Full text (empty when moderation hid it).
    pub text: String,
    /// Whether moderation hid the text.
    pub hidden: bool,
    /// The addressee.
    pub body: BodySummary,
    /// The territory it concerns.
    pub territory: Names,
    /// The topic.
    pub topic: TopicView,
    /// The state.
    pub status: PetitionStatus,
    /// The author's public name.
    pub author: String,
    /// The signatures needed, and at which grade (once approved).
    pub threshold: Option<u64>,
    /// The grade the threshold counts.
    pub required_grade: Option<IdentityGrade>,
    /// Initial supporters needed while gathering.
    pub initial_support: u64,
    /// Counts per grade.
    pub counts: GradeCounts,
    /// The registration number, once registered.
    pub registration_number: Option<String>,
    /// The running clock.
    pub clock: Option<Clock>,
    /// The body's case, once registered (the live one, or the last).
    pub case: Option<super::CaseLink>,
    /// The note of the last return for changes (for the author).
    pub return_note: Option<String>,
    /// The rejection reason, if rejected.
    pub rejection: Option<Names>,
    /// The answer, if published.
    pub answer: Option<AnswerView>,
    /// The timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Recent public signers ("Aigerim S."), newest first.
    pub recent_signers: Vec<String>,
    /// Signatures per signer's region, every region, in KATO order.
    pub regions: Vec<RegionSignatures>,
    /// Signatures per day (Kazakhstan time), oldest first, days without any at 0.
    pub by_day: Vec<(NaiveDate, u64)>,
    /// The place in the moderation queue (for the author, while in moderation).
    pub queue_position: Option<u64>,
    /// The deputies who adopted it.
    pub adopted_by: Vec<super::DeputyRef>,
    /// Deputies' inquiries based on it (id, title).
    pub inquiries: Vec<(i32, String)>,
    /// What the viewer may do.
    pub viewer: ViewerActions,
    /// The site's public address (`https://dauys.kz`), for share links and Open Graph tags.
    #[serde(default)]
    pub site: String,
}

/// A region's signatures on one petition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionSignatures {
    /// The region's KATO code.
    pub kato: String,
    /// Its name.
    pub names: Names,
    /// Signatures of its residents.
    pub count: u64,
    /// Its latest population figure, if known.
    pub population: Option<u64>,
}

impl RegionSignatures {
    /// Signatures per 10,000 inhabitants, when the population is known.
    #[allow(clippy::cast_precision_loss)]
    pub fn per_10k(&self) -> Option<f64> {
        self.population
            .filter(|p| *p > 0)
            .map(|p| self.count as f64 * 10_000.0 / p as f64)
    }
}

/// A petition in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionSummary {
    /// Its number on the site.
    pub id: i32,
    /// Title.
    pub title: String,
    /// The state.
    pub status: PetitionStatus,
    /// The addressee's name.
    pub body: Names,
    /// Signatures counted toward the threshold.
    pub count: u64,
    /// The threshold, once approved.
    pub threshold: Option<u64>,
    /// The running clock, if any.
    pub clock: Option<Clock>,
    /// Who holds the moderation claim (moderation queue only).
    pub claimed_by: Option<String>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Signatures counted in the last 24 hours (lists only).
    #[serde(default)]
    pub recent: u64,
}

/// A petition like the one being written, ready to show: the filing form's title island gets
/// these as they are, so the browser needs no translations of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarPetition {
    /// Its address, in the page's language.
    pub href: String,
    /// Title.
    pub title: String,
    /// The state's code (for the tag's colour).
    pub status: String,
    /// The state, in the page's language.
    pub status_label: String,
    /// The count with its word ("1,204 signatures").
    pub signatures: String,
}

/// A list of petitions as asked for in the address: every value as typed, so one the list
/// does not know is ignored with a visible note rather than refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    /// A listed state (`open`, `under_consideration`, `answered`, `closed`, `rejected`).
    pub status: Option<String>,
    /// A region's KATO code: petitions about a place in it.
    pub region: Option<String>,
    /// An addressee's slug.
    pub body: Option<String>,
    /// A topic.
    pub topic: Option<String>,
    /// Words to search for.
    pub q: Option<String>,
    /// `signed`, `trending`, `newest`, `closing` or (with words) `relevance`.
    pub sort: Option<String>,
    /// The page, from 1.
    pub page: Option<String>,
}

/// One page of a list of petitions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    /// The petitions on this page.
    pub items: Vec<PetitionSummary>,
    /// How many petitions match.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// How many pages there are (at least 1).
    pub pages: u32,
    /// The order used.
    pub sort: String,
    /// The filters whose values were not understood and were ignored.
    pub ignored: Vec<String>,
    /// The regions to filter by.
    pub regions: Vec<super::TerritorySummary>,
    /// The addressees that have listed petitions.
    pub bodies: Vec<BodySummary>,
    /// The topics to filter by (retired ones too: petitions were filed under them).
    pub topics: Vec<TopicView>,
}

/// The states a public list shows, in the order the filter offers them.
pub const LISTED_STATUSES: [PetitionStatus; 5] = [
    PetitionStatus::Open,
    PetitionStatus::UnderConsideration,
    PetitionStatus::Answered,
    PetitionStatus::Closed,
    PetitionStatus::Rejected,
];

/// The orders a list offers (`relevance` only with search words).
pub const LIST_SORTS: [&str; 5] = ["signed", "trending", "newest", "closing", "relevance"];

/// A body offered for a petition, with what it implies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyOption {
    /// The body.
    pub body: BodySummary,
    /// The threshold a petition to it needs.
    pub threshold: ThresholdView,
    /// The collection period's length …
    pub collection_amount: u32,
    /// … in `working_days`, `calendar_days` or `months`.
    pub collection_unit: String,
    /// Whether it is suggested for the chosen territory and topic.
    pub suggested: bool,
}

/// What the filing page offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingOptions {
    /// Territories (the country and the regions) by KATO code.
    pub territories: Vec<(String, Names)>,
    /// Bodies for the chosen territory, suggested first.
    pub bodies: Vec<BodyOption>,
    /// The catalogue of prohibited topics the author confirms.
    pub prohibited: Vec<Names>,
    /// Initial supporters needed.
    pub initial_support: u64,
    /// Working days of initial support.
    pub support_days: u32,
    /// Working days of moderation.
    pub moderation_days: u32,
    /// Working days the body has to answer.
    pub answer_days: u32,
    /// The draft being edited, if any.
    pub draft: Option<DraftView>,
    /// The chosen territory's KATO code.
    pub territory: String,
    /// The chosen topic's code.
    pub topic: Option<String>,
    /// The topics offered, in list order.
    pub topics: Vec<TopicView>,
    /// The working title typed in the first step, if any.
    #[serde(default)]
    pub title: String,
    /// Petitions like it (open, awaiting an answer or answered), best match first.
    #[serde(default)]
    pub similar: Vec<PetitionSummary>,
}

/// A draft as the edit form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    /// Its number.
    pub id: i32,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Text.
    pub text: String,
    /// The addressee's slug.
    pub body: String,
    /// The territory's KATO code.
    pub territory: String,
    /// The topic's code.
    pub topic: String,
    /// The moderator's note when it was returned.
    pub return_note: Option<String>,
}

stored_enum! {
    /// What a catalogue reason is for.
    ReasonScope, "scope" {
        /// Moderators reject petitions with it.
        Petition = "petition",
        /// A council's secretary declines proposals with it.
        Proposal = "proposal",
    }
}

/// A rejection reason from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonView {
    /// Its id.
    pub id: i32,
    /// Its code.
    pub code: String,
    /// Its name.
    pub names: Names,
    /// Whether rejecting with it hides the petition's text.
    pub hides_text: bool,
    /// Whether it may be used.
    pub active: bool,
    /// What it is for.
    pub scope: ReasonScope,
}

/// One line of the public record of moderation: a decision on a petition, or an invalidation
/// of its signatures. Never who took it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationRecordEntry {
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
    /// `approved`, `returned`, `rejected` or `signatures_invalidated`.
    pub kind: String,
    /// The petition's number.
    pub petition: i32,
    /// Its title, when the petition is public (a draft returned to its author is not).
    pub title: Option<String>,
    /// The catalogue reason of a rejection.
    pub reason: Option<Names>,
    /// The signatures an invalidation took out of the count.
    pub signatures: Option<i64>,
    /// An invalidation's grounds (`Invalidated` for one from before grounds were recorded).
    pub grounds: Option<crate::model::RevokeReason>,
}

/// A page of the public record of moderation, newest first, with the totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationRecord {
    /// This page's lines.
    pub entries: Vec<ModerationRecordEntry>,
    /// The page (from 1).
    pub page: u64,
    /// Pages in all.
    pub pages: u64,
    /// Decisions to approve, ever.
    pub approved: i64,
    /// Returns for changes, ever.
    pub returned: i64,
    /// Rejections, ever.
    pub rejected: i64,
    /// Invalidations, ever.
    pub invalidations: i64,
    /// Signatures they took out, in all.
    pub invalidated: i64,
}

/// What the home page shows of the platform's life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeFigures {
    /// Petitions open for signatures now.
    pub open: u64,
    /// Signatures counted in the last seven days.
    pub signatures_week: u64,
    /// Petitions answered since the first of this month.
    pub answers_month: u64,
    /// Cases answered by their deadline, and all answered (every kind, since the start).
    pub on_time: (u64, u64),
    /// The open petitions with most signatures in the last 24 hours.
    pub trending: Vec<PetitionSummary>,
    /// The latest answered petitions.
    pub answered: Vec<PetitionSummary>,
    /// Bodies with answers overdue now, most first: the body and how many.
    pub overdue: Vec<(BodySummary, u64)>,
}
