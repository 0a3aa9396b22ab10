//! `/:lang/councils/:slug`: a public council — the body it belongs to, its health, members
//! (former members under their dates), meetings with the calendar feed, proposals and the
//! recommendations sent to the body with how each fared — and, for its secretary, the forms
//! that plan a meeting and keep the members list.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::councils::{AddMember, CreateMeeting, EndMember, FollowCouncil, get_council};
use crate::components::account::visitor;
use crate::components::case::kz_date;
use crate::components::form::{DoneNotice, FormTokens, failure};
use crate::components::links::{BodyLink, encode, href};
use crate::i18n::{Locale, format_date, use_locale};
use crate::model::{CouncilView, MeetingFormat, MemberPosition, MemberView};
use crate::pages::councils::dormant_line;
use crate::pages::{LoadError, PageTitle};

/// `/:lang/councils/:slug`.
#[component]
pub fn CouncilPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let words = move || query.read().get("q").unwrap_or_default();
    let council = Resource::new_blocking(
        move || (slug(), words()),
        |(slug, words)| get_council(slug, words),
    );
    let error = failure::<AddMember>()
        .or_else(failure::<EndMember>)
        .or_else(failure::<FollowCouncil>)
        .or_else(failure::<CreateMeeting>);
    view! {
        <DoneNotice/>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let visitor = visitor().await;
                match council.await {
                    Ok(c) => view! { <CouncilBody c=c csrf=visitor.csrf words=words()/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn member_row(l: Locale, m: &MemberView) -> impl IntoView + use<> {
    view! {
        <tr>
            <td><bdi>{m.full_name.clone()}</bdi></td>
            <td>{l.t(m.position.label_key())}</td>
            <td><bdi>{m.organisation.clone()}</bdi></td>
            <td>{if m.voting { l.t("yes") } else { l.t("no") }}</td>
            <td>{format_date(m.starts_on)}" – "{m.ends_on.map(format_date).unwrap_or_default()}</td>
        </tr>
    }
}

#[component]
fn MembersTable(members: Vec<MemberView>, caption: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{l.t("member-name")}</th>
                    <th scope="col">{l.t("member-position")}</th>
                    <th scope="col">{l.t("member-organisation")}</th>
                    <th scope="col">{l.t("member-voting")}</th>
                    <th scope="col">{l.t("member-term")}</th>
                </tr></thead>
                <tbody>{members.iter().map(|m| member_row(l, m)).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn CouncilBody(c: CouncilView, csrf: String, words: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let h = c.health.clone();
    let slug = c.council.slug.clone();
    let name = c.council.names.get(l).to_owned();
    let v = c.viewer.clone();
    view! {
        <PageTitle text=name.clone()/>
        <article class="council">
            <p class="hint">{l.t("body-kind-public_council")}</p>
            <h1>{name}</h1>
            {c.body.clone().map(|b| view! { <p>{l.t("council-of")}" "<BodyLink body=b/></p> })}
            <p class="lead">{l.t("council-purpose")}</p>
            {dormant_line(l, &h).map(|t| view! { <p class="notice notice-error" role="status" data-flag="dormant">{t}</p> })}
            <nav class="actions" aria-label=l.t("council-actions")>
                {v.signed_in.then(|| view! { <a class="button" href=href(l, &format!("/councils/{slug}/propose"))>{l.t("proposal-new")}</a> })}
                {v.signed_in.then(|| view! {
                    <form method="post" action="/api/councils/follow" class="inline-form">
                        <FormTokens csrf=csrf.clone()/>
                        <input type="hidden" name="council" value=slug.clone()/>
                        <input type="hidden" name="follow" value=if v.follows { "0" } else { "1" }/>
                        <button type="submit" class="button button-secondary">{if v.follows { l.t("council-unfollow") } else { l.t("council-follow") }}</button>
                    </form>
                })}
                {v.is_secretary.then(|| view! { <a class="button button-secondary" href=href(l, &format!("/councils/{slug}/desk"))>{l.t("desk-title")}</a> })}
                <a href=format!("/api/calendar/council/{slug}?lang={}", l.code()) rel="external">{l.t("council-calendar")}</a>
            </nav>
            <section aria-labelledby="health-heading">
                <h2 id="health-heading">{l.t("council-health")}</h2>
                <dl class="facts">
                    <dt>{l.t("council-col-last-meeting")}</dt>
                    <dd data-health="last-meeting">{h.last_meeting.map_or_else(|| l.t("council-no-meeting"), format_date)}</dd>
                    <dt>{l.t("council-col-meetings")}</dt>
                    <dd data-health="meetings">{l.number(u64::from(h.meetings_last_year))}</dd>
                    <dt>{l.t("council-voting-members")}</dt>
                    <dd data-health="members">{format!("{} / {}", l.number(u64::from(h.voting_members)), l.number(u64::from(h.minimum_members)))}</dd>
                    <dt>{l.t("council-col-vacancies")}</dt>
                    <dd data-health="vacancies">{l.number(u64::from(h.vacancies))}</dd>
                    <dt>{l.t("council-overdue-proposals")}</dt>
                    <dd data-health="overdue-proposals">{l.number(u64::from(h.overdue_proposals))}</dd>
                    <dt>{l.t("council-overdue-recommendations")}</dt>
                    <dd data-health="overdue-recommendations">{l.number(u64::from(h.overdue_recommendations))}</dd>
                </dl>
            </section>
            <section aria-labelledby="recommendations-heading">
                <h2 id="recommendations-heading">{l.t("council-recommendations")}</h2>
                {if c.recommendations.is_empty() {
                    view! { <p class="hint">{l.t("council-no-recommendations")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards">
                            {c.recommendations.iter().map(|r| view! {
                                <li>
                                    <p><span class=format!("tag recommendation-{}", r.status.as_str())>{l.t(r.status.label_key())}</span>
                                        {r.due_on.map(|d| view! { " · "{l.t("case-due")}" "{format_date(d)} })}</p>
                                    <p><a href=href(l, &format!("/recommendations/{}", r.id))><bdi>{r.item_title.clone()}</bdi></a></p>
                                    <p class="prewrap">{r.text.clone()}</p>
                                    <p class="hint"><a href=href(l, &format!("/meetings/{}", r.meeting_id))>{l.t("recommendation-from-meeting")}</a></p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="meetings-heading">
                <h2 id="meetings-heading">{l.t("council-meetings")}</h2>
                {if c.meetings.is_empty() {
                    view! { <p class="hint">{l.t("council-no-meetings")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards">
                            {c.meetings.iter().map(|m| view! {
                                <li>
                                    <a href=href(l, &format!("/meetings/{}", m.id))>{kz_date(m.starts_at)}" · "{l.t(m.format.label_key())}</a>
                                    " "<span class=format!("tag meeting-{}", m.state.as_str())>{l.t(m.state.label_key())}</span>
                                    {(!m.place.is_empty()).then(|| view! { <br/><span class="hint"><bdi>{m.place.clone()}</bdi></span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="proposals-heading">
                <h2 id="proposals-heading">{l.t("council-proposals")}</h2>
                <form method="get" action=format!("{}#proposals-heading", href(l, &format!("/councils/{slug}"))) class="filters" role="search" aria-label=l.t("council-proposals-search")>
                    <div class="field field-wide">
                        <label for="proposal-q">{l.t("council-proposals-search")}</label>
                        <input type="search" id="proposal-q" name="q" maxlength="200" value=words.clone() aria-describedby="proposal-q-hint"/>
                        <p class="hint" id="proposal-q-hint">{l.t("list-search-hint")}</p>
                    </div>
                    <button type="submit" class="button button-secondary">{l.t("filter-apply")}</button>
                </form>
                {if c.proposals.is_empty() {
                    let none = if words.trim().is_empty() { "council-no-proposals" } else { "council-no-proposals-match" };
                    view! { <p class="hint">{l.t(none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards">
                            {c.proposals.iter().map(|p| view! {
                                <li>
                                    <a href=href(l, &format!("/proposals/{}", p.id))><bdi>{p.title.clone()}</bdi></a>
                                    " "<span class="tag">{l.t(p.desk_state.label_key())}</span>
                                    {p.hidden.then(|| view! { " "<span class="tag">{l.t("proposal-hidden")}</span> })}
                                    <br/><span class="hint">{kz_date(p.created_at)}" · "{l.t_with("proposal-supporters", &[("count", l.number(u64::from(p.supporters)).into()), ("n", p.supporters.into())])}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <p class="data-links"><a href=format!("/api/v1/feeds/proposals.atom?lang={}&council={}", l.code(), encode(&slug)) rel="external" type="application/atom+xml">{l.t("council-proposals-feed")}</a></p>
            </section>
            <section aria-labelledby="members-heading">
                <h2 id="members-heading">{l.t("council-members")}</h2>
                {if c.members.is_empty() {
                    view! { <p class="hint">{l.t("council-no-members")}</p> }.into_any()
                } else {
                    view! { <MembersTable members=c.members.clone() caption=l.t("council-members-now")/> }.into_any()
                }}
                {(!c.former.is_empty()).then(|| view! { <MembersTable members=c.former.clone() caption=l.t("council-members-former")/> })}
            </section>
            {v.is_secretary.then(|| view! {
                <MeetingForm slug=slug.clone() csrf=csrf.clone()/>
                <AddMemberForm slug=slug.clone() csrf=csrf.clone()/>
                <EndMemberForm slug=slug.clone() members=c.members.clone() csrf=csrf.clone()/>
            })}
        </article>
    }
}

#[component]
fn MeetingForm(slug: String, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="meeting-form-heading">
            <h2 id="meeting-form-heading">{l.t("meeting-new")}</h2>
            <form method="post" action="/api/councils/meetings/create" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="council" value=slug/>
                <div class="field"><label for="meeting-date">{l.t("meeting-date")}</label>
                    <input type="date" id="meeting-date" name="date" required/></div>
                <div class="field"><label for="meeting-time">{l.t("meeting-time")}</label>
                    <input type="time" id="meeting-time" name="time" value="15:00" required/></div>
                <div class="field"><label for="meeting-format">{l.t("meeting-format")}</label>
                    <select id="meeting-format" name="format">
                        {MeetingFormat::ALL.iter().map(|f| view! { <option value=f.as_str()>{l.t(f.label_key())}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="meeting-place">{l.t("meeting-place")}</label>
                    <input type="text" id="meeting-place" name="place" maxlength="300"/></div>
                <div class="field"><label for="meeting-url">{l.t("meeting-url")}</label>
                    <input type="url" id="meeting-url" name="online_url" maxlength="500"/></div>
                <button type="submit" class="button">{l.t("meeting-create")}</button>
            </form>
        </section>
    }
}

#[component]
fn AddMemberForm(slug: String, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="member-form-heading">
            <h2 id="member-form-heading">{l.t("member-add")}</h2>
            <form method="post" action="/api/councils/members/add" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="council" value=slug/>
                <div class="field"><label for="member-name">{l.t("member-name")}</label>
                    <input type="text" id="member-name" name="full_name" required maxlength="200"/></div>
                <div class="field"><label for="member-position">{l.t("member-position")}</label>
                    <select id="member-position" name="position">
                        {MemberPosition::ALL.iter().rev().map(|p| view! { <option value=p.as_str()>{l.t(p.label_key())}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="member-organisation">{l.t("member-organisation")}</label>
                    <input type="text" id="member-organisation" name="organisation" maxlength="300"/></div>
                <div class="check"><input type="checkbox" id="member-voting" name="voting" checked/>
                    <label for="member-voting">{l.t("member-voting")}</label></div>
                <div class="field"><label for="member-starts">{l.t("member-starts")}</label>
                    <input type="date" id="member-starts" name="starts_on" required/></div>
                <div class="field"><label for="member-ends">{l.t("member-ends")}</label>
                    <input type="date" id="member-ends" name="ends_on"/></div>
                <div class="field"><label for="member-email">{l.t("member-email")}</label>
                    <input type="email" id="member-email" name="email"/></div>
                <button type="submit" class="button button-secondary">{l.t("member-add")}</button>
            </form>
        </section>
    }
}

#[component]
fn EndMemberForm(slug: String, members: Vec<MemberView>, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    (!members.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="end-member-heading">
            <h2 id="end-member-heading">{l.t("member-end")}</h2>
            <form method="post" action="/api/councils/members/end" class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="council" value=slug/>
                <div class="field"><label for="end-member">{l.t("member-name")}</label>
                    <select id="end-member" name="member">
                        {members.iter().map(|m| view! { <option value=m.id.to_string()>{m.full_name.clone()}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="end-member-on">{l.t("member-ends")}</label>
                    <input type="date" id="end-member-on" name="ends_on" required/></div>
                <button type="submit" class="button button-secondary">{l.t("member-end")}</button>
            </form>
        </section>
    })
}
