/**
 * Tag keys tenantform writes so that the compliance suite, which only reads
 * Terraform JSON, can recover facts the typed model knew.
 */

/** Provider default tag: the environment name. */
export const ENVIRONMENT_TAG = 'environment';

/** Provider default tag: `"true"` when real customer data may live in this environment. */
export const CUSTOMER_DATA_ALLOWED_TAG = 'tenantform:customer-data';

/**
 * Resource tag on data stores: `customer` for real tenant data, `synthetic`
 * for generated test tenants in non-production environments.
 */
export const DATA_CLASS_TAG = 'tenantform:data-class';
export type DataClass = 'customer' | 'synthetic';

/** Resource tag naming the tenant a resource belongs to. */
export const TENANT_TAG = 'tenantform:tenant';
