//! Deputies' inquiries: the public register (`register`), an inquiry's page (`show`), the
//! office's drafting form (`draft`), and the pages of a deputy and a maslikhat with their
//! figures (`deputy`). The list and the figures here are shared by all of them.

pub mod deputy;
pub mod draft;
pub mod register;
pub mod show;

use leptos::prelude::*;

use crate::components::links::{BodyLink, href};
use crate::i18n::{Locale, format_date, use_locale};
use crate::model::{InquiryFigures, InquiryState, InquirySummary};

/// Where an inquiry stands, in words: the deputy's side once closed, the body's otherwise.
pub fn standing(l: Locale, s: &InquirySummary) -> String {
    if s.state != InquiryState::Sent {
        return match s.outcome {
            Some(o) => l.t(o.label_key()),
            None => l.t(s.state.label_key()),
        };
    }
    match (&s.clock, s.case_state) {
        (Some(clock), _) => l.t(&format!("clock-state-{clock}")),
        (None, Some(state)) => l.t(state.label_key()),
        (None, None) => l.t(s.state.label_key()),
    }
}

/// A table of inquiries.
#[component]
pub fn InquiryTable(rows: Vec<InquirySummary>) -> impl IntoView {
    let l = use_locale().get_untracked();
    if rows.is_empty() {
        return view! { <p class="notice">{l.t("inquiries-empty")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap"><table class="inquiries">
            <thead><tr>
                <th scope="col">{l.t("inquiry-title")}</th>
                <th scope="col">{l.t("inquiry-deputy")}</th>
                <th scope="col">{l.t("inquiry-addressee")}</th>
                <th scope="col">{l.t("petition-topic")}</th>
                <th scope="col">{l.t("inquiry-sent-on")}</th>
                <th scope="col">{l.t("case-due")}</th>
                <th scope="col">{l.t("inquiry-standing")}</th>
            </tr></thead>
            <tbody>{rows.into_iter().map(|r| {
                let overdue = matches!(r.clock.as_deref(), Some("overdue" | "very_overdue"));
                view! {
                    <tr class:overdue=overdue>
                        <td><a href=href(l, &format!("/inquiries/{}", r.id))><bdi>{r.title.clone()}</bdi></a></td>
                        <td><a href=href(l, &format!("/deputies/{}", r.deputy.id))><bdi>{r.deputy.name.clone()}</bdi></a></td>
                        <td><BodyLink body=r.addressee.clone()/></td>
                        <td>{r.topic.names.get(l).to_owned()}</td>
                        <td>{r.sent_on.map(format_date).unwrap_or_default()}</td>
                        <td>{r.due_on.map(format_date).unwrap_or_default()}</td>
                        <td data-col="standing">{standing(l, &r)}</td>
                    </tr>
                }
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

/// A bar chart drawn on the server (SVG, no script) with the same figures as a table beside
/// it, so it reads without sight and without JavaScript.
#[component]
fn BarChart(id: &'static str, caption: String, bars: Vec<(String, u64)>) -> impl IntoView {
    let l = use_locale().get_untracked();
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let row = 22_u64;
    let height = row * bars.len() as u64 + 4;
    let heading = format!("{id}-heading");
    let labelled = heading.clone();
    view! {
        <figure class="chart" aria-labelledby=labelled>
            <figcaption id=heading>{caption.clone()}</figcaption>
            <div class="chart-pair">
                <svg viewBox=format!("0 0 320 {height}") width="320" height=height.to_string() role="img" aria-label=caption focusable="false">
                    {bars.iter().enumerate().map(|(i, (label, n))| {
                        let y = i as u64 * row + 2;
                        let w = 8 + (*n * 150) / max;
                        view! {
                            <g>
                                <text x="0" y=(y + 15).to_string() class="chart-label">{label.chars().take(18).collect::<String>()}</text>
                                <rect x="130" y=y.to_string() width=w.to_string() height="18" class="chart-bar"></rect>
                                <text x=(130 + w + 4).to_string() y=(y + 15).to_string() class="chart-value">{l.number(*n)}</text>
                            </g>
                        }
                    }).collect_view()}
                </svg>
                <table class="chart-table">
                    <tbody>{bars.iter().map(|(label, n)| view! {
                        <tr><th scope="row">{label.clone()}</th><td>{l.number(*n)}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
        </figure>
    }
}

/// A deputy's or a maslikhat's figures: the counts, then inquiries by topic, by month and by
/// outcome.
#[component]
pub fn Figures(figures: InquiryFigures) -> impl IntoView {
    let l = use_locale().get_untracked();
    let f = figures;
    let counts = [
        ("inquiry-figures-sent", f.sent, "sent"),
        ("inquiry-figures-on-time", f.on_time, "on_time"),
        ("inquiry-figures-late", f.late, "late"),
        ("inquiry-figures-overdue", f.overdue, "overdue"),
        ("inquiry-figures-awaiting", f.awaiting, "awaiting"),
        ("inquiry-figures-follow-ups", f.follow_ups, "follow_ups"),
        ("inquiry-figures-escalations", f.escalations, "escalations"),
    ];
    let topics: Vec<(String, u64)> = f
        .by_topic
        .iter()
        .map(|(t, n)| (t.names.get(l).to_owned(), *n))
        .collect();
    let outcomes: Vec<(String, u64)> = f
        .outcomes
        .iter()
        .map(|(o, n)| (l.t(o.label_key()), *n))
        .collect();
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{l.t("inquiry-figures")}</h2>
            <dl class="facts figures-counts">
                {counts.iter().map(|(key, n, col)| view! {
                    <dt>{l.t(key)}</dt><dd data-figure=*col>{l.number(*n)}</dd>
                }).collect_view()}
            </dl>
            {(!topics.is_empty()).then(|| view! { <BarChart id="by-topic" caption=l.t("inquiry-figures-by-topic") bars=topics.clone()/> })}
            {(!f.by_month.is_empty()).then(|| view! { <BarChart id="by-month" caption=l.t("inquiry-figures-by-month") bars=f.by_month.clone()/> })}
            {(!outcomes.is_empty()).then(|| view! { <BarChart id="by-outcome" caption=l.t("inquiry-figures-outcomes") bars=outcomes.clone()/> })}
        </section>
    }
}
