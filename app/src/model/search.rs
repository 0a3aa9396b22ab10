//! One search over everything people ask of bodies: petitions, deputies' inquiries and
//! proposals to public councils.

use serde::{Deserialize, Serialize};

use super::{BodySummary, InquirySummary, ListPage, ProposalSummary};

/// What the site-wide search found for some words: the first of each kind and how many there
/// are, each kind with its own list to see the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSearch {
    /// The words, trimmed (empty: nothing was asked).
    pub words: String,
    /// The first petitions found, best first, and how many match.
    pub petitions: Option<ListPage>,
    /// The first inquiries found, newest first.
    pub inquiries: Vec<InquirySummary>,
    /// How many inquiries match.
    pub inquiries_total: u64,
    /// The first proposals found, newest first, each with its council.
    pub proposals: Vec<(BodySummary, ProposalSummary)>,
    /// How many proposals match.
    pub proposals_total: u64,
}
