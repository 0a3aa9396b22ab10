//! One case's public page: what it began as, the addressee and its number, the clock, the
//! clarifications asked and given, the answer and its rating, what followed, the hand-overs
//! and the timeline — and the forms of the body's officials and of the author.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::cases::{
    AnswerCase, AskClarification, CloseCase, ForwardCase, GiveClarification, PostCaseUpdate,
    RateCase, get_case,
};
use crate::components::account::visitor;
use crate::components::case::{
    AnswerForm, DocumentItem, FilesField, RateForm, Timeline, UploadNotice, kz_date,
};
use crate::components::form::{DoneNotice, FormTokens, failure};
use crate::components::links::{BodyLink, href};
use crate::error::AppError;
use crate::i18n::{format_date, use_locale};
use crate::model::{CaseState, CaseView, DocumentView, Progress};
use crate::pages::{LoadError, PageTitle};

fn page_failure() -> Option<AppError> {
    failure::<AnswerCase>()
        .or_else(failure::<AskClarification>)
        .or_else(failure::<GiveClarification>)
        .or_else(failure::<ForwardCase>)
        .or_else(failure::<PostCaseUpdate>)
        .or_else(failure::<CloseCase>)
        .or_else(failure::<RateCase>)
}

/// The documents attached to `item`, as download links.
#[component]
fn Documents(docs: Vec<DocumentView>, item: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let mine: Vec<DocumentView> = docs.into_iter().filter(|d| d.item == item).collect();
    (!mine.is_empty()).then(|| {
        view! {
            <ul class="documents" aria-label=l.t("case-documents")>
                {mine.into_iter().map(|d| view! { <DocumentItem doc=d/> }).collect_view()}
            </ul>
        }
    })
}

/// `/:lang/cases/:id`.
#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let case = Resource::new_blocking(id, get_case);
    let error = page_failure();
    view! {
        <DoneNotice/>
        <UploadNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match case.await {
                    Ok(c) => view! { <CaseBody c=c csrf=visitor.csrf/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseBody(c: CaseView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let s = c.summary.clone();
    let id = s.id;
    let v = c.viewer.clone();
    let waiting = s.state == CaseState::AwaitingAnswer;
    let open_question = c.pauses.iter().any(|p| p.reply.is_none());
    view! {
        <PageTitle text=s.title.clone()/>
        <article class="case">
            <p class="hint">{l.t(s.kind.label_key())}" · "{l.t("case-number")}" "{s.number.clone()}</p>
            <h1><bdi>{s.title.clone()}</bdi></h1>
            <p><span class=format!("tag case-{}", s.state.as_str())>{l.t(s.state.label_key())}</span></p>
            <dl class="facts">
                <dt>{l.t("case-body")}</dt>
                <dd><BodyLink body=c.body.clone()/></dd>
                <dt>{l.t("case-origin")}</dt>
                <dd><a href=href(l, &c.origin_path)>{l.t(&format!("case-origin-{}", s.kind.as_str()))}</a></dd>
                <dt>{l.t("case-registered")}</dt>
                <dd>{format_date(s.registered_on)}</dd>
                {waiting.then(|| view! {
                    <dt>{l.t("case-due")}</dt>
                    <dd>{format_date(s.due_on)}" — "{l.t(&format!("clock-state-{}", s.clock))}</dd>
                })}
                {c.forwarded_from.clone().map(|(from, names)| view! {
                    <dt>{l.t("case-forwarded-from")}</dt>
                    <dd><a href=href(l, &format!("/cases/{from}"))><bdi>{names.get(l).to_owned()}</bdi></a></dd>
                })}
                {c.forwarded_to.clone().map(|(to, names)| view! {
                    <dt>{l.t("case-forwarded-to")}</dt>
                    <dd><a href=href(l, &format!("/cases/{to}"))><bdi>{names.get(l).to_owned()}</bdi></a></dd>
                })}
            </dl>
            {c.documents.iter().any(|d| d.item == "origin").then(|| view! {
                <section aria-labelledby="origin-documents-heading">
                    <h2 id="origin-documents-heading">{l.t(&format!("case-origin-documents-{}", s.kind.as_str()))}</h2>
                    <Documents docs=c.documents.clone() item="origin".to_owned()/>
                </section>
            })}
            {(!c.pauses.is_empty()).then(|| view! {
                <section aria-labelledby="clarifications-heading">
                    <h2 id="clarifications-heading">{l.t("case-clarifications")}</h2>
                    <ul class="clarifications">
                        {c.pauses.iter().map(|p| view! {
                            <li>
                                <p><strong>{l.t("case-question")}</strong>" · "{format_date(p.asked_on)}</p>
                                <p class="prewrap">{p.question.clone()}</p>
                                <Documents docs=c.documents.clone() item=format!("question:{}", p.id)/>
                                {match (&p.reply, p.answered_on) {
                                    (Some(reply), Some(on)) => view! {
                                        <p><strong>{l.t("case-reply")}</strong>" · "{format_date(on)}</p>
                                        <p class="prewrap">{reply.clone()}</p>
                                        <Documents docs=c.documents.clone() item=format!("reply:{}", p.id)/>
                                    }.into_any(),
                                    _ if waiting => view! { <p class="hint">{l.t("case-awaiting-reply")}</p> }.into_any(),
                                    _ => view! { <p class="hint">{l.t("case-no-reply")}</p> }.into_any(),
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {c.answer.clone().map(|text| view! {
                <section class="panel" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{l.t("petition-answer")}</h2>
                    <p>
                        {c.decision.map(|d| view! { <strong>{l.t(d.label_key())}</strong> })}
                        {c.answered_at.map(|at| view! { " · "{kz_date(at)} })}
                    </p>
                    <p class="prewrap">{text}</p>
                    <Documents docs=c.documents.clone() item="answer".to_owned()/>
                    <p>{match c.average_rating {
                        Some(avg) => format!("{} {} / 5 ({})", l.t("answer-rating-average"), l.decimal(avg, Some(1)), l.t_with("answer-ratings", &[("count", l.number(c.ratings).into()), ("n", c.ratings.into())])),
                        None => l.t("answer-not-rated"),
                    }}</p>
                    {v.can_rate.then(|| view! { <RateForm action="/api/cases/rate" id=id csrf=csrf.clone() mine=v.my_rating/> })}
                </section>
            })}
            {(!c.updates.is_empty()).then(|| view! {
                <section aria-labelledby="updates-heading">
                    <h2 id="updates-heading">{l.t("case-updates")}</h2>
                    <ul class="updates">
                        {c.updates.iter().map(|u| view! {
                            <li>
                                <p>
                                    <strong>{match u.progress {
                                        Some(p) => l.t(p.label_key()),
                                        None => l.t("case-follow-up"),
                                    }}</strong>
                                    {u.on_date.map(|d| view! { " · "{format_date(d)} })}
                                    " · "<span class="hint">{kz_date(u.at)}</span>
                                </p>
                                <p class="prewrap">{u.text.clone()}</p>
                                <Documents docs=c.documents.clone() item=format!("update:{}", u.id)/>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(v.is_author && waiting && open_question).then(|| view! { <ReplyForm id=id csrf=csrf.clone()/> })}
            {(v.is_official && waiting).then(|| view! {
                <AnswerForm action="/api/cases/answer" id=id csrf=csrf.clone()/>
                {(!open_question).then(|| view! { <ClarificationForm id=id csrf=csrf.clone()/> })}
                <ForwardForm c=c.clone() csrf=csrf.clone()/>
            })}
            {(v.is_official && s.state.is_answered()).then(|| view! {
                <UpdateForm id=id csrf=csrf.clone()/>
            })}
            {(v.is_official && matches!(s.state, CaseState::Answered | CaseState::AnsweredLate)).then(|| view! {
                <CloseForm id=id csrf=csrf.clone()/>
            })}
            <AttachForm c=c.clone() csrf=csrf.clone()/>
            <Timeline entries=c.timeline.clone()/>
        </article>
    }
}

#[component]
fn ClarificationForm(id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="clarify-heading">
            <h2 id="clarify-heading">{l.t("case-ask-title")}</h2>
            <p class="hint">{l.t("case-ask-hint")}</p>
            <form method="post" action="/api/cases/clarify" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="field">
                    <label for="clarify-question">{l.t("case-question")}</label>
                    <textarea id="clarify-question" name="question" rows="4" required maxlength="4000"></textarea>
                </div>
                <button type="submit" class="button button-secondary">{l.t("case-ask-submit")}</button>
            </form>
        </section>
    }
}

#[component]
fn ReplyForm(id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="reply-heading">
            <h2 id="reply-heading">{l.t("case-reply-title")}</h2>
            <form method="post" action="/api/cases/reply" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="field">
                    <label for="reply-text">{l.t("case-reply")}</label>
                    <textarea id="reply-text" name="reply" rows="4" required maxlength="4000"></textarea>
                </div>
                <button type="submit" class="button">{l.t("case-reply-submit")}</button>
            </form>
        </section>
    }
}

#[component]
fn ForwardForm(c: CaseView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="forward-heading">
            <h2 id="forward-heading">{l.t("case-forward-title")}</h2>
            <p class="hint">{l.t("case-forward-hint")}</p>
            <form method="post" action="/api/cases/forward" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=c.summary.id.to_string()/>
                <div class="field">
                    <label for="forward-to">{l.t("case-forward-to")}</label>
                    <select id="forward-to" name="to" required>
                        <option value="">{l.t("case-forward-choose")}</option>
                        {c.forward_to.iter().map(|b| view! { <option value=b.slug.clone()>{b.names.get(l).to_owned()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="forward-reason">{l.t("case-forward-reason")}</label>
                    <textarea id="forward-reason" name="reason" rows="3" required maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button button-secondary">{l.t("case-forward-submit")}</button>
            </form>
        </section>
    }
}

#[component]
fn UpdateForm(id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="update-heading">
            <h2 id="update-heading">{l.t("case-update-title")}</h2>
            <form method="post" action="/api/cases/update" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <fieldset>
                    <legend>{l.t("case-update-kind")}</legend>
                    <div class="check"><input type="radio" id="update-implementation" name="kind" value="implementation" checked/>
                        <label for="update-implementation">{l.t("case-update-implementation")}</label></div>
                    <div class="check"><input type="radio" id="update-follow-up" name="kind" value="follow_up"/>
                        <label for="update-follow-up">{l.t("case-follow-up")}</label></div>
                </fieldset>
                <div class="field">
                    <label for="update-progress">{l.t("case-progress")}</label>
                    <select id="update-progress" name="progress">
                        {Progress::ALL.iter().map(|p| view! { <option value=p.as_str()>{l.t(p.label_key())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="update-on">{l.t("case-progress-date")}</label>
                    <input type="date" id="update-on" name="on"/>
                </div>
                <div class="field">
                    <label for="update-text">{l.t("case-update-text")}</label>
                    <textarea id="update-text" name="text" rows="5" required maxlength="20000"></textarea>
                </div>
                <button type="submit" class="button">{l.t("case-update-submit")}</button>
            </form>
        </section>
    }
}

#[component]
fn CloseForm(id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <form method="post" action="/api/cases/close" class="inline-form">
            <FormTokens csrf=csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="note" value=""/>
            <button type="submit" class="button button-secondary">{l.t("case-close")}</button>
        </form>
    }
}

/// Attaching documents (PDF, PNG, JPEG, ODT, DOCX; 10 MB each, 5 per item) to what the viewer
/// wrote: the body's answer, questions and updates for an official; replies for the author.
#[component]
fn AttachForm(c: CaseView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let v = &c.viewer;
    let mut items: Vec<(String, String)> = Vec::new();
    if v.is_official {
        if c.answer.is_some() {
            items.push(("answer".into(), l.t("petition-answer")));
        }
        for (n, p) in c.pauses.iter().enumerate() {
            items.push((
                format!("question:{}", p.id),
                format!("{} {}", l.t("case-question"), n + 1),
            ));
        }
        for (n, u) in c.updates.iter().enumerate() {
            items.push((
                format!("update:{}", u.id),
                format!("{} {}", l.t("case-updates"), n + 1),
            ));
        }
    }
    if v.can_attach_origin {
        items.push((
            "origin".into(),
            l.t(&format!(
                "case-origin-documents-{}",
                c.summary.kind.as_str()
            )),
        ));
    }
    if v.is_author {
        for (n, p) in c
            .pauses
            .iter()
            .enumerate()
            .filter(|(_, p)| p.reply.is_some())
        {
            items.push((
                format!("reply:{}", p.id),
                format!("{} {}", l.t("case-reply"), n + 1),
            ));
        }
    }
    (!items.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="attach-heading">
            <h2 id="attach-heading">{l.t("case-attach-title")}</h2>
            <p class="hint">{l.t("case-attach-hint")}</p>
            <form method="post" action="/api/cases/documents" enctype="multipart/form-data" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=c.summary.id.to_string()/>
                <div class="field">
                    <label for="attach-item">{l.t("case-attach-to")}</label>
                    <select id="attach-item" name="item" required>
                        {items.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                    </select>
                </div>
                <FilesField id="attach-files"/>
                <button type="submit" class="button button-secondary">{l.t("case-attach-submit")}</button>
            </form>
        </section>
    })
}
