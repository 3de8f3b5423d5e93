//! A loopback HTTP/1.1 server that answers each request with the next scripted fault, and
//! records every request it read, so a test can assert exactly what the client sent.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Fault {
    /// A complete response.
    Respond { status: u16, headers: Vec<(String, String)>, body: String },
    /// Closes the connection with a TCP reset, sending nothing.
    Reset,
    /// Never answers (until the server is dropped).
    Hang,
    /// Sends the status line and headers with a `Content-Length` larger than the body,
    /// then closes.
    Truncate { status: u16, body: String, declared_length: usize },
}

impl Fault {
    /// An awsJson response with a JSON body.
    pub fn json(status: u16, body: &str) -> Self {
        Self::Respond {
            status,
            headers: vec![("Content-Type".to_owned(), "application/x-amz-json-1.1".to_owned())],
            body: body.to_owned(),
        }
    }

    /// An awsJson error response with `__type` in the body and a request id.
    pub fn error(status: u16, code: &str, message: &str, request_id: &str) -> Self {
        Self::Respond {
            status,
            headers: vec![
                ("Content-Type".to_owned(), "application/x-amz-json-1.1".to_owned()),
                ("x-amzn-RequestId".to_owned(), request_id.to_owned()),
            ],
            body: format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
        }
    }
}

/// A request as the server read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenRequest {
    pub method: String,
    pub target: String,
    /// Header names lowercased, in the order sent.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl SeenRequest {
    /// The first header called `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The server; dropping it stops it and ends any hanging connection.
pub struct FaultServer {
    address: SocketAddr,
    seen: Arc<Mutex<Vec<SeenRequest>>>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl FaultServer {
    /// Starts on a free loopback port; request N gets `script[N]`, and requests past the
    /// end of the script get a 500 that no test expects.
    pub fn start(script: Vec<Fault>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
        let address = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let script = Arc::new(Mutex::new(script.into_iter()));
        let acceptor = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (seen, stop, script) = (seen.clone(), stop.clone(), script.clone());
                    std::thread::spawn(move || serve(stream, &seen, &stop, &script));
                }
            })
        };
        Self {
            address,
            seen,
            stop,
            acceptor: Some(acceptor),
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Every request read so far, in order.
    pub fn seen(&self) -> Vec<SeenRequest> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the acceptor so it sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

type Script = Mutex<std::vec::IntoIter<Fault>>;

fn serve(stream: TcpStream, seen: &Mutex<Vec<SeenRequest>>, stop: &AtomicBool, script: &Script) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader) {
        seen.lock().unwrap().push(request);
        let fault = script.lock().unwrap().next().unwrap_or_else(|| Fault::error(500, "UnscriptedRequest", "the script has ended", "none"));
        match fault {
            Fault::Respond { status, headers, body } => {
                let mut head = format!("HTTP/1.1 {status} Scripted\r\nContent-Length: {}\r\n", body.len());
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                if writer.write_all(head.as_bytes()).and_then(|()| writer.write_all(body.as_bytes())).is_err() {
                    return;
                }
            }
            Fault::Reset => {
                reset(&writer);
                return;
            }
            Fault::Hang => {
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                return;
            }
            Fault::Truncate { status, body, declared_length } => {
                let head = format!("HTTP/1.1 {status} Scripted\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {declared_length}\r\n\r\n");
                let _ = writer.write_all(head.as_bytes()).and_then(|()| writer.write_all(body.as_bytes()));
                let _ = writer.flush();
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        }
    }
}

/// Closes with RST rather than FIN: a zero linger time makes the close abortive.
fn reset(stream: &TcpStream) {
    let socket = socket2::SockRef::from(stream);
    let _ = socket.set_linger(Some(Duration::ZERO));
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<SeenRequest> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.trim_end().splitn(3, ' ');
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(SeenRequest { method, target, headers, body })
}
