//! The commands that work on models rather than crates: `extract`, `diff` and
//! `undocumented`, the steps of a model update.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use smithy_bind::closure::OperationClosure;
use smithy_bind::model::{load_model_files, Model, ShapeId};

/// Which operations of which service a command looks at.
#[derive(clap::Args)]
pub struct Selection {
    /// Service shape id, when the model has more than one service
    #[arg(long, value_name = "SHAPE_ID")]
    service: Option<String>,
    /// Operation, by shape name or snake-case name; repeat for more [default: every
    /// operation of the service]
    #[arg(long = "operation", value_name = "NAME")]
    operations: Vec<String>,
}

impl Selection {
    fn service_id(&self) -> Result<Option<ShapeId>, smithy_bind::Error> {
        self.service
            .as_deref()
            .map(|id| {
                ShapeId::parse(id).map_err(|problem| smithy_bind::Error::Model { location: "--service".into(), problem })
            })
            .transpose()
    }

    fn closure(&self, model: &Model) -> Result<OperationClosure, smithy_bind::Error> {
        OperationClosure::resolve(model, self.service_id()?.as_ref(), &self.operations)
    }
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Model file to read (JSON AST or IDL, optionally .gz); repeat to load several as one
    #[arg(long = "model", value_name = "FILE", required = true)]
    models: Vec<PathBuf>,
    #[command(flatten)]
    selection: Selection,
    /// File to write [default: standard output]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write nothing; exit 1 and print a diff if --out is not what extract would write
    #[arg(long, requires = "out")]
    check: bool,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The model before: a file (JSON AST or IDL, optionally .gz); repeat for several files
    #[arg(long = "old", value_name = "FILE", required = true)]
    old: Vec<PathBuf>,
    /// The model after, in the same way
    #[arg(long = "new", value_name = "FILE", required = true)]
    new: Vec<PathBuf>,
    #[command(flatten)]
    selection: Selection,
    /// `table` for people, `json` for tools
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(clap::Args)]
pub struct UndocumentedArgs {
    /// Model files (facts and documentation together); repeat for several
    #[arg(long = "model", value_name = "FILE", required = true)]
    models: Vec<PathBuf>,
    #[command(flatten)]
    selection: Selection,
}

pub fn extract(args: &ExtractArgs) -> ExitCode {
    let text = match extracted_text(args) {
        Ok(text) => text,
        Err(error) => return crate::fail(&error),
    };
    let Some(out) = &args.out else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    if args.check {
        return check_file(out, &text, &extract_command(args));
    }
    match std::fs::write(out, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(source) => crate::fail(&smithy_bind::Error::Write { path: out.clone(), source }),
    }
}

fn extracted_text(args: &ExtractArgs) -> Result<String, smithy_bind::Error> {
    let model = load_model_files(&args.models)?;
    let closure = args.selection.closure(&model)?;
    let document = smithy_bind::extract::extract(&model, &closure)?;
    Ok(smithy_bind::extract::to_json_text(&document))
}

fn check_file(path: &Path, expected: &str, command: &str) -> ExitCode {
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == expected {
        return ExitCode::SUCCESS;
    }
    let name = path.display().to_string();
    print!("{}", smithy_bind::unified_diff(&name, &current, expected));
    eprintln!("{name} is not what extract writes; run `{command}` to update it");
    ExitCode::from(1)
}

fn extract_command(args: &ExtractArgs) -> String {
    let mut command = String::from("smithy-bind extract");
    for model in &args.models {
        command.push_str(&format!(" --model {}", model.display()));
    }
    command.push_str(&selection_flags(&args.selection));
    if let Some(out) = &args.out {
        command.push_str(&format!(" --out {}", out.display()));
    }
    command
}

fn selection_flags(selection: &Selection) -> String {
    let mut flags = String::new();
    if let Some(service) = &selection.service {
        flags.push_str(&format!(" --service {service}"));
    }
    for operation in &selection.operations {
        flags.push_str(&format!(" --operation {operation}"));
    }
    flags
}

pub fn diff(args: &DiffArgs) -> ExitCode {
    let compared = (|| {
        let old = load_model_files(&args.old)?;
        let new = load_model_files(&args.new)?;
        smithy_bind::diff::diff(&old, &new, args.selection.service_id()?.as_ref(), &args.selection.operations)
    })();
    let diff = match compared {
        Ok(diff) => diff,
        Err(error) => return crate::fail(&error),
    };
    match args.format {
        Format::Table => print!("{}", smithy_bind::diff::to_table(&diff)),
        Format::Json => println!("{:#}", smithy_bind::diff::to_json(&diff)),
    }
    if diff.is_breaking() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn undocumented(args: &UndocumentedArgs) -> ExitCode {
    let missing = (|| {
        let model = load_model_files(&args.models)?;
        let closure = args.selection.closure(&model)?;
        Ok::<_, smithy_bind::Error>(smithy_bind::undocumented::undocumented(&model, &closure))
    })();
    match missing {
        Err(error) => crate::fail(&error),
        Ok(missing) if missing.is_empty() => ExitCode::SUCCESS,
        Ok(missing) => {
            for id in &missing {
                println!("{id}");
            }
            eprintln!("{} shapes and members have no documentation", missing.len());
            ExitCode::from(1)
        }
    }
}
