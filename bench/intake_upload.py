"""Stream a 1 GiB multipart upload (a zip of PDFs) into POST /v1/reviews and
into a bare endpoint on the same server that only writes the body to disk.

The reference is that endpoint writing durably, as the intake does (its
201 comes after its blobs are flushed to the disk); the same endpoint writing
only into the page cache is measured too and its ratio printed beside it.

    .venv/bin/python -m bench.intake_upload [--gib 1.0] [--server uvicorn] [--rounds 4]

Each round posts the package to the sink and to the intake, alternating
which goes first (an upload into memory the one before it freed runs faster:
a fixed order would favour one side). Reports throughput of both, their ratio
per round and its median, the server process's peak RSS growth during each
upload (sampled from /proc every 20 ms), the server's CPU seconds per thread
and how busy the machine's cores were.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from bench.common import running_server, seed, throwaway_cluster
from bench.pdfgen import sized_pdf

MIB = 1024 * 1024


def build_package(path: Path, total: int, documents: int) -> int:
    each = max(64 * 1024, total // documents)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i in range(documents):
            zf.writestr(f"loan/{i:04d}.pdf", sized_pdf(each - 800, pages=1 + i % 5))
    return path.stat().st_size


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds so far per thread ("main" or its thread id)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        name = "main" if task.name == str(pid) else task.name
        fields = stat[stat.rindex(")") + 2 :].split()
        out[name] = (int(fields[11]) + int(fields[12])) / tick
    return out


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine so far."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


class RssSampler:
    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            time.sleep(0.02)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def upload(url: str, cert: Path, package: Path, headers: dict[str, str]) -> tuple[float, int, str]:
    cmd = ["curl", "-sS", "--cacert", str(cert), "-o", "-", "-w", "\n%{http_code} %{time_total}"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    cmd += ["-F", "review_type=mortgage_v1", "-F", f"documents=@{package};type=application/zip"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    body, _, tail = out.rpartition("\n")
    status, seconds = tail.split()
    return float(seconds), int(status), body


def measure(
    proc: subprocess.Popen[bytes], url: str, cert: Path, package: Path, headers: dict[str, str]
) -> dict[str, object]:
    size = package.stat().st_size
    # Start clean: the previous upload's dirty pages, written back by the
    # kernel during this one, would slow whichever run comes next.
    os.sync()
    time.sleep(1.0)
    baseline = rss_bytes(proc.pid)
    cpu_before, busy_before = thread_cpu(proc.pid), machine_busy()
    with RssSampler(proc.pid) as sampler:
        seconds, status, body = upload(url, cert, package, headers)
    cpu_after, busy_after = thread_cpu(proc.pid), machine_busy()
    row: dict[str, object] = {
        "status": status,
        "seconds": round(seconds, 2),
        "mib_per_s": round(size / MIB / seconds, 1),
        "rss_growth_mib": round((sampler.peak - baseline) / MIB, 1),
        # Where the server's CPU went, and how busy the machine's cores were.
        "server_cpu_s": {
            n: round(c - cpu_before.get(n, 0.0), 2)
            for n, c in sorted(cpu_after.items())
            if c - cpu_before.get(n, 0.0) >= 0.05
        },
        "machine_busy": round(
            (busy_after[0] - busy_before[0]) / (busy_after[1] - busy_before[1]), 2
        ),
    }
    if url.endswith("/v1/reviews"):
        row["document_count"] = json.loads(body).get("document_count")
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--documents", type=int, default=480)
    parser.add_argument("--server", default="uvicorn")
    parser.add_argument(
        "--rounds", type=int, default=4, help="sink and intake, alternating, this many times"
    )
    args = parser.parse_args()
    ratios: list[float] = []
    cache_ratios: list[float] = []
    growths: list[float] = []
    with tempfile.TemporaryDirectory(prefix="flightline-bench-pkg-") as tmp:
        package = Path(tmp) / "loan-file.zip"
        size = build_package(package, int(args.gib * 1024 * MIB), args.documents)
        print(json.dumps({"package_bytes": size, "documents": args.documents}))
        with throwaway_cluster() as cluster:
            seeded = seed(cluster)
            auth = {"Authorization": f"Bearer {seeded.secret}"}
            env = {"FLIGHTLINE_BENCH_ENDPOINTS": "true"}
            with running_server(cluster, args.server, 1, env) as (base, proc):
                cert = cluster.data_dir / "tls" / "cert.pem"
                upload(f"{base}/bench/sink", cert, package, {})  # warm-up: page cache, TLS
                durable_sink = f"{base}/bench/sink?durable=true"
                cache_sink = f"{base}/bench/sink"
                for round_ in range(1, args.rounds + 1):
                    # Alternate which goes first: an upload runs faster into
                    # memory the previous one just freed (the sink deletes its
                    # file, the intake keeps its blobs), so a fixed order
                    # would favour one side in every round.
                    if round_ % 2:
                        sink = measure(proc, durable_sink, cert, package, {})
                        cached = measure(proc, cache_sink, cert, package, {})
                        intake = measure(proc, f"{base}/v1/reviews", cert, package, auth)
                    else:
                        intake = measure(proc, f"{base}/v1/reviews", cert, package, auth)
                        cached = measure(proc, cache_sink, cert, package, {})
                        sink = measure(proc, durable_sink, cert, package, {})
                    assert intake["status"] == 201, intake
                    ratio = float(sink["seconds"]) / float(intake["seconds"])  # type: ignore[arg-type]
                    cache_ratio = float(cached["seconds"]) / float(intake["seconds"])  # type: ignore[arg-type]
                    ratios.append(ratio)
                    cache_ratios.append(cache_ratio)
                    growths.append(float(intake["rss_growth_mib"]))  # type: ignore[arg-type]
                    print(
                        json.dumps(
                            {
                                "round": round_,
                                "bare_sink_durable": sink,
                                "bare_sink_page_cache": cached,
                                "intake": intake,
                            }
                        )
                    )
                    print(
                        f"round {round_}: ratio {ratio:.2f} "
                        f"(against the page-cache-only sink {cache_ratio:.2f})"
                    )
    median = statistics.median(ratios)
    growth = max(growths)
    print(
        f"ratio per round {[round(r, 2) for r in ratios]}, median {median:.2f} (target ≥ 0.5); "
        f"against the page-cache-only sink {[round(r, 2) for r in cache_ratios]}, "
        f"median {statistics.median(cache_ratios):.2f}; "
        f"peak RSS growth, worst round {growth} MiB (target ≤ 64) "
        f"{'PASS' if median >= 0.5 and growth <= 64 else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
