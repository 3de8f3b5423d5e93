$version: "2.0"

// The documentation of model/workspaces.json, written for this project. The facts are
// extracted from the official model by `smithy-bind extract`; everything said about them
// in prose is here, so an update of the facts leaves it in place. `smithy-bind undocumented`
// lists what a new model version adds without documentation.

namespace com.amazonaws.workspaces

apply ARN @documentation("<p>An Amazon Resource Name: <code>arn:</code>, the partition, service, Region, account and resource, separated by colons.</p>")

apply AccessDeniedException @documentation("<p>The caller is not allowed to perform this action.</p>")
apply AccessDeniedException$message @documentation("<p>The service's explanation of the refusal.</p>")

apply ActiveDirectoryConfig @documentation("<p>The domain and service account WorkSpaces uses to join an Active Directory.</p>")
apply ActiveDirectoryConfig$DomainName @documentation("<p>The fully qualified domain name, such as <code>corp.example.com</code>.</p>")
apply ActiveDirectoryConfig$ServiceAccountSecretArn @documentation("<p>The ARN of the Secrets Manager secret that holds the service account's credentials.</p>")

apply BooleanObject @documentation("<p>A boolean that may be left unset.</p>")

apply DirectoryId @documentation("<p>Identifies a directory: <code>d-</code> or <code>wsd-</code> followed by lowercase letters or digits.</p>")

apply DomainName @documentation("<p>A DNS domain name.</p>")

apply ExceptionErrorCode @documentation("<p>A machine-readable code qualifying an error.</p>")

apply ExceptionMessage @documentation("<p>A human-readable description of an error.</p>")

apply InvalidParameterValuesException @documentation("<p>A parameter value is not valid.</p>")
apply InvalidParameterValuesException$message @documentation("<p>What was wrong with the value.</p>")

apply InvalidResourceStateException @documentation("<p>The resource is not in a state that allows this action.</p>")
apply InvalidResourceStateException$message @documentation("<p>Which state the resource was in.</p>")

apply MicrosoftEntraConfig @documentation("<p>The Microsoft Entra ID tenant a directory's users come from, and the secret holding the application WorkSpaces signs in to it with.</p>")
apply MicrosoftEntraConfig$TenantId @documentation("<p>The identifier of the Entra ID tenant.</p>")
apply MicrosoftEntraConfig$ApplicationConfigSecretArn @documentation("<p>The ARN of the Secrets Manager secret that holds the configuration of the Entra application WorkSpaces uses.</p>")

apply MicrosoftEntraConfigTenantId @documentation("<p>Identifies a Microsoft Entra ID tenant: letters, digits and hyphens.</p>")

apply NonEmptyString @documentation("<p>A string of at least one character.</p>")

apply OperationNotSupportedException @documentation("<p>The action is not supported for this resource or configuration.</p>")
apply OperationNotSupportedException$message @documentation("<p>Why the action is not supported.</p>")
apply OperationNotSupportedException$reason @documentation("<p>A code for the reason the action is not supported.</p>")

apply RegisterWorkspaceDirectory @documentation("<p>Registers a directory with WorkSpaces. The call returns as soon as the registration has started; poll the directory to see it finish.</p><p>An account registering its first directory needs the <code>workspaces_DefaultRole</code> IAM role to exist beforehand, otherwise the call fails with <code>WorkspacesDefaultRoleNotFoundException</code>.</p>")

apply RegisterWorkspaceDirectoryRequest @documentation("<p>What to register and how.</p>")
apply RegisterWorkspaceDirectoryRequest$DirectoryId @documentation("<p>The directory to register. It must be in the <code>Active</code> state, or the call fails with <code>InvalidResourceStateException</code>; an account already at its directory quota gets <code>ResourceLimitExceededException</code>.</p>")
apply RegisterWorkspaceDirectoryRequest$SubnetIds @documentation("<p>The VPC subnets WorkSpaces should use, each in a different supported Availability Zone. Subnets that break either rule cause <code>OperationNotSupportedException</code>.</p>")
apply RegisterWorkspaceDirectoryRequest$EnableSelfService @documentation("<p>Whether users may manage their own WorkSpaces (restart, rebuild, resize and similar).</p>")
apply RegisterWorkspaceDirectoryRequest$Tenancy @documentation("<p>Whether the WorkSpaces of this directory run on dedicated or shared hardware. Bring-your-own-license images need <code>DEDICATED</code> and an account enabled for them; otherwise the call fails with <code>InvalidParameterValuesException</code>.</p>")
apply RegisterWorkspaceDirectoryRequest$Tags @documentation("<p>Tags to attach to the registered directory.</p>")
apply RegisterWorkspaceDirectoryRequest$WorkspaceDirectoryName @documentation("<p>A name for the registered directory.</p>")
apply RegisterWorkspaceDirectoryRequest$WorkspaceDirectoryDescription @documentation("<p>A description of the registered directory.</p>")
apply RegisterWorkspaceDirectoryRequest$UserIdentityType @documentation("<p>Where the identities of the directory's users are managed.</p>")
apply RegisterWorkspaceDirectoryRequest$IdcInstanceArn @documentation("<p>The IAM Identity Center instance whose users the directory serves, by ARN; for a <code>UserIdentityType</code> of <code>AWS_IAM_IDENTITY_CENTER</code>.</p>")
apply RegisterWorkspaceDirectoryRequest$MicrosoftEntraConfig @documentation("<p>How WorkSpaces reaches a Microsoft Entra ID tenant, for directories whose users sign in with Entra identities.</p>")
apply RegisterWorkspaceDirectoryRequest$WorkspaceType @documentation("<p>Whether the directory serves personal WorkSpaces or pools.</p>")
apply RegisterWorkspaceDirectoryRequest$ActiveDirectoryConfig @documentation("<p>How WorkSpaces reaches the Active Directory domain, for directories that use one.</p>")

apply RegisterWorkspaceDirectoryResult @documentation("<p>The outcome of a registration request.</p>")
apply RegisterWorkspaceDirectoryResult$DirectoryId @documentation("<p>The directory that is being registered.</p>")
apply RegisterWorkspaceDirectoryResult$State @documentation("<p>Where the registration stands.</p>")

apply ResourceAlreadyExistsException @documentation("<p>The resource already exists.</p>")
apply ResourceAlreadyExistsException$message @documentation("<p>Which resource already exists.</p>")

apply ResourceLimitExceededException @documentation("<p>The account has reached its quota for this kind of resource.</p>")
apply ResourceLimitExceededException$message @documentation("<p>Which quota was reached.</p>")

apply ResourceNotFoundException @documentation("<p>A resource the request names could not be found.</p>")
apply ResourceNotFoundException$message @documentation("<p>Which resource was not found.</p>")
apply ResourceNotFoundException$ResourceId @documentation("<p>The identifier of the missing resource.</p>")

apply SecretsManagerArn @documentation("<p>The ARN of a Secrets Manager secret.</p>")

apply SubnetId @documentation("<p>Identifies a VPC subnet, such as <code>subnet-0123abcd</code>.</p>")

apply SubnetIds @documentation("<p>Up to two subnet identifiers.</p>")

apply Tag @documentation("<p>A key and optional value attached to a resource.</p>")
apply Tag$Key @documentation("<p>The tag's key.</p>")
apply Tag$Value @documentation("<p>The tag's value, if any.</p>")

apply TagKey @documentation("<p>The key of a tag.</p>")

apply TagList @documentation("<p>A list of tags.</p>")

apply TagValue @documentation("<p>The value of a tag.</p>")

apply Tenancy @documentation("<p>The kind of hardware WorkSpaces run on.</p>")
apply Tenancy$DEDICATED @documentation("<p>Hardware used by this account alone.</p>")
apply Tenancy$SHARED @documentation("<p>Hardware shared with other accounts.</p>")

apply UnsupportedNetworkConfigurationException @documentation("<p>The network configuration cannot be used, for example because the subnets are in unsupported Availability Zones.</p>")
apply UnsupportedNetworkConfigurationException$message @documentation("<p>What is wrong with the network configuration.</p>")

apply UserIdentityType @documentation("<p>Where user identities are managed.</p>")
apply UserIdentityType$CUSTOMER_MANAGED @documentation("<p>In a directory the customer runs.</p>")
apply UserIdentityType$AWS_DIRECTORY_SERVICE @documentation("<p>In AWS Directory Service.</p>")
apply UserIdentityType$AWS_IAM_IDENTITY_CENTER @documentation("<p>In AWS IAM Identity Center.</p>")

apply WorkspaceDirectoryDescription @documentation("<p>Free text describing a registered directory.</p>")

apply WorkspaceDirectoryName @documentation("<p>The name given to a registered directory.</p>")

apply WorkspaceDirectoryState @documentation("<p>The registration state of a directory.</p>")
apply WorkspaceDirectoryState$REGISTERING @documentation("<p>Registration has started.</p>")
apply WorkspaceDirectoryState$REGISTERED @documentation("<p>Registration has finished.</p>")
apply WorkspaceDirectoryState$DEREGISTERING @documentation("<p>Deregistration has started.</p>")
apply WorkspaceDirectoryState$DEREGISTERED @documentation("<p>Deregistration has finished.</p>")
apply WorkspaceDirectoryState$ERROR @documentation("<p>Registration failed.</p>")

apply WorkspaceType @documentation("<p>The kind of WorkSpaces a directory serves.</p>")
apply WorkspaceType$PERSONAL @documentation("<p>One persistent WorkSpace per user.</p>")
apply WorkspaceType$POOLS @documentation("<p>Non-persistent WorkSpaces shared out from a pool.</p>")

apply WorkspacesDefaultRoleNotFoundException @documentation("<p>The <code>workspaces_DefaultRole</code> IAM role does not exist in the account; create it before registering a directory.</p>")
apply WorkspacesDefaultRoleNotFoundException$message @documentation("<p>What the service looked for.</p>")

apply WorkspacesService @documentation("<p>Amazon WorkSpaces provisions virtual desktops in the cloud. This model covers the part of the service that registers directories, so that WorkSpaces can be created for the users in them.</p>")
