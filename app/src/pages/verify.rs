//! Transparency for people: a signer's receipt on the petition page; `/:lang/verify`, where
//! anyone pastes a receipt and learns whether that signature is in the public log and counts (a
//! plain GET form: it works without JavaScript, and a checked receipt has an address of its
//! own); and `/:lang/moderation/record`, every moderation decision and invalidation, without
//! who took it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::petitions::moderation_record;
use crate::api::signature_log::check_receipt;
use crate::components::case::kz_date;
use crate::components::links::{encode, href};
use crate::i18n::{tr, use_locale};
use crate::model::{ReceiptCheck, RevokeReason};
use crate::pages::{LoadError, PageTitle};

/// The signer's receipt: to copy, to download, and to check. The page loads it (`my_receipt`)
/// at its top, where a resource is made once.
#[component]
pub fn SignatureReceipt(
    petition: i32,
    receipt: Resource<Result<Option<String>, crate::error::AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let Ok(Some(text)) = receipt.await else {
                    return ().into_any();
                };
                let pending = !text.contains("\nindex ");
                let download = format!("data:text/plain;charset=utf-8,{}", encode(&text));
                let check = format!("{}?receipt={}", href(l, "/verify"), encode(&text));
                view! {
                    <details class="receipt">
                        <summary>{l.t("receipt-title")}</summary>
                        <p>{l.t("receipt-intro")}</p>
                        {pending.then(|| view! { <p class="notice">{l.t("receipt-pending")}</p> })}
                        <label for="receipt-text">{l.t("receipt-label")}</label>
                        <textarea id="receipt-text" class="receipt-text" readonly rows="9">{text}</textarea>
                        <p class="actions">
                            <a class="button secondary" download=format!("dauys-receipt-{petition}.txt") href=download>{l.t("receipt-download")}</a>
                            " "
                            <a href=check>{l.t("receipt-check")}</a>
                        </p>
                    </details>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// `/:lang/verify`.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let given = move || query.read().get("receipt").unwrap_or_default();
    let result = Resource::new_blocking(given, |text| async move {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            check_receipt(text).await.map(Some)
        }
    });
    view! {
        <PageTitle text=locale.get_untracked().t("verify-title")/>
        <h1>{tr("verify-title")}</h1>
        <p class="lead">{tr("verify-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let outcome = match result.await {
                    Ok(outcome) => outcome,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let petition_link = |petition: i32| view! {
                    <a href=href(l, &format!("/petitions/{petition}"))>{l.t_with("verify-petition", &[("id", petition.into())])}</a>
                };
                let verdict = outcome.map(|outcome| match outcome {
                    ReceiptCheck::Counted { petition, index, log_size, consistent_from } => view! {
                        <div class="notice notice-success" role="status">
                            <p><strong>{l.t("verify-counted")}</strong></p>
                            <p>{l.t_with("verify-counted-detail", &[("index", index.into()), ("size", log_size.into())])}</p>
                            {consistent_from.map(|from| view! { <p>{l.t_with("verify-consistent", &[("size", from.into())])}</p> })}
                            <p>{petition_link(petition)}</p>
                        </div>
                    }.into_any(),
                    ReceiptCheck::Withdrawn { petition, index } => view! {
                        <div class="notice" role="status">
                            <p><strong>{l.t("verify-withdrawn")}</strong></p>
                            <p>{l.t_with("verify-withdrawn-detail", &[("index", index.into())])}</p>
                            <p>{petition_link(petition)}</p>
                        </div>
                    }.into_any(),
                    ReceiptCheck::Pending { petition } => view! {
                        <div class="notice" role="status">
                            <p><strong>{l.t("verify-pending")}</strong></p>
                            <p>{petition_link(petition)}</p>
                        </div>
                    }.into_any(),
                    ReceiptCheck::Failed { reason } => view! {
                        <div class="notice notice-error" role="alert">
                            <p><strong>{l.t("verify-failed")}</strong></p>
                            <p>{l.t(&reason)}</p>
                        </div>
                    }.into_any(),
                });
                let browser_check = verdict.is_some().then(|| view! { <BrowserCheck/> });
                view! {
                    <div id="site-check">{verdict}</div>
                    {browser_check}
                    <form method="get" class="panel">
                        <label for="receipt">{l.t("verify-receipt-label")}</label>
                        <textarea id="receipt" name="receipt" rows="11" class="receipt-text" maxlength="4000">{given()}</textarea>
                        <button type="submit" class="button">{l.t("verify-submit")}</button>
                    </form>
                    <section aria-labelledby="verify-how">
                        <h2 id="verify-how">{l.t("verify-how-title")}</h2>
                        <p>{l.t("verify-how")}</p>
                        <ul>
                            <li><a href="/api/v1/log/checkpoint">{l.t("verify-link-checkpoint")}</a></li>
                            <li><a href="/api/v1/log/key">{l.t("verify-link-key")}</a></li>
                            <li><a href="/api/docs/">{l.t("verify-link-api")}</a></li>
                        </ul>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// Where the browser's own check of the receipt appears, with JavaScript: `/verify/verify.js`
/// (loaded here alone) asks the site for the receipt's entry and proofs and checks them in
/// wasm (`frontend/verify`), then writes its verdict here in the page's language, from the
/// messages in the template (inert, so they are neither shown nor read out). Without JavaScript nothing shows, and the site's check above is the
/// page's answer.
#[component]
fn BrowserCheck() -> impl IntoView {
    let l = use_locale().get_untracked();
    let message = |key: &str| (key.to_owned(), l.t(key));
    let mut messages: Vec<(String, String)> = [
        "verify-browser-working",
        "verify-browser-intro",
        "verify-browser-error",
        "verify-counted",
        "verify-withdrawn",
        "verify-pending",
        "verify-failed",
    ]
    .into_iter()
    .map(message)
    .collect();
    messages.extend(
        crate::log_check::FAIL_REASONS
            .iter()
            .map(|reason| message(&format!("verify-fail-{reason}"))),
    );
    messages.push((
        "verify-browser-detail".into(),
        l.t_with(
            "verify-browser-detail",
            &[("index", "{index}".into()), ("size", "{size}".into())],
        ),
    ));
    view! {
        <div id="browser-check" class="notice" role="status" hidden></div>
        <template id="browser-check-messages">
            {messages.into_iter().map(|(key, text)| view! { <p data-key=key>{text}</p> }).collect_view()}
        </template>
        <script type="module" src="/verify/verify.js"></script>
    }
}

/// `/:lang/moderation/record`: the public record of moderation, newest first, fifty a page.
#[component]
pub fn ModerationRecordPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let record = Resource::new_blocking(page, moderation_record);
    view! {
        <PageTitle text=locale.get_untracked().t("record-title")/>
        <h1>{tr("record-title")}</h1>
        <p class="lead">{tr("record-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let r = match record.await {
                    Ok(r) => r,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let totals = l.t_with(
                    "record-totals",
                    &[
                        ("approved", r.approved.into()),
                        ("returned", r.returned.into()),
                        ("rejected", r.rejected.into()),
                        ("invalidations", r.invalidations.into()),
                        ("signatures", r.invalidated.into()),
                    ],
                );
                let rows = r.entries.into_iter().map(|e| {
                    let petition = match e.title {
                        Some(title) => view! {
                            <a href=href(l, &format!("/petitions/{}", e.petition))>{title}</a>
                        }.into_any(),
                        None => view! {
                            <span class="muted">{l.t_with("record-not-public", &[("id", e.petition.into())])}</span>
                        }.into_any(),
                    };
                    let decision = l.t(&format!("record-kind-{}", e.kind.replace('_', "-")));
                    let detail = match (e.reason, e.signatures) {
                        (Some(reason), _) => reason.get(l).to_owned(),
                        (None, Some(n)) => {
                            let removed = l.t_with("record-removed", &[("n", n.into())]);
                            match e.grounds {
                                Some(g) if RevokeReason::GROUNDS.contains(&g) => {
                                    format!("{}. {removed}", l.t(&format!("record-grounds-{}", g.as_str())))
                                }
                                _ => removed,
                            }
                        }
                        (None, None) => String::new(),
                    };
                    view! {
                        <tr>
                            <td>{kz_date(e.at)}</td>
                            <td>{petition}</td>
                            <td>{decision}</td>
                            <td>{detail}</td>
                        </tr>
                    }
                }).collect_view();
                let pager = (r.pages > 1).then(|| view! {
                    <nav class="pagination" aria-label=l.t("record-pages")>
                        {(r.page > 1).then(|| view! { <a rel="prev" href=format!("{}?page={}", href(l, "/moderation/record"), r.page - 1)>{l.t("list-prev")}</a> })}
                        <span>{l.t_with("list-page", &[("page", r.page.into()), ("pages", r.pages.into())])}</span>
                        {(r.page < r.pages).then(|| view! { <a rel="next" href=format!("{}?page={}", href(l, "/moderation/record"), r.page + 1)>{l.t("list-next")}</a> })}
                    </nav>
                });
                view! {
                    <p>{totals}</p>
                    <div class="table-wrap"><table class="responsiveness">
                        <caption class="visually-hidden">{l.t("record-title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{l.t("record-date")}</th>
                                <th scope="col">{l.t("record-petition")}</th>
                                <th scope="col">{l.t("record-decision")}</th>
                                <th scope="col">{l.t("record-detail")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                    {pager}
                }
                .into_any()
            })}
        </Suspense>
    }
}
