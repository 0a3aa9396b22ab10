//! The topic catalogue (issue 17): what petitions, proposals and inquiries are about, kept by
//! admins as data (`topics`). A topic is offered for new filings while it is active; a retired
//! one stays on what was filed under it, its name still shown. Routing reads it too: a local
//! topic suggests the territory's akimat and maslikhat, a topic with a ministry that ministry,
//! and a national topic without one the Government.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::ExprTrait,
};

use super::ServiceError;
use crate::model::{Names, TopicView};
use crate::server::entities::topic;

/// A topic's name in the three languages.
pub fn names(model: &topic::Model) -> Names {
    Names {
        kk: model.name_kk.clone(),
        ru: model.name_ru.clone(),
        en: model.name_en.clone(),
    }
}

/// A topic as pages show it.
pub fn view(model: &topic::Model) -> TopicView {
    TopicView {
        code: model.code.clone(),
        names: names(model),
        active: model.active,
    }
}

/// Every topic in list order (position, then code).
///
/// # Errors
/// A database failure.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<topic::Model>, ServiceError> {
    Ok(topic::Entity::find()
        .order_by_asc(topic::Column::Position)
        .order_by_asc(topic::Column::Code)
        .all(db)
        .await?)
}

/// The catalogue as lists show it: the active topics only (what a form offers), or every
/// topic (what a filter of filed things offers).
///
/// # Errors
/// A database failure.
pub async fn catalogue(
    db: &impl ConnectionTrait,
    with_retired: bool,
) -> Result<Vec<TopicView>, ServiceError> {
    Ok(all(db)
        .await?
        .iter()
        .filter(|t| with_retired || t.active)
        .map(view)
        .collect())
}

/// The topic `code` (as typed: trimmed), if it exists.
///
/// # Errors
/// A database failure.
pub async fn find(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<topic::Model>, ServiceError> {
    let code = code.trim();
    // A code with control characters names nothing (and PostgreSQL refuses a NUL).
    if code.is_empty() || code.len() > 32 || code.chars().any(char::is_control) {
        return Ok(None);
    }
    Ok(topic::Entity::find_by_id(code.to_owned()).one(db).await?)
}

/// The topic `code` if it may be chosen for something new (it exists and is not retired).
///
/// # Errors
/// A database failure.
pub async fn offered(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<topic::Model>, ServiceError> {
    Ok(find(db, code).await?.filter(|t| t.active))
}

/// A topic the catalogue lacks (which the schema forbids): its code as its name.
fn unknown(code: &str) -> TopicView {
    TopicView {
        code: code.to_owned(),
        names: Names {
            kk: code.to_owned(),
            ru: code.to_owned(),
            en: code.to_owned(),
        },
        active: false,
    }
}

/// The code of the topic a form chose, if it may be chosen.
///
/// # Errors
/// `Invalid` on `topic` for an unknown or retired topic.
pub async fn chosen(db: &impl ConnectionTrait, code: &str) -> Result<String, super::ActionError> {
    Ok(offered(db, code)
        .await?
        .ok_or(super::ActionError::Invalid {
            field: "topic",
            key: "petition-topic-unknown",
        })?
        .code)
}

/// The view of the topic `code` for a page showing something filed under it.
///
/// # Errors
/// A database failure.
pub async fn view_of(db: &impl ConnectionTrait, code: &str) -> Result<TopicView, ServiceError> {
    Ok(find(db, code)
        .await?
        .map_or_else(|| unknown(code), |t| view(&t)))
}

/// Every topic by code, for a page naming the topics of many things.
#[derive(Clone, Debug, Default)]
pub struct Named(std::collections::HashMap<String, TopicView>);

impl Named {
    /// Loads the catalogue.
    ///
    /// # Errors
    /// A database failure.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, ServiceError> {
        Ok(Named(
            all(db)
                .await?
                .iter()
                .map(|t| (t.code.clone(), view(t)))
                .collect(),
        ))
    }

    /// The view of the topic `code`.
    pub fn of(&self, code: &str) -> TopicView {
        self.0.get(code).cloned().unwrap_or_else(|| unknown(code))
    }
}

/// Points the topics a ministry answered for at the body that took over from it.
///
/// # Errors
/// A database failure.
pub async fn follow_successor(
    db: &impl ConnectionTrait,
    ended: i32,
    successor: i32,
) -> Result<u64, ServiceError> {
    Ok(topic::Entity::update_many()
        .col_expr(
            topic::Column::MinistryId,
            sea_orm::sea_query::Expr::value(successor),
        )
        .col_expr(
            topic::Column::Version,
            sea_orm::sea_query::Expr::col(topic::Column::Version).add(1),
        )
        .filter(topic::Column::MinistryId.eq(ended))
        .exec(db)
        .await?
        .rows_affected)
}
