//! Documents over HTTP: `POST /api/cases/documents` takes a multipart form (the CSRF token, the
//! language, the case, the item, up to five files) from the case page, `POST
//! /api/meetings/documents` the same from a meeting's page (the item is `material` or
//! `minutes`); `GET /documents/{id}` and `GET /meeting-documents/{id}` serve one back with its
//! stored type, `nosniff`, and as a download unless it is an image. The multipart forms are the
//! POSTs under `/api/` that are not urlencoded forms: their few text fields are cleaned here,
//! and every file is checked by `services::cases::documents` before anything is stored.

use axum::{
    Extension,
    extract::{Multipart, Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

use app::i18n::Locale;
use app::server::AppState;
use app::server::request::{CSRF_COOKIE, CurrentUser, cookie};
use app::server::services::cases::documents::{self, DocumentType, Item, Upload};
use app::server::services::councils::documents as meeting_documents;
use app::server::services::{ActionError, ServiceError, today};

/// The largest upload body: five files of 10 MB and the form around them.
pub const MAX_UPLOAD: usize = 5 * documents::MAX_BYTES + 64 * 1024;

/// What the form sent.
#[derive(Default)]
struct Form {
    csrf: String,
    lang: String,
    id: Option<i32>,
    item: String,
    files: Vec<Upload>,
    too_big: bool,
}

/// Reads the multipart form; a file over the limit is noted, not kept.
async fn read(mut multipart: Multipart) -> Result<Form, StatusCode> {
    let mut form = Form::default();
    let mut seen = std::collections::HashSet::new();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| StatusCode::BAD_REQUEST)? {
                if bytes.len() + chunk.len() > documents::MAX_BYTES {
                    form.too_big = true;
                    bytes.clear();
                    // Drain the rest of this file without keeping it.
                    while field
                        .chunk()
                        .await
                        .map_err(|_| StatusCode::BAD_REQUEST)?
                        .is_some()
                    {}
                    break;
                }
                bytes.extend_from_slice(&chunk);
            }
            // A file input left empty sends one part with no name and no bytes.
            if !(file_name.is_empty() && bytes.is_empty()) {
                form.files.push(Upload {
                    name: file_name,
                    bytes,
                });
            }
            continue;
        }
        if !seen.insert(name.clone()) {
            return Err(StatusCode::BAD_REQUEST);
        }
        // Bytes that are not UTF-8 are refused, never decoded with replacements.
        let bytes = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| StatusCode::BAD_REQUEST)?;
        let text = app::server::text::clean(text, false);
        match name.as_str() {
            "csrf" => form.csrf = text,
            "lang" => form.lang = text,
            "id" => form.id = Some(text.trim().parse().map_err(|_| StatusCode::BAD_REQUEST)?),
            "item" => form.item = text,
            _ => {}
        }
    }
    Ok(form)
}

/// Whether two tokens are equal, in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A checked form: the signed-in user, the id it is about and the page's language.
struct Checked {
    user: CurrentUser,
    id: i32,
    locale: Locale,
    form: Form,
}

/// Reads the form and checks its CSRF token, the signed-in user and the id.
async fn checked(
    user: Option<Extension<CurrentUser>>,
    headers: &HeaderMap,
    multipart: Multipart,
) -> Result<Checked, Response> {
    let form = read(multipart)
        .await
        .map_err(|status| (status, "malformed upload").into_response())?;
    let expected = cookie(headers, CSRF_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_token(&expected, &form.csrf) {
        return Err((StatusCode::FORBIDDEN, "forbidden").into_response());
    }
    let Some(Extension(user)) = user else {
        return Err((StatusCode::FORBIDDEN, "sign in first").into_response());
    };
    let Some(id) = form.id else {
        return Err((StatusCode::BAD_REQUEST, "which one?").into_response());
    };
    let locale = Locale::from_code(&form.lang).unwrap_or_default();
    Ok(Checked {
        user,
        id,
        locale,
        form,
    })
}

/// Runs `attach` in a write transaction and answers: back to `page` with `done` or the reason,
/// 403 or 404 for the wrong person or thing.
async fn attached<F, Fut>(state: &AppState, page: String, attach: F) -> Response
where
    F: FnOnce(sea_orm::DatabaseTransaction) -> Fut,
    Fut: std::future::Future<Output = Result<(usize, sea_orm::DatabaseTransaction), ActionError>>,
{
    let result = async {
        let (_turn, txn) = app::server::db::begin_write(&state.db)
            .await
            .map_err(ServiceError::from)?;
        let (n, txn) = attach(txn).await?;
        txn.commit().await.map_err(ServiceError::from)?;
        Ok::<usize, ActionError>(n)
    }
    .await;
    let back = |query: &str| Redirect::to(&format!("{page}?{query}")).into_response();
    match result {
        Ok(_) => back("done=documents-attached"),
        Err(ActionError::Invalid { key, .. } | ActionError::Refused(key)) => {
            back(&format!("error={key}"))
        }
        Err(ActionError::Forbidden) => (StatusCode::FORBIDDEN, "forbidden").into_response(),
        Err(ActionError::NotFound) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(ActionError::Service(error)) => {
            tracing::error!(%error, %page, "attaching documents failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What an upload attaches to.
#[derive(Clone, Copy)]
enum Target {
    /// An item of a case.
    Case,
    /// A meeting's materials or signed minutes.
    Meeting,
}

/// Reads and checks the form, then attaches its files to the item of a case or a meeting and
/// goes back to its page (`?done=documents-attached`, or `?error=<key>` with the reason in the
/// page's language).
async fn upload_to(
    state: AppState,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    multipart: Multipart,
    target: Target,
) -> Response {
    let c = match checked(user, &headers, multipart).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let page = match target {
        Target::Case => format!("/{}/cases/{}", c.locale.code(), c.id),
        Target::Meeting => format!("/{}/meetings/{}", c.locale.code(), c.id),
    };
    let item = c.form.item.trim();
    let (case_item, meeting_kind) = (Item::parse(item), meeting_documents::Kind::parse(item));
    let known = match target {
        Target::Case => case_item.is_some(),
        Target::Meeting => meeting_kind.is_some(),
    };
    if !known {
        return Redirect::to(&format!("{page}?error=document-item")).into_response();
    }
    if c.form.too_big {
        return Redirect::to(&format!("{page}?error=document-too-big")).into_response();
    }
    let store = state.documents.clone();
    attached(&state, page, |txn| async move {
        let (now, day) = (chrono::Utc::now(), today());
        let n = match (case_item, meeting_kind, target) {
            (Some(item), _, Target::Case) => {
                documents::attach(&txn, &store, c.user.id, c.id, item, c.form.files, now, day)
                    .await?
            }
            (_, Some(kind), Target::Meeting) => {
                meeting_documents::attach(
                    &txn,
                    &store,
                    c.user.id,
                    c.id,
                    kind,
                    c.form.files,
                    now,
                    day,
                )
                .await?
            }
            _ => return Err(ActionError::NotFound),
        };
        Ok((n, txn))
    })
    .await
}

/// `POST /api/cases/documents`: attaches the files to an item of a case.
pub async fn upload(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    upload_to(state, user, headers, multipart, Target::Case).await
}

/// `POST /api/meetings/documents`: the council's secretary attaches materials or the signed
/// minutes to a meeting.
pub async fn upload_meeting(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    upload_to(state, user, headers, multipart, Target::Meeting).await
}

/// `GET /documents/{id}`: a case's document, with its stored type; images inline, the rest as
/// a download under its name.
pub async fn download(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match documents::fetch(&state.db, &state.documents, id).await {
        Ok((row, bytes)) => serve(&row.name, &row.content_type, bytes, true),
        Err(error) => failed(&error, id),
    }
}

/// `GET /meeting-documents/{id}`: a meeting's document; a draft meeting's only for its
/// council (and then never cached by anyone else).
pub async fn download_meeting(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let viewer = user.map(|Extension(u)| u.id);
    match meeting_documents::fetch(&state.db, &state.documents, id, viewer, today()).await {
        Ok((row, bytes)) => serve(&row.name, &row.content_type, bytes, viewer.is_none()),
        Err(error) => failed(&error, id),
    }
}

fn failed(error: &ServiceError, id: i32) -> Response {
    if matches!(error, ServiceError::NotFound) {
        return StatusCode::NOT_FOUND.into_response();
    }
    tracing::error!(%error, document = id, "serving a document failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The bytes under `name` with their type, `nosniff`, inline for images and as a download
/// otherwise; cached publicly when `public`.
fn serve(name: &str, content_type: &str, bytes: Vec<u8>, public: bool) -> Response {
    let disposition = if DocumentType::is_image(content_type) {
        "inline"
    } else {
        "attachment"
    };
    let encoded: String = form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The content under an id never changes; a council's draft material is private.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            "public, max-age=86400, immutable"
        } else {
            "private, no-store"
        }),
    );
    response
}
