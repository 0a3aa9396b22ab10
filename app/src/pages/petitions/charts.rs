//! What a petition's signatures look like: over time (columns per day with the running total,
//! an SVG drawn on the server) and by region (a tile map of the twenty regions shaded by
//! signatures per 10,000 inhabitants, beside a table). Each picture has its figures in a table,
//! so it reads without sight and without JavaScript.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::{Locale, format_date, use_locale};
use crate::model::RegionSignatures;

/// The chart's drawing area, in SVG units.
const WIDTH: u64 = 640;
const HEIGHT: u64 = 200;
/// Room for the axis labels.
const LEFT: u64 = 8;
const BOTTOM: u64 = 22;
const TOP: u64 = 16;

/// Signatures per day as columns, and the running total as a line on its own scale.
#[component]
pub fn SignaturesOverTime(days: Vec<(NaiveDate, u64)>) -> impl IntoView {
    let l = use_locale().get_untracked();
    let total: u64 = days.iter().map(|(_, n)| n).sum();
    let (Some(first), Some(last)) = (days.first().map(|d| d.0), days.last().map(|d| d.0)) else {
        return ().into_any();
    };
    let busiest = days
        .iter()
        .max_by_key(|(_, n)| *n)
        .copied()
        .unwrap_or((first, 0));
    let max = busiest.1.max(1);
    let n = days.len() as u64;
    let plot_w = WIDTH - 2 * LEFT;
    let plot_h = HEIGHT - BOTTOM - TOP;
    let step = plot_w as f64 / n as f64;
    let bar_w = (step * 0.8).max(1.0);
    let mut running = 0_u64;
    let mut points = Vec::with_capacity(days.len());
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (_, count))| {
            running += count;
            let x = LEFT as f64 + i as f64 * step;
            let h = (*count * plot_h) as f64 / max as f64;
            let cum_y = TOP as f64 + plot_h as f64 - (running * plot_h) as f64 / total.max(1) as f64;
            points.push(format!("{:.1},{cum_y:.1}", x + step / 2.0));
            view! {
                <rect class="chart-bar" x=format!("{x:.1}") y=format!("{:.1}", (TOP + plot_h) as f64 - h) width=format!("{bar_w:.1}") height=format!("{h:.1}")></rect>
            }
        })
        .collect_view();
    let summary = l.t_with(
        "chart-time-summary",
        &[
            ("total", l.number(total).into()),
            ("days", n.into()),
            ("from", format_date(first).into()),
            ("to", format_date(last).into()),
            ("busiest", format_date(busiest.0).into()),
            ("most", l.number(busiest.1).into()),
        ],
    );
    let baseline = (TOP + plot_h).to_string();
    view! {
        <figure class="chart chart-time" aria-labelledby="time-heading">
            <figcaption id="time-heading"><h2>{l.t("chart-time-title")}</h2></figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") class="chart-wide" role="img" aria-describedby="time-summary" focusable="false">
                <title>{l.t("chart-time-title")}</title>
                <line class="chart-axis" x1=LEFT.to_string() x2=(WIDTH - LEFT).to_string() y1=baseline.clone() y2=baseline></line>
                {bars}
                <polyline class="chart-line" fill="none" points=points.join(" ")></polyline>
                <text class="chart-value" x=LEFT.to_string() y="11">{l.t_with("chart-time-peak", &[("n", l.number(max).into())])}</text>
                <text class="chart-label" x=LEFT.to_string() y=(HEIGHT - 4).to_string()>{format_date(first)}</text>
                <text class="chart-label" x=(WIDTH - LEFT).to_string() y=(HEIGHT - 4).to_string() text-anchor="end">{format_date(last)}</text>
            </svg>
            <p id="time-summary">{summary}</p>
            <p class="hint">{l.t("chart-time-legend")}</p>
            <details>
                <summary>{l.t("chart-time-table")}</summary>
                <div class="table-wrap"><table class="chart-table">
                    <thead><tr><th scope="col">{l.t("chart-day")}</th><th scope="col">{l.t("chart-signatures")}</th></tr></thead>
                    <tbody>{days.iter().filter(|(_, c)| *c > 0).map(|(d, c)| view! {
                        <tr><th scope="row">{format_date(*d)}</th><td>{l.number(*c)}</td></tr>
                    }).collect_view()}</tbody>
                </table></div>
            </details>
        </figure>
    }
    .into_any()
}

/// Where each region's tile stands on the map (column, row): the country's shape in a 6×4 grid.
const TILES: [(&str, u8, u8); 20] = [
    ("27", 0, 0),
    ("39", 2, 0),
    ("59", 3, 0),
    ("55", 4, 0),
    ("23", 0, 1),
    ("15", 1, 1),
    ("11", 2, 1),
    ("71", 3, 1),
    ("10", 4, 1),
    ("63", 5, 1),
    ("47", 0, 2),
    ("43", 1, 2),
    ("62", 2, 2),
    ("35", 3, 2),
    ("33", 4, 2),
    ("61", 1, 3),
    ("79", 2, 3),
    ("31", 3, 3),
    ("19", 4, 3),
    ("75", 5, 3),
];

const TILE: u64 = 76;
const GAP: u64 = 4;
/// The shades, from "none" to "most" (their colours, each with a text colour that reads on it,
/// are the stylesheet's `.shade-0` … `.shade-5`).
const SHADES: usize = 6;

/// The shade (0 for none, 1–5 by fifths of the largest rate) of a rate of signatures.
pub fn shade(rate: f64, max: f64) -> usize {
    if rate <= 0.0 || max <= 0.0 {
        0
    } else {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let level = (rate / max * 5.0).ceil() as usize;
        level.clamp(1, 5)
    }
}

/// A short name for a tile: the name without the word for "region", cut to fit.
fn short_name(name: &str) -> String {
    let word = name
        .split([' ', '-'])
        .find(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "region" | "облысы" | "область" | "город" | "қаласы" | "city" | ""
            )
        })
        .unwrap_or(name);
    if word.chars().count() > 9 {
        format!("{}.", word.chars().take(8).collect::<String>())
    } else {
        word.to_owned()
    }
}

/// The tile map and the table of signatures by region.
#[component]
pub fn SignaturesByRegion(regions: Vec<RegionSignatures>) -> impl IntoView {
    let l = use_locale().get_untracked();
    if regions.iter().all(|r| r.count == 0) {
        return ().into_any();
    }
    let max = regions
        .iter()
        .filter_map(RegionSignatures::per_10k)
        .fold(0.0_f64, f64::max);
    let tiles = TILES
        .iter()
        .filter_map(|(kato, col, row)| {
            let r = regions.iter().find(|r| r.kato == *kato)?;
            Some(tile(l, r, *col, *row, max))
        })
        .collect_view();
    let mut rows: Vec<&RegionSignatures> = regions.iter().filter(|r| r.count > 0).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.kato.cmp(&b.kato)));
    let rate = |r: &RegionSignatures| {
        r.per_10k()
            .map(|v| l.decimal(v, Some(2)))
            .unwrap_or_else(|| "—".into())
    };
    let w = 6 * (TILE + GAP);
    let h = 4 * (TILE + GAP);
    view! {
        <figure class="chart chart-map" aria-labelledby="regions-heading">
            <figcaption><h2 id="regions-heading">{l.t("petition-by-region")}</h2></figcaption>
            <div class="chart-pair">
                <svg viewBox=format!("0 0 {w} {h}") class="tile-map" role="img" aria-labelledby="regions-heading map-hint" focusable="false">
                    {tiles}
                </svg>
                <div class="table-wrap"><table class="chart-table" data-table="regions">
                    <thead><tr>
                        <th scope="col">{l.t("filter-region")}</th>
                        <th scope="col">{l.t("chart-signatures")}</th>
                        <th scope="col">{l.t("chart-per-10k")}</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|r| view! {
                        <tr><th scope="row">{r.names.get(l).to_owned()}</th><td>{l.number(r.count)}</td><td>{rate(r)}</td></tr>
                    }).collect_view()}</tbody>
                </table></div>
            </div>
            <p class="hint" id="map-hint">{l.t("chart-map-legend")}</p>
            <ul class="map-legend" aria-hidden="true">
                {(0..SHADES).map(|i| view! {
                    <li><span class=format!("swatch shade-{i}")></span>{l.t(&format!("chart-shade-{i}"))}</li>
                }).collect_view()}
            </ul>
        </figure>
    }
    .into_any()
}

fn tile(l: Locale, r: &RegionSignatures, col: u8, row: u8, max: f64) -> impl IntoView {
    let x = u64::from(col) * (TILE + GAP);
    let y = u64::from(row) * (TILE + GAP);
    let level = r.per_10k().map_or(0, |v| shade(v, max));
    let name = r.names.get(l).to_owned();
    let figure = r
        .per_10k()
        .map(|v| l.decimal(v, Some(1)))
        .unwrap_or_else(|| "—".into());
    view! {
        <g class=format!("tile shade-{level}") data-kato=r.kato.clone() data-shade=level.to_string()>
            <title>{format!("{name}: {} · {}", l.number(r.count), figure)}</title>
            <rect x=x.to_string() y=y.to_string() width=TILE.to_string() height=TILE.to_string() rx="6"></rect>
            <text x=(x + TILE / 2).to_string() y=(y + 32).to_string() text-anchor="middle" class="tile-name">{short_name(&name)}</text>
            <text x=(x + TILE / 2).to_string() y=(y + 52).to_string() text-anchor="middle" class="tile-value">{figure}</text>
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_go_by_fifths_of_the_largest_rate() {
        assert_eq!(shade(0.0, 10.0), 0);
        assert_eq!(shade(0.1, 10.0), 1);
        assert_eq!(shade(2.0, 10.0), 1);
        assert_eq!(shade(2.1, 10.0), 2);
        assert_eq!(shade(10.0, 10.0), 5);
    }

    #[test]
    fn tiles_are_named_without_the_word_for_region() {
        assert_eq!(short_name("Akmola Region"), "Akmola");
        assert_eq!(short_name("область Абай"), "Абай");
        assert_eq!(short_name("Абай облысы"), "Абай");
        assert_eq!(short_name("Западно-Казахстанская область"), "Западно");
        assert_eq!(short_name("Акмолинская область"), "Акмолинс.");
        assert_eq!(short_name("город Астана"), "Астана");
        assert_eq!(short_name("Астана қаласы"), "Астана");
    }

    #[test]
    fn every_region_has_its_own_tile() {
        let mut places: Vec<(u8, u8)> = TILES.iter().map(|(_, c, r)| (*c, *r)).collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), 20);
    }
}
