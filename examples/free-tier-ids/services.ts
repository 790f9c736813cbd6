/**
 * The six services of the free-tier intrusion-detection system, with the port
 * each container listens on and the path prefix the load balancer routes to
 * it. `statefulDatabase` marks the two APIs that keep their database in a
 * local container, which pins them to a single task.
 */
export interface ServiceSpec {
  /** Stable key: construct IDs, security group names and paths derive from it. */
  readonly name: string;
  readonly port: number;
  readonly pathPattern: string;
  /** Listener rule priority; fixed per service so adding one moves no other. */
  readonly priority: number;
  readonly statefulDatabase: boolean;
}

export const SERVICES: readonly ServiceSpec[] = [
  { name: 'human-detection', port: 8000, pathPattern: '/human-detection/*', priority: 10, statefulDatabase: false },
  { name: 'intrusion-management-api', port: 8001, pathPattern: '/intrusion-management/*', priority: 20, statefulDatabase: true },
  { name: 'sites-management-api', port: 8002, pathPattern: '/sites-management/*', priority: 30, statefulDatabase: true },
  { name: 'web-ui-client', port: 3000, pathPattern: '/client/*', priority: 40, statefulDatabase: false },
  { name: 'web-ui-management', port: 3001, pathPattern: '/management/*', priority: 50, statefulDatabase: false },
  { name: 'idp', port: 8080, pathPattern: '/idp/*', priority: 60, statefulDatabase: false },
];

export const AVAILABILITY_ZONES = ['eu-west-3a', 'eu-west-3b'] as const;
