//! What the HTTP tests share: the site on a fresh database, requests with cookies and forms.
#![allow(dead_code)]

use app::server::{
    AppState,
    mail::{Mailer, outbox},
    testing::{SmtpReceiver, TestDb},
};
pub use axum::http::header;
use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode},
};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use server::build_router;
use tower::ServiceExt;

pub struct Site {
    pub router: Router,
    pub test: TestDb,
    pub state: AppState,
}

impl Site {
    pub async fn new() -> Site {
        Site::with_options(LeptosOptions::builder().output_name("dauys").build()).await
    }

    /// The site serving its own files from `root` (`pkg/`, `verify/`).
    pub async fn with_site_root(root: &str) -> Site {
        Site::with_options(
            LeptosOptions::builder()
                .output_name("dauys")
                .site_root(root)
                .build(),
        )
        .await
    }

    async fn with_options(options: LeptosOptions) -> Site {
        let test = TestDb::new().await;
        let state = test.app_state();
        let router = build_router(options, state.clone());
        Site {
            router,
            test,
            state,
        }
    }

    /// The site with its mail sender running, sending to a real SMTP receiver on loopback.
    pub async fn with_mail() -> (Site, SmtpReceiver) {
        let site = Site::new().await;
        let smtp = SmtpReceiver::start().await;
        let mailer = Mailer::smtp(&smtp.url(), "Dauys <no-reply@dauys.kz>").expect("mailer");
        tokio::spawn(outbox::run(
            site.test.db.clone(),
            mailer,
            site.state.mail_wake.clone(),
            std::time::Duration::from_millis(100),
        ));
        (site, smtp)
    }

    /// A session cookie (with the test CSRF cookie) for an account, as after logging in.
    pub async fn cookies_for(&self, user_id: i32) -> String {
        let token =
            app::server::services::sessions::start(&self.test.db, user_id, chrono::Utc::now())
                .await
                .expect("a session");
        format!("dauys_csrf={CSRF}; dauys_session={}", token.as_str())
    }

    pub async fn get(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, header::HeaderMap, String) {
        self.send("GET", path, headers, Vec::new(), None).await
    }

    /// A request to the router: `method`, `path`, headers, body, and the client's address
    /// (`peer`, as the TCP connection would give it) when the test needs one.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
        peer: Option<&str>,
    ) -> (StatusCode, header::HeaderMap, String) {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body)).expect("request builds");
        if let Some(peer) = peer {
            let address: std::net::SocketAddr = format!("{peer}:40000").parse().expect("address");
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(address));
        }
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    pub async fn finish(self) {
        self.test.drop_database().await;
    }
}

pub fn location(headers: &header::HeaderMap) -> &str {
    headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The cookie pairs (`name=value`) an answer sets.
pub fn set_cookies(headers: &header::HeaderMap) -> Vec<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::to_owned)
        .collect()
}

/// Posts a form as a browser does from the registration page.
pub async fn post(
    site: &Site,
    path: &str,
    cookie: &str,
    form: &str,
) -> (StatusCode, header::HeaderMap) {
    post_from(site, "http://127.0.0.1/en/register", path, cookie, form).await
}

/// Posts a form as a browser does from the page at `referer`.
pub async fn post_from(
    site: &Site,
    referer: &str,
    path: &str,
    cookie: &str,
    form: &str,
) -> (StatusCode, header::HeaderMap) {
    let request = Request::builder()
        .method("POST")
        .uri(path)
        .header("host", "127.0.0.1")
        .header("accept", "text/html")
        .header("referer", referer)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(Body::from(form.to_owned()))
        .expect("request builds");
    let response = site
        .router
        .clone()
        .oneshot(request)
        .await
        .expect("router answers");
    (response.status(), response.headers().clone())
}

pub const CSRF: &str = "5f65b53700ba195eef5772c6d7552ec5ee5176b7023deb9d6c84ff7071966292";

/// A multipart form body as a browser sends it, and its content type.
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    multipart_with("files", fields, files)
}

/// A multipart form body whose files are sent as the field `file_field`.
pub fn multipart_with(
    file_field: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> (String, Vec<u8>) {
    let boundary = "----dauys-test-boundary-7d1a";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A minimal PDF the document checks accept.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
