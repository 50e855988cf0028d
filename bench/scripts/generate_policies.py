#!/usr/bin/env python3
"""Writes a synthetic ztap/v1 policy set and a matching inventory for whole-process benchmarks.

Each service svc-N gets one workload (two for every third service) and one policy that isolates
it both ways: ingress from the previous service, egress to the next one and to DNS. Every tenth
policy also allows an ipBlock, and every seventh uses ICMP, so the reader sees each kind of field.

    generate_policies.py COUNT OUT_DIR [--per-file N]

writes OUT_DIR/policies/policies-NNNN.yaml (N policies a file, as multi-document YAML) and
OUT_DIR/inventory.yaml. The output depends only on the arguments.
"""
import argparse
import os


def policy(i: int, count: int) -> str:
    previous, following = (i - 1) % count, (i + 1) % count
    egress_extra = ""
    if i % 10 == 0:
        egress_extra = f"""
    - to:
        - ipBlock:
            cidr: 198.51.{i % 256}.0/24
      ports:
        - protocol: TCP
          port: 443"""
    ingress_extra = ""
    if i % 7 == 0:
        ingress_extra = """
    - from:
        - ipBlock:
            cidr: 10.255.0.0/16
      ports:
        - protocol: ICMP"""
    return f"""apiVersion: ztap/v1
kind: NetworkPolicy
metadata:
  name: svc-{i:05d}
spec:
  podSelector:
    matchLabels:
      app: svc-{i:05d}
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: svc-{previous:05d}
      ports:
        - protocol: TCP
          port: {8000 + i % 1000}{ingress_extra}
  egress:
    - to:
        - podSelector:
            matchLabels:
              app: svc-{following:05d}
      ports:
        - protocol: TCP
          port: {8000 + following % 1000}
    - to:
        - podSelector:
            matchLabels:
              app: dns
      ports:
        - protocol: UDP
          port: 53{egress_extra}
"""


def address(n: int) -> str:
    # 250 hosts per /24, numbered from .1, so no two workloads share an address.
    block, host = divmod(n, 250)
    return f"10.{block // 256}.{block % 256}.{host + 1}"


def workload(name: str, labels: dict, addresses: list) -> str:
    label_lines = "".join(f"\n      {k}: {v}" for k, v in labels.items())
    address_lines = "".join(f"\n      - {a}" for a in addresses)
    return f"""  - name: {name}
    namespace: default
    labels:{label_lines}
    ips:{address_lines}
"""


def inventory(count: int) -> str:
    parts = ["workloads:\n", workload("dns-1", {"app": "dns"}, ["10.254.0.53"])]
    n = 0
    for i in range(count):
        replicas = 2 if i % 3 == 0 else 1
        for r in range(replicas):
            n += 1
            parts.append(workload(f"svc-{i:05d}-{r}", {"app": f"svc-{i:05d}", "tier": f"t{i % 5}"}, [address(n)]))
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--per-file", type=int, default=100)
    args = parser.parse_args()

    policies_dir = os.path.join(args.out_dir, "policies")
    os.makedirs(policies_dir, exist_ok=True)
    for start in range(0, args.count, args.per_file):
        documents = [policy(i, args.count) for i in range(start, min(start + args.per_file, args.count))]
        with open(os.path.join(policies_dir, f"policies-{start // args.per_file:04d}.yaml"), "w") as f:
            f.write("---\n".join(documents))
    with open(os.path.join(args.out_dir, "inventory.yaml"), "w") as f:
        f.write(inventory(args.count))


if __name__ == "__main__":
    main()
