//! `/:lang/admin/topics`: the topic catalogue an admin keeps — add a topic; and for each one
//! its name, whether it is usually a local matter, the ministry that answers for it, its place
//! in the lists, and whether it is still offered. The filing page's suggestions follow.

use leptos::prelude::*;

use super::{AdminHead, name_fields, typed_in_row};
use crate::api::admin::{AddTopic, SaveTopic, admin_topics};
use crate::components::account::visitor;
use crate::components::form::{Field, FormTokens, PostForm, failure};
use crate::i18n::{Locale, use_locale};
use crate::model::{BodySummary, TopicRow};
use crate::pages::LoadError;

const SAVE: &str = "/api/admin/topics/save";

/// The options of a ministry select: none, then each ministry in force.
fn ministry_options(l: Locale, ministries: &[BodySummary], chosen: &str) -> impl IntoView + use<> {
    view! {
        <option value="">{l.t("admin-topic-no-ministry")}</option>
        {ministries.iter().map(|b| view! {
            <option value=b.slug.clone() selected=b.slug == chosen>{b.names.get(l).to_owned()}</option>
        }).collect_view()}
    }
}

/// `/:lang/admin/topics`.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new_blocking(|| (), |_| admin_topics());
    let added = failure::<AddTopic>();
    let error = failure::<SaveTopic>();
    view! {
        <AdminHead title="admin-topics" lead="admin-topics-lead" error=error.clone()/>
        <Suspense fallback=|| ()>
            {move || {
                let (added, failed) = (added.clone(), error.is_some());
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let visitor = visitor().await;
                    let data = match data.await {
                        Ok(data) => data,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    let typed = visitor.echo.clone().filter(|_| failed);
                    let ministries = data.ministries.clone();
                    let forms = data.topics.into_iter().map(|t: TopicRow| {
                        let code = t.code.clone();
                        // What a refused form typed, unless another admin changed the topic since:
                        // then the row shows what is saved now, so nothing is overwritten unseen.
                        let version = t.version.to_string();
                        let refused = typed_in_row(typed.as_ref(), SAVE, ("code", &code), "version")
                            .is_some_and(|v| v == version);
                        let echo = |field: &str| {
                            typed_in_row(typed.as_ref(), SAVE, ("code", &code), field).filter(|_| refused)
                        };
                        let name = |field: &str, now: &str| echo(field).unwrap_or_else(|| now.to_owned());
                        let (kk, ru, en) = (name("name_kk", &t.names.kk), name("name_ru", &t.names.ru), name("name_en", &t.names.en));
                        let local = if refused { echo("local").is_some() } else { t.local };
                        let active = if refused { echo("active").is_some() } else { t.active };
                        let ministry = echo("ministry").unwrap_or_else(|| t.ministry.clone().unwrap_or_default());
                        let position = echo("position").unwrap_or_else(|| t.position.to_string());
                        let f = |name: &str| format!("topic-{code}-{name}");
                        let heading = if t.active {
                            t.names.get(l).to_owned()
                        } else {
                            format!("{} ({})", t.names.get(l), l.t("admin-reason-retired"))
                        };
                        view! {
                            <section class="panel" aria-labelledby=f("h")>
                                <h2 id=f("h")>{heading}" "<code>{code.clone()}</code></h2>
                                <form method="post" action=SAVE class="form">
                                    <FormTokens csrf=visitor.csrf.clone()/>
                                    <input type="hidden" name="code" value=code.clone()/>
                                    <input type="hidden" name="version" value=t.version/>
                                    <div class="field"><label for=f("kk")>{l.t("admin-name-kk")}</label>
                                        <input id=f("kk") name="name_kk" required maxlength="200" value=kk/></div>
                                    <div class="field"><label for=f("ru")>{l.t("admin-name-ru")}</label>
                                        <input id=f("ru") name="name_ru" required maxlength="200" value=ru/></div>
                                    <div class="field"><label for=f("en")>{l.t("admin-name-en")}</label>
                                        <input id=f("en") name="name_en" required maxlength="200" value=en/></div>
                                    <div class="field"><label for=f("m")>{l.t("admin-topic-ministry")}</label>
                                        <select id=f("m") name="ministry">{ministry_options(l, &ministries, &ministry)}</select></div>
                                    <div class="field"><label for=f("p")>{l.t("admin-topic-position")}</label>
                                        <input id=f("p") name="position" inputmode="numeric" maxlength="5" value=position/></div>
                                    <div class="check"><input type="checkbox" id=f("l") name="local" value="on" checked=local/>
                                        <label for=f("l")>{l.t("admin-topic-local")}</label></div>
                                    <div class="check"><input type="checkbox" id=f("a") name="active" value="on" checked=active/>
                                        <label for=f("a")>{l.t("admin-topic-active")}</label></div>
                                    <button type="submit" class="button">{l.t("admin-save")}</button>
                                </form>
                            </section>
                        }
                    }).collect_view();
                    let choices = data.ministries;
                    view! {
                        <section class="panel" aria-labelledby="topic-add-heading">
                            <h2 id="topic-add-heading">{l.t("admin-topic-add")}</h2>
                            <PostForm action="/api/admin/topics/add" error=added submit="admin-topic-add" body=move |ctx| {
                                let ministry = ctx.value("ministry").unwrap_or_default();
                                view! {
                                    <Field name="code" label="admin-topic-code" kind="text" error=ctx.error("code") value=ctx.value("code") maxlength=32 hint="admin-topic-code-hint"/>
                                    {name_fields(ctx, None)}
                                    <div class="field"><label for="topic-new-ministry">{l.t("admin-topic-ministry")}</label>
                                        {ctx.error("ministry").map(|e| view! { <p class="field-error">{e}</p> })}
                                        <select id="topic-new-ministry" name="ministry">{ministry_options(l, &choices, &ministry)}</select></div>
                                    <Field name="position" label="admin-topic-position" kind="text" error=ctx.error("position") value=ctx.value("position") maxlength=5 hint="admin-topic-position-hint" optional=true/>
                                    <div class="check"><input type="checkbox" id="topic-new-local" name="local" value="on" checked=ctx.value("local").is_some()/>
                                        <label for="topic-new-local">{l.t("admin-topic-local")}</label></div>
                                }
                            }/>
                        </section>
                        <p class="hint">{l.t("admin-topics-hint")}</p>
                        {forms}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
