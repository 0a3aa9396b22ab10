//! One search over everything people ask of bodies: petitions (ranked), deputies' inquiries and
//! proposals to public councils (newest first), each found through the engines' index
//! ([`search`]) by its own list's query. Each kind shows its first few, and links to its own
//! list for the rest.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;

use super::{ServiceError, councils, inquiries, petitions::discovery, search};
use crate::model::{ListQuery, RegisterQuery, SiteSearch};

/// How many of each kind the search shows.
pub const SHOWN: usize = 10;

/// What `words` find. Blank words ask nothing; words with nothing searchable in them
/// (punctuation alone) find nothing, on every list alike.
///
/// # Errors
/// A database failure.
pub async fn everything(
    db: &impl ConnectionTrait,
    words: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<SiteSearch, ServiceError> {
    let words = words.trim();
    if search::terms(words).is_empty() {
        return Ok(SiteSearch {
            words: words.to_owned(),
            ..SiteSearch::default()
        });
    }
    let petitions = discovery::list_sized(
        db,
        &ListQuery {
            q: Some(words.to_owned()),
            ..ListQuery::default()
        },
        SHOWN as u64,
        now,
        today,
    )
    .await?;
    let mut inquiries = inquiries::views::register_rows(
        db,
        &RegisterQuery {
            q: Some(words.to_owned()),
            ..RegisterQuery::default()
        },
        today,
    )
    .await?;
    let inquiries_total = inquiries.len() as u64;
    inquiries.truncate(SHOWN);
    let mut proposals: Vec<_> = councils::views::public_proposals(db, None, Some(words))
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(|(council, p, _)| (council, p))
        .collect();
    let proposals_total = proposals.len() as u64;
    proposals.truncate(SHOWN);
    Ok(SiteSearch {
        words: words.to_owned(),
        petitions: Some(petitions),
        inquiries,
        inquiries_total,
        proposals,
        proposals_total,
    })
}
