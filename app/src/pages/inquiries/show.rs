//! `/:lang/inquiries/:id`: an inquiry — who sent it to whom, on what, based on which
//! petition, its case and the body's answer, what the deputy made of it and did next, and one
//! timeline of it all. The deputy's office sees a draft and its private note; the deputy sends,
//! assesses, follows up, escalates and closes from here.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::inquiries::{
    AddInquiryStep, AssessInquiry, CloseInquiry, ContinueInquiry, SendInquiry, get_inquiry,
};
use crate::components::account::visitor;
use crate::components::case::{DocumentItem, Timeline};
use crate::components::form::{DoneNotice, FormTokens, failure};
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, use_locale};
use crate::model::{
    Assessment, CaseState, InquiryLink, InquiryState, InquiryView, Outcome, StepKind,
};
use crate::pages::{LoadError, PageTitle};

use super::standing;

/// The page.
#[component]
pub fn InquiryPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let inquiry = Resource::new_blocking(id, get_inquiry);
    let error = failure::<SendInquiry>()
        .or_else(failure::<AssessInquiry>)
        .or_else(failure::<AddInquiryStep>)
        .or_else(failure::<ContinueInquiry>)
        .or_else(failure::<CloseInquiry>);
    view! {
        <DoneNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match inquiry.await {
                    Ok(i) => view! { <InquiryBody i=i csrf=visitor.csrf/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InquiryBody(i: InquiryView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let s = i.summary.clone();
    let id = s.id;
    let answered =
        s.state == InquiryState::Sent && s.case_state.is_some_and(CaseState::is_answered);
    let deputy = i.viewer.is_deputy;
    view! {
        <PageTitle text=s.title.clone()/>
        <article class="inquiry">
            <p class="hint">{l.t("inquiry-kind")}" · "<BodyLink body=s.maslikhat.clone()/></p>
            <h1><bdi>{s.title.clone()}</bdi></h1>
            <p><span class="tag" data-standing="">{standing(l, &s)}</span></p>
            <dl class="facts">
                <dt>{l.t("inquiry-deputy")}</dt>
                <dd><a href=href(l, &format!("/deputies/{}", s.deputy.id))><bdi>{s.deputy.name.clone()}</bdi></a></dd>
                {(!i.cosigners.is_empty()).then(|| view! {
                    <dt>{l.t("inquiry-cosigners")}</dt>
                    <dd>{i.cosigners.iter().map(|d| view! { <a href=href(l, &format!("/deputies/{}", d.id))><bdi>{d.name.clone()}</bdi></a>" " }).collect_view()}</dd>
                })}
                {i.prepared_by.clone().map(|p| view! { <dt>{l.t("inquiry-prepared-by")}</dt><dd><bdi>{p}</bdi></dd> })}
                <dt>{l.t("inquiry-addressee")}</dt>
                <dd><BodyLink body=s.addressee.clone()/></dd>
                <dt>{l.t("petition-topic")}</dt>
                <dd>{s.topic.names.get(l).to_owned()}</dd>
                {i.territory.clone().map(|t| view! { <dt>{l.t("inquiry-place")}</dt><dd>{t.get(l).to_owned()}</dd> })}
                {s.sent_on.map(|d| view! { <dt>{l.t("inquiry-sent-on")}</dt><dd>{format_date(d)}</dd> })}
                {s.due_on.map(|d| view! { <dt>{l.t("case-due")}</dt><dd>{format_date(d)}</dd> })}
                {i.case.clone().map(|c| view! {
                    <dt>{l.t("case-number")}</dt>
                    <dd><a href=href(l, &format!("/cases/{}", c.id))>{c.number.clone()}" · "<bdi>{c.body.get(l).to_owned()}</bdi></a></dd>
                })}
                {i.petition.clone().map(|(pid, title)| view! {
                    <dt>{l.t("inquiry-petition")}</dt>
                    <dd><a href=href(l, &format!("/petitions/{pid}"))><bdi>{title}</bdi></a></dd>
                })}
                {i.follows.clone().map(|(fid, title, link)| view! {
                    <dt>{l.t(link.label_key())}</dt>
                    <dd><a href=href(l, &format!("/inquiries/{fid}"))><bdi>{title}</bdi></a></dd>
                })}
                {i.assessment.map(|a| view! { <dt>{l.t("inquiry-assessment")}</dt><dd data-assessment=a.as_str()>{l.t(a.label_key())}</dd> })}
            </dl>
            <p class="prewrap">{i.text.clone()}</p>
            {(!i.documents.is_empty()).then(|| view! {
                <ul class="documents" aria-label=l.t("case-origin-documents-inquiry")>
                    {i.documents.iter().map(|d| view! { <DocumentItem doc=d.clone()/> }).collect_view()}
                </ul>
            })}
            {(deputy && s.state == InquiryState::Sent).then(|| i.case.clone().map(|c| view! {
                <p><a href=href(l, &format!("/cases/{}", c.id))>{l.t("inquiry-attach")}</a></p>
            }))}
            {i.private_note.clone().map(|n| view! {
                <section class="panel" aria-labelledby="note-heading">
                    <h2 id="note-heading">{l.t("inquiry-private-note")}</h2>
                    <p class="hint">{l.t("inquiry-private-note-hint")}</p>
                    <p class="prewrap">{n}</p>
                </section>
            })}
            {i.answer.clone().map(|(decision, text)| view! {
                <section class="panel" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{l.t("inquiry-answer")}</h2>
                    <p><span class="tag">{l.t(decision.label_key())}</span></p>
                    <p class="prewrap">{text}</p>
                </section>
            })}
            {(!i.steps.is_empty()).then(|| view! {
                <section aria-labelledby="steps-heading">
                    <h2 id="steps-heading">{l.t("inquiry-steps")}</h2>
                    <ul class="steps">{i.steps.iter().map(|st| view! {
                        <li><strong>{l.t(st.kind.label_key())}</strong>" · "{format_date(st.on_date)}<p class="prewrap">{st.text.clone()}</p></li>
                    }).collect_view()}</ul>
                </section>
            })}
            {(!i.continued_by.is_empty()).then(|| view! {
                <section aria-labelledby="continued-heading">
                    <h2 id="continued-heading">{l.t("inquiry-continued-by")}</h2>
                    <ul>{i.continued_by.iter().map(|(cid, title, link)| view! {
                        <li>{l.t(&format!("inquiry-continue-{}", link.as_str()))}": "<a href=href(l, &format!("/inquiries/{cid}"))><bdi>{title.clone()}</bdi></a></li>
                    }).collect_view()}</ul>
                </section>
            })}
            {i.outcome_note.clone().map(|n| view! {
                <section class="panel" aria-labelledby="outcome-heading">
                    <h2 id="outcome-heading">{l.t("inquiry-outcome")}</h2>
                    <p class="prewrap">{n}</p>
                </section>
            })}
            {(s.state == InquiryState::Draft && i.viewer.is_office).then(|| view! {
                <section class="panel" aria-labelledby="draft-heading">
                    <h2 id="draft-heading">{l.t("inquiry-draft")}</h2>
                    <p>{l.t(if deputy { "inquiry-draft-hint-deputy" } else { "inquiry-draft-hint-staff" })}</p>
                    <p><a class="button button-secondary" href=href(l, &format!("/inquiries/{id}/edit"))>{l.t("inquiry-edit")}</a></p>
                    {deputy.then(|| view! {
                        <form method="post" action="/api/inquiries/send" class="inline-form">
                            <FormTokens csrf=csrf.clone()/>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <button type="submit" class="button">{l.t("inquiry-send")}</button>
                        </form>
                    })}
                </section>
            })}
            {(answered && deputy).then(|| view! { <AfterAnswer i=i.clone() csrf=csrf.clone()/> })}
            <Timeline entries=i.timeline.clone()/>
        </article>
    }
}

/// The deputy's forms once the body has answered.
#[component]
fn AfterAnswer(i: InquiryView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let id = i.summary.id.to_string();
    view! {
        <section class="panel" aria-labelledby="after-heading">
            <h2 id="after-heading">{l.t("inquiry-after")}</h2>
            {i.assessment.is_none().then(|| view! {
                <form method="post" action="/api/inquiries/assess" class="form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="id" value=id.clone()/>
                    <fieldset>
                        <legend>{l.t("inquiry-assess")}</legend>
                        {Assessment::ALL.iter().map(|a| {
                            let fid = format!("assess-{}", a.as_str());
                            view! {
                                <div class="field-check">
                                    <input type="radio" id=fid.clone() name="assessment" value=a.as_str() required/>
                                    <label for=fid>{l.t(a.label_key())}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button type="submit" class="button button-secondary">{l.t("inquiry-assess-submit")}</button>
                </form>
            })}
            <details>
                <summary>{l.t("inquiry-step-add")}</summary>
                <form method="post" action="/api/inquiries/step" class="form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="id" value=id.clone()/>
                    <div class="field">
                        <label for="step-kind">{l.t("inquiry-step-kind")}</label>
                        <select id="step-kind" name="kind">
                            {StepKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{l.t(k.label_key())}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="step-on">{l.t("inquiry-step-on")}</label>
                        <input type="date" id="step-on" name="on" required/>
                    </div>
                    <div class="field">
                        <label for="step-text">{l.t("inquiry-step-text")}</label>
                        <textarea id="step-text" name="text" rows="4" required maxlength="20000"></textarea>
                    </div>
                    <button type="submit" class="button button-secondary">{l.t("inquiry-step-submit")}</button>
                </form>
            </details>
            <details>
                <summary>{l.t("inquiry-continue")}</summary>
                <form method="post" action="/api/inquiries/continue" class="form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="id" value=id.clone()/>
                    <fieldset>
                        <legend>{l.t("inquiry-continue-how")}</legend>
                        {InquiryLink::ALL.iter().map(|k| {
                            let fid = format!("link-{}", k.as_str());
                            view! {
                                <div class="field-check">
                                    <input type="radio" id=fid.clone() name="link" value=k.as_str() required checked=*k == InquiryLink::FollowUp/>
                                    <label for=fid>{l.t(&format!("inquiry-continue-{}", k.as_str()))}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="continue-to">{l.t("inquiry-refer-to")}</label>
                        <p class="hint">{l.t("inquiry-refer-to-hint")}</p>
                        <select id="continue-to" name="to">
                            <option value="">{l.t("inquiry-refer-to-none")}</option>
                            {i.refer_to.iter().map(|b| view! { <option value=b.slug.clone()>{b.names.get(l).to_owned()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="continue-title">{l.t("inquiry-title")}</label>
                        <input type="text" id="continue-title" name="title" required maxlength="300"/>
                    </div>
                    <div class="field">
                        <label for="continue-text">{l.t("inquiry-text")}</label>
                        <textarea id="continue-text" name="text" rows="6" required maxlength="20000"></textarea>
                    </div>
                    <button type="submit" class="button button-secondary">{l.t("inquiry-continue-submit")}</button>
                </form>
            </details>
            <details>
                <summary>{l.t("inquiry-close")}</summary>
                <form method="post" action="/api/inquiries/close" class="form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="id" value=id.clone()/>
                    <fieldset>
                        <legend>{l.t("inquiry-outcome")}</legend>
                        {Outcome::ALL.iter().map(|o| {
                            let fid = format!("outcome-{}", o.as_str());
                            view! {
                                <div class="field-check">
                                    <input type="radio" id=fid.clone() name="outcome" value=o.as_str() required/>
                                    <label for=fid>{l.t(o.label_key())}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="close-note">{l.t("inquiry-close-note")}</label>
                        <textarea id="close-note" name="note" rows="4" maxlength="4000"></textarea>
                    </div>
                    <button type="submit" class="button">{l.t("inquiry-close-submit")}</button>
                </form>
            </details>
        </section>
    }
}
