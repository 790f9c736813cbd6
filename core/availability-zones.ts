/**
 * Availability Zone names per Region, for choosing default AZs. AZ letters
 * are not contiguous everywhere (ap-northeast-1 has no "b", ca-central-1 no
 * "c"), so deriving names from letters deploys into zones that do not exist.
 * Only Regions whose zone names are the same for every account are listed;
 * in us-west-1, for example, each account sees two of three names, so no
 * default can be right there and the caller must name its zones.
 */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-2': 'abcd',
  'ca-central-1': 'abd',
  'sa-east-1': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-central-1': 'abc',
  'eu-north-1': 'abc',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-south-1': 'abc',
};

/** The Region's AZ names in order, or undefined when the table does not vouch for them. */
export function availabilityZonesOf(region: string): readonly string[] | undefined {
  const letters = ZONE_LETTERS[region];
  return letters === undefined ? undefined : [...letters].map((l) => `${region}${l}`);
}

/** Regions with a vetted zone list. */
export function regionsWithKnownZones(): readonly string[] {
  return Object.keys(ZONE_LETTERS);
}
