//! Puts the signed-in account and the CSRF token on every page and server-function request.
//! The session comes from the `dauys_session` cookie (looked up in the database, so several
//! server processes share sessions); a visitor without a CSRF cookie gets a new one.

use app::server::{
    AppState,
    request::{
        CSRF_COOKIE, ClientIp, CsrfToken, CurrentUser, SESSION_COOKIE, cookie, cookie_header,
    },
    services::sessions::{SessionToken, random_token},
};
use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, header::SET_COOKIE},
    middleware::Next,
    response::Response,
};

/// The client's address: the TCP peer, unless the peer is a trusted proxy; then the nearest
/// address in the proxies' header (`X-Forwarded-For`, or `Forwarded: for=`, whichever they are
/// configured to write; the other is the client's own word) that is not itself a trusted proxy,
/// read from the right, since only the entries our proxies appended can be believed. An entry
/// that is no address ends the walk there (what is left of it was written by someone else).
/// IPv4 addresses seen as IPv6-mapped (a server listening on `[::]`) count as IPv4.
pub fn client_address(
    peer: IpAddr,
    headers: &axum::http::HeaderMap,
    trusted: &app::server::TrustedProxies,
) -> IpAddr {
    let peer = peer.to_canonical();
    let is_trusted = |ip: &IpAddr| trusted.networks.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    // Every entry of the header, oldest first; `None` for one that is no address.
    let mut chain: Vec<Option<IpAddr>> = Vec::new();
    let (name, forwarded) = match trusted.header {
        app::server::ForwardedHeader::XForwardedFor => ("x-forwarded-for", false),
        app::server::ForwardedHeader::Forwarded => ("forwarded", true),
    };
    for value in headers.get_all(name) {
        let Ok(text) = value.to_str() else {
            chain.push(None);
            continue;
        };
        for element in text.split(',') {
            let entry = if forwarded {
                let Some(node) = element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.eq_ignore_ascii_case("for")
                        .then_some(value.trim().trim_matches('"'))
                }) else {
                    chain.push(None);
                    continue;
                };
                // `for=192.0.2.1`, `for="[2001:db8::1]:4711"`, `for=192.0.2.1:80`.
                node.strip_prefix('[')
                    .and_then(|rest| rest.split_once(']').map(|(h, _)| h))
                    .unwrap_or_else(|| node.split(':').next().unwrap_or(node))
                    .to_owned()
            } else {
                element.trim().to_owned()
            };
            chain.push(entry.parse::<IpAddr>().ok().map(|ip| ip.to_canonical()));
        }
    }
    let mut client = peer;
    for entry in chain.iter().rev() {
        match entry {
            Some(ip) if is_trusted(ip) => client = *ip,
            Some(ip) => return *ip,
            None => return client,
        }
    }
    client
}

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The middleware.
pub async fn identify(State(app): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" || path == "/livez" {
        return next.run(request).await;
    }
    let headers = request.headers();
    let session = cookie(headers, SESSION_COOKIE).filter(|t| is_token(t));
    let existing_csrf = cookie(headers, CSRF_COOKIE).filter(|t| is_token(t));
    if let Some(value) = session {
        let token = SessionToken::from_cookie(&value);
        match app.sessions.resume(&token).await {
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
        use app::server::{ForwardedHeader, TrustedProxies};
        let proxies = TrustedProxies {
            networks: vec!["10.0.0.0/8".parse().expect("net")],
            header: ForwardedHeader::XForwardedFor,
        };
        let proxy = "10.0.0.5".parse().expect("ip");
        let stranger = "203.0.113.9".parse().expect("ip");
        let header = forwarded("x-forwarded-for", "198.51.100.7, 10.0.0.4");
        assert_eq!(
            client_address(proxy, &header, &proxies).to_string(),
            "198.51.100.7"
        );
        assert_eq!(client_address(stranger, &header, &proxies), stranger);
        assert_eq!(
            client_address(proxy, &header, &TrustedProxies::default()),
            proxy
        );
        // A client cannot hide behind an address it wrote itself in front of its own.
        let spoofed = forwarded("x-forwarded-for", "1.2.3.4, 198.51.100.7");
        assert_eq!(
            client_address(proxy, &spoofed, &proxies).to_string(),
            "198.51.100.7"
        );
        // An IPv4 proxy seen by a server listening on [::].
        let mapped = "::ffff:10.0.0.5".parse().expect("ip");
        assert_eq!(
            client_address(mapped, &header, &proxies).to_string(),
            "198.51.100.7"
        );
        // Garbage left of our proxy's entry ends the walk at the last address it vouches for.
        let garbage = forwarded("x-forwarded-for", "not-an-address, 198.51.100.8");
        assert_eq!(
            client_address(proxy, &garbage, &proxies).to_string(),
            "198.51.100.8"
        );
        let only_garbage = forwarded("x-forwarded-for", "not-an-address");
        assert_eq!(client_address(proxy, &only_garbage, &proxies), proxy);
        // Proxies that write `Forwarded`: a client's own X-Forwarded-For is ignored.
        let rfc = TrustedProxies {
            header: ForwardedHeader::Forwarded,
            ..proxies.clone()
        };
        let mut both = forwarded("forwarded", "for=\"[2001:db8::1]:4711\";proto=https");
        both.insert("x-forwarded-for", HeaderValue::from_static("6.6.6.6"));
        assert_eq!(
            client_address(proxy, &both, &rfc).to_string(),
            "2001:db8::1"
        );
        // …and for proxies that write X-Forwarded-For, that header decides.
        assert_eq!(
            client_address(proxy, &both, &proxies).to_string(),
            "6.6.6.6"
        );
    }
}
