//! Generates bindings for the three directory operations from the official WorkSpaces model
//! (April 2025, in ../shared/models/) with both clients, into `$OUT_DIR/workspaces.rs`, and for
//! four EKS cluster operations (restJson1, from ../shared/aws-models/) into `$OUT_DIR/eks.rs`.

fn main() -> Result<(), smithy_bind::Error> {
    smithy_bind::Generator::new()
        .model("../../../shared/models/workspaces-2015-04-08.json")
        .operation("RegisterWorkspaceDirectory")
        .operation("DescribeWorkspaceDirectories")
        .operation("DeregisterWorkspaceDirectory")
        .single_file("workspaces.rs", "crate::workspaces")
        .single_file_features(["validation", "sigv4", "client", "blocking", "ureq", "async", "hyper"])
        .generate()?;
    // A restJson1 service moto emulates: labels, query, a JSON body and errors named by header.
    smithy_bind::Generator::new()
        .model("../../../shared/aws-models/eks-2017-11-01.json.gz")
        .operation("CreateCluster")
        .operation("DescribeCluster")
        .operation("ListClusters")
        .operation("DeleteCluster")
        .single_file("eks.rs", "crate::eks")
        .single_file_features(["validation", "sigv4", "client", "blocking", "ureq", "async", "hyper"])
        .generate()
}
