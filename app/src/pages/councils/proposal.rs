//! Proposals to a council: the form a citizen sends (`/:lang/councils/:slug/propose`), a
//! proposal's page with its supporters, case and timeline and the secretary's desk actions
//! (`/:lang/proposals/:id`), and a recommendation's page (`/:lang/recommendations/:id`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::councils::{
    HideProposal, MergeProposal, SendProposal, SupportProposal, get_proposal, get_recommendation,
};
use crate::components::account::visitor;
use crate::components::case::{DocumentItem, Timeline, kz_date};
use crate::components::form::{DoneNotice, FormTokens, PostForm, failure, topic_options};
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, tr, use_locale};
use crate::model::ProposalView;
use crate::pages::{LoadError, PageTitle};

fn id_param() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    }
}

/// `/:lang/councils/:slug/propose`: a signed-in citizen's proposal.
#[component]
pub fn NewProposalPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let error = failure::<SendProposal>();
    let topics = Resource::new_blocking(|| (), |_| crate::api::list_topics(false));
    view! {
        <PageTitle text=locale.get_untracked().t("proposal-new")/>
        <h1>{tr("proposal-new")}</h1>
        <p class="lead">{tr("proposal-lead")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let (slug, error) = (slug.clone(), error.clone());
                Suspend::new(async move {
                    let topics = match topics.await {
                        Ok(list) => list,
                        Err(e) => return view! { <LoadError error=e/> }.into_any(),
                    };
                    view! {
                        <PostForm action="/api/councils/propose" error=error submit="proposal-send" body=move |ctx| {
                            let l = locale.get_untracked();
                            let topic = ctx.value("topic");
                            view! {
                                <input type="hidden" name="council" value=slug.clone()/>
                                <div class="field">
                                    <label for="proposal-title">{l.t("proposal-title")}</label>
                                    <input type="text" id="proposal-title" name="title" required maxlength="200" value=ctx.value("title")
                                        aria-invalid=ctx.error("title").map(|_| "true")/>
                                    {ctx.error("title").map(|e| view! { <p class="field-error">{e}</p> })}
                                </div>
                                <div class="field">
                                    <label for="proposal-text">{l.t("proposal-text")}</label>
                                    <textarea id="proposal-text" name="text" rows="10" required maxlength="10000"
                                        aria-invalid=ctx.error("text").map(|_| "true")>{ctx.value("text").unwrap_or_default()}</textarea>
                                    {ctx.error("text").map(|e| view! { <p class="field-error">{e}</p> })}
                                </div>
                                <div class="field">
                                    <label for="proposal-topic">{l.t("petition-topic")}</label>
                                    <select id="proposal-topic" name="topic">
                                        {topic_options(&topics, topic.as_deref())}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="proposal-territory">{l.t("proposal-territory")}</label>
                                    <p class="hint">{l.t("proposal-territory-hint")}</p>
                                    <input type="text" id="proposal-territory" name="territory" inputmode="numeric" maxlength="12" value=ctx.value("territory")/>
                                    {ctx.error("territory_kato").map(|e| view! { <p class="field-error">{e}</p> })}
                                </div>
                            }
                        }/>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// `/:lang/proposals/:id`.
#[component]
pub fn ProposalPage() -> impl IntoView {
    let locale = use_locale();
    let proposal = Resource::new_blocking(id_param(), get_proposal);
    let error = failure::<SupportProposal>()
        .or_else(failure::<HideProposal>)
        .or_else(failure::<MergeProposal>);
    view! {
        <DoneNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match proposal.await {
                    Ok(p) => view! { <ProposalBody p=p csrf=visitor.csrf/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProposalBody(p: ProposalView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let s = p.summary.clone();
    let id = s.id;
    let secretary = p.viewer.is_secretary;
    view! {
        <PageTitle text=s.title.clone()/>
        <article class="proposal">
            <p class="hint">{l.t("proposal-to")}" "<BodyLink body=p.council.clone()/></p>
            <h1><bdi>{s.title.clone()}</bdi></h1>
            <p><span class="tag">{l.t(s.desk_state.label_key())}</span></p>
            {p.hidden_reason.clone().map(|r| view! {
                <div class="notice notice-error" role="status"><p><strong>{l.t("proposal-hidden-because")}</strong></p><p class="prewrap">{r}</p></div>
            })}
            <dl class="facts">
                <dt>{l.t("proposal-sent-on")}</dt>
                <dd>{kz_date(s.created_at)}</dd>
                <dt>{l.t("petition-topic")}</dt>
                <dd>{p.topic.names.get(l).to_owned()}</dd>
                {p.declined_for.clone().map(|r| view! { <dt>{l.t("proposal-declined-for")}</dt><dd>{r.get(l).to_owned()}</dd> })}
                {p.territory.clone().map(|t| view! { <dt>{l.t("proposal-territory")}</dt><dd>{t.get(l).to_owned()}</dd> })}
                <dt>{l.t("proposal-supporters-label")}</dt>
                <dd data-count="supporters">{l.number(u64::from(s.supporters))}</dd>
                {s.due_on.map(|d| view! { <dt>{l.t("proposal-due")}</dt><dd>{format_date(d)}</dd> })}
                {p.case.clone().map(|c| view! {
                    <dt>{l.t("case-number")}</dt>
                    <dd><a href=href(l, &format!("/cases/{}", c.id))>{c.number.clone()}" · "<bdi>{c.body.get(l).to_owned()}</bdi></a></dd>
                })}
                {p.merged_into.clone().map(|(into, title)| view! {
                    <dt>{l.t("proposal-merged-into")}</dt>
                    <dd><a href=href(l, &format!("/proposals/{into}"))><bdi>{title}</bdi></a></dd>
                })}
            </dl>
            <p class="prewrap">{p.text.clone()}</p>
            {p.answer.clone().map(|(decision, text)| view! {
                <section class="panel" aria-labelledby="proposal-answer-heading">
                    <h2 id="proposal-answer-heading">{l.t("proposal-answer")}</h2>
                    <p><span class="tag">{l.t(decision.label_key())}</span></p>
                    <p class="prewrap">{text}</p>
                </section>
            })}
            {(!p.documents.is_empty()).then(|| view! {
                <ul class="documents" aria-label=l.t("case-origin-documents-proposal")>
                    {p.documents.iter().map(|d| view! { <DocumentItem doc=d.clone()/> }).collect_view()}
                </ul>
            })}
            {(p.is_author && s.case_state == Some(crate::model::CaseState::AwaitingAnswer)).then(|| p.case.clone().map(|c| view! {
                <p><a href=href(l, &format!("/cases/{}", c.id))>{l.t("proposal-attach")}</a></p>
            }))}
            {(!p.duplicates.is_empty()).then(|| view! {
                <section aria-labelledby="duplicates-heading">
                    <h2 id="duplicates-heading">{l.t("proposal-duplicates")}</h2>
                    <ul>{p.duplicates.iter().map(|(d, t)| view! { <li><a href=href(l, &format!("/proposals/{d}"))><bdi>{t.clone()}</bdi></a></li> }).collect_view()}</ul>
                </section>
            })}
            {(p.viewer.signed_in && !s.hidden).then(|| if p.supported {
                view! { <p class="notice notice-success">{l.t("proposal-you-support")}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action="/api/councils/support" class="inline-form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <button type="submit" class="button">{l.t("proposal-support")}</button>
                    </form>
                }.into_any()
            })}
            {secretary.then(|| view! {
                {p.case.clone().map(|c| view! { <p><a class="button button-secondary" href=href(l, &format!("/cases/{}", c.id))>{l.t("proposal-respond")}</a></p> })}
                {(!s.hidden).then(|| view! {
                    <section class="panel" aria-labelledby="hide-heading">
                        <h2 id="hide-heading">{l.t("proposal-hide")}</h2>
                        <form method="post" action="/api/councils/hide" class="form">
                            <FormTokens csrf=csrf.clone()/>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <div class="field"><label for="hide-reason">{l.t("proposal-hide-reason")}</label>
                                <textarea id="hide-reason" name="reason" rows="3" required maxlength="2000"></textarea></div>
                            <button type="submit" class="button button-secondary">{l.t("proposal-hide")}</button>
                        </form>
                    </section>
                })}
                <section class="panel" aria-labelledby="merge-heading">
                    <h2 id="merge-heading">{l.t("proposal-merge")}</h2>
                    <form method="post" action="/api/councils/merge" class="form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <div class="field"><label for="merge-into">{l.t("proposal-merge-into")}</label>
                            <input type="text" id="merge-into" name="into" inputmode="numeric" required/></div>
                        <button type="submit" class="button button-secondary">{l.t("proposal-merge")}</button>
                    </form>
                </section>
            })}
            <Timeline entries=p.timeline.clone()/>
        </article>
    }
}

/// `/:lang/recommendations/:id`: what a council recommended and how the body answered.
#[component]
pub fn RecommendationPage() -> impl IntoView {
    let locale = use_locale();
    let rec = Resource::new_blocking(id_param(), get_recommendation);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                match rec.await {
                    Ok((r, council)) => view! {
                        <PageTitle text=r.item_title.clone()/>
                        <article>
                            <p class="hint">{l.t("recommendation-of")}" "<BodyLink body=council/></p>
                            <h1><bdi>{r.item_title.clone()}</bdi></h1>
                            <p><span class=format!("tag recommendation-{}", r.status.as_str())>{l.t(r.status.label_key())}</span></p>
                            <p class="prewrap">{r.text.clone()}</p>
                            <dl class="facts">
                                {r.due_on.map(|d| view! { <dt>{l.t("case-due")}</dt><dd>{format_date(d)}</dd> })}
                                {r.progress.map(|p| view! { <dt>{l.t("case-progress")}</dt><dd>{l.t(p.label_key())}</dd> })}
                                {r.case.clone().map(|c| view! {
                                    <dt>{l.t("case-number")}</dt>
                                    <dd><a href=href(l, &format!("/cases/{}", c.id))>{c.number.clone()}" · "<bdi>{c.body.get(l).to_owned()}</bdi></a></dd>
                                })}
                            </dl>
                            <p><a href=href(l, &format!("/meetings/{}", r.meeting_id))>{l.t("recommendation-from-meeting")}</a></p>
                        </article>
                    }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/:lang/unfollow/:token`: the page a council mail's unsubscribe link opens — the council
/// named, one button (a link in a mail never changes anything by itself: mail scanners open
/// links).
#[component]
pub fn UnfollowPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let token = move || params.read().get("token").unwrap_or_default();
    let council = Resource::new_blocking(token, crate::api::councils::unfollow_council_of);
    let error = failure::<crate::api::councils::UnfollowByToken>();
    view! {
        <PageTitle text=locale.get_untracked().t("unfollow-title")/>
        <h1>{tr("unfollow-title")}</h1>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let visitor = visitor().await;
                match council.await {
                    Ok(c) => view! {
                        <p>{l.t("unfollow-lead")}" "<BodyLink body=c/></p>
                        <form method="post" action="/api/councils/unfollow" class="inline-form">
                            <FormTokens csrf=visitor.csrf/>
                            <input type="hidden" name="token" value=token()/>
                            <button type="submit" class="button">{l.t("unfollow-submit")}</button>
                        </form>
                    }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
