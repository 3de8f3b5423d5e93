//! Generated crates stand alone: copied out of this workspace, or written by `--out` anywhere,
//! each builds with `cargo build --offline` and no warnings, and a program using it runs.

use std::path::{Path, PathBuf};
use std::process::Command;

use smithy_bind::Generator;
use smithy_bind_tests::{shared_file, workspace_root};

/// Copies a directory tree, leaving out build output.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A binary crate at `dir/program` depending on the bindings crate at `dir/<crate_dir>` by
/// path, under the package name its generated manifest gives.
fn write_program(dir: &Path, crate_dir: &str, package: &str, main: &str) -> PathBuf {
    let program = dir.join("program");
    std::fs::create_dir_all(program.join("src")).unwrap();
    std::fs::write(
        program.join("Cargo.toml"),
        format!(
            "[package]\nname = \"program\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{package} = {{ path = \"../{crate_dir}\" }}\n"
        ),
    )
    .unwrap();
    std::fs::write(program.join("src/main.rs"), main).unwrap();
    program
}

/// Builds the program offline (its dependencies come from this workspace's lockfile, so
/// they are in the local cache), fails on any warning, runs it and returns its stdout.
fn build_and_run(program: &Path, target_dir: &Path) -> String {
    let build = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet"])
        .current_dir(program)
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{} does not build:\n{stderr}", program.display());
    assert!(!stderr.contains("warning"), "{} builds with warnings:\n{stderr}", program.display());
    let run = Command::new(target_dir.join("debug/program")).output().expect("the program runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    String::from_utf8(run.stdout).unwrap()
}

#[test]
fn a_copy_of_generated_builds_outside_the_workspace_with_no_edits() {
    let scratch = tempfile::tempdir().unwrap();
    copy_tree(&workspace_root().join("generated"), &scratch.path().join("workspaces-bindings"));
    let program = write_program(
        scratch.path(),
        "workspaces-bindings",
        "workspaces-bindings",
        r##"
use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError, RegisterWorkspaceDirectoryInput,
};

fn main() {
    let input = RegisterWorkspaceDirectoryInput::builder().directory_id("d-1234567890").build().unwrap();
    input.validate().unwrap();
    let request = RegisterWorkspaceDirectory::serialize_request(&input);
    println!("{}", String::from_utf8_lossy(request.body()));
    let short = RegisterWorkspaceDirectoryInput::builder().directory_id("d-1").build().unwrap();
    println!("{}", short.validate().unwrap_err());
    let response = HttpResponse::new(400, br#"{"__type":"ResourceNotFoundException","message":"gone"}"#);
    match RegisterWorkspaceDirectory::parse_response(&response) {
        Err(RegisterWorkspaceDirectoryError::ResourceNotFoundException(e)) => println!("{e}"),
        other => println!("unexpected: {other:?}"),
    }
}
"##,
    );
    let stdout = build_and_run(&program, &scratch.path().join("target"));
    assert_eq!(
        stdout,
        "{\"DirectoryId\":\"d-1234567890\"}\n\
         2 constraint violations:\n  - DirectoryId: length must be at least 10, but is 3 (got \"d-1\")\n  \
         - DirectoryId: must match the pattern ^(d-[0-9a-f]{8,63}$)|(wsd-[0-9a-z]{8,63}$)$ (got \"d-1\")\n\
         ResourceNotFoundException: gone\n"
    );
}

#[test]
fn an_out_crate_of_three_other_operations_builds_standalone() {
    let scratch = tempfile::tempdir().unwrap();
    Generator::new()
        .model(shared_file("models/workspaces-2015-04-08.json"))
        .operation("DescribeWorkspaces")
        .operation("CreateTags")
        .operation("DeleteTags")
        .out_dir(scratch.path().join("bindings"))
        .generate()
        .unwrap();
    let program = write_program(
        scratch.path(),
        "bindings",
        "workspaces-bindings",
        r#"
use workspaces_bindings::operation::create_tags::{CreateTags, CreateTagsInput};
use workspaces_bindings::operation::delete_tags::{DeleteTags, DeleteTagsInput};
use workspaces_bindings::operation::describe_workspaces::{DescribeWorkspaces, DescribeWorkspacesInput};
use workspaces_bindings::types::Tag;

fn main() {
    let describe = DescribeWorkspacesInput::builder().directory_id("d-1234567890").limit(5).build().unwrap();
    let create = CreateTagsInput::builder()
        .resource_id("ws-12345678")
        .tags(Tag::builder().key("team").value("desktops").build().unwrap())
        .build()
        .unwrap();
    let delete = DeleteTagsInput::builder().resource_id("ws-12345678").tag_keys("team").build().unwrap();
    for request in [
        DescribeWorkspaces::serialize_request(&describe),
        CreateTags::serialize_request(&create),
        DeleteTags::serialize_request(&delete),
    ] {
        println!("{} {}", request.header("X-Amz-Target").unwrap(), String::from_utf8_lossy(request.body()));
    }
    println!("{}", create.validate().is_ok());
}
"#,
    );
    let stdout = build_and_run(&program, &scratch.path().join("target"));
    assert_eq!(
        stdout,
        "WorkspacesService.DescribeWorkspaces {\"DirectoryId\":\"d-1234567890\",\"Limit\":5}\n\
         WorkspacesService.CreateTags {\"ResourceId\":\"ws-12345678\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"desktops\"}]}\n\
         WorkspacesService.DeleteTags {\"ResourceId\":\"ws-12345678\",\"TagKeys\":[\"team\"]}\n\
         true\n"
    );
}

/// CloudWatch's `PutMetricData` has `@requestCompression` and `@pattern` constraints, so its
/// crate needs both optional dependencies its manifest declares: miniz_oxide and regex-lite.
#[test]
fn an_out_crate_with_compression_and_validation_builds_with_no_warnings() {
    let scratch = tempfile::tempdir().unwrap();
    let model = scratch.path().join("cloudwatch.json");
    let unzipped = Command::new("gzip")
        .args(["-dc"])
        .arg(shared_file("aws-models/cloudwatch-2010-08-01.json.gz"))
        .output()
        .expect("gzip runs");
    assert!(unzipped.status.success());
    std::fs::write(&model, unzipped.stdout).unwrap();
    Generator::new()
        .model(&model)
        .operation("PutMetricData")
        .out_dir(scratch.path().join("bindings"))
        .generate()
        .unwrap();
    let manifest = std::fs::read_to_string(scratch.path().join("bindings/Cargo.toml")).unwrap();
    assert!(manifest.contains("\nname = \"cloudwatch-bindings\"\n"), "{manifest}");
    assert!(manifest.contains("\nminiz_oxide = "), "{manifest}");
    let program = write_program(
        scratch.path(),
        "bindings",
        "cloudwatch-bindings",
        r#"
use cloudwatch_bindings::operation::put_metric_data::{PutMetricData, PutMetricDataInput};
use cloudwatch_bindings::types::MetricDatum;

fn main() {
    let mut input = PutMetricDataInput::builder().namespace("Desktops");
    for index in 0..400 {
        input = input.metric_data(MetricDatum::builder().metric_name(format!("sessions-{index}")).value(1.0).build());
    }
    let input = input.build().unwrap();
    input.validate().unwrap();
    let request = PutMetricData::serialize_request(&input);
    println!("{:?} {}", request.header("Content-Encoding"), &request.body()[..2] == [0x1f, 0x8b]);
    let bad = PutMetricDataInput::builder().namespace(":colon").build().unwrap();
    println!("{}", bad.validate().unwrap_err().violations()[0].path());
}
"#,
    );
    let stdout = build_and_run(&program, &scratch.path().join("target"));
    assert_eq!(stdout, "Some(\"gzip\") true\nNamespace\n");
}

/// A single included file with every optional part chosen (validation, http, serde) builds in
/// a crate that declares just the dependencies those parts need, and works as the crate does:
/// the all-shapes model, whose floats and timestamps name serde helpers by path.
#[test]
fn a_single_file_with_every_optional_part_builds_and_works() {
    let scratch = tempfile::tempdir().unwrap();
    let program = scratch.path().join("program");
    Generator::new()
        .model(workspace_root().join("tests/fixtures/all-shapes.json"))
        .single_file("shapes.rs", "crate::shapes")
        .single_file_features(["validation", "http", "serde"])
        .out_dir(program.join("src"))
        .generate()
        .unwrap();
    std::fs::write(
        program.join("Cargo.toml"),
        "[package]\nname = \"program\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nhttp = \"1\"\nregex-lite = \"0.1\"\nserde = { version = \"1\", features = [\"derive\"] }\n\
         serde_json = \"1\"\n",
    )
    .unwrap();
    std::fs::write(
        program.join("src/main.rs"),
        r#"
#![forbid(unsafe_code)]
// A binary uses part of the bindings; a library would make them `pub` instead.
#[allow(dead_code)]
mod shapes {
    include!("shapes.rs");
}

use shapes::operation::put_everything::{PutEverything, PutEverythingInput};
use shapes::primitives::DateTime;
use shapes::types::Everything;

fn main() {
    let item = Everything::builder().ratio(f32::NAN).iso_time(DateTime::from_millis(1500)).build();
    let input = PutEverythingInput::builder().item(item).token("t").build().unwrap();
    println!("{}", input.validate().unwrap_err());
    println!("{}", serde_json::to_string(&input).unwrap());
    let request = http::Request::try_from(PutEverything::serialize_request(&input)).unwrap();
    println!("{} {}", request.method(), String::from_utf8_lossy(request.body()));
}
"#,
    )
    .unwrap();
    let stdout = build_and_run(&program, &scratch.path().join("target"));
    let body = r#"{"Item":{"Ratio":"NaN","IsoTime":"1970-01-01T00:00:01.5Z"},"Token":"t"}"#;
    let violations = "2 constraint violations:\n  - Item.Ratio: must be between 0.5 and 1.5 (got NaN)\n  - Name: is required";
    assert_eq!(stdout, format!("{violations}\n{body}\nPOST {body}\n"));
}
