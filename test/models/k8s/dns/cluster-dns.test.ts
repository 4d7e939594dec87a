import { describe, expect, it } from 'vitest';
import { formatResolvConf, lookupClusterName, podResolvConf } from '../../../../src/models/k8s/dns/cluster-dns';

const services = [{ name: 'auth-service', namespace: 'default', clusterIP: '10.100.4.20' }];

describe('cluster DNS for Services', () => {
  it('answers <svc>.<ns>.svc.cluster.local with the ClusterIP, case-insensitively, with the kubeadm TTL', () => {
    expect(lookupClusterName(services, 'Auth-Service.default.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', ip: '10.100.4.20', ttl: 30 });
  });

  it('says NXDOMAIN inside the cluster domain and hands other names upstream', () => {
    expect(lookupClusterName(services, 'auth-service.shop.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(lookupClusterName(services, 'api.example.com.shop.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(lookupClusterName(services, 'api.example.com').rcode).toBe('NOT_CLUSTER');
  });

  it('writes the resolv.conf a pod gets, with ndots:5', () => {
    expect(formatResolvConf(podResolvConf('shop', '10.96.0.10'))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
});
