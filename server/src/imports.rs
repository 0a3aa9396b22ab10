//! CSV imports and exports over HTTP, for admins (issue 17): `POST /api/admin/imports` takes a
//! multipart form (the CSRF token, the language, what the file holds, the file), keeps it with
//! its dry run (`services::administration::imports`) and goes to the report's page;
//! `GET /api/admin/export/{kind}` downloads territories, bodies or populations in the columns an
//! import takes. Applying a report is a server function on its page.

use axum::{
    Extension,
    extract::{Multipart, Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use app::i18n::Locale;
use app::model::{ImportKind, Role};
use app::server::AppState;
use app::server::request::{CSRF_COOKIE, CurrentUser, cookie};
use app::server::services::administration::imports;
use app::server::services::{roles, today};

/// Where the upload form posts.
pub const UPLOAD_PATH: &str = "/api/admin/imports";
/// The largest request: the file and the few fields around it.
pub const MAX_UPLOAD: usize = imports::MAX_BYTES + 64 * 1024;

#[derive(Default)]
struct Form {
    csrf: String,
    lang: String,
    kind: String,
    file_name: String,
    bytes: Vec<u8>,
    too_big: bool,
}

async fn read(mut multipart: Multipart) -> Result<Form, StatusCode> {
    let mut form = Form::default();
    let mut seen = std::collections::HashSet::new();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if !seen.insert(name.clone()) {
            return Err(StatusCode::BAD_REQUEST);
        }
        if name == "file" {
            form.file_name = field.file_name().unwrap_or_default().to_owned();
            while let Some(chunk) = field.chunk().await.map_err(|_| StatusCode::BAD_REQUEST)? {
                if form.bytes.len() + chunk.len() > imports::MAX_BYTES {
                    form.too_big = true;
                    form.bytes.clear();
                    while field
                        .chunk()
                        .await
                        .map_err(|_| StatusCode::BAD_REQUEST)?
                        .is_some()
                    {}
                    break;
                }
                form.bytes.extend_from_slice(&chunk);
            }
            continue;
        }
        let bytes = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| StatusCode::BAD_REQUEST)?;
        let text = app::server::text::clean(text, false);
        match name.as_str() {
            "csrf" => form.csrf = text,
            "lang" => form.lang = text,
            "kind" => form.kind = text,
            _ => {}
        }
    }
    Ok(form)
}

/// Whether the signed-in user is an admin today.
async fn is_admin(state: &AppState, user: Option<&CurrentUser>) -> Result<bool, Response> {
    let Some(user) = user else {
        return Ok(false);
    };
    roles::holds(&state.db, user.id, Role::Admin, None, today())
        .await
        .map_err(|error| {
            tracing::error!(%error, "reading roles failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        })
}

/// `POST /api/admin/imports`: keeps the file with its dry run and shows the report.
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
    if expected.is_empty() || !crate::documents::same_token(&expected, &form.csrf) {
        return (StatusCode::FORBIDDEN, "forbidden").into_response();
    }
    let user = user.map(|Extension(u)| u);
    match is_admin(&state, user.as_ref()).await {
        Ok(true) => {}
        Ok(false) => return (StatusCode::FORBIDDEN, "forbidden").into_response(),
        Err(response) => return response,
    }
    let locale = Locale::from_code(&form.lang).unwrap_or_default();
    let Some(kind) = ImportKind::parse(form.kind.trim()) else {
        return Redirect::to(&format!(
            "/{}/admin/import?error=import-kind",
            locale.code()
        ))
        .into_response();
    };
    if form.file_name.is_empty() && form.bytes.is_empty() {
        return Redirect::to(&format!(
            "/{}/admin/import?error=import-no-file",
            locale.code()
        ))
        .into_response();
    }
    let bytes = if form.too_big {
        // Over the limit: kept as too big, never read.
        vec![0; imports::MAX_BYTES + 1]
    } else {
        form.bytes
    };
    let actor = user.map(|u| u.id);
    match imports::stage(
        &state.db,
        actor,
        kind,
        &form.file_name,
        &bytes,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(id) => Redirect::to(&format!("/{}/admin/imports/{id}", locale.code())).into_response(),
        Err(error) => {
            tracing::error!(%error, "staging an import failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /api/admin/export/{kind}`: the CSV of territories, bodies or populations.
pub async fn export(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(kind): Path<String>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    match is_admin(&state, user.as_ref()).await {
        Ok(true) => {}
        Ok(false) => return (StatusCode::FORBIDDEN, "forbidden").into_response(),
        Err(response) => return response,
    }
    let Some(kind) = ImportKind::parse(kind.trim_end_matches(".csv")) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    crate::csv_download(
        &format!("dauys-{}.csv", kind.as_str()),
        imports::export(&state.db, kind).await,
    )
}
