//! Puts the signed-in account and the CSRF token on every page and server-function request.
//! The session comes from the `dauys_session` cookie (looked up in the database, so several
//! server processes share sessions); a visitor without a CSRF cookie gets a new one.

use app::server::{
    AppState,
    request::{
        CSRF_COOKIE, ClientIp, CsrfToken, CurrentUser, SESSION_COOKIE, cookie, cookie_header,
    },
    services::sessions::{self, SessionToken, random_token},
};
use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, header::SET_COOKIE},
    middleware::Next,
    response::Response,
};

/// The client's address: the TCP peer, unless the peer is a trusted proxy; then the nearest
/// address in `X-Forwarded-For` (or `Forwarded: for=`) that is not itself a trusted proxy,
/// read from the right, since only the entries our proxies appended can be believed.
pub fn client_address(
    peer: IpAddr,
    headers: &axum::http::HeaderMap,
    trusted: &[ipnet::IpNet],
) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut chain: Vec<IpAddr> = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(text) = value.to_str() else {
            return peer;
        };
        for entry in text.split(',') {
            match entry.trim().parse() {
                Ok(ip) => chain.push(ip),
                Err(_) => return peer,
            }
        }
    }
    if chain.is_empty() {
        for value in headers.get_all("forwarded") {
            let Ok(text) = value.to_str() else {
                return peer;
            };
            for element in text.split(',') {
                let Some(node) = element.split(';').find_map(|pair| {
                    let (name, value) = pair.trim().split_once('=')?;
                    name.eq_ignore_ascii_case("for")
                        .then_some(value.trim_matches('"'))
                }) else {
                    continue;
                };
                // `for=192.0.2.1`, `for="[2001:db8::1]:4711"`, `for=192.0.2.1:80`.
                let host = node
                    .strip_prefix('[')
                    .and_then(|rest| rest.split_once(']').map(|(h, _)| h))
                    .unwrap_or_else(|| node.split(':').next().unwrap_or(node));
                match host.parse() {
                    Ok(ip) => chain.push(ip),
                    Err(_) => return peer,
                }
            }
        }
    }
    chain
        .iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .or(chain.first())
        .copied()
        .unwrap_or(peer)
}

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The middleware.
pub async fn identify(State(app): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" {
        return next.run(request).await;
    }
    let headers = request.headers();
    let session = cookie(headers, SESSION_COOKIE).filter(|t| is_token(t));
    let existing_csrf = cookie(headers, CSRF_COOKIE).filter(|t| is_token(t));
    if let Some(value) = session {
        let token = SessionToken::from_cookie(&value);
        match sessions::resume(&app.db, &token, chrono::Utc::now()).await {
            Ok(Some(user)) => {
                request.extensions_mut().insert(CurrentUser {
                    id: user.id,
                    display_name: user.display_name.clone(),
                    email: user.email.clone(),
                    token,
                    account: user,
                });
            }
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "cannot resume a session"),
        }
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(peer) = peer {
        let ip = client_address(peer, request.headers(), &app.trusted_proxies);
        request.extensions_mut().insert(ClientIp(ip.to_string()));
    }
    let new_csrf = existing_csrf.is_none().then(random_token);
    let csrf = existing_csrf
        .or_else(|| new_csrf.clone())
        .unwrap_or_default();
    request.extensions_mut().insert(CsrfToken(csrf));
    let mut response = next.run(request).await;
    if let Some(token) = new_csrf
        && let Ok(value) = HeaderValue::from_str(&cookie_header(
            CSRF_COOKIE,
            &token,
            60 * 60 * 24 * 365,
            app.secure_cookies,
        ))
    {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::client_address;
    use axum::http::{HeaderMap, HeaderValue};

    fn forwarded(name: &'static str, value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_str(value).expect("value"));
        headers
    }

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let proxies = vec!["10.0.0.0/8".parse().expect("net")];
        let proxy = "10.0.0.5".parse().expect("ip");
        let stranger = "203.0.113.9".parse().expect("ip");
        let header = forwarded("x-forwarded-for", "198.51.100.7, 10.0.0.4");
        assert_eq!(
            client_address(proxy, &header, &proxies).to_string(),
            "198.51.100.7"
        );
        assert_eq!(client_address(stranger, &header, &proxies), stranger);
        assert_eq!(client_address(proxy, &header, &[]), proxy);
        // A client cannot hide behind an address it wrote itself in front of its own.
        let spoofed = forwarded("x-forwarded-for", "1.2.3.4, 198.51.100.7");
        assert_eq!(
            client_address(proxy, &spoofed, &proxies).to_string(),
            "198.51.100.7"
        );
        let rfc = forwarded("forwarded", "for=\"[2001:db8::1]:4711\";proto=https");
        assert_eq!(
            client_address(proxy, &rfc, &proxies).to_string(),
            "2001:db8::1"
        );
        let garbage = forwarded("x-forwarded-for", "not-an-address");
        assert_eq!(client_address(proxy, &garbage, &proxies), proxy);
    }
}
