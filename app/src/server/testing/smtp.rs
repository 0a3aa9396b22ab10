//! A small SMTP server on loopback for tests: it accepts every mail (EHLO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT), keeps it, and hands it to the test decoded (subject, text, HTML), so tests
//! receive the platform's mail over real SMTP and follow the links in it.

use std::{sync::Arc, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    sync::{Mutex, Notify},
    task::JoinHandle,
};

/// One mail as received.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    /// The envelope recipients.
    pub to: Vec<String>,
    /// Decoded subject.
    pub subject: String,
    /// Decoded plain-text body.
    pub text: String,
    /// Decoded HTML body.
    pub html: String,
    /// The message as it came over the wire.
    pub raw: String,
}

impl ReceivedMail {
    fn parse(to: Vec<String>, raw: String) -> ReceivedMail {
        let parsed = mail_parser::MessageParser::default().parse(raw.as_bytes());
        let (subject, text, html) = parsed.map_or_else(Default::default, |m| {
            (
                m.subject().unwrap_or_default().to_owned(),
                m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
                m.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
            )
        });
        ReceivedMail {
            to,
            subject,
            text,
            html,
            raw,
        }
    }

    /// The first `http(s)://` link in the text body.
    pub fn link(&self) -> Option<String> {
        let start = self
            .text
            .find("http://")
            .or_else(|| self.text.find("https://"))?;
        Some(
            self.text[start..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned(),
        )
    }
}

/// The receiver; stops when dropped.
pub struct SmtpReceiver {
    port: u16,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
    arrived: Arc<Notify>,
    task: JoinHandle<()>,
}

impl Drop for SmtpReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpReceiver {
    /// Starts listening on a free loopback port.
    ///
    /// # Panics
    /// When no port can be bound.
    pub async fn start() -> SmtpReceiver {
        Self::on_port(0).await
    }

    /// Starts listening on a given loopback port (0 for any).
    ///
    /// # Panics
    /// When the port cannot be bound.
    pub async fn on_port(port: u16) -> SmtpReceiver {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind the test SMTP receiver");
        let port = listener.local_addr().expect("local address").port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let arrived = Arc::new(Notify::new());
        let task = {
            let (inbox, arrived) = (inbox.clone(), arrived.clone());
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let (inbox, arrived) = (inbox.clone(), arrived.clone());
                    tokio::spawn(async move {
                        let _ = session(stream, inbox, arrived).await;
                    });
                }
            })
        };
        SmtpReceiver {
            port,
            inbox,
            arrived,
            task,
        }
    }

    /// The URL to configure the platform's mailer with.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far.
    pub async fn received(&self) -> Vec<ReceivedMail> {
        self.inbox.lock().await.clone()
    }

    /// Waits until `count` mails to `to` have arrived (or `timeout` passes) and returns those
    /// that have.
    pub async fn wait_for(&self, to: &str, count: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let arrived = self.arrived.notified();
            let found: Vec<ReceivedMail> = self
                .inbox
                .lock()
                .await
                .iter()
                .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
                .cloned()
                .collect();
            if found.len() >= count || tokio::time::Instant::now() >= deadline {
                return found;
            }
            let _ = tokio::time::timeout_at(deadline, arrived).await;
        }
    }
}

fn address(argument: &str) -> String {
    argument
        .split_once(':')
        .map_or(argument, |(_, rest)| rest)
        .trim()
        .trim_start_matches('<')
        .split('>')
        .next()
        .unwrap_or_default()
        .to_owned()
}

async fn session(
    stream: TcpStream,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
    arrived: Arc<Notify>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 localhost test SMTP\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command.get(..4).unwrap_or(&command).to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "MAIL" => {
                recipients.clear();
                b"250 OK\r\n"
            }
            "RCPT" => {
                recipients.push(address(&command));
                b"250 OK\r\n"
            }
            "RSET" => {
                recipients.clear();
                b"250 OK\r\n"
            }
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut raw = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    raw.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                inbox
                    .lock()
                    .await
                    .push(ReceivedMail::parse(std::mem::take(&mut recipients), raw));
                arrived.notify_waiters();
                b"250 OK queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}
