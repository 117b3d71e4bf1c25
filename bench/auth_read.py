"""Authenticated GET /v1/reviews/{id} against the bare /healthz on the same
server, same run, over TLS on loopback, with wrk.

    .venv/bin/python -m bench.auth_read [--servers uvicorn,granian] [--workers 2] [--seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid

import psycopg

from bench.common import Seeded, running_server, seed, throwaway_cluster, wrk
from flightline.auth.keys import hash_secret
from flightline.core.cluster import Cluster


def database_ceiling(cluster: Cluster, seeded: Seeded, seconds: float = 10) -> float:
    """The same statements a request runs, from one process over 8 connections
    with bare psycopg and no HTTP: what PostgreSQL on this machine allows."""
    conninfo = f"host={cluster.socket_dir} port=5432 user=flightline_api dbname=flightline"
    digest = hash_secret(seeded.secret)
    count = 0

    async def loop(deadline: float) -> None:
        nonlocal count
        async with await psycopg.AsyncConnection.connect(conninfo) as conn:
            while time.monotonic() < deadline:
                async with conn.transaction():
                    await conn.execute(
                        "SELECT * FROM flightline_private.authenticate(%s, true)", (digest,)
                    )
                    await conn.execute(
                        "SELECT * FROM reviews WHERE org_id = %s AND sandbox = false AND id = %s",
                        (seeded.org_id, seeded.review_id),
                    )
                    await conn.execute(
                        "INSERT INTO audit_events (org_id, id, sandbox, key_id, method, route,"
                        " status, outcome, request_id, duration_ms)"
                        " VALUES (%s, %s, false, 'key_x', 'GET', '/r', 200, 'ok', 'req_x', 1)",
                        (seeded.org_id, uuid.uuid4()),
                    )
                count += 1

    async def run() -> float:
        start = time.monotonic()
        await asyncio.gather(*(loop(start + seconds) for _ in range(8)))
        return count / (time.monotonic() - start)

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servers", default="uvicorn,granian")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    results = []
    with throwaway_cluster() as cluster:
        seeded = seed(cluster)
        auth = {"Authorization": f"Bearer {seeded.secret}"}
        ceiling = database_ceiling(cluster, seeded)
        print(json.dumps({"database_ceiling_tps": round(ceiling)}))
        for server in args.servers.split(","):
            with running_server(cluster, server, args.workers) as (base, _):
                review_url = f"{base}/v1/reviews/{seeded.review_id}"
                wrk(review_url, 8, 3, auth)  # warm-up: pools, prepared statements
                wrk(f"{base}/healthz", 8, 2)
                bare50 = wrk(f"{base}/healthz", 50, args.seconds)
                auth50 = wrk(review_url, 50, args.seconds, auth)
                auth8 = wrk(review_url, 8, args.seconds, auth)
            row = {
                "server": server,
                "workers": args.workers,
                "bare_rps_c50": round(bare50.rps),
                "auth_rps_c50": round(auth50.rps),
                "ratio_c50": round(auth50.rps / bare50.rps, 3),
                "auth_p99_ms_c50": auth50.p99_ms,
                "auth_p99_ms_c8": auth8.p99_ms,
                "auth_p50_ms_c8": auth8.p50_ms,
                "errors": bare50.errors + auth50.errors + auth8.errors,
                "db_ceiling_over_bare": round(ceiling / bare50.rps, 3),
            }
            results.append(row)
            print(json.dumps(row))
    for row in results:
        verdict = "PASS" if row["ratio_c50"] >= 0.35 and row["auth_p99_ms_c8"] <= 25 else "FAIL"
        print(
            f"{row['server']:8} x{row['workers']}: ratio {row['ratio_c50']:.3f} (target ≥ 0.35), "
            f"p99@8 {row['auth_p99_ms_c8']:.2f} ms (≤ 25), p99@50 {row['auth_p99_ms_c50']:.2f} ms, "
            f"auth {row['auth_rps_c50']} rps vs bare {row['bare_rps_c50']} rps  {verdict}"
        )


if __name__ == "__main__":
    main()
