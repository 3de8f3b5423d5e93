//! Generates bindings for the three directory operations from the official WorkSpaces model
//! (April 2025, in ../shared/models/) with both clients, into `$OUT_DIR/workspaces.rs`.

fn main() -> Result<(), smithy_bind::Error> {
    smithy_bind::Generator::new()
        .model("../../../shared/models/workspaces-2015-04-08.json")
        .operation("RegisterWorkspaceDirectory")
        .operation("DescribeWorkspaceDirectories")
        .operation("DeregisterWorkspaceDirectory")
        .single_file("workspaces.rs", "crate::workspaces")
        .single_file_features(["validation", "sigv4", "client", "blocking", "ureq", "async", "hyper"])
        .generate()
}
