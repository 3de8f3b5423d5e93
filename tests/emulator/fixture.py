"""Creates what RegisterWorkspaceDirectory needs in a moto server: a VPC, two subnets in two
availability zones, and a Simple AD directory in them; prints their ids as one JSON object.

Usage: fixture.py ENDPOINT_URL DIRECTORY_NAME
"""
import json
import sys

import boto3


def main():
    url, name = sys.argv[1], sys.argv[2]
    options = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
    ec2 = boto3.client("ec2", **options)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"us-east-1{zone}")["Subnet"]["SubnetId"]
        for n, zone in ((1, "a"), (2, "b"))
    ]
    directory = boto3.client("ds", **options).create_directory(
        Name=name, Password="Fixture-Passw0rd", Size="Small", VpcSettings={"VpcId": vpc, "SubnetIds": subnets}
    )["DirectoryId"]
    print(json.dumps({"vpc": vpc, "subnets": subnets, "directory": directory}))


if __name__ == "__main__":
    main()
