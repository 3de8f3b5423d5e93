//! Generates bindings for RegisterWorkspaceDirectory into `$OUT_DIR/workspaces.rs` on every
//! build where the model changed (the generator tells Cargo to watch it).

fn main() -> Result<(), smithy_bindgen::Error> {
    smithy_bindgen::Generator::new()
        .model("../../model/workspaces.json")
        .operation("RegisterWorkspaceDirectory")
        .single_file("workspaces.rs", "crate::workspaces")
        .generate()
}
