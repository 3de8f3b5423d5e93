//! The README's quick start: registers a directory with WorkSpaces through `generated/`'s
//! blocking client, configured as the AWS SDKs are (region, credentials and endpoint from
//! the environment or ~/.aws), and prints what the service answered.
//!
//! Usage: register_directory DIRECTORY_ID SUBNET_ID [SUBNET_ID...]

use workspaces_bindings::blocking::Client;
use workspaces_bindings::operation::RequestId;
use workspaces_bindings::types::Tenancy;
use workspaces_bindings::Config;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let directory = args.next().ok_or("usage: register_directory DIRECTORY_ID SUBNET_ID [SUBNET_ID...]")?;
    let client = Client::from_conf(Config::from_env()?.build());
    let mut request = client
        .register_workspace_directory()
        .directory_id(directory)
        .tenancy(Tenancy::Shared)
        .enable_self_service(true);
    for subnet in args {
        request = request.subnet_ids(subnet);
    }
    match request.send() {
        Ok(output) => println!("registered: request id {}", output.request_id().unwrap_or("none")),
        Err(error) => {
            // The error says what failed and what was tried; the service's code and message
            // are on the operation's error.
            println!("failed: {error}");
            std::process::exit(1);
        }
    }
    Ok(())
}
