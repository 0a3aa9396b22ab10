//! Open data: the petitions as JSON (`/api/v1/petitions`, `/api/v1/petitions/{id}`) with
//! `ETag`s and cache headers, any list as CSV, Atom feeds of petitions opened and answered
//! (for the country, a region or a body), deputies' inquiries as JSON (`/api/v1/inquiries`,
//! `/api/v1/inquiries/{id}`) with their feed, proposals to public councils (`/api/v1/proposals`,
//! `/api/v1/proposals/{id}`; never their authors), the topic catalogue (`/api/v1/topics`), and
//! the OpenAPI document — generated from these
//! handlers and types by `utoipa`, never written by hand — with a browsable viewer at
//! `/api/docs`. Aggregates only: no signer, no author, no personal data.

use app::model::{ListQuery, PetitionSummary, PetitionView};
use app::server::AppState;
use app::server::services::petitions::{PetitionError, discovery, pages};
use app::server::services::today;
use axum::{
    Json, Router,
    extract::{Path, Query, State, rejection::QueryRejection},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// A name in the platform's three languages.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiNames {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

impl From<&app::model::Names> for ApiNames {
    fn from(n: &app::model::Names) -> Self {
        ApiNames {
            kk: n.kk.clone(),
            ru: n.ru.clone(),
            en: n.en.clone(),
        }
    }
}

/// The deadline a petition runs against now.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiDeadline {
    /// `moderation`, `initial_support`, `collection` or `answer`.
    pub name: String,
    /// Its last day.
    pub due: NaiveDate,
    /// `due`, `overdue` or `very_overdue`.
    pub state: String,
}

impl From<&app::model::Clock> for ApiDeadline {
    fn from(c: &app::model::Clock) -> Self {
        ApiDeadline {
            name: c.name.clone(),
            due: c.due,
            state: c.state.clone(),
        }
    }
}

/// A petition in a list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiPetitionSummary {
    /// Its number on the site.
    pub id: i32,
    /// Its page.
    pub url: String,
    /// Title, as its author wrote it.
    pub title: String,
    /// `open`, `under_consideration`, `answered`, `closed` or `rejected`.
    pub status: String,
    /// The addressee.
    pub addressee: ApiNames,
    /// Signatures counted toward the threshold.
    pub signatures: u64,
    /// The signatures it needs.
    pub threshold: Option<u64>,
    /// Signatures counted in the last 24 hours.
    pub signatures_last_24h: u64,
    /// The deadline it runs against now.
    pub deadline: Option<ApiDeadline>,
}

/// One page of a list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiPetitionList {
    /// The petitions on this page.
    pub items: Vec<ApiPetitionSummary>,
    /// How many match.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// How many pages.
    pub pages: u32,
    /// Petitions per page.
    pub per_page: u64,
    /// The order used.
    pub sort: String,
    /// Parameters whose values were not understood and were ignored.
    pub ignored: Vec<String>,
}

/// A topic of the catalogue.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiTopic {
    /// Its code, as lists' `topic` parameters take it.
    pub code: String,
    /// Its name.
    pub name: ApiNames,
    /// Offered for new petitions, proposals and inquiries (a retired topic stays on what was
    /// filed under it).
    pub active: bool,
}

/// The topic catalogue, in list order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiTopics {
    /// Every topic, retired ones too.
    pub items: Vec<ApiTopic>,
}

/// A deputy's inquiry in a list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiInquirySummary {
    /// Its number on the site.
    pub id: i32,
    /// Its page.
    pub url: String,
    /// Title, as the deputy wrote it.
    pub title: String,
    /// The deputy's public name.
    pub deputy: String,
    /// The deputy's maslikhat.
    pub maslikhat: ApiNames,
    /// The addressee.
    pub addressee: ApiNames,
    /// The topic's code.
    pub topic: String,
    /// `sent` or `closed` (drafts are never public).
    pub state: String,
    /// The day it was sent.
    pub sent_on: Option<NaiveDate>,
    /// The last day for the answer.
    pub due_on: Option<NaiveDate>,
    /// The addressee's side: `awaiting_answer`, `answered`, `answered_late`, `closed`, …
    pub answer_state: Option<String>,
    /// Once closed: `resolved`, `partly` or `not_resolved`.
    pub outcome: Option<String>,
}

/// Sent inquiries, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiInquiryList {
    /// The inquiries.
    pub items: Vec<ApiInquirySummary>,
    /// How many.
    pub total: u64,
}

/// A proposal to a public council in a list (never its author).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiProposalSummary {
    /// Its number on the site.
    pub id: i32,
    /// Its page.
    pub url: String,
    /// The council's address on the site.
    pub council_slug: String,
    /// The council.
    pub council: ApiNames,
    /// Title.
    pub title: String,
    /// The topic's code.
    pub topic: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// Citizens who support it.
    pub supporters: u32,
    /// On the secretary's desk: `new`, `on_agenda`, `merged`, `forwarded`, `declined` or
    /// `decided`.
    pub desk_state: String,
    /// The council's side as a case: `awaiting_answer`, `answered`, `answered_late`, …
    pub answer_state: Option<String>,
    /// The last day for the council's answer.
    pub due_on: Option<NaiveDate>,
}

/// Proposals, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiProposalList {
    /// The proposals.
    pub items: Vec<ApiProposalSummary>,
    /// How many (at most 1,000).
    pub total: u64,
}

/// One proposal: its text, the reason it was declined or the answer, and its timeline.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiProposal {
    /// What the list shows.
    #[serde(flatten)]
    pub summary: ApiProposalSummary,
    /// The text.
    pub text: String,
    /// The territory it concerns.
    pub territory: Option<ApiNames>,
    /// Why the secretary declined it.
    pub declined_for: Option<ApiNames>,
    /// The proposal it was merged into.
    pub merged_into: Option<i32>,
    /// The answer, once given.
    pub answer: Option<ApiDecision>,
    /// The public timeline.
    pub timeline: Vec<ApiEvent>,
}

/// The filters of a list of proposals.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalParams {
    /// A public council's slug.
    pub council: Option<String>,
    /// Words from the title or the text, in any of the three languages and either Kazakh
    /// script.
    pub q: Option<String>,
}

/// A step a deputy took after the answer.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiStep {
    /// `site_visit`, `hearing` or `referral`.
    pub kind: String,
    /// Its day.
    pub on: NaiveDate,
}

/// One inquiry: its text, the answer, the deputy's assessment and steps, and its timeline.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiInquiry {
    /// What the list shows.
    #[serde(flatten)]
    pub summary: ApiInquirySummary,
    /// The text.
    pub text: String,
    /// The petition it takes up, if any.
    pub petition: Option<i32>,
    /// The inquiry it follows up, if any.
    pub follows: Option<i32>,
    /// The answer's decision and text, once answered.
    pub answer: Option<ApiDecision>,
    /// The deputy's assessment of the answer: `satisfactory` or `unsatisfactory`.
    pub assessment: Option<String>,
    /// Steps after the answer.
    pub steps: Vec<ApiStep>,
    /// The public timeline.
    pub timeline: Vec<ApiEvent>,
}

/// A body's answer: its decision and text.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiDecision {
    /// `granted`, `partly_granted`, `refused`, …
    pub decision: String,
    /// The text.
    pub text: String,
}

/// Signatures per identity grade (each grade counts the signers with at least that grade).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiGrades {
    /// Email verified or better.
    pub email_verified: u64,
    /// IIN checked or better.
    pub iin_checked: u64,
    /// Signed with an eGov digital signature.
    pub digital_signature: u64,
}

/// A region's signatures.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiRegion {
    /// The region's KATO code.
    pub kato: String,
    /// Its name.
    pub name: ApiNames,
    /// Signatures of its residents.
    pub signatures: u64,
    /// Its latest population figure.
    pub population: Option<u64>,
}

/// A day's signatures (Kazakhstan time).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiDay {
    /// The day.
    pub day: NaiveDate,
    /// Signatures counted that day.
    pub signatures: u64,
}

/// The body's answer.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiAnswer {
    /// `satisfied`, `partly_satisfied`, `refused` or the like.
    pub decision: String,
    /// The text.
    pub text: String,
    /// When it was published.
    pub at: DateTime<Utc>,
    /// Its average rating by signers (1–5).
    pub average_rating: Option<f64>,
    /// How many rated it.
    pub ratings: u64,
}

/// An event in a petition's life.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: String,
    /// In what role (`author`, `moderator`, `body`, `system`, …).
    pub role: String,
}

/// A petition, whole.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiPetition {
    /// Its number on the site.
    pub id: i32,
    /// Its page.
    pub url: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Full text (empty when moderation hid it).
    pub text: String,
    /// Whether moderation hid the text.
    pub text_hidden: bool,
    /// Its state.
    pub status: String,
    /// Its topic.
    pub topic: String,
    /// The addressee's slug.
    pub addressee_slug: String,
    /// The addressee.
    pub addressee: ApiNames,
    /// The addressee's level (`national`, `regional`, `district`, `rural`).
    pub level: String,
    /// The territory it concerns.
    pub territory: ApiNames,
    /// The signatures it needs, once open.
    pub threshold: Option<u64>,
    /// The grade the threshold counts.
    pub required_grade: Option<String>,
    /// Signatures per grade.
    pub signatures: ApiGrades,
    /// Signatures per signer's region, every region.
    pub signatures_by_region: Vec<ApiRegion>,
    /// Signatures per day.
    pub signatures_by_day: Vec<ApiDay>,
    /// The deadline it runs against now.
    pub deadline: Option<ApiDeadline>,
    /// Its registration number at the body, once registered.
    pub registration_number: Option<String>,
    /// The body's answer, once published.
    pub answer: Option<ApiAnswer>,
    /// Its timeline, oldest first.
    pub timeline: Vec<ApiEvent>,
}

/// An error.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// `not_found` or `bad_request`.
    pub error: String,
}

/// The filters, order and page of a list (values not understood are ignored and named in
/// `ignored`).
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `open`, `under_consideration`, `answered`, `closed` or `rejected`.
    pub status: Option<String>,
    /// A region's KATO code.
    pub region: Option<String>,
    /// An addressee's slug.
    pub body: Option<String>,
    /// A topic.
    pub topic: Option<String>,
    /// Words to search for, in any of the three languages and either Kazakh script.
    pub q: Option<String>,
    /// `signed`, `trending`, `newest`, `closing`, or `relevance` with `q`.
    pub sort: Option<String>,
    /// The page, from 1.
    pub page: Option<String>,
}

impl From<ListParams> for ListQuery {
    fn from(p: ListParams) -> Self {
        ListQuery {
            status: p.status,
            region: p.region,
            body: p.body,
            topic: p.topic,
            q: p.q,
            sort: p.sort,
            page: p.page,
        }
    }
}

/// The filters of the register of inquiries (`any` or empty: no filter).
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InquiryParams {
    /// A maslikhat's slug.
    pub maslikhat: Option<String>,
    /// A deputy's number.
    pub deputy: Option<String>,
    /// An addressee's slug.
    pub addressee: Option<String>,
    /// A topic's code.
    pub topic: Option<String>,
    /// A territory's KATO code (the inquiry's territory or one within it).
    pub territory: Option<String>,
    /// `awaiting`, `answered` or `closed`.
    pub state: Option<String>,
    /// `1`: only those overdue now.
    pub overdue: Option<String>,
    /// Words from the title or the text, in any of the three languages and either Kazakh
    /// script.
    pub q: Option<String>,
}

impl InquiryParams {
    /// The register's query; `None` for a deputy that is not a number.
    pub fn query(self) -> Option<app::model::RegisterQuery> {
        let deputy = match given(self.deputy) {
            None => None,
            Some(d) => Some(d.parse::<i32>().ok()?),
        };
        Some(app::model::RegisterQuery {
            maslikhat: given(self.maslikhat),
            deputy,
            addressee: given(self.addressee),
            topic: given(self.topic),
            territory: given(self.territory),
            state: given(self.state),
            overdue: self.overdue.as_deref() == Some("1"),
            q: words(self.q),
        })
    }
}

/// A filter's value, trimmed; `None` when empty or `any`.
fn given(v: Option<String>) -> Option<String> {
    v.map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty() && v != "any")
}

/// Words to look for, trimmed; `None` when empty (`any` is a word here, not "every").
fn words(v: Option<String>) -> Option<String> {
    v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A feed of proposals' language and council.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalFeedParams {
    /// A public council's slug.
    pub council: Option<String>,
    /// `kk`, `ru` or `en` (Kazakh by default).
    pub lang: Option<String>,
}

/// A feed's scope and language.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// A region's KATO code.
    pub region: Option<String>,
    /// An addressee's slug.
    pub body: Option<String>,
    /// `kk`, `ru` or `en` (Kazakh by default).
    pub lang: Option<String>,
}

/// A JSON error body with its status.
pub(crate) fn error(status: StatusCode, what: &str) -> Response {
    (
        status,
        Json(ApiError {
            error: what.to_owned(),
        }),
    )
        .into_response()
}

/// JSON with a strong `ETag` of its bytes; `304 Not Modified` when the client has them.
fn cached_json<T: Serialize>(headers: &HeaderMap, value: &T) -> Response {
    use sha2::{Digest, Sha256};
    let Ok(body) = serde_json::to_vec(value) else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, "internal");
    };
    let tag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
    let matches = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            let t = t.trim();
            t == "*" || t.trim_start_matches("W/") == tag
        });
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

fn summary(base: &str, p: &PetitionSummary) -> ApiPetitionSummary {
    ApiPetitionSummary {
        id: p.id,
        url: format!("{base}/kk/petitions/{}", p.id),
        title: p.title.clone(),
        status: p.status.as_str().to_owned(),
        addressee: (&p.body).into(),
        signatures: p.count,
        threshold: p.threshold,
        signatures_last_24h: p.recent,
        deadline: p.clock.as_ref().map(Into::into),
    }
}

fn whole(base: &str, v: &PetitionView) -> ApiPetition {
    ApiPetition {
        id: v.id,
        url: format!("{base}/kk/petitions/{}", v.id),
        title: v.title.clone(),
        summary: v.summary.clone(),
        text: v.text.clone(),
        text_hidden: v.hidden,
        status: v.status.as_str().to_owned(),
        topic: v.topic.code.clone(),
        addressee_slug: v.body.slug.clone(),
        addressee: (&v.body.names).into(),
        level: v.body.level.as_str().to_owned(),
        territory: (&v.territory).into(),
        threshold: v.threshold,
        required_grade: v.required_grade.map(|g| g.as_str().to_owned()),
        signatures: ApiGrades {
            email_verified: v.counts.email_verified,
            iin_checked: v.counts.iin_checked,
            digital_signature: v.counts.digital_signature,
        },
        signatures_by_region: v
            .regions
            .iter()
            .map(|r| ApiRegion {
                kato: r.kato.clone(),
                name: (&r.names).into(),
                signatures: r.count,
                population: r.population,
            })
            .collect(),
        signatures_by_day: v
            .by_day
            .iter()
            .map(|(day, n)| ApiDay {
                day: *day,
                signatures: *n,
            })
            .collect(),
        deadline: v.clock.as_ref().map(Into::into),
        registration_number: v.registration_number.clone(),
        answer: v.answer.as_ref().map(|a| ApiAnswer {
            decision: a.decision.as_str().to_owned(),
            text: a.text.clone(),
            at: a.at,
            average_rating: a.average_rating,
            ratings: a.ratings,
        }),
        timeline: events(&v.timeline),
    }
}

fn base(state: &AppState) -> String {
    state.public_url.0.trim_end_matches('/').to_owned()
}

/// The list's query; `None` for a query string that is none (the client's error).
fn list_query(query: Result<Query<ListParams>, QueryRejection>) -> Option<ListQuery> {
    query.ok().map(|Query(p)| p.into())
}

/// Petitions, filtered, searched, sorted and paged as on the site's list.
#[utoipa::path(
    get,
    path = "/api/v1/petitions",
    tag = "petitions",
    params(ListParams),
    responses(
        (status = 200, description = "One page of the list", body = ApiPetitionList),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
    )
)]
pub async fn petitions(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ListParams>, QueryRejection>,
) -> Response {
    let Some(q) = list_query(query) else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    match state.pages.list(&state.db, &q, Utc::now(), today()).await {
        Ok(page) => {
            let base = base(&state);
            cached_json(
                &headers,
                &ApiPetitionList {
                    items: page.items.iter().map(|p| summary(&base, p)).collect(),
                    total: page.total,
                    page: page.page,
                    pages: page.pages,
                    per_page: discovery::PER_PAGE,
                    sort: page.sort,
                    ignored: page.ignored,
                },
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "open data: the list failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

/// One petition with its counts per grade, region and day, its answer and its timeline.
#[utoipa::path(
    get,
    path = "/api/v1/petitions/{id}",
    tag = "petitions",
    params(("id" = i32, Path, description = "The petition's number")),
    responses(
        (status = 200, description = "The petition", body = ApiPetition),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 404, description = "No such public petition", body = ApiError),
    )
)]
pub async fn petition(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return error(StatusCode::NOT_FOUND, "not_found");
    };
    match pages::view(&state.db, id, None, Utc::now(), today()).await {
        // Gathering petitions are public by link, and so here.
        Ok(view) => cached_json(&headers, &whole(&base(&state), &view)),
        Err(PetitionError::NotFound) => error(StatusCode::NOT_FOUND, "not_found"),
        Err(e) => {
            tracing::error!(error = %e, id, "open data: a petition failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

fn inquiry_summary(base: &str, s: &app::model::InquirySummary) -> ApiInquirySummary {
    ApiInquirySummary {
        id: s.id,
        url: format!("{base}/kk/inquiries/{}", s.id),
        title: s.title.clone(),
        deputy: s.deputy.name.clone(),
        maslikhat: (&s.maslikhat.names).into(),
        addressee: (&s.addressee.names).into(),
        topic: s.topic.code.clone(),
        state: s.state.as_str().to_owned(),
        sent_on: s.sent_on,
        due_on: s.due_on,
        answer_state: s.case_state.map(|c| c.as_str().to_owned()),
        outcome: s.outcome.map(|o| o.as_str().to_owned()),
    }
}

/// Deputies' sent inquiries, filtered as the public register is, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/inquiries",
    tag = "inquiries",
    params(InquiryParams),
    responses(
        (status = 200, description = "The inquiries", body = ApiInquiryList),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 400, description = "A malformed query or a deputy that is not a number", body = ApiError),
    )
)]
pub async fn inquiries(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<InquiryParams>, QueryRejection>,
) -> Response {
    use app::server::services::inquiries::views;
    let Some(q) = query.ok().and_then(|Query(p)| p.query()) else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    match views::register_rows(&state.db, &q, today()).await {
        Ok(rows) => {
            let base = base(&state);
            cached_json(
                &headers,
                &ApiInquiryList {
                    total: rows.len() as u64,
                    items: rows.iter().map(|r| inquiry_summary(&base, r)).collect(),
                },
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "open data: the inquiries failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

/// One sent inquiry with the answer, the deputy's assessment and steps, and its timeline.
#[utoipa::path(
    get,
    path = "/api/v1/inquiries/{id}",
    tag = "inquiries",
    params(("id" = i32, Path, description = "The inquiry's number")),
    responses(
        (status = 200, description = "The inquiry", body = ApiInquiry),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 404, description = "No such sent inquiry", body = ApiError),
    )
)]
pub async fn inquiry(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    use app::server::services::{ActionError, inquiries::views};
    let Ok(id) = id.parse::<i32>() else {
        return error(StatusCode::NOT_FOUND, "not_found");
    };
    match views::page(&state.db, id, None, today()).await {
        Ok(v) => {
            let base = base(&state);
            cached_json(
                &headers,
                &ApiInquiry {
                    summary: inquiry_summary(&base, &v.summary),
                    text: v.text.clone(),
                    petition: v.petition.as_ref().map(|p| p.0),
                    follows: v.follows.as_ref().map(|f| f.0),
                    answer: v.answer.as_ref().map(|(d, text)| ApiDecision {
                        decision: d.as_str().to_owned(),
                        text: text.clone(),
                    }),
                    assessment: v.assessment.map(|a| a.as_str().to_owned()),
                    steps: v
                        .steps
                        .iter()
                        .map(|s| ApiStep {
                            kind: s.kind.as_str().to_owned(),
                            on: s.on_date,
                        })
                        .collect(),
                    timeline: events(&v.timeline),
                },
            )
        }
        Err(ActionError::NotFound) => error(StatusCode::NOT_FOUND, "not_found"),
        Err(e) => {
            tracing::error!(error = %e, id, "open data: an inquiry failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

fn proposal_summary(
    base: &str,
    council: &app::model::BodySummary,
    s: &app::model::ProposalSummary,
    topic: &str,
) -> ApiProposalSummary {
    ApiProposalSummary {
        id: s.id,
        url: format!("{base}/kk/proposals/{}", s.id),
        council_slug: council.slug.clone(),
        council: (&council.names).into(),
        title: s.title.clone(),
        topic: topic.to_owned(),
        created_at: s.created_at,
        supporters: s.supporters,
        desk_state: s.desk_state.as_str().to_owned(),
        answer_state: s.case_state.map(|c| c.as_str().to_owned()),
        due_on: s.due_on,
    }
}

fn events(timeline: &[app::model::TimelineEntry]) -> Vec<ApiEvent> {
    timeline
        .iter()
        .map(|e| ApiEvent {
            at: e.at,
            kind: e.kind.as_str().to_owned(),
            role: e.role.as_str().to_owned(),
        })
        .collect()
}

/// Proposals citizens sent to public councils (not those a secretary hid), newest first.
#[utoipa::path(
    get,
    path = "/api/v1/proposals",
    tag = "proposals",
    params(ProposalParams),
    responses(
        (status = 200, description = "The proposals", body = ApiProposalList),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
        (status = 404, description = "No such public council", body = ApiError),
    )
)]
pub async fn proposals(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ProposalParams>, QueryRejection>,
) -> Response {
    use app::server::services::councils::views;
    let Ok(Query(params)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    let (council, words) = (given(params.council), words(params.q));
    match views::public_proposals(&state.db, council.as_deref(), words.as_deref()).await {
        Ok(Some(rows)) => {
            let base = base(&state);
            cached_json(
                &headers,
                &ApiProposalList {
                    total: rows.len() as u64,
                    items: rows
                        .iter()
                        .map(|(c, s, topic)| proposal_summary(&base, c, s, topic))
                        .collect(),
                },
            )
        }
        Ok(None) => error(StatusCode::NOT_FOUND, "not_found"),
        Err(e) => {
            tracing::error!(error = %e, "open data: the proposals failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

/// One proposal with the council's answer or the reason it was declined, and its timeline.
#[utoipa::path(
    get,
    path = "/api/v1/proposals/{id}",
    tag = "proposals",
    params(("id" = i32, Path, description = "The proposal's number")),
    responses(
        (status = 200, description = "The proposal", body = ApiProposal),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
        (status = 404, description = "No such proposal, or one a secretary hid", body = ApiError),
    )
)]
pub async fn proposal(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    use app::server::services::{ActionError, councils::views};
    let Ok(id) = id.parse::<i32>() else {
        return error(StatusCode::NOT_FOUND, "not_found");
    };
    match views::proposal(&state.db, id, None, today()).await {
        Ok(v) if !v.summary.hidden => {
            let base = base(&state);
            cached_json(
                &headers,
                &ApiProposal {
                    summary: proposal_summary(&base, &v.council, &v.summary, &v.topic.code),
                    text: v.text.clone(),
                    territory: v.territory.as_ref().map(Into::into),
                    declined_for: v.declined_for.as_ref().map(Into::into),
                    merged_into: v.merged_into.as_ref().map(|m| m.0),
                    answer: v.answer.as_ref().map(|(d, text)| ApiDecision {
                        decision: d.as_str().to_owned(),
                        text: text.clone(),
                    }),
                    timeline: events(&v.timeline),
                },
            )
        }
        Ok(_) | Err(ActionError::NotFound) => error(StatusCode::NOT_FOUND, "not_found"),
        Err(e) => {
            tracing::error!(error = %e, id, "open data: a proposal failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

/// The topic catalogue: the codes lists' `topic` parameters take, with their names.
#[utoipa::path(
    get,
    path = "/api/v1/topics",
    tag = "topics",
    responses(
        (status = 200, description = "Every topic, in list order", body = ApiTopics),
        (status = 304, description = "Not modified since the `ETag` given in `If-None-Match`"),
    )
)]
pub async fn topics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match app::server::services::topics::catalogue(&state.db, true).await {
        Ok(list) => cached_json(
            &headers,
            &ApiTopics {
                items: list
                    .iter()
                    .map(|t| ApiTopic {
                        code: t.code.clone(),
                        name: (&t.names).into(),
                        active: t.active,
                    })
                    .collect(),
            },
        ),
        Err(e) => {
            tracing::error!(error = %e, "open data: the topics failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

/// The longest list a CSV holds.
const CSV_ROWS: u64 = 5_000;

/// A list as CSV: the same filters and order, every page at once (at most 5,000 rows).
#[utoipa::path(
    get,
    path = "/api/v1/petitions.csv",
    tag = "petitions",
    params(ListParams),
    responses(
        (status = 200, description = "The list", content_type = "text/csv"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
    )
)]
pub async fn petitions_csv(
    State(state): State<AppState>,
    query: Result<Query<ListParams>, QueryRejection>,
) -> Response {
    let Some(mut q) = list_query(query) else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    q.page = None;
    let body = discovery::list_sized(&state.db, &q, CSV_ROWS, Utc::now(), today())
        .await
        .and_then(|page| discovery::csv(&page.items, &base(&state)));
    super::csv_download("dauys-petitions.csv", body)
}

/// An Atom feed of petitions opened and answered, for the country, a region or a body.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/petitions.atom",
    tag = "feeds",
    params(FeedParams),
    responses(
        (status = 200, description = "The feed", content_type = "application/atom+xml"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
    )
)]
pub async fn feed(
    State(state): State<AppState>,
    query: Result<Query<FeedParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(params)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    let entries = discovery::feed(
        &state.db,
        params.region.as_deref(),
        params.body.as_deref(),
        50,
    )
    .await;
    atom(
        &state,
        params.lang.as_deref(),
        "petitions",
        "petitions",
        entries,
    )
}

/// A feed of inquiries' language and maslikhat.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InquiryFeedParams {
    /// A maslikhat's slug.
    pub maslikhat: Option<String>,
    /// `kk`, `ru` or `en` (Kazakh by default).
    pub lang: Option<String>,
}

/// An Atom feed of deputies' inquiries sent, answered and closed (the latest 50), for the
/// country or one maslikhat.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/inquiries.atom",
    tag = "feeds",
    params(InquiryFeedParams),
    responses(
        (status = 200, description = "The feed", content_type = "application/atom+xml"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
    )
)]
pub async fn inquiry_feed(
    State(state): State<AppState>,
    query: Result<Query<InquiryFeedParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    use app::server::services::inquiries::views;
    let Ok(Query(params)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    let entries = views::feed(&state.db, params.maslikhat.as_deref(), 50).await;
    atom(
        &state,
        params.lang.as_deref(),
        "inquiries",
        "inquiries",
        entries,
    )
}

/// An Atom feed of proposals to public councils received, answered and declined (the latest
/// 50), for every council or one. Hidden proposals are never in it.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/proposals.atom",
    tag = "feeds",
    params(ProposalFeedParams),
    responses(
        (status = 200, description = "The feed", content_type = "application/atom+xml"),
        (status = 400, description = "A query that is not a query string", body = ApiError),
    )
)]
pub async fn proposal_feed(
    State(state): State<AppState>,
    query: Result<Query<ProposalFeedParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    use app::server::services::councils::views;
    let Ok(Query(params)) = query else {
        return error(StatusCode::BAD_REQUEST, "bad_request");
    };
    let council = given(params.council);
    let entries = views::proposal_feed(&state.db, council.as_deref(), 50).await;
    // The feed's page: the council's, or the list of councils.
    let page = match council.filter(|c| c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')) {
        Some(slug) => format!("councils/{slug}"),
        None => "councils".to_owned(),
    };
    atom(&state, params.lang.as_deref(), "proposals", &page, entries)
}

/// An Atom feed of `kind` (`petitions`, `inquiries`, `proposals`: its path and its entries'
/// pages) in the language `lang`, whose page is `/{lang}/{page}`.
fn atom(
    state: &AppState,
    lang: Option<&str>,
    kind: &str,
    page: &str,
    entries: Result<Vec<discovery::FeedEntry>, app::server::services::ServiceError>,
) -> Response {
    use atom_syndication::{Entry, Feed, Link, Text};
    let entries = match entries {
        Ok(e) => e,
        Err(e) => {
            tracing::error!(error = %e, kind, "open data: a feed failed");
            return error(StatusCode::INTERNAL_SERVER_ERROR, "internal");
        }
    };
    let locale = lang
        .and_then(app::i18n::Locale::from_code)
        .unwrap_or_default();
    let base = base(state);
    let lang = locale.code();
    let link = |href: String, rel: &str| Link {
        href,
        rel: rel.to_owned(),
        ..Link::default()
    };
    let feed = Feed {
        title: Text::plain(format!(
            "Dauys — {}",
            locale.t(&format!("feed-{kind}-title"))
        )),
        id: format!("{base}/api/v1/feeds/{kind}.atom"),
        updated: entries
            .first()
            .map_or_else(Utc::now, |e| e.at)
            .fixed_offset(),
        links: vec![link(format!("{base}/{lang}/{page}"), "alternate")],
        entries: entries
            .iter()
            .map(|e| Entry {
                title: Text::plain(format!(
                    "{}: {}",
                    locale.t(&format!("feed-{}", e.event)),
                    e.title
                )),
                id: format!("{base}/{kind}/{}#{}", e.id, e.event),
                updated: e.at.fixed_offset(),
                summary: Some(Text::plain(e.summary.clone())),
                links: vec![link(format!("{base}/{lang}/{kind}/{}", e.id), "alternate")],
                ..Entry::default()
            })
            .collect(),
        ..Feed::default()
    };
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response()
}

/// The OpenAPI document of the open data.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Dauys open data",
        version = "1",
        description = "Petitions to Kazakhstan's state bodies: lists, counts per grade, region and day, answers and timelines; deputies' inquiries and their answers; the topic catalogue. Aggregates only; no personal data of citizens.",
        license(name = "CC BY 4.0", url = "https://creativecommons.org/licenses/by/4.0/")
    ),
    paths(
        petitions,
        petition,
        petitions_csv,
        feed,
        inquiry_feed,
        proposal_feed,
        inquiries,
        inquiry,
        proposals,
        proposal,
        topics,
        crate::log_api::checkpoint,
        crate::log_api::checkpoints,
        crate::log_api::key,
        crate::log_api::entries,
        crate::log_api::inclusion,
        crate::log_api::consistency,
        crate::log_api::petition
    ),
    tags(
        (name = "petitions", description = "Petitions and their signatures"),
        (name = "signature log", description = "The public, verifiable signature log: an RFC 6962 Merkle tree of sign, revoke and tally entries with signed checkpoints (c2sp.org/tlog-checkpoint)"),
        (name = "feeds", description = "Atom feeds"),
        (name = "inquiries", description = "Deputies' inquiries to state bodies, their answers and what the deputies did next"),
        (name = "proposals", description = "Citizens' proposals to public councils and what the councils did with them"),
        (name = "topics", description = "The topic catalogue")
    )
)]
pub struct ApiDoc;

/// What the viewer's page may load: its own scripts and styles (Swagger UI sets inline
/// styles) and the document.
const VIEWER_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The open-data routes, the document at `/api/v1/openapi.json` and the viewer at
/// `/api/docs`.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S>
where
    AppState: axum::extract::FromRef<S>,
{
    let viewer: Router<S> = utoipa_swagger_ui::SwaggerUi::new("/api/docs")
        .url("/api/v1/openapi.json", ApiDoc::openapi())
        .into();
    Router::new()
        .route("/api/v1/petitions", get(petitions))
        .route("/api/v1/petitions.csv", get(petitions_csv))
        .route("/api/v1/petitions/{id}", get(petition))
        .route("/api/v1/feeds/petitions.atom", get(feed))
        .route("/api/v1/feeds/inquiries.atom", get(inquiry_feed))
        .route("/api/v1/feeds/proposals.atom", get(proposal_feed))
        .route("/api/v1/inquiries", get(inquiries))
        .route("/api/v1/inquiries/{id}", get(inquiry))
        .route("/api/v1/proposals", get(proposals))
        .route("/api/v1/proposals/{id}", get(proposal))
        .route("/api/v1/topics", get(topics))
        .merge(crate::log_api::routes())
        .merge(viewer.layer(axum::middleware::map_response(
            |mut r: Response| async move {
                r.headers_mut().insert(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(VIEWER_CSP),
                );
                r
            },
        )))
}
