//! Finding petitions: the public lists, filtered by state, region, addressee, topic and words,
//! sorted by signatures, by the last 24 hours, by age or by the end of collection, a page at a
//! time — one SQL query for the page and one for the count, whatever the filters.
//!
//! A list shows what is public and was ever open (or was rejected with a public reason):
//! petitions gathering their initial supporters are reachable by direct link only, and stay
//! unlisted if they lapse. A value the list does not understand is ignored and named in
//! `ListPage::ignored`, so the page can say so; it is never an error.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement, Value,
};

use super::pages::summaries;
use crate::model::{LISTED_STATUSES, ListPage, ListQuery, PetitionStatus, PetitionSummary};
use crate::server::db::placeholder;
use crate::server::entities::{body, petition};
use crate::server::services::{ServiceError, bodies, search, territories, topics};

/// Petitions on one page.
pub const PER_PAGE: u64 = 20;
/// The last page anybody may ask for (beyond it, an empty page).
const MAX_PAGE: u32 = 100_000;

/// A query under construction: its text and the values bound to its placeholders, in order.
struct Sql {
    backend: DbBackend,
    conditions: Vec<String>,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DbBackend) -> Self {
        Sql {
            backend,
            conditions: Vec::new(),
            values: Vec::new(),
        }
    }

    /// A placeholder bound to `value` (placeholders must appear in the text in this order).
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        placeholder(self.backend, self.values.len())
    }

    fn binds<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) -> String {
        values
            .into_iter()
            .map(|v| self.bind(v))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn filter(&mut self, condition: String) {
        self.conditions.push(condition);
    }

    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }
}

/// The hour (since the epoch) from which signatures count as recent: the last 24 hours.
pub fn recent_from(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(3600) - 23
}

/// Whether a petition is listed: public, and ever open (or rejected with a public reason).
fn listed(sql: &mut Sql) {
    let states = sql.binds(LISTED_STATUSES.iter().map(|s| s.as_str()));
    sql.filter(format!(
        "p.status IN ({states}) AND (p.opened_at IS NOT NULL OR p.rejected_at IS NOT NULL)"
    ));
}

/// One page of the public list, [`PER_PAGE`] petitions long.
///
/// # Errors
/// A database failure.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &ListQuery,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<ListPage, ServiceError> {
    list_sized(db, q, PER_PAGE, now, today).await
}

/// One page of the public list, `per_page` petitions long (the CSV takes a whole list as one
/// page).
///
/// # Errors
/// A database failure.
pub async fn list_sized(
    db: &impl ConnectionTrait,
    q: &ListQuery,
    per_page: u64,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<ListPage, ServiceError> {
    let backend = db.get_database_backend();
    let mut sql = Sql::new(backend);
    let mut ignored = Vec::new();
    // Words: matched once, as a join that comes first in the statement (its value is bound
    // first).
    let words =
        q.q.as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(search::terms);
    let join = match &words {
        Some(terms) if !terms.is_empty() => {
            let (join, query) = search::petition_join(backend, terms, 1, true);
            sql.values.push(query.into());
            join
        }
        _ => String::new(),
    };
    listed(&mut sql);
    // A value with control characters names nothing (and PostgreSQL refuses a NUL): unknown.
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty() && *v != "any")
            .map(|v| {
                if v.chars().any(char::is_control) {
                    "\u{fffd}".to_owned()
                } else {
                    v.to_owned()
                }
            })
    };
    if let Some(status) = given(&q.status) {
        match PetitionStatus::parse(&status).filter(|s| LISTED_STATUSES.contains(s)) {
            Some(s) => {
                let p = sql.bind(s.as_str());
                sql.filter(format!("p.status = {p}"));
            }
            None => ignored.push("status".to_owned()),
        }
    }
    if let Some(kato) = given(&q.region) {
        match territories::region(db, &kato).await? {
            Some(region) => {
                let tree = territories::tree(db, region.id).await?;
                let ids = sql.binds(tree);
                sql.filter(format!("p.territory_id IN ({ids})"));
            }
            None => ignored.push("region".to_owned()),
        }
    }
    if let Some(slug) = given(&q.body) {
        match body::Entity::find()
            .filter(body::Column::Slug.eq(slug.as_str()))
            .one(db)
            .await?
        {
            Some(b) => {
                let p = sql.bind(b.id);
                sql.filter(format!("p.body_id = {p}"));
            }
            None => ignored.push("body".to_owned()),
        }
    }
    if let Some(topic) = given(&q.topic) {
        match topics::find(db, &topic).await? {
            Some(t) => {
                let p = sql.bind(t.code);
                sql.filter(format!("p.topic = {p}"));
            }
            None => ignored.push("topic".to_owned()),
        }
    }
    // Words, but nothing searchable in them (punctuation, emoji, another script): nothing
    // matches.
    if words.as_ref().is_some_and(Vec::is_empty) {
        sql.filter("1 = 0".to_owned());
    }
    let searching = words.as_ref().is_some_and(|t| !t.is_empty());
    let asked = given(&q.sort);
    let sort = match asked.as_deref() {
        None => {
            if searching {
                "relevance"
            } else {
                "signed"
            }
        }
        Some(s @ ("signed" | "trending" | "newest" | "closing")) => s,
        Some("relevance") if searching => "relevance",
        Some(_) => {
            ignored.push("sort".to_owned());
            if searching { "relevance" } else { "signed" }
        }
    };
    let page = match given(&q.page) {
        None => 1,
        Some(p) => match p.parse::<u32>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                ignored.push("page".to_owned());
                1
            }
        },
    };

    let where_clause = sql.where_clause();
    let total = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!("SELECT COUNT(*) AS n FROM petitions p{join}{where_clause}"),
            sql.values.clone(),
        ))
        .await?
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or_default();
    let total = u64::try_from(total).unwrap_or(0);
    let order = match sort {
        "trending" => {
            let from = sql.bind(recent_from(now));
            format!(
                "(SELECT COALESCE(SUM(h.count), 0) FROM petition_hour_counts h WHERE h.petition_id = p.id AND h.hour >= {from}) DESC, {SIGNED} DESC"
            )
        }
        "newest" => "COALESCE(p.opened_at, p.rejected_at) DESC".to_owned(),
        // Open petitions first, the earliest started first: every level collects for the same
        // period unless an administrator changed one.
        "closing" => {
            let open = sql.bind(PetitionStatus::Open.as_str());
            format!("CASE WHEN p.status = {open} THEN 0 ELSE 1 END, p.collection_started_on ASC")
        }
        "relevance" => search::score_order(backend).to_owned(),
        _ => format!("{SIGNED} DESC"),
    };
    let per_page = per_page.max(1);
    let offset = u64::from(page - 1) * per_page;
    let ids: Vec<i32> = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT p.id FROM petitions p{join}{where_clause} ORDER BY {order}, p.id DESC LIMIT {per_page} OFFSET {offset}"
            ),
            sql.values,
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "id"))
        .collect::<Result<_, _>>()?;
    let items = in_order(db, &ids, now, today).await?;
    let pages = u32::try_from(total.div_ceil(per_page).max(1)).unwrap_or(u32::MAX);
    Ok(ListPage {
        items,
        total,
        page,
        pages,
        sort: sort.to_owned(),
        ignored,
        regions: territories::list_regions(db).await?,
        bodies: listed_bodies(db).await?,
        topics: topics::catalogue(db, true).await?,
    })
}

/// How many similar petitions the filing form shows.
const SIMILAR: u64 = 5;

/// Petitions like one being written: open, awaiting an answer or answered ones that share
/// distinctive words with `text`, best match first.
///
/// # Errors
/// A database failure.
pub async fn similar(
    db: &impl ConnectionTrait,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let terms = search::distinctive_terms(text);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let backend = db.get_database_backend();
    let mut sql = Sql::new(backend);
    let (join, query) = search::petition_join(backend, &terms, 1, false);
    sql.values.push(query.into());
    listed(&mut sql);
    let states = sql.binds(
        [
            PetitionStatus::Open,
            PetitionStatus::UnderConsideration,
            PetitionStatus::Answered,
        ]
        .iter()
        .map(|s| s.as_str()),
    );
    sql.filter(format!("p.status IN ({states})"));
    let where_clause = sql.where_clause();
    let order = search::score_order(backend);
    let ids: Vec<i32> = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT p.id FROM petitions p{join}{where_clause} ORDER BY {order}, p.id DESC LIMIT {SIMILAR}"
            ),
            sql.values,
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "id"))
        .collect::<Result<_, _>>()?;
    in_order(db, &ids, now, today).await
}

/// Lists and the home page's figures computed in the last few seconds, shared by everyone who
/// asks meanwhile (they show nothing of the viewer): under two hundred readers the page is
/// computed a few times a second, not two hundred.
#[derive(Clone, Debug)]
pub struct PageCache {
    lists: crate::server::services::cache::Shared<ListPage>,
    home: crate::server::services::cache::Shared<crate::model::HomeFigures>,
    search: crate::server::services::cache::Shared<crate::model::SiteSearch>,
}

impl Default for PageCache {
    fn default() -> Self {
        use crate::server::services::cache::Shared;
        PageCache {
            lists: Shared::new(std::time::Duration::from_secs(5)),
            home: Shared::new(std::time::Duration::from_secs(10)),
            search: Shared::new(std::time::Duration::from_secs(5)),
        }
    }
}

impl PageCache {
    /// [`list`], shared for five seconds.
    ///
    /// # Errors
    /// A database failure.
    pub async fn list(
        &self,
        db: &impl ConnectionTrait,
        q: &ListQuery,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<ListPage, ServiceError> {
        self.lists
            .get(format!("{q:?}|{today}"), || list(db, q, now, today))
            .await
    }

    /// The site-wide search ([`site_search::everything`]), shared for five seconds.
    ///
    /// [`site_search::everything`]: crate::server::services::site_search::everything
    ///
    /// # Errors
    /// A database failure.
    pub async fn search(
        &self,
        db: &impl ConnectionTrait,
        words: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<crate::model::SiteSearch, ServiceError> {
        let words = words.trim();
        self.search
            .get(format!("{words}|{today}"), || {
                crate::server::services::site_search::everything(db, words, now, today)
            })
            .await
    }

    /// [`home`], shared for ten seconds.
    ///
    /// # Errors
    /// A database failure.
    pub async fn home(
        &self,
        db: &impl ConnectionTrait,
        responsiveness: &crate::model::Responsiveness,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<crate::model::HomeFigures, ServiceError> {
        self.home
            .get(today.to_string(), || home(db, responsiveness, now, today))
            .await
    }
}

/// All signatures a petition has counted, at any grade.
const SIGNED: &str =
    "(SELECT COALESCE(SUM(c.count), 0) FROM petition_counts c WHERE c.petition_id = p.id)";

/// The petitions with these ids as lists show them, in this order, with their last 24 hours.
async fn in_order(
    db: &impl ConnectionTrait,
    ids: &[i32],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = petition::Entity::find()
        .filter(petition::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.id));
    let mut items = summaries(db, rows, today).await?;
    let recent = recent_counts(db, ids, now).await?;
    for item in &mut items {
        item.recent = recent.get(&item.id).copied().unwrap_or(0);
    }
    Ok(items)
}

/// Signatures counted in the last 24 hours, per petition.
///
/// # Errors
/// A database failure.
pub async fn recent_counts(
    db: &impl ConnectionTrait,
    ids: &[i32],
    now: DateTime<Utc>,
) -> Result<std::collections::HashMap<i32, u64>, ServiceError> {
    let mut sql = Sql::new(db.get_database_backend());
    let from = sql.bind(recent_from(now));
    let list = sql.binds(ids.iter().copied());
    Ok(db
        .query_all_raw(Statement::from_sql_and_values(
            sql.backend,
            format!(
                "SELECT petition_id, CAST(SUM(count) AS BIGINT) AS n FROM petition_hour_counts WHERE hour >= {from} AND petition_id IN ({list}) GROUP BY petition_id"
            ),
            sql.values,
        ))
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<i32>("", "petition_id")?,
                u64::try_from(r.try_get::<i64>("", "n")?).unwrap_or(0),
            ))
        })
        .collect::<Result<_, sea_orm::DbErr>>()?)
}

/// The addressees that have listed petitions (the body filter's choices).
async fn listed_bodies(
    db: &impl ConnectionTrait,
) -> Result<Vec<crate::model::BodySummary>, ServiceError> {
    let mut sql = Sql::new(db.get_database_backend());
    listed(&mut sql);
    let ids: Vec<i32> = db
        .query_all_raw(Statement::from_sql_and_values(
            sql.backend,
            format!(
                "SELECT DISTINCT p.body_id FROM petitions p{}",
                sql.where_clause()
            ),
            sql.values,
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "body_id"))
        .collect::<Result<_, _>>()?;
    bodies::with_ids(db, Some(&ids)).await
}

/// The longest stretch the chart of signatures over time shows, in days (the latest ones).
const CHART_DAYS: i64 = 366;

/// Signatures counted per day (Kazakhstan time), from the first day with signatures to the
/// last (or to `today` while the petition still collects), days without any included as 0.
///
/// # Errors
/// A database failure.
pub async fn signatures_by_day(
    db: &impl ConnectionTrait,
    id: i32,
    collecting: bool,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, u64)>, ServiceError> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT hour, count FROM petition_hour_counts WHERE petition_id = {} AND count > 0 ORDER BY hour",
                placeholder(backend, 1)
            ),
            [id.into()],
        ))
        .await?;
    let mut days: std::collections::BTreeMap<NaiveDate, u64> = std::collections::BTreeMap::new();
    for row in &rows {
        let hour: i64 = row.try_get("", "hour")?;
        let count: i64 = row.try_get("", "count")?;
        let Some(at) = DateTime::<Utc>::from_timestamp(hour.saturating_mul(3600), 0) else {
            continue;
        };
        *days.entry(crate::server::services::day_of(at)).or_default() +=
            u64::try_from(count).unwrap_or(0);
    }
    let (Some(first), Some(last)) = (days.keys().next().copied(), days.keys().last().copied())
    else {
        return Ok(Vec::new());
    };
    let last = if collecting { last.max(today) } else { last };
    let first = first.max(last - chrono::Duration::days(CHART_DAYS - 1));
    Ok(first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d, days.get(&d).copied().unwrap_or(0)))
        .collect())
}

/// Signatures per signer's region, for every region (those without any at 0), with each
/// region's latest population, in KATO order.
///
/// # Errors
/// A database failure.
pub async fn signatures_by_region(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<crate::model::RegionSignatures>, ServiceError> {
    use crate::server::entities::{petition_region_count, territory};
    let counts: std::collections::HashMap<i32, i64> = petition_region_count::Entity::find()
        .filter(petition_region_count::Column::PetitionId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.region_id, r.count))
        .collect();
    let regions = territory::Entity::find()
        .filter(territory::Column::Kind.is_in(["oblast", "city"]))
        .filter(territory::Column::ValidTo.is_null())
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(regions.len());
    for r in regions {
        out.push(crate::model::RegionSignatures {
            names: crate::model::Names {
                kk: r.name_kk.clone(),
                ru: r.name_ru.clone(),
                en: r.name_en.clone(),
            },
            count: u64::try_from(counts.get(&r.id).copied().unwrap_or(0)).unwrap_or(0),
            population: territories::latest_population(db, r.id)
                .await?
                .map(|p| p.count),
            kato: r.kato,
        });
    }
    out.sort_by(|a, b| a.kato.cmp(&b.kato));
    Ok(out)
}

/// The home page's figures. `overdue` and `on_time` come from the responsiveness table (every
/// body, every case kind, every year), which the caller takes from its cache.
///
/// # Errors
/// A database failure.
pub async fn home(
    db: &impl ConnectionTrait,
    responsiveness: &crate::model::Responsiveness,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<crate::model::HomeFigures, ServiceError> {
    use chrono::Datelike;
    let backend = db.get_database_backend();
    let scalar = |sql: String, values: Vec<Value>| async move {
        let n = db
            .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or_default();
        Ok::<u64, ServiceError>(u64::try_from(n).unwrap_or(0))
    };
    let p1 = placeholder(backend, 1);
    let open = scalar(
        format!("SELECT COUNT(*) AS n FROM petitions WHERE status = {p1}"),
        vec![PetitionStatus::Open.as_str().into()],
    )
    .await?;
    let signatures_week = scalar(
        format!("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM petition_hour_counts WHERE hour >= {p1}"),
        vec![(now.timestamp().div_euclid(3600) - 7 * 24 + 1).into()],
    )
    .await?;
    // The first of this month, midnight in Kazakhstan (UTC+5).
    let month_start = today
        .with_day(1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc() - chrono::Duration::hours(5))
        .unwrap_or(now);
    let answers_month = scalar(
        format!("SELECT COUNT(*) AS n FROM petitions WHERE answered_at >= {p1}"),
        vec![month_start.into()],
    )
    .await?;
    let on_time = responsiveness.rows.iter().map(|r| r.on_time).sum::<u64>();
    let answered_all = on_time + responsiveness.rows.iter().map(|r| r.late).sum::<u64>();
    let trending = list(
        db,
        &ListQuery {
            status: Some(PetitionStatus::Open.as_str().into()),
            sort: Some("trending".into()),
            ..ListQuery::default()
        },
        now,
        today,
    )
    .await?
    .items
    .into_iter()
    .take(5)
    .collect();
    let answered_ids: Vec<i32> = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT id FROM petitions WHERE status = {p1} ORDER BY answered_at DESC, id DESC LIMIT 5"
            ),
            [PetitionStatus::Answered.as_str().into()],
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "id"))
        .collect::<Result<_, _>>()?;
    let answered = in_order(db, &answered_ids, now, today).await?;
    let mut overdue: Vec<(crate::model::BodySummary, u64)> = responsiveness
        .rows
        .iter()
        .filter(|r| r.overdue > 0)
        .map(|r| (r.body.clone(), r.overdue))
        .collect();
    overdue.sort_by_key(|o| std::cmp::Reverse(o.1));
    overdue.truncate(5);
    Ok(crate::model::HomeFigures {
        open,
        signatures_week,
        answers_month,
        on_time: (on_time, answered_all),
        trending,
        answered,
        overdue,
    })
}

/// A list as CSV (one row per petition, English names, formula cells defused), `base` the
/// site's address for the links.
///
/// # Errors
/// `Corrupt` when writing fails.
pub fn csv(items: &[PetitionSummary], base: &str) -> Result<String, ServiceError> {
    use crate::server::services::cases::responsiveness::csv_cell;
    let fail = |e: &dyn std::fmt::Display| ServiceError::Corrupt(format!("csv: {e}"));
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "id",
            "url",
            "title",
            "status",
            "addressee",
            "signatures",
            "threshold",
            "signatures_last_24h",
            "deadline",
            "deadline_due",
            "deadline_state",
        ])
        .map_err(|e| fail(&e))?;
    for p in items {
        writer
            .write_record([
                p.id.to_string(),
                format!("{base}/en/petitions/{}", p.id),
                csv_cell(&p.title),
                p.status.as_str().to_owned(),
                csv_cell(&p.body.en),
                p.count.to_string(),
                p.threshold.map(|t| t.to_string()).unwrap_or_default(),
                p.recent.to_string(),
                p.clock.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                p.clock
                    .as_ref()
                    .map(|c| c.due.to_string())
                    .unwrap_or_default(),
                p.clock
                    .as_ref()
                    .map(|c| c.state.clone())
                    .unwrap_or_default(),
            ])
            .map_err(|e| fail(&e))?;
    }
    String::from_utf8(writer.into_inner().map_err(|e| fail(&e))?).map_err(|e| fail(&e))
}

/// An entry in a feed (of petitions, of inquiries): what happened to which item, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    /// The item's number.
    pub id: i32,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// `opened`, `sent`, `received`, `answered`, `declined` or `closed`.
    pub event: &'static str,
    /// When.
    pub at: DateTime<Utc>,
}

/// How many characters of a text a feed entry's summary keeps.
const FEED_EXCERPT: usize = 300;

impl FeedEntry {
    /// An entry summarised by the start of `text` (its first 300 characters, "…" when cut).
    pub fn excerpt(
        id: i32,
        title: &str,
        text: &str,
        event: &'static str,
        at: DateTime<Utc>,
    ) -> Self {
        let mut summary: String = text.chars().take(FEED_EXCERPT).collect();
        if text.chars().nth(FEED_EXCERPT).is_some() {
            summary.push('…');
        }
        Self {
            id,
            title: title.to_owned(),
            summary,
            event,
            at,
        }
    }
}

/// A feed's entries newest first (the higher number first at the same instant), at most `limit`.
pub fn newest(mut entries: Vec<FeedEntry>, limit: u64) -> Vec<FeedEntry> {
    entries.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    entries.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    entries
}

/// The latest petitions opened and answered (at most `limit`, newest first), for a region
/// (KATO) or a body (slug) when given; unknown ones give an empty feed.
///
/// # Errors
/// A database failure.
pub async fn feed(
    db: &impl ConnectionTrait,
    region: Option<&str>,
    body_slug: Option<&str>,
    limit: u64,
) -> Result<Vec<FeedEntry>, ServiceError> {
    let backend = db.get_database_backend();
    if [region, body_slug]
        .iter()
        .flatten()
        .any(|v| v.chars().any(char::is_control))
    {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(backend);
    listed(&mut sql);
    if let Some(kato) = region {
        let Some(r) = territories::region(db, kato).await? else {
            return Ok(Vec::new());
        };
        let tree = territories::tree(db, r.id).await?;
        let ids = sql.binds(tree);
        sql.filter(format!("p.territory_id IN ({ids})"));
    }
    if let Some(slug) = body_slug {
        let Some(b) = body::Entity::find()
            .filter(body::Column::Slug.eq(slug))
            .one(db)
            .await?
        else {
            return Ok(Vec::new());
        };
        let p = sql.bind(b.id);
        sql.filter(format!("p.body_id = {p}"));
    }
    let where_clause = sql.where_clause();
    let mut entries = Vec::new();
    for (event, column) in [("opened", "opened_at"), ("answered", "answered_at")] {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT p.id, p.title, p.summary, p.{column} AS at FROM petitions p{where_clause} AND p.{column} IS NOT NULL \
                     ORDER BY p.{column} DESC LIMIT {limit}"
                ),
                sql.values.clone(),
            ))
            .await?;
        for r in rows {
            entries.push(FeedEntry {
                id: r.try_get("", "id")?,
                title: r.try_get("", "title")?,
                summary: r.try_get("", "summary")?,
                event,
                at: r.try_get("", "at")?,
            });
        }
    }
    Ok(newest(entries, limit))
}
