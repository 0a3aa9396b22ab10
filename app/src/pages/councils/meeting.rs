//! `/:lang/meetings/:id`: a council meeting — when and where, the agenda with each item's
//! decision, votes and recommendation, who came against the quorum, the minutes, the calendar
//! entry — and the secretary's forms for each step.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::councils::{
    AddAgendaItem, CloseMeeting, CommentItem, DecideItem, DeferItem, PublishAgenda,
    RecordAttendance, SaveMinutes, get_meeting,
};
use crate::components::account::visitor;
use crate::components::case::{DocumentItem, FilesField, UploadNotice, kz_date};
use crate::components::form::{DoneNotice, FormTokens, failure};
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, use_locale};
use crate::model::{AgendaItemView, AgendaOutcome, AnswerDecision, MeetingState, MeetingView};
use crate::pages::{LoadError, PageTitle};

fn page_failure() -> Option<crate::error::AppError> {
    failure::<AddAgendaItem>()
        .or_else(failure::<PublishAgenda>)
        .or_else(failure::<RecordAttendance>)
        .or_else(failure::<DecideItem>)
        .or_else(failure::<DeferItem>)
        .or_else(failure::<SaveMinutes>)
        .or_else(failure::<CloseMeeting>)
        .or_else(failure::<CommentItem>)
}

/// `/:lang/meetings/:id`.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let meeting = Resource::new_blocking(id, get_meeting);
    let error = page_failure();
    view! {
        <DoneNotice/>
        <UploadNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match meeting.await {
                    Ok(m) => view! { <MeetingBody m=m csrf=visitor.csrf/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MeetingBody(m: MeetingView, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let s = m.meeting.clone();
    let id = s.id;
    let secretary = m.viewer.is_secretary;
    let held = s.state == MeetingState::Published;
    let title = format!("{} · {}", l.t("meeting-title"), kz_date(s.starts_at));
    let time = (s.starts_at + chrono::Duration::hours(5))
        .format("%H:%M")
        .to_string();
    let quorate = m.present >= m.quorum;
    view! {
        <PageTitle text=title.clone()/>
        <article class="meeting">
            <p class="hint"><BodyLink body=m.council.clone()/></p>
            <h1>{title}</h1>
            <p><span class=format!("tag meeting-{}", s.state.as_str())>{l.t(s.state.label_key())}</span></p>
            <dl class="facts">
                <dt>{l.t("meeting-when")}</dt>
                <dd>{kz_date(s.starts_at)}" "{time}</dd>
                <dt>{l.t("meeting-format")}</dt>
                <dd>{l.t(s.format.label_key())}</dd>
                {(!s.place.is_empty()).then(|| view! { <dt>{l.t("meeting-place")}</dt><dd><bdi>{s.place.clone()}</bdi></dd> })}
                {(!m.online_url.is_empty()).then(|| view! { <dt>{l.t("meeting-url")}</dt><dd><a href=m.online_url.clone() rel="external nofollow">{m.online_url.clone()}</a></dd> })}
                <dt>{l.t("meeting-quorum")}</dt>
                <dd data-quorum=if quorate { "met" } else { "not-met" }>{l.t_with("meeting-presence", &[("present", l.number(u64::from(m.present)).into()), ("quorum", l.number(u64::from(m.quorum)).into()), ("voting", l.number(m.roll.len() as u64).into())])}</dd>
            </dl>
            {(s.state != MeetingState::Draft).then(|| view! {
                <p><a href=format!("/api/calendar/meeting/{id}?lang={}", l.code()) rel="external">{l.t("meeting-calendar")}</a></p>
            })}
            <section aria-labelledby="agenda-heading">
                <h2 id="agenda-heading">{l.t("meeting-agenda")}</h2>
                {if m.items.is_empty() {
                    view! { <p class="hint">{l.t("meeting-agenda-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="agenda">
                            {m.items.iter().map(|i| view! { <AgendaItem i=i.clone() meeting=id csrf=csrf.clone() can_decide=secretary && held can_comment=m.viewer.is_member && s.state != MeetingState::Closed/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
            <MeetingDocuments docs=m.documents.clone() kind="material" heading="meeting-materials"/>
            {m.minutes.clone().map(|text| view! {
                <section aria-labelledby="minutes-heading">
                    <h2 id="minutes-heading">{l.t("meeting-minutes")}</h2>
                    <p class="prewrap">{text}</p>
                </section>
            })}
            <MeetingDocuments docs=m.documents.clone() kind="minutes" heading="meeting-minutes-signed"/>
            {secretary.then(|| view! { <AttachForm meeting=id state=s.state meets_today_or_before=(s.starts_at + chrono::Duration::hours(5)).date_naive() <= (chrono::Utc::now() + chrono::Duration::hours(5)).date_naive() csrf=csrf.clone()/> })}
            {(secretary && s.state != MeetingState::Closed).then(|| view! { <ItemForm meeting=id csrf=csrf.clone()/> })}
            {(secretary && s.state == MeetingState::Draft).then(|| view! {
                <section class="panel" aria-labelledby="publish-heading">
                    <h2 id="publish-heading">{l.t("agenda-publish")}</h2>
                    <p class="hint">{l.t_with("agenda-publish-hint", &[("date", format_date(m.earliest_publishable).into())])}</p>
                    <form method="post" action="/api/councils/agenda/publish" class="inline-form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="meeting" value=id.to_string()/>
                        <button type="submit" class="button">{l.t("agenda-publish")}</button>
                    </form>
                </section>
            })}
            {(secretary && held).then(|| view! {
                <section class="panel" aria-labelledby="attendance-heading">
                    <h2 id="attendance-heading">{l.t("meeting-attendance")}</h2>
                    <form method="post" action="/api/councils/attendance" class="form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="meeting" value=id.to_string()/>
                        <fieldset>
                            <legend>{l.t("meeting-present")}</legend>
                            {m.roll.iter().map(|(member, present)| {
                                let fid = format!("present-{}", member.id);
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=fid.clone() name=format!("present[{}]", member.id) checked=*present/>
                                        <label for=fid><bdi>{member.full_name.clone()}</bdi></label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <button type="submit" class="button button-secondary">{l.t("meeting-attendance-save")}</button>
                    </form>
                </section>
                <section class="panel" aria-labelledby="minutes-form-heading">
                    <h2 id="minutes-form-heading">{l.t("meeting-minutes")}</h2>
                    <form method="post" action="/api/councils/minutes" class="form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="meeting" value=id.to_string()/>
                        <div class="field"><label for="minutes-text">{l.t("meeting-minutes-text")}</label>
                            <textarea id="minutes-text" name="minutes" rows="8" required>{m.minutes.clone().unwrap_or_default()}</textarea></div>
                        <button type="submit" class="button button-secondary">{l.t("meeting-minutes-save")}</button>
                    </form>
                </section>
                <form method="post" action="/api/councils/meetings/close" class="inline-form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="meeting" value=id.to_string()/>
                    <button type="submit" class="button">{l.t("meeting-close")}</button>
                </form>
            })}
            <p><a href=href(l, &format!("/councils/{}", m.council.slug))>{l.t("meeting-back")}</a></p>
        </article>
    }
}

#[component]
fn AgendaItem(
    i: AgendaItemView,
    meeting: i32,
    csrf: String,
    can_decide: bool,
    can_comment: bool,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let pending = i.outcome == AgendaOutcome::Pending;
    let fid = |name: &str| format!("item-{}-{name}", i.id);
    view! {
        <li data-item=i.id.to_string()>
            <p><strong><bdi>{i.title.clone()}</bdi></strong>" "<span class=format!("tag outcome-{}", i.outcome.as_str())>{l.t(i.outcome.label_key())}</span></p>
            {i.proposal_id.map(|p| view! { <p class="hint"><a href=href(l, &format!("/proposals/{p}"))>{l.t("agenda-takes-proposal")}</a></p> })}
            {i.petition_id.map(|p| view! { <p class="hint"><a href=href(l, &format!("/petitions/{p}"))>{l.t("agenda-takes-petition")}</a></p> })}
            {i.votes.map(|(f, a, ab)| view! { <p data-votes=format!("{f}-{a}-{ab}")>{l.t_with("agenda-votes", &[("for", f.into()), ("against", a.into()), ("abstained", ab.into())])}</p> })}
            {i.decision.clone().map(|d| view! { <p class="prewrap">{d}</p> })}
            {i.recommendation.clone().map(|(rid, text)| view! {
                <p><strong>{l.t("agenda-recommendation")}</strong>" "<a href=href(l, &format!("/recommendations/{rid}"))>{text}</a></p>
            })}
            {(!i.comments.is_empty()).then(|| view! {
                <div class="panel internal" aria-label=l.t("agenda-comments")>
                    <p class="hint">{l.t("agenda-comments-internal")}</p>
                    <ul>{i.comments.iter().map(|c| view! {
                        <li><strong><bdi>{c.author.clone()}</bdi></strong>" · "{kz_date(c.at)}<br/><span class="prewrap">{c.text.clone()}</span></li>
                    }).collect_view()}</ul>
                </div>
            })}
            {can_comment.then(|| view! {
                <form method="post" action="/api/councils/agenda/comment" class="form">
                    <FormTokens csrf=csrf.clone()/>
                    <input type="hidden" name="meeting" value=meeting.to_string()/>
                    <input type="hidden" name="item" value=i.id.to_string()/>
                    <div class="field"><label for=fid("comment")>{l.t("agenda-comment")}</label>
                        <textarea id=fid("comment") name="comment" rows="2" required maxlength="4000"></textarea></div>
                    <button type="submit" class="button button-secondary">{l.t("agenda-comment-submit")}</button>
                </form>
            })}
            {(can_decide && pending).then(|| view! {
                <details class="panel">
                    <summary>{l.t("agenda-decide")}</summary>
                    <form method="post" action="/api/councils/agenda/decide" class="form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="meeting" value=meeting.to_string()/>
                        <input type="hidden" name="item" value=i.id.to_string()/>
                        <div class="field"><label for=fid("for")>{l.t("agenda-votes-for")}</label>
                            <input type="number" min="0" id=fid("for") name="votes_for" required/></div>
                        <div class="field"><label for=fid("against")>{l.t("agenda-votes-against")}</label>
                            <input type="number" min="0" id=fid("against") name="votes_against" value="0" required/></div>
                        <div class="field"><label for=fid("abstained")>{l.t("agenda-votes-abstained")}</label>
                            <input type="number" min="0" id=fid("abstained") name="votes_abstained" value="0" required/></div>
                        <div class="field"><label for=fid("decision")>{l.t("agenda-decision")}</label>
                            <textarea id=fid("decision") name="decision" rows="4" required></textarea></div>
                        <div class="field"><label for=fid("recommendation")>{l.t("agenda-recommendation")}</label>
                            <p class="hint">{l.t("agenda-recommendation-hint")}</p>
                            <textarea id=fid("recommendation") name="recommendation" rows="3"></textarea></div>
                        {i.proposal_id.map(|_| view! {
                            <div class="field"><label for=fid("answer")>{l.t("agenda-answer")}</label>
                                <select id=fid("answer") name="answer">
                                    <option value="">{l.t("agenda-answer-auto")}</option>
                                    {AnswerDecision::ALL.iter().map(|d| view! { <option value=d.as_str()>{l.t(d.label_key())}</option> }).collect_view()}
                                </select></div>
                        })}
                        <button type="submit" class="button">{l.t("agenda-decide-submit")}</button>
                    </form>
                    <form method="post" action="/api/councils/agenda/defer" class="inline-form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="meeting" value=meeting.to_string()/>
                        <input type="hidden" name="item" value=i.id.to_string()/>
                        <button type="submit" class="button button-secondary">{l.t("agenda-defer")}</button>
                    </form>
                </details>
            })}
        </li>
    }
}

/// The meeting's documents of `kind`, under `heading`.
#[component]
fn MeetingDocuments(
    docs: Vec<crate::model::DocumentView>,
    kind: &'static str,
    heading: &'static str,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let docs: Vec<_> = docs.into_iter().filter(|d| d.item == kind).collect();
    (!docs.is_empty()).then(|| {
        let hid = format!("documents-{kind}-heading");
        let labelled = hid.clone();
        view! {
            <section aria-labelledby=labelled>
                <h2 id=hid>{l.t(heading)}</h2>
                <ul class="documents">{docs.into_iter().map(|d| view! { <DocumentItem doc=d/> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The secretary attaches materials (until the meeting is closed) or the signed minutes (once
/// its agenda is published and its day has come).
#[component]
fn AttachForm(
    meeting: i32,
    state: MeetingState,
    meets_today_or_before: bool,
    csrf: String,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let mut kinds = Vec::new();
    if state != MeetingState::Closed {
        kinds.push(("material", "meeting-materials"));
    }
    if state != MeetingState::Draft && meets_today_or_before {
        kinds.push(("minutes", "meeting-minutes-signed"));
    }
    (!kinds.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="meeting-attach-heading">
            <h2 id="meeting-attach-heading">{l.t("meeting-attach")}</h2>
            <p class="hint">{l.t("meeting-attach-hint")}</p>
            <form method="post" action="/api/meetings/documents" enctype="multipart/form-data" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=meeting.to_string()/>
                <div class="field">
                    <label for="meeting-attach-item">{l.t("case-attach-to")}</label>
                    <select id="meeting-attach-item" name="item" required>
                        {kinds.into_iter().map(|(value, label)| view! { <option value=value>{l.t(label)}</option> }).collect_view()}
                    </select>
                </div>
                <FilesField id="meeting-attach-files"/>
                <button type="submit" class="button button-secondary">{l.t("case-attach-submit")}</button>
            </form>
        </section>
    })
}

#[component]
fn ItemForm(meeting: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="item-form-heading">
            <h2 id="item-form-heading">{l.t("agenda-add")}</h2>
            <form method="post" action="/api/councils/agenda/add" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="meeting" value=meeting.to_string()/>
                <input type="hidden" name="takes" value=""/>
                <div class="field"><label for="item-title">{l.t("agenda-item-title")}</label>
                    <input type="text" id="item-title" name="title" required maxlength="300"/></div>
                <button type="submit" class="button button-secondary">{l.t("agenda-add")}</button>
            </form>
        </section>
    }
}
