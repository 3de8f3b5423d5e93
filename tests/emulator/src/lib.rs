//! A moto server for the end-to-end tests, and the WorkSpaces bindings they call it with.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Bindings for RegisterWorkspaceDirectory, DescribeWorkspaceDirectories and
/// DeregisterWorkspaceDirectory, with the blocking and the async client.
#[allow(clippy::all, clippy::pedantic, missing_docs, reason = "generated code, linted where it is generated")]
pub mod workspaces {
    include!(concat!(env!("OUT_DIR"), "/workspaces.rs"));
}

/// Bindings generated from the official EKS model (restJson1) for CreateCluster,
/// DescribeCluster, ListClusters and DeleteCluster, with both clients.
#[allow(clippy::all, clippy::pedantic, missing_docs, reason = "generated code, linted where it is generated")]
pub mod eks {
    include!(concat!(env!("OUT_DIR"), "/eks.rs"));
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The venv's Python with the pinned moto and boto3, made by setup-venv.sh if missing.
fn venv_python() -> PathBuf {
    let root = workspace_root();
    let python = root.join(".venv-moto/bin/python");
    let ready = || Command::new(&python).args(["-c", "import moto, boto3"]).status().is_ok_and(|s| s.success());
    if !ready() {
        let setup = root.join("tests/emulator/setup-venv.sh");
        let output = Command::new("bash").arg(&setup).output().expect("bash runs");
        assert!(
            ready(),
            "moto is needed in {} and {} could not install it (python3 with venv and pip, and PyPI, are required):\n{}{}",
            python.display(),
            setup.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    python
}

/// A moto server on a free loopback port, stopped when dropped.
pub struct Moto {
    child: Child,
    port: u16,
}

impl Moto {
    /// Starts the server and waits until it accepts connections.
    pub fn start() -> Self {
        let python = venv_python();
        // The OS picks a free port; the listener closes before moto binds it.
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(&python)
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto starts");
        let moto = Self { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto did not listen on port {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates a VPC, two subnets and a Simple AD directory named `name`, with boto3.
    pub fn directory_fixture(&self, name: &str) -> Fixture {
        let output = Command::new(venv_python())
            .arg(workspace_root().join("tests/emulator/fixture.py"))
            .args([&self.url(), name])
            .output()
            .expect("python runs");
        assert!(output.status.success(), "the fixture failed:\n{}", String::from_utf8_lossy(&output.stderr));
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the fixture prints JSON");
        Fixture {
            directory: value["directory"].as_str().unwrap().to_owned(),
            subnets: value["subnets"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect(),
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the fixture made.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub directory: String,
    pub subnets: Vec<String>,
}
