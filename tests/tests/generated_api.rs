//! The generated crate's public API behaves as aws-sdk-workspaces's does for this operation.

use workspaces_bindings::error::BuildError;
use workspaces_bindings::operation::register_workspace_directory::builders::RegisterWorkspaceDirectoryInputBuilder;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectoryInput, RegisterWorkspaceDirectoryOutput,
};
use workspaces_bindings::types::builders::{ActiveDirectoryConfigBuilder, TagBuilder};
use workspaces_bindings::types::{ActiveDirectoryConfig, Tag, Tenancy, UserIdentityType, WorkspaceDirectoryState};

#[test]
fn input_getters_borrow_like_the_sdk() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .subnet_ids("subnet-87654321")
        .enable_self_service(false)
        .tenancy(Tenancy::Shared)
        .build()
        .unwrap();
    assert_eq!(input.directory_id(), Some("d-1234567890"));
    assert_eq!(input.subnet_ids(), ["subnet-12345678", "subnet-87654321"]);
    assert_eq!(input.enable_self_service(), Some(false));
    assert_eq!(input.idc_instance_arn(), None);
    assert_eq!(input.tenancy(), Some(&Tenancy::Shared));
    assert!(input.tags().is_empty());
    assert!(input.tags.is_none(), "an unset list stays distinguishable from an empty one");
    assert_eq!(input.active_directory_config(), None);
}

#[test]
fn builder_getters_and_setters() {
    let builder: RegisterWorkspaceDirectoryInputBuilder =
        RegisterWorkspaceDirectoryInput::builder().directory_id("d-1234567890");
    assert_eq!(builder.get_directory_id().as_deref(), Some("d-1234567890"));
    let builder = builder.set_directory_id(None).set_subnet_ids(Some(vec!["subnet-1".into()]));
    assert_eq!(builder.get_directory_id(), &None);
    assert_eq!(builder.get_subnet_ids(), &Some(vec!["subnet-1".to_owned()]));
    let replaced = builder.subnet_ids("subnet-2").set_subnet_ids(Some(vec![]));
    assert_eq!(replaced.get_subnet_ids(), &Some(vec![]));
}

#[test]
fn required_members_are_plain_fields_and_build_checks_them_all() {
    let tag = Tag::builder().key("team").build().unwrap();
    assert_eq!(tag.key(), "team");
    assert_eq!(tag.value(), None);

    let error: BuildError = TagBuilder::default().value("v").build().unwrap_err();
    assert_eq!(error.type_name(), Some("Tag"));
    assert_eq!(error.to_string(), "cannot build `Tag`: required member `key` is not set");

    let error = ActiveDirectoryConfigBuilder::default().build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot build `ActiveDirectoryConfig`: required members `domain_name`, \
         `service_account_secret_arn` are not set"
    );
    let error = ActiveDirectoryConfig::builder()
        .service_account_secret_arn("arn")
        .build()
        .unwrap_err();
    assert_eq!(error.missing(), ["domain_name"]);
    let source: &dyn std::error::Error = &error;
    assert!(source.source().is_none());
}

#[test]
fn enums_keep_unknown_values_and_convert_both_ways() {
    assert_eq!(Tenancy::from("DEDICATED"), Tenancy::Dedicated);
    assert_eq!(Tenancy::Dedicated.as_str(), "DEDICATED");
    assert_eq!(Tenancy::values(), ["DEDICATED", "SHARED"]);
    let unknown = Tenancy::from("dedicated");
    assert!(matches!(unknown, Tenancy::Unknown(_)), "values are case-sensitive");
    assert_eq!(unknown.as_str(), "dedicated");
    assert_eq!(unknown.to_string(), "dedicated");
    assert_eq!("SHARED".parse::<Tenancy>(), Ok(Tenancy::Shared));
    assert_eq!(
        WorkspaceDirectoryState::from("SUSPENDED").as_ref(),
        "SUSPENDED"
    );
}

#[test]
fn debug_shows_members_because_none_is_sensitive() {
    let tag = Tag::builder().key("team").value("blue").build().unwrap();
    assert_eq!(
        format!("{tag:?}"),
        r#"Tag { key: "team", value: Some("blue") }"#
    );
}

#[test]
fn output_builder_builds_without_required_members() {
    let output = RegisterWorkspaceDirectoryOutput::builder()
        .directory_id("d-1234567890")
        .state(WorkspaceDirectoryState::Registering)
        .build();
    assert_eq!(output.directory_id(), Some("d-1234567890"));
    assert_eq!(output.state(), Some(&WorkspaceDirectoryState::Registering));
}

/// The example in README.md, kept compiling and true.
#[test]
fn readme_example() -> Result<(), BuildError> {
    use workspaces_bindings::operation::register_workspace_directory::RegisterWorkspaceDirectory;

    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .tenancy(Tenancy::Shared)
        .set_tags(Some(vec![Tag::builder().key("team").value("desktops").build()?]))
        .user_identity_type(UserIdentityType::AwsIamIdentityCenter)
        .idc_instance_arn("arn:aws:sso:::instance/ssoins-1234567890abcdef")
        .build()?;
    let request = RegisterWorkspaceDirectory::serialize_request(&input);
    assert_eq!(request.method(), "POST");
    assert_eq!(request.header("X-Amz-Target"), Some("WorkspacesService.RegisterWorkspaceDirectory"));
    assert_eq!(request.header("Content-Type"), Some("application/x-amz-json-1.1"));
    assert_eq!(
        request.body(),
        br#"{"DirectoryId":"d-1234567890","SubnetIds":["subnet-12345678"],"Tenancy":"SHARED","Tags":[{"Key":"team","Value":"desktops"}],"UserIdentityType":"AWS_IAM_IDENTITY_CENTER","IdcInstanceArn":"arn:aws:sso:::instance/ssoins-1234567890abcdef"}"#
    );
    Ok(())
}

/// The response example in README.md.
#[test]
fn readme_response_example() {
    use workspaces_bindings::http::HttpResponse;
    use workspaces_bindings::operation::register_workspace_directory::{
        RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError,
    };

    let response = HttpResponse::new(400, br#"{"__type":"ResourceNotFoundException","message":"no such directory"}"#)
        .with_header("x-amzn-RequestId", "5f1c-example");
    match RegisterWorkspaceDirectory::parse_response(&response) {
        Err(RegisterWorkspaceDirectoryError::ResourceNotFoundException(e)) => {
            assert_eq!(e.resource_id(), None);
            assert_eq!(e.message(), Some("no such directory"));
            assert_eq!(e.request_id(), Some("5f1c-example"));
        }
        other => panic!("{other:?}"),
    }
}
