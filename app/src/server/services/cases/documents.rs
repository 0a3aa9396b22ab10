//! Documents attached to what a body and an author write on a case: the answer, a
//! clarification question or its reply, a follow-up or implementation update. PDF, PNG, JPEG,
//! ODT and DOCX only, at most 10 MB each and 5 per item; the type is read from the content, and
//! must agree with the name's extension. The bytes are stored once per content hash through
//! `object_store` (a local directory by default, an S3-compatible bucket by configuration, so
//! several server processes share them); the table keeps who attached what to which item.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, path::Path};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use super::super::{ActionError, ServiceError};
use super::{as_official, find, kind_of, origin, state_of};
use crate::model::DocumentView;
use crate::server::entities::{case_document, case_pause, case_update};

/// The largest document.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most documents on one item.
pub const MAX_PER_ITEM: u64 = 5;
/// The longest file name kept.
const MAX_NAME: usize = 200;

/// The kinds of document the platform takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentType {
    /// PDF.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// OpenDocument text.
    Odt,
    /// Word document.
    Docx,
}

impl DocumentType {
    /// The content type it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
            DocumentType::Odt => "application/vnd.oasis.opendocument.text",
            DocumentType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            DocumentType::Pdf => &["pdf"],
            DocumentType::Png => &["png"],
            DocumentType::Jpeg => &["jpg", "jpeg"],
            DocumentType::Odt => &["odt"],
            DocumentType::Docx => &["docx"],
        }
    }

    /// Read from the content (magic bytes, and for the zip-based formats what the archive
    /// holds), never from the name.
    pub fn sniff(bytes: &[u8]) -> Option<DocumentType> {
        let found = infer::get(bytes)?;
        Some(match found.mime_type() {
            "application/pdf" => DocumentType::Pdf,
            "image/png" => DocumentType::Png,
            "image/jpeg" => DocumentType::Jpeg,
            "application/vnd.oasis.opendocument.text" => DocumentType::Odt,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                DocumentType::Docx
            }
            _ => return None,
        })
    }

    /// Whether browsers show it in the page rather than download it.
    pub fn is_image(content_type: &str) -> bool {
        matches!(content_type, "image/png" | "image/jpeg")
    }
}

/// A file name as given, checked: no folders (`/`, `\`, `..`), no control characters, not
/// empty, a known extension. Returns the name to keep.
///
/// # Errors
/// `Invalid` on `files` with `document-name`.
pub fn checked_name(name: &str) -> Result<String, ActionError> {
    let bad = ActionError::Invalid {
        field: "files",
        key: "document-name",
    };
    let name = name.trim();
    if name.is_empty()
        || name.contains(['/', '\\'])
        || name.contains("..")
        || name.chars().any(char::is_control)
        || name.chars().count() > MAX_NAME
    {
        return Err(bad);
    }
    Ok(crate::server::text::clean(name, false))
}

/// One file checked: its kept name and type.
///
/// # Errors
/// `Invalid` on `files`: `document-empty`, `document-too-big`, `document-type` (not a type the
/// platform takes), `document-type-mismatch` (the content is not what the name says),
/// `document-name`.
pub fn check(name: &str, bytes: &[u8]) -> Result<(String, DocumentType), ActionError> {
    let invalid = |key| ActionError::Invalid {
        field: "files",
        key,
    };
    let name = checked_name(name)?;
    if bytes.is_empty() {
        return Err(invalid("document-empty"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(invalid("document-too-big"));
    }
    let kind = DocumentType::sniff(bytes).ok_or(invalid("document-type"))?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    if !kind.extensions().contains(&extension.as_str()) {
        return Err(invalid("document-type-mismatch"));
    }
    Ok((name, kind))
}

/// Where the documents' bytes live, by content hash.
#[derive(Clone, Debug)]
pub struct DocumentStore(Arc<dyn ObjectStore>);

impl DocumentStore {
    /// The store at `url`: `file:///absolute/dir` (the default, under the data directory) or
    /// `s3://bucket/prefix` with the `AWS_*` variables of the environment.
    ///
    /// # Errors
    /// A URL that names no store this build knows.
    pub fn from_url(url: &str) -> Result<DocumentStore, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("{url}: {e}"))?;
        if parsed.scheme() == "file" {
            let dir = parsed
                .to_file_path()
                .map_err(|()| format!("{url}: not a directory path"))?;
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let local = object_store::local::LocalFileSystem::new_with_prefix(&dir)
                .map_err(|e| format!("{url}: {e}"))?;
            return Ok(DocumentStore(Arc::new(local)));
        }
        let (store, prefix) = object_store::parse_url_opts(&parsed, std::env::vars())
            .map_err(|e| format!("{url}: {e}"))?;
        Ok(DocumentStore(Arc::new(
            object_store::prefix::PrefixStore::new(store, prefix),
        )))
    }

    /// A store in memory (tests).
    pub fn in_memory() -> DocumentStore {
        DocumentStore(Arc::new(object_store::memory::InMemory::new()))
    }

    /// Stores `bytes` under its hash (a second copy of the same content is the same object).
    ///
    /// # Errors
    /// The store failed.
    pub async fn put(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), ServiceError> {
        self.0
            .put(&Path::from(sha256), PutPayload::from(bytes))
            .await
            .map_err(|e| ServiceError::Corrupt(format!("document store: {e}")))?;
        Ok(())
    }

    /// The bytes stored under `sha256`.
    ///
    /// # Errors
    /// The store failed or holds no such object.
    pub async fn get(&self, sha256: &str) -> Result<Vec<u8>, ServiceError> {
        let found = self
            .0
            .get(&Path::from(sha256))
            .await
            .map_err(|e| ServiceError::Corrupt(format!("document store: {e}")))?;
        Ok(found
            .bytes()
            .await
            .map_err(|e| ServiceError::Corrupt(format!("document store: {e}")))?
            .to_vec())
    }
}

/// What a document is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// The body's answer.
    Answer,
    /// A clarification question (the pause's id).
    Question(i32),
    /// The author's reply to it (the pause's id).
    Reply(i32),
    /// A follow-up or implementation update (its id).
    Update(i32),
    /// What the case began as, attached by its author while the case awaits its answer (a
    /// proposal's supporting documents).
    Origin,
}

impl Item {
    /// `answer`, `origin`, `question:7`, `reply:7`, `update:3`.
    pub fn parse(text: &str) -> Option<Item> {
        match text {
            "answer" => return Some(Item::Answer),
            "origin" => return Some(Item::Origin),
            _ => {}
        }
        let (kind, id) = text.split_once(':')?;
        let id: i32 = id.parse().ok()?;
        match kind {
            "question" => Some(Item::Question(id)),
            "reply" => Some(Item::Reply(id)),
            "update" => Some(Item::Update(id)),
            _ => None,
        }
    }

    fn parts(self) -> (&'static str, Option<i32>) {
        match self {
            Item::Answer => ("answer", None),
            Item::Question(id) => ("question", Some(id)),
            Item::Reply(id) => ("reply", Some(id)),
            Item::Update(id) => ("update", Some(id)),
            Item::Origin => ("origin", None),
        }
    }
}

/// A file as received: the name the browser gave and the bytes.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The file name.
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Checks who attaches what to which item, then every file, before anything is stored; stores
/// the bytes, then records the documents. Returns how many were attached.
///
/// # Errors
/// `Forbidden` (an official of the case's body for the answer, questions and updates; the
/// origin's author for replies and, while the case awaits its answer, the origin's own); `NotFound` for an item not on this case; `Invalid` for a file
/// that fails [`check`], none at all, or more than 5 on the item.
#[allow(clippy::too_many_arguments)]
pub async fn attach(
    db: &impl ConnectionTrait,
    store: &DocumentStore,
    user: i32,
    case_id: i32,
    item: Item,
    uploads: Vec<Upload>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ActionError> {
    let case = match item {
        Item::Reply(_) | Item::Origin => {
            let case = find(db, case_id).await?;
            if origin::author(db, kind_of(&case)?, case.origin_id).await? != Some(user) {
                return Err(ActionError::Forbidden);
            }
            case
        }
        _ => as_official(db, user, case_id, today).await?.0,
    };
    match item {
        Item::Answer => {
            if !state_of(&case)?.is_answered() {
                return Err(ActionError::Refused("case-not-answered"));
            }
        }
        Item::Question(id) | Item::Reply(id) => {
            let pause = case_pause::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|p| p.case_id == case_id)
                .ok_or(ActionError::NotFound)?;
            if matches!(item, Item::Reply(_)) && pause.reply.is_none() {
                return Err(ActionError::Refused("clarification-none-open"));
            }
        }
        Item::Origin => {
            if !origin::takes_documents(db, &case).await? {
                return Err(ActionError::Refused("case-not-awaiting"));
            }
        }
        Item::Update(id) => {
            case_update::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|u| u.case_id == case_id)
                .ok_or(ActionError::NotFound)?;
        }
    }
    let (item_kind, item_id) = item.parts();
    let mut existing = case_document::Entity::find()
        .filter(case_document::Column::CaseId.eq(case_id))
        .filter(case_document::Column::ItemKind.eq(item_kind));
    if let Some(id) = item_id {
        existing = existing.filter(case_document::Column::ItemId.eq(id));
    }
    let stored = store_all(store, uploads, existing.count(db).await?).await?;
    let attached = stored.len();
    for file in stored {
        case_document::ActiveModel {
            case_id: Set(case_id),
            item_kind: Set(item_kind.into()),
            item_id: Set(item_id),
            name: Set(file.name),
            content_type: Set(file.kind.content_type().into()),
            size: Set(file.size),
            sha256: Set(file.sha256),
            uploaded_by_id: Set(user),
            uploaded_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(attached)
}

/// A file checked and stored: what its record keeps.
#[derive(Clone, Debug)]
pub struct Stored {
    /// The cleaned file name.
    pub name: String,
    /// Its type, read from the content.
    pub kind: DocumentType,
    /// Its size in bytes.
    pub size: i64,
    /// The SHA-256 it is stored under.
    pub sha256: String,
}

/// Checks every file ([`check`]) before storing any, and that an item holding `existing`
/// documents takes them all, then stores the bytes. The caller records them.
///
/// # Errors
/// `Invalid` for no file, a file that fails [`check`], or more than 5 on the item; the store
/// failed.
pub async fn store_all(
    store: &DocumentStore,
    uploads: Vec<Upload>,
    existing: u64,
) -> Result<Vec<Stored>, ActionError> {
    if uploads.is_empty() {
        return Err(ActionError::Invalid {
            field: "files",
            key: "document-none",
        });
    }
    let mut checked = Vec::with_capacity(uploads.len());
    for upload in uploads {
        let (name, kind) = check(&upload.name, &upload.bytes)?;
        checked.push((name, kind, upload.bytes));
    }
    if existing + checked.len() as u64 > MAX_PER_ITEM {
        return Err(ActionError::Invalid {
            field: "files",
            key: "document-too-many",
        });
    }
    let mut stored = Vec::with_capacity(checked.len());
    for (name, kind, bytes) in checked {
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        store.put(&sha256, bytes).await?;
        stored.push(Stored {
            name,
            kind,
            size,
            sha256,
        });
    }
    Ok(stored)
}

/// The documents of a case, oldest first.
///
/// # Errors
/// A database failure.
pub async fn of_case(
    db: &impl ConnectionTrait,
    case_id: i32,
) -> Result<Vec<DocumentView>, ServiceError> {
    Ok(case_document::Entity::find()
        .filter(case_document::Column::CaseId.eq(case_id))
        .order_by_asc(case_document::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|d| DocumentView {
            id: d.id,
            href: format!("/documents/{}", d.id),
            item: match d.item_id {
                Some(id) => format!("{}:{id}", d.item_kind),
                None => d.item_kind,
            },
            name: d.name,
            content_type: d.content_type,
            size: u64::try_from(d.size).unwrap_or(0),
        })
        .collect())
}

/// A document's record and bytes, for download.
///
/// # Errors
/// `NotFound`; the store failed.
pub async fn fetch(
    db: &impl ConnectionTrait,
    store: &DocumentStore,
    id: i32,
) -> Result<(case_document::Model, Vec<u8>), ServiceError> {
    let row = case_document::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let bytes = store.get(&row.sha256).await?;
    Ok((row, bytes))
}
