//! `/:lang/admin/councils`: an admin founds a public council for a ministry, akimat or
//! quasi-public entity that has none; its secretary is then granted on the roles page.

use leptos::prelude::*;

use crate::api::councils::{FoundCouncil, councils_to_found};
use crate::components::form::{Field, PostForm, failure};
use crate::components::links::href;
use crate::i18n::{tr, use_locale};
use crate::pages::{LoadError, PageTitle};

/// `/:lang/admin/councils`.
#[component]
pub fn FoundCouncilPage() -> impl IntoView {
    let locale = use_locale();
    let bodies = Resource::new_blocking(|| (), |_| councils_to_found());
    let error = failure::<FoundCouncil>();
    view! {
        <PageTitle text=locale.get_untracked().t("found-title")/>
        <h1>{tr("found-title")}</h1>
        <p class="lead">{tr("found-lead")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let error = error.clone();
                Suspend::new(async move {
                    let l = locale.get_untracked();
                    let bodies = match bodies.await {
                        Ok(list) => list,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    if bodies.is_empty() {
                        // A refusal still shows when nothing is left to found a council for.
                        return view! {
                            {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(l)}</p> })}
                            <p class="hint">{l.t("found-none")}</p>
                        }.into_any();
                    }
                    view! {
                        <PostForm action="/api/councils/found" error=error submit="found-submit" body=move |ctx| {
                            let chosen = ctx.value("body").unwrap_or_default();
                            view! {
                                <div class="field">
                                    <label for="found-body">{l.t("found-body")}</label>
                                    {ctx.error("body").map(|e| view! { <p class="field-error" id="found-body-error">{e}</p> })}
                                    <select id="found-body" name="body" required>
                                        <option value="">{l.t("found-body-choose")}</option>
                                        {bodies.iter().map(|b| {
                                            let selected = b.slug == chosen;
                                            view! { <option value=b.slug.clone() selected=selected>{b.names.get(l).to_owned()}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <Field name="name_kk" label="found-name-kk" kind="text" error=ctx.error("name_kk") value=ctx.value("name_kk") maxlength=300/>
                                <Field name="name_ru" label="found-name-ru" kind="text" error=ctx.error("name_ru") value=ctx.value("name_ru") maxlength=300/>
                                <Field name="name_en" label="found-name-en" kind="text" error=ctx.error("name_en") value=ctx.value("name_en") maxlength=300/>
                            }
                        }/>
                        <p><a href=href(l, "/roles")>{l.t("found-then-roles")}</a></p>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
