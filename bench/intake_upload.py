"""Stream a 1 GiB multipart upload (a zip of PDFs) into POST /v1/reviews and
into a bare endpoint on the same server that only writes the body to disk.

    .venv/bin/python -m bench.intake_upload [--gib 1.0] [--server uvicorn]

Reports throughput of both, their ratio, and the server process's peak RSS
growth during the upload (sampled from /proc every 20 ms).
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--documents", type=int, default=480)
    parser.add_argument("--server", default="uvicorn")
    args = parser.parse_args()
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
                rows = {}
                for name, url, headers in (
                    ("bare_sink", f"{base}/bench/sink", {}),
                    ("intake", f"{base}/v1/reviews", auth),
                ):
                    baseline = rss_bytes(proc.pid)
                    with RssSampler(proc.pid) as sampler:
                        seconds, status, body = upload(url, cert, package, headers)
                    rows[name] = {
                        "status": status,
                        "seconds": round(seconds, 2),
                        "mib_per_s": round(size / MIB / seconds, 1),
                        "rss_growth_mib": round((sampler.peak - baseline) / MIB, 1),
                    }
                    if name == "intake":
                        rows[name]["document_count"] = json.loads(body).get("document_count")
                    print(json.dumps({name: rows[name]}))
    ratio = rows["bare_sink"]["seconds"] / rows["intake"]["seconds"]
    growth = rows["intake"]["rss_growth_mib"]
    print(
        f"intake {rows['intake']['mib_per_s']} MiB/s vs bare sink {rows['bare_sink']['mib_per_s']} "
        f"MiB/s: ratio {ratio:.2f} (target ≥ 0.5); peak RSS growth {growth} MiB (target ≤ 64) "
        f"{'PASS' if ratio >= 0.5 and growth <= 64 else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
