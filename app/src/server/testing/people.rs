//! Many verified citizens at once, for tests, the Playwright fixtures and the load generator:
//! rows written directly (one password hash computed once and shared), email verified, and
//! optionally IIN-checked with a distinct fingerprint each.

use chrono::Utc;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};

use crate::server::entities::{territory, user};
use crate::server::services::{ServiceError, passwords};
use sea_orm::{ColumnTrait, QueryFilter};

/// The password every generated citizen has.
pub const PASSWORD: &str = "steppe-wind-over-ulytau";

/// Creates `count` citizens `{prefix}{i}@example.kz` (i from 0) living in the region with KATO
/// code `region`, email-verified and, with `iin`, IIN-checked. Returns them in order.
///
/// # Errors
/// A database failure (an email already taken, say).
pub async fn verified_citizens(
    db: &impl ConnectionTrait,
    prefix: &str,
    count: usize,
    region: &str,
    iin: bool,
) -> Result<Vec<user::Model>, ServiceError> {
    let region = territory::Entity::find()
        .filter(territory::Column::Kato.eq(region))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let hash = passwords::hash(PASSWORD.to_owned()).await?;
    let now = Utc::now();
    let names = [
        "Aigerim Serikova",
        "Nurlan Abenov",
        "Дина Ахметова",
        "Ерлан Қасымов",
    ];
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let email = format!("{prefix}{i}@example.kz");
        rows.push(user::ActiveModel {
            email: Set(email.clone()),
            display_name: Set(names[i % names.len()].into()),
            region_id: Set(region.id),
            password_hash: Set(hash.clone()),
            email_verified_at: Set(Some(now)),
            iin_hash: Set(iin.then(|| hex::encode(Sha256::digest(email.as_bytes())))),
            birth_date: Set(None),
            sex: Set(None),
            iin_checked_at: Set(iin.then_some(now)),
            created_at: Set(now),
            language: Set("en".into()),
            deleted_at: Set(None),
            ..Default::default()
        });
    }
    for chunk in rows.chunks(500) {
        user::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let emails: Vec<String> = (0..count)
        .map(|i| format!("{prefix}{i}@example.kz"))
        .collect();
    let mut found = Vec::with_capacity(count);
    for chunk in emails.chunks(500) {
        found.extend(
            user::Entity::find()
                .filter(user::Column::Email.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    let order: std::collections::HashMap<&str, usize> = emails
        .iter()
        .enumerate()
        .map(|(i, e)| (e.as_str(), i))
        .collect();
    found.sort_by_key(|u| order.get(u.email.as_str()).copied());
    Ok(found)
}
