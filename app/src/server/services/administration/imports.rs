//! Bulk import and export of territories, bodies and populations as CSV (issue 17).
//!
//! An upload is always a dry run first: the file is parsed and compared with the tables, and
//! kept (`admin_imports`) with its report — what each row would add or change, or every row that
//! is wrong with the reason. A file with any problem is refused as a whole. Applying a clean
//! report checks the file again against the tables as they are then (another admin may have
//! changed them meanwhile), and applies every row through the same service functions the pages
//! use, so each change is checked and on the record.
//!
//! The columns are named on the first line, in any order; a missing or unknown column refuses
//! the file. Commas or semicolons separate fields (a spreadsheet in Russian saves semicolons).
//! What an import may change on an existing item is what has no dates of its own to get wrong:
//! a territory's dates in force, a body's parent, a population figure. A new name is given on
//! the item's page, where the day it applies from is set; a body ends on its page, where its
//! successor is chosen.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, sea_query::Expr,
};

use super::{MAX_NAME, bodies, territories};
use crate::model::{
    BodyKind, BodyLevel, ImportAction, ImportKind, ImportLine, ImportProblem, ImportReport,
    ImportView, Names, RecordedValue, TerritoryKind,
};
use crate::server::entities::{admin_import, body, body_succession, population, territory};
use crate::server::services::{ActionError, ServiceError, today};

/// The largest file taken.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most rows a file may hold.
pub const MAX_ROWS: usize = 20_000;
/// How many problems a report lists (the rest are counted in the last one).
pub const MAX_PROBLEMS: usize = 200;

use crate::model::import_columns as columns;

fn problem(line: u32, column: Option<&str>, key: &str) -> ImportProblem {
    ImportProblem {
        line,
        column: column.map(str::to_owned),
        key: key.to_owned(),
    }
}

/// One data row: its line and its fields by column.
struct Row {
    line: u32,
    fields: HashMap<&'static str, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.fields.get(column).map_or("", String::as_str)
    }

    fn date(&self, column: &str, problems: &mut Vec<ImportProblem>) -> Option<NaiveDate> {
        let text = self.get(column);
        if text.is_empty() {
            return None;
        }
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"));
        if parsed.is_err() {
            problems.push(problem(self.line, Some(column), "date-invalid"));
        }
        parsed.ok()
    }

    fn names(&self, problems: &mut Vec<ImportProblem>) -> Names {
        let names = Names {
            kk: self.get("name_kk").to_owned(),
            ru: self.get("name_ru").to_owned(),
            en: self.get("name_en").to_owned(),
        };
        for (column, name) in [
            ("name_kk", &names.kk),
            ("name_ru", &names.ru),
            ("name_en", &names.en),
        ] {
            if name.is_empty() {
                problems.push(problem(self.line, Some(column), "admin-name-empty"));
            } else if name.chars().count() > MAX_NAME {
                problems.push(problem(self.line, Some(column), "admin-name-too-long"));
            }
        }
        names
    }
}

/// Reads the file: its rows, or the problems that refuse it as a file (encoding, columns,
/// field counts, size).
fn read(kind: ImportKind, bytes: &[u8]) -> Result<Vec<Row>, Vec<ImportProblem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![problem(0, None, "import-too-big")]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![problem(0, None, "import-not-utf8")]);
    };
    let first = text.lines().next().unwrap_or_default();
    if first.trim().is_empty() {
        return Err(vec![problem(0, None, "import-empty")]);
    }
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let expected = columns(kind);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![problem(1, None, "import-malformed")]),
    };
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for name in &header {
        if !expected.contains(&name.as_str()) {
            problems.push(problem(1, Some(name), "import-unknown-column"));
        } else if !seen.insert(name.clone()) {
            problems.push(problem(1, Some(name), "import-repeated-column"));
        }
    }
    for column in expected {
        if !header.iter().any(|h| h == column) {
            problems.push(problem(1, Some(column), "import-missing-column"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let Ok(record) = record else {
            problems.push(problem(line, None, "import-malformed"));
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(problem(line, None, "import-row-fields"));
            continue;
        }
        if rows.len() == MAX_ROWS {
            problems.push(problem(line, None, "import-too-many-rows"));
            break;
        }
        let fields = header
            .iter()
            .zip(record.iter())
            .filter_map(|(name, value)| {
                let column = expected.iter().find(|c| **c == name)?;
                Some((
                    *column,
                    crate::server::text::clean(value, false).trim().to_owned(),
                ))
            })
            .collect();
        rows.push(Row { line, fields });
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(0, None, "import-empty"));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn territory_value(names: Names, from: Option<NaiveDate>, to: Option<NaiveDate>) -> RecordedValue {
    RecordedValue::Territory {
        names,
        valid_from: from,
        valid_to: to,
    }
}

fn names_of_territory(t: &territory::Model) -> Names {
    Names {
        kk: t.name_kk.clone(),
        ru: t.name_ru.clone(),
        en: t.name_en.clone(),
    }
}

async fn plan_territories(
    db: &impl ConnectionTrait,
    rows: &[Row],
    problems: &mut Vec<ImportProblem>,
) -> Result<Vec<ImportLine>, ServiceError> {
    let existing: HashMap<String, territory::Model> = territory::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.kato.clone(), t))
        .collect();
    let ids: HashMap<i32, String> = existing.values().map(|t| (t.id, t.kato.clone())).collect();
    let mut in_file = HashSet::new();
    let mut lines = Vec::new();
    for row in rows {
        let kato = row.get("kato").to_owned();
        // A new unit's code is 2 to 12 digits (the country's own, `KZ`, is already there).
        if !existing.contains_key(&kato)
            && (!(2..=12).contains(&kato.len()) || !kato.bytes().all(|b| b.is_ascii_digit()))
        {
            problems.push(problem(row.line, Some("kato"), "territory-kato-invalid"));
            continue;
        }
        if !in_file.insert(kato.clone()) {
            problems.push(problem(row.line, Some("kato"), "import-duplicate"));
            continue;
        }
        let kind = TerritoryKind::parse(row.get("kind"));
        if kind.is_none() {
            problems.push(problem(row.line, Some("kind"), "territory-kind-unknown"));
        }
        let names = row.names(problems);
        let (from, to) = (
            row.date("valid_from", problems),
            row.date("valid_to", problems),
        );
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            problems.push(problem(
                row.line,
                Some("valid_to"),
                "territory-validity-order",
            ));
        }
        let parent = row.get("parent");
        let parent_known = if parent.is_empty() {
            kind == Some(TerritoryKind::Country)
        } else {
            existing.contains_key(parent) || (in_file.contains(parent) && parent != kato)
        };
        match existing.get(&kato) {
            None => {
                if !parent_known {
                    problems.push(problem(row.line, Some("parent"), "import-parent-unknown"));
                }
                lines.push(ImportLine {
                    line: row.line,
                    item: kato,
                    action: ImportAction::Add,
                    before: None,
                    after: Some(territory_value(names, from, to)),
                });
            }
            Some(current) => {
                if names != names_of_territory(current) {
                    problems.push(problem(row.line, Some("name_en"), "import-rename"));
                }
                if kind.is_some_and(|k| k.as_str() != current.kind) {
                    problems.push(problem(row.line, Some("kind"), "import-fixed"));
                }
                let current_parent = current.parent_id.and_then(|p| ids.get(&p)).cloned();
                if current_parent.as_deref().unwrap_or_default() != parent {
                    problems.push(problem(row.line, Some("parent"), "import-fixed"));
                }
                let before = territory_value(
                    names_of_territory(current),
                    current.valid_from,
                    current.valid_to,
                );
                let after = territory_value(names_of_territory(current), from, to);
                lines.push(ImportLine {
                    line: row.line,
                    item: kato,
                    action: if before == after {
                        ImportAction::Same
                    } else {
                        ImportAction::Change
                    },
                    before: Some(before),
                    after: Some(after),
                });
            }
        }
    }
    Ok(lines)
}

async fn plan_bodies(
    db: &impl ConnectionTrait,
    rows: &[Row],
    problems: &mut Vec<ImportProblem>,
) -> Result<Vec<ImportLine>, ServiceError> {
    let all = body::Entity::find().all(db).await?;
    let successors: HashMap<i32, i32> = body_succession::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.body_id, s.successor_id))
        .collect();
    let slug_of: HashMap<i32, String> = all.iter().map(|b| (b.id, b.slug.clone())).collect();
    let existing: HashMap<String, body::Model> =
        all.into_iter().map(|b| (b.slug.clone(), b)).collect();
    let kato_of: HashMap<i32, String> = territory::Entity::find()
        .select_only()
        .column(territory::Column::Id)
        .column(territory::Column::Kato)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let katos: HashSet<&String> = kato_of.values().collect();
    // The parent of each body as the file leaves it, to find a body made its own ancestor.
    let mut parents: HashMap<String, Option<String>> = existing
        .values()
        .map(|b| {
            (
                b.slug.clone(),
                b.parent_id.and_then(|p| slug_of.get(&p).cloned()),
            )
        })
        .collect();
    let mut in_file = HashSet::new();
    let mut lines = Vec::new();
    for row in rows {
        let slug = row.get("slug").to_owned();
        if !bodies::slug_ok(&slug) {
            problems.push(problem(row.line, Some("slug"), "body-slug-invalid"));
            continue;
        }
        if !in_file.insert(slug.clone()) {
            problems.push(problem(row.line, Some("slug"), "import-duplicate"));
            continue;
        }
        let kind = BodyKind::parse(row.get("kind"));
        if kind.is_none() {
            problems.push(problem(row.line, Some("kind"), "body-kind-unknown"));
        }
        if BodyLevel::parse(row.get("level")).is_none() {
            problems.push(problem(row.line, Some("level"), "body-level-unknown"));
        }
        if !katos.contains(&row.get("territory").to_owned()) {
            problems.push(problem(
                row.line,
                Some("territory"),
                "body-territory-unknown",
            ));
        }
        let names = row.names(problems);
        let from = row.date("valid_from", problems);
        let to = row.date("valid_to", problems);
        let parent = row.get("parent").to_owned();
        let parent_in_force = existing.get(&parent).is_some_and(|p| p.valid_to.is_none())
            || (in_file.contains(&parent) && parent != slug);
        let parent_ok = if parent.is_empty() {
            kind == Some(BodyKind::Government)
        } else {
            parent_in_force
        };
        let value =
            |names: Names, parent: &str, valid_to: Option<NaiveDate>, b: Option<&body::Model>| {
                RecordedValue::Body {
                    names,
                    parent: (!parent.is_empty()).then(|| parent.to_owned()),
                    valid_to,
                    successor: b
                        .and_then(|b| successors.get(&b.id))
                        .and_then(|s| slug_of.get(s))
                        .cloned(),
                    minimum_members: b
                        .and_then(|b| b.minimum_members)
                        .and_then(|m| u32::try_from(m).ok()),
                }
            };
        match existing.get(&slug) {
            None => {
                if !parent_ok {
                    problems.push(problem(row.line, Some("parent"), "import-parent-unknown"));
                }
                if to.is_some() {
                    problems.push(problem(row.line, Some("valid_to"), "import-body-end"));
                }
                parents.insert(slug.clone(), Some(parent.clone()).filter(|p| !p.is_empty()));
                lines.push(ImportLine {
                    line: row.line,
                    item: slug,
                    action: ImportAction::Add,
                    before: None,
                    after: Some(value(names.clone(), &parent, None, None)),
                });
            }
            Some(current) => {
                let current_names = Names {
                    kk: current.name_kk.clone(),
                    ru: current.name_ru.clone(),
                    en: current.name_en.clone(),
                };
                if names != current_names {
                    problems.push(problem(row.line, Some("name_en"), "import-rename"));
                }
                if kind.is_some_and(|k| k.as_str() != current.kind)
                    || row.get("level") != current.level
                    || kato_of.get(&current.territory_id).map(String::as_str)
                        != Some(row.get("territory"))
                    || from != current.valid_from
                {
                    problems.push(problem(row.line, None, "import-fixed"));
                }
                if to != current.valid_to {
                    problems.push(problem(row.line, Some("valid_to"), "import-body-end"));
                }
                let current_parent = current.parent_id.and_then(|p| slug_of.get(&p)).cloned();
                let moved = current_parent.as_deref().unwrap_or_default() != parent;
                if moved {
                    if !parent_ok {
                        problems.push(problem(row.line, Some("parent"), "import-parent-unknown"));
                    }
                    parents.insert(slug.clone(), Some(parent.clone()).filter(|p| !p.is_empty()));
                    // Walk up from the new parent: meeting the body itself is a loop.
                    let mut up = Some(parent.clone()).filter(|p| !p.is_empty());
                    let mut steps = 0;
                    while let Some(p) = up {
                        if p == slug || steps > 64 {
                            problems.push(problem(row.line, Some("parent"), "body-parent-cycle"));
                            break;
                        }
                        steps += 1;
                        up = parents.get(&p).cloned().flatten();
                    }
                }
                lines.push(ImportLine {
                    line: row.line,
                    item: slug,
                    action: if moved {
                        ImportAction::Change
                    } else {
                        ImportAction::Same
                    },
                    before: Some(value(
                        current_names.clone(),
                        current_parent.as_deref().unwrap_or_default(),
                        current.valid_to,
                        Some(current),
                    )),
                    after: Some(value(
                        current_names,
                        &parent,
                        current.valid_to,
                        Some(current),
                    )),
                });
            }
        }
    }
    Ok(lines)
}

async fn plan_populations(
    db: &impl ConnectionTrait,
    rows: &[Row],
    problems: &mut Vec<ImportProblem>,
) -> Result<Vec<ImportLine>, ServiceError> {
    let units: HashMap<i32, String> = territory::Entity::find()
        .select_only()
        .column(territory::Column::Id)
        .column(territory::Column::Kato)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let katos: HashSet<&String> = units.values().collect();
    let figures: HashMap<(String, i32), population::Model> = population::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|p| Some(((units.get(&p.territory_id)?.clone(), p.year), p)))
        .collect();
    let this_year = chrono::Datelike::year(&today());
    let mut in_file = HashSet::new();
    let mut lines = Vec::new();
    for row in rows {
        let kato = row.get("kato").to_owned();
        if !katos.contains(&kato) {
            problems.push(problem(row.line, Some("kato"), "import-kato-unknown"));
            continue;
        }
        let Some(year) = row
            .get("year")
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..=this_year + 1).contains(y))
        else {
            problems.push(problem(row.line, Some("year"), "population-year-range"));
            continue;
        };
        if !in_file.insert((kato.clone(), year)) {
            problems.push(problem(row.line, Some("year"), "import-duplicate"));
            continue;
        }
        let count = row
            .get("population")
            .replace([' ', '\u{a0}'], "")
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=territories::MAX_POPULATION).contains(n));
        if count.is_none() {
            problems.push(problem(
                row.line,
                Some("population"),
                "population-count-range",
            ));
        }
        let source = row.get("source").to_owned();
        if source.is_empty() || source.chars().count() > MAX_NAME {
            problems.push(problem(row.line, Some("source"), "population-source-empty"));
        }
        let after = RecordedValue::Population {
            count: count.unwrap_or(0),
            source,
        };
        let before = figures
            .get(&(kato.clone(), year))
            .map(|p| RecordedValue::Population {
                count: u64::try_from(p.population).unwrap_or(0),
                source: p.source.clone(),
            });
        lines.push(ImportLine {
            line: row.line,
            item: format!("{kato}/{year}"),
            action: match &before {
                None => ImportAction::Add,
                Some(b) if *b == after => ImportAction::Same,
                Some(_) => ImportAction::Change,
            },
            before,
            after: Some(after),
        });
    }
    Ok(lines)
}

/// The dry run of a file against the tables as they are.
///
/// # Errors
/// A database failure.
pub async fn dry_run(
    db: &impl ConnectionTrait,
    kind: ImportKind,
    bytes: &[u8],
) -> Result<ImportReport, ServiceError> {
    let rows = match read(kind, bytes) {
        Ok(rows) => rows,
        Err(problems) => {
            return Ok(ImportReport {
                lines: Vec::new(),
                problems: capped(problems),
            });
        }
    };
    let mut problems = Vec::new();
    let lines = match kind {
        ImportKind::Territories => plan_territories(db, &rows, &mut problems).await?,
        ImportKind::Bodies => plan_bodies(db, &rows, &mut problems).await?,
        ImportKind::Populations => plan_populations(db, &rows, &mut problems).await?,
    };
    Ok(ImportReport {
        lines,
        problems: capped(problems),
    })
}

fn capped(mut problems: Vec<ImportProblem>) -> Vec<ImportProblem> {
    if problems.len() > MAX_PROBLEMS {
        problems.truncate(MAX_PROBLEMS);
        problems.push(problem(0, None, "import-more-problems"));
    }
    problems
}

fn to_json(report: &ImportReport) -> Result<String, ServiceError> {
    serde_json::to_string(report).map_err(|e| ServiceError::Corrupt(format!("import report: {e}")))
}

/// Keeps an uploaded file with its dry run; returns its number (the report page).
///
/// # Errors
/// A database failure.
pub async fn stage(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<i32, ServiceError> {
    let report = dry_run(db, kind, bytes).await?;
    let content = if report.problems.iter().any(|p| p.line == 0) {
        // A file refused as a file (too big, not UTF-8) is not kept.
        String::new()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    let name: String = crate::server::text::clean(file_name, false)
        .chars()
        .take(MAX_NAME)
        .collect();
    let row = admin_import::ActiveModel {
        kind: Set(kind.as_str().into()),
        actor_id: Set(actor),
        created_at: Set(now),
        file_name: Set(name),
        content: Set(content),
        ok: Set(report.problems.is_empty()),
        report: Set(to_json(&report)?),
        applied_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

fn view(row: admin_import::Model) -> Result<ImportView, ServiceError> {
    Ok(ImportView {
        id: row.id,
        kind: ImportKind::parse(&row.kind)
            .ok_or_else(|| ServiceError::Corrupt(format!("import kind {}", row.kind)))?,
        file_name: row.file_name,
        created_at: row.created_at,
        report: serde_json::from_str(&row.report)
            .map_err(|e| ServiceError::Corrupt(format!("import report: {e}")))?,
        applied_at: row.applied_at,
    })
}

/// One upload with its report.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<ImportView, ServiceError> {
    view(
        admin_import::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?,
    )
}

/// The latest uploads, newest first (without their reports' rows).
///
/// # Errors
/// A database failure.
pub async fn recent(db: &impl ConnectionTrait) -> Result<Vec<ImportView>, ServiceError> {
    admin_import::Entity::find()
        .order_by_desc(admin_import::Column::Id)
        .limit(20)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let mut v = view(row)?;
            v.report.lines.clear();
            Ok(v)
        })
        .collect()
}

/// Applies an upload whose dry run was clean: checked again against the tables as they are
/// now, then every row through the pages' service functions, each on the record. Returns how
/// many rows changed something.
///
/// # Errors
/// `NotFound`; `Refused` when it was applied already, was refused, or no longer passes (the
/// tables changed since the dry run: upload it again to see why).
pub async fn apply(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    id: i32,
    now: DateTime<Utc>,
) -> Result<usize, ActionError> {
    let row = admin_import::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    if !row.ok {
        return Err(ActionError::Refused("import-refused"));
    }
    if row.applied_at.is_some() {
        return Err(ActionError::Refused("import-applied"));
    }
    let kind = ImportKind::parse(&row.kind)
        .ok_or_else(|| ServiceError::Corrupt(format!("import kind {}", row.kind)))?;
    let report = dry_run(db, kind, row.content.as_bytes()).await?;
    let rows = match read(kind, row.content.as_bytes()) {
        Ok(rows) if report.problems.is_empty() => rows,
        _ => return Err(ActionError::Refused("import-stale")),
    };
    // Of two admins applying it at once, one does.
    let claimed = admin_import::Entity::update_many()
        .col_expr(admin_import::Column::AppliedAt, Expr::value(now))
        .filter(admin_import::Column::Id.eq(id))
        .filter(admin_import::Column::AppliedAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    if claimed == 0 {
        return Err(ActionError::Refused("import-applied"));
    }
    let mut changed = 0;
    for (line, data) in report.lines.iter().zip(&rows) {
        if line.action == ImportAction::Same {
            continue;
        }
        changed += 1;
        apply_row(db, actor, kind, line.action, data, now).await?;
    }
    Ok(changed)
}

async fn apply_row(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kind: ImportKind,
    action: ImportAction,
    row: &Row,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let mut ignored = Vec::new();
    match kind {
        ImportKind::Territories => {
            let kato = row.get("kato");
            let (from, to) = (
                row.date("valid_from", &mut ignored),
                row.date("valid_to", &mut ignored),
            );
            if action == ImportAction::Add {
                let unit_kind = TerritoryKind::parse(row.get("kind"))
                    .ok_or_else(|| ServiceError::Corrupt("checked kind".into()))?;
                let parent = Some(row.get("parent")).filter(|p| !p.is_empty());
                territories::add(
                    db,
                    actor,
                    kato,
                    unit_kind,
                    parent,
                    row.names(&mut ignored),
                    from,
                    now,
                )
                .await?;
            }
            if to.is_some() || action == ImportAction::Change {
                let current = territory::Entity::find()
                    .filter(territory::Column::Kato.eq(kato))
                    .one(db)
                    .await?
                    .ok_or(ActionError::NotFound)?;
                territories::set_validity(
                    db,
                    actor,
                    kato,
                    &territories::stamp(&current),
                    from,
                    to,
                    now,
                )
                .await?;
            }
        }
        ImportKind::Bodies => {
            let slug = row.get("slug");
            if action == ImportAction::Add {
                bodies::add(
                    db,
                    actor,
                    bodies::NewBody {
                        slug: slug.to_owned(),
                        kind: BodyKind::parse(row.get("kind"))
                            .ok_or_else(|| ServiceError::Corrupt("checked kind".into()))?,
                        level: BodyLevel::parse(row.get("level"))
                            .ok_or_else(|| ServiceError::Corrupt("checked level".into()))?,
                        parent: Some(row.get("parent").to_owned()),
                        territory: row.get("territory").to_owned(),
                        names: row.names(&mut ignored),
                        valid_from: row.date("valid_from", &mut ignored),
                    },
                    now,
                )
                .await?;
            } else {
                let current = body::Entity::find()
                    .filter(body::Column::Slug.eq(slug))
                    .one(db)
                    .await?
                    .ok_or(ActionError::NotFound)?;
                bodies::move_to(
                    db,
                    actor,
                    slug,
                    &bodies::stamp(&current),
                    row.get("parent"),
                    now,
                )
                .await?;
            }
        }
        ImportKind::Populations => {
            let count = row
                .get("population")
                .replace([' ', '\u{a0}'], "")
                .parse::<u64>()
                .map_err(|_| ServiceError::Corrupt("checked count".into()))?;
            let year = row
                .get("year")
                .parse::<i32>()
                .map_err(|_| ServiceError::Corrupt("checked year".into()))?;
            territories::set_population(
                db,
                actor,
                row.get("kato"),
                year,
                count,
                row.get("source"),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The export of `kind` as CSV, in the columns an import takes (parents before the items under
/// them), so a file exported, edited and imported again changes only what was edited.
///
/// # Errors
/// A database failure.
pub async fn export(db: &impl ConnectionTrait, kind: ImportKind) -> Result<String, ServiceError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| ServiceError::Corrupt(format!("csv: {e}"));
    writer.write_record(columns(kind)).map_err(csv_error)?;
    let units = territory::Entity::find()
        .order_by_asc(territory::Column::Kato)
        .all(db)
        .await?;
    let kato_of: HashMap<i32, String> = units.iter().map(|t| (t.id, t.kato.clone())).collect();
    match kind {
        ImportKind::Territories => {
            // A unit's parent before it: by depth, then by code.
            let depth = |t: &territory::Model| {
                let mut d = 0;
                let mut up = t.parent_id;
                while let Some(p) = up {
                    d += 1;
                    up = units.iter().find(|u| u.id == p).and_then(|u| u.parent_id);
                    if d > 64 {
                        break;
                    }
                }
                d
            };
            let mut ordered: Vec<&territory::Model> = units.iter().collect();
            ordered.sort_by_key(|t| (depth(t), t.kato.clone()));
            for t in ordered {
                writer
                    .write_record([
                        t.kato.as_str(),
                        t.kind.as_str(),
                        t.parent_id
                            .and_then(|p| kato_of.get(&p))
                            .map_or("", String::as_str),
                        &t.name_kk,
                        &t.name_ru,
                        &t.name_en,
                        &date_text(t.valid_from),
                        &date_text(t.valid_to),
                    ])
                    .map_err(csv_error)?;
            }
        }
        ImportKind::Bodies => {
            let all = body::Entity::find()
                .order_by_asc(body::Column::Id)
                .all(db)
                .await?;
            let slug_of: HashMap<i32, String> =
                all.iter().map(|b| (b.id, b.slug.clone())).collect();
            // Parents first: each body after the one above it.
            let mut written = HashSet::new();
            let mut ordered = Vec::new();
            while ordered.len() < all.len() {
                let before = ordered.len();
                for b in &all {
                    if !written.contains(&b.id)
                        && b.parent_id
                            .is_none_or(|p| written.contains(&p) || !slug_of.contains_key(&p))
                    {
                        written.insert(b.id);
                        ordered.push(b);
                    }
                }
                if ordered.len() == before {
                    ordered.extend(all.iter().filter(|b| !written.contains(&b.id)));
                    break;
                }
            }
            for b in ordered {
                writer
                    .write_record([
                        b.slug.as_str(),
                        b.kind.as_str(),
                        b.level.as_str(),
                        b.parent_id
                            .and_then(|p| slug_of.get(&p))
                            .map_or("", String::as_str),
                        kato_of.get(&b.territory_id).map_or("", String::as_str),
                        &b.name_kk,
                        &b.name_ru,
                        &b.name_en,
                        &date_text(b.valid_from),
                        &date_text(b.valid_to),
                    ])
                    .map_err(csv_error)?;
            }
        }
        ImportKind::Populations => {
            let mut rows: Vec<(String, i32, i64, String)> = population::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .filter_map(|p| {
                    Some((
                        kato_of.get(&p.territory_id)?.clone(),
                        p.year,
                        p.population,
                        p.source,
                    ))
                })
                .collect();
            rows.sort();
            for (kato, year, count, source) in rows {
                writer
                    .write_record([kato, year.to_string(), count.to_string(), source])
                    .map_err(csv_error)?;
            }
        }
    }
    String::from_utf8(
        writer
            .into_inner()
            .map_err(|e| ServiceError::Corrupt(format!("csv: {e}")))?,
    )
    .map_err(|e| ServiceError::Corrupt(format!("csv: {e}")))
}
