//! Both clients against moto's WorkSpaces and Directory Service emulation: register a
//! directory, see it described with what was sent, fail to register it twice or register an
//! unknown one, and deregister it. moto checks no signatures, but reads every request the
//! way the service would, through the same HTTP stack a real call uses.

use smithy_bind_emulator_tests::workspaces::config::Credentials;
use smithy_bind_emulator_tests::workspaces::error::{ProvideErrorMetadata, SdkError};
use smithy_bind_emulator_tests::workspaces::types::{ReconnectEnum, Tenancy, WorkspaceDirectory};
use smithy_bind_emulator_tests::workspaces::{blocking, Client, Config};
use smithy_bind_emulator_tests::{Fixture, Moto};

fn config(moto: &Moto) -> Config {
    Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("testing", "testing", None))
        .endpoint_url(moto.url())
        .build()
}

/// What DescribeWorkspaceDirectories must show after the registration.
fn assert_registered(directory: &WorkspaceDirectory, fixture: &Fixture) {
    assert_eq!(directory.directory_id(), Some(fixture.directory.as_str()));
    assert_eq!(directory.subnet_ids(), fixture.subnets.as_slice());
    assert_eq!(directory.tenancy(), Some(&Tenancy::Shared));
    let permissions = directory.selfservice_permissions().expect("self-service permissions");
    assert_eq!(permissions.restart_workspace(), Some(&ReconnectEnum::Enabled));
    assert_eq!(permissions.rebuild_workspace(), Some(&ReconnectEnum::Enabled));
}

/// An error the service answered with: its code and message, from any client.
fn code_and_message<E: ProvideErrorMetadata + std::fmt::Display>(error: &SdkError<E>) -> (String, String) {
    let service_error = error.as_service_error().unwrap_or_else(|| panic!("a service error, not {error}"));
    (service_error.code().unwrap_or_default().to_owned(), service_error.message().unwrap_or_default().to_owned())
}

#[test]
fn the_blocking_client_registers_describes_and_deregisters_a_directory() {
    let moto = Moto::start();
    let fixture = moto.directory_fixture("blocking.example.com");
    let client = blocking::Client::from_conf(config(&moto));

    client
        .register_workspace_directory()
        .directory_id(&fixture.directory)
        .subnet_ids(&fixture.subnets[0])
        .subnet_ids(&fixture.subnets[1])
        .tenancy(Tenancy::Shared)
        .enable_self_service(true)
        .send()
        .expect("the registration is accepted");

    let described = client.describe_workspace_directories().directory_ids(&fixture.directory).send().unwrap();
    assert_eq!(described.directories().len(), 1);
    assert_registered(&described.directories()[0], &fixture);

    let again = client
        .register_workspace_directory()
        .directory_id(&fixture.directory)
        .subnet_ids(&fixture.subnets[0])
        .subnet_ids(&fixture.subnets[1])
        .send()
        .expect_err("a directory registers once");
    let (code, message) = code_and_message(&again);
    assert_eq!(code, "InvalidGroup.Duplicate");
    assert_eq!(message, format!("The security group '{}_workspacesMembers' already exists", fixture.directory));

    let unknown = client
        .register_workspace_directory()
        .directory_id("d-0000000000")
        .subnet_ids(&fixture.subnets[0])
        .send()
        .expect_err("an unknown directory");
    assert_eq!(code_and_message(&unknown), ("EntityDoesNotExistException".to_owned(), "Directory d-0000000000 does not exist".to_owned()));
    assert_eq!(unknown.attempts(), 1, "a client error is not retried");

    client.deregister_workspace_directory().directory_id(&fixture.directory).send().unwrap();
    let after = client.describe_workspace_directories().directory_ids(&fixture.directory).send().unwrap();
    assert!(after.directories().is_empty(), "{after:?}");
    println!("moto end-to-end (blocking client): register, describe, 2 errors, deregister: ok");
}

#[tokio::test(flavor = "current_thread")]
async fn the_async_client_registers_describes_and_deregisters_a_directory() {
    let moto = Moto::start();
    let fixture = moto.directory_fixture("async.example.com");
    let client = Client::from_conf(config(&moto));

    client
        .register_workspace_directory()
        .directory_id(&fixture.directory)
        .subnet_ids(&fixture.subnets[0])
        .subnet_ids(&fixture.subnets[1])
        .tenancy(Tenancy::Shared)
        .enable_self_service(true)
        .send()
        .await
        .expect("the registration is accepted");

    let described = client.describe_workspace_directories().directory_ids(&fixture.directory).send().await.unwrap();
    assert_eq!(described.directories().len(), 1);
    assert_registered(&described.directories()[0], &fixture);

    let again = client
        .register_workspace_directory()
        .directory_id(&fixture.directory)
        .subnet_ids(&fixture.subnets[0])
        .subnet_ids(&fixture.subnets[1])
        .send()
        .await
        .expect_err("a directory registers once");
    assert_eq!(code_and_message(&again).0, "InvalidGroup.Duplicate");

    let unknown = client
        .register_workspace_directory()
        .directory_id("d-0000000000")
        .subnet_ids(&fixture.subnets[0])
        .send()
        .await
        .expect_err("an unknown directory");
    assert_eq!(code_and_message(&unknown), ("EntityDoesNotExistException".to_owned(), "Directory d-0000000000 does not exist".to_owned()));

    client.deregister_workspace_directory().directory_id(&fixture.directory).send().await.unwrap();
    let after = client.describe_workspace_directories().directory_ids(&fixture.directory).send().await.unwrap();
    assert!(after.directories().is_empty(), "{after:?}");
    println!("moto end-to-end (async client): register, describe, 2 errors, deregister: ok");
}

#[test]
fn the_readme_quick_start_registers_a_directory_configured_from_the_environment() {
    let moto = Moto::start();
    let fixture = moto.directory_fixture("quickstart.example.com");
    let home = std::env::temp_dir().join(format!("quick-start-home-{}", std::process::id()));
    let run = |directory: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_register_directory"))
            .args([directory, &fixture.subnets[0], &fixture.subnets[1]])
            .env_clear()
            .env("HOME", &home)
            .env("AWS_ENDPOINT_URL", moto.url())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .output()
            .unwrap()
    };
    let output = run(&fixture.directory);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && stdout.starts_with("registered: request id "), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let output = run("d-0000000000");
    let stdout = String::from_utf8_lossy(&output.stdout);
    // moto's request ids are random; the rest of the line is fixed.
    let (start, end) = stdout.split_once("request id ").unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(start, "failed: RegisterWorkspaceDirectory: the service answered 400 after 1 attempt: unmodeled error EntityDoesNotExistException (HTTP status 400, ");
    assert!(end.ends_with("): Directory d-0000000000 does not exist\n"), "{stdout}");
    assert_eq!(output.status.code(), Some(1));
}
