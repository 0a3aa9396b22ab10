//! Deputies for every maslikhat that has none, so a new site shows maslikhats with their
//! deputies (the register of inquiries, the deputies' pages and filters): three made-up
//! deputies each, in office since the 2023 elections, with a numbered electoral district and
//! the topics they work on. Their accounts cannot be logged into (no verified email, a
//! password nobody knows); an admin ends their mandates when the real deputies are granted.

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::model::{BodyKind, Role};
use crate::server::entities::{body, deputy_profile, role_grant, user};

/// How many deputies each maslikhat gets.
const PER_MASLIKHAT: usize = 3;

/// Seeds deputies for each maslikhat without any. Returns how many were added.
///
/// # Errors
/// A database failure.
pub async fn deputies(db: &impl ConnectionTrait) -> Result<usize, sea_orm::DbErr> {
    if !super::applied(db, "m20261203_000019_create_inquiries").await? {
        return Ok(0);
    }
    let maslikhats = body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::Maslikhat.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    let since = NaiveDate::from_ymd_opt(2023, 4, 1).unwrap_or_default();
    let now = chrono::Utc::now();
    let mut password: Option<String> = None;
    let mut added = 0;
    for (index, maslikhat) in maslikhats.iter().enumerate() {
        let existing = role_grant::Entity::find()
            .filter(role_grant::Column::Role.eq(Role::Deputy.as_str()))
            .filter(role_grant::Column::BodyId.eq(maslikhat.id))
            .count(db)
            .await?;
        if existing > 0 {
            continue;
        }
        // A hash of a random secret nobody is told, computed once.
        let hash = match &password {
            Some(h) => h.clone(),
            None => {
                let secret = crate::server::services::sessions::random_token();
                let h = crate::server::services::passwords::hash(secret)
                    .await
                    .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
                password = Some(h.clone());
                h
            }
        };
        for seat in 0..PER_MASLIKHAT {
            let n = index * PER_MASLIKHAT + seat;
            let person = user::Entity::insert(user::ActiveModel {
                email: Set(format!(
                    "deputy-{}-{seat}@seed.dauys.invalid",
                    maslikhat.slug
                )),
                display_name: Set(super::councils::name(n * 5 + 1)),
                region_id: Set(maslikhat.territory_id),
                password_hash: Set(hash.clone()),
                email_verified_at: Set(None),
                iin_hash: Set(None),
                birth_date: Set(None),
                sex: Set(None),
                iin_checked_at: Set(None),
                created_at: Set(now),
                language: Set("kk".into()),
                deleted_at: Set(None),
                ..Default::default()
            })
            .exec(db)
            .await?
            .last_insert_id;
            role_grant::Entity::insert(role_grant::ActiveModel {
                user_id: Set(person),
                role: Set(Role::Deputy.as_str().into()),
                body_id: Set(Some(maslikhat.id)),
                for_user_id: Set(None),
                starts_on: Set(since),
                ends_on: Set(None),
                granted_by_id: Set(None),
                granted_at: Set(now),
                ended_by_id: Set(None),
                ended_at: Set(None),
                ..Default::default()
            })
            .exec(db)
            .await?;
            let all = &migrations::BUILT_IN_TOPICS;
            let topics = [all[n % all.len()].0, all[(n + 3) % all.len()].0];
            deputy_profile::Entity::insert(deputy_profile::ActiveModel {
                user_id: Set(person),
                district: Set(format!("№ {}", seat * 7 + index % 5 + 1)),
                topics: Set(topics.join(",")),
                updated_at: Set(now),
            })
            .exec_without_returning(db)
            .await?;
            added += 1;
        }
    }
    Ok(added)
}
