//! The `smithy-bind` command line. The generator itself is the `smithy-bind` library, which
//! build scripts use without this package's argument parser.

mod model_commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use smithy_bind::Generator;

/// The workspace this binary was built in; the defaults regenerate its `generated/` crate.
const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
/// The facts, extracted from the official model, and our documentation of them.
const DEFAULT_MODELS: [&str; 2] = ["model/workspaces.json", "model/workspaces-docs.smithy"];
const DEFAULT_OUT: &str = "generated";

#[derive(Parser)]
#[command(name = "smithy-bind", version, about = "Generate vendorable Rust bindings for AWS services from Smithy models")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Generate (or with --check, verify) a crate's sources from a model.
    Generate(GenerateArgs),
    /// Write the chosen operations' closure of a model as a small JSON AST model of facts:
    /// no documentation or examples, the service listing only those operations.
    Extract(model_commands::ExtractArgs),
    /// Compare two models for the chosen operations (or the whole service) and classify each
    /// change by what it does to the generated crate; exit 1 when any change is breaking.
    Diff(model_commands::DiffArgs),
    /// List the shapes and members of the chosen operations' closure that have no
    /// documentation; exit 1 when there are any.
    Undocumented(model_commands::UndocumentedArgs),
}

#[derive(clap::Args, Default)]
struct GenerateArgs {
    /// Smithy model file: JSON AST, or IDL when it ends in .smithy; repeat to load several
    /// files as one model [default: this workspace's model/workspaces.json]
    #[arg(long = "model", value_name = "FILE")]
    models: Vec<PathBuf>,
    /// Service shape id, when the model has more than one service
    #[arg(long, value_name = "SHAPE_ID")]
    service: Option<String>,
    /// Protocol to speak, for a service that declares several: rpcv2Cbor, awsJson1_0 or
    /// awsJson1_1 [default: the first the service declares, in that order, as aws-sdk-rust]
    #[arg(long, value_name = "NAME")]
    protocol: Option<String>,
    /// Operation to generate, by shape name; repeat for more
    #[arg(long = "operation", value_name = "NAME", conflicts_with = "all_operations")]
    operations: Vec<String>,
    /// Generate every operation of the service (also what happens without --operation)
    #[arg(long)]
    all_operations: bool,
    /// Crate directory to write Cargo.toml and src/ into; needed with --model
    /// [default: this workspace's generated/]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Package name in the generated Cargo.toml [default: the service's SDK id with
    /// -bindings, such as workspaces-bindings]
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// A partitions.json (botocore's format) for the endpoint rules' `aws.partition`
    /// [default: the one smithy-bind embeds, botocore 1.44.5's]
    #[arg(long, value_name = "FILE")]
    partitions: Option<PathBuf>,
    /// Write nothing; exit 1 and print a unified diff if the output is not up to date
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Generate(GenerateArgs::default())) {
        Command::Generate(args) => generate(&args),
        Command::Extract(args) => model_commands::extract(&args),
        Command::Diff(args) => model_commands::diff(&args),
        Command::Undocumented(args) => model_commands::undocumented(&args),
    }
}

fn generate(args: &GenerateArgs) -> ExitCode {
    if !args.models.is_empty() && args.out.is_none() {
        // Without this, a user's model would silently replace this workspace's generated/.
        eprintln!(
            "error: --model needs --out DIR, the crate directory to write; for example\n  {} --out my-bindings",
            regenerate_command(args)
        );
        return ExitCode::from(2);
    }
    let generator = configure(args);
    if args.check {
        match generator.check() {
            Ok(differences) if differences.is_empty() => ExitCode::SUCCESS,
            Ok(differences) => {
                for difference in &differences {
                    print!("{}", difference.diff);
                }
                eprintln!(
                    "{} generated file(s) are out of date; run `{}` to update them",
                    differences.len(),
                    regenerate_command(args)
                );
                ExitCode::from(1)
            }
            Err(error) => fail(&error),
        }
    } else {
        match generator.generate() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        }
    }
}

fn configure(args: &GenerateArgs) -> Generator {
    let workspace = PathBuf::from(WORKSPACE);
    let mut generator = if args.models.is_empty() {
        DEFAULT_MODELS
            .iter()
            .fold(Generator::new(), |generator, model| generator.model(workspace.join(model)))
            .model_label(DEFAULT_MODELS.join(" "))
    } else {
        args.models.iter().fold(Generator::new(), Generator::model)
    };
    generator = generator
        .out_dir(args.out.clone().unwrap_or_else(|| workspace.join(DEFAULT_OUT)))
        .command(regenerate_command(args));
    if let Some(service) = &args.service {
        generator = generator.service(service);
    }
    if let Some(name) = &args.crate_name {
        generator = generator.crate_name(name);
    }
    if let Some(protocol) = &args.protocol {
        generator = generator.protocol(protocol);
    }
    for operation in &args.operations {
        generator = generator.operation(operation);
    }
    if let Some(partitions) = &args.partitions {
        generator = generator.partitions(partitions);
    }
    generator
}

/// The command that reproduces this run without `--check`, written into every file header.
/// It names only what the user chose, so output does not depend on where the user stood.
/// This workspace's own regeneration runs the CLI from source; any other is the installed
/// command.
fn regenerate_command(args: &GenerateArgs) -> String {
    let defaults = args.models.is_empty() && args.out.is_none() && args.operations.is_empty();
    if defaults && !args.all_operations && args.partitions.is_none() && args.protocol.is_none() {
        return String::from("cargo run -p smithy-bind-cli");
    }
    let mut command = String::from("smithy-bind generate");
    for model in &args.models {
        command.push_str(&format!(" --model {}", model.display()));
    }
    if let Some(service) = &args.service {
        command.push_str(&format!(" --service {service}"));
    }
    if let Some(protocol) = &args.protocol {
        command.push_str(&format!(" --protocol {protocol}"));
    }
    for operation in &args.operations {
        command.push_str(&format!(" --operation {operation}"));
    }
    if args.all_operations {
        command.push_str(" --all-operations");
    }
    if let Some(out) = &args.out {
        command.push_str(&format!(" --out {}", out.display()));
    }
    if let Some(name) = &args.crate_name {
        command.push_str(&format!(" --crate-name {name}"));
    }
    if let Some(partitions) = &args.partitions {
        command.push_str(&format!(" --partitions {}", partitions.display()));
    }
    command
}

pub(crate) fn fail(error: &smithy_bind::Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}
