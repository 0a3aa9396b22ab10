//! The public signature log over HTTP (`/api/v1/log/…`): the latest checkpoint and every
//! earlier one, entries by range, inclusion and consistency proofs, a petition's entries, and
//! the verifier key. Documented in the same OpenAPI document as the open data; what never
//! changes (a full range of entries, a proof for fixed sizes) is cacheable for a day.

use app::server::AppState;
use app::server::services::signature_log::{self as log, ProofError};
use axum::{
    Json, Router,
    extract::{Path, Query, State, rejection::QueryRejection},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::open_data::{ApiError, error};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn internal(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "signature log endpoint failed");
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
}

/// A response anyone may cache for `seconds` and read from any origin.
fn public(mut response: Response, seconds: u32) -> Response {
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&format!("public, max-age={seconds}")) {
        h.insert(header::CACHE_CONTROL, v);
    }
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

/// A checkpoint as kept.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiCheckpoint {
    /// The entries it covers.
    pub size: u64,
    /// The tree's root hash, base64.
    pub root: String,
    /// The signed note (c2sp.org/tlog-checkpoint, signed with the key at `/api/v1/log/key`).
    pub note: String,
    /// When it was signed.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<log::StoredCheckpoint> for ApiCheckpoint {
    fn from(c: log::StoredCheckpoint) -> Self {
        Self {
            size: c.size,
            root: b64(&c.root),
            note: c.note,
            created_at: c.created_at,
        }
    }
}

/// The latest signed checkpoint, as the plain-text signed note.
#[utoipa::path(
    get,
    path = "/api/v1/log/checkpoint",
    tag = "signature log",
    responses(
        (status = 200, description = "The signed note: origin, size and root, then the signature line", content_type = "text/plain", body = String),
        (status = 404, description = "The log is empty", body = ApiError),
    )
)]
pub async fn checkpoint(State(state): State<AppState>) -> Response {
    match log::latest(&state.db).await {
        Ok(Some(c)) => public(
            (
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                c.note,
            )
                .into_response(),
            5,
        ),
        Ok(None) => error(StatusCode::NOT_FOUND, "empty"),
        Err(e) => internal(&e),
    }
}

/// The key checkpoints are signed with.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiKey {
    /// The log's origin: the first line of every checkpoint.
    pub origin: String,
    /// The signed-note verifier key (`<origin>+<key id>+<base64 of 0x01 ‖ Ed25519 public key>`).
    pub verifier_key: String,
}

/// The log's origin and verifier key.
#[utoipa::path(
    get,
    path = "/api/v1/log/key",
    tag = "signature log",
    responses((status = 200, description = "The origin and the verifier key", body = ApiKey))
)]
pub async fn key(State(state): State<AppState>) -> Response {
    public(
        Json(ApiKey {
            origin: state.log_key.origin().to_owned(),
            verifier_key: state.log_key.verifier_key().to_owned(),
        })
        .into_response(),
        3_600,
    )
}

/// A range query.
#[derive(Clone, Debug, Deserialize, IntoParams)]
pub struct RangeParams {
    /// The first (entries: index; checkpoints: exclusive lower size bound).
    #[param(minimum = 0)]
    pub start: u64,
    /// One past the last entry (at most 1,000 are returned per request).
    #[param(minimum = 0)]
    pub end: Option<u64>,
}

/// Checkpoints after a size.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiCheckpoints {
    /// Oldest first, at most 1,000.
    pub items: Vec<ApiCheckpoint>,
}

/// Every checkpoint larger than `start`, oldest first (at most 1,000 per request).
#[utoipa::path(
    get,
    path = "/api/v1/log/checkpoints",
    tag = "signature log",
    params(RangeParams),
    responses(
        (status = 200, description = "Checkpoints", body = ApiCheckpoints),
        (status = 400, description = "A query that is not a range", body = ApiError),
    )
)]
pub async fn checkpoints(
    State(state): State<AppState>,
    query: Result<Query<RangeParams>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_range");
    };
    match log::checkpoints(&state.db, q.start, log::MAX_ENTRIES).await {
        Ok(items) => public(
            Json(ApiCheckpoints {
                items: items.into_iter().map(Into::into).collect(),
            })
            .into_response(),
            5,
        ),
        Err(e) => internal(&e),
    }
}

/// One entry.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiEntry {
    /// Its index.
    pub index: u64,
    /// Its canonical text; the leaf hash is SHA-256(0x00 ‖ these bytes).
    pub data: String,
}

/// A range of entries.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiEntries {
    /// In order.
    pub items: Vec<ApiEntry>,
    /// The log's size now.
    pub size: u64,
}

/// Entries `start..end` (at most 1,000 per request; a range within the log never changes).
#[utoipa::path(
    get,
    path = "/api/v1/log/entries",
    tag = "signature log",
    params(RangeParams),
    responses(
        (status = 200, description = "The entries", body = ApiEntries),
        (status = 400, description = "A range with end before start, or not a range", body = ApiError),
    )
)]
pub async fn entries(
    State(state): State<AppState>,
    query: Result<Query<RangeParams>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_range");
    };
    let end = q.end.unwrap_or(q.start.saturating_add(log::MAX_ENTRIES));
    if end < q.start {
        return error(StatusCode::BAD_REQUEST, "end_before_start");
    }
    let size = match log::size(&state.db).await {
        Ok(size) => size,
        Err(e) => return internal(&e),
    };
    match log::entries(&state.db, q.start, end).await {
        Ok(items) => {
            // A range inside the log answers the same for ever.
            let complete = end <= size;
            public(
                Json(ApiEntries {
                    items: items
                        .into_iter()
                        .map(|e| ApiEntry {
                            index: e.index,
                            data: e.data,
                        })
                        .collect(),
                    size,
                })
                .into_response(),
                if complete { 86_400 } else { 5 },
            )
        }
        Err(e) => internal(&e),
    }
}

/// An inclusion proof query.
#[derive(Clone, Debug, Deserialize, IntoParams)]
pub struct InclusionParams {
    /// The entry.
    pub index: u64,
    /// The tree size (a checkpoint's).
    pub size: u64,
}

/// A proof: the RFC 6962 / 9162 audit path or consistency path.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiProof {
    /// Hashes, base64, in the RFC's order.
    pub hashes: Vec<String>,
}

fn proof(result: Result<Vec<tlog_tiles::Hash>, ProofError>) -> Response {
    match result {
        Ok(hashes) => public(
            Json(ApiProof {
                hashes: hashes.iter().map(|h| b64(&h.0)).collect(),
            })
            .into_response(),
            86_400,
        ),
        Err(ProofError::Range(message)) => error(StatusCode::BAD_REQUEST, &message),
        Err(ProofError::Service(e)) => internal(&e),
    }
}

/// The proof that entry `index` is in the tree of `size` entries.
#[utoipa::path(
    get,
    path = "/api/v1/log/proof/inclusion",
    tag = "signature log",
    params(InclusionParams),
    responses(
        (status = 200, description = "The audit path", body = ApiProof),
        (status = 400, description = "An index not below the size, or a size past the log", body = ApiError),
    )
)]
pub async fn inclusion(
    State(state): State<AppState>,
    query: Result<Query<InclusionParams>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_query");
    };
    proof(log::inclusion(&state.db, q.index, q.size).await)
}

/// A consistency proof query.
#[derive(Clone, Debug, Deserialize, IntoParams)]
pub struct ConsistencyParams {
    /// The older tree's size.
    pub first: u64,
    /// The newer tree's size.
    pub second: u64,
}

/// The proof that the tree of `first` entries is a prefix of the tree of `second`.
#[utoipa::path(
    get,
    path = "/api/v1/log/proof/consistency",
    tag = "signature log",
    params(ConsistencyParams),
    responses(
        (status = 200, description = "The consistency path", body = ApiProof),
        (status = 400, description = "Sizes in the wrong order, zero, or past the log", body = ApiError),
    )
)]
pub async fn consistency(
    State(state): State<AppState>,
    query: Result<Query<ConsistencyParams>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_query");
    };
    proof(log::consistency(&state.db, q.first, q.second).await)
}

/// A petition's entries.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiPetitionLog {
    /// The petition.
    pub petition: i32,
    /// Its entries: index and kind (`sign`, `revoke`, `tally`), in log order.
    pub entries: Vec<ApiPetitionEntry>,
}

/// One of a petition's entries.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiPetitionEntry {
    /// Its index.
    pub index: u64,
    /// Its kind.
    pub kind: String,
}

/// The indices of a petition's entries.
#[utoipa::path(
    get,
    path = "/api/v1/petitions/{id}/log",
    tag = "signature log",
    params(("id" = i32, Path, description = "The petition's number")),
    responses(
        (status = 200, description = "Its entries", body = ApiPetitionLog),
        (status = 404, description = "Not a petition number", body = ApiError),
    )
)]
pub async fn petition(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return error(StatusCode::NOT_FOUND, "not_found");
    };
    match log::of_petition(&state.db, id).await {
        Ok(entries) if entries.is_empty() && !petition_exists(&state, id).await => {
            error(StatusCode::NOT_FOUND, "not_found")
        }
        Ok(entries) => public(
            Json(ApiPetitionLog {
                petition: id,
                entries: entries
                    .into_iter()
                    .map(|(index, kind)| ApiPetitionEntry { index, kind })
                    .collect(),
            })
            .into_response(),
            5,
        ),
        Err(e) => internal(&e),
    }
}

/// Whether `id` is a petition the public may see (a draft's number says nothing).
async fn petition_exists(state: &AppState, id: i32) -> bool {
    use sea_orm::EntityTrait;
    app::server::entities::petition::Entity::find_by_id(id)
        .one(&state.db)
        .await
        .ok()
        .flatten()
        .and_then(|p| app::model::PetitionStatus::parse(&p.status))
        .is_some_and(app::model::PetitionStatus::is_public)
}

/// The signature log's routes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S>
where
    AppState: axum::extract::FromRef<S>,
{
    Router::new()
        .route("/api/v1/log/checkpoint", get(checkpoint))
        .route("/api/v1/log/checkpoints", get(checkpoints))
        .route("/api/v1/log/key", get(key))
        .route("/api/v1/log/entries", get(entries))
        .route("/api/v1/log/proof/inclusion", get(inclusion))
        .route("/api/v1/log/proof/consistency", get(consistency))
        .route("/api/v1/petitions/{id}/log", get(petition))
}
