//! The restJson1 clients against moto's EKS emulation: create a cluster (a JSON body), list
//! clusters (a query parameter), describe it (a label), fail to create it twice and to
//! describe an unknown one (errors named by `x-amzn-ErrorType`), and delete it. Every request
//! is signed with SigV4 over the restJson1 request line, headers and body.

use smithy_bind_emulator_tests::eks::config::Credentials;
use smithy_bind_emulator_tests::eks::error::{ProvideErrorMetadata, SdkError};
use smithy_bind_emulator_tests::eks::types::{ClusterStatus, VpcConfigRequest};
use smithy_bind_emulator_tests::eks::{blocking, Client, Config};
use smithy_bind_emulator_tests::Moto;

const ROLE: &str = "arn:aws:iam::123456789012:role/eks-cluster";

fn config(moto: &Moto) -> Config {
    Config::builder()
        .region("us-east-1")
        .credentials(Credentials::from_keys("testing", "testing", None))
        .endpoint_url(moto.url())
        .build()
}

fn vpc() -> VpcConfigRequest {
    VpcConfigRequest::builder().subnet_ids("subnet-1").subnet_ids("subnet-2").build()
}

/// An error the service answered with: its code and message.
fn code_and_message<E: ProvideErrorMetadata + std::fmt::Display>(error: &SdkError<E>) -> (String, String) {
    let service_error = error.as_service_error().unwrap_or_else(|| panic!("a service error, not {error}"));
    (service_error.code().unwrap_or_default().to_owned(), service_error.message().unwrap_or_default().to_owned())
}

#[test]
fn the_blocking_client_creates_lists_describes_and_deletes_a_cluster() {
    let moto = Moto::start();
    let client = blocking::Client::from_conf(config(&moto));

    let created = client
        .create_cluster()
        .name("books")
        .role_arn(ROLE)
        .resources_vpc_config(vpc())
        .send()
        .expect("the cluster is created");
    let cluster = created.cluster().expect("the new cluster");
    assert_eq!(cluster.name(), Some("books"));
    assert_eq!(cluster.role_arn(), Some(ROLE));

    let listed = client.list_clusters().max_results(10).send().unwrap();
    assert_eq!(listed.clusters(), ["books".to_owned()]);

    let described = client.describe_cluster().name("books").send().unwrap();
    let cluster = described.cluster().expect("the cluster");
    assert_eq!(cluster.status(), Some(&ClusterStatus::Active));
    let subnets = cluster.resources_vpc_config().map(|config| config.subnet_ids().to_vec());
    assert_eq!(subnets, Some(vec!["subnet-1".to_owned(), "subnet-2".to_owned()]));

    let again = client
        .create_cluster()
        .name("books")
        .role_arn(ROLE)
        .resources_vpc_config(vpc())
        .send()
        .expect_err("a cluster name is taken once");
    assert_eq!(
        code_and_message(&again),
        ("ResourceInUseException".to_owned(), "Cluster already exists with name: books".to_owned())
    );
    assert!(again.as_service_error().is_some_and(|error| error.is_resource_in_use_exception()));

    let unknown = client.describe_cluster().name("nothing").send().expect_err("no such cluster");
    assert_eq!(
        code_and_message(&unknown),
        ("ResourceNotFoundException".to_owned(), "No cluster found for name: nothing.".to_owned())
    );
    assert_eq!(unknown.attempts(), 1, "a client error is not retried");

    client.delete_cluster().name("books").send().unwrap();
    assert!(client.list_clusters().send().unwrap().clusters().is_empty());
    println!("moto end-to-end (restJson1, blocking client): create, list, describe, 2 errors, delete: ok");
}

#[tokio::test(flavor = "current_thread")]
async fn the_async_client_creates_and_describes_a_cluster() {
    let moto = Moto::start();
    let client = Client::from_conf(config(&moto));
    client.create_cluster().name("shelves").role_arn(ROLE).resources_vpc_config(vpc()).send().await.unwrap();
    let described = client.describe_cluster().name("shelves").send().await.unwrap();
    assert_eq!(described.cluster().and_then(|cluster| cluster.name()), Some("shelves"));
    // A label that would change the path is refused before anything is sent.
    let refused = client.describe_cluster().name("..").send().await.expect_err("`..` is no cluster name");
    assert!(refused.to_string().contains("@httpLabel"), "{refused}");
    println!("moto end-to-end (restJson1, async client): create, describe, a refused label: ok");
}
