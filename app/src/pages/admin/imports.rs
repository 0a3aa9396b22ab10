//! `/:lang/admin/import`: CSV export of territories, bodies and populations, and the upload of
//! a file to import; `/:lang/admin/imports/:id`: an upload's dry run (what each row would change,
//! or every wrong row with the reason) and, when it is clean, the button that applies it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::value_text;
use crate::api::admin::{ApplyImport, admin_import, admin_imports};
use crate::components::account::visitor;
use crate::components::case::UploadNotice;
use crate::components::form::{DoneNotice, FormTokens, PostForm, failure};
use crate::components::links::href;
use crate::i18n::{Locale, tr, use_locale};
use crate::model::{ImportAction, ImportKind, ImportView};
use crate::pages::{LoadError, PageTitle};

fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    crate::components::case::kz_date(at)
}

/// Where an upload stands, in words.
fn state_text(l: Locale, import: &ImportView) -> String {
    if !import.report.problems.is_empty() {
        l.t("admin-import-refused")
    } else if import.applied_at.is_some() {
        l.t("admin-import-done")
    } else {
        l.t("admin-import-ready")
    }
}

/// `/:lang/admin/import`: export, upload, and the latest uploads.
#[component]
pub fn ImportPage() -> impl IntoView {
    let locale = use_locale();
    let recent = Resource::new_blocking(|| (), |_| admin_imports());
    view! {
        <PageTitle text=locale.get_untracked().t("admin-import")/>
        <h1>{tr("admin-import")}</h1>
        <p class="lead">{tr("admin-import-lead")}</p>
        <UploadNotice/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let uploads = match recent.await {
                    Ok(rows) => rows,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let visitor = visitor().await;
                let exports = ImportKind::ALL.iter().map(|k| {
                    let columns = crate::model::import_columns(*k).join(", ");
                    view! {
                        <li>
                            <a href=format!("/api/admin/export/{}", k.as_str()) download=format!("dauys-{}.csv", k.as_str())>{l.t(k.label_key())}</a>
                            <br/><span class="hint">{l.t("admin-import-columns")}" "<code>{columns}</code></span>
                        </li>
                    }
                }).collect_view();
                let rows = uploads.iter().map(|u| view! {
                    <tr>
                        <td><a href=href(l, &format!("/admin/imports/{}", u.id))>{u.file_name.clone()}</a></td>
                        <td>{l.t(u.kind.label_key())}</td>
                        <td>{when(u.created_at)}</td>
                        <td>{state_text(l, u)}</td>
                    </tr>
                }).collect_view();
                view! {
                    <section class="panel" aria-labelledby="export-heading">
                        <h2 id="export-heading">{l.t("admin-export")}</h2>
                        <p class="hint">{l.t("admin-export-hint")}</p>
                        <ul class="link-list">{exports}</ul>
                    </section>
                    <section class="panel" aria-labelledby="upload-heading">
                        <h2 id="upload-heading">{l.t("admin-import-upload")}</h2>
                        <p class="hint">{l.t("admin-import-rules")}</p>
                        <form method="post" action="/api/admin/imports" enctype="multipart/form-data" class="form">
                            <FormTokens csrf=visitor.csrf.clone()/>
                            <div class="field">
                                <label for="import-kind">{l.t("admin-import-kind")}</label>
                                <select id="import-kind" name="kind">
                                    {ImportKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{l.t(k.label_key())}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="import-file">{l.t("admin-import-file")}</label>
                                <input type="file" id="import-file" name="file" accept=".csv,text/csv" required/>
                            </div>
                            <button type="submit" class="button">{l.t("admin-import-check")}</button>
                        </form>
                    </section>
                    {(!uploads.is_empty()).then(|| view! {
                        <h2>{l.t("admin-import-recent")}</h2>
                        <div class="table-wrap"><table>
                            <caption class="visually-hidden">{l.t("admin-import-recent")}</caption>
                            <thead><tr>
                                <th scope="col">{l.t("admin-import-file")}</th>
                                <th scope="col">{l.t("admin-import-kind")}</th>
                                <th scope="col">{l.t("admin-import-uploaded")}</th>
                                <th scope="col">{l.t("admin-import-state")}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table></div>
                    })}
                }.into_any()
            })}
        </Suspense>
    }
}

/// `/:lang/admin/imports/:id`: the dry run, and the button that applies a clean one.
#[component]
pub fn ImportReportPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let import = Resource::new_blocking(id, admin_import);
    let applied = failure::<ApplyImport>();
    view! {
        <DoneNotice/>
        <Suspense fallback=|| ()>
            {move || {
                let applied = applied.clone();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let import = match import.await {
                        Ok(i) => i,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let title = l.t_with("admin-import-title", &[("file", import.file_name.clone().into())]);
                    let count = |a: ImportAction| import.report.lines.iter().filter(|x| x.action == a).count();
                    let (added, changed, same) = (count(ImportAction::Add), count(ImportAction::Change), count(ImportAction::Same));
                    let refused = !import.report.problems.is_empty();
                    let problems = import.report.problems.iter().map(|p| view! {
                        <tr>
                            <td>{if p.line == 0 { "—".to_owned() } else { p.line.to_string() }}</td>
                            <td>{p.column.clone().unwrap_or_default()}</td>
                            <td>{l.t(&p.key)}</td>
                        </tr>
                    }).collect_view();
                    let lines = import.report.lines.iter().filter(|x| x.action != ImportAction::Same).map(|x| view! {
                        <tr>
                            <td>{x.line}</td>
                            <td>{x.item.clone()}</td>
                            <td>{l.t(x.action.label_key())}</td>
                            <td>{value_text(l, x.before.as_ref())}</td>
                            <td>{value_text(l, x.after.as_ref())}</td>
                        </tr>
                    }).collect_view();
                    let id = import.id;
                    let can_apply = !refused && import.applied_at.is_none() && added + changed > 0;
                    view! {
                        <PageTitle text=title.clone()/>
                        <p class="eyebrow"><a href=href(l, "/admin/import")>{l.t("admin-import")}</a></p>
                        <h1>{title}</h1>
                        <dl class="facts">
                            <dt>{l.t("admin-import-kind")}</dt><dd>{l.t(import.kind.label_key())}</dd>
                            <dt>{l.t("admin-import-uploaded")}</dt><dd>{when(import.created_at)}</dd>
                            <dt>{l.t("admin-import-state")}</dt><dd>{state_text(l, &import)}</dd>
                        </dl>
                        {if refused {
                            view! {
                                <p class="notice notice-error" role="alert">{l.t("admin-import-refused-lead")}</p>
                                <div class="table-wrap"><table>
                                    <caption>{l.t("admin-import-problems")}</caption>
                                    <thead><tr>
                                        <th scope="col">{l.t("admin-import-line")}</th>
                                        <th scope="col">{l.t("admin-import-column")}</th>
                                        <th scope="col">{l.t("admin-import-problem")}</th>
                                    </tr></thead>
                                    <tbody>{problems}</tbody>
                                </table></div>
                            }.into_any()
                        } else {
                            view! {
                                <p>{l.t_with("admin-import-summary", &[
                                    ("added", added.into()),
                                    ("changed", changed.into()),
                                    ("same", same.into()),
                                ])}</p>
                                {can_apply.then(|| view! {
                                    <PostForm action="/api/admin/imports/apply" error=applied submit="admin-import-apply" body=move |_| view! {
                                        <input type="hidden" name="id" value=id.to_string()/>
                                    }/>
                                })}
                                {(added + changed > 0).then(|| view! {
                                    <div class="table-wrap"><table>
                                        <caption>{l.t("admin-import-changes")}</caption>
                                        <thead><tr>
                                            <th scope="col">{l.t("admin-import-line")}</th>
                                            <th scope="col">{l.t("admin-import-item")}</th>
                                            <th scope="col">{l.t("admin-import-action")}</th>
                                            <th scope="col">{l.t("changes-before")}</th>
                                            <th scope="col">{l.t("changes-after")}</th>
                                        </tr></thead>
                                        <tbody>{lines}</tbody>
                                    </table></div>
                                })}
                            }.into_any()
                        }}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
