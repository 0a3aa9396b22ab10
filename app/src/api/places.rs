//! Server functions for the public map of the state: regions and bodies.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{BodyView, RegionView, TerritorySummary};

/// The regions of the country.
///
/// # Errors
/// `Internal` when the database fails.
#[server]
pub async fn list_regions() -> Result<Vec<TerritorySummary>, AppError> {
    let state = crate::server::app_state()?;
    Ok(crate::server::services::territories::list_regions(&state.db).await?)
}

/// One region with its bodies, by KATO code.
///
/// # Errors
/// `NotFound` for an unknown code.
#[server]
pub async fn get_region(kato: String) -> Result<RegionView, AppError> {
    let state = crate::server::app_state()?;
    Ok(crate::server::services::territories::region_view(&state.db, &kato).await?)
}

/// One body, by its slug.
///
/// # Errors
/// `NotFound` for an unknown slug.
#[server]
pub async fn get_body(slug: String) -> Result<BodyView, AppError> {
    let state = crate::server::app_state()?;
    Ok(crate::server::services::bodies::body_view(&state.db, &slug).await?)
}

/// The topic catalogue in list order: the topics offered for new filings, or (`with_retired`)
/// every topic, for a filter of what was filed.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "topics")]
pub async fn list_topics(with_retired: bool) -> Result<Vec<crate::model::TopicView>, AppError> {
    let state = crate::server::app_state()?;
    Ok(crate::server::services::topics::catalogue(&state.db, with_retired).await?)
}

/// The site-wide search: petitions, deputies' inquiries and proposals to public councils with
/// `words`.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "search")]
pub async fn search_everything(words: String) -> Result<crate::model::SiteSearch, AppError> {
    use crate::server::services::today;
    let state = crate::server::app_state()?;
    Ok(state
        .pages
        .search(&state.db, &words, chrono::Utc::now(), today())
        .await?)
}
