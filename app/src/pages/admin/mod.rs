//! Administration without SQL (issue 17): the admin's index, thresholds, the holiday
//! calendar, platform settings and the record of every change; and the public rule-changes
//! page. Every form is a plain POST that works without JavaScript; a refused save comes back
//! with its message and what was typed.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::admin::{
    AddCalendarDay, AddTerritory, FillCalendarYear, RemoveCalendarDay, RenameTerritory,
    SaveSetting, SaveTerm, SaveThreshold, TerritoryPopulation, TerritoryValidity, admin_calendar,
    admin_changes, admin_settings, admin_terms, admin_territories, admin_territory,
    admin_thresholds, rule_changes,
};
use crate::components::account::visitor;
use crate::components::case::kz_date;
use crate::components::form::{DoneNotice, Field, FormTokens, PostForm, failure};
use crate::components::links::href;
use crate::error::AppError;
use crate::i18n::{Locale, format_date, tr, use_locale};
use crate::model::{
    ChangeSubject, ChangeView, DayKind, IdentityGrade, Names, RecordedValue, SettingRule, TermRow,
    TermUnit, TerritoryKind, ThresholdRow, ThresholdSetting,
};
use crate::pages::{LoadError, PageTitle};

mod bodies;
mod imports;
mod topics;
pub use bodies::{BodiesPage, BodyAdminPage};
pub use imports::{ImportPage, ImportReportPage};
pub use topics::TopicsPage;

/// `/:lang/admin`: what an admin can change, one link each.
#[component]
pub fn AdminPage() -> impl IntoView {
    let locale = use_locale();
    let links = [
        (
            "/admin/thresholds",
            "admin-thresholds",
            "admin-thresholds-hint",
        ),
        ("/admin/calendar", "admin-calendar", "admin-calendar-hint"),
        ("/admin/terms", "admin-terms", "admin-terms-hint"),
        ("/admin/settings", "admin-settings", "admin-settings-hint"),
        (
            "/admin/territories",
            "admin-territories",
            "admin-territories-hint",
        ),
        ("/admin/bodies", "admin-bodies", "admin-bodies-hint"),
        ("/admin/import", "admin-import", "admin-import-hint"),
        ("/admin/topics", "admin-topics", "admin-topics-index"),
        ("/admin/reasons", "reasons-title", "admin-reasons-hint"),
        ("/admin/councils", "found-title", "admin-councils-hint"),
        ("/roles", "roles-title", "admin-roles-hint"),
        ("/admin/changes", "admin-changes", "admin-changes-hint"),
        ("/rules/changes", "rules-changes-title", "admin-public-hint"),
    ];
    view! {
        <PageTitle text=locale.get_untracked().t("admin-title")/>
        <h1>{tr("admin-title")}</h1>
        <p class="lead">{tr("admin-lead")}</p>
        <ul class="link-list">
            {links.into_iter().map(|(path, title, hint)| {
                let l = locale.get_untracked();
                view! { <li><a href=href(l, path)>{l.t(title)}</a><br/><span class="hint">{l.t(hint)}</span></li> }
            }).collect_view()}
        </ul>
    }
}

/// A threshold's rule in words: "5 000 signatures" or "2% of the population", and the grade.
fn rule_text(l: Locale, rule: &ThresholdSetting) -> String {
    let amount = match (rule.signatures, rule.basis_points) {
        (Some(n), _) => l.t_with(
            "admin-rule-fixed",
            &[("count", l.number(n).into()), ("n", n.into())],
        ),
        (None, Some(bp)) => l.t_with("admin-rule-percent", &[("percent", percent(bp).into())]),
        (None, None) => String::new(),
    };
    format!("{amount} · {}", l.t(rule.grade.label_key()))
}

/// Hundredths of a percent as the form shows them: 200 → "2", 50 → "0.5", 125 → "1.25".
fn percent(bp: u32) -> String {
    let text = format!("{}.{:02}", bp / 100, bp % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The failure of the last save, as a notice above the forms (the per-row forms share it).
/// The name of a territory or a body in three languages, as a form's fields: what was typed
/// into a refused form, else `current`.
fn name_fields(ctx: &crate::components::form::FormCtx, current: Option<&Names>) -> impl IntoView {
    let typed = |field: &str, now: Option<&String>| ctx.value(field).or_else(|| now.cloned());
    view! {
        <Field name="name_kk" label="admin-name-kk" kind="text" error=ctx.error("name_kk") value=typed("name_kk", current.map(|c| &c.kk)) maxlength=200/>
        <Field name="name_ru" label="admin-name-ru" kind="text" error=ctx.error("name_ru") value=typed("name_ru", current.map(|c| &c.ru)) maxlength=200/>
        <Field name="name_en" label="admin-name-en" kind="text" error=ctx.error("name_en") value=typed("name_en", current.map(|c| &c.en)) maxlength=200/>
    }
}

/// The former names of a territory or a body, newest first, with their dates; `empty` when it
/// has none.
#[component]
fn NameHistory(names: Vec<crate::model::FormerName>, empty: &'static str) -> impl IntoView {
    let l = use_locale().get_untracked();
    let rows = names
        .iter()
        .rev()
        .map(|f| {
            view! {
                <tr>
                    <td>{f.names.get(l).to_owned()}</td>
                    <td>{f.valid_from.map(format_date).unwrap_or_else(|| "—".into())}</td>
                    <td>{format_date(f.valid_to)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="names-heading">
            <h2 id="names-heading">{l.t("admin-territory-history")}</h2>
            {if names.is_empty() {
                view! { <p>{l.t(empty)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table>
                        <caption class="visually-hidden">{l.t("admin-territory-history")}</caption>
                        <thead><tr>
                            <th scope="col">{l.t("admin-territory-name")}</th>
                            <th scope="col">{l.t("admin-territory-valid-from")}</th>
                            <th scope="col">{l.t("admin-territory-valid-to")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
}

/// What a refused form of a page of row forms typed in `field`, if the refused one is the row
/// whose `row.0` field is `row.1`.
fn typed_in_row(
    typed: Option<&crate::model::FormEcho>,
    path: &str,
    row: (&str, &str),
    field: &str,
) -> Option<String> {
    let echo = typed?;
    (echo.value(path, row.0)? == row.1)
        .then(|| echo.value(path, field))
        .flatten()
}

fn failure_notice(l: Locale, error: Option<AppError>) -> impl IntoView {
    error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(l)}</p> })
}

/// An admin page's head: its title and lead, the notice of a save just done, and the failure of
/// one refused (shared by the page's row forms).
#[component]
fn AdminHead(title: &'static str, lead: &'static str, error: Option<AppError>) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <PageTitle text=l.t(title)/>
        <h1>{tr(title)}</h1>
        <p class="lead">{tr(lead)}</p>
        <DoneNotice/>
        {failure_notice(l, error)}
    }
}

/// `/:lang/admin/thresholds`: how many signatures a petition needs, per kind and level of body.
#[component]
pub fn ThresholdsPage() -> impl IntoView {
    let locale = use_locale();
    let rows = Resource::new_blocking(|| (), |_| admin_thresholds());
    let error = failure::<SaveThreshold>();
    view! {
        <AdminHead title="admin-thresholds" lead="admin-thresholds-lead" error=error.clone()/>
        <Suspense fallback=|| ()>
            {move || {
                let failed = error.is_some();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let visitor = visitor().await;
                    let rows = match rows.await {
                        Ok(rows) => rows,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let typed = visitor.echo.clone().filter(|_| failed);
                    let echo = |id: i32, field: &str| {
                        typed_in_row(typed.as_ref(), "/api/admin/thresholds/save", ("id", &id.to_string()), field)
                    };
                    let forms = rows.into_iter().map(|row: ThresholdRow| {
                        let id = row.id;
                        let heading = format!("{} · {}", l.t(row.body_kind.label_key()), l.t(row.level.label_key()));
                        let signatures = echo(id, "signatures").unwrap_or_else(|| row.rule.signatures.map(|n| n.to_string()).unwrap_or_default());
                        let share = echo(id, "percent").unwrap_or_else(|| row.rule.basis_points.map(percent).unwrap_or_default());
                        let grade = echo(id, "grade").unwrap_or_else(|| row.rule.grade.as_str().to_owned());
                        let f = |name: &str| format!("t{id}-{name}");
                        view! {
                            <section class="panel" aria-labelledby=f("h")>
                                <h2 id=f("h")>{heading}</h2>
                                <p>{l.t("admin-now")}" "<strong>{rule_text(l, &row.rule)}</strong></p>
                                <form method="post" action="/api/admin/thresholds/save" class="form form-inline">
                                    <FormTokens csrf=visitor.csrf.clone()/>
                                    <input type="hidden" name="id" value=id/>
                                    <input type="hidden" name="version" value=row.version/>
                                    <div class="field"><label for=f("s")>{l.t("admin-signatures")}</label>
                                        <input id=f("s") name="signatures" inputmode="numeric" value=signatures/></div>
                                    <div class="field"><label for=f("p")>{l.t("admin-percent")}</label>
                                        <input id=f("p") name="percent" inputmode="decimal" value=share/></div>
                                    <div class="field"><label for=f("g")>{l.t("admin-grade")}</label>
                                        <select id=f("g") name="grade">
                                            {IdentityGrade::ALL.iter().map(|g| view! {
                                                <option value=g.as_str() selected=g.as_str() == grade>{l.t(g.label_key())}</option>
                                            }).collect_view()}
                                        </select></div>
                                    <button type="submit" class="button">{l.t("admin-save")}</button>
                                </form>
                            </section>
                        }
                    }).collect_view();
                    view! {
                        <p class="hint">{l.t("admin-thresholds-hint-form")}</p>
                        {forms}
                        <p><a href=href(l, "/rules/changes")>{l.t("rules-changes-title")}</a></p>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// `/:lang/admin/terms`: each clock's term per level, with its unit.
#[component]
pub fn TermsPage() -> impl IntoView {
    let locale = use_locale();
    let rows = Resource::new_blocking(|| (), |_| admin_terms());
    let error = failure::<SaveTerm>();
    view! {
        <AdminHead title="admin-terms" lead="admin-terms-lead" error=error.clone()/>
        <Suspense fallback=|| ()>
            {move || {
                let failed = error.is_some();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let visitor = visitor().await;
                    let rows = match rows.await {
                        Ok(rows) => rows,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let typed = visitor.echo.clone().filter(|_| failed);
                    let forms = rows.into_iter().map(|row: TermRow| {
                        let id = row.id;
                        let echo = |field: &str| {
                            typed_in_row(typed.as_ref(), "/api/admin/terms/save", ("id", &id.to_string()), field)
                        };
                        let level = if row.level == "any" {
                            l.t("admin-term-any-level")
                        } else {
                            crate::model::BodyLevel::parse(&row.level)
                                .map_or_else(|| row.level.clone(), |v| l.t(v.label_key()))
                        };
                        let heading = format!("{} · {level}", l.t(&format!("term-clock-{}", row.clock)));
                        let amount = echo("amount").unwrap_or_else(|| row.amount.to_string());
                        let unit = echo("unit").unwrap_or_else(|| row.unit.as_str().to_owned());
                        let f = |name: &str| format!("d{id}-{name}");
                        view! {
                            <section class="panel" aria-labelledby=f("h")>
                                <h2 id=f("h")>{heading}</h2>
                                <p>{l.t("admin-now")}" "<strong>{term_text(l, row.amount, row.unit)}</strong></p>
                                <form method="post" action="/api/admin/terms/save" class="form form-inline">
                                    <FormTokens csrf=visitor.csrf.clone()/>
                                    <input type="hidden" name="id" value=id/>
                                    <input type="hidden" name="version" value=row.version/>
                                    <div class="field"><label for=f("a")>{l.t("admin-term-amount")}</label>
                                        <input id=f("a") name="amount" inputmode="numeric" value=amount/></div>
                                    <div class="field"><label for=f("u")>{l.t("admin-term-unit")}</label>
                                        <select id=f("u") name="unit">
                                            {TermUnit::ALL.iter().map(|u| view! {
                                                <option value=u.as_str() selected=u.as_str() == unit>{l.t(u.label_key())}</option>
                                            }).collect_view()}
                                        </select></div>
                                    <button type="submit" class="button">{l.t("admin-save")}</button>
                                </form>
                            </section>
                        }
                    }).collect_view();
                    view! {
                        {forms}
                        <p><a href=href(l, "/rules/changes")>{l.t("rules-changes-title")}</a></p>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// A term in words: "20 working days".
fn term_text(l: Locale, amount: u32, unit: TermUnit) -> String {
    l.t_with(
        &format!("term-amount-{}", unit.as_str()),
        &[("n", amount.into())],
    )
}

/// `/:lang/admin/calendar` and `/:lang/admin/calendar/:year`: the holiday calendar of a year.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let year = move || {
        params
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
    };
    let calendar = Resource::new_blocking(year, admin_calendar);
    let removed = failure::<RemoveCalendarDay>();
    let filled = failure::<FillCalendarYear>();
    let added = failure::<AddCalendarDay>();
    view! {
        <AdminHead title="admin-calendar" lead="admin-calendar-lead" error=removed.or(filled)/>
        <Suspense fallback=|| ()>
            {move || {
                let added = added.clone();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let visitor = visitor().await;
                    let c = match calendar.await {
                        Ok(c) => c,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let year = c.year;
                    let rows = c.days.iter().map(|d| view! {
                        <tr>
                            <td>{format_date(d.day)}</td>
                            <td>{l.t(d.kind.label_key())}</td>
                            <td>{d.names.get(l).to_owned()}</td>
                            <td>
                                <form method="post" action="/api/admin/calendar/remove">
                                    <FormTokens csrf=visitor.csrf.clone()/>
                                    <input type="hidden" name="day" value=d.day.to_string()/>
                                    <button type="submit" class="button button-secondary"
                                        aria-label=l.t_with("admin-calendar-remove-day", &[("day", format_date(d.day).into())])>
                                        {l.t("admin-calendar-remove")}
                                    </button>
                                </form>
                            </td>
                        </tr>
                    }).collect_view();
                    let table = if c.days.is_empty() {
                        view! { <p>{l.t("admin-calendar-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap"><table>
                                <caption class="visually-hidden">{l.t_with("admin-calendar-of", &[("year", year.into())])}</caption>
                                <thead><tr>
                                    <th scope="col">{l.t("admin-calendar-day")}</th>
                                    <th scope="col">{l.t("admin-calendar-kind")}</th>
                                    <th scope="col">{l.t("admin-calendar-name")}</th>
                                    <th scope="col">{l.t("admin-calendar-action")}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                        }.into_any()
                    };
                    let fill = (c.previous_has_days).then(|| view! {
                        <form method="post" action="/api/admin/calendar/fill" class="form">
                            <FormTokens csrf=visitor.csrf.clone()/>
                            <input type="hidden" name="year" value=year/>
                            <p class="hint">{l.t_with("admin-calendar-fill-hint", &[("year", (year - 1).into())])}</p>
                            <button type="submit" class="button button-secondary">{l.t_with("admin-calendar-fill", &[("year", (year - 1).into())])}</button>
                        </form>
                    });
                    view! {
                        <nav class="pagination" aria-label=l.t("admin-calendar-years")>
                            <a rel="prev" href=href(l, &format!("/admin/calendar/{}", year - 1))>{year - 1}</a>
                            <span aria-current="page"><strong>{year}</strong></span>
                            <a rel="next" href=href(l, &format!("/admin/calendar/{}", year + 1))>{year + 1}</a>
                        </nav>
                        <h2>{l.t_with("admin-calendar-of", &[("year", year.into())])}</h2>
                        {table}
                        {fill}
                        <section class="panel" aria-labelledby="calendar-add-heading">
                            <h2 id="calendar-add-heading">{l.t("admin-calendar-add")}</h2>
                            <p class="hint">{l.t("admin-calendar-add-hint")}</p>
                            <PostForm action="/api/admin/calendar/add" error=added submit="admin-calendar-add" body=move |ctx| {
                                let kind = ctx.value("kind").unwrap_or_default();
                                view! {
                                    <input type="hidden" name="year" value=year/>
                                    <Field name="day" label="admin-calendar-day" kind="date" error=ctx.error("day") value=ctx.value("day")/>
                                    <div class="field">
                                        <label for="calendar-kind">{l.t("admin-calendar-kind")}</label>
                                        {ctx.error("kind").map(|e| view! { <p class="field-error">{e}</p> })}
                                        <select id="calendar-kind" name="kind">
                                            {DayKind::ALL.iter().map(|k| view! {
                                                <option value=k.as_str() selected=k.as_str() == kind>{l.t(k.label_key())}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    {name_fields(ctx, None)}
                                }
                            }/>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// `/:lang/admin/settings`: every platform setting with its meaning and allowed range.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    let settings = Resource::new_blocking(|| (), |_| admin_settings());
    let error = failure::<SaveSetting>();
    view! {
        <AdminHead title="admin-settings" lead="admin-settings-lead" error=error.clone()/>
        <Suspense fallback=|| ()>
            {move || {
                let failed = error.is_some();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let visitor = visitor().await;
                    let list = match settings.await {
                        Ok(list) => list,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let typed = visitor.echo.clone().filter(|_| failed);
                    let echo = |key: &str| {
                        typed_in_row(typed.as_ref(), "/api/admin/settings/save", ("key", key), "value")
                    };
                    list.into_iter().filter_map(|s| {
                        let rule = SettingRule::of(&s.key)?;
                        let id = format!("setting-{}", s.key.replace([':', '_'], "-"));
                        let meaning = match s.key.split_once(':') {
                            Some((_, slug)) => format!("{} ({slug})", l.t(&rule.meaning_key())),
                            None => l.t(&rule.meaning_key()),
                        };
                        let range = l.t_with("admin-setting-range", &[("min", rule.min.into()), ("max", rule.max.into())]);
                        let value = echo(&s.key).unwrap_or(s.value.clone());
                        Some(view! {
                            <form method="post" action="/api/admin/settings/save" class="form form-inline panel">
                                <FormTokens csrf=visitor.csrf.clone()/>
                                <input type="hidden" name="key" value=s.key.clone()/>
                                <input type="hidden" name="version" value=s.version/>
                                <div class="field">
                                    <label for=id.clone()>{meaning}</label>
                                    <p class="hint" id=format!("{id}-hint")><code>{s.key.clone()}</code>" · "{range}
                                        {rule.public.then(|| view! { " · "{l.t("admin-setting-public")} })}</p>
                                    <input id=id.clone() name="value" inputmode="numeric" value=value
                                        aria-describedby=format!("{id}-hint")/>
                                </div>
                                <button type="submit" class="button">{l.t("admin-save")}</button>
                            </form>
                        })
                    }).collect_view().into_any()
                })
            }}
        </Suspense>
    }
}

/// What a change is about, in words.
fn item_text(l: Locale, change: &ChangeView) -> String {
    match change.subject {
        ChangeSubject::Threshold => change.threshold_of().map_or_else(
            || change.item.clone(),
            |(kind, level)| format!("{} · {}", l.t(kind.label_key()), l.t(level.label_key())),
        ),
        ChangeSubject::CalendarDay => chrono::NaiveDate::parse_from_str(&change.item, "%Y-%m-%d")
            .map_or_else(|_| change.item.clone(), format_date),
        ChangeSubject::Term => match change.item.split_once('/') {
            Some((clock, "any")) => l.t(&format!("term-clock-{clock}")),
            Some((clock, level)) => format!(
                "{} · {}",
                l.t(&format!("term-clock-{clock}")),
                crate::model::BodyLevel::parse(level)
                    .map_or_else(|| level.to_owned(), |v| l.t(v.label_key()))
            ),
            None => change.item.clone(),
        },
        ChangeSubject::Territory
        | ChangeSubject::Body
        | ChangeSubject::Reason
        | ChangeSubject::Topic => change.item.clone(),
        ChangeSubject::Population => match change.item.split_once('/') {
            Some((kato, year)) => l.t_with(
                "changes-population-of",
                &[
                    ("kato", kato.to_owned().into()),
                    ("year", year.to_owned().into()),
                ],
            ),
            None => change.item.clone(),
        },
        ChangeSubject::Setting => SettingRule::of(&change.item).map_or_else(
            || change.item.clone(),
            |rule| match change.item.split_once(':') {
                Some((_, slug)) => format!("{} ({slug})", l.t(&rule.meaning_key())),
                None => l.t(&rule.meaning_key()),
            },
        ),
    }
}

/// A recorded value in words; none is "—".
fn value_text(l: Locale, value: Option<&RecordedValue>) -> String {
    match value {
        None => "—".into(),
        Some(RecordedValue::Threshold(rule)) => rule_text(l, rule),
        Some(RecordedValue::CalendarDay { kind, names }) => {
            format!("{}: {}", l.t(kind.label_key()), names.get(l))
        }
        Some(RecordedValue::Setting { value }) => value.clone(),
        Some(RecordedValue::Territory {
            names,
            valid_from,
            valid_to,
        }) => {
            let dates = match (valid_from, valid_to) {
                (None, None) => String::new(),
                (from, to) => format!(
                    " ({} – {})",
                    from.map(format_date).unwrap_or_default(),
                    to.map(format_date).unwrap_or_default()
                ),
            };
            format!("{}{dates}", names.get(l))
        }
        Some(RecordedValue::Population { count, source }) => {
            format!("{} ({source})", l.number(*count))
        }
        Some(RecordedValue::Term { amount, unit }) => term_text(l, *amount, *unit),
        Some(RecordedValue::Reason { names, active }) => {
            if *active {
                names.get(l).to_owned()
            } else {
                format!("{} ({})", names.get(l), l.t("admin-reason-retired"))
            }
        }
        Some(RecordedValue::Topic {
            names,
            local,
            ministry,
            active,
        }) => {
            let mut parts = vec![names.get(l).to_owned()];
            if *local {
                parts.push(l.t("admin-topic-local"));
            }
            if let Some(ministry) = ministry {
                parts.push(format!("{}: {ministry}", l.t("admin-topic-ministry")));
            }
            if !*active {
                parts.push(l.t("admin-reason-retired"));
            }
            parts.join("; ")
        }
        Some(RecordedValue::Body {
            names,
            parent,
            valid_to,
            successor,
            minimum_members,
        }) => {
            let mut parts = vec![names.get(l).to_owned()];
            if let Some(parent) = parent {
                parts.push(format!("{}: {parent}", l.t("admin-body-parent")));
            }
            if let Some(to) = valid_to {
                parts.push(format!(
                    "{}: {}",
                    l.t("admin-body-ended-on"),
                    format_date(*to)
                ));
            }
            if let Some(next) = successor {
                parts.push(format!("{} {next}", l.t("body-successor")));
            }
            if let Some(minimum) = minimum_members {
                parts.push(format!("{}: {minimum}", l.t("admin-council-minimum")));
            }
            parts.join("; ")
        }
    }
}

/// The record as a table; `who` adds the admin's name.
#[component]
fn ChangeTable(changes: Vec<ChangeView>, who: bool, caption: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    if changes.is_empty() {
        return view! { <p>{l.t("changes-none")}</p> }.into_any();
    }
    let rows = changes
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{kz_date(c.changed_at)}</td>
                    <td>{l.t(c.subject.label_key())}</td>
                    <td>{item_text(l, c)}</td>
                    <td>{value_text(l, c.old.as_ref())}</td>
                    <td>{value_text(l, c.new.as_ref())}</td>
                    {who.then(|| view! { <td>{c.actor.clone().unwrap_or_else(|| l.t("changes-command-line"))}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap"><table>
            <caption class="visually-hidden">{caption}</caption>
            <thead><tr>
                <th scope="col">{l.t("changes-date")}</th>
                <th scope="col">{l.t("changes-subject")}</th>
                <th scope="col">{l.t("changes-item")}</th>
                <th scope="col">{l.t("changes-before")}</th>
                <th scope="col">{l.t("changes-after")}</th>
                {who.then(|| view! { <th scope="col">{l.t("changes-who")}</th> })}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

/// The link to the next (older) page of the record, when this one is full.
fn older_link(l: Locale, path: &str, changes: &[ChangeView]) -> impl IntoView + use<> {
    let full = changes.len() >= 100;
    let last = changes.last().map(|c| c.id);
    let path = path.to_owned();
    (full && last.is_some()).then(|| {
        view! {
            <nav class="pagination" aria-label=l.t("changes-pages")>
                <a rel="next" href=format!("{}?before={}", href(l, &path), last.unwrap_or_default())>{l.t("changes-older")}</a>
            </nav>
        }
    })
}

fn before_param() -> impl Fn() -> Option<i64> + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("before").and_then(|b| b.parse().ok())
}

/// `/:lang/admin/changes`: every change on the record, with who made it.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let locale = use_locale();
    let changes = Resource::new_blocking(before_param(), admin_changes);
    view! {
        <PageTitle text=locale.get_untracked().t("admin-changes")/>
        <h1>{tr("admin-changes")}</h1>
        <p class="lead">{tr("admin-changes-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                match changes.await {
                    Ok(list) => view! {
                        <ChangeTable changes=list.clone() who=true caption=l.t("admin-changes")/>
                        {older_link(l, "/admin/changes", &list)}
                    }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/:lang/rules/changes`: the public record of changes to the rules citizens are held to.
#[component]
pub fn RuleChangesPage() -> impl IntoView {
    let locale = use_locale();
    let changes = Resource::new_blocking(before_param(), rule_changes);
    view! {
        <PageTitle text=locale.get_untracked().t("rules-changes-title")/>
        <h1>{tr("rules-changes-title")}</h1>
        <p class="lead">{tr("rules-changes-lead")}</p>
        <ul>
            <li>{tr("rules-changes-threshold")}</li>
            <li>{tr("rules-changes-calendar")}</li>
            <li>{tr("rules-changes-population")}</li>
            <li>{tr("rules-changes-settings")}</li>
            <li>{tr("rules-changes-terms")}</li>
            <li>{tr("rules-changes-support")}</li>
            <li>{tr("rules-changes-bodies")}</li>
            <li>{tr("rules-changes-prohibited")}</li>
        </ul>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                match changes.await {
                    Ok(list) => view! {
                        <ChangeTable changes=list.clone() who=false caption=l.t("rules-changes-title")/>
                        {older_link(l, "/rules/changes", &list)}
                    }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/:lang/admin/territories`: every territorial unit, and a form to add one.
#[component]
pub fn TerritoriesPage() -> impl IntoView {
    let locale = use_locale();
    let list = Resource::new_blocking(|| (), |_| admin_territories());
    let added = failure::<AddTerritory>();
    view! {
        <AdminHead title="admin-territories" lead="admin-territories-lead" error=None/>
        <Suspense fallback=|| ()>
            {move || {
                let added = added.clone();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let rows = match list.await {
                        Ok(rows) => rows,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let table = rows.iter().map(|r| {
                        let kato = r.territory.kato.clone();
                        view! {
                            <tr>
                                <td><a href=href(l, &format!("/admin/territories/{kato}"))>{kato.clone()}</a></td>
                                <td>{r.territory.names.get(l).to_owned()}</td>
                                <td>{l.t(r.territory.kind.label_key())}</td>
                                <td>{r.parent.clone().unwrap_or_default()}</td>
                                <td>{r.valid_to.map(format_date).unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <div class="table-wrap"><table>
                            <caption class="visually-hidden">{l.t("admin-territories")}</caption>
                            <thead><tr>
                                <th scope="col">{l.t("region-kato")}</th>
                                <th scope="col">{l.t("admin-territory-name")}</th>
                                <th scope="col">{l.t("admin-territory-kind")}</th>
                                <th scope="col">{l.t("admin-territory-parent")}</th>
                                <th scope="col">{l.t("admin-territory-valid-to")}</th>
                            </tr></thead>
                            <tbody>{table}</tbody>
                        </table></div>
                        <section class="panel" aria-labelledby="territory-add-heading">
                            <h2 id="territory-add-heading">{l.t("admin-territory-add")}</h2>
                            <PostForm action="/api/admin/territories/add" error=added submit="admin-territory-add" body=move |ctx| {
                                let kind = ctx.value("kind").unwrap_or_default();
                                view! {
                                    <Field name="kato" label="region-kato" kind="text" error=ctx.error("kato") value=ctx.value("kato") maxlength=12 hint="admin-territory-kato-hint"/>
                                    <div class="field">
                                        <label for="territory-kind">{l.t("admin-territory-kind")}</label>
                                        {ctx.error("kind").map(|e| view! { <p class="field-error">{e}</p> })}
                                        <select id="territory-kind" name="kind">
                                            {TerritoryKind::ALL.iter().map(|k| view! {
                                                <option value=k.as_str() selected=k.as_str() == kind>{l.t(k.label_key())}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <Field name="parent" label="admin-territory-parent" kind="text" error=ctx.error("parent") value=ctx.value("parent") maxlength=12 optional=true/>
                                    {name_fields(ctx, None)}
                                    <Field name="valid_from" label="admin-territory-valid-from" kind="date" error=ctx.error("valid_from") value=ctx.value("valid_from") optional=true/>
                                }
                            }/>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// `/:lang/admin/territories/:kato`: rename a unit, set its dates and populations; its
/// former names.
#[component]
pub fn TerritoryPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let kato = move || params.read().get("kato").unwrap_or_default();
    let unit = Resource::new_blocking(kato, admin_territory);
    let renamed = failure::<RenameTerritory>();
    let dated = failure::<TerritoryValidity>();
    let counted = failure::<TerritoryPopulation>();
    view! {
        <DoneNotice/>
        <Suspense fallback=|| ()>
            {move || {
                let (renamed, dated, counted) = (renamed.clone(), dated.clone(), counted.clone());
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let t = match unit.await {
                        Ok(t) => t,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let kato = t.territory.kato.clone();
                    let name = t.territory.names.get(l).to_owned();
                    let stamp = t.stamp.clone();
                    let current = t.territory.names.clone();
                    let populations = t.populations.iter().map(|p| view! {
                        <tr><td>{p.year}</td><td>{l.number(p.count)}</td><td>{p.source.clone()}</td></tr>
                    }).collect_view();
                    let (from, to) = (t.valid_from, t.valid_to);
                    let (k1, k2, k3, s1, s2) = (kato.clone(), kato.clone(), kato.clone(), stamp.clone(), stamp);
                    view! {
                        <PageTitle text=name.clone()/>
                        <p class="eyebrow">{l.t(t.territory.kind.label_key())}" · "{kato.clone()}</p>
                        <h1>{name}</h1>
                        {t.parent.as_ref().map(|p| view! {
                            <p>{l.t("admin-territory-parent")}": "
                                <a href=href(l, &format!("/admin/territories/{}", p.kato))>{p.names.get(l).to_owned()}</a></p>
                        })}
                        <NameHistory names=t.former_names.clone() empty="admin-territory-no-history"/>
                        <section class="panel" aria-labelledby="rename-heading">
                            <h2 id="rename-heading">{l.t("admin-territory-rename")}</h2>
                            <p class="hint">{l.t("admin-territory-rename-hint")}</p>
                            <PostForm action="/api/admin/territories/rename" error=renamed submit="admin-territory-rename" body=move |ctx| view! {
                                <input type="hidden" name="kato" value=k1.clone()/>
                                <input type="hidden" name="stamp" value=s1.clone()/>
                                {name_fields(ctx, Some(&current))}
                                <Field name="from" label="admin-territory-rename-from" kind="date" error=ctx.error("from") value=ctx.value("from")/>
                            }/>
                        </section>
                        <section class="panel" aria-labelledby="dates-heading">
                            <h2 id="dates-heading">{l.t("admin-territory-dates")}</h2>
                            <p class="hint">{l.t("admin-territory-dates-hint")}</p>
                            <PostForm action="/api/admin/territories/validity" error=dated submit="admin-save" body=move |ctx| view! {
                                <input type="hidden" name="kato" value=k2.clone()/>
                                <input type="hidden" name="stamp" value=s2.clone()/>
                                <Field name="valid_from" label="admin-territory-valid-from" kind="date" error=ctx.error("valid_from") value=ctx.value("valid_from").or(from.map(|d| d.to_string())) optional=true/>
                                <Field name="valid_to" label="admin-territory-valid-to" kind="date" error=ctx.error("valid_to") value=ctx.value("valid_to").or(to.map(|d| d.to_string())) optional=true/>
                            }/>
                        </section>
                        <section class="panel" aria-labelledby="population-heading">
                            <h2 id="population-heading">{l.t("admin-territory-population")}</h2>
                            <p class="hint">{l.t("admin-territory-population-hint")}</p>
                            {(!t.populations.is_empty()).then(|| view! {
                                <div class="table-wrap"><table>
                                    <caption class="visually-hidden">{l.t("admin-territory-population")}</caption>
                                    <thead><tr>
                                        <th scope="col">{l.t("admin-population-year")}</th>
                                        <th scope="col">{l.t("admin-population-count")}</th>
                                        <th scope="col">{l.t("admin-population-source")}</th>
                                    </tr></thead>
                                    <tbody>{populations}</tbody>
                                </table></div>
                            })}
                            <PostForm action="/api/admin/territories/population" error=counted submit="admin-save" body=move |ctx| view! {
                                <input type="hidden" name="kato" value=k3.clone()/>
                                <Field name="year" label="admin-population-year" kind="number" error=ctx.error("year") value=ctx.value("year")/>
                                <Field name="count" label="admin-population-count" kind="text" error=ctx.error("count") value=ctx.value("count")/>
                                <Field name="source" label="admin-population-source" kind="text" error=ctx.error("source") value=ctx.value("source") maxlength=200/>
                            }/>
                        </section>
                        {(!t.children.is_empty()).then(|| view! {
                            <h2>{l.t("admin-territory-children")}</h2>
                            <ul class="link-list">
                                {t.children.iter().map(|c| view! {
                                    <li><a href=href(l, &format!("/admin/territories/{}", c.kato))>{c.names.get(l).to_owned()}</a>" · "{c.kato.clone()}</li>
                                }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
