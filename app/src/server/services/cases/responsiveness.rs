//! Public responsiveness: for every body that has received cases, how many it received,
//! answered on time, answered late, has overdue and very overdue now, the median working days
//! it took to answer and the average rating of its answers — filtered by region, body kind,
//! case kind and year, sorted by any column. Bodies with fewer cases than the
//! `responsiveness_min_cases` setting (default 10) show their figures without a rank.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder, Statement};

use super::super::{ServiceError, bodies, petitions::setting_u64};
use crate::model::{Names, Responsiveness, ResponsivenessQuery, ResponsivenessRow};
use crate::server::db::placeholder;
use crate::server::entities::{body, territory};

/// Responsiveness tables computed in the last half minute, by query: the figures move with
/// answers and once a day with the clocks, and fifty visitors asking for the same table at once
/// share one computation of it (`cache::Shared`).
#[derive(Clone, Debug)]
pub struct TableCache(crate::server::services::cache::Shared<Responsiveness>);

impl Default for TableCache {
    fn default() -> Self {
        TableCache(crate::server::services::cache::Shared::new(Self::FRESH))
    }
}

impl TableCache {
    /// How long a table is reused.
    pub const FRESH: std::time::Duration = std::time::Duration::from_secs(30);

    /// The table for `query`, computed at most once per [`Self::FRESH`].
    ///
    /// # Errors
    /// A database failure (not kept: the next caller computes again).
    pub async fn table(
        &self,
        db: &impl ConnectionTrait,
        query: &ResponsivenessQuery,
        today: NaiveDate,
    ) -> Result<Responsiveness, ServiceError> {
        self.0
            .get(format!("{query:?}|{today}"), || table(db, query, today))
            .await
    }
}

/// The responsiveness table for `query` on `today`.
///
/// # Errors
/// A database failure.
#[allow(clippy::too_many_lines)]
pub async fn table(
    db: &impl ConnectionTrait,
    query: &ResponsivenessQuery,
    today: NaiveDate,
) -> Result<Responsiveness, ServiceError> {
    let backend = db.get_database_backend();
    // The filters, with their placeholders numbered from `first` (SQLite's `?` are taken in
    // order, so every statement binds its own list).
    let filters = |first: usize| {
        let mut sql = String::new();
        let mut values: Vec<sea_orm::Value> = Vec::new();
        if let Some(kind) = &query.case_kind {
            sql.push_str(&format!(
                " AND c.kind = {}",
                placeholder(backend, first + values.len())
            ));
            values.push(kind.clone().into());
        }
        if let Some(year) = query.year {
            sql.push_str(&format!(
                " AND c.year = {}",
                placeholder(backend, first + values.len())
            ));
            values.push(year.into());
        }
        (sql, values)
    };
    let (where_counts, filter_values) = filters(3);
    let mut values: Vec<sea_orm::Value> = vec![today.into(), today.into()];
    values.extend(filter_values);
    let counts = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT c.body_id, \
                 SUM(CASE WHEN c.state <> 'withdrawn' THEN 1 ELSE 0 END) AS received, \
                 SUM(CASE WHEN c.answered_on IS NOT NULL AND c.answered_on <= c.due_on THEN 1 ELSE 0 END) AS on_time, \
                 SUM(CASE WHEN c.answered_on IS NOT NULL AND c.answered_on > c.due_on THEN 1 ELSE 0 END) AS late, \
                 SUM(CASE WHEN c.state = 'awaiting_answer' AND c.due_on < {} THEN 1 ELSE 0 END) AS overdue, \
                 SUM(CASE WHEN c.state = 'awaiting_answer' AND c.very_due_on < {} THEN 1 ELSE 0 END) AS very_overdue \
                 FROM cases c WHERE 1 = 1{where_counts} GROUP BY c.body_id",
                placeholder(backend, 1),
                placeholder(backend, 2),
            ),
            values,
        ))
        .await?;
    let (where_rest, rest_values) = filters(1);
    let rated = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT c.body_id, SUM(r.rating) AS total, COUNT(*) AS n FROM case_ratings r \
                 JOIN cases c ON c.id = r.case_id WHERE 1 = 1{where_rest} GROUP BY c.body_id"
            ),
            rest_values.clone(),
        ))
        .await?;
    let days = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT c.body_id, c.answer_days FROM cases c WHERE c.answer_days IS NOT NULL{where_rest} \
                 ORDER BY c.body_id, c.answer_days"
            ),
            rest_values,
        ))
        .await?;

    let mut ratings: HashMap<i32, (i64, i64)> = HashMap::new();
    for row in rated {
        let id: i32 = row.try_get("", "body_id")?;
        ratings.insert(id, (row.try_get("", "total")?, row.try_get("", "n")?));
    }
    let mut answer_days: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in days {
        let id: i32 = row.try_get("", "body_id")?;
        answer_days
            .entry(id)
            .or_default()
            .push(row.try_get("", "answer_days")?);
    }
    let all_bodies: HashMap<i32, body::Model> = body::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let territories: HashMap<i32, territory::Model> = territory::Entity::find()
        .order_by_asc(territory::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let region_of = |territory_id: i32| -> Option<String> {
        let mut t = territories.get(&territory_id)?;
        loop {
            if t.kind == "oblast" || t.kind == "city" {
                return Some(t.kato.clone());
            }
            t = territories.get(&t.parent_id?)?;
        }
    };
    let min_cases = setting_u64(db, "responsiveness_min_cases")
        .await?
        .unwrap_or(10);
    let number = |row: &sea_orm::QueryResult, column: &str| -> Result<u64, ServiceError> {
        let n: Option<i64> = row.try_get("", column)?;
        Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
    };
    let mut rows = Vec::new();
    for row in counts {
        let id: i32 = row.try_get("", "body_id")?;
        let Some(b) = all_bodies.get(&id) else {
            continue;
        };
        let region = region_of(b.territory_id);
        if query
            .region
            .as_ref()
            .is_some_and(|r| Some(r) != region.as_ref())
        {
            continue;
        }
        if query.body_kind.as_ref().is_some_and(|k| *k != b.kind) {
            continue;
        }
        let median_days = answer_days.get(&id).and_then(|d| median(d));
        let (total, n) = ratings.get(&id).copied().unwrap_or((0, 0));
        #[allow(clippy::cast_precision_loss)]
        let average_rating = (n > 0).then(|| total as f64 / n as f64);
        rows.push(ResponsivenessRow {
            body: bodies::summary(b)?,
            region,
            received: number(&row, "received")?,
            on_time: number(&row, "on_time")?,
            late: number(&row, "late")?,
            overdue: number(&row, "overdue")?,
            very_overdue: number(&row, "very_overdue")?,
            median_days,
            average_rating,
            ratings: u64::try_from(n).unwrap_or(0),
            rank: None,
        });
    }
    rank(&mut rows, min_cases);
    if let Some(slug) = &query.body {
        rows.retain(|r| r.body.slug == *slug);
    }
    sort(&mut rows, query);
    let regions = territories
        .values()
        .filter(|t| t.kind == "oblast" || t.kind == "city")
        .map(|t| {
            (
                t.kato.clone(),
                Names {
                    kk: t.name_kk.clone(),
                    ru: t.name_ru.clone(),
                    en: t.name_en.clone(),
                },
            )
        })
        .collect::<Vec<_>>();
    let mut regions = regions;
    regions.sort_by(|a, b| a.0.cmp(&b.0));
    let years = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT DISTINCT year FROM cases ORDER BY year DESC",
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "year"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Responsiveness {
        rows,
        min_cases,
        regions,
        years,
    })
}

/// The median of sorted values.
fn median(sorted: &[i32]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    Some(if n % 2 == 1 {
        f64::from(sorted[n / 2])
    } else {
        (f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0
    })
}

/// The share of cases whose deadline has come that were answered on time.
fn on_time_share(row: &ResponsivenessRow) -> f64 {
    let judged = row.on_time + row.late + row.overdue;
    #[allow(clippy::cast_precision_loss)]
    if judged == 0 {
        0.0
    } else {
        row.on_time as f64 / judged as f64
    }
}

/// Ranks the bodies with at least `min_cases` cases by their share answered on time (ties by
/// the median days, fewer first); the others get no rank.
fn rank(rows: &mut [ResponsivenessRow], min_cases: u64) {
    let mut ranked: Vec<usize> = (0..rows.len())
        .filter(|i| rows[*i].received >= min_cases.max(1))
        .collect();
    ranked.sort_by(|a, b| {
        on_time_share(&rows[*b])
            .total_cmp(&on_time_share(&rows[*a]))
            .then_with(|| {
                rows[*a]
                    .median_days
                    .unwrap_or(f64::MAX)
                    .total_cmp(&rows[*b].median_days.unwrap_or(f64::MAX))
            })
    });
    for (place, i) in ranked.into_iter().enumerate() {
        rows[i].rank = u32::try_from(place + 1).ok();
    }
}

/// The columns the table sorts by.
pub const SORTS: [&str; 9] = [
    "rank",
    "name",
    "received",
    "on_time",
    "late",
    "overdue",
    "very_overdue",
    "median_days",
    "rating",
];

fn sort(rows: &mut [ResponsivenessRow], query: &ResponsivenessQuery) {
    let by = query.sort.as_deref().unwrap_or("rank");
    rows.sort_by(|a, b| {
        let order = match by {
            "name" => a.body.names.en.cmp(&b.body.names.en),
            "received" => a.received.cmp(&b.received),
            "on_time" => a.on_time.cmp(&b.on_time),
            "late" => a.late.cmp(&b.late),
            "overdue" => a.overdue.cmp(&b.overdue),
            "very_overdue" => a.very_overdue.cmp(&b.very_overdue),
            "median_days" => a
                .median_days
                .unwrap_or(f64::MAX)
                .total_cmp(&b.median_days.unwrap_or(f64::MAX)),
            "rating" => a
                .average_rating
                .unwrap_or(0.0)
                .total_cmp(&b.average_rating.unwrap_or(0.0)),
            _ => a
                .rank
                .unwrap_or(u32::MAX)
                .cmp(&b.rank.unwrap_or(u32::MAX))
                .then_with(|| b.received.cmp(&a.received)),
        };
        if query.desc { order.reverse() } else { order }
    });
}

/// A CSV cell as a spreadsheet may open it safely: text it would take for a formula is
/// prefixed with an apostrophe.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// The table as CSV (a header line, then a line per body), for download.
///
/// # Errors
/// `Corrupt` if the writer fails (it writes to memory).
pub fn csv(table: &Responsiveness) -> Result<String, ServiceError> {
    let fail = |e: &dyn std::fmt::Display| ServiceError::Corrupt(format!("csv: {e}"));
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "body",
            "kind",
            "level",
            "region",
            "received",
            "answered_on_time",
            "answered_late",
            "overdue_now",
            "very_overdue_now",
            "median_working_days",
            "average_rating",
            "ratings",
            "rank",
        ])
        .map_err(|e| fail(&e))?;
    for r in &table.rows {
        writer
            .write_record([
                csv_cell(&r.body.names.en),
                r.body.kind.as_str().to_owned(),
                r.body.level.as_str().to_owned(),
                r.region.clone().unwrap_or_default(),
                r.received.to_string(),
                r.on_time.to_string(),
                r.late.to_string(),
                r.overdue.to_string(),
                r.very_overdue.to_string(),
                r.median_days.map(|d| format!("{d:.1}")).unwrap_or_default(),
                r.average_rating
                    .map(|d| format!("{d:.2}"))
                    .unwrap_or_default(),
                r.ratings.to_string(),
                r.rank.map(|n| n.to_string()).unwrap_or_default(),
            ])
            .map_err(|e| fail(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}
