/** The AWS-managed prefix list of CloudFront's origin-facing addresses: traffic from it is CloudFront's, not the internet's. */
export const CLOUDFRONT_ORIGIN_FACING_LIST = 'com.amazonaws.global.cloudfront.origin-facing';
