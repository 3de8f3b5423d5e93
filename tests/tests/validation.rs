//! Client-side validation: every constraint the model states, at each boundary, with every
//! violation of one input reported in one call. WorkSpaces' constraints come from model/;
//! the rule kinds WorkSpaces lacks (ranges, blob and map lengths, unique items, required
//! input members, map keys) come from tests/fixtures/all-shapes.json.

use all_shapes_bindings::operation::put_everything::{PutEverything, PutEverythingInput};
use all_shapes_bindings::primitives::{BigInteger, Blob};
use all_shapes_bindings::types::{Circle, Everything, Figure};
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_bindings::types::{ActiveDirectoryConfig, Tag};

/// The violations of a WorkSpaces input, as `path: rule` lines.
fn workspaces_violations(input: RegisterWorkspaceDirectoryInput) -> Vec<String> {
    match input.validate() {
        Ok(()) => Vec::new(),
        Err(error) => error.violations().iter().map(|v| format!("{}: {}", v.path(), v.rule())).collect(),
    }
}

fn with_directory_id(id: &str) -> Vec<String> {
    workspaces_violations(RegisterWorkspaceDirectoryInput::builder().directory_id(id).build().unwrap())
}

fn with_tag(key: &str, value: &str) -> Vec<String> {
    let tag = Tag::builder().key(key).value(value).build().unwrap();
    workspaces_violations(RegisterWorkspaceDirectoryInput::builder().tags(tag).build().unwrap())
}

fn with_subnets(count: usize) -> Vec<String> {
    let subnets = (0..count).map(|i| format!("subnet-{i:08x}")).collect();
    workspaces_violations(RegisterWorkspaceDirectoryInput::builder().set_subnet_ids(Some(subnets)).build().unwrap())
}

/// The violations of a fixture input, as `path: rule` lines.
fn fixture_violations(item: Everything) -> Vec<String> {
    let input = PutEverythingInput::builder().name("ok").item(item).build().unwrap();
    match input.validate() {
        Ok(()) => Vec::new(),
        Err(error) => error.violations().iter().map(|v| format!("{}: {}", v.path(), v.rule())).collect(),
    }
}

#[test]
fn string_length_at_min_and_max() {
    let id = |len: usize| format!("d-{}", "a".repeat(len - 2));
    assert_eq!(with_directory_id(&id(9)), ["DirectoryId: length must be at least 10, but is 9", "DirectoryId: must match the pattern ^(d-[0-9a-f]{8,63}$)|(wsd-[0-9a-z]{8,63}$)$"]);
    assert!(with_directory_id(&id(10)).is_empty());
    assert!(with_directory_id(&id(65)).is_empty());
    assert_eq!(with_directory_id(&id(66))[0], "DirectoryId: length must be at most 65, but is 66");
}

#[test]
fn string_length_counts_characters_not_bytes() {
    // TagKey is 1 to 127 characters; é is two bytes in UTF-8 and 😀 four.
    assert!(with_tag(&"é".repeat(127), "v").is_empty());
    assert!(with_tag(&"😀".repeat(127), "v").is_empty());
    assert_eq!(with_tag(&"é".repeat(128), "v"), ["Tags[0].Key: length must be at most 127, but is 128"]);
    assert_eq!(with_tag("", "v"), ["Tags[0].Key: length must be at least 1, but is 0"]);
    assert!(with_tag("k", &"ü".repeat(255)).is_empty());
    assert_eq!(with_tag("k", &"ü".repeat(256)), ["Tags[0].Value: length must be at most 255, but is 256"]);
}

#[test]
fn list_length_counts_entries() {
    assert!(with_subnets(0).is_empty());
    assert!(with_subnets(2).is_empty());
    assert_eq!(with_subnets(3), ["SubnetIds: length must be at most 2, but is 3"]);
}

#[test]
fn patterns_match_ecma_regular_expressions() {
    let subnets = |ids: &[&str]| {
        let ids = ids.iter().map(|s| s.to_string()).collect();
        workspaces_violations(RegisterWorkspaceDirectoryInput::builder().set_subnet_ids(Some(ids)).build().unwrap())
    };
    assert!(subnets(&["subnet-0123abcd", "subnet-0123456789abcdef0"]).is_empty());
    assert_eq!(
        subnets(&["subnet-0123ABCD"]),
        ["SubnetIds[0]: must match the pattern ^(subnet-([0-9a-f]{8}|[0-9a-f]{17}))$"]
    );
    let ad = |domain: &str| {
        let config = ActiveDirectoryConfig::builder()
            .domain_name(domain)
            .service_account_secret_arn("arn:aws:secretsmanager:us-east-1:123456789012:secret:ws-svc-AbCdEf")
            .build()
            .unwrap();
        workspaces_violations(RegisterWorkspaceDirectoryInput::builder().active_directory_config(config).build().unwrap())
    };
    assert!(ad("corp.example.com").is_empty());
    assert_eq!(ad("localhost"), ["ActiveDirectoryConfig.DomainName: must match the pattern ^([a-zA-Z0-9]+[.-])+([a-zA-Z0-9])+$"]);
}

#[test]
fn every_workspaces_pattern_compiles() {
    // The generator checks each pattern of the closure with regex-lite; the whole official
    // model goes through the same check when all its operations are generated (whole_service).
    let error = RegisterWorkspaceDirectoryInput::builder()
        .workspace_directory_name("bad name!")
        .workspace_directory_description("\u{0}")
        .build()
        .unwrap()
        .validate()
        .unwrap_err();
    assert!(error.violations().iter().all(|v| !v.rule().contains("cannot be checked")));
}

#[test]
fn integer_and_float_ranges() {
    for (count, ok) in [(0, false), (1, true), (10, true), (11, false)] {
        let violations = fixture_violations(Everything::builder().count(count).build());
        assert_eq!(violations.is_empty(), ok, "Count {count}: {violations:?}");
    }
    assert_eq!(fixture_violations(Everything::builder().count(11).build()), ["Item.Count: must be between 1 and 10"]);
    for (ratio, ok) in [(0.49, false), (0.5, true), (1.5, true), (1.51, false), (f32::NAN, false)] {
        let violations = fixture_violations(Everything::builder().ratio(ratio).build());
        assert_eq!(violations.is_empty(), ok, "Ratio {ratio}: {violations:?}");
    }
    let big = |text: &str| Everything::builder().huge_integer(text.parse::<BigInteger>().unwrap()).build();
    assert!(fixture_violations(big("1000")).is_empty());
    assert_eq!(fixture_violations(big("1001")), ["Item.HugeInteger: must be at most 1000"]);
    let circle = |radius| Everything::builder().figure(Figure::Circle(Circle::builder().radius(radius).build().unwrap())).build();
    assert!(fixture_violations(circle(0.0)).is_empty());
    assert_eq!(fixture_violations(circle(-0.1)), ["Item.Figure.Circle.Radius: must be at least 0"]);
}

#[test]
fn blob_and_map_lengths_and_map_keys() {
    for (len, ok) in [(0, false), (1, true), (4, true), (5, false)] {
        let violations = fixture_violations(Everything::builder().payload(Blob::new(vec![0xff; len])).build());
        assert_eq!(violations.is_empty(), ok, "Payload of {len} bytes: {violations:?}");
    }
    let two = Everything::builder().labels("a", "x").labels("b", "y").build();
    assert!(fixture_violations(two).is_empty());
    let three = Everything::builder().labels("a", "x").labels("b", "y").labels("c", "z").build();
    assert_eq!(fixture_violations(three), ["Item.Labels: length must be at most 2, but is 3"]);
    let bad_key = Everything::builder().labels("Upper", "x").build();
    assert_eq!(fixture_violations(bad_key), ["Item.Labels[\"Upper\"]: must match the pattern ^[a-z]+$"]);
    let bad_value = Everything::builder().labels("k", "9lives").build();
    assert_eq!(fixture_violations(bad_value), ["Item.Labels[\"k\"]: must match the pattern ^[a-z][a-z0-9-]*$"]);
}

#[test]
fn unique_items() {
    let names = |names: &[&str]| {
        let item = Everything::builder().set_unique_names(Some(names.iter().map(|s| s.to_string()).collect())).build();
        fixture_violations(item)
    };
    assert!(names(&["a", "b", "c"]).is_empty());
    assert_eq!(names(&["a", "b", "a"]), ["Item.UniqueNames: items must be unique, but item 2 repeats an earlier one"]);
    assert_eq!(names(&["a", "b", "c", "d"]), ["Item.UniqueNames: length must be at most 3, but is 4"]);
}

#[test]
fn required_input_members() {
    let error = PutEverythingInput::builder().build().unwrap().validate().unwrap_err();
    assert_eq!(error.to_string(), "1 constraint violation:\n  - Name: is required");
    assert_eq!(error.violations()[0].value(), None);
}

#[test]
fn sensitive_values_are_redacted_in_violations() {
    let error = PutEverythingInput::builder()
        .name("ok")
        .item(Everything::builder().secret("hunter2").build())
        .build()
        .unwrap()
        .validate()
        .unwrap_err();
    assert_eq!(error.violations()[0].value(), Some("*** Sensitive Data Redacted ***"));
    assert!(!error.to_string().contains("hunter2"));
}

#[test]
fn one_call_reports_every_violation() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-xyz")
        .subnet_ids("subnet-1")
        .subnet_ids("subnet-2")
        .subnet_ids("subnet-3")
        .tags(Tag::builder().key("").build().unwrap())
        .tags(Tag::builder().key("ok").value("v".repeat(300)).build().unwrap())
        .active_directory_config(
            ActiveDirectoryConfig::builder().domain_name("nodots").service_account_secret_arn("not-an-arn").build().unwrap(),
        )
        .build()
        .unwrap();
    let error = input.validate().unwrap_err();
    insta::assert_snapshot!(error.to_string());
    assert!(error.violations().len() >= 3);
    let request = RegisterWorkspaceDirectory::serialize_validated_request(&input).unwrap_err();
    assert_eq!(request, error);
    // Serializing without asking for validation still writes the request as given.
    assert!(RegisterWorkspaceDirectory::serialize_request(&input).body().starts_with(br#"{"DirectoryId":"d-xyz""#));
}

#[test]
fn valid_input_serializes_through_the_validating_path() {
    let input = RegisterWorkspaceDirectoryInput::builder().directory_id("d-1234567890").build().unwrap();
    let request = RegisterWorkspaceDirectory::serialize_validated_request(&input).unwrap();
    assert_eq!(request, RegisterWorkspaceDirectory::serialize_request(&input));
    let fixture = PutEverythingInput::builder().name("ok").token("t").build().unwrap();
    assert!(PutEverything::serialize_validated_request(&fixture).is_ok());
}
