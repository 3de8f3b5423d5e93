//! Prints what `Config::from_env()` reads from this process's environment and files, one
//! setting per line, for the configuration tests (which run it with a chosen environment).

use std::future::Future;
use std::task::{Context, Poll, Waker};

use workspaces_bindings::Config;

fn main() {
    let config = match Config::from_env() {
        Ok(builder) => builder.build(),
        Err(error) => {
            println!("error: {error}");
            return;
        }
    };
    println!("region: {:?}", config.region());
    println!("endpoint_url: {:?}", config.endpoint_url());
    println!("use_fips: {}", config.use_fips());
    println!("use_dual_stack: {}", config.use_dual_stack());
    println!("max_attempts: {}", config.retry_config().max_attempts());
    let provider = config.credentials_provider().expect("from_env always sets a provider");
    let mut lookup = std::pin::pin!(provider.provide_credentials());
    let Poll::Ready(credentials) = lookup.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
        panic!("the environment's credentials are ready at once");
    };
    match credentials {
        Ok(credentials) => println!(
            "credentials: {} from {}, session token {}",
            credentials.access_key_id(),
            credentials.provider_name(),
            if credentials.session_token().is_some() { "set" } else { "unset" }
        ),
        Err(error) => println!("credentials error: {error}"),
    }
}
