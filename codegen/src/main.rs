//! The `smithy-bindgen` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use smithy_bindgen::Generator;

/// The workspace this binary was built in; the defaults regenerate its `generated/` crate.
const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const DEFAULT_MODEL: &str = "model/workspaces.json";
const DEFAULT_OUT: &str = "generated";

#[derive(Parser)]
#[command(name = "smithy-bindgen", version, about = "Generate Rust bindings for awsJson services from Smithy models")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Generate (or with --check, verify) a crate's sources from a model.
    Generate(GenerateArgs),
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
    /// Operation to generate, by shape name; repeat for more
    #[arg(long = "operation", value_name = "NAME", conflicts_with = "all_operations")]
    operations: Vec<String>,
    /// Generate every operation of the service (also what happens without --operation)
    #[arg(long)]
    all_operations: bool,
    /// Crate directory to write src/ into [default: this workspace's generated/]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write nothing; exit 1 and print a unified diff if the output is not up to date
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Generate(args) = cli.command.unwrap_or(Command::Generate(GenerateArgs::default()));
    let generator = configure(&args);
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
                    regenerate_command(&args)
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
        Generator::new().model(workspace.join(DEFAULT_MODEL)).model_label(DEFAULT_MODEL)
    } else {
        args.models.iter().fold(Generator::new(), Generator::model)
    };
    generator = generator
        .out_dir(args.out.clone().unwrap_or_else(|| workspace.join(DEFAULT_OUT)))
        .command(regenerate_command(args));
    if let Some(service) = &args.service {
        generator = generator.service(service);
    }
    for operation in &args.operations {
        generator = generator.operation(operation);
    }
    generator
}

/// The command that reproduces this run without `--check`, written into every file header.
/// It names only what the user chose, so output does not depend on where the user stood.
fn regenerate_command(args: &GenerateArgs) -> String {
    let mut command = String::from("cargo run -p smithy-bindgen -- generate");
    for model in &args.models {
        command.push_str(&format!(" --model {}", model.display()));
    }
    if let Some(service) = &args.service {
        command.push_str(&format!(" --service {service}"));
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
    command
}

fn fail(error: &smithy_bindgen::Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}
