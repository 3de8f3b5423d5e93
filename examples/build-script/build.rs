//! Generates bindings for RegisterWorkspaceDirectory into `$OUT_DIR/workspaces.rs` on every
//! build where the model changed (the generator tells Cargo to watch both files: the facts
//! and their documentation).

fn main() -> Result<(), smithy_bind::Error> {
    smithy_bind::Generator::new()
        .model("../../model/workspaces.json")
        .model("../../model/workspaces-docs.smithy")
        .operation("RegisterWorkspaceDirectory")
        .single_file("workspaces.rs", "crate::workspaces")
        .generate()
}
