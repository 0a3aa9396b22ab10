//! The signature log for people: a signer's receipt on the petition page, and
//! `/:lang/verify`, where anyone pastes a receipt and learns whether that signature is in the
//! public log and counts. A plain GET form: it works without JavaScript, and a checked receipt
//! has an address of its own.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::signature_log::{check_receipt, my_receipt};
use crate::components::links::{encode, href};
use crate::i18n::{tr, use_locale};
use crate::model::ReceiptCheck;
use crate::pages::{LoadError, PageTitle};

/// The signer's receipt: to copy, to download, and to check.
#[component]
pub fn SignatureReceipt(petition: i32) -> impl IntoView {
    let locale = use_locale();
    let receipt = Resource::new_blocking(move || petition, my_receipt);
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
                view! {
                    {verdict}
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
