//! What the benchmark bins share: command-line numbers, percentiles, and a small HTTP/1.1
//! client over plain TCP (keep-alive, `Content-Length` and chunked bodies, a chosen loopback
//! source address) so the load generator measures the server, not a client library.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};

/// The CSRF token the benchmarks send as cookie and form field (a double submit).
pub const CSRF: &str = "5f65b53700ba195eef5772c6d7552ec5ee5176b7023deb9d6c84ff7071966292";

/// The number after `--name` on the command line, or `default`.
pub fn arg(name: &str, default: u64) -> u64 {
    text_arg(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The text after `--name` on the command line.
pub fn text_arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The `p`th percentile of sorted latencies.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `n`th loopback source address from 127.1.0.1 on.
pub fn loopback(n: u64) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(Ipv4Addr::new(127, 1, 0, 1)) + u32::try_from(n).unwrap_or(0))
}

/// A response: status, `Location` header, body.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Location` header, if any.
    pub location: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// One keep-alive HTTP/1.1 connection.
pub struct Connection {
    stream: BufReader<TcpStream>,
    server: SocketAddr,
}

impl Connection {
    /// Connects to `server` from `source`.
    ///
    /// # Errors
    /// A socket error.
    pub async fn open(server: SocketAddr, source: Ipv4Addr) -> std::io::Result<Connection> {
        let socket = TcpSocket::new_v4()?;
        socket.bind(SocketAddr::new(IpAddr::V4(source), 0))?;
        let stream = socket.connect(server).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::new(stream),
            server,
        })
    }

    /// Sends a request (`body` makes it a form POST) and reads the whole response.
    ///
    /// # Errors
    /// A socket error or a malformed response.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        cookie: &str,
        body: Option<&str>,
    ) -> std::io::Result<Response> {
        self.send_with(method, path, &format!("Cookie: {cookie}\r\n"), body)
            .await
    }

    /// [`Connection::send`] with other request headers (each line ending in CRLF) instead of
    /// the cookie.
    ///
    /// # Errors
    /// A socket error or a malformed response.
    pub async fn send_with(
        &mut self,
        method: &str,
        path: &str,
        headers: &str,
        body: Option<&str>,
    ) -> std::io::Result<Response> {
        let server = self.server;
        let mut request =
            format!("{method} {path} HTTP/1.1\r\nHost: {server}\r\nAccept: text/html\r\n{headers}");
        if let Some(body) = body {
            request.push_str(&format!(
                "Referer: http://{server}{path}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ));
        } else {
            request.push_str("\r\n");
        }
        self.stream.get_mut().write_all(request.as_bytes()).await?;
        let bad =
            |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
        let mut line = String::new();
        self.stream.read_line(&mut line).await?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("status line"))?;
        let (mut length, mut chunked, mut location) = (0usize, false, None);
        loop {
            line.clear();
            if self.stream.read_line(&mut line).await? == 0 {
                return Err(bad("headers cut short"));
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => length = value.parse().map_err(|_| bad("length"))?,
                    "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
                    "location" => location = Some(value.to_owned()),
                    _ => {}
                }
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                self.stream.read_line(&mut line).await?;
                let size = usize::from_str_radix(line.trim(), 16).map_err(|_| bad("chunk"))?;
                let mut chunk = vec![0; size + 2];
                self.stream.read_exact(&mut chunk).await?;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else {
            body.resize(length, 0);
            self.stream.read_exact(&mut body).await?;
        }
        Ok(Response {
            status,
            location,
            body,
        })
    }
}

/// The release server binary: `--server PATH`, or `release/server` in the target directory.
pub fn server_binary() -> String {
    text_arg("--server").unwrap_or_else(|| {
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
        format!("{target}/release/server")
    })
}

/// Starts the release server on `database` at `address` as its own process (development, no
/// seeding, warnings only, `/metrics` open to [`METRICS_TOKEN`], with `env` on top) and waits until `/healthz` answers.
///
/// # Panics
/// When the binary cannot be started: a benchmark cannot run without it.
pub async fn start_server(
    binary: &str,
    database: &str,
    address: SocketAddr,
    env: &[(&str, String)],
) -> std::process::Child {
    let mut command = std::process::Command::new(binary);
    command
        .env("DATABASE_URL", database)
        .env("LEPTOS_SITE_ADDR", address.to_string())
        .env("LEPTOS_ENV", "PROD")
        .env("RUST_LOG", "warn")
        .env("DAUYS_SEED", "false")
        .env("DAUYS_ENV", "development")
        .env("DAUYS_METRICS_TOKEN", METRICS_TOKEN);
    for (name, value) in env {
        command.env(name, value);
    }
    let child = command.spawn().unwrap_or_else(|e| {
        panic!("cannot start {binary}: {e} (build it: cargo build --release -p server)")
    });
    for _ in 0..300 {
        if let Ok(mut c) = Connection::open(address, loopback(0)).await
            && c.send("GET", "/healthz", "", None)
                .await
                .is_ok_and(|r| r.status == 200)
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child
}

/// The bearer token the benchmarks' servers take for `/metrics`.
pub const METRICS_TOKEN: &str = "bench-metrics-reader";

/// The sum and count of each histogram on the server's `/metrics` (read with
/// [`METRICS_TOKEN`]), by name (all its series) and by series (`name{labels}`); empty when it
/// cannot be read.
pub async fn histogram_totals(
    address: SocketAddr,
) -> std::collections::HashMap<String, (f64, f64)> {
    let mut totals = std::collections::HashMap::<String, (f64, f64)>::new();
    let Ok(mut c) = Connection::open(address, loopback(3_000_000)).await else {
        return totals;
    };
    let Ok(response) = c
        .send_with(
            "GET",
            "/metrics",
            &format!("Authorization: Bearer {METRICS_TOKEN}\r\n"),
            None,
        )
        .await
    else {
        return totals;
    };
    for line in String::from_utf8_lossy(&response.body).lines() {
        let Some((series, value)) = line.rsplit_once(' ') else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        // Each labelled series by itself (`name{labels}`), and all of a name's added up.
        let (name, labels) = series.split_at(series.find('{').unwrap_or(series.len()));
        let (name, slot) = match (name.strip_suffix("_sum"), name.strip_suffix("_count")) {
            (Some(name), _) => (name, 0),
            (None, Some(name)) => (name, 1),
            (None, None) => continue,
        };
        let mut keys = vec![name.to_owned()];
        if !labels.is_empty() {
            keys.push(format!("{name}{labels}"));
        }
        for key in keys {
            let entry = totals.entry(key).or_default();
            if slot == 0 {
                entry.0 += value;
            } else {
                entry.1 += value;
            }
        }
    }
    totals
}

/// Rows per multi-row INSERT.
pub const CHUNK: usize = 500;

/// Inserts `rows` (each a parenthesised tuple) after `head`, [`CHUNK`] a statement, in one
/// transaction.
///
/// # Panics
/// When the database refuses (a benchmark's setup has nothing better to do).
pub async fn insert_rows(db: &sea_orm::DatabaseConnection, head: &str, rows: &[String]) {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let txn = db.begin().await.expect("begins");
    for chunk in rows.chunks(CHUNK) {
        txn.execute_unprepared(&format!("{head} VALUES {}", chunk.join(",")))
            .await
            .expect("inserts");
    }
    txn.commit().await.expect("commits");
}

/// Reads `path` with `cookie` from `readers` keep-alive clients in a closed loop for `seconds`;
/// returns the sorted latencies of the successful reads, the failures and the seconds taken.
pub async fn read(
    address: SocketAddr,
    path: &str,
    cookie: &str,
    readers: u64,
    seconds: u64,
) -> (Vec<Duration>, u64, f64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for r in 0..readers {
        let (path, cookie) = (path.to_owned(), cookie.to_owned());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0u64;
            while Instant::now() < deadline {
                let Ok(mut c) = Connection::open(address, loopback(r)).await else {
                    failures += 1;
                    continue;
                };
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    match c.send("GET", &path, &cookie, None).await {
                        Ok(response) if response.status == 200 => latencies.push(sent.elapsed()),
                        Ok(response) => {
                            failures += 1;
                            if failures < 3 {
                                eprintln!("{path}: {}", response.status);
                            }
                        }
                        Err(_) => {
                            failures += 1;
                            break;
                        }
                    }
                }
            }
            (latencies, failures)
        });
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for (mut l, f) in tasks.join_all().await {
        latencies.append(&mut l);
        failures += f;
    }
    latencies.sort();
    (latencies, failures, started.elapsed().as_secs_f64())
}

/// CPU time used so far, in clock ticks: by one process (`/proc/<pid>/stat`, user + system,
/// its threads included) or, with `None`, by the whole machine (`/proc/stat`: every core's
/// time that was neither idle nor waiting, and apart from it the time stolen by the
/// hypervisor). Zero where `/proc` is not there.
pub fn cpu_ticks(pid: Option<u32>) -> (u64, u64) {
    // Every field kept in its place (some, such as the terminal's process group, are -1).
    let fields = |line: &str, skip: usize| -> Vec<u64> {
        line.split_whitespace()
            .skip(skip)
            .map(|f| f.parse().unwrap_or(0))
            .collect()
    };
    match pid {
        Some(pid) => {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // After the command name in parentheses: state is field 3, utime 14, stime 15.
            let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            let f = fields(rest, 1);
            (
                f.get(10).copied().unwrap_or(0) + f.get(11).copied().unwrap_or(0),
                0,
            )
        }
        None => {
            let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
            let f = fields(stat.lines().next().unwrap_or(""), 1);
            let at = |i: usize| f.get(i).copied().unwrap_or(0);
            // user nice system idle iowait irq softirq steal
            (at(0) + at(1) + at(2) + at(5) + at(6), at(7))
        }
    }
}

/// Where the CPU went over a measured span: the server, the load generator (this process),
/// the whole machine, and what the hypervisor took from it, each as a share of one core.
pub struct CpuMeter {
    server: u32,
    start: [(u64, u64); 3],
    at: Instant,
}

impl CpuMeter {
    /// Starts measuring, with the server's process id.
    pub fn start(server: u32) -> CpuMeter {
        CpuMeter {
            server,
            start: Self::read(server),
            at: Instant::now(),
        }
    }

    fn read(server: u32) -> [(u64, u64); 3] {
        [
            cpu_ticks(Some(server)),
            cpu_ticks(Some(std::process::id())),
            cpu_ticks(None),
        ]
    }

    /// The shares since the start: "server S %, load generator L %, machine M % of N cores'
    /// N×100 %, stolen T %".
    pub fn report(&self) -> String {
        // Clock ticks are 1/100 s on Linux (`getconf CLK_TCK`).
        const TICKS_PER_SECOND: f64 = 100.0;
        let now = Self::read(self.server);
        let seconds = self.at.elapsed().as_secs_f64().max(0.001);
        #[allow(clippy::cast_precision_loss)]
        let share = |ticks: u64, start: u64| {
            ticks.saturating_sub(start) as f64 / TICKS_PER_SECOND / seconds * 100.0
        };
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        format!(
            "server {:.0} %, load generator {:.0} %, machine {:.0} % of {cores} cores' {} %, stolen {:.0} %",
            share(now[0].0, self.start[0].0),
            share(now[1].0, self.start[1].0),
            share(now[2].0, self.start[2].0),
            cores * 100,
            share(now[2].1, self.start[2].1),
        )
    }
}
