/**
 * AWS-owned Elastic Load Balancing accounts that deliver ALB access logs in
 * Regions opened before August 2022 (newer Regions use the log-delivery
 * service principal). Constructs grant them write access to log buckets; the
 * separation rules read the same table so such a grant is not mistaken for an
 * account of another environment.
 */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021', 'us-east-2': '033677994240', 'us-west-1': '027434742980', 'us-west-2': '797873946194',
  'af-south-1': '098369216593', 'ap-east-1': '754344448648', 'ap-south-1': '718504428378', 'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887', 'ap-northeast-3': '383597477331', 'ap-southeast-1': '114774131450', 'ap-southeast-2': '783225319266',
  'ap-southeast-3': '589379963580', 'ca-central-1': '985666609251', 'eu-central-1': '054676820928', 'eu-west-1': '156460612806',
  'eu-west-2': '652711504416', 'eu-west-3': '009996457667', 'eu-south-1': '635631232127', 'eu-north-1': '897822967062',
  'me-south-1': '076674570225', 'sa-east-1': '507241528517',
};
