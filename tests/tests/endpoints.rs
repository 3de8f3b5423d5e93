//! Endpoint resolution of the generated WorkSpaces crate, as a user meets it: Params with
//! their defaults, the URL per Region, FIPS and dual-stack, a custom endpoint, the rules'
//! errors, and `url_for` taking the resolved endpoint. (The model's own 36 cases run as the
//! crate's unit tests.)

use workspaces_bindings::endpoint::{resolve_endpoint, Params};
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};

fn url(region: &str, fips: bool, dual_stack: bool) -> String {
    let params = Params::builder().region(region).use_fips(fips).use_dual_stack(dual_stack).build().unwrap();
    resolve_endpoint(&params).unwrap().url().to_owned()
}

fn error(params: Params) -> String {
    resolve_endpoint(&params).unwrap_err().to_string()
}

#[test]
fn params_default_fips_and_dual_stack_to_off() {
    let params = Params::builder().region("eu-west-1").build().unwrap();
    assert_eq!(params.region(), Some("eu-west-1"));
    assert!(!params.use_fips());
    assert!(!params.use_dual_stack());
    assert_eq!(params.endpoint(), None);
}

#[test]
fn regions_fips_and_dual_stack_choose_the_host() {
    assert_eq!(url("us-east-1", false, false), "https://workspaces.us-east-1.amazonaws.com");
    assert_eq!(url("us-east-1", true, false), "https://workspaces-fips.us-east-1.amazonaws.com");
    assert_eq!(url("us-east-1", false, true), "https://workspaces.us-east-1.api.aws");
    assert_eq!(url("us-east-1", true, true), "https://workspaces-fips.us-east-1.api.aws");
    assert_eq!(url("us-gov-west-1", true, false), "https://workspaces-fips.us-gov-west-1.amazonaws.com");
    assert_eq!(url("cn-north-1", false, false), "https://workspaces.cn-north-1.amazonaws.com.cn");
    assert_eq!(url("cn-north-1", false, true), "https://workspaces.cn-north-1.api.amazonwebservices.com.cn");
    assert_eq!(url("us-isob-east-1", false, false), "https://workspaces.us-isob-east-1.sc2s.sgov.gov");
}

#[test]
fn an_unlisted_region_gets_its_partition_by_pattern_or_else_aws() {
    // Not in partitions.json by name: the aws-cn regex matches, then nothing but the fallback.
    assert_eq!(url("cn-southwest-7", false, false), "https://workspaces.cn-southwest-7.amazonaws.com.cn");
    assert_eq!(url("mars-central-1", false, false), "https://workspaces.mars-central-1.amazonaws.com");
}

#[test]
fn a_custom_endpoint_wins_and_refuses_fips_and_dual_stack() {
    let custom = || Params::builder().region("us-east-1").endpoint("http://localhost:4566");
    assert_eq!(resolve_endpoint(&custom().build().unwrap()).unwrap().url(), "http://localhost:4566");
    assert_eq!(
        error(custom().use_fips(true).build().unwrap()),
        "Invalid Configuration: FIPS and custom endpoint are not supported"
    );
    assert_eq!(
        error(custom().use_dual_stack(true).build().unwrap()),
        "Invalid Configuration: Dualstack and custom endpoint are not supported"
    );
}

#[test]
fn without_a_region_resolution_fails_with_the_rules_message() {
    assert_eq!(error(Params::builder().build().unwrap()), "Invalid Configuration: Missing Region");
}

#[test]
fn the_workspaces_rules_set_no_headers_and_no_auth_schemes() {
    let endpoint = resolve_endpoint(&Params::builder().region("us-east-1").build().unwrap()).unwrap();
    assert!(endpoint.headers().is_empty());
    assert!(endpoint.properties().is_empty());
    assert!(endpoint.auth_schemes().is_empty());
}

#[test]
fn url_for_takes_the_resolved_endpoint() {
    let input = RegisterWorkspaceDirectoryInput::builder().directory_id("d-1234567890").build().unwrap();
    let request = RegisterWorkspaceDirectory::serialize_request(&input);
    let params = Params::builder().region("eu-central-1").use_dual_stack(true).build().unwrap();
    let endpoint = resolve_endpoint(&params).unwrap();
    assert_eq!(request.url_for(&endpoint).unwrap(), "https://workspaces.eu-central-1.api.aws/");
    assert_eq!(request.url_for(endpoint.url()).unwrap(), "https://workspaces.eu-central-1.api.aws/");
}

/// The endpoint example in README.md, kept compiling and true.
#[test]
fn readme_endpoint_example() -> Result<(), Box<dyn std::error::Error>> {
    let input = RegisterWorkspaceDirectoryInput::builder().directory_id("d-1234567890").build()?;
    let request = RegisterWorkspaceDirectory::serialize_request(&input);

    // A Region: https://workspaces.eu-west-1.amazonaws.com/
    let endpoint = resolve_endpoint(&Params::builder().region("eu-west-1").build()?)?;
    assert_eq!(request.url_for(&endpoint)?, "https://workspaces.eu-west-1.amazonaws.com/");

    // FIPS: https://workspaces-fips.us-east-1.amazonaws.com/
    let fips = Params::builder().region("us-east-1").use_fips(true).build()?;
    assert_eq!(request.url_for(resolve_endpoint(&fips)?)?, "https://workspaces-fips.us-east-1.amazonaws.com/");

    // Dual-stack (IPv4 and IPv6): https://workspaces.us-east-1.api.aws/
    let dual_stack = Params::builder().region("us-east-1").use_dual_stack(true).build()?;
    assert_eq!(request.url_for(resolve_endpoint(&dual_stack)?)?, "https://workspaces.us-east-1.api.aws/");

    // A custom endpoint (an emulator) wins; FIPS with it is the rules' error.
    let local = Params::builder().region("us-east-1").endpoint("http://localhost:4566").build()?;
    assert_eq!(resolve_endpoint(&local)?.url(), "http://localhost:4566");
    let both = Params::builder().region("us-east-1").endpoint("http://localhost:4566").use_fips(true).build()?;
    assert_eq!(
        resolve_endpoint(&both).unwrap_err().to_string(),
        "Invalid Configuration: FIPS and custom endpoint are not supported"
    );
    Ok(())
}
