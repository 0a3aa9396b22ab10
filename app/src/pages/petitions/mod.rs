//! The petition pages: the public list, one petition (text, addressee and level, status,
//! progress to the threshold, deadline, counts per grade, sign / withdraw, the answer and its
//! rating, the timeline, and the panels of the moderator, the official and the admin), filing
//! and editing a draft, the moderation queue and the rejection reasons.
//! Every form is a plain HTML form, so all of it works with JavaScript off.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

mod charts;
mod list;
mod similar;

pub use list::{
    ListResults, PetitionCards, PetitionsOf, PetitionsPage, list_query_string, petitions_of,
};
pub use similar::similar_items;
use similar::{SimilarWords, TitleWithSimilar};

use super::{LoadError, OpenGraph, PageTitle};
use crate::api::petitions::{
    AnswerPetition, ClaimPetition, InvalidateSignatures, ModeratePetition, RateAnswer,
    SavePetition, SaveReason, SignPetition, WithdrawPetition, WithdrawSignature,
    get_filing_options, get_petition, moderation_queue, my_petitions, rejection_reasons,
};
use crate::api::signature_log::my_receipt;
use crate::components::account::visitor;
use crate::components::case::{AnswerForm, RateForm, Timeline, kz_date};
use crate::components::form::{DoneNotice, FormTokens, failure, topic_options};
use crate::components::links::href;
use crate::error::AppError;
use crate::i18n::{Locale, format_date, tr, use_locale};
use crate::model::{
    Clock, FilingOptions, IdentityGrade, PetitionStatus, PetitionSummary, PetitionView,
    ReasonScope, ReasonView, RevokeReason,
};

/// Every failure a petition page's forms may come back with.
fn page_failure() -> Option<AppError> {
    failure::<SignPetition>()
        .or_else(failure::<WithdrawSignature>)
        .or_else(failure::<WithdrawPetition>)
        .or_else(failure::<ClaimPetition>)
        .or_else(failure::<ModeratePetition>)
        .or_else(failure::<AnswerPetition>)
        .or_else(failure::<RateAnswer>)
        .or_else(failure::<InvalidateSignatures>)
        .or_else(failure::<crate::api::inquiries::AdoptPetition>)
}

pub(crate) fn clock_text(l: Locale, clock: &Clock) -> String {
    format!(
        "{}: {} — {}",
        l.t(&format!("clock-{}", clock.name)),
        format_date(clock.due),
        l.t(&format!("clock-state-{}", clock.state))
    )
}

/// A small form with the hidden tokens, the petition id and one button.
#[component]
fn ButtonForm(
    action: &'static str,
    id: i32,
    csrf: String,
    label: &'static str,
    #[prop(optional)] secondary: bool,
) -> impl IntoView {
    let class = if secondary {
        "button button-secondary"
    } else {
        "button"
    };
    view! {
        <form method="post" action=action class="inline-form">
            <FormTokens csrf=csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <button type="submit" class=class>{tr(label)}</button>
        </form>
    }
}

/// A table of petitions with their state, progress and clock.
#[component]
fn PetitionTable(list: Vec<PetitionSummary>, empty: &'static str) -> impl IntoView {
    let l = use_locale().get_untracked();
    if list.is_empty() {
        return view! { <p>{l.t(empty)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{l.t("petition-col-title")}</th>
                    <th scope="col">{l.t("petition-col-body")}</th>
                    <th scope="col">{l.t("petition-col-status")}</th>
                    <th scope="col">{l.t("petition-col-signatures")}</th>
                    <th scope="col">{l.t("petition-col-deadline")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|p| view! {
                        <tr>
                            <td><a href=href(l, &format!("/petitions/{}", p.id))><bdi>{p.title.clone()}</bdi></a>
                                {p.claimed_by.clone().map(|who| view! { <br/><span class="hint">{l.t("moderation-claimed-by")}" "{who}</span> })}</td>
                            <td>{p.body.get(l).to_owned()}</td>
                            <td><span class=format!("tag status-{}", p.status.as_str())>{l.t(p.status.label_key())}</span></td>
                            <td>{l.number(p.count)}{p.threshold.map(|t| format!(" / {}", l.number(t)))}</td>
                            <td>{p.clock.as_ref().map(|c| clock_text(l, c))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One petition's page.
#[component]
pub fn PetitionPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let petition = Resource::new_blocking(id, get_petition);
    // What the panels load for some viewers is loaded here, at the top of the page, never by a
    // component inside the `Suspend` below: a resource made there is made again each time the
    // `Suspend` runs, and server rendering waits for ever on the first one (ARCHITECTURE.md,
    // "Resources"). Each asks the database only for the viewer it is for.
    let panels = PanelData {
        receipt: Resource::new_blocking(
            || (),
            move |()| async move {
                match petition.await {
                    Ok(p) if p.viewer.signed => my_receipt(p.id).await,
                    _ => Ok(None),
                }
            },
        ),
        reasons: Resource::new_blocking(
            || (),
            move |()| async move {
                match petition.await {
                    Ok(p) if p.viewer.is_moderator && p.status == PetitionStatus::Moderation => {
                        rejection_reasons().await
                    }
                    _ => Ok(Vec::new()),
                }
            },
        ),
    };
    let error = page_failure();
    view! {
        <DoneNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match petition.await {
                    Ok(p) => view! { <PetitionBody p=p csrf=visitor.csrf panels=panels/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the petition page's panels load for some viewers: the signer's receipt and, for a
/// moderator, the rejection reasons.
#[derive(Clone, Copy)]
struct PanelData {
    receipt: Resource<Result<Option<String>, AppError>>,
    reasons: Resource<Result<Vec<ReasonView>, AppError>>,
}

#[component]
fn PetitionBody(p: PetitionView, csrf: String, panels: PanelData) -> impl IntoView {
    let l = use_locale().get_untracked();
    let required = p.required_grade.unwrap_or(IdentityGrade::EmailVerified);
    let counted = p.counts.at_least(required);
    let gathering = p.status == PetitionStatus::Gathering;
    let (goal, goal_key) = if gathering {
        (Some(p.initial_support), "petition-progress-support")
    } else {
        (p.threshold, "petition-progress-threshold")
    };
    let progress_value = if gathering {
        p.counts.email_verified
    } else {
        counted
    };
    let paragraphs: Vec<String> = p
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let id = p.id;
    let v = p.viewer.clone();
    let summary: String = p.summary.chars().take(300).collect();
    view! {
        <PageTitle text=p.title.clone()/>
        <OpenGraph title=p.title.clone() description=summary url=format!("{}{}", p.site, href(l, &format!("/petitions/{id}")))/>
        <article class="petition">
            <p class="hint">{l.t("petition-number")}" "{id}
                {p.registration_number.clone().map(|n| view! { " · "{l.t("petition-registered-as")}" "<strong>{n}</strong> })}</p>
            <h1><bdi>{p.title.clone()}</bdi></h1>
            <p><span class=format!("tag status-{}", p.status.as_str())>{l.t(p.status.label_key())}</span></p>
            <dl class="facts">
                <dt>{l.t("petition-addressee")}</dt>
                <dd><a href=href(l, &format!("/bodies/{}", p.body.slug))>{p.body.names.get(l).to_owned()}</a>
                    " ("{l.t(p.body.level.label_key())}")"</dd>
                <dt>{l.t("petition-territory")}</dt>
                <dd>{p.territory.get(l).to_owned()}</dd>
                <dt>{l.t("petition-topic")}</dt>
                <dd>{p.topic.names.get(l).to_owned()}</dd>
                <dt>{l.t("petition-author")}</dt>
                <dd><bdi>{p.author.clone()}</bdi></dd>
                {p.case.clone().map(|c| view! {
                    <dt>{l.t("petition-case")}</dt>
                    <dd><a href=href(l, &format!("/cases/{}", c.id))>{l.t("case-number")}" "{c.number}</a>
                        " · "<bdi>{c.body.get(l).to_owned()}</bdi></dd>
                })}
                {p.clock.as_ref().map(|c| view! {
                    <dt>{l.t("petition-deadline")}</dt>
                    <dd class=format!("clock-{}", c.state)>{clock_text(l, c)}</dd>
                })}
                {p.queue_position.map(|n| view! {
                    <dt>{l.t("petition-queue-position")}</dt>
                    <dd>{l.number(n)}</dd>
                })}
            </dl>
            {p.return_note.clone().filter(|_| p.status == PetitionStatus::Draft).map(|note| view! {
                <div class="notice notice-error" role="status"><p><strong>{l.t("petition-returned-note")}</strong></p><p class="prewrap">{note}</p></div>
            })}
            {p.rejection.clone().map(|r| view! {
                <div class="notice notice-error" role="status"><p><strong>{l.t("petition-rejected-because")}</strong>" "{r.get(l).to_owned()}</p></div>
            })}
            {goal.filter(|_| p.status.is_public() && p.status != PetitionStatus::Rejected).map(|goal| {
                let label = format!("{} {} / {}", l.t(goal_key), l.number(progress_value), l.number(goal));
                let percent = progress_value.saturating_mul(100) / goal.max(1);
                view! {
                    <section class="progress" aria-labelledby="progress-heading">
                        <h2 id="progress-heading" class="visually-hidden">{l.t("petition-progress")}</h2>
                        <p id="progress-label"><strong>{l.number(progress_value)}</strong>" "{l.t("petition-of")}" "{l.number(goal)}" "{l.t_with("petition-signatures", &[("n", goal.into())])}
                            " "<span class="progress-percent" data-percent=percent.to_string()>{l.t_with("petition-percent", &[("n", percent.into())])}</span></p>
                        <progress class="progress-bar" max=goal.to_string() value=progress_value.min(goal).to_string() aria-label=label></progress>
                        <p class="hint">{l.t(if gathering { "petition-support-hint" } else { "petition-grade-hint" })}" "{l.t(required.label_key())}</p>
                        <ul class="counts">
                            <li>{l.t("grade-email_verified")}": "<strong data-count="email_verified">{l.number(p.counts.email_verified)}</strong></li>
                            <li>{l.t("grade-iin_checked")}": "<strong data-count="iin_checked">{l.number(p.counts.iin_checked)}</strong></li>
                        </ul>
                    </section>
                }
            })}
            <SignPanel p=p.clone() csrf=csrf.clone() receipt=panels.receipt/>
            {p.status.is_public().then(|| view! { <Share title=p.title.clone() url=format!("{}{}", p.site, href(l, &format!("/petitions/{id}")))/> })}
            {(!p.hidden).then(|| view! {
                <section aria-labelledby="text-heading">
                    <h2 id="text-heading">{l.t("petition-summary")}</h2>
                    <p class="lead prewrap">{p.summary.clone()}</p>
                    <h2>{l.t("petition-text")}</h2>
                    {paragraphs.into_iter().map(|t| view! { <p class="prewrap">{t}</p> }).collect_view()}
                </section>
            })}
            {p.hidden.then(|| view! { <p class="notice">{l.t("petition-text-hidden")}</p> })}
            {p.answer.clone().map(|a| view! {
                <section class="panel" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{l.t("petition-answer")}</h2>
                    <p><strong>{l.t(a.decision.label_key())}</strong>" · "{kz_date(a.at)}</p>
                    <p class="prewrap">{a.text.clone()}</p>
                    <p>{match a.average_rating {
                        Some(avg) => format!("{} {} / 5 ({})", l.t("answer-rating-average"), l.decimal(avg, Some(1)), l.t_with("answer-ratings", &[("count", l.number(a.ratings).into()), ("n", a.ratings.into())])),
                        None => l.t("answer-not-rated"),
                    }}</p>
                    {v.can_rate.then(|| view! { <RateForm action="/api/answers/rate" id=id csrf=csrf.clone() mine=v.my_rating/> })}
                </section>
            })}
            {v.can_answer.then(|| view! { <AnswerForm action="/api/answers/publish" id=id csrf=csrf.clone()/> })}
            {(v.is_moderator && p.status == PetitionStatus::Moderation).then(|| view! { <ModerationPanel id=id csrf=csrf.clone() reasons=panels.reasons/> })}
            {v.is_author.then(|| view! { <AuthorPanel id=id status=p.status csrf=csrf.clone()/> })}
            {(!p.recent_signers.is_empty()).then(|| view! {
                <section aria-labelledby="signers-heading">
                    <h2 id="signers-heading">{l.t("petition-recent-signers")}</h2>
                    // Each name isolated, so one in a right-to-left script (or with a stray
                    // direction mark) never reorders its neighbours.
                    <ul class="signers">
                        {p.recent_signers.iter().map(|name| view! { <li><bdi>{name.clone()}</bdi></li> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!p.by_day.is_empty()).then(|| view! { <charts::SignaturesOverTime days=p.by_day.clone()/> })}
            <charts::SignaturesByRegion regions=p.regions.clone()/>
            {(!p.adopted_by.is_empty() || !p.inquiries.is_empty() || v.can_adopt).then(|| view! {
                <section class="panel" aria-labelledby="deputies-heading">
                    <h2 id="deputies-heading">{l.t("petition-deputies")}</h2>
                    {(!p.adopted_by.is_empty()).then(|| view! {
                        <p>{l.t("petition-adopted-by")}" "
                            {p.adopted_by.iter().map(|d| view! { <a href=href(l, &format!("/deputies/{}", d.id))><bdi>{d.name.clone()}</bdi></a>" " }).collect_view()}</p>
                    })}
                    {(!p.inquiries.is_empty()).then(|| view! {
                        <ul>{p.inquiries.iter().map(|(iid, title)| view! {
                            <li>{l.t("inquiry-kind")}": "<a href=href(l, &format!("/inquiries/{iid}"))><bdi>{title.clone()}</bdi></a></li>
                        }).collect_view()}</ul>
                    })}
                    {v.can_adopt.then(|| view! {
                        <form method="post" action="/api/inquiries/adopt" class="inline-form">
                            <FormTokens csrf=csrf.clone()/>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <button type="submit" class="button button-secondary">{l.t("petition-adopt")}</button>
                        </form>
                        <p class="hint">{l.t("petition-adopt-hint")}</p>
                    })}
                </section>
            })}
            <Timeline entries=p.timeline.clone()/>
            {v.is_admin.then(|| view! { <InvalidateForm id=id csrf=csrf.clone()/> })}
        </article>
    }
}

/// Links that share the petition in the messengers and networks people in Kazakhstan use, and
/// by mail; plain links, no script, no tracking.
#[component]
fn Share(title: String, url: String) -> impl IntoView {
    use crate::components::links::encode;
    let l = use_locale().get_untracked();
    let (t, u) = (encode(&title), encode(&url));
    let links = [
        (
            "Telegram",
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        ("WhatsApp", format!("https://wa.me/?text={t}%20{u}")),
        ("VK", format!("https://vk.com/share.php?url={u}&title={t}")),
        (
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        ("X", format!("https://x.com/intent/post?url={u}&text={t}")),
    ];
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{l.t("share-title")}</h2>
            <ul class="share-links">
                {links.into_iter().map(|(name, link)| view! {
                    <li><a href=link rel="noopener noreferrer external">{name}</a></li>
                }).collect_view()}
                <li><a href=format!("mailto:?subject={t}&body={u}") rel="external">{l.t("share-mail")}</a></li>
            </ul>
            <p><label for="share-url">{l.t("share-link")}</label>" "<input id="share-url" type="url" readonly value=url/></p>
        </section>
    }
}

/// Sign, withdraw, or what stands in the way.
#[component]
fn SignPanel(
    p: PetitionView,
    csrf: String,
    receipt: Resource<Result<Option<String>, AppError>>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let v = p.viewer.clone();
    let id = p.id;
    let signed_in = csrf.len() == 64
        && (v.can_sign
            || v.signed
            || v.needs_verification
            || v.is_author
            || v.can_rate
            || v.my_rating.is_some());
    if v.can_sign {
        return view! {
            <form method="post" action="/api/petitions/sign" class="panel sign-form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="check"><input type="checkbox" id="show_name" name="show_name" value="on" checked/>
                    <label for="show_name">{l.t("sign-show-name")}</label></div>
                <div class="check"><input type="checkbox" id="notify" name="notify" value="on" checked/>
                    <label for="notify">{l.t("sign-notify")}</label></div>
                <button type="submit" class="button">{l.t("sign-submit")}</button>
            </form>
        }
        .into_any();
    }
    if v.signed {
        return view! {
            <div class="panel">
                <p class="notice notice-success">{l.t("sign-you-signed")}</p>
                {v.can_withdraw.then(|| view! { <ButtonForm action="/api/petitions/unsign" id=id csrf=csrf.clone() label="sign-withdraw" secondary=true/> })}
                <crate::pages::verify::SignatureReceipt petition=id receipt=receipt/>
            </div>
        }
        .into_any();
    }
    if v.needs_verification {
        return view! { <p class="notice">{l.t("sign-verify-first")}</p> }.into_any();
    }
    let _ = signed_in;
    if p.status.takes_signatures() {
        return view! {
            <p class="notice"><a href=href(l, "/login")>{l.t("sign-login")}</a></p>
        }
        .into_any();
    }
    ().into_any()
}

#[component]
fn ModerationPanel(
    id: i32,
    csrf: String,
    reasons: Resource<Result<Vec<ReasonView>, AppError>>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="moderation-heading">
            <h2 id="moderation-heading">{l.t("moderation-panel")}</h2>
            <p class="hint">{l.t("moderation-claim-hint")}</p>
            <ButtonForm action="/api/moderation/claim" id=id csrf=csrf.clone() label="moderation-claim" secondary=true/>
            <form method="post" action="/api/moderation/decide" class="inline-form">
                <FormTokens csrf=csrf.clone()/>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="decision" value="approve"/>
                <button type="submit" class="button">{l.t("moderation-approve")}</button>
            </form>
            <form method="post" action="/api/moderation/decide" class="form">
                <FormTokens csrf=csrf.clone()/>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="decision" value="return"/>
                <div class="field">
                    <label for="return-note">{l.t("moderation-return-note")}</label>
                    <textarea id="return-note" name="note" rows="3" required maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button button-secondary">{l.t("moderation-return")}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    let csrf = csrf.clone();
                    Suspend::new(async move {
                        let reasons: Vec<ReasonView> = reasons
                            .await
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|r| r.active && r.scope == ReasonScope::Petition)
                            .collect();
                        view! {
                            <form method="post" action="/api/moderation/decide" class="form">
                                <FormTokens csrf=csrf/>
                                <input type="hidden" name="id" value=id.to_string()/>
                                <input type="hidden" name="decision" value="reject"/>
                                <div class="field">
                                    <label for="reject-reason">{l.t("moderation-reason")}</label>
                                    <select id="reject-reason" name="reason" required>
                                        <option value="">{l.t("moderation-reason-choose")}</option>
                                        {reasons.into_iter().map(|r| view! {
                                            <option value=r.id.to_string()>{r.names.get(l).to_owned()}{r.hides_text.then(|| format!(" ({})", l.t("moderation-hides-text")))}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="reject-note">{l.t("moderation-reject-note")}</label>
                                    <textarea id="reject-note" name="note" rows="3" maxlength="2000"></textarea>
                                </div>
                                <button type="submit" class="button button-danger">{l.t("moderation-reject")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn AuthorPanel(id: i32, status: PetitionStatus, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let can_withdraw = matches!(
        status,
        PetitionStatus::Draft
            | PetitionStatus::Moderation
            | PetitionStatus::Gathering
            | PetitionStatus::Open
    );
    view! {
        <section class="panel" aria-labelledby="author-heading">
            <h2 id="author-heading">{l.t("petition-author-panel")}</h2>
            {(status == PetitionStatus::Draft).then(|| view! {
                <p><a class="button" href=href(l, &format!("/petitions/{id}/edit"))>{l.t("petition-edit")}</a></p>
            })}
            {(status == PetitionStatus::Gathering).then(|| view! { <p class="hint">{l.t("petition-share-hint")}</p> })}
            {can_withdraw.then(|| view! { <ButtonForm action="/api/petitions/withdraw" id=id csrf=csrf.clone() label="petition-withdraw" secondary=true/> })}
        </section>
    }
}

#[component]
fn InvalidateForm(id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="fraud-heading">
            <h2 id="fraud-heading">{l.t("fraud-title")}</h2>
            <p class="hint">{l.t("fraud-hint")}</p>
            <form method="post" action="/api/petitions/invalidate" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="field"><label for="fraud-ip">{l.t("fraud-ip")}</label><input id="fraud-ip" name="ip" type="text" maxlength="64"/></div>
                <div class="field"><label for="fraud-domain">{l.t("fraud-domain")}</label><input id="fraud-domain" name="email_domain" type="text" maxlength="254"/></div>
                <div class="field"><label for="fraud-from">{l.t("fraud-from")}</label><input id="fraud-from" name="from" type="datetime-local"/></div>
                <div class="field"><label for="fraud-to">{l.t("fraud-to")}</label><input id="fraud-to" name="to" type="datetime-local"/></div>
                <fieldset>
                    <legend>{l.t("fraud-grounds")}</legend>
                    {RevokeReason::GROUNDS.into_iter().enumerate().map(|(i, g)| {
                        let id = format!("fraud-grounds-{}", g.as_str());
                        view! {
                            <div class="check">
                                <input type="radio" id=id.clone() name="grounds" value=g.as_str() required checked=i == 0/>
                                <label for=id>{l.t(&format!("fraud-grounds-{}", g.as_str()))}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field"><label for="fraud-reason">{l.t("fraud-reason")}</label><input id="fraud-reason" name="reason" type="text" required maxlength="500"/></div>
                <button type="submit" class="button button-danger">{l.t("fraud-submit")}</button>
            </form>
        </section>
    }
}

/// Filing a new petition (`/petitions/new`) or editing a draft (`/petitions/:id/edit`).
#[component]
pub fn FilePetitionPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let params = use_params_map();
    let key = move || {
        let q = query.read();
        (
            q.get("territory").unwrap_or_default(),
            q.get("topic").unwrap_or_default(),
            params.read().get("id").and_then(|s| s.parse::<i32>().ok()),
            q.get("title").unwrap_or_default(),
        )
    };
    let options = Resource::new_blocking(key, |(t, topic, draft, title)| {
        get_filing_options(t, topic, draft, title)
    });
    let error = failure::<SavePetition>();
    view! {
        <PageTitle text=locale.get_untracked().t("file-title")/>
        <section class="narrow">
            <h1>{tr("file-title")}</h1>
            <DoneNotice/>
            <Suspense fallback=|| ()>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        let visitor = visitor().await;
                        match options.await {
                            Ok(o) => view! { <FilingForm o=o csrf=visitor.csrf echo=visitor.echo error=error/> }.into_any(),
                            Err(AppError::Forbidden) => view! {
                                <p class="notice">{locale.get_untracked().t("file-login-first")}" "
                                <a href=href(locale.get_untracked(), "/login")>{locale.get_untracked().t("nav-login")}</a></p>
                            }.into_any(),
                            Err(e) => view! { <LoadError error=e/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn FilingForm(
    o: FilingOptions,
    csrf: String,
    echo: Option<crate::model::FormEcho>,
    error: Option<AppError>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let typed = |field: &str| -> Option<String> {
        error.as_ref()?;
        echo.as_ref()?.value("/api/petitions/save", field)
    };
    let field_error = |field: &str| -> Option<String> {
        match &error {
            Some(AppError::Invalid { field: f, .. }) if f == field => {
                error.as_ref().map(|e| e.message(l))
            }
            _ => None,
        }
    };
    let form_error = match &error {
        Some(AppError::Invalid { .. }) | None => None,
        Some(e) => Some(e.message(l)),
    };
    let draft = o.draft.clone();
    let value =
        |field: &str, from_draft: Option<String>| typed(field).or(from_draft).unwrap_or_default();
    let title = value(
        "title",
        draft
            .as_ref()
            .map(|d| d.title.clone())
            .or_else(|| (!o.title.is_empty()).then(|| o.title.clone())),
    );
    let summary = value("summary", draft.as_ref().map(|d| d.summary.clone()));
    let text = value("text", draft.as_ref().map(|d| d.text.clone()));
    let chosen_body = value("body", draft.as_ref().map(|d| d.body.clone()));
    let territory = typed("territory").unwrap_or_else(|| o.territory.clone());
    let topic = typed("topic")
        .filter(|t| o.topics.iter().any(|x| x.code == *t))
        .or_else(|| o.topic.clone());
    let action_path = draft.as_ref().map_or_else(
        || "/petitions/new".to_owned(),
        |d| format!("/petitions/{}/edit", d.id),
    );
    let error_line = |field: &'static str| {
        field_error(field)
            .map(|e| view! { <p class="field-error" id=format!("field-{field}-error")>{e}</p> })
    };
    let invalid = |field: &str| field_error(field).is_some().then_some("true");
    // The title's error line goes into the title island as its children, which must own it.
    let title_error = error_line("title");
    view! {
        {form_error.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
        {draft.as_ref().and_then(|d| d.return_note.clone()).map(|note| view! {
            <div class="notice notice-error" role="status"><p><strong>{l.t("petition-returned-note")}</strong></p><p class="prewrap">{note}</p></div>
        })}
        <p class="lead">{l.t("file-lead")}</p>
        <ul class="hint">
            <li>{l.t_with("file-rule-moderation", &[("days", o.moderation_days.into())])}</li>
            <li>{l.t_with("file-rule-support", &[("count", o.initial_support.into()), ("days", o.support_days.into())])}</li>
            <li>{l.t_with("file-rule-answer", &[("days", o.answer_days.into())])}</li>
        </ul>
        <form method="get" action=href(l, &action_path) class="form panel">
            <h2>{l.t("file-step-where")}</h2>
            <div class="field">
                <label for="pick-territory">{l.t("file-territory")}</label>
                <select id="pick-territory" name="territory" required>
                    <option value="">{l.t("field-region-choose")}</option>
                    {o.territories.iter().map(|(kato, names)| view! {
                        <option value=kato.clone() selected=*kato == territory>{names.get(l).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="pick-topic">{l.t("file-topic")}</label>
                <select id="pick-topic" name="topic" required>
                    <option value="">{l.t("file-topic-choose")}</option>
                    {topic_options(&o.topics, topic.as_deref())}
                </select>
            </div>
            <div class="field">
                <label for="pick-title">{l.t("file-working-title")}</label>
                <p class="hint" id="pick-title-hint">{l.t("file-working-title-hint")}</p>
                <input id="pick-title" name="title" type="text" maxlength="120" value=title.clone() aria-describedby="pick-title-hint"/>
            </div>
            <button type="submit" class="button button-secondary">{l.t("file-show-bodies")}</button>
        </form>
        <form method="post" action="/api/petitions/save" class="form">
            <FormTokens csrf=csrf/>
            {draft.as_ref().map(|d| view! { <input type="hidden" name="id" value=d.id.to_string()/> })}
            <input type="hidden" name="territory" value=territory.clone()/>
            <input type="hidden" name="topic" value=topic.clone().unwrap_or_default()/>
            <fieldset class="field" aria-describedby="bodies-hint">
                <legend>{l.t("file-body")}</legend>
                <p class="hint" id="bodies-hint">{l.t("file-levels-hint")}</p>
                {error_line("territory")}
                {error_line("topic")}
                {error_line("body")}
                {o.bodies.is_empty().then(|| view! { <p>{l.t("file-choose-first")}</p> })}
                {body_groups(&o.bodies).into_iter().map(|(legend, members)| view! {
                    <fieldset class="body-group">
                        <legend>{l.t(&legend)}</legend>
                        {members.into_iter().map(|(i, b)| {
                            let fid = format!("body-{i}");
                            let checked = chosen_body == b.body.slug || (chosen_body.is_empty() && i == 0 && b.suggested);
                            view! {
                                <div class="check body-option">
                                    <input type="radio" id=fid.clone() name="body" value=b.body.slug.clone() checked=checked required/>
                                    <label for=fid>
                                        <strong>{b.body.names.get(l).to_owned()}</strong>
                                        <span class="hint">{l.t(b.body.level.label_key())}" · "
                                            {l.t_with("file-body-threshold", &[("count", l.number(b.threshold.signatures).into()), ("n", b.threshold.signatures.into())])}" ("
                                            {l.t(b.threshold.required_grade.label_key())}") · "
                                            {l.t_with(&format!("file-collection-{}", b.collection_unit), &[("n", b.collection_amount.into())])}
                                        </span>
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="field-title">{l.t("file-field-title")}</label>
                <p class="hint" id="field-title-hint">{l.t("file-field-title-hint")}</p>
                <TitleWithSimilar lang=l.code().to_owned() value=title invalid=invalid("title").is_some()
                    words=SimilarWords { heading: l.t("file-similar"), hint: l.t("file-similar-hint") }
                    similar=similar_items(l, o.similar.clone())>
                    {title_error}
                </TitleWithSimilar>
            </div>
            <div class="field">
                <label for="field-summary">{l.t("file-field-summary")}</label>
                <p class="hint" id="field-summary-hint">{l.t("file-field-summary-hint")}</p>
                <textarea id="field-summary" name="summary" rows="3" required maxlength="500"
                    aria-invalid=invalid("summary") aria-describedby="field-summary-hint">{summary}</textarea>
                {error_line("summary")}
            </div>
            <div class="field">
                <label for="field-text">{l.t("file-field-text")}</label>
                <p class="hint" id="field-text-hint">{l.t("file-field-text-hint")}</p>
                <textarea id="field-text" name="text" rows="12" required maxlength="6000"
                    aria-invalid=invalid("text") aria-describedby="field-text-hint">{text}</textarea>
                {error_line("text")}
            </div>
            <fieldset class="field">
                <legend>{l.t("file-prohibited")}</legend>
                <ul>{o.prohibited.iter().map(|n| view! { <li>{n.get(l).to_owned()}</li> }).collect_view()}</ul>
                <div class="check">
                    <input type="checkbox" id="field-confirm" name="confirm" value="on" aria-invalid=invalid("confirm")/>
                    <label for="field-confirm">{l.t("file-confirm")}</label>
                </div>
                {error_line("confirm")}
            </fieldset>
            <div class="actions">
                <button type="submit" name="intent" value="submit" class="button">{l.t("file-submit")}</button>
                <button type="submit" name="intent" value="draft" class="button button-secondary">{l.t("file-save-draft")}</button>
            </div>
        </form>
    }
}

/// The bodies offered, in groups: the suggested ones first, then the rest by level, each with
/// its place in the whole list (the radio buttons' ids).
fn body_groups(
    bodies: &[crate::model::BodyOption],
) -> Vec<(String, Vec<(usize, &crate::model::BodyOption)>)> {
    let mut groups = Vec::new();
    let suggested: Vec<_> = bodies
        .iter()
        .enumerate()
        .filter(|(_, b)| b.suggested)
        .collect();
    if !suggested.is_empty() {
        groups.push(("file-suggested-bodies".to_owned(), suggested));
    }
    for level in crate::model::BodyLevel::ALL {
        let members: Vec<_> = bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| !b.suggested && b.body.level == *level)
            .collect();
        if !members.is_empty() {
            groups.push((format!("file-bodies-{}", level.as_str()), members));
        }
    }
    groups
}

/// The moderation queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = use_locale();
    let queue = Resource::new_blocking(|| (), |_| moderation_queue());
    view! {
        <PageTitle text=locale.get_untracked().t("moderation-title")/>
        <h1>{tr("moderation-title")}</h1>
        <p class="lead">{tr("moderation-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(list) => view! { <PetitionTable list=list empty="moderation-empty"/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The admin's catalogue of rejection reasons.
#[component]
pub fn ReasonsPage() -> impl IntoView {
    let locale = use_locale();
    let reasons = Resource::new_blocking(|| (), |_| rejection_reasons());
    let error = failure::<SaveReason>();
    view! {
        <PageTitle text=locale.get_untracked().t("reasons-title")/>
        <h1>{tr("reasons-title")}</h1>
        <DoneNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let visitor = visitor().await;
                let list = match reasons.await {
                    Ok(list) => list,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                view! {
                    <div class="table-wrap"><table>
                        <thead><tr>
                            <th scope="col">{l.t("reasons-code")}</th>
                            <th scope="col">{l.t("reasons-name")}</th>
                            <th scope="col">{l.t("reasons-scope")}</th>
                            <th scope="col">{l.t("moderation-hides-text")}</th>
                            <th scope="col">{l.t("reasons-active")}</th>
                        </tr></thead>
                        <tbody>{list.iter().map(|r| view! {
                            <tr><td><code>{r.code.clone()}</code></td><td>{r.names.get(l).to_owned()}</td>
                                <td>{l.t(r.scope.label_key())}</td>
                                <td>{l.t(if r.hides_text { "yes" } else { "no" })}</td>
                                <td>{l.t(if r.active { "yes" } else { "no" })}</td></tr>
                        }).collect_view()}</tbody>
                    </table></div>
                    <section class="panel" aria-labelledby="reason-form-heading">
                        <h2 id="reason-form-heading">{l.t("reasons-save")}</h2>
                        <p class="hint">{l.t("reasons-save-hint")}</p>
                        <form method="post" action="/api/moderation/reasons/save" class="form">
                            <FormTokens csrf=visitor.csrf/>
                            <div class="field"><label for="r-code">{l.t("reasons-code")}</label><input id="r-code" name="code" required maxlength="64"/></div>
                            <div class="field"><label for="r-kk">{l.t("reasons-name-kk")}</label><input id="r-kk" name="name_kk" required maxlength="300"/></div>
                            <div class="field"><label for="r-ru">{l.t("reasons-name-ru")}</label><input id="r-ru" name="name_ru" required maxlength="300"/></div>
                            <div class="field"><label for="r-en">{l.t("reasons-name-en")}</label><input id="r-en" name="name_en" required maxlength="300"/></div>
                            <div class="field"><label for="r-scope">{l.t("reasons-scope")}</label>
                                <select id="r-scope" name="scope">
                                    {ReasonScope::ALL.iter().map(|s| view! { <option value=s.as_str()>{l.t(s.label_key())}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="check"><input type="checkbox" id="r-hides" name="hides_text" value="on"/><label for="r-hides">{l.t("moderation-hides-text")}</label></div>
                            <div class="check"><input type="checkbox" id="r-active" name="active" value="on" checked/><label for="r-active">{l.t("reasons-active")}</label></div>
                            <button type="submit" class="button">{l.t("reasons-save")}</button>
                        </form>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// My petitions and the petitions I signed.
pub type Mine = Resource<Result<(Vec<PetitionSummary>, Vec<PetitionSummary>), AppError>>;

/// The profile's lists, loaded only for a visitor who is signed in (for anyone else
/// `my_petitions` refuses, and its 403 would become the page's).
pub fn my_petitions_of_visitor() -> Mine {
    let whoami = crate::components::account::use_whoami();
    Resource::new_blocking(
        || (),
        move |()| async move {
            let signed_in = match whoami {
                Some(w) => w.await.is_ok_and(|v| v.me.is_some()),
                None => false,
            };
            if signed_in {
                my_petitions().await
            } else {
                Ok(Default::default())
            }
        },
    )
}

/// The profile's lists: my petitions and the petitions I signed.
#[component]
pub fn MyPetitions(mine: Mine) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let (authored, signed) = mine.await.unwrap_or_default();
                view! {
                    <section aria-labelledby="petitions-heading">
                        <h2 id="petitions-heading">{l.t("profile-petitions")}</h2>
                        <PetitionTable list=authored empty="profile-petitions-none"/>
                        <p><a href=href(l, "/petitions/new")>{l.t("petitions-start")}</a></p>
                    </section>
                    <section aria-labelledby="signatures-heading">
                        <h2 id="signatures-heading">{l.t("profile-signatures")}</h2>
                        <PetitionTable list=signed empty="profile-signatures-none"/>
                    </section>
                }
            })}
        </Suspense>
    }
}
