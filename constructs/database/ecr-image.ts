/** An image in a private ECR repository, split into the parts IAM and Docker need. */
export interface EcrImage {
  readonly reference: string;
  readonly accountId: string;
  readonly region: string;
  readonly repository: string;
  /** `<account>.dkr.ecr.<region>.amazonaws.com`, what `docker login` targets. */
  readonly registry: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?)(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** Parses `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>` (or `@sha256:<digest>`). */
export function parseEcrImage(reference: string): EcrImage | undefined {
  const m = ECR_IMAGE.exec(reference);
  if (!m) return undefined;
  const [, accountId, region, repository] = m as unknown as [string, string, string, string];
  return { reference, accountId, region, repository, registry: reference.slice(0, reference.indexOf('/')) };
}

/** ARN of the image's repository: the one resource the host may pull from. */
export function repositoryArn(image: EcrImage, partition: string): string {
  return `arn:${partition}:ecr:${image.region}:${image.accountId}:repository/${image.repository}`;
}
