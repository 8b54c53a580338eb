import { spawnSync } from "node:child_process";

/** How S3 stored an object: `aws:kms` with the key's id, or `AES256`. */
export interface ObjectEncryption {
  readonly serverSideEncryption: string;
  readonly kmsKeyId?: string;
}

// boto3 comes with moto_server; it honours AWS_ENDPOINT_URL and AWS_CA_BUNDLE from the moto env.
const HEAD_OBJECT = `
import boto3, json, sys
role, bucket, key = sys.argv[1:4]
creds = boto3.client("sts").assume_role(RoleArn=role, RoleSessionName="orgplat-e2e")["Credentials"]
s3 = boto3.client("s3", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
head = s3.head_object(Bucket=bucket, Key=key)
print(json.dumps({"serverSideEncryption": head.get("ServerSideEncryption"), "kmsKeyId": head.get("SSEKMSKeyId")}))
`;

/** Reads an object's encryption through `roleArn` (assumed in the emulator), as S3 reports it. */
export function s3ObjectEncryption(env: NodeJS.ProcessEnv, roleArn: string, bucket: string, key: string): ObjectEncryption {
  // The emulator's variables on top of this process's own: python3 and its boto3 come from PATH.
  const run = spawnSync("python3", ["-c", HEAD_OBJECT, roleArn, bucket, key], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(`head_object s3://${bucket}/${key} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ObjectEncryption;
}
