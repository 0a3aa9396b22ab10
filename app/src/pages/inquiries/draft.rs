//! `/:lang/inquiries/new` and `/:lang/inquiries/:id/edit`: the deputy's office drafts an
//! inquiry — the deputy it is for (when the person works in several offices), the addressee
//! within the maslikhat's reach, topic, territory, text, the petition it is based on, the
//! deputies who join it and a private note — and lists the office's drafts.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::inquiries::{SaveInquiry, inquiry_drafting};
use crate::components::form::{PostForm, failure, topic_options};
use crate::i18n::{tr, use_locale};
use crate::model::{DraftFor, InquiryDraft, InquirySummary, TopicView};
use crate::pages::{LoadError, PageTitle};

use super::InquiryTable;

/// The page: a new draft without `:id`, the draft otherwise.
#[component]
pub fn InquiryDraftPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i32>().ok());
    let data = Resource::new_blocking(id, inquiry_drafting);
    view! {
        <PageTitle text=locale.get_untracked().t("inquiry-new")/>
        <h1>{tr("inquiry-new")}</h1>
        <p class="lead">{tr("inquiry-new-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((options, draft, drafts, topics)) => view! { <DraftForm options=options draft=draft drafts=drafts topics=topics/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DraftForm(
    options: Vec<DraftFor>,
    draft: Option<InquiryDraft>,
    drafts: Vec<InquirySummary>,
    topics: Vec<TopicView>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let error = failure::<SaveInquiry>();
    let draft = draft.unwrap_or_else(|| InquiryDraft {
        deputy: options.first().map(|o| o.deputy.id).unwrap_or_default(),
        ..InquiryDraft::default()
    });
    view! {
        <PostForm action="/api/inquiries/save" error=error submit="inquiry-save" body=move |ctx| {
            let d = draft.clone();
            let typed = |field: &str, saved: &str| ctx.value(field).unwrap_or_else(|| saved.to_owned());
            let addressee = typed("addressee", &d.addressee);
            let topic = typed("topic", &d.topic);
            let deputy = ctx.value("deputy").and_then(|v| v.parse().ok()).unwrap_or(d.deputy);
            view! {
                {d.id.map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
                {if options.len() == 1 {
                    view! { <input type="hidden" name="deputy" value=options[0].deputy.id.to_string()/> }.into_any()
                } else {
                    view! {
                        <div class="field">
                            <label for="inquiry-deputy">{l.t("inquiry-deputy")}</label>
                            <select id="inquiry-deputy" name="deputy">
                                {options.iter().map(|o| view! {
                                    <option value=o.deputy.id.to_string() selected=o.deputy.id == deputy>{o.deputy.name.clone()}" · "{o.maslikhat.names.get(l).to_owned()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }.into_any()
                }}
                <div class="field">
                    <label for="inquiry-addressee">{l.t("inquiry-addressee")}</label>
                    <p class="hint">{l.t("inquiry-addressee-hint")}</p>
                    <select id="inquiry-addressee" name="addressee" required aria-invalid=ctx.error("addressee").map(|_| "true")>
                        <option value="">{l.t("inquiry-addressee-choose")}</option>
                        {options.iter().map(|o| view! {
                            <optgroup label=o.maslikhat.names.get(l).to_owned()>
                                {o.addressees.iter().map(|b| view! {
                                    <option value=b.slug.clone() selected=b.slug == addressee>{b.names.get(l).to_owned()}</option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                    {ctx.error("addressee").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="inquiry-title">{l.t("inquiry-title")}</label>
                    <input type="text" id="inquiry-title" name="title" required maxlength="300" value=typed("title", &d.title)
                        aria-invalid=ctx.error("title").map(|_| "true")/>
                    {ctx.error("title").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="inquiry-text">{l.t("inquiry-text")}</label>
                    <textarea id="inquiry-text" name="text" rows="12" required maxlength="20000"
                        aria-invalid=ctx.error("text").map(|_| "true")>{typed("text", &d.text)}</textarea>
                    {ctx.error("text").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="inquiry-topic">{l.t("petition-topic")}</label>
                    <select id="inquiry-topic" name="topic">
                        // A draft's topic retired since: the deputy chooses another.
                        {(!topics.iter().any(|t| t.code == topic)).then(|| view! { <option value="" selected=true>{l.t("file-topic-choose")}</option> })}
                        {topic_options(&topics, Some(topic.as_str()))}
                    </select>
                    {ctx.error("topic").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="inquiry-territory">{l.t("inquiry-territory")}</label>
                    <p class="hint">{l.t("proposal-territory-hint")}</p>
                    <input type="text" id="inquiry-territory" name="territory" inputmode="numeric" maxlength="12" value=typed("territory", &d.territory)
                        aria-invalid=ctx.error("territory").map(|_| "true")/>
                    {ctx.error("territory").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="inquiry-petition">{l.t("inquiry-petition")}</label>
                    <p class="hint">{l.t("inquiry-petition-hint")}</p>
                    <input type="text" id="inquiry-petition" name="petition" inputmode="numeric" maxlength="12" value=typed("petition", &d.petition)
                        aria-invalid=ctx.error("petition").map(|_| "true")/>
                    {ctx.error("petition").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                {options.iter().filter(|o| !o.colleagues.is_empty()).map(|o| view! {
                    <fieldset class="field">
                        <legend>{l.t("inquiry-cosigners")}" · "{o.maslikhat.names.get(l).to_owned()}</legend>
                        {o.colleagues.iter().map(|c| {
                            let fid = format!("cosigner-{}", c.id);
                            view! {
                                <div class="field-check">
                                    <input type="checkbox" id=fid.clone() name=format!("cosigners[{}]", c.id) value="on" checked=d.cosigners.contains(&c.id)/>
                                    <label for=fid><bdi>{c.name.clone()}</bdi></label>
                                </div>
                            }
                        }).collect_view()}
                        {ctx.error("cosigners").map(|e| view! { <p class="field-error">{e}</p> })}
                    </fieldset>
                }).collect_view()}
                <div class="field">
                    <label for="inquiry-note">{l.t("inquiry-private-note")}</label>
                    <p class="hint">{l.t("inquiry-private-note-hint")}</p>
                    <textarea id="inquiry-note" name="note" rows="3" maxlength="4000">{typed("note", &d.note)}</textarea>
                    {ctx.error("note").map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
            }
        }/>
        {(!drafts.is_empty()).then(|| view! {
            <section aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">{l.t("inquiry-drafts")}</h2>
                <InquiryTable rows=drafts.clone()/>
            </section>
        })}
    }
}
