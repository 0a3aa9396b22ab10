//! Documents over HTTP: `POST /api/cases/documents` takes a multipart form (the CSRF token, the
//! language, the case, the item, up to five files) from the case page, and `GET
//! /documents/{id}` serves one back with its stored type, `nosniff`, and as a download unless it
//! is an image. The multipart form is the one POST under `/api/` that is not a urlencoded form:
//! its few text fields are cleaned here, and every file is checked by
//! `services::cases::documents` before anything is stored.

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
        let text = field.text().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        let text = app::server::text::clean(&text, false);
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

fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// `POST /api/cases/documents`: attaches the files to the item, then back to the case page
/// (`?done=documents-attached`, or `?error=<key>` with the reason in the page's language).
pub async fn upload(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let form = match read(multipart).await {
        Ok(form) => form,
        Err(status) => return (status, "malformed upload").into_response(),
    };
    let expected = cookie(&headers, CSRF_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_token(&expected, &form.csrf) {
        return (StatusCode::FORBIDDEN, "forbidden").into_response();
    }
    let Some(Extension(user)) = user else {
        return (StatusCode::FORBIDDEN, "sign in first").into_response();
    };
    let Some(id) = form.id else {
        return (StatusCode::BAD_REQUEST, "which case?").into_response();
    };
    let locale = Locale::from_code(&form.lang).unwrap_or_default();
    let back = |query: &str| {
        Redirect::to(&format!("/{}/cases/{id}?{query}", locale.code())).into_response()
    };
    let Some(item) = Item::parse(form.item.trim()) else {
        return back("error=document-item");
    };
    if form.too_big {
        return back("error=document-too-big");
    }
    let now = chrono::Utc::now();
    let result = async {
        use sea_orm::TransactionTrait;
        let txn = state.db.begin().await.map_err(ServiceError::from)?;
        app::server::db::lock_for_write(&txn)
            .await
            .map_err(ServiceError::from)?;
        let n = documents::attach(
            &txn,
            &state.documents,
            user.id,
            id,
            item,
            form.files,
            now,
            today(),
        )
        .await?;
        txn.commit().await.map_err(ServiceError::from)?;
        Ok::<usize, ActionError>(n)
    }
    .await;
    match result {
        Ok(_) => back("done=documents-attached"),
        Err(ActionError::Invalid { key, .. } | ActionError::Refused(key)) => {
            back(&format!("error={key}"))
        }
        Err(ActionError::Forbidden) => (StatusCode::FORBIDDEN, "forbidden").into_response(),
        Err(ActionError::NotFound) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(ActionError::Service(error)) => {
            tracing::error!(%error, case = id, "attaching documents failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /documents/{id}`: the document, with its stored type; images inline, the rest as a
/// download under its name.
pub async fn download(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match documents::fetch(&state.db, &state.documents, id).await {
        Ok((row, bytes)) => {
            let disposition = if DocumentType::is_image(&row.content_type) {
                "inline"
            } else {
                "attachment"
            };
            let encoded: String = form_urlencoded::byte_serialize(row.name.as_bytes())
                .collect::<String>()
                .replace('+', "%20");
            let ascii: String = row
                .name
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
            if let Ok(v) = HeaderValue::from_str(&row.content_type) {
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
            // The content under an id never changes.
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400, immutable"),
            );
            response
        }
        Err(ServiceError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, document = id, "serving a document failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
