//! `/:lang/admin/bodies`: the bodies an admin keeps — add one; and one body's page: rename it
//! (its names kept with their dates), move it under another parent, set a council's own
//! minimum of voting members, end it with a successor that takes over what awaits it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{AdminHead, NameHistory, name_fields};
use crate::api::admin::{
    AddBody, CouncilMinimum, EndBody, MoveBody, RenameBody, admin_bodies, admin_body,
};
use crate::components::form::{DoneNotice, Field, PostForm, failure};
use crate::components::links::{BodyLink, href};
use crate::i18n::{Locale, format_date, use_locale};
use crate::model::{BodyKind, BodyLevel, BodyRow, BodySummary};
use crate::pages::{LoadError, PageTitle};

/// A choice of one body by slug, labelled, with its error; `none` adds an empty first choice.
#[component]
fn BodySelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    options: Vec<BodySummary>,
    selected: String,
    error: Option<String>,
    #[prop(optional)] none: Option<&'static str>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{l.t(label)}</label>
            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <select id=id name=name aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())>
                {none.map(|key| view! { <option value="">{l.t(key)}</option> })}
                {options.into_iter().map(|b| {
                    let chosen = b.slug == selected;
                    view! {
                        <option value=b.slug.clone() selected=chosen>
                            {format!("{} · {}", b.names.get(l), b.slug)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A stored-enum choice (kind, level), labelled.
#[allow(clippy::too_many_arguments)]
fn enum_select<T: Copy + 'static>(
    l: Locale,
    id: &'static str,
    name: &'static str,
    label: &'static str,
    all: &'static [T],
    parts: fn(T) -> (&'static str, &'static str),
    selected: String,
    error: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{l.t(label)}</label>
            {error.map(|e| view! { <p class="field-error">{e}</p> })}
            <select id=id name=name>
                {all.iter().map(|v| {
                    let (value, key) = parts(*v);
                    view! { <option value=value selected=value == selected>{l.t(key)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn in_force(rows: &[BodyRow]) -> Vec<BodySummary> {
    rows.iter()
        .filter(|r| r.valid_to.is_none())
        .map(|r| r.body.clone())
        .collect()
}

/// `/:lang/admin/bodies`: every body, and a form to add one.
#[component]
pub fn BodiesPage() -> impl IntoView {
    let locale = use_locale();
    let list = Resource::new_blocking(|| (), |_| admin_bodies());
    let added = failure::<AddBody>();
    view! {
        <AdminHead title="admin-bodies" lead="admin-bodies-lead" error=None/>
        <Suspense fallback=|| ()>
            {move || {
                let added = added.clone();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let rows = match list.await {
                        Ok(rows) => rows,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let parents = in_force(&rows);
                    let table = rows.iter().map(|r| {
                        let slug = r.body.slug.clone();
                        view! {
                            <tr>
                                <td><a href=href(l, &format!("/admin/bodies/{slug}"))>{r.body.names.get(l).to_owned()}</a></td>
                                <td>{l.t(r.body.kind.label_key())}</td>
                                <td>{r.territory.names.get(l).to_owned()}</td>
                                <td>{r.parent.clone().unwrap_or_default()}</td>
                                <td>{r.valid_to.map(format_date).unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <section class="panel" aria-labelledby="body-add-heading">
                            <h2 id="body-add-heading">{l.t("admin-body-add")}</h2>
                            <PostForm action="/api/admin/bodies/add" error=added submit="admin-body-add" body=move |ctx| {
                                view! {
                                    <Field name="slug" label="admin-body-slug" kind="text" error=ctx.error("slug") value=ctx.value("slug") maxlength=80 hint="admin-body-slug-hint"/>
                                    {enum_select(l, "body-kind", "kind", "body-kind", BodyKind::ALL, |k| (k.as_str(), k.label_key()), ctx.value("kind").unwrap_or_default(), ctx.error("kind"))}
                                    {enum_select(l, "body-level", "level", "body-level", BodyLevel::ALL, |k| (k.as_str(), k.label_key()), ctx.value("level").unwrap_or_default(), ctx.error("level"))}
                                    <BodySelect id="body-parent" name="parent" label="admin-body-parent" options=parents.clone()
                                        selected=ctx.value("parent").unwrap_or_default() error=ctx.error("parent") none="admin-body-no-parent"/>
                                    <Field name="territory" label="admin-body-territory" kind="text" error=ctx.error("territory") value=ctx.value("territory") maxlength=12 hint="admin-body-territory-hint"/>
                                    {name_fields(ctx, None)}
                                    <Field name="valid_from" label="admin-territory-valid-from" kind="date" error=ctx.error("valid_from") value=ctx.value("valid_from") optional=true/>
                                }
                            }/>
                        </section>
                        <div class="table-wrap"><table>
                            <caption class="visually-hidden">{l.t("admin-bodies")}</caption>
                            <thead><tr>
                                <th scope="col">{l.t("admin-territory-name")}</th>
                                <th scope="col">{l.t("body-kind")}</th>
                                <th scope="col">{l.t("body-territory")}</th>
                                <th scope="col">{l.t("admin-body-parent")}</th>
                                <th scope="col">{l.t("admin-body-ended-on")}</th>
                            </tr></thead>
                            <tbody>{table}</tbody>
                        </table></div>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// `/:lang/admin/bodies/:slug`: rename, move, a council's minimum, end with a successor.
#[component]
pub fn BodyAdminPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let one = Resource::new_blocking(slug, admin_body);
    let list = Resource::new_blocking(|| (), |_| admin_bodies());
    let renamed = failure::<RenameBody>();
    let moved = failure::<MoveBody>();
    let minimum = failure::<CouncilMinimum>();
    let ended = failure::<EndBody>();
    view! {
        <DoneNotice/>
        <Suspense fallback=|| ()>
            {move || {
                let (renamed, moved, minimum, ended) = (renamed.clone(), moved.clone(), minimum.clone(), ended.clone());
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let (b, rows) = match (one.await, list.await) {
                        (Ok(b), Ok(rows)) => (b, rows),
                        (Err(e), _) | (_, Err(e)) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let slug = b.body.slug.clone();
                    let name = b.body.names.get(l).to_owned();
                    let current = b.body.names.clone();
                    let others: Vec<BodySummary> = in_force(&rows).into_iter().filter(|o| o.slug != slug).collect();
                    let successors: Vec<BodySummary> = others.iter().filter(|o| o.kind == b.body.kind).cloned().collect();
                    let parent_slug = b.parent.as_ref().map(|p| p.slug.clone()).unwrap_or_default();
                    let is_council = b.body.kind == BodyKind::PublicCouncil;
                    let (key, stamp) = (b.body.slug.clone(), b.stamp.clone());
                    let hidden = || {
                        let (slug, stamp) = (key.clone(), stamp.clone());
                        move || view! {
                            <input type="hidden" name="slug" value=slug.clone()/>
                            <input type="hidden" name="stamp" value=stamp.clone()/>
                        }
                    };
                    let (h1, h2, h3, h4) = (hidden(), hidden(), hidden(), hidden());
                    let (default_minimum, own_minimum) = (b.default_minimum, b.minimum_members);
                    let open_line = l.t_with("admin-body-open", &[
                        ("cases", l.number(b.open_cases).into()),
                        ("petitions", l.number(b.open_petitions).into()),
                    ]);
                    view! {
                        <PageTitle text=name.clone()/>
                        <p class="eyebrow">{l.t(b.body.kind.label_key())}" · "{l.t(b.body.level.label_key())}" · "{slug.clone()}</p>
                        <h1>{name}</h1>
                        <p><a href=href(l, &crate::components::links::body_path(&b.body))>{l.t("admin-body-public-page")}</a></p>
                        <dl class="facts">
                            <dt>{l.t("body-territory")}</dt>
                            <dd>{b.territory.names.get(l).to_owned()}" · "{b.territory.kato.clone()}</dd>
                            {b.parent.clone().map(|p| view! {
                                <dt>{l.t("admin-body-parent")}</dt>
                                <dd><a href=href(l, &format!("/admin/bodies/{}", p.slug))>{p.names.get(l).to_owned()}</a></dd>
                            })}
                            {b.valid_from.map(|d| view! { <dt>{l.t("admin-territory-valid-from")}</dt><dd>{format_date(d)}</dd> })}
                            {b.valid_to.map(|d| view! { <dt>{l.t("admin-body-ended-on")}</dt><dd>{format_date(d)}</dd> })}
                            {b.successor.clone().map(|s| view! { <dt>{l.t("body-successor")}</dt><dd><BodyLink body=s/></dd> })}
                            <dt>{l.t("admin-body-awaiting")}</dt>
                            <dd>{open_line}</dd>
                        </dl>
                        <NameHistory names=b.former_names.clone() empty="admin-body-no-history"/>
                        <section class="panel" aria-labelledby="rename-heading">
                            <h2 id="rename-heading">{l.t("admin-territory-rename")}</h2>
                            <p class="hint">{l.t("admin-body-rename-hint")}</p>
                            <PostForm action="/api/admin/bodies/rename" error=renamed submit="admin-territory-rename" body=move |ctx| view! {
                                {h1()}
                                {name_fields(ctx, Some(&current))}
                                <Field name="from" label="admin-territory-rename-from" kind="date" error=ctx.error("from") value=ctx.value("from")/>
                            }/>
                        </section>
                        <section class="panel" aria-labelledby="move-heading">
                            <h2 id="move-heading">{l.t("admin-body-move")}</h2>
                            <p class="hint">{l.t("admin-body-move-hint")}</p>
                            <PostForm action="/api/admin/bodies/move" error=moved submit="admin-body-move" body=move |ctx| view! {
                                {h2()}
                                <BodySelect id="move-parent" name="parent" label="admin-body-parent" options=others.clone()
                                    selected=ctx.value("parent").unwrap_or_else(|| parent_slug.clone()) error=ctx.error("parent") none="admin-body-no-parent"/>
                            }/>
                        </section>
                        {is_council.then(|| view! {
                            <section class="panel" aria-labelledby="minimum-heading">
                                <h2 id="minimum-heading">{l.t("admin-council-minimum")}</h2>
                                <p class="hint">{l.t_with("admin-council-minimum-hint", &[("n", default_minimum.into())])}</p>
                                <PostForm action="/api/admin/bodies/minimum" error=minimum submit="admin-save" body=move |ctx| view! {
                                    {h3()}
                                    <Field name="minimum" label="admin-council-minimum" kind="number" error=ctx.error("minimum")
                                        value=ctx.value("minimum").or(own_minimum.map(|m| m.to_string())) optional=true/>
                                }/>
                            </section>
                        })}
                        {b.valid_to.is_none().then(|| view! {
                            <section class="panel" aria-labelledby="end-heading">
                                <h2 id="end-heading">{l.t("admin-body-end")}</h2>
                                <p class="hint">{l.t("admin-body-end-hint")}</p>
                                <PostForm action="/api/admin/bodies/end" error=ended submit="admin-body-end" body=move |ctx| view! {
                                    {h4()}
                                    <BodySelect id="end-successor" name="successor" label="body-successor" options=successors.clone()
                                        selected=ctx.value("successor").unwrap_or_default() error=ctx.error("successor") none="admin-body-choose"/>
                                    <Field name="on" label="admin-body-ended-on" kind="date" error=ctx.error("on") value=ctx.value("on")/>
                                }/>
                            </section>
                        })}
                        {(!b.children.is_empty()).then(|| view! {
                            <h2>{l.t("body-children")}</h2>
                            <ul class="link-list">
                                {b.children.iter().map(|c| view! {
                                    <li><a href=href(l, &format!("/admin/bodies/{}", c.slug))>{c.names.get(l).to_owned()}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
